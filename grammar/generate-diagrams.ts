/**
 * Generates grammar/syntax-diagrams.html: railroad diagrams of every production of the .kp parser.
 *
 *   npx tsx grammar/generate-diagrams.ts
 *
 * The diagrams come from Chevrotain itself: `createSyntaxDiagramsCode(parser.getSerializedGastProductions())`
 * over the core parser (packages/core/src/syntax/parser.ts), so they always show the grammar the parser
 * really accepts.  Chevrotain's page loads its scripts and stylesheet from a CDN (unpkg); the machines
 * kaoping runs on are often offline, so the generator inlines those assets from the chevrotain package
 * core depends on (its `diagrams/` folder) and the page needs no network.  A Chinese title, an
 * introduction and a table of the productions are added; each diagram gets its Chinese caption.
 *
 * test/grammar-diagrams.test.ts checks that the committed page equals what this script generates now.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parser } from "../packages/core/src/syntax/parser.js";

/** The serialized grammar Chevrotain draws. */
type Grammar = ReturnType<typeof parser.getSerializedGastProductions>;

interface ChevrotainDiagrams {
  createSyntaxDiagramsCode(grammar: Grammar, options?: { resourceBase?: string; css?: string }): string;
}

/** Where the generated page is written. */
export const outputPath = fileURLToPath(new URL("./syntax-diagrams.html", import.meta.url));

/**
 * Chinese caption of every parser production, with the production of grammar/kp.ebnf it corresponds
 * to.  A production missing here makes generation fail, so a new parser rule cannot go undocumented.
 */
