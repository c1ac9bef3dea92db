/**
 * The one message catalogue.  Every user-facing failure of kaoping has a stable code here, in bands
 * by phase:
 *
 * - KP0xxx  files and encodings
 * - KP1xxx  lexing and syntax
 * - KP2xxx  semantics (names, kinds, amounts, bands, structure)
 * - KP3xxx  lint (catalogue defects; see the lint package)
 * - KP4xxx  facts (the scoring input) and scoring
 * - KP8xxx  the SQL target and its engines (KP8001 here; KP8010–KP8049 in @kaoping/engines, errors.ts)
 *
 * Messages are Chinese sentences with `{0}`, `{1}` … placeholders.  Codes are never reused.
 */
import type { Span } from "./text/position.js";

/** How serious a diagnostic is. */
export type Severity = "error" | "warning" | "info" | "hint";

/** How each severity is called in Chinese output (CLI, lint reports, editors). */
export const severityWords: Readonly<Record<Severity, string>> = { error: "错误", warning: "警告", info: "提示", hint: "建议" };

/** One replacement in a file: `[start, end)` offsets are replaced by `newText`. */
export interface TextEdit {
  /** The file the edit applies to; the diagnostic's file when absent. */
  file?: string;
  start: number;
  end: number;
  newText: string;
}

/** A fix the user can apply: a title and the edits that make it. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** Extra locations that explain a diagnostic (e.g. the first definition of a duplicate). */
export interface RelatedInformation {
  file?: string;
  span: Span;
  message: string;
}

/** A problem found in a user's input. */
export interface Diagnostic {
  /** Stable code, e.g. "KP2001". */
  code: string;
  severity: Severity;
  /** The Chinese message, placeholders filled. */
  message: string;
  /** The file the diagnostic is in (a path or URI), if it concerns a file. */
  file?: string;
  /** Exact source range. */
  span: Span;
  related?: RelatedInformation[];
  fixes?: Fix[];
}

/** An entry of the message catalogue. */
export interface MessageDef {
  severity: Severity;
  message: string;
}

