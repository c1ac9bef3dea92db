/**
 * The checker: ASTs of a catalogue's files → the checked model (model.ts) and semantic diagnostics
 * (KP2xxx).  It resolves names (classes, rules across files), derives indicator points, converts
 * amounts to exact raw decimals, checks bands and placements, and works out the facts each rule takes.
 * It never throws on user input and never mutates the ASTs.
 */
import type * as A from "../ast.js";
import { diagnostic, type Diagnostic, type MessageCode } from "../diagnostics.js";
import type * as M from "../model.js";
import { kpFormat } from "../runtime/decimal.js";
import { nameKey } from "../text/names.js";
import type { Span } from "../text/position.js";
import type { CheckCache, ItemCheck } from "./item-cache.js";
import { type CatalogueContext, duplicateRules, factKeysNamingRules, notConcernedClashes, rankCycles, resolveRanks } from "./catalogue-passes.js";
import { factKeyClashes, invisibleItemNameDiagnostics } from "./names.js";
import { NumberReader } from "./numbers.js";
import { BodyChecker } from "./rule-bodies.js";
import { computedRank, factsOf, hasZero, isAward, maxAward, mayAward, mayZero, pointsFor } from "./rule-model.js";

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
  /** Numbers (numbers.ts) and rule bodies (rule-bodies.ts), reporting here. */
  private readonly num = new NumberReader((code, span, args, extra) => this.report(code, span, args, extra));
  private readonly bodies = new BodyChecker({
    report: (code, span, args, extra) => this.report(code, span, args, extra),
    num: this.num,
    classes: (names) => this.checkClasses(names),
    owner: () => this.currentOwner,
  });

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
              if (item.value.kind === "Number") this.num.measure(item.value, "年度", ["年"]);
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
              const v = this.num.amount(item.value, "总分");
              if (v !== undefined) this.cat.declaredTotal = v;
              if (item.rescale) this.cat.rescale = true;
            }
            break;
          case "Rounding":
            if (once(item, word) && item.places) {
              const p = item.places;
              this.num.measure(p, "保留的小数位数", ["位"]);
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
        const q = this.num.quantity(c.value);
        if (!q) continue;
        if (c.kind === "ScoreCondition") {
          this.num.measure(c.value, "等次的分数线", ["分"]);
          if (q.percent) this.report("KP2008", c.value.span, [c.value.text + "%"]);
          conditions.push({ kind: "score", op: c.op, value: q.raw });
        } else {
          this.num.measure(c.value, "名次", ["名"]);
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
      const p = this.num.amount(node.points, "分值");
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
        const v = this.num.amount(cp.value, "分值");
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
      const cap = this.num.amount(node.cap, "上限");
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
    const cap = this.num.amount(node.cap, "上限");
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
    // 待核: scored as written, a warning at the mark until a person has checked it (check/review.ts)
    if (node.review) this.report("KP2123", node.review.span, [name]);
    this.currentOwner = owner;
    const body = this.bodies.body(node.body, name);
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
          const c = this.num.amount(m.value, "上限");
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
        const q = e.n && this.num.quantity(e.n);
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
    const q = this.num.quantity(m.value);
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
