// The count words of per-occurrence rules (每次, 每件 …) as the language has them, and the nouns a
// clause counts with that map onto them (「一座」 is not one of them: never guessed).
import { perUnits } from "@kaoping/core";

/** Counted noun in a clause → the language's unit word. */
const NOUN_TO_UNIT = new Map<string, string>(perUnits.map((u) => [u.noun, u.text]));
// Nouns written in clauses for the same count words.
NOUN_TO_UNIT.set("个月", "每月");
NOUN_TO_UNIT.set("种", "每项");

/** Nouns longest first, as a regex alternation. */
export const NOUNS = [...NOUN_TO_UNIT.keys()].sort((a, b) => b.length - a.length).join("|");

/** The unit word of a counted noun (`次` → `每次`), or undefined when the language has none. */
export function unitOf(noun: string): string | undefined {
  return NOUN_TO_UNIT.get(noun);
}
