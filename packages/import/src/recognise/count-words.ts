// Count words (量词) real rulebooks count with that the language has no unit word for (「每床扣2分」
// 「每查实一辆…扣10分」「扣10分/半天」「缺一名…扣0.5分」), and the language's unit each is written with —
// ONE table, as the corpus's hand encodings write them (grammar/语言参考.md §计次单位: a unit word only
// names what is counted in reports; the amount per occurrence is the meaning). The recogniser writes the
// table's words as their unit in the text the patterns read (never in the clause, kept verbatim), so every
// pattern that reads a count (每X, 一X, 分/X, 每发现一X …) reads them alike; the guards on a finished
// reading see the same text (recognise.ts `read`; a reason the clause's own words also give is said in them).
//
// Only where the corpus is consistent. Words the corpus writes two ways, or never counts with, are left
// out (NOT_IN_TABLE says why): a clause counting with them stays a to-do.

/** One count word the language lacks, the unit it is written as, and why. */
export interface CountWord {
  /** The measure word as a clause writes it (simplified: the text is normalised first). */
  readonly word: string;
  /** The language's unit word it is written as (每个, 每次 …). */
  readonly unit: string;
  /** Why this unit (English, for the reader of the code; the corpus clauses that write it so). */
  readonly why: string;
  /** Characters after the word that make it another word (节约、名单、所有): never a count there. */
  readonly notBefore?: string;
  /** Characters before the word that make it another word (学期、星期、按期): never a count there. */
  readonly notAfter?: string;
}

export const COUNT_WORDS: readonly CountWord[] = [
  { word: "名", unit: "每人", notBefore: "次|单|额|义|称|字|录|誉|牌|人|师|校|优|列", why: "a person counted (jh-06 「每缺一名…干部」, rhld-17/18 「扣2分/名」): 每人" },
  { word: "床", unit: "每个", notBefore: "单|品", why: "a bed of a dormitory (alsz-05/06 「每床扣2分」): 每个" },
  { word: "辆", unit: "每个", notBefore: "次", why: "a vehicle (hngj-03/04 「每查实一辆」, sq-07 「每辆减2分」): 每个" },
  { word: "所", unit: "每个", notBefore: "有|在|属|辖|需|得|述|列|以|谓|处|长|内|外|里|做|用|说|受|提|报|占", why: "a school, a station (ynlg-13 「…的一所扣1分」, jdh-16 「每1所学校不合格」): 每个" },
  { word: "株", unit: "每个", why: "a tree or plant (qxlh-12 「见一株未扶正」): 每个 (rewords-s24b.ts wrote it first)" },
  { word: "棵", unit: "每个", why: "a tree, as 株: 每个" },
  { word: "节", unit: "每次", notBefore: "日|约|能|点|假|奏|目|省|余|庆|俭", why: "a class period (hzsf-10 「每调课1节」, gzjs-27 「每節扣4分」, gzjs-26 a bound in 次): 每次" },
  { word: "课时", unit: "每次", why: "a teaching hour (gzjs-10 「按3分/課時」): 每次, as 节" },
  { word: "半天", unit: "每次", why: "a half day absent (gzjs-09/11 「扣10分/半天」「6分/半天」, ck-01 「每人次每半天扣3分」 → 每人次 每次): 每次" },
  { word: "期", unit: "每次", notBefore: "间|限|末|中|初|满|望|内|限|待|货|刊", notAfter: "学|星|周|定|工|汛|假|时|日|到|逾|过|按|限|近|长|同|上|本|当|分|延|预|任|刑|届|缓|早|晚|前|后|初|中|末|活|考|会|旬|期|每", why: "an issue of a board or bulletin (jsxj-04 「每出一期得0.5分」): 每次; 「每期」 with no verb between is the period assessed (qndx-03 「每期完成率未达90%」, session 29, helper danger), no issue counted" },
  { word: "层", unit: "每项", notBefore: "级|层|面|次|楼", why: "a level of responsibility (tzjs-03 「每缺1层扣1分」, xzgl-01 「每少一层管理扣3分」): 每项" },
  { word: "张", unit: "每件", notBefore: "贴|榜|挂|扬|罗|力|望", why: "a sheet, a form (scjg-06 「每发现1张填写、审批不规范的」): 每件" },
  { word: "台", unit: "每个", notBefore: "账|帐|站|风|阶|湾|词|球|面|上|下|前|后|历|次|班|灯|式|套|商|胞", notAfter: "平|电视|视|舞|阳|柜|讲|灶|站|出|兑|戏|窗|凉|看|烛|炮|电|主席|天|琴|擂|井|高|楼|亭|吧|晒|灯|烟|后|前|上|下|登|倒|垮|拆|镜|梳|妆", why: "a machine, a terminal (fjwa-02/03/04 「每台终端扣0.5分」, session 27): 每个, as 辆 and 床; 台账、平台、出台 are other words" },
  { word: "月次", unit: "每次", notBefore: "数|序|日|年|月|周|会", why: "a month in which it happened, counted as one time (zs22-03 「每月次扣3分」, mlxx-01/02 「每月次分别扣5分」「每月次10分」, session 27, as the eighteenth set's writer encodes them): 每次" },
  { word: "项次", unit: "每件次", why: "an item's occurrence, one time each (sqjz-16 「每项次扣0.5分」 → 每件次, sdls-02 「每有一项次…扣1分」 → 每次, the same count; session 29): 每件次" },
  { word: "车次", unit: "每次", why: "a run of a vehicle, counted as one time (gskz-05 「违反第5项每车次扣5分」 → 每次, session 29): 每次" },
  { word: "小项", unit: "每项", notAfter: "大", why: "a sub-item of a checklist (xcyr-03 「每小项达不到扣3分」, gxmb-07/08/09 「每小项不完成任务扣1分」 → 每项, session 29): 每项" },
  { word: "笔", unit: "每条", notBefore: "记|试|录|者|误", why: "an entry of accounts (tjm-09 「差错一笔扣0.5分」): 每条" },
];

