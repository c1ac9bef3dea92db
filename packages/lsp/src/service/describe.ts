/**
 * Rules and indicators in plain Chinese: what a rule means, the most it can deduct (or award), the
 * cap that really applies to it.  Used by hover and inlay hints.  All arithmetic is exact (raw
 * millionths, core's runtime).
 */
import { kpFormat, kpMulDiv, type IndicatorModel, type Raw, type RuleModel, type SectionModel } from "@kaoping/core";

const f = (raw: Raw) => kpFormat(raw);

/** What a rule does, as one Chinese sentence. */
export function ruleMeaning(r: RuleModel): string {
  const act = r.effect === "award" ? "得" : "扣";
  const b = r.body;
  let s: string;
  switch (b.kind) {
    case "per": {
      const units = b.nouns.map((n) => `每${n}`).join("");
      s = `${units}${act} ${f(b.amount)} 分`;
      if (b.nouns.length > 1) s += `（${b.nouns.join("数 × ")}数，或逐${b.nouns[0]}填写的${b.nouns.slice(1).join("")}数之和）`;
      s += overrides(b.overrides, act);
      break;
    }
    case "categories":
      s = `按分类每${b.noun}分别扣：${b.categories.map((c) => `「${c.name}」${f(c.amount)} 分`).join("、")}`;
      break;
    case "once":
      s = b.otherwise
        ? `完成得 ${f(b.amount)} 分，未完成${b.otherwise.overdraft ? "倒扣" : "扣"} ${f(b.otherwise.amount)} 分（否则：事实须填 是/否）`
        : r.effect === "award"
            ? r.group?.kind === "highest"
              ? `获得即得 ${f(b.amount)} 分`
              : `完成得 ${f(b.amount)} 分（也可由考评单位在 0 至 ${f(b.amount)} 分之间给分）`
          : `发生即扣 ${f(b.amount)} 分（只扣一次）`;
      s += overrides(b.overrides, act);
      break;
    case "zero":
      s = "发生时本项不得分（得 0 分）";
      break;
    case "bands": {
      const modeWord = (m: string) => (m === "floor" ? "不足一档不计" : m === "ceil" ? "不足一档按一档计" : m === "round" ? "不足一档四舍五入" : "不足一档按比例计");
      const steps = (x: (typeof b.bands)[number]) =>
        x.steps
          ? `，比 ${x.steps.from.text} 每${x.steps.direction === "below" ? "低" : "高"} ${x.steps.step.text}${x.steps.step.measure ? ` ${x.steps.step.measure}` : ""} 再扣 ${f(x.steps.amount)} 分（${modeWord(x.steps.mode)}）`
          : "";
      const parts = b.bands.map((x) => `${x.text} ${outcome(x.outcome)}${steps(x)}`);
      if (b.missing) parts.push(`未报送 ${outcome(b.missing)}`);
      s = `按数值所在区间${b.signed ? "（数值可为负数）" : ""}：${parts.join("；")}`;
      if (b.mayGoNegative) s += "；得分减到 0 以下的部分从本项扣除";
      break;
    }
    case "linear": {
      const modeText = (m: string) => (m === "floor" ? "不足一档不计" : m === "ceil" ? "不足一档按一档计" : m === "round" ? "不足一档四舍五入" : "不足一档按比例计");
      const side = (word: string, step: { text: string; measure?: string }, action: string, amount: Raw, mode: string, cap: Raw | undefined) =>
        `${word} ${step.text}${step.measure ? ` ${step.measure}` : ""} ${action === "award" ? "得" : "扣"} ${f(amount)} 分（${modeText(mode)}）${cap !== undefined ? `，最多${action === "award" ? "加" : "扣"} ${f(cap)} 分` : ""}`;
      const base =
        b.baseFrom === "average"
          ? "以各单位数值的平均值"
          : b.baseFrom === "median"
            ? "以各单位数值的中位数"
            : b.baseFrom === "target"
              ? "以本单位的目标值"
              : `以 ${b.base.text} `;
      s = `${base}为基准，${side(b.word, b.step, b.action, b.amount, b.mode, b.sideCap)}`;
      if (b.other) {
        s += `；${side(b.other.word, b.other.step, b.other.action, b.other.amount, b.other.mode, b.other.cap)}`;
        s += "；达到基准得本项分值，加分可超出本项分值，扣分以本项分值为限";
      }
      if (b.cutoff) s += `；${b.cutoff.direction === "below" ? "低于" : "高于"} ${b.cutoff.value.text} ${outcome(b.cutoff.outcome)}`;
      break;
    }
    case "shortfall": {
      const noun = b.target.measure ?? "次";
      s = `至少 ${b.target.text} ${noun}，每少 ${b.step.text} ${noun}扣 ${f(b.amount)} 分`;
      break;
    }
    case "assessed":
      s =
        b.scale !== undefined
          ? `按评价结果折算：得分 = 评价结果（0 至 ${f(b.scale)}）× ${f(b.max)} ÷ ${f(b.scale)}`
          : `按评价结果得分（0 至 ${f(b.max)} 分）`;
      break;
    case "rated":
      s = `按评定结果${act}分：${b.outcomes.map((o) => `评为「${o.name}」${act} ${f(o.amount)} 分${o.text === f(o.amount) ? "" : `（${o.text}）`}`).join("、")}`;
      break;
    case "rate":
      s = `得分 = 满分 ${f(b.max)} 分 × 比率`;
      break;
    case "proportional":
      s = `得分 = 满分 ${f(b.max)} 分 × 本单位数值 ÷ 各单位中的最高数值`;
      break;
    case "ranked": {
      const by = b.by.kind === "indicator" ? `按指标「${b.by.indicator.name}」的得分排名，` : b.by.kind === "total" ? "按加分、减分之前的总分排名，" : "";
      const order = b.lowerIsBetter ? (b.by.kind === "fact" ? "（数值越低名次越前）" : "（越低名次越前）") : "";
      if (b.table) {
        const places = b.table.map((x, i) => `第 ${i + 1} 名 ${f(x)} 分`).join("、");
        s = `${by}依次得分：${places}，其后的名次${b.rest ? `得 ${f(b.rest)} 分` : "不得分"}；同分同名次${order}`;
      } else s = `${by}第 1 名得满分 ${f(b.max)} 分，名次每后退一位扣 ${f(b.step)} 分${order}`;
      break;
    }
    case "discretion":
      s = b.noun !== undefined ? `每${b.noun}由考评单位酌情${act} ${f(b.min)} 至 ${f(b.max)} 分（每${b.noun}各给一个分数）` : `由考评单位酌情${act} ${f(b.min)} 至 ${f(b.max)} 分`;
      break;
    case "committee":
      s = `由考核组评议给分，0 至 ${f(b.max)} 分`;
      break;
    case "veto":
      s = b.level === "fail" ? "一票否决：考评结果为最低等次" : "一票否优：不能评为最高等次";
      break;
  }
  if (r.cap !== undefined) s += `，最多${act} ${f(r.cap)} 分`;
  if (r.overdraft) s += b.kind === "once" && b.otherwise ? "；未完成的扣分可扣到本指标分值之外（倒扣，从上级指标中扣）" : "；可扣到本指标分值之外（倒扣，从上级指标中扣）";
  if (b.kind === "once" && b.otherwise && r.owner.kind === "bonus") s += "；未完成的扣分从总分中扣，不受加分上限限制";
  for (const o of r.occurrences) s += `；其中「${o.condition}」的按 ${f(o.factor)} 倍计（${o.word}）`;
  if (r.average) s += "fact" in r.average ? `；按单位的「${r.average.fact}」平均（除以它）` : `；按 ${r.average.value} 平均（除以 ${r.average.value}）`;
  for (const m of r.multipliers) s += `；「${m.flag}」时${m.factor === "double" ? "加倍" : "减半"}`;
  for (const w of r.waivers) s += w.mode === "cancel" ? `；「${w.flag}」时不扣分（免扣）` : `；「${w.flag}」时可由考评单位减免，减免 0 至本规则的扣分`;
  if (r.appliesTo) s += `；只适用于${r.appliesTo.map((c) => `「${c}」`).join("、")}`;
  if (r.group?.kind === "choice") {
    const others = r.group.rules.filter((x) => x !== r).map((x) => `「${x.name}」`);
    if (others.length > 0) s += `；择一：与${others.join("、")}只能有一种发生`;
  }
  if (r.group?.kind === "highest" && r.owner.kind === "bonus") s += "；就高：同一事项获多级的，只按最高级别加分，不累加";
  return s;
}

