/**
 * The differences between two versions of a checked catalogue, in the words a rule writer knows:
 * items added, removed, renamed, moved; points, caps, bands, categories, amounts, vetoes, classes
 * and grades old → new, each quoted from the catalogue's source.  Pure: models and source texts in,
 * a `CatalogueDiff` out (the CLI prints it; the editor may use it too).
 */
import type * as A from "../ast.js";
import type { Catalogue, GradeModel, IndicatorModel, RuleModel } from "../model.js";
import { kpFormat } from "../runtime/decimal.js";
import { matchContainers, matchRules, type Container, type Pair } from "./match.js";
import { wordsAt, type SourceTexts } from "./source-text.js";
import type { AspectChange, CatalogueDiff, ItemDiff, ItemPlace } from "./types.js";

/** One version: its checked model and the texts of its files. */
export interface Version {
  catalogue: Catalogue;
  texts: SourceTexts;
}

const pts = (raw: number | undefined): string | undefined => (raw === undefined ? undefined : `${kpFormat(raw)}分`);
const list = (xs: readonly string[] | undefined): string | undefined => (xs === undefined || xs.length === 0 ? undefined : xs.map((x) => `「${x}」`).join("、"));

/** Adds a change when the two texts differ. */
function push(out: AspectChange[], aspect: string, o: string | undefined, n: string | undefined): void {
  if ((o ?? "") === (n ?? "")) return;
  const c: AspectChange = { aspect };
  if (o !== undefined && o !== "") c.old = o;
  if (n !== undefined && n !== "") c.new = n;
  out.push(c);
}

function place(file: string, node: { span: { start: { line: number } } }): ItemPlace {
  return { file, line: node.span.start.line };
}

// ------------------------------------------------------------------ header

function gradeWords(v: Version, g: GradeModel): string {
  const text = wordsAt(v.texts, v.catalogue.files.find((f) => f.items.some((i) => i.kind === "Grades" && i.grades.includes(g.node)))?.path ?? "", g.node.span);
  // The grade's conditions without its name.
  return text.replace(/^「[^」]*」\s*/, "");
}

function headerChanges(o: Version, n: Version): AspectChange[] {
  const out: AspectChange[] = [];
  const a = o.catalogue;
  const b = n.catalogue;
  push(out, "细则", a.title, b.title);
  push(out, "年度", a.year, b.year);
  push(out, "对象", a.subject, b.subject);
  push(out, "类别", list(a.classes), list(b.classes));
  const total = (c: Catalogue) => (c.declaredTotal === undefined ? undefined : `${pts(c.declaredTotal)}${c.rescale ? " 折算" : ""}`);
  push(out, "总分", total(a), total(b));
  const rounding = (c: Catalogue) => (c.rounding === undefined ? undefined : `保留 ${c.rounding} 位`);
  push(out, "舍入", rounding(a), rounding(b));
  const oldGrades = new Map(a.grades.map((g) => [g.name, gradeWords(o, g)]));
  const newGrades = new Map(b.grades.map((g) => [g.name, gradeWords(n, g)]));
  for (const [name, w] of newGrades) push(out, `等次「${name}」`, oldGrades.get(name), w);
  for (const [name, w] of oldGrades) if (!newGrades.has(name)) push(out, `等次「${name}」`, w, undefined);
  const order = (gs: GradeModel[]) => gs.map((g) => `「${g.name}」`).join(" > ");
  if (a.grades.length > 0 && b.grades.length > 0 && [...oldGrades.keys()].every((k) => newGrades.has(k)) && oldGrades.size === newGrades.size) {
    push(out, "等次顺序", order(a.grades), order(b.grades));
  }
  return out;
}

// ------------------------------------------------------------------ containers

function allContainers(c: Catalogue): Container[] {
  const out: Container[] = [];
  const walk = (xs: IndicatorModel[]) => {
    for (const x of xs) {
      out.push(x);
      walk(x.children);
    }
  };
  walk(c.indicators);
  return [...out, ...c.bonuses, ...c.penalties];
}

const sectionWord = (c: Container) => (c.kind === "bonus" ? "加分" : c.kind === "penalty" ? "减分" : "指标");

function parentName(c: Container): string {
  return c.kind === "indicator" && c.parent ? c.parent.name : "";
}

function indicatorPoints(c: Container): string | undefined {
  if (c.kind !== "indicator") return c.cap === undefined ? undefined : `上限 ${kpFormat(c.cap)}`;
  if (c.vetoOnly) return "否决清单（不计分）";
  const cls = (c.classPoints ?? []).map((p) => `，「${p.unitClass}」 ${kpFormat(p.points)}分`).join("");
  return `${pts(c.points)}${cls}${c.pointsDeclared ? "" : "（由下级合计）"}`;
}

