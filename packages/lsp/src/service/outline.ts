/** The outline (indicator tree with rules), workspace symbols and folding ranges. */
import type * as A from "@kaoping/core";
import { nameKey, type LoadedFile, type Span } from "@kaoping/core";
import { childrenSum, formatPoints as f } from "./describe.js";
import { indexOf } from "./names.js";
import type { DocContext, Project } from "./project.js";

/** What an outline entry is. */
export type SymbolKind = "catalogue" | "class" | "include" | "grades" | "grade" | "indicator" | "rule" | "group" | "section";

/** One entry of a document's outline. */
export interface OutlineSymbol {
  name: string;
  detail: string;
  kind: SymbolKind;
  /** The whole construct. */
  span: Span;
  /** Its name. */
  selection: Span;
  children: OutlineSymbol[];
}

const UNNAMED = "（未命名）";

function clip(text: string, max = 40): string {
  const chars = [...text];
  return chars.length > max ? chars.slice(0, max).join("") + "…" : text;
}

/** The outline of a document: header items, then the indicator tree with rules as children. */
export function documentSymbols(ctx: DocContext): OutlineSymbol[] {
  const idx = indexOf(ctx.state.analysis);
  const sym = (
    name: string | undefined,
    detail: string,
    kind: SymbolKind,
    node: A.Node,
    nameSpan: Span | undefined,
    children: OutlineSymbol[] = [],
  ): OutlineSymbol => ({
    name: name && name.trim() !== "" ? name : UNNAMED,
    detail,
    kind,
    span: node.span,
    selection: nameSpan ?? node.span,
    children,
  });

  const rule = (r: A.Rule): OutlineSymbol => sym(r.name?.value, clip(r.clause?.value ?? ""), "rule", r, r.name?.span);
  const groupItems = (items: A.GroupItem[]) => items.filter((i): i is A.Rule => i.kind === "Rule").map(rule);
  const groupSym = (item: A.CapGroup | A.HighestGroup | A.ChoiceGroup): OutlineSymbol =>
    item.kind === "CapGroup"
      ? sym(`合计 上限 ${item.cap?.text ?? "?"}`, "", "group", item, undefined, groupItems(item.items))
      : item.kind === "HighestGroup"
        ? sym(`就高${item.cap ? ` 上限 ${item.cap.text}` : ""}`, "", "group", item, undefined, groupItems(item.items))
        : sym("择一", "", "group", item, undefined, groupItems(item.items));
  const sectionItems = (items: A.SectionItem[]) => items.flatMap((i) => (i.kind === "Rule" ? [rule(i)] : i.kind === "Note" ? [] : [groupSym(i)]));

  const indicator = (n: A.Indicator): OutlineSymbol => {
    const m = idx.indicators.get(n);
    let detail = n.points ? `${n.points.text}分` : m ? `（${f(m.points)}分）` : "";
    if (m && m.pointsDeclared) {
      const sum = childrenSum(m);
      if (sum !== undefined && sum !== m.points) detail += `（子项合计 ${f(sum)}）`;
    }
    const children: OutlineSymbol[] = [];
    for (const item of n.items) {
      if (item.kind === "Indicator") children.push(indicator(item));
      else if (item.kind === "Rule") children.push(rule(item));
      else if (item.kind === "CapGroup" || item.kind === "HighestGroup" || item.kind === "ChoiceGroup") children.push(groupSym(item));
    }
    return sym(n.name?.value, detail, "indicator", n, n.name?.span, children);
  };

  const out: OutlineSymbol[] = [];
  for (const item of ctx.file.parsed.ast.items) {
    switch (item.kind) {
      case "Title":
        out.push(sym(item.title?.value, "细则", "catalogue", item, item.title?.span));
        break;
      case "Classes":
        for (const c of item.names) out.push(sym(c.value, "类别", "class", c, c.span));
        break;
      case "Include":
        out.push(sym(item.target?.value, "引入", "include", item, item.target?.span));
        break;
      case "Grades":
        out.push(
          sym(
            "等次",
            "",
            "grades",
            item,
            undefined,
            item.grades.map((g) => sym(g.name?.value, g.otherwise ? "其余" : "", "grade", g, g.name?.span)),
          ),
        );
        break;
      case "Indicator":
        out.push(indicator(item));
        break;
      case "BonusSection":
      case "PenaltySection":
        out.push(
          sym(
            item.name?.value,
            `${item.kind === "BonusSection" ? "加分" : "减分"}${item.cap ? ` 上限 ${item.cap.text}` : ""}`,
            "section",
            item,
            item.name?.span,
            sectionItems(item.items),
          ),
        );
        break;
      default:
        break;
    }
  }
  return out;
}

/** A symbol anywhere in the workspace. */
export interface WorkspaceSymbol {
  name: string;
  kind: "indicator" | "rule" | "section" | "class";
  file: string;
  span: Span;
  container?: string;
}

