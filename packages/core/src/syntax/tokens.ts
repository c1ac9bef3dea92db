/**
 * Tokens of the .kp language.
 *
 * How names and keywords are told apart: every user-chosen name or text is a 「…」 string, so outside
 * strings the lexer only ever has to recognise keywords, numbers, punctuation and comments.  No spaces
 * are needed between tokens (`每次扣0.5上限4` is `每次 扣 0.5 上限 4`), a name may start with a
 * keyword (`「每次会议」`), and any other word is reported as KP1001 with a fix that quotes it.
 *
 * Keywords sharing a prefix are ordered longest first (`每人次` before `每人`, `得分` before `得`),
 * which `allTokens` guarantees by sorting.  Full-width forms typed with a Chinese IME (`０．５％`,
 * `｛`, `［`, `（`, `＞＝` …) are accepted by the same tokens and normalised when the AST is built.
 */
import { createToken, Lexer, type TokenType } from "chevrotain";

/** What a keyword is for; drives semantic highlighting and completion. */
export type KeywordRole = "header" | "structure" | "action" | "modifier" | "unit" | "measure" | "operator";

/** Description of one keyword token. */
export interface KeywordInfo {
  /** The canonical spelling, the one the formatter writes. */
  text: string;
  /** Other accepted spellings. */
  aliases: readonly string[];
  role: KeywordRole;
  /** One-line Chinese explanation, shown in completion and hover. */
  doc: string;
  token: TokenType;
  /** A regex (JavaScript syntax) the text must be followed by to be this keyword (按: 「 or 总分). */
  followedBy?: string;
}

const keywordInfos: KeywordInfo[] = [];
/** Keywords that are keywords only before certain text (a one-character word like 按): their pattern. */
const lookaheads = new Map<string, string>();
const byName = new Map<string, TokenType>();

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function kw(
  name: string,
  text: string,
  role: KeywordRole,
  doc: string,
  opts: { aliases?: string[]; categories?: TokenType[]; followedBy?: string } = {},
): TokenType {
  const aliases = opts.aliases ?? [];
  const spellings = [text, ...aliases].sort((a, b) => b.length - a.length);
  const source = spellings.map(escapeRe).join("|") + (opts.followedBy ? `(?=${opts.followedBy})` : "");
  if (opts.followedBy) lookaheads.set(text, source);
  const token = createToken({
    name,
    pattern: new RegExp(source),
    label: `「${text}」`,
    categories: opts.categories ?? [],
    start_chars_hint: [...new Set(spellings.map((s) => s[0]!))],
  });
  const info: KeywordInfo = { text, aliases, role, doc, token };
  if (opts.followedBy) info.followedBy = opts.followedBy;
  keywordInfos.push(info);
  byName.set(name, token);
  return token;
}

// ---------------------------------------------------------------- categories (abstract tokens)
/** Any unit word of a per-occurrence rule (每次, 每件次, 发现一起 …). */
export const PerUnit = createToken({ name: "PerUnit", pattern: Lexer.NA, label: "计次单位（如「每次」）" });
/** A measure word after a number (分, 次, 个百分点 …). */
export const Measure = createToken({ name: "Measure", pattern: Lexer.NA, label: "计量单位（如「分」「次」）" });
/** A direction word of a linear rule (每低, 每超 …). */
export const StepWord = createToken({ name: "StepWord", pattern: Lexer.NA, label: "「每低」「每超」等" });
/** How a partial step is counted. */
export const StepMode = createToken({ name: "StepMode", pattern: Lexer.NA, label: "「按比例」等" });
/** 一票否决 / 一票否优. */
export const VetoWord = createToken({ name: "VetoWord", pattern: Lexer.NA, label: "「一票否决」或「一票否优」" });
/** A list separator: 、 , ，. */
export const ListSep = createToken({ name: "ListSep", pattern: Lexer.NA, label: "「、」" });
/** A comparison operator of a band or grade. */
export const CompareOp = createToken({ name: "CompareOp", pattern: Lexer.NA, label: "比较符号（≥ > ≤ < =）" });
/** 低于 / 高于. */
export const CutoffWord = createToken({ name: "CutoffWord", pattern: Lexer.NA, label: "「低于」或「高于」" });

// ---------------------------------------------------------------- trivia
export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n\u3000\uFEFF]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
/**
 * Statement punctuation people type out of habit (；：。 and their half-width forms).  It carries
 * no meaning in .kp, so it is skipped; the formatter drops it.
 */
