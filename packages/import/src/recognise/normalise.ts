// Text normalisation for recognition only (the clause itself is always kept verbatim): full-width
// digits and punctuation as half-width, traditional characters as simplified (variants.ts: OpenCC, since
// session 25; a hand table of some 240 characters before), spaces out, and the copy's noise read through
// (text-noise.ts: pinyin glosses; session 29: 「0。5分」, 「(2')」, 「〔1分〕」, fused outline numbers, ordinals 「第4项」 …).
import { simplified } from "../variants.js";
import { withoutTextNoise } from "./text-noise.js";

/** The last texts normalised: a clause is normalised by several steps of one recognition (bounded, cleared when full). */
const normalised = new Map<string, string>();

/** Half-width, simplified, without spaces: the form the patterns read. */
export function normalise(text: string): string {
  const known = normalised.get(text);
  if (known !== undefined) return known;
  const out = normaliseText(text);
  if (normalised.size >= 512) normalised.clear();
  normalised.set(text, out);
  return out;
}

/** What a UTF-16 unit outside the full-width block becomes: dashes as 「-」. */
const REPLACED = new Map<number, string>([...[..."〜—–"].map((ch): [number, string] => [ch.charCodeAt(0), "-"])]);

/** The units /\s/ matches (the ideographic space among them): left out. */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0x3000 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff;
}

/** 「0 5分」: a space inside a number is an OCR slip, never read as 05. */
const SPACED_DIGITS = /(\d)[ \u3000]+(?=\d)/g;

function normaliseText(text: string): string {
  text = simplified(text).replace(SPACED_DIGITS, "$1□");
  // unit by unit (full-width forms, dashes and spaces are all in the BMP); unchanged runs copied as slices
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let to: string | undefined;
    if (c >= 0xff01 && c <= 0xff5e) to = String.fromCharCode(c - 0xfee0);
    else if (isSpace(c)) to = "";
    else if (c < 0x80 || (to = REPLACED.get(c)) === undefined) continue;
    out += text.slice(from, i) + to;
    from = i + 1;
  }
  out = from === 0 ? text : out + text.slice(from);
  // pinyin glosses 「現(xiàn)」 out, then the copy's noise (text-noise.ts)
  return withoutTextNoise(out);
}

/** One character (code point) normalised: what normalise(ch) gives, without the clause cache. */
export function normaliseChar(ch: string): string {
  return normaliseText(ch);
}

const DIGITS: Readonly<Record<string, number>> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A number written in digits or small Chinese numerals (一 … 九十九) as decimal text, or undefined. */
export function numberText(s: string): string | undefined {
  if (/^\d+(\.\d+)?$/.test(s)) return s.replace(/^0+(?=\d)/, "");
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === "") return undefined;
  if (!m[2]) return m[1] && !m[3] ? String(DIGITS[m[1]]) : undefined;
  return String((m[1] ? DIGITS[m[1]]! : 1) * 10 + (m[3] ? DIGITS[m[3]]! : 0));
}

/** A number in a pattern: digits (with decimals) or a small Chinese numeral. */
export const NUM = "(\\d+(?:\\.\\d+)?|[一二两三四五六七八九十]{1,3})";

/** Compiled patterns by flags, then by source (no key string is built per call: sources are long). */
const caches = new Map<string, Map<string, RegExp>>();
/** A compiled pattern, built once per source (the patterns are assembled from the word lists). */
export function rx(source: string, flags = ""): RegExp {
  let cache = caches.get(flags);
  if (!cache) caches.set(flags, (cache = new Map()));
  let r = cache.get(source);
  if (!r) cache.set(source, (r = new RegExp(source, flags)));
  r.lastIndex = 0;
  return r;
}

/** What a tagged pattern call site last built: its interpolated values and the pattern they gave. */
interface Site {
  values: readonly unknown[];
  re: RegExp;
  /** The site's patterns by their interpolated values, for a site whose values vary (the item's points). */
  byValues?: Map<string, RegExp>;
}
/** Tagged call sites by their template strings (one frozen array per site in the source text). */
const sites = new WeakMap<TemplateStringsArray, Site>();

/**
 * A tag that compiles a pattern once per call site: rx`…${NUM}…` gives what rx(`…${NUM}…`, flags) gives
 * (the same RegExp, lastIndex reset), without concatenating and hashing the long source on every call
 * when the interpolated values are those of the site's last call (module constants always are).
 */
function tagged(flags: string): (strings: TemplateStringsArray, ...values: readonly unknown[]) => RegExp {
  return (strings, ...values) => {
    const site = sites.get(strings);
    if (site !== undefined) {
      const last = site.values;
      let same = true;
      for (let i = 0; i < values.length; i++) {
        if (values[i] !== last[i]) {
          same = false;
          break;
        }
      }
      if (same) {
        site.re.lastIndex = 0;
        return site.re;
      }
      const key = values.join("\u0001");
      let re = site.byValues?.get(key);
      if (re === undefined) {
        re = rx(sourceOf(strings, values), flags);
        (site.byValues ??= new Map()).set(key, re);
      }
      site.values = values;
      site.re = re;
      re.lastIndex = 0;
      return re;
    }
    const re = rx(sourceOf(strings, values), flags);
    sites.set(strings, { values, re });
    return re;
  };
}

/** The source an untagged template literal would give. */
function sourceOf(strings: TemplateStringsArray, values: readonly unknown[]): string {
  let source = strings[0]!;
  for (let i = 0; i < values.length; i++) source += `${String(values[i])}${strings[i + 1]!}`;
  return source;
}

/** rx`…` : a pattern without flags, compiled once per call site (see `tagged`). */
export const rxt = tagged("");
/** rxg`…` : a global pattern, compiled once per call site, lastIndex reset on every call (see `tagged`). */
export const rxg = tagged("g");
