/**
 * Hover: on a rule, its clause text, what it means in plain Chinese, its worst case and the
 * indicator's points; on an indicator, its points against its children's; on a class, where it is
 * used; on a keyword, its documentation, an example and a link to the language reference; on a number,
 * a band interval or a grade's condition, what it is there (hover-values.ts); on a suppression
 * comment, what it silences (hover-suppression.ts).
 */
import type * as A from "@kaoping/core";
import { keywordDoc, nameKey, type IndicatorModel, type ReferModel, type RuleModel, type SectionModel, type Span } from "@kaoping/core";
import { childrenSum, formatPoints as f, ownerLabel, ruleMeaning, worstCaseText } from "./describe.js";
import { enclosingIndicator, indexOf, siteAt, type CatalogueIndex, type NameSite } from "./names.js";
import type { DocContext } from "./project.js";
import { suppressionAt, suppressionHover } from "./hover-suppression.js";
import { valueHover } from "./hover-values.js";
import { sectionLink } from "./reference.js";
import { keywordOfToken, md, roleLabel, tokenAt } from "./tokens.js";

/** A hover: Markdown and the range it is about. */
export interface HoverResult {
  markdown: string;
  span: Span;
}

/**
 * The hover at `offset` of a document.  `linted` gives the document's context with the linter's
 * findings (a suppression comment's hover says whether it suppressed anything).
 */
export function hover(ctx: DocContext, offset: number, linted?: () => DocContext | undefined): HoverResult | undefined {
  const comment = suppressionAt(ctx, offset);
  if (comment) {
    const lint = (ctx.state.lint ? ctx : linted?.())?.state.lint;
    return { markdown: suppressionHover(ctx, comment, lint), span: comment.span };
  }
  const idx = indexOf(ctx.state.analysis);
  const site = siteAt(idx, ctx.path, offset);
  if (site) {
    const markdown = site.text ? textHover(idx, site.owner) : nameHover(ctx, idx, site);
    return markdown ? { markdown, span: site.lit.span } : undefined;
  }
  const tok = tokenAt(ctx.file.parsed.tokens, offset);
  const kw = tok && keywordOfToken(tok);
  if (tok && kw) {
    const aliases = kw.aliases.length > 0 ? `（也写作：${kw.aliases.map((a) => `「${md(a)}」`).join("、")}）` : "";
    const parts = [`**${md(kw.text)}**　${roleLabel[kw.role]}${aliases}`, md(kw.doc)];
    const doc = keywordDoc(kw.text);
    if (doc) parts.push(`例：\n\n\`\`\`kp\n${doc.example}\n\`\`\``, sectionLink(doc.section));
    return { markdown: parts.join("\n\n"), span: ctx.file.parsed.lines.span(tok.startOffset, tok.startOffset + tok.image.length) };
  }
  const value = valueHover(ctx, offset);
  if (value) return { markdown: value.markdown, span: ctx.file.parsed.lines.span(value.start, value.end) };
  return undefined;
}

function textHover(idx: CatalogueIndex, owner: A.Node): string | undefined {
  if (owner.kind === "Rule") {
    const r = idx.rules.get(owner);
    return r ? ruleHover(r) : undefined;
  }
  return undefined;
}

