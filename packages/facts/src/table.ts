/**
 * Facts tables (CSV and Excel) → units.  Two layouts are recognised from the header row:
 *
 * WIDE — one row per unit:
 *     单位, 类别, 参会, 信息完成率, 班子成员违纪.轻处分, …
 *     甲县, 县区, 2,    87.5%,     1
 *
 * LONG — one fact per row:
 *     单位, 类别, 规则,       值
 *     甲县, 县区, 参会,       2
 *     甲县, ,     信息完成率, 87.5%
 *
 * The unit column may also be headed 名称 / 单位名称 / name; 规则 may be 事实; 值 may be 数值.  Column
 * names that are not fact keys of the catalogue are reported (KP4015) with the closest key, and their
 * cells are left out rather than reported once per unit.
 *
 * Names are compared through nameKey (NFC, full/half width): a header 「参会」 written in full-width
 * letters is the catalogue's key; two columns, or two unit names, that are the same name written
 * differently are duplicates (KP4020, KP4006, with both places).  A header, rule cell or unit name
 * containing an invisible, bidirectional-control or control character is KP4024 at its cell.
 */
import { diagnostic, invisibleChars, LineIndex, nameKey, type UnitInput } from "@kaoping/core";
import { didYouMean } from "./suggest.js";
import { factsDiagnostic, type CellRef, type FactsDiagnostic, type FactsLocation, type FactsLocator } from "./types.js";

/** A cell of a table. */
export interface TableCell {
  /** 1-based column. */
  column: number;
  /** The value given to the scoring module (text for CSV; number, boolean or text for Excel). */
  value: unknown;
  /** The cell as text (trimmed for matching names). */
  text: string;
  /** Excel: the merged range (`C3:C4`) the cell is in, when that range spans several rows. */
  merged?: string;
  /** The cell's text range in a CSV file (offsets; 0, 0 for Excel). */
  start: number;
  end: number;
}

/** A row of a table; `cells[c - 1]` is column c (missing cells are undefined). */
export interface TableRow {
  /** 1-based row (CSV: the line the row starts on). */
  row: number;
  cells: (TableCell | undefined)[];
}

/** A table read from a file. */
export interface Table {
  file: string;
  /** Excel worksheet name (undefined for CSV). */
  sheet?: string;
  /** Lines of the CSV text (undefined for Excel), to turn cell offsets into lines and columns. */
  lines?: LineIndex;
  rows: TableRow[];
}

const noLines = new LineIndex("");

/** What the catalogue accepts as fact keys (to check column names and suggest corrections). */
export interface KnownFacts {
  keys: ReadonlySet<string>;
  rules: ReadonlySet<string>;
  /** Each key by its {@link nameKey} (a header written in full width is the same key). */
  byName?: ReadonlyMap<string, string>;
  /** Rules (by {@link nameKey}) whose own key takes per-item counts (每村 每次): a JSON object there is the value. */
  perItem?: ReadonlySet<string>;
}

const UNIT_HEADERS = ["单位", "名称", "单位名称", "name"];
const CLASS_HEADERS = ["类别", "单位类别", "classes"];
const KEY_HEADERS = ["规则", "事实", "规则名", "key"];
const VALUE_HEADERS = ["值", "数值", "value"];
/** Columns people keep for themselves (row numbers, remarks); ignored unless a rule has the name. */
const IGNORED_HEADERS = ["序号", "备注", "说明"];

const isOneOf = (list: string[], s: string) => list.includes(nameKey(s).toLowerCase());

/** Whether a header row is the LONG layout (one fact per row: 单位, 规则, 值 columns). */
export function isLongHeader(header: readonly string[]): boolean {
  return header.some((h) => isOneOf(UNIT_HEADERS, h)) && header.some((h) => isOneOf(KEY_HEADERS, h)) && header.some((h) => isOneOf(VALUE_HEADERS, h));
}

/** `C5`-style name of a cell. */
export function cellName(row: number, column: number): string {
  let c = column;
  let letters = "";
  while (c > 0) {
    const m = (c - 1) % 26;
    letters = String.fromCharCode(65 + m) + letters;
    c = Math.floor((c - 1) / 26);
  }
  return `${letters}${row}`;
}