function overrides(list: { unitClass: string; amount: Raw }[], act: string): string {
  return list.map((o) => `；「${o.unitClass}」${act} ${f(o.amount)} 分`).join("");
}

function outcome(o: { kind: "deduct" | "award" | "zero"; amount?: Raw }): string {
  if (o.kind === "zero") return "不得分";
  return `${o.kind === "award" ? "得" : "扣"} ${f(o.amount ?? 0)} 分`;
}

/** What limits a rule's deduction. */
export type BoundSource = "amount" | "cap" | "group" | "section" | "indicator" | "none";

/** The most a rule can deduct, and what sets that limit. */
export interface DeductionBound {
  /** Undefined when nothing limits it (only with 倒扣 or in an uncapped penalty section). */
  raw?: Raw;
  by: BoundSource;
  /** The rule's own deduction has no limit (per occurrence, per step …) before caps. */
  unboundedAlone: boolean;
}

/** Points of the rule's owner (an indicator's points, a section's cap). */
function ownerPoints(r: RuleModel): Raw | undefined {
  return r.owner.kind === "indicator" ? r.owner.points : r.owner.cap;
}

/** The most the rule's body alone can deduct (before any cap); undefined = no limit. */
export function bodyMaxDeduction(r: RuleModel): Raw | undefined {
  const b = r.body;
  let m: Raw | undefined;
  switch (b.kind) {
    case "per":
    case "categories":
      m = undefined;
      break;
    case "once":
      m = b.otherwise ? b.otherwise.amount : Math.max(b.amount, ...b.overrides.map((o) => o.amount));
      break;
    case "rated":
      m = r.effect === "deduct" ? Math.max(0, ...b.outcomes.map((o) => o.amount)) : 0;
      break;
    case "zero":
      m = ownerPoints(r);
      break;
    case "bands": {
      const outs = [...b.bands.map((x) => x.outcome), ...(b.missing ? [b.missing] : [])];
      if (outs.some((o) => o.kind === "zero")) m = ownerPoints(r);
      else if (b.bands.some((x) => x.steps)) m = b.mayGoNegative ? ownerPoints(r) : undefined; // grows per step: bounded by the item
      else m = Math.max(0, ...outs.map((o) => (o.kind === "deduct" ? o.amount : 0)));
      break;
    }
    case "linear":
      if (b.cutoff?.outcome.kind === "zero") m = ownerPoints(r);
      else if (b.other) m = b.other.action === "deduct" ? b.other.cap : b.sideCap; // else bounded by the item
      else if (b.action === "award") m = 0;
      else if (b.baseFrom) m = undefined;
      else if (b.direction === "below" && b.step.raw > 0)
        m = kpMulDiv(b.base.raw, b.amount, b.step.raw); // the value is ≥ 0
      else m = undefined;
      break;
    case "shortfall":
      m = b.step.raw > 0 ? kpMulDiv(b.target.raw, b.amount, b.step.raw) : undefined;
      break;
    case "discretion":
      m = b.noun === undefined ? b.max : undefined;
      break;
    default:
      m = 0; // awards and vetoes deduct nothing themselves
  }
  if (m !== undefined && r.multipliers.some((x) => x.factor === "double")) m *= 2;
  return m;
}

