/**
 * Text → AST for one file: lexing, parsing with recovery, and the CST → AST translation.  Errors are
 * returned as diagnostics, never thrown.
 */
import type { IRecognitionException, IToken } from "chevrotain";
import type { KpFile } from "../ast.js";
import { diagnostic, type Diagnostic, type MessageCode } from "../diagnostics.js";
import type { LineIndex } from "../text/position.js";
import { AstBuilder } from "./from-cst.js";
import { lex } from "./lexer.js";
import { parser, parseTokens } from "./parser.js";

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
  const cst = parseTokens(lexed.tokens);
  const diagnostics = [...lexed.diagnostics];
  const seen = new Set<string>();
  // One diagnostic per place: a parse error on a token the lexer already reported is a consequence.
  const lexedAt = new Set(lexed.diagnostics.filter((d) => d.severity === "error").map((d) => d.span.start.offset));
  // …and so is an error on the token right after an unclosed string, which swallowed the line.
  const unclosedEnds = new Set(lexed.diagnostics.filter((d) => d.code === "KP1002").map((d) => d.span.end.offset));
  lexed.tokens.forEach((t, i) => {
    if (unclosedEnds.has(t.startOffset + t.image.length) && lexed.tokens[i + 1]) lexedAt.add(lexed.tokens[i + 1]!.startOffset);
  });
  for (const e of parser.errors as IRecognitionException[]) {
    const span = errorSpan(e, lexed.lines, lexed.tokens);
    const key = `${span.start.offset}:${e.message}`;
    if (seen.has(key) || lexedAt.has(span.start.offset)) continue;
    seen.add(key);
    // An unexpected token where the file could end is "redundant input" whichever way Chevrotain saw it.
    const code = e.message.startsWith("多余的内容") ? "KP1104" : (codeOf[e.name] ?? "KP1102");
    const d = diagnostic(code, span, [], { file: path });
    d.message = e.message;
    diagnostics.push(d);
  }
  const ast = new AstBuilder(lexed.lines, path).file(cst, lexed.comments);
  diagnostics.sort((a, b) => a.span.start.offset - b.span.start.offset);
  return { ast, diagnostics, tokens: lexed.tokens, comments: lexed.comments, lines: lexed.lines };
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
