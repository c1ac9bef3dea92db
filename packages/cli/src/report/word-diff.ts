/**
 * A clause's change shown word by word.  Chinese has no spaces, so the texts are cut into words
 * with Intl.Segmenter (ICU's dictionary word breaker, built into Node) and the two word lists are
 * compared with jsdiff's `diffArrays` (Myers' algorithm; the `diff` package is the well-kept,
 * widely used implementation, and it leaves the tokenising to us).
 */
import type { WordRun } from "@kaoping/report";
import { diffArrays } from "diff";

/** A run of words kept, deleted or inserted (the type the diff page renders). */
export type { WordRun };

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/** The words (and the punctuation and spaces between them) of a text. */
export function words(text: string): string[] {
  return [...segmenter.segment(text)].map((s) => s.segment);
}

/** The word-level difference between two texts, as runs (adjacent runs of one kind merged). */
export function wordDiff(oldText: string, newText: string): WordRun[] {
  const out: WordRun[] = [];
  for (const part of diffArrays(words(oldText), words(newText))) {
    const op = part.added ? "ins" : part.removed ? "del" : "same";
    const text = part.value.join("");
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else if (text !== "") out.push({ op, text });
  }
  return out;
}

/** Plain text with git's word-diff markers: `[-deleted-]{+inserted+}`. */
export function markedDiff(runs: readonly WordRun[], style: { del: (s: string) => string; ins: (s: string) => string } = { del: (s) => s, ins: (s) => s }): string {
  return runs.map((r) => (r.op === "same" ? r.text : r.op === "del" ? style.del(`[-${r.text}-]`) : style.ins(`{+${r.text}+}`))).join("");
}
