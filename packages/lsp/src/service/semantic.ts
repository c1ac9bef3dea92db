/**
 * Semantic tokens: keywords by role, names by what they name (rules, indicators, classes …) apart
 * from clause texts, numbers, operators and comments.  Counting units (每次, 每件次, 发现一起 …) are
 * a type of their own, `unitWord` (a keyword to clients that do not know it), so they are not
 * coloured like names; the words of bands and grades (且, 前, 其余, 至) and the comparison signs are
 * `operator` (packages/vscode maps both to scopes the default themes colour).  Tokens never span
 * lines (block comments are cut at line breaks), and come sorted.
 */
import * as T from "@kaoping/core";
import type { LoadedFile } from "@kaoping/core";
import { indexOf, type NameKind, type Site } from "./names.js";
import type { DocContext } from "./project.js";
import { keywordOfToken, type Token } from "./tokens.js";

/** Token types, in legend order. */
export const semanticTokenTypes = [
  "keyword",
  "string",
  "number",
  "comment",
  "operator",
  "namespace",
  "function",
  "class",
  "enumMember",
  "parameter",
  "variable",
  "unitWord",
] as const;

/** Token modifiers, in legend order (roles of keywords are custom modifiers). */
export const semanticTokenModifiers = [
  "declaration",
  "documentation",
  "header",
  "structure",
  "action",
  "modifier",
  "measure",
] as const;

export type SemanticTokenType = (typeof semanticTokenTypes)[number];
export type SemanticTokenModifier = (typeof semanticTokenModifiers)[number];

/** One highlighted token (on one line). */
export interface SemanticToken {
  start: number;
  length: number;
  type: SemanticTokenType;
  modifiers: SemanticTokenModifier[];
}

const nameType: Record<NameKind, SemanticTokenType> = {
  title: "namespace",
  indicator: "namespace",
  section: "namespace",
  rule: "function",
  class: "class",
  grade: "enumMember",
  category: "enumMember",
  flag: "parameter",
  department: "variable",
  unit: "variable",
  code: "variable",
  include: "string",
};

const compareOps = new Set<unknown>([T.tokens.Ge, T.tokens.Le, T.tokens.Gt, T.tokens.Lt, T.tokens.Eq]);

/** The semantic tokens of a document, optionally only those overlapping `[from, to)`. */
export function semanticTokens(ctx: DocContext, from = 0, to = Number.POSITIVE_INFINITY): SemanticToken[] {
  const idx = indexOf(ctx.state.analysis);
  const sites = new Map<number, Site>();
  for (const s of idx.byFile.get(ctx.path) ?? []) sites.set(s.lit.span.start.offset, s);
  return tokensOf(ctx.file, sites, from, to);
}

function tokensOf(file: LoadedFile, sites: Map<number, Site>, from: number, to: number): SemanticToken[] {
  const out: SemanticToken[] = [];
  const text = file.text;
  const push = (start: number, end: number, type: SemanticTokenType, modifiers: SemanticTokenModifier[]) => {
    if (end <= from || start >= to) return;
    // Cut at line breaks: LSP tokens are single-line.
    let s = start;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        if (i > s) out.push({ start: s, length: i - s, type, modifiers });
        s = i + 1;
      }
    }
    if (end > s) out.push({ start: s, length: end - s, type, modifiers });
  };

  const all: Token[] = [...file.parsed.tokens, ...file.parsed.comments].sort((a, b) => a.startOffset - b.startOffset);
  for (const t of all) {
    const start = t.startOffset;
    const end = start + t.image.length;
    if (end <= from || start >= to) continue;
    const type = t.tokenType;
    if (type === T.tokens.LineComment || type === T.tokens.BlockComment) {
      push(start, end, "comment", []);
    } else if (type === T.tokens.StringLiteral) {
      const site = sites.get(start);
      if (!site) push(start, end, "string", []);
      else if (site.text) push(start, end, "string", site.kind === "clause" ? ["documentation"] : []);
      else push(start, end, nameType[site.kind], site.definition && site.kind !== "include" ? ["declaration"] : []);
    } else if (type === T.tokens.NumberLiteral) {
      push(start, end, "number", []);
    } else if (compareOps.has(type)) {
      push(start, end, "operator", []);
    } else {
      const kw = keywordOfToken(t);
      if (!kw) continue;
      if (kw.role === "operator") push(start, end, "operator", []);
      else if (kw.role === "unit") push(start, end, "unitWord", []);
      else push(start, end, "keyword", [kw.role]);
    }
  }
  return out;
}
