/**
 * `kp compile --target sql [--dialect duckdb|postgres]`: writes `<name>.<dialect>.sql` (one query
 * over the facts table "kp_facts", schema in packages/cli/README.md) and `<name>.<dialect>.params.json`
 * (the values of its parameters $1…$n: the user-written names it compares with) — together, atomically.
 */
import { emitSql, type SqlDialect } from "@kaoping/core";
import { join } from "node:path";
import { outputBaseName } from "../catalogue.js";
import { ExitCode, UsageError } from "../exit.js";
import { absolutePath, colorsFor, shownPath, writeOutputs, type Io } from "../io.js";
import { visible } from "../report/terminal.js";
import { lowerOrReport } from "./score-engine.js";
import { catalogueForOutput } from "./output-catalogue.js";

export async function compileSqlCommand(io: Io, catalogueArg: string, opts: { output: string; name?: string; dialect?: string; table?: string; color?: boolean }): Promise<number> {
  const err = colorsFor(io.stderr, io.env, opts.color);
  const dialect = (opts.dialect ?? "duckdb") as SqlDialect;
  if (dialect !== "duckdb" && dialect !== "postgres") throw new UsageError(`--dialect 只能是 duckdb 或 postgres，实际为「${opts.dialect}」`);
  if (opts.name !== undefined && (opts.name === "" || /[\\/]/.test(opts.name))) throw new UsageError(`--name 应为不含路径的文件名，实际为「${opts.name}」`);
  const loaded = catalogueForOutput(io, catalogueArg, err, "refuse");
  if (!loaded) return ExitCode.problems;
  const { cat } = loaded;
  const ir = lowerOrReport(io, cat.analysis.catalogue, cat.sources, opts.color);
  if (!ir) {
    io.stderr.write(err.red("未生成任何文件。") + "\n");
    return ExitCode.problems;
  }
  const q = emitSql(ir, { dialect, ...(opts.table !== undefined ? { table: opts.table } : {}) });
  const base = opts.name ?? outputBaseName(cat.root);
  const outDir = absolutePath(io, opts.output);
  const files = [
    { path: join(outDir, `${base}.${dialect}.sql`), data: q.sql },
    { path: join(outDir, `${base}.${dialect}.params.json`), data: JSON.stringify(q.params, null, 2) + "\n" },
  ];
  writeOutputs(io, files, cat.analysis.files.map((f) => f.path));
  io.stdout.write(`已生成「${visible(cat.analysis.catalogue.title)}」的 SQL（${dialect === "duckdb" ? "DuckDB" : "PostgreSQL"}，${ir.params.length} 个参数）：\n`);
  for (const f of files) io.stdout.write(`  ${shownPath(io, f.path)}\n`);
  return ExitCode.ok;
}
