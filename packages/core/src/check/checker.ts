/**
 * The checker: ASTs of a catalogue's files → the checked model (model.ts) and semantic diagnostics
 * (KP2xxx).  It resolves names (classes, rules across files), derives indicator points, converts
 * amounts to exact raw decimals, checks bands and placements, and works out the facts each rule takes.
 * It never throws on user input and never mutates the ASTs.
 */
import type * as A from "../ast.js";
import { diagnostic, type Diagnostic, type MessageCode } from "../diagnostics.js";
import type * as M from "../model.js";
import { kpDecimalProblem, kpFormat, kpParse } from "../runtime/decimal.js";
import { nameKey } from "../text/names.js";
import type { Span } from "../text/position.js";
import { factKeyClashes, invisibleNameDiagnostics } from "./names.js";

/** The result of checking a catalogue. */
export interface CheckResult {
  catalogue: M.Catalogue;
  diagnostics: Diagnostic[];
}

/** Options of {@link checkCatalogue}. */
export interface CheckOptions {
  /**
   * Check a fragment on its own (a file of a catalogue whose root is unknown): header checks and
   * class references are skipped.
   */
  fragment?: boolean;
}

const ZERO: M.Raw = 0;

/** Checks the files of one catalogue; `files[0]` is the root (the file with the 细则 title). */
export function checkCatalogue(files: readonly A.KpFile[], options: CheckOptions = {}): CheckResult {
  return new Checker(files, options).run();
}

class Checker {
  private readonly diags: Diagnostic[] = [];
  private file = "";
  private readonly cat: M.Catalogue;
  /** Declared classes by {@link nameKey}: the spelling of their declaration. */
  private readonly classNames = new Map<string, string>();
  /** Rules by the {@link nameKey} of their names (the first of a name). */
  private readonly ruleByName = new Map<string, M.RuleModel>();
  /**
   * Indicators and sections whose points or an award rule could not be checked (an error is already
   * reported there): their points are not derived, and saying so again (KP2013) would be noise.
   */
  private readonly unchecked = new Set<M.IndicatorModel | M.SectionModel>();

  constructor(
    private readonly files: readonly A.KpFile[],
    private readonly options: CheckOptions,
  ) {
    this.cat = {
      title: "",
      classes: [],
      grades: [],
      indicators: [],
      bonuses: [],
      penalties: [],
      rules: [],
      files: [...files],
      root: files[0]?.path ?? "",
    };
  }

  private report(code: MessageCode, span: Span, args: (string | number)[] = [], extra: Parameters<typeof diagnostic>[3] = {}): void {
    this.diags.push(diagnostic(code, span, args, { file: this.file, ...extra }));
  }

  run(): CheckResult {
    for (const f of this.files) this.diags.push(...invisibleNameDiagnostics(f));
    this.header();
    let topIndex = 0;
    let sectionIndex = 0;
    for (const f of this.files) {
      this.file = f.path;
      for (const item of f.items) {
        if (item.kind === "Indicator") this.cat.indicators.push(this.indicator(item, String(++topIndex), undefined));
        else if (item.kind === "BonusSection" || item.kind === "PenaltySection") {
          const s = this.section(item, `S${++sectionIndex}`);
          (s.kind === "bonus" ? this.cat.bonuses : this.cat.penalties).push(s);
        }
      }
    }
    for (const ind of this.cat.indicators) this.derivePoints(ind);
    for (const ind of this.cat.indicators) this.finishIndicator(ind);
    for (const s of [...this.cat.bonuses, ...this.cat.penalties]) this.finishSection(s);
    this.diags.push(...factKeyClashes(this.cat.rules, this.ruleByName));
    return { catalogue: this.cat, diagnostics: this.diags };
  }

