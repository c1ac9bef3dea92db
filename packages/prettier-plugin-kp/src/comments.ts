/**
 * Comments: which nodes take them, where Prettier's attachment needs help, and how they print.
 *
 * Prettier finds, for each comment, the node enclosing it and the nodes before and after it; the
 * handlers below decide where it goes, so that every comment keeps its place among the tokens and a
 * second formatting pass attaches it the same way (which makes formatting idempotent):
 *
 * - Between items (rules, indicators, bands …): Prettier's default — a comment on its own line
 *   leads the next item, one at the end of a line trails the item before it.
 * - Between a block's header and its first item: comments on the `{` line (or before `{`) stay
 *   after `{` ("open" comments); in an empty block they stay inside ("inner" comments).  An inline
 *   block comment right before `{` stays there.
 * - Inside an item, a comment followed by a line break (every `//` comment) leads the next node of
 *   the item, so it keeps its place and the line breaks after it; at the end of a rule's
 *   `规则 「名称」 「条文」` line or of its body line it trails the node before it instead, and the
 *   rule breaks there.  With nothing after it in the item, it trails the item.
 * - Inside an item, an inline block comment (`/* … *\/`) stays between the same two tokens.
 */
import { doc, type AstPath, type Doc, type ParserOptions } from "prettier";
import { blockItems, blockKinds, braces, locEnd, locStart, parent, type KpComment, type PNode } from "./parse.js";
import { visitorKeys } from "./visitor-keys.js";

const { breakParent, hardline, join, lineSuffix, literalline } = doc.builders;

/** Every AST node can carry comments, except the file itself and comments. */
export function canAttachComment(node: { kind?: string }): boolean {
  return typeof node.kind === "string" && node.kind !== "Comment" && node.kind !== "File";
}

export function isBlockComment(comment: KpComment): boolean {
  return comment.style === "block";
}

/** The comment's text: line comments without trailing blanks, block comments verbatim. */
export function printComment(path: AstPath<KpComment>): Doc {
  return commentDoc(path.node);
}

export function commentDoc(comment: KpComment): Doc {
  if (comment.style === "line") return comment.text.trimEnd();
  return join(literalline, comment.text.split("\n"));
}

/** Prints the dangling comments of the current node that carry `marker` (all when absent). */
export function printDanglingComments(path: AstPath<PNode>, marker?: string): { doc: Doc; comment: KpComment }[] {
  const out: { doc: Doc; comment: KpComment }[] = [];
  if (!path.node.comments) return out;
  path.each((p) => {
    const c = p.node as unknown as KpComment;
    if (c.leading || c.trailing) return;
    if (marker !== undefined && c.marker !== marker) return;
    c.printed = true;
    out.push({ doc: commentDoc(c), comment: c });
  }, "comments" as never);
  return out;
}

// ---------------------------------------------------------------- attachment

interface Decorated extends KpComment {
  enclosingNode?: PNode;
  precedingNode?: PNode;
  followingNode?: PNode;
}

function addComment(node: PNode, comment: KpComment, how: "leading" | "trailing" | "dangling", marker?: "open" | "inner" | "inline"): true {
  comment.leading = how === "leading";
  comment.trailing = how === "trailing";
  if (marker) comment.marker = marker;
  (node.comments ??= []).push(comment);
  comment.printed = false;
  // Keep a node's comments in source order whatever order they were attached in.
  node.comments.sort((a, b) => locStart(a) - locStart(b));
  return true;
}

function isItemOf(block: PNode, node: PNode | undefined): boolean {
  return node !== undefined && (blockItems(block) as PNode[]).includes(node);
}

/** True for the items of the file or of a block: the nodes printed one per line. */
export function isStatement(node: PNode): boolean {
  const up = parent(node);
  return !up || up.kind === "File" || (blockKinds.has(up.kind) && isItemOf(up, node));
}

/** The first attachable child of `node` that starts at or after `offset`. */
function childAfter(node: PNode, offset: number): PNode | undefined {
  let best: PNode | undefined;
  for (const key of visitorKeys(node)) {
    const v = (node as unknown as Record<string, unknown>)[key];
    for (const c of Array.isArray(v) ? v : [v]) {
      if (!c || typeof c !== "object" || !("span" in c)) continue;
      const n = c as PNode;
      if (locStart(n) >= offset && (!best || locStart(n) < locStart(best))) best = n;
    }
  }
  return best;
}

