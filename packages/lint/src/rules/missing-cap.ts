/**
 * missing-cap: a deduction that grows with a count (per occurrence, per person, per compound unit,
 * per category) or with a measured value beyond a base (每超 … without a 高于 cut-off), with no cap
 * of its own and none from an enclosing 合计 / 就高 group or 减分 section.
 *
 * Two risks, two severities.  A deduction nothing bounds — 倒扣 (it goes on into the parent and the
 * total) or a 减分 section without a cap — is a warning (the rule's level).  A deduction its indicator
 * already bounds (扣完为止: the indicator stays within [0, points]) is what real clauses mean when
 * they write no cap, so it is reported as a hint (建议) at most, with the worst case and a fix that writes the
 * 扣完为止 out (上限 本项分值).  That fix is safe — applied by --fix — when the indicator cannot start
 * above its points (no children or awards adding up to more), so that the cap never binds before the
 * indicator's floor; otherwise it is a suggestion.
 *
 * A rule whose clause states a cap (最多扣 X 分) is left to clause-mismatch, which reports the
 * missing cap with the clause's own number.
 *
 * Bounded bodies are not reported: one-shot, 不得分, bands, shortfall (bounded by its target),
 * 基准…每低 (bounded by its base), discretion once per rule (bounded by its range), scores; 每次 酌情
 * grows with the occurrences like 每次 扣.  Rules of a 就高
 * group cannot carry their own cap (KP2016), so an uncapped 就高 group is reported once, at 就高.
 */
import type { Fix, HighestGroup, IndicatorModel, RuleModel } from "@kaoping/core";
import { clauseNumbers } from "../clause.js";
import { suggestion } from "../fixes.js";
import type { Finding, LintContext, LintRule } from "../rule.js";
import { ceilDiv, countedNoun, fmt, insertCapEdit, unitWords } from "../util.js";

/** How an unbounded deduction grows, for messages. */
interface Growth {
  /** 每次扣 0.5 分 */
  how: string;
  /** The largest amount of one step. */
  unit: number;
  /** How many steps reach `points`: 「8 次」, 「超过基准 8 岁」. */
  reach(points: number): string;
}

/** How a deduction rule grows without bound, or undefined when it is bounded by its body. */
export function unboundedGrowth(rule: RuleModel): Growth | undefined {
  if (rule.effect !== "deduct") return undefined;
  const b = rule.body;
  switch (b.kind) {
    case "per": {
      const unit = Math.max(b.amount, ...b.overrides.map((o) => o.amount));
      const noun = countedNoun(rule);
      const compound = b.nouns.length > 1;
      return {
        how: `${unitWords(rule)}扣 ${fmt(unit)} 分`,
        unit,
        reach: (p) => `${compound ? "累计 " : ""}${ceilDiv(p, unit)} ${noun}`,
      };
    }
    case "categories": {
      if (b.categories.length === 0) return undefined;
      const worst = b.categories.reduce((a, c) => (c.amount > a.amount ? c : a));
      const least = Math.min(...b.categories.map((c) => c.amount));
      const range = least === worst.amount ? fmt(least) : `${fmt(least)}～${fmt(worst.amount)}`;
      return {
        how: `${rule.node.body?.kind === "Per" ? unitWords(rule) : "每次"}按分类扣 ${range} 分`,
        unit: worst.amount,
        reach: (p) => `最重的「${worst.name}」${ceilDiv(p, worst.amount)} ${b.noun}`,
      };
    }
    case "discretion": {
      // 每次 酌情 扣 A 至 B grows with the occurrences; once per rule it is bounded by its range
      if (b.noun === undefined || b.max <= 0) return undefined;
      return {
        how: `每${b.noun}酌情扣 ${fmt(b.min)} 至 ${fmt(b.max)} 分`,
        unit: b.max,
        reach: (p) => `按每${b.noun} ${fmt(b.max)} 分计，${ceilDiv(p, b.max)} ${b.noun}`,
      };
    }
    case "linear": {
      // awards, and two-sided rules (their deduction is bounded by the item: 扣完为止)
      if (b.action === "award" || b.other) return undefined;
      if (b.cutoff?.direction === b.direction) return undefined;
      if (b.step.raw <= 0) return undefined;
      // Values do not go below 0, so 基准…每低 deducts at most (base ÷ step) steps: bounded.
      if (b.direction === "below") return undefined;
      const measure = b.step.percent || b.step.measure === "百分点" ? "个百分点" : (b.step.measure ?? "");
      const unitWord = measure ? ` ${measure}` : "";
      const side = b.direction === "above" ? "超过" : "低于";
      return {
        how: `${b.word} ${fmt(b.step.raw)}${unitWord}扣 ${fmt(b.amount)} 分`,
        unit: b.amount,
        reach: (p) => `${side}基准 ${fmt(ceilDiv(p, b.amount) * b.step.raw)}${unitWord}`,
      };
    }
    default:
      return undefined;
  }
}

