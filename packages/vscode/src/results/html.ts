/**
 * The results view's HTML, rendered from the server's structured answers by pure functions (no
 * VS Code here, so they are unit-tested as strings):
 * - `rankingHtml`: the ranking, with the columns `kp score` shows (名次, 单位, 类别, 总分, one per
 *   first-level indicator, 加分, 减分, 等次, 否决);
 * - `explanationHtml`: one unit, indicator by indicator, with every deduction and award — rule,
 *   clause, facts, computation — as `kp explain` shows it;
 * - `pageHtml`: the document around them, with its Content-Security-Policy.
 *
 * Scores are shown exactly as the module returns them (decimal strings, never converted to
 * floating point); sorting keys are computed here with an exact decimal comparison. Everything from
 * the user's files passes through `esc`. Links carry a kind and a key (`data-open`, `data-key`); the
 * webview script turns a click into a message and the extension opens the place it holds.
 */
import type { CatalogueMeta, IndicatorResult, TraceEntry, UnitResult } from "@kaoping/core";
// The client bundle takes this one dependency-free file of core (tsup.config.ts): labels and facts read as in `kp explain`.
import { factText, traceLabel, usedFacts } from "@kaoping/core/trace-text";

export { factText };
import type { ExplainAnswer, Places, ScoreAnswer } from "./messages.js";

/** Escapes text for HTML content and attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Compares two exact decimal texts ("-0.5", "49.93", "16") as numbers, without floating point.
 * An empty text (no score) sorts after every number.
 */
export function compareDecimal(a: string, b: string): number {
  if (a === "" || b === "") return a === b ? 0 : a === "" ? 1 : -1;
  const parse = (s: string) => {
    const neg = s.startsWith("-");
    const [int = "0", frac = ""] = (neg ? s.slice(1) : s).split(".");
    const i = int.replace(/^0+(?=\d)/, "");
    const f = frac.replace(/0+$/, "");
    return { neg: neg && (i !== "0" || f !== ""), i, f };
  };
  const x = parse(a);
  const y = parse(b);
  if (x.neg !== y.neg) return x.neg ? -1 : 1;
  const sign = x.neg ? -1 : 1;
  if (x.i.length !== y.i.length) return sign * (x.i.length - y.i.length);
  if (x.i !== y.i) return sign * (x.i < y.i ? -1 : 1);
  const n = Math.max(x.f.length, y.f.length);
  const xf = x.f.padEnd(n, "0");
  const yf = y.f.padEnd(n, "0");
  return xf === yf ? 0 : sign * (xf < yf ? -1 : 1);
}

const collator = new Intl.Collator("zh-CN", { numeric: true });

const vetoWord = (level: string) => (level === "fail" ? "一票否决" : "一票否优");

/** One column of the ranking. */
interface Column {
  head: string;
  numeric: boolean;
  value(r: UnitResult): string;
  /** The cell's content as HTML (default: the value, escaped). */
  cell?(r: UnitResult): string;
}

/** A link that opens a rule or an indicator in the editor, when its place is known. */
function placeLink(places: Places, kind: "rule" | "indicator", key: string, label: string, title: string): string {
  const known = kind === "rule" ? places.rules[key] : places.indicators[key];
  if (!known) return esc(label);
  return `<a href="#" class="place" data-open="${kind}" data-key="${esc(key)}" title="${esc(title)}">${esc(label)}</a>`;
}

