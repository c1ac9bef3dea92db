/**
 * clause-mismatch: the numbers of a rule's code and of its clause text disagree — the check that keeps
 * the code faithful to the official text.
 *
 * Two directions:
 * - every number written in the rule (amounts, caps, band bounds, bases, steps, targets, 满分,
 *   酌情 ranges) must appear in the clause, in any spelling (0.5, ０.５, 一, 两, 98%);
 * - every point amount of the clause (a number followed by 分, or listed with one) must be a number
 *   of the rule, the indicator's points (「扣2分」 in a 2-point item is 不得分), a cap of the rule's
 *   group or section, or 0.
 * Numbers that are not amounts (24小时, 12380, 10件事, 20××年, 6个月) are only used for the first
 * direction.  Natural restatements are exempt: a cap equal to the indicator's points (扣完为止), a
 * 满分 equal to it, 0 and band bounds at 0% or 100%.
 *
 * Readings that keep faithful encodings clean (session 23 added the ones the held-out sets needed: a
 * bound or base the indicator's name states, the base 100% of a completion rate, points only in the
 * points column, copies' 「得l分」「1 5分」「2023分」, 「其中」 totals, per-period targets):
 * 酌情 with no range written (0 to the item's points),
 * 「得满分」 with no number (the item's points), 「得标准分」 stated by a sibling clause (then 满分 must
 * be it), 按排名 steps of 满分 × 5% or of a rank list (依次得10分、9分、8分), 减半 of a sibling's amounts,
 * a clause split into rules anywhere in the catalogue.  Session 24 added the numbers a clause states as a
 * computation (derived-numbers.ts: 按比例 N/100, shares of the points, 「依次类推」 bands, `≥ 1个`), 1亿 as
 * 10000万, 满分 in bands, and the caps of a share of the points (「增减分不超过基本分50%」) as a finding.
 *
 * Then the structure the numbers miss (clause-structure.ts): the veto level, 按比率 / 按评价, the
 * ranking's direction, per occurrence against once, band inclusivity (含/不含, 不足, 低于, 达到, 超过,
 * 以上) and category amounts (分别扣…, each after its name, 减半).
 *
 * When exactly one number of a kind disagrees on each side, they are paired: the diagnostic points at
 * the code's number and the fix replaces it with the clause's.  A cap phrase in the clause with no
 * cap in the code (最多扣1分) gets a fix that adds it.
 */
import type { CapModifier, NumberLit, RuleModel } from "@kaoping/core";
import { chineseNumeralValue, clauseNumbers, clauseOffset, missingCaseSentences, type ClauseNumber } from "../clause.js";
import { flipBoundEdit } from "../band-edits.js";
import { lostDashBounds, lostDashRange, lostDashRun } from "../lost-dash.js";
import { partPoints } from "../part-points.js";
import { derivedClauseAmounts, derivedCodeNumber, scoreCeiling, shareCaps, statesShareCap } from "../derived-numbers.js";
import {
  boundMismatches,
  boundValueMismatches,
  categoryMismatches,
  intervalOf,
  kindMismatch,
  normaliseClause,
  perOccurrenceMismatch,
  rankDirectionMismatch,
  vetoMismatch,
  type StructureFinding,
} from "../clause-structure.js";
import { suggestion } from "../fixes.js";
import { rowAward } from "../row-awards.js";
import { sideCapSwaps } from "../side-cap-swap.js";
import type { Finding, LintContext, LintRule } from "../rule.js";
import { fmt, insertCapEdit, rawOf, replaceNumberEdit, ruleNumbers, type RuleNumber } from "../util.js";

const HUNDRED = 100_000_000;

function roleWord(n: RuleNumber, rule: RuleModel): string {
  switch (n.role) {
    case "amount":
      return rule.effect === "award" ? "得分" : "扣分";
    case "cap":
      return "上限";
    case "threshold":
      return "分段界限";
    case "base":
      return "基准";
    case "cutoff":
      return "截断值";
    case "target":
      return "目标次数";
    case "step":
      return "步长";
    case "full":
      return "满分";
    case "range":
      return "酌情扣分";
    case "share":
      return "份额";
    case "scale":
      return "原满分";
    case "factor":
      return "倍数";
  }
}

const amountLike = new Set<RuleNumber["role"]>(["amount", "cap", "full", "range", "scale"]);

function codeText(n: RuleNumber): string {
  return fmt(n.raw) + (n.percent ? "%" : "");
}

/** Points the clause may mention without the rule writing them. */
function extraPoints(rule: RuleModel, all: readonly RuleModel[]): Set<number> {
  const s = new Set<number>([0]);
  const owner = rule.owner;
  if (owner.kind === "indicator") {
    for (let i: typeof owner | undefined = owner; i; i = i.parent) s.add(i.points);
  } else if (owner.cap !== undefined) s.add(owner.cap);
  if (rule.group?.cap !== undefined) s.add(rule.group.cap);
  if (rule.maxAward !== undefined && rule.maxAward >= 0) s.add(rule.maxAward);
  // 「…好的计2.5分,差的扣1分」: the part's points, where the item's clauses split its points so.
  const part = partPoints(rule);
  if (part !== undefined) s.add(part);
  const k = rule.body.kind;
  if (k === "rate" || k === "assessed" || k === "proportional") s.add(HUNDRED);
  // One clause may be split into several rules (by 适用 class, or one rule per case, also across
  // sub-indicators or into a 加分 section): the numbers of the rules that carry the same clause
  // account for the rest of its amounts.
  const group = byClause(all).get(factsOfRule(rule).clause);
  if (group) for (const raw of othersAmounts(group, rule)) s.add(raw);
  // 「记2分,其中,…的记1分,…的记1分」: the clause's total of the parts its rules score.
  if (group && group.rules.length > 1 && /其中/.test(rule.clause)) {
    let sum = 0;
    for (const r of group.rules) for (const raw of amountsOf(r)) sum += raw;
    s.add(sum);
  }
  return s;
}

/**
 * A year where an amount should be (「无乱搭乱建现象记2023分」): a copy whose numbers were replaced by
 * the year.  Four digits from 1900 to 2100, more than the item's points: no clause scores that.
 */
function maskedYear(t: ClauseNumber, rule: RuleModel): boolean {
  const points = rule.owner.kind === "indicator" ? rule.owner.points : rule.owner.cap;
  return !t.percent && t.end - t.start === 4 && t.raw >= 1_900_000_000 && t.raw <= 2_100_000_000 && t.raw % 1_000_000 === 0 && (points === undefined || t.raw > points);
}

/**
 * Numbers of the item the rule belongs to (its indicator's name and notes, and its parents'): the bound or
 * base a clause leaves to its item (「c25、小学适龄儿童入学率达到100%」 over 「每低0.1个百分点扣2分」; the
 * requirement 「人民调解卷宗全年不少于50件」 kept as the indicator's `注`, as `kp import` keeps a requirement
 * written in a level column, over 「人民调解卷宗每少一件扣0.5分」).
 */
