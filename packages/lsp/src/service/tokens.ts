/** Finding tokens of a parsed file by offset. */
import { keywordOf, type KeywordInfo, type ParseResult } from "@kaoping/core";

/** A token of core's lexer. */
export type Token = ParseResult["tokens"][number];

/** End offset (exclusive) of a token. */
export function tokenEnd(t: Token): number {
  return t.startOffset + t.image.length;
}

/** Index of the last token starting at or before `offset` (-1 when none). */
function lastStartingAtOrBefore(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.startOffset <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** How many tokens start before `offset` (the index the cursor's own token would have). */
export function countStartingBefore(tokens: readonly Token[], offset: number): number {
  return lastStartingAtOrBefore(tokens, offset - 1) + 1;
}

/**
 * The token under `offset`: the one containing it, or the one ending right at it (the cursor just
 * after a word still "touches" it).
 */
export function tokenAt(tokens: readonly Token[], offset: number): Token | undefined {
  const i = lastStartingAtOrBefore(tokens, offset);
  if (i < 0) return undefined;
  const t = tokens[i]!;
  if (offset < tokenEnd(t)) return t;
  if (offset === tokenEnd(t)) return t;
  return undefined;
}

/** The tokens that end at or before `offset`, last first (at most `n`). */
export function tokensBefore(tokens: readonly Token[], offset: number, n = 3): Token[] {
  const out: Token[] = [];
  for (let i = lastStartingAtOrBefore(tokens, offset); i >= 0 && out.length < n; i--) {
    const t = tokens[i]!;
    if (tokenEnd(t) <= offset) out.push(t);
  }
  return out;
}

/** The keyword a token is, if any. */
export function keywordOfToken(t: Token): KeywordInfo | undefined {
  return keywordOf(t.tokenType);
}

/** Chinese names of keyword roles. */
export const roleLabel: Record<KeywordInfo["role"], string> = {
  header: "细则文件头",
  structure: "结构",
  action: "计分方式",
  modifier: "修饰",
  unit: "计次单位",
  measure: "计量单位",
  operator: "运算",
};

/** Escapes text for Markdown (names and clauses are user text). */
export function md(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
}
