/**
 * What a checked rule gives and takes, from its model: the most it can award or deduct, the facts it
 * takes (keyed as in facts files), whether it is an award, and how intervals are written.  Used by
 * the checker (points derived from awards, facts per rule) and by the compiler, the linter and the
 * editor.
 */
import type * as A from "../ast.js";
import type * as M from "../model.js";
import { kpFormat } from "../runtime/decimal.js";

/** A ranking rule that ranks by a computed score (an indicator's, or the total): it takes no fact. */
export function computedRank(r: M.RuleModel): boolean {
  return r.body.kind === "ranked" && r.node.body?.kind === "Ranked" && r.node.body.by !== "fact";
}

export function isAward(node: A.RuleBody, body: M.RuleBodyModel): boolean {
  if (node.kind === "Per" || node.kind === "OneShot" || node.kind === "Discretion" || node.kind === "Rated") return node.action === "award";
  if (node.kind === "Committee") return true;
  if (body.kind === "linear") return body.action === "award" && !body.other;
  if (body.kind === "bands") return body.bands.some((b) => b.outcome.kind === "award") || body.missing?.kind === "award";
  return body.kind === "assessed" || body.kind === "rate" || body.kind === "proportional" || body.kind === "ranked";
}

/** Whether a rule body (checked or not) gives points: what its indicator's points may be derived from. */
export function mayAward(b: A.RuleBody): boolean {
  switch (b.kind) {
    case "Per":
    case "OneShot":
    case "Discretion":
    case "Rated":
      return b.action === "award";
    case "Committee":
      return true;
    case "Bands":
      return b.bands.some((x) => x.outcome?.action === "award");
    case "Linear":
      return b.action === "award" && !b.other;
    case "Assessed":
    case "Rate":
    case "Proportional":
    case "Ranked":
      return true;
    default:
      return false;
  }
}

/** Whether a rule body may end in 不得分 (which takes the whole indicator) or a veto. */
export function mayZero(b: M.RuleBodyModel): boolean {
  return b.kind === "zero" || b.kind === "veto" || (b.kind === "bands" && hasZero(b)) || (b.kind === "linear" && b.cutoff?.outcome.kind === "zero");
}

/** The most a deduction rule can take before any waiver, when its body and cap say; undefined when unbounded there. */
export function ruleMaxDeduction(r: M.RuleModel): M.Raw | undefined {
  const b = r.body;
  let m: M.Raw | undefined;
  if (b.kind === "once") m = Math.max(b.amount, ...b.overrides.map((o) => o.amount));
  else if (b.kind === "discretion" && b.noun === undefined) m = b.max;
  else if (b.kind === "bands" && !hasZero(b) && !b.bands.some((x) => x.steps)) m = Math.max(0, ...b.bands.map((x) => (x.outcome.kind === "deduct" ? x.outcome.amount : 0)), b.missing?.kind === "deduct" ? b.missing.amount : 0);
  if (m !== undefined && r.multipliers.some((x) => x.factor === "double")) m *= 2;
  if (r.cap !== undefined) m = m === undefined ? r.cap : Math.min(m, r.cap);
  return m;
}

export function hasZero(b: Extract<M.RuleBodyModel, { kind: "bands" }>): boolean {
  return b.bands.some((x) => x.outcome.kind === "zero") || b.missing?.kind === "zero";
}

/** An indicator's points for units of a class (its per-class points, or its points). */
export function pointsFor(ind: M.IndicatorModel, unitClass: string): M.Raw {
  return ind.classPoints?.find((cp) => cp.unitClass === unitClass)?.points ?? ind.points;
}

/** The most an award rule can give; undefined when unbounded or not an award. */
export function maxAward(r: M.RuleModel): M.Raw | undefined {
  if (r.effect !== "award") return undefined;
  const b = r.body;
  let m: M.Raw | undefined;
  switch (b.kind) {
    case "once":
      m = Math.max(b.amount, ...b.overrides.map((o) => o.amount));
      break;
    case "bands":
      m = Math.max(0, ...b.bands.map((x) => (x.outcome.kind === "award" ? x.outcome.amount : 0)), b.missing?.kind === "award" ? b.missing.amount : 0);
      break;
    case "assessed":
    case "rate":
    case "proportional":
    case "ranked":
    case "committee":
      m = b.max;
      break;
    case "discretion":
      m = b.noun === undefined ? b.max : undefined;
      break;
    case "rated":
      m = Math.max(0, ...b.outcomes.map((x) => x.amount));
      break;
    default:
      m = undefined;
  }
  if (r.cap !== undefined) m = m === undefined ? r.cap : Math.min(m, r.cap);
  if (m !== undefined && r.multipliers.some((x) => x.factor === "double")) m = undefined;
  return m;
}