  // ---------------------------------------------------------------- header
  private header(): void {
    const seen = new Map<string, A.Node>();
    const once = (item: A.HeaderItem, word: string): boolean => {
      if (seen.has(item.kind)) {
        this.report("KP2004", item.span, [word]);
        return false;
      }
      seen.set(item.kind, item);
      return true;
    };
    this.files.forEach((f, i) => {
      this.file = f.path;
      for (const item of f.items) {
        if (item.kind === "Indicator" || item.kind === "BonusSection" || item.kind === "PenaltySection") continue;
        const word = headerWord[item.kind];
        if (i > 0 && item.kind !== "Include") {
          this.report("KP2005", item.span, [word]);
          continue;
        }
        switch (item.kind) {
          case "Title":
            if (once(item, word)) this.cat.title = item.title?.value ?? "";
            break;
          case "Year":
            if (once(item, word) && item.value) {
              if (item.value.kind === "Number") this.measure(item.value, "年度", ["年"]);
              this.cat.year = item.value.kind === "String" ? item.value.value : item.value.text;
            }
            break;
          case "Subject":
            if (once(item, word) && item.text) this.cat.subject = item.text.value;
            break;
          case "Classes":
            for (const n of item.names) {
              if (this.classNames.has(nameKey(n.value))) this.report("KP2020", n.span, [n.value]);
              else {
                this.classNames.set(nameKey(n.value), n.value);
                this.cat.classes.push(n.value);
              }
            }
            break;
          case "Total":
            if (once(item, word) && item.value) {
              const v = this.amount(item.value, "总分");
              if (v !== undefined) this.cat.declaredTotal = v;
            }
            break;
          case "Rounding":
            if (once(item, word) && item.places) {
              const p = item.places;
              this.measure(p, "保留的小数位数", ["位"]);
              if (p.percent || !/^\d+$/.test(p.text) || Number(p.text) > 6) this.report("KP2035", p.span, ["保留的小数位数", "0 到 6 的整数"]);
              else this.cat.rounding = Number(p.text);
            }
            break;
          case "Grades":
            if (once(item, word)) this.grades(item);
            break;
          case "Include":
            break;
        }
      }
    });
    const root = this.files[0];
    if (root && !this.options.fragment && !root.items.some((i) => i.kind === "Title")) {
      this.file = root.path;
      this.report("KP2028", root.span.start.offset === root.span.end.offset ? root.span : { start: root.span.start, end: root.span.start });
    }
  }

  private grades(g: A.GradesDecl): void {
    g.grades.forEach((grade, i) => {
      if (grade.otherwise && i !== g.grades.length - 1) this.report("KP2021", grade.span);
      const conditions: M.GradeModel["conditions"] = [];
      for (const c of grade.conditions) {
        if (!c.value) continue;
        const q = this.quantity(c.value);
        if (!q) continue;
        if (c.kind === "ScoreCondition") {
          this.measure(c.value, "等次的分数线", ["分"]);
          if (q.percent) this.report("KP2008", c.value.span, [c.value.text + "%"]);
          conditions.push({ kind: "score", op: c.op, value: q.raw });
        } else {
          this.measure(c.value, "名次", ["名"]);
          if (!q.percent && q.raw % 1000000 !== 0) this.report("KP2035", c.value.span, ["名次", "整数"]);
          conditions.push({ kind: "rank", value: q.raw, percent: q.percent });
        }
      }
      this.cat.grades.push({ name: grade.name?.value ?? "", conditions, otherwise: grade.otherwise, node: grade });
    });
    // A misplaced 其余 is KP2021 above; only a missing one is KP2022.
    if (g.grades.length > 0 && !g.grades.some((x) => x.otherwise)) this.report("KP2022", g.span);
  }

  // ---------------------------------------------------------------- numbers
  /** A number as a quantity, checking that it is a representable decimal. */
  private quantity(n: A.NumberLit): M.Quantity | undefined {
    // The AST's text is already a normalised decimal (half-width, no %): the common case is exact
    // and small, so skip the general parser.
    const fast = parseNormalised(n.text);
    if (fast !== undefined) {
      const q: M.Quantity = { raw: fast, percent: n.percent, text: n.percent ? n.text + "%" : n.text };
      if (n.measure) q.measure = n.measure;
      return q;
    }
    const problem = kpDecimalProblem(n.text);
    if (problem === "tooManyPlaces") {
      this.report("KP2007", n.span, [n.text]);
      return undefined;
    }
    if (problem) {
      this.report("KP2036", n.span, [n.text]);
      return undefined;
    }
    const q: M.Quantity = { raw: kpParse(n.text), percent: n.percent, text: n.text + (n.percent ? "%" : "") };
    if (n.measure) q.measure = n.measure;
    return q;
  }

  /** A points amount: not a percentage, > 0 (or ≥ 0 with allowZero), measure 分 if any. */
  private amount(n: A.NumberLit | undefined, what: string, allowZero = false): M.Raw | undefined {
    if (!n) return undefined;
    const q = this.quantity(n);
    if (!q) return undefined;
    if (q.percent) {
      this.report("KP2008", n.span, [q.text]);
      return undefined;
    }
    this.measure(n, what, ["分"]);
    if (q.raw < 0 || (q.raw === 0 && !allowZero)) {
      this.report("KP2006", n.span, [what, q.text]);
      return undefined;
    }
    return q.raw;
  }

