/**
 * Edits that flip one bound of a band between included (含) and excluded (不含): `(`↔`[`, `)`↔`]`,
 * `>`↔`≥`, `<`↔`≤`.  Used by the fixes of band-gap and band-overlap when two bands meet at one value.
 */
import type { Interval, TextEdit } from "@kaoping/core";
import type { LintContext } from "./rule.js";

const flips: Record<string, string> = { "(": "[", "[": "(", ")": "]", "]": ")", "（": "[", "［": "(", "）": "]", "］": ")", ">": "≥", "≥": ">", "<": "≤", "≤": "<", "＞": "≥", "＜": "≤" };

/** An edit flipping the lower or upper bound of an interval, when its form allows one. */
export function flipBoundEdit(ctx: LintContext, file: string, iv: Interval, side: "lower" | "upper"): TextEdit | undefined {
  const text = ctx.text(file);
  if (iv.form === "bracket") {
    const at = side === "lower" ? iv.span.start.offset : iv.span.end.offset - 1;
    const ch = text[at] ?? "";
    const to = flips[ch];
    return to ? { file, start: at, end: at + 1, newText: to } : undefined;
  }
  const lowerForm = iv.form === "≥" || iv.form === ">";
  const upperForm = iv.form === "≤" || iv.form === "<";
  if ((side === "lower" && !lowerForm) || (side === "upper" && !upperForm)) return undefined;
  const at = iv.span.start.offset;
  const ch = text[at] ?? "";
  const to = flips[ch];
  // Two-character spellings (>=, <=) are left alone: the formatter normalises them first.
  if (!to || text[at + 1] === "=") return undefined;
  return { file, start: at, end: at + 1, newText: to };
}