/** Whether something above the rule caps it: its own cap, its group's, its 减分 section's. */
export function capOf(rule: RuleModel): number | undefined {
  if (rule.cap !== undefined) return rule.cap;
  if (rule.group?.cap !== undefined) return rule.group.cap;
  if (rule.owner.kind !== "indicator" && rule.owner.cap !== undefined) return rule.owner.cap;
  return undefined;
}

/**
 * The worst case of an unbounded rule against what it deducts from, and the cap a fix may add:
 * `fixPoints` is set only when the indicator bounds the deduction (扣完为止), `safe` when adding that
 * cap cannot change a score.
 */
function worstCase(rule: RuleModel, g: Growth): { worst: string; fixPoints?: number; safe?: boolean } | undefined {
  const owner = rule.owner;
  if (owner.kind !== "indicator") return { worst: `${ownerKindWord(owner.kind)}「${owner.name}」在基本分之外扣分，没有上限时扣分没有止境` };
  if (owner.points <= 0) return undefined;
  const reach = `${g.reach(owner.points)}即扣满本项 ${fmt(owner.points)} 分`;
  if (rule.overdraft) {
    const parent = owner.parent;
    return { worst: parent ? `${reach}，且规则写了「倒扣」，还会继续扣上级指标「${parent.name}」的分` : `${reach}，且规则写了「倒扣」，扣分没有止境` };
  }
  // 可减免 applies after the rule's cap: a cap written out changes what is left after the reduction
  const reducible = rule.waivers.some((w) => w.mode === "reduce");
  return { worst: `${reach}，再多也只能扣完为止`, fixPoints: owner.points, safe: startsWithinPoints(owner) && !reducible };
}

/**
 * Whether an indicator can never start above its points: a leaf without awards starts from its
 * points; otherwise it starts from its children's scores plus its awards, which stay within its
 * points when their maxima add up to no more.  Then a deduction capped at the points takes the
 * indicator to 0 exactly when the uncapped one does, and a cap of 本项分值 changes no score.
 */
export function startsWithinPoints(ind: IndicatorModel): boolean {
  const awards = ind.rules.filter((r) => r.effect === "award");
  if (ind.children.length === 0 && awards.length === 0) return true;
  let sum = 0;
  for (const c of ind.children) sum += c.points;
  for (const r of awards) {
    if (r.maxAward === undefined || r.maxAward < 0) return false;
    sum += r.maxAward;
  }
  return sum <= ind.points;
}

/** A fix that writes 扣完为止 out: safe when it cannot change a score, else a suggestion. */
function capFix(fix: Fix, safe: boolean | undefined): Fix {
  return safe ? fix : suggestion(fix);
}