export const Separator = createToken({
  name: "Separator",
  pattern: /[;；:：。]/,
  group: Lexer.SKIPPED,
});
export const LineComment = createToken({
  name: "LineComment",
  pattern: /\/\/[^\r\n]*/,
  group: "comments",
});

function matchBlockComment(text: string, offset: number): RegExpExecArray | null {
  if (text.charCodeAt(offset) !== 47 /* / */ || text.charCodeAt(offset + 1) !== 42 /* * */) return null;
  const close = text.indexOf("*/", offset + 2);
  const end = close < 0 ? text.length : close + 2;
  return execResult(text.slice(offset, end));
}
export const BlockComment = createToken({
  name: "BlockComment",
  pattern: { exec: matchBlockComment },
  line_breaks: true,
  group: "comments",
  start_chars_hint: ["/"],
});

function execResult(image: string): RegExpExecArray {
  const r = [image] as unknown as RegExpExecArray;
  return r;
}

/**
 * Quote pairs a Chinese IME types where a writer means 「」 (Windows pinyin gives 【】 and “”):
 * outside a 「」 string they open and close a string too, with a KP1011 warning and a fix.  Inside
 * 「…」 they are ordinary text (「未按“三重一大”要求」).
 */
export const IME_QUOTES: ReadonlyMap<string, string> = new Map([
  ["【", "】"],
  ["“", "”"],
  ["『", "』"],
  ["‘", "’"],
]);

/**
 * 「…」 strings: single-line, with balanced nested 「」 allowed.  An unclosed string ends at the line
 * break and is reported (KP1002) but still becomes a string, so parsing goes on — unless the rest of
 * the line holds another whole string after a space or a 「 (`「名称 「条文」`): then the unclosed
 * one ends before it, so a missing 」 after a rule name does not swallow the clause.
 */
function matchString(text: string, offset: number): RegExpExecArray | null {
  const first = text.charCodeAt(offset);
  if (first !== 0x300c /* 「 */) {
    const close = IME_QUOTES.get(text[offset] ?? "");
    if (close === undefined) return null;
    for (let i = offset + 1; i < text.length; i++) {
      const c = text[i]!;
      if (c === close) return execResult(text.slice(offset, i + 1));
      if (c === "\n" || c === "\r") return execResult(text.slice(offset, i));
    }
    return execResult(text.slice(offset));
  }
  let depth = 0;
  let i = offset;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x300c) depth++;
    else if (c === 0x300d /* 」 */) {
      depth--;
      if (depth === 0) return execResult(text.slice(offset, i + 1));
    } else if (c === 10 || c === 13) break;
  }
  return execResult(text.slice(offset, unclosedEnd(text, offset, i)));
}

/**
 * Where an unclosed 「 string that runs to `lineEnd` should end: before the first space or 「 after
 * which a whole, closed string starts; `lineEnd` when there is none.
 */
function unclosedEnd(text: string, offset: number, lineEnd: number): number {
  for (let p = offset + 1; p < lineEnd; p++) {
    const c = text.charCodeAt(p);
    if (!isBlank(c) && c !== 0x300c) continue;
    let q = p;
    while (q < lineEnd && isBlank(text.charCodeAt(q))) q++;
    if (q >= lineEnd || text.charCodeAt(q) !== 0x300c) continue;
    if (closedStringAt(text, q, lineEnd)) {
      // the name ends at the last non-space character before the space or 「
      let end = p;
      while (end > offset + 1 && isBlank(text.charCodeAt(end - 1))) end--;
      return end;
    }
  }
  return lineEnd;
}

/** A space, a tab or a full-width space. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000;
}

/** True when a balanced 「…」 starts at `at` and closes before `lineEnd`. */
function closedStringAt(text: string, at: number, lineEnd: number): boolean {
  let depth = 0;
  for (let i = at; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x300c) depth++;
    else if (c === 0x300d && --depth === 0) return true;
  }
  return false;
}
export const StringLiteral = createToken({
  name: "StringLiteral",
  pattern: { exec: matchString },
  line_breaks: false,
  label: "「」中的名称或条文",
  start_chars_hint: ["「", ...IME_QUOTES.keys()],
});

