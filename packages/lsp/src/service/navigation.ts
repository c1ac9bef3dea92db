/**
 * Go to definition, find references, highlights and rename, across the files of a catalogue.
 *
 * What refers to what: unit classes are declared in 「类别」 and referenced in 适用 / 其中 / 参照;
 * rules are declared once and referenced by name from facts files (outside the catalogue), so a
 * rule's references are its declaration(s); categories and 加倍/减半 conditions are local to their
 * rule; indicators are declared and not referenced; 引入 refers to a file.
 */
import type { Span, TextEdit } from "@kaoping/core";
import { invisibleChars, LineIndex, nameKey } from "@kaoping/core";
import { indexOf, innerRange, siteAt, type CatalogueIndex, type NameSite } from "./names.js";
import type { DocContext } from "./project.js";

/** A place in a file. */
export interface Location {
  file: string;
  span: Span;
}

const kindLabel: Record<NameSite["kind"], string> = {
  title: "细则标题",
  class: "单位类别",
  include: "引入的文件",
  grade: "等次",
  indicator: "指标",
  code: "编号",
  department: "考评单位",
  unit: "单位",
  rule: "规则",
  category: "分类",
  flag: "条件",
  section: "加分/减分项",
};

function nameAt(ctx: DocContext, offset: number): { idx: CatalogueIndex; site: NameSite } | undefined {
  const idx = indexOf(ctx.state.analysis);
  const site = siteAt(idx, ctx.path, offset);
  if (!site || site.text) return undefined;
  return { idx, site };
}

/** Every site that names the same thing as `site` (by {@link nameKey}, as the checker compares names). */
export function sameThing(idx: CatalogueIndex, site: NameSite): NameSite[] {
  switch (site.kind) {
    case "indicator":
    case "title":
    case "include":
      return [site];
    case "category":
    case "flag":
      return idx.names.filter((s) => s.kind === site.kind && s.key === site.key && s.rule === site.rule);
    default:
      return idx.names.filter((s) => s.kind === site.kind && s.key === site.key);
  }
}

const loc = (s: NameSite): Location => ({ file: s.file, span: s.lit.span });
const emptySpan: Span = new LineIndex("").span(0, 0);

/** Where the name at `offset` is declared (an include: the start of the included file). */
export function definition(ctx: DocContext, offset: number): Location[] {
  const found = nameAt(ctx, offset);
  if (!found) return [];
  const { idx, site } = found;
  if (site.kind === "include") return [{ file: ctx.resolve(site.file, site.name), span: emptySpan }];
  const all = sameThing(idx, site);
  const defs = all.filter((s) => s.definition);
  return (defs.length > 0 ? defs : site.kind === "department" || site.kind === "unit" ? [all[0]!] : []).map(loc);
}

/** Every occurrence of the name at `offset` in the catalogue. */
export function references(ctx: DocContext, offset: number, includeDeclaration = true): Location[] {
  const found = nameAt(ctx, offset);
  if (!found) return [];
  return sameThing(found.idx, found.site)
    .filter((s) => includeDeclaration || !s.definition)
    .map(loc);
}

/** Occurrences of the name at `offset` in the document itself (for highlighting). */
export function highlights(ctx: DocContext, offset: number): { span: Span; write: boolean }[] {
  const found = nameAt(ctx, offset);
  if (!found) return [];
  return sameThing(found.idx, found.site)
    .filter((s) => s.file === ctx.path)
    .map((s) => ({ span: s.lit.span, write: s.definition }));
}

/** A failure the user should see (e.g. a name clash on rename). */
export interface UserError {
  error: string;
}

/** The range (without quotes) and current text of the name that would be renamed. */
export function prepareRename(
  ctx: DocContext,
  offset: number,
): { start: number; end: number; placeholder: string } | UserError | undefined {
  const found = nameAt(ctx, offset);
  if (!found) return undefined;
  if (found.site.kind === "include") return { error: "「引入」写的是文件名：请重命名文件本身，再修改这里" };
  const r = innerRange(found.site.lit, ctx.file.text);
  return { ...r, placeholder: found.site.name };
}

