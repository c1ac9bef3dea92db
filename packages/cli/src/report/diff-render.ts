/**
 * `kp diff` output: a terminal report (cli-table3 tables, CJK width-aware), JSON, and a Markdown
 * page for a revision memo.  Every name and text comes from the user's files: terminal text passes
 * through `visible`, Markdown through `md`.
 */
import { howWord, itemWord, summaryLine, type AspectChange, type CatalogueDiff, type ItemDiff } from "@kaoping/core";
import Table from "cli-table3";
import type { Colors } from "../io.js";
import type { UnitChange, PointsChange } from "./diff-effect.js";
import { displayWidth } from "../width.js";
import { visible } from "./terminal.js";
import { markedDiff, wordDiff, type WordRun } from "./word-diff.js";

/** What is printed: the diff, the places shown, and (with --facts) the units' changes and notes. */
export interface DiffReport {
  oldPath: string;
  newPath: string;
  title: string;
  diff: CatalogueDiff;
  /** Places as shown (paths relative to the working folder). */
  where: (p: { file: string; line: number } | undefined) => string;
  units?: UnitChange[];
  factsPath?: string;
}

const none = "（无）";

const FOOTNOTE = "规则一行是该规则的扣分（负）或得分（正）；指标一行是该指标的得分（指标扣完为止时，规则的扣分不一定全部计入）。";

/** The lines describing an item (plain words; `clause` renders the clause's change). */
function itemLines(i: ItemDiff, clause: (runs: WordRun[]) => string): string[] {
  const out: string[] = [];
  if (i.status !== "changed") {
    if (i.summary) out.push(i.summary);
    if (i.parent) out.push(`所在：「${i.parent}」`);
    const text = i.clause?.new ?? i.clause?.old;
    if (text !== undefined) out.push(`条文：${text}`);
    return out;
  }
  if (i.oldName !== undefined) {
    const sim = i.similarity !== undefined && i.how !== "clause" ? `，相似度 ${Math.round(i.similarity * 100)}%` : "";
    out.push(`原名「${i.oldName}」（按${i.how ? howWord[i.how] : ""}对应${sim}）`);
  }
  if (i.moved) out.push(`从「${i.moved.from || "顶层"}」移到「${i.moved.to || "顶层"}」`);
  for (const c of i.changes) out.push(changeLine(c));
  if (i.clause?.old !== undefined && i.clause.new !== undefined) out.push(`条文：${clause(wordDiff(i.clause.old, i.clause.new))}`);
  return out;
}

function changeLine(c: AspectChange): string {
  return `${c.aspect}：${c.old ?? none} → ${c.new ?? none}`;
}

const signedRank = (o: number, n: number) => (o === n ? `${n}` : `${o} → ${n}`);
const grade = (g: string | null) => g ?? "—";

function pointsLine(p: PointsChange, kind: string): string {
  const name = p.oldName !== undefined ? `「${p.name}」（原「${p.oldName}」）` : `「${p.name}」`;
  return `${kind}${name} ${p.old ?? "（新增）"} → ${p.new ?? "（已删除）"}（${p.delta}）`;
}

// ------------------------------------------------------------------ terminal

/** Widest column of item descriptions. */
const TEXT_WIDTH = 60;

const plain = (runs: WordRun[]) => markedDiff(runs);

/** A line cut into pieces of at most `width` display columns (CJK characters take two). */
export function wrap(line: string, width: number): string[] {
  const out: string[] = [];
  let cur = "";
  let w = 0;
  for (const ch of line) {
    const cw = displayWidth(ch);
    if (w + cw > width && cur !== "") {
      out.push(cur);
      cur = "";
      w = 0;
    }
    cur += ch;
    w += cw;
  }
  out.push(cur);
  return out;
}

/** Colours word-diff marks ([-…-] red, {+…+} green) across wrapped lines. */
export function colourMarks(lines: readonly string[], c: Colors): string[] {
  let open: "del" | "ins" | undefined;
  return lines.map((line) => {
    let out = "";
    let run = "";
    const flush = () => {
      if (run === "") return;
      out += open === "del" ? c.red(run) : open === "ins" ? c.green(run) : run;
      run = "";
    };
    for (let i = 0; i < line.length; i++) {
      const two = line.slice(i, i + 2);
      if (!open && (two === "[-" || two === "{+")) {
        flush();
        open = two === "[-" ? "del" : "ins";
        run = two;
        i++;
      } else if ((open === "del" && two === "-]") || (open === "ins" && two === "+}")) {
        run += two;
        i++;
        flush();
        open = undefined;
      } else run += line[i];
    }
    flush();
    return out;
  });
}

