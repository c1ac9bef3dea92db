/**
 * Readings of a clause that a bag of numbers misses (clause-mismatch's false negatives, issue 11 §2):
 *
 * - 一票否决 / 一票否优: the veto level the clause names must be the code's;
 * - band inclusivity: 「含75%」「不含100%」 in the sentence of a band, and 「不足X」「低于X」 (X excluded
 *   from the band below it) and 「达到X」 (X included in the band above it), must agree with the band's
 *   bounds — today every band of 「75%-100%（含75%，不含100%）」 can be flipped to (75%, 100%] and
 *   still lint clean;
 * - 分别扣0.05、0.1、0.2: the amounts map to the categories in the order the clause names them.
 *
 * Each reading is only used when it is unambiguous (the band's sentence is found, every category is
 * named in the clause), so that faithful encodings stay clean.
 */
import type { BandModel, Interval, RuleModel } from "@kaoping/core";
import type { ClauseNumber } from "./clause.js";

/** A disagreement found, with where in the code it is. */
export interface StructureFinding {
  message: string;
  /** What the code should say, for a suggestion's title. */
  should: string;
  kind: "veto" | "bound" | "category";
  /** The band and side of a bound finding. */
  band?: BandModel;
  side?: "lower" | "upper";
  /** The category index of a category finding, and the clause's amount for it. */
  category?: number;
  amount?: ClauseNumber;
}

/** The veto level a clause names, when it names exactly one. */
function vetoLevelOf(clause: string): "fail" | "noExcellent" | undefined {
  const fail = /一票否决/.test(clause);
  const noExcellent = /否优/.test(clause);
  if (fail === noExcellent) return undefined;
  return fail ? "fail" : "noExcellent";
}

export function vetoMismatch(rule: RuleModel): StructureFinding | undefined {
  if (rule.body.kind !== "veto") return undefined;
  const said = vetoLevelOf(rule.clause);
  if (!said || said === rule.body.level) return undefined;
  const word = (l: "fail" | "noExcellent") => (l === "fail" ? "一票否决" : "一票否优");
  return { kind: "veto", message: `规则写的是「${word(rule.body.level)}」，条文写的是「${word(said)}」`, should: word(said) };
}

/**
 * The phrases of a clause, as `[start, end)`: split at 。；; and at ，,、 outside brackets, so that
 * 「75%-100%（含75%，不含100%）扣0.2分」 stays one phrase and 「98%以上（含98%）得0.2分，92%—98%得0.1分」
 * is two.
 */
function phrases(clause: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i <= clause.length; i++) {
    const c = clause[i];
    if (c === "（" || c === "(") depth++;
    else if ((c === "）" || c === ")") && depth > 0) depth--;
    if (i === clause.length || /[。；;]/.test(c!) || (depth === 0 && /[，,、]/.test(c!))) {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
      if (c !== undefined && /[。；;]/.test(c)) depth = 0;
    }
  }
  return out;
}

function sameValue(t: ClauseNumber, raw: number, percent: boolean): boolean {
  return t.raw === raw && t.percent === percent;
}

/**
 * Band bounds whose inclusivity contradicts the clause.  Each phrase of the clause speaks of the band
 * that names the most of its numbers (all the band's finite bounds are in it, and no other band with
 * as many bounds fits); a band with exactly one such phrase is checked: there 「含X」/「不含X」 say
 * whether X is in the band, 「不足X」「低于X」 that its upper bound X is excluded, 「达到X」 that its
 * lower bound X is included.
 */
export function boundMismatches(rule: RuleModel, nums: readonly ClauseNumber[]): StructureFinding[] {
  const b = rule.body;
  if (b.kind !== "bands") return [];
  const clause = rule.clause;
  const sents = phrases(clause).map((s) => ({ ...s, nums: nums.filter((n) => n.start >= s.start && n.end <= s.end) }));
  const out: StructureFinding[] = [];
  const boundsOf = (band: BandModel) => [band.lower, band.upper].filter((q) => q !== undefined);
  const within = (band: BandModel, s: (typeof sents)[number]) => boundsOf(band).every((q) => s.nums.some((n) => sameValue(n, q.raw, q.percent)));
  // Each phrase speaks of the band that names the most of its numbers (when one band does).
  const owner = sents.map((s) => {
    const fits = b.bands.filter((band) => boundsOf(band).length > 0 && within(band, s));
    const most = Math.max(0, ...fits.map((band) => boundsOf(band).length));
    const best = fits.filter((band) => boundsOf(band).length === most);
    return best.length === 1 ? best[0] : undefined;
  });
  for (const band of b.bands) {
    const iv = band.node.range;
    if (!iv || iv.kind !== "Interval") continue;
    const home = sents.filter((_, i) => owner[i] === band);
    if (home.length !== 1) continue;
    const s = home[0]!;
    const text = clause.slice(s.start, s.end);
    for (const side of ["lower", "upper"] as const) {
      const q = side === "lower" ? band.lower : band.upper;
      if (!q) continue;
      const inclusive = side === "lower" ? band.lowerInclusive : band.upperInclusive;
      const said = saidInclusive(text, s.start, s.nums, q.raw, q.percent, side);
      if (!said || said.inclusive === inclusive) continue;
      out.push({
        kind: "bound",
        band,
        side,
        message: `分段「${band.text}」${inclusive ? "含" : "不含"} ${q.text}，条文写的是「${said.words}」`,
        should: `${said.inclusive ? "含" : "不含"} ${q.text}`,
      });
    }
  }
  return out;
}

