/**
 * CST → AST.  A pure translation: values are normalised (half-width, canonical keywords), every node
 * gets its exact span, and missing children of recovered (partial) CST nodes are left undefined.
 */
import type { CstNode, IToken } from "chevrotain";
import type * as A from "../ast.js";
import type { LineIndex, Span } from "../text/position.js";
import { canonicalImage, isTokenOf, stringValue } from "./lexer.js";
import * as T from "./tokens.js";

type Child = CstNode | IToken;

function isToken(c: Child): c is IToken {
  return (c as IToken).image !== undefined;
}

/** Builds the AST of one file from its CST. */
export class AstBuilder {
  constructor(
    private readonly lines: LineIndex,
    private readonly path: string,
  ) {}

  // ---------------------------------------------------------------- helpers
  private nodes(n: CstNode, name: string): CstNode[] {
    return (n.children[name] ?? []) as CstNode[];
  }
  private node(n: CstNode, name: string): CstNode | undefined {
    return this.nodes(n, name)[0];
  }
  private tokens(n: CstNode, name: string): IToken[] {
    const list = n.children[name] as IToken[] | undefined;
    if (!list) return [];
    // Tokens inserted by error recovery have no position: leave them out.
    for (const t of list) if (Number.isNaN(t.startOffset)) return list.filter((x) => !Number.isNaN(x.startOffset));
    return list;
  }
  private token(n: CstNode, name: string): IToken | undefined {
    const list = n.children[name] as IToken[] | undefined;
    if (!list) return undefined;
    for (const t of list) if (!Number.isNaN(t.startOffset)) return t;
    return undefined;
  }
  /** All tokens below a node, in order. */
  private allTokens(n: CstNode): IToken[] {
    const out: IToken[] = [];
    const visit = (c: Child) => {
      if (isToken(c)) {
        if (!Number.isNaN(c.startOffset)) out.push(c);
      } else for (const list of Object.values(c.children)) for (const x of list) visit(x);
    };
    visit(n);
    return out.sort((a, b) => a.startOffset - b.startOffset);
  }
  private spanOfToken(t: IToken): Span {
    // Chevrotain tracked lines and columns while lexing (1-based, end inclusive): no search needed.
    // (A token ending in a line break — an unclosed block comment — ends at the next line's start,
    // which Chevrotain's inclusive end cannot say: compute that one.)
    const lastChar = t.image.charCodeAt(t.image.length - 1);
    if (lastChar !== 10 && lastChar !== 13 && t.startLine !== undefined && t.startColumn !== undefined && t.endLine !== undefined && t.endColumn !== undefined && !Number.isNaN(t.endColumn)) {
      // `| 0`: Chevrotain's token fields hold boxed numbers; positions keep small integers
      // (text/position.ts), so that a large file's ~100,000 positions hold no boxes.
      const end = (t.startOffset + t.image.length) | 0;
      return {
        start: { offset: t.startOffset | 0, line: t.startLine | 0, column: t.startColumn | 0 },
        end: { offset: end, line: t.endLine | 0, column: (t.endColumn + 1) | 0 },
      };
    }
    return this.lines.span(t.startOffset, t.startOffset + t.image.length);
  }
  private spanOf(n: CstNode): Span {
    const loc = n.location;
    if (loc && !Number.isNaN(loc.startOffset) && loc.endOffset !== undefined && !Number.isNaN(loc.endOffset)) {
      // endOffset is inclusive: the last code unit of the last token.
      return this.lines.span(loc.startOffset, loc.endOffset + 1);
    }
    const toks = this.allTokens(n);
    if (toks.length === 0) return this.lines.span(0, 0);
    const last = toks[toks.length - 1]!;
    return this.lines.span(toks[0]!.startOffset, last.startOffset + last.image.length);
  }
  private str(t: IToken | undefined): A.StringLit | undefined {
    if (!t) return undefined;
    return { kind: "String", value: stringValue(t), span: this.spanOfToken(t) };
  }
  private strs(n: CstNode, name = "StringLiteral"): A.StringLit[] {
    return this.tokens(n, name).map((t) => this.str(t)!);
  }