export const productionNotes: Record<string, { zh: string; ebnf: string }> = {
  file: { zh: "文件：任意多个顶层项", ebnf: "file" },
  titleDecl: { zh: "细则标题", ebnf: "header item（细则）" },
  yearDecl: { zh: "年度或有效期", ebnf: "header item（年度）" },
  subjectDecl: { zh: "考评对象（说明文字）", ebnf: "header item（对象）" },
  classesDecl: { zh: "声明单位类别", ebnf: "header item（类别）" },
  totalDecl: { zh: "细则总分（总分 100分 折算：最终得分按满分 100 折算）", ebnf: "header item（总分）" },
  roundingDecl: { zh: "总分舍入：舍入 保留 n 位", ebnf: "header item（舍入）" },
  includeDecl: { zh: "引入细则的另一个文件", ebnf: "header item（引入）" },
  gradesDecl: { zh: "等次", ebnf: "grades" },
  grade: { zh: "一个等次及其条件", ebnf: "grade" },
  gradeCondition: { zh: "等次条件：分数线或名次", ebnf: "grade cond" },
  indicator: { zh: "指标：名称、分值与内容", ebnf: "indicator" },
  codeDecl: { zh: "指标的官方编号", ebnf: "indicator item（编号）" },
  departmentsDecl: { zh: "考评单位", ebnf: "indicator item（考评单位）" },
  appliesDecl: { zh: "只适用于某些类别的单位", ebnf: "indicator item（适用）/ modifier（适用）" },
  referDecl: { zh: "某类单位（或未涉及的单位）的本项得分以某单位的得分、或一组单位的平均分（最高分、最低分）为准", ebnf: "refer" },
  note: { zh: "只记载条文、不计分的说明", ebnf: "note" },
  capGroup: { zh: "合计上限组", ebnf: "cap group" },
  highestGroup: { zh: "就高组：按最高标准扣分（在加分中按最高级别加分）", ebnf: "highest group" },
  choiceGroup: { zh: "择一组：几种情形只能有一种发生", ebnf: "choice group" },
  bonusSection: { zh: "基本分之外的加分项", ebnf: "bonus section" },
  penaltySection: { zh: "基本分之外的减分项", ebnf: "penalty section" },
  groupBlock: { zh: "组的内容：规则与注", ebnf: "{ group item }" },
  sectionBlock: { zh: "加分、减分项的内容：规则、注、就高组与择一组", ebnf: "{ section item }" },
  rule: { zh: "规则：名称、条文、待核（导入识别、尚未核对）、计分方式、修饰", ebnf: "rule" },
  perBody: { zh: "按次计分（每次 扣 0.5）", ebnf: "per rule" },
  oneShotBody: { zh: "一次性扣分或得分（扣 0.2 / 得 0.1 / 得 1 否则 扣 2）", ebnf: "one shot" },
  elseBranch: { zh: "否则：未完成时扣分（否则 扣 2 / 否则 倒扣 2）", ebnf: "else branch" },
  ratedBody: { zh: "评定结果：评为 「好」、「较好」 分别得 满分、80%", ebnf: "rated" },
  ratedValue: { zh: "评定结果的分值：满分、分值或本项分值的百分比", ebnf: "rated value" },
  amounts: { zh: "分值、类别分值或分类分值", ebnf: "amounts" },
  namedAmount: { zh: "带名称的分值（「园区」 0.3、「轻处分」 0.05）", ebnf: "class amount | category amount" },
  bandsBody: { zh: "分段；分段 可为负：数值可为负数", ebnf: "bands" },
  band: { zh: "一个区间或未报送，及其结果", ebnf: "band" },
  bandSteps: { zh: "区间结果之后逐档扣减：每低 0.1 个百分点 扣 0.1（从区间的上界或下界起算）", ebnf: "band steps" },
  interval: { zh: "区间：[ 含、( 不含，或 ≥ > ≤ < =；可为负时界限可写负数（-5）", ebnf: "interval" },
  outcome: { zh: "区间的结果：扣、得或不得分", ebnf: "outcome" },
  linearBody: { zh: "线性扣分或加分：基准 90% 每低 1% 扣 0.02；两侧：基准 90% 每增加 1% 得 1 上限 2，每少 1% 扣 1", ebnf: "linear" },
  linearSide: { zh: "两侧加减分的另一侧：每少 1% 扣 1", ebnf: "linear side" },
  cutoff: { zh: "截断：低于 80% 不得分", ebnf: "cutoff" },
  shortfallBody: { zh: "次数不足：至少 4 次 每少 1 次 扣 0.25", ebnf: "shortfall" },
  scoredBody: { zh: "按评价、按比率、按最高比例得分", ebnf: "assessed | rate | proportional" },
  rankedBody: { zh: "按排名得分：按事实、另一指标的得分或总分排名，每后退一位扣分或依次得分", ebnf: "ranked" },
  rankPoints: { zh: "依次得分中一个名次的分值", ebnf: "rank list" },
  fullPoints: { zh: "满分", ebnf: "\"满分\" amount" },
  discretionBody: { zh: "酌情扣分或得分：酌情 扣 0.5 至 2、每次 酌情 扣 1 至 3、酌情 得 0.5 至 1", ebnf: "discretion" },
  committeeBody: { zh: "考核组评议给分：评议 得分（以上限、加分项上限或指标分值为界）", ebnf: "committee" },
  modifier: { zh: "规则修饰：上限、倒扣、加倍、减半、免扣、可减免、其中（部分次数）、按…平均、适用", ebnf: "modifier" },
  occurrenceFactor: { zh: "部分次数的条件与倍数：「已查结」 减半、「省市领导批示」 加 2倍", ebnf: "occurrence" },
  stringList: { zh: "「」名称的列表，可用 、 或 , 分隔", ebnf: "string { [ list sep ] string }" },
};

/** Names of the productions of a serialized grammar, in order. */
export function productionNames(grammar: Grammar): string[] {
  return grammar.map((g) => ("name" in g && typeof g.name === "string" ? g.name : "?"));
}