/** All diagnostics kaoping core can report. */
export const messages = {
  // ---- KP0xxx files and encodings
  KP0001: { severity: "error", message: "找不到这个文件" },
  KP0002: { severity: "error", message: "这是一个目录，这里需要一个文件" },
  KP0003: { severity: "error", message: "文件不是 UTF-8 编码（看起来是 {0}）；请用编辑器另存为 UTF-8 后再试" },
  KP0004: { severity: "error", message: "无法读取文件：{0}" },
  KP0005: { severity: "error", message: "目录「{0}」中没有 .kp 文件" },
  KP0006: { severity: "error", message: "引入形成循环：{0}" },
  KP0007: { severity: "error", message: "文件含有 NUL 字符，不是文本文件" },
  KP0008: { severity: "error", message: "文件是空的" },
  KP0009: { severity: "error", message: "找不到细则的根文件：「{0}」中没有写「细则」标题的文件" },
  KP0010: { severity: "error", message: "「{0}」中有多个根文件（都写了「细则」标题）：{1}" },
  KP0011: { severity: "error", message: "这不是普通文件，而是{0}：kaoping 只读取普通文件" },
  KP0012: { severity: "error", message: "文件太大（{0}），超过上限 {1}" },
  KP0013: { severity: "error", message: "不能引入「{0}」：{1}；只能引入 .kp 文件，这个文件没有被读取" },
  KP0014: { severity: "error", message: "不能引入「{0}」：它在细则根文件所在的目录之外，这个文件没有被读取；只能引入根文件所在目录及其子目录中的 .kp 文件（命令行可用 --include-root <目录> 增加允许的目录）" },
  KP0015: { severity: "error", message: "这是指向非 .kp 文件的符号链接：kaoping 只读取 .kp 文件，它的内容没有使用" },
  // KP0016–KP0019: writing outputs (files, the compiled set, standard output)
  KP0016: { severity: "error", message: "输出文件「{0}」就是输入文件「{1}」：kaoping 不覆盖输入，请换一个输出文件" },
  KP0017: { severity: "error", message: "无法写入「{0}」：{1}" },
  KP0018: { severity: "error", message: "「{0}」中的编译结果不是同一次编译生成的（{1}）：请重新运行 kp compile" },
  KP0019: { severity: "error", message: "无法写出{0}：{1}" },
  KP0020: { severity: "error", message: "无法读取编辑器发来的消息：{0}；语言服务器退出（编辑器会重新启动它）" },

  // ---- KP1xxx lexing and syntax
  KP1001: { severity: "error", message: "无法识别的文字「{0}」：名称和条文须写在「」中" },
  KP1002: { severity: "error", message: "「」字符串没有闭合：缺少「」」" },
  KP1003: { severity: "error", message: "无法识别的字符「{0}」" },
  KP1004: { severity: "error", message: "块注释没有闭合：缺少「*/」" },
  KP1005: { severity: "error", message: "无法识别的文字「{0}」：是关键字「{1}」写错了吗？名称和条文须写在「」中" },
  KP1010: { severity: "warning", message: "全角字符「{0}」已按半角「{1}」处理" },
  KP1011: { severity: "warning", message: "{0} 已按 {1} 处理：名称和条文应写在「」中（中文输入法常打出【】或“”）" },
  KP1101: { severity: "error", message: "此处应为{0}，实际为{1}" },
  KP1102: { severity: "error", message: "此处应为{0}，实际为{1}" },
  KP1104: { severity: "error", message: "多余的内容{0}：这里应是文件末尾或下一项" },
  KP1105: { severity: "error", message: "块嵌套超过 {0} 层，更深的内容已略过" },

  // ---- KP2xxx semantics
  KP2001: { severity: "error", message: "未声明的类别「{0}」：请先在根文件中用「类别」声明" },
  KP2002: { severity: "error", message: "规则名「{0}」重复：事实按规则名填写，规则名在整个细则中必须唯一" },
  KP2003: { severity: "error", message: "同一层级下指标名「{0}」重复" },
  KP2004: { severity: "error", message: "「{0}」重复声明" },
  KP2005: { severity: "error", message: "「{0}」只能写在根文件（写有「细则」标题的文件）中" },
  KP2006: { severity: "error", message: "{0}必须大于 0，实际为 {1}" },
  KP2007: { severity: "error", message: "数值「{0}」的小数位数超过 6 位" },
  KP2008: { severity: "error", message: "这里不能使用百分数「{0}」" },
  KP2009: { severity: "error", message: "区间「{0}」是空的：下界必须小于上界" },
  KP2010: { severity: "error", message: "同一分段中不能既扣分又得分" },
  KP2011: { severity: "error", message: "同一分段中「未报送」只能出现一次" },
  KP2012: { severity: "error", message: "分段的数值单位不一致：有的是百分数，有的不是" },
  KP2013: { severity: "error", message: "指标「{0}」没有写分值，也无法由子项推出" },
  KP2014: { severity: "error", message: "引入的文件「{0}」不存在" },
  KP2015: { severity: "error", message: "文件「{0}」被引入了不止一次" },
  KP2016: { severity: "error", message: "就高组中的规则「{0}」不能单独设上限：请把上限写在「就高」上" },
  KP2017: { severity: "error", message: "规则「{0}」不能放在「{1}」中：{2}" },
  KP2018: { severity: "error", message: "规则「{0}」没有写「满分」，而它所在的指标「{1}」还有其他计分规则；请写明本规则的满分" },
  KP2019: { severity: "error", message: "规则「{0}」中的分类「{1}」重复" },
  KP2020: { severity: "error", message: "类别「{0}」重复" },
  KP2021: { severity: "error", message: "「其余」只能写在等次的最后一项" },
  KP2022: { severity: "error", message: "等次缺少兜底项：最后一项应为「其余」" },
  KP2024: { severity: "error", message: "规则「{0}」的满分 {1} 超过了所在指标「{2}」的分值 {3}" },
  KP2026: { severity: "error", message: "加倍/减半条件「{0}」在规则「{1}」中重复" },
  KP2028: { severity: "error", message: "细则缺少「细则」标题" },
  KP2030: { severity: "error", message: "规则「{1}」的事实名「{0}」与另一条同名规则冲突" },
  KP2031: { severity: "error", message: "酌情扣分的下限 {0} 大于上限 {1}" },
  KP2032: { severity: "error", message: "规则「{0}」的分项名「{1}」重复（分类名、计次单位与加倍/减半条件不能同名）" },
  KP2033: { severity: "error", message: "规则「{0}」缺少条文原文：请在名称后用「」写上条文" },
  KP2034: { severity: "error", message: "{0}后面的单位不对：应为{1}，实际为「{2}」" },
  KP2035: { severity: "error", message: "{0}应为{1}" },
  KP2036: { severity: "error", message: "数值「{0}」太大，无法精确计算" },
  KP2037: { severity: "warning", message: "文件「{0}」没有被细则「{1}」引入，它的内容不会参与计分" },
  KP2038: { severity: "error", message: "「{0}」组中的规则「{1}」不能倒扣：组内的扣分合并计算，超出部分无法单独从上级扣除；请把这条规则移出组，或去掉「倒扣」" },
  KP2039: { severity: "error", message: "名称「{0}」中有{1} {2}：名称中不能有看不见的字符，否则看起来相同的名称会被当作不同的名称" },
  KP2040: { severity: "error", message: "规则「{0}」的事实名「{1}」与规则「{2}」的事实名「{3}」相同（或只差全角/半角、Unicode 写法）：事实文件无法区分它们" },
  KP2043: {
    severity: "error",
    message: "规则「{0}」按分类{1}分，但没有写计次单位：分类的事实是各分类的次数，请在「{1}」前写明计次单位（如「每次」「每人次」）；若各分类只看是否发生，请分别写成一次性{1}分的规则",
  },
  KP2044: { severity: "error", message: "{0}「{1}」与基准「{2}」的单位不一致：应都是百分数（百分数的基准也可以用「个百分点」作步长），或都带同样的计量单位" },
  KP2045: { severity: "error", message: "规则「{0}」的分段中一档也没有：分段至少要写一档（区间及其结果，如「≥ 90% 得 1」，或「未报送 扣 1」）" },
  KP2046: { severity: "error", message: "规则「{0}」没有写「满分」：它在加分「{1}」中，加分项没有分值可作本规则的满分；请写明本规则的满分" },
  KP2090: {
    severity: "error",
    message: "指标「{0}」没有写分值，是只含一票否决、一票否优的否决清单，不能有计分的规则「{1}」：请给指标写上分值，或把这条规则移到有分值的指标中",
  },
  KP2091: { severity: "error", message: "「择一」组中的规则「{0}」须是一次性的得分或扣分（得 X、扣 X）、不得分或一票否决/一票否优：择一是看几种情形中哪一种发生" },
  KP2092: { severity: "error", message: "「择一」组中至少要有两条规则：只有一种情形时无从择一，请去掉「择一」" },
  KP2093: { severity: "error", message: "规则「{0}」最多得 {1} 分，超过了指标「{2}」对「{3}」的分值 {4}：指标的分值因类别而异时，规则须适合最小的分值" },
  KP2094: {
    severity: "error",
    message: "规则「{0}」没有写「满分」，而指标「{1}」的分值因类别而异：请写明本规则的满分（不超过各类别中最小的分值）",
  },

  // assessor's judgement: 评议 得分, 免扣/可减免, 酌情 per occurrence and as an award
  KP2100: {
    severity: "error",
    message: "规则「{0}」由考核组评议给分，但没有任何上限：请在规则后写「上限 …」，或把它放在有上限的加分项或有分值的指标中（评议的分数不能没有上限）",
  },
  KP2101: { severity: "error", message: "规则「{0}」不扣分，不能写「{1}」：免扣、可减免只用于扣分规则" },
  KP2102: { severity: "error", message: "规则「{0}」可能「不得分」或一票否决，不能写「可减免」：减免的是扣分的分数；条件成立时整条规则不扣分请写「免扣 当 「…」」" },
  KP2103: { severity: "error", message: "就高组中的规则「{0}」不能写「{1}」：组内按事件比较扣分，减免无法归到某一事件；请把这条规则移出就高组" },
  KP2104: { severity: "error", message: "规则「{0}」由考核组评议给分，不能再「{1}」：评议的分数就是本规则的得分" },
  KP2105: { severity: "error", message: "条件「{0}」在规则「{1}」中重复（加倍、减半、免扣、可减免的条件不能同名）" },
  // KP2050–KP2059: linear rules (awards, two-sided, computed bases)
  // KP2110–KP2119: signed values (分段 可为负) and bands going on per step
  KP2110: { severity: "error", message: "区间的界限 {0} 是负数：数值可为负时请写「分段 可为负 {…}」，否则负数的数值一律不收" },
  KP2111: { severity: "error", message: "规则「{0}」的区间「{1}」没有{3}：「{2}」从区间的{3}算起（如「< 0 得 1.5 每低 0.1个百分点 扣 0.1」从 0 往下算）" },
  KP2112: { severity: "error", message: "规则「{0}」的「{1}」是不得分，不能再「{2} …」逐档计分" },
  KP2113: { severity: "error", message: "规则「{0}」的「{1}」之后「{2} …」只能是「扣」：从区间写明的分值起逐档扣减（得分逐档减少，扣分逐档增加）" },
  KP2114: { severity: "error", message: "规则「{0}」的得分逐档减少，可能减到 0 以下（成为本项的扣分），只能直接写在指标中：{1}" },
  KP2115: { severity: "error", message: "规则「{0}」的得分逐档减少、可能成为扣分，不能用「{1}」：{2}" },

  // KP2120–KP2129: the to-do marker 待补 (a clause whose scoring is still to be written) and the
  // review mark 待核 (a scoring the importer wrote that no person has checked yet; KP2123–KP2124)
  KP2120: { severity: "warning", message: "条文未能自动识别，请补写计分方式：规则「{0}」还是「待补」" },
  KP2121: { severity: "error", message: "还有 {0} 条规则待补写，不能计分：规则「{1}」还是「待补」，请先补写计分方式" },
  KP2122: { severity: "error", message: "规则「{0}」是「待补」，待补之后不能再写「{1}」：上限、倒扣、加倍、减半、免扣、其中、平均是计分方式的修饰，请补写计分方式时一并写在计分方式之后" },
  KP2123: { severity: "warning", message: "规则「{0}」的计分方式由导入自动识别，尚未核对：请对照条文核对，无误后删去「待核」" },
  KP2124: {
    severity: "warning",
    message: "还有 {0} 条规则的计分方式由导入自动识别、尚未核对（写有「待核」），照所写的计分方式计分：请用 kp check 列出各处，对照条文核对，无误后删去「待核」",
  },
  KP2050: { severity: "error", message: "规则「{0}」的两侧应一侧得分、一侧扣分，且方向相反（如「每增加 1% 得 1 上限 2，每少 1% 扣 1」）" },
  KP2051: {
    severity: "error",
    message: "规则「{0}」达到基准得本项分值、高于（低于）基准加分（扣分），只能直接写在写明分值、没有下级指标、没有其他得分规则的指标中：{1}",
  },
  KP2052: { severity: "error", message: "两侧加减分的规则「{0}」不能用「{1}」：{2}" },
  KP2053: { severity: "error", message: "得分的线性规则「{0}」不能写截断（{1}）：截断只用于扣分的线性规则和两侧加减分的规则" },
  KP2054: { severity: "error", message: "规则「{0}」以「{1}」为基准，只能写在有分值的指标中（各单位须填写数值{2}）" },
  KP2070: { severity: "error", message: "参照中的「{0}」没有说取这些单位的哪个得分：请写「平均分」「最高分」或「最低分」，如「参照 未涉及 以 {0} 平均分 为准」" },
  KP2071: { severity: "error", message: "规则「{0}」按得分排名，但所排的得分又取决于这条规则（循环）：{1}" },
  KP2072: { severity: "error", message: "参照 {0} 以 {1} {2} 为准：取参照得分的单位自己不在所取的那组单位之中，这组单位永远是空的，没有{2}可取" },
  KP2073: { severity: "error", message: "规则「{0}」按指标「{1}」的得分排名，但细则中没有这个指标" },
  KP2074: { severity: "error", message: "规则「{0}」按指标「{1}」的得分排名，但有 {2} 个指标叫这个名称，无法确定是哪一个：请给指标改用不同的名称" },
  KP2075: { severity: "error", message: "规则「{0}」依次得分的分值不能比前一名多：第 {1} 名得 {2}，而{3}得 {4}" },
  KP2076: { severity: "error", message: "规则「{0}」依次得分：各名次的分值已经写明，不能再写「满分」" },
  KP2077: { severity: "error", message: "指标「{0}」中{1}的单位已由前面的参照规定了得分，这一条永远不会用到" },
  KP2079: { severity: "error", message: "规则「{0}」按指标「{1}」的得分排名，但它的上级指标「{2}」写有参照：取参照得分的单位在「{1}」上的得分不是自己算出的，排名无从确定；请按「{2}」的得分排名，或把参照写在「{1}」中" },
  KP2078: { severity: "error", message: "指标「{0}」的「未涉及」事实名「{1}」与{2}相同：事实文件无法区分它们" },
  KP2060: {
    severity: "error",
    message: "规则「{0}」不能写「其中 「{1}」 {2}」：{3}。只对部分次数加倍、减半、加 N 倍的写法只用于一个计次单位的按次或分类扣分、得分（如「每起 扣 1 其中 「已查结」 减半」）",
  },
  KP2061: { severity: "error", message: "就高组中的规则「{0}」不能写「{1}」：组内按事件比较扣分，只对部分次数加倍或按某数平均后无法逐个事件比较" },
  KP2062: { severity: "error", message: "次数条件「{0}」在规则「{1}」中重复（或与分类同名）：每个条件只写一次" },
  KP2063: { severity: "error", message: "规则「{0}」的倍数「{1}」不对：{2}" },
  KP2064: { severity: "error", message: "规则「{0}」按「{1}」平均，除数应为正整数" },
  KP2065: { severity: "error", message: "规则「{0}」不能写「按 … 平均」：它是{1}，只有按次、分类或一次性的扣分（得分）可以按某数平均" },
  KP2066: { severity: "error", message: "规则「{0}」写了两个「按 … 平均」：只能按一个数平均" },
  KP2067: { severity: "error", message: "规则「{0}」按「{1}」平均，而「{1}」是一条规则的名称：除数的事实名不能与规则名相同" },

  // ---- KP4xxx facts and scoring
  KP2080: { severity: "error", message: "规则「{0}」的「否则」写法不对：{1}（应写作「得 1 否则 扣 2」或「得 1 否则 倒扣 2」）" },
  KP2081: { severity: "error", message: "规则「{0}」的「折算自」只能用于「按评价 得分」：{1}，不需要折算" },
  KP2082: { severity: "error", message: "规则「{0}」的评定结果「{1}」重复出现" },
  KP2083: { severity: "error", message: "规则「{0}」评为 {1} 种结果，却分别写了 {2} 个分值：结果与分值应按顺序一一对应" },
  KP2084: { severity: "error", message: "规则「{0}」的「{1}」是本项分值的份额，但{2}：请写成分值（如「1.5」）" },
  KP2085: { severity: "error", message: "规则「{0}」的「{1}」超过本项分值的 100%" },
  KP2086: { severity: "error", message: "「总分 {0} 折算」无法折算：{1}" },
  KP2087: { severity: "error", message: "规则「{0}」有「否则」分支，不能同时「{1}」：加倍、减半只用于按次或一次性扣分" },
  KP4001: { severity: "error", message: "事实文件缺少「单位」列（或 JSON 中的 name 字段）" },
  KP4002: { severity: "error", message: "细则中没有名为「{0}」的规则" },
  KP4003: { severity: "error", message: "「{0}」的值「{1}」应为非负整数（次数）" },
  KP4004: { severity: "error", message: "「{0}」的值「{1}」不是数字" },
  KP4005: { severity: "error", message: "「{0}」的值 {1} 超出范围 {2}" },
  KP4006: { severity: "error", message: "单位「{0}」重复出现" },
  KP4007: { severity: "error", message: "单位「{0}」的类别「{1}」未在细则中声明" },
  KP4008: { severity: "error", message: "单位「{0}」缺少规则「{1}」需要的事实（{2}）" },
  KP4009: { severity: "error", message: "「{0}」的值「{1}」应为 是/否" },
  KP4010: { severity: "error", message: "「{0}」的值「{1}」小数位数超过 6 位" },
  KP4011: { severity: "error", message: "指标「{0}」规定以单位「{1}」的得分为准，但事实文件中没有这个单位" },
  KP4012: { severity: "error", message: "事实文件中没有任何单位" },
  KP4013: { severity: "error", message: "事实文件不是有效的 JSON：{0}" },
  KP4014: { severity: "error", message: "规则「{0}」没有分项「{1}」；可用的分项：{2}" },
  KP4015: { severity: "error", message: "无法识别的列「{0}」" },
  KP4016: { severity: "error", message: "不支持的事实文件格式「{0}」：支持 .csv、.json、.jsonl、.xlsx" },
  KP4017: { severity: "warning", message: "事实文件按 {0} 编码读取；建议另存为 UTF-8" },
  KP4018: { severity: "error", message: "计算单位「{0}」的得分时数值超出可精确计算的范围，请检查事实中过大的数" },
  KP4019: { severity: "error", message: "「{0}」的值「{1}」格式不对：{2}" },
  KP4020: { severity: "error", message: "事实文件的结构不对：{0}" },
  KP4021: { severity: "error", message: "第 {0} 行与第 {1} 行重复填写了单位「{2}」的「{3}」" },
  KP4022: { severity: "error", message: "第 {0} 行有 {1} 个字段，表头有 {2} 个：每一行的字段数应与表头相同" },
  KP4023: { severity: "error", message: "键「{0}」重复出现" },
  KP4024: { severity: "error", message: "{0}「{1}」中有看不见的字符 {2}（{3}）" },
  KP4025: { severity: "error", message: "{0} 是公式，但文件中没有保存计算结果：请在 Excel 中打开并保存后再试" },
  KP4026: { severity: "info", message: "有 {0} 个公式单元格使用了文件中保存的计算结果（第一个是 {1}）" },
  KP4027: { severity: "error", message: "无法读取所选的工作表：{0}" },
  KP4028: { severity: "info", message: "读取的是工作表「{0}」（工作簿共有 {1} 个工作表：{2}）" },
  KP4029: { severity: "error", message: "Excel 文件解压后太大（{0}），超过上限 {1}" },
  KP4065: { severity: "error", message: "「{0}」的减免 {1} 超出范围 {2}：减免的分数应在 0 至本规则的扣分之间" },
  KP4066: { severity: "error", message: "「{0}」的评议得分 {1} 超出范围 {2}" },
  KP4067: { severity: "error", message: "「{0}」的酌情分数 {1} 超出范围 {2}" },
  KP4068: { severity: "error", message: "「{0}」的值「{1}」格式不对：应为每{2}酌情给的分数，多{2}时用「、」隔开（如「1、1.5」）" },
  KP4060: { severity: "error", message: "单位「{0}」的事实同时写了{1}：它们是同一「择一」组中的情形，只能有一种发生" },
  KP4030: {
    severity: "error",
    message: "事实文件太大，内存不够：{0}，读取并计分估计需要约 {1} 内存，超过上限 {2}。请把单位分到几个较小的事实文件中分别计分，或提高 Node.js 的内存上限，例如 NODE_OPTIONS=--max-old-space-size={3}",
  },
  KP4100: { severity: "error", message: "事实文件有问题：{0}。文件大于 {1}，不能整体读入以逐格列出全部问题：请改正后重新计分" },
  KP4101: { severity: "error", message: "JSON Lines 文件每行应恰好写一个单位：{0}" },
  KP4050: { severity: "error", message: "单位「{0}」的指标「{1}」以{2}{3}为准，但没有这样的单位可取（它们都不考核本项，或自己也取参照的得分）" },
  KP4045: { severity: "error", message: "单位「{0}」的「{1}」共 {2} {3}，多于「{4}」的 {5} {3}：其中加倍、减半的次数不能多于总次数" },
  KP4046: { severity: "error", message: "单位「{0}」的「{1}」为 0：按它平均时除数应为正整数" },
  KP4047: { severity: "error", message: "单位「{0}」的「{1}」逐项填了{2}数，又填了「{3}」：两种写法只能用一种" },
  KP4048: { severity: "error", message: "「{0}」中「{1}」的{2}数「{3}」应为非负整数" },
  KP4049: { severity: "error", message: "「{0}」的值格式不对：{1}" },
  KP4031: {
    severity: "error",
    message: "内存不够计分：{0} 个单位的事实已占用 {1}，计分估计还需要约 {2}，超过上限 {3}。请把单位分到几个较小的事实文件中分别计分，或提高 Node.js 的内存上限，例如 NODE_OPTIONS=--max-old-space-size={4}",
  },
  // KP4070–KP4074: signed values (分段 可为负)
  KP4070: { severity: "error", message: "「{0}」的值「{1}」不是数字：可为负的数值应写成「-0.3」「-0.3%」或「+0.5」（正负号只写一个，在数字前）" },
  KP4055: { severity: "error", message: "「{0}」的值「{1}」不是规定的评定结果：只能是 {2}" },
  KP4056: { severity: "error", message: "「{0}」的值 {1} 超出范围 [0, {2}]：它是满分 {2} 的评价结果，按本项满分 {3} 折算" },
  // KP4080–KP4099: several facts files merged (kp score a.xlsx b.xlsx 目录/), fact templates (kp template)
  KP4080: { severity: "error", message: "单位「{0}」的「{1}」在两个文件中都填写了：{2}；同一个事实只能由一个文件填写" },
  KP4081: { severity: "error", message: "单位「{0}」的类别在两个文件中不同：{1}" },
  KP4082: { severity: "error", message: "单位「{0}」不在单位名单「{1}」中" },
  KP4083: { severity: "error", message: "文件中没有单位「{0}」的行：{1}" },
  KP4084: { severity: "error", message: "文件中没有填写任何事实：{0}" },
  KP4085: { severity: "error", message: "没有一个事实文件有「{0}」列：{1}" },
  KP4086: { severity: "error", message: "目录「{0}」中没有事实文件（.csv、.json、.xlsx）" },
  KP4087: { severity: "warning", message: "事实文件「{0}」给了两次，只读一次" },
  KP4089: { severity: "error", message: "「{0}」的单元格 {1} 在合并单元格 {2} 中：合并单元格的值会算给其中每一行的单位，请取消合并，逐个单位填写" },
  KP4090: { severity: "error", message: "单位名单中「{0}」重复出现：第 {1} 行与第 {2} 行" },
  KP4091: { severity: "error", message: "单位名单「{0}」中没有任何单位" },
  KP4092: { severity: "error", message: "单位名单中单位「{0}」的类别「{1}」未在细则中声明；细则中的类别：{2}" },
  KP4093: { severity: "error", message: "细则没有需要填写的事实，无法生成填报表" },
  // KP7050–KP7099: kp diff (comparing two versions of a catalogue on the same facts)
  KP7050: { severity: "info", message: "事实「{0}」按{1}细则中改名后的规则「{2}」读取（原规则「{3}」）" },
  KP7051: { severity: "info", message: "{0}细则中没有规则使用事实「{1}」（规则「{2}」只在{3}细则中）：计算{0}得分时不使用这一事实" },
  KP7052: { severity: "warning", message: "事实文件中没有{0}细则的规则「{1}」需要的事实「{2}」（{3}细则中没有这条规则）：计算{0}得分时各单位按事实文件的默认值计（{4}）" },
  KP7053: { severity: "error", message: "--format html 要写入一个文件：请用 -o 指定，例如 -o 修订对照.html（页面自带样式、脚本和图表，不输出到终端）" },
  // ---- KP7001–KP7049 test scenarios (*.kptest, kp test, the editor; see testing/): KP7001–KP7022 the file, KP7030–KP7033 running it
  KP7001: { severity: "error", message: "看不懂这一行：{0}" },
  KP7002: { severity: "error", message: "「{0}」只能写在「场景」之内" },
  KP7003: { severity: "error", message: "事实「{0}」没有填写值：应写成「{0}」 = 值" },
  KP7004: { severity: "error", message: "场景「{0}」重名：第 {1} 行已有同名的场景" },
  KP7005: { severity: "warning", message: "场景「{0}」没有任何「期望」：它总是通过" },
  KP7006: { severity: "error", message: "期望的写法不对：{0}" },
  KP7007: { severity: "error", message: "「{0}」不是数：期望的分数应写成 1.5、0.05 这样的十进制数" },
  KP7008: { severity: "error", message: "场景「{0}」中单位「{1}」重名" },
  KP7009: { severity: "error", message: "场景「{0}」没有单位：「单位」行之前不能写事实或期望" },
  KP7010: { severity: "error", message: "细则中没有名为「{0}」的事实{1}" },
  KP7011: { severity: "error", message: "细则中没有名为「{0}」的指标{1}" },
  KP7012: { severity: "error", message: "细则中没有名为「{0}」的规则{1}" },
  KP7013: { severity: "error", message: "细则中没有等次「{0}」：等次只能是 {1}" },
  KP7014: { severity: "error", message: "细则中没有单位类别「{0}」：类别只能是 {1}" },
  KP7015: { severity: "error", message: "期望的{0}「{1}」有 {2} 位小数，超过了{3}" },
  KP7016: { severity: "error", message: "事实的值有误：{0}" },
  KP7017: { severity: "error", message: "场景「{0}」的单位「{1}」缺少事实「{2}」（{3}）：请在场景或「基准」中填写" },
  KP7018: { severity: "error", message: "事实「{0}」在同一单位中写了两次（第 {1} 行已写）" },
  KP7019: { severity: "error", message: "「细则」只能写在文件开头、第一个「基准」或「场景」之前" },
  KP7020: { severity: "error", message: "场景「{0}」未通过：期望{1} {2}，实际 {3}" },
  KP7021: { severity: "error", message: "名次应为正整数，不能是「{0}」" },
  KP7022: { severity: "error", message: "场景「{0}」只有一个单位，名次总是 1：名次的期望需要写几个单位" },
  KP7030: { severity: "error", message: "找不到测试文件所用的细则「{0}」" },
  KP7033: { severity: "error", message: "细则「{0}」有错误，无法运行场景：请先修正细则" },
  KP7031: { severity: "error", message: "{0} 中已有名为「{1}」的场景（第 {2} 行）：不会覆盖；请用 --name 换一个名称，或先删除那个场景" },
  // KP8001: the SQL target (kp compile --target sql, kp score --engine duckdb|postgres)
  KP8001: { severity: "error", message: "SQL 目标暂不支持{0}：请用 JavaScript 计分（kp compile 默认目标，kp score 默认引擎）" },
} as const satisfies Record<string, MessageDef>;