/** Decimal numbers with optional %, half- or full-width digits (０-９, ．, ％). */
export const NumberLiteral = createToken({
  name: "NumberLiteral",
  pattern: /[0-9\uFF10-\uFF19]+(?:[.\uFF0E\u3002][0-9\uFF10-\uFF19]+)?[%\uFF05]?/,
  label: "数字",
  start_chars_hint: [..."0123456789０１２３４５６７８９"],
});

// ---------------------------------------------------------------- header keywords
export const Title = kw("Title", "细则", "header", "细则标题");
export const Year = kw("Year", "年度", "header", "年度或有效期");
export const Subject = kw("Subject", "对象", "header", "考评对象（说明文字）");
export const Classes = kw("Classes", "类别", "header", "声明单位类别，如「县区」「园区」");
export const Total = kw("Total", "总分", "header", "细则总分");
export const Rounding = kw("Rounding", "舍入", "header", "总分的舍入方式：舍入 保留 2 位（四舍五入）");
export const Keep = kw("Keep", "保留", "header", "保留几位小数");
export const Include = kw("Include", "引入", "header", "引入细则的另一个文件");
export const Grades = kw("Grades", "等次", "header", "按总分或名次评定等次");

// ---------------------------------------------------------------- structure
export const IndicatorKw = kw("IndicatorKw", "指标", "structure", "指标：名称、分值与其下的规则或下级指标");
export const Code = kw("Code", "编号", "structure", "指标的官方编号");
export const Departments = kw("Departments", "考评单位", "structure", "负责考评的部门");
export const Applies = kw("Applies", "适用", "structure", "只适用于某些类别的单位");
export const Refer = kw("Refer", "参照", "structure", "某类单位（或未涉及本项的单位）的本项得分以某单位的得分、或一组单位的平均分（最高分、最低分）为准");
export const Yi = kw("Yi", "以", "structure", "参照 「类别」 以 「单位」 为准");
export const WeiZhun = kw("WeiZhun", "为准", "structure", "参照 「类别」 以 「单位」 为准");
export const NotConcerned = kw("NotConcerned", "未涉及", "structure", "参照 未涉及 …：事实「指标名.未涉及」为「是」的单位（未涉及该项工作的）");
export const SameClassUnits = kw("SameClassUnits", "同类单位", "structure", "参照中：与本单位类别相同、本项照常考核的单位");
export const AllUnits = kw("AllUnits", "各单位", "structure", "参照中：本项照常考核的全部单位");
export const AverageScore = kw("AverageScore", "平均分", "structure", "参照中：取这些单位本项得分的平均分（第 6 位小数四舍五入）");
export const MaxScore = kw("MaxScore", "最高分", "structure", "参照中：取这些单位本项得分的最高分");
export const MinScore = kw("MinScore", "最低分", "structure", "参照中：取这些单位本项得分的最低分");
export const NoteKw = kw("NoteKw", "注", "structure", "只记载条文、不计分的说明");
export const SumCap = kw("SumCap", "合计", "structure", "几条规则合计扣分的上限（以上项目累计扣分不超过）");
export const Highest = kw("Highest", "就高", "structure", "同一事件触发多条规则时只按最高标准计：在指标中按最高标准扣分，在加分中按最高级别加分（不累加）");
export const Choice = kw("Choice", "择一", "structure", "几种情形只能有一种发生（如国家级、省级、市级表彰择一加分）：事实中同时填了两种是错误；指标分值按其中最高的一项计");
export const Bonus = kw("Bonus", "加分", "structure", "基本分之外的加分项（须有上限）");
export const Penalty = kw("Penalty", "减分", "structure", "基本分之外的减分项");
export const RuleKw = kw("RuleKw", "规则", "structure", "规则：名称、条文原文与计分方式");

