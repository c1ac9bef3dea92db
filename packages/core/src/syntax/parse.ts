/**
 * Text → AST for one file: lexing, parsing with recovery, and the CST → AST translation.  Errors are
 * returned as diagnostics, never thrown.
 */
import type { IRecognitionException, IToken } from "chevrotain";
import type { KpFile } from "../ast.js";
import { diagnostic, type Diagnostic, type MessageCode } from "../diagnostics.js";
import type { LineIndex } from "../text/position.js";
import { AstBuilder } from "./from-cst.js";
import { lex, typoDiagnostic, type Typo } from "./lexer.js";
import { LBrace, RBrace, type KeywordInfo } from "./tokens.js";
import { allowedAt, keywordFits } from "./expect.js";
import { expectedAt, parser, parseTokens } from "./parser.js";
import { reviewError } from "./review-errors.js";

/** The result of parsing one file. */
export interface ParseResult {
  /** The AST; partial when there are syntax errors. */
  ast: KpFile;
  /** Lexical and syntax diagnostics, in source order. */
  diagnostics: Diagnostic[];
  /** Parser tokens (without comments), for highlighting and completion. */
  tokens: IToken[];
  comments: IToken[];
  lines: LineIndex;
}

const codeOf: Record<string, MessageCode> = {
  MismatchedTokenException: "KP1101",
  NoViableAltException: "KP1102",
  EarlyExitException: "KP1102",
  NotAllInputParsedException: "KP1104",
};

/** Parses one .kp file.  `path` labels the AST and diagnostics. */
export function parseKp(text: string, path = "<input>"): ParseResult {
  const source = text.charCodeAt(0) === 0xfeff ? " " + text.slice(1) : text; // keep offsets stable
  const lexed = lex(source, path);
  const diagnostics = [...lexed.diagnostics];
  const tokens = limitNesting(lexed.tokens, lexed.lines, path, diagnostics);
  const cst = parseTokens(tokens);
  const seen = new Set<string>();
  // One diagnostic per place: a parse error on a token the lexer already reported is a consequence.
  const lexedAt = new Set(lexed.diagnostics.filter((d) => d.severity === "error").map((d) => d.span.start.offset));
  // …and so is an error on the token right after an unclosed string, which swallowed the line.
  const unclosedEnds = new Set(lexed.diagnostics.filter((d) => d.code === "KP1002").map((d) => d.span.end.offset));
  tokens.forEach((t, i) => {
    if (unclosedEnds.has(t.startOffset + t.image.length) && tokens[i + 1]) lexedAt.add(tokens[i + 1]!.startOffset);
  });
  // …and an error on the token right before a misspelt keyword (每次 扣除 1: the parser stops at 每次).
  const tokenIndex = lexed.typos.length > 0 ? new Map(tokens.map((t, i) => [t, i])) : undefined;
  if (tokenIndex) {
    for (const ty of lexed.typos) {
      const i = tokenIndex.get(ty.token);
      if (i !== undefined && i > 0) lexedAt.add(tokens[i - 1]!.startOffset);
    }
  }
  for (const e of parser.errors as IRecognitionException[]) {
    const review = reviewError(tokens, e.token);
    const span = review?.at ? lexed.lines.span(review.at.startOffset, review.at.startOffset + review.at.image.length) : errorSpan(e, lexed.lines, tokens);
    const message = review?.message ?? e.message;
    const key = `${span.start.offset}:${message}`;
    if (seen.has(key) || lexedAt.has(span.start.offset)) continue;
    seen.add(key);
    // An unexpected token where the file could end is "redundant input" whichever way Chevrotain saw it.
    const code = e.message.startsWith("多余的内容") ? "KP1104" : (codeOf[e.name] ?? "KP1102");
    const d = diagnostic(code, span, [], { file: path });
    d.message = message;
    diagnostics.push(d);
  }
  if (tokenIndex) rankTypos(lexed.typos, tokens, tokenIndex, diagnostics, lexed.lines, path);
  const ast = new AstBuilder(lexed.lines, path).file(cst, lexed.comments);
  diagnostics.sort((a, b) => a.span.start.offset - b.span.start.offset);
  return { ast, diagnostics, tokens, comments: lexed.comments, lines: lexed.lines };
}

