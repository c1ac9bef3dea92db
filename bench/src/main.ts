/**
 * `pnpm bench`: measures kaoping against baselines in the same run, prints one table and writes it as
 * JSON to bench/results/ (latest.json and a dated copy).  See bench/README.md for the method.
 *
 *   node --expose-gc --import tsx bench/src/main.ts [--quick] [--out <dir>] [--only 1,3,…]
 *
 * --quick   tiny sizes, one run each: checks that the bench works (CI); writes nothing unless --out
 * --out     directory for the JSON (default: bench/results/ for a complete full run, else nothing)
 * --only    figure groups to run, or figure ids naming their group (7b → 7) (1 parse, 2 compile, 3 score, 4 editor, 5 cold start, 6 large input, 7 import,
 *           8 report, 9 streaming score, 10 keystroke → squiggle in VS Code: needs code-server and Chromium, and is left out
 *           of --quick unless named, 11 SQL engines on large facts)
 *
 * Exit code: 0 when the run completed (goals met or not — the table says which); 1 when a check
 * failed (scorers disagree, a generated input is invalid) or the bench itself broke.
 */
import { cpus, loadavg } from "node:os";
import { generateCatalogue } from "./gen-catalogue.js";
import { hasGc } from "./measure.js";
import { resultsDir, root } from "./paths.js";
import { environment, table, unavailable, writeRecord, type Figure, type RunRecord } from "./report.js";
import { compileFigures, parseFigure } from "./figures/parse.js";
import { scoreFigures } from "./figures/score.js";
import { editorFigures } from "./figures/editor.js";
import { coldStartFigure, largeInputFigure } from "./figures/cli.js";
import { importCorpusFigure, importFigure } from "./figures/import.js";
import { reportFigures } from "./figures/report.js";
import { vscodeFigures } from "./figures/vscode.js";
import { streamFigures } from "./figures/stream.js";
import { sqlFigures } from "./figures/sql.js";

interface Args {
  quick: boolean;
  out: string | undefined;
  only: Set<string> | undefined;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { quick: false, out: undefined, only: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") continue; // pnpm may pass the separator through
    if (a === "--quick") args.quick = true;
    else if (a === "--out") args.out = argv[++i];
    else if (a.startsWith("--out=")) args.out = a.slice(6);
    else if (a === "--only") args.only = groups(argv[++i]!);
    else if (a.startsWith("--only=")) args.only = groups(a.slice(7));
    else throw new UsageError(`unknown argument ${a} (use --quick, --out <dir>, --only 1,2,3,4,5,6,7,8,9,10,11)`);
  }
  return args;
}

/**
 * The groups of `--only`: a figure id names its group (「7b」 runs group 7, which prints 7 and 7b); an id of no
 * group is refused rather than running nothing.
 */
/** A mistake in the command line: said in one line, without a stack. */
class UsageError extends Error {}

function groups(list: string): Set<string> {
  const out = new Set<string>();
  for (const id of list.split(",")) {
    const g = id.trim().replace(/[a-z]+$/i, "");
    if (!/^(?:[1-9]|1[01])$/.test(g)) throw new UsageError(`--only ${id}: no such figure group (use 1–11, or a figure id such as 7b)`);
    out.add(g);
  }
  return out;
}

