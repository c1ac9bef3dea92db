// Writing the catalogue: the root file (header + 引入) and one file per top-level indicator, in the
// layout `kp fmt` gives (the CLI runs the formatter over it too).  Every clause is written verbatim;
// a clause the recogniser read gets its scoring, any other gets the marker `待补`.
import { importProblem, type ImportProblem } from "../diagnostics.js";
import { classesOf, type Clause, type Recognition } from "../recognise/index.js";
import type { Item, Structure } from "../structure/index.js";
import { decimalSum } from "../decimal.js";
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
    ctx: { indicator: string; points: string | null; section: "加分" | "减分" | null; siblings?: readonly string[]; alone?: boolean; rowPoints?: string; header?: string; notes?: readonly string[] },
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
    const notes: string[] = [];
    const cells = section && depth === 0 ? flatCells(item) : item.cells;
    // Each clause is read knowing the other clauses of its cell (an amount with no count word beside
    // siblings that count is a to-do, not a one-shot reading): a count word carries over within a
    // passage, never from another row of the table.
    const notesOn = [...s.notes, ...item.notes];
    const split = cells.map((cell) => ({ cell, clauses: recogniser.splitClauses(cell.text).map((c) => oneLine(c.text)).filter((t) => t !== "") }));
    for (const { cell, clauses: texts } of split) {
      const read = texts.map((verbatim) => {
        const siblings = texts.filter((t) => t !== verbatim);
        const alone = texts.length === 1 && (cells.length === 1 || cell.points !== null);
        // a row's own points (the points column) go to its clause when it is the row's only one
        const row = texts.length === 1 && cell.points !== null && cells.length > 1 ? { rowPoints: cell.points } : {};
        // the column's header and the notes on scoring (the document's, the item's 备注): a direction they state (session 28)
        const around = { ...(cell.header !== undefined ? { header: cell.header } : {}), ...(notesOn.length > 0 ? { notes: notesOn } : {}) };
        const recognition = recogniser.recogniseClause(verbatim, { indicator: name, points: cell.points ?? item.points, section, siblings, alone, ...row, ...around });
        // a row with its own points is a requirement to score, never a fragment written as a note
        return { verbatim, recognition, note: recognition.kind === "todo" && !("rowPoints" in row) ? noteCode(verbatim) : undefined };
      });
      // 「…因同一问题被问责的，按最高标准扣分，不重复扣」 after the cell's deductions: they form a 就高 group.
      const highest = read.find((x) => x.note === "KP5051" && HIGHEST.test(x.verbatim));
      const members = read.filter((x) => x !== highest);
      const grouped =
        highest !== undefined &&
        members.length >= 2 &&
        members.every((x) => x.recognition.kind === "rules" && x.recognition.bodies.length === 1 && (section === "加分" ? GROUPABLE_AWARD : GROUPABLE).test(x.recognition.bodies[0]!));
      const inner = grouped ? `${pad}  ` : pad;
      if (grouped) {
        out.push(`${pad}  就高 {`);
        problems.push(importProblem(section === "加分" ? "KP5053" : "KP5052", [highest.verbatim.slice(0, 30), String(members.length)], cell.loc));
      }
      for (const { verbatim, recognition, note } of read) {
        if (grouped && verbatim === highest.verbatim) {
          out.push(`${inner}  注 ${text(verbatim, cell.loc)}`);
          continue;
        }
        // the clause's own award and its row's points disagree: said where, besides the to-do (KP5058)
        if (recognition.kind === "todo" && recognition.rowConflict) problems.push(importProblem("KP5058", [verbatim.slice(0, 30), recognition.rowConflict.stated, recognition.rowConflict.row], cell.loc));
        if (note) {
          // A clause that scores nothing on its own: a note (with a report entry), not a to-do rule.
          notes.push(verbatim);
          problems.push(importProblem(note, [verbatim.slice(0, 30)], cell.loc));
          continue;
        }
        const base = clauseName(verbatim);
        if (recognition.kind === "rules" && recognition.bodies.length > 0) {
          for (const rider of recognition.riders ?? []) problems.push(importProblem("KP5054", [verbatim.slice(0, 30), rider], cell.loc));
          for (const from of recognition.fromItem ?? []) problems.push(importProblem("KP5055", [verbatim.slice(0, 30), from.phrase, from.body], cell.loc));
          // a reading the recogniser is not sure of: written, and flagged for review with its reasons (KP5059)
          const flagged = recognition.review !== undefined && recognition.review.length > 0;
          if (flagged) problems.push(importProblem("KP5059", [verbatim.slice(0, 30), recognition.bodies.join("；"), recognition.review.join("；")], cell.loc));
          recognition.bodies.forEach((body, i) => {
            const given = recognition.names?.[i]?.replace(/[「」\s]/g, "");
            const rule = ruleNames.unique(given || (recognition.bodies.length > 1 ? `${base}${i + 1}` : base));
            // A body may span lines (分段 { … }): each line indented under the rule.
            // a reading flagged for review carries the mark 待核 until a person has checked it (kp check: KP2123)
            const mark = flagged ? " 待核" : "";
            out.push(`${inner}  规则 ${q(rule)} ${text(verbatim, cell.loc)}${mark}`, ...body.trim().split("\n").map((l) => `${inner}    ${l}`));
            clauses.push({ indicator: name, rule, text: verbatim, file, loc: cell.loc, recognition });
          });
        } else {
          const rule = ruleNames.unique(base);
          out.push(`${inner}  规则 ${q(rule)} ${text(verbatim, cell.loc)} 待补`);
          clauses.push({ indicator: name, rule, text: verbatim, file, loc: cell.loc, recognition: recognition.kind === "todo" ? recognition : { kind: "todo", reason: "识别器没有给出计分方式" } });
        }
        wrote = true;
      }
      if (grouped) out.push(`${pad}  }`);
    }
    for (const child of section && depth === 0 ? [] : item.children) {
      out.push("");
      writeItem(child, file, depth + 1, out, section);
      wrote = true;
    }
    for (const n of [...notes, ...item.notes]) out.push(`${pad}  注 ${text(n, item.loc)}`);
    if (!wrote && item.notes.length === 0 && notes.length === 0) {
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
  const total = base.length > 0 && base.every((i) => i.points !== null) ? decimalSum(base.map((i) => i.points!)) : null;
  // 「其中园区每个扣0.3分」 read as `其中 「园区」 0.3`: the classes of units the readings name, declared
  const classes = [...new Set(clauses.flatMap((c) => (c.recognition.kind === "rules" ? c.recognition.bodies.flatMap(classesOf) : [])))];
  const root = [
    `// 由 kp import 从${q(source.replace(/^.*[\\/]/, ""))}导入的草稿：条文照录，写有「待补」的规则须补写计分方式（见 导入报告.md）。`,
    "",
    `细则 ${text(oneLine(title), { file: source })}`,
    ...(total !== null ? [`总分 ${total}分`] : []),
    ...(classes.length > 0 ? [`类别 ${classes.map(q).join("、")}`] : []),
    "",
    ...includes.map((f) => `引入 ${q(f)}`),
  ];
  files.set(ROOT_FILE, tidy(root));
  return { files: new Map([[ROOT_FILE, files.get(ROOT_FILE)!], ...[...files].filter(([k]) => k !== ROOT_FILE)]), clauses, problems };
}


