/**
 * Readings of a clause that a bag of numbers misses (clause-mismatch's false negatives, issue 11 §2):
 *
 * - 一票否决 / 一票否优: the veto level the clause names (also 「取消……评优资格」) must be the code's;
 * - 按比率 / 按评价: a rate (按完成比例得分, 完成率乘以) against an assessment (评价, 考核打分);
 * - 按排名: the end the clause rewards (「最高的得满分」) against 越低越好;
 * - per occurrence: a clause that scores each occurrence (每次, 每发现一起, 缺一项, 采纳1篇计) against a
 *   rule that scores once, and 「每人每次」 against one count word;
 * - band inclusivity: 「含75%」「不含100%」「100件(含本数)」「95%(含)」 in the sentence of a band, 「不足X」
 *   「低于X」「不达X」「≤X」「X以内」 (the band below), 「达到X」「达X」「至少X」「≥X」「超过X」 (the band above)
 *   must agree with the band's bounds, 「X以上」「X及以上」 (any measure word between) takes X, and a
 *   one-sided band's bound named with no comparison at all is in it (session 23: ‰, 万亩, places);
 * - category amounts: in the order of 「分别扣0.05、0.1、0.2」, each after its name (「主办单位每次扣1分，
 *   协办单位扣0.5分」), or half a sibling's (「按相应级别……减半计分」).
 *
 * Each reading is only used when it is unambiguous (the band's sentence is found, every category is
 * named in the clause, the clause's amounts are the code's in another order), so that faithful
 * encodings stay clean: test/corpus measures it (no finding on the 288 faithful encodings).
 */
import type { BandModel, Interval, Quantity, RuleModel } from "@kaoping/core";
import { clauseNumbers, type ClauseNumber } from "./clause.js";
import { perPointOfRate } from "./derived-numbers.js";
import { fmt, rawOf } from "./util.js";

/** A disagreement found, with where in the code it is. */
export interface StructureFinding {
  message: string;
  /** What the code should say, for a suggestion's title. */
  should: string;
  kind: "veto" | "bound" | "category" | "kind" | "direction" | "per";
  /** The words of the clause the finding rests on, as `[start, end)` in the clause. */
  at?: { start: number; end: number };
  /** The band and side of a bound finding. */
  band?: BandModel;
  side?: "lower" | "upper";
  /** The category index of a category finding, and the clause's amount for it. */
  category?: number;
  amount?: ClauseNumber;
}

/**
 * Words that take away a unit's chance of 优秀 (一票否优) without the word 否优: 「取消年度督查工作评优资格」,
 * 「不得评为优秀」, 「不能评先评优」.
 */
const noExcellentWords = /一票否优|否优|取消[^。；;]{0,16}评(?:优|先)|(?:不得|不能|不予)(?:参加|参与)?评(?:为)?(?:优|先)|不评(?:优|先)/;

/** What a 一票否决 does to the score itself: the item or the whole assessment fails. */
const failEffectWords = /不得分|零分|为零|不合格|不及格/;

/**
 * The veto level a clause names, when it names exactly one.  A clause that names the word 否决 and,
 * as its effect, only the loss of 评优 (「采取一票否决的办法,年末不评优」) vetoes the 优秀 only.
 */
export function vetoLevelOf(clause: string): "fail" | "noExcellent" | undefined {
  const fail = /否决/.test(clause);
  const noExcellent = noExcellentWords.test(clause);
  if (fail && noExcellent) return failEffectWords.test(clause) ? undefined : "noExcellent";
  // 「该年度考核检查不合格」: no word of veto, but the effect is failing the assessment.
  if (!fail && !noExcellent) return failEffectWords.test(clause) ? "fail" : undefined;
  return fail ? "fail" : "noExcellent";
}

