// The data of the accounting check (accounting.ts): the numbers of a clause that are no part of its
// scoring (dates, document and section numbers, names, references), and the closed list of qualifying
// words a reading must reflect. Patterns read the normalised clause (normalise.ts: half-width, simplified).

/** Measure words after a Chinese numeral that make it a number of the clause (「一次」「两项」「三个」). */
import { shareOf } from "../decimal.js";
import { CLOCK_TIME, MINUTES } from "./clock.js";

export const MEASURE = "次|个|项|件|条|处|例|起|宗|篇|份|张|人|名|户|家|所|台|辆|批|场|天|日|周|月|季度|年|分|类|种|样|遍|期|轮|本|套|位|支|座|间|回|级|档|星|票|成|倍|株|棵|只|头|栋|幢|块|亩|片|段|根|盏|部|册|卷|首|门|课|堂|节|小时|个百分点|百分点";

/** A Chinese numeral (一 … 九十九, 两, 百/千 read as their value). */
export const CN_NUM = "[一二两三四五六七八九十百千]{1,4}";

/**
 * Names and set phrases whose numerals are no number of the clause (「两学一做」「三会一课」「八项规定」,
 * 「一次性」「一律」 …). Matched before the numbers are counted; what matches is masked.
 */
export const NAMES: readonly RegExp[] = [
  /百分点|百分比|百分率|百分之|[三四五六七八九十]+次(?:党代会|代表大会|全体会议|全会|×会)|[一二三四五六七八九十]个一|一户多[\u4e00-\u9fa5]|一起(?=研究|部署|抓|开展|参与|学习|推进|落实|谋划)|两学一做|三会一课|三重一大|一岗双责|一票否决|一票否优|一把手|一站式|一对一|一户一档|一村一|一人一档|一事一议|四议两公开|一法一条例|两个确立|两个维护|四个意识|四个自信|两个责任|五水共治|三改一拆|八项规定|四风|三公|三资|三务|两委|两新|两会|两节|十九大|二十大|十[一二三四五]五|[一二三四五六七八九十]中全会|一网通办|一网统管|一件事|最多跑一次|一次性告知|双随机一公开|三同时|一岗|一级|二级|三级|一类|二类|三类|一等|二等|三等|一般|一律|一旦|一致|一定|统一|进一步|(?<!分)之一|唯一|同一|一体|一线|一并|一些|一经|一起抓|一方面|一次性|一年一度|一月一|一季一|一周一|一日一|一年四季|二手|一手|十分|万一|一切|一直|一道|一同|一贯|一向|逐一|一一|一览|第一时间|一窗|一门|一网|一张图|一张网|一本账|一盘棋|百分之百|百分百|三分类|三分之一以上|千分制|百分制|[一二三四五六七八九十]+星级|五星|五好|四好|三好|两违|三违|两类|三类人员|四类人员|五类人员/g,
  // hotlines and service numbers (「12345平台」「110」)
  /(?<!\d)(?:123\d\d|12110|96\d{3}|110|119|120|122)(?![\d.%])(?!分|次|个|项|件|条|处|例|起|人|名|户|家|天|日|元|万)/g,
  // codes with Latin letters (「GB50016」「ISO9001」「4A级」「3A」), and a measure in Latin units taken whole (「余氯不足0.3mg/L」:
  // not 「0.」 left over — session 29, jsb-11)
  /[A-Za-z]+\d+[A-Za-z\d]*|\d+(?:\.\d+)?[A-Za-z]+[A-Za-z\d]*/g,
];

/**
 * Numbers of no scoring use: dates, document numbers, references to articles, section numbers, times of
 * day, deadlines that describe the fact (「3个工作日内」), book titles and quoted names. Each is masked.
 */
