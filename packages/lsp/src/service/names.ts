/**
 * The names of a catalogue: every 「…」 string, classified by what it names (a rule, an indicator, a
 * unit class …) or what text it holds (a clause, a note), with the model object behind it.  Built
 * once per analysis and shared by hover, navigation, rename, highlighting and completion.
 */
import type * as A from "@kaoping/core";
import { nameKey, type Analysis, type IndicatorModel, type RuleModel, type SectionModel } from "@kaoping/core";

/** What a name string names. */
export type NameKind =
  "title" | "class" | "include" | "grade" | "indicator" | "code" | "department" | "unit" | "rule" | "category" | "flag" | "section";

/** What a text string holds. */
export type TextKind = "clause" | "note" | "subject" | "year";

/** A 「…」 string that names something. */
export interface NameSite {
  kind: NameKind;
  /** The name as written. */
  name: string;
  /**
   * Its identity, core's {@link nameKey} (NFC, half-width), as the checker compares names: 「A类」 and
   * 「Ａ类」, é and e + ◌́, are one name.  Names are matched by this, never as written.
   */
  key: string;
  file: string;
  lit: A.StringLit;
  /** True where the thing is declared (rule, indicator, class in 类别 …). */
  definition: boolean;
  /** The node the string belongs to (the Rule, the Indicator, the ClassesDecl …). */
  owner: A.Node;
  /** For categories and flags: the rule they belong to (their names are local to it). */
  rule?: A.Rule;
}

/** A 「…」 string that holds text (a clause, a note …). */
export interface TextSite {
  kind: TextKind;
  file: string;
  lit: A.StringLit;
  owner: A.Node;
}

export type Site = (NameSite & { text?: false }) | (TextSite & { text: true });

/** The index of one analysed catalogue. */
export interface CatalogueIndex {
  names: NameSite[];
  /** Per file: every site, sorted by offset. */
  byFile: Map<string, Site[]>;
  rules: Map<A.Rule, RuleModel>;
  indicators: Map<A.Indicator, IndicatorModel>;
  sections: Map<A.Node, SectionModel>;
  /** Parent of each AST node (per file, the File node at the top). */
  parents: Map<A.Node, A.Node>;
}

const cache = new WeakMap<Analysis, CatalogueIndex>();

/** The index of an analysis (computed once). */
export function indexOf(analysis: Analysis): CatalogueIndex {
  let idx = cache.get(analysis);
  if (!idx) {
    idx = buildIndex(analysis);
    cache.set(analysis, idx);
  }
  return idx;
}

function buildIndex(analysis: Analysis): CatalogueIndex {
  const idx: CatalogueIndex = {
    names: [],
    byFile: new Map(),
    rules: new Map(),
    indicators: new Map(),
    sections: new Map(),
    parents: new Map(),
  };
  const cat = analysis.catalogue;
  for (const r of cat.rules) idx.rules.set(r.node, r);
  const visitInd = (m: IndicatorModel) => {
    idx.indicators.set(m.node, m);
    m.children.forEach(visitInd);
  };
  cat.indicators.forEach(visitInd);
  for (const s of [...cat.bonuses, ...cat.penalties]) idx.sections.set(s.node, s);

  for (const f of analysis.files) {
    const sites: Site[] = [];
    const file = f.path;
    const name = (kind: NameKind, lit: A.StringLit | undefined, owner: A.Node, definition: boolean, rule?: A.Rule) => {
      if (!lit) return;
      const site: NameSite = { kind, name: lit.value, key: nameKey(lit.value), file, lit, definition, owner };
      if (rule) site.rule = rule;
      idx.names.push(site);
      sites.push(site);
    };
    const text = (kind: TextKind, lit: A.StringLit | undefined, owner: A.Node) => {
      if (lit) sites.push({ kind, file, lit, owner, text: true });
    };
    let currentRule: A.Rule | undefined;
    walkWithParents(f.parsed.ast, idx.parents, (n) => {
      switch (n.kind) {
        case "Title":
          name("title", n.title, n, true);
          break;
        case "Year":
          if (n.value?.kind === "String") text("year", n.value, n);
          break;
        case "Subject":
          text("subject", n.text, n);
          break;
        case "Classes":
          for (const c of n.names) name("class", c, n, true);
          break;
        case "Include":
          name("include", n.target, n, false);
          break;
        case "Grade":
          name("grade", n.name, n, true);
          break;
        case "Indicator":
          name("indicator", n.name, n, true);
          break;
        case "Code":
          name("code", n.code, n, true);
          break;
        case "Departments":
          for (const d of n.names) name("department", d, n, false);
          break;
        case "Applies":
          for (const c of n.classes) name("class", c, n, false);
          break;
        case "Refer":
          name("class", n.unitClass, n, false);
          // with 平均分/最高分/最低分 the string names the pool's class, otherwise one unit
          name(n.aggregate ? "class" : "unit", n.unit, n, false);
          break;
        case "Ranked":
          name("indicator", n.indicator, n, false);
          break;
        case "Note":
          text("note", n.text, n);
          break;
        case "BonusSection":
        case "PenaltySection":
          name("section", n.name, n, true);
          break;
        case "Rule":
          currentRule = n;
          name("rule", n.name, n, true);
          text("clause", n.clause, n);
          break;
        case "CategoryAmount":
          name("category", n.name, n, true, currentRule);
          break;
        case "ClassAmount":
          name("class", n.unitClass, n, false);
          break;
        case "Multiplier":
        case "Waiver":
          name("flag", n.flag, n, true, currentRule);
          break;
        case "OccurrenceFactor":
          name("flag", n.condition, n, true, currentRule);
          break;
      }
    });
    sites.sort((a, b) => a.lit.span.start.offset - b.lit.span.start.offset);
    idx.byFile.set(file, sites);
  }
  return idx;
}