/**
 * True when the characters of `query` appear in `name` in order (case-insensitive; both through
 * core's `nameKey`, so 「Ａ」 finds 「A」 and é finds e + ◌́).
 */
export function fuzzyMatch(query: string, name: string): boolean {
  const q = [...nameKey(query).toLowerCase()].filter((c) => c.trim() !== "");
  const n = nameKey(name).toLowerCase();
  let at = 0;
  for (const c of q) {
    const i = n.indexOf(c, at);
    if (i < 0) return false;
    at = i + c.length;
  }
  return true;
}

/** Indicators, rules, sections and classes of every .kp file of the workspace matching `query`. */
export function workspaceSymbols(project: Project, query: string, limit = 500): WorkspaceSymbol[] {
  const out: WorkspaceSymbol[] = [];
  for (const path of project.workspaceFiles()) {
    const file = project.load(path);
    if (!file) continue;
    collectSymbols(file, query, out, limit);
    if (out.length >= limit) break;
  }
  return out;
}

function collectSymbols(file: LoadedFile, query: string, out: WorkspaceSymbol[], limit: number): void {
  const push = (name: string | undefined, kind: WorkspaceSymbol["kind"], span: Span | undefined, container?: string) => {
    if (!name || !span || out.length >= limit || !fuzzyMatch(query, name)) return;
    const s: WorkspaceSymbol = { name, kind, file: file.path, span };
    if (container) s.container = container;
    out.push(s);
  };
  const items = (list: (A.IndicatorItem | A.SectionItem)[], container: string | undefined) => {
    for (const it of list) {
      if (it.kind === "Rule") push(it.name?.value, "rule", it.name?.span, container);
      else if (it.kind === "Indicator") {
        push(it.name?.value, "indicator", it.name?.span, container);
        items(it.items, it.name?.value);
      } else if (it.kind === "CapGroup" || it.kind === "HighestGroup" || it.kind === "ChoiceGroup") items(it.items, container);
    }
  };
  for (const item of file.parsed.ast.items) {
    if (item.kind === "Classes") for (const c of item.names) push(c.value, "class", c.span);
    else if (item.kind === "Indicator") {
      push(item.name?.value, "indicator", item.name?.span);
      items(item.items, item.name?.value);
    } else if (item.kind === "BonusSection" || item.kind === "PenaltySection") {
      push(item.name?.value, "section", item.name?.span);
      items(item.items, item.name?.value);
    }
  }
}

/** A foldable range of lines (1-based, both included). */
export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind?: "comment" | "imports" | "region";
}

const BLOCKS = new Set(["Indicator", "CapGroup", "HighestGroup", "ChoiceGroup", "BonusSection", "PenaltySection", "Grades", "Bands"]);

/** Blocks (`{ … }`, the closing line stays visible), runs of comments and of 引入 lines. */
export function foldingRanges(file: LoadedFile): FoldingRange[] {
  const out: FoldingRange[] = [];
  const visit = (n: A.Node) => {
    if (BLOCKS.has(n.kind)) {
      const end = n.span.end.line - 1;
      if (end > n.span.start.line) out.push({ startLine: n.span.start.line, endLine: end });
    }
    for (const key in n) {
      if (key === "span" || key === "kind" || key === "comments") continue;
      const v = (n as unknown as Record<string, unknown>)[key];
      if (Array.isArray(v)) for (const x of v) if (x && typeof x === "object" && "kind" in x) visit(x as A.Node);
      if (v && typeof v === "object" && !Array.isArray(v) && "kind" in v && "span" in v) visit(v as A.Node);
    }
  };
  visit(file.parsed.ast);

  // Consecutive line comments; multi-line block comments.
  let run: { start: number; end: number } | undefined;
  const flush = () => {
    if (run && run.end > run.start) out.push({ startLine: run.start, endLine: run.end, kind: "comment" });
    run = undefined;
  };
  for (const c of file.parsed.ast.comments) {
    if (c.style === "block") {
      flush();
      if (c.span.end.line > c.span.start.line) out.push({ startLine: c.span.start.line, endLine: c.span.end.line, kind: "comment" });
      continue;
    }
    const line = c.span.start.line;
    const ownLine = file.parsed.lines.lineText(line).trimStart().startsWith("//");
    if (run && ownLine && line === run.end + 1) run.end = line;
    else {
      flush();
      if (ownLine) run = { start: line, end: line };
    }
  }
  flush();

  // Runs of 引入 lines.
  let inc: { start: number; end: number } | undefined;
  for (const item of file.parsed.ast.items) {
    if (item.kind === "Include") {
      if (inc && item.span.start.line <= inc.end + 1) inc.end = item.span.end.line;
      else {
        if (inc && inc.end > inc.start) out.push({ startLine: inc.start, endLine: inc.end, kind: "imports" });
        inc = { start: item.span.start.line, end: item.span.end.line };
      }
    }
  }
  if (inc && inc.end > inc.start) out.push({ startLine: inc.start, endLine: inc.end, kind: "imports" });
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