  /** The number labelled `label` in node `n` (and its measure word, `label + "Measure"`) → NumberLit. */
  private num(n: CstNode | undefined, label: string): A.NumberLit | undefined {
    if (!n) return undefined;
    const t = this.token(n, label);
    if (!t) return undefined;
    let text = canonicalImage(t);
    const percent = text.endsWith("%");
    if (percent) text = text.slice(0, -1);
    const m = this.token(n, label + "Measure");
    const span = this.spanOfToken(t);
    if (m) span.end = this.spanOfToken(m).end;
    const lit: A.NumberLit = { kind: "Number", text: normaliseDecimal(text), percent, span };
    if (m) lit.measure = canonicalImage(m);
    return lit;
  }

  /** Child nodes of several kinds, in source order (for inlined alternatives). */
  private ordered(n: CstNode, names: readonly string[]): { name: string; node: CstNode }[] {
    const out: { name: string; node: CstNode }[] = [];
    for (const name of names) for (const node of this.nodes(n, name)) out.push({ name, node });
    return out.sort((a, b) => this.startOf(a.node) - this.startOf(b.node));
  }
  private startOf(n: CstNode): number {
    const o = n.location?.startOffset;
    return o !== undefined && !Number.isNaN(o) ? o : (this.allTokens(n)[0]?.startOffset ?? 0);
  }

  // ---------------------------------------------------------------- file
  file(cst: CstNode, comments: IToken[]): A.KpFile {
    const items: A.TopItem[] = [];
    for (const { name, node } of this.ordered(cst, topKinds)) {
      const item = this.topItem(name, node);
      if (item) items.push(item);
    }
    return {
      kind: "File",
      path: this.path,
      items,
      comments: comments.map((c) => ({
        kind: "Comment",
        style: c.tokenType === T.LineComment ? "line" : "block",
        text: c.image,
        span: this.spanOfToken(c),
      })),
      span: this.lines.span(0, this.lines.text.length),
    };
  }

  private topItem(kind: string, node: CstNode): A.TopItem | undefined {
    const sub = (name: string) => (kind === name ? node : undefined);
    let x: CstNode | undefined;
    if ((x = sub("titleDecl"))) return { kind: "Title", title: this.str(this.token(x, "StringLiteral")), span: this.spanOf(x) };
    if ((x = sub("yearDecl"))) {
      const v = this.num(x, "value");
      return { kind: "Year", value: v ?? this.str(this.token(x, "StringLiteral")), span: this.spanOf(x) };
    }
    if ((x = sub("subjectDecl"))) return { kind: "Subject", text: this.str(this.token(x, "StringLiteral")), span: this.spanOf(x) };
    if ((x = sub("classesDecl"))) return { kind: "Classes", names: this.stringList(this.node(x, "stringList")), span: this.spanOf(x) };
    if ((x = sub("totalDecl"))) {
      const total: A.TotalDecl = { kind: "Total", value: this.num(x, "value"), span: this.spanOf(x) };
      if (this.token(x, "Rescale")) total.rescale = true;
      return total;
    }
    if ((x = sub("roundingDecl"))) return { kind: "Rounding", places: this.num(x, "value"), span: this.spanOf(x) };
    if ((x = sub("includeDecl"))) return { kind: "Include", target: this.str(this.token(x, "StringLiteral")), span: this.spanOf(x) };
    if ((x = sub("gradesDecl"))) return this.grades(x);
    if ((x = sub("indicator"))) return this.indicator(x);
    if ((x = sub("bonusSection"))) return { kind: "BonusSection", ...this.section(x) };
    if ((x = sub("penaltySection"))) return { kind: "PenaltySection", ...this.section(x) };
    return undefined;
  }

  private section(n: CstNode): { name?: A.StringLit; cap?: A.NumberLit; items: A.SectionItem[]; span: Span } {
    const block = this.node(n, "sectionBlock");
    const items: A.SectionItem[] = [];
    if (block)
      for (const { name, node } of this.ordered(block, sectionItemKinds)) {
        if (name === "rule") items.push(this.rule(node));
        else if (name === "note") items.push(this.note(node));
        else {
          const g = this.indicatorItem(name, node);
          if (g && (g.kind === "HighestGroup" || g.kind === "ChoiceGroup")) items.push(g);
        }
      }
    return {
      name: this.str(this.token(n, "StringLiteral")),
      cap: this.num(n, "value"),
      items,
      span: this.spanOf(n),
    };
  }

