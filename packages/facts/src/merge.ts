/**
 * Several facts files read as one (the returns of several departments): `loadFactsFiles` takes files
 * and folders (a folder's .csv/.json/.xlsx files, by name), reads each with {@link loadFacts}, and
 * joins the rows by unit name.  It returns the shape loadFacts returns, so scoring and explaining do
 * not know how many files there were; each location carries its file.
 *
 * Rules (codes KP4080–KP4087):
 * - a fact is *given* by a file when its cell is not empty; the same fact of the same unit given in
 *   two files is KP4080 at the second cell, with the first as related information — even when the
 *   values agree (one fact, one source: the office must know whose return counts);
 * - a unit's classes given in two files must agree (KP4081);
 * - with a units list: a unit not in it is KP4082 at its cell;
 * - a file with fact columns that has no row for a unit (of the list, else of the other files) is
 *   KP4083 for that file: its columns are missing for the unit;
 * - a file with fact columns none of which is filled in is KP4084 (a workbook sent back empty: its
 *   blanks would otherwise read as "nothing happened");
 * - a fact required by the catalogue for which no file has a column is one KP4085 naming the
 *   department that fills it, instead of one KP4008 per unit;
 * - a folder without facts files is KP4086; a file given twice is read once (KP4087, a warning).
 * The module's own errors that are consequences of these (KP4008 for a missing row, an unfilled
 * file, a missing column) are not repeated.
 */