/** Sizes and run counts: the full bench, and the smoke mode. */
function planFor(quick: boolean) {
  return quick
    ? {
        parse: { bytes: 30_000, warmup: 1, runs: 1 },
        compile: { warmup: 0, runs: 1 },
        score: { units: 400, warmup: 1, runs: 1, infoUnits: 400, coverageUnits: 400, crossCheckBytes: 40_000, crossCheckUnits: 150 },
        editor: { edits: 8, completions: 5, largeLines: 1_500 },
        vscode: { lines: 1_500, keystrokes: 2 },
        coldStart: { warmup: 0, runs: 1 },
        large: { units: 300 },
        import: { warmup: 0, runs: 1 },
        report: { units: [200] },
        stream: { sizes: [300, 900], block: 300 },
        sql: { duck: [600], pg: 600, cross: [300], block: 300 },
      }
    : {
        parse: { bytes: 1_000_000, warmup: 3, runs: 7 },
        compile: { warmup: 2, runs: 5 },
        score: { units: 100_000, warmup: 1, runs: 3, infoUnits: 10_000, coverageUnits: 5_000, crossCheckBytes: 200_000, crossCheckUnits: 1_500 },
        editor: { edits: 200, completions: 100, largeLines: 10_000 },
        vscode: { lines: 5_000, keystrokes: 10 },
        coldStart: { warmup: 2, runs: 10 },
        large: { units: 100_000 },
        import: { warmup: 2, runs: 7 },
        report: { units: [2_000, 20_000] },
        stream: { sizes: [100_000, 1_000_000], block: 100_000 },
        sql: { duck: [1_000_000, 3_000_000], pg: 1_000_000, cross: [10_000, 30_000, 100_000, 300_000], block: 100_000 },
      };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const plan = planFor(args.quick);
  const want = (g: string) => !args.only || args.only.has(g);
  const started = Date.now();
  const loadAtStart = loadavg().map((x) => Math.round(x * 100) / 100);
  const figures: Figure[] = [];
  const checks: Record<string, unknown> = {};
  const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
  if (!hasGc) log("node runs without --expose-gc: no GC between runs (figures are noisier)");

  let failed = false;
  const attempt = async (group: string, what: string, fn: () => Promise<void>) => {
    if (!want(group)) return;
    log(what);
    const t0 = Date.now();
    try {
      await fn();
      log(`  ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    } catch (e) {
      failed = true;
      log(`FAILED: ${what}: ${(e as Error).stack ?? e}`);
      figures.push(unavailable(group, what, "—", (e as Error).message.split("\n")[0]!, "failed"));
    }
  };

  const gen = want("1") || want("2") ? generateCatalogue({ bytes: plan.parse.bytes }, 1) : undefined;
  await attempt("1", "parse + check throughput", async () => {
    figures.push(await parseFigure(gen!, plan.parse));
  });
  await attempt("2", "compile time", async () => {
    figures.push(...(await compileFigures(gen!, plan.compile)));
  });
  await attempt("3", "scoring throughput", async () => {
    const r = await scoreFigures(plan.score);
    figures.push(...r.figures);
    Object.assign(checks, r.checks);
  });
  await attempt("4", "editor latency (language server over stdio)", async () => {
    figures.push(...(await editorFigures(plan.editor)));
  });
  await attempt("5", "CLI cold start", async () => {
    figures.push(await coldStartFigure(plan.coldStart));
  });
  await attempt("6", "large input (kp score)", async () => {
    figures.push(await largeInputFigure(plan.large));
  });
  // A real VS Code takes minutes to build, start and drive: not part of the quick smoke run unless named.
  if (!args.quick || args.only?.has("10"))
    await attempt("10", "keystroke → squiggle in VS Code (code-server)", async () => {
      figures.push(...(await vscodeFigures(plan.vscode)));
    });

  await attempt("7", "import speed (kp import)", async () => {
    figures.push(await importFigure(plan.import));
    figures.push(await importCorpusFigure(plan.import));
  });
  await attempt("8", "reports (kp report: Excel, HTML, overview in Chromium)", async () => {
    figures.push(...(await reportFigures(plan.report)));
  });

  await attempt("9", "streaming kp score (bounded memory)", async () => {
    figures.push(...(await streamFigures(plan.stream)));
  });

  await attempt("11", "SQL engines on large facts (DuckDB CSV/Parquet, PostgreSQL, cross-over with JS)", async () => {
    figures.push(...(await sqlFigures(plan.sql)));
  });

  const mode = args.quick ? "quick smoke mode: sizes and runs too small for the goals to mean anything" : "full";
  const loadNow = loadavg()[0]!.toFixed(1);
  process.stdout.write(`\nkaoping bench (${mode}; medians; node ${process.version}; ${cpus().length} CPUs, load ${loadAtStart[0]} → ${loadNow})\n\n${table(figures)}\n`);
  const env = environment(root);
  const record: RunRecord = {
    kaopingBench: 1,
    mode: args.quick ? "quick" : "full",
    date: new Date(started).toISOString(),
    git: env.git,
    machine: { ...env.machine, loadAverageAtStart: loadAtStart },
    plan,
    figures,
    checks,
    durationSeconds: Math.round((Date.now() - started) / 1000),
  };
  // Only complete full runs go to bench/results/ by default: a partial or quick run would read as a regression.
  const out = args.out ?? (args.quick || args.only ? undefined : resultsDir);
  if (out) {
    const paths = writeRecord(out, record);
    process.stdout.write(`\nwritten: ${paths.join(", ")}\n`);
  }
  if (Object.keys(checks).length > 0) process.stdout.write(`checks: ${JSON.stringify(checks)}\n`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`[bench] ${e instanceof UsageError ? e.message : ((e as Error).stack ?? e)}\n`);
    process.exit(e instanceof UsageError ? 2 : 1);
  },
);