  /** Reports a measure word after a number that is not one of `allowed` (none written is fine). */
  private measure(n: A.NumberLit, what: string, allowed: readonly string[]): void {
    if (n.measure && !allowed.includes(n.measure)) this.report("KP2034", n.span, [what, allowed.map((m) => `「${m}」`).join("或"), n.measure]);
  }

  /** Class references, as declared: 「Ａ类」 refers to 「A类」 and stands for it in the model. */
  private checkClasses(names: readonly A.StringLit[]): string[] {
    const out: string[] = [];
    for (const n of names) {
      const declared = this.classNames.get(nameKey(n.value));
      if (!this.options.fragment && declared === undefined) this.report("KP2001", n.span, [n.value]);
      out.push(declared ?? n.value);
    }
    return out;
  }

  // ---------------------------------------------------------------- indicators
  private indicator(node: A.Indicator, id: string, parent: M.IndicatorModel | undefined): M.IndicatorModel {
    const ind: M.IndicatorModel = {
      kind: "indicator",
      id,
      name: node.name?.value ?? "",
      points: ZERO,
      pointsDeclared: false,
      departments: parent ? parent.departments : [],
      children: [],
      rules: [],
      groups: [],
      notes: [],
      node,
      file: this.file,
    };
    if (parent) ind.parent = parent;
    if (node.points) {
      const p = this.amount(node.points, "分值");
      if (p !== undefined) {
        ind.points = p;
        ind.pointsDeclared = true;
      } else this.unchecked.add(ind);
    }
    const siblingNames = new Map<string, A.StringLit>();
    let childIndex = 0;
    for (const item of node.items) {
      switch (item.kind) {
        case "Code":
          if (item.code) ind.code = item.code.value;
          break;
        case "Departments":
          ind.departments = item.names.map((n) => n.value);
          break;
        case "Applies":
          ind.appliesTo = this.checkClasses(item.classes);
          break;
        case "Refer":
          if (item.unitClass) {
            const [unitClass] = this.checkClasses([item.unitClass]);
            if (item.unit) ind.refer = { unitClass: unitClass!, unit: item.unit.value };
          }
          break;
        case "Indicator": {
          const child = this.indicator(item, `${id}.${++childIndex}`, ind);
          if (item.name) {
            const prev = siblingNames.get(nameKey(item.name.value));
            if (prev) this.report("KP2003", item.name.span, [item.name.value], { related: [{ file: this.file, span: prev.span, message: "首次出现在这里" }] });
            else siblingNames.set(nameKey(item.name.value), item.name);
          }
          ind.children.push(child);
          break;
        }
        case "Rule":
          this.rule(item, ind, undefined);
          break;
        case "Note":
          ind.notes.push(item);
          break;
        case "CapGroup":
        case "HighestGroup":
          this.group(item, ind);
          break;
      }
    }
    return ind;
  }

  private group(node: A.CapGroup | A.HighestGroup, owner: M.IndicatorModel): void {
    const g: M.GroupModel = { kind: node.kind === "CapGroup" ? "cap" : "highest", rules: [], node };
    const cap = this.amount(node.cap, "上限");
    if (cap !== undefined) g.cap = cap;
    owner.groups.push(g);
    for (const item of node.items) {
      if (item.kind === "Note") owner.notes.push(item);
      else this.rule(item, owner, g);
    }
  }

  private section(node: A.BonusSection | A.PenaltySection, id: string): M.SectionModel {
    const s: M.SectionModel = {
      kind: node.kind === "BonusSection" ? "bonus" : "penalty",
      id,
      name: node.name?.value ?? "",
      rules: [],
      notes: [],
      node,
      file: this.file,
    };
    const cap = this.amount(node.cap, "上限");
    if (cap !== undefined) s.cap = cap;
    for (const item of node.items) {
      if (item.kind === "Note") s.notes.push(item);
      else this.rule(item, s, undefined);
    }
    return s;
  }

