// The compositional reader (session 26, issue 13): a clause read by its parts rather than by one phrasing. The
// clause is tagged (tag.ts: counts, effects, amounts, ranges, caps, bounds, zeros, connectors, steps), its parts
// gathered into groups each ending at a score (groups.ts), each group read into a body (rule.ts; a clause with a
// linear step: linear.ts), and the groups read together by a small grammar:
//   one group                                   its body
//   得 A, 否则 (or the award's own negation) 扣 B    得 A 否则 扣 B                (「完成得4分，未完成扣4分」)
//   得 A, 否则 (or a negation) 不得分              得 A                          (「…得2分，否则不得分」)
//   the item's points, then counted deductions   the deductions                (「…计2分，每缺席一次扣0.5分」)
//   counted findings of one count word           one rule, a class each        (「迟报一次扣1分，漏报一次扣2分」)
//   one-shot deductions of different findings    one rule each                 (「无批准扣5分，无登记扣3分」)
// Strictness is the point: the free text (the conditions) may hold no scoring word and no number (free-text.ts), a
// group with a part it cannot place is refused, and two groups joined by an escalation (情节严重, 再次 …) or sharing
// a cap are refused. The reading then passes the checks every pattern's reading passes (recognise.ts: the amounts,
// the modifiers, the guards and the accounting check).
import type { ClauseContext } from "../index.js";
import { amountsIn } from "../amounts.js";
import { reading, refusal, type PatternResult } from "../reading.js";
import { contextReason } from "./context.js";
import { freeTextReason, maskedClause } from "./free-text.js";
import { groupsOf, type Group } from "./groups.js";
import { BOUND_MEASURES, ESCALATION, NUM } from "./parts.js";
import { rx } from "../normalise.js";
import { readGroup, type RuleReading } from "./rule.js";
import { linearBody } from "./linear.js";
import { tag, type Part } from "./tag.js";
import { withVeto } from "./vetoed.js";

/** The conditions of a group: its free text, without separators and the words that only introduce it. */
function conditionOf(t: string, free: readonly (readonly [number, number])[], g: Group): string {
  return free
    .filter(([a, b]) => a >= g.from && b <= g.to)
    .map(([a, b]) => t.slice(a, b))
    .join("")
    .replace(/[,;。:、()]/g, "")
    .replace(/^(?:对于|对|凡|如果|如|若|经查|经核实)/, "")
    .replace(/(?:的|者|时)$/, "");
}

/** Negations a failing side is written with (「未完成」「完不成」「没有落实」「不达标」). */
const NEGATIONS = /^(?:未能|未|没有|没|不|无)/;

/** Whether `failing` is the negation of `done` (「完成」/「未完成」「完不成」, 「达标」/「不达标」, 「落实」/「未落实」). */
export function negates(done: string, failing: string): boolean {
  if (done === "") return false;
  const core = failing.replace(NEGATIONS, "");
  // 「如期完成承诺事项」/「未完成承诺事项」: the failing negates a part of the award's own condition
  if (core !== failing && (core === done || (core.length >= 2 && done.endsWith(core)))) return true;
  // 「完成」/「完不成」, 「达到」/「达不到」, 「做到」/「做不到」
  const split = /^(.)不(.)(.*)$/.exec(failing);
  return split !== null && `${split[1]}${split[2]}${split[3]}` === done;
}

/** The amounts written in the parts a reading consumed (every one must be the clause's, recognise.ts checks). */
function usedAmounts(t: string, parts: readonly Part[]): string[] {
  return parts.filter((p) => p.kind === "score" || p.kind === "cap" || p.kind === "zero" || p.kind === "full").flatMap((p) => amountsIn(t.slice(p.at, p.end)));
}

/** Words of how or when the work is done: a failing that drops them leaves the late or partial case on neither side. */
const MANNER = /按时|按期|及时|准时|如期|限期|按要求|按规定|规范|全面|足额|高质量/;

/**
 * Whether `failing` negates all of `done` (「完成」/「未完成」), not just its core (「按时报送」/「未报送」: late is neither
 * side — an award and a deduction on it would score the late case as neither, 得 A 否则 扣 B scores it as the deduction).
 */
function negatesWhole(done: string, failing: string): boolean {
  if (!negates(done, failing)) return false;
  const core = failing.replace(NEGATIONS, "");
  const dropped = core !== failing && core !== done ? done.slice(0, done.length - core.length) : "";
  return !MANNER.test(dropped);
}