export const NON_SCORING: readonly { readonly kind: string; readonly re: RegExp }[] = [
  { kind: "书名或引号中的名称", re: /《[^》]*》|“[^”]*”|"[^"]*"|〈[^〉]*〉|「[^」]*」/g },
  { kind: "文号", re: /[〔\[【(](?:19|20)\d{2}[〕\]】)]\s*(?:第)?\d+\s*号|(?:第)?\d+号(?:文|文件|令)?/g },
  { kind: "日期", re: /(?:\d{1,2}、)+\d{1,2}月(?:份)?/g }, // 「包括1、2、4、5、7、8、10、11月」: a list of months (session 29)
  { kind: "日期", re: /(?:19|20)[\d×xX]{2}(?:年度?|[.\-\/]\d{1,2}(?:[.\-\/]\d{1,2})?)(?:\d{1,2}月(?:\d{1,2}(?:日|号))?)?|(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:份|底|初|末|中旬|上旬|下旬)?(?:\d{1,2}(?:日|号))?|\d{1,2}(?:日|号)(?:前|之前|以前|后|之后|起)|(?:上|下)半年|第[一二三四1-4]季度|[一二三四1-4]季度/g },
  { kind: "时刻", re: CLOCK_TIME }, // 「8点05分前」 (session 25: clock.ts)
  { kind: "时长", re: MINUTES }, // 「30分鐘以內」
  { kind: "时刻", re: /\d{1,2}[:：]\d{2}|\d{1,2}(?:点|时)(?:前|之前|以前|后|半)?(?![\d分])/g },
  { kind: "条款或届次", re: /第[\d一二三四五六七八九十百]+(?:条|款|章|节|届|批|期|部分|阶段|轮|版|号|页)/g },
  // (session 28: 「两年内不得聘用」, a window of years)
  { kind: "时限", re: /\d+(?:个)?(?:工作日|小时|分钟|日|天|个月|周|年)(?:内|以内|之内)|[一二两三四五六七八九十]+(?:个)?(?:工作日|小时|日|天|个月|周|年)(?:内|以内|之内)/g },
  { kind: "距离", re: /\d+(?:\.\d+)?(?:米|公里|千米)(?:范围)?(?:内|以内|之内)?/g },
  { kind: "年龄", re: /\d+(?:周)?岁(?:以上|以下)?/g },
  { kind: "时长", re: /(?:\d+|[一二两三四五六七八九十]+)(?:分钟|秒|小时(?!内|以内|之内))|近(?:\d+|[一二两三四五六七八九十]+)年|(?:\d+|[一二两三四五六七八九十]+)年左右/g },
  { kind: "期间", re: /(?<!每|少|缺|超|迟|推迟|延迟|满|超过|不足)[一1](?:个)?(?:年|学年|学期|季度|年度)(?:中|内|里|来|度)?(?![以之]?[上下内])/g },
  { kind: "全无", re: /[一1](?:个|项|次|件|人|条|处)?(?:也|都)(?:没|未|不)/g },
  { kind: "任期", re: /满(?:\d+|[一二两三四五六七八九十]+)(?:个)?(?:聘期|任期|周年|年|学期)/g },
  { kind: "频次", re: /每(?:年|半年|季度|季|月|周|学期|学年)[^,;。\d]{0,8}?[一1](?:次|回)/g },
  { kind: "比例标准", re: /\d+(?:\.\d+)?[\u4e00-\u9fa5]{0,2}\/\d+(?:\.\d+)?(?!分)[\u4e00-\u9fa5]{0,2}/g },
  { kind: "范围", re: /\d+(?:\.\d+)?[-至~]\d+(?:\.\d+)?(?![\d.]*(?:分|%))|[一二两三四五六七八九十]+[-至~][一二两三四五六七八九十]+(?![\u4e00-\u9fa5]?分)/g },
  { kind: "档数", re: /(?:\d+|[一二两三四五六七八九十]+)(?:个)?(?:档|等次|档次|等级)/g },
];

/**
 * Numerals fused into a word of the language (session 28): 「工地四周」 is "all around" (four weeks only after a word of
 * time or a bound: 「连续四周」「超过四周」「四周内」), 「主城九区」 the proper name of a group of districts, and the words
 * below. Masked as names are (a Chinese numeral counts only before a measure word, and these have one).
 */
export const FUSED_NUMERALS: readonly RegExp[] = [
  /(?<!连续|超过|满|近|达到|达|不足|少于|多于|每|第|前|后|最近|以上|以下)四周(?![年内以之后前])/g,
  /主城(?:\d+|[一二三四五六七八九十]+)区/g,
  // words of the language with a numeral and a measure word in them: 「一部分」「一段时间」「三天两头」「一条龙」「一家一户」,
  // an anniversary 「四周年」 (not 「一样」: 「与上年一样扣2分」 stays a to-do, recognise-eighteenth-todos.test.ts), the service phrases 「一次告知」「一次办结」「一件事一次办」 (not 「一次办理」)
  /一部分|一段时间|三天两头|一条龙|一家一户|(?:\d+|[一二三四五六七八九十]+)周年|一次(?:告知|到位)|一次办(?!理)/g,
];

/**
 * An outline number with no separator after it (session 28, 「3.2成立领导小组…」): at the start of the clause or
 * of a sentence, two or more levels (「3.2」「1.2.3」) directly before a Chinese word that is no measure word or unit
 * (成 is one only after a whole numeral, 「三成」: 「3.2成立」 is an outline number)
 * (「3.2分」「1.5倍」「2.5米」「1.5万元」 stay numbers).
 */