  // ---------------------------------------------------------------- rules
  private rule(node: A.Rule, owner: M.IndicatorModel | M.SectionModel, group: M.GroupModel | undefined): void {
    if (!node.name || !node.body) return; // syntax errors already reported
    const name = node.name.value;
    if (!node.clause) this.report("KP2033", node.name.span, [name]);
    const body = this.body(node.body, name);
    if (!body) {
      // an award that could not be checked leaves its indicator's points underived (no KP2013)
      if (mayAward(node.body)) this.unchecked.add(owner);
      return;
    }
    const effect: M.RuleEffect =
      body.kind === "veto"
        ? "veto"
        : isAward(node.body, body)
          ? "award"
          : "deduct";
    const rule: M.RuleModel = {
      name,
      clause: node.clause?.value ?? "",
      effect,
      body,
      overdraft: false,
      multipliers: [],
      occurrences: [],
      owner,
      facts: [],
      crossUnit: body.kind === "proportional" || body.kind === "ranked",
      node,
      file: this.file,
    };
    if (group) rule.group = group;
    const flags = new Set<string>();
    for (const m of node.modifiers) {
      switch (m.kind) {
        case "Cap": {
          if (rule.cap !== undefined) this.report("KP2004", m.span, ["上限"]);
          const c = this.amount(m.value, "上限");
          if (c !== undefined) rule.cap = c;
          if (group?.kind === "highest") this.report("KP2016", m.span, [name]);
          break;
        }
        case "Overdraft":
          if (group) this.report("KP2038", m.span, [group.kind === "cap" ? "合计" : "就高", name]);
          else rule.overdraft = true;
          break;
        case "Multiplier":
          if (m.flag) {
            if (flags.has(nameKey(m.flag.value))) {
              this.report("KP2026", m.flag.span, [m.flag.value, name]);
              break;
            }
            flags.add(nameKey(m.flag.value));
            rule.multipliers.push({ factor: m.factor, flag: m.flag.value });
          }
          break;
        case "Occurrences":
          this.occurrences(rule, m, flags);
          break;
        case "Average":
          this.average(rule, m);
          break;
        case "Applies":
          rule.appliesTo = this.checkClasses(m.classes);
          break;
      }
    }
    this.checkPlacement(rule, owner, group);
    const prev = this.ruleByName.get(nameKey(name));
    if (prev) {
      this.report("KP2002", node.name.span, [name], {
        related: [{ file: prev.file, span: prev.node.name!.span, message: `「${prev.name}」首次定义在这里` }],
      });
    } else this.ruleByName.set(nameKey(name), rule);
    owner.rules.push(rule);
    group?.rules.push(rule);
    this.cat.rules.push(rule);
  }

  /**
   * `其中 「已查结」 减半、「重复访」 加倍`: only a rule counting one kind of occurrence at one amount can
   * say which of its occurrences are multiplied (each condition's count is part of the rule's count).
   * Conditions share the rule's sub-keys with 加倍/减半 当 (`flags`).
   */
  private occurrences(rule: M.RuleModel, m: A.OccurrencesModifier, flags: Set<string>): void {
    const b = rule.body;
    for (const e of m.entries) {
      if (!e.condition) continue;
      const word = e.factor === "double" ? "加倍" : e.factor === "half" ? "减半" : `${e.factor === "plus" ? "加" : "按"} ${e.n?.text ?? "?"}倍`;
      const why =
        b.kind === "categories"
          ? undefined
          : b.kind === "per" && b.nouns.length > 1
            ? "它是复合计次（如每村每次），总次数是几个事实之积"
            : b.kind !== "per"
              ? "它不是按次计分"
              : undefined;
      if (b.kind === "categories" && b.categories.some((c) => nameKey(c.name) === nameKey(e.condition!.value))) {
        this.report("KP2062", e.condition.span, [e.condition.value, rule.name]);
        continue;
      }
      if (why !== undefined) {
        this.report("KP2060", e.span, [rule.name, e.condition.value, word, why]);
        continue;
      }
      if (rule.group?.kind === "highest") {
        this.report("KP2061", e.span, [rule.name, `其中 「${e.condition.value}」 ${word}`]);
        continue;
      }
      if (flags.has(nameKey(e.condition.value))) {
        this.report("KP2062", e.condition.span, [e.condition.value, rule.name]);
        continue;
      }
      let factor: M.Raw;
      if (e.factor === "double") factor = 2_000_000;
      else if (e.factor === "half") factor = 500_000;
      else {
        const q = e.n && this.quantity(e.n);
        if (!q) continue;
        if (q.percent || q.raw <= 0) {
          this.report("KP2063", e.n!.span, [rule.name, word, "倍数应为大于 0 的数"]);
          continue;
        }
        factor = e.factor === "plus" ? q.raw + 1_000_000 : q.raw;
      }
      flags.add(nameKey(e.condition.value));
      rule.occurrences.push({ condition: e.condition.value, factor, word: word.replace(/ /g, "") });
    }
  }

