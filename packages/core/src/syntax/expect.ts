/**
 * What may stand at a place of a file, by the grammar: the token types Chevrotain's content assist
 * allows after the tokens of the item the place is in (with the header of the block around it).  Used
 * to rank the keywords a typo may stand for (parse.ts) and to complete by context (the language
 * server), so both follow the grammar as it grows instead of a hand-kept table.
 */
import type { IToken, TokenType } from "chevrotain";
import { parser } from "./parser.js";
import * as T from "./tokens.js";

/** The production that starts at a block's opener keyword. */
const BLOCK_RULES = new Map<TokenType, string>([
  [T.IndicatorKw, "indicator"],
  [T.Bonus, "bonusSection"],
  [T.Penalty, "penaltySection"],
  [T.SumCap, "capGroup"],
  [T.Highest, "highestGroup"],
  [T.Grades, "gradesDecl"],
]);
/** Keywords that start an item of a block or of the file. */
const ITEM_STARTS = new Set<TokenType>([
  T.RuleKw, T.NoteKw, T.SumCap, T.Highest, T.IndicatorKw, T.Code, T.Departments, T.Applies, T.Refer,
  T.Title, T.Year, T.Subject, T.Classes, T.Total, T.Rounding, T.Include, T.Grades, T.Bonus, T.Penalty,
]);
/** The most tokens content assist is run over (it costs ≈ 30 µs a token). */
const MAX_ASSIST_TOKENS = 400;

/**
 * The token types that may stand after `tokens[0..i)` (the item's tokens, and the header of the block
 * around them), together with `also` (e.g. what the parser expected there when it failed).  Empty
 * when it cannot be told (an item too long, or the tokens before do not parse).
 */
export function allowedAt(tokens: readonly IToken[], i: number, also: Iterable<TokenType> = []): Set<TokenType> {
  const allowed = new Set<TokenType>(also);
  let depth = 0;
  let itemStart = -1;
  let header: readonly IToken[] = [];
  let rule = "file";
  let open = -1;
  for (let j = i - 1; j >= 0; j--) {
    const t = tokens[j]!.tokenType;
    if (t === T.RBrace) depth++;
    else if (t === T.LBrace) {
      if (depth > 0) {
        depth--;
        continue;
      }
      let k = j - 1;
      while (k >= 0 && j - k <= 8 && !BLOCK_RULES.has(tokens[k]!.tokenType) && tokens[k]!.tokenType !== T.LBrace && tokens[k]!.tokenType !== T.RBrace) k--;
      const opener = k >= 0 ? BLOCK_RULES.get(tokens[k]!.tokenType) : undefined;
      if (opener) {
        rule = opener;
        header = tokens.slice(k, j + 1);
        open = j;
        break;
      }
      // a block inside an item (分段 { … }): the item starts further out
      itemStart = -1;
    } else if (depth === 0 && itemStart < 0 && ITEM_STARTS.has(t)) itemStart = j;
  }
  // grades have no keyword of their own: the item is the whole block so far
  const item = rule === "gradesDecl" ? tokens.slice(open + 1, i) : itemStart >= 0 ? tokens.slice(itemStart, i) : [];
  if (header.length + item.length > MAX_ASSIST_TOKENS) return allowed;
  try {
    for (const p of parser.computeContentAssist(rule, [...header, ...item])) allowed.add(p.nextTokenType);
  } catch {
    // content assist is a refinement: without it the caller's own knowledge stands
  }
  // Content assist does not run gates: 待核 待补 is a syntax error (parser.ts's gate on 待补).
  if (i > 0 && tokens[i - 1]!.tokenType === T.ReviewMark) allowed.delete(T.TodoMark);
  return allowed;
}

/** True when a keyword's token (or one of its categories) is among `allowed`. */
export function keywordFits(token: TokenType, allowed: ReadonlySet<TokenType>): boolean {
  return allowed.has(token) || (token.CATEGORIES ?? []).some((c) => allowed.has(c));
}
