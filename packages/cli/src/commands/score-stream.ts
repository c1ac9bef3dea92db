/**
 * `kp score` on a CSV, JSON Lines or .xlsx facts file, in bounded memory: units are read in batches
 * (@kaoping/facts streamUnits) and scored as they arrive by the module's Scorer (after a first pass
 * over the facts when rules across units need one: Scorer.survey); each unit's result (without rank
 * and grade) is written at once to a spill file in a private temporary folder, and only its place
 * there is kept (two numbers), with what ranking needs (kept by the Scorer: name, rounded total,
 * vetoes).  At the end the ranking is known, and the output is written as a stream in rank order,
 * each result read back from the spill file — into a temporary file renamed over the target (core's
 * writeFilesAtomic with a producer) or to standard output.  The text is the same, byte for byte, as
 * the whole-file path's (rankingCsv / rankingJson).
 *
 * Facts with any problem (and files the stream does not take: another encoding, the LONG layout …)
 * return undefined before anything is written: the caller reads the file whole and reports every
 * problem at its cell, as before.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { factsDiagnostic, knownFacts, readKeptRows, streamUnits, type KnownFacts, type LoadedFacts, type RowUnit } from "@kaoping/facts";
import { formatBytes, kpReadUnits, MAX_FACTS_BYTES, type FactError, type Scorer, type ScoringModule, type StreamedResult, type UnitInput, type UnitResult } from "@kaoping/core";
import { ExitCode } from "../exit.js";
import { shownPath, writeOutputs, type Colors, type Io } from "../io.js";
import { rankingColumns } from "../report/ranking.js";
import { csvField } from "../report/spreadsheet.js";
import { PROGRESS_THRESHOLD, startProgress } from "./progress.js";
import { printDiagnostics } from "./shared.js";

/**
 * Output text is buffered up to this many characters before a write: small enough that
 * the pieces die young (a 1M-character buffer outlived scavenges and piled up in the old generation,
 * raising the peak of a 1,000,000-unit run), large enough that writes stay few.
 */
const FLUSH_CHARS = 1 << 16;

/** The spill file's write buffer (records encoded into it as they come). */
const SPILL_BUFFER_BYTES = 1 << 18;

/**
 * Results read back from the spill file at once (a window of the ranking), and the pieces the file is
 * read in.  The window and its per-record arrays (~2× its bytes) are what the output phase adds to the
 * peak: 2 MB holds ~50,000 CSV records, so 100,000 units and 1,000,000 both fill it (with 8 MB the
 * window grew with the file up to ~200,000 units, +10 MB at a million); the spill file, in the page
 * cache, is read a few more times instead (~20 passes of 40 MB at a million units).
 */
const WINDOW_BYTES = 2 << 20;
const PIECE_BYTES = 1 << 20;

/**
 * The spill-file places: each unit's record's byte offset and length, in 2 bytes a unit (chunks of
 * typed arrays off the garbage-collected heap; growing copies nothing, so the peak does not jump).
 * Records come, as a rule, in unit order and back to back: then only their lengths are kept (16 bits,
 * the rare longer one's in a map), with the offset of each block of 64 units — a unit's offset is its
 * block's plus the lengths before it in the block.  A record that comes otherwise (a unit that waited
 * for its 参照, one after a gap) has its place in a map.
 */