function nameHover(ctx: DocContext, idx: CatalogueIndex, site: NameSite): string | undefined {
  switch (site.kind) {
    case "rule": {
      const r = idx.rules.get(site.owner as A.Rule);
      if (r) return ruleHover(r);
      const rule = site.owner as A.Rule;
      return `**规则「${md(site.name)}」**${rule.clause ? `\n\n> ${md(rule.clause.value)}` : ""}`;
    }
    case "indicator": {
      const m = idx.indicators.get(site.owner as A.Indicator);
      return m ? indicatorHover(m) : `**指标「${md(site.name)}」**`;
    }
    case "section": {
      const s = idx.sections.get(site.owner);
      return s ? sectionHover(s) : undefined;
    }
    case "class":
      return classHover(ctx, idx, site);
    case "include": {
      const target = ctx.resolve(ctx.path, site.name);
      const inds = ctx.state.analysis.catalogue.indicators.filter((i) => i.file === target);
      const list = inds.map((i) => `- 指标「${md(i.name)}」 ${f(i.points)} 分`).join("\n");
      const known = ctx.state.files.includes(target);
      // Not loaded: missing, or refused (outside the folder, not a .kp file …: the error on this line says why).
      const refused = ctx.state.diagnostics.find(
        (d) => d.file === ctx.path && d.severity === "error" && d.code !== "KP2014" && d.span.start.offset === site.lit.span.start.offset,
      );
      const where = known ? md(target) : refused ? `（没有引入：${refused.code}）` : "（文件不存在）";
      return `**引入「${md(site.name)}」**　${where}${list ? `\n\n${list}` : ""}`;
    }
    case "category": {
      const r = site.rule && idx.rules.get(site.rule);
      const cat = r?.body.kind === "categories" ? r.body.categories.find((c) => nameKey(c.name) === site.key) : undefined;
      return cat && r
        ? `**分类「${md(site.name)}」**　规则「${md(r.name)}」\n\n每${md(r.body.kind === "categories" ? r.body.noun : "次")}扣 ${f(cat.amount)} 分；事实键「${md(r.name)}.${md(site.name)}」`
        : undefined;
    }
    case "flag": {
      const r = site.rule && idx.rules.get(site.rule);
      const m = r?.multipliers.find((x) => nameKey(x.flag) === site.key);
      const o = r?.occurrences.find((x) => nameKey(x.condition) === site.key);
      if (o && r) {
        if (r.body.kind === "categories") {
          const noun = r.body.noun;
          return `**次数条件「${md(site.name)}」**　规则「${md(r.name)}」\n\n各分类中${md(site.name)}的${noun}按 ${f(o.factor)} 倍计（${o.word}）；事实键「${md(r.name)}.${md(site.name)}.分类名」（${noun}数，不能多于该分类的${noun}数）`;
        }
        const noun = r.body.kind === "per" ? r.body.nouns[0] : "次";
        return `**次数条件「${md(site.name)}」**　规则「${md(r.name)}」\n\n其中${md(site.name)}的${noun}按 ${f(o.factor)} 倍计（${o.word}）；事实键「${md(r.name)}.${md(site.name)}」（${noun}数，不能多于「${md(r.name)}」的${noun}数）`;
      }
      if (m && r) return `**条件「${md(site.name)}」**　规则「${md(r.name)}」\n\n条件成立时${m.factor === "double" ? "加倍" : "减半"}扣分；事实键「${md(r.name)}.${md(site.name)}」（是/否）`;
      const w = r?.waivers.find((x) => nameKey(x.flag) === site.key);
      if (w && r)
        return w.mode === "cancel"
          ? `**条件「${md(site.name)}」**　规则「${md(r.name)}」\n\n条件成立时本规则不扣分（免扣）；事实键「${md(r.name)}.${md(site.name)}」（是/否）`
          : `**条件「${md(site.name)}」**　规则「${md(r.name)}」\n\n条件成立时由考评单位减免本规则的扣分；事实键「${md(r.name)}.${md(site.name)}」（减免的分数，0 至本规则的扣分）`;
      return undefined;
    }
    case "department":
      return `**考评单位「${md(site.name)}」**`;
    case "title": {
      const c = ctx.state.analysis.catalogue;
      const lines = [`**细则「${md(c.title)}」**`];
      const total = c.indicators.reduce((s, i) => s + i.points, 0);
      lines.push(
        `${c.indicators.length} 个一级指标，合计 ${f(total)} 分${c.declaredTotal !== undefined ? `（声明总分 ${f(c.declaredTotal)} 分）` : ""}；${c.rules.length} 条规则`,
      );
      if (c.classes.length > 0) lines.push(`单位类别：${c.classes.map((x) => `「${md(x)}」`).join("、")}`);
      return lines.join("\n\n");
    }
    default:
      return undefined;
  }
}

/** Hover text of a rule. */
export function ruleHover(r: RuleModel): string {
  const lines = [`**规则「${md(r.name)}」**　${md(ownerLabel(r.owner))}`];
  if (r.clause) lines.push(`> ${md(r.clause)}`);
  lines.push(`**含义**：${md(ruleMeaning(r))}`);
  lines.push(`**${md(worstCaseText(r))}**`);
  if (r.facts.length > 0) {
    lines.push(`**事实**：${r.facts.map((k) => `「${md(k.key)}」${md(k.label)}`).join("；")}`);
  }
  return lines.join("\n\n");
}