export const OUTLINE_NUMBER = new RegExp(
  `(?:^|(?<=[;。]))\\d+(?:\\.\\d+)+(?=[\\u4e00-\\u9fa5])(?!(?:${MEASURE.split("|").filter((w) => w !== "成").join("|")}|万|亿|千|百|元|米|公里|千米|平方|立方|吨|公斤|千克|克|升|毫|厘|秒|以|及|至|到|或|左右|多|余))`,
  "g",
);

/** A section number at the start of the clause or of one of its parts (「3、」「(2)」「一、」「1.2.」「①」). */
export const SECTION_NUMBER = /(?:^|(?<=[;。:]))(?:\(\d+\)|\([一二三四五六七八九十]+\)|\d+(?:\.\d+)*(?:、|[.)](?![\d%]))|[一二三四五六七八九十]+[、.])/g;

/** Words before a number that make it the item's own points (「满分2分」「本项5分」「共3分」「(4分)」). */
export const OWN_POINTS = /(?:满分|最高分|总分|总计不超过|合计不超过|共|共计|合计|本项|该项|此项|本项目|本指标|分值|基础分|基准分?|标准分|基本分)(?:为|是)?$|\($|(?<=任务|工作|指标)为$/;
// (session 25, amounts: 「总计不超过15分」 equal to the item's points is the item's points, shared by the rules before it)
// (session 24, s24-tune13: 「完成…关闭任务为15分」 states what the task is worth — the item's points — as 满分为 does;
// yzsm-03, read 得 15 before: rewords-item.ts drops it before a failing that voids the item; 「基本分20分」 is the
// item's points by the same word as 基础分)

/**
 * 「增减分不超过基本分50%」「最多增加(减少)该项分值50%」 (session 24, s24-tune13): a share of the item's points
 * that the reading writes as its caps — placed only when some cap of the reading is exactly points × K %.
 */
export function shareOfPointsPlaced(before: string, after: string, value: string, points: string | undefined, written: readonly string[]): boolean {
  if (points === undefined || !after.startsWith("%") || !/(?:不超过|最多|最高)[^,;。\d]{0,4}(?:基本分|基础分|该项分值|本项分值)$/.test(before)) return false;
  const cap = shareOf(points, value);
  return cap !== undefined && written.includes(cap);
}

/** Verbs before 「一名」「一个」 that make the one a thing the unit is to have (「明确一名分管领导」「配备一个服务点」). */
export const HAVING_VERB = /(?:有|配备|配齐|配置|明确|设立|设置|确定|指定|建立|成立|安排|选派|聘请|聘用|建有|设有|拥有)$/;

/** Measure words of a list's size (「三项」「两类」). */
export const LIST_MEASURE = /^(?:项|个|类|种|方面)$/;

/** After 「N分」: the parts of the total follow (「,其中」「。其中」). */
export const PARTS_AFTER = /^[,。;:]?其中/;

/** After 「扣为0」: the floor of deductions (「分为止」「分止」). */
export const FLOOR_AFTER = /^分(?:为止|止)/;

/**
 * Before a base restated on its other side (「达70%以上(含)的,得50分;未达到70%的,每少一个百分点扣1分」 read
 * 基准 70% 每低 1个百分点 扣 1): the same base, said from both sides (session 24, s24-tune11).
 */
export const BASE_OTHER_SIDE = /(?:未达到|低于|不足)$/;

/** Before a formula's factor (「×2」「*2」「乘以2」). */
export const TIMES_BEFORE = /(?:×|\*|乘以)$/;

/** One qualifying word of the closed list, and how a reading reflects it. */
export interface Qualifier {
  /** A short name (stable; used in tests). */
  readonly name: string;
  /** The word in the normalised clause (first match reported). */
  readonly re: RegExp;
  /** Whether the reading (its bodies joined by a space) reflects the word; `t` is the clause. */
  readonly reflected: (all: string, bodies: readonly string[], t: string) => boolean;
  /** The Chinese reason when it does not ({w} is the word as the clause writes it). */
  readonly reason: string;
}

const counted = (b: string): boolean => /^每/.test(b) || /\s每\S/.test(b);

/** The closed list of qualifying words (从高/就高 … 未), each with what reflects it in a reading. */
export const QUALIFIERS: readonly Qualifier[] = [
  {
    name: "highest",
    // (「从高到低排序」 is a ranking's direction, not 就高: session 24, s24-tune11)
    re: /从高(?!到低)|就高|取最高|取高|按最高|取其高|以最高|择高/,
    reflected: (all) => /就高/.test(all),
    reason: "条文写有「{w}」（几项只按最高的一项计分），计分方式中没有就高，未能确定",
  },
  {
    name: "once",
    re: /只计一次|只计1次|仅计一次|仅计1次|只加一次|只扣一次|只计算一次|按一次计/,
    reflected: (_all, bodies) => !bodies.some(counted),
    reason: "条文写有「{w}」，计分方式却按次逐一计分，未能确定",
  },
  {
    name: "no-repeat",
    re: /不重复(?:计分|加分|扣分|计算|计)?|不累加|不叠加/,
    reflected: (all, bodies) => /就高|上限/.test(all) || bodies.length === 1,
    reason: "条文写有「{w}」，几条规则的分值不能都计，计分方式中没有写出，未能确定",
  },
  {
    name: "cumulative",
    re: /累计(?!不超过\d+(?:\.\d+)?(?:次|个|项))/,
    // (a ranking by 「累计得分」 ranks the accumulated total: patterns/rank-by-total.ts, session 29)
    reflected: (all, bodies) => /上限|分段|至少|基准|就高|按比率|酌情|排名/.test(all) || bodies.some(counted),
    reason: "条文写有「{w}」，计分方式却只有一次确定的分值，未能确定累计的对象或上限",
  },
  {
    name: "each",
    // 分别 of scoring only (「分别计1分」), not of doing (「各分支机构分别成立领导机构」)
    re: /分别(?=[\u4e00-\u9fa5]{0,2}?(?:\d|[一二两三四五六七八九十半]+分|扣|得|加|减|计|记|给))|各(?:扣|得|加|减|计|记|给)?(?:\d+(?:\.\d+)?分?|[一二两三四五六七八九十](?:分|个|项))/,
    reflected: (all, bodies) => bodies.length > 1 || /每|评为|分别|其中|分段|按评价|按排名|就高/.test(all),
    reason: "条文写有「{w}」（几样东西各自计分），计分方式却只有一个分值，未能确定",
  },
  {
    name: "band-word",
    re: /(?:(?<![\d.])(?!1(?![\d.]))\d+(?:\.\d+)?%?|[两二三四五六七八九十]+)[\u4e00-\u9fa5]{0,3}?(?:\((?:不)?含(?:本数)?\)|(?:\(含\))?(?:以上|以下))/,
    reflected: (all, bodies) => !bodies.every((b) => /^(?:扣|得) \d/.test(b)) || /分段|至少|至多|不足|基准|评为|按评价|其中|一票否决|酌情|按比率|≥|≤|<|>/.test(all),
    reason: "条文写有「{w}」（界限），计分方式中没有分段或界限，未能确定",
  },
  {
    name: "full-marks",
    re: /满分(?:为|是)?(\d+(?:\.\d+)?)分/,
    reflected: (_all, bodies, t) => {
      const n = /满分(?:为|是)?(\d+(?:\.\d+)?)分/.exec(t)![1]!;
      // 「满分2分」 read as an award of its own beside other rules: the item's points, not a rule
      return !(bodies.length > 1 && bodies.some((b) => b === `得 ${n}`));
    },
    reason: "条文的「{w}」是本项的满分，计分方式却把它读成一项得分，未能确定",
  },
  {
    name: "base-points",
    re: /基准分|基础分/,
    // (「…得基础分2分」 in a clause that deducts nothing is the award itself: session 24, s24-tune11)
    reflected: (all, _bodies, t) => /基准|扣|不得分|否则|按比率|分段/.test(all) || (/得基础分[\d.]+分/.test(t) && !/扣|减|每|缺|未|不得分|否则/.test(t) && /^得 [\d.]+$/.test(all)),
    reason: "条文写有「{w}」（从基准分扣减），计分方式却只有得分，未能确定",
  },
  {
    name: "until-none",
    re: /扣完为止|扣完\S{0,6}为止|扣满为止|扣(?:至|为|到)(?:0|零)分|扣光为止|扣完即止/,
    // (a share deducted 「按比例扣分,扣完为止」 read 按比率: the rate's floor — session 25, patterns/proportion.ts)
    reflected: (all) => /扣|不得分|上限|倒扣|分段|否则|按比率/.test(all),
    reason: "条文写有「{w}」（扣分），计分方式却只有得分，意思可能反了，未能确定",
  },
  {
    name: "otherwise",
    re: /否则[^,;。]{0,6}(?:扣|减)\d/,
    reflected: (all) => /否则|扣|分段|评为/.test(all),
    reason: "条文写有「{w}」，计分方式中没有另一方面的扣分，未能确定",
  },
];

/**
 * 「…上报及时得15分,未完成初验扣5分,资料不全扣5分」 read as its deductions (session 24, s24-tune13,
 * rewords-item.ts): the item's full points before two or more one-shot deductions, each on its own failing,
 * are no award of their own (as before counted deductions).
 */
export function deductionList(bodies: readonly string[]): boolean {
  return bodies.length >= 2 && bodies.every((b) => /^扣 \d+(?:\.\d+)?$/.test(b));
}
