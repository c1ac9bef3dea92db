/**
 * The `kp` parser of the plugin: core's `parseKp`, plus what Prettier needs around it — a
 * preprocessing step that makes .kp trivia look like whitespace to Prettier's comment helpers,
 * positions (`locStart`/`locEnd`), and the refusal of text with syntax errors.
 */
import { children, lex, parseKp, walk, type Diagnostic, type KpFile, type Node } from "@kaoping/core";

type Token = ReturnType<typeof parseKp>["tokens"][number];

/** A comment as Prettier sees it: core's comment node plus the fields Prettier's helpers read. */
export interface KpComment {
  kind: "Comment";
  style: "line" | "block";
  text: string;
  /** What Prettier shows in its internal "comment was not printed" check. */
  value: string;
  span: Node["span"];
  // Set by Prettier's comment attachment.
  leading?: boolean;
  trailing?: boolean;
  printed?: boolean;
  marker?: string;
}

/** The AST handed to Prettier: core's file node (its `comments` are {@link KpComment}s). */
export type KpRoot = Omit<KpFile, "comments"> & { comments: KpComment[] };

/** Any node of the AST as the printer sees it (Prettier adds `comments` to nodes). */
export type PNode = Node & { comments?: KpComment[] };

/**
 * Thrown when the text has syntax errors (lexer or parser diagnostics of severity error): such a
 * file is never rewritten.  `diagnostics` are the errors, in source order.
 */
export class KpSyntaxError extends Error {
  override name = "KpSyntaxError";
  readonly diagnostics: Diagnostic[];
  /** Where Prettier draws its code frame (1-based line and column). */
  readonly loc?: { start: { line: number; column: number }; end: { line: number; column: number } };

  constructor(diagnostics: Diagnostic[], path?: string) {
    super(syntaxErrorMessage(diagnostics, path));
    this.diagnostics = diagnostics;
    const first = diagnostics[0];
    if (first) {
      this.loc = {
        start: { line: first.span.start.line, column: first.span.start.column },
        end: { line: first.span.end.line, column: first.span.end.column },
      };
    }
  }
}

/** `有语法错误，未格式化：` followed by one `line:col code message` line per error. */
export function syntaxErrorMessage(diagnostics: readonly Diagnostic[], path?: string): string {
  const where = path ? `「${path}」` : "";
  const lines = diagnostics.map((d) => `${d.span.start.line}:${d.span.start.column} ${d.code} ${d.message}`);
  return [`${where}有语法错误，未格式化：`, ...lines].join("\n");
}

// ---------------------------------------------------------------- side tables

/** Offsets of a block's braces: `open` is the `{`, `close` the `}`. */
export interface Braces {
  open: number;
  close: number;
}

const bracesOf = new WeakMap<object, Braces>();
const parentOf = new WeakMap<object, PNode>();

/** The braces of a block node (indicator, group, section, 等次, 分段). */
export function braces(node: object): Braces | undefined {
  return bracesOf.get(node);
}

/** The parent of a node (undefined for the root). */
export function parent(node: object): PNode | undefined {
  return parentOf.get(node);
}

/** Node kinds that hold a `{ … }` block. */
export const blockKinds = new Set(["Indicator", "CapGroup", "HighestGroup", "ChoiceGroup", "BonusSection", "PenaltySection", "Grades", "Bands"]);

// ---------------------------------------------------------------- Prettier parser hooks

/** Characters the lexer skips between tokens: full-width space, BOM and statement punctuation. */
const skippedTrivia = /[\u3000\uFEFF;；:：。]/g;

/**
 * Replaces the trivia the lexer skips (`；`, `。`, full-width spaces …) by plain spaces, outside
 * strings, numbers and comments.  Offsets are unchanged (each is one UTF-16 unit), the AST is
 * unchanged, and Prettier's own whitespace helpers (which decide whether a comment sits on its own
 * line, or whether a blank line follows a node) then read .kp text correctly.
 */
export function preprocess(text: string): string {
  const { tokens, comments } = lex(text);
  const spans = [...tokens, ...comments]
    .map((t) => [t.startOffset, t.startOffset + t.image.length] as const)
    .sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  for (const [start, end] of spans) {
    if (start < at) continue;
    out += text.slice(at, start).replace(skippedTrivia, " ") + text.slice(start, end);
    at = end;
  }
  return out + text.slice(at).replace(skippedTrivia, " ");
}

/**
 * Parses .kp text for Prettier.  Throws {@link KpSyntaxError} when there are syntax errors;
 * warnings (e.g. full-width characters, KP1010) do not stop formatting.
 */
export function parse(text: string, options?: { filepath?: string }): KpRoot {
  const result = parseKp(text, options?.filepath ?? "<input>");
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new KpSyntaxError(errors, options?.filepath);
  return annotate(result.ast, result.tokens);
}

function annotate(ast: KpFile, tokens: Token[]): KpRoot {
  const root = ast as unknown as KpRoot;
  root.comments = ast.comments.map((c) => ({ kind: "Comment", style: c.style, text: c.text, value: c.text, span: c.span }));
  const opens = tokens.filter((t) => t.tokenType.name === "LBrace").map((t) => t.startOffset);
  walk(ast, (node, up) => {
    if (up) parentOf.set(node, up as PNode);
    if (blockKinds.has(node.kind)) {
      const start = node.span.start.offset;
      // The block's own `{` is the first one after its header (its children before the items).
      const items = new Set<Node>(blockItems(node as PNode));
      const header = children(node).filter((c) => !items.has(c));
      const from = Math.max(start, ...header.map((c) => c.span.end.offset));
      bracesOf.set(node, { open: firstAtOrAfter(opens, from) ?? start, close: node.span.end.offset - 1 });
    }
  });
  return root;
}

/** The items inside a block node's braces. */
export function blockItems(node: PNode): PNode[] {
  switch (node.kind) {
    case "Indicator":
    case "CapGroup":
    case "HighestGroup":
    case "ChoiceGroup":
    case "BonusSection":
    case "PenaltySection":
      return node.items;
    case "Grades":
      return node.grades;
    case "Bands":
      return node.bands;
    default:
      return [];
  }
}

/** The first of the sorted offsets that is at least `from` (binary search). */
function firstAtOrAfter(sorted: number[], from: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo];
}

export function locStart(node: { span: Node["span"] }): number {
  return node.span.start.offset;
}

export function locEnd(node: { span: Node["span"] }): number {
  return node.span.end.offset;
}
