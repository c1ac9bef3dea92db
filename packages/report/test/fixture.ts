/**
 * The shipped example as a report's input, computed in-process with exactly the code `kp score`
 * runs: rules/ compiled, the module imported, examples/各县事实.csv read by @kaoping/facts, scored with
 * trace.  Plus helpers to run the built `kp` (the CLI's own test helpers).
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeCatalogue, compileCatalogue, importCompiledModule, nodeHost } from "@kaoping/core";
import { loadFacts } from "@kaoping/facts";
import type { ReportInput } from "@kaoping/report";
import { flattenFacts } from "../../cli/src/report/explain.js";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const rulesRoot = join(repoRoot, "rules", "细则.kp");
export const exampleFacts = join(repoRoot, "examples", "各县事实.csv");
/** The report's goldens live with the CLI's, so that `pnpm run update-golden` regenerates them. */
export const goldenDir = fileURLToPath(new URL("../../cli/test/golden/report/", import.meta.url));

export async function exampleInput(): Promise<ReportInput> {
  const analysis = analyzeCatalogue(rulesRoot, nodeHost);
  const mod = await importCompiledModule(compileCatalogue(analysis.catalogue).js);
  const facts = await loadFacts(exampleFacts, mod.catalogue);
  if (facts.diagnostics.length > 0) throw new Error(JSON.stringify(facts.diagnostics));
  const results = mod.scoreAll(facts.units, { trace: true });
  return { catalogue: mod.catalogue, results, facts: new Map(facts.units.map((u) => [u.name.trim(), flattenFacts(u.facts)])) };
}
