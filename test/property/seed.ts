/**
 * fast-check parameters of the property tests: a fixed number of runs and a seed that is printed
 * and can be given back.
 *
 *   KP_FC_SEED=<seed>   replay exactly the runs of an earlier (e.g. failed) test run;
 *                       the seed is printed at the start of every property, pass or fail.
 *   KP_FC_PATH=<path>   with the seed, start from the failing run fast-check reported.
 *
 * No time cap: a property always runs all its cases, so what a green run proves does not depend on
 * the speed of the machine (a time cap let a slow machine check fewer cases, and the old assertion
 * on the count then failed it for being slow).  The test timeouts (PROPERTY_TIMEOUT) are only there
 * to stop a hang.
 */

/** Vitest timeout of a property test: an hour, far beyond any machine's honest run. */
export const PROPERTY_TIMEOUT = 3_600_000;

let chosen: number | undefined;

/** The seed of this test process: KP_FC_SEED (or the older KP_PROP_SEED) if set, else random. */
export function propertySeed(): number {
  if (chosen !== undefined) return chosen;
  const given = process.env.KP_FC_SEED ?? process.env.KP_PROP_SEED;
  if (given !== undefined && given !== "") {
    if (!/^-?\d+$/.test(given.trim()) || !Number.isSafeInteger(Number(given)) || Math.abs(Number(given)) > 0xffffffff) {
      throw new Error(`KP_FC_SEED must be an integer (the seed a previous run printed), got "${given}"`);
    }
    chosen = Number(given) | 0;
  } else {
    chosen = (Math.random() * 0x100000000) | 0;
  }
  return chosen;
}

/** fast-check parameters for `numRuns` runs with this process's seed, printed under `label`. */
export function propertyParams(label: string, numRuns: number): { numRuns: number; seed: number; path?: string } {
  const seed = propertySeed();
  console.log(`[property] ${label}: ${numRuns} runs, fast-check seed ${seed} (replay: KP_FC_SEED=${seed})`);
  const out: { numRuns: number; seed: number; path?: string } = { numRuns, seed };
  const path = process.env.KP_FC_PATH ?? process.env.KP_PROP_PATH;
  if (path) out.path = path;
  return out;
}