/** Reads a clause (normalised, reworded, its riders and modifiers out) by its parts; undefined when it has no score at all. */
export function compose(t: string, ctx: ClauseContext): PatternResult {
  const tagged = tag(t);
  const { free } = tagged;
  // 「…土葬的一票否决,该项不得分」: the veto is a rule of its own beside the item's zero (vetoed.ts)
  const vetoes = tagged.parts.filter((p) => p.kind === "veto");
  const parts = tagged.parts.filter((p) => p.kind !== "veto");
  if (!parts.some((p) => p.kind === "score" || p.kind === "zero" || p.kind === "full")) {
    // 「按比例扣分，最多扣2分」: a cap without the amount it caps
    return parts.some((p) => p.kind === "cap" && p.value !== null) ? refusal("条文写了上限，却没有写每次（每项）的分值，未能确定计分方式") : undefined;
  }
  const masked = maskedClause(t);
  for (const [a, b] of free) {
    const why = freeTextReason(t, masked, a, b);
    if (why) return refusal(why);
  }
  // 「每季度检查1次,…」: a requirement per period the parts did not read (its number may be masked as a task's)
  for (const p of parts) {
    if (p.kind !== "period") continue;
    const sentence = /^[^,;。]*/.exec(t.slice(p.end))![0];
    const req = rx(`${NUM}(?:${BOUND_MEASURES})`).exec(sentence);
    const at = p.end + (req?.index ?? 0);
    // (「每年进行一次全面清查盘点(2分)」 describes the task — sgjt-14, da-06; 「每月召开一次…每少一次扣1分」 counts what is
    // missing of it — pdgl-11: refused only where the clause counts something else, 「…,出现一次漏报扣除2-4分」)
    const other = parts.some((q) => q.kind === "count" && !q.lack);
    if (req && other && !parts.some((q) => q.at <= at && at < q.end)) return refusal(`条文的「${t.slice(p.at, p.end)}${sentence.slice(0, req.index + req[0].length)}」是按期的要求，未能确定它在计分中的作用`);
  }
  const grouped = groupsOf(parts);
  if ("reason" in grouped) return refusal(grouped.reason);
  const groups = grouped.groups;
  // a step (每低1个百分点): the clause is one linear rule or nothing
  if (parts.some((p) => p.kind === "step")) {
    const lin = linearBody(groups, parts, ctx, t);
    return "reason" in lin ? refusal(lin.reason) : reading(lin.bodies, usedAmounts(t, parts));
  }
  const conditions = groups.map((g) => conditionOf(t, free, g));
  const rules: RuleReading[] = [];
  for (const [i, g] of groups.entries()) {
    const r = readGroup(g, t, conditions[i]!, ctx);
    if ("reason" in r) return refusal(r.reason);
    rules.push(r);
  }
  const read = clauseBodies(t, groups, rules, conditions, ctx);
  if ("reason" in read) return refusal(read.reason);
  const bodies = vetoes.length === 0 ? read : withVeto(read.bodies, vetoes.length);
  if ("reason" in bodies) return refusal(bodies.reason);
  const why = contextReason(bodies.bodies, rules, conditions, ctx);
  if (why) return refusal(why);
  return reading(bodies.bodies, usedAmounts(t, parts));
}

/** A failing written short (「未完成」「没有落实」「达不到」): the award's other side when nothing else is said. */
const SHORT_FAILING = /^(?:未能|未|没有|没|不|无|达不到|完不成|做不到)[\u4e00-\u9fa5]{0,3}$/;

