// The compositional reader's parts (session 26, issue 13): small tables of the SPELLINGS of each kind of part a
// scoring clause is made of — a count (每次, 一处 before the verb, 「/项」 after the amount, 每缺一人, 任一项), an effect
// (扣/减/扣除 → 扣; 得/加/计/记/给/奖 → 得), an amount (N分) or a range (N-M分), a cap (最多扣N分, 累计不超过N分, 扣完为止 …),
// a bound (不少于N次, N次以上, 低于N%), a zero (不得分, 本项计0分), the connectors 否则/反之, a discretion word (酌情) and
// a period (每季度, before a bound). Each table is data: a regular expression per spelling and what it means.
// The tagger (tag.ts) finds them; the grammar (compose.ts) puts them together; whatever text is left is a
// condition and may hold no scoring word (free-text.ts).
import { NOT_WORD } from "../amounts.js";
import { NUM } from "../normalise.js";
import { NOUNS } from "../units.js";

/** A number: digits with decimals, or a small Chinese numeral (一 … 九十九). */
export { NUM };

/** The direction a verb gives: a deduction or an award. */
export type Direction = "扣" | "得";

/** One spelling of an effect verb and its direction. */
export interface EffectWord {
  readonly word: string;
  readonly direction: Direction;
}

/**
 * The effect verbs, as they stand right before an amount or a range. 加/计/记/得 have lookbehinds in EFFECT_SOURCE
 * (参加, 统计, 登记, 获得 are other words); 倒扣 is a modifier (modifiers.ts) and never reaches the parts.
 */
export const EFFECT_WORDS: readonly EffectWord[] = [
  { word: "扣除", direction: "扣" },
  { word: "扣减", direction: "扣" },
  { word: "扣罚", direction: "扣" },
  { word: "扣去", direction: "扣" },
  { word: "减去", direction: "扣" },
  { word: "扣", direction: "扣" },
  { word: "减", direction: "扣" },
  { word: "罚", direction: "扣" },
  { word: "奖励", direction: "得" },
  { word: "加记", direction: "得" },
  { word: "加计", direction: "得" },
  { word: "计得", direction: "得" },
  { word: "增加", direction: "得" },
  { word: "给予", direction: "得" },
  { word: "可得", direction: "得" },
  { word: "可加", direction: "得" },
  { word: "加", direction: "得" },
  { word: "得", direction: "得" },
  { word: "计", direction: "得" },
  { word: "记", direction: "得" },
  { word: "给", direction: "得" },
  { word: "奖", direction: "得" },
];

/** The direction of an effect word as written (its filler 予以/应/则 already cut), or undefined. */
export function directionOf(word: string): Direction | undefined {
  return EFFECT_WORDS.find((w) => w.word === word)?.direction;
}

/** Characters before 加/计/记/得/减/罚 that make them part of another word (参加, 统计, 登记, 获得, 递减, 处罚 …). */
const NOT_AFTER: Readonly<Record<string, string>> = {
  加: "参增附追添外施更另再叠",
  计: "合累总共小估审设会统核预另",
  记: "登笔日标印书",
  得: "取获不懂使值难晓赢博记",
  减: "递削缩核",
  罚: "处",
  扣: "不",
};

/** The effect words, longest first, each with its lookbehind, as an alternation (the word captured by the caller). */
const EFFECT_ALTERNATION = EFFECT_WORDS.map((w) => (NOT_AFTER[w.word] ? `(?<![${NOT_AFTER[w.word]}])${w.word}` : w.word)).join("|");

/** Fillers between the subject and the verb that say nothing of the scoring (「应扣」「则扣」「予以扣除」). */
const EFFECT_FILLER = "(?:予以|应当|应|(?<!否)则|即|须|可)?";

/**
 * An effect and its amount or range, as one match: 1 the verb, 2–3 a range (「扣1-3分」「扣5分至10分」「扣1~2分」), 4 an
 * amount (「扣0.5分」「得 2 分」 — spaces are out), 5 an amount whose 分 the copy dropped, right before a stop (「扣2」).
 * Without a verb (group 1 empty) the amount is bare: 「(2分)」「0.5分/项」.
 */