export class Places {
  private static readonly SHIFT = 16;
  private static readonly LONG = 0xffff;
  private static readonly BLOCK = 6;
  private readonly lengths: Uint16Array[] = [];
  private readonly bases: Float64Array[] = [];
  private readonly long = new Map<number, number>();
  private readonly elsewhere = new Map<number, number>();
  /** The last unit placed in order (-1: none yet), and where its record ends. */
  private last = -1;
  private end = 0;
  set(k: number, offset: number, length: number): void {
    const c = k >>> Places.SHIFT;
    while (this.lengths.length <= c) {
      this.lengths.push(new Uint16Array(1 << Places.SHIFT));
      this.bases.push(new Float64Array(1 << (Places.SHIFT - Places.BLOCK)).fill(-1));
    }
    const i = k & ((1 << Places.SHIFT) - 1);
    const block = i >>> Places.BLOCK;
    const base = this.bases[c]!;
    // in order: after the last unit placed in order, back to back with it within its block (or first in a new block)
    const inOrder = k > this.last && (base[block] === -1 ? true : offset === this.end && this.last >>> Places.BLOCK === k >>> Places.BLOCK);
    if (!inOrder) {
      this.elsewhere.set(k, offset);
      this.long.set(k, length);
      this.lengths[c]![i] = 0;
      return;
    }
    if (base[block] === -1) base[block] = offset;
    if (length >= Places.LONG) this.long.set(k, length);
    this.lengths[c]![i] = Math.min(length, Places.LONG);
    this.last = k;
    this.end = offset + length;
  }
  offset(k: number): number {
    const away = this.elsewhere.get(k);
    if (away !== undefined) return away;
    const c = k >>> Places.SHIFT;
    const i = k & ((1 << Places.SHIFT) - 1);
    const lengths = this.lengths[c]!;
    let offset = this.bases[c]![i >>> Places.BLOCK]!;
    for (let j = i & ~((1 << Places.BLOCK) - 1); j < i; j++) {
      const l = lengths[j]!;
      // (0: no record in order here)
      offset += l === Places.LONG ? this.long.get((c << Places.SHIFT) + j)! : l;
    }
    return offset;
  }
  length(k: number): number {
    const length = this.lengths[k >>> Places.SHIFT]![k & ((1 << Places.SHIFT) - 1)]!;
    return length === Places.LONG || (length === 0 && this.elsewhere.has(k)) ? this.long.get(k)! : length;
  }
}

/** The spill file: results appended as JSON, read back by place. */
export class Spill {
  private readonly dir = mkdtempSync(join(tmpdir(), "kp-score-"));
  private readonly fd = openSync(join(this.dir, "results.jsonl"), "w+", 0o600);
  /**
   * Records are encoded into this buffer as they come and written when it is full: no record string is
   * kept until a write (kept ones outlived scavenges and were promoted, old-space garbage that grew with
   * the file).  A record larger than the buffer is written at once.
   */
  private readonly out = Buffer.allocUnsafe(SPILL_BUFFER_BYTES);
  private used = 0;
  private size = 0;
  readonly places = new Places();

  add(k: number, record: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit
    if (this.used + 3 * record.length > this.out.length) this.flush();
    let bytes: number;
    if (3 * record.length > this.out.length) {
      const b = Buffer.from(record, "utf8");
      bytes = b.length;
      this.writeAll(b, bytes);
    } else {
      bytes = this.out.write(record, this.used, "utf8");
      this.used += bytes;
    }
    this.places.set(k, this.size, bytes);
    this.size += bytes;
  }

  flush(): void {
    if (this.used === 0) return;
    this.writeAll(this.out, this.used);
    this.used = 0;
  }

  private writeAll(bytes: Buffer, length: number): void {
    let off = 0;
    while (off < length) off += writeSync(this.fd, bytes, off, length - off);
  }