  private stringList(n: CstNode | undefined): A.StringLit[] {
    return n ? this.strs(n) : [];
  }

  private grades(n: CstNode): A.GradesDecl {
    return { kind: "Grades", grades: this.nodes(n, "grade").map((g) => this.grade(g)), span: this.spanOf(n) };
  }

  private grade(n: CstNode): A.Grade {
    return {
      kind: "Grade",
      name: this.str(this.token(n, "StringLiteral")),
      otherwise: this.tokens(n, "Otherwise").length > 0,
      conditions: this.nodes(n, "gradeCondition").map((c): A.GradeCondition => {
        if (this.token(c, "Top")) return { kind: "RankCondition", value: this.num(c, "value"), span: this.spanOf(c) };
        return {
          kind: "ScoreCondition",
          op: this.token(c, "Gt") ? ">" : "≥",
          value: this.num(c, "value"),
          span: this.spanOf(c),
        };
      }),
      span: this.spanOf(n),
    };
  }

  // ---------------------------------------------------------------- indicators
  private indicator(n: CstNode): A.Indicator {
    const items: A.IndicatorItem[] = [];
    for (const { name, node } of this.ordered(n, indicatorItemKinds)) {
      const x = this.indicatorItem(name, node);
      if (x) items.push(x);
    }
    const ind: A.Indicator = {
      kind: "Indicator",
      name: this.str(this.token(n, "StringLiteral")),
      points: this.num(n, "value"),
      items,
      span: this.spanOf(n),
    };
    const classPoints = this.nodes(n, "namedAmount").map(
      (c): A.ClassAmount => ({ kind: "ClassAmount", unitClass: this.str(this.token(c, "StringLiteral")), value: this.num(c, "value"), span: this.spanOf(c) }),
    );
    if (classPoints.length > 0) ind.classPoints = classPoints;
    return ind;
  }

  private indicatorItem(kind: string, node: CstNode): A.IndicatorItem | undefined {
    const sub = (name: string) => (kind === name ? node : undefined);
    let x: CstNode | undefined;
    if ((x = sub("codeDecl"))) return { kind: "Code", code: this.str(this.token(x, "StringLiteral")), span: this.spanOf(x) };
    if ((x = sub("departmentsDecl"))) return { kind: "Departments", names: this.stringList(this.node(x, "stringList")), span: this.spanOf(x) };
    if ((x = sub("appliesDecl"))) return this.applies(x);
    if ((x = sub("referDecl"))) return this.refer(x);
    if ((x = sub("indicator"))) return this.indicator(x);
    if ((x = sub("rule"))) return this.rule(x);
    if ((x = sub("note"))) return this.note(x);
    if ((x = sub("capGroup")))
      return { kind: "CapGroup", cap: this.num(x, "value"), items: this.groupItems(this.node(x, "groupBlock")), span: this.spanOf(x) };
    if ((x = sub("highestGroup")))
      return { kind: "HighestGroup", cap: this.num(x, "value"), items: this.groupItems(this.node(x, "groupBlock")), span: this.spanOf(x) };
    if ((x = sub("choiceGroup"))) return { kind: "ChoiceGroup", items: this.groupItems(this.node(x, "groupBlock")), span: this.spanOf(x) };
    return undefined;
  }

  private refer(x: CstNode): A.ReferDecl {
    const r: A.ReferDecl = { kind: "Refer", unitClass: this.str(this.token(x, "unitClass")), unit: this.str(this.token(x, "unit")), span: this.spanOf(x) };
    if (this.token(x, "NotConcerned")) r.notConcerned = true;
    const pool = this.token(x, "pool");
    if (pool) r.pool = pool.tokenType === T.SameClassUnits ? "same" : "all";
    const agg = this.token(x, "aggregate");
    if (agg) r.aggregate = agg.tokenType === T.MaxScore ? "max" : agg.tokenType === T.MinScore ? "min" : "average";
    return r;
  }