/** The columns of the ranking for this catalogue and these results (as `kp score`'s, with 类别). */
function columns(cat: CatalogueMeta, results: readonly UnitResult[], places: Places): Column[] {
  const cols: Column[] = [
    { head: "名次", numeric: true, value: (r) => String(r.rank) },
    {
      head: "单位",
      numeric: false,
      value: (r) => r.unit,
      cell: (r) => `<a href="#" class="unit" data-unit="${esc(r.unit)}" title="查看「${esc(r.unit)}」的得分明细">${esc(r.unit)}</a>`,
    },
  ];
  if (cat.classes.length > 0) cols.push({ head: "类别", numeric: false, value: (r) => r.classes.join("、") });
  cols.push({ head: `总分${cat.total ? `<span class="points">${esc(cat.total)}分</span>` : ""}`, numeric: true, value: (r) => r.total });
  cat.indicators.forEach((ind, i) => {
    const points = `${ind.points}分${(ind.classPoints ?? []).map((cp) => `，${cp.unitClass} ${cp.points}分`).join("")}`;
    cols.push({
      head: `${placeLink(places, "indicator", ind.id, ind.name, `在编辑器中打开指标「${ind.name}」`)}<span class="points">${esc(points)}</span>`,
      numeric: true,
      value: (r) => r.indicators?.[i]?.score ?? "",
    });
  });
  if (cat.bonuses.length > 0) cols.push({ head: "加分", numeric: true, value: (r) => r.bonus ?? "" });
  if (cat.penalties.length > 0) cols.push({ head: "减分", numeric: true, value: (r) => r.penalty ?? "" });
  if (cat.grades.length > 0) cols.push({ head: "等次", numeric: false, value: (r) => r.grade ?? "" });
  if (results.some((r) => r.vetoes.length > 0)) {
    cols.push({
      head: "否决",
      numeric: false,
      value: (r) => r.vetoes.map((v) => `${vetoWord(v.level)}（${v.rule}）`).join("；"),
      cell: (r) =>
        r.vetoes
          .map((v) => `${vetoWord(v.level)}（${placeLink(places, "rule", v.rule, v.rule, `在编辑器中打开规则「${v.rule}」`)}）`)
          .join("；"),
    });
  }
  return cols;
}

/**
 * For each row, its position when the rows are sorted by this column (ascending; numbers compared
 * exactly, text in Chinese collation order; ties keep the ranking's order).
 */
function sortKeys(col: Column, results: readonly UnitResult[]): number[] {
  const order = results.map((_, i) => i);
  const values = results.map((r) => col.value(r));
  order.sort((a, b) => (col.numeric ? compareDecimal(values[a]!, values[b]!) : collator.compare(values[a]!, values[b]!)) || a - b);
  const keys = new Array<number>(results.length);
  order.forEach((row, pos) => (keys[row] = pos));
  return keys;
}

/** The title of a catalogue as shown: 「标题（年度）」. */
function catalogueTitle(cat: CatalogueMeta): string {
  return `${cat.title}${cat.year ? `（${cat.year}）` : ""}`;
}

/** Where the results came from, shown under the title. */
export interface RankingSource {
  /** The facts file's name as shown (its base name). */
  factsName: string;
}

/** The ranking: a toolbar (filter, 重新计分), how many rules are still 待核, the reader's notes, and the table. */
export function rankingHtml(answer: ScoreAnswer, source: RankingSource): string {
  const cat = answer.catalogue;
  const cols = columns(cat, answer.results, answer.places);
  const keys = cols.map((c) => sortKeys(c, answer.results));
  const out: string[] = [];
  out.push(`<header class="head">`);
  out.push(`<h1>计分结果：${esc(catalogueTitle(cat))}</h1>`);
  out.push(`<p class="meta">事实文件「${esc(source.factsName)}」，共 ${answer.results.length} 个单位。点击单位查看得分明细，点击指标名在编辑器中打开。</p>`);
  out.push(`<div class="toolbar">`);
  out.push(`<input type="search" id="filter" placeholder="筛选单位名称" aria-label="筛选单位名称">`);
  out.push(`<button type="button" data-action="rescore" title="细则或事实文件改过后，用同一个事实文件重新计分">重新计分</button>`);
  out.push(`</div>`);
  out.push(`</header>`);
  // the rules marked 待核 are scored as written: said once, above the table, as kp score says it (KP2124)
  if (answer.review) out.push(`<p class="review" role="note">${esc(answer.review.message)}</p>`);
  if (answer.notes.length > 0) out.push(`<ul class="notes">${answer.notes.map((n) => `<li>${esc(n)}</li>`).join("")}</ul>`);
  out.push(`<div class="table-wrap"><table class="ranking" aria-label="排名">`);
  out.push(`<thead><tr>`);
  cols.forEach((c, i) => {
    out.push(
      `<th scope="col" class="${c.numeric ? "num" : "text"}" data-col="${i}" aria-sort="none"><span class="th-name">${c.head}</span><button type="button" class="sort" data-sort="${i}" title="按此列排序" aria-label="按此列排序">↕</button></th>`,
    );
  });
  out.push(`</tr></thead>`);
  out.push(`<tbody>`);
  answer.results.forEach((r, row) => {
    const cells = cols.map((c, i) => {
      const v = c.value(r);
      return `<td class="${c.numeric ? "num" : "text"}" data-k="${keys[i]![row]}">${c.cell ? c.cell(r) : esc(v)}</td>`;
    });
    out.push(`<tr data-name="${esc(r.unit)}">${cells.join("")}</tr>`);
  });
  out.push(`</tbody></table></div>`);
  out.push(`<p class="empty" id="no-match" hidden>没有名称包含所填文字的单位。</p>`);
  return out.join("\n");
}