  /**
   * Reads the records of units `order[0]`, `order[1]` … back, in that order, calling `onRecord` for
   * each.  A window of them at a time (up to WINDOW_BYTES together) is gathered by reading the file in
   * large pieces from start to end (their places sorted), not one system call a record: the order is
   * the ranking, scattered over the file.
   */
  readInOrder(order: ArrayLike<number>, onRecord: (i: number, record: string) => void, sizes = { window: WINDOW_BYTES, piece: PIECE_BYTES }): void {
    const n = order.length;
    let window = Buffer.alloc(0);
    let piece = Buffer.alloc(0);
    // a window's places, reused from window to window (new arrays for each were garbage off the heap that
    // piled up until a full collection: +20 MB at a million units)
    let offsets = new Float64Array(0);
    let lengths = new Uint32Array(0);
    let at = new Uint32Array(1);
    let places = new Uint32Array(0);
    for (let from = 0; from < n; ) {
      let to = from;
      let bytes = 0;
      while (to < n && (to === from || bytes + this.places.length(order[to]!) <= sizes.window)) bytes += this.places.length(order[to++]!);
      const w = to - from;
      if (offsets.length < w) {
        const size = Math.min(n, Math.max(w, 2 * offsets.length));
        offsets = new Float64Array(size);
        lengths = new Uint32Array(size);
        at = new Uint32Array(size + 1);
        places = new Uint32Array(size);
      }
      for (let t = 0; t < w; t++) {
        const k = order[from + t]!;
        offsets[t] = this.places.offset(k);
        lengths[t] = this.places.length(k);
        at[t + 1] = at[t]! + lengths[t]!;
      }
      if (window.length < bytes) window = Buffer.alloc(Math.max(bytes, Math.min(sizes.window, 2 * window.length)));
      const byPlace = places.subarray(0, w);
      for (let t = 0; t < w; t++) byPlace[t] = t;
      byPlace.sort((a, b) => offsets[a]! - offsets[b]!);
      // the piece of the file read last: [pieceStart, pieceStart + pieceLength)
      let pieceStart = 0;
      let pieceLength = 0;
      for (let q = 0; q < w; q++) {
        const t = byPlace[q]!;
        const offset = offsets[t]!;
        const length = lengths[t]!;
        if (offset < pieceStart || offset + length > pieceStart + pieceLength) {
          const size = Math.max(length, sizes.piece);
          if (piece.length < size) piece = Buffer.alloc(size);
          pieceStart = offset;
          pieceLength = 0;
          for (let got = -1; got !== 0 && pieceLength < size; pieceLength += got) got = readSync(this.fd, piece, pieceLength, size - pieceLength, offset + pieceLength);
          if (pieceLength < length) throw new Error(`spill file: record at ${offset} cut short`);
        }
        piece.copy(window, at[t]!, offset - pieceStart, offset - pieceStart + length);
      }
      for (let t = 0; t < w; t++) onRecord(from + t, window.toString("utf8", at[t]!, at[t + 1]!));
      from = to;
    }
  }

