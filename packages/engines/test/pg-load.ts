/** Loads a facts file into a PostgreSQL table of the documented schema (typed through DuckDB's reader). */
import type pg from "pg";
import type { IrProgram } from "@kaoping/core";
import { typedFactRows } from "@kaoping/engines";

const q = (n: string) => '"' + n.replace(/"/g, '""') + '"';

/** PostgreSQL type of a facts column (the documented schema). */
export function pgType(ir: IrProgram, name: string): string {
  if (name === "单位") return "TEXT";
  if (name === "类别" || name.endsWith("#事件")) return "TEXT[]";
  const col = ir.columns.find((c) => c.name === name)!;
  if (col.type === "text") return "TEXT";
  return col.type === "count" || col.type === "items" ? "BIGINT" : col.type === "flag" ? "BOOLEAN" : "DECIMAL(18,6)";
}

export async function loadFactsTable(
  client: pg.Client,
  ir: IrProgram,
  file: string,
  table: string,
  options: { awards?: Map<string, number>; drop?: string[]; retype?: Record<string, string> } = {},
): Promise<void> {
  const { columns, rows } = await typedFactRows(ir, file, options.awards ? { awards: options.awards } : {});
  const drop = options.drop ?? [];
  const retype = options.retype ?? {};
  const keep = columns.map((c, i) => [c, i] as const).filter(([c]) => !drop.includes(c));
  await client.query(`DROP TABLE IF EXISTS ${q(table)}`);
  await client.query(`CREATE TABLE ${q(table)} (${keep.map(([c]) => `${q(c)} ${retype[c] ?? pgType(ir, c)}`).join(", ")})`);
  for (const row of rows) {
    const values = keep.map(([c, i]) => {
      const v = row[i];
      if (retype[c]) return v === null ? null : String(v);
      return typeof v === "bigint" ? v.toString() : v;
    });
    await client.query({ text: `INSERT INTO ${q(table)} VALUES (${keep.map((_, i) => `$${i + 1}`).join(", ")})`, values });
  }
}
