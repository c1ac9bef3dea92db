/**
 * Rule bodies: the AST of a rule's scoring (每次, 分段, 按评价, 线性, 排名 …) → its checked model, with
 * the body's own checks (categories and classes named once, bands ordered and disjoint, steps in the
 * base's unit, places in order …).  Placement, modifiers and the facts a rule takes stay in checker.ts.
 */
import type * as A from "../ast.js";
import type * as M from "../model.js";
import { kpFormat, kpMulDiv } from "../runtime/decimal.js";
import { nameKey } from "../text/names.js";
import type { NumberReader, Report } from "./numbers.js";
import { intervalText } from "./rule-model.js";

/** What a body's check needs from the checker. */
export interface BodyContext {
  report: Report;
  num: NumberReader;
  /** Class references, as declared (KP2001 for one not declared). */
  classes(names: readonly A.StringLit[]): string[];
  /** The indicator or section whose rule is being checked. */
  owner(): M.IndicatorModel | M.SectionModel | undefined;
}

export class BodyChecker {
  constructor(private readonly ctx: BodyContext) {}

  private get num(): NumberReader {
    return this.ctx.num;
  }

  body(b: A.RuleBody, ruleName: string): M.RuleBodyModel | undefined {
    switch (b.kind) {
      case "Per":
      case "OneShot": {
        if (!b.amounts) return undefined;
        if (b.amounts.kind === "Categories") {
          if (b.kind === "OneShot") {
            this.oneShotCategories(b, ruleName);
            return undefined;
          }
          const categories: { name: string; amount: M.Raw }[] = [];
          const names = new Set<string>();
          for (const e of b.amounts.entries) {
            if (!e.name) continue;
            if (names.has(nameKey(e.name.value))) {
              this.ctx.report("KP2019", e.name.span, [ruleName, e.name.value]);
              continue;
            }
            names.add(nameKey(e.name.value));
            const v = this.num.amount(e.value, "扣分");
            if (v !== undefined) categories.push({ name: e.name.value, amount: v });
          }
          const noun = b.kind === "Per" ? b.units.map((u) => u.noun).join("") : "次";
          return { kind: "categories", noun, categories };
        }
        const amount = this.num.amount(b.amounts.value, b.action === "award" ? "得分" : "扣分");
        if (amount === undefined) return undefined;
        const overrides: { unitClass: string; amount: M.Raw }[] = [];
        const seen = new Set<string>();
        for (const o of b.amounts.overrides) {
          if (!o.unitClass) continue;
          const [unitClass] = this.ctx.classes([o.unitClass]);
          if (seen.has(nameKey(o.unitClass.value))) this.ctx.report("KP2020", o.unitClass.span, [o.unitClass.value]);
          seen.add(nameKey(o.unitClass.value));
          const v = this.num.amount(o.value, "扣分");
          if (v !== undefined) overrides.push({ unitClass: unitClass!, amount: v });
        }
        if (b.kind === "Per") return { kind: "per", nouns: b.units.map((u) => u.noun), amount, overrides };
        const once: M.RuleBodyModel = { kind: "once", amount, overrides };
        if (b.otherwise) {
          const e = b.otherwise;
          if (b.action !== "award") {
            this.ctx.report("KP2080", e.span, [ruleName, "「否则」只能跟在得分（得 …）之后：扣分规则的事实本就是「是否发生」"]);
            return undefined;
          }
          if (e.action === "award") {
            this.ctx.report("KP2080", e.span, [ruleName, "「否则」之后应是扣分：未完成时得分与「得 …」自相矛盾"]);
            return undefined;
          }
          const other = this.num.amount(e.amount, "扣分");
          if (other === undefined) return undefined;
          once.otherwise = { amount: other, overdraft: e.action === "overdraft" };
        }
        return once;
      }
      case "Zero":
        return { kind: "zero" };
      case "Todo":
        this.ctx.report("KP2120", b.span, [ruleName]);
        return undefined;
      case "Bands":
        return this.bands(b, ruleName);
      case "Linear":
        return this.linear(b, ruleName);
      case "Shortfall": {
        const target = b.target && this.num.quantity(b.target);
        const step = b.step && this.num.quantity(b.step);
        const amount = this.num.amount(b.amount, "扣分");
        if (!target || !step || amount === undefined) return undefined;
        for (const [q, n] of [
          [target, b.target!],
          [step, b.step!],
        ] as const) {
          if (q.percent || q.raw % 1000000 !== 0) this.ctx.report("KP2035", n.span, ["次数", "整数"]);
        }
        if (step.raw <= 0) this.ctx.report("KP2006", b.step!.span, ["步长", step.text]);
        return { kind: "shortfall", target, step, amount };
      }
      case "Assessed":
      case "Rate":
      case "Proportional": {
        const max = b.max ? this.num.amount(b.max, "满分") : undefined;
        const kind = b.kind === "Assessed" ? "assessed" : b.kind === "Rate" ? "rate" : "proportional";
        if (b.scale && b.kind !== "Assessed") {
          this.ctx.report("KP2081", b.scale.span, [ruleName, b.kind === "Rate" ? "按比率得分的事实是百分数" : "按最高比例得分与第 1 名相比"]);
          return undefined;
        }
        if (b.kind === "Assessed" && b.scale) {
          const scale = this.num.amount(b.scale, "原满分");
          if (scale === undefined) return undefined;
          return { kind: "assessed", max: max ?? -1, scale };
        }
        return { kind, max: max ?? -1 };
      }
      case "Rated":
        return this.rated(b, ruleName);
      case "Ranked": {
        // 按 「指标」 得分 排名 is resolved once every indicator is known (resolveRanks)
        const by: M.RankSource = b.by === "total" ? { kind: "total" } : { kind: "fact" };
        if (b.table) {
          if (b.max) this.ctx.report("KP2076", b.max.span, [ruleName]);
          const table: M.Raw[] = [];
          for (const t of b.table) {
            const v = this.num.amount(t, "名次的得分", true);
            if (v === undefined) return undefined;
            table.push(v);
          }
          if (table.length === 0) return undefined; // syntax error reported
          const rest = b.rest ? this.num.amount(b.rest, "其余名次的得分", true) : 0;
          if (rest === undefined) return undefined;
          const places = [...table, rest];
          for (let i = 1; i < places.length; i++) {
            if (places[i]! > places[i - 1]!) {
              const at = i < table.length ? b.table[i]! : b.rest!;
              this.ctx.report("KP2075", at.span, [ruleName, String(i), kpFormat(places[i - 1]!), i < table.length ? `第 ${i + 1} 名` : `其余名次（第 ${i + 1} 名起）`, kpFormat(places[i]!)]);
              return undefined;
            }
          }
          const out: M.RuleBodyModel = { kind: "ranked", max: table[0]!, step: 0, lowerIsBetter: b.lowerIsBetter, by, table };
          if (b.rest) out.rest = rest;
          return out;
        }
        const max = b.max ? this.num.amount(b.max, "满分") : undefined;
        const step = this.num.amount(b.step, "每后退一位的扣分");
        if (step === undefined) return undefined;
        return { kind: "ranked", max: max ?? -1, step, lowerIsBetter: b.lowerIsBetter, by };
      }
      case "Discretion": {
        const word = b.action === "award" ? "酌情得分" : "酌情扣分";
        const min = this.num.amount(b.min, `${word}的下限`, true);
        const max = this.num.amount(b.max, `${word}的上限`);
        if (min === undefined || max === undefined) return undefined;
        if (min > max) this.ctx.report("KP2031", b.span, [kpFormat(min), kpFormat(max)]);
        const out: M.RuleBodyModel = { kind: "discretion", min, max };
        if (b.unit) out.noun = b.unit.noun;
        return out;
      }
      case "Committee":
        return { kind: "committee", max: -1 }; // bounded in committeeBound, once the rule's cap is known
      case "Veto":
        return { kind: "veto", level: b.level };
    }
  }