function check(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  const reportedGroups = new Set<HighestGroup>();
  for (const rule of ctx.catalogue.rules) {
    if (capOf(rule) !== undefined) continue;
    // The clause states a cap (最多扣 0.1 分): clause-mismatch reports the missing cap with the
    // clause's number; offering 上限 本项分值 here would write a cap the clause contradicts.
    if (rule.group?.kind !== "highest" && clauseNumbers(rule.clause).some((n) => n.cap)) continue;
    const g = unboundedGrowth(rule);
    if (!g) continue;
    if (rule.group?.kind === "highest") {
      // Rules of a 就高 group take the group's cap (KP2016): report the group once, with its worst rule.
      const node = rule.group.node as HighestGroup;
      if (reportedGroups.has(node)) continue;
      reportedGroups.add(node);
      const unbounded = rule.group.rules.flatMap((r) => {
        const gr = unboundedGrowth(r);
        return gr ? [{ r, gr }] : [];
      });
      const top = unbounded.reduce((a, b) => (b.gr.unit > a.gr.unit ? b : a));
      const wc = worstCase(top.r, top.gr);
      if (!wc) continue;
      const names = unbounded.map((u) => `「${u.r.name}」`).join("");
      const kwEnd = node.span.start.offset + "就高".length;
      const fixes: Fix[] =
        wc.fixPoints !== undefined && ctx.text(rule.file).slice(node.span.start.offset, kwEnd) === "就高"
          ? [capFix({ title: `给就高组加上限 ${fmt(wc.fixPoints)}（本项分值）`, edits: [{ file: rule.file, start: kwEnd, end: kwEnd, newText: ` 上限 ${fmt(wc.fixPoints)}` }] }, wc.safe)]
          : [];
      out.push({
        file: rule.file,
        span: ctx.span(rule.file, node.span.start.offset, kwEnd),
        args: [`就高组中的规则${names}`, unbounded.length > 1 ? `按次扣分（最重的「${top.r.name}」${top.gr.how}）` : top.gr.how, wc.worst],
        fixes,
        ...(wc.fixPoints !== undefined ? { maxSeverity: "hint" as const } : {}),
      });
      continue;
    }
    const wc = worstCase(rule, g);
    if (!wc) continue;
    out.push({
      file: rule.file,
      span: rule.node.body!.span,
      args: [`规则「${rule.name}」`, g.how, wc.worst],
      fixes: wc.fixPoints !== undefined ? [capFix({ title: `加上限 ${fmt(wc.fixPoints)}（本项分值，即扣完为止）`, edits: [insertCapEdit(rule, wc.fixPoints)] }, wc.safe)] : [],
      // A deduction the indicator bounds (扣完为止) is not the risk of one nothing bounds: a hint
      // (editors show it as a faint mark, not a squiggle under every per-occurrence rule).
      ...(wc.fixPoints !== undefined ? { maxSeverity: "hint" as const } : {}),
    });
  }
  return out;
}

function ownerKindWord(kind: "bonus" | "penalty"): string {
  return kind === "bonus" ? "加分项" : "减分项";
}

export const missingCap: LintRule = {
  id: "missing-cap",
  code: "KP3001",
  defaultSeverity: "warning",
  title: "扣分没有上限",
  doc: {
    description:
      "按次、按人次、按复合单位（每村每次）、按分类计次，或按超出基准的幅度（每超……，且没有「高于」截断）扣分的规则，扣分会随次数无限增长。" +
      "规则本身没有「上限」，所在的「合计」「就高」组或「减分」项也没有上限时报告，并说明最坏情况。" +
      "没有任何东西截住的扣分——写了「倒扣」的规则、没有上限的减分项——按本规则的级别（默认警告）报告；" +
      "本项分值已经截住的扣分（扣完为止，条文没写上限时正是这个意思）风险不同，最多只作建议（hint，编辑器中只显示淡淡的标记），修复在规则末尾加「上限 本项分值」把扣完为止写明（就高组加在「就高」上）。" +
      "一次性扣分、不得分、分段、至少……每少（以目标次数为限）、基准……每低（以基准为限）、酌情扣分都有天然的上限，不报告。",
    bad: '指标 「信息工作」 2分 {\n  规则 「信息约稿」 「未完成信息约稿的，每次扣0.1分」\n    每次 扣 0.1\n}',
    good: '指标 「信息工作」 2分 {\n  规则 「信息约稿」 「未完成信息约稿的，每次扣0.1分」\n    每次 扣 0.1 上限 2\n}',
  },
  check,
};
