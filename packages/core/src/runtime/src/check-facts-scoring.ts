/**
 * checkFacts of a catalogue with 可减免: a reduction is bounded by the deduction it reduces, known
 * only by scoring, so the facts are also scored (the first unit with such an error reports it).  A
 * module part, instead of check-facts.ts.
 */

import { kpReadUnits, type FactError } from "./read-units.js";
import { KpFactsError, kpReferErrors, scoreAll } from "./api.js";
import { CLASSES, FACTS, RULE_NAMES, type KpUnit } from "./module-env.js";

/** 检查各单位的事实，返回发现的全部问题（没有问题时为空数组）；有可减免时也计分，以查出超出扣分的减免。 */
export function checkFacts(units: unknown): FactError[] {
  const read = kpReadUnits(FACTS, CLASSES, RULE_NAMES, units);
  const errors = read.errors.concat(kpReferErrors(read.units as KpUnit[]));
  if (errors.length > 0) return errors;
  try {
    scoreAll(units, { detail: false });
  } catch (e) {
    if (e instanceof KpFactsError) return e.errors;
    throw e;
  }
  return errors;
}
