/**
 * The lexer: text → tokens, comments and lexical diagnostics.  It never fails: unknown words become
 * strings (KP1001, with a fix that quotes them) or the keyword they misspell (KP1005), unknown
 * characters are dropped (KP1003), full-width characters are accepted (KP1010, with a fix).
 */
import { Lexer, type IToken, type TokenType } from "chevrotain";
import { diagnostic, type Diagnostic, type Fix, type TextEdit } from "../diagnostics.js";
import { LineIndex } from "../text/position.js";
import * as T from "./tokens.js";

const chevrotainLexer = new Lexer(T.allTokens, {
  positionTracking: "full",
  // Every token has a pattern or start hints Chevrotain can index: keep the first-character
  // optimisation on, and fail loudly here if a token change ever turns it off.
  ensureOptimizations: true,
  skipValidations: true,
});

/** The result of lexing one file. */
export interface LexResult {
  /** Tokens for the parser (comments and trivia removed, errors recovered). */
  tokens: IToken[];
  /** Comments, in order, with their positions. */
  comments: IToken[];
  diagnostics: Diagnostic[];
  lines: LineIndex;
  /** Bare words one edit from a keyword, for the parser to rank by position. */
  typos: Typo[];
}

/** Tokens that stand for an unknown word recovered as a string (no 「」 in their image). */
const recoveredWords = new WeakSet<IToken>();

/** True when a string token was recovered from a bare word (its image has no quotes). */
export function isRecoveredWord(token: IToken): boolean {
  return recoveredWords.has(token);
}