function containerChanges(o: Version, n: Version, p: Pair<Container>): AspectChange[] {
  const out: AspectChange[] = [];
  const a = p.old;
  const b = p.new;
  push(out, a.kind === "indicator" ? "分值" : "上限", indicatorPoints(a), indicatorPoints(b));
  if (a.kind === "indicator" && b.kind === "indicator") {
    // Departments and classes are inherited: shown where they are written, not on every child.
    const own = (x: IndicatorModel) => (x.parent && x.parent.departments.join() === x.departments.join() ? undefined : list(x.departments));
    push(out, "考评单位", own(a), own(b));
    push(out, "适用", list(a.appliesTo), list(b.appliesTo));
    push(out, "参照", a.refers.map((r) => wordsAt(o.texts, a.file, r.node.span)).join("；"), b.refers.map((r) => wordsAt(n.texts, b.file, r.node.span)).join("；"));
    push(out, "代码", a.code, b.code);
  }
  const groups = (c: Container) =>
    c.groups
      .filter((g) => g.kind === "cap")
      .map((g) => `合计 上限 ${kpFormat(g.cap ?? 0)}（${g.rules.map((r) => `「${r.name}」`).join("、")}）`)
      .join("；");
  push(out, "合计", groups(a), groups(b));
  return out;
}

// ------------------------------------------------------------------ rules

function bodyWords(v: Version, r: RuleModel): string {
  return wordsAt(v.texts, r.file, r.node.body?.span);
}

function modifierWords(v: Version, r: RuleModel, kinds: readonly A.Modifier["kind"][], keep: boolean): string {
  return r.node.modifiers
    .filter((m) => kinds.includes(m.kind) === keep)
    .map((m) => wordsAt(v.texts, r.file, m.span))
    .join(" ");
}

/** A rule in the catalogue's words, without its name and clause: `每次 扣 0.5 上限 2`. */
export function ruleWords(v: Version, r: RuleModel): string {
  return [bodyWords(v, r), modifierWords(v, r, [], false)].filter((s) => s !== "").join(" ");
}

/** The aspect a body's change is named by. */
function bodyAspect(r: RuleModel): string {
  switch (r.body.kind) {
    case "bands":
      return "分段";
    case "categories":
      return "分类";
    case "veto":
      return "否决";
    case "ranked":
      return "排名";
    default:
      return "计分";
  }
}

function bandChanges(o: Version, a: RuleModel, n: Version, b: RuleModel, out: AspectChange[]): void {
  if (a.body.kind !== "bands" || b.body.kind !== "bands") return;
  const words = (v: Version, r: RuleModel, band: { node: A.Band }) => wordsAt(v.texts, r.file, band.node.span);
  const range = (v: Version, r: RuleModel, band: { node: A.Band }) => wordsAt(v.texts, r.file, band.node.range?.span);
  const olds = a.body.bands.map((x) => ({ range: range(o, a, x), words: words(o, a, x) }));
  const news = b.body.bands.map((x) => ({ range: range(n, b, x), words: words(n, b, x) }));
  const left = [...olds];
  const unmatchedNew: typeof news = [];
  const pairs: [(typeof olds)[number], (typeof news)[number]][] = [];
  for (const x of news) {
    const i = left.findIndex((y) => y.range === x.range);
    if (i >= 0) pairs.push([left.splice(i, 1)[0]!, x]);
    else unmatchedNew.push(x);
  }
  // Bands whose range moved (a band tightened): paired in order.
  while (left.length > 0 && unmatchedNew.length > 0) pairs.push([left.shift()!, unmatchedNew.shift()!]);
  for (const [x, y] of pairs) push(out, "分段", x.words, y.words);
  for (const y of unmatchedNew) push(out, "分段", undefined, y.words);
  for (const x of left) push(out, "分段", x.words, undefined);
}

function ruleChanges(o: Version, n: Version, p: Pair<RuleModel>): AspectChange[] {
  const out: AspectChange[] = [];
  const a = p.old;
  const b = p.new;
  if (a.body.kind === "bands" && b.body.kind === "bands") bandChanges(o, a, n, b, out);
  else push(out, a.body.kind === b.body.kind ? bodyAspect(b) : "计分", bodyWords(o, a), bodyWords(n, b));
  push(out, "上限", a.cap === undefined ? undefined : `上限 ${kpFormat(a.cap)}`, b.cap === undefined ? undefined : `上限 ${kpFormat(b.cap)}`);
  push(out, "适用", list(a.appliesTo), list(b.appliesTo));
  push(out, "其他", modifierWords(o, a, ["Cap", "Applies"], false), modifierWords(n, b, ["Cap", "Applies"], false));
  const group = (r: RuleModel) => (r.group ? { cap: "合计", highest: "就高", choice: "择一" }[r.group.kind] : undefined);
  push(out, "组", group(a), group(b));
  return out;
}