function itemNumbers(rule: RuleModel): ClauseNumber[] {
  const out: ClauseNumber[] = [];
  const read = (owner: { name: string; notes: readonly { text?: { value: string } }[] }) => {
    out.push(...clauseNumbers(owner.name));
    for (const n of owner.notes) if (n.text) out.push(...clauseNumbers(n.text.value));
  };
  const owner = rule.owner;
  if (owner.kind === "indicator") for (let i: typeof owner | undefined = owner; i; i = i.parent) read(i);
  else read(owner);
  return out;
}

/** Words that score: a verb of scoring (not 增加、递减), 分值, 满分, 计分 …. */
const scoringWords = /[扣得奖獎罚罰]|(?<![增追])加|(?<![递遞])[减減]|[计計记記评評给給赋賦打]分|分值|[满滿]分|标准分|標準分|不计|不計|否决|否決|评优|評優/;

/** Words that make a base of 100% the completion of a target: 「每低于目标值2%」「完成指标得基础分」「与收费里程相比」. */
const completionWords = /目标|指标|计划|任务|相比|完成/;

/** Rules that carry one clause, with the amounts (not percentages) they write, counted once per rule. */
interface ClauseGroup {
  rules: RuleModel[];
  /** Computed when first asked for: by amount, how many of the rules write it. */
  counts?: Map<number, number>;
  own?: Map<RuleModel, Set<number>>;
}

/** The amounts the other rules of a clause group write (in first-seen order). */
function othersAmounts(group: ClauseGroup, rule: RuleModel): number[] {
  if (!group.counts || !group.own) {
    const counts = new Map<number, number>();
    const own = new Map<RuleModel, Set<number>>();
    for (const r of group.rules) {
      const raws = amountsOf(r);
      own.set(r, raws);
      for (const raw of raws) counts.set(raw, (counts.get(raw) ?? 0) + 1);
    }
    group.counts = counts;
    group.own = own;
  }
  const mine = group.own.get(rule);
  const out: number[] = [];
  for (const [raw, n] of group.counts) if (n - (mine?.has(raw) ? 1 : 0) > 0) out.push(raw);
  return out;
}

/**
 * A rule's normalised clause and the amounts (not percentages) it writes, computed once per rule:
 * the editor re-checks only the edited indicator, so the other rules' models are the same objects
 * keystroke after keystroke, and the clause index below is rebuilt from these in a fraction of the
 * time.
 */
const ruleFacts = new WeakMap<RuleModel, { clause: string; amounts?: Set<number> }>();

function factsOfRule(r: RuleModel): { clause: string; amounts?: Set<number> } {
  let f = ruleFacts.get(r);
  if (!f) ruleFacts.set(r, (f = { clause: normaliseClause(r.clause) }));
  return f;
}

function amountsOf(r: RuleModel): Set<number> {
  const f = factsOfRule(r);
  if (!f.amounts) {
    f.amounts = new Set<number>();
    for (const n of ruleNumbers(r)) if (!n.percent) f.amounts.add(n.raw);
  }
  return f.amounts;
}

/**
 * The rules of a catalogue by normalised clause, computed once per rule list.  Within a group the
 * order is not the catalogue's (only membership matters: the amounts feed a set).
 */
const clauseIndexes = new WeakMap<readonly RuleModel[], Map<string, ClauseGroup>>();
/** The last indexes made, with the lists they index, latest first (one per catalogue being edited). */
const recent: { all: readonly RuleModel[]; index: Map<string, ClauseGroup> }[] = [];
const RECENT_MAX = 4;

/**
 * The index of `all`.  The editor's check after a keystroke makes a new rule list that differs from
 * the previous one of its catalogue in the edited item's rules only (the others are the same
 * objects, in the same order): that list's index is then updated for the rules between the common
 * head and tail of the two lists, its other groups (and their amount counts) kept, instead of
 * indexing ~4,000 rules again.
 */
function byClause(all: readonly RuleModel[]): Map<string, ClauseGroup> {
  let index = clauseIndexes.get(all);
  if (index) return index;
  for (let i = 0; i < recent.length && !index; i++) {
    const prev = recent[i]!;
    index = updatedIndex(prev.all, prev.index, all);
    if (index) {
      clauseIndexes.delete(prev.all); // updated in place: no longer that list's
      recent.splice(i, 1);
    }
  }
  if (!index) {
    index = new Map();
    for (const r of all) addToIndex(index, r);
  }
  clauseIndexes.set(all, index);
  recent.unshift({ all, index });
  if (recent.length > RECENT_MAX) recent.pop();
  return index;
}

function addToIndex(index: Map<string, ClauseGroup>, r: RuleModel): void {
  const k = factsOfRule(r).clause;
  const group = index.get(k);
  if (!group) index.set(k, { rules: [r] });
  else {
    group.rules.push(r);
    // counted already: count the rule in (a large group is not counted again per keystroke)
    if (group.counts && group.own) {
      const raws = amountsOf(r);
      group.own.set(r, raws);
      for (const raw of raws) group.counts.set(raw, (group.counts.get(raw) ?? 0) + 1);
    }
  }
}

function removeFromGroup(group: ClauseGroup, r: RuleModel): void {
  const at = group.rules.indexOf(r);
  if (at < 0) return;
  group.rules.splice(at, 1);
  if (group.counts && group.own) {
    for (const raw of group.own.get(r) ?? []) {
      const n = (group.counts.get(raw) ?? 0) - 1;
      if (n > 0) group.counts.set(raw, n);
      else group.counts.delete(raw);
    }
    group.own.delete(r);
  }
}

/** `index` (of `prev`) updated in place to index `all`, or undefined when most of the list changed. */
function updatedIndex(prev: readonly RuleModel[], index: Map<string, ClauseGroup>, all: readonly RuleModel[]): Map<string, ClauseGroup> | undefined {
  let head = 0;
  const min = Math.min(prev.length, all.length);
  while (head < min && prev[head] === all[head]) head++;
  let tail = 0;
  while (tail < min - head && prev[prev.length - 1 - tail] === all[all.length - 1 - tail]) tail++;
  const removed = prev.length - head - tail;
  const added = all.length - head - tail;
  if (removed + added > all.length / 2) return undefined;
  for (let i = head; i < head + removed; i++) {
    const r = prev[i]!;
    const k = factsOfRule(r).clause;
    const group = index.get(k);
    if (!group) continue;
    removeFromGroup(group, r);
    if (group.rules.length === 0) index.delete(k);
  }
  for (let i = head; i < head + added; i++) addToIndex(index, all[i]!);
  return index;
}

