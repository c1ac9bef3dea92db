/**
 * The facts reader's checks on a PostgreSQL facts table, before it is scored: the table is not read
 * by the JS reader (it never leaves the server), so SQL finds the rows that may break one of the
 * reader's rules, and those rows (at most 2,000) are read and checked by the compiled module's own
 * checks (`checkFacts`) — the same codes and messages as for a facts file, each located by the unit's
 * name and the column.
 *
 * The SQL filter, from the module's fact specs (core factSpecs): a count below 0; a value below 0
 * (unless it may be negative), outside its range, not whole when it must be, 0 when it divides, with
 * more than 6 places; an outcome not among its names; a class the catalogue does not declare; a
 * required fact missing from a unit it concerns (its classes, not excused by a 未涉及 flag or a 参照
 * class); two facts of one 择一 group given; parts (其中) more than their count.  Units repeated
 * (KP4006) are found by a GROUP BY.  Names (classes, outcomes) are parameters, never SQL text.
 * Not checked here: the amounts of 每次酌情 (the table holds their sum, checked only for a sign).
 */
import type pg from "pg";
import type { FactError, FactSpec, IrColumn, IrProgram, UnitInput } from "@kaoping/core";
import { kpFormat, sqlIdent } from "@kaoping/core";

/** What the checks need of the compiled module. */
export interface TableChecks {
  specs: FactSpec[];
  classes: string[];
  /** The module's checkFacts. */
  check(units: UnitInput[]): FactError[];
}

/** A facts table with problems: each with its KP40xx code, message, unit and column. */
export class FactsTableError extends Error {
  constructor(
    readonly table: string,
    readonly problems: (FactError & { column?: string })[],
  ) {
    super(`事实表「${table}」有 ${problems.length} 个错误`);
    this.name = "FactsTableError";
  }
}

/** Candidate rows read and checked at most (a filter that lets more through is cut here). */
const MAX_ROWS = 2000;
/** Problems reported at most. */
const MAX_PROBLEMS = 50;
/** Checks that need every unit (参照), not a few rows: left to scoring. */
const ACROSS_UNITS = new Set(["KP4011", "KP4050"]);

const dec = (raw: number) => `${kpFormat(raw)}::NUMERIC`;

export async function checkFactsTable(client: pg.Client, ir: IrProgram, table: string, checks: TableChecks): Promise<void> {
  const t = sqlIdent(table);
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  const colOf = new Map<string, IrColumn>();
  for (const c of ir.columns) if (c.type !== "ids" && !colOf.has(c.key)) colOf.set(c.key, c);
  const col = (key: string) => {
    const c = colOf.get(key);
    return c === undefined ? undefined : sqlIdent(c.name);
  };
  const conds: string[] = [`NOT (COALESCE("类别", '{}') <@ ${param(checks.classes)}::TEXT[])`];
  const happened: Map<number, string[]> = new Map();
  const parts: Map<string, string[]> = new Map();
  for (const s of checks.specs) {
    const c = col(s.k);
    if (c === undefined) continue;
    const type = colOf.get(s.k)!.type;
    if (type === "count" || type === "items") conds.push(`${c} < 0`);
    else if (type === "decimal" || type === "signed") {
      if (!s.neg) conds.push(`${c} < 0`);
      if (s.min !== undefined) conds.push(`${c} < ${dec(s.min)}`);
      if (s.max !== undefined) conds.push(`${c} > ${dec(s.max)}`);
      if (s.int) conds.push(`${c} <> trunc(${c})`);
      if (s.pos) conds.push(`${c} = 0`);
      conds.push(`${c} <> round(${c}, 6)`);
    } else if (type === "amounts") conds.push(`${c} < 0`);
    else if (type === "text" && s.names) conds.push(`NOT (${c} = ANY(${param(s.names)}::TEXT[]))`);
    if (s.req) {
      const concerns = [
        ...(s.cls ?? []).map((list) => `COALESCE("类别", '{}') && ${param(list)}::TEXT[]`),
        ...(s.xcls ? [`NOT (COALESCE("类别", '{}') && ${param(s.xcls)}::TEXT[])`] : []),
        ...(s.xf ?? []).flatMap((k) => (col(k) ? [`NOT COALESCE(${col(k)}, FALSE)`] : [])),
      ];
      conds.push([`${c} IS NULL`, ...concerns].join(" AND "));
    }
    if (s.x !== undefined) {
      const given = type === "flag" ? `COALESCE(${c}, FALSE)` : type === "count" ? `COALESCE(${c}, 0) > 0` : `${c} IS NOT NULL`;
      happened.set(s.x, [...(happened.get(s.x) ?? []), `(CASE WHEN ${given} THEN 1 ELSE 0 END)`]);
    }
    if (s.of !== undefined && col(s.of)) parts.set(s.of, [...(parts.get(s.of) ?? []), `COALESCE(${c}, 0)`]);
  }
  for (const list of happened.values()) if (list.length > 1) conds.push(`${list.join(" + ")} > 1`);
  for (const [of, list] of parts) conds.push(`${list.join(" + ")} > COALESCE(${col(of)}, 0)`);
  const problems: (FactError & { column?: string })[] = [];
  const repeated = await client.query<{ u: string }>(`SELECT "单位" AS u FROM ${t} GROUP BY "单位" HAVING count(*) > 1 ORDER BY 1 LIMIT ${MAX_PROBLEMS}`);
  for (const r of repeated.rows) problems.push({ code: "KP4006", message: `单位「${r.u}」重复出现`, unit: r.u });
  const rows = (await client.query({ text: `SELECT * FROM ${t} WHERE ${conds.map((c) => `(${c})`).join(" OR ")} LIMIT ${MAX_ROWS}`, values: params })).rows as Record<string, unknown>[];
  if (rows.length > 0) {
    const amounts = new Set(ir.columns.filter((c) => c.type === "amounts").map((c) => c.key));
    const units = rows.map((r) => unitOf(ir, r));
    for (const e of checks.check(units)) {
      if (ACROSS_UNITS.has(e.code) || (e.key !== undefined && amounts.has(e.key) && !/不能为负|负/.test(e.message))) continue;
      problems.push({ ...e, ...(e.key !== undefined && colOf.has(e.key) ? { column: colOf.get(e.key)!.name } : {}) });
    }
  }
  if (problems.length > 0) throw new FactsTableError(table, problems.slice(0, MAX_PROBLEMS));
}

/** A row of the facts table as a unit for the module's reader: numbers as text (exact), lists as arrays. */
function unitOf(ir: IrProgram, r: Record<string, unknown>): UnitInput {
  const facts: Record<string, unknown> = {};
  const flags = new Set(ir.columns.filter((c) => c.type === "flag").map((c) => c.key));
  for (const c of ir.columns) {
    const v = r[c.name];
    if (v === null || v === undefined) continue;
    if (c.type === "ids") {
      // incident ids stand for the count; a yes/no fact's incident is one id, written as text
      if (Array.isArray(v) && v.length > 0) facts[c.key] = flags.has(c.key) ? (v as unknown[]).join("、") : v;
      continue;
    }
    if (facts[c.key] !== undefined) continue;
    // a count of 0 is a count not given (the facts table has no empty count: an empty cell loads as 0)
    if (c.type === "count" && String(v) === "0") continue;
    facts[c.key] = typeof v === "boolean" || Array.isArray(v) ? v : String(v);
  }
  return { name: String(r["单位"]), classes: Array.isArray(r["类别"]) ? (r["类别"] as string[]) : [], facts };
}
