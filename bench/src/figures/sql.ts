/**
 * Figure 11 — the SQL engines on large facts (issue 15): `kp score rules <facts> --engine duckdb -o
 * <csv>` from a CSV and from a Parquet file of N generated units (wall time and peak RSS of the
 * process), PostgreSQL computing the results of N units held in a table (the compiled query as
 * CREATE TABLE … AS, in the server: what `--engine postgres --write` costs the database), and the
 * cross-over against JS streaming (figure 9's command, `kp score rules <csv> -o <csv>`) at a few
 * sizes.  One run per row (the large ones are long).
 *
 * Facts: rules/ units generated as in figure 9 (one generated block, names suffixed per copy).  The
 * Parquet file is DuckDB's own conversion of that CSV (column types detected by DuckDB: numbers
 * BIGINT/DOUBLE, the rest VARCHAR), as an office's export would be.  The PostgreSQL table has the
 * documented facts schema, loaded with COPY from a typed CSV (engines' writeFactsForPostgres); the
 * server is a throw-away one started like the engines' tests start theirs.
 */
import { appendFileSync, chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { analyzeOrThrow, memoryHost, rulesSources } from "../catalogues.js";
import { generateUnits, unitsToCsv } from "../gen-facts.js";
import { cliEntry, root } from "../paths.js";
import { ms, unavailable, type Figure } from "../report.js";
import { childNodeArgs, timed } from "./proc.js";
import { postgresAvailable, startPostgres } from "../../../packages/engines/test/pg-server.js";

export interface SqlPlan {
  /** Sizes scored by DuckDB from CSV and from Parquet. */
  duck: number[];
  /** Rows in the PostgreSQL table (0: no PostgreSQL row). */
  pg: number;
  /** Sizes at which JS streaming and DuckDB (CSV) are compared. */
  cross: number[];
  block: number;
}

const NOT_BUILT = "not available (CLI or engines not built: run pnpm build)";
const enginesDist = join(root, "packages", "engines", "dist", "index.js");
const coreDist = join(root, "packages", "core", "dist", "index.js");
const mb = (x: number | undefined) => (x === undefined ? "unknown" : `${x.toFixed(0)} MB`);
const n = (x: number) => x.toLocaleString("en-US");

/** Writes a CSV of `units` units of rules/ (blocks of `block` generated units, renamed per block). */
function writeFacts(file: string, units: number, block: number): void {
  const rules = rulesSources();
  const cat = analyzeOrThrow(rules.root, memoryHost(rules.files), "rules/").catalogue;
  const base = generateUnits(cat, Math.min(units, block), 13);
  for (let start = 0, c = 0; start < units; start += block, c++) {
    const part = base.slice(0, Math.min(block, units - start)).map((u) => (c === 0 ? u : { ...u, name: `${u.name}-${c}` }));
    const text = unitsToCsv(cat, part);
    if (c === 0) writeFileSync(file, "\uFEFF" + text);
    else appendFileSync(file, text.slice(text.indexOf("\n") + 1));
  }
}

/** Runs an ES module script in a child node (the engines' dependencies resolve from their package). */
async function script(code: string): Promise<string> {
  const r = await timed(process.execPath, ["--input-type=module", "-e", code], { cwd: join(root, "packages", "engines") });
  if (r.code !== 0) throw new Error(r.stderr.trim().split("\n").slice(-3).join(" / "));
  return r.stdout.trim();
}

/** DuckDB's conversion of a CSV to Parquet (types detected). */
async function toParquet(csv: string, parquet: string): Promise<void> {
  await script(`
import { DuckDBInstance } from "@duckdb/node-api";
const i = await DuckDBInstance.create(":memory:", { preserve_insertion_order: "false" });
const c = await i.connect();
await c.run(${JSON.stringify(`COPY (SELECT * FROM read_csv('${csv.replace(/'/g, "''")}', header = true)) TO '${parquet.replace(/'/g, "''")}' (FORMAT parquet)`)});
c.closeSync(); i.closeSync();`);
}

async function kpScore(facts: string, out: string, engine: "js" | "duckdb") {
  const args = [...childNodeArgs, cliEntry, "score", "rules", facts, "-o", out, "--engine", engine];
  const r = await timed(process.execPath, args, { cwd: root, rss: true, env: { ...process.env, KP_SCORE_TRACE: "1" } });
  if (r.code !== 0) throw new Error(`kp score --engine ${engine} exited with ${r.code}: ${r.stderr.trim().split("\n").slice(0, 2).join(" / ")}`);
  return r;
}

/** PostgreSQL: the facts table loaded with COPY, then the compiled query run as CREATE TABLE … AS. */
async function postgresRow(dir: string, csv: string, units: number): Promise<Figure> {
  const name = `PostgreSQL, ${n(units)} rows in a table: results computed in the server`;
  if (!postgresAvailable()) return unavailable("11e", name, "info", "not available (PostgreSQL 15 not installed: .ci/setup-postgres.sh)");
  const server = await startPostgres();
  try {
    const typed = join(dir, "facts-pg.csv");
    const out = await script(`
import pg from "pg";
import { analyzeCatalogue, lower, nodeHost, emitSql } from ${JSON.stringify(pathToFileURL(coreDist).href)};
import { awardMaxima, writeFactsForPostgres } from ${JSON.stringify(pathToFileURL(enginesDist).href)};
const a = analyzeCatalogue(${JSON.stringify(join(root, "rules", "细则.kp"))}, nodeHost);
const ir = lower(a.catalogue);
await writeFactsForPostgres(ir, ${JSON.stringify(csv)}, ${JSON.stringify(typed)}, { awards: awardMaxima(a.catalogue) });
const q = (s) => '"' + s.replace(/"/g, '""') + '"';
const type = (c) => c.type === "count" ? "BIGINT" : c.type === "decimal" ? "DECIMAL(18,6)" : c.type === "flag" ? "BOOLEAN" : "TEXT[]";
const client = new pg.Client({ connectionString: ${JSON.stringify(server.url)} });
await client.connect();
await client.query("CREATE TABLE facts (" + [q("单位") + " TEXT", q("类别") + " TEXT[]", ...ir.columns.map((c) => q(c.name) + " " + type(c))].join(", ") + ")");
let t = Date.now();
await client.query("COPY facts FROM '" + ${JSON.stringify(typed)}.replace(/'/g, "''") + "' (FORMAT csv, HEADER true)");
await client.query("ANALYZE facts");
const loadMs = Date.now() - t;
const sql = emitSql(ir, { dialect: "postgres", table: "facts" });
t = Date.now();
await client.query({ text: "CREATE TABLE results AS " + sql.sql.replace(/^(--[^\\n]*\\n)+/, ""), values: sql.params });
const scoreMs = Date.now() - t;
const rows = (await client.query("SELECT count(*) AS n FROM results")).rows[0].n;
await client.end();
process.stdout.write(JSON.stringify({ loadMs, scoreMs, rows: Number(rows) }));`);
    const r = JSON.parse(out) as { loadMs: number; scoreMs: number; rows: number };
    if (r.rows !== units) return unavailable("11e", name, "info", `results table has ${r.rows} rows, expected ${units}`, "failed");
    return {
      id: "11e",
      name,
      goal: "info",
      measured: `${ms(r.scoreMs)} (${((r.scoreMs * 1000) / units).toFixed(1)} µs/unit)`,
      baseline: `COPY of the table ${ms(r.loadMs)}`,
      ratio: null,
      met: null,
      status: "ok",
      note: "server side only (CREATE TABLE … AS the compiled query); kp score --engine postgres then reads the rows back",
      values: { units, scoreMs: r.scoreMs, loadMs: r.loadMs },
    };
  } finally {
    server.stop();
  }
}

/** The plan, or parts of it from KP_BENCH_SQL_PLAN (JSON, e.g. {"duck":[],"cross":[]} to run the PostgreSQL row alone). */
export async function sqlFigures(planned: SqlPlan): Promise<Figure[]> {
  const plan: SqlPlan = { ...planned, ...(process.env.KP_BENCH_SQL_PLAN ? (JSON.parse(process.env.KP_BENCH_SQL_PLAN) as Partial<SqlPlan>) : {}) };
  // KP_BENCH_10M=1: DuckDB on 10,000,000 units too (CSV ~3.7 GB, Parquet; about half an hour per row on 2 cores)
  if (process.env.KP_BENCH_10M === "1" && !plan.duck.includes(10_000_000)) plan.duck = [...plan.duck, 10_000_000];
  // (11e is the PostgreSQL row: a third size is 11g, 11h)
  const letters = "abcdgh";
  /** DuckDB's peak RSS by size (CSV rows), for its memory per unit. */
  const duckPeaks: [number, number][] = [];
  if (!existsSync(cliEntry) || !existsSync(enginesDist)) return [unavailable("11a", "DuckDB engine on large facts", "info", NOT_BUILT)];
  const dir = mkdtempSync(join(tmpdir(), "kp-bench-sql-"));
  chmodSync(dir, 0o755); // the PostgreSQL server (user postgres) reads the typed CSV from here
  const figures: Figure[] = [];
  const log = (m: string) => process.stderr.write(`[bench]   ${m}\n`);
  // each row as it is measured (the large ones take minutes; a stopped run keeps what it measured)
  const push = (f: Figure) => {
    figures.push(f);
    log(`${f.id}: ${f.measured} | ${f.baseline}${f.ratio === null ? "" : ` | ${f.ratio.toFixed(2)}×`}${f.note ? ` (${f.note})` : ""}`);
  };
  try {
    let pgDone = false;
    const pgRow = async (csv: string) => {
      pgDone = true;
      log(`PostgreSQL ${n(plan.pg)} rows`);
      try {
        push(await postgresRow(dir, csv, plan.pg));
      } catch (e) {
        push(unavailable("11e", `PostgreSQL, ${n(plan.pg)} rows in a table`, "info", (e as Error).message.slice(0, 300), "failed"));
      }
    };
    // the cross-over: JS streaming and DuckDB on the same CSV
    for (const [k, units] of plan.cross.entries()) {
      const id = `11f${k + 1}`;
      const name = `cross-over at ${n(units)} units: DuckDB (with the JS reader's checks alongside) vs JS streaming (CSV → CSV)`;
      log(name);
      const csv = join(dir, `cross-${units}.csv`);
      writeFacts(csv, units, plan.block);
      try {
        const out = join(dir, "out.csv");
        const duck = await kpScore(csv, out, "duckdb");
        const js = await kpScore(csv, out, "js");
        rmSync(out, { force: true });
        const ratio = duck.wallMs / js.wallMs;
        push({
          id,
          name,
          goal: "info (< 1: DuckDB faster)",
          measured: `DuckDB ${ms(duck.wallMs)}, peak RSS ${mb(duck.peakMB)}`,
          baseline: `JS ${ms(js.wallMs)}, peak RSS ${mb(js.peakMB)}${js.stderr.includes("流式计分") ? "" : " (not streamed)"}`,
          ratio,
          met: null,
          status: "ok",
          values: { units, bytes: statSync(csv).size, duckMs: duck.wallMs, duckPeakMB: duck.peakMB ?? null, jsMs: js.wallMs, jsPeakMB: js.peakMB ?? null },
        });
      } catch (e) {
        push(unavailable(id, name, "info", (e as Error).message, "failed"));
      }
      rmSync(csv, { force: true });
    }
    // DuckDB from CSV and from Parquet
    let i = 0;
    for (const units of plan.duck) {
      const csv = join(dir, `facts-${units}.csv`);
      writeFacts(csv, units, plan.block);
      const parquet = join(dir, `facts-${units}.parquet`);
      await toParquet(csv, parquet);
      for (const [kind, file] of [["CSV", csv], ["Parquet", parquet]] as const) {
        const id = `11${letters[i++]}`;
        const name = `kp score --engine duckdb, ${n(units)}-unit ${kind} → CSV`;
        log(name);
        try {
          const out = join(dir, "out.csv");
          const r = await kpScore(file, out, "duckdb");
          rmSync(out, { force: true });
          push({
            id,
            name,
            goal: "info",
            measured: `${ms(r.wallMs)} (${((r.wallMs * 1000) / units).toFixed(1)} µs/unit), peak RSS ${mb(r.peakMB)}`,
            baseline: `${kind} file ${mb(statSync(file).size / 2 ** 20)}`,
            ratio: null,
            met: null,
            status: "ok",
            values: { units, format: kind, bytes: statSync(file).size, ms: r.wallMs, peakMB: r.peakMB ?? null },
          });
          if (kind === "CSV" && r.peakMB !== undefined) duckPeaks.push([units, r.peakMB]);
        } catch (e) {
          push(unavailable(id, name, "info", (e as Error).message, "failed"));
        }
      }
      if (plan.pg === units) await pgRow(csv);
      rmSync(csv, { force: true });
      rmSync(parquet, { force: true });
    }
    // DuckDB's memory per unit: the growth of its peak RSS between the smallest and largest CSV row
    if (duckPeaks.length >= 2) {
      const [[n1, p1], [n2, p2]] = [duckPeaks[0]!, duckPeaks[duckPeaks.length - 1]!];
      const perUnit = ((p2 - p1) * 1024) / (n2 - n1);
      push({ id: "11i", name: "DuckDB memory per unit (CSV, growth of peak RSS)", goal: "info", measured: `${perUnit.toFixed(2)} KB/unit`, baseline: `${n(n1)} → ${n(n2)} units: ${mb(p1)} → ${mb(p2)}`, ratio: null, met: null, status: "ok", values: { n1, n2, p1, p2, perUnitKB: perUnit } });
    }
    if (plan.pg > 0 && !pgDone) {
      const csv = join(dir, `facts-${plan.pg}.csv`);
      writeFacts(csv, plan.pg, plan.block);
      await pgRow(csv);
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