function exempt(n: RuleNumber, rule: RuleModel, code: readonly RuleNumber[], text: readonly ClauseNumber[], standard: StandardScore | undefined): boolean {
  const points = rule.owner.kind === "indicator" ? rule.owner.points : undefined;
  // 满分 against the 标准分 a sibling clause states is checked by standardScoreMismatch.
  if (n.role === "full" && standard) return true;
  // …unless the clause caps at a share of the points (「增减分不超过基本分50%」).
  if ((n.role === "cap" || n.role === "full") && n.raw === points && !(n.role === "cap" && statesShareCap(rule, text))) return true;
  if (n.role === "amount" && n.raw === 0) return true;
  // 「（百分制）折算」: a scale of 100 the clause names in words
  if (n.role === "scale" && n.raw === HUNDRED && /百分制/.test(rule.clause)) return true;
  if (n.role === "threshold" && n.percent && (n.raw === 0 || n.raw === HUNDRED)) return true;
  // 分段 可为负: a bound of 0 is what 提升/持平/下降 (增加/减少) say in words
  if (n.role === "threshold" && n.raw === 0 && rule.body.kind === "bands" && rule.body.signed) return true;
  // 「完成的得满分」「得标准分」 with no number: the item's own points.
  if (n.role === "amount" && rule.body.kind === "once" && rule.effect === "award" && n.raw === points) {
    if (/满分|滿分|标准分|標準分|全分|该项分|該項分|本项分|本項分/.test(rule.clause) && !text.some((t) => t.amount)) return true;
    // Points only in the points column: the one rule of an item whose clause writes no points.
    if (rule.owner.rules.length === 1 && !text.some((t) => t.amount)) return true;
  }
  // 「经费2000元以上得分,否则不得分」: the one band of an item's one rule, its clause scoring with no number,
  // awards the item's points (session 26).
  if (n.role === "amount" && n.raw === points && rule.body.kind === "bands" && rule.body.bands.length === 1 && rule.body.bands[0]!.outcome.kind === "award") {
    if (rule.owner.rules.length === 1 && !text.some((t) => t.amount) && /得分|满分|滿分/.test(rule.clause)) return true;
  }
  // 「当年实绩比上年每增长一个百分点」: a step the clause names with no score at all — no amount, no verb of
  // scoring —; its amount stands in the points column (「0.5(最高30分)」), which the clause does not contradict
  // (session 26).  A checklist row's award is left to rowAward's sum.
  if (n.role === "amount" && rule.body.kind === "linear" && !text.some((t) => t.amount) && !scoringWords.test(rule.clause)) return true;
  // Points only in the points column, row by row: checklist rows whose awards add up to the item's points.
  if (n.role === "amount" && !text.some((t) => t.amount) && rowAward(rule)) return true;
  // 「达到100%的得满分,80%以上得2分」: 满分 is the item's points, in bands as in a one-shot award.
  if (n.role === "amount" && n.raw === points && rule.body.kind === "bands" && /满分|滿分/.test(rule.clause)) return true;
  // 「按比例扣分,扣满5分为止」「分别减总分的5%」「依次类推」: numbers the clause states as a computation.
  if (derivedCodeNumber(n, rule, code, text)) return true;
  // 「每低于目标值2%扣1分」: the fact is the completion rate, counted from 100%.
  if (n.role === "base" && n.percent && n.raw === HUNDRED && completionWords.test(rule.clause)) return true;
  // 「每下降1%扣1分」「每差1%扣10分」 with no other percentage: a rate falling by steps from the whole, as a
  // band bound of 100% goes without saying (session 26).
  if (n.role === "base" && n.percent && n.raw === HUNDRED && text.every((t) => !t.percent || stepNumber(rule.clause, t))) return true;
  // 「视情扣14分」 in a 12-point item, 「46名」 between 「前3名」 and 「7名以后」: a range whose dash a copy lost.
  if (n.role === "range" && (lostDashRange(rule, text) || lostDashRun(rule))) return true;
  if (n.role === "threshold" && lostDashBounds(rule, text).has(n.raw)) return true;
  // 「酌情扣分」 with no range written: from 0 up to the item's points.
  if (n.role === "range" && (n.raw === 0 || (n.raw === points && !text.some((t) => t.amount)))) return true;
  // 按排名: 「依次得10分、9分、8分」 is a step of 1.
  if (n.role === "amount" && rankList(rule, text)) return true;
  // 按排名: 「第二位得满分的95%……以后按5%依次递减」 is a step of points × 5%.
  if (rule.body.kind === "ranked" && n.role === "amount" && points !== undefined) {
    if (text.some((t) => t.percent && BigInt(points) * BigInt(t.raw) === BigInt(n.raw) * 100_000_000n)) return true;
  }
  // 「按相应级别……减半计分」: half of an amount of a sibling rule.
  if (n.role === "amount" && /减半|減半/.test(rule.clause)) {
    if (rule.owner.rules.some((o) => o !== rule && ruleNumbers(o).some((m) => m.role === "amount" && m.raw === n.raw * 2))) return true;
  }
  // 「每上升一个百分点加1分」「按被扣分值的10倍扣分」: a base of 0 and a step of 1 go without saying —
  // when every number the clause does write is accounted for by the code.
  if ((n.role === "base" && n.raw === 0) || (n.role === "step" && n.raw === 1_000_000)) {
    if (text.every((t) => t.amount || code.some((c) => c.raw === t.raw))) return true;
  }
  // 「每有一个百分点扣2分」: each point there is, counted from none — whatever else the clause defines (session 26).
  if (n.role === "base" && n.raw === 0 && /每(?:有|存在)\s*(?:一|1)\s*(?:个)?(?:百分点|%)/.test(rule.clause)) return true;
  // 「至少每季度召开一次」: a yearly target the clause gives as a period (4 quarters, 12 months, 2 halves).
  if (n.role === "target" && n.raw === periodTarget(rule.clause)) return true;
  return false;
}

const PERIODS: Record<string, number> = { 季度: 4, 季: 4, 月: 12, 半年: 2 };

/**
 * The yearly count a clause states as 「每季度/每月/每半年 … 一次」 (in millionths), when it states
 * exactly one such period; otherwise undefined.
 */
export function periodTarget(clause: string): number | undefined {
  const found = [...clause.matchAll(/每(?:个)?(季度|季|月|半年)[^，,。；;]{0,30}?(?:一|1)\s*次/g)];
  const kinds = new Set(found.map((m) => PERIODS[m[1]!]));
  if (kinds.size !== 1) return undefined;
  return [...kinds][0]! * 1_000_000;
}

/**
 * A rank list (「第一至三名依次得10分、9分、8分」) written as a 按排名 rule: the clause's amounts go down
 * from the rule's 满分 by its step.  Returns the amounts, or undefined when the clause is not such a
 * list.
 */
function rankList(rule: RuleModel, text: readonly ClauseNumber[]): Set<number> | undefined {
  const b = rule.body;
  if (b.kind !== "ranked" || b.step <= 0) return undefined;
  const values = [...new Set(text.filter((t) => t.amount && !t.percent).map((t) => t.raw))].sort((x, y) => y - x);
  if (values.length < 2 || values[0] !== b.max) return undefined;
  for (let i = 1; i < values.length; i++) if (values[i - 1]! - values[i]! !== b.step) return undefined;
  return new Set(values);
}

/**
 * 「得标准分」 with no number, where a sibling clause of the same indicator states it (「得标准分10分」):
 * the number a 满分 must be.
 */
interface StandardScore {
  raw: number;
  rule: RuleModel;
  start: number;
  end: number;
  text: string;
}