/** The name of a class from its group's condition (「被市级主流媒体采用」), without the words that only introduce it. */
function className(condition: string): string {
  return condition.replace(/^(?:凡是|凡|对于|对|被|由|其中|在)/, "").replace(/[“”"「」《》]/g, "");
}

/** The clause's groups read together (the grammar over groups, in this file's header). */
function clauseBodies(t: string, groups: readonly Group[], rules: readonly RuleReading[], conditions: readonly string[], ctx: ClauseContext): { bodies: string[] } | { reason: string } {
  const failings = rules[0]!.full ? fullThenFailings(groups, rules, conditions) : undefined;
  if (failings) return failings;
  if (rules.length > 1 && rules.some((r) => r.full) && !(rules[0]!.full && rules.slice(1).every((r) => r.shape === "counted" && r.direction === "扣"))) {
    return { reason: "条文的「得满分」（基本分）之外还有别的计分，未能确定" };
  }
  if (rules.length === 1) {
    if (groups[0]!.before.some((p) => p.kind === "otherwise")) return { reason: "条文的「否则」前没有得分，未能确定" };
    return { bodies: [rules[0]!.body] };
  }
  const [first, second] = [rules[0]!, rules[1]!];
  const otherwise = groups.slice(1).some((g) => g.before.some((p) => p.kind === "otherwise"));
  // 得 A, then the award's other side: 否则, the award's own negation, or a short failing before 不得分
  if (rules.length === 2 && first.shape === "once" && first.direction === "得" && (second.shape === "once" || second.shape === "zero")) {
    const failing = conditions[1]!;
    // (before 不得分 the late case scores nothing either way: 「如期完成承诺事项得3分。未完成承诺事项的不得分」 is 得 3)
    const other = otherwise ? failing === "" : second.shape === "zero" ? negates(conditions[0]!, failing) || SHORT_FAILING.test(failing) : negatesWhole(conditions[0]!, failing);
    if (other) {
      if (second.shape === "zero") return { bodies: [first.body] };
      if (second.direction === "扣" && second.amount !== undefined) return { bodies: [`${first.body} 否则 ${second.body}`] };
    }
    if (otherwise) return { reason: "条文的「否则」后的计分未能确定" };
  }
  if (otherwise) return { reason: "条文的「否则」不在得分与扣分之间，未能确定" };
  if (rules.some((r) => r.shape === "zero")) return { reason: "条文既有分值又有不得分，未能确定它们的关系" };
  // the item's points when all is done, then (after a comma) what each failing costs: the deductions are the rules
  const fullPoints = first.shape === "once" && first.direction === "得" && ctx.section === null && ctx.points !== null && first.amount === ctx.points;
  if (fullPoints && t[groups[0]!.score.end] === ",") {
    // (「…记10分，班子存在矛盾的酌情扣分」: a discretionary deduction within the points is one too)
    // (「…得5分,脱岗扣除1-3分」: a range of its own is another rule beside the points, or within them — not said)
    if (!rules.slice(1).every((r) => r.direction === "扣" && (r.shape === "counted" || (r.body.startsWith(`酌情 扣 0 至 `) && rules.length === 2)))) return { reason: "条文先写本项的分值，其后的扣分不都是按次（按项）的，未能确定" };
    return rules.length === 2 ? { bodies: [second.body] } : severalRules(groups.slice(1), rules.slice(1), conditions.slice(1), true);
  }
  // the item's points, then (after 「;」) a rule of its own: two rules, as the clause writes them
  if (fullPoints && rules.length === 2 && second.direction === "扣" && second.shape === "counted" && t[groups[0]!.score.end] === ";") {
    // (「…记1分;少一项,扣0.25分」: what is missing is of the award's own list — the deduction is the rule)
    const lack = [...groups[1]!.before, ...groups[1]!.after].some((p) => p.kind === "count" && p.lack);
    return { bodies: lack ? [second.body] : [first.body, second.body] };
  }
  return severalRules(groups, rules, conditions, false);
}

/**
 * 「得满分」 and what failing costs, each failing a condition of its own (xsbj-01/02):
 *   「机构健全得满分,否则不得分」                       得 P          (the item's points, the other side nothing)
 *   「制度健全得满分,制度不健全扣1分,无制度不得分」      扣 1 / 不得分  (the failings are the rules; the points are the item's)
 * Only with the word 满分 (the item's points by name) and failings that are one-shot deductions, then the zero, each
 * condition its own; anything else is left to the grammar (undefined).
 */
function fullThenFailings(groups: readonly Group[], rules: readonly RuleReading[], conditions: readonly string[]): { bodies: string[] } | undefined {
  if (rules.length < 2) return undefined;
  const rest = rules.slice(1);
  const otherwise = groups[1]!.before.some((p) => p.kind === "otherwise");
  if (rules.length === 2 && rest[0]!.shape === "zero" && otherwise && conditions[1] === "") return { bodies: [rules[0]!.body] };
  if (groups.slice(1).some((g) => g.before.some((p) => p.kind === "otherwise"))) return undefined;
  const deductions = rest.slice(0, -1);
  const last = rest[rest.length - 1]!;
  if (last.shape !== "zero" || deductions.length === 0 || !deductions.every((r) => r.shape === "once" && r.direction === "扣" && r.amount !== undefined)) return undefined;
  const named = conditions.slice(1);
  if (named.some((c) => c.length < 2 || ESCALATION.test(c)) || new Set(named).size !== named.length) return undefined;
  return { bodies: rest.map((r) => r.body) };
}

/** The characters every condition ends with (「通报批评」 of 「省级通报批评」「市级通报批评」), or "". */
function sharedEnding(conditions: readonly string[]): string {
  let n = 0;
  const shortest = Math.min(...conditions.map((c) => c.length));
  while (n < shortest && conditions.every((c) => c[c.length - 1 - n] === conditions[0]![conditions[0]!.length - 1 - n])) n++;
  return n === 0 ? "" : conditions[0]!.slice(-n);
}

const valuedCap = (g: Group): boolean => [...g.before, ...g.after].some((p) => p.kind === "cap" && p.value !== null);

/** Conditions that name a class of units (「协办单位扣2.5分」), not a finding: the amount is that class's. */
const CLASS_OF_UNITS = /(?:单位|部门|乡镇|街道|县区|县|区|园区|村|社区)$/;

/**
 * Several groups of one direction: counted findings of one count word are one rule with a class each (「迟报一次扣1分，
 * 谎报一次扣2分」); one-shot deductions of different findings are one rule each (「无批准扣5分，无登记扣3分」); counted
 * deductions of different count words one rule each only after the item's points (`afterPoints`: 「…计2分，每缺席一次扣
 * 0.5分，每错漏报一例扣0.5分」). Never when a later condition escalates an earlier one, names a class of units, or a
 * cap may be shared; one-shot awards of a list (「国家发明专利20分，实用新型专利10分」) may be each per piece: never guessed.
 */
function severalRules(groups: readonly Group[], rules: readonly RuleReading[], conditions: readonly string[], afterPoints: boolean): { bodies: string[] } | { reason: string } {
  for (const [i, c] of conditions.entries()) {
    const e = i > 0 ? ESCALATION.exec(c) : null;
    if (e) return { reason: `条文的「${e[0]}」可能是在前一个分值之上（或代替它）计分，未能确定` };
    if (c.length < 2 && !rules[i]!.body.startsWith("每")) return { reason: "条文的一个分值没有自己的条件，未能确定它是否接着前一个分值" };
    if (CLASS_OF_UNITS.test(c)) return { reason: `条文按单位类别（「${c}」）分别计分，未能确定` };
  }
  const first = rules[0]!;
  if (new Set(rules.map((r) => r.direction)).size > 1) return { reason: "条文既有得分又有扣分，未能确定它们是一条还是几条规则" };
  if (rules.every((r) => r.shape === "counted" && r.classes !== undefined)) {
    const units = new Set(rules.map((r) => r.classes!.units));
    // (a cap after the last class is the classes' own, as the corpus writes it: kjqy-01, zz22-03)
    if (groups.slice(0, -1).some(valuedCap)) return { reason: "条文有几个分值又有上限，未能确定上限是其中一条的还是共用的" };
    if (units.size > 1) {
      if (afterPoints && !groups.some(valuedCap)) return { bodies: rules.map((r) => r.body) };
      return { reason: `条文的几个分值按不同的计数单位（${[...units].join("、")}）计，未能确定是几条规则还是一条分类计分` };
    }
    // 「一处垃圾扣1分,一处漂浮物扣1分」: classes of one amount name nothing the amounts tell apart — one rule each (jtqy-05)
    if (rules.every((r) => r.amount === first.amount) && !groups.some(valuedCap)) return { bodies: rules.map((r) => r.body) };
    const names = conditions.map(className);
    if (names.some((n) => n.length < 2) || new Set(names).size !== names.length) return { reason: "条文的几个分值的类别未能区分，未能确定" };
    const cap = /( 上限 [\d.]+)$/.exec(rules[rules.length - 1]!.body)?.[1] ?? "";
    return { bodies: [`${first.classes!.units} ${first.direction} ${names.map((n, i) => `「${n}」 ${rules[i]!.amount!}`).join("、")}${cap}`] };
  }
  if (groups.some(valuedCap)) return { reason: "条文有几个分值又有上限，未能确定上限是其中一条的还是共用的" };
  if (rules.every((r) => r.shape === "once" && r.direction === "扣" && r.amount !== undefined)) {
    // 「被省级通报批评的扣3分，被市级通报批评的扣2分」「亮黄牌扣1分,红牌扣2分」: grades of one finding without a count word —
    // once each, or each time? (as 各/分别 are refused)
    // (「能及时报告…的扣5分,不及时报告…的扣10分」: a condition and its negation are two rules — qlhl-08/09)
    const ending = sharedEnding(conditions.map(className));
    const negated = new Set(conditions.map((c) => /未|不|没有|无/.test(c)));
    if (ending !== "" && negated.size === 1) return { reason: `条文的几个分值是「${ending}」的不同类别，没有写计数单位，未能确定是一次性扣分还是按次扣分` };
    return { bodies: rules.map((r) => r.body) };
  }
  return { reason: "条文有几个分值（一次性得分，或按次与一次性并存），未能确定它们是几条规则还是分类计分" };
}
