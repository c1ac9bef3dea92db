// Traditional characters (and the odd mis-conversion some sites serve) read as simplified, for recognition
// only: the clause itself is kept verbatim in the output. The conversion is OpenCC's (opencc-js, MIT +
// Apache-2.0, pure JS, no dependencies; its t2cn bundle is about 110 kB): Hong Kong / standard traditional
// to mainland simplified, characters and phrases (TSPhrases keeps 显著、乾隆 …), which the hand table it
// replaces (some 240 characters) could only approximate. `hk` rather than `tw`: the Taiwan chain rewrites
// simplified 显著 as 显着 (TWVariantsRev), the Hong Kong chain leaves simplified text as it is.
//
// Guarantees the recogniser relies on (tested in recognise-variants.test.ts):
//  - a text none of whose characters is traditional on its own is returned as it is (the simplified corpus
//    reads exactly as before; no phrase rule touches it);
//  - one character for one character: numbers, punctuation and every position stay where they were
//    (a conversion that would change the length falls back to converting character by character);
//  - the converter is built on first use (about 35 ms once per process); each character is looked up in it
//    once (cached), and only a text with a traditional character is converted (the per-clause memo of
//    normalise.ts keeps the result).
import { Converter } from "opencc-js/t2cn";

type Convert = (text: string) => string;

let converter: Convert | undefined;
function convert(text: string): string {
  converter ??= Converter({ from: "hk", to: "cn" });
  return converter(text);
}

/**
 * Characters no conversion table has, that converted copies serve for a simplified one (a converter's or
 * an OCR's slip): 旳 for 的 (「完毕率低于95%旳」).
 */
const MISCONVERSIONS: ReadonlyMap<number, string> = new Map([["旳", "的"]].map(([from, to]): [number, string] => [from!.charCodeAt(0), to!]));

/** Whether a character (UTF-16 unit of the BMP's CJK blocks) is traditional on its own: cached per unit. */
const traditionalUnit = new Map<number, string | null>();
function simplifiedUnit(c: number): string | null {
  let to = traditionalUnit.get(c);
  if (to === undefined) {
    const ch = String.fromCharCode(c);
    const s = MISCONVERSIONS.get(c) ?? convert(ch);
    to = s !== ch && s.length === 1 ? s : null;
    traditionalUnit.set(c, to);
  }
  return to;
}

/** Whether a unit is in a CJK ideograph block (the only ones a traditional character is in, in the BMP). */
function isIdeograph(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * The text with traditional characters as simplified (「本項考核為0分」 → 「本项考核为0分」, 「遲到」 → 「迟到」);
 * a text without any is returned as it is.
 */
export function simplified(text: string): string {
  let any = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isIdeograph(c) && simplifiedUnit(c) !== null) {
      any = true;
      break;
    }
  }
  if (!any) return text.includes("乙") ? text.replace(ONE_AS_YI, "一") : text;
  let out = convert(text);
  if (out.length !== text.length) out = [...text].map((ch) => (ch.length === 1 ? (simplifiedUnit(ch.charCodeAt(0)) ?? ch) : ch)).join("");
  // what OpenCC has no entry for (旳)
  for (let i = 0; i < out.length; i++) {
    const to = MISCONVERSIONS.get(out.charCodeAt(i));
    if (to !== undefined) out = out.slice(0, i) + to + out.slice(i + 1);
  }
  return out.includes("乙") ? out.replace(ONE_AS_YI, "一") : out;
}

/**
 * 「記大過乙次」「每缺乙個單位」: Taiwan's and Hong Kong's forms write 乙 for 一 before a measure word (a
 * number that cannot be altered) — one of it, as 一 (not 甲乙 order words: only before a measure word, and
 * not after another numeral or 甲).
 */
const ONE_AS_YI = /(?<![甲丙丁\d一二三四五六七八九十])乙(?=[个次份项件名人张条处起例篇家户宗批场位本台所])/g;