/** Depth-first walk that records each node's parent. */
function walkWithParents(root: A.Node, parents: Map<A.Node, A.Node>, visit: (n: A.Node) => void): void {
  const stack: A.Node[] = [root];
  // Explicit stack (files can be large); children are pushed in reverse to keep source order.
  while (stack.length > 0) {
    const n = stack.pop()!;
    visit(n);
    const kids = childNodes(n);
    for (let i = kids.length - 1; i >= 0; i--) {
      parents.set(kids[i]!, n);
      stack.push(kids[i]!);
    }
  }
}

/** The direct children of a node, in source order (comments excluded). */
export function childNodes(node: A.Node): A.Node[] {
  const out: A.Node[] = [];
  for (const key in node) {
    if (key === "span" || key === "kind" || key === "comments") continue;
    const v = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(v)) {
      for (const x of v) if (x && typeof x === "object" && "kind" in x) out.push(x as A.Node);
    } else if (v && typeof v === "object" && "kind" in v && "span" in v) out.push(v as A.Node);
  }
  return out.sort((a, b) => a.span.start.offset - b.span.start.offset);
}

/** The site whose string contains `offset` (its quotes included, its end too). */
export function siteAt(idx: CatalogueIndex, file: string, offset: number): Site | undefined {
  const sites = idx.byFile.get(file);
  if (!sites) return undefined;
  let lo = 0;
  let hi = sites.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sites[mid]!;
    if (offset < s.lit.span.start.offset) hi = mid - 1;
    else if (offset > s.lit.span.end.offset) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** The innermost nodes containing `offset`, outermost first (the File first). */
export function nodePathAt(file: A.KpFile, offset: number): A.Node[] {
  const path: A.Node[] = [file];
  let cur: A.Node = file;
  for (;;) {
    const next: A.Node | undefined = childNodes(cur).find((c) => c.span.start.offset <= offset && offset <= c.span.end.offset);
    if (!next) return path;
    path.push(next);
    cur = next;
  }
}

/** The offsets of a string's inner text (without the quotes; a recovered bare word has none). */
export function innerRange(lit: A.StringLit, text: string): { start: number; end: number } {
  const s = lit.span.start.offset;
  const e = lit.span.end.offset;
  const open = text.charAt(s) === "「" ? 1 : 0;
  const close = e - s > open && text.charAt(e - 1) === "」" && s + open + lit.value.length === e - 1 ? 1 : 0;
  return { start: s + open, end: e - close };
}

/** The enclosing indicator model of a node, if any. */
export function enclosingIndicator(idx: CatalogueIndex, node: A.Node): IndicatorModel | undefined {
  for (let n: A.Node | undefined = node; n; n = idx.parents.get(n)) {
    if (n.kind === "Indicator") return idx.indicators.get(n);
  }
  return undefined;
}