import { nameKey, type CatalogueMeta, type UnitInput } from "@kaoping/core";
import { readdirSync, realpathSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { loadFacts, type FactsOptions } from "./load.js";
import { departmentOf, factOwners } from "./owners.js";
import { factsDiagnostic, nowhere, type FactsDiagnostic, type FactsLocation, type FactsLocator, type LoadedFacts } from "./types.js";

/** Options of reading several facts files. */
export interface FactsFilesOptions {
  /** The worksheet of every .xlsx file (`--sheet`). */
  sheet?: string;
  /** How a file is shown in messages. */
  shown?: (file: string) => string;
  /** The units list (names), when the office has one: a unit not in it is KP4082. */
  units?: readonly string[];
  /** The units list's file, as shown in KP4082. */
  unitsFile?: string;
}

const SUPPORTED = new Set([".csv", ".json", ".jsonl", ".xlsx"]);

/** The facts files of the arguments: folders expanded (their facts files by name), duplicates dropped. */
export function expandFactsPaths(paths: readonly string[], shown: (f: string) => string = (f) => f): { files: string[]; diagnostics: FactsDiagnostic[] } {
  const files: string[] = [];
  const diagnostics: FactsDiagnostic[] = [];
  const seen = new Map<string, string>();
  const add = (file: string) => {
    let id = file;
    try {
      id = realpathSync(file);
    } catch {
      // missing: loadFacts reports it (KP0001)
    }
    const first = seen.get(id);
    if (first !== undefined) {
      diagnostics.push(factsDiagnostic(file, "KP4087", undefined, [shown(file)]));
      return;
    }
    seen.set(id, file);
    files.push(file);
  };
  for (const p of paths) {
    if (!isFolderOfFacts(p)) {
      add(p);
      continue;
    }
    const inside = readdirSync(p, { withFileTypes: true })
      .filter((e) => e.isFile() && !e.name.startsWith(".") && !e.name.startsWith("~$") && SUPPORTED.has(extname(e.name).toLowerCase()))
      .map((e) => e.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (inside.length === 0) diagnostics.push(factsDiagnostic(p, "KP4086", undefined, [shown(p)]));
    for (const name of inside) add(join(p, name));
  }
  return { files, diagnostics };
}

/**
 * Whether a path is a folder to read the facts files of: a directory, unless its name ends like a
 * facts file (a folder 「目录.csv」 is a mistake, reported by loadFacts as KP0002 as always).
 */
export function isFolderOfFacts(p: string): boolean {
  if (SUPPORTED.has(extname(p).toLowerCase())) return false;
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

const isGiven = (v: unknown) => v !== undefined && v !== "";
const classText = (c: UnitInput["classes"]): string => (Array.isArray(c) ? c.join("、") : (c ?? "")).trim();
const inFile = (loc: FactsLocation | undefined, file: string): FactsLocation | undefined => (loc ? { ...loc, file } : undefined);

/** Where a location is, in words: `a.xlsx（工作表「事实」单元格 C3）` or `a.csv 第 3 行第 2 列`. */
export function placeText(shown: string, loc: FactsLocation | undefined): string {
  if (!loc) return shown;
  if (!loc.cell) return `${shown} 第 ${loc.span.start.line} 行`;
  if (loc.cell.sheet !== undefined) return `${shown}（工作表「${loc.cell.sheet}」单元格 ${loc.cell.ref}）`;
  return `${shown} 第 ${loc.cell.row} 行第 ${loc.cell.column} 列（${loc.cell.ref}）`;
}

/** The cell of a location, for related information (whose file is shown beside it): `工作表「事实」单元格 C3 ` or `这里`. */
const cellText = (loc: FactsLocation): string => (loc.cell?.sheet !== undefined ? `工作表「${loc.cell.sheet}」单元格 ${loc.cell.ref} ` : "这里");

interface MergedUnit {
  unit: UnitInput;
  classesFrom?: number;
  /** Files having a row for the unit. */
  rows: Set<number>;
}

/**
 * Reads several facts files and folders as one set of units (see the module comment).  With one
 * path that is a file, it is exactly {@link loadFacts}.
 */
export async function loadFactsFiles(paths: readonly string[], cat: CatalogueMeta, options: FactsFilesOptions = {}): Promise<LoadedFacts> {
  const shown = options.shown ?? ((f: string) => f);
  const one: FactsOptions = { sheet: options.sheet };
  if (paths.length === 1 && !isFolderOfFacts(paths[0]!) && options.units === undefined) return loadFacts(paths[0]!, cat, { ...one, shown: shown(paths[0]!) });
  const expanded = expandFactsPaths(paths, shown);
  const files: LoadedFacts[] = [];
  for (const f of expanded.files) files.push(await loadFacts(f, cat, { ...one, shown: shown(f) }));
  return mergeFacts(files, cat, { ...options, shown }, expanded.diagnostics);
}

/** Joins facts files already read (exported for tests and for callers that read files themselves). */
export function mergeFacts(files: readonly LoadedFacts[], cat: CatalogueMeta, options: FactsFilesOptions = {}, diagnostics: FactsDiagnostic[] = []): LoadedFacts {
  const shown = options.shown ?? ((f: string) => f);
  const out: FactsDiagnostic[] = [...diagnostics];
  const units = new Map<string, MergedUnit>(); // nameKey → unit
  const order: MergedUnit[] = [];
  const columns = new Map<string, string[]>();
  const fileColumns: Set<string>[] = [];
  const reported = new Set<string>();
  const suggested = new Set<string>();
  const listed = options.units ? new Set(options.units.map((u) => nameKey(u.trim()))) : undefined;
  const owners = factOwners(cat);

  /** Units of a file by nameKey, built when first needed (to find who gave a fact). */
  const byName: (Map<string, UnitInput> | undefined)[] = [];
  const unitIn = (fi: number, name: string): UnitInput | undefined => {
    let map = byName[fi];
    if (!map) {
      map = new Map();
      for (const u of files[fi]!.units) {
        const id = nameKey(u.name.trim());
        if (!map.has(id)) map.set(id, u);
      }
      byName[fi] = map;
    }
    return map.get(nameKey(name.trim()));
  };
  /** The first of the files before `before` (all files when undefined) that gave unit m's fact `key`. */
  const giver = (m: MergedUnit, key: string, before?: number): number | undefined => {
    for (const i of m.rows) {
      if (before !== undefined && i >= before) break;
      if (isGiven(unitIn(i, m.unit.name)?.facts[key])) return i;
    }
    return undefined;
  };
  files.forEach((f, fi) => {
    out.push(...f.diagnostics);
    for (const k of f.suggested ?? []) suggested.add(k);
    for (const k of f.reported ?? []) reported.add(k);
    const cols = new Set<string>();
    fileColumns.push(cols);
    const seenHere = new Map<string, { name: string; n: number }>(); // nameKey → first spelling, occurrences of it
    let filled = false;
    for (const u of f.units) {
      for (const k in u.facts) {
        cols.add(k);
        if (!filled && isGiven(u.facts[k])) filled = true;
      }
      const id = nameKey(u.name.trim());
      // A unit twice in one file: loadFacts's table reader or the module reports it (KP4006) for one
      // file; merged, the module sees one unit, so it is said here, at the repeated row.
      const before = seenHere.get(id);
      if (before !== undefined) {
        // The same name written differently is the table reader's KP4006 already.
        if (before.name !== u.name) continue;
        const n = ++before.n;
        const firstAt = f.locator.unit(u.name, 0);
        out.push(
          factsDiagnostic(f.file, "KP4006", inFile(f.locator.unit(u.name, n), f.file), [u.name], {
            related: firstAt ? [{ file: f.file, span: firstAt.span, message: firstAt.cell ? `第一次出现在第 ${firstAt.cell.row} 行` : "第一次出现在这里" }] : [],
          }),
        );
        continue;
      }
      seenHere.set(id, { name: u.name, n: 0 });
      if (listed && !listed.has(id)) {
        out.push(factsDiagnostic(f.file, "KP4082", inFile(f.locator.unit(u.name), f.file), [u.name, options.unitsFile ?? "单位名单"]));
        continue;
      }
      let m = units.get(id);
      if (!m) {
        m = { unit: { name: u.name, facts: Object.create(null) as UnitInput["facts"] }, rows: new Set() };
        units.set(id, m);
        order.push(m);
      }
      m.rows.add(fi);
      const cls = classText(u.classes);
      if (cls !== "") {
        if (m.classesFrom === undefined) {
          m.unit.classes = u.classes;
          m.classesFrom = fi;
        } else if (classText(m.unit.classes) !== cls) {
          const g = files[m.classesFrom]!;
          const there = inFile(g.locator.classes(m.unit.name) ?? g.locator.unit(m.unit.name), g.file);
          const here = inFile(f.locator.classes(u.name) ?? f.locator.unit(u.name), f.file);
          out.push(
            factsDiagnostic(f.file, "KP4081", here, [u.name, `${placeText(shown(g.file), there)}为「${classText(m.unit.classes)}」，${placeText(shown(f.file), here)}为「${cls}」`], {
              related: there ? [{ file: g.file, span: there.span, message: `${cellText(there)}的类别为「${classText(m.unit.classes)}」` }] : [],
            }),
          );
        }
      }
      const facts = m.unit.facts;
      for (const k in u.facts) {
        const v = u.facts[k];
        if (!isGiven(v)) {
          if (!(k in facts)) facts[k] = v;
          continue;
        }
        if (!isGiven(facts[k])) {
          facts[k] = v;
          continue;
        }
        // Rare: look up which earlier file gave it.
        const g = files[giver(m, k, fi) ?? fi]!;
        const there = inFile(g.locator.fact(m.unit.name, k) ?? g.locator.unit(m.unit.name), g.file);
        const here = inFile(f.locator.fact(u.name, k) ?? f.locator.unit(u.name), f.file);
        const shownValue = (x: unknown) => (typeof x === "string" ? x : JSON.stringify(x));
        out.push(
          factsDiagnostic(f.file, "KP4080", here, [u.name, k, `${placeText(shown(g.file), there)}填「${shownValue(m.unit.facts[k])}」，${placeText(shown(f.file), here)}填「${shownValue(v)}」`], {
            related: there ? [{ file: g.file, span: there.span, message: `先在${cellText(there)}填写了「${shownValue(m.unit.facts[k])}」` }] : [],
          }),
        );
        reported.add(`${m.unit.name}\u0000${k}`);
      }
    }
    for (const k of cols) columns.set(k, [...(columns.get(k) ?? []), f.file]);
    // A department's workbook sent back with no fact filled in.
    if (cols.size > 0 && f.units.length > 0 && !filled) {
      const depts = [...new Set([...cols].map((k) => departmentOf(owners.get(k))))];
      out.push(factsDiagnostic(f.file, "KP4084", undefined, [`「${shown(f.file)}」有 ${f.units.length} 个单位、${cols.size} 列事实（考评单位：${depts.join("、")}），但没有一格填写了内容；空白会被当作「没有发生」计分，请填好后再交回`]));
      for (const u of f.units) for (const k of cols) reported.add(`${u.name}\u0000${k}`);
    }
  });

  // Rows missing from a file that has columns: of the listed units, else of the units the others have.
  const expected = options.units ? options.units.map((u) => u.trim()) : order.map((m) => m.unit.name);
  files.forEach((f, fi) => {
    const cols = fileColumns[fi]!;
    if (cols.size === 0 || f.units.length === 0) return;
    const here = new Set(f.units.map((u) => nameKey(u.name.trim())));
    for (const name of expected) {
      if (here.has(nameKey(name))) continue;
      const why = options.units ? `单位名单${options.unitsFile ? `「${options.unitsFile}」` : ""}中有这个单位` : "其他事实文件中有这个单位";
      out.push(factsDiagnostic(f.file, "KP4083", undefined, [name, `${why}，「${shown(f.file)}」的 ${cols.size} 列事实因此都缺少`]));
      const m = units.get(nameKey(name));
      for (const k of cols) reported.add(`${m?.unit.name ?? name}\u0000${k}`);
    }
  });

  const fileOf = (m: MergedUnit | undefined) => (m ? files[[...m.rows][0] ?? 0] : undefined);
  const locator: FactsLocator = {
    unit: (name, occurrence = 0) => {
      const m = units.get(nameKey(name.trim()));
      const f = fileOf(m);
      return f ? inFile(f.locator.unit(name, occurrence), f.file) : undefined;
    },
    fact: (name, key) => {
      const m = units.get(nameKey(name.trim()));
      if (!m) return undefined;
      const fi = giver(m, key) ?? [...m.rows].find((i) => fileColumns[i]!.has(key));
      const f = fi !== undefined ? files[fi] : fileOf(m);
      return f ? inFile(f.locator.fact(name, key) ?? f.locator.unit(name), f.file) : undefined;
    },
    classes: (name, cls) => {
      const m = units.get(nameKey(name.trim()));
      const f = m?.classesFrom !== undefined ? files[m.classesFrom] : fileOf(m);
      return f ? inFile(f.locator.classes(name, cls), f.file) : undefined;
    },
  };
  const sources = new Map<string, string>();
  for (const f of files) if (f.text !== undefined) sources.set(f.file, f.text);
  return {
    file: files[0]?.file ?? "",
    units: order.map((m) => m.unit),
    diagnostics: out,
    locator: files.length > 0 ? locator : nowhere,
    rows: files.reduce((n, f) => n + f.rows, 0),
    suggested,
    reported,
    merged: { files, sources, columns },
  };
}