export function diffText(r: DiffReport, c: Colors): string {
  const out: string[] = [];
  const v = visible;
  out.push(c.bold(`比较 ${v(r.oldPath)} → ${v(r.newPath)}：${v(r.title)}`), "");
  if (r.diff.header.length > 0) {
    out.push(c.bold("总体设置"));
    for (const h of r.diff.header) out.push(`  ${v(changeLine(h))}`);
    out.push("");
  }
  const table = (title: string, items: readonly ItemDiff[]) => {
    if (items.length === 0) return;
    const t = new Table({
      head: ["变化", title, "内容", "位置"].map((h) => c.bold(h)),
      style: { head: [], border: [], compact: true },
    });
    for (const i of items) t.push([itemWord(i), v(i.name), colourMarks(itemLines(i, plain).flatMap((l) => wrap(v(l), TEXT_WIDTH)), c).join("\n"), r.where(i.new ?? i.old)]);
    out.push(c.bold(title), t.toString(), "");
  };
  table("指标", r.diff.indicators);
  table("规则", r.diff.rules);
  out.push(summaryLine(r.diff));
  if (r.units) {
    out.push("", c.bold(`对各单位得分的影响（事实：${v(r.factsPath ?? "")}；按总分变化大小排列）`));
    const t = new Table({
      head: ["单位", "原总分", "新总分", "变化", "名次", "等次"].map((h) => c.bold(h)),
      colAligns: ["left", "right", "right", "right", "right", "left"],
      style: { head: [], border: [], compact: true },
    });
    for (const u of r.units) t.push([v(u.unit), u.old.total, u.new.total, u.delta, signedRank(u.old.rank, u.new.rank), u.old.grade === u.new.grade ? grade(u.new.grade) : `${grade(u.old.grade)} → ${grade(u.new.grade)}`]);
    out.push(t.toString());
    for (const u of r.units) {
      if (u.rules.length === 0 && u.indicators.length === 0) continue;
      out.push("", `${v(u.unit)}：总分 ${u.old.total} → ${u.new.total}（${u.delta}）`);
      for (const p of u.indicators) out.push(`  ${v(pointsLine(p, "指标"))}`);
      for (const p of u.rules) out.push(`  ${v(pointsLine(p, "规则"))}`);
    }
    out.push("", r.units.every((u) => u.rules.length === 0 && u.indicators.length === 0 && u.delta === "0") ? "各单位的得分没有变化。" : FOOTNOTE);
  }
  return out.join("\n") + "\n";
}

// ------------------------------------------------------------------ JSON

export function diffJson(r: DiffReport): string {
  const item = (i: ItemDiff) => ({
    ...i,
    change: itemWord(i),
    ...(i.clause?.old !== undefined && i.clause.new !== undefined ? { clauseDiff: wordDiff(i.clause.old, i.clause.new) } : {}),
    ...(i.old ? { old: r.where(i.old) } : {}),
    ...(i.new ? { new: r.where(i.new) } : {}),
  });
  const json = {
    old: r.oldPath,
    new: r.newPath,
    same: r.diff.same,
    header: r.diff.header,
    indicators: r.diff.indicators.map(item),
    rules: r.diff.rules.map(item),
    ...(r.units ? { facts: r.factsPath, units: r.units } : {}),
  };
  return JSON.stringify(json, null, 2) + "\n";
}

// ------------------------------------------------------------------ Markdown

/** Text safe in a Markdown table cell. */
export function md(text: string): string {
  // Control characters are shown (\x1b), never sent: the page may be printed to a terminal.
  return visible(text.replace(/\r?\n/g, " ")).replace(/[\\`*_~[\]<>|#]/g, (ch) => `\\${ch}`);
}

export function diffMarkdown(r: DiffReport): string {
  const out: string[] = [];
  out.push(`# 细则修订对照：${md(r.title)}`, "", `- 原版：\`${visible(r.oldPath).replace(/`/g, "'")}\``, `- 新版：\`${visible(r.newPath).replace(/`/g, "'")}\``, `- ${summaryLine(r.diff)}`, "");
  const mdClause = (runs: WordRun[]) => runs.map((x) => (x.op === "same" ? md(x.text) : x.op === "del" ? `~~${md(x.text)}~~` : `**${md(x.text)}**`)).join("");
  if (r.diff.header.length > 0) {
    out.push("## 总体设置", "", "| 项目 | 原 | 新 |", "|---|---|---|");
    for (const h of r.diff.header) out.push(`| ${md(h.aspect)} | ${md(h.old ?? none)} | ${md(h.new ?? none)} |`);
    out.push("");
  }
  const table = (title: string, items: readonly ItemDiff[]) => {
    if (items.length === 0) return;
    out.push(`## ${title}`, "", `| 变化 | ${title} | 内容 |`, "|---|---|---|");
    for (const i of items) out.push(`| ${itemWord(i)} | ${md(i.name)} | ${itemLines(i, (runs) => "\u0000" + mdClause(runs)).map((l) => (l.includes("\u0000") ? l.replace(/^条文：\u0000/, "条文：") : md(l))).join("<br>")} |`);
    out.push("");
  };
  table("指标", r.diff.indicators);
  table("规则", r.diff.rules);
  if (r.diff.rules.some((i) => i.clause?.old !== undefined && i.clause.new !== undefined)) out.push("条文中删去的文字以~~删除线~~标出，新增的文字以**粗体**标出。", "");
  if (r.units) {
    out.push("## 对各单位得分的影响", "", `事实文件：\`${(r.factsPath ?? "").replace(/`/g, "'")}\`；按总分变化大小排列。`, "");
    out.push("| 单位 | 原总分 | 新总分 | 变化 | 原名次 | 新名次 | 原等次 | 新等次 | 主要原因 |", "|---|--:|--:|--:|--:|--:|---|---|---|");
    for (const u of r.units) {
      const why = [...u.indicators.map((p) => pointsLine(p, "指标")), ...u.rules.map((p) => pointsLine(p, "规则"))].map(md).join("<br>");
      out.push(`| ${md(u.unit)} | ${u.old.total} | ${u.new.total} | ${u.delta} | ${u.old.rank} | ${u.new.rank} | ${md(grade(u.old.grade))} | ${md(grade(u.new.grade))} | ${why || "—"} |`);
    }
    out.push("", FOOTNOTE, "");
  }
  return out.join("\n");
}
