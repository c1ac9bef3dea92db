/** Types of handwritten.js (plain JavaScript on purpose: it is the baseline a developer would write). */
export interface HandwrittenResult {
  unit: string;
  total: string;
  rank: number;
  grade: string;
}
export function scoreAllHandwritten(
  units: readonly { name: string; classes: string[]; facts: Record<string, unknown> }[],
  stats?: { naiveRounding?: number },
): HandwrittenResult[];