  /**
   * `评为 「好」、「较好」 分别得 满分、80%`: names and values pair up in order; 满分 and a percentage are
   * shares of the item's declared points (the indicator being checked), resolved here, exactly.
   */
  private rated(b: A.RatedBody, ruleName: string): M.RuleBodyModel | undefined {
    const seen = new Set<string>();
    let ok = true;
    for (const n of b.names) {
      if (seen.has(nameKey(n.value))) {
        this.ctx.report("KP2082", n.span, [ruleName, n.value]);
        ok = false;
      }
      seen.add(nameKey(n.value));
    }
    if (b.names.length !== b.values.length) {
      this.ctx.report("KP2083", b.span, [ruleName, b.names.length, b.values.length]);
      return undefined;
    }
    const owner = this.ctx.owner();
    // a share of points that differ by class would differ by unit: not written as a share (KP2084)
    const byClass = owner?.kind === "indicator" && owner.classPoints !== undefined;
    const points = owner?.kind === "indicator" && owner.pointsDeclared && !byClass ? owner.points : undefined;
    const outcomes: { name: string; amount: M.Raw; text: string }[] = [];
    b.values.forEach((v, i) => {
      const name = b.names[i]!.value;
      const text = v.full ? "满分" : v.value ? v.value.text + (v.value.percent ? "%" : "") : "?";
      const share = v.full || v.value?.percent;
      if (share) {
        if (points === undefined) {
          const why = owner?.kind !== "indicator" ? "加分、减分项没有分值" : byClass ? `指标「${owner.name}」的分值因类别而异，请写分数` : `指标「${owner.name}」没有写分值`;
          this.ctx.report("KP2084", v.span, [ruleName, text, why]);
          ok = false;
          return;
        }
        let pct = 100_000_000;
        if (!v.full) {
          const q = this.num.quantity(v.value!);
          if (!q) {
            ok = false;
            return;
          }
          this.num.measure(v.value!, "份额", []);
          if (q.raw > 100_000_000) {
            this.ctx.report("KP2085", v.span, [ruleName, text]);
            ok = false;
            return;
          }
          pct = q.raw;
        }
        // points × pct / 100: both raw, so divide by 100 × 10^6 (rounds only beyond the sixth decimal)
        outcomes.push({ name, amount: kpMulDiv(points, pct, 100_000_000), text });
        return;
      }
      const a = this.num.amount(v.value, b.action === "award" ? "得分" : "扣分", true);
      if (a === undefined) {
        ok = false;
        return;
      }
      outcomes.push({ name, amount: a, text });
    });
    if (!ok) return undefined;
    return { kind: "rated", outcomes };
  }

