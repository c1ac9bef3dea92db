/**
 * Rule bodies taking a value given at discretion: 酌情.  (Assessed scores, rates, the assessment
 * group's score, proportion and rankings are printed from their scoring blocks: from-ir.ts.)
 */
import { S, fmt, fx } from "./context.js";
import type { Body, RuleEmit } from "./rule-emit.js";

/** At discretion (酌情), once or per occurrence. */
export function emitDiscretion(e: RuleEmit, b: Body<"discretion">): void {
  const { ctx, r, o, key, F, finish } = e;
  const word = r.effect === "award" ? "酌情得" : "酌情扣";
  if (b.noun !== undefined) {
    // 每起 酌情 …: one amount per occurrence, their sum (the reader checked each is in range)
    o.push(`  const list = ${fx(ctx, r.name, true)};`, "  if (!list || list.length === 0) return 0;", `  let v = ${F};`);
    finish(
      "v",
      (pre) => `list.length + ${S(`${b.noun}，${word} `)} + list.map(kpFormat).join("、") + " = " + kpFormat(${pre}) + ${S(`（每${b.noun} ${fmt(b.min)} 至 ${fmt(b.max)}）`)}`,
      () => `{ [${key}]: list.map(kpFormat).join("、") }`,
    );
  } else {
    o.push(`  let v = ${F} || 0;`, "  if (v === 0) return 0;");
    finish("v", (pre) => `${S(word + " ")} + kpFormat(${pre}) + ${S(`（范围 ${fmt(b.min)} 至 ${fmt(b.max)}）`)}`, (pre) => `{ [${key}]: kpFormat(${pre}) }`);
  }
}