export function vetoMismatch(rule: RuleModel): StructureFinding | undefined {
  if (rule.body.kind !== "veto") return undefined;
  const said = vetoLevelOf(rule.clause);
  if (!said || said === rule.body.level) return undefined;
  const word = (l: "fail" | "noExcellent") => (l === "fail" ? "一票否决" : "一票否优");
  // A failing effect with no word of veto (「该年度考核检查不合格」) is quoted by its effect.
  const m = (said === "fail" ? /一票否决|否决/ : noExcellentWords).exec(rule.clause) ?? failEffectWords.exec(rule.clause)!;
  const quoted = m[0] === word(said) ? `「${m[0]}」` : `「${m[0]}」（${word(said)}）`;
  return { kind: "veto", message: `规则写的是「${word(rule.body.level)}」，条文写的是${quoted}`, should: word(said), at: { start: m.index, end: m.index + m[0].length } };
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
 * A clause number that names bound `q`: the same value, and not the amount a verb scores
 * (「10万元以上得5分」: the 5 of 得5分 is no bound of `[5万元, 10万元)`; the 90 of 「90分以下」 may be).
 */
function namesBound(n: ClauseNumber, q: Quantity, clause: string): boolean {
  return sameValue(n, q.raw, q.percent) && !(n.amount && /[扣得加减減计計记記]\s*$/.test(clause.slice(Math.max(0, n.start - 4), n.start)));
}

/** A measure word between a number and the word after it: %, ‰, or a few characters (件, 万亩, 个工作日). */
const unitAfter = "(?:[%％‰]|[^\\d０-９\\s，,。；;、（()）<>≤≥＜＞=]{0,4}?)";
/** 「X以上」「X及以上」「X 件或以上」 (not 「X以上（不含）」). */
const aboveAfter = new RegExp(`^\\s*${unitAfter}\\s*(?:及|或)?以上(?!\\s*[（(]\\s*不含(?:本数)?\\s*[）)])`);
/** 「12%完成任务」「5件即完成目标」: the number is the task (not 「12%未完成任务」「12%未能完成任务」). */
const taskAfter = /^\s*(?:[%％‰]|[^\d０-９\s，,。；;、（()）<>≤≥＜＞=未不没沒]{0,4}?)\s*(?:的|即|为|為)?(?:完成|達成|达成)(?:任务|任務|目标|目標|指标|指標)/;
/** 「X(含)」「X（不含本数）」「15条(含15条)」. */
const parenAfter = new RegExp(`^\\s*${unitAfter}\\s*[（(]\\s*(不)?(?:包)?含(?:本数|([0-9０-９.．]+)[^）)]{0,3})?\\s*[）)]`);

/**
 * Words before a number that say which side of a band it bounds and whether it is in the band, longest
 * first.  `gap`: words that may stand a few characters before the number (「超过规定数量的10%」
 * 「至少聽取並研究老幹部工作一次」); symbols and 达 stand right before it.
 */
const beforeWords: { word: string; side: "lower" | "upper"; inclusive: boolean; gap: boolean }[] = [
  ...["小于等于", "小于或等于", "不超过", "不超過", "不高于", "不高於", "不多于", "≤", "<=", "≦", "＜="].map((word) => ({ word, side: "upper" as const, inclusive: true, gap: word.length > 2 })),
  ...["大于等于", "大于或等于", "不低于", "不低於", "不少于", "不少於", "至少", "达到", "達到", "到达", "到達", "≥", ">=", "≧", "＞="].map((word) => ({ word, side: "lower" as const, inclusive: true, gap: word.length > 1 })),
  ...["未达到", "未達到", "达不到", "達不到", "未达", "未達", "不达", "不達", "不足", "低于", "低於", "少于", "少於", "未满", "不满", "不到", "小于", "小於", "<", "＜"].map((word) => ({ word, side: "upper" as const, inclusive: false, gap: word.length > 1 })),
  ...["超过", "超過", "高于", "高於", "多于", "大于", "大於", ">", "＞"].map((word) => ({ word, side: "lower" as const, inclusive: false, gap: word.length > 1 })),
  { word: "达", side: "lower", inclusive: true, gap: false },
  { word: "達", side: "lower", inclusive: true, gap: false },
  // 「前3名学院计55分」: places 1 to 3, the 3rd included.
  { word: "前", side: "upper", inclusive: true, gap: false },
];

/**
 * The comparison word nearest before a number (within its phrase): a word with `gap` may stand up to
 * 12 characters before it, with no digit or other comparison word between.
 */
function wordBefore(before: string): (typeof beforeWords)[number] | undefined {
  let best: { w: (typeof beforeWords)[number]; end: number } | undefined;
  for (const w of beforeWords) {
    const at = before.lastIndexOf(w.word);
    if (at < 0) continue;
    const end = at + w.word.length;
    const gap = before.slice(end);
    if (w.gap ? gap.length > 12 || /[\d０-９分]/.test(gap) : !/^\s*$/.test(gap)) continue;
    // 达 alone is 「覆盖率达100%」, not 下达、到达、送达、表达; 不达/未达 are read by their own entries.
    if ((w.word === "达" || w.word === "達") && /(?:下|到|送|表|传|通|抵|未|不|傳)$/.test(before.slice(0, at))) continue;
    // 前 of a place (「前3名」), not of time: 「提前3天」「之前」「月前」.
    if (w.word === "前" && /(?:提|之|以|日|月|年|天|周|当|當|目|此|事)$/.test(before.slice(0, at))) continue;
    // The nearest word wins; at the same place the longer (they are listed longest first per kind).
    if (!best || end > best.end || (end === best.end && w.word.length > best.w.word.length)) best = { w, end };
  }
  return best?.w;
}

/** Any word of comparison in a phrase: a bound named with none of them (「被三次通报的」) is in its band. */
const comparisonWords = /以上|以下|以内|之间|以外|含|超过|高于|多于|大于|低于|少于|小于|不足|不到|未达|不达|达不到|不满|未满|至少|不少于|不低于|不超过|达到|[<>≤≥＜＞≦≧=～~\-—–至到]/;

/**
 * Band bounds whose inclusivity contradicts the clause.  Each phrase of the clause speaks of the band
 * that names the most of its bounds, its outcome's amount breaking ties (「超过95%(含)得3分」 speaks of
 * `[95%, 98%)`); a phrase that names only some bounds of a band speaks of it only when it also names
 * its amount.  In the phrases of a band, 「含X」/「不含X」「X(含)」 say whether X is in the band;
 * 「不足X」「低于X」「达不到X」「<X」 that its upper bound X is excluded, 「不超过X」「≤X」「X以内」 included;
 * 「达到X」「达X」「至少X」「≥X」 that its lower bound X is included, 「超过X」「>X」 excluded; and a
 * one-sided band whose bound the phrase names with no word of comparison at all (「被三次通报的不得分」)
 * includes it.  When the phrases of a band disagree, nothing is said.
 */
export function boundMismatches(rule: RuleModel, nums: readonly ClauseNumber[]): StructureFinding[] {
  const b = rule.body;
  if (b.kind !== "bands") return [];
  const clause = rule.clause;
  const sents = phrases(clause).map((s) => ({ ...s, nums: nums.filter((n) => n.start >= s.start && n.end <= s.end) }));
  const out: StructureFinding[] = [];
  const boundsOf = (band: BandModel) => [band.lower, band.upper].filter((q) => q !== undefined);
  const amountOf = (band: BandModel) => (band.outcome.kind === "zero" ? undefined : band.outcome.amount);
  // Each phrase speaks of the band that names the most of its bounds (when one band does).
  const owner = sents.map((s) => {
    let best: BandModel[] = [];
    let top = 0;
    for (const band of b.bands) {
      const bounds = boundsOf(band);
      const named = bounds.filter((q) => s.nums.some((n) => namesBound(n, q, clause))).length;
      if (named === 0) continue;
      const amount = amountOf(band);
      const hasAmount = amount !== undefined && s.nums.some((n) => n.amount && !n.percent && n.raw === amount);
      if (named < bounds.length && !hasAmount) continue;
      const score = named * 2 + (hasAmount ? 1 : 0);
      if (score > top) [best, top] = [[band], score];
      else if (score === top) best.push(band);
    }
    if (best.length === 1) return best[0];
    // 「不少于3次,得基础分0.5分」 over `≥ 3次` and `< 3次`: the bands tie on the bound; the word says
    // which side of a band it is, so the one band whose bound is on that side owns the phrase.
    const sided = best.filter((band) =>
      (["lower", "upper"] as const).some((side) => {
        const q = side === "lower" ? band.lower : band.upper;
        return q !== undefined && saidInclusive(clause, s, s.nums, q, side) !== undefined;
      }),
    );
    return sided.length === 1 ? sided[0] : undefined;
  });
  for (const band of b.bands) {
    const iv = band.node.range;
    if (!iv || iv.kind !== "Interval") continue;
    const home = sents.filter((_, i) => owner[i] === band);
    if (home.length === 0) continue;
    const bounds = boundsOf(band);
    for (const side of ["lower", "upper"] as const) {
      const q = side === "lower" ? band.lower : band.upper;
      if (!q) continue;
      const inclusive = side === "lower" ? band.lowerInclusive : band.upperInclusive;
      const readings = home.map((s) => saidInclusive(clause, s, s.nums, q, side)).filter((r) => r !== undefined);
      let said: { inclusive: boolean; words: string; note?: string } | undefined = readings[0];
      if (said && readings.some((r) => r.inclusive !== said!.inclusive)) continue;
      // 「被三次通报的不得分」: a one-sided band whose bound is named with no word of comparison.
      if (!said && bounds.length === 1 && !inclusive) {
        const bare = home.find((s) => !comparisonWords.test(sentenceOf(clause, s)) && s.nums.some((n) => namesBound(n, q, clause)));
        const n = bare?.nums.find((x) => namesBound(x, q, clause));
        if (n) {
          const words = clause.slice(n.start, n.end) + (q.percent ? "%" : "") + (q.measure && clause.startsWith(q.measure, n.end) ? q.measure : "");
          said = { inclusive: true, words, note: `，没有「以上」「超过」之类的字样：${q.text} 属于这一档` };
        }
      }
      if (!said || said.inclusive === inclusive) continue;
      out.push({
        kind: "bound",
        band,
        side,
        message: `分段「${band.text}」${inclusive ? "含" : "不含"} ${q.text}，条文写的是「${said.words}」${said.note ?? ""}`,
        should: `${said.inclusive ? "含" : "不含"} ${q.text}`,
      });
    }
  }
  // 「完成年度计划目标得10分」「完成任务得满分」: completing the target is reaching 100%, so a band
  // from 100% up includes it.
  const done = completionAward.exec(clause);
  const top = b.bands.find((band) => band.lower?.percent && band.lower.raw === 100_000_000 && band.upper === undefined);
  if (done && top && !top.lowerInclusive && intervalOf(top) && !out.some((f) => f.band === top)) {
    out.push({
      kind: "bound",
      band: top,
      side: "lower",
      message: `分段「${top.text}」不含 100%，条文写的是「${done[0]}」：完成目标就是达到 100%，100% 属于这一档`,
      should: "含 100%",
      at: { start: done.index, end: done.index + done[0].length },
    });
  }
  // 「X以上」 takes X (以上、以下 include the number they name): X belongs to the band above it, so a
  // band that ends at X must not include it, and a band that starts at X must.  「X以下」 is left
  // alone: rulebooks that write 「90分以上满分，90分以下扣1分」 read 以下 as 低于; and 「超过8%以上」
  // says 超过 (8% is not in the band above).
  for (const band of b.bands) {
    const iv = band.node.range;
    if (!iv || iv.kind !== "Interval") continue;
    for (const side of ["lower", "upper"] as const) {
      const q = side === "lower" ? band.lower : band.upper;
      const inclusive = side === "lower" ? band.lowerInclusive : band.upperInclusive;
      // Upper bound X included, or lower bound X excluded: X is not in the band above.
      if (!q || inclusive === (side === "lower")) continue;
      if (out.some((f) => f.band === band && f.side === side)) continue;
      // Two bands sharing X (`≥ 98%` and `[92%, 98%]`) is band-overlap's finding, with its fix.
      if (side === "upper" && b.bands.some((o) => o !== band && o.lower?.raw === q.raw && o.lowerInclusive)) continue;
      const above = nums.find((n) => namesBound(n, q, clause) && aboveAfter.test(clause.slice(n.end)) && wordBefore(phraseBefore(clause, n.start))?.inclusive !== false);
      if (!above) continue;
      const words = clause.slice(above.start, above.end + /^[^上]*上/.exec(clause.slice(above.end))![0].length);
      out.push({
        kind: "bound",
        band,
        side,
        message: `分段「${band.text}」${side === "upper" ? "含" : "不含"} ${q.text}，条文写的是「${words}」：「以上」含本数，${q.text} 属于${side === "upper" ? "上面一档" : "这一档"}`,
        should: `${side === "upper" ? "不含" : "含"} ${q.text}`,
        at: { start: above.start, end: above.start + words.length },
      });
    }
  }
  return out;
}

/** A band bound whose value the clause states otherwise: the clause's number and the words before it. */
export interface BoundValueFinding {
  band: BandModel;
  side: "lower" | "upper";
  said: ClauseNumber;
  words: string;
  at: { start: number; end: number };
}

/**
 * Band bounds whose value contradicts the clause (session 24): a phrase that names no bound of any
 * band but names the amount of exactly one band (an amount no other band has) speaks of that band,
 * and a number with a comparison word in it (「低于50%的,扣1分」「前3名…计55分」) is that band's bound on
 * the word's side.  The number check misses these when the code's bound is exempt (100%) or another
 * number of the clause (「4—6名」's 6).
 */
export function boundValueMismatches(rule: RuleModel, nums: readonly ClauseNumber[]): BoundValueFinding[] {
  const b = rule.body;
  // 「达到30%、20%、10%,分别扣0、5、10分」: lists are read in order elsewhere, not by this reading.
  if (b.kind !== "bands" || /分别|分別/.test(rule.clause)) return [];
  const clause = rule.clause;
  const out: BoundValueFinding[] = [];
  const amountOf = (band: BandModel) => (band.outcome.kind === "zero" ? undefined : band.outcome.amount);
  // Phrases first, then whole sentences (「实施面低于50%的,扣1分」 is two phrases).
  const units = [...phrases(clause)];
  for (const p of phrases(clause)) {
    const sent = sentenceOf(clause, p);
    const start = clause.indexOf(sent, Math.max(0, p.start - sent.length));
    if (start >= 0 && !units.some((u) => u.start === start && u.end === start + sent.length)) units.push({ start, end: start + sent.length });
  }
  const done = new Set<BandModel>();
  for (const p of units) {
    const inP = nums.filter((n) => n.start >= p.start && n.end <= p.end);
    const amounts = inP.filter((n) => n.amount && !n.percent);
    const named = b.bands.filter((band) => {
      const a = amountOf(band);
      return a !== undefined && amounts.some((n) => n.raw === a);
    });
    if (named.length !== 1) continue;
    const band = named[0]!;
    if (done.has(band) || b.bands.filter((o) => amountOf(o) === amountOf(band)).length !== 1) continue;
    // A unit that names a bound of the band speaks of it as the inclusivity readings do.
    if ([band.lower, band.upper].some((q) => q && inP.some((n) => namesBound(n, q, clause)))) continue;
    const scoredAt = Math.min(...amounts.filter((n) => n.raw === amountOf(band)).map((n) => n.start));
    for (const n of inP) {
      // The bound comes before its amount: 「低于50%的,扣1分」.
      if (n.amount || n.start > scoredAt) continue;
      const before = clause.slice(p.start, n.start);
      const w = wordBefore(before);
      if (!w) continue;
      const q = w.side === "lower" ? band.lower : band.upper;
      if (!q || q.percent !== n.percent || q.raw === n.raw) continue;
      // 「每超过20%加1分」 is a step, not a bound.
      if (/每\s*$/.test(before.slice(0, before.lastIndexOf(w.word)))) continue;
      const start = p.start + before.lastIndexOf(w.word);
      const end = n.end + (n.percent && /^\s*[%％]/.test(clause.slice(n.end)) ? clause.slice(n.end).indexOf(clause.slice(n.end).match(/[%％]/)![0]) + 1 : 0);
      out.push({ band, side: w.side, said: n, words: clause.slice(start, end), at: { start, end } });
      done.add(band);
      break;
    }
  }
  return out;
}

/** 「完成年度计划目标得10分」「完成任务得满分」 (not 未完成, 超额完成). */
const completionAward = /(?<!未|没有|沒有|超额|超額|不能|未能|不)完成(?:年度|全年|当年|本年)?(?:计划|計劃)?(?:目标|目標|任务|任務|指标|指標)(?:任务|任務)?(?=(?:的|者)?\s*(?:得|计|計|记|記))/;

/** The sentence (between 。；;) a phrase is in: 「分别超过20/10万,10‰的」 compares the 10‰ too. */
function sentenceOf(clause: string, p: { start: number; end: number }): string {
  const from = clause.slice(0, p.start).search(/[^。；;]*$/);
  const to = clause.slice(p.end).search(/[。；;]|$/);
  return clause.slice(from, p.end + to);
}

/** The text of the phrase before `at` (from the last 。；;，,、). */
function phraseBefore(clause: string, at: number): string {
  const before = clause.slice(0, at);
  return before.slice(before.search(/[^，,。；;、]*$/));
}

/** What the phrase says of bound `q` as the band's lower or upper bound, if anything. */
function saidInclusive(
  clause: string,
  p: { start: number; end: number },
  nums: readonly ClauseNumber[],
  q: Quantity,
  side: "lower" | "upper",
): { inclusive: boolean; words: string } | undefined {
  const text = clause.slice(p.start, p.end);
  const offset = p.start;
  for (const n of nums) {
    if (!namesBound(n, q, clause)) continue;
    const before = text.slice(0, n.start - offset);
    const after = text.slice(n.end - offset);
    const digits = text.slice(n.start - offset, n.end - offset);
    const written = digits + (q.percent && /^\s*[%％]/.test(after) ? "%" : "");
    const paren = parenAfter.exec(after);
    // 「5-10万(含5万)」: the number in the brackets says which bound they are about.
    if (paren && (paren[2] === undefined || rawOf(paren[2].replace(/[０-９．]/g, (c) => (c === "．" ? "." : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))) === n.raw)) return { inclusive: !paren[1], words: digits + after.slice(0, paren[0].length).trim() };
    if (/不含\s*$/.test(before)) return { inclusive: false, words: `不含${written}` };
    if (/(?<![不包])含\s*$/.test(before) || /包含\s*$/.test(before)) return { inclusive: true, words: `含${written}` };
    // 「增长12%完成任务计10分,不完成任务扣2分」: X is the task, reached at X — in the band above, not below (session 26).
    const task = taskAfter.exec(after);
    if (task) return { inclusive: side === "lower", words: digits + after.slice(0, task[0].length).trim() };
    // 「X以内」: X is in the band below.
    const within = new RegExp(`^\\s*${unitAfter}\\s*以内`).exec(after);
    if (within && side === "upper") return { inclusive: true, words: digits + after.slice(0, within[0].length).trim() };
    // 「0.4‰<错比≤0.8‰」: a symbol after the number says which side it bounds.
    const sym = new RegExp(`^\\s*[%％‰]?\\s*(<=|>=|[<>≤≥＜＞≦≧])`).exec(after);
    if (sym) {
      const s = sym[1]!;
      const symSide = /[<≤＜≦]|<=/.test(s) ? "lower" : "upper";
      if (symSide === side) return { inclusive: /[≤≥≦≧=]/.test(s), words: digits + after.slice(0, sym[0].length).trim() };
    }
    const w = wordBefore(before);
    // 「超过8%以上」「多于部颁标准20%以上」: 超过 excludes, 以上 includes — the clause does not say.
    if (w && !w.inclusive && w.side === "lower" && aboveAfter.test(after)) continue;
    if (!w || w.side !== side) continue;
    const at = before.lastIndexOf(w.word);
    return { inclusive: w.inclusive, words: before.slice(at).trim() + written };
  }
  return undefined;
}

/**
 * The categories' amounts against the clause, in three readings (the first that applies):
 *
 * - 「分别扣0.05、0.1、0.2分」: when every category is named in the clause before a 分别 list with one
 *   amount per category, the categories in the order the clause names them take the amounts in order;
 * - 「轻处分扣0.05分，重处分扣0.1分」: each category name is followed by its amount (the text from a name
 *   to the next holds exactly one amount); one category the clause does not name takes the amount
 *   before the first name (「未完成的，扣5分，协办单位扣2.5分」).  Only used when the clause's amounts
 *   are the code's amounts in another order, so that a swap is found and nothing else is guessed;
 * - 「按相应级别……减半计分」: each category takes half the amount of the category of a sibling rule
 *   whose name its own contains (「县级学术」 ← 「县级」).
 */
export function categoryMismatches(rule: RuleModel, nums: readonly ClauseNumber[]): StructureFinding[] {
  const b = rule.body;
  if (b.kind !== "categories" || b.categories.length < 2) return [];
  const want = listReading(rule, nums) ?? pairReading(rule, nums) ?? halfReading(rule);
  if (!want) return [];
  const out: StructureFinding[] = [];
  b.categories.forEach((c, ci) => {
    const w = want.amounts[ci];
    if (!w || c.amount === w.raw) return;
    out.push({
      kind: "category",
      category: ci,
      amount: w,
      message: `分类「${c.name}」的金额与条文不符：${want.why(ci)}，应为 ${w.text}`,
      should: w.text.replace(/分$/, ""),
      at: w.end > w.start ? { start: w.start, end: w.end } : undefined,
    });
  });
  return out;
}

interface CategoryReading {
  /** The clause's amount for each category (by index), undefined when the reading says nothing. */
  amounts: (ClauseNumber | undefined)[];
  why(ci: number): string;
}

/**
 * Traditional characters of category names → simplified, one for one (offsets are kept): a copy in
 * traditional characters names 「省級」 where the code writes 「省级」.
 */
const simplified: Record<string, string> = { 國: "国", 級: "级", 廳: "厅", 點: "点", 項: "项", 計: "计", 區: "区", 縣: "县", 鄉: "乡", 鎮: "镇", 獎: "奖", 論: "论", 術: "术", 書: "书", 業: "业", 務: "务", 際: "际", 屬: "属", 傳: "传", 報: "报", 廣: "广", 電: "电", 視: "视" };
const fold = (s: string) => s.replace(/[國級廳點項計區縣鄉鎮獎論術書業務際屬傳報廣電視]/g, (c) => simplified[c] ?? c);

function listReading(rule: RuleModel, nums: readonly ClauseNumber[]): CategoryReading | undefined {
  const b = rule.body;
  if (b.kind !== "categories") return undefined;
  const clause = fold(rule.clause);
  const m = /分别(?:对应)?(?:扣除|扣|得|计|加|减|增记|记)?/.exec(clause);
  if (!m) return undefined;
  const at = m.index + m[0].length;
  const list: ClauseNumber[] = [];
  for (const n of nums) {
    if (n.start < at || n.percent) continue;
    const gap = clause.slice(list.length ? list[list.length - 1]!.end : at, n.start);
    if (list.length && !/^\s*分?\s*[、,，和及]\s*$/.test(gap)) break;
    if (!list.length && gap.trim()) break;
    list.push(n);
  }
  if (list.length !== b.categories.length) return undefined;
  const positions = b.categories.map((c) => clause.indexOf(fold(c.name)));
  if (positions.some((p) => p < 0 || p >= m.index)) return undefined;
  const order = b.categories.map((_, i) => i).sort((x, y) => positions[x]! - positions[y]!);
  const amounts: (ClauseNumber | undefined)[] = [];
  order.forEach((ci, k) => (amounts[ci] = list[k]));
  return {
    amounts,
    why: (ci) =>
      `条文按「${order.map((i) => b.categories[i]!.name).join("、")}」的顺序分别写了 ${list.map((x) => x.text.replace(/分$/, "")).join("、")}，「${b.categories[ci]!.name}」是第 ${order.indexOf(ci) + 1} 个`,
  };
}

/**
 * The one place where `name` is written with up to 4 characters between its own (its characters in
 * order, starting with its first two), as `[start, end)`; undefined when there is none or several.
 */
function spreadName(clause: string, name: string): { start: number; end: number } | undefined {
  if (name.length < 4) return undefined;
  const found: { start: number; end: number }[] = [];
  for (let start = clause.indexOf(name.slice(0, 2)); start >= 0; start = clause.indexOf(name.slice(0, 2), start + 1)) {
    let at = start;
    for (const ch of name) {
      const next = clause.indexOf(ch, at);
      if (next < 0 || next - start >= name.length + 4) {
        at = -1;
        break;
      }
      at = next + 1;
    }
    if (at > 0) found.push({ start, end: at });
  }
  return found.length === 1 ? found[0] : undefined;
}

function pairReading(rule: RuleModel, nums: readonly ClauseNumber[]): CategoryReading | undefined {
  const b = rule.body;
  if (b.kind !== "categories") return undefined;
  const clause = fold(rule.clause);
  const cats = b.categories.map((c, i) => ({ name: fold(c.name), i, pos: clause.indexOf(fold(c.name)) }));
  // 「市级立项30分(无资助资金者10分)」: a category named by what it adds to another's name
  // (「市级无资助资金者」 after 「市级」) is found by the rest of its name.
  for (const c of cats) {
    if (c.pos >= 0) continue;
    const base = cats.find((o) => o !== c && o.pos >= 0 && c.name.length > o.name.length && c.name.startsWith(o.name));
    const rest = base && c.name.slice(base.name.length);
    if (rest && rest.length >= 2) {
      const at = clause.indexOf(rest, base.pos + base.name.length);
      if (at >= 0) Object.assign(c, { name: rest, pos: at });
    }
  }
  // 「省级出版社且字数在15万字以上」 for 「省级出版社15万字以上」: the name with a few words between.
  for (const c of cats) {
    if (c.pos >= 0) continue;
    const w = spreadName(clause, c.name);
    if (w) Object.assign(c, { name: clause.slice(w.start, w.end), pos: w.start });
  }
  const named = cats.filter((c) => c.pos >= 0).sort((x, y) => x.pos - y.pos);
  const unnamed = cats.filter((c) => c.pos < 0);
  if (named.length === 0 || unnamed.length > 1) return undefined;
  for (let k = 1; k < named.length; k++) if (named[k - 1]!.pos + named[k - 1]!.name.length > named[k]!.pos) return undefined;
  const amounts = nums.filter((n) => n.amount && !n.cap && !n.percent);
  const only = (from: number, to: number): ClauseNumber | undefined => {
    const inside = amounts.filter((n) => n.start >= from && n.start < to);
    const values = new Set(inside.map((n) => n.raw));
    return values.size === 1 ? inside[0] : undefined;
  };
  const want: (ClauseNumber | undefined)[] = [];
  if (unnamed.length === 1) want[unnamed[0]!.i] = only(0, named[0]!.pos);
  named.forEach((c, k) => (want[c.i] = only(c.pos + c.name.length, k + 1 < named.length ? named[k + 1]!.pos : clause.length)));
  if (cats.some((c) => want[c.i] === undefined)) return undefined;
  // A swap only: the clause's amounts are the code's, in another order.
  const sorted = (xs: number[]) => [...xs].sort((x, y) => x - y).join(",");
  if (sorted(want.map((w) => w!.raw)) !== sorted(b.categories.map((c) => c.amount))) return undefined;
  return {
    amounts: want,
    why: (ci) => {
      const c = cats[ci]!;
      return c.pos >= 0 ? `条文中「${c.name}」之后写的是「${want[ci]!.text}」` : `条文未点名的「${c.name}」在第一个分类之前，写的是「${want[ci]!.text}」`;
    },
  };
}

function halfReading(rule: RuleModel): CategoryReading | undefined {
  const b = rule.body;
  if (b.kind !== "categories" || !/减半|減半/.test(rule.clause)) return undefined;
  const half = halvedSiblingCategories(rule);
  if (!half) return undefined;
  const amounts = b.categories.map((c) => {
    const from = half.get(c.name);
    if (!from) return undefined;
    const text = `${fmt(from.amount / 2)}分`;
    return { raw: from.amount / 2, percent: false, amount: true, cap: false, chinese: false, start: 0, end: 0, text } satisfies ClauseNumber;
  });
  return {
    amounts,
    why: (ci) => {
      const from = half.get(b.categories[ci]!.name)!;
      return `条文写的是「减半计分」，相应的「${from.name}」是 ${fmt(from.amount)} 分`;
    },
  };
}

/**
 * For a 减半 rule with categories: each category's sibling category (a category of another rule of
 * the same indicator or section whose name the category's name contains; the longest such, when
 * unique).
 */
export function halvedSiblingCategories(rule: RuleModel): Map<string, { name: string; amount: number }> | undefined {
  const b = rule.body;
  if (b.kind !== "categories") return undefined;
  const others = rule.owner.rules.filter((o) => o !== rule).flatMap((o) => (o.body.kind === "categories" ? o.body.categories : []));
  const out = new Map<string, { name: string; amount: number }>();
  for (const c of b.categories) {
    const fits = others.filter((o) => o.name !== c.name && c.name.includes(o.name));
    const longest = Math.max(0, ...fits.map((o) => o.name.length));
    const best = fits.filter((o) => o.name.length === longest);
    if (best.length === 1 && best[0]!.amount % 2 === 0) out.set(c.name, best[0]!);
  }
  return out.size ? out : undefined;
}

/** The interval node of a band, for edits. */
export function intervalOf(band: BandModel): Interval | undefined {
  const r = band.node.range;
  return r?.kind === "Interval" ? r : undefined;
}

/** Words of a rate: the score is the completion rate (or share) times the points. */
const rateWords = /比例|比率|比重|完成率|乘以|百分比|按[^，,。；;]{0,10}率/;
/** Words of an assessment: the score is what the assessor gives. */
const assessWords = /评价|评分|打分|评定|测评|评议|酌情|考核办法|考评办法|评估|评價|評價|評定|综合考核|綜合考核/;

/**
 * 按比率 against 按评价: a 按比率 rule needs a rate in the clause (完成率, 按完成比例, 乘以); a 按评价
 * rule whose clause speaks only of a rate (按完成比例得分) is a 按比率 rule.
 */
export function kindMismatch(rule: RuleModel): StructureFinding | undefined {
  const k = rule.body.kind;
  if (k !== "rate" && k !== "assessed") return undefined;
  const clause = rule.clause;
  const rate = rateWords.exec(clause);
  const assess = assessWords.exec(clause);
  // 「以实际评定的好路率×120」: a rate times the points (× often copied as x, X, ×; 1 as l) is computed,
  // whatever assessment found the rate.
  // 「得分=及时受理率 c 5分」「得分=产业契合度×分值」: a formula whose factor is a rate (the × may be lost).
  const product =
    /率\s*[×xXＸｘ＊*]\s*[0-9０-９lI]/.exec(clause) ??
    /得分\s*[=＝][^，,。；;=＝]{0,16}?(?:率|比例|比率|比重|度)\s*\S?\s*(?:[0-9０-９.．]+\s*分|分值)/.exec(clause) ??
    // 「得分=公開發表論文數30/在崗教師人數N」: a quotient.
    /得分\s*[=＝][^，,。；;=＝]{0,24}?[\/÷／]/.exec(clause) ??
    // 「A=B/C×70,A为……考核得分」「S加=D升/D总×10」: a formula in letters whose right side is a quotient (session 27).
    /(?<![A-Za-z])[A-Za-zＡ-Ｚ][^\sA-Za-z=＝，,。；;]{0,2}\s*[=＝]\s*[A-Za-zＡ-Ｚ][^，,。；;=＝]{0,12}?[\/÷／]/.exec(clause);
  if (k === "assessed" && product) {
    return {
      kind: "kind",
      message: `规则按评价计分，条文写的是「${product[0]}」（比率乘以分值）：应写「按比率」`,
      should: "按比率",
      at: { start: product.index, end: product.index + product[0].length },
    };
  }
  // A 满意度 or a product (「得分＝2分×满意度」) may be the rate of a 按比率 rule, though alone they do
  // not make a 按评价 rule wrong.
  const maybeRate = rate ?? /满意度|满意率|[0-9０-９]\s*分\s*[×xX＊*]|[×＊*]\s*(?:满意度|完成率|比例|比率)/.exec(clause) ?? product;
  // 「依据调查结果计算得分」 may be a rate (a 满意度): only an assessment word says it is not.
  if (k === "rate" && !maybeRate && assess) {
    return {
      kind: "kind",
      message: `规则按比率（完成率乘以分值）计分，条文写的是「${assess[0]}」，没有完成率或比例的说法：应写「按评价」`,
      should: "按评价",
      at: { start: assess.index, end: assess.index + assess[0].length },
    };
  }
  // 「按相应比例扣分」「按实际完成率乘以标准分」 say how the score is computed, whatever else the
  // clause says (「按照……完成情况打分」); only an assessment word proper (评价, 测评) outweighs them.
  const computed = /按[^，,。；;]{0,8}(?:比例|比率|完成率)(?:得分|扣分|计分|计算|折算)|乘以/.exec(clause);
  if (k === "assessed" && computed && !/评价|测评|评议|评定|酌情/.test(clause)) {
    return {
      kind: "kind",
      message: `规则按评价计分，条文写的是「${computed[0]}」：按完成率或比例计分应写「按比率」`,
      should: "按比率",
      at: { start: computed.index, end: computed.index + computed[0].length },
    };
  }
  // 「每完成任务一个百分点得0.1分,共10分」: the 满分's hundredth a percentage point is the rate times the 满分.
  const perPoint = k === "assessed" ? perPointOfRate(rule, clauseNumbers(clause)) : undefined;
  if (perPoint && !/评价|测评|评议|评定|酌情/.test(clause)) {
    const start = clause.lastIndexOf("每", perPoint.start);
    return {
      kind: "kind",
      message: `规则按评价计分，条文写的是「${clause.slice(start, perPoint.end)}分」（每个百分点是满分的百分之一，即完成率乘以满分）：应写「按比率」`,
      should: "按比率",
      at: { start, end: perPoint.end },
    };
  }
  if (k === "assessed" && rate && !assess) {
    return {
      kind: "kind",
      message: `规则按评价计分，条文写的是「${rate[0]}」：按完成率或比例计分应写「按比率」`,
      should: "按比率",
      at: { start: rate.index, end: rate.index + rate[0].length },
    };
  }
  return undefined;
}

/** 按排名: which end of the ranking the clause rewards. */
export function rankDirectionMismatch(rule: RuleModel): StructureFinding | undefined {
  const b = rule.body;
  if (b.kind !== "ranked") return undefined;
  const high = /(?:最高|最多|最大|最快)的?[^，,。；;]{0,16}满分|从高到低|由高到低|越高越好|按高低/.exec(rule.clause);
  const low = /(?:最低|最少|最小)的?[^，,。；;]{0,16}满分|从低到高|由低到高|越低越好|按低高/.exec(rule.clause);
  if (!!high === !!low) return undefined;
  const said = (high ?? low)!;
  if ((said === low) === b.lowerIsBetter) return undefined;
  return {
    kind: "direction",
    message: b.lowerIsBetter
      ? `规则写了「越低越好」（数值最低的排第一），条文写的是「${said[0]}」：数值越高越好`
      : `规则按数值越高越好排名，条文写的是「${said[0]}」：应写「越低越好」`,
    should: b.lowerIsBetter ? "去掉「越低越好」" : "加上「越低越好」",
    at: { start: said.index, end: said.index + said[0].length },
  };
}

/** A counted thing: 次, 起, 件, 项 (and traditional 項, 條, 個, 處). */
const countUnit = "(?:件次|人次|处次|次|件|起|项|項|例|处|處|条|條|人|个|個|家|村|户|戶|篇|宗|批|种|種|份|名|位|所|单|卷|座|辆|栋|块|张|部门|问题|問題)";
/** A period: counted only right before the amount (「每天扣0.1分」), not in 「每月召开一次例会，未召开的扣0.5分」. */
const periodUnit = "(?:天|日|月|周|季度|年)";
const scoreAfter = "(?:(?:扣|减|減|加|增|得|计|計|记|記)[^，,。；;\\d０-９]{0,10}?(?:[\\d０-９]|[一二两三四五六七八九十])|(?<![（(\\d０-９.．])[\\d０-９][\\d０-９.．]*\\s*分)";
/**
 * A clause that scores each occurrence: 「每次扣0.5分」「每起」「每发现一起」「缺一项扣0.5分」
 * 「采纳1篇计10分」「按卷扣2分」, the count word close before the amount.  「每年检查一次，0.5分」 and
 * 「每个月发表任务数为1篇……扣1分」 are duties, not counts: a period between 每 and the unit, or a
 * long way to the amount, is not read; nor is a threshold: 「发展1名以上新党员计2分」.
 */
const perOccurrence = new RegExp(
  `每[^，,。；;年月周季天日]{0,6}?${countUnit}[^。；;]{0,16}?${scoreAfter}` +
    // 「每实现1个国控断面升类并达到III类及以上的,加2分」: 每, a verb and one of a unit name the thing counted, however long (session 27).
    `|每[^，,。；;年月周季天日\\d０-９一二两三四五六七八九十]{1,4}(?:一|1)\\s*${countUnit}[^。；;]{0,24}?${scoreAfter}` +
    `|(?:缺|少)(?:一|1)\\s*${countUnit}[^，,。；;]{0,12}?${scoreAfter}` +
    `|(?<![第个一二三四五六七八九十]|未发生|未出现|未发现|没有发生|没有出现|没有|无)(?:一|1)\\s*${countUnit}(?!性|\\s*(?:及|或)?以上|\\s*(?:及|或)?以下)[^，,。；;]{0,12}?${scoreAfter}` +
    `|按${countUnit}\\s*${scoreAfter}` +
    `|每个?${periodUnit}\\s*${scoreAfter}` +
    // 「每月次扣3分」「每月次分别扣5分」「每月次10分」: each month it happens, counted (session 27).
    `|每个?${periodUnit}${countUnit}[^，,。；;\\d０-９]{0,4}?${scoreAfter}` +
    `|(?<!未|没有|沒有)(?:发现|發現)一${countUnit}?`,
  "g",
);

/**
 * What each unit must have, not a count: 「每村有一个固定宣传栏……记5分」「每村不少于20户……」; and, in an
 * award, 「并有一名乡镇领导分管统计工作的记6分」「……,有一名办事员兼职抓日常工作记4分」.
 */
const requirement = new RegExp(`^每(?:个)?${countUnit}(?:都|均)?(?:有|不少于|至少|应|要|须|必须|建立|配备)`);
const awardRequirement = /[并且均都还]有\s*$/;
/** 「……,有一名办事员兼职抓日常工作记4分」: staff to have, after a comma (「有一篇加1分」 still counts). */
const staffRequirement = /[，,；;、]有\s*$/;

/** The first reading of the clause as scoring each occurrence, requirements left out. */
function perOccurrenceMatch(rule: RuleModel): RegExpExecArray | undefined {
  const clause = rule.clause;
  for (const m of clause.matchAll(perOccurrence)) {
    if (requirement.test(m[0])) continue;
    if (rule.effect === "award" && /^(?:一|1)/.test(m[0]) && awardRequirement.test(clause.slice(0, m.index))) continue;
    if (rule.effect === "award" && /^(?:一|1)\s*(?:名|位)/.test(m[0]) && staffRequirement.test(clause.slice(0, m.index))) continue;
    return m as RegExpExecArray;
  }
  return undefined;
}

/** Two count words in a row: 「每人每次」「每村每次」. */
const twoCounts = new RegExp(`每${countUnit}\\s*每${countUnit}`);

/** A 对象 of persons (「党员」「教职工」): then the 每人 of 「每人每次」 is the one assessed, not a count. */
const personSubject = /人员|党员|黨員|干部|幹部|职工|員工|员工|教师|教職工|个人|個人|代表|委员|学生|协管员|专管员|网格员|成员/;

/**
 * A rule that scores once where its clause scores each occurrence (the count word forgotten), or
 * counts one thing where the clause counts two (「每人每次扣1分」 written `每次 扣 1`).
 */
export function perOccurrenceMismatch(rule: RuleModel, subject?: string): StructureFinding | undefined {
  const b = rule.body;
  if (b.kind === "per" && b.nouns.length === 1) {
    const two = twoCounts.exec(rule.clause);
    if (!two) return undefined;
    if (/^每(?:人|名|位)/.test(two[0]) && subject && personSubject.test(subject)) return undefined;
    const verb = rule.effect === "award" ? "得" : "扣";
    return {
      kind: "per",
      message: `条文按「${two[0]}」计分（两个计数单位），规则只写了「每${b.nouns[0]}」：应写「${two[0].replace(/每/g, " 每").trim()} ${verb} …」`,
      should: two[0],
      at: { start: two.index, end: two.index + two[0].length },
    };
  }
  if (b.kind !== "once") return undefined;
  const m = perOccurrenceMatch(rule);
  if (!m) return undefined;
  // One clause split into rules: 「得10分；发现一处扣2分」 is `得 10` and `每处 扣 2`.
  const same = normaliseClause(rule.clause);
  const split = rule.owner.rules.some((o) => o !== rule && normaliseClause(o.clause) === same && (o.body.kind === "per" || o.body.kind === "categories"));
  if (split) return undefined;
  // Quoted up to the end of its phrase: 「每发现一起扣0.5分」.
  const rest = /^[^，,。；;]{0,12}/.exec(rule.clause.slice(m.index + m[0].length))![0];
  const words = (m[0] + rest).replace(/[，,]\s*$/, "");
  const verb = rule.effect === "award" ? "得" : "扣";
  return {
    kind: "per",
    message: `条文按次计分（「${words}」），规则却只${verb}一次：应写「每次 ${verb} …」（或条文的计数单位，如每起、每项）`,
    should: "每次",
    at: { start: m.index, end: m.index + words.length },
  };
}

/** A clause without blanks, for comparing the clauses of rules. */
export function normaliseClause(s: string): string {
  return s.replace(/[\s\u3000]/g, "");
}