  private applies(n: CstNode): A.AppliesDecl {
    return { kind: "Applies", classes: this.stringList(this.node(n, "stringList")), span: this.spanOf(n) };
  }

  private note(n: CstNode): A.Note {
    return { kind: "Note", text: this.str(this.token(n, "StringLiteral")), span: this.spanOf(n) };
  }

  private groupItems(n: CstNode | undefined): A.GroupItem[] {
    if (!n) return [];
    const items: A.GroupItem[] = [...this.nodes(n, "rule").map((r) => this.rule(r)), ...this.nodes(n, "note").map((r) => this.note(r))];
    return items.sort((a, b) => a.span.start.offset - b.span.start.offset);
  }

  // ---------------------------------------------------------------- rules
  private rule(n: CstNode): A.Rule {
    const rule: A.Rule = {
      kind: "Rule",
      name: this.str(this.token(n, "name")),
      clause: this.str(this.token(n, "clause")),
      body: this.ruleBody(n),
      modifiers: this.nodes(n, "modifier")
        .map((m) => this.modifier(m))
        .filter((m): m is A.Modifier => m !== undefined),
      span: this.spanOf(n),
    };
    const review = this.token(n, "review");
    if (review) rule.review = { kind: "ReviewMark", span: this.spanOfToken(review) };
    return rule;
  }

  /** 扣 or 得 (the token labelled "action" in node `n`). */
  private action(n: CstNode): A.Action {
    return this.token(n, "action")?.tokenType === T.Award ? "award" : "deduct";
  }

