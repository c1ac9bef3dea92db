/** Command-line options of the fuzzer, and the paths it works from. */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** The entry script (forked as the watchdog child). */
export const ENTRY = join(ROOT, "scripts/fuzz.ts");
/** Inputs over this many characters are "huge" (their own time limit, parser and checker only). */
export const HUGE = 200_000;

/** What an input is run through: catalogue targets, or `facts` (a facts file through the CLI's loader and the module). */
export type Target = "parser" | "checker" | "formatter" | "lsp" | "facts";
export const TARGETS: Target[] = ["parser", "checker", "formatter", "lsp", "facts"];
/** The targets a catalogue input is run through. */
export const CATALOGUE_TARGETS: readonly Target[] = ["parser", "checker", "formatter", "lsp"];

export interface Options {
  iterations: number;
  /** Facts inputs (target `facts`): one per iteration by default. */
  factsIterations: number;
  seed: number;
  targets: Target[];
  timeLimit: number;
  hugeTimeLimit: number;
  out: string;
  replay?: string;
  strict: boolean;
  /** Save the smallest input of each known failure too (as known-<id>.json). */
  saveKnown: boolean;
  quiet: boolean;
  /** Generate 100,000-line inputs (every 2,500th iteration); on by default from 2,500 iterations. */
  huge: boolean;
}

export function parseOptions(argv: string[]): Options {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const iterations = Number(get("iterations") ?? 1000);
  const target = get("target") ?? "all";
  if (target !== "all" && !TARGETS.includes(target as Target)) throw new Error(`--target: ${TARGETS.join("|")}|all, not ${target}`);
  return {
    iterations,
    factsIterations: Number(get("facts-iterations") ?? iterations),
    seed: Number(get("seed") ?? 1),
    targets: target === "all" ? TARGETS : [target as Target],
    timeLimit: Number(get("time-limit") ?? 2000),
    hugeTimeLimit: Number(get("huge-time-limit") ?? 60000),
    out: resolve(get("out") ?? join(ROOT, "test/robustness/fuzz-failures")),
    replay: get("replay"),
    strict: argv.includes("--strict"),
    saveKnown: argv.includes("--save-known"),
    quiet: argv.includes("--quiet"),
    huge: argv.includes("--huge") || (!argv.includes("--no-huge") && iterations >= 2500),
  };
}
