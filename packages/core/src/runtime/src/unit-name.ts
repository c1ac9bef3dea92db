/**
 * The name of the unit being scored, for a facts error found only while scoring (a reduction beyond
 * its deduction, KP4065).  A module part: included when a catalogue has 可减免.
 */

import type { KpState } from "./module-env.js";

/** 正在计分的单位的名称（计分时才发现的事实错误用）。 */
export function kpUnitName(Z: KpState): string | undefined {
  const R = Z.R;
  if (R) for (const n in R) if (R[n].index === Z.u) return n;
  return undefined;
}
