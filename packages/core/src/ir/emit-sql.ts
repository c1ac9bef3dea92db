/**
 * Scoring IR → one SQL query (DuckDB or PostgreSQL dialect) over a typed facts table.
 *
 * Facts table (documented in packages/cli/README.md): one row per unit; "单位" text, "类别" a list of
 * class names (DuckDB VARCHAR[], PostgreSQL TEXT[]); one column per fact key, named exactly as the
 * key: counts BIGINT, decimals DECIMAL(18,6) (a percentage as its number: 92.35% → 92.35; an
 * award item 是 → its full points), yes/no BOOLEAN; a count's incident ids in a list column
 * "<key>#事件" (VARCHAR[] / TEXT[]; NULL or empty when the count is given as a number).
 *
 * Arithmetic is on raw millionths (BIGINT, which is exactly DECIMAL(18,6)'s representation), with
 * a wide intermediate (HUGEINT / NUMERIC) for products that divide; the one rounding (half away from
 * zero) is written out as integer division, so no dialect's ROUND or float division is involved.
 * Results are DECIMAL(18,6).  Identifiers are always quoted; user-written names (classes, units,
 * grades) are parameters $1…$n, never SQL text; notes appear only as escaped comments.
 *
 * The PostgreSQL dialect keeps to what openGauss, KingbaseES, HighGo, Citus and Greenplum share:
 * WITH (non-recursive), OFFSET 0, CASE, COALESCE, GREATEST/LEAST, CAST, NUMERIC, div(), arrays with
 * unnest/cardinality/ANY, RANK(), ROW_NUMBER() and COUNT/SUM/MAX/MIN … OVER (PARTITION BY …).
 */
import { IDS_SUFFIX, type Cond, type Expr, type IrProgram, type IrRefer } from "./types.js";

export type SqlDialect = "duckdb" | "postgres";

export interface SqlOptions {
  dialect: SqlDialect;
  /** The facts table (or view) name; "kp_facts" by default. */
  table?: string;
  /** Columns of the facts table passed through unchanged to the result, after the scores (e.g. a row id). */
  carry?: string[];
  /**
   * Also the columns a JS-identical result needs, after the indicators: "类别" (the unit's classes
   * joined by U+0001) and "否决" (the positions in `IrProgram.vetoes` of the vetoes that strike it,
   * joined by commas; "" for none), "参照" (the positions in `IrProgram.takings` the unit takes, as
   * 否决).
   */
  detail?: boolean;
  /**
   * Also the query in parts, for an engine that keeps the units in a table (DuckDB's, so that no
   * operator holds every column of every unit): `lookups`, the row of each unit a 参照 names, each
   * to be created as a table of its name before the next part (which reads it); `units`, each
   * unit's output columns but 名次 and 等次, with "kp_rounded", "kp_fail" and "kp_notop";
   * `ranks(units)`, the rank and count of each rounded total (a few rows); `ranked(units, ranks)`,
   * every output column (and "kp_rounded", unordered) from the two tables.  The parts number parameters as the whole query does ($1…$n of
   * `params`), and a part may leave some of them unused.
   */
  split?: boolean;
}

/** The query text and its parameters (user-written names, in order). */
export interface SqlQuery {
  sql: string;
  params: string[];
  /** Output columns: "单位", "名次", "等次", "总分", "精确总分", "加分", "减分", then "指标 <id>". */
  columns: string[];
  /** With `split`: the parts (see {@link SqlOptions.split}; `sql` then reads the lookups' tables too). */
  split?: { lookups: { table: string; sql: string }[]; units: string; ranks: (units: string) => string; ranked: (units: string, ranks: string) => string };
}

/** A quoted identifier. */
export function sqlIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