/** The worst case of a deduction rule: the most it can take from a unit, and why. */
export function deductionBound(r: RuleModel): DeductionBound {
  const alone = bodyMaxDeduction(r);
  let best: { raw: Raw; by: BoundSource } | undefined = alone === undefined ? undefined : { raw: alone, by: "amount" };
  // On a tie the enclosing limit is named (「不得分」 takes exactly the indicator's points).
  const take = (raw: Raw | undefined, by: BoundSource) => {
    if (raw !== undefined && (best === undefined || raw <= best.raw)) best = { raw, by };
  };
  take(r.cap, "cap");
  take(r.group?.cap, "group");
  if (r.owner.kind === "indicator") {
    if (!r.overdraft) take(r.owner.points, "indicator");
  } else take(r.owner.cap, "section");
  const out: DeductionBound =
    best === undefined ? { by: "none", unboundedAlone: true } : { raw: best.raw, by: best.by, unboundedAlone: alone === undefined };
  return out;
}

/** One line about the worst case, e.g. 「最多扣 4 分（本指标分值）」. */
export function worstCaseText(r: RuleModel): string {
  if (r.effect === "veto") return r.body.kind === "veto" && r.body.level === "fail" ? "最坏情况：一票否决" : "最坏情况：不能评为最高等次";
  if (r.effect === "award") {
    if (r.maxAward !== undefined) return `最多得 ${f(r.maxAward)} 分`;
    if (r.owner.kind === "indicator") return `最多得 ${f(r.owner.points)} 分（指标「${r.owner.name}」的分值）`;
    return r.owner.cap !== undefined
      ? `最多得 ${f(r.owner.cap)} 分（${r.owner.kind === "bonus" ? "加分项" : "减分项"}上限）`
      : "最多得分：不设上限";
  }
  const b = deductionBound(r);
  if (b.raw === undefined) return "最多扣分：不设上限（倒扣）";
  const why: Record<BoundSource, string> = {
    amount: "",
    cap: "（本规则上限）",
    group: r.group?.kind === "highest" ? "（就高组上限）" : "（合计上限）",
    section: "（减分项上限）",
    indicator: `（指标「${r.owner.name}」的分值${r.owner.kind === "indicator" && r.owner.classPoints ? `；${r.owner.classPoints.map((cp) => `「${cp.unitClass}」${f(cp.points)} 分`).join("、")}` : ""}）`,
    none: "",
  };
  const worst = `最多扣 ${f(b.raw)} 分${why[b.by]}`;
  if (r.body.kind === "linear" && r.body.other) {
    const cap = r.body.action === "award" ? r.body.sideCap : r.body.other.cap;
    return `${worst}；${cap === undefined ? "高于基准的加分不设上限" : `高于基准最多另加 ${f(cap)} 分`}（可超出本项分值）`;
  }
  return worst;
}

/**
 * The sum of an indicator's parts: its children's points, or its award rules' maxima (a 择一 group
 * counts once, at its largest alternative).
 */
export function childrenSum(ind: IndicatorModel): Raw | undefined {
  if (ind.children.length > 0) return ind.children.reduce((s, c) => s + c.points, 0);
  const awards = ind.rules.filter((r) => r.effect === "award");
  if (awards.length === 0 || awards.some((r) => r.maxAward === undefined)) return undefined;
  let sum = 0;
  const choice = new Map<unknown, Raw>();
  for (const r of awards) {
    if (r.group?.kind === "choice") choice.set(r.group, Math.max(choice.get(r.group) ?? 0, r.maxAward ?? 0));
    else sum += r.maxAward ?? 0;
  }
  for (const m of choice.values()) sum += m;
  return sum;
}

/** The name of a rule's owner, as people say it. */
export function ownerLabel(owner: IndicatorModel | SectionModel): string {
  if (owner.kind === "indicator") return `指标「${owner.name}」（${f(owner.points)} 分）`;
  return `${owner.kind === "bonus" ? "加分项" : "减分项"}「${owner.name}」${owner.cap !== undefined ? `（上限 ${f(owner.cap)} 分）` : ""}`;
}

export { f as formatPoints };
