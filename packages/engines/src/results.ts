/** Engine rows (DECIMAL(18,6) columns) → results in the JS module's form: exact decimal strings. */
import { kpFixed, kpFormat, kpParse, type IrProgram } from "@kaoping/core";
import { EngineError } from "./errors.js";

export interface EngineResult {
  unit: string;
  rank: number;
  grade: string | null;
  total: string;
  exactTotal: string;
  bonus: string;
  penalty: string;
  /** indicator id → score */
  scores: Record<string, string>;
  /** The unit's classes (queried with `detail`). */
  classes?: string[];
  /** Positions in `IrProgram.vetoes` of the vetoes that strike the unit (queried with `detail`). */
  vetoes?: number[];
  /** Positions in `IrProgram.takings` of the 参照 whose taker the unit is (queried with `detail`). */
  takes?: number[];
}

function raw(v: unknown, unit: string, what: string): number {
  if (v === null || v === undefined) throw new EngineError("KP8013", `单位「${unit}」的${what}算不出来（参照的单位不在事实中？）`);
  // kpParse reads unsigned decimals: the sign is taken off and put back
  const t = String(v);
  return t.startsWith("-") ? -kpParse(t.slice(1)) : kpParse(t);
}

/** The detail columns of a query (emitSql `detail`), after the indicators. */
export function detailColumns(): string[] {
  return ["类别", "否决", "参照"];
}

const list = (v: unknown) => (v === null || v === undefined || v === "" ? [] : String(v).split(","));

/** The detail cells of a row (in detailColumns' order) as an engine result's classes, vetoes and 参照 taken. */
export function detailOf(cells: readonly unknown[]): Pick<EngineResult, "classes" | "vetoes" | "takes"> {
  const classes = cells[0] === null || cells[0] === undefined || cells[0] === "" ? [] : String(cells[0]).split("\u0001");
  return { classes, vetoes: list(cells[1]).map(Number), takes: list(cells[2]).map(Number) };
}

/** Sorted as the JS module sorts: by the rounded total, then by name. */
export function rowsToResults(ir: IrProgram, rows: Record<string, unknown>[]): EngineResult[] {
  const out = rows.map((r) => {
    const unit = String(r["单位"]);
    const rounded = raw(r["总分"], unit, "总分");
    const scores: Record<string, string> = {};
    for (const i of ir.indicators) scores[i.id] = kpFormat(raw(r[`指标 ${i.id}`], unit, `指标 ${i.id} 得分`));
    return {
      unit,
      rank: Number(r["名次"]),
      grade: r["等次"] === null || r["等次"] === undefined ? null : String(r["等次"]),
      total: ir.rounding < 0 ? kpFormat(rounded) : kpFixed(rounded, ir.rounding),
      exactTotal: kpFormat(raw(r["精确总分"], unit, "总分")),
      bonus: kpFormat(raw(r["加分"], unit, "加分")),
      penalty: kpFormat(raw(r["减分"], unit, "减分")),
      scores,
      ...("否决" in r ? detailOf(detailColumns().map((c) => r[c])) : {}),
      rounded,
    };
  });
  out.sort((a, b) => b.rounded - a.rounded || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  return out.map(({ rounded: _, ...rest }) => rest);
}

/** Units of one rank (one rounded total), by name as the JS module orders them (UTF-16 code units). */
export function sortTies(rows: EngineResult[]): EngineResult[] {
  return rows.length < 2 ? rows : rows.sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
}

/**
 * Passes rows that arrive in rank order on to `onRows` in batches, the units of one rank in the JS
 * module's order: a rank is held back until the next one starts (it may go on in the next batch).
 */
export function tieOrdered(onRows: (rows: EngineResult[]) => void): { batch(rows: Iterable<EngineResult>): number; end(): void } {
  let ties: EngineResult[] = [];
  return {
    batch(rows) {
      const out: EngineResult[] = [];
      let n = 0;
      for (const row of rows) {
        if (ties.length > 0 && ties[0]!.rank !== row.rank) {
          out.push(...sortTies(ties));
          ties = [];
        }
        ties.push(row);
        n++;
      }
      if (out.length > 0) onRows(out);
      return n;
    },
    end() {
      if (ties.length > 0) onRows(sortTies(ties));
      ties = [];
    },
  };
}
