/**
 * The units a template lists (`--units`): a text file with one unit per line (a name, optionally
 * followed by its classes after a comma or a tab: `青山县,县区`), or an earlier facts file (.csv, .json,
 * .xlsx) read by @kaoping/facts — its 单位 and 类别 columns; its facts are not needed.
 */
import { decodeBytes, LineIndex, MAX_FACTS_BYTES, nameKey, readRefusal, readRegularFile, type CatalogueMeta } from "@kaoping/core";
import { factsDiagnostic, loadFacts, type FactsDiagnostic, type FactsLocation } from "@kaoping/facts";
import { extname } from "node:path";
import type { TemplateUnit } from "./plan.js";

/** Units read from a list, and the problems found. */
export interface UnitsList {
  units: TemplateUnit[];
  diagnostics: FactsDiagnostic[];
}

const TABLES = [".csv", ".json", ".jsonl", ".xlsx"];

/** Reads a units list (an absolute path); `shown` is how the file is named in messages. */
export async function readUnitsList(file: string, cat: CatalogueMeta, shown: string): Promise<UnitsList> {
  const ext = extname(file).toLowerCase();
  if (TABLES.includes(ext)) {
    const loaded = await loadFacts(file, cat, { shown });
    // Only reading problems matter here (the file's facts are not checked).
    const diagnostics = loaded.diagnostics.filter((d) => d.severity === "error");
    const units = loaded.units.map((u) => ({ name: u.name.trim(), classes: (Array.isArray(u.classes) ? u.classes.join("、") : (u.classes ?? "")).trim() }));
    return finish(file, shown, units, cat, diagnostics, (i) => loaded.locator.unit(loaded.units[i]!.name, 0));
  }
  const got = readRegularFile(file, MAX_FACTS_BYTES);
  if (!got.ok) {
    const { code, args } = readRefusal(got);
    return { units: [], diagnostics: [factsDiagnostic(file, code, undefined, args)] };
  }
  const decoded = decodeBytes(got.bytes, true);
  if (!decoded.ok) return { units: [], diagnostics: [factsDiagnostic(file, decoded.problem === "binary" ? "KP0007" : "KP0003", undefined, decoded.problem === "binary" ? [shown] : [shown, "未知编码"])] };
  const units: TemplateUnit[] = [];
  const lines: number[] = [];
  const places: FactsLocation[] = [];
  const index = new LineIndex(decoded.text);
  let offset = 0;
  for (const [i, line] of decoded.text.split(/(?<=\r\n|\r(?!\n)|\n)/).entries()) {
    const start = offset;
    offset += line.length;
    const t = line.trim();
    if (t === "" || t.startsWith("#")) continue;
    const [name = "", ...rest] = t.split(/[,，\t]/);
    if (name.trim() === "单位" && units.length === 0) continue; // a header line
    const at = start + line.indexOf(name.trim());
    units.push({ name: name.trim(), classes: rest.map((c) => c.trim()).filter((c) => c !== "").join("、") });
    lines.push(i + 1);
    places.push({ span: index.span(at, at + name.trim().length) });
  }
  return finish(file, shown, units, cat, [], (i) => places[i], lines);
}

function finish(
  file: string,
  shown: string,
  units: TemplateUnit[],
  cat: CatalogueMeta,
  diagnostics: FactsDiagnostic[],
  at?: (i: number) => FactsLocation | undefined,
  lines?: number[],
): UnitsList {
  const out = [...diagnostics];
  const row = (i: number) => lines?.[i] ?? at?.(i)?.cell?.row ?? i + 2;
  const first = new Map<string, number>();
  units.forEach((u, i) => {
    const id = nameKey(u.name);
    const prev = first.get(id);
    if (prev !== undefined) out.push(factsDiagnostic(file, "KP4090", at?.(i), [u.name, row(prev), row(i)]));
    else first.set(id, i);
    for (const c of u.classes.split("、").filter((c) => c !== "")) {
      if (!cat.classes.includes(c)) out.push(factsDiagnostic(file, "KP4092", at?.(i), [u.name, c, cat.classes.join("、") || "（细则未声明类别）"]));
    }
  });
  if (units.length === 0 && out.length === 0) out.push(factsDiagnostic(file, "KP4091", undefined, [shown]));
  return { units: units.filter((u, i) => first.get(nameKey(u.name)) === i), diagnostics: out };
}