/** The facts a rule takes, keyed as in facts files. */
export function factsOf(r: M.RuleModel): M.FactKey[] {
  const b = r.body;
  const inHighest = r.group?.kind === "highest";
  const out: M.FactKey[] = [];
  const name = r.name;
  switch (b.kind) {
    case "per":
      if (b.nouns.length === 1) out.push({ key: name, label: `${b.nouns[0]}数`, fact: { type: "count", noun: b.nouns[0]!, incidents: inHighest }, optional: true });
      else {
        for (const n of b.nouns) out.push({ key: `${name}.${n}`, label: `${n}数`, fact: { type: "count", noun: n, incidents: false }, optional: true });
        // or, when the count differs per item: each item's count under the rule's own name
        const [item, noun] = [b.nouns[0]!, b.nouns.slice(1).join("")];
        out.push({ key: name, label: `各${item}的${noun}数（逐项填写）`, fact: { type: "items", item, noun }, optional: true });
      }
      break;
    case "categories":
      for (const c of b.categories)
        out.push({ key: `${name}.${c.name}`, label: `${c.name}的${b.noun}数`, fact: { type: "count", noun: b.noun, incidents: inHighest }, optional: true });
      break;
    case "once":
      if (b.otherwise) out.push({ key: name, label: "是否完成（是/否，须填写：否则扣分）", fact: { type: "flag", incident: false }, optional: false });
      // In a 就高 group an award is per item: yes, or the item's id (the same id in several rules is one item).
      else if (r.effect === "award" && inHighest) out.push({ key: name, label: "是否获得（或事项编号）", fact: { type: "flag", incident: true }, optional: true });
      else if (r.effect === "award") out.push({ key: name, label: "是否完成（或酌情给的分）", fact: { type: "award", max: Math.max(b.amount, ...b.overrides.map((o) => o.amount)) }, optional: true });
      else out.push({ key: name, label: "是否发生", fact: { type: "flag", incident: inHighest }, optional: true });
      break;
    case "zero":
    case "veto":
      out.push({ key: name, label: "是否发生", fact: { type: "flag", incident: false }, optional: true });
      break;
    case "bands":
      // In a 加分 section a value not given means nothing claimed, so no bonus (the bands are not
      // looked at; so for 按评价/按比率 there); in an indicator it is required unless the bands say
      // what 未报送 costs.
      out.push({
        key: name,
        label: (b.percent ? "数值（百分数）" : "数值") + (b.signed ? "，可为负数" : ""),
        fact: b.signed ? { type: "value", percent: b.percent, integer: false, missing: b.missing !== undefined, signed: true } : { type: "value", percent: b.percent, integer: false, missing: b.missing !== undefined },
        optional: b.missing !== undefined || r.owner.kind === "bonus",
      });
      break;
    case "linear": {
      // In a 加分 section a value not given means nothing claimed (no award).
      const optional = r.owner.kind === "bonus" && !b.baseFrom;
      const noun = b.base.percent ? undefined : (b.base.measure ?? b.step.measure);
      const value: M.FactType = { type: "value", percent: b.base.percent, integer: false, missing: false };
      if (noun) value.noun = noun;
      out.push({ key: name, label: b.base.percent ? "数值（百分数）" : "数值", fact: b.baseFrom ? value : { type: "value", percent: b.base.percent, integer: false, missing: false }, optional });
      if (b.baseFrom === "target") out.push({ key: `${name}.目标值`, label: b.base.percent ? "目标值（百分数）" : "目标值", fact: value, optional: false });
      break;
    }
    case "shortfall": {
      const noun = b.target.measure ?? "次";
      out.push({ key: name, label: `实际完成的${noun}数`, fact: { type: "value", percent: false, integer: true, missing: false, noun }, optional: false });
      break;
    }
    case "assessed":
      if (b.scale !== undefined)
        out.push({ key: name, label: `评价得分（满分 ${kpFormat(b.scale)}，折算为 ${kpFormat(b.max)}）`, fact: { type: "score", max: b.max, scale: b.scale }, optional: r.owner.kind === "bonus" });
      else out.push({ key: name, label: "评价得分", fact: { type: "score", max: b.max }, optional: r.owner.kind === "bonus" });
      break;
    case "rated": {
      const names = b.outcomes.map((o) => o.name);
      out.push({ key: name, label: `评定结果（${names.join("、")}）`, fact: { type: "outcome", names }, optional: r.owner.kind === "bonus" });
      break;
    }
    case "rate":
      out.push({ key: name, label: "比率（百分数）", fact: { type: "rate" }, optional: r.owner.kind === "bonus" });
      break;
    case "ranked":
      if (computedRank(r)) break;
      out.push({ key: name, label: "用于比较的数值", fact: { type: "value", percent: false, integer: false, missing: false }, optional: false });
      break;
    case "proportional":
      out.push({ key: name, label: "用于比较的数值", fact: { type: "value", percent: false, integer: false, missing: false }, optional: false });
      break;
    case "discretion": {
      const word = r.effect === "award" ? "酌情得分" : "酌情扣分";
      if (b.noun !== undefined) out.push({ key: name, label: `每${b.noun}的${word}`, fact: { type: "amounts", min: b.min, max: b.max, noun: b.noun }, optional: true });
      else if (r.effect === "award") out.push({ key: name, label: word, fact: { type: "amount", min: b.min, max: b.max, award: true }, optional: true });
      else out.push({ key: name, label: word, fact: { type: "amount", min: b.min, max: b.max }, optional: true });
      break;
    }
    case "committee":
      out.push({ key: name, label: "考核组评议的得分", fact: { type: "committee", max: b.max }, optional: true });
      break;
  }
  for (const m of r.multipliers)
    out.push({ key: `${name}.${m.flag}`, label: `是否${m.flag}（${m.factor === "double" ? "加倍" : "减半"}）`, fact: { type: "flag", incident: false }, optional: true });
  for (const w of r.waivers) {
    if (w.mode === "cancel") out.push({ key: `${name}.${w.flag}`, label: `是否${w.flag}（免扣）`, fact: { type: "flag", incident: false }, optional: true });
    else {
      const fact: M.FactType = { type: "reduce" };
      const max = ruleMaxDeduction(r);
      if (max !== undefined) fact.max = max;
      out.push({ key: `${name}.${w.flag}`, label: `${w.flag}时减免的分数`, fact, optional: true });
    }
  }
  if (b.kind === "per")
    for (const o of r.occurrences)
      out.push({ key: `${name}.${o.condition}`, label: `其中${o.condition}的${b.nouns[0]}数（${o.word}）`, fact: { type: "count", noun: b.nouns[0]!, incidents: false, within: name }, optional: true });
  if (b.kind === "categories")
    for (const o of r.occurrences)
      for (const c of b.categories)
        out.push({
          key: `${name}.${o.condition}.${c.name}`,
          label: `${c.name}中${o.condition}的${b.noun}数（${o.word}）`,
          fact: { type: "count", noun: b.noun, incidents: false, within: `${name}.${c.name}` },
          optional: true,
        });
  if (r.average && "fact" in r.average)
    out.push({ key: r.average.fact, label: `${r.average.fact}（按它平均的除数，正整数）`, fact: { type: "value", percent: false, integer: true, missing: false, positive: true }, optional: false });
  return out;
}

/** An interval as people write it: [75%, 100%), ≥ 98%. */
export function intervalText(iv: A.Interval): string {
  const t = (n: A.NumberLit | undefined, neg: boolean | undefined) => (n ? (neg && !/^[0.]+$/.test(n.text) ? "-" : "") + n.text + (n.percent ? "%" : "") : "?");
  if (iv.form === "bracket") return `${iv.lowerInclusive ? "[" : "("}${t(iv.lower, iv.lowerNegative)}, ${t(iv.upper, iv.upperNegative)}${iv.upperInclusive ? "]" : ")"}`;
  const upperForm = iv.form === "≤" || iv.form === "<";
  return `${iv.form} ${t(upperForm ? iv.upper : iv.lower, upperForm ? iv.upperNegative : iv.lowerNegative)}`;
}