// ------------------------------------------------------------------ the whole

/** Compares two checked catalogues. */
export function diffCatalogues(o: Version, n: Version): CatalogueDiff {
  const rules = matchRules(o.catalogue.rules, n.catalogue.rules);
  const ruleNew = new Map(rules.pairs.map((p) => [p.old, p.new]));
  const containers = matchContainers(allContainers(o.catalogue), allContainers(n.catalogue), ruleNew);
  const containerNew = new Map(containers.pairs.map((p) => [p.old, p.new]));

  const indicators: ItemDiff[] = [];
  for (const p of containers.pairs) {
    const changes = containerChanges(o, n, p);
    const item: ItemDiff = { kind: p.new.kind === "indicator" ? "indicator" : "section", status: "changed", name: p.new.name, changes, old: place(p.old.file, p.old.node), new: place(p.new.file, p.new.node) };
    if (p.new.name !== p.old.name) {
      item.oldName = p.old.name;
      item.how = p.how;
      if (p.similarity !== undefined) item.similarity = p.similarity;
    }
    if (parentName(p.new)) item.parent = parentName(p.new);
    const oldParent = p.old.kind === "indicator" ? p.old.parent : undefined;
    const newParent = p.new.kind === "indicator" ? p.new.parent : undefined;
    if ((oldParent ? containerNew.get(oldParent) : undefined) !== newParent) item.moved = { from: parentName(p.old), to: parentName(p.new) };
    if (item.oldName !== undefined || item.moved || changes.length > 0) indicators.push(item);
  }
  const lone = (c: Container, status: "added" | "removed"): ItemDiff => {
    const item: ItemDiff = { kind: c.kind === "indicator" ? "indicator" : "section", status, name: c.name, changes: [], summary: `${sectionWord(c)} ${indicatorPoints(c) ?? ""}`.trim() };
    item[status === "added" ? "new" : "old"] = place(c.file, c.node);
    if (parentName(c)) item.parent = parentName(c);
    return item;
  };
  for (const c of containers.added) indicators.push(lone(c, "added"));
  for (const c of containers.removed) indicators.push(lone(c, "removed"));

  const ruleItems: ItemDiff[] = [];
  for (const p of rules.pairs) {
    const changes = ruleChanges(o, n, p);
    const item: ItemDiff = { kind: "rule", status: "changed", name: p.new.name, changes, parent: p.new.owner.name, old: place(p.old.file, p.old.node), new: place(p.new.file, p.new.node) };
    if (p.new.name !== p.old.name) {
      item.oldName = p.old.name;
      item.how = p.how;
      if (p.similarity !== undefined && p.how === "similar") item.similarity = p.similarity;
    }
    if (containerNew.get(p.old.owner) !== p.new.owner) item.moved = { from: p.old.owner.name, to: p.new.owner.name };
    if (p.old.clause !== p.new.clause) item.clause = { old: p.old.clause, new: p.new.clause };
    if (item.oldName !== undefined || item.moved || item.clause || changes.length > 0) ruleItems.push(item);
  }
  const loneRule = (v: Version, r: RuleModel, status: "added" | "removed"): ItemDiff => {
    const item: ItemDiff = { kind: "rule", status, name: r.name, changes: [], parent: r.owner.name, summary: ruleWords(v, r), clause: status === "added" ? { new: r.clause } : { old: r.clause } };
    item[status === "added" ? "new" : "old"] = place(r.file, r.node);
    return item;
  };
  for (const r of rules.added) ruleItems.push(loneRule(n, r, "added"));
  for (const r of rules.removed) ruleItems.push(loneRule(o, r, "removed"));

  const header = headerChanges(o, n);
  const ruleNames = new Map(rules.pairs.map((p) => [p.old.name, p.new.name]));
  const indicatorIds = new Map(containers.pairs.filter((p) => p.old.kind === "indicator").map((p) => [p.old.id, p.new.id]));
  return { header, indicators, rules: ruleItems, ruleNames, indicatorIds, same: header.length === 0 && indicators.length === 0 && ruleItems.length === 0 };
}
