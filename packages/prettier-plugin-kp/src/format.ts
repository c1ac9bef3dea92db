/**
 * `formatKp`: the one entry point the CLI (`kp fmt`) and the language server use.  Whole-file
 * formatting is Prettier's; range formatting is done here, because Prettier only narrows ranges
 * for its built-in languages: the whole file is formatted, and only the items that the range
 * touches are replaced by their formatted text.
 */
import { parseKp, type KpFile, type Node } from "@kaoping/core";
import * as prettier from "prettier";
import { sameShape } from "./ast-shape.js";
import { blockItems, braces, KpSyntaxError, parse, type PNode } from "./parse.js";
import plugin from "./plugin.js";

/** Options of {@link formatKp}. */
export interface FormatKpOptions {
  /** Path of the file, shown in error messages and stored in the AST. */
  filepath?: string;
  /** Line width Prettier aims for (default 80); strings are never broken to meet it. */
  printWidth?: number;
  /** Spaces per indentation level (default 2). */
  tabWidth?: number;
  /** Indent with tabs (default false). */
  useTabs?: boolean;
  /** Start (UTF-16 offset, inclusive) of the range to format; the rest of the text is kept as is. */
  rangeStart?: number;
  /** End (UTF-16 offset, exclusive) of the range to format. */
  rangeEnd?: number;
}

/**
 * Formats .kp text in the canonical layout.  With `rangeStart`/`rangeEnd`, only the items (rules,
 * indicators, bands …) that the range touches are reformatted.
 *
 * @throws {KpSyntaxError} when the text has syntax errors; nothing is rewritten then.
 */
export async function formatKp(text: string, options: FormatKpOptions = {}): Promise<string> {
  const { rangeStart, rangeEnd, filepath, printWidth, tabWidth, useTabs } = options;
  const prettierOptions: prettier.Options = { parser: "kp", plugins: [plugin] };
  if (filepath !== undefined) prettierOptions.filepath = filepath;
  if (printWidth !== undefined) prettierOptions.printWidth = printWidth;
  if (tabWidth !== undefined) prettierOptions.tabWidth = tabWidth;
  if (useTabs !== undefined) prettierOptions.useTabs = useTabs;
  let formatted: string;
  try {
    formatted = await prettier.format(text, prettierOptions);
  } catch (e) {
    // Prettier appends a code frame to the message; ours stays the plain list of diagnostics.
    if (e instanceof KpSyntaxError) throw new KpSyntaxError(e.diagnostics, filepath);
    throw e;
  }
  if (rangeStart === undefined && rangeEnd === undefined) return formatted;
  return formatRange(text, formatted, rangeStart ?? 0, rangeEnd ?? text.length);
}

// ---------------------------------------------------------------- range formatting

/** Replaces the items touched by `[start, end)` in `text` with their text in `formatted`. */
function formatRange(text: string, formatted: string, start: number, end: number): string {
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  let src = text.slice(bom.length);
  const out = formatted.startsWith("\uFEFF") ? formatted.slice(1) : formatted;
  start = Math.max(0, start - bom.length);
  end = Math.min(src.length, end - bom.length);
  if (end <= start) return text;
  // Work on LF text (as Prettier does) and put the file's line ends back at the end.
  const crlf = src.includes("\r\n");
  const lfOffset = (o: number) => o - (src.slice(0, o).match(/\r\n/g)?.length ?? 0);
  start = lfOffset(start);
  end = lfOffset(end);
  src = src.replace(/\r\n?/g, "\n");

  const a = parse(src) as unknown as KpFile;
  const b = parse(out) as unknown as KpFile;
  let run = selectRun(a, start, end);
  if (!run) return text; // only blank space or comments between items: nothing to format
  let result = out;
  while (run) {
    const candidate = splice(src, out, a, b, run);
    if (candidate !== undefined) {
      result = candidate;
      break;
    }
    run = widen(a, run);
  }
  return bom + (crlf ? result.replace(/\n/g, "\r\n") : result);
}

/** A run of sibling items: the path to their list and the first and last index. */
interface Run {
  /** Indices from the file down to the list's owner (each step is an index into its parent's list). */
  owner: number[];
  first: number;
  last: number;
}

/** The items a node lists one per line: the file's and blocks' items, a 分段 rule's bands. */
function listOf(node: Node): Node[] {
  if (node.kind === "File") return node.items;
  if (node.kind === "Rule") return node.body?.kind === "Bands" ? node.body.bands : [];
  return blockItems(node as PNode) as Node[];
}

function at(file: KpFile, owner: number[]): Node {
  let node: Node = file;
  for (const i of owner) node = listOf(node)[i]!;
  return node;
}

/** The innermost run of sibling items that the range touches. */
function selectRun(file: KpFile, start: number, end: number): Run | undefined {
  const owner: number[] = [];
  let node: Node = file;
  for (;;) {
    const list = listOf(node);
    const hit = list.map((n, i) => [n, i] as const).filter(([n]) => n.span.start.offset < end && n.span.end.offset > start);
    if (hit.length === 0) return owner.length === 0 ? undefined : { owner: owner.slice(0, -1), first: owner.at(-1)!, last: owner.at(-1)! };
    const [first, last] = [hit[0]!, hit.at(-1)!];
    // Go down into a block when the range lies inside its braces and touches one of its items.
    const inner = first[0] === last[0] ? listOf(first[0]).filter((n) => n.span.start.offset < end && n.span.end.offset > start) : [];
    const br = braces(first[0].kind === "Rule" ? (first[0].body ?? first[0]) : first[0]);
    const within = br !== undefined && br.open < start && end <= br.close;
    if (inner.length === 0 || !within) return { owner, first: first[1], last: last[1] };
    owner.push(first[1]);
    node = first[0];
  }
}

/** The run one level up (the item that holds the list), or undefined at the top. */
function widen(file: KpFile, run: Run): Run | undefined {
  if (run.owner.length === 0) {
    const n = file.items.length;
    return run.first === 0 && run.last === n - 1 ? undefined : { owner: [], first: 0, last: n - 1 };
  }
  const index = run.owner.at(-1)!;
  return { owner: run.owner.slice(0, -1), first: index, last: index };
}

/** Where an item's text starts: its line's start when only indentation precedes it. */
function lineStartBefore(text: string, offset: number): number | undefined {
  const ls = text.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t\u3000]*$/.test(text.slice(ls, offset)) ? ls : undefined;
}

function splice(src: string, out: string, a: KpFile, b: KpFile, run: Run): string | undefined {
  const listA = listOf(at(a, run.owner));
  const listB = listOf(at(b, run.owner));
  const [fa, la, fb, lb] = [listA[run.first], listA[run.last], listB[run.first], listB[run.last]];
  if (!fa || !la || !fb || !lb) return undefined;
  let sa = fa.span.start.offset;
  let sb = fb.span.start.offset;
  const lsa = lineStartBefore(src, sa);
  const lsb = lineStartBefore(out, sb);
  if (lsa !== undefined && lsb !== undefined) [sa, sb] = [lsa, lsb];
  const [ea, eb] = [la.span.end.offset, lb.span.end.offset];
  const text = src.slice(0, sa) + out.slice(sb, eb) + src.slice(ea);
  // The result must parse to the same AST with the same comments; otherwise try a wider run.
  const check = parseKp(text);
  if (check.diagnostics.some((d) => d.severity === "error") || !sameShape(check.ast, a)) return undefined;
  return text;
}