// ---------------------------------------------------------------- actions and rule bodies
export const ZeroScore = kw("ZeroScore", "不得分", "action", "本项得 0 分");
export const TodoMark = kw("TodoMark", "待补", "action", "待补：条文的计分方式还没写（导入时未能自动识别）；检查时提示，补写之前不能编译、计分");
export const ReviewMark = kw("ReviewMark", "待核", "action", "待核：计分方式由导入自动识别，尚未核对；检查时提示，照常编译、计分；对照条文核对无误后删去");
export const ScoreWord = kw("ScoreWord", "得分", "action", "计算得分");
export const Deduct = kw("Deduct", "扣", "action", "扣分");
export const Award = kw("Award", "得", "action", "得分（也可写「加」，如「每增加 1% 加 1」）", { aliases: ["加"] });
export const Cap = kw("Cap", "上限", "modifier", "扣分（或得分）的上限，即封顶", { aliases: ["封顶"] });
export const Overdraft = kw("Overdraft", "倒扣", "modifier", "可扣到本指标分值之外，从上级指标中扣");
export const Double = kw("Double", "加倍", "modifier", "条件成立时加倍扣分");
export const Half = kw("Half", "减半", "modifier", "条件成立时减半扣分");
export const When = kw("When", "当", "modifier", "加倍/减半、免扣/可减免的条件");
export const Among = kw("Among", "其中", "modifier", "某类单位的不同扣分标准；或其中某些次数加倍、减半、加 N 倍（其中 「已查结」 减半）");
export const TimesKw = kw("TimesKw", "倍", "modifier", "倍数：加 2倍（按 3 倍计）、按 3倍");
export const AverageKw = kw("AverageKw", "平均", "modifier", "按 「所辖乡镇数」 平均：本规则的扣分（得分）除以该数，第 6 位小数四舍五入");
export const BandsKw = kw("BandsKw", "分段", "action", "按数值所在区间扣分或得分");
/** 可为负: the value of a 分段 rule may be negative (a change on last year): 分段 可为负 { < 0 … }. */
export const SignedKw = kw("SignedKw", "可为负", "modifier", "数值可为负数（如比上年的增减、个百分点的变化）：分段 可为负 { > 0 得 2  = 0 得 1.5  < 0 得 1.5 每低 0.1个百分点 扣 0.1 }；不写时负数的事实一律不收（也可写「可为负数」）", { aliases: ["可为负数"] });
export const MissingKw = kw("MissingKw", "未报送", "action", "未报送（数值缺失）的情形");
export const Base = kw("Base", "基准", "action", "线性规则的基准值：一个数，或「平均值」「中位数」「目标值」");
/** What a linear rule's base is when it is not a number written in the catalogue. */
export const BaseFrom = createToken({ name: "BaseFrom", pattern: Lexer.NA, label: "「平均值」「中位数」或「目标值」" });
export const BaseAverage = kw("BaseAverage", "平均值", "action", "基准为各适用单位数值的平均值（先算出全部单位的平均值，再逐个单位计分）", { categories: [BaseFrom] });
export const BaseMedian = kw("BaseMedian", "中位数", "action", "基准为各适用单位数值的中位数（单位数为偶数时取中间两个数的平均值）", { categories: [BaseFrom] });
export const BaseTarget = kw("BaseTarget", "目标值", "action", "基准为各单位自己的目标值（事实中另填「规则名.目标值」）", { categories: [BaseFrom] });
export const AtLeast = kw("AtLeast", "至少", "action", "至少完成的次数");
export const AssessedKw = kw("AssessedKw", "按评价", "action", "依据评价结果得分（事实为得分）");
export const RateKw = kw("RateKw", "按比率", "action", "按比率得分：满分 × 比率");
export const ProportionalKw = kw("ProportionalKw", "按最高比例", "action", "按与第 1 名的比例得分（需要全部单位）");
export const RankedKw = kw("RankedKw", "按排名", "action", "按名次得分（需要全部单位）");
// 按 is a keyword only before 「 or 总分 (按 「指标」 得分 排名, 按 总分 排名): everywhere else a bare 按
// stays part of the word (按此例 is still KP1005 for 按比例, not 按 + 此例).
export const ByKw = kw(
  "ByKw",
  "按",
  "action",
  "按 「指标」 得分 排名、按 总分 排名：按计算出的得分排名（需要全部单位）；按 N倍：按原计分的 N 倍计；按 「数」 平均：扣分（得分）除以该数",
  // a keyword only before a name, 总分 or a number: 「按此例」 stays one unknown word (KP1005 guesses 按比例)
  { followedBy: "[ \\t\\u3000]*(?:「|总分|[0-9\\uFF10-\\uFF19])" },
);
export const RankWord = kw("RankWord", "排名", "action", "按 「指标」 得分 排名、按 总分 排名");
export const InOrder = kw("InOrder", "依次", "action", "依次 得 10、9、8：第 1、2、3 名分别得的分，其后的名次得 0（或「其余 得 X」）");
export const Full = kw("Full", "满分", "action", "本规则的满分");
export const StepBack = kw("StepBack", "每后退一位", "action", "名次每后退一位扣分");
export const LowerBetter = kw("LowerBetter", "越低越好", "modifier", "数值越低名次越前");
export const Discretion = kw("Discretion", "酌情", "action", "酌情扣分或得分：考评单位在区间内给定分数（酌情 扣 1 至 3；每起 酌情 扣 1 至 2 为每起各给一个分数）");
export const Committee = kw("Committee", "评议", "action", "由考核组评议给分：评议 得分，得分不超过本规则或加分项的上限");
export const WaiveAll = kw("WaiveAll", "免扣", "modifier", "免扣 当 「条件」：条件成立时本规则不扣分（如确因上级政策调整未完成的）");
export const WaivePart = kw("WaivePart", "可减免", "modifier", "可减免 当 「条件」：条件成立时由考评单位减免本规则的扣分，减免的分数在 0 至扣分之间");
export const To = kw("To", "至", "operator", "区间：从…至…", { aliases: ["～", "~", "—", "–"] });
export const VetoFail = kw("VetoFail", "一票否决", "action", "一票否决：考评结果为不合格（最低等次）", { categories: [VetoWord] });
export const VetoExcellent = kw("VetoExcellent", "一票否优", "action", "一票否优：不能评为最高等次", { categories: [VetoWord] });
export const And = kw("And", "且", "operator", "等次的多个条件同时满足");
export const Top = kw("Top", "前", "operator", "名次在前 N 名或前 N%");
export const Otherwise = kw("Otherwise", "其余", "operator", "其余情形");