  /** `按 「所辖乡镇数」 平均` / `按 12 平均`: the rule's result divided by a fact of the unit or a number. */
  private average(rule: M.RuleModel, m: A.AverageModifier): void {
    const shown = m.fact?.value ?? m.value?.text ?? "?";
    if (rule.average !== undefined) {
      this.report("KP2066", m.span, [rule.name]);
      return;
    }
    const k = rule.body.kind;
    if (k !== "per" && k !== "categories" && k !== "once") {
      const what = k === "bands" ? "分段计分" : k === "linear" ? "线性扣分" : k === "zero" ? "不得分" : k === "veto" ? "否决" : "按数值计分的规则";
      this.report("KP2065", m.span, [rule.name, what]);
      return;
    }
    if (rule.group?.kind === "highest") {
      this.report("KP2061", m.span, [rule.name, `按 ${m.fact ? `「${shown}」` : shown} 平均`]);
      return;
    }
    if (m.fact) {
      if (nameKey(m.fact.value) === nameKey(rule.name)) {
        this.report("KP2067", m.fact.span, [rule.name, m.fact.value]);
        return;
      }
      rule.average = { fact: m.fact.value };
      return;
    }
    if (!m.value) return;
    const q = this.quantity(m.value);
    if (!q) return;
    if (q.percent || q.raw <= 0 || q.raw % 1_000_000 !== 0) {
      this.report("KP2064", m.value.span, [rule.name, shown]);
      return;
    }
    rule.average = { value: q.raw / 1_000_000 };
  }

  /** Where a rule may stand: award rules in bonuses, deductions in penalties and groups. */
  private checkPlacement(rule: M.RuleModel, owner: M.IndicatorModel | M.SectionModel, group: M.GroupModel | undefined): void {
    const at = rule.node.body!.span;
    const k = rule.body.kind;
    if (owner.kind === "bonus" && rule.effect !== "award") this.report("KP2017", at, [rule.name, "加分", "加分项中只能有得分规则"]);
    if (owner.kind === "penalty" && rule.effect !== "deduct") this.report("KP2017", at, [rule.name, "减分", "减分项中只能有扣分规则"]);
    if (owner.kind !== "indicator" && (k === "zero" || (k === "bands" && rule.body.kind === "bands" && hasZero(rule.body))))
      this.report("KP2017", at, [rule.name, owner.kind === "bonus" ? "加分" : "减分", "「不得分」只能用于有分值的指标"]);
    if (owner.kind !== "indicator" && rule.crossUnit) this.report("KP2017", at, [rule.name, owner.kind === "bonus" ? "加分" : "减分", "按排名或比例得分的规则须放在指标中"]);
    if (group) {
      const where = group.kind === "cap" ? "合计" : "就高";
      if (rule.effect !== "deduct") this.report("KP2017", at, [rule.name, where, "组中只能有扣分规则"]);
      else if (group.kind === "highest" && !(k === "per" || k === "categories" || k === "once"))
        this.report("KP2017", at, [rule.name, where, "就高组中的规则须按次、分类或一次性扣分，才能按事件比较"]);
      else if (group.kind === "highest" && k === "per" && rule.body.kind === "per" && rule.body.nouns.length > 1)
        this.report("KP2017", at, [rule.name, where, "复合计次（如每村每次）无法按事件比较"]);
    }
  }

