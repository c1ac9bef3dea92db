// Text of cells and headings: whitespace that extraction put between Chinese characters, points in
// headings (「（16分）」「(共0.4分)」), and the heading a clause cell may open with (「公文报送情况（0.3分）。…」).
// Words are matched in simplified characters (variants.ts), so a traditional-script table reads the same.
import { simplified } from "../variants.js";

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f×“”‘’《》〈〉【】…—]/;

/** Removes whitespace next to a Chinese character or full-width mark; other runs become one space. Line breaks are kept. */
export function squeezeLine(s: string): string {
  return s
    .replace(/[ \t\u00a0\u3000]+/g, (m: string, off: number, str: string) => {
      const a = str[off - 1];
      const b = str[off + m.length];
      return (a !== undefined && WIDE.test(a)) || (b !== undefined && WIDE.test(b)) ? "" : " ";
    })
    .trim();
}

export function squeeze(s: string): string {
  return s
    .split(/\n+/)
    .map(squeezeLine)
    .filter((l) => l)
    .join("\n");
}

/** One line: line breaks joined as the text around them asks (nothing between Chinese characters). */
export function oneLine(s: string): string {
  return squeezeLine(squeeze(s).replace(/\n/g, " "));
}

const POINTS_RE = /[（(]\s*(?:共计|合计|总计|满分|共|计)?\s*(\d+(?:\.\d+)?)\s*分\s*[）)]/;
/** Points in brackets: 「（0.1分）」「(共0.4分)」. */
export const BRACKET_POINTS = POINTS_RE;
const TRAIL_POINTS = new RegExp(POINTS_RE.source + String.raw`\s*[。.．：:]?\s*$`);
const BARE_TRAIL = /(?:共计|合计|共|计)?\s*(\d+(?:\.\d+)?)\s*分\s*$/;

/** Decimal text without superfluous zeros: "4.0" → "4", "0.40" → "0.4". */
export function cleanDecimal(s: string): string {
  let t = s.replace(/^0+(?=\d)/, "");
  if (t.includes(".")) t = t.replace(/0+$/, "").replace(/\.$/, "");
  return t;
}

export interface Heading {
  readonly name: string;
  readonly points: string | null;
}

const trimName = (s: string): string => s.replace(/^[\s、.．]+|[\s。.．：:；;，,]+$/g, "");

/** A level cell's heading: its name and points (「×令 畅通 (16分)」 → 「×令畅通」, 16). */
export function parseHeading(text: string): Heading {
  const t = oneLine(text);
  // matched in simplified characters (「（共計16分）」), taken from the text as written: one character for one
  const s = simplified(t);
  const m = TRAIL_POINTS.exec(s) ?? BARE_TRAIL.exec(s);
  if (m && m.index > 0) return { name: trimName(t.slice(0, m.index)), points: cleanDecimal(m[1]!) };
  return { name: trimName(t), points: null };
}

/** Whether the text scores something (an amount of points, a deduction or an award). */
export function scores(text: string): boolean {
  return /[扣得加减计]\s*[0-9０-９.]+\s*分|\d\s*分[；;。，,]|[扣得加]分/.test(simplified(text));
}

/** Whether a cell reads like clause text rather than a heading. */
export function clauseLike(text: string): boolean {
  const h = parseHeading(text);
  if (h.points !== null && h.name.length <= 40 && !scores(h.name)) return false;
  return oneLine(text).length > 40 || scores(text);
}

/** A clause cell that opens with a heading: the heading becomes a sub-indicator, the rest its clauses. */
export interface CellHeading {
  readonly heading: Heading;
  readonly rest: string;
}

export function cellHeading(text: string): CellHeading | null {
  const t = squeeze(text);
  // matched in simplified characters, taken from the text as written (one character for one)
  const s = simplified(t);
  const withPoints = new RegExp(String.raw`^([^\n]{1,60}?)\s*` + POINTS_RE.source + String.raw`\s*[。.．：:]\s*`).exec(s);
  if (withPoints) {
    const name = trimName(t.slice(0, withPoints[1]!.length));
    const rest = t.slice(withPoints[0].length).trim();
    if (name && rest && !scores(name) && !POINTS_RE.test(simplified(rest))) return { heading: { name, points: cleanDecimal(withPoints[2]!) }, rest };
  }
  const plain = /^([^\n。；;，,：:]{2,30})[。：:]\s*/.exec(t);
  if (plain) {
    const name = trimName(t.slice(0, plain[1]!.length));
    const rest = t.slice(plain[0].length).trim();
    if (name && rest && !scores(name) && !/\d/.test(name)) return { heading: { name, points: null }, rest };
  }
  return null;
}

/** Whether a text ends a sentence (so the next row after a page break does not continue it). */
export function endsSentence(text: string): boolean {
  return /[。；;！!？?）)」”]\s*$/.test(text.trim());
}

/** A first-level item that is a 加分 or 减分 section, by its name (「加分项目」「扣分因素」「考核扣分」…). */
export function sectionOf(name: string): "加分" | "减分" | null {
  const n = simplified(name.replace(/\s/g, ""));
  if (/加分/.test(n) && !/扣分|减分/.test(n)) return "加分";
  if (/^(减分|扣分)|(减分|扣分)(项|项目|因素|情形)?$/.test(n)) return "减分";
  return null;
}