/** The chevrotain module core uses, and the folder of its diagram assets. */
async function loadChevrotain(): Promise<{ api: ChevrotainDiagrams; assets: string }> {
  const requireFromCore = createRequire(new URL("../packages/core/package.json", import.meta.url));
  const entry = requireFromCore.resolve("chevrotain");
  const api = (await import(pathToFileURL(entry).href)) as ChevrotainDiagrams;
  // entry is <package>/lib/src/api.js; the assets are in <package>/diagrams
  return { api, assets: join(dirname(entry), "..", "..", "diagrams") };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Script text placed inside <script>…</script>: it must not contain what would end or confuse the element. */
function inlineScript(code: string, name: string): string {
  if (/<\/script|<!--/i.test(code)) throw new Error(`${name} 中含有「</script」或「<!--」，不能原样内联`);
  return code;
}

function replaceOnce(text: string, find: string, by: string): string {
  const at = text.indexOf(find);
  if (at < 0 || text.indexOf(find, at + 1) >= 0) throw new Error(`Chevrotain 生成的页面中找不到（或不止一处）：${find}`);
  return text.slice(0, at) + by + text.slice(at + find.length);
}

const PAGE_STYLE = `
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 0 auto; max-width: 1200px; padding: 0 1.5em 4em; }
  header h1 { font-size: 1.6em; margin: 1em 0 0.4em; }
  header p { line-height: 1.7; }
  header code { background: hsl(30, 20%, 88%); padding: 0 0.25em; border-radius: 3px; }
  table.kp-productions { border-collapse: collapse; margin: 1em 0 2em; font-size: 0.95em; }
  table.kp-productions th, table.kp-productions td { border: 1px solid hsl(30, 15%, 75%); padding: 0.25em 0.6em; text-align: left; }
  table.kp-productions td:first-child { font-family: monospace; }
  .kp-caption { font-size: 0.95em; color: hsl(30, 10%, 30%); margin: 0.6em 0 0; }
`;

/** Widens railroad.Terminal boxes by the extra width of full-width characters (CJK, 「」, full-width forms). */
const WIDE_TERMINALS = `
  // kaoping：中文字符按全角宽度计算方框宽度
  (function (rr) {
    var Terminal = rr.Terminal;
    rr.Terminal = function (text) {
      var t = Terminal.apply(null, arguments);
      var wide = (String(text).match(/[\\u2e80-\\u9fff\\u3000-\\u303f\\uff00-\\uffef]/g) || []).length;
      t.width += wide * 7;
      return t;
    };
  })(window.railroad);
`;

/** The whole page, as it is committed. */
export async function generateDiagramsHtml(): Promise<string> {
  const grammar = parser.getSerializedGastProductions();
  const names = productionNames(grammar);
  const missing = names.filter((n) => !productionNotes[n]);
  if (missing.length > 0) throw new Error(`grammar/generate-diagrams.ts 缺少这些语法规则的中文说明：${missing.join("、")}`);
  const stale = Object.keys(productionNotes).filter((n) => !names.includes(n));
  if (stale.length > 0) throw new Error(`grammar/generate-diagrams.ts 中有已不存在的语法规则：${stale.join("、")}`);

  const { api, assets } = await loadChevrotain();
  const RES = "@@KP_RESOURCES@@/";
  const CSS = "@@KP_CSS@@";
  let page = api.createSyntaxDiagramsCode(grammar, { resourceBase: RES, css: CSS });

  // Chevrotain's own head (a comment, doctype, charset, background) is replaced by ours below.
  const headEnd = page.indexOf(`<link rel='stylesheet' href='${CSS}'>`);
  if (headEnd < 0) throw new Error("Chevrotain 生成的页面格式已变化：找不到样式表链接");
  page = page.slice(headEnd);
  page = replaceOnce(page, `<link rel='stylesheet' href='${CSS}'>`, "");
  for (const asset of ["vendor/railroad-diagrams.js", "src/diagrams_builder.js", "src/diagrams_behavior.js", "src/main.js"]) {
    const code = readFileSync(join(assets, asset), "utf8");
    page = replaceOnce(page, `<script src='${RES}${asset}'></script>`, `<script>/* chevrotain/diagrams/${asset}（内联，离线可用） */\n${inlineScript(code, asset)}\n</script>`);
  }
  if (page.includes(RES) || page.includes(CSS)) throw new Error("Chevrotain 生成的页面中还有未内联的资源");
  // railroad-diagrams sizes a terminal's box at 8px per character (half an em); Chinese characters and
  // 「」 are a full em wide, so widen the boxes of such labels before anything is drawn.
  page = replaceOnce(page, "\n</script>\n<script>/* chevrotain/diagrams/src/diagrams_builder.js", `\n</script>\n<script>${WIDE_TERMINALS}</script>\n<script>/* chevrotain/diagrams/src/diagrams_builder.js`);
  const chevrotainCss = readFileSync(join(assets, "diagrams.css"), "utf8");

  const rows = names
    .map((n) => `    <tr><td><a href="#rule-${escapeHtml(n)}">${escapeHtml(n)}</a></td><td>${escapeHtml(productionNotes[n]!.zh)}</td><td>${escapeHtml(productionNotes[n]!.ebnf)}</td></tr>`)
    .join("\n");
  const captions = JSON.stringify(Object.fromEntries(names.map((n) => [n, productionNotes[n]!.zh])), null, 2);

  return `<!DOCTYPE html>
<!-- 由 grammar/generate-diagrams.ts 生成，请勿手工修改：npx tsx grammar/generate-diagrams.ts -->
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>.kp 语法图（铁路图）</title>
<style>
  body { background-color: hsl(30, 20%, 95%); }
${PAGE_STYLE}
</style>
<style>
/* chevrotain/diagrams/diagrams.css（内联，离线可用） */
${chevrotainCss}
</style>
</head>
<body>
<header>
  <h1>.kp 考评细则语言 · 语法图</h1>
  <p>
    下面每一张图是 .kp 语法分析器（<code>packages/core/src/syntax/parser.ts</code>）中的一条语法规则，由 Chevrotain 直接从分析器生成，
    与分析器实际接受的写法完全一致。沿着线从左走到右，经过的方框依次写出，就是一段合法的 .kp 文本：
    圆角方框是要照写的关键字或符号（如「指标」「扣」「{」），直角方框是另一条语法规则（点击可跳到它的图）。
    分叉表示任选其一，回环表示可以重复，旁路表示可以省略。
  </p>
  <p>
    名称和条文一律写在「」中（「…」中的名称或条文）；数字可带 % 与计量单位（0.5分、4次、90%）；全角数字和标点会按半角处理。
    规范语法见 <a href="kp.ebnf">kp.ebnf</a>，各计分方式的含义与例子见 <a href="语言参考.md">语言参考.md</a>。
    本页不需要联网：绘图所需的脚本与样式都已内联。
  </p>
  <table class="kp-productions">
    <tr><th>语法规则</th><th>说明</th><th>kp.ebnf 中的对应</th></tr>
${rows}
  </table>
</header>
${page.trim()}
<script>
  // 每张图下加上中文说明（不改动标题本身：点击跳转按标题文字查找规则）
  (function () {
    var captions = ${captions};
    var headers = document.getElementsByClassName("diagramHeader");
    for (var i = 0; i < headers.length; i++) {
      var h = headers[i];
      var text = captions[h.textContent];
      if (!text) continue;
      h.id = "rule-" + h.textContent;
      var p = document.createElement("p");
      p.className = "kp-caption";
      p.textContent = text;
      h.parentNode.insertBefore(p, h.nextSibling);
    }
  })();
</script>
</body>
</html>
`;
}

// Run as a script: write the page.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const html = await generateDiagramsHtml();
  writeFileSync(outputPath, html);
  console.log(`已生成 ${outputPath}（${html.length} 字符）`);
}
