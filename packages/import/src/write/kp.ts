// Writing the catalogue: the root file (header + 引入) and one file per top-level indicator, in the
// layout `kp fmt` gives (the CLI runs the formatter over it too).  Every clause is written verbatim;
// a clause the recogniser read gets its scoring, any other gets the marker `待补`.
import { importProblem, type ImportProblem } from "../diagnostics.js";
import type { Clause, Recognition } from "../recognise/index.js";
import type { Item, Structure } from "../structure/index.js";
import { sumPoints } from "../structure/decimal.js";
import { oneLine, sectionOf } from "../structure/text.js";
import { clauseName, fileName, NameTable, quoteText } from "./names.js";

/** One clause of the catalogue and what became of it (for the report). */
export interface ClauseOutcome {
  readonly indicator: string;
  readonly rule: string;
  readonly text: string;
  readonly file: string;
  readonly loc: Item["loc"];
  readonly recognition: Recognition;
}

export interface WrittenCatalogue {
  /** Relative file name → text; the root is 「细则.kp」. */
  readonly files: Map<string, string>;
  readonly clauses: ClauseOutcome[];
  readonly problems: ImportProblem[];
}

export interface RecogniserFns {
  splitClauses(cell: string): Clause[];
  recogniseClause(
    text: string,
    ctx: { indicator: string; points: string | null; section: "加分" | "减分" | null; siblings?: readonly string[] },
  ): Recognition;
}

export const ROOT_FILE = "细则.kp";

const q = (s: string): string => `「${s}」`;

export function writeCatalogue(s: Structure, source: string, recogniser: RecogniserFns): WrittenCatalogue {
  const files = new Map<string, string>();
  const clauses: ClauseOutcome[] = [];
  const problems: ImportProblem[] = [];
  const ruleNames = new NameTable();
  const indicatorNames = new NameTable();
  const includes: string[] = [];

  const text = (t: string, loc: Item["loc"]): string => {
    const r = quoteText(t);
    if (r.changed) problems.push(importProblem("KP5029", [r.text.slice(0, 30)], loc));
    return q(r.text);
  };

  const writeItem = (item: Item, file: string, depth: number, out: string[], section: "加分" | "减分" | null = null): void => {
    const pad = "  ".repeat(depth);
    const name = indicatorNames.unique(oneLine(item.name).replace(/[「」]/g, ""));
    if (name !== item.name) problems.push(importProblem("KP5028", [item.name, name], item.loc));
    if (section && depth === 0) {
      // A 加分 / 减分 section: its points are a cap; it holds rules only (its sub-items' clauses are written in it).
      out.push(`${section} ${q(name)}${item.points !== null ? ` 上限 ${item.points}` : ""} {`);
      if (item.units.length > 0) out.push(`${pad}  // 考评单位：${item.units.join("、")}`, "");
      problems.push(importProblem("KP5035", [item.name, section], item.loc));
    } else {
      out.push(`${pad}指标 ${q(name)}${item.points !== null ? ` ${item.points}分` : ""} {`);
      if (item.units.length > 0) out.push(`${pad}  考评单位 ${item.units.map((u) => text(u, item.loc)).join("、")}`, "");
    }
    let wrote = false;
    const cells = section && depth === 0 ? flatCells(item) : item.cells;
    // Each clause is read knowing the other clauses of its item (an amount with no count word beside
    // siblings that count is a to-do, not a one-shot reading).
    const split = cells.map((cell) => ({ cell, clauses: recogniser.splitClauses(cell.text).map((c) => oneLine(c.text)).filter((t) => t !== "") }));
    const all = split.flatMap((x) => x.clauses);
    for (const { cell, clauses: texts } of split) {
      for (const verbatim of texts) {
        const siblings = all.filter((t) => t !== verbatim);
        const recognition = recogniser.recogniseClause(verbatim, { indicator: name, points: cell.points ?? item.points, section, siblings });
        const base = clauseName(verbatim);
        if (recognition.kind === "rules" && recognition.bodies.length > 0) {
          recognition.bodies.forEach((body, i) => {
            const given = recognition.names?.[i]?.replace(/[「」\s]/g, "");
            const rule = ruleNames.unique(given || (recognition.bodies.length > 1 ? `${base}${i + 1}` : base));
            // A body may span lines (分段 { … }): each line indented under the rule.
            out.push(`${pad}  规则 ${q(rule)} ${text(verbatim, cell.loc)}`, ...body.trim().split("\n").map((l) => `${pad}    ${l}`));
            clauses.push({ indicator: name, rule, text: verbatim, file, loc: cell.loc, recognition });
          });
        } else {
          const rule = ruleNames.unique(base);
          out.push(`${pad}  规则 ${q(rule)} ${text(verbatim, cell.loc)} 待补`);
          clauses.push({ indicator: name, rule, text: verbatim, file, loc: cell.loc, recognition: recognition.kind === "todo" ? recognition : { kind: "todo", reason: "识别器没有给出计分方式" } });
        }
        wrote = true;
      }
    }
    for (const child of section && depth === 0 ? [] : item.children) {
      out.push("");
      writeItem(child, file, depth + 1, out, section);
      wrote = true;
    }
    for (const n of item.notes) out.push(`${pad}  注 ${text(n, item.loc)}`);
    if (!wrote && item.notes.length === 0) {
      out.push(`${pad}  注 「原文此项没有条文」`);
      problems.push(importProblem("KP5031", [item.name], item.loc));
    }
    out.push(`${pad}}`);
  };

  s.items.forEach((top, i) => {
    const file = fileName(i + 1, top.name);
    const section = sectionOf(top.name);
    const what = section ? `${section}项` : "一级指标";
    const out: string[] = [`// ${what}${q(oneLine(top.name))}${top.points !== null ? `（${top.points}分）` : ""}，由 kp import 导入。`, ""];
    writeItem(top, file, 0, out, section);
    files.set(file, tidy(out));
    includes.push(file);
  });

  const title = s.title ?? source.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  const base = s.items.filter((i) => sectionOf(i.name) === null);
  const total = base.length > 0 && base.every((i) => i.points !== null) ? sumPoints(base.map((i) => i.points!)) : null;
  const root = [
    `// 由 kp import 从${q(source.replace(/^.*[\\/]/, ""))}导入的草稿：条文照录，写有「待补」的规则须补写计分方式（见 导入报告.md）。`,
    "",
    `细则 ${text(oneLine(title), { file: source })}`,
    ...(total !== null ? [`总分 ${total}分`] : []),
    "",
    ...includes.map((f) => `引入 ${q(f)}`),
  ];
  files.set(ROOT_FILE, tidy(root));
  return { files: new Map([[ROOT_FILE, files.get(ROOT_FILE)!], ...[...files].filter(([k]) => k !== ROOT_FILE)]), clauses, problems };
}

function flatCells(item: Item): Item["cells"] {
  return [...item.cells, ...item.children.flatMap(flatCells)];
}

/** One blank line at most, none before a closing brace, one final newline. */
function tidy(lines: readonly string[]): string {
  const out: string[] = [];
  for (const l of lines) {
    const blank = l.trim() === "";
    if (blank && (out.length === 0 || out[out.length - 1]!.trim() === "" || out[out.length - 1]!.trimEnd().endsWith("{"))) continue;
    if (l.trim() === "}" && out.length > 0 && out[out.length - 1]!.trim() === "") out.pop();
    out.push(l);
  }
  while (out.length && out[out.length - 1]!.trim() === "") out.pop();
  return out.join("\n") + "\n";
}