export const SCORE_SOURCE = `(?:${EFFECT_FILLER}(${EFFECT_ALTERNATION})(?:分)?)?(?:${NUM}(?:分)?(?:-{1,2}|~|至|到)${NUM}分|${NUM}分${NOT_WORD}|(?<=(?:${EFFECT_ALTERNATION}))${NUM}(?=$|[,;。)]))`;

/** 「…做到制度上墙。(2.5)」: points in brackets without 分, ending the clause (group 1). */
export const BRACKET_POINTS_SOURCE = "\\((\\d+(?:\\.\\d+)?)\\)(?=[。;,]*$)";

/** After an amount: the value of a fact (「90分以上」), never a points amount the reading may take. */
export const SCORE_BOUND_AFTER = /^(?:\(含\))?(?:及)?(?:以上|以下|以内|之内)/;

/** One spelling of a cap; `value` false when the cap is the item's points (扣完为止: nothing to write). */
export interface CapSpelling {
  readonly re: string;
  /** Whether the cap writes its amount (group 1). */
  readonly valued: boolean;
}

/** Scope words a cap may start with that keep it the rule's cap (「单项最多扣2分」「累计扣分不超过1.2分」). */
const CAP_SCOPE = "(?:单项|本项|此项|该项|本条|累计|合计|总计|共计)?(?:扣分|加分|得分|扣除|计分)?";

/** The spellings of a cap (the amount in group 1 when valued). */
export const CAP_SPELLINGS: readonly CapSpelling[] = [
  // 「最多扣4分」「最高加2分」「至多得3分」「累计最多扣5分」「最高5分」
  { re: `${CAP_SCOPE}(?:累计)?(?:最多|最高|至多)(?:可)?(?:扣除|扣|加|得|减|计|记)?${NUM}分(?:为止|封顶)?`, valued: true },
  // 「累计不超过3分」「扣分不得超过2分」「最多不超过5分」
  { re: `${CAP_SCOPE}(?:最多|最高)?(?:不超过|不得超过|不超出|不高于|不大于)${NUM}分`, valued: true },
  // 「上限为5分」「封顶3分」「扣分上限2分」
  { re: `${CAP_SCOPE}(?:上限|封顶)(?:为|是)?${NUM}分`, valued: true },
  // 「5分封顶」「以3分为限」
  { re: `(?:以)?${NUM}分(?:封顶|为限|为上限)`, valued: true },
  // 「扣满7分为止」「加到2分为止」「加满2分」「扣完2分为止」
  { re: `(?:扣完|扣满|扣至|扣到|加至|加满|加到|得满)(?!0分|零分)${NUM}分(?:为止|即止|止)?`, valued: true },
  // 「扣完为止」「直至扣完本项分值为止」「扣至0分为止」「此项分扣完为止」「扣分至基本分值扣完为止」「扣分扣完为止」
  {
    re: "(?:直至|直到|直接)?(?:扣分至基本分值|扣分(?=扣))?(?:本项|该项|此项|本条)?(?:分值|分数|分)?(?:扣完|扣满|扣光|扣至0分|扣到0分|扣为0分|扣至零分|扣为零分?|扣完该项分值|扣完本项分值|扣完本项分)(?:本项|该项|此项)?(?:分值|分数|分)?(?:为止|即止|止)",
    valued: false,
  },
  { re: "(?:直至|直到)(?:本项|该项|此项)?(?:分值|分数|分)?扣完", valued: false },
];

/** A period before a cap (「每月最多扣2分」「每季度累计不超过1分」): a cap per period, which the language has not. */
export const CAP_PERIOD_BEFORE = /(?:每(?:年|半年|季度|季|月|周|日|天|学期|次|项|件|人|处|个|条|起|例)|单次|一次)$/;

/** The count nouns of the language (次, 件次, 人次 …, 个月, 种), longest first. */
export const COUNT_NOUNS = NOUNS;

/** After a count noun: a measure that makes it another thing (每一个百分点, 每个工作日, 每个单位) or a bound (一人以上). */
export const NOT_A_COUNT_AFTER = "百分点|工作日|小时|学时|课时|季度|平方|批次|[\\u4e00-\\u9fa5]?(?:及)?(?:以上|以下)";