function standardScore(rule: RuleModel, text: readonly ClauseNumber[]): StandardScore | undefined {
  if (!/标准分|標準分/.test(rule.clause) || text.some((t) => t.amount)) return undefined;
  const found: StandardScore[] = [];
  for (const o of rule.owner.rules) {
    if (o === rule) continue;
    for (const m of o.clause.matchAll(/(?:标准分|標準分)(?:为)?\s*([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*分/g)) {
      const n = clauseNumbers(m[0])[0];
      if (n) found.push({ raw: n.raw, rule: o, start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  const values = new Set(found.map((f) => f.raw));
  return values.size === 1 ? found[0] : undefined;
}

/** The number of a step: 「每下降1%」「每增长一个百分点」 (a few words between 每 and the number). */
function stepNumber(clause: string, t: ClauseNumber): boolean {
  return /每[^，,。；;\d０-９]{0,6}$/.test(clause.slice(Math.max(0, t.start - 7), t.start));
}

function found(n: RuleNumber, text: readonly ClauseNumber[], item: readonly ClauseNumber[], clause: string): boolean {
  // An amount is found only as a plain number: 「缺席率超过0.5%的，扣2分」 does not account for
  // `扣 0.5` (test/clause-mismatch.test.ts); and a Chinese numeral only as an amount (扣两分):
  // 「每出现一种」 does not account for `扣 1`.
  if (amountLike.has(n.role)) return text.some((t) => (t.raw === n.raw || t.alt === n.raw) && !t.percent && (!t.chinese || t.amount));
  // Bounds, bases and steps: 「低于90%」 and 「每低1个百分点」 mix percentages and plain numbers; the
  // item may state them (a bound or base the clause leaves to it).
  // A base, bound or target is not a point amount scored (「獎勵1分」, 「自查二次得4分」; 「评分达60分」
  // 「考核得90分以上」 are bounds), and a base not the step's own number (「每增长一个百分点」).
  const before = (t: ClauseNumber, k: number) => clause.slice(Math.max(0, t.start - k), t.start);
  const scored = (t: ClauseNumber) => t.amount && /[扣得加减減计計记記励勵]\s*$/.test(before(t, 3)) && !/^\s*分?\s*(?:及|或)?(?:以上|以下|以内)/.test(clause.slice(t.end));
  const usable = n.role === "base" ? text.filter((t) => !scored(t) && !stepNumber(clause, t)) : n.role === "threshold" || n.role === "target" ? text.filter((t) => !scored(t)) : text;
  if (usable.some((t) => t.raw === n.raw || t.alt === n.raw)) return true;
  return (n.role === "threshold" || n.role === "base" || n.role === "target" || n.role === "cutoff") && item.some((t) => t.raw === n.raw && t.percent === n.percent);
}

/** Unmatched code numbers of one value and kind, reported together. */
interface CodeGroup {
  nums: RuleNumber[];
  raw: number;
  percent: boolean;
  amountLike: boolean;
}

function groupCode(nums: readonly RuleNumber[]): CodeGroup[] {
  const out: CodeGroup[] = [];
  for (const n of nums) {
    const al = amountLike.has(n.role);
    const g = out.find((x) => x.raw === n.raw && x.percent === n.percent && x.amountLike === al && x.nums[0]!.role === n.role);
    if (g) g.nums.push(n);
    else out.push({ nums: [n], raw: n.raw, percent: n.percent, amountLike: al });
  }
  return out;
}

/** Distinct values of clause numbers, first occurrence kept. */
function distinct(nums: readonly ClauseNumber[]): ClauseNumber[] {
  const out: ClauseNumber[] = [];
  for (const n of nums) if (!out.some((x) => x.raw === n.raw && x.percent === n.percent)) out.push(n);
  return out;
}

/**
 * Structured readings that a bag of numbers would miss: 「至少4次」 is the target and 「每少一次」 the
 * step of a shortfall; 「每低1个百分点」 the step of a linear rule.  Returns the code numbers found to
 * disagree, each with the clause number it should be.
 */
function structured(rule: RuleModel, code: readonly RuleNumber[], text: readonly ClauseNumber[], clause: string): Map<RuleNumber, ClauseNumber> {
  const out = new Map<RuleNumber, ClauseNumber>();
  const after = (re: RegExp): ClauseNumber | undefined => {
    const m = re.exec(clause);
    if (!m) return undefined;
    const at = m.index + m[0].length;
    return text.find((t) => t.start >= at && t.start <= at + 1);
  };
  const body = rule.body.kind;
  const pick = (role: RuleNumber["role"]) => code.find((c) => c.role === role);
  const compare = (c: RuleNumber | undefined, t: ClauseNumber | undefined) => {
    if (c && t && t.raw !== c.raw) out.set(c, t);
  };
  if (body === "shortfall") {
    // 「每季度至少1篇」: a target per period, the year's target that many times over.
    const perPeriod = /每(?:个)?(季度|季|月|半年)[^，,。；;]{0,12}?至少/.exec(clause);
    const target = after(/至少/);
    if (perPeriod && target) {
      const yearly = target.raw * PERIODS[perPeriod[1]!]!;
      const c = pick("target");
      if (c && c.raw !== yearly) out.set(c, { ...target, raw: yearly, text: `${target.text}（每${perPeriod[1]}，一年 ${fmt(yearly)}）` });
    } else compare(pick("target"), target);
    compare(pick("step"), after(/每少/));
  } else if (body === "linear") {
    // 「每超額完成1個單位數獎勵2分」: a few words may stand between the verb and the step.
    compare(pick("step"), after(/每(?:低|少|高|超|多|增加|减少|增减|增減|增长|增長|下降|上升|提高|降低|差)[^\d０-９，,。；;、零〇一二两兩三四五六七八九十]{0,4}/));
  }
  return out;
}

/** The cap of the rule's group or section, with its literal, when it has one. */
function enclosingCap(rule: RuleModel): { label: string; raw: number; lit: NumberLit; file: string } | undefined {
  const g = rule.group;
  if (g?.cap !== undefined && g.node.kind !== "ChoiceGroup" && g.node.cap) return { label: g.kind === "cap" ? "合计组" : "就高组", raw: g.cap, lit: g.node.cap, file: rule.file };
  const o = rule.owner;
  if (o.kind !== "indicator" && o.cap !== undefined && o.node.cap) return { label: `${o.kind === "bonus" ? "加分项" : "减分项"}「${o.name}」`, raw: o.cap, lit: o.node.cap, file: o.file };
  return undefined;
}

function check(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const rule of ctx.catalogue.rules) {
    if (!rule.node.clause || !rule.clause.trim()) continue;
    const text = clauseNumbers(rule.clause);
    const code = ruleNumbers(rule);
    const extras = extraPoints(rule, ctx.analysis.catalogue.rules); // the clause's rules anywhere, also when one item is linted
    const codeRaws = new Set(code.filter((c) => !c.percent).map((c) => c.raw));
    const known = structured(rule, code, text, rule.clause);
    const standard = standardScore(rule, text);
    const item = itemNumbers(rule);
    const badCode = groupCode(code.filter((c) => !known.has(c) && !exempt(c, rule, code, text, standard) && !found(c, text, item, rule.clause)));
    // The outcome of a no-value case (未报送…扣2分) without a 未报送 band is band-missing-case's finding.
    const missingCase = rule.body.kind === "bands" && !rule.body.missing ? missingCaseSentences(rule.clause) : [];
    const inMissingCase = (t: ClauseNumber) => missingCase.some((r) => t.start >= r.start && t.start < r.end);
    const ranks = rankList(rule, text);
    const derived = derivedClauseAmounts(rule, code, text);
    const accounted = (raw: number | undefined) => raw !== undefined && (codeRaws.has(raw) || extras.has(raw) || !!ranks?.has(raw) || derived.has(raw));
    const dashRange = lostDashRange(rule, text);
    const dashRun = lostDashRun(rule);
    const inDashRun = (t: ClauseNumber) => !!dashRun && t.start >= dashRun.start && t.end <= dashRun.end;
    const badText = distinct(text.filter((t) => t.amount && t !== dashRange && !inDashRun(t) && !accounted(t.raw) && !accounted(t.alt) && !inMissingCase(t) && !maskedYear(t, rule)));
    // Clause numbers that no code number accounts for: partners for bounds, bases, steps, targets.
    const unusedPlain = distinct(text.filter((t) => !t.amount && !code.some((c) => c.raw === t.raw)));

    const textSpan = (t: ClauseNumber) => {
      const at = clauseOffset(ctx, rule, t.start);
      return at !== undefined ? ctx.span(rule.file, at, at + (t.end - t.start)) : rule.node.clause!.span;
    };
    const mismatch = (nums: RuleNumber[], partner: ClauseNumber) => {
      const c = nums[0]!;
      const role = roleWord(c, rule);
      out.push({
        file: rule.file,
        span: c.node.span,
        args: [rule.name, `${role} ${codeText(c)} 与条文中的「${partner.text}」不符`],
        // Trusting the clause over the code changes scores: a suggestion, never applied by --fix.
        fixes: [suggestion({ title: `将${role} ${codeText(c)} 改为条文中的 ${fmt(partner.raw)}${partner.percent ? "%" : ""}`, edits: nums.map((n) => replaceNumberEdit(ctx, rule.file, n.node, partner.raw)) })],
        related: [{ file: rule.file, span: textSpan(partner), message: `条文写的是「${partner.text}」` }],
      });
    };
    for (const [c, t] of known) mismatch([c], t);
    // 满分 against the 标准分 a sibling clause states (「得标准分10分」).
    const full = code.find((c) => c.role === "full");
    if (standard && full && full.raw !== standard.raw) {
      const at = clauseOffset(ctx, standard.rule, standard.start);
      out.push({
        file: rule.file,
        span: full.node.span,
        args: [rule.name, `满分 ${codeText(full)} 与条文所说的「标准分」不符：规则「${standard.rule.name}」的条文写的是「${standard.text}」`],
        fixes: [suggestion({ title: `将满分改为标准分 ${fmt(standard.raw)}`, edits: [replaceNumberEdit(ctx, rule.file, full.node, standard.raw)] })],
        related:
          at !== undefined
            ? [{ file: standard.rule.file, span: ctx.span(standard.rule.file, at, at + standard.text.length), message: `标准分：「${standard.text}」` }]
            : undefined,
      });
    }

    const pairedText = new Set<ClauseNumber>();
    const amountGroups = badCode.filter((g) => g.amountLike);
    const otherGroups = badCode.filter((g) => !g.amountLike);
    for (const g of badCode) {
      let partner: ClauseNumber | undefined;
      if (g.amountLike && amountGroups.length === 1 && badText.length === 1) partner = badText[0];
      if (!g.amountLike && otherGroups.length === 1) {
        const same = unusedPlain.filter((t) => t.percent === g.percent);
        if (same.length === 1) partner = same[0];
      }
      if (partner) {
        pairedText.add(partner);
        mismatch(g.nums, partner);
      } else {
        const c = g.nums[0]!;
        out.push({ file: rule.file, span: c.node.span, args: [rule.name, `${roleWord(c, rule)} ${codeText(c)} 在条文中没有出现`] });
      }
    }
    const capPhrase = capPhraseMismatch(rule, text);
    for (const t of badText) {
      if (pairedText.has(t)) continue;
      // Reported below against the rule's cap (上限 … 与条文中的上限不符).
      if (capPhrase && t.raw === capPhrase.raw && t.cap) continue;
      if (t.cap && rule.cap === undefined) {
        // The clause's cap may be the enclosing group's or section's, written with a wrong number:
        // then that cap is what to correct, not a new cap on the rule.  Both are suggestions.
        const enclosing = enclosingCap(rule);
        const fixes = [];
        if (enclosing) fixes.push(suggestion({ title: `将${enclosing.label}的上限 ${fmt(enclosing.raw)} 改为条文中的 ${fmt(t.raw)}`, edits: [replaceNumberEdit(ctx, enclosing.file, enclosing.lit, t.raw)] }));
        fixes.push(suggestion({ title: `给规则加上限 ${fmt(t.raw)}（条文的规定）`, edits: [insertCapEdit(rule, t.raw)] }));
        out.push({
          file: rule.file,
          span: textSpan(t),
          args: [
            rule.name,
            enclosing
              ? `条文规定了上限「${t.text}」，规则中没有这个上限，所在${enclosing.label}的上限却是 ${fmt(enclosing.raw)} 分`
              : `条文规定了上限「${t.text}」，规则中没有这个上限`,
          ],
          fixes,
        });
      } else {
        out.push({ file: rule.file, span: textSpan(t), args: [rule.name, `条文中的「${t.text}」在规则中没有对应的数值`] });
      }
    }
    out.push(...factorFindings(ctx, rule));
    // 「增减分不超过基本分50%」: every cap of the rule is that share of the points.
    const shares = shareCaps(rule, text);
    if (shares.length > 0) {
      const reported = new Set(out.filter((f) => f.file === rule.file).map((f) => f.span.start.offset));
      for (const c of code) {
        if (c.role !== "cap" || shares.some((s) => s.raw === c.raw) || reported.has(c.node.span.start.offset)) continue;
        const s = shares[0]!;
        out.push({
          file: rule.file,
          span: c.node.span,
          args: [rule.name, `上限 ${codeText(c)} 与条文不符：条文的上限是本项分值的「${s.share.text}」，即 ${fmt(s.raw)} 分`],
          fixes: [suggestion({ title: `将上限改为 ${fmt(s.raw)}`, edits: [replaceNumberEdit(ctx, rule.file, c.node, s.raw)] })],
          related: [{ file: rule.file, span: textSpan(s.share), message: `条文写的是「${s.share.text}」` }],
        });
      }
    }
    // A number already reported above is not reported again by the structural readings.
    const reportedAt = new Set(out.filter((f) => f.file === rule.file).map((f) => f.span.start.offset));
    out.push(...structureFindings(ctx, rule, text, capPhrase).filter((f) => !reportedAt.has(f.span.start.offset)));
  }
  return out;
}

/** A multiple the clause states: 「加2倍扣分」「按3倍扣分」「两倍」. */
interface ClauseFactor {
  word: "加" | "按" | "";
  n: number;
  start: number;
  end: number;
  text: string;
}

function clauseFactors(clause: string): ClauseFactor[] {
  const out: ClauseFactor[] = [];
  for (const m of clause.matchAll(/(加|按)?\s*([0-9０-９]+|[一二两三四五六七八九十]+)\s*倍/g)) {
    const digits = m[2]!.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    const n = /^[0-9]+$/.test(digits) ? Number(digits) : chineseNumeralValue(digits);
    if (n === undefined || !Number.isSafeInteger(n)) continue;
    out.push({ word: (m[1] ?? "") as ClauseFactor["word"], n, start: m.index!, end: m.index! + m[0].length, text: m[0].trim() });
  }
  return out;
}

/**
 * The multiples of 其中 against the clause's words: 加 N倍 is N + 1 times the deduction, 按 N倍 is N times,
 * so 「加2倍扣分」 written `按 2倍` (or the other way round) scores one time too few (too many); and a clause
 * that says 「加2倍」 (3 times) where the code has no multiple of 2 at all (加倍 is 2 times).
 */
function factorFindings(ctx: LintContext, rule: RuleModel): Finding[] {
  const said = clauseFactors(rule.clause);
  if (said.length === 0) return [];
  const out: Finding[] = [];
  const spanOf = (f: ClauseFactor) => {
    const at = clauseOffset(ctx, rule, f.start);
    return at !== undefined ? ctx.span(rule.file, at, at + (f.end - f.start)) : rule.node.clause!.span;
  };
  const entries = rule.node.modifiers.flatMap((m) => (m.kind === "Occurrences" ? m.entries : []));
  for (const e of entries) {
    if (!e.n || (e.factor !== "plus" && e.factor !== "times")) continue;
    const n = rawOf(e.n.text);
    if (n === undefined || n % 1_000_000 !== 0) continue;
    const codeWord = e.factor === "plus" ? "加" : "按";
    const other = said.find((f) => f.n * 1_000_000 === n && f.word !== "" && f.word !== codeWord);
    if (!other) continue;
    const times = (w: string, k: number) => (w === "加" ? k + 1 : k);
    out.push({
      file: rule.file,
      span: e.n.span,
      args: [rule.name, `「${codeWord} ${fmt(n)}倍」是原扣分的 ${times(codeWord, n / 1_000_000)} 倍，条文写的是「${other.text}」（${times(other.word, other.n)} 倍）`],
      related: [{ file: rule.file, span: spanOf(other), message: `条文写的是「${other.text}」` }],
    });
  }
  // A code multiple of another N is reported as a number (倍数 3 在条文中没有出现).
  if (entries.some((e) => e.n)) return out;
  for (const f of said) {
    if (f.word !== "加" || f.n < 2) continue;
    out.push({
      file: rule.file,
      span: spanOf(f),
      args: [rule.name, `条文的「${f.text}」（原扣分的 ${f.n + 1} 倍）在规则中没有对应的倍数（「加倍」是 2 倍；应写「其中 「条件」 加 ${f.n}倍」）`],
    });
  }
  return out;
}

/**
 * The clause's cap phrase that the rule's own cap contradicts: the clause has one cap value (最多扣2分)
 * that is not its group's or section's cap, and the rule's cap is another number.
 */
function capPhraseMismatch(rule: RuleModel, text: readonly ClauseNumber[]): ClauseNumber | undefined {
  if (rule.cap === undefined || !rule.node.modifiers.some((m) => m.kind === "Cap")) return undefined;
  const enclosing = new Set([rule.group?.cap, rule.owner.kind !== "indicator" ? rule.owner.cap : undefined].filter((x) => x !== undefined));
  const caps = text.filter((t) => t.cap && !enclosing.has(t.raw));
  const values = [...new Set(caps.map((t) => t.raw))];
  if (values.length === 1) return values[0] !== rule.cap ? caps[0] : undefined;
  // 「加0.1分/次,累计不超过1分」 in a section capped at 1: a rule that writes a cap of its own writes that one.
  const all = text.filter((t) => t.cap);
  const any = [...new Set(all.map((t) => t.raw))];
  return values.length === 0 && any.length === 1 && any[0] !== rule.cap ? all[0] : undefined;
}

/**
 * What the numbers alone miss: the veto level, band inclusivity, categories in the clause's order.
 * `text` is the clause's numbers and `capPhrase` its contradicted cap, as `check` already has them.
 */
function structureFindings(ctx: LintContext, rule: RuleModel, text: readonly ClauseNumber[], capPhrase: ClauseNumber | undefined): Finding[] {
  const out: Finding[] = [];
  const body = rule.node.body;
  const related = (f: StructureFinding) => {
    const at = f.at && clauseOffset(ctx, rule, f.at.start);
    return at !== undefined && f.at ? [{ file: rule.file, span: ctx.span(rule.file, at, at + (f.at.end - f.at.start)), message: `条文：「${rule.clause.slice(f.at.start, f.at.end)}」` }] : undefined;
  };
  const veto = vetoMismatch(rule);
  if (veto && body) {
    out.push({
      file: rule.file,
      span: body.span,
      args: [rule.name, veto.message],
      fixes: [suggestion({ title: `改为「${veto.should}」`, edits: [{ file: rule.file, start: body.span.start.offset, end: body.span.end.offset, newText: veto.should }] })],
      related: related(veto),
    });
  }
  // 按比率 / 按评价: the word is the first of the body (「按比率 得分 满分 10」).
  const kind = kindMismatch(rule);
  if (kind && body) {
    const word = body.kind === "Rate" ? "按比率" : "按评价";
    const src = ctx.text(rule.file);
    const at = body.span.start.offset;
    const fixes = src.startsWith(word, at) ? [suggestion({ title: `改为「${kind.should}」`, edits: [{ file: rule.file, start: at, end: at + word.length, newText: kind.should }] })] : [];
    out.push({ file: rule.file, span: body.span, args: [rule.name, kind.message], fixes, related: related(kind) });
  }
  const direction = rankDirectionMismatch(rule);
  if (direction && body) out.push({ file: rule.file, span: body.span, args: [rule.name, direction.message], related: related(direction) });
  const per = perOccurrenceMismatch(rule, ctx.analysis.catalogue.subject);
  if (per && body) {
    const at = body.span.start.offset;
    out.push({
      file: rule.file,
      span: body.span,
      args: [rule.name, per.message],
      fixes: rule.body.kind === "once" ? [suggestion({ title: "改为按次计分：在前面加「每次」", edits: [{ file: rule.file, start: at, end: at, newText: "每次 " }] })] : [],
      related: related(per),
    });
  }
  for (const f of boundMismatches(rule, text)) {
    const iv = intervalOf(f.band!);
    if (!iv) continue;
    const e = flipBoundEdit(ctx, rule.file, iv, f.side!);
    out.push({
      file: rule.file,
      span: iv.span,
      args: [rule.name, f.message],
      fixes: e ? [suggestion({ title: `让分段「${f.band!.text}」${f.should}`, edits: [e] })] : [],
      related: related(f),
    });
  }
  // 「低于50%的,扣1分」 over `< 100% 扣 1`, 「前3名…计55分」 over `≤ 6 得 55`: the bound's value.
  const flagged = new Set(out.map((f) => f.span.start.offset));
  for (const f of boundValueMismatches(rule, text)) {
    const iv = intervalOf(f.band);
    const lit = f.side === "lower" ? iv?.lower : iv?.upper;
    if (!iv || !lit || flagged.has(iv.span.start.offset) || flagged.has(lit.span.start.offset)) continue;
    const q = (f.side === "lower" ? f.band.lower : f.band.upper)!;
    const at = clauseOffset(ctx, rule, f.at.start);
    out.push({
      file: rule.file,
      span: lit.span,
      args: [rule.name, `分段「${f.band.text}」的界限 ${q.text} 与条文不符：这一档的条文写的是「${f.words}」`],
      fixes: [suggestion({ title: `将界限 ${q.text} 改为条文中的 ${fmt(f.said.raw)}${f.said.percent ? "%" : ""}`, edits: [replaceNumberEdit(ctx, rule.file, lit, f.said.raw)] })],
      related: at !== undefined ? [{ file: rule.file, span: ctx.span(rule.file, at, at + (f.at.end - f.at.start)), message: `条文：「${f.words}」` }] : undefined,
    });
  }
  // The cap against the clause's cap phrase (最多扣2分): a cap that is another number of the clause
  // (an amount and its cap swapped, or a cap changed to a number found elsewhere) passes the number
  // check.  Clause caps that are the group's or section's cap are theirs.
  const capMod = rule.node.modifiers.find((m): m is CapModifier => m.kind === "Cap");
  const t = capPhrase;
  if (rule.cap !== undefined && capMod?.value && t) {
    const verb = rule.effect === "award" ? "得分" : "扣分";
    const amounts = ruleNumbers(rule).filter((n) => n.role === "amount");
    const swapped = amounts.length === 1 && amounts[0]!.raw === t.raw;
    const edits = [replaceNumberEdit(ctx, rule.file, capMod.value, t.raw)];
    if (swapped) edits.push(replaceNumberEdit(ctx, rule.file, amounts[0]!.node, rule.cap));
    out.push({
      file: rule.file,
      span: capMod.value.span,
      args: [rule.name, swapped ? `上限 ${fmt(rule.cap)} 与${verb} ${fmt(t.raw)} 对调了：条文的上限是「${t.text}」` : `上限 ${fmt(rule.cap)} 与条文中的上限「${t.text}」不符`],
      fixes: [suggestion({ title: swapped ? `对调上限与${verb}：上限 ${fmt(t.raw)}，${verb} ${fmt(rule.cap)}` : `将上限改为条文中的 ${fmt(t.raw)}`, edits })],
    });
  }
  // 「記5分,每下降1個百分點扣0.1分」 written `扣 5 上限 0.1`: with no cap phrase, a cap that is the one amount
  // the clause scores in the rule's direction (扣0.1分) while the rule scores another is the two swapped (session 26).
  const verbs = rule.effect === "award" ? /[得加计計记記]\s*$/ : /[扣减減]\s*$/;
  const scored = text.filter((x) => x.amount && !x.cap && !x.percent && verbs.test(rule.clause.slice(Math.max(0, x.start - 2), x.start)));
  const amounts = ruleNumbers(rule).filter((n) => n.role === "amount");
  if (!t && rule.cap !== undefined && capMod?.value && amounts.length === 1 && amounts[0]!.raw !== rule.cap) {
    const values = new Set(scored.map((x) => x.raw));
    const said = scored[0];
    if (said && values.size === 1 && said.raw === rule.cap && !text.some((x) => x.cap)) {
      const a = amounts[0]!;
      const verb = rule.effect === "award" ? "得分" : "扣分";
      out.push({
        file: rule.file,
        span: capMod.value.span,
        args: [rule.name, `上限 ${fmt(rule.cap)} 与${verb} ${fmt(a.raw)} 对调了：条文${rule.effect === "award" ? "得" : "扣"}的是「${said.text}」`],
        fixes: [suggestion({ title: `对调上限与${verb}：上限 ${fmt(a.raw)}，${verb} ${fmt(rule.cap)}`, edits: [replaceNumberEdit(ctx, rule.file, capMod.value, a.raw), replaceNumberEdit(ctx, rule.file, a.node, rule.cap)] })],
      });
    }
  }
  out.push(...awardSideCapFindings(ctx, rule));
  // A side's swap that the award side's cap phrase (「最高加1分」) already reported is not reported twice.
  for (const f of sideCapSwaps(ctx, rule, text)) if (!out.some((o) => o.span.start.offset === f.span.start.offset)) out.push(f);
  const entries = body && (body.kind === "Per" || body.kind === "OneShot") && body.amounts?.kind === "Categories" ? body.amounts.entries : [];
  for (const f of categoryMismatches(rule, text)) {
    const lit = entries[f.category!]?.value;
    if (!lit) continue;
    out.push({
      file: rule.file,
      span: lit.span,
      args: [rule.name, f.message],
      fixes: [suggestion({ title: `将分类的金额改为条文中的 ${f.should}`, edits: [replaceNumberEdit(ctx, rule.file, lit, f.amount!.raw)] })],
      related: related(f),
    });
  }
  return out;
}

/**
 * A two-sided linear rule's award cap against the clause: 「最高加2分」「最多加2分」 is that cap;
 * 「加分至基本分值封顶（为止）」 is a cap equal to the item's points.  Both numbers pass the number check
 * when they appear elsewhere in the clause (an amount and the cap swapped, a cap changed to 1).
 */
function awardSideCapFindings(ctx: LintContext, rule: RuleModel): Finding[] {
  const b = rule.body;
  const node = rule.node.body;
  if (b.kind !== "linear" || !b.other || node?.kind !== "Linear" || rule.owner.kind !== "indicator") return [];
  const cap = b.action === "award" ? b.sideCap : b.other.cap;
  const lit = b.action === "award" ? node.sideCap : node.other?.cap;
  const clause = normaliseClause(rule.clause);
  let want: { raw: number; text: string } | undefined;
  // 「奖励分不超过本项基本分」 (session 24) says the same as 「加分至基本分封顶」.
  const toPoints =
    /加分(至|到)(基本分值?|本项分值|标准分|分值)(封顶|为止)/.exec(clause) ??
    /(?:加分|奖励分|獎勵分)[^，,。；;\d]{0,4}(?:不超过|不超過|不得超过|不得超過)(?:本项|本項|该项|該項)?(?:基本分值?|分值|标准分|標準分)/.exec(clause);
  const ceiling = scoreCeiling(rule, clauseNumbers(rule.clause));
  if (toPoints) want = { raw: rule.owner.points, text: toPoints[0] };
  // 「最高加至30分」 in an item of 25: the score's ceiling, the award's cap 5.
  else if (ceiling) want = { raw: ceiling.cap, text: `${ceiling.words}（本项 ${fmt(rule.owner.points)} 分之上加 ${fmt(ceiling.cap)} 分）` };
  else {
    const m = /(最高|最多)加(\d+(?:\.\d+)?)分/.exec(clause);
    const raw = m ? rawOf(m[2]!) : undefined;
    if (m && raw !== undefined) want = { raw, text: m[0] };
  }
  if (!want || cap === want.raw) return [];
  if (cap === undefined || !lit) return [{ file: rule.file, span: node.span, args: [rule.name, `条文规定了加分的上限「${want.text}」，规则加分的一侧没有写上限 ${fmt(want.raw)}`] }];
  return [
    {
      file: rule.file,
      span: lit.span,
      args: [rule.name, `加分的上限 ${fmt(cap)} 与条文「${want.text}」不符（应为 ${fmt(want.raw)}）`],
      fixes: [suggestion({ title: `将加分的上限改为 ${fmt(want.raw)}`, edits: [replaceNumberEdit(ctx, rule.file, lit, want.raw)] })],
    },
  ];
}

export const clauseMismatch: LintRule = {
  id: "clause-mismatch",
  code: "KP3030",
  defaultSeverity: "error",
  title: "代码与条文不一致",
  doc: {
    description:
      "规则中的数值（扣分、得分、上限、分段界限、基准、步长、目标次数、满分、酌情范围、其中的倍数）须在条文原文中出现，条文中的分值（数字后跟「分」，或与之并列，如「分别扣0.05、0.1、0.2分」）须在规则中出现。" +
      "条文中的阿拉伯数字、全角数字、百分数和中文数字（一、两、三……十）都能识别；「24小时」「12380」「10件事」这类不是分值的数字只用来核对规则中的次数和界限。" +
      "上限等于本项分值（扣完为止）、满分等于本项分值、0 和 0%/100% 的分段界限、没写范围的「酌情扣分」的 0 至本项分值、「得满分」「得标准分」的本项分值可以不写在条文里；按排名的步长可以是满分乘以条文中的百分数（「按5%依次递减」）或条文列出的名次分值之差（「依次得10分、9分、8分」）。" +
      "条文留给所在指标的界限和基准，写在指标名称里的也算（「小学入学率达到100%」下的「每低0.1个百分点扣2分」）；条文说的是完成目标（目标值、完成指标、与……相比）时，基准 100% 不必写出；一个指标只有一条规则、条文没写分值时，得分可以是本项分值（分值只在分值栏里）；「其中」分成几条规则时，条文的总分是它们之和；「每季度至少1篇」是一年 4 篇；对象是人（党员、干部……）时，「每人每次」的「每人」就是考核对象。" +
      "抄件的错字也照常识读：「得l分」是 1 分，「得1 5分」是 15 分或 1.5 分，比本项分值还大的年份（「记2023分」）不当作分值；「积分未达41分」这类考核得分的界限不是扣分。" +
      "条文用计算说出的数值也算：「按其未完成比例扣分,扣满5分为止」是每低 1% 扣 0.05（「按比例得分」时满分的百分之一），「分别减总分的5%、15%」「增减分不超过基本分50%」是本项分值的份额（这时上限须是这个份额，不能是本项分值），「依次类推」写出的分段按条文的步长续写，「引进新品种3分」的 `≥ 1个` 就是有，「1亿元」是 10000万元，分段中的「得满分」是本项分值；「每低5—0.5分」的「5—0.5」不是范围。" +
      "指标的「注」照录的考核要求（「人民调解卷宗全年不少于50件」）与指标名称一样，给出条文留给它的界限、基准和目标次数（不给出分值）；抄件把小数点印成句号的「0。5分」是 0.5，丢了连字符的「视情扣14分」（大于本项分值）是 1 至 4、「前3名…、46名…、7名以后」的「46名」是第 4 至 6 名；条文只写「每下降1%」「每差1%」、没有别的百分数时，基准 100% 不必写出；「每有一个百分点」从 0 算起；「最高加至30分」在 25 分的指标中是得分一侧上限 5；「得分=70×达标率-63」是每个百分点 0.7 分；「按比例增分」的步长 1；一个指标只有一条一段的分段、条文写「得分」而没写数字时，得分是本项分值；一项的各条文分别写明本部分分值（「…好的计2.5分,差的扣1分」），且之和正好是本项分值时，这些分值不必写进规则；「没有贫困村的乡镇计10分」在 15 分的指标中是扣 5 分；「增长12%完成任务」的 12% 属于完成的一档；条文只写计数、既无分值也无计分字样（「每增长一个百分点」，分值在分值栏）时，线性规则的分值不报告；丢了连字符的小数范围「扣0.10.5分」「扣0.21分」（规则两端并写，上端不超过本项分值）是 `酌情 扣 0.1 至 0.5`、`0.2 至 1`；「每完成任务一个百分点得0.1分,共10分」（每个百分点是满分的百分之一）是 `按比率 得分 满分 10`。" +
      "数值对得上之外，还要与条文一致的有：否决的级别（「取消……评优资格」是一票否优，「该年度考核不合格」是一票否决）、按比率与按评价（「按完成比例得分」是按比率）、按排名的方向（「最高的得满分」）、按次计分（「每发现一起扣0.5分」「每月次扣3分」不能写成只扣一次）、分段的含与不含（「含75%」「不足X」「不达X」「达不到X」「X以内」「≤X」「100件(含本数)以上」「四天及以上」「超过95%(含)」「到達X」「前3名」，「完成年度目标得10分」含 100%，「达X」「至少X」含本数，「X以上」含本数，「超过8%以上」两可、不报；单边分段的界限在条文中不带任何比较字样时（「被三次通报的不得分」），这一档含本数）、上限（条文没有上限短语时，规则的上限正是条文唯一的扣分而扣分是别的数，是两者对调了：「記5分,每下降1個百分點扣0.1分」写成 `扣 5 上限 0.1`；「最高为1分」也是上限短语，两侧线性规则某一侧的分值正是它而上限是别的数，是这一侧对调了）、分类的金额（「分别扣0.05、0.1、0.2分」，或每个分类名之后的分值）、其中的倍数（「加2倍」是原扣分的 3 倍，写作 `加 2倍`；「按3倍」写作 `按 3倍`；`加倍` 是 2 倍）。" +
      "两边各只有一个数值不一致时，诊断指向规则中的数值，建议改为条文中的数值；条文规定了上限（最多扣……分、扣完2分为止、累計不超過7分、一项扣1分,共3分）而规则没有时，建议加上这个上限（规则在有上限的合计组或加分/减分项中时，先建议改那个上限）。这些都会改变计分，只是建议，不由 --fix 自动应用。",
    bad: '规则 「参会」 「未按要求参加重要会议的，每次扣0.5分」\n  每次 扣 0.3',
    good: '规则 「参会」 「未按要求参加重要会议的，每次扣0.5分」\n  每次 扣 0.5',
  },
  check,
};
