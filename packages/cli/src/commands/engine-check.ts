/**
 * The JS facts reader's checks on the DuckDB path: a streaming pass over the facts file with the
 * compiled module's own reader (@kaoping/facts streamUnits, the module's checkFacts per batch — the
 * code `kp score --engine js` runs, so every check that can change a result or an error is the same
 * check: duplicate units, undeclared classes, full-width digits, counts and values out of range,
 * 择一, required facts …).  It runs while DuckDB scores (DuckDB works in its own threads), so that it
 * costs little of the wall time.  It only says whether the facts are clean: when they are not, the
 * caller lets the JS engine report every problem at its cell, exactly as `--engine js` does.
 *
 * Checks across batches: a unit name repeated in a later batch (kept here: one Set of name keys),
 * and the 参照 checks (KP4011 a named unit missing, KP4050 an empty pool), which need every unit —
 * they are left out per batch; DuckDB cannot compute such a unit's score (NULL: KP8013), and the
 * caller then lets the JS engine report.
 */
import { nameKey, type ScoringModule } from "@kaoping/core";
import { knownFacts, streamUnits } from "@kaoping/facts";

/** Whether the facts are clean (and how many units), have problems, or cannot be streamed (why). */
export type StreamCheck = { ok: true; units: number } | { ok: false; problems: true } | { ok: false; problems: false; why: string };

/** Codes of the module's checks that need every unit, not one batch (see above). */
const ACROSS_UNITS = new Set(["KP4011", "KP4050"]);

class Found extends Error {}

export async function checkFactsStreaming(module: ScoringModule, file: string): Promise<StreamCheck> {
  const names = new Set<string>();
  let read;
  try {
    read = await streamUnits(
      file,
      knownFacts(module.catalogue),
      (units) => {
        if (module.checkFacts(units).some((e) => !ACROSS_UNITS.has(e.code))) throw new Found();
        for (const u of units) {
          const key = nameKey(String(u.name).trim());
          if (names.has(key)) throw new Found();
          names.add(key);
        }
      },
      { seen: (name) => names.has(name) },
    );
  } catch (e) {
    if (e instanceof Found || (e instanceof Error && e.name === "KpFactsError")) return { ok: false, problems: true };
    throw e;
  }
  if (!read.ok) return read.problem !== undefined ? { ok: false, problems: true } : { ok: false, problems: false, why: read.why };
  // no unit at all: the JS engine says so (KP4012)
  if (read.units === 0) return { ok: false, problems: true };
  return { ok: true, units: read.units };
}
