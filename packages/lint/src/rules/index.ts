/** Every lint rule, in code order. */
import type { LintRule } from "../rule.js";
import { bandGap } from "./band-gap.js";
import { bandMissingCase } from "./band-missing-case.js";
import { bandOverlap } from "./band-overlap.js";
import { capBelowAmount } from "./cap-below-amount.js";
import { clauseMismatch } from "./clause-mismatch.js";
import { discretionRange } from "./discretion-range.js";
import { duplicateRule } from "./duplicate-rule.js";
import { emptyIndicator } from "./empty-indicator.js";
import { ineffectiveCap } from "./ineffective-cap.js";
import { missingCap } from "./missing-cap.js";
import { pointsSum } from "./points-sum.js";
import { unboundedAward } from "./unbounded-award.js";
import { unusedDeclaration } from "./unused-declaration.js";
import { vetoWithoutCondition } from "./veto-without-condition.js";

export const allRules: readonly LintRule[] = [
  missingCap,
  unboundedAward,
  ineffectiveCap,
  capBelowAmount,
  pointsSum,
  bandGap,
  bandOverlap,
  bandMissingCase,
  clauseMismatch,
  duplicateRule,
  unusedDeclaration,
  emptyIndicator,
  discretionRange,
  vetoWithoutCondition,
];

/** A rule by id. */
export const ruleById: ReadonlyMap<string, LintRule> = new Map(allRules.map((r) => [r.id, r]));
