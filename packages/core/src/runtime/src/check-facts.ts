/**
 * checkFacts of a compiled module: the facts reader's problems and the 参照 checks.  A module part;
 * catalogues with 可减免 take check-facts-scoring.ts instead.
 */

import { kpReadUnits, type FactError } from "./read-units.js";
import { kpReferErrors } from "./api.js";
import { CLASSES, FACTS, RULE_NAMES, type KpUnit } from "./module-env.js";

/** 检查各单位的事实，返回发现的全部问题（没有问题时为空数组）。 */
export function checkFacts(units: unknown): FactError[] {
  const read = kpReadUnits(FACTS, CLASSES, RULE_NAMES, units);
  return read.errors.concat(kpReferErrors(read.units as KpUnit[]));
}
