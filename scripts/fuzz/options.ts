/** Command-line options of the fuzzer, and the paths it works from. */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** The entry script (forked as the watchdog child). */
export const ENTRY = join(ROOT, "scripts/fuzz.ts");
/** Inputs over this many characters are "huge" (their own time limit, parser and checker only). */
export const HUGE = 200_000;

export type Target = "parser" | "checker" | "formatter" | "lsp";
export const TARGETS: Target[] = ["parser", "checker", "formatter", "lsp"];

export interface Options {
  iterations: number;
  seed: number;
  targets: Target[];
  timeLimit: number;
  hugeTimeLimit: number;
  out: string;
  replay?: string;
  strict: boolean;
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
  if (target !== "all" && !TARGETS.includes(target as Target)) throw new Error(`--target: parser|checker|formatter|lsp|all, not ${target}`);
  return {
    iterations,
    seed: Number(get("seed") ?? 1),
    targets: target === "all" ? TARGETS : [target as Target],
    timeLimit: Number(get("time-limit") ?? 2000),
    hugeTimeLimit: Number(get("huge-time-limit") ?? 60000),
    out: resolve(get("out") ?? join(ROOT, "test/robustness/fuzz-failures")),
    replay: get("replay"),
    strict: argv.includes("--strict"),
    quiet: argv.includes("--quiet"),
    huge: argv.includes("--huge") || (!argv.includes("--no-huge") && iterations >= 2500),
  };
}