/** A text as an SQL comment line: no line breaks, no comment terminators. */
export function sqlComment(text: string): string {
  return "-- " + text.replace(/[\r\n\u2028\u2029]+/g, " ").replace(/\*\//g, "* /").replace(/[\u0000-\u001f\u007f]/g, " ").slice(0, 200);
}

interface Dialect {
  wide(e: string): string;
  idiv(a: string, b: string): string;
  hasClass(p: number): string;
  len(ids: string): string;
  first(ids: string): string;
  param(p: number): string;
  /** 就高 by incident id: the sum over distinct ids of the largest amount among the hits naming it. */
  byIncident(hits: IncidentHit[]): string;
  /**
   * Ends a stage's SELECT so that the planner computes it once per row.  PostgreSQL inlines a CTE used
   * once and substitutes its expressions into the next stage: a value used twice (a clamp, a carry)
   * is then computed twice, doubling at every level — OFFSET 0 keeps the stage a subquery.
   */
  fence: string;
}

/** One 就高 source as printed: its id list, whether it applies, its amount, whether only the first id counts. */
interface IncidentHit {
  ids: string;
  when: string;
  amount: string;
  firstOnly: boolean;
}

/**
 * DuckDB: list functions on the row itself (no subquery, so no decorrelating join per 就高 group):
 * the ids of the hits that apply, deduplicated, each mapped to its largest amount.  GREATEST skips
 * the NULLs of hits that do not name the id.
 */
function duckByIncident(hits: IncidentHit[]): string {
  const lists = hits.map((h) => `(CASE WHEN ${h.when} THEN COALESCE(${h.firstOnly ? `${h.ids}[1:1]` : h.ids}, CAST([] AS VARCHAR[])) ELSE CAST([] AS VARCHAR[]) END)`);
  const any = hits.map((h) => `COALESCE(len(${h.ids}), 0) > 0`).join(" OR ");
  const best = hits.map((h, i) => `CASE WHEN list_contains(${lists[i]}, "kp_id") THEN CAST(${h.amount} AS BIGINT) END`);
  const ids = lists.length === 1 ? `list_distinct(${lists[0]})` : `list_distinct(list_concat(${lists.join(", ")}))`;
  const sum = `COALESCE(list_sum(list_transform(${ids}, "kp_id" -> ${best.length === 1 ? best[0] : `GREATEST(${best.join(", ")})`})), 0)`;
  return `(CASE WHEN ${any} THEN CAST(${sum} AS BIGINT) ELSE 0 END)`;
}

/** PostgreSQL (and its family, which have no list lambdas): a scalar subquery over the unnested ids. */
function pgByIncident(hits: IncidentHit[]): string {
  const rows = hits.map((h) =>
    h.firstOnly
      ? `SELECT ${h.ids}[1] AS "id", CAST(${h.amount} AS BIGINT) AS "a" WHERE ${h.when} AND COALESCE(cardinality(${h.ids}), 0) > 0`
      : `SELECT "u"."id" AS "id", CAST(${h.amount} AS BIGINT) AS "a" FROM unnest(${h.ids}) AS "u"("id") WHERE ${h.when}`,
  );
  return `CAST((SELECT COALESCE(SUM("m"), 0) FROM (SELECT "h"."id", MAX("h"."a") AS "m" FROM (${rows.join(" UNION ALL ")}) AS "h" GROUP BY "h"."id") AS "q") AS BIGINT)`;
}

const DIALECTS: Record<SqlDialect, Dialect> = {
  duckdb: {
    wide: (e) => `CAST(${e} AS HUGEINT)`,
    idiv: (a, b) => `(${a} // ${b})`,
    hasClass: (p) => `COALESCE(list_contains("kp_classes", CAST($${p} AS VARCHAR)), FALSE)`,
    len: (ids) => `COALESCE(len(${ids}), 0)`,
    first: (ids) => `${ids}[1]`,
    param: (p) => `CAST($${p} AS VARCHAR)`,
    byIncident: duckByIncident,
    fence: "",
  },
  postgres: {
    wide: (e) => `CAST(${e} AS NUMERIC)`,
    idiv: (a, b) => `div(${a}, ${b})`,
    hasClass: (p) => `COALESCE(CAST($${p} AS TEXT) = ANY("kp_classes"), FALSE)`,
    len: (ids) => `COALESCE(cardinality(${ids}), 0)`,
    first: (ids) => `${ids}[1]`,
    param: (p) => `CAST($${p} AS TEXT)`,
    byIncident: pgByIncident,
    fence: " OFFSET 0",
  },
};

/** Prints the IR as one query. */
export function emitSql(ir: IrProgram, options: SqlOptions): SqlQuery {
  const D = DIALECTS[options.dialect];
  const colName = (i: number) => `c${i}`;
  const divRound = (n: string, d: string) => `CAST(SIGN(${n}) * ${D.idiv(`(2 * ABS(${n}) + ${d})`, `(2 * ${d})`)} AS BIGINT)`;
  const x = (e: Expr): string => {
    switch (e.k) {
      case "const":
        return e.v < 0 ? `(${e.v})` : String(e.v);
      case "num":
        return `COALESCE(${sqlIdent(colName(e.col))}, 0)`;
      case "add":
        return `(${x(e.a)} + ${x(e.b)})`;
      case "sub":
        return `(${x(e.a)} - ${x(e.b)})`;
      case "mul":
        return `(CAST(${x(e.a)} AS BIGINT) * ${x(e.b)})`;
      case "mulDiv":
        return divRound(`(${D.wide(x(e.a))} * ${x(e.b)})`, e.by ? D.wide(x(e.by)) : String(e.c));
      case "steps":
        return e.ceil ? D.idiv(`(${x(e.diff)} + ${e.step - 1})`, String(e.step)) : D.idiv(x(e.diff), String(e.step));
      case "min":
        return `LEAST(${x(e.a)}, ${x(e.b)})`;
      case "max":
        return `GREATEST(${x(e.a)}, ${x(e.b)})`;
      case "if":
        return `(CASE WHEN ${cond(e.c)} THEN ${x(e.a)} ELSE ${x(e.b)} END)`;
      case "ref":
        return sqlIdent(e.name);
      case "rank":
        return `CAST(RANK() OVER (PARTITION BY ${cond(e.among)} ORDER BY ${x(e.value)} ${e.lowerIsBetter ? "ASC" : "DESC"}) AS BIGINT)`;
      case "best":
        return `MAX(${x(e.value)}) OVER (PARTITION BY ${cond(e.among)})`;
      case "highest": {
        const anon = e.hits.map((h) => {
          const n = h.count < 0 ? "1" : `COALESCE(${sqlIdent(colName(h.count))}, 0)`;
          return `(CASE WHEN ${cond(h.when)} AND ${D.len(sqlIdent(colName(h.ids)))} = 0 THEN CAST(${x(h.amount)} AS BIGINT) * ${n} ELSE 0 END)`;
        });
        const byId = D.byIncident(e.hits.map((h) => ({ ids: sqlIdent(colName(h.ids)), when: cond(h.when), amount: x(h.amount), firstOnly: h.count < 0 })));
        return `(CAST(${byId} AS BIGINT) + ${anon.join(" + ")})`;
      }
      case "agg":
      case "rowNo":
        return crossUnitSql(e, x, cond);
    }
  };
  const cond = (c: Cond): string => {
    switch (c.k) {
      case "true":
        return "TRUE";
      case "cmp":
        return `(${x(c.a)} ${c.op} ${x(c.b)})`;
      case "and":
        return `(${c.list.map(cond).join(" AND ")})`;
      case "or":
        return c.list.length === 0 ? "FALSE" : `(${c.list.map(cond).join(" OR ")})`;
      case "not":
        return `(NOT ${cond(c.c)})`;
      case "class":
        return D.hasClass(c.name.n);
      case "flag":
        return `COALESCE(${sqlIdent(colName(c.col))}, FALSE)`;
      case "missing":
        return `(${sqlIdent(colName(c.col))} IS NULL)`;
      case "textIs":
        return `COALESCE(${sqlIdent(colName(c.col))} = ${D.param(c.name.n)}, FALSE)`;
    }
  };

  const lines: string[] = [];
  lines.push(sqlComment(`计分查询：由 kaoping 从细则「${ir.title}」生成（${options.dialect === "duckdb" ? "DuckDB" : "PostgreSQL"}），请勿手工修改。`));
  lines.push(sqlComment("分值以「百万分之一分」为单位的整数精确计算，结果为 DECIMAL(18,6)；舍入只有一种：四舍五入（半数远离零）。"));
  lines.push(sqlComment("参数（单位类别、单位名、等次名）依次为："));
  ir.params.forEach((p, i) => lines.push(sqlComment(`  $${i + 1} = ${JSON.stringify(p)}`)));
  const table = sqlIdent(options.table ?? "kp_facts");
  // stage 0: the facts, typed, under short names
  const colsIn = ir.columns.map((col, i) => {
    const src = sqlIdent(col.name);
    if (col.type === "decimal" || col.type === "signed" || col.type === "amounts") return `CAST(CAST(${src} AS DECIMAL(38,6)) * 1000000 AS BIGINT) AS ${sqlIdent(colName(i))}`;
    if (col.type === "count" || col.type === "items") return `CAST(${src} AS BIGINT) AS ${sqlIdent(colName(i))}`;
    return `${src} AS ${sqlIdent(colName(i))}`;
  });
  void IDS_SUFFIX;
  const ctes: string[] = [];
  const carry = options.carry ?? [];
  const carried = carry.map((_, i) => sqlIdent(`kp_carry_${i}`));
  colsIn.push(...carry.map((c, i) => `${sqlIdent(c)} AS ${carried[i]}`));
  let known = ['"kp_unit"', '"kp_classes"', ...ir.columns.map((_, i) => sqlIdent(colName(i))), ...carried];
  ctes.push(`"kp_s0" AS (SELECT ${sqlIdent("单位")} AS "kp_unit", ${sqlIdent("类别")} AS "kp_classes"${colsIn.map((s) => ", " + s).join("")} FROM ${table})`);
  // steps, one stage per dependency level; a 参照 is a stage of its own
  const level = new Map<string, number>();
  const refsOf = (e: Expr, out: Set<string>): Set<string> => {
    if (e.k === "ref") out.add(e.name);
    // (conditions and their lists too: a condition may compare a step)
    for (const v of Object.values(e)) for (const w of Array.isArray(v) ? v : [v]) if (w && typeof w === "object" && "k" in w) refsOf(w as Expr, out);
    if (e.k === "highest") for (const h of e.hits) refsOf(h.amount, out);
    return out;
  };
  // Each step lands in the stage of its dependency level (one more than the deepest step it refers
  // to), not after the step before it: the number of stages is the depth of the catalogue (rule →
  // group → indicator → section → total), not its number of indicators.  A 参照 is a barrier: it is a
  // stage of its own, and every later step comes after it.
  let stage = 0;
  let byLevel = new Map<number, { name: string; sql: string; note: string }[]>();
  const flush = () => {
    for (const lv of [...byLevel.keys()].sort((p, q) => p - q)) {
      const pending = byLevel.get(lv)!;
      stage++;
      const body = pending.map((p) => `\n    ${sqlComment(p.note)}\n    ${p.sql} AS ${sqlIdent(p.name)}`).join(",");
      ctes.push(`"kp_s${stage}" AS (SELECT ${known.join(", ")},${body}\n  FROM "kp_s${stage - 1}"${D.fence})`);
      known = [...known, ...pending.map((p) => sqlIdent(p.name))];
    }
    byLevel = new Map();
  };
  let floor = 0;
  const lookups: { table: string; sql: string }[] = [];
  const refersAfter = new Map<string, IrRefer[]>();
  for (const r of ir.refers) refersAfter.set(r.after, [...(refersAfter.get(r.after) ?? []), r]);
  for (const s of ir.steps) {
    let lv = floor + 1;
    for (const n of refsOf(s.value, new Set())) lv = Math.max(lv, (level.get(n) ?? 0) + 1);
    level.set(s.name, lv);
    const bucket = byLevel.get(lv) ?? [];
    bucket.push({ name: s.name, sql: x(s.value), note: s.note });
    byLevel.set(lv, bucket);
    for (const rf of refersAfter.get(s.name) ?? []) {
      flush();
      stage++;
      const prev = `"kp_s${stage - 1}"`;
      if (rf.pool) ctes.push(`"kp_s${stage}" AS (${poolReferSql(rf, rf.pool, known, prev, x, cond, divRound)}${D.fence})`);
      else {
        // split: the named unit's row is a table of its own, computed first (read twice, the stage
        // before would be materialised with every column of every unit)
        const look = options.split ? `kp_r${stage}` : undefined;
        if (look !== undefined) {
          const from = [...new Set(rf.names.map((name, j) => (rf.from ? rf.from[j]! : name)))].map(sqlIdent);
          lookups.push({ table: look, sql: `${lines.join("\n")}\nWITH ${ctes.join(",\n")}\nSELECT ${from.join(", ")} FROM ${prev} WHERE "kp_unit" = ${D.param(rf.unit!.n)}\n` });
        }
        const cols = known.map((k) => {
          const name = k.slice(1, -1).replace(/""/g, '"');
          if (!rf.names.includes(name)) return k;
          const from = rf.from ? sqlIdent(rf.from[rf.names.indexOf(name)]!) : k;
          const value = look !== undefined ? `(SELECT "kp_ref".${from} FROM ${sqlIdent(look)} AS "kp_ref")` : `(SELECT "kp_ref".${from} FROM ${prev} AS "kp_ref" WHERE "kp_ref"."kp_unit" = ${D.param(rf.unit!.n)})`;
          return `(CASE WHEN ${cond(rf.taker)} THEN ${value} ELSE ${k} END) AS ${k}`;
        });
        ctes.push(`"kp_s${stage}" AS (${sqlComment("参照：本类单位取所参照单位的得分")}\n  SELECT ${cols.join(", ")} FROM ${prev}${D.fence})`);
      }
      floor = Math.max(...level.values());
      for (const n of rf.names) level.set(n, floor + 1);
      floor += 1;
    }
  }
  flush();
  const last = `"kp_s${stage}"`;
  ctes.push(`"kp_ranked" AS (SELECT *, RANK() OVER (ORDER BY "kp_rounded" DESC) AS "kp_rank", COUNT(*) OVER () AS "kp_count",\n    ${cond(ir.vetoFail)} AS "kp_fail", ${cond(ir.vetoNoExcellent)} AS "kp_notop" FROM ${last})`);
  // grades (gradeOf in the JS module)
  const g = ir.grades;
  let grade = "CAST(NULL AS TEXT)";
  if (g.length > 0) {
    const whens: string[] = [`WHEN "kp_fail" THEN ${D.param(g[g.length - 1]!.name.n)}`];
    g.forEach((gr, i) => {
      const cs: string[] = [];
      if (i === 0 && g.length > 1) cs.push('NOT "kp_notop"');
      if (!gr.otherwise)
        for (const c of gr.conditions) {
          if (c.kind === "score") cs.push(`"kp_rounded" ${c.op === ">" ? ">" : ">="} ${c.value}`);
          else if (c.percent) cs.push(`"kp_rank" <= ${D.idiv(`CAST("kp_count" AS BIGINT) * ${c.value}`, "100000000")}`);
          else cs.push(`CAST("kp_rank" AS BIGINT) * 1000000 <= ${c.value}`);
        }
      whens.push(`WHEN ${cs.join(" AND ") || "TRUE"} THEN ${D.param(gr.name.n)}`);
    });
    grade = `(CASE ${whens.join(" ")} ELSE NULL END)`;
  }
  const dec = (name: string) => `CAST(CAST(${sqlIdent(name)} AS DECIMAL(38,0)) * 0.000001 AS DECIMAL(18,6))`;
  const detail = options.detail
    ? [
        `array_to_string("kp_classes", chr(1)) AS ${sqlIdent("类别")}`,
        `${ir.vetoes.length === 0 ? "''" : `concat_ws(',', ${ir.vetoes.map((v, i) => `CASE WHEN ${cond(v.when)} THEN '${i}' END`).join(", ")})`} AS ${sqlIdent("否决")}`,
        `${ir.takings.length === 0 ? "''" : `concat_ws(',', ${ir.takings.map((t, i) => `CASE WHEN ${cond(t.takes)} THEN '${i}' END`).join(", ")})`} AS ${sqlIdent("参照")}`,
      ]
    : [];
  const columns = ["单位", "名次", "等次", "总分", "精确总分", "加分", "减分", ...ir.indicators.map((i) => `指标 ${i.id}`), ...(options.detail ? ["类别", "否决", "参照"] : []), ...carry];
  const select = [
    `"kp_unit" AS ${sqlIdent("单位")}`,
    `CAST("kp_rank" AS BIGINT) AS ${sqlIdent("名次")}`,
    `${grade} AS ${sqlIdent("等次")}`,
    `${dec("kp_rounded")} AS ${sqlIdent("总分")}`,
    `${dec("kp_total")} AS ${sqlIdent("精确总分")}`,
    `${dec(ir.bonus)} AS ${sqlIdent("加分")}`,
    `${dec(ir.penalty)} AS ${sqlIdent("减分")}`,
    ...ir.indicators.map((i) => `${dec(i.score)} AS ${sqlIdent(`指标 ${i.id}`)}`),
    ...detail,
    ...carry.map((c, i) => `${carried[i]} AS ${sqlIdent(c)}`),
  ];
  const split = options.split
    ? {
        lookups,
        units:
          lines.join("\n") +
          `\nWITH ${ctes.join(",\n")}\nSELECT ${[select[0], ...select.slice(3), '"kp_rounded"', `${cond(ir.vetoFail)} AS "kp_fail"`, `${cond(ir.vetoNoExcellent)} AS "kp_notop"`].join(",\n  ")}\nFROM ${last}\n`,
        ranks: (units: string) =>
          `SELECT "kp_rounded" AS "kp_key", CAST(SUM("kp_n") OVER (ORDER BY "kp_rounded" DESC) - "kp_n" + 1 AS BIGINT) AS "kp_rank", CAST(SUM("kp_n") OVER () AS BIGINT) AS "kp_count"\nFROM (SELECT "kp_rounded", COUNT(*) AS "kp_n" FROM ${sqlIdent(units)} GROUP BY "kp_rounded") AS "kp_g"\n`,
        ranked: (units: string, ranks: string) =>
          `SELECT ${[sqlIdent("单位"), select[1], select[2], ...columns.slice(3).map(sqlIdent), '"kp_rounded"'].join(",\n  ")}\nFROM ${sqlIdent(units)} JOIN ${sqlIdent(ranks)} ON "kp_rounded" IS NOT DISTINCT FROM "kp_key"\n`,
      }
    : undefined;
  lines.push("WITH " + ctes.join(",\n"));
  lines.push(`SELECT ${select.join(",\n  ")}\nFROM "kp_ranked"\nORDER BY "kp_rank", "kp_unit"`);
  return { sql: lines.join("\n") + "\n", params: ir.params, columns, ...(split ? { split } : {}) };
}

/** A window over the units where `among` holds (and, with `part`, of the same `part` value). */
function overSql(part: string[] | undefined): string {
  return part === undefined || part.length === 0 ? "OVER ()" : `OVER (PARTITION BY ${part.join(", ")})`;
}

/** Cross-unit aggregates and positions (IR `agg`, `rowNo`) as window functions. */
function crossUnitSql(e: Extract<Expr, { k: "agg" | "rowNo" }>, x: (e: Expr) => string, cond: (c: Cond) => string): string {
  if (e.k === "rowNo") return `CAST(ROW_NUMBER() OVER (PARTITION BY ${cond(e.among)} ORDER BY ${x(e.value)}) AS BIGINT)`;
  const over = overSql(e.part?.map(x));
  if (e.fn === "count") return `CAST(COUNT(CASE WHEN ${cond(e.among)} THEN 1 END) ${over} AS BIGINT)`;
  return `CAST(COALESCE(${e.fn.toUpperCase()}(CASE WHEN ${cond(e.among)} THEN ${x(e.value)} END) ${over}, 0) AS BIGINT)`;
}

/**
 * A stage taking, for the units of a 参照 平均分/最高分/最低分, each score of the subtree from the
 * pool's (the average rounded at the sixth decimal; 0 when the pool is empty) and no 倒扣.
 */
function poolReferSql(
  rf: IrRefer,
  pool: NonNullable<IrRefer["pool"]>,
  known: string[],
  prev: string,
  x: (e: Expr) => string,
  cond: (c: Cond) => string,
  divRound: (n: string, d: string) => string,
): string {
  const taker = cond(rf.taker);
  const among = cond(pool.among);
  const over = overSql(pool.part?.map(x));
  const cols = known.map((k) => {
    const name = k.slice(1, -1).replace(/""/g, '"');
    if (pool.zeroed.includes(name)) return `(CASE WHEN ${taker} THEN 0 ELSE ${k} END) AS ${k}`;
    if (!pool.scores.includes(name)) return k;
    const v = pool.from ? sqlIdent(pool.from[pool.scores.indexOf(name)]!) : k;
    let agg: string;
    if (pool.agg === "average") {
      const n = `COUNT(CASE WHEN ${among} THEN 1 END) ${over}`;
      const total = `CAST(SUM(CASE WHEN ${among} THEN ${v} END) ${over} AS BIGINT)`;
      agg = `(CASE WHEN ${n} = 0 THEN 0 ELSE ${divRound(total, `CAST(${n} AS BIGINT)`)} END)`;
    } else agg = `CAST(COALESCE(${pool.agg === "max" ? "MAX" : "MIN"}(CASE WHEN ${among} THEN ${v} END) ${over}, 0) AS BIGINT)`;
    return `(CASE WHEN ${taker} THEN ${agg} ELSE ${k} END) AS ${k}`;
  });
  return `${sqlComment(`参照：本类单位取${pool.agg === "average" ? "平均分" : pool.agg === "max" ? "最高分" : "最低分"}`)}\n  SELECT ${cols.join(", ")} FROM ${prev}`;
}