  private body(b: A.RuleBody, ruleName: string): M.RuleBodyModel | undefined {
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
              this.report("KP2019", e.name.span, [ruleName, e.name.value]);
              continue;
            }
            names.add(nameKey(e.name.value));
            const v = this.amount(e.value, "扣分");
            if (v !== undefined) categories.push({ name: e.name.value, amount: v });
          }
          const noun = b.kind === "Per" ? b.units.map((u) => u.noun).join("") : "次";
          return { kind: "categories", noun, categories };
        }
        const amount = this.amount(b.amounts.value, b.action === "award" ? "得分" : "扣分");
        if (amount === undefined) return undefined;
        const overrides: { unitClass: string; amount: M.Raw }[] = [];
        const seen = new Set<string>();
        for (const o of b.amounts.overrides) {
          if (!o.unitClass) continue;
          const [unitClass] = this.checkClasses([o.unitClass]);
          if (seen.has(nameKey(o.unitClass.value))) this.report("KP2020", o.unitClass.span, [o.unitClass.value]);
          seen.add(nameKey(o.unitClass.value));
          const v = this.amount(o.value, "扣分");
          if (v !== undefined) overrides.push({ unitClass: unitClass!, amount: v });
        }
        if (b.kind === "Per") return { kind: "per", nouns: b.units.map((u) => u.noun), amount, overrides };
        return { kind: "once", amount, overrides };
      }
      case "Zero":
        return { kind: "zero" };
      case "Bands":
        return this.bands(b, ruleName);
      case "Linear": {
        const base = b.base && this.quantity(b.base);
        const step = b.step && this.quantity(b.step);
        const amount = this.amount(b.amount, "扣分");
        if (!base || !step || amount === undefined) return undefined;
        if (step.raw <= 0) this.report("KP2006", b.step!.span, ["步长", step.text]);
        this.sameUnit("步长", step, b.step!, base);
        const out: M.RuleBodyModel = { kind: "linear", direction: b.direction, word: b.word, base, step, amount, mode: b.mode ?? "proportional" };
        if (b.cutoff?.value && b.cutoff.outcome) {
          const value = this.quantity(b.cutoff.value);
          const outcome = this.outcome(b.cutoff.outcome);
          if (value && outcome) {
            this.sameUnit("截断值", value, b.cutoff.value, base);
            out.cutoff = { direction: b.cutoff.direction, value, outcome };
          }
        }
        return out;
      }
      case "Shortfall": {
        const target = b.target && this.quantity(b.target);
        const step = b.step && this.quantity(b.step);
        const amount = this.amount(b.amount, "扣分");
        if (!target || !step || amount === undefined) return undefined;
        for (const [q, n] of [
          [target, b.target!],
          [step, b.step!],
        ] as const) {
          if (q.percent || q.raw % 1000000 !== 0) this.report("KP2035", n.span, ["次数", "整数"]);
        }
        if (step.raw <= 0) this.report("KP2006", b.step!.span, ["步长", step.text]);
        return { kind: "shortfall", target, step, amount };
      }
      case "Assessed":
      case "Rate":
      case "Proportional": {
        const max = b.max ? this.amount(b.max, "满分") : undefined;
        const kind = b.kind === "Assessed" ? "assessed" : b.kind === "Rate" ? "rate" : "proportional";
        return { kind, max: max ?? -1 };
      }
      case "Ranked": {
        const max = b.max ? this.amount(b.max, "满分") : undefined;
        const step = this.amount(b.step, "每后退一位的扣分");
        if (step === undefined) return undefined;
        return { kind: "ranked", max: max ?? -1, step, lowerIsBetter: b.lowerIsBetter };
      }
      case "Discretion": {
        const min = this.amount(b.min, "酌情扣分的下限", true);
        const max = this.amount(b.max, "酌情扣分的上限");
        if (min === undefined || max === undefined) return undefined;
        if (min > max) this.report("KP2031", b.span, [kpFormat(min), kpFormat(max)]);
        return { kind: "discretion", min, max };
      }
      case "Veto":
        return { kind: "veto", level: b.level };
    }
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
    this.report("KP2043", b.span, [ruleName, word], { fixes: [{ title: `在「${word}」前写上「每次」`, edits: [{ start: at, end: at, newText: "每次 " }] }] });
  }

  /**
   * The step or cut-off of a linear rule in the base's unit (KP2044): both percentages, or both not;
   * a percentage base may step by 个百分点; measure words, when both are written, are the same.
   */
  private sameUnit(what: string, q: M.Quantity, node: A.NumberLit, base: M.Quantity): void {
    const points = what === "步长" && base.percent && q.measure !== undefined && /百分点/.test(q.measure);
    const percentOk = q.percent === base.percent || points;
    const measureOk = points || q.measure === undefined || base.measure === undefined || q.measure === base.measure;
    if (!percentOk || !measureOk) this.report("KP2044", node.span, [what, q.text + (q.measure ?? ""), base.text + (base.measure ?? "")]);
  }

  private outcome(o: A.Outcome): M.OutcomeModel | undefined {
    if (o.action === "zero") return { kind: "zero" };
    const amount = this.amount(o.amount, o.action === "award" ? "得分" : "扣分", true);
    if (amount === undefined) return undefined;
    return { kind: o.action, amount };
  }

  private bands(b: A.BandsBody, ruleName: string): M.RuleBodyModel | undefined {
    if (b.bands.length === 0) {
      this.report("KP2045", b.span, [ruleName]);
      return undefined;
    }
    const bands: M.BandModel[] = [];
    let missing: M.OutcomeModel | undefined;
    let percent: boolean | undefined;
    let sawDeduct = false;
    let sawAward = false;
    for (const band of b.bands) {
      if (!band.range || !band.outcome) continue;
      const outcome = this.outcome(band.outcome);
      if (!outcome) continue;
      if (outcome.kind === "award") sawAward = true;
      else sawDeduct = true;
      if (sawAward && sawDeduct) this.report("KP2010", band.outcome.span);
      if (band.range.kind === "Missing") {
        if (missing) this.report("KP2011", band.range.span);
        missing = outcome;
        continue;
      }
      const iv = band.range;
      const lower = iv.lower && this.quantity(iv.lower);
      const upper = iv.upper && this.quantity(iv.upper);
      for (const q of [lower, upper]) {
        if (!q) continue;
        if (percent === undefined) percent = q.percent;
        else if (percent !== q.percent) this.report("KP2012", iv.span);
      }
      if (lower && upper && (lower.raw > upper.raw || (lower.raw === upper.raw && !(iv.lowerInclusive && iv.upperInclusive)))) {
        this.report("KP2009", iv.span, [intervalText(iv)]);
      }
      const m: M.BandModel = { lowerInclusive: iv.lowerInclusive, upperInclusive: iv.upperInclusive, outcome, text: intervalText(iv), node: band };
      if (lower) m.lower = lower;
      if (upper) m.upper = upper;
      bands.push(m);
    }
    const out: M.RuleBodyModel = { kind: "bands", percent: percent ?? false, bands };
    if (missing) out.missing = missing;
    return out;
  }

  // ---------------------------------------------------------------- points and facts
  /** Derives points of indicators written without them, bottom-up; also fills rule maxima. */
  private derivePoints(ind: M.IndicatorModel): void {
    for (const c of ind.children) this.derivePoints(c);
    for (const r of ind.rules) r.maxAward = maxAward(r);
    if (ind.pointsDeclared) return;
    let sum = 0;
    let ok = ind.children.length > 0 || ind.rules.some((r) => r.effect === "award");
    for (const c of ind.children) sum += c.points;
    for (const r of ind.rules) {
      if (r.effect !== "award") continue;
      if (r.maxAward === undefined || r.maxAward < 0) ok = false;
      else sum += r.maxAward;
    }
    if (!ok) {
      this.file = ind.file;
      if (this.unchecked.has(ind)) return; // an error in its points or rules is reported already
      this.report("KP2013", ind.node.name?.span ?? ind.node.span, [ind.name]);
      return;
    }
    ind.points = sum;
  }

  private finishIndicator(ind: M.IndicatorModel): void {
    this.file = ind.file;
    const scoring = ind.rules.filter((r) => r.effect !== "veto");
    for (const r of ind.rules) {
      const b = r.body;
      if ((b.kind === "assessed" || b.kind === "rate" || b.kind === "proportional" || b.kind === "ranked") && b.max < 0) {
        if (scoring.length > 1 || ind.children.length > 0) {
          this.report("KP2018", r.node.name!.span, [r.name, ind.name]);
          b.max = 0;
        } else b.max = ind.points;
        r.maxAward = b.max;
      }
      if (r.maxAward !== undefined && r.maxAward > ind.points && ind.pointsDeclared && r.effect === "award") {
        const b2 = r.node.body!;
        this.report("KP2024", b2.span, [r.name, kpFormat(r.maxAward), ind.name, kpFormat(ind.points)]);
      }
      r.facts = factsOf(r);
    }
    this.checkFactKeyClashes(ind.rules);
    for (const c of ind.children) this.finishIndicator(c);
  }

  private finishSection(s: M.SectionModel): void {
    this.file = s.file;
    for (const r of s.rules) {
      r.maxAward = maxAward(r);
      const b = r.body;
      if ((b.kind === "assessed" || b.kind === "rate") && b.max < 0) {
        // In a 减分 section the rule is misplaced already (KP2017, an award among deductions).
        if (s.kind === "bonus") this.report("KP2046", r.node.name!.span, [r.name, s.name]);
        b.max = 0;
      }
      r.facts = factsOf(r);
    }
    this.checkFactKeyClashes(s.rules);
  }

  private checkFactKeyClashes(rules: readonly M.RuleModel[]): void {
    for (const r of rules) {
      const subs = new Set<string>();
      for (const f of r.facts) {
        if (subs.has(nameKey(f.key))) this.report("KP2032", r.node.name!.span, [r.name, f.key.slice(r.name.length + 1)]);
        subs.add(nameKey(f.key));
      }
      for (const f of r.facts) {
        const other = this.ruleByName.get(nameKey(f.key));
        if (nameKey(f.key) !== nameKey(r.name) && other && other !== r) this.report("KP2030", r.node.name!.span, [f.key, r.name]);
      }
    }
  }
}