/** 「按最高标准扣分，不重复扣」: the same finding under several clauses counts once, at the highest. */
const HIGHEST = /按最高(?:标准|级别|档次)|就高|从高/;
/** What a 就高 group may hold: per-count, category or one-shot deductions without a cap of their own. */
const GROUPABLE = /^(?:每\S+ )?扣 (?:\d+(?:\.\d+)?|「[^\n]*」 \d+(?:\.\d+)?)$/;
/** In a 加分 section (「同一项目获多级表彰的，按最高级别加分，不重复计分」): awards of the same kinds (语言参考 §7.2). */
const GROUPABLE_AWARD = /^(?:每\S+ )?得 (?:\d+(?:\.\d+)?|「[^\n]*」 \d+(?:\.\d+)?)$/;

/** Amounts and scoring words: a clause with none of them scores nothing by itself. */
const SCORING = /[0-9０-９一二三四五六七八九十]\s*分|扣|得|加|减|罚|否决|评优|评先|计分|记分|打分|评分|酌情|计算|按.{0,6}(?:评价|比例|比率)/;
/** 「…因同一问题被问责的，按最高标准扣分，不重复扣」: how the item's other clauses combine. */
const COMBINES = /不重复(?:扣|计|加|得)|按最高(?:标准|级别|档次)|就高|从高/;

/**
 * A clause the recogniser could not read that is a note, not a to-do: one with no amount that is either a
 * fragment (no scoring word at all: 「全覆盖开展城市基层×组织」, where the document is cut off) or says only
 * how the item's other clauses combine (KP5051). Any other clause stays a 待补 rule.
 */
function noteCode(clause: string): "KP5050" | "KP5051" | undefined {
  if (/[0-9０-９]\s*分|[一二三四五六七八九十]分(?!类|析|工|布|解|管|批|散|钟|之|段|化)/.test(clause)) return undefined;
  if (!SCORING.test(clause)) return "KP5050";
  if (COMBINES.test(clause) && !/每|按次|按件/.test(clause)) return "KP5051";
  return undefined;
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