function locationOf(table: Table, row: TableRow, cell: TableCell | undefined, column: number): FactsLocation {
  const ref: CellRef = { row: row.row, column, ref: cellName(row.row, column) };
  if (table.sheet !== undefined) {
    ref.sheet = table.sheet;
    ref.value = cell?.text ?? "";
  }
  // A cell beyond the end of a short CSV row: point at the row's end.
  const at = cell ?? row.cells.reduce<TableCell | undefined>((last, c) => c ?? last, undefined);
  const start = cell ? cell.start : (at?.end ?? 0);
  const end = cell ? cell.end : start;
  return { span: (table.lines ?? noLines).span(start, end), cell: ref };
}

const isEmptyRow = (r: TableRow) => r.cells.every((c) => c === undefined || c.text === "");

/** The result of reading a table's units. */
export interface TableUnits {
  units: UnitInput[];
  diagnostics: FactsDiagnostic[];
  locator: FactsLocator;
  rows: number;
  /** Fact keys suggested for misnamed columns. */
  suggested: Set<string>;
}

/** Reads the units of a table, checking its header against the catalogue's fact keys. */
export function tableToUnits(table: Table, known: KnownFacts): TableUnits {
  const diagnostics: FactsDiagnostic[] = [];
  const rows = table.rows.filter((r) => !isEmptyRow(r));
  // Locations are computed only when a problem is reported: a large file has millions of cells.
  const unitRows = new Map<string, TableRow[]>();
  const factRows = new Map<string, { row: TableRow; column: number }>(); // unit + "\u0000" + key
  const classRows = new Map<string, TableRow>();
  let unitColumn = 0;
  let classColumn = 0;
  const wideColumns = new Map<string, number>();
  const locator: FactsLocator = {
    unit: (name, occurrence = 0) => {
      const row = unitRows.get(name)?.[occurrence];
      return row ? at(row, unitColumn) : undefined;
    },
    fact: (name, key) => {
      const long = factRows.get(`${name}\u0000${key}`);
      if (long) return at(long.row, long.column);
      const row = unitRows.get(name)?.[0];
      const column = wideColumns.get(key);
      return row && column !== undefined ? at(row, column) : undefined;
    },
    classes: (name) => {
      const row = classRows.get(name);
      return row ? at(row, classColumn) : undefined;
    },
  };
  const at = (row: TableRow, column: number) => locationOf(table, row, row.cells[column - 1], column);
  const result: TableUnits = { units: [], diagnostics, locator, rows: 0, suggested: new Set() };
  const header = rows[0];
  if (!header) return result;
  /** KP4024 when `name` hides a character; true then. */
  const invisible = (what: string, name: string, row: TableRow, column: number): boolean => {
    const bad = invisibleChars(name);
    if (bad.length === 0) return false;
    const c = bad[0]!;
    diagnostics.push(factsDiagnostic(table.file, "KP4024", at(row, column), [what, printable(name), c.codePoint, c.what]));
    return true;
  };
  /** The catalogue's key for a name (the same after nameKey), or undefined. */
  const keyOf = (name: string): string | undefined => (known.keys.has(name) ? name : known.byName?.get(nameKey(name)));
  const badHeaders = new Set<number>();
  const headerText = header.cells.map((c, i) => {
    const t = c?.text ?? "";
    if (invisible("列名", t, header, i + 1)) {
      badHeaders.add(i + 1);
      // The rule the column was meant for: its "missing fact" errors are consequences, not repeated per unit.
      const meant = keyOf(withoutInvisible(t));
      if (meant !== undefined) result.suggested.add(meant);
    }
    return t;
  });

  const unitCol = headerText.findIndex((h) => isOneOf(UNIT_HEADERS, h)) + 1;
  const keyCol = headerText.findIndex((h) => isOneOf(KEY_HEADERS, h)) + 1;
  const valueCol = headerText.findIndex((h) => isOneOf(VALUE_HEADERS, h)) + 1;
  const classCol = headerText.findIndex((h) => isOneOf(CLASS_HEADERS, h)) + 1;
  unitColumn = unitCol;
  classColumn = classCol;
  const long = unitCol > 0 && keyCol > 0 && valueCol > 0;

  if (unitCol === 0) {
    const col = Math.max(1, headerText.findIndex((h) => h !== "") + 1);
    const there = headerText[col - 1] ?? "";
    diagnostics.push(
      factsDiagnostic(table.file, "KP4001", at(header, col), [], {
        message: `事实文件缺少「单位」列：第一列的列名应为「单位」（也可写「名称」「单位名称」）${there ? `，这里是「${there}」` : ""}`,
      }),
    );
    return result;
  }

  const dataRows = rows.slice(1);
  result.rows = dataRows.length;
  // A value to the right of the header's last column (an Excel row may be longer than its header; a
  // CSV row cannot, KP4022 in the CSV reader) is under no column: an error at its cell, never dropped.
  for (const row of dataRows) {
    const c = row.cells.findIndex((cell, i) => i >= headerText.length && cell !== undefined && cell.text !== "") + 1;
    if (c === 0) continue;
    const where = at(row, c);
    diagnostics.push(
      factsDiagnostic(table.file, "KP4022", where, [row.row, row.cells.length, headerText.length], {
        message: `第 ${row.row} 行的 ${where.cell!.ref} 填写了「${printable(row.cells[c - 1]!.text)}」，但表头只有 ${headerText.length} 列，这一格不在任何列名之下：每一行的内容都应在表头的列之内`,
      }),
    );
  }
  /** An unnamed column within the header: harmless when empty (Excel often keeps a few), else KP4015. */
  const unnamedWithContent = (c: number, hint = "列名应为规则名（或「规则名.分项」）") => {
    if (dataRows.some((r) => (r.cells[c - 1]?.text ?? "") !== ""))
      diagnostics.push(factsDiagnostic(table.file, "KP4015", at(header, c), ["（空）"], { message: `第 ${c} 列没有列名，但填写了内容：${hint}` }));
  };
  const unitsByName = new Map<string, UnitInput>();
  const unitOrder: UnitInput[] = [];
  const spellings = new Map<string, { name: string; row: TableRow }>(); // nameKey → first spelling
  const nameOf = (row: TableRow): string | undefined => {
    const name = row.cells[unitCol - 1]?.text ?? "";
    if (name !== "") {
      const id = nameKey(name);
      const first = spellings.get(id);
      if (!first) {
        spellings.set(id, { name, row });
        invisible("单位名称", name, row, unitCol);
      } else if (first.name !== name) {
        const firstAt = at(first.row, unitCol);
        diagnostics.push(
          factsDiagnostic(table.file, "KP4006", at(row, unitCol), [name], {
            message: `单位「${name}」重复出现：与第 ${first.row.row} 行的「${first.name}」是同一个名称（写法不同）`,
            related: [{ file: table.file, span: firstAt.span, message: `第一次出现在第 ${first.row.row} 行` }],
          }),
        );
      }
      return name;
    }
    diagnostics.push(
      factsDiagnostic(table.file, "KP4020", at(row, unitCol), [`第 ${row.row} 行填写了内容，但没有填写单位名称`]),
    );
    return undefined;
  };
  const remember = (name: string, row: TableRow) => {
    const list = unitRows.get(name);
    if (list) list.push(row);
    else unitRows.set(name, [row]);
  };
  const setClass = (unit: UnitInput, row: TableRow) => {
    if (classCol === 0) return;
    const cell = row.cells[classCol - 1];
    if (!cell || cell.text === "") return;
    const prev = typeof unit.classes === "string" && unit.classes !== "" ? unit.classes + "、" : "";
    unit.classes = prev + cell.text;
    if (!classRows.has(unit.name)) classRows.set(unit.name, row);
  };

  if (long) {
    // ---------------------------------------------------------------- one fact per row
    const seen = new Map<string, number>(); // unit + key → row
    for (let c = 1; c <= headerText.length; c++) {
      if (c === unitCol || c === keyCol || c === valueCol || c === classCol || badHeaders.has(c) || isOneOf(IGNORED_HEADERS, headerText[c - 1]!)) continue;
      if (headerText[c - 1] === "") {
        unnamedWithContent(c, "这是「一行一个事实」的表格，只能有「单位」「类别」「规则」「值」四列");
        continue;
      }
      diagnostics.push(unknownColumn(table, at(header, c), headerText[c - 1]!, ["单位", "类别", "规则", "值"], "这是「一行一个事实」的表格，只能有「单位」「类别」「规则」「值」四列").diagnostic);
    }
    for (const row of dataRows) {
      const name = nameOf(row);
      if (name === undefined) continue;
      let unit = unitsByName.get(name);
      if (!unit) {
        unit = { name, facts: Object.create(null) as UnitInput["facts"] }; // "__proto__" is a key like any other
        unitsByName.set(name, unit);
        unitOrder.push(unit);
        remember(name, row);
      }
      setClass(unit, row);
      const written = row.cells[keyCol - 1]?.text ?? "";
      if (written === "") {
        if ((row.cells[valueCol - 1]?.text ?? "") !== "") diagnostics.push(factsDiagnostic(table.file, "KP4020", at(row, keyCol), [`第 ${row.row} 行填写了值，但没有填写规则名`]));
        continue;
      }
      if (invisible("规则名", written, row, keyCol)) continue;
      const key = keyOf(written) ?? written;
      const id = `${name}\u0000${key}`;
      const first = seen.get(id);
      if (first !== undefined) {
        diagnostics.push(factsDiagnostic(table.file, "KP4021", at(row, keyCol), [first, row.row, name, key]));
        continue;
      }
      seen.set(id, row.row);
      unit.facts[key] = row.cells[valueCol - 1]?.value ?? "";
      factRows.set(id, { row, column: keyCol });
    }
    result.units = unitOrder;
    return result;
  }

  // ---------------------------------------------------------------- one unit per row
  const columns: { column: number; key: string }[] = [];
  const keyColumn = new Map<string, number>();
  for (let c = 1; c <= headerText.length; c++) {
    const h = headerText[c - 1]!;
    if (c === unitCol || c === classCol || badHeaders.has(c) || (isOneOf(IGNORED_HEADERS, h) && keyOf(h) === undefined)) continue;
    if (h === "") {
      unnamedWithContent(c);
      continue;
    }
    const key = keyOf(h);
    if (key === undefined) {
      const d = unknownColumn(table, at(header, c), h, [...known.keys], subItemsHint(h, known));
      diagnostics.push(d.diagnostic);
      if (d.guess) result.suggested.add(d.guess);
      continue;
    }
    const prev = keyColumn.get(key);
    if (prev !== undefined) {
      const same = headerText[prev - 1] === h ? `都是「${h}」` : `「${headerText[prev - 1]}」与「${h}」是同一个名称（写法不同）`;
      diagnostics.push(
        factsDiagnostic(table.file, "KP4020", at(header, c), [`第 ${prev} 列与第 ${c} 列的列名${same}`], {
          related: [{ file: table.file, span: at(header, prev).span, message: `第 ${prev} 列` }],
        }),
      );
      continue;
    }
    keyColumn.set(key, c);
    wideColumns.set(key, c);
    columns.push({ column: c, key });
  }
  const mergedReported = new Set<string>();
  for (const row of dataRows) {
    const name = nameOf(row);
    if (name === undefined) continue;
    const unit: UnitInput = { name, facts: Object.create(null) as UnitInput["facts"] };
    const isFirst = !unitRows.has(name);
    remember(name, row);
    if (isFirst) setClass(unit, row);
    else if (classCol > 0 && (row.cells[classCol - 1]?.text ?? "") !== "") unit.classes = row.cells[classCol - 1]!.text;
    for (const { column, key } of columns) {
      const cell = row.cells[column - 1];
      unit.facts[key] = cell?.value ?? "";
      // One value merged over several units' rows would be counted for each of them.
      if (cell?.merged !== undefined && !mergedReported.has(cell.merged)) {
        mergedReported.add(cell.merged);
        diagnostics.push(factsDiagnostic(table.file, "KP4089", at(row, column), [key, cellName(row.row, column), cell.merged]));
      }
    }
    unitOrder.push(unit);
  }
  result.units = unitOrder;
  return result;
}

