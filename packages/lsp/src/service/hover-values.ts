/**
 * Hovers on the values of a catalogue: a number says what it is where it stands (扣分额, 上限, 分值,
 * 分段下限 …) with its exact value, and what a percentage means there; a band interval (`≥ 75%`,
 * `[75%, 100%)`, `= 0`) shows its math form and the values that really fall in it; a grade's
 * condition says what it compares.
 */
import type * as A from "@kaoping/core";
import { kpFormat, type BandModel, type RuleModel } from "@kaoping/core";
import { bandInterval, effectiveIntervals, inequality, mathForm, sameIntervals, type ValueInterval } from "./intervals.js";
import { indexOf } from "./names.js";
import type { DocContext } from "./project.js";
import { md } from "./tokens.js";

/** The nodes containing an offset, outermost first: a descent through the one child that contains it. */
function pathTo(file: A.KpFile, offset: number): A.Node[] {
  const chain: A.Node[] = [];
  let node: A.Node | undefined = file;
  while (node) {
    chain.push(node);
    node = childAt(node, offset);
  }
  return chain;
}

const within = (n: unknown, offset: number): n is A.Node =>
  typeof n === "object" && n !== null && "kind" in n && "span" in n && (n as A.Node).span.start.offset <= offset && offset < (n as A.Node).span.end.offset;

/** The child node of `node` whose range contains `offset` (children do not overlap). */
function childAt(node: A.Node, offset: number): A.Node | undefined {
  for (const [key, v] of Object.entries(node)) {
    if (key === "span" || key === "comments") continue;
    if (Array.isArray(v)) {
      for (const x of v) if (within(x, offset)) return x;
    } else if (within(v, offset)) return v;
  }
  return undefined;
}

/** The field of `parent` that holds `child` (`["table", 2]` for an array element). */
function fieldOf(parent: A.Node, child: A.Node): [string, number?] | undefined {
  for (const [key, v] of Object.entries(parent)) {
    if (v === child) return [key];
    if (Array.isArray(v)) {
      const i = v.indexOf(child);
      if (i >= 0) return [key, i];
    }
  }
  return undefined;
}

/** A number as written, normalised: `0.5`, `75%`, `5天`. */
function shown(n: A.NumberLit): string {
  return `${n.text}${n.percent ? "%" : ""}${n.measure ?? ""}`;
}

/** A hover on a value at `offset`, with the range it is about. */
export function valueHover(ctx: DocContext, offset: number): { markdown: string; start: number; end: number } | undefined {
  const chain = pathTo(ctx.file.parsed.ast, offset);
  const node = chain[chain.length - 1];
  if (!node) return undefined;
  const rule = [...chain].reverse().find((n): n is A.Rule => n.kind === "Rule");
  const model = rule ? indexOf(ctx.state.analysis).rules.get(rule) : undefined;
  if (node.kind === "Number") {
    const parent = chain[chain.length - 2];
    if (!parent) return undefined;
    const text = numberText(node as A.NumberLit, parent, chain, model);
    if (!text) return undefined;
    const written = ctx.file.text.slice(node.span.start.offset, node.span.end.offset);
    const iv = parent.kind === "Interval" ? (parent as A.Interval) : undefined;
    const negative = iv ? (iv.lower === node ? iv.lowerNegative : iv.upperNegative) === true : false;
    const lines = [`**${negative ? "-" : ""}${md(shown(node as A.NumberLit))}**　${md(text.what)}`];
    if (written.replace(/\s+/g, "") !== shown(node as A.NumberLit)) lines[0] += `（写作「${md(written)}」）`;
    if (text.more) lines.push(md(text.more));
    const band = parent.kind === "Interval" ? bandText(chain, model) : undefined;
    if (band) lines.push(band);
    return { markdown: lines.join("\n\n"), start: node.span.start.offset, end: node.span.end.offset };
  }
  if (node.kind === "Interval") {
    const band = bandText(chain, model);
    return band ? { markdown: band, start: node.span.start.offset, end: node.span.end.offset } : undefined;
  }
  if (node.kind === "ScoreCondition" || node.kind === "RankCondition") {
    const c = node as A.ScoreCondition | A.RankCondition;
    const v = c.value;
    if (!v) return undefined;
    const t = c.kind === "ScoreCondition" ? scoreCondition(c.op, v) : rankCondition(v);
    return { markdown: `**${md(t.what)}**\n\n${md(t.more)}`, start: c.span.start.offset, end: c.span.end.offset };
  }
  return undefined;
}

