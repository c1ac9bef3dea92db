/** The invariants every input is checked against (run in the child): ranges inside their documents, stable codes. */
import type { Diagnostic, KpFile, Span } from "@kaoping/core";
import type { Target } from "./options.js";

export interface Failure {
  target: Target | "watchdog";
  invariant: string;
  message: string;
  stack?: string;
}

/** Position of an offset computed independently of core's LineIndex (\n, \r\n and \r break lines). */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

export class LineCache {
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }
  position(offset: number): { line: number; column: number } {
    if (this.text.length < 5000) return positionOf(this.text, offset);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const a = text.charCodeAt(offset - 1);
  const b = text.charCodeAt(offset);
  return a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff;
}

export function spanProblem(span: Span, text: string, lines: LineCache): string | undefined {
  const s = span.start.offset;
  const e = span.end.offset;
  if (!(Number.isInteger(s) && Number.isInteger(e) && 0 <= s && s <= e && e <= text.length)) return `offsets ${s}..${e} outside 0..${text.length}`;
  for (const p of [span.start, span.end]) {
    const want = lines.position(p.offset);
    if (want.line !== p.line || want.column !== p.column) return `offset ${p.offset} is ${want.line}:${want.column}, span says ${p.line}:${p.column}`;
  }
  if (splitsPair(text, s) || splitsPair(text, e)) return `range ${s}..${e} splits a surrogate pair`;
  return undefined;
}

/** The invariant checks, exposed for the fuzzer's own tests. */
export function diagnosticProblems(texts: Map<string, string>, diags: readonly Diagnostic[], defaultFile: string): string[] {
  const c = new Checker(texts);
  c.diagnostics("parser", diags, defaultFile);
  return c.failures.map((f) => `${f.invariant}: ${f.message}`);
}


export class Checker {
  readonly failures: Failure[] = [];
  private readonly lineCaches = new Map<string, LineCache>();
  constructor(private readonly texts: Map<string, string>) {}

  fail(target: Failure["target"], invariant: string, message: string, stack?: string): void {
    this.failures.push({ target, invariant, message, ...(stack ? { stack } : {}) });
  }
  crash(target: Target, where: string, e: unknown): void {
    const err = e instanceof Error ? e : new Error(String(e));
    this.fail(target, "no uncaught exception", `${where}: ${err.name}: ${err.message}`.slice(0, 2000), err.stack);
  }
  lines(path: string): LineCache {
    let c = this.lineCaches.get(path);
    if (!c) this.lineCaches.set(path, (c = new LineCache(this.texts.get(path) ?? "")));
    return c;
  }

  diagnostics(target: Target, diags: readonly Diagnostic[], defaultFile: string): void {
    for (const d of diags) {
      const file = d.file ?? defaultFile;
      const text = this.texts.get(file);
      if (text === undefined) {
        this.fail(target, "diagnostic in a known document", `${d.code} in unknown file ${file}`);
        continue;
      }
      if (!/^KP\d{4}$/.test(d.code) || !d.message) this.fail(target, "stable code and message", `${d.code}: ${d.message}`);
      const p = spanProblem(d.span, text, this.lines(file));
      if (p) this.fail(target, "diagnostic range inside the document", `${d.code} ${d.message}: ${p}`);
      for (const r of d.related ?? []) {
        const rf = r.file ?? file;
        const rt = this.texts.get(rf);
        if (rt === undefined) continue;
        const rp = spanProblem(r.span, rt, this.lines(rf));
        if (rp) this.fail(target, "related range inside the document", `${d.code} related: ${rp}`);
      }
      for (const f of d.fixes ?? [])
        for (const e of f.edits) {
          const et = this.texts.get(e.file ?? file);
          if (et === undefined) continue;
          if (!(0 <= e.start && e.start <= e.end && e.end <= et.length)) this.fail(target, "fix edit inside the document", `${d.code} fix「${f.title}」: ${e.start}..${e.end} of ${et.length}`);
        }
    }
  }

  ast(target: Target, ast: KpFile, path: string): void {
    const text = this.texts.get(path) ?? "";
    const lines = this.lines(path);
    let bad = 0;
    const visit = (v: unknown) => {
      if (bad > 3 || !v || typeof v !== "object") return;
      if (Array.isArray(v)) {
        for (const x of v) visit(x);
        return;
      }
      const o = v as Record<string, unknown>;
      if (o.span && typeof o.kind === "string") {
        const p = spanProblem(o.span as Span, text, lines);
        if (p) {
          bad++;
          this.fail(target, "AST node range inside the document", `${o.kind}: ${p}`);
        }
      }
      for (const [k, x] of Object.entries(o)) if (k !== "span") visit(x);
    };
    visit(ast);
  }
}

/** Spans and edits inside results of language features: checked against the document. */
export function checkResultRanges(c: Checker, what: string, value: unknown, path: string, texts: Map<string, string>): void {
  let bad = 0;
  const visit = (v: unknown, file: string, depth: number) => {
    if (bad > 2 || depth > 12 || !v || typeof v !== "object") return;
    if (Array.isArray(v)) {
      for (const x of v.slice(0, 2000)) visit(x, file, depth + 1);
      return;
    }
    if (v instanceof Map) {
      for (const [k, x] of v) visit(x, typeof k === "string" && texts.has(k) ? k : file, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    const f = typeof o.file === "string" && texts.has(o.file) ? o.file : typeof o.path === "string" && texts.has(o.path) ? o.path : file;
    const text = texts.get(f);
    if (text !== undefined) {
      const sp = o.span as Span | undefined;
      if (sp && typeof sp === "object" && sp.start && typeof sp.start.offset === "number") {
        const p = spanProblem(sp, text, c.lines(f));
        if (p) {
          bad++;
          c.fail("lsp", "result range inside the document", `${what}: ${p}`);
        }
      }
      if (typeof o.start === "number" && typeof o.end === "number" && !(0 <= o.start && o.start <= o.end && o.end <= text.length)) {
        bad++;
        c.fail("lsp", "result range inside the document", `${what}: ${o.start}..${o.end} of ${text.length}`);
      }
    }
    for (const [k, x] of Object.entries(o)) if (k !== "span" && k !== "node" && k !== "parent" && k !== "owner" && k !== "state" && k !== "file") visit(x, f, depth + 1);
  };
  visit(value, path, 0);
}

/** The AST without positions; comments compared modulo trailing blanks and line-end style (the formatter normalises both). */
export function shape(ast: KpFile): unknown {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (k !== "span" && k !== "path") out[k] = strip(x);
      // the formatter trims trailing blanks and writes line ends as \n (Prettier's endOfLine)
      if (out.kind === "Comment" && typeof out.text === "string") out.text = out.text.replace(/\r\n?/g, "\n").replace(/\s+$/u, "").replace(/[ \t]+\n/g, "\n");
      return out;
    }
    return v;
  };
  return strip(ast);
}
