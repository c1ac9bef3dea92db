/**
 * The linter and the formatter, loaded on demand: the server starts without Prettier in memory,
 * and runs (without lint findings or formatting) if either package fails to load.
 */
import type { Analysis, Diagnostic } from "@kaoping/core";
import type { Formatter } from "./service/format.js";
import type { ItemLintProvider, LintProvider } from "./service/project.js";

/** How long a lint configuration lookup is trusted (ms). */
const CONFIG_TTL_MS = 2000;

/** Loads `@kaoping/lint`: `lintAnalysis` with the configuration found from the catalogue's root. */
export async function loadLint(): Promise<LintProvider | undefined> {
  const lint = await import("@kaoping/lint");
  type Found = ReturnType<typeof lint.findLintConfig>;
  const configs = new Map<string, { at: number; found: Found | undefined }>();
  const configFor = (analysis: Analysis): Found | undefined => {
    const root = analysis.catalogue.root || analysis.files[0]?.path || "";
    const now = Date.now();
    let entry = configs.get(root);
    if (!entry || now - entry.at > CONFIG_TTL_MS) {
      // Expired lookups are dropped (one per catalogue ever linted would otherwise stay).
      for (const [r, e] of configs) if (now - e.at > CONFIG_TTL_MS) configs.delete(r);
      // Only real files have a configuration (an untitled document has none).
      const onDisk = root.startsWith("/") || /^[A-Za-z]:[\\/]/.test(root);
      entry = { at: now, found: onDisk ? lint.findLintConfig(root) : undefined };
      configs.set(root, entry);
    }
    return entry.found;
  };
  const whole = (analysis: Analysis): Diagnostic[] => {
    const found = configFor(analysis);
    return [...(found?.diagnostics ?? []), ...lint.lintAnalysis(analysis, found?.config ?? {})];
  };
  // One indicator, on every keystroke: the configuration's own problems are the whole lint's to report.
  const item: ItemLintProvider = {
    codes: lint.itemLintCodes,
    lint: (analysis, file, it) => lint.lintItem(analysis, file, it, configFor(analysis)?.config ?? {}),
  };
  return Object.assign(whole, { item });
}

/** Loads `prettier-plugin-kp`'s `formatKp`. */
export async function loadFormatter(): Promise<Formatter | undefined> {
  const plugin = await import("prettier-plugin-kp");
  return (text, options) => plugin.formatKp(text, options);
}
