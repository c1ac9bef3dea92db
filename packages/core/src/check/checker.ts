/**
 * The checker: ASTs of a catalogue's files → the checked model (model.ts) and semantic diagnostics
 * (KP2xxx).  It resolves names (classes, rules across files), derives indicator points, converts
 * amounts to exact raw decimals, checks bands and placements, and works out the facts each rule takes.
 * It never throws on user input and never mutates the ASTs.
 */
import type * as A from "../ast.js";
import { diagnostic, type Diagnostic, type MessageCode } from "../diagnostics.js";
import type * as M from "../model.js";
import { kpDecimalProblem, kpFormat, kpMulDiv, kpParse } from "../runtime/decimal.js";
import { nameKey } from "../text/names.js";
import type { Span } from "../text/position.js";
import type { CheckCache, ItemCheck } from "./item-cache.js";
import { type CatalogueContext, duplicateRules, factKeysNamingRules, notConcernedClashes, rankCycles, resolveRanks } from "./catalogue-passes.js";
import { factKeyClashes, invisibleItemNameDiagnostics } from "./names.js";
import { computedRank, factsOf, hasZero, intervalText, isAward, maxAward, mayAward, mayZero, pointsFor } from "./rule-model.js";

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
  /**
   * Results of the previous checks of this catalogue, reused for the top-level items an edit did not
   * touch (item-cache.ts); the result equals a check without it.
   */
  cache?: CheckCache;
}

const ZERO: M.Raw = 0;

export { computedRank, factsOf, intervalText, maxAward, pointsFor, ruleMaxDeduction } from "./rule-model.js";

/** Checks the files of one catalogue; `files[0]` is the root (the file with the 细则 title). */
export function checkCatalogue(files: readonly A.KpFile[], options: CheckOptions = {}): CheckResult {
  return new Checker(files, options).run();
}