/** Edits that rename the thing at `offset` everywhere in the catalogue, by file. */
export function rename(ctx: DocContext, offset: number, newName: string): Map<string, TextEdit[]> | UserError | undefined {
  const found = nameAt(ctx, offset);
  if (!found) return undefined;
  const { idx, site } = found;
  if (site.kind === "include") return { error: "「引入」写的是文件名：请重命名文件本身，再修改这里" };
  const problem = nameProblem(newName);
  if (problem) return { error: problem };
  const same = sameThing(idx, site);
  // Renaming 「Ａ类」 to 「A类」 respells every occurrence written otherwise; nothing to do when none is.
  if (same.every((s) => s.name === newName)) return new Map();
  const clash = clashes(idx, site, same, newName);
  if (clash) return { error: clash };
  const texts = new Map(ctx.state.analysis.files.map((f) => [f.path, f.text]));
  texts.set(ctx.path, ctx.file.text);
  const edits = new Map<string, TextEdit[]>();
  for (const s of same) {
    const text = texts.get(s.file);
    if (text === undefined) continue;
    const quoted = text.charAt(s.lit.span.start.offset) === "「";
    if (quoted && s.name === newName) continue; // already written so
    const e: TextEdit = quoted
      ? { ...innerRange(s.lit, text), newText: newName, file: s.file }
      : { start: s.lit.span.start.offset, end: s.lit.span.end.offset, newText: `「${newName}」`, file: s.file };
    const list = edits.get(s.file) ?? [];
    list.push(e);
    edits.set(s.file, list);
  }
  return edits;
}

/** Why a text cannot be a name ("" when it can). */
export function nameProblem(name: string): string {
  if (name.trim() === "") return "名称不能为空";
  if (/[\r\n]/.test(name)) return "名称不能换行";
  let depth = 0;
  for (const ch of name) {
    if (ch === "「") depth++;
    else if (ch === "」" && --depth < 0) break;
  }
  if (depth !== 0) return "名称中的「」必须成对";
  const hidden = invisibleChars(name)[0];
  if (hidden) return `名称中不能有看不见的字符（${hidden.codePoint}，${hidden.what}）`;
  return "";
}

/**
 * Why renaming `site` (with the sites `same` that name the same thing) to `newName` would make two
 * things one name ("" when it would not).  By {@link nameKey}: 「Ａ类」 clashes with 「A类」.
 */
function clashes(idx: CatalogueIndex, site: NameSite, same: readonly NameSite[], newName: string): string {
  const label = kindLabel[site.kind];
  const key = nameKey(newName);
  const others = idx.names.filter((s) => s.key === key && !same.includes(s));
  switch (site.kind) {
    case "rule":
    case "class":
    case "section":
    case "grade":
      return others.some((s) => s.kind === site.kind && s.definition) ? `${label}「${newName}」已经存在` : "";
    case "indicator": {
      const parent = idx.parents.get(site.owner);
      const siblings = others.filter((s) => s.kind === "indicator" && s.file === site.file && idx.parents.get(s.owner) === parent);
      return siblings.length > 0 ? `同一层级下已有指标「${newName}」` : "";
    }
    case "category":
    case "flag":
      return others.some((s) => (s.kind === "category" || s.kind === "flag") && s.rule === site.rule) ? `规则中已有分项「${newName}」` : "";
    default:
      return "";
  }
}

/** What a rename at `offset` renames, when facts files may use it: a rule or a unit class, by its declared name. */
export function renameTarget(ctx: DocContext, offset: number): { kind: "rule" | "class"; name: string } | undefined {
  const found = nameAt(ctx, offset);
  if (!found || (found.site.kind !== "rule" && found.site.kind !== "class")) return undefined;
  const declared = sameThing(found.idx, found.site).find((s) => s.definition) ?? found.site;
  return { kind: found.site.kind, name: declared.name };
}