  /**
   * A linear rule: one side (扣 or 得 per step beyond the base) or two (达到基准得本项分值, one side
   * awards and the other deducts); the base a number, or 平均值/中位数/目标值 (then the values are
   * percentages when the step is one, or in 个百分点).
   */
  private linear(b: A.LinearBody, ruleName: string): M.RuleBodyModel | undefined {
    const step = b.step && this.num.quantity(b.step);
    const amount = this.num.amount(b.amount, b.action === "award" ? "得分" : "扣分");
    let base: M.Quantity | undefined;
    if (b.baseFrom) {
      if (step) {
        const percent = step.percent || (step.measure !== undefined && /百分点/.test(step.measure));
        base = { raw: 0, percent, text: baseFromWord[b.baseFrom] };
        if (!percent && step.measure) base.measure = step.measure;
      }
    } else base = b.base && this.num.quantity(b.base);
    if (!base || !step || amount === undefined) return undefined;
    if (step.raw <= 0) this.ctx.report("KP2006", b.step!.span, ["步长", step.text]);
    if (!b.baseFrom) this.sameUnit("步长", step, b.step!, base);
    const out: Extract<M.RuleBodyModel, { kind: "linear" }> = {
      kind: "linear",
      direction: b.direction,
      word: b.word,
      base,
      step,
      amount,
      mode: b.mode ?? "proportional",
      action: b.action,
    };
    if (b.baseFrom) out.baseFrom = b.baseFrom;
    if (b.other) {
      const o = b.other;
      const oStep = o.step && this.num.quantity(o.step);
      const oAmount = this.num.amount(o.amount, o.action === "award" ? "得分" : "扣分");
      if (!oStep || oAmount === undefined) return undefined;
      if (oStep.raw <= 0) this.ctx.report("KP2006", o.step!.span, ["步长", oStep.text]);
      this.sameUnit("步长", oStep, o.step!, base);
      if (o.action === b.action || o.direction === b.direction) {
        this.ctx.report("KP2050", o.span, [ruleName]);
        return undefined;
      }
      out.other = { direction: o.direction, word: o.word, step: oStep, amount: oAmount, mode: o.mode ?? "proportional", action: o.action };
      if (o.cap) {
        const c = this.num.amount(o.cap, "上限");
        if (c !== undefined) out.other.cap = c;
      }
      if (b.sideCap) {
        const c = this.num.amount(b.sideCap, "上限");
        if (c !== undefined) out.sideCap = c;
      }
    }
    if (b.cutoff?.value && b.cutoff.outcome) {
      if (b.action === "award" && !b.other) {
        this.ctx.report("KP2053", b.cutoff.span, [ruleName, b.cutoff.direction === "below" ? "低于" : "高于"]);
        return undefined;
      }
      const value = this.num.quantity(b.cutoff.value);
      const outcome = this.outcome(b.cutoff.outcome);
      if (value && outcome) {
        this.sameUnit("截断值", value, b.cutoff.value, base);
        out.cutoff = { direction: b.cutoff.direction, value, outcome };
      }
    }
    return out;
  }

