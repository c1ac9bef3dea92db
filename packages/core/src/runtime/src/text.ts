/**
 * Decimal texts ↔ raw decimals: reading "87.5" / "８７．５%" exactly, and printing the shortest exact
 * form.  Part of the runtime every compiled module embeds: plain functions, no module state.
 */

/** Full-width digits, point and percent sign → half-width. */
export function kpHalfWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF0E\uFF05\u3002]/g, (c) => (c === "\u3002" ? "." : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** Parses a decimal text (see {@link kpDecimalProblem}) into a raw value. */
export function kpParse(text: string): number {
  const s = kpHalfWidth(text).trim().replace(/%$/, "");
  const dot = s.indexOf(".");
  const int = dot < 0 ? s : s.slice(0, dot);
  const frac = dot < 0 ? "" : s.slice(dot + 1);
  return Number(int) * 1000000 + Number((frac + "000000").slice(0, 6));
}

/**
 * Why a text is not a decimal this runtime can hold exactly ("" when it is fine).  Accepts
 * half- and full-width digits, an optional '%', no sign, no exponent, at most 6 decimals.
 */
export function kpDecimalProblem(text: string): "" | "notNumber" | "tooManyPlaces" | "tooLarge" {
  const s = kpHalfWidth(text).trim().replace(/%$/, "");
  if (!/^\d+(\.\d+)?$/.test(s)) return "notNumber";
  const dot = s.indexOf(".");
  if (dot >= 0 && s.length - dot - 1 > 6) return "tooManyPlaces";
  const raw = kpParse(s);
  if (!Number.isSafeInteger(raw)) return "tooLarge";
  return "";
}

/** Formats a raw decimal: shortest exact form ('1.5', '0.05', '4'). */
export function kpFormat(a: number): string {
  const neg = a < 0;
  const x = neg ? -a : a;
  const frac = x % 1000000;
  const int = (x - frac) / 1000000;
  let s = String(int);
  if (frac !== 0) s += "." + String(frac).padStart(6, "0").replace(/0+$/, "");
  return neg && x !== 0 ? "-" + s : s;
}

/** Formats a raw decimal with exactly 'places' decimals (it must already be rounded to them). */
export function kpFixed(a: number, places: number): string {
  const s = kpFormat(a);
  if (places <= 0) return s;
  const dot = s.indexOf(".");
  const have = dot < 0 ? 0 : s.length - dot - 1;
  return (dot < 0 ? s + "." : s) + "0".repeat(Math.max(0, places - have));
}