/** What the sentence says of value X as the band's lower or upper bound, if anything. */
function saidInclusive(
  text: string,
  offset: number,
  nums: readonly ClauseNumber[],
  raw: number,
  percent: boolean,
  side: "lower" | "upper",
): { inclusive: boolean; words: string } | undefined {
  for (const n of nums) {
    if (!sameValue(n, raw, percent)) continue;
    const before = text.slice(0, n.start - offset);
    const after = text.slice(n.end - offset);
    const written = text.slice(n.start - offset, n.end - offset) + (percent && /^\s*[%％]/.test(after) ? "%" : "");
    if (/^\s*[%％]?\s*[（(]\s*不含\s*[）)]/.test(after)) return { inclusive: false, words: `${written}（不含）` };
    if (/^\s*[%％]?\s*[（(]\s*(包)?含\s*[）)]/.test(after)) return { inclusive: true, words: `${written}（含）` };
    if (/不含\s*$/.test(before)) return { inclusive: false, words: `不含${written}` };
    if (/(?<![不包])含\s*$/.test(before) || /包含\s*$/.test(before)) return { inclusive: true, words: `含${written}` };
    const below = side === "upper" ? /(不足|低于|少于|未达到|未满|不满)\s*$/.exec(before) : null;
    if (below) return { inclusive: false, words: `${below[1]}${written}` };
    if (side === "lower" && /(?<!未)达到\s*$/.test(before)) return { inclusive: true, words: `达到${written}` };
  }
  return undefined;
}

/**
 * 「分别扣0.05、0.1、0.2分」 against the categories: when every category is named in the clause and
 * a 分别 list has one amount per category, the categories in the order the clause names them take the
 * amounts in order.
 */
export function categoryMismatches(rule: RuleModel, nums: readonly ClauseNumber[]): StructureFinding[] {
  const b = rule.body;
  if (b.kind !== "categories" || b.categories.length < 2) return [];
  const clause = rule.clause;
  const m = /分别(?:扣|得|计|加|减|扣除)?/.exec(clause);
  if (!m) return [];
  const at = m.index + m[0].length;
  const list: ClauseNumber[] = [];
  for (const n of nums) {
    if (n.start < at || n.percent) continue;
    const gap = clause.slice(list.length ? list[list.length - 1]!.end : at, n.start);
    if (list.length && !/^\s*分?\s*[、,，和及]\s*$/.test(gap)) break;
    if (!list.length && gap.trim()) break;
    list.push(n);
  }
  if (list.length !== b.categories.length) return [];
  const positions = b.categories.map((c) => clause.indexOf(c.name));
  if (positions.some((p) => p < 0 || p >= m.index)) return [];
  const order = b.categories.map((_, i) => i).sort((x, y) => positions[x]! - positions[y]!);
  const out: StructureFinding[] = [];
  order.forEach((ci, k) => {
    const want = list[k]!;
    const c = b.categories[ci]!;
    if (c.amount === want.raw) return;
    out.push({
      kind: "category",
      category: ci,
      amount: want,
      message: `分类「${c.name}」的金额与条文不符：条文按「${order.map((i) => b.categories[i]!.name).join("、")}」的顺序分别写了 ${list.map((x) => x.text.replace(/分$/, "")).join("、")}，「${c.name}」是第 ${k + 1} 个，应为 ${want.text}`,
      should: want.text.replace(/分$/, ""),
    });
  });
  return out;
}

/** The interval node of a band, for edits. */
export function intervalOf(band: BandModel): Interval | undefined {
  const r = band.node.range;
  return r?.kind === "Interval" ? r : undefined;
}