  /** The body of rule node `n` (its alternatives are inlined in the rule). */
  private ruleBody(n: CstNode): A.RuleBody | undefined {
    const c = n.children;
    const sub = (name: string) => (c[name]?.[0] as CstNode | undefined);
    const bodyNode = bodyKinds.map(sub).find((x) => x !== undefined);
    const bodyToken = this.token(n, "ZeroScore") ?? this.token(n, "VetoWord") ?? this.token(n, "TodoMark");
    const span = bodyNode ? this.spanOf(bodyNode) : bodyToken ? this.spanOfToken(bodyToken) : this.spanOf(n);
    let x: CstNode | undefined;
    if ((x = sub("perBody"))) {
      return {
        kind: "Per",
        units: this.tokens(x, "PerUnit").map((t): A.UnitWord => {
          const info = T.perUnitInfo(t.image);
          return { kind: "UnitWord", text: info.canonical, noun: info.noun, span: this.spanOfToken(t) };
        }),
        action: this.action(x),
        amounts: this.amounts(this.node(x, "amounts")),
        span,
      };
    }
    if ((x = sub("oneShotBody"))) {
      const body: A.OneShotBody = { kind: "OneShot", action: this.action(x), amounts: this.amounts(this.node(x, "amounts")), span };
      const e = this.node(x, "elseBranch");
      if (e) {
        const t = this.token(e, "elseAction");
        body.otherwise = {
          kind: "Else",
          action: t?.tokenType === T.Overdraft ? "overdraft" : t?.tokenType === T.Award ? "award" : "deduct",
          amount: this.num(e, "value"),
          span: this.spanOf(e),
        };
      }
      return body;
    }
    if (this.token(n, "ZeroScore")) return { kind: "Zero", span };
    if (this.token(n, "TodoMark")) return { kind: "Todo", span };
    if ((x = sub("bandsBody"))) {
      const body: A.BandsBody = { kind: "Bands", bands: this.nodes(x, "band").map((b) => this.band(b)), span };
      if (this.token(x, "SignedKw")) body.signed = true;
      return body;
    }
    if ((x = sub("linearBody"))) {
      const stepTok = this.token(x, "StepWord");
      const word = stepTok ? canonicalImage(stepTok) : "每低";
      const body: A.LinearBody = {
        kind: "Linear",
        base: this.num(x, "base"),
        word,
        direction: stepDirection(word),
        step: this.num(x, "step"),
        action: this.action(x),
        amount: this.num(x, "amount"),
        span,
      };
      const from = this.token(x, "BaseFrom");
      if (from) body.baseFrom = from.tokenType === T.BaseAverage ? "average" : from.tokenType === T.BaseMedian ? "median" : "target";
      const mode = stepMode(this.token(x, "StepMode"));
      if (mode) body.mode = mode;
      const sideCap = this.num(x, "sideCap");
      if (sideCap) body.sideCap = sideCap;
      const side = this.node(x, "linearSide");
      if (side) {
        const w = this.token(side, "StepWord");
        const sw = w ? canonicalImage(w) : "每低";
        const other: A.LinearSide = {
          kind: "LinearSide",
          word: sw,
          direction: stepDirection(sw),
          step: this.num(side, "step"),
          action: this.action(side),
          amount: this.num(side, "amount"),
          span: this.spanOf(side),
        };
        const m = stepMode(this.token(side, "StepMode"));
        if (m) other.mode = m;
        const cap = this.num(side, "cap");
        if (cap) other.cap = cap;
        body.other = other;
      }
      const cut = this.node(x, "cutoff");
      if (cut) body.cutoff = this.cutoff(cut);
      return body;
    }
    if ((x = sub("shortfallBody")))
      return {
        kind: "Shortfall",
        target: this.num(x, "target"),
        step: this.num(x, "step"),
        amount: this.num(x, "amount"),
        span,
      };
    if ((x = sub("scoredBody"))) {
      const how = this.token(x, "how");
      const max = this.num(this.node(x, "fullPoints") ?? x, "value");
      const kind = how?.tokenType === T.RateKw ? "Rate" : how?.tokenType === T.ProportionalKw ? "Proportional" : "Assessed";
      const body = { kind, span } as A.AssessedBody | A.RateBody | A.ProportionalBody;
      if (this.node(x, "fullPoints") && max) body.max = max;
      const scale = this.num(x, "scale");
      if (scale) body.scale = scale;
      return body;
    }
    if ((x = sub("rankedBody"))) {
      const fp = this.node(x, "fullPoints");
      const indicator = this.token(x, "indicator");
      const body: A.RankedBody = {
        kind: "Ranked",
        by: indicator ? "indicator" : this.token(x, "total") ? "total" : "fact",
        step: this.num(x, "value"),
        lowerIsBetter: this.tokens(x, "LowerBetter").length > 0,
        span,
      };
      if (indicator) body.indicator = this.str(indicator);
      if (fp) body.max = this.num(fp, "value");
      if (this.token(x, "InOrder")) {
        body.table = this.nodes(x, "place")
          .map((p) => this.num(p, "value"))
          .filter((v): v is A.NumberLit => v !== undefined);
        const rest = this.num(this.node(x, "rest"), "value");
        if (rest) body.rest = rest;
      }
      return body;
    }
    if ((x = sub("discretionBody"))) {
      const body: A.DiscretionBody = { kind: "Discretion", action: this.action(x), min: this.num(x, "min"), max: this.num(x, "max"), span };
      const u = this.token(x, "PerUnit");
      if (u) {
        const info = T.perUnitInfo(u.image);
        body.unit = { kind: "UnitWord", text: info.canonical, noun: info.noun, span: this.spanOfToken(u) };
      }
      return body;
    }
    if (sub("committeeBody")) return { kind: "Committee", span };
    if ((x = sub("ratedBody")))
      return {
        kind: "Rated",
        names: this.stringList(this.node(x, "stringList")),
        action: this.action(x),
        values: this.nodes(x, "ratedValue").map((v): A.RatedValue => {
          const rv: A.RatedValue = { kind: "RatedValue", full: this.token(v, "Full") !== undefined, span: this.spanOf(v) };
          const n = this.num(v, "value");
          if (n) rv.value = n;
          return rv;
        }),
        span,
      };
    const veto = this.token(n, "VetoWord");
    if (veto) return { kind: "Veto", level: veto.tokenType === T.VetoExcellent ? "noExcellent" : "fail", span };
    return undefined;
  }