interface NumberText {
  what: string;
  more?: string;
}

const act = (a: A.Action | "zero" | "overdraft" | undefined) => (a === "award" ? "得" : "扣");

/** What a number is, from the field that holds it. */
function numberText(n: A.NumberLit, parent: A.Node, chain: readonly A.Node[], model: RuleModel | undefined): NumberText | undefined {
  const [field, index] = fieldOf(parent, n) ?? [""];
  const v = shown(n);
  const pct = n.percent;
  const body = chain.find((x) => x.kind === "Per" || x.kind === "OneShot" || x.kind === "Discretion") as A.PerBody | A.OneShotBody | A.DiscretionBody | undefined;
  switch (parent.kind) {
    case "Indicator":
      return field === "points" ? { what: "指标分值", more: `本指标满分 ${v}` } : undefined;
    case "ClassAmount": {
      const owner = chain[chain.length - 3];
      const cls = (parent as A.ClassAmount).unitClass?.value ?? "";
      if (owner?.kind === "Indicator") return { what: `「${cls}」的指标分值`, more: `属于「${cls}」的单位，本指标满分 ${v}` };
      return { what: `「${cls}」的${act(body?.action)}分额`, more: `「${cls}」的单位按 ${v} 分计，其他单位按其中前的分值` };
    }
    case "Total":
      return { what: (parent as A.TotalDecl).rescale ? "折算的总分" : "细则总分", more: (parent as A.TotalDecl).rescale ? `最终得分按满分 ${v} 折算` : "一级指标分值之和应等于它" };
    case "Rounding":
      return { what: "总分保留的小数位数", more: `总分四舍五入保留 ${n.text} 位小数` };
    case "Year":
      return { what: "年度" };
    case "Amount": {
      const units = body && "units" in body && body.units ? body.units.map((u) => u.text).join("") : "";
      const a = act(body?.action);
      return units ? { what: `${a}分额`, more: `${units}${a} ${n.text} 分` } : { what: `${a}分额`, more: `发生即${a} ${n.text} 分` };
    }
    case "CategoryAmount": {
      const units = body && "units" in body && body.units ? body.units.map((u) => u.text).join("") : "每次";
      return { what: `分类「${(parent as A.CategoryAmount).name?.value ?? ""}」的${act(body?.action)}分额`, more: `该分类${units}${act(body?.action)} ${n.text} 分` };
    }
    case "Cap":
      return { what: "上限", more: `本规则最多${model?.effect === "award" ? "得" : "扣"} ${n.text} 分（加倍、减半之后）` };
    case "CapGroup":
      return { what: "合计上限", more: `组内各规则的扣分合计最多 ${n.text} 分` };
    case "HighestGroup":
      return { what: "就高组上限", more: `组内扣分（或得分）合计最多 ${n.text} 分` };
    case "BonusSection":
      return { what: "加分项上限", more: `本项加分合计最多 ${n.text} 分` };
    case "PenaltySection":
      return { what: "减分项上限", more: `本项减分合计最多 ${n.text} 分` };
    case "Interval": {
      const iv = parent as A.Interval;
      const isLower = field === "lower";
      const sign = (isLower ? iv.lowerNegative : iv.upperNegative) ? "-" : "";
      const incl = isLower ? iv.lowerInclusive : iv.upperInclusive;
      return {
        what: isLower ? "分段下限" : "分段上限",
        more: `数值 ${isLower ? (incl ? "≥" : ">") : incl ? "≤" : "<"} ${sign}${v}（${incl ? "含" : "不含"}端点）${pct ? `；百分数：事实填百分数，如 ${sign}${v}` : ""}`,
      };
    }
    case "Outcome": {
      const o = parent as A.Outcome;
      const cut = chain[chain.length - 3]?.kind === "Cutoff";
      return { what: `${cut ? "截断" : "分段"}的${act(o.action)}分`, more: `${cut ? "截断条件成立" : "数值在此区间"}时${act(o.action)} ${n.text} 分` };
    }
    case "BandSteps": {
      const s = parent as A.BandSteps;
      return field === "step"
        ? { what: "逐档的一档", more: `从区间的${s.direction === "below" ? "上界" : "下界"}起，数值${s.word.slice(1)} ${v} 为一档` }
        : { what: "每档扣分", more: `每档再扣 ${n.text} 分` };
    }
    case "Linear":
    case "LinearSide": {
      const s = parent as A.LinearBody | A.LinearSide;
      if (field === "base") return { what: "基准", more: `数值与 ${v} 比较${pct ? "；百分数：事实填百分数" : ""}` };
      if (field === "step") return { what: "一档", more: `数值${s.word.slice(1)} ${v} 为一档${n.measure === "个百分点" || n.measure === "百分点" ? "（百分数之差）" : ""}` };
      if (field === "amount") return { what: `每档${act(s.action)}分`, more: `每档${act(s.action)} ${n.text} 分` };
      if (field === "sideCap" || field === "cap") return { what: "这一侧的上限", more: `这一侧最多${field === "cap" ? act(s.action) : act((parent as A.LinearBody).action)} ${n.text} 分` };
      return undefined;
    }
    case "Cutoff": {
      const c = parent as A.Cutoff;
      return { what: "截断值", more: `数值${c.direction === "below" ? "低于" : "高于"} ${v} 时（等于时照常计算）按截断的结果计` };
    }
    case "Shortfall":
      if (field === "target") return { what: "至少完成的次数", more: `少于 ${v} 时扣分` };
      if (field === "step") return { what: "一档", more: `每少 ${v} 为一档，不足一档的零头不扣` };
      return { what: "每档扣分", more: `每档扣 ${n.text} 分` };
    case "Assessed":
    case "Rate":
    case "Proportional":
    case "Ranked":
      if (field === "max") return { what: "满分", more: `本规则最多得 ${n.text} 分` };
      if (field === "scale") return { what: "原满分（折算自）", more: `事实是满分 ${n.text} 的结果，得分 = 结果 × 满分 ÷ ${n.text}` };
      if (field === "step") return { what: "每后退一位扣分", more: `名次每后退一位扣 ${n.text} 分` };
      if (field === "table") return { what: `第 ${(index ?? 0) + 1} 名的得分`, more: `第 ${(index ?? 0) + 1} 名得 ${n.text} 分` };
      if (field === "rest") return { what: "其余名次的得分", more: `列出的名次之后都得 ${n.text} 分` };
      return undefined;
    case "Discretion":
      return field === "min"
        ? { what: `酌情${act((parent as A.DiscretionBody).action)}分的下限`, more: `考评单位给的分数不少于 ${n.text} 分（0 或不填表示没有）` }
        : { what: `酌情${act((parent as A.DiscretionBody).action)}分的上限`, more: `考评单位给的分数不超过 ${n.text} 分` };
    case "OccurrenceFactor": {
      const f = parent as A.OccurrenceFactor;
      const k = Number(n.text);
      return f.factor === "plus"
        ? { what: "加 N 倍", more: `在原计分基础上加 ${n.text} 倍，即按 ${Number.isInteger(k) ? k + 1 : `${n.text} + 1`} 倍计` }
        : { what: "按 N 倍", more: `按原计分的 ${n.text} 倍计` };
    }
    case "Average":
      return { what: "平均的除数", more: `本规则的结果除以 ${n.text}（第 6 位小数四舍五入）` };
    case "Else":
      return { what: "否则的扣分", more: `事实为「否」（未完成）时${(parent as A.ElseBranch).action === "overdraft" ? "倒扣" : "扣"} ${n.text} 分` };
    case "RatedValue": {
      const rated = chain[chain.length - 3] as A.RatedBody | undefined;
      const i = rated?.values.indexOf(parent as A.RatedValue) ?? -1;
      const name = rated?.names[i]?.value;
      const points = model?.owner.kind === "indicator" ? model.owner.points : undefined;
      const amount = model?.body.kind === "rated" ? model.body.outcomes[i]?.amount : undefined;
      const share =
        pct && points !== undefined && amount !== undefined
          ? `，即本项分值 ${fmt(points)} 分 × ${v} = ${fmt(amount)} 分`
          : pct
            ? "，即本项分值的份额"
            : "";
      return { what: `${name ? `评为「${name}」` : "评定结果"}的${act(rated?.action)}分`, more: `${act(rated?.action)} ${v}${pct ? "" : " 分"}${share}` };
    }
    case "ScoreCondition":
      return scoreCondition((parent as A.ScoreCondition).op, n);
    case "RankCondition":
      return rankCondition(n);
    default:
      return undefined;
  }
}