class Checker {
  /** Where diagnostics go: the catalogue's list, or the bucket of the item being checked. */
  private diags: Diagnostic[] = [];
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
    const out: Diagnostic[] = [];
    const header: Diagnostic[] = [];
    this.diags = header;
    this.header();
    // The context an item's check depends on besides its position (item-cache.ts).
    const classes = [...this.classNames].map(([k, v]) => `${k}=${v}`).join("\u0001");
    const shared = `${this.options.fragment ? "F" : "C"}\u0000${classes}`;
    const cache = this.options.cache;
    if (cache) cache.last.reused = cache.last.checked = 0;
    const items: ItemCheck[] = [];
    /** The items checked now, with their contexts. */
    const fresh = new Map<ItemCheck, string>();
    let topIndex = 0;
    let sectionIndex = 0;
    for (const f of this.files) {
      this.file = f.path;
      for (const item of f.items) {
        if (item.kind !== "Indicator" && item.kind !== "BonusSection" && item.kind !== "PenaltySection") {
          items.push({ rules: [], invisible: invisibleItemNameDiagnostics(item, f.path), own: [], derived: [], finished: [], choices: 0 });
          continue;
        }
        const id = item.kind === "Indicator" ? String(++topIndex) : `S${++sectionIndex}`;
        const context = `${f.path}\u0000${id}\u0000${this.choiceCount}\u0000${shared}`;
        const kept = cache?.reuse(item, context);
        if (kept) cache!.last.reused++;
        else if (cache) cache.last.checked++;
        const c = kept ?? this.checkItem(item, id, f.path);
        if (!kept) fresh.set(c, context);
        this.choiceCount += c.choices;
        items.push(c);
        const m = c.model!;
        if (m.kind === "indicator") this.cat.indicators.push(m);
        else (m.kind === "bonus" ? this.cat.bonuses : this.cat.penalties).push(m);
        for (const r of c.rules) this.cat.rules.push(r);
      }
    }
    for (const c of items) out.push(...c.invisible);
    out.push(...header);
    for (const c of items) out.push(...c.own);
    this.diags = out;
    const ctx: CatalogueContext = {
      cat: this.cat,
      ruleByName: this.ruleByName,
      unchecked: this.unchecked,
      report: (file, code, span, args = [], extra = {}) => void this.diags.push(diagnostic(code, span, args, { ...extra, file })),
    };
    duplicateRules(ctx);
    resolveRanks(ctx);
    // Points and maxima of the items checked now (a kept item's are in its model already).
    for (const c of fresh.keys()) {
      this.diags = c.derived;
      if (c.model?.kind === "indicator") this.derivePoints(c.model);
    }
    for (const c of fresh.keys()) {
      this.diags = c.finished;
      if (c.model?.kind === "indicator") this.finishIndicator(c.model);
    }
    for (const c of fresh.keys()) {
      this.diags = c.finished;
      if (c.model && c.model.kind !== "indicator") this.finishSection(c.model);
    }
    for (const c of items) out.push(...c.derived);
    for (const c of items) if (c.model?.kind === "indicator") out.push(...c.finished);
    for (const c of items) if (c.model && c.model.kind !== "indicator") out.push(...c.finished);
    this.diags = out;
    factKeysNamingRules(ctx);
    this.checkRescale();
    this.diags.push(...factKeyClashes(this.cat.rules, this.ruleByName));
    notConcernedClashes(ctx);
    rankCycles(ctx);
    if (cache)
      for (const [c, context] of fresh) if (!c.rules.some(rankedByIndicator)) cache.store(c.model!.node, c.model!.file, context, c);
    return { catalogue: this.cat, diagnostics: out };
  }

  /** Models one top-level indicator or section (its own diagnostics in the result's buckets). */
  private checkItem(item: A.Indicator | A.BonusSection | A.PenaltySection, id: string, file: string): ItemCheck {
    const c: ItemCheck = { rules: [], invisible: invisibleItemNameDiagnostics(item, file), own: [], derived: [], finished: [], choices: 0 };
    const choicesBefore = this.choiceCount;
    this.diags = c.own;
    this.itemRules = c.rules;
    c.model = item.kind === "Indicator" ? this.indicator(item, id, undefined) : this.section(item, id);
    c.choices = this.choiceCount - choicesBefore;
    this.choiceCount = choicesBefore; // run() advances it, for kept items too
    return c;
  }

  /** The rules of the item being modelled. */
  private itemRules: M.RuleModel[] = [];

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
              if (item.rescale) this.cat.rescale = true;
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

  /** `总分 100分 折算`: the indicators' points must add up to something to rescale from (KP2086). */
  private checkRescale(): void {
    if (!this.cat.rescale || this.cat.declaredTotal === undefined) return;
    const root = this.files[0];
    const decl = root?.items.find((i): i is A.TotalDecl => i.kind === "Total");
    if (!root || !decl) return;
    this.file = root.path;
    const sum = this.cat.indicators.reduce((a, i) => a + i.points, 0);
    if (this.cat.indicators.length === 0 || sum <= 0) this.report("KP2086", decl.span, [kpFormat(this.cat.declaredTotal), "细则中没有有分值的指标，没有可折算的满分"]);
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
      refers: [],
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
    if (node.classPoints) {
      // 5分 其中 「其他县」 3分: points that differ by unit class
      const list: { unitClass: string; points: M.Raw }[] = [];
      const seen = new Set<string>();
      for (const cp of node.classPoints) {
        if (!cp.unitClass) continue;
        const [unitClass] = this.checkClasses([cp.unitClass]);
        if (seen.has(nameKey(cp.unitClass.value))) {
          this.report("KP2020", cp.unitClass.span, [cp.unitClass.value]);
          continue;
        }
        seen.add(nameKey(cp.unitClass.value));
        const v = this.amount(cp.value, "分值");
        if (v !== undefined) list.push({ unitClass: unitClass!, points: v });
      }
      if (list.length > 0 && ind.pointsDeclared) ind.classPoints = list;
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
          this.refer(item, ind);
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
        case "ChoiceGroup":
          this.group(item, ind);
          break;
      }
    }
    return ind;
  }

  /** A 参照 of an indicator (see {@link M.ReferModel}). */
  private refer(item: A.ReferDecl, ind: M.IndicatorModel): void {
    let taker: M.ReferModel["taker"];
    if (item.notConcerned) taker = { kind: "flag", key: `${ind.name}.未涉及` };
    else if (item.unitClass) taker = { kind: "class", unitClass: this.checkClasses([item.unitClass])[0]! };
    else return; // syntax error reported
    const takerText = taker.kind === "flag" ? "未涉及" : `「${taker.unitClass}」`;
    let source: M.ReferModel["source"];
    if (!item.aggregate) {
      if (item.pool) {
        this.report("KP2070", item.span, [item.pool === "same" ? "同类单位" : "各单位"]);
        return;
      }
      if (!item.unit) return;
      source = { kind: "unit", unit: item.unit.value };
    } else if (item.pool) source = { kind: "pool", pool: item.pool, aggregate: item.aggregate };
    else if (item.unit) source = { kind: "pool", pool: "class", unitClass: this.checkClasses([item.unit])[0]!, aggregate: item.aggregate };
    else return;
    if (source.kind === "pool" && taker.kind === "class") {
      // the takers are never in the pool: a class taking its own class's (or 同类单位's) score has none
      const own = source.pool === "same" || (source.pool === "class" && nameKey(source.unitClass!) === nameKey(taker.unitClass));
      if (own) {
        const poolText = source.pool === "same" ? "同类单位" : `「${source.unitClass}」`;
        this.report("KP2072", item.span, [takerText, poolText, aggregateWord[source.aggregate]]);
        return;
      }
    }
    const takerWords = taker.kind === "flag" ? "未涉及本项" : `「${taker.unitClass}」`;
    const dup = ind.refers.find((r) => (r.taker.kind === "flag" ? taker.kind === "flag" : taker.kind === "class" && nameKey(r.taker.unitClass) === nameKey(taker.unitClass)));
    if (dup) {
      this.report("KP2077", item.span, [ind.name, takerWords], { related: [{ file: this.file, span: dup.node.span, message: "前面的参照在这里" }] });
      return;
    }
    ind.refers.push({ taker, source, node: item });
    if (taker.kind === "class" && source.kind === "unit" && !ind.refer) ind.refer = { unitClass: taker.unitClass, unit: source.unit };
    if (taker.kind === "flag")
      ind.notConcerned = { key: taker.key, label: "是否未涉及本项（按参照计分）", fact: { type: "flag", incident: false }, optional: true };
  }

  private choiceCount = 0;

  private group(node: A.CapGroup | A.HighestGroup | A.ChoiceGroup, owner: M.IndicatorModel | M.SectionModel): void {
    const g: M.GroupModel = { kind: node.kind === "CapGroup" ? "cap" : node.kind === "HighestGroup" ? "highest" : "choice", rules: [], node };
    if (node.kind !== "ChoiceGroup") {
      const cap = this.amount(node.cap, "上限");
      if (cap !== undefined) g.cap = cap;
    } else g.choice = ++this.choiceCount;
    owner.groups.push(g);
    for (const item of node.items) {
      if (item.kind === "Note") owner.notes.push(item);
      else this.rule(item, owner, g);
    }
    // 择一 with one rule has nothing to choose between (a rule that failed to check is not counted).
    if (node.kind === "ChoiceGroup" && node.items.filter((i) => i.kind === "Rule").length < 2) {
      const at = node.span.start; // the keyword 择一 (two characters on one line)
      this.report("KP2092", { start: at, end: { offset: at.offset + 2, line: at.line, column: at.column + 2 } });
    }
  }

  private section(node: A.BonusSection | A.PenaltySection, id: string): M.SectionModel {
    const s: M.SectionModel = {
      kind: node.kind === "BonusSection" ? "bonus" : "penalty",
      id,
      name: node.name?.value ?? "",
      rules: [],
      groups: [],
      notes: [],
      node,
      file: this.file,
    };
    const cap = this.amount(node.cap, "上限");
    if (cap !== undefined) s.cap = cap;
    for (const item of node.items) {
      if (item.kind === "Note") s.notes.push(item);
      else if (item.kind === "Rule") this.rule(item, s, undefined);
      else this.group(item, s);
    }
    return s;
  }

  // ---------------------------------------------------------------- rules
  /** The indicator or section whose rule is being checked (评为 resolves shares of its points). */
  private currentOwner: M.IndicatorModel | M.SectionModel | undefined;

  /**
   * `待补 上限 3`: a modifier says how a scoring is modified, and there is no scoring yet — an error
   * at the modifiers (KP2122), never silently ignored. 适用 says which units the rule is for, not how
   * it scores, so it may stay on an unwritten rule.
   */
  private todoModifiers(node: A.Rule, name: string): void {
    const scoring = node.modifiers.filter((m) => m.kind !== "Applies");
    if (scoring.length === 0) return;
    const first = scoring[0]!;
    const last = scoring[scoring.length - 1]!;
    const words = [...new Set(scoring.map(modifierWord))].join("、");
    this.report("KP2122", { ...first.span, end: last.span.end }, [name, words]);
  }

  private rule(node: A.Rule, owner: M.IndicatorModel | M.SectionModel, group: M.GroupModel | undefined): void {
    if (!node.name || !node.body) return; // syntax errors already reported
    const name = node.name.value;
    if (!node.clause) this.report("KP2033", node.name.span, [name]);
    this.currentOwner = owner;
    const body = this.body(node.body, name);
    if (node.body.kind === "Todo") this.todoModifiers(node, name);
    if (!body) {
      // an award that could not be checked leaves its indicator's points underived (no KP2013)
      if (mayAward(node.body) || node.body.kind === "Todo") this.unchecked.add(owner);
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
      waivers: [],
      occurrences: [],
      owner,
      facts: [],
      crossUnit: body.kind === "proportional" || body.kind === "ranked" || (body.kind === "linear" && (body.baseFrom === "average" || body.baseFrom === "median")),
      node,
      file: this.file,
    };
    if (group) rule.group = group;
    if (body.kind === "once" && body.otherwise?.overdraft) rule.overdraft = true;
    const flags = new Set<string>();
    const waiverFlags = new Set<string>();
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
          // 择一: the alternatives are scored as separate rules (only one can happen), so 倒扣 works.
          if (group && group.kind !== "choice") this.report("KP2038", m.span, [group.kind === "cap" ? "合计" : "就高", name]);
          else rule.overdraft = true;
          break;
        case "Multiplier":
          if (m.flag) {
            if (flags.has(nameKey(m.flag.value))) {
              if (waiverFlags.has(nameKey(m.flag.value))) this.report("KP2105", m.flag.span, [m.flag.value, name]);
              else this.report("KP2026", m.flag.span, [m.flag.value, name]);
              break;
            }
            flags.add(nameKey(m.flag.value));
            if (body.kind === "once" && body.otherwise) this.report("KP2087", m.span, [name, m.factor === "double" ? "加倍" : "减半"]);
            rule.multipliers.push({ factor: m.factor, flag: m.flag.value });
            if (body.kind === "committee") this.report("KP2104", m.span, [name, m.factor === "double" ? "加倍" : "减半"]);
          }
          break;
        case "Waiver":
          if (m.flag) {
            const word = m.mode === "cancel" ? "免扣" : "可减免";
            if (flags.has(nameKey(m.flag.value))) {
              this.report("KP2105", m.flag.span, [m.flag.value, name]);
              break;
            }
            flags.add(nameKey(m.flag.value));
            waiverFlags.add(nameKey(m.flag.value));
            if (effect !== "deduct") this.report("KP2101", m.span, [name, word]);
            else if (group?.kind === "highest") this.report("KP2103", m.span, [name, word]);
            else if (m.mode === "reduce" && mayZero(body)) this.report("KP2102", m.span, [name]);
            else rule.waivers.push({ mode: m.mode, flag: m.flag.value });
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
    if (body.kind === "committee") this.committeeBound(rule, body, owner);
    this.checkPlacement(rule, owner, group);
    owner.rules.push(rule);
    group?.rules.push(rule);
    this.itemRules.push(rule);
  }

  /**
   * The bound of 评议 得分 (KP2100): the rule's own cap, else its 加分 section's cap, else its
   * indicator's declared points.  Never unbounded.
   */
  private committeeBound(rule: M.RuleModel, body: Extract<M.RuleBodyModel, { kind: "committee" }>, owner: M.IndicatorModel | M.SectionModel): void {
    const bound = rule.cap ?? (owner.kind === "indicator" ? (owner.pointsDeclared ? owner.points : undefined) : owner.kind === "bonus" ? owner.cap : undefined);
    if (bound === undefined) {
      // a 减分 section reports the award as misplaced (KP2017); say nothing more there
      if (owner.kind !== "penalty") this.report("KP2100", rule.node.body!.span, [rule.name]);
      this.unchecked.add(owner);
      body.max = 0;
      return;
    }
    body.max = bound;
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
    if ((k !== "per" && k !== "categories" && k !== "once") || (rule.body.kind === "once" && rule.body.otherwise)) {
      // (a 否则 rule: which of its two results would be divided is not said)
      const what = k === "once" ? "有「否则」的规则" : k === "bands" ? "分段计分" : k === "linear" ? "线性扣分" : k === "zero" ? "不得分" : k === "veto" ? "否决" : "按数值计分的规则";
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
    if (owner.kind !== "indicator" && rule.crossUnit && !computedRank(rule)) this.report("KP2017", at, [rule.name, owner.kind === "bonus" ? "加分" : "减分", "按排名或比例得分、以各单位平均值或中位数为基准的规则须放在指标中"]);
    if (rule.body.kind === "linear") this.checkLinearPlacement(rule, rule.body, owner, group);
    if (rule.body.kind === "bands" && rule.body.mayGoNegative) this.checkSignedBandsPlacement(rule, owner, group);
    if (group?.kind === "choice") {
      if (!(k === "once" || k === "zero" || k === "veto")) this.report("KP2091", at, [rule.name]);
    } else if (group?.kind === "highest" && owner.kind === "bonus") {
      // 就高 in a 加分 section: per item (incident id) only the largest award counts.
      if (rule.effect === "award" && !(k === "per" || k === "categories" || k === "once"))
        this.report("KP2017", at, [rule.name, "就高", "加分中就高组的规则须按项、分类或一次性得分，才能按事项比较"]);
      else if (k === "per" && rule.body.kind === "per" && rule.body.nouns.length > 1)
        this.report("KP2017", at, [rule.name, "就高", "复合计次（如每村每次）无法按事项比较"]);
    } else if (group) {
      const where = group.kind === "cap" ? "合计" : "就高";
      if (rule.effect !== "deduct") this.report("KP2017", at, [rule.name, where, "组中只能有扣分规则"]);
      else if (group.kind === "highest" && k === "discretion")
        this.report("KP2017", at, [rule.name, where, "酌情扣分的分数由考评单位给出，不对应某一事件，无法按事件比较；请把这条规则移出就高组"]);
      else if (group.kind === "highest" && !(k === "per" || k === "categories" || k === "once"))
        this.report("KP2017", at, [rule.name, where, "就高组中的规则须按次、分类或一次性扣分，才能按事件比较"]);
      else if (group.kind === "highest" && k === "per" && rule.body.kind === "per" && rule.body.nouns.length > 1)
        this.report("KP2017", at, [rule.name, where, "复合计次（如每村每次）无法按事件比较"]);
    }
  }

  /**
   * An award band going on with 扣 per step may end below 0, a deduction from its indicator: not in
   * a 加分 section (KP2114), without 上限/倒扣/加倍/减半 (KP2115).
   */
  private checkSignedBandsPlacement(rule: M.RuleModel, owner: M.IndicatorModel | M.SectionModel, group: M.GroupModel | undefined): void {
    const at = rule.node.body!.span;
    // in a 减分 section or a group KP2017/KP2091 say it already (award rules cannot stand there)
    if (owner.kind === "penalty" || group) return;
    if (owner.kind === "bonus") this.report("KP2114", at, [rule.name, `它在加分「${owner.name}」中（加分项中减到 0 以下无处可扣）`]);
    for (const m of rule.node.modifiers) {
      if (m.kind === "Cap") this.report("KP2115", m.span, [rule.name, "上限", "得分以各区间写明的分值为限，减到 0 以下的部分是从本项扣分"]);
      else if (m.kind === "Overdraft") this.report("KP2115", m.span, [rule.name, "倒扣", "扣分以本项分值为限（扣完为止）"]);
      else if (m.kind === "Multiplier") this.report("KP2115", m.span, [rule.name, m.factor === "double" ? "加倍" : "减半", "加倍、减半只用于只扣分或只得分的规则"]);
    }
  }

  /** Where a two-sided or 目标值 linear rule may stand, and what it may not be combined with. */
  private checkLinearPlacement(rule: M.RuleModel, b: Extract<M.RuleBodyModel, { kind: "linear" }>, owner: M.IndicatorModel | M.SectionModel, group: M.GroupModel | undefined): void {
    const at = rule.node.body!.span;
    if (b.baseFrom === "target" && owner.kind !== "indicator") this.report("KP2054", at, [rule.name, "目标值", "和目标值"]);
    if (!b.other || owner.kind === "bonus") return; // in a 加分 section KP2017 says it already
    const why =
      owner.kind !== "indicator"
        ? `它在减分「${owner.name}」中`
        : group
          ? `它在「${group.kind === "cap" ? "合计" : "就高"}」组中`
          : !owner.pointsDeclared
            ? `指标「${owner.name}」没有写分值`
            : undefined;
    if (why) this.report("KP2051", at, [rule.name, why]);
    for (const m of rule.node.modifiers) {
      if (m.kind === "Cap") this.report("KP2052", m.span, [rule.name, "上限", "上限请写在它所限的那一侧之后（如「每增加 1% 得 1 上限 2，每少 1% 扣 1」）"]);
      else if (m.kind === "Overdraft") this.report("KP2052", m.span, [rule.name, "倒扣", "扣分以本项分值为限（扣完为止）"]);
      else if (m.kind === "Multiplier") this.report("KP2052", m.span, [rule.name, m.factor === "double" ? "加倍" : "减半", "加倍、减半只用于只扣分或只得分的规则"]);
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
        const once: M.RuleBodyModel = { kind: "once", amount, overrides };
        if (b.otherwise) {
          const e = b.otherwise;
          if (b.action !== "award") {
            this.report("KP2080", e.span, [ruleName, "「否则」只能跟在得分（得 …）之后：扣分规则的事实本就是「是否发生」"]);
            return undefined;
          }
          if (e.action === "award") {
            this.report("KP2080", e.span, [ruleName, "「否则」之后应是扣分：未完成时得分与「得 …」自相矛盾"]);
            return undefined;
          }
          const other = this.amount(e.amount, "扣分");
          if (other === undefined) return undefined;
          once.otherwise = { amount: other, overdraft: e.action === "overdraft" };
        }
        return once;
      }
      case "Zero":
        return { kind: "zero" };
      case "Todo":
        this.report("KP2120", b.span, [ruleName]);
        return undefined;
      case "Bands":
        return this.bands(b, ruleName);
      case "Linear":
        return this.linear(b, ruleName);
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
        if (b.scale && b.kind !== "Assessed") {
          this.report("KP2081", b.scale.span, [ruleName, b.kind === "Rate" ? "按比率得分的事实是百分数" : "按最高比例得分与第 1 名相比"]);
          return undefined;
        }
        if (b.kind === "Assessed" && b.scale) {
          const scale = this.amount(b.scale, "原满分");
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
          if (b.max) this.report("KP2076", b.max.span, [ruleName]);
          const table: M.Raw[] = [];
          for (const t of b.table) {
            const v = this.amount(t, "名次的得分", true);
            if (v === undefined) return undefined;
            table.push(v);
          }
          if (table.length === 0) return undefined; // syntax error reported
          const rest = b.rest ? this.amount(b.rest, "其余名次的得分", true) : 0;
          if (rest === undefined) return undefined;
          const places = [...table, rest];
          for (let i = 1; i < places.length; i++) {
            if (places[i]! > places[i - 1]!) {
              const at = i < table.length ? b.table[i]! : b.rest!;
              this.report("KP2075", at.span, [ruleName, String(i), kpFormat(places[i - 1]!), i < table.length ? `第 ${i + 1} 名` : `其余名次（第 ${i + 1} 名起）`, kpFormat(places[i]!)]);
              return undefined;
            }
          }
          const out: M.RuleBodyModel = { kind: "ranked", max: table[0]!, step: 0, lowerIsBetter: b.lowerIsBetter, by, table };
          if (b.rest) out.rest = rest;
          return out;
        }
        const max = b.max ? this.amount(b.max, "满分") : undefined;
        const step = this.amount(b.step, "每后退一位的扣分");
        if (step === undefined) return undefined;
        return { kind: "ranked", max: max ?? -1, step, lowerIsBetter: b.lowerIsBetter, by };
      }
      case "Discretion": {
        const word = b.action === "award" ? "酌情得分" : "酌情扣分";
        const min = this.amount(b.min, `${word}的下限`, true);
        const max = this.amount(b.max, `${word}的上限`);
        if (min === undefined || max === undefined) return undefined;
        if (min > max) this.report("KP2031", b.span, [kpFormat(min), kpFormat(max)]);
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
        this.report("KP2082", n.span, [ruleName, n.value]);
        ok = false;
      }
      seen.add(nameKey(n.value));
    }
    if (b.names.length !== b.values.length) {
      this.report("KP2083", b.span, [ruleName, b.names.length, b.values.length]);
      return undefined;
    }
    const owner = this.currentOwner;
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
          this.report("KP2084", v.span, [ruleName, text, why]);
          ok = false;
          return;
        }
        let pct = 100_000_000;
        if (!v.full) {
          const q = this.quantity(v.value!);
          if (!q) {
            ok = false;
            return;
          }
          this.measure(v.value!, "份额", []);
          if (q.raw > 100_000_000) {
            this.report("KP2085", v.span, [ruleName, text]);
            ok = false;
            return;
          }
          pct = q.raw;
        }
        // points × pct / 100: both raw, so divide by 100 × 10^6 (rounds only beyond the sixth decimal)
        outcomes.push({ name, amount: kpMulDiv(points, pct, 100_000_000), text });
        return;
      }
      const a = this.amount(v.value, b.action === "award" ? "得分" : "扣分", true);
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
    const step = b.step && this.quantity(b.step);
    const amount = this.amount(b.amount, b.action === "award" ? "得分" : "扣分");
    let base: M.Quantity | undefined;
    if (b.baseFrom) {
      if (step) {
        const percent = step.percent || (step.measure !== undefined && /百分点/.test(step.measure));
        base = { raw: 0, percent, text: baseFromWord[b.baseFrom] };
        if (!percent && step.measure) base.measure = step.measure;
      }
    } else base = b.base && this.quantity(b.base);
    if (!base || !step || amount === undefined) return undefined;
    if (step.raw <= 0) this.report("KP2006", b.step!.span, ["步长", step.text]);
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
      const oStep = o.step && this.quantity(o.step);
      const oAmount = this.amount(o.amount, o.action === "award" ? "得分" : "扣分");
      if (!oStep || oAmount === undefined) return undefined;
      if (oStep.raw <= 0) this.report("KP2006", o.step!.span, ["步长", oStep.text]);
      this.sameUnit("步长", oStep, o.step!, base);
      if (o.action === b.action || o.direction === b.direction) {
        this.report("KP2050", o.span, [ruleName]);
        return undefined;
      }
      out.other = { direction: o.direction, word: o.word, step: oStep, amount: oAmount, mode: o.mode ?? "proportional", action: o.action };
      if (o.cap) {
        const c = this.amount(o.cap, "上限");
        if (c !== undefined) out.other.cap = c;
      }
      if (b.sideCap) {
        const c = this.amount(b.sideCap, "上限");
        if (c !== undefined) out.sideCap = c;
      }
    }
    if (b.cutoff?.value && b.cutoff.outcome) {
      if (b.action === "award" && !b.other) {
        this.report("KP2053", b.cutoff.span, [ruleName, b.cutoff.direction === "below" ? "低于" : "高于"]);
        return undefined;
      }
      const value = this.quantity(b.cutoff.value);
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
    let mayGoNegative = false;
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
      const lower = iv.lower && this.bound(iv.lower, iv.lowerNegative === true, b.signed === true);
      const upper = iv.upper && this.bound(iv.upper, iv.upperNegative === true, b.signed === true);
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
    const q = this.quantity(n);
    if (!q || !negative || q.raw === 0) return q;
    if (!signed) {
      this.report("KP2110", n.span, ["-" + q.text]);
      return undefined;
    }
    return { ...q, raw: -q.raw, text: "-" + q.text };
  }

  /** `每低 0.1个百分点 扣 0.1` after a band's outcome (KP2111–KP2113). */
  private bandSteps(st: A.BandSteps, band: M.BandModel, ruleName: string): M.BandStepsModel | undefined {
    const at = `${band.text} ${band.outcome.kind === "zero" ? "不得分" : (band.outcome.kind === "award" ? "得 " : "扣 ") + kpFormat(band.outcome.amount)}`;
    if (band.outcome.kind === "zero") {
      this.report("KP2112", st.span, [ruleName, at, st.word]);
      return undefined;
    }
    if (st.action !== "deduct") {
      this.report("KP2113", st.span, [ruleName, at, st.word]);
      return undefined;
    }
    const from = st.direction === "below" ? band.upper : band.lower;
    if (!from) {
      this.report("KP2111", st.span, [ruleName, band.text, st.word, st.direction === "below" ? "上界" : "下界"]);
      return undefined;
    }
    const step = st.step && this.quantity(st.step);
    const amount = this.amount(st.amount, "扣分");
    if (!step || amount === undefined) return undefined;
    if (step.raw <= 0) {
      this.report("KP2006", st.step!.span, ["步长", step.text]);
      return undefined;
    }
    this.sameUnit("步长", step, st.step!, from);
    return { direction: st.direction, word: st.word, step, amount, mode: st.mode ?? "proportional", from };
  }

  // ---------------------------------------------------------------- points and facts
  /** Derives points of indicators written without them, bottom-up; also fills rule maxima. */
  private derivePoints(ind: M.IndicatorModel): void {
    for (const c of ind.children) this.derivePoints(c);
    for (const r of ind.rules) r.maxAward = maxAward(r);
    if (ind.pointsDeclared) return;
    // A veto-only list (否决清单): no points, only 一票否决/一票否优 rules; it adds nothing to the total.
    if (ind.children.length === 0 && ind.rules.some((r) => r.effect === "veto") && !ind.rules.some((r) => r.effect === "award")) {
      ind.vetoOnly = true;
      this.file = ind.file;
      for (const r of ind.rules) if (r.effect !== "veto") this.report("KP2090", r.node.body!.span, [ind.name, r.name]);
      return;
    }
    let sum = 0;
    let ok = ind.children.length > 0 || ind.rules.some((r) => r.effect === "award");
    for (const c of ind.children) sum += c.points;
    // 择一: only one alternative can happen, so a group counts its largest award.
    const choiceMax = new Map<M.GroupModel, M.Raw>();
    for (const r of ind.rules) {
      if (r.effect !== "award") continue;
      if (r.maxAward === undefined || r.maxAward < 0) ok = false;
      else if (r.group?.kind === "choice") choiceMax.set(r.group, Math.max(choiceMax.get(r.group) ?? 0, r.maxAward));
      else sum += r.maxAward;
    }
    for (const m of choiceMax.values()) sum += m;
    if (!ok) {
      this.file = ind.file;
      if (this.unchecked.has(ind)) return; // an error in its points or rules is reported already
      this.report("KP2013", ind.node.name?.span ?? ind.node.span, [ind.name]);
      return;
    }
    ind.points = sum;
    // children whose points differ by class: so do this indicator's (the awards are the same for all)
    const classes: string[] = [];
    for (const c of ind.children) for (const cp of c.classPoints ?? []) if (!classes.includes(cp.unitClass)) classes.push(cp.unitClass);
    if (classes.length > 0) {
      const awards = sum - ind.children.reduce((s, c) => s + c.points, 0);
      ind.classPoints = classes.map((unitClass) => ({ unitClass, points: awards + ind.children.reduce((s, c) => s + pointsFor(c, unitClass), 0) }));
    }
  }

  private finishIndicator(ind: M.IndicatorModel): void {
    this.file = ind.file;
    const scoring = ind.rules.filter((r) => r.effect !== "veto");
    for (const r of ind.rules) {
      const b = r.body;
      if ((b.kind === "assessed" || b.kind === "rate" || b.kind === "proportional" || b.kind === "ranked") && b.max < 0) {
        if (ind.classPoints && scoring.length === 1 && ind.children.length === 0) {
          // its full points would differ by class, and its fact's range with them
          this.report("KP2094", r.node.name!.span, [r.name, ind.name]);
          b.max = 0;
        } else if (scoring.length > 1 || ind.children.length > 0) {
          this.report("KP2018", r.node.name!.span, [r.name, ind.name]);
          b.max = 0;
        } else b.max = ind.points;
        r.maxAward = b.max;
      }
      if (r.maxAward !== undefined && r.maxAward > ind.points && ind.pointsDeclared && r.effect === "award") {
        const b2 = r.node.body!;
        this.report("KP2024", b2.span, [r.name, kpFormat(r.maxAward), ind.name, kpFormat(ind.points)]);
      } else if (r.maxAward !== undefined && r.effect === "award" && ind.pointsDeclared && ind.classPoints) {
        // the rule must fit the smallest points of any class
        const low = ind.classPoints.find((cp) => cp.points < r.maxAward!);
        if (low) this.report("KP2093", r.node.body!.span, [r.name, kpFormat(r.maxAward), ind.name, low.unitClass, kpFormat(low.points)]);
      }
      r.facts = factsOf(r);
    }
    this.checkFactKeyClashes(ind.rules);
    for (const c of ind.children) this.finishIndicator(c);
    // Two-sided linear rules: the item's score may exceed its points by their award sides.
    let above: M.Raw | undefined = 0;
    for (const r of ind.rules) {
      const b = r.body;
      if (b.kind !== "linear" || !b.other) continue;
      if (ind.pointsDeclared && !r.group) {
        const other = ind.children.length > 0 ? `指标「${ind.name}」有下级指标` : ind.rules.some((x) => x.effect === "award") ? `指标「${ind.name}」还有得分规则` : undefined;
        if (other) this.report("KP2051", r.node.body!.span, [r.name, other]);
      }
      const awardCap = b.action === "award" ? b.sideCap : b.other.cap;
      above = above === undefined || awardCap === undefined ? undefined : above + awardCap;
    }
    for (const c of ind.children) above = above === undefined || c.maxAbove === undefined ? undefined : above + c.maxAbove;
    ind.maxAbove = above;
  }

  private finishSection(s: M.SectionModel): void {
    this.file = s.file;
    for (const r of s.rules) {
      r.maxAward = maxAward(r);
      const b = r.body;
      if ((b.kind === "assessed" || b.kind === "rate" || b.kind === "ranked") && b.max < 0) {
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
    }
  }
}

/** A rule ranking by an indicator's score: resolved across items, so its item is never kept. */
function rankedByIndicator(r: M.RuleModel): boolean {
  return r.node.body?.kind === "Ranked" && r.node.body.by === "indicator";
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

const baseFromWord: Record<A.BaseFrom, string> = { average: "平均值", median: "中位数", target: "目标值" };

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

const aggregateWord: Record<A.ReferAggregate, string> = { average: "平均分", max: "最高分", min: "最低分" };

/** The word a modifier is written with, for messages. */
function modifierWord(m: A.Modifier): string {
  switch (m.kind) {
    case "Cap":
      return "上限";
    case "Overdraft":
      return "倒扣";
    case "Multiplier":
      return m.factor === "double" ? "加倍" : "减半";
    case "Waiver":
      return m.mode === "cancel" ? "免扣" : "可减免";
    case "Occurrences":
      return "其中";
    case "Average":
      return "平均";
    case "Applies":
      return "适用";
  }
}