  /**
   * `扣 「B」 0.5、「C」 1` without a counting unit (KP2043).  Categories are counts of occurrences
   * (每人次 扣 「轻处分」 …); a one-shot rule's fact is 是/否, and one fact per category that is
   * both at once would be guessed.  So the unit must be written; the fix writes 每次, which is what
   * such a rule meant before it was an error.
   */
  private oneShotCategories(b: A.OneShotBody, ruleName: string): void {
    const word = b.action === "award" ? "得" : "扣";
    const at = b.span.start.offset;
    this.ctx.report("KP2043", b.span, [ruleName, word], { fixes: [{ title: `在「${word}」前写上「每次」`, edits: [{ start: at, end: at, newText: "每次 " }] }] });
  }

  /**
   * The step or cut-off of a linear rule in the base's unit (KP2044): both percentages, or both not;
   * a percentage base may step by 个百分点; measure words, when both are written, are the same.
   */
  private sameUnit(what: string, q: M.Quantity, node: A.NumberLit, base: M.Quantity): void {
    const points = what === "步长" && base.percent && q.measure !== undefined && /百分点/.test(q.measure);
    const percentOk = q.percent === base.percent || points;
    const measureOk = points || q.measure === undefined || base.measure === undefined || q.measure === base.measure;
    if (!percentOk || !measureOk) this.ctx.report("KP2044", node.span, [what, q.text + (q.measure ?? ""), base.text + (base.measure ?? "")]);
  }

  private outcome(o: A.Outcome): M.OutcomeModel | undefined {
    if (o.action === "zero") return { kind: "zero" };
    const amount = this.num.amount(o.amount, o.action === "award" ? "得分" : "扣分", true);
    if (amount === undefined) return undefined;
    return { kind: o.action, amount };
  }