/**
 * Words a clause counts with that are not in the table, and why (tests and the README list them): a clause
 * counting with one stays a to-do.
 */
export const NOT_IN_TABLE: Readonly<Record<string, string>> = {
  座: "written two ways: 每处 (hwzy-04 「脱岗，每座扣0.5分」) and 每个 (cz-04 「每增加一座加5分」)",
  季度: "after 每 a period (「每季度召开一次」), not a count; counted once (nclg-09 「每少公示一季度」 → 每次)",
  本: "never counted in the corpus (「每本台账」)",
  位: "an ordinal place in rankings (「每后退一位」); a person only in 「一位领导」 (having one)",
  案次: "a compound of 次 written once (xf-12 → 每件次); 户次 not written (项次 is in the table since session 29)",
  亩: "a measure of area, not a count (session 25, s25-tune15: 「每增加1000亩」 is linear, gd-03); the fifteenth set writes 「每拋荒1畝」 每个 (xlsc-02), 「每連片拋荒5畝或零星拋荒30畝」 每处 (lsj-05/06) and 「每5畝」 a linear step (lsj-07): no one unit",
  卷: "written two ways: 每件 (sjgw-03 「有1卷扣2分」, which rewords-s24b.ts reads for 一卷) and 每项 (lm-11 「按卷扣2分」)",
};

/** The table by word. */
const BY_WORD = new Map(COUNT_WORDS.map((w) => [w.word, w]));

/** The words, longest first, each with its not-after and not-before guards, as one alternation (the word captured). */
const WORDS = COUNT_WORDS.slice()
  .sort((a, b) => b.word.length - a.word.length)
  .map((w) => `${w.notAfter ? `(?<!${w.notAfter})` : ""}${w.word}${w.notBefore ? `(?!${w.notBefore})` : ""}`)
  .join("|");

/** The noun each unit names (每个 → 个). */
const nounOf = (unit: string): string => unit.slice(1);

/**
 * The positions where a word counts (one of it, nothing else):
 *  - after 每 and at most three words of a verb, with or without 一/1 (「每床」「每查实一辆」「每旷工半天」
 *    「每1所学校」; a verb without 一 gets it: 「每旷工半天」 → 「每旷工一次」) — not after a step word
 *    (「每后退一名」 is a rank, 「每超过一层」 a step);
 *  - after 一/1 that is not an ordinal or part of a number (「缺一名」「见一株」; not 「第一名」「前1名」
 *    「11名」), and not a bound (「一名以上」);
 *  - after a bound word and any number (「不少于2节」「少于4名」): the bound in the unit the count is in;
 *  - after 「分/」 (「扣10分/半天」「扣2分/名」);
 *  - 「每X(Y)」 with Y the language's own noun is handled by `bracketed`.
 */