function scoreCondition(op: "≥" | ">", v: A.NumberLit): { what: string; more: string } {
  return { what: `等次分数线 ${op} ${shown(v)}`, more: `舍入后的总分 ${op} ${shown(v)}` };
}

function rankCondition(v: A.NumberLit): { what: string; more: string } {
  return v.percent
    ? { what: `名次在前 ${shown(v)}`, more: `名次 ≤ ⌊单位数 × ${shown(v)}⌋（向下取整：5 个单位时前 ${v.text}% 是前 ${Math.floor((5 * Number(v.text)) / 100)} 名）` }
    : { what: `名次在前 ${shown(v)}`, more: `名次 ≤ ${v.text}（同分同名次）` };
}

/** The band of an interval: its math form and the values that fall in it. */
function bandText(chain: readonly A.Node[], model: RuleModel | undefined): string | undefined {
  const band = [...chain].reverse().find((x): x is A.Band => x.kind === "Band");
  if (!band || model?.body.kind !== "bands") return undefined;
  const bands: BandModel[] = model.body.bands;
  const i = bands.findIndex((b) => b.node === band);
  if (i < 0) return undefined;
  const own = bandInterval(bands[i]!);
  const signed = model.body.signed === true;
  const falls = effectiveIntervals(bands, i, signed);
  const possible = effectiveIntervals([bands[i]!], 0, signed);
  const lines = [`**区间 ${md(mathForm(own))}**　即 ${md(inequality(own))}（第 ${i + 1} 档，${md(outcomeWords(bands[i]!))}）`];
  const list = (ivs: readonly ValueInterval[]) => ivs.map((f) => md(mathForm(f))).join(" ∪ ");
  if (falls.length === 0) lines.push("**没有数值落在此档**：前面的档已取走了它的全部数值（按书写顺序取第一个包含该数值的区间）");
  else if (!sameIntervals(falls, possible))
    lines.push(`落在此档的数值：${list(falls)}（其余已由前面的档取走：按书写顺序取第一个包含该数值的区间）`);
  else lines.push(`事实「${md(model.name)}」的数值在 ${list(falls)} 内时按此档计${signed || sameIntervals(possible, [own]) ? "" : "（数值不能为负）"}`);
  return lines.join("\n\n");
}

function outcomeWords(b: BandModel): string {
  const o = b.outcome;
  return o.kind === "zero" ? "不得分" : `${o.kind === "award" ? "得" : "扣"} ${o.amount !== undefined ? fmt(o.amount) : "?"} 分`;
}

const fmt = (raw: number) => kpFormat(raw);