  private amounts(n: CstNode | undefined): A.Amounts | undefined {
    if (!n) return undefined;
    const categories = this.nodes(n, "category");
    if (categories.length > 0) {
      return {
        kind: "Categories",
        entries: categories.map((c) => ({
          kind: "CategoryAmount",
          name: this.str(this.token(c, "StringLiteral")),
          value: this.num(c, "value"),
          span: this.spanOf(c),
        })),
        span: this.spanOf(n),
      };
    }
    return {
      kind: "Amount",
      value: this.num(n, "value"),
      overrides: this.nodes(n, "namedAmount").map((c) => ({
        kind: "ClassAmount",
        unitClass: this.str(this.token(c, "StringLiteral")),
        value: this.num(c, "value"),
        span: this.spanOf(c),
      })),
      span: this.spanOf(n),
    };
  }

  private band(n: CstNode): A.Band {
    const iv = this.node(n, "interval");
    const missing = this.token(n, "MissingKw");
    const band: A.Band = { kind: "Band", span: this.spanOf(n) };
    if (iv) band.range = this.interval(iv);
    else if (missing) band.range = { kind: "Missing", span: this.spanOfToken(missing) };
    const oc = this.node(n, "outcome");
    if (oc) band.outcome = this.outcome(oc);
    const st = this.node(n, "bandSteps");
    if (st) {
      const w = this.token(st, "StepWord");
      const word = w ? canonicalImage(w) : "每低";
      const steps: A.BandSteps = {
        kind: "BandSteps",
        word,
        direction: stepDirection(word),
        step: this.num(st, "step"),
        action: this.action(st),
        amount: this.num(st, "amount"),
        span: this.spanOf(st),
      };
      const mode = stepMode(this.token(st, "StepMode"));
      if (mode) steps.mode = mode;
      band.steps = steps;
    }
    return band;
  }

  private interval(n: CstNode): A.Interval {
    const span = this.spanOf(n);
    const op = this.token(n, "CompareOp");
    if (op) {
      const bound = this.num(n, "bound");
      const sym = canonicalImage(op) as "≥" | ">" | "≤" | "<" | "=";
      const iv: A.Interval = { kind: "Interval", form: sym, lowerInclusive: false, upperInclusive: false, span };
      const neg = this.token(n, "boundMinus") !== undefined;
      if (sym === "≥" || sym === ">" || sym === "=") {
        iv.lower = bound;
        iv.lowerInclusive = sym !== ">";
        if (neg) iv.lowerNegative = true;
      }
      if (sym === "≤" || sym === "<" || sym === "=") {
        iv.upper = bound;
        iv.upperInclusive = sym !== "<";
        if (neg) iv.upperNegative = true;
      }
      return iv;
    }
    const open = this.token(n, "open");
    const close = this.token(n, "close");
    const iv: A.Interval = {
      kind: "Interval",
      form: "bracket",
      lower: this.num(n, "lower"),
      lowerInclusive: open ? isTokenOf(open, T.LBracket) : true,
      upper: this.num(n, "upper"),
      upperInclusive: close ? isTokenOf(close, T.RBracket) : false,
      span,
    };
    if (this.token(n, "lowerMinus")) iv.lowerNegative = true;
    if (this.token(n, "upperMinus")) iv.upperNegative = true;
    return iv;
  }

  private outcome(n: CstNode): A.Outcome {
    if (this.token(n, "ZeroScore")) return { kind: "Outcome", action: "zero", span: this.spanOf(n) };
    return { kind: "Outcome", action: this.action(n), amount: this.num(n, "value"), span: this.spanOf(n) };
  }

  private cutoff(n: CstNode): A.Cutoff {
    const w = this.token(n, "CutoffWord");
    const zero = this.token(n, "ZeroScore");
    const deduct = this.token(n, "Deduct");
    const cut: A.Cutoff = {
      kind: "Cutoff",
      direction: w && w.tokenType === T.Above ? "above" : "below",
      value: this.num(n, "value"),
      span: this.spanOf(n),
    };
    if (zero) cut.outcome = { kind: "Outcome", action: "zero", span: this.spanOfToken(zero) };
    else if (deduct) {
      const amount = this.num(n, "amount");
      const end = amount ? amount.span.end : this.spanOfToken(deduct).end;
      cut.outcome = { kind: "Outcome", action: "deduct", amount, span: { start: this.spanOfToken(deduct).start, end } };
    }
    return cut;
  }

