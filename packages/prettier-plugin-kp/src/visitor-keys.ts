/**
 * The child properties of each AST node kind, in source order: what Prettier walks to attach
 * comments and what the printer prints.
 */
import type { Node } from "@kaoping/core";

const keys: Record<string, readonly string[]> = {
  File: ["items"],
  Title: ["title"],
  Year: ["value"],
  Subject: ["text"],
  Classes: ["names"],
  Total: ["value"],
  Rounding: ["places"],
  Include: ["target"],
  Grades: ["grades"],
  Grade: ["name", "conditions"],
  ScoreCondition: ["value"],
  RankCondition: ["value"],
  Indicator: ["name", "points", "classPoints", "items"],
  Code: ["code"],
  Departments: ["names"],
  Applies: ["classes"],
  Refer: ["unitClass", "unit"],
  Note: ["text"],
  CapGroup: ["cap", "items"],
  HighestGroup: ["cap", "items"],
  ChoiceGroup: ["items"],
  BonusSection: ["name", "cap", "items"],
  PenaltySection: ["name", "cap", "items"],
  Rule: ["name", "clause", "review", "body", "modifiers"],
  Per: ["units", "amounts"],
  OneShot: ["amounts"],
  Amount: ["value", "overrides"],
  ClassAmount: ["unitClass", "value"],
  Categories: ["entries"],
  CategoryAmount: ["name", "value"],
  Bands: ["bands"],
  Band: ["range", "outcome", "steps"],
  BandSteps: ["step", "amount"],
  Interval: ["lower", "upper"],
  Outcome: ["amount"],
  Linear: ["base", "step", "amount", "sideCap", "other", "cutoff"],
  LinearSide: ["step", "amount", "cap"],
  Cutoff: ["value", "outcome"],
  Shortfall: ["target", "step", "amount"],
  Assessed: ["max"],
  Rate: ["max"],
  Proportional: ["max"],
  Ranked: ["indicator", "max", "step", "table", "rest"],
  Discretion: ["min", "max"],
  Cap: ["value"],
  Multiplier: ["flag"],
  Occurrences: ["entries"],
  OccurrenceFactor: ["condition", "n"],
  Average: ["fact", "value"],
};

/** The child keys of a node.  `= 5` intervals share one number as both bounds: it is walked once. */
export function visitorKeys(node: { kind?: string }): string[] {
  if (node.kind === "Interval" && (node as Node & { form: string }).form === "=") return ["lower"];
  return [...(keys[node.kind ?? ""] ?? [])];
}