const AFTER_PER = new RegExp(`每(?!后退|前进|上升|下降|提高|降低|超过|超出|增长|增加|多于|少于)((?:(?!每)[\\u4e00-\\u9fa5]){0,3}?)([一1]?)(${WORDS})`, "g");
const AFTER_ONE = new RegExp(`(?<![\\d.第前后末排倒头单唯统同其逐之退进])([一1])(${WORDS})(?!(?:及)?以[上下]|\\(含\\))`, "g");
const AFTER_BOUND = new RegExp(`(不得少于|不应少于|不少于|至少|最少|少于|多于|超过|达到)(\\d+|[一二两三四五六七八九十]{1,3})(${WORDS})`, "g");
const AFTER_SLASH = new RegExp(`分/(${WORDS})`, "g");

/** Nouns of the language a bracket may give (「每桶(处)」): the count word the author chose. */
const LANGUAGE_NOUNS = "次|件|起|项|例|处|条|人|个|家|村|户|篇|宗|批|天|月|份|场";
/** 「每桶(处)扣2分」: a word the language lacks with the language's own noun in brackets — the bracket's. */
const BRACKETED = new RegExp(`(每|(?<![\\d.第])[一1])([\\u4e00-\\u9fa5]{1,2})\\((${LANGUAGE_NOUNS})\\)`, "g");

/** A word that begins with the language's own noun (「每人(次)」): not a word the language lacks. */
const OWN_NOUN = new RegExp(`^(?:${LANGUAGE_NOUNS})`);

/** A scoring verb before an amount, or a verb word (扣分、加分 …). */
const VERB = /(?:扣|减|加|得|计|记|奖|罚)(?:除)?(?:\d|[一二两三四五六七八九十半])|扣分|加分|减分|得分|扣除/;

/**
 * 「少一样扣2分」: 样 counts kinds of things only right after 少/缺 (bbxx-04/07/08/10 → 每项, session 27); elsewhere
 * 「一样」 is "the same" (「与上年一样」), never a count — so it is not in the table, whose 一X position would take it.
 */
const SHORT_ONE_KIND = /(?<=(?:少|缺)(?:了)?)([一1])样(?![本品板式子的地化貌态])/g;

/** Whether a text may hold a count word of the table (a cheap test before the patterns). */
const ANY = new RegExp(`(?:${COUNT_WORDS.map((w) => w.word).join("|")})|\\((?:${LANGUAGE_NOUNS})\\)`);

/**
 * The normalised clause with the table's count words written as the language's nouns where they count
 * (「每床扣2分」 → 「每个扣2分」, 「扣10分/半天」 → 「扣10分/次」), for the patterns only.
 */
export function rewordCountWords(t: string): string {
  // (a clause without a verb — 「后勤人员6分/半天」 — says neither deduction nor award: left as it is)
  if (!VERB.test(t)) return t;
  t = t.replace(SHORT_ONE_KIND, "$1项");
  if (!ANY.test(t)) return t;
  const noun = (word: string): string => nounOf(BY_WORD.get(word)!.unit);
  return t
    .replace(BRACKETED, (whole, per: string, word: string, own: string) => (OWN_NOUN.test(word) ? whole : `${per}${own}`))
    .replace(AFTER_PER, (_w, gap: string, one: string, word: string) => `每${gap}${one || (gap === "" ? "" : "一")}${noun(word)}`)
    .replace(AFTER_ONE, (_w, one: string, word: string) => `${one}${noun(word)}`)
    .replace(AFTER_BOUND, (_w, bound: string, n: string, word: string) => `${bound}${n}${noun(word)}`)
    .replace(AFTER_SLASH, (_w, word: string) => `分/${noun(word)}`);
}

/** The unit a word of the table is written as (半天 → 每次), or undefined for a word not in it. */
export function countWordUnit(word: string): string | undefined {
  return BY_WORD.get(word)?.unit;
}
