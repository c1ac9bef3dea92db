/**
 * Syntax errors about a misplaced 待核 (the review mark, written between a rule's clause and its
 * scoring) say what 待核 is for instead of Chevrotain's 「此处应为…」: a 待核 with no scoring after it,
 * 待核 待补 and 待补 待核 (nothing to check: 待补 is the mark for that), and 待核 anywhere else.
 */
import { tokenMatcher, type IToken } from "chevrotain";
import { ReviewMark, TodoMark } from "./tokens.js";

/** A parse error's message and the token it is at, rewritten when it is about a 待核. */
export interface ReviewError {
  message: string;
  /** The 待核 when the error is the missing scoring after it (the error is about it, not the next line). */
  at?: IToken;
}

/** The index of the token starting at `offset` in `tokens` (sorted by offset), or -1. */
function indexAt(tokens: readonly IToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const o = tokens[mid]!.startOffset;
    if (o === offset) return mid;
    if (o < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

const describe = (t: IToken | undefined) => (t ? `「${t.image.length > 20 ? t.image.slice(0, 20) + "…" : t.image}」` : "文件末尾");

/**
 * The message for a parse error at `token` (EOF or a token of `tokens`) when the error is about a
 * 待核 — the token itself or the one before it — else undefined.
 */
export function reviewError(tokens: readonly IToken[], token: IToken | undefined): ReviewError | undefined {
  const atEnd = !token || Number.isNaN(token.startOffset) || token.tokenType?.name === "EOF";
  const i = atEnd ? tokens.length : indexAt(tokens, token.startOffset);
  if (i < 0) return undefined;
  const actual = atEnd ? undefined : tokens[i];
  const previous = tokens[i - 1];
  if (previous && tokenMatcher(previous, ReviewMark)) {
    if (actual && tokenMatcher(actual, TodoMark))
      return { message: "「待核」之后不能写「待补」：「待核」标记的是已写出、尚未核对的计分方式；还没有计分方式的规则只写「待补」，请删去「待核」", at: previous };
    return {
      message: `「待核」之后应写计分方式（如「每次 扣 0.5」），实际为${describe(actual)}：「待核」标记的是已写出、尚未核对的计分方式；还没有计分方式的规则请写「待补」，删去「待核」`,
      at: previous,
    };
  }
  if (!actual || !tokenMatcher(actual, ReviewMark)) return undefined;
  if (previous && tokenMatcher(previous, TodoMark)) return { message: "「待补」之后不能写「待核」：「待补」的规则还没有计分方式，没有可核对的内容；请删去「待核」" };
  return { message: "「待核」只能写在规则的条文之后、计分方式之前（规则 「名称」 「条文」 待核 每次 扣 0.5）" };
}