/** Where a WIDE table's unit, class and fact columns are (1-based columns), as tableToUnits reads them. */
export interface WideLayout {
  unitColumn: number;
  /** 0 when there is no class column. */
  classColumn: number;
  /** Fact columns, in header order, with the catalogue's key each holds. */
  columns: { column: number; key: string }[];
  /** Columns with an empty header: their cells must be empty (else KP4015). */
  unnamed: number[];
}

/**
 * The layout of a WIDE header that tableToUnits read without a diagnostic (the facts stream reads
 * the rows after its first batch by it, without cell objects).  Undefined for a header tableToUnits
 * would not read that way (LONG layout, no unit column, a column that is not a fact key …).
 */
export function wideLayout(headerTexts: readonly string[], known: KnownFacts): WideLayout | undefined {
  const keyOf = (name: string): string | undefined => (known.keys.has(name) ? name : known.byName?.get(nameKey(name)));
  if (isLongHeader(headerTexts)) return undefined;
  const unitColumn = headerTexts.findIndex((h) => isOneOf(UNIT_HEADERS, h)) + 1;
  const classColumn = headerTexts.findIndex((h) => isOneOf(CLASS_HEADERS, h)) + 1;
  if (unitColumn === 0) return undefined;
  const layout: WideLayout = { unitColumn, classColumn, columns: [], unnamed: [] };
  const taken = new Set<string>();
  for (let c = 1; c <= headerTexts.length; c++) {
    const h = headerTexts[c - 1]!;
    if (c === unitColumn || c === classColumn) continue;
    if (invisibleChars(h).length > 0) return undefined;
    if (isOneOf(IGNORED_HEADERS, h) && keyOf(h) === undefined) continue;
    if (h === "") {
      layout.unnamed.push(c);
      continue;
    }
    const key = keyOf(h);
    if (key === undefined || taken.has(key)) return undefined;
    taken.add(key);
    layout.columns.push({ column: c, key });
  }
  return layout;
}

