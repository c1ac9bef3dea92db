/**
 * Numbers as the checker reads them: a literal → an exact quantity (raw decimal, percent, measure),
 * a points amount (> 0, not a percentage, measure 分), and the measure words a place allows — each
 * problem reported where the number is written (KP2006–KP2008, KP2034, KP2036).
 */
import type * as A from "../ast.js";
import type { diagnostic, MessageCode } from "../diagnostics.js";
import type * as M from "../model.js";
import { kpDecimalProblem, kpParse } from "../runtime/decimal.js";
import type { Span } from "../text/position.js";

/** Where the checker's diagnostics go (the checker adds the file and picks the bucket). */
export type Report = (code: MessageCode, span: Span, args?: (string | number)[], extra?: Parameters<typeof diagnostic>[3]) => void;

/** Reads the numbers of a catalogue, reporting through the checker. */
export class NumberReader {
  constructor(private readonly report: Report) {}

  quantity(n: A.NumberLit): M.Quantity | undefined {
    // The AST's text is already a normalised decimal (half-width, no %): the common case is exact
    // and small, so skip the general parser.
    const fast = parseNormalised(n.text);
    if (fast !== undefined) {
      const q: M.Quantity = { raw: fast, percent: n.percent, text: n.percent ? n.text + "%" : n.text };
      if (n.measure) q.measure = n.measure;
      return q;
    }
    const problem = kpDecimalProblem(n.text);
    if (problem === "tooManyPlaces") {
      this.report("KP2007", n.span, [n.text]);
      return undefined;
    }
    if (problem) {
      this.report("KP2036", n.span, [n.text]);
      return undefined;
    }
    const q: M.Quantity = { raw: kpParse(n.text), percent: n.percent, text: n.text + (n.percent ? "%" : "") };
    if (n.measure) q.measure = n.measure;
    return q;
  }

  /** A points amount: not a percentage, > 0 (or ≥ 0 with allowZero), measure 分 if any. */
  amount(n: A.NumberLit | undefined, what: string, allowZero = false): M.Raw | undefined {
    if (!n) return undefined;
    const q = this.quantity(n);
    if (!q) return undefined;
    if (q.percent) {
      this.report("KP2008", n.span, [q.text]);
      return undefined;
    }
    this.measure(n, what, ["分"]);
    if (q.raw < 0 || (q.raw === 0 && !allowZero)) {
      this.report("KP2006", n.span, [what, q.text]);
      return undefined;
    }
    return q.raw;
  }

  /** Reports a measure word after a number that is not one of `allowed` (none written is fine). */
  measure(n: A.NumberLit, what: string, allowed: readonly string[]): void {
    if (n.measure && !allowed.includes(n.measure)) this.report("KP2034", n.span, [what, allowed.map((m) => `「${m}」`).join("或"), n.measure]);
  }
}

/** Raw value of a normalised decimal text with ≤ 6 decimals and ≤ 9 integer digits; undefined otherwise. */
function parseNormalised(text: string): number | undefined {
  const dot = text.indexOf(".");
  const int = dot < 0 ? text : text.slice(0, dot);
  const frac = dot < 0 ? "" : text.slice(dot + 1);
  if (int.length === 0 || int.length > 9 || frac.length > 6) return undefined;
  let v = 0;
  for (let i = 0; i < int.length; i++) {
    const d = int.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    v = v * 10 + d;
  }
  let f = 0;
  for (let i = 0; i < 6; i++) {
    const d = i < frac.length ? frac.charCodeAt(i) - 48 : 0;
    if (d < 0 || d > 9) return undefined;
    f = f * 10 + d;
  }
  return v * 1000000 + f;
}
