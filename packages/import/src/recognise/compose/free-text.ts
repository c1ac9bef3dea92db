// The free text of a clause read by its parts: what is left between the parts is the condition (「未按要求报送的」),
// kept only as text — it does not enter the body. So it may hold no scoring word and no number of its own: a
// scoring word there (累计, 各, 以上, 基础分, 否则 …) or a number (「3次」, 「90%」) is something the parts did not
// read, and the clause is refused with the word named. Never a guess.
import { MEASURE, QUALIFIERS } from "../accounting-words.js";
import { maskNonScoring } from "../accounting.js";
import { rx } from "../normalise.js";

/**
 * Scoring words beside the accounting check's closed list (accounting-words.ts QUALIFIERS): words of caps, bounds,
 * counts, shares, bases, bands, multipliers, the other side, scoring verbs as nouns, escalations and vetoes. 按 is
 * one except in 按时/按期/按要求/按规定/按照 … (how the work is done); 得 except inside another word (取得, 不得 …).
 */
/** A level of government, schooling or rank before 以上/以下 (「市级以上」「县(含)以上」「大专以上学历」「中级以上职称」). */
const LEVEL = "(?:(?:省|市|县|区|乡|镇|本)(?:级|政府|委|党委)?|大专|本科|硕士|中级|高级|副高|科级|处级)(?:\\(含\\))?(?:及)?";

const SCORING_WORDS = new RegExp(
  [
    "封顶", "为止", "最多", "最高", "至多", "累计", "合计", "总计", "共计", "上限", "下限",
    // (「市级以上」「省级及以上」「县(含)以上」: a level of government, not a bound)
    `(?<!${LEVEL})以上`, `(?<!${LEVEL})以下`, "以内",
    // (a bound word without a number — 「低于上级下达的指标」 — is a condition: a number after it is refused below)
    // (「各类」「各项制度」「各级领导」 describe the work; 「各扣」「各区」 score each or a class of units)
    // (「未每日登录」「每周一报」: a period the work is done in; a period before a score is read by the parts)
    "每(?!日|周|年|季度|半年|月|学期)", "各(?!类|种|项|级|方面|环节|阶段|时期|渠道|领域|界|样|式|自)", "均", "分别", "任一", "逐(?!级|层|步|渐|年|月|季|日)",
    // (按时, 按要求, 按局安排: how the work is done; 按比例, 按次, 按实际: how it is scored)
    "按(?!时|期|要求|规定|照|程序|计划|质|需|月|季|年|周|日|《|“|\"|规划|有关|相关|上级|国家|文件|制度|方案|标准(?!分)|[\\u4e00-\\u9fa5]{0,6}?(?:安排|部署|要求|规定|程序|计划|时间|时限|期限|节点|流程|标准(?!分)))",
    "比例", "比率", "平均", "基础分", "基本分", "基准", "标准分", "满分", "总分", "分值", "分数",
    "档(?:次|位)|[一二三四五六七八九十\\d]档|分档", "等次", "等级", "倍", "减半", "倒扣", "否则", "反之",
    "不得分", "不计", "不记", "计入", "记入", "计0", "零分",
    "扣", "加分", "减分", "得分", "计分", "记分", "给分", "赋分", "打分", "评分", "积分", "罚分",
    "(?<![取获不懂使值难晓赢博记])得(?![到力当以出知体益悉])",
    "酌情", "视情", "情节",
    "另(?:扣|加|减|得|计|记|外)", "再(?:扣|加|减|得|计|记|次)", "其中(?!有[一1])", "其余", "依次", "递增", "递减",
    "排名", "名次", "否决", "一票", "取消", "评优", "评先", "占(?=\\d|[一二两三四五六七八九十]|总分|满分|分值|比|本项)",
  ].join("|"),
);

/** Signs, formulas and rates in the masked text (「-3分/」「×2」「=」「4次/年」; a range of a fact, 「3-5人」, is masked). */
const SYMBOLS = /[-+×÷=<>≥≤~]|(?<=[\d分次件个项人例处条起篇份场])\//;

/** A number the mask left: digits, a percentage, or a Chinese numeral with its measure word (「三次」). */
const NUMBER = new RegExp(`\\d+(?:\\.\\d+)?%?|[一二两三四五六七八九十百千]+(?:${MEASURE})`);

/** The first match of `re` (made global) starting inside `[at, end)` of `text`, looked for with the whole text around it. */
function firstWithin(re: RegExp, text: string, at: number, end: number): string | undefined {
  const g = rx(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`);
  for (let m = g.exec(text); m; m = g.exec(text)) {
    if (m.index >= end) return undefined;
    if (m.index >= at && m[0] !== "") return m[0].length <= end - m.index ? m[0] : text.slice(m.index, end);
    if (m[0] === "") g.lastIndex++;
  }
  return undefined;
}

/**
 * Why the free text `[at, end)` of the clause `t` cannot be a mere condition, or undefined. The words are looked for
 * in the text as written (「实行“一票否决”」 is a veto even in quotes); signs and numbers in `masked`, the clause with its
 * numbers of no scoring use masked (accounting.ts `maskNonScoring`: dates, document numbers, deadlines, names, a range
 * of a fact …), the same length as the clause. Each is looked for in the whole clause (a word's lookbehind sees what
 * stands before the span) and counted when it starts inside the span.
 */
export function freeTextReason(t: string, masked: string, at: number, end: number): string | undefined {
  if (end <= at) return undefined;
  for (const q of QUALIFIERS) {
    const w = firstWithin(q.re, t, at, end);
    if (w) return `条件中有「${w}」，不是条件的一部分，计分方式中没有读到它，未能确定`;
  }
  const w = firstWithin(SCORING_WORDS, t, at, end);
  if (w) return `条件中有「${w}」，这是计分的用词，未能确定它的作用`;
  const sign = firstWithin(SYMBOLS, masked, at, end);
  if (sign) return `条件中有「${sign}」，未能确定它在计分中的作用`;
  const n = firstWithin(NUMBER, masked, at, end);
  if (n) return `条件中的数「${n}」不是分值、上限、界限或计数，未能确定它的作用`;
  return undefined;
}

/** The clause with its numbers of no scoring use masked (for `freeTextReason`). */
export function maskedClause(t: string): string {
  return maskNonScoring(t);
}