/**
 * A per-count: 「每次」「每人次」, 「每发现一处」「每缺1项」 (a verb of at most eight characters, then 一/1), 「每1所」 —
 * group 1 the gap (the verb), group 2 the noun. A step word after 每 (每增加, 每低, 每超过 …) is a linear step, no count; a period before its
 * number (「每季度检查1次」) is a requirement per period, no count (「每月未开展…扣」 counts months).
 */
export const PER_SOURCE = `每(?!(?:半年|季度|学期|学年|年度|年|季|周|月|日|天)[^,;。]{0,8}?[一1])(?!增加|减少|超过|超出|超|提高|降低|低|高|多|下降|上升|增长|后退|前进)((?:(?![每,;。:\\d一1])[\\u4e00-\\u9fa5“”"()]){0,8}?[一1]|[一1]?)(${NOUNS})(?!${NOT_A_COUNT_AFTER})`;

/** Words of a shortfall right after 每 or before the one (「每少一次」「缺1项」「每差1条」「少开展一次」). */
export const LACK_GAP = /^(?:少|缺|差|缺少|少于)/;

/**
 * 「一次扣1分」「出现1起扣2分」「缺1项扣2分」「一处垃圾扣1分」: one of a count noun right before the effect (a 的 and a comma
 * between allowed; after 处/个/起/条/项 the thing found, up to four characters, too — session 27).
 * Never after 任/有/未/没有/全年/至少 (「全年一次未开展」: not even once, a one-shot; 「至少一次」: a requirement).
 */
export const ONE_BEFORE_EFFECT_SOURCE = `(?<![\\d.第前末排倒头单唯统同其逐之仅只任何有未没])(?<!后退|前进|全年|年内|全季|全月|至少|最少|不少于)([一1])(${NOUNS})(?!${NOT_A_COUNT_AFTER})(?=(?:(?:未|不|没有|没)[\\u4e00-\\u9fa5]{1,4}?|(?<=[一1](?:处|个|起|条|项))(?:(?![次性一二两三四五六七八九十处个件张起条项人次])[\\u4e00-\\u9fa5]){1,4}?)?(?:的)?,?(?:${EFFECT_FILLER})(?:扣除|扣减|扣|减|罚|得|加|计|记)(?:分)?(?:\\d|[一二两三四五六七八九十]))`;

/**
 * 「发现一处不一致,扣0.5分」「发生一起生产安全事故的,扣30分」「有一项不达标扣5分」: one found, in the sentence before
 * the effect — each one found is counted (语言参考 §5.1: 发现一起 即 每起). Not after 仅/只 (having only one).
 */
export const FOUND_ONE_SOURCE = `(?<![仅只])(?:发现|出现|发生|查实|查处|查出|有)(?:了)?[一1](${NOUNS})(?!${NOT_A_COUNT_AFTER})`;

/** 「任一项」「任何一个」: any one of them — before 不得分 it voids the item; before an amount, once or each is not said (rule.ts). */
export const ANY_SOURCE = `任(?:何)?[一1](${NOUNS})(?!${NOT_A_COUNT_AFTER})`;

/** 「0.5分/项」「扣1分/人次」: the count noun after the amount's slash (group 1; a word the language lacks is refused). */
export const SLASH_SOURCE = "(?<=分)/([\\u4e00-\\u9fa5]{1,2})";

/** The comparison a bound word makes. */
export type BoundOp = "≥" | ">" | "≤" | "<";

/** The bound words before a number, and their comparison. */
export const BOUND_WORDS: readonly { readonly words: string; readonly op: BoundOp }[] = [
  { words: "不得少于|不应少于|不少于|不低于|至少|最少|达到|达|不少", op: "≥" },
  { words: "超过|多于|高于|大于", op: ">" },
  { words: "不超过|不高于|不多于|不大于", op: "≤" },
  { words: "少于|低于|不足|未达到|未达|达不到|不到|小于", op: "<" },
];

/** Measures a bound may count in, as the language writes them in a band or a requirement (语言参考 §2.3). */
export const BOUND_MEASURES = "个百分点|件次|人次|个月|次|件|人|个|项|起|例|处|条|家|村|户|篇|天|日|月|名|份|场|%";