/** 否则: the other outcome of a one-shot rule with one yes/no fact (得 1 否则 扣 2). */
export const Else = kw("Else", "否则", "action", "否则：事实为「否」（未完成）时的结果，如「得 1 否则 扣 2」「得 5 否则 倒扣 5」；事实必须填写");
/** 折算自: the scale of an external score (按评价 得分 满分 4 折算自 120); after 总分, the total is rescaled. */
export const RescaleFrom = kw("RescaleFrom", "折算自", "action", "按原满分折算：按评价 得分 满分 4 折算自 120，即得分 = 评价结果 × 4 ÷ 120（四舍五入到 6 位小数）");
export const Rescale = kw("Rescale", "折算", "header", "总分 100分 折算：各项合计（含加减分）按满分 100 折算，等次按折算后的总分评定");
/** 评为: a rule whose fact is one of named outcomes (评为 「好」、「较好」 分别得 满分、80%). */
export const RatedAs = kw("RatedAs", "评为", "action", "按评定结果计分：评为 「好」、「较好」、「一般」 分别得 满分、80%、60%；事实填评定结果的名称");
export const Respectively = kw("Respectively", "分别", "action", "分别：评为 … 分别得（或分别扣）…，按顺序对应各评定结果");
export const Below = kw("Below", "低于", "action", "截断：低于某值时", { categories: [CutoffWord] });
export const Above = kw("Above", "高于", "action", "截断：高于某值时", { categories: [CutoffWord] });

const stepWords: [string, string, string][] = [
  ["StepLow", "每低", "低于基准时每低一档"],
  ["StepLess", "每少", "少于基准时每少一档"],
  ["StepHigh", "每高", "高于基准时每高一档"],
  ["StepOver", "每超", "超过基准时每超一档"],
  ["StepMore", "每多", "多于基准时每多一档"],
  ["StepIncrease", "每增加", "比基准每增加一档"],
  ["StepDecrease", "每减少", "比基准每减少一档"],
];
for (const [name, text, doc] of stepWords) kw(name, text, "action", doc, { categories: [StepWord] });
/** 每少: the only step word of a shortfall rule (至少 4 次 每少 1 次 扣 0.25). */
export const StepLess = byName.get("StepLess")!;

export const ModeProportional = kw("ModeProportional", "按比例", "modifier", "不足一档的部分按比例计（默认）", { categories: [StepMode] });
export const ModeFloor = kw("ModeFloor", "不足一档不计", "modifier", "只计完整的档", { categories: [StepMode] });
export const ModeCeil = kw("ModeCeil", "不足一档按一档计", "modifier", "不足一档的部分按一档计", { categories: [StepMode] });
export const ModeRound = kw("ModeRound", "不足一档四舍五入", "modifier", "档数四舍五入：不足半档不计，半档及以上按一档计", { categories: [StepMode] });

