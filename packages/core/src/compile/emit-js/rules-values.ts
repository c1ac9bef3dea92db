/**
 * Rule bodies taking a value given or computed elsewhere: proportion and rankings (from the
 * cross-unit results), 酌情.  (Assessed scores, rates and the assessment group's score are printed
 * from their scoring blocks: from-ir.ts.)
 */
import { S, fmt, fx } from "./context.js";
import type { Body, RuleEmit } from "./rule-emit.js";

/** Proportion to the best and rankings: the unit's entry of the cross-unit results. */
export function emitAcrossUnits(e: RuleEmit, b: Body<"proportional" | "ranked">): void {
  const { o, n, key, finish } = e;
  if (b.kind === "ranked" && b.by.kind !== "fact") {
    // ranked by a computed score: every unit's score is computed on first use (no cycle: KP2071)
    o.push(`  const c = (Z.X[${n}] || (Z.X[${n}] = rk${n}(Z.X)))[Z.u];`, "  if (!c) return 0;", "  let v = c.a;");
    finish("v", () => "c.x", () => "{}");
    return;
  }
  o.push(`  const c = cx${n}(Z.X, Z);`, "  if (!c) return 0;", "  let v = c.a;");
  finish("v", () => "c.x", () => `{ [${key}]: c.f }`);
}

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