/** After the number and its measure: 以上 / 以下 with or without 含 (不含 makes it strict), and 「/年」 (a year's). */
export const BOUND_SUFFIX = "(?:\\((不)?含(?:本数)?\\))?(?:及)?(以上|以下|以内)(?:\\((不)?含(?:本数)?\\))?";

/** The zero of the item (「不得分」「本项计0分」「该项不计分」「扣除该项全部分值」). */
export const ZERO_SOURCE =
  "(?:(?<!否)则|即|均|也|一律)?(?:该项|本项|此项|该项目|本项目|此项目|该大项|本大项|此大项|该指标|本指标)?(?:考核)?(?:不得分|不计分|不记分|不给分|(?:计|记|得|为)(?:0|零)分|分值全扣|(?<!不)全扣(?![\\d一二两三四五六七八九十])|扣除(?:该|本|此)项(?:全部|所有)?分(?:值|数)?|扣完(?:该项|本项|此项)?(?:基本分|基础分)(?:值)?(?![\\d为止即至到]))";

/**
 * 「…的一票否决」「并实行一票否决」「(实行“一票否决”)」: the veto, a rule of its own beside a zero (语言参考 §6: 一票否决 is
 * written as its own rule; the corpus writes 「…一票否决,该项不得分」 as 不得分 and 一票否决, bzxz-11, yeyd-10/11).
 */
export const VETO_SOURCE = "(?:并|同时|即|均)?(?:实行|采取|予以)?[“\"]?一票否决[”\"]?(?!的办法|制度|事项|指标|性)";

/**
 * A linear step (语言参考 §5.5): 「每低1个百分点」「每下降0.1%」「每超过一个百分点」「每增加5%」 — 1 the step word, 2 the size, 3 its
 * measure (个百分点 or %; a step of a quantity — 每增加100万元 — is left to the patterns). The words of a count
 * (每少一次) are a count's, not a step's.
 */
export const STEP_SOURCE = `每(低于|低|少于|少|下降|降低|减少|差|超过|超出|超|高于|高出|高|增加|提高|增长|上升|多)${NUM}(个百分点|百分点|%)|(?<![每未不])(少|低|下降|降低)${NUM}(个百分点)(?=(?:的)?,?(?:扣|减))`;

/** The step words that go down from the base (每低, 每少 …); the others go up (每超, 每增加 …). */
export const STEP_DOWN = /^(?:低于|低|少于|少|下降|降低|减少|差)$/;

/** 「得满分」「计基本分」「不扣分」: the item's points at the base of a linear rule (nothing written for them). */
export const FULL_SOURCE = "(?<![不未没])(?:(?:得|计|记|给)(?:满分|基本分|标准分|全分)|不扣分)";

/** 「登记率100%」「办证率达95%」 before a step: the standard a rate is measured against (group 1; the base of a linear rule only). */
export const STATED_RATE_SOURCE = `(?<=率)(?:为|是)?${NUM}%(?=,|;|。|$)`;

/** The connector of a rule's other side. */
export const OTHERWISE_SOURCE = "否则(?:的话)?|反之";

/** Discretion words: the amount within a range is the assessor's. */
/** 「酌情扣分」「视情况扣分」 without an amount: within the item's points (酌情 扣 0 至 P). */
export const DISCRETION_DEDUCTION_SOURCE = "(?:酌情|视情况|视情节(?:轻重)?|视情)(?:予以)?(?:扣分|减分|扣除分值|扣减分值)(?![\\d一二两三四五六七八九十])";

export const DISCRETION_SOURCE = "酌情|视情节(?:轻重)?|视情况|视具体情况|视情|根据(?:具体)?情况|根据情节(?:轻重)?|按情节轻重";

/** A period that says when, not what is counted (「每季度」「每年」), before a requirement. */
export const PERIOD_SOURCE = "每(?:半年|季度|学期|学年|年度|年|季|周|月|日)";

/** Words of an escalation or of a rule on top of another: two amounts of one clause joined by them are not two plain rules. */
export const ESCALATION = /造成|导致|引发|引起|情节|严重|较重|较大|重大|特别|恶劣|再次|屡次|多次|重复|连续|累计|另|再|加扣|并扣|同时|其中|其他|其余|以上|以下|首次|第[二三四五六七八九十\d]|又|还/;
