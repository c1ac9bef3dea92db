/** Mutations of .kp texts: byte flips, token deletions/duplications/swaps, random Unicode, odd numbers, broken 「」. */
import { keywords } from "@kaoping/core";
import type { Draw } from "../../test/property/kp-gen.js";

const KEYWORD_TEXTS = keywords.flatMap((k) => [k.text, ...k.aliases]);
export const WEIRD = [
  "\u0000", "\u2028", "\u2029", "\uFEFF", "\r", "\r\n", "\n", "\t", "\u3000", "「", "」", "「「", "」」", "/*", "*/", "//", "😀", "𝌆", "\uD83D", "\uDE00",
  "\u0301", "\u200D", "\u202E", "Ｘ", "０", "．", "％", "×", "\\", "\"", "'", "`", "${", "</script>", "\u0085", "\u000b", "\u007f",
];
export const NUMBERS = ["0", "0.0000001", "0.000001", "1".padEnd(31, "0"), "9".repeat(400), "0." + "0".repeat(50) + "1", "1e30", "-1", "１２３", "0.5%", "100%", "999999999999999.999999", "9007199254740993", "00000.5000"];

export function randomUnicode(d: Draw): string {
  const r = d.int(0, 9);
  if (r < 3) return d.pick(WEIRD);
  if (r < 5) return String.fromCodePoint(d.int(0x4e00, 0x9fff));
  if (r < 6) return String.fromCodePoint(d.int(0x10000, 0x10ffff));
  if (r < 7) return String.fromCharCode(d.int(0, 0xffff));
  return String.fromCharCode(d.int(0x20, 0x7e));
}

/** A lexical split good enough for mutations: strings, numbers, comments, words, single characters. */
export function pieces(text: string): string[] {
  return text.match(/「[^」\r\n]*」?|[0-9０-９.．%]+|\s+|\/\/[^\r\n]*|\/\*[\s\S]*?(?:\*\/|$)|[\p{L}\p{N}]+|[\s\S]/gu) ?? [];
}

export function mutate(d: Draw, text: string): string {
  const op = d.int(0, 10);
  switch (op) {
    case 0: {
      // byte flips on UTF-8, decoded leniently
      const bytes = Buffer.from(text, "utf8");
      if (bytes.length === 0) return text;
      const n = d.int(1, 8);
      for (let i = 0; i < n; i++) bytes[d.int(0, bytes.length - 1)] ^= 1 << d.int(0, 7);
      return new TextDecoder("utf-8").decode(bytes);
    }
    case 1:
    case 2:
    case 3: {
      // token deletion, duplication, swap
      const ps = pieces(text);
      if (ps.length === 0) return text;
      const i = d.int(0, ps.length - 1);
      const j = d.int(0, ps.length - 1);
      if (op === 1) ps.splice(i, d.int(1, 3));
      else if (op === 2) ps.splice(i, 0, ...ps.slice(j, j + d.int(1, 4)));
      else [ps[i], ps[j]] = [ps[j]!, ps[i]!];
      return ps.join("");
    }
    case 4: {
      const at = d.int(0, text.length);
      let ins = "";
      for (let k = d.int(1, 4); k > 0; k--) ins += randomUnicode(d);
      return text.slice(0, at) + ins + text.slice(at);
    }
    case 5: {
      // numbers: huge, tiny, malformed
      const ps = pieces(text);
      const idx = ps.map((p, i) => (/^[0-9０-９]/.test(p) ? i : -1)).filter((i) => i >= 0);
      if (idx.length === 0) return text + d.pick(NUMBERS);
      ps[d.pick(idx)] = d.pick(NUMBERS);
      return ps.join("");
    }
    case 6: {
      const at = d.int(0, text.length);
      return text.slice(0, at) + " " + d.pick(KEYWORD_TEXTS) + " " + text.slice(at);
    }
    case 7: {
      const a = d.int(0, text.length);
      const b = Math.min(text.length, a + d.int(0, 200));
      return text.slice(0, a) + text.slice(b);
    }
    case 8:
      return text.slice(0, d.int(0, text.length));
    case 9: {
      const ps = pieces(text);
      const idx = ps.map((p, i) => (p.startsWith("「") ? i : -1)).filter((i) => i >= 0);
      if (idx.length === 0) return "「" + text;
      const i = d.pick(idx);
      ps[i] = d.bool() ? ps[i]!.slice(0, -1) : `「${ps[i]!.slice(1, -1)}${randomUnicode(d)}${randomUnicode(d)}」`;
      return ps.join("");
    }
    default: {
      const a = d.int(0, text.length);
      return text.slice(0, a) + text.slice(d.int(0, text.length), d.int(0, text.length)) + text.slice(a);
    }
  }
}
