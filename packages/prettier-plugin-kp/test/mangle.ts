/**
 * Makes a "messy copy" of a formatted .kp file: what a rulebook looks like after hand edits and a
 * Chinese IME — whitespace collapsed (to nothing where the tokens stay apart, else to one space,
 * a tab, a full-width space or a line break), extra blank lines, full-width digits and brackets,
 * keyword aliases (封顶, 发现一起 …) and stray statement punctuation (；。).  Comments and the
 * whitespace around them are left as they are, so each comment keeps its place.
 */
import { lex } from "@kaoping/core";

/** A small deterministic random generator (the same seed gives the same copy). */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
}

const fullWidth: Record<string, string[]> = {
  "{": ["｛"],
  "}": ["｝"],
  "[": ["［"],
  "]": ["］"],
  "(": ["（"],
  ")": ["）"],
  ",": ["，"],
  "、": ["，", ","],
  "≥": ["＞＝", ">=", "≧"],
  "≤": ["＜＝", "<=", "≦"],
  ">": ["＞"],
  "<": ["＜"],
  "=": ["＝"],
  上限: ["封顶"],
  每起: ["发现一起"],
  每项: ["发现一项"],
  每例: ["发现一例"],
  至: ["～", "~", "—"],
};

function messyNumber(image: string, rnd: () => number): string {
  let out = "";
  for (const ch of image) {
    if (rnd() < 0.5) out += ch;
    else if (/[0-9]/.test(ch)) out += String.fromCharCode(ch.charCodeAt(0) + 0xfee0);
    else if (ch === ".") out += rnd() < 0.5 ? "．" : "。";
    else if (ch === "%") out += "％";
    else out += ch;
  }
  return out;
}

/** Whether two token images written together still lex as the same two tokens. */
function staysApart(a: string, b: string): boolean {
  const { tokens, diagnostics } = lex(a + b);
  return diagnostics.every((d) => d.severity !== "error") && tokens.length === 2 && tokens[0]!.image === a && tokens[1]!.image === b;
}

export function mangle(text: string, seed: number): string {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const { tokens, comments } = lex(text);
  const elements = [
    ...tokens.map((t) => ({ start: t.startOffset, end: t.startOffset + t.image.length, image: t.image, kind: t.tokenType.name })),
    ...comments.map((c) => ({ start: c.startOffset, end: c.startOffset + c.image.length, image: c.image, kind: "Comment" })),
  ].sort((a, b) => a.start - b.start);

  const images = elements.map((e) => {
    if (e.kind === "Comment" || e.kind === "StringLiteral") return e.image;
    if (e.kind === "NumberLiteral") return messyNumber(e.image, rnd);
    const alt = fullWidth[e.image];
    return alt && rnd() < 0.6 ? pick(alt) : e.image;
  });

  let out = "\n".repeat(Math.floor(rnd() * 3)) + text.slice(0, elements[0]?.start ?? text.length);
  elements.forEach((e, i) => {
    out += images[i];
    const next = elements[i + 1];
    const gap = text.slice(e.end, next ? next.start : text.length);
    if (!next) {
      out += gap + "\n".repeat(Math.floor(rnd() * 3));
      return;
    }
    if (e.kind === "Comment" || next.kind === "Comment") {
      out += gap; // comments keep their line structure
      return;
    }
    // Stray punctuation at the end of lines, as typed out of habit.
    const stop = /\n/.test(gap) && rnd() < 0.5 ? pick(["；", "。", ";"]) : "";
    if (/\n[ \t]*\n/.test(gap)) {
      out += stop + "\n".repeat(2 + Math.floor(rnd() * 3)) + pick(["", "  ", "\t"]);
      return;
    }
    const choice = rnd();
    if (choice < 0.45 && !stop && staysApart(images[i]!, images[i + 1]!)) return;
    out += stop + (choice < 0.7 ? " " : choice < 0.8 ? "\t" : choice < 0.9 ? "\u3000" : "\n" + pick(["", "    ", "\t"]));
  });
  return out;
}
