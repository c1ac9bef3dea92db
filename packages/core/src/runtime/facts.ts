/**
 * Reading and validating units' facts — typed access to the runtime's facts reader (source.ts), the
 * very code compiled modules run.
 *
 * A unit is `{ name, classes?, facts }`; `facts` maps fact keys (a rule name, or `rule.sub`) to
 * values; nested objects are flattened (`{ 处分: { 轻处分: 1 } }` is `{ "处分.轻处分": 1 }`).  Values may
 * be JSON numbers, booleans, arrays of incident ids, or text as found in CSV/Excel cells ("3",
 * "87.5%", "是", "事件A、事件B", "" for nothing).
 */
import { runtime } from "./decimal.js";

/** One fact key's expectations, as the compiler writes them into the module's FACTS table. */
export interface FactSpec {
  /** The fact key: a rule name, or 规则名.分项 */
  k: string;
  /** count | items | flag | award | value | score | rate | amount | amounts | reduce | outcome */
  t: string;
  /** the code of a value out of range when not KP4005 (KP4065 a reduction, KP4066 评议, KP4067 酌情) */
  oc?: string;
  /** the counted noun of per-occurrence amounts (起, 次 …) */
  n?: string;
  /** whether incident ids are accepted (count, flag) */
  inc?: boolean;
  /** value may be missing (未报送) */
  miss?: boolean;
  /** value must be an integer */
  int?: boolean;
  /** value may be negative (分段 可为负): "-0.3", "−0.3%", "+0.5" are read; a malformed sign is KP4070 */
  neg?: boolean;
  /** value must not be 0 (a divisor of 按 … 平均: KP4046) */
  pos?: boolean;
  /** a count that is part of the count keyed `of` (其中 「已查结」 减半): together they may not exceed it (KP4045) */
  of?: string;
  /** the counted noun of such a part (次, 人 …), for KP4045's message; of per-item counts (t = items) */
  noun?: string;
  /** per-item counts (t = items): the item noun (村) */
  item?: string;
  /** raw bounds */
  min?: number;
  max?: number;
  /** score (折算自): the rule's points the score in [0, max] is rescaled to */
  sc?: number;
  /** outcome: the allowed names, in order (the value read is the position) */
  names?: string[];
  /** required (when the rule applies to the unit) */
  req?: boolean;
  /** classes the fact's rule applies to: every list must contain one of the unit's classes (undefined = all) */
  cls?: string[][];
  /** classes whose units take another unit's score here (参照): the fact is not required of them */
  xcls?: string[];
  /** the 择一 group (1, 2, …) of the fact's rule: of the facts of one group, at most one may be given as happened (KP4060) */
  x?: number;
  /** 未涉及 flags (fact keys) of the indicators above: a unit flagged there need not give this fact. */
  xf?: string[];
  /** human label */
  label: string;
}

/** A problem with the facts, as data (the CLI turns it into a diagnostic with a location). */
export interface FactError {
  code: string;
  message: string;
  unit?: string;
  key?: string;
}

/** A unit after reading: validated facts in exact form. */
export interface ReadUnit {
  name: string;
  classes: string[];
  /** class name → true */
  c: Record<string, boolean>;
  /**
   * Facts by position in the spec list: the value of spec i at F[2i] (a count, a raw decimal, a
   * boolean, or null for 未报送; undefined when not given) and its incident ids at F[2i+1].
   */
  F: unknown[];
}

/** Splits a cell into incident ids: 事件A、事件B / A,B / A;B. */
export const kpIds = runtime.kpIds as (text: string) => string[];
/** Yes/no words people type in cells (是/否, 有/无, true/false, 1/0, √/×); undefined when neither. */
export const kpFlag = runtime.kpFlag as (v: unknown) => boolean | undefined;
/** A decimal from a number or text as raw millionths, or a problem: notNumber, negative, tooManyPlaces, tooLarge. */
export const kpRawOf = runtime.kpRawOf as (v: unknown) => number | string;
/** Reads units' facts against a FACTS spec list; returns the read units and every problem found. */
export const kpReadUnits = runtime.kpReadUnits as (
  specs: readonly FactSpec[],
  declaredClasses: string[],
  ruleNames: Record<string, boolean>,
  units: unknown,
) => { units: ReadUnit[]; errors: FactError[] };