/** Per-occurrence unit words; `noun` is the counted thing shown in reports (次, 件次, 人次 …). */
export const perUnits: { name: string; text: string; noun: string; aliases?: string[] }[] = [
  { name: "PerTime", text: "每次", noun: "次" },
  { name: "PerCase", text: "每件次", noun: "件次" },
  { name: "PerItemPiece", text: "每件", noun: "件" },
  { name: "PerIncident", text: "每起", noun: "起", aliases: ["发现一起"] },
  { name: "PerItem", text: "每项", noun: "项", aliases: ["发现一项"] },
  { name: "PerInstance", text: "每例", noun: "例", aliases: ["发现一例"] },
  { name: "PerPlace", text: "每处", noun: "处" },
  { name: "PerArticle", text: "每条", noun: "条" },
  { name: "PerPersonTime", text: "每人次", noun: "人次" },
  { name: "PerPerson", text: "每人", noun: "人" },
  { name: "PerOne", text: "每个", noun: "个" },
  { name: "PerHousehold", text: "每家", noun: "家" },
  { name: "PerVillage", text: "每村", noun: "村" },
  { name: "PerFamily", text: "每户", noun: "户" },
  { name: "PerArticlePiece", text: "每篇", noun: "篇" },
  { name: "PerCaseFile", text: "每宗", noun: "宗" },
  { name: "PerBatch", text: "每批", noun: "批" },
  { name: "PerDay", text: "每天", noun: "天" },
  { name: "PerMonth", text: "每月", noun: "月" },
  // session 23: count words real rulebooks use (「每发现1份…」「不少于30场，每少1场…」, test/corpus)
  { name: "PerCopy", text: "每份", noun: "份" },
  { name: "PerSession", text: "每场", noun: "场" },
];
const perUnitByText = new Map<string, { canonical: string; noun: string }>();
for (const u of perUnits) {
  kw(u.name, u.text, "unit", `按${u.noun}计：每${u.noun}扣（或得）一次`, { aliases: u.aliases ?? [], categories: [PerUnit] });
  for (const s of [u.text, ...(u.aliases ?? [])]) perUnitByText.set(s, { canonical: u.text, noun: u.noun });
}
/** The canonical spelling and counted noun of a per-occurrence unit word as written. */
export function perUnitInfo(image: string): { canonical: string; noun: string } {
  return perUnitByText.get(image) ?? { canonical: image, noun: image.replace(/^每|^发现一/, "") };
}

/** Measure words after numbers. */
export const measureWords = [
  "分", "次", "件次", "件", "人次", "人", "个百分点", "百分点", "个", "项", "起", "例", "处", "条", "家",
  "村", "户", "篇", "岁", "天", "日", "月", "年", "元", "万元", "亿元", "名", "位", "小时",
  "份", "场",
] as const;
measureWords.forEach((m, i) => kw(`Measure${i}`, m, "measure", `计量单位「${m}」`, { categories: [Measure] }));
/** The 「分」 measure, also required after indicator points in canonical form. */
export const PointsMeasure = byName.get("Measure0")!;

// ---------------------------------------------------------------- punctuation
function punct(name: string, pattern: RegExp, label: string, hints: string[], categories: TokenType[] = []): TokenType {
  return createToken({ name, pattern, label, start_chars_hint: hints, categories });
}
export const LBrace = punct("LBrace", /[{\uFF5B]/, "「{」", ["{", "｛"]);
export const RBrace = punct("RBrace", /[}\uFF5D]/, "「}」", ["}", "｝"]);
export const LBracket = punct("LBracket", /[[\uFF3B]/, "「[」", ["[", "［"]);
export const RBracket = punct("RBracket", /[\]\uFF3D]/, "「]」", ["]", "］"]);
export const LParen = punct("LParen", /[(\uFF08]/, "「(」", ["(", "（"]);
export const RParen = punct("RParen", /[)\uFF09]/, "「)」", [")", "）"]);
export const Comma = punct("Comma", /[,\uFF0C]/, "「,」", [",", "，"], [ListSep]);
export const Dun = punct("Dun", /\u3001/, "「、」", ["、"], [ListSep]);
export const Ge = punct("Ge", /≥|>=|\uFF1E\uFF1D|≧/, "「≥」", ["≥", ">", "＞", "≧"], [CompareOp]);
export const Le = punct("Le", /≤|<=|\uFF1C\uFF1D|≦/, "「≤」", ["≤", "<", "＜", "≦"], [CompareOp]);
export const Gt = punct("Gt", /[>\uFF1E]/, "「>」", [">", "＞"], [CompareOp]);
export const Lt = punct("Lt", /[<\uFF1C]/, "「<」", ["<", "＜"], [CompareOp]);
export const Eq = punct("Eq", /[=\uFF1D]/, "「=」", ["=", "＝"], [CompareOp]);
/** The minus sign of a negative band bound (分段 可为负 { [-5, 0) … }): -, − (U+2212) or －. */
export const Minus = punct("Minus", /[-\u2212\uFF0D]/, "「-」", ["-", "\u2212", "－"]);