function indicatorHover(m: IndicatorModel): string {
  const lines = [
    m.vetoOnly
      ? `**指标「${md(m.name)}」**　否决清单：只含一票否决、一票否优，没有分值，不计入总分`
      : `**指标「${md(m.name)}」**　${f(m.points)} 分${m.classPoints ? m.classPoints.map((cp) => `，「${md(cp.unitClass)}」${f(cp.points)} 分`).join("") : ""}${m.pointsDeclared ? "" : "（由子项推出）"}`,
  ];
  const facts: string[] = [];
  if (m.code) facts.push(`编号「${md(m.code)}」`);
  const sum = childrenSum(m);
  if (sum !== undefined) {
    const parts = m.children.length > 0 ? `${m.children.length} 个子指标` : "得分规则";
    facts.push(
      `${parts}合计 ${f(sum)} 分${m.pointsDeclared && sum !== m.points ? `，与分值 ${f(m.points)} 分相差 ${f(Math.abs(m.points - sum))} 分` : ""}`,
    );
  }
  if (m.rules.length > 0) facts.push(`${m.rules.length} 条规则`);
  if (m.maxAbove === undefined) facts.push("高于基准的加分可超出分值，不设上限");
  else if (m.maxAbove > 0) facts.push(`高于基准的加分可超出分值，最多 ${f(m.maxAbove)} 分（得分最高 ${f(m.points + m.maxAbove)} 分）`);
  if (m.departments.length > 0) facts.push(`考评单位：${m.departments.map((d) => `「${md(d)}」`).join("、")}`);
  if (m.appliesTo) facts.push(`只适用于${m.appliesTo.map((c) => `「${md(c)}」`).join("、")}`);
  for (const r of m.refers) facts.push(referText(r));
  if (m.parent) facts.push(`上级指标：「${md(m.parent.name)}」`);
  if (facts.length > 0) lines.push(facts.map((x) => `- ${x}`).join("\n"));
  return lines.join("\n\n");
}

function sectionHover(s: SectionModel): string {
  const lines = [`**${s.kind === "bonus" ? "加分项" : "减分项"}「${md(s.name)}」**${s.cap !== undefined ? `　上限 ${f(s.cap)} 分` : ""}`];
  lines.push(`${s.rules.length} 条规则，在基本分之外${s.kind === "bonus" ? "加分" : "减分"}`);
  return lines.join("\n\n");
}

/** A class by its {@link nameKey}: 「Ａ类」 is the class declared as 「A类」 (shown as declared). */
function classHover(ctx: DocContext, idx: CatalogueIndex, site: NameSite): string {
  const declaredAs = ctx.state.analysis.catalogue.classes.find((c) => nameKey(c) === site.key);
  const name = declaredAs ?? site.name;
  const uses = idx.names.filter((s) => s.kind === "class" && s.key === site.key && !s.definition);
  const where = new Set<string>();
  for (const u of uses) {
    const ind = enclosingIndicator(idx, u.owner);
    if (u.owner.kind === "Applies" || u.owner.kind === "ClassAmount") {
      const parent = idx.parents.get(u.owner);
      if (parent?.kind === "Rule" || parent?.kind === "Amount") {
        let rule: A.Node | undefined = parent;
        while (rule && rule.kind !== "Rule") rule = idx.parents.get(rule);
        if (rule?.kind === "Rule" && rule.name) where.add(`规则「${md(rule.name.value)}」`);
        continue;
      }
    }
    if (ind) where.add(`指标「${md(ind.name)}」`);
  }
  const lines = [`**单位类别「${md(name)}」**　${declaredAs !== undefined ? "已在「类别」中声明" : "未声明"}`];
  if (where.size > 0) lines.push(`用于：${[...where].join("、")}`);
  return lines.join("\n\n");
}

/** A 参照 in words: who takes which score. */
function referText(r: ReferModel): string {
  const who = r.taker.kind === "class" ? `「${md(r.taker.unitClass)}」的得分` : `未涉及本项的单位（事实「${md(r.taker.key)}」为是）的得分`;
  if (r.source.kind === "unit") return `${who}以「${md(r.source.unit)}」为准`;
  const pool = r.source.pool === "class" ? `「${md(r.source.unitClass ?? "")}」各单位` : r.source.pool === "same" ? "同类单位" : "各单位";
  const word = { average: "平均分", max: "最高分", min: "最低分" }[r.source.aggregate];
  return `${who}以${pool}（本项照常考核的）的${word}为准`;
}