  private modifier(n: CstNode): A.Modifier | undefined {
    const span = this.spanOf(n);
    if (this.token(n, "Cap")) return { kind: "Cap", value: this.num(n, "value"), span };
    if (this.token(n, "Overdraft")) return { kind: "Overdraft", span };
    if (this.token(n, "WaiveAll") || this.token(n, "WaivePart"))
      return { kind: "Waiver", mode: this.token(n, "WaiveAll") ? "cancel" : "reduce", flag: this.str(this.token(n, "StringLiteral")), span };
    if (this.token(n, "Double") || this.token(n, "Half"))
      return { kind: "Multiplier", factor: this.token(n, "Double") ? "double" : "half", flag: this.str(this.token(n, "StringLiteral")), span };
    if (this.token(n, "Among")) {
      const entries = this.nodes(n, "occurrenceFactor").map((f) => this.occurrenceFactor(f));
      return { kind: "Occurrences", entries, span };
    }
    if (this.token(n, "ByKw") && this.token(n, "AverageKw")) {
      const m: A.AverageModifier = { kind: "Average", span };
      const fact = this.str(this.token(n, "divisorFact"));
      if (fact) m.fact = fact;
      const value = this.num(n, "divisor");
      if (value) m.value = value;
      return m;
    }
    const ap = this.node(n, "appliesDecl");
    if (ap) return this.applies(ap);
    return undefined;
  }

  private occurrenceFactor(n: CstNode): A.OccurrenceFactor {
    const how = this.token(n, "how");
    const factor = this.token(n, "Double") ? "double" : this.token(n, "Half") ? "half" : how && how.tokenType === T.ByKw ? "times" : "plus";
    const f: A.OccurrenceFactor = { kind: "OccurrenceFactor", factor, span: this.spanOf(n) };
    const condition = this.str(this.token(n, "StringLiteral"));
    if (condition) f.condition = condition;
    const value = this.num(n, "NumberLiteral");
    if (value) f.n = value;
    return f;
  }
}

/** CST children that are top-level items (the file rule's alternatives). */
const topKinds = [
  "titleDecl",
  "yearDecl",
  "subjectDecl",
  "classesDecl",
  "totalDecl",
  "roundingDecl",
  "includeDecl",
  "gradesDecl",
  "indicator",
  "bonusSection",
  "penaltySection",
] as const;

/** CST children of a rule that are its body (the rule's alternatives, besides 不得分 and vetoes). */
const bodyKinds = ["perBody", "oneShotBody", "bandsBody", "linearBody", "shortfallBody", "scoredBody", "rankedBody", "discretionBody", "committeeBody", "ratedBody"] as const;

/** CST children that are indicator items (the indicator rule's alternatives). */
const indicatorItemKinds = ["codeDecl", "departmentsDecl", "appliesDecl", "referDecl", "indicator", "rule", "note", "capGroup", "highestGroup", "choiceGroup"] as const;
const sectionItemKinds = ["rule", "note", "highestGroup", "choiceGroup"] as const;

function stepDirection(word: string): "below" | "above" {
  return /低|少/.test(word) ? "below" : "above";
}

function stepMode(t: IToken | undefined): A.StepMode | undefined {
  if (!t) return undefined;
  return t.tokenType === T.ModeFloor ? "floor" : t.tokenType === T.ModeCeil ? "ceil" : t.tokenType === T.ModeRound ? "round" : "proportional";
}

/** `"007.50"` → `"7.5"`; keeps at least one digit before the point. */
export function normaliseDecimal(text: string): string {
  // Already normal (no leading zero before a digit, no trailing zero after a point): most numbers.
  const c0 = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  const dot = text.indexOf(".");
  if (!(c0 === 48 && text.length > 1 && text.charCodeAt(1) !== 46) && !(dot >= 0 && (last === 48 || last === 46))) return text;
  let [int, frac = ""] = text.split(".");
  int = (int ?? "0").replace(/^0+(?=\d)/, "");
  frac = frac.replace(/0+$/, "");
  return frac ? `${int}.${frac}` : int;
}