  private bands(b: A.BandsBody, ruleName: string): M.RuleBodyModel | undefined {
    if (b.bands.length === 0) {
      this.ctx.report("KP2045", b.span, [ruleName]);
      return undefined;
    }
    const bands: M.BandModel[] = [];
    let missing: M.OutcomeModel | undefined;
    let percent: boolean | undefined;
    let sawDeduct = false;
    let sawAward = false;
    let mayGoNegative = false;
    for (const band of b.bands) {
      if (!band.range || !band.outcome) continue;
      const outcome = this.outcome(band.outcome);
      if (!outcome) continue;
      if (outcome.kind === "award") sawAward = true;
      else sawDeduct = true;
      if (sawAward && sawDeduct) this.ctx.report("KP2010", band.outcome.span);
      if (band.range.kind === "Missing") {
        if (missing) this.ctx.report("KP2011", band.range.span);
        missing = outcome;
        continue;
      }
      const iv = band.range;
      const lower = iv.lower && this.bound(iv.lower, iv.lowerNegative === true, b.signed === true);
      const upper = iv.upper && this.bound(iv.upper, iv.upperNegative === true, b.signed === true);
      for (const q of [lower, upper]) {
        if (!q) continue;
        if (percent === undefined) percent = q.percent;
        else if (percent !== q.percent) this.ctx.report("KP2012", iv.span);
      }
      if (lower && upper && (lower.raw > upper.raw || (lower.raw === upper.raw && !(iv.lowerInclusive && iv.upperInclusive)))) {
        this.ctx.report("KP2009", iv.span, [intervalText(iv)]);
      }
      const m: M.BandModel = { lowerInclusive: iv.lowerInclusive, upperInclusive: iv.upperInclusive, outcome, text: intervalText(iv), node: band };
      if (lower) m.lower = lower;
      if (upper) m.upper = upper;
      if (band.steps) {
        const st = this.bandSteps(band.steps, m, ruleName);
        if (!st) continue;
        m.steps = st;
        if (outcome.kind === "award") mayGoNegative = true;
      }
      bands.push(m);
    }
    const out: Extract<M.RuleBodyModel, { kind: "bands" }> = { kind: "bands", percent: percent ?? false, bands };
    if (missing) out.missing = missing;
    if (b.signed) out.signed = true;
    if (mayGoNegative) out.mayGoNegative = true;
    return out;
  }

  /** A band bound; `-` only in 分段 可为负 (KP2110). */
  private bound(n: A.NumberLit, negative: boolean, signed: boolean): M.Quantity | undefined {
    const q = this.num.quantity(n);
    if (!q || !negative || q.raw === 0) return q;
    if (!signed) {
      this.ctx.report("KP2110", n.span, ["-" + q.text]);
      return undefined;
    }
    return { ...q, raw: -q.raw, text: "-" + q.text };
  }

  /** `每低 0.1个百分点 扣 0.1` after a band's outcome (KP2111–KP2113). */
  private bandSteps(st: A.BandSteps, band: M.BandModel, ruleName: string): M.BandStepsModel | undefined {
    const at = `${band.text} ${band.outcome.kind === "zero" ? "不得分" : (band.outcome.kind === "award" ? "得 " : "扣 ") + kpFormat(band.outcome.amount)}`;
    if (band.outcome.kind === "zero") {
      this.ctx.report("KP2112", st.span, [ruleName, at, st.word]);
      return undefined;
    }
    if (st.action !== "deduct") {
      this.ctx.report("KP2113", st.span, [ruleName, at, st.word]);
      return undefined;
    }
    const from = st.direction === "below" ? band.upper : band.lower;
    if (!from) {
      this.ctx.report("KP2111", st.span, [ruleName, band.text, st.word, st.direction === "below" ? "上界" : "下界"]);
      return undefined;
    }
    const step = st.step && this.num.quantity(st.step);
    const amount = this.num.amount(st.amount, "扣分");
    if (!step || amount === undefined) return undefined;
    if (step.raw <= 0) {
      this.ctx.report("KP2006", st.step!.span, ["步长", step.text]);
      return undefined;
    }
    this.sameUnit("步长", step, st.step!, from);
    return { direction: st.direction, word: st.word, step, amount, mode: st.mode ?? "proportional", from };
  }
}

const baseFromWord: Record<A.BaseFrom, string> = { average: "平均值", median: "中位数", target: "目标值" };