/** Raw value of a normalised decimal text with ≤ 6 decimals and ≤ 9 integer digits; undefined otherwise. */
function parseNormalised(text: string): number | undefined {
  const dot = text.indexOf(".");
  const int = dot < 0 ? text : text.slice(0, dot);
  const frac = dot < 0 ? "" : text.slice(dot + 1);
  if (int.length === 0 || int.length > 9 || frac.length > 6) return undefined;
  let v = 0;
  for (let i = 0; i < int.length; i++) {
    const d = int.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    v = v * 10 + d;
  }
  let f = 0;
  for (let i = 0; i < 6; i++) {
    const d = i < frac.length ? frac.charCodeAt(i) - 48 : 0;
    if (d < 0 || d > 9) return undefined;
    f = f * 10 + d;
  }
  return v * 1000000 + f;
}

const headerWord: Record<A.HeaderItem["kind"], string> = {
  Title: "细则",
  Year: "年度",
  Subject: "对象",
  Classes: "类别",
  Total: "总分",
  Rounding: "舍入",
  Include: "引入",
  Grades: "等次",
};

function isAward(node: A.RuleBody, body: M.RuleBodyModel): boolean {
  if (node.kind === "Per" || node.kind === "OneShot") return node.action === "award";
  if (body.kind === "bands") return body.bands.some((b) => b.outcome.kind === "award") || body.missing?.kind === "award";
  return body.kind === "assessed" || body.kind === "rate" || body.kind === "proportional" || body.kind === "ranked";
}