  close(): void {
    try {
      closeSync(this.fd);
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

/** A result with rank and grade, its keys in scoreAll's order (the JSON output is byte-identical). */
function ranked(r: StreamedResult, rank: number, grade: string | null): UnitResult {
  return { unit: r.unit, classes: r.classes, total: r.total, exactTotal: r.exactTotal, rank, grade, vetoes: r.vetoes, indicators: r.indicators, bonus: r.bonus, penalty: r.penalty };
}

/** What the whole-file path reports from instead of the whole file: the file read with only the rows that have problems (see problemRows). */
export interface ProblemRows {
  facts: LoadedFacts;
}

/**
 * Scores a CSV, JSON Lines or .xlsx facts file as a stream and writes the ranking (CSV or JSON) to `output` or stdout.
 * Returns the exit code, or undefined when the file must be read whole (nothing was written then) —
 * or, after facts errors, the facts the whole-file path reports from instead (only the rows with problems).
 */
export async function scoreStreaming(
  io: Io,
  prepared: { module: ScoringModule; catalogue: { analysis: { files: readonly { path: string }[] } } },
  factsFile: string,
  format: "csv" | "json",
  output: string | undefined,
  err: Colors,
): Promise<number | ProblemRows | undefined> {
  const module = prepared.module;
  // KP_SCORE_WHOLE=1 (tests): always the whole-file path, to compare the two.
  if (module.streamable !== true || module.createScorer === undefined || io.env.KP_SCORE_WHOLE === "1") return undefined;
  if (io.env.KP_SCORE_TRACE === "1") io.stderr.write("kp: 流式计分\n");
  const cat = module.catalogue;
  const spill = new Spill();
  try {
    let vetoes = false;
    // CSV: each unit's row between rank and grade, and its veto cell, are spilled as text
    // (`<length>:<middle><veto>`); JSON: the whole result.
    const csv = format === "csv" ? csvParts(cat) : undefined;
    /** The fact key of each cell of the rows being added (undefined when a batch of units is). */
    let rowKeys: readonly (string | undefined)[] | undefined;
    // undefined once it has ranked: what it kept per unit is then garbage, while the ranking is written
    let scorer: Scorer | undefined = module.createScorer(
      (k, r) => {
        if (r.vetoes.length > 0) vetoes = true;
        if (!csv) return spill.add(k, JSON.stringify(r));
        const middle = csv.middle(r);
        spill.add(k, `${middle.length}:${middle}${r.vetoes.length > 0 ? csv.veto(r) : ""}`);
      },
      // Rows of a CSV file come as arrays of cells, read by kpReadUnits with their keys (no object per unit).
      { detail: format === "json", read: (specs, classes, ruleNames, units) => kpReadUnits(specs, classes, ruleNames, units, rowKeys) },
    );
    const known = knownFacts(cat);
    // Rules across units on facts (ranking by a fact, proportion, average/median): a first pass over
    // the facts gives them their compact values; the units are scored in the second.
    const passes = (
      module.passes === 2
        ? [(units: readonly (UnitInput | RowUnit)[]) => scorer!.survey(units), (units: readonly (UnitInput | RowUnit)[]) => scorer!.add(units)]
        : [(units: readonly (UnitInput | RowUnit)[]) => scorer!.add(units)]
    ).map(collectingEvery);
    // KP_SCORE_TRACE=1 (tests, bench): why the file is read whole after all.
    const whole = (why: string, problem: string | undefined) => {
      const code = tooLargeToList(io, err, factsFile, problem);
      if (code === undefined && io.env.KP_SCORE_TRACE === "1") io.stderr.write(`kp: 整体读取（${why}）\n`);
      return code;
    };
    // Two passes must read the same file: one changed in between is read whole (once) instead.
    const stamp = () => {
      try {
        const st = statSync(factsFile);
        return `${st.size}:${st.mtimeMs}`;
      } catch {
        return "";
      }
    };
    const before = stamp();
    const counts: number[] = [];
    for (const pass of passes) {
      let read;
      try {
        const onRows = (keys: readonly (string | undefined)[], rows: RowUnit[]) => {
          rowKeys = keys;
          try {
            pass(rows);
          } finally {
            rowKeys = undefined;
          }
        };
        read = await streamUnits(factsFile, known, pass, { seen: (name) => scorer!.has(name), onRows });
      } catch (e) {
        if (!isFactsError(e)) throw e;
        const code = tooLargeToList(io, err, factsFile, firstProblem(e));
        if (code !== undefined) return code;
        // a file the whole-file path may read: it reads only the rows with problems, when that says the same
        scorer = undefined;
        const rows = await problemRows(module, factsFile, known);
        if (io.env.KP_SCORE_TRACE === "1") io.stderr.write(`kp: 整体读取（事实有误${rows ? `，只读有问题的行：${rows.facts.units.length} 个单位` : ""}）\n`);
        return rows;
      }
      if (!read.ok) return whole(read.why, read.problem);
      counts.push(read.units);
    }
    if (passes.length === 2 && (stamp() !== before || counts[0] !== counts[1])) return whole("两遍之间文件有变动", undefined);
    let ranking: ReturnType<Scorer["finish"]>;
    // the garbage of reading (old name-table slots, batches) freed before the ranking's arrays are made
    collectGarbage();
    try {
      ranking = scorer.finish();
      scorer = undefined;
    } catch (e) {
      if (isFactsError(e)) return whole("事实有误", firstProblem(e));
      throw e;
    }
    spill.flush();
    collectGarbage();
    const n = ranking.order.length;
    // As the whole-file path: on a terminal, one step for scoring, then one per output row (JSON: one).
    const progress = io.stderr.isTTY && n > PROGRESS_THRESHOLD ? startProgress(io, format === "json" ? 1 : n + 1) : undefined;
    progress?.tick("计分");
    const columns = rankingColumns(cat, [], vetoes);
    /** The output text, produced piece by piece in rank order. */
    const produce = (write: (text: string) => void, bom: boolean) => {
      let buf: string[] = [];
      let chars = 0;
      const put = (text: string) => {
        buf.push(text);
        chars += text.length;
        if (chars >= FLUSH_CHARS) {
          write(buf.join(""));
          buf = [];
          chars = 0;
        }
      };
      if (format === "csv") put((bom ? "\uFEFF" : "") + columns.map((col) => csvField(col.header)).join(",") + "\n");
      else put("[\n");
      const graded = columns.some((col) => col.header === "等次");
      // a place tied with the one before has its rank, else its own
      let rank = 0;
      spill.readInOrder(ranking.order, (i, record) => {
        if (i === 0 || ((ranking.tied[i >> 3]! >> (i & 7)) & 1) === 0) rank = i + 1;
        if (csv) {
          const colon = record.indexOf(":");
          const end = colon + 1 + Number(record.slice(0, colon));
          let row = `${rank},${record.slice(colon + 1, end)}`;
          if (graded) row += "," + csvField(ranking.grades[ranking.gradeIndex[i]!] ?? "");
          if (vetoes) row += "," + record.slice(end);
          put(row + "\n");
          progress?.tick("输出");
        } else {
          const r = ranked(JSON.parse(record) as StreamedResult, rank, ranking.grades[ranking.gradeIndex[i]!] ?? null);
          put((i > 0 ? ",\n" : "") + JSON.stringify(r, null, 2).replace(/^/gm, "  "));
        }
      });
      if (format === "json") put("\n]\n");
      if (buf.length > 0) write(buf.join(""));
      progress?.stop();
    };
    if (output !== undefined) {
      // Excel opens a UTF-8 CSV correctly only with a BOM.
      const inputs = [...prepared.catalogue.analysis.files.map((f) => f.path), factsFile];
      writeOutputs(io, [{ path: output, data: (write) => produce(write, format === "csv") }], inputs);
      io.stdout.write(`已写入 ${shownPath(io, output)}（${n} 个单位）\n`);
    } else produce((text) => io.stdout.write(text), false);
    return ExitCode.ok;
  } finally {
    spill.close();
  }
}

/** Units read between two full garbage collections while a file is read (see collectingEvery). */
const UNITS_PER_COLLECTION = 1 << 16;

/**
 * `pass` with a full garbage collection after every UNITS_PER_COLLECTION units.  While a file is read,
 * what outlives a scavenge (the units of a batch in hand) is promoted and, garbage soon after, stays in
 * the old generation until a full collection, which V8 starts only when the old generation has grown
 * to its limit: at a million units it grew by ~9 MB over the run (15 → 24 MB, ~10 MB of it live), at
 * 100,000 it had not yet — the heap's share of the peak grew with the file.  A collection of the
 * ~10 MB live heap every 65,536 units (~15 at a million: a few ms each) keeps the old generation and
 * the tables' garbage (a grown name lookup table's old slots) at the same bound for any file.
 */
function collectingEvery<T extends { length: number }>(pass: (units: T) => void): (units: T) => void {
  let read = 0;
  return (units) => {
    pass(units);
    read += units.length;
    if (read >= UNITS_PER_COLLECTION) {
      read = 0;
      collectGarbage();
    }
  };
}

/** V8's gc function (undefined: not asked for yet; null: not to be had). */
let gcFunction: (() => void) | null | undefined;

/**
 * A full garbage collection, between ranking and writing: the Scorer's per-unit tables (names, totals,
 * vetoes: ~30 MB at a million units, off the heap) are garbage once it has ranked, but V8 frees them
 * only at a full collection, which the output phase rarely triggers — its window and buffers then came
 * on top of them.  Asked for as Jest does (--expose-gc set at run time, gc taken from a new context);
 * where that is not possible, nothing happens.
 */
function collectGarbage(): void {
  if (gcFunction === undefined)
    try {
      setFlagsFromString("--expose-gc");
      gcFunction = runInNewContext("gc") as () => void;
    } catch {
      // the tables are freed by a later collection
      gcFunction = null;
    }
  gcFunction?.();
}

/** The module's reader of a batch: units as objects, or CSV rows with their cells' fact keys (set while a batch of rows is read). */
function rowReader(): { read: NonNullable<Parameters<NonNullable<ScoringModule["createScorer"]>>[1]>["read"]; onRows: (keys: readonly (string | undefined)[], rows: RowUnit[], pass: (rows: RowUnit[]) => void) => void } {
  let rowKeys: readonly (string | undefined)[] | undefined;
  return {
    read: (specs, classes, ruleNames, units) => kpReadUnits(specs, classes, ruleNames, units, rowKeys),
    onRows: (keys, rows, pass) => {
      rowKeys = keys;
      try {
        pass(rows);
      } finally {
        rowKeys = undefined;
      }
    },
  };
}

/**
 * After facts errors in a CSV file small enough to be read whole: instead of the whole file, the
 * whole-file path reports from the file read with only the rows that have problems (and the units a
 * 参照 names: readKeptRows) — the same diagnostics at the same cells and lines, without 100,000 units
 * read whole.  The rows are found by checking the file once more as a stream (the
 * module's reader on each batch, as the first pass of two does: nothing scored, no unit objects for
 * rows read by the header's layout).  It applies when every problem is one unit's own (the module's
 * reader on its facts), and is verified: the module, given the rows kept, must find exactly the
 * problems the stream found.  Anything else — a name written twice, a 参照 to a unit not in the file,
 * a problem in the table's layout, a quote in the file (rows are then not lines), another format —
 * gives undefined: the whole file is read.
 */
async function problemRows(module: ScoringModule, file: string, known: KnownFacts): Promise<ProblemRows | undefined> {
  if (!file.toLowerCase().endsWith(".csv") || module.createScorer === undefined) return undefined;
  const rows = rowReader();
  // survey only reads (and throws the batch's problems); it never scores
  const checker = module.createScorer(() => undefined, { detail: false, read: rows.read });
  const names = new Set<string>();
  const bad = new Set<string>();
  const found: FactError[] = [];
  let other = false;
  const check = (units: readonly (UnitInput | RowUnit)[]) => {
    if (other) return;
    for (const u of units) {
      const name = typeof u.name === "string" ? u.name.trim() : "";
      if (name === "" || names.has(name)) other = true;
      names.add(name);
    }
    try {
      checker.survey(units);
    } catch (e) {
      if (!isFactsError(e)) throw e;
      for (const p of (e as Error & { errors: FactError[] }).errors) {
        if (p.unit === undefined || !names.has(p.unit)) other = true;
        else bad.add(p.unit);
        found.push(p);
      }
    }
  };
  const read = await streamUnits(file, known, check, { seen: (name) => names.has(name), onRows: (keys, batch) => rows.onRows(keys, batch, check) });
  if (!read.ok || other || found.length === 0) return undefined;
  const refs = checker.references;
  if (refs.some((r) => !names.has(r))) return undefined;
  const again = readKeptRows(file, module.catalogue, (name) => bad.has(name) || refs.includes(name));
  // the check: the module finds, in the rows kept, exactly what the stream found (and nothing in the layout)
  if (again === undefined || again.diagnostics.length > 0) return undefined;
  const problems = (() => {
    try {
      module.scoreAll(again.units, { detail: false });
      return [];
    } catch (e) {
      return isFactsError(e) ? (e as Error & { errors: FactError[] }).errors : undefined;
    }
  })();
  if (problems === undefined || JSON.stringify(problems) !== JSON.stringify(found)) return undefined;
  return { facts: again };
}

/**
 * The CSV columns of a unit's row that do not depend on the ranking — unit, total, top-level
 * indicators, bonus, penalty (all but 名次 before them and 等次, 否决 after) — and the veto cell,
 * as rankingCsv writes them (the same column definitions).
 */
function csvParts(cat: ScoringModule["catalogue"]): { middle(r: StreamedResult): string; veto(r: StreamedResult): string } {
  const cols = rankingColumns(cat, [], true);
  const middle = cols.filter((col) => col.header !== "名次" && col.header !== "等次" && col.header !== "否决");
  const veto = cols.find((col) => col.header === "否决")!;
  // One result-shaped view, refilled for each unit (a large file's results make no garbage here).
  const indicators = cat.indicators.map(() => ({ score: undefined as string | undefined }));
  const view: {
    unit: string;
    classes: string[];
    total: string;
    exactTotal: string;
    rank: number;
    grade: null;
    vetoes: StreamedResult["vetoes"];
    indicators: { score: string | undefined }[];
    bonus: string | undefined;
    penalty: string | undefined;
  } = { unit: "", classes: [], total: "", exactTotal: "", rank: 0, grade: null, vetoes: [], indicators, bonus: undefined, penalty: undefined };
  const asResult = (r: StreamedResult) => {
    view.unit = r.unit;
    view.classes = r.classes;
    view.total = r.total;
    view.exactTotal = r.exactTotal;
    view.vetoes = r.vetoes;
    const top = r.top ?? [];
    for (let i = 0; i < indicators.length; i++) indicators[i]!.score = top[i];
    view.bonus = r.bonus;
    view.penalty = r.penalty;
    return view as unknown as UnitResult;
  };
  return {
    middle: (r) => {
      const u = asResult(r);
      let row = "";
      for (let i = 0; i < middle.length; i++) {
        const col = middle[i]!;
        row += (i > 0 ? "," : "") + csvField(col.value(u), col.numeric);
      }
      return row;
    },
    veto: (r) => csvField(veto.value(asResult(r)), veto.numeric),
  };
}

/**
 * When the stream stopped at a problem in a file too large to be read whole (over MAX_FACTS_BYTES,
 * where the whole-file path would only say KP0012): that problem, as KP4100, and exit code 1.
 * Otherwise undefined: the whole-file path reports every problem at its cell.
 */
function tooLargeToList(io: Io, err: Colors, file: string, problem: string | undefined): number | undefined {
  if (problem === undefined) return undefined;
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    return undefined;
  }
  if (size <= MAX_FACTS_BYTES) return undefined;
  const d = factsDiagnostic(file, "KP4100", undefined, [problem, formatBytes(MAX_FACTS_BYTES)]);
  printDiagnostics(io, io.stderr, [d], new Map(), err);
  io.stderr.write(err.red(`事实文件「${shownPath(io, file)}」有错误，无法计分。`) + "\n");
  return ExitCode.problems;
}

/** The first problem of a KpFactsError, with its unit. */
function firstProblem(e: unknown): string | undefined {
  const first = (e as { errors?: { message: string; unit?: string }[] }).errors?.[0];
  if (!first) return undefined;
  return first.unit !== undefined && !first.message.includes(`「${first.unit}」`) ? `单位「${first.unit}」的${first.message}` : first.message;
}

function isFactsError(e: unknown): boolean {
  return e instanceof Error && e.name === "KpFactsError";
}