// ---------------------------------------------------------------- error tokens
const wordChar = /[\p{L}\p{M}\p{N}_×·]/u;
let keywordAt: RegExp | undefined;
/** Any run of letters that is not a keyword: reported as KP1001 and recovered as a string. */
function matchUnknownWord(text: string, offset: number): RegExpExecArray | null {
  if (!wordChar.test(text[offset] ?? "") || /[0-9\uFF10-\uFF19]/.test(text[offset]!)) return null;
  keywordAt ??= new RegExp(
    keywordInfos
      .filter((k) => k.role !== "measure")
      .flatMap((k) => [k.text, ...k.aliases])
      .sort((a, b) => b.length - a.length)
      .map((t) => lookaheads.get(t) ?? escapeRe(t))
      .join("|"),
    "y",
  );
  let i = offset + 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (!wordChar.test(ch) || /[0-9\uFF10-\uFF19]/.test(ch)) break;
    keywordAt.lastIndex = i;
    if (keywordAt.test(text)) break;
    i++;
  }
  return execResult(text.slice(offset, i));
}
/**
 * Start-character hints for the catch-all word token, so Chevrotain keeps its first-character
 * optimisation (it indexes characters above U+00FF by their high byte, so one character per 256-block
 * registers the whole block).
 */
function blockHints(accept: (ch: string) => boolean): string[] {
  const hints: string[] = [];
  const blocks = new Set<number>();
  for (let c = 0; c <= 0xffff; c++) {
    if (c >= 0xd800 && c <= 0xdfff && c !== 0xd800) continue;
    const ch = String.fromCharCode(c);
    if (!accept(ch)) continue;
    if (c < 256) hints.push(ch);
    else if (!blocks.has(c >> 8)) {
      blocks.add(c >> 8);
      hints.push(ch);
    }
  }
  return hints;
}

export const UnknownWord = createToken({
  name: "UnknownWord",
  pattern: { exec: matchUnknownWord },
  line_breaks: false,
  label: "无法识别的文字",
  start_chars_hint: blockHints((ch) => wordChar.test(ch) && !/[0-9\uFF10-\uFF19]/.test(ch)),
});

// ---------------------------------------------------------------- order
const keywordTokens = keywordInfos
  .map((k, i) => ({ k, i, len: Math.max(...[k.text, ...k.aliases].map((s) => s.length)) }))
  .sort((a, b) => b.len - a.len || a.i - b.i)
  .map((x) => x.k.token);

/** Every token in lexing order: trivia, literals, keywords (longest first), punctuation, errors. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  Separator,
  LineComment,
  BlockComment,
  StringLiteral,
  NumberLiteral,
  ...keywordTokens,
  LBrace,
  RBrace,
  LBracket,
  RBracket,
  LParen,
  RParen,
  Comma,
  Dun,
  Ge,
  Le,
  Gt,
  Lt,
  Eq,
  Minus,
  UnknownWord,
  // categories last: they never match text themselves
  PerUnit,
  Measure,
  StepWord,
  StepMode,
  VetoWord,
  ListSep,
  CompareOp,
  CutoffWord,
  BaseFrom,
];

/** All keywords with their documentation (for completion, hover and highlighting). */
export const keywords: readonly KeywordInfo[] = keywordInfos;

/** The keyword description of a token type, if it is a keyword. */
export function keywordOf(token: TokenType): KeywordInfo | undefined {
  return keywordInfos.find((k) => k.token === token);
}

/** Canonical spelling of a keyword image (封顶 → 上限, 发现一起 → 每起, ～ → 至). */
export function canonicalKeyword(image: string): string {
  for (const k of keywordInfos) if (k.text === image || k.aliases.includes(image)) return k.text;
  return image;
}
