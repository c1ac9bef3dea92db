// What a pattern gives back: a reading (bodies + the amounts it accounted for) or a reason it
// cannot read the clause (a to-do), or nothing when the pattern does not apply.
import type { ClauseContext } from "./index.js";

export interface Reading {
  readonly kind: "reading";
  readonly bodies: readonly string[];
  /** The points amounts of the clause this reading used; every amount of the clause must be used. */
  readonly used: readonly string[];
  readonly names?: readonly string[];
}
export interface Refusal {
  readonly kind: "refusal";
  readonly reason: string;
}
export type PatternResult = Reading | Refusal | undefined;

/** A pattern: the normalised clause and its context → a result. */
export type Pattern = (t: string, ctx: ClauseContext) => PatternResult;

export const reading = (bodies: readonly string[], used: readonly string[], names?: readonly string[]): Reading =>
  names ? { kind: "reading", bodies, used, names } : { kind: "reading", bodies, used };
export const refusal = (reason: string): Refusal => ({ kind: "refusal", reason });

/** 扣 / 得 of an action verb as written. */
export function actionOf(verb: string): "扣" | "得" | undefined {
  if (/^(扣|减|扣除|倒扣)$/.test(verb)) return "扣";
  if (/^(加|得|计|记|增|增加|增记|可得|奖|另加|再加)$/.test(verb)) return "得";
  return undefined;
}

/** The action verbs, longest first, as a regex alternation. */
export const VERBS = "扣除|倒扣|增记|增加|另加|再加|可得|扣|减|加|得|计|记|增";