/** A code of the message catalogue. */
export type MessageCode = keyof typeof messages;

/** Fills `{0}`, `{1}` … in a message template. */
export function fillMessage(template: string, args: readonly (string | number)[] = []): string {
  return template.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ""));
}

/** Extra parts of a diagnostic. */
export interface DiagnosticExtra {
  file?: string;
  fixes?: Fix[];
  related?: RelatedInformation[];
  severity?: Severity;
}

/** Makes a diagnostic from any message catalogue's entry (core's, or another package's like lint's). */
export function makeDiagnostic(code: string, def: MessageDef, span: Span, args: readonly (string | number)[] = [], extra: DiagnosticExtra = {}): Diagnostic {
  const d: Diagnostic = { code, severity: extra.severity ?? def.severity, message: fillMessage(def.message, args), span };
  if (extra.file !== undefined) d.file = extra.file;
  if (extra.fixes && extra.fixes.length > 0) d.fixes = extra.fixes;
  if (extra.related && extra.related.length > 0) d.related = extra.related;
  return d;
}

/** Fills `{0}`, `{1}` … in a catalogue message. */
export function formatMessage(code: MessageCode, args: readonly (string | number)[] = []): string {
  return fillMessage(messages[code].message, args);
}

/** Makes a diagnostic from the catalogue. */
export function diagnostic(code: MessageCode, span: Span, args: readonly (string | number)[] = [], extra: DiagnosticExtra = {}): Diagnostic {
  return makeDiagnostic(code, messages[code], span, args, extra);
}

/** True when any diagnostic is an error. */
export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === "error");
}

/** Orders diagnostics by file, then position, then code: the order users read them in. */
export function sortDiagnostics<T extends Diagnostic>(diags: readonly T[]): T[] {
  return [...diags].sort(
    (a, b) =>
      compareText(a.file ?? "", b.file ?? "") ||
      a.span.start.offset - b.span.start.offset ||
      compareText(a.code, b.code),
  );
}

/** Locale-independent string order (code units), so output is the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