/** Maps full-width ASCII variants (U+FF01–FF5E) to ASCII, and 。 between digits to a point. */
export function toHalfWidth(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3002) out += ".";
    else if (c === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

/** Canonical text of a non-string token: half-width, canonical keyword spelling and operators. */
export function canonicalImage(token: IToken): string {
  const t = token.tokenType;
  if (t === T.NumberLiteral && isAscii(token.image)) return token.image;
  if (t === T.NumberLiteral) return toHalfWidth(token.image);
  if (t === T.Ge) return "≥";
  if (t === T.Le) return "≤";
  const half = toHalfWidth(token.image);
  return T.canonicalKeyword(half);
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/** Token types whose images may contain full-width characters (keywords have fixed spellings). */
const mayBeFullWidth = new Set<TokenType>([
  T.NumberLiteral, T.LBrace, T.RBrace, T.LBracket, T.RBracket, T.LParen, T.RParen, T.Comma, T.Ge, T.Le, T.Gt, T.Lt, T.Eq, T.To,
]);

/** The value of a string token without its 「」. */
export function stringValue(token: IToken): string {
  const img = token.image;
  if (recoveredWords.has(token)) return img;
  const imeClose = T.IME_QUOTES.get(img[0] ?? "");
  if (imeClose !== undefined) return img.slice(1, img.endsWith(imeClose) && img.length > 1 ? -1 : undefined);
  const open = img.charCodeAt(0) === 0x300c ? 1 : 0;
  // Only a string with 「」 inside can be unbalanced: count then.
  const nested = img.indexOf("「", 1) >= 0;
  const close = img.charCodeAt(img.length - 1) === 0x300d && (!nested || stringBalance(img) === 0) ? 1 : 0;
  return img.slice(open, img.length - close);
}

/** 「 minus 」 count: 0 for a closed string. */
function stringBalance(img: string): number {
  let depth = 0;
  for (const ch of img) {
    if (ch === "「") depth++;
    else if (ch === "」") depth--;
  }
  return depth;
}

const fullWidthChar = /[\uFF01-\uFF0B\uFF0D-\uFF5E]/;

/** Levenshtein distance, small strings only. */
function editDistance(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    for (let j = 1; j <= B.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (A[i - 1] === B[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[B.length]!;
}

/**
 * The keywords a bare word may misspell: every keyword (not a measure word) one edit away from it
 * (a character changed, added or dropped), those of the word's own length first.  一票否诀 gets both
 * 一票否决 and 一票否优; 上线 gets 上限.
 */
export function keywordCandidates(word: string): T.KeywordInfo[] {
  const len = [...word].length;
  if (len < 2) return [];
  const found: { k: T.KeywordInfo; same: boolean; i: number }[] = [];
  T.keywords.forEach((k, i) => {
    if (k.role === "measure") return;
    let best: boolean | undefined;
    for (const s of [k.text, ...k.aliases]) {
      const n = [...s].length;
      if (Math.abs(n - len) > 1 || s === word || editDistance(word, s) !== 1) continue;
      best = best === true || n === len;
    }
    if (best !== undefined) found.push({ k, same: best, i });
  });
  return found.sort((x, y) => Number(y.same) - Number(x.same) || x.i - y.i).map((x) => x.k);
}

/**
 * The keyword a bare word most likely misspells, when only one is one edit away and the word has at
 * least three characters (two-character words are usually names: 参会 is one character from 参照;
 * the parser suggests a keyword for them only where one may stand, see parse.ts).
 */
export function closestKeyword(word: string): T.KeywordInfo | undefined {
  if ([...word].length < 3) return undefined;
  const c = keywordCandidates(word);
  return c.length === 1 ? c[0] : undefined;
}

/** A bare word that may be a misspelt keyword: the parser ranks the candidates by position. */
export interface Typo {
  /** The word, recovered as a string token. */
  token: IToken;
  candidates: T.KeywordInfo[];
  /** Its KP1005 (three or more characters) or KP1001 diagnostic, which the parser may refine. */
  diagnostic: Diagnostic;
}

/** The KP1005 diagnostic of a misspelt keyword: one fix per candidate, then quoting the word. */
export function typoDiagnostic(word: string, start: number, end: number, candidates: readonly T.KeywordInfo[], lines: LineIndex, file?: string): Diagnostic {
  const quote = { title: `写成「${word}」`, edits: [{ start, end, newText: `「${word}」` }] };
  return diagnostic("KP1005", lines.span(start, end), [word, candidates.map((k) => k.text).join("」或「")], {
    ...(file === undefined ? {} : { file }),
    fixes: [...candidates.map((k) => ({ title: `改为「${k.text}」`, edits: [{ start, end, newText: k.text }] })), quote],
  });
}

/** Single-character keywords that may begin or end a bare word the writer meant as one (加强, 扣除, 按时). */
function joinable(t: IToken, candidates: (word: string) => T.KeywordInfo[]): boolean {
  // An unknown word that looks like a misspelt keyword keeps its own suggestion (上线 → 上限).
  if (t.tokenType === T.UnknownWord) return candidates(t.image).length === 0;
  if (t.image.length !== 1) return false;
  const k = T.keywordOf(t.tokenType);
  return k !== undefined && k.role !== "measure" && /[\u3400-\u9fff\uf900-\ufaff]/.test(t.image);
}

/**
 * A bare word the lexer cut at a one-character keyword (「加强」 → 加 + 强) is reported as the one word
 * it is: an adjacent run of unknown words and one-character keywords, with at least one unknown word (none a likely misspelt keyword), is
 * joined into a single unknown word.  Only text that already has an error changes.
 */
function joinSplitWords(tokens: IToken[], candidates: (word: string) => T.KeywordInfo[]): IToken[] {
  if (!tokens.some((t) => t.tokenType === T.UnknownWord)) return tokens;
  const out: IToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let j = i;
    let unknown = tokens[i]!.tokenType === T.UnknownWord;
    if (joinable(tokens[i]!, candidates)) {
      while (j + 1 < tokens.length && joinable(tokens[j + 1]!, candidates) && tokens[j + 1]!.startOffset === tokens[j]!.startOffset + tokens[j]!.image.length) {
        j++;
        if (tokens[j]!.tokenType === T.UnknownWord) unknown = true;
      }
    }
    if (j === i || !unknown) {
      out.push(tokens[i]!);
      continue;
    }
    const first = tokens[i]!;
    const last = tokens[j]!;
    out.push({
      ...first,
      tokenType: T.UnknownWord,
      tokenTypeIdx: T.UnknownWord.tokenTypeIdx!,
      image: tokens.slice(i, j + 1).map((t) => t.image).join(""),
      endOffset: last.endOffset,
      endLine: last.endLine,
      endColumn: last.endColumn,
    });
    i = j;
  }
  return out;
}

/**
 * A token with its positions as small integers.  Chevrotain's tokens share their shape with its
 * EOF token, whose positions are NaN, so V8 boxes every position of every token (six heap numbers
 * per token: ~230,000 on 10,000 lines, kept as long as the file is open and moved on every
 * keystroke).  A token of our own shape holds them unboxed; one with a NaN is left as it is.
 */
function smallInts(t: IToken): IToken {
  const { startOffset, endOffset, startLine, endLine, startColumn, endColumn } = t;
  if (endOffset === undefined || startLine === undefined || endLine === undefined || startColumn === undefined || endColumn === undefined) return t;
  if (Number.isNaN(startOffset + endOffset + startLine + endLine + startColumn + endColumn)) return t;
  return {
    tokenType: t.tokenType,
    tokenTypeIdx: t.tokenTypeIdx,
    image: t.image,
    startOffset: startOffset | 0,
    endOffset: endOffset | 0,
    startLine: startLine | 0,
    endLine: endLine | 0,
    startColumn: startColumn | 0,
    endColumn: endColumn | 0,
  };
}

/** Lexes one file. `file` is only used to label diagnostics. */
export function lex(text: string, file?: string): LexResult {
  const lines = new LineIndex(text);
  const result = chevrotainLexer.tokenize(text);
  const diagnostics: Diagnostic[] = [];
  const tokens: IToken[] = [];
  const imeStrings: IToken[] = [];
  const typos: Typo[] = [];
  const at = (start: number, end: number) => lines.span(start, end);
  const opts = file === undefined ? {} : { file };
  // An unknown word's candidates are asked for when joining split words and again when reporting it.
  const seen = new Map<string, T.KeywordInfo[]>();
  const candidatesOf = (word: string): T.KeywordInfo[] => {
    let c = seen.get(word);
    if (c === undefined) seen.set(word, (c = keywordCandidates(word)));
    return c;
  };

  for (const raw of joinSplitWords(result.tokens, candidatesOf)) {
    const tok = smallInts(raw);
    const start = tok.startOffset;
    const end = tok.startOffset + tok.image.length;
    const t = tok.tokenType;
    if (t === T.UnknownWord) {
      const candidates = candidatesOf(tok.image);
      const d =
        candidates.length > 0 && [...tok.image].length >= 3
          ? typoDiagnostic(tok.image, start, end, candidates, lines, file)
          : diagnostic("KP1001", at(start, end), [tok.image], { ...opts, fixes: [{ title: `写成「${tok.image}」`, edits: [{ start, end, newText: `「${tok.image}」` }] }] });
      diagnostics.push(d);
      // Recovered as a string: a bare name is by far the commonest cause.
      const s: IToken = { ...tok, tokenType: T.StringLiteral, tokenTypeIdx: T.StringLiteral.tokenTypeIdx! };
      recoveredWords.add(s);
      tokens.push(s);
      if (candidates.length > 0) typos.push({ token: s, candidates, diagnostic: d });
      continue;
    }
    if (t === T.StringLiteral && T.IME_QUOTES.has(tok.image[0] ?? "")) {
      imeStrings.push(tok);
      tokens.push(tok);
      continue;
    }
    if (t === T.StringLiteral) {
      if (!tok.image.endsWith("」") || stringBalance(tok.image) !== 0) {
        diagnostics.push(
          diagnostic("KP1002", at(start, end), [], {
            ...opts,
            fixes: [{ title: "补上「」」", edits: [{ start: end, end, newText: "」".repeat(Math.max(1, stringBalance(tok.image))) }] }],
          }),
        );
      }
      tokens.push(tok);
      continue;
    }
    if (mayBeFullWidth.has(t) && !isAscii(tok.image) && (fullWidthChar.test(tok.image) || (t === T.NumberLiteral && tok.image.includes("。")))) {
      const fixed = canonicalImage(tok);
      diagnostics.push(
        diagnostic("KP1010", at(start, end), [tok.image, fixed], {
          ...opts,
          fixes: [{ title: `改为半角「${fixed}」`, edits: [{ start, end, newText: fixed }] }],
        }),
      );
    }
    tokens.push(tok);
  }

  if (imeStrings.length > 0) reportImeQuotes(imeStrings, lines, diagnostics, opts);

  // Characters no token matches (Chevrotain skips each run of them and reports it): KP1003.
  for (const e of result.errors) {
    const image = text.slice(e.offset, e.offset + e.length);
    diagnostics.push(diagnostic("KP1003", at(e.offset, e.offset + e.length), [image], opts));
  }
  if (result.errors.length > 0 || imeStrings.length > 0) diagnostics.sort((a, b) => a.span.start.offset - b.span.start.offset);

  const comments = (result.groups["comments"] ?? []).map(smallInts);
  for (const c of comments) {
    if (c.tokenType === T.BlockComment && !c.image.endsWith("*/")) {
      const end = c.startOffset + c.image.length;
      diagnostics.push(
        diagnostic("KP1004", at(c.startOffset, end), [], {
          ...opts,
          fixes: [{ title: "补上「*/」", edits: [{ start: end, end, newText: "*/" }] }],
        }),
      );
    }
  }
  return { tokens, comments, diagnostics, lines, typos };
}

/** The edits that turn one 【…】/“…”/『…』/‘…’ string into 「…」 (closing it when it is not). */
function imeQuoteEdits(tok: IToken): TextEdit[] {
  const start = tok.startOffset;
  const end = start + tok.image.length;
  const close = T.IME_QUOTES.get(tok.image[0]!)!;
  const closed = tok.image.length > 1 && tok.image.endsWith(close);
  return [
    { start, end: start + 1, newText: "「" },
    closed ? { start: end - 1, end, newText: "」" } : { start: end, end, newText: "」" },
  ];
}

/**
 * Strings written with the quotes an IME gives (【】 “” 『』 ‘’): a KP1011 warning each (KP1002 when
 * unclosed), with a fix.  The editor offers one action for the whole file; the formatter writes 「」.
 */
function reportImeQuotes(strings: IToken[], lines: LineIndex, out: Diagnostic[], opts: { file?: string }): void {
  for (const tok of strings) {
    const start = tok.startOffset;
    const end = start + tok.image.length;
    const close = T.IME_QUOTES.get(tok.image[0]!)!;
    const closed = tok.image.length > 1 && tok.image.endsWith(close);
    const value = tok.image.slice(1, closed ? -1 : undefined);
    const fixes: Fix[] = [{ title: closed ? `改为「${value}」` : `改为「${value}」并补上「」」`, edits: imeQuoteEdits(tok) }];
    if (closed) out.push(diagnostic("KP1011", lines.span(start, end), [tok.image, `「${value}」`], { ...opts, fixes }));
    else out.push(diagnostic("KP1002", lines.span(start, end), [], { ...opts, fixes }));
  }
}

/** True when the token type is `type` or one of its categories is. */
export function isTokenOf(token: IToken, type: TokenType): boolean {
  return token.tokenType === type || (token.tokenType.CATEGORIES ?? []).includes(type);
}