/** Whether an earlier comment already went after the block's `{` (later ones must follow it). */
function hasOpenComments(block: PNode): boolean {
  return (block.comments ?? []).some((c) => c.marker === "open");
}

/** Only blank space between the node and the comment, or comments already trailing the node. */
function adjacent(node: PNode, comment: KpComment, text: string): boolean {
  let gap = text.slice(locEnd(node), locStart(comment));
  for (const c of node.comments ?? []) {
    if (!c.trailing || locStart(c) < locEnd(node) || locEnd(c) > locStart(comment)) continue;
    const from = locStart(c) - locEnd(node);
    gap = gap.slice(0, from) + " ".repeat(locEnd(c) - locStart(c)) + gap.slice(from + locEnd(c) - locStart(c));
  }
  return !/\S/.test(gap);
}

/** A line break between the offsets, not counting those inside block comments. */
function hasNewline(text: string, from: number, to: number): boolean {
  return /[\n\r]/.test(text.slice(from, to).replace(/\/\*[\s\S]*?\*\//g, ""));
}

/** Whether a line break follows the comment in the text (or the text ends). */
export function breaksAfter(comment: KpComment, text: string): boolean {
  if (comment.style === "line") return true;
  let i = locEnd(comment);
  while (text[i] === " " || text[i] === "\t") i++;
  return i >= text.length || text[i] === "\n" || text[i] === "\r";
}

/** The offset after the blanks (spaces and tabs) that end just before `offset`. */
function skipBlanksBack(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && (text[i - 1] === " " || text[i - 1] === "\t")) i--;
  return i;
}

/** Whether the comment starts its line. */
export function startsLine(comment: KpComment, text: string): boolean {
  const i = skipBlanksBack(text, locStart(comment));
  return i === 0 || text[i - 1] === "\n" || text[i - 1] === "\r";
}

function attach(comment: Decorated, text: string): boolean {
  const { enclosingNode: encl, precedingNode: prev, followingNode: next } = comment;
  if (!encl) return false; // between top-level items: Prettier's default
  const start = locStart(comment);
  const end = locEnd(comment);

  if (blockKinds.has(encl.kind)) {
    const br = braces(encl);
    const inHeader = next !== undefined && !isItemOf(encl, next);
    const afterItems = prev !== undefined && isItemOf(encl, prev);
    if (br && !inHeader && !afterItems) {
      // Between the block's header and its first item (or its `}`).  An inline comment before
      // `{` stays there; others go after `{`.
      if (end <= br.open && prev && adjacent(prev, comment, text) && !breaksAfter(comment, text) && !hasOpenComments(encl)) {
        return addComment(prev, comment, "trailing", "inline");
      }
      if (end <= br.open || !hasNewline(text, br.open, start)) return addComment(encl, comment, "dangling", "open");
      if (!next) return addComment(encl, comment, "dangling", "inner");
      return addComment(next, comment, "leading");
    }
    if (!inHeader) return false; // between items: Prettier's default
  }

  // Inside an item.
  const breaks = breaksAfter(comment, text);
  if (breaks && encl.kind === "Rule" && prev && next && adjacent(prev, comment, text) && !startsLine(comment, text) && endsRuleLine(encl, prev, next)) {
    // `规则 「name」 「clause」 // note` (or `… 待核 // note`), `每次 扣 0.5 // note`: the note stays at the end of the
    // line, which breaks there (the rule's parts are separated by lines of one group).
    return addComment(prev, comment, "trailing");
  }
  // The comment goes before the next node of the item, looking outwards from where it is.
  let node: PNode = encl;
  let following = next;
  while (!following && !isStatement(node)) {
    const up = parent(node);
    if (!up) break;
    following = childAfter(up, end);
    if (following && blockKinds.has(up.kind) && isItemOf(up, following)) {
      // At the end of a block's header: before `{` if inline, else after it.
      if (!breaks && adjacent(node, comment, text) && !hasOpenComments(up)) return addComment(node, comment, "trailing", "inline");
      return addComment(up, comment, "dangling", "open");
    }
    node = up;
  }
  if (following) return addComment(following, comment, "leading", breaks ? undefined : "inline");
  if (!breaks) return addComment(node, comment, "trailing", "inline");
  // Nothing follows in the item: the comment goes after it — on its own line before the next
  // item when it started a line, else at the end of the item's last line.
  const up = parent(node);
  const sibling = up && startsLine(comment, text) ? siblingAfter(up, node) : undefined;
  if (sibling) return addComment(sibling, comment, "leading");
  return addComment(node, comment, "trailing");
}

/** Whether a line break may separate `prev` and `next`, two parts of a rule. */
function endsRuleLine(rule: PNode & { kind: "Rule" }, prev: PNode, next: PNode): boolean {
  const tail: PNode[] = [...(rule.body ? [rule.body] : []), ...rule.modifiers];
  const headEnd = rule.review ?? rule.clause ?? rule.name;
  return tail.includes(next) && (prev === headEnd || tail.includes(prev));
}

function siblingAfter(list: PNode, node: PNode): PNode | undefined {
  const items = (list.kind === "File" ? list.items : blockItems(list)) as PNode[];
  return items[items.indexOf(node) + 1];
}

/** Prettier's `handleComments` hooks. */
export const handleComments = {
  ownLine: (comment: Decorated, text: string) => attach(comment, text),
  endOfLine: (comment: Decorated, text: string) => attach(comment, text),
  remaining: (comment: Decorated, text: string) => attach(comment, text),
};

// ---------------------------------------------------------------- printing

/** Whether the line before the comment is blank. */
function blankBefore(comment: KpComment, text: string): boolean {
  let i = skipBlanksBack(text, locStart(comment));
  if (text[i - 1] !== "\n") return false;
  i--;
  if (text[i - 1] === "\r") i--;
  i = skipBlanksBack(text, i);
  return text[i - 1] === "\n";
}

/** Whether the line after the comment is blank. */
function blankAfter(comment: KpComment, text: string): boolean {
  return /^[ \t]*\r?\n[ \t]*\r?\n/.test(text.slice(locEnd(comment)));
}

/**
 * Prints a node's leading and trailing comments around its doc.  A comment followed by a line
 * break in the text (every `//` comment) is followed by one in the output; other comments stay
 * inline.  Before an item, a blank line after its comments is kept.
 */
export function printWithComments(path: AstPath<PNode>, options: ParserOptions<PNode>, printed: Doc, statement: boolean): Doc {
  const comments = path.node.comments;
  if (!comments || comments.length === 0) return printed;
  const text = options.originalText;
  const parts: Doc[] = [];
  for (const c of comments) {
    if (!c.leading) continue;
    c.printed = true;
    parts.push(commentDoc(c));
    if (c.marker !== "inline" && breaksAfter(c, text)) {
      parts.push(hardline);
      if (statement && blankAfter(c, text)) parts.push(hardline);
    } else parts.push(" ");
  }
  parts.push(printed);
  // Trailing comments of an item end its last line (as line suffixes, so they never count
  // towards the line's width); once one is a line suffix, the later ones must be too, in order.
  let suffix = false;
  let afterLineComment = false;
  for (const c of comments) {
    if (!c.trailing) continue;
    c.printed = true;
    if ((c.marker !== "inline" && startsLine(c, text)) || afterLineComment) {
      parts.push(lineSuffix([hardline, blankBefore(c, text) ? hardline : "", commentDoc(c)]));
      suffix = true;
    } else if (suffix || statement || (c.marker !== "inline" && breaksAfter(c, text))) {
      parts.push(lineSuffix([" ", commentDoc(c)]), breakParent);
      suffix = true;
    } else parts.push(" ", commentDoc(c));
    afterLineComment = c.style === "line";
  }
  return parts;
}

/** `// prettier-ignore` (or `/* prettier-ignore *\/`) before a node keeps its text as written. */
export function hasPrettierIgnore(path: AstPath<PNode>): boolean {
  return (path.node?.comments ?? []).some((c) => c.leading && /^(?:\/\/|\/\*)\s*prettier-ignore\s*(?:\*\/)?$/.test(c.text.trim()));
}

export type { ParserOptions };