/** KP4015 for a column name, with the closest expected name when there is one. */
function unknownColumn(table: Table, at: FactsLocation, name: string, candidates: string[], hint?: string): { diagnostic: FactsDiagnostic; guess?: string } {
  const guess = didYouMean(name, candidates);
  const base = diagnostic("KP4015", at.span, [name]).message;
  const message = base + (guess ? `，是否想写「${guess}」？` : "") + (hint && !guess ? `；${hint}` : "");
  const d = factsDiagnostic(table.file, "KP4015", at, [name], { message });
  if (guess && table.sheet === undefined && at.span.end.offset > at.span.start.offset) {
    d.fixes = [{ title: `改为「${guess}」`, edits: [{ file: table.file, start: at.span.start.offset, end: at.span.end.offset, newText: quoteCsv(guess) }] }];
  }
  return { diagnostic: d, guess };
}

/** Explains what a wrong `规则名.分项` column could be. */
function subItemsHint(name: string, known: KnownFacts): string {
  const dot = name.indexOf(".");
  const base = dot < 0 ? name : name.slice(0, dot);
  if (known.rules.has(base)) {
    const subs = [...known.keys].filter((k) => k.startsWith(base + ".")).map((k) => k.slice(base.length + 1));
    return subs.length > 0 ? `规则「${base}」的分项有：${subs.join("、")}` : `规则「${base}」没有分项，列名应为「${base}」`;
  }
  return "列名应为「单位」「类别」或细则中的规则名（或「规则名.分项」）";
}

function quoteCsv(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A name without its invisible characters. */
export function withoutInvisible(name: string): string {
  let out = "";
  for (const ch of name) if (invisibleChars(ch).length === 0) out += ch;
  return out;
}

/** A name with its invisible characters shown as \u{…}, so the message itself shows them. */
export function printable(name: string): string {
  let out = "";
  for (const ch of name) out += invisibleChars(ch).length > 0 ? `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase()}}` : ch;
  return out;
}