/** Whether two decimal texts are the same number ("14.90" and "14.9"). */
function sameDecimal(a: string, b: string): boolean {
  return compareDecimal(a, b) === 0;
}

function entryHtml(answer: ExplainAnswer, e: TraceEntry): string {
  const label = traceLabel(e);
  const out: string[] = [];
  if (e.rule !== undefined) {
    const open = answer.places.rules[e.rule] !== undefined;
    // The whole entry opens the rule; the rule's name is the visible link.
    out.push(`<li class="entry ${e.kind}${open ? " opens" : ""}"${open ? ` data-open="rule" data-key="${esc(e.rule)}"` : ""}>`);
    out.push(`<span class="amount num">${esc(label)}</span>`);
    out.push(`<div class="body">`);
    out.push(`<div class="rule">${placeLink(answer.places, "rule", e.rule, e.rule, `在编辑器中打开规则「${e.rule}」`)}</div>`);
    if (e.clause) out.push(`<blockquote class="clause">${esc(e.clause)}</blockquote>`);
    const facts = usedFacts(answer.catalogue, e, answer.inputs);
    if (facts.length > 0) out.push(`<div class="facts">事实：${facts.map(([k, v]) => `<span class="fact">${esc(k)} = ${esc(factText(v))}</span>`).join("，")}</div>`);
    out.push(`<div class="calc">计算：${esc(e.text)}</div>`);
    out.push(`</div></li>`);
  } else {
    out.push(`<li class="entry ${e.kind}"><span class="amount num">${esc(label)}</span><div class="body"><div class="calc">${esc(e.text)}</div></div></li>`);
  }
  return out.join("");
}

function scoreClass(score: string, points: string): string {
  if (sameDecimal(score, points)) return "full";
  return compareDecimal(score, "0") <= 0 ? "zero" : "part";
}