/** Whether a rule body (checked or not) gives points: what its indicator's points may be derived from. */
function mayAward(b: A.RuleBody): boolean {
  switch (b.kind) {
    case "Per":
    case "OneShot":
      return b.action === "award";
    case "Bands":
      return b.bands.some((x) => x.outcome?.action === "award");
    case "Assessed":
    case "Rate":
    case "Proportional":
    case "Ranked":
      return true;
    default:
      return false;
  }
}

function hasZero(b: Extract<M.RuleBodyModel, { kind: "bands" }>): boolean {
  return b.bands.some((x) => x.outcome.kind === "zero") || b.missing?.kind === "zero";
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
      m = b.max;
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
      if (r.effect === "award") out.push({ key: name, label: "是否完成（或酌情给的分）", fact: { type: "award", max: Math.max(b.amount, ...b.overrides.map((o) => o.amount)) }, optional: true });
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
        label: b.percent ? "数值（百分数）" : "数值",
        fact: { type: "value", percent: b.percent, integer: false, missing: b.missing !== undefined },
        optional: b.missing !== undefined || r.owner.kind === "bonus",
      });
      break;
    case "linear":
      out.push({ key: name, label: b.base.percent ? "数值（百分数）" : "数值", fact: { type: "value", percent: b.base.percent, integer: false, missing: false }, optional: false });
      break;
    case "shortfall": {
      const noun = b.target.measure ?? "次";
      out.push({ key: name, label: `实际完成的${noun}数`, fact: { type: "value", percent: false, integer: true, missing: false, noun }, optional: false });
      break;
    }
    case "assessed":
      out.push({ key: name, label: "评价得分", fact: { type: "score", max: b.max }, optional: r.owner.kind === "bonus" });
      break;
    case "rate":
      out.push({ key: name, label: "比率（百分数）", fact: { type: "rate" }, optional: r.owner.kind === "bonus" });
      break;
    case "proportional":
    case "ranked":
      out.push({ key: name, label: "用于比较的数值", fact: { type: "value", percent: false, integer: false, missing: false }, optional: false });
      break;
    case "discretion":
      out.push({ key: name, label: "酌情扣分", fact: { type: "amount", min: b.min, max: b.max }, optional: true });
      break;
  }
  for (const m of r.multipliers)
    out.push({ key: `${name}.${m.flag}`, label: `是否${m.flag}（${m.factor === "double" ? "加倍" : "减半"}）`, fact: { type: "flag", incident: false }, optional: true });
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
  const t = (n: A.NumberLit | undefined) => (n ? n.text + (n.percent ? "%" : "") : "?");
  if (iv.form === "bracket") return `${iv.lowerInclusive ? "[" : "("}${t(iv.lower)}, ${t(iv.upper)}${iv.upperInclusive ? "]" : ")"}`;
  return `${iv.form} ${t(iv.form === "≤" || iv.form === "<" ? iv.upper : iv.lower)}`;
}