/** Typos ranked by position per file at most (each may run the parser's content assist on a rule). */
const MAX_RANKED_TYPOS = 50;

/**
 * Ranks the keywords a bare word may misspell by what may stand where it is: the candidates the
 * grammar allows there come first.  A two-character word (上线, 没次) is usually a name, so it gets a
 * suggestion (KP1005 instead of KP1001) only when a candidate may stand there.
 */
function rankTypos(typos: readonly Typo[], tokens: IToken[], index: ReadonlyMap<IToken, number>, diagnostics: Diagnostic[], lines: LineIndex, path: string): void {
  for (const typo of typos.slice(0, MAX_RANKED_TYPOS)) {
    const i = index.get(typo.token);
    if (i === undefined) continue;
    const allowed = allowedAt(tokens, i, expectedAt.get(tokens[i]!.startOffset));
    const fits = (k: KeywordInfo) => keywordFits(k.token, allowed);
    const fitting = typo.candidates.filter(fits);
    const word = typo.token.image;
    const short = [...word].length < 3;
    if (short && fitting.length === 0) continue;
    const ranked = short ? fitting : [...fitting, ...typo.candidates.filter((k) => !fits(k))];
    const at = diagnostics.indexOf(typo.diagnostic);
    if (at < 0) continue;
    const start = typo.token.startOffset;
    diagnostics[at] = typoDiagnostic(word, start, start + word.length, ranked, lines, path);
  }
}

/** Blocks deeper than this are reported (KP1105) and left out, so no input can exhaust the stack. */
export const MAX_NESTING = 64;

/**
 * Cuts out blocks nested deeper than MAX_NESTING: the tokens from the offending `{` to its matching
 * `}` (or to the end) are dropped with one KP1105 diagnostic each.  Real catalogues nest 3–5 deep.
 */
function limitNesting(tokens: IToken[], lines: LineIndex, path: string, out: Diagnostic[]): IToken[] {
  // Fast path: no allocation unless something is too deep.
  let d = 0;
  let max = 0;
  for (const t of tokens) {
    if (t.tokenType === LBrace) {
      if (++d > max) max = d;
    } else if (t.tokenType === RBrace && d > 0) d--;
  }
  if (max <= MAX_NESTING) return tokens;
  let depth = 0;
  let cutFrom = -1;
  const kept: IToken[] = [];
  for (const t of tokens) {
    const name = t.tokenType.name;
    if (cutFrom >= 0) {
      if (name === "LBrace") depth++;
      else if (name === "RBrace" && --depth === MAX_NESTING) {
        cutFrom = -1;
        kept.push(t); // the offending block's own close: it parses as an empty block
      }
      continue;
    }
    if (name === "LBrace" && ++depth > MAX_NESTING) {
      cutFrom = t.startOffset;
      out.push(diagnostic("KP1105", lines.span(t.startOffset, t.startOffset + t.image.length), [MAX_NESTING], { file: path }));
      kept.push(t);
      continue;
    }
    if (name === "RBrace") depth = Math.max(0, depth - 1);
    kept.push(t);
  }
  return kept;
}

function errorSpan(e: IRecognitionException, lines: LineIndex, tokens: IToken[]) {
  const t = e.token;
  if (t && !Number.isNaN(t.startOffset) && t.image !== undefined && t.tokenType?.name !== "EOF") {
    return lines.span(t.startOffset, t.startOffset + t.image.length);
  }
  // End of file: point just after the last real token.
  const prev = (e as IRecognitionException & { previousToken?: IToken }).previousToken;
  const last = prev && !Number.isNaN(prev.startOffset) ? prev : tokens[tokens.length - 1];
  const at = last ? last.startOffset + last.image.length : lines.text.length;
  return lines.span(at, at);
}