/** One unit's explanation: summary, then every indicator with its deductions and awards, then the sections. */
export function explanationHtml(answer: ExplainAnswer): string {
  const cat = answer.catalogue;
  const r = answer.result;
  const byIndicator = new Map<string, TraceEntry[]>();
  for (const e of r.trace ?? []) byIndicator.set(e.indicator, [...(byIndicator.get(e.indicator) ?? []), e]);
  const entries = (id: string) => {
    const list = byIndicator.get(id) ?? [];
    return list.length > 0 ? `<ul class="entries">${list.map((e) => entryHtml(answer, e)).join("\n")}</ul>` : "";
  };
  const out: string[] = [];
  out.push(`<nav class="back"><a href="#" data-action="ranking">← 返回排名</a></nav>`);
  out.push(`<header class="head">`);
  out.push(`<h1>${esc(r.unit)}${r.classes.length > 0 ? `<span class="classes">（${esc(r.classes.join("、"))}）</span>` : ""}</h1>`);
  out.push(`<p class="meta">细则「${esc(catalogueTitle(cat))}」的得分明细。点击规则或指标名在编辑器中打开。</p>`);
  out.push(`</header>`);
  out.push(`<dl class="summary">`);
  const exact = sameDecimal(r.exactTotal, r.total) ? "" : `（舍入前 <span class="num">${esc(r.exactTotal)}</span>）`;
  out.push(`<dt>总分</dt><dd><strong class="num total">${esc(r.total)}</strong>${cat.total ? ` / ${esc(cat.total)} 分` : " 分"}${exact}</dd>`);
  for (const e of byIndicator.get("") ?? []) out.push(`<dt>折算</dt><dd>${esc(e.text)}</dd>`);
  out.push(`<dt>名次</dt><dd>第 <span class="num">${r.rank}</span> 名（共 ${answer.count} 个单位）</dd>`);
  if (cat.grades.length > 0) out.push(`<dt>等次</dt><dd>${r.grade != null ? esc(r.grade) : "无"}</dd>`);
  for (const v of r.vetoes) {
    out.push(
      `<dt>否决</dt><dd class="veto">${vetoWord(v.level)}——${placeLink(answer.places, "rule", v.rule, v.rule, `在编辑器中打开规则「${v.rule}」`)}「${esc(v.clause)}」</dd>`,
    );
  }
  out.push(`</dl>`);

  const walk = (ind: IndicatorResult, depth: number) => {
    out.push(`<section class="indicator depth-${Math.min(depth, 5)}">`);
    out.push(
      `<h${Math.min(depth + 2, 6)} class="ind-head"><span class="ind-name">${placeLink(answer.places, "indicator", ind.id, ind.name, `在编辑器中打开指标「${ind.name}」`)}</span>` +
        `<span class="score num ${scoreClass(ind.score, ind.points)}">${esc(ind.score)} / ${esc(ind.points)} 分</span></h${Math.min(depth + 2, 6)}>`,
    );
    out.push(entries(ind.id));
    for (const child of ind.children) walk(child, depth + 1);
    out.push(`</section>`);
  };
  out.push(`<div class="indicators">`);
  for (const ind of r.indicators ?? []) walk(ind, 0);
  out.push(`</div>`);

  const sections = (list: CatalogueMeta["bonuses"], word: string, total: string | undefined) => {
    if (list.length === 0) return;
    out.push(`<div class="sections">`);
    for (const s of list) {
      out.push(`<section class="indicator depth-0">`);
      out.push(
        `<h2 class="ind-head"><span class="ind-name">${word}「${placeLink(answer.places, "indicator", s.id, s.name, `在编辑器中打开${word}项「${s.name}」`)}」</span>${s.cap ? `<span class="score">上限 ${esc(s.cap)} 分</span>` : ""}</h2>`,
      );
      out.push(entries(s.id) || `<p class="none">无</p>`);
      out.push(`</section>`);
    }
    out.push(`<p class="section-total">${word}合计：<span class="num">${esc(total ?? "0")}</span> 分</p>`);
    out.push(`</div>`);
  };
  sections(cat.bonuses, "加分", r.bonus);
  sections(cat.penalties, "减分", r.penalty);
  return out.join("\n");
}

/** A command's failure, shown in the panel (the message and one line per problem). */
export function errorHtml(message: string, details: readonly string[]): string {
  const list = details.length > 0 ? `<ul class="details">${details.map((d) => `<li>${esc(d)}</li>`).join("")}</ul>` : "";
  return `<nav class="back"><a href="#" data-action="ranking">← 返回排名</a></nav><div class="error" role="alert"><p>${esc(message)}</p>${list}<button type="button" data-action="rescore">重新计分</button></div>`;
}

/** What the page needs from the webview: its CSP source, a fresh nonce and the media URIs. */
export interface PageOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh random nonce for the script. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** The panel's title (also the document's). */
  title: string;
  /** The ranking's HTML. */
  ranking: string;
  /** A unit's explanation, shown first when given (the ranking one click away). */
  explanation?: string | undefined;
}

/**
 * The webview's document: a strict Content-Security-Policy (nothing but the extension's own style
 * sheet and the one script carrying the nonce; no remote content, no inline handlers), the ranking
 * view and the explanation view (one of them shown).
 */
export function pageHtml(o: PageOptions): string {
  const csp = [
    "default-src 'none'",
    `style-src ${o.cspSource}`,
    `script-src 'nonce-${o.nonce}'`,
    `img-src ${o.cspSource}`,
    `font-src ${o.cspSource}`,
  ].join("; ");
  return [
    `<!DOCTYPE html>`,
    `<html lang="zh-CN">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<link rel="stylesheet" href="${esc(o.styleUri)}">`,
    `<title>${esc(o.title)}</title>`,
    `</head>`,
    `<body>`,
    `<div id="status" role="status" aria-live="polite" hidden></div>`,
    `<main id="ranking-view"${o.explanation !== undefined ? " hidden" : ""}>`,
    o.ranking,
    `</main>`,
    `<main id="explain-view"${o.explanation !== undefined ? "" : " hidden"}>`,
    o.explanation ?? "",
    `</main>`,
    `<script nonce="${esc(o.nonce)}" src="${esc(o.scriptUri)}"></script>`,
    `</body>`,
    `</html>`,
    ``,
  ].join("\n");
}
