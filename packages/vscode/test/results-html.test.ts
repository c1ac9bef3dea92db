/**
 * The results view's HTML (src/results/html.ts), rendered from the language server's real answers
 * (the stdio client, `kp/score` and `kp/explain` on rules/ with examples/各县事实.csv): the ranking
 * and one unit's explanation as goldens, plus what a user relies on — every unit with its exact
 * total, the per-indicator columns, links that open rules and indicators, exact sorting keys, the
 * page's Content-Security-Policy, and that text from the user's files is escaped.
 * Needs `pnpm --filter @kaoping/lsp build`.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectGolden } from "../../../test/golden.js";
import { LspClient, serverMain } from "../../lsp/test/lsp-client.js";
import { compareDecimal, errorHtml, esc, explanationHtml, pageHtml, rankingHtml } from "../src/results/html.js";
import { isFromWebview, type ExplainAnswer, type ScoreAnswer } from "../src/results/messages.js";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const golden = (name: string) => fileURLToPath(new URL(`./golden/${name}`, import.meta.url));
const csv = path.join(repo, "examples/各县事实.csv");
const expected = JSON.parse(readFileSync(path.join(repo, "examples/expected.json"), "utf8")) as { unit: string; total: string; rank: number; grade: string }[];

let dir: string;
let client: LspClient;
let score: ScoreAnswer;
let explained: ExplainAnswer;

beforeAll(async () => {
  if (!existsSync(serverMain)) throw new Error(`${serverMain} is missing: run \`pnpm --filter @kaoping/lsp build\` first`);
  dir = mkdtempSync(path.join(os.tmpdir(), "kp-results-html-"));
  for (const f of readdirSync(path.join(repo, "rules"))) cpSync(path.join(repo, "rules", f), path.join(dir, f));
  client = LspClient.start();
  await client.initialize(pathToFileURL(dir).href);
  const uri = pathToFileURL(path.join(dir, "细则.kp")).href;
  const s = await client.request<({ ok: true } & ScoreAnswer) | { ok: false; message: string }>("kp/score", { uri, facts: csv });
  if (!s.ok) throw new Error(s.message);
  score = s;
  const e = await client.request<({ ok: true } & ExplainAnswer) | { ok: false; message: string }>("kp/explain", { uri, facts: csv, unit: "白水县" });
  if (!e.ok) throw new Error(e.message);
  explained = e;
});
afterAll(async () => {
  await client?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The text of a table cell's HTML (tags removed, entities of the escaper decoded). */
const cellText = (html: string) => html.replace(/<[^>]*>/g, "").replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)));

/** The rows of the ranking's table: the text of each cell. */
function rows(html: string): string[][] {
  const body = html.slice(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
  return [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((m) => [...m[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((c) => cellText(c[1]!)));
}

describe("the ranking", () => {
  it("shows every unit with its exact total, rank, grade and one column per first-level indicator (golden)", () => {
    const html = rankingHtml(score, { factsName: "各县事实.csv" });
    expectGolden(golden("results-ranking.html"), html);
    const table = rows(html);
    // 名次, 单位, 类别, 总分, three indicators, 等次 (no bonus/penalty sections, no vetoes in the example)
    expect(table.map((r) => [r[0], r[1], r[3], r[7]])).toEqual(expected.map((u) => [String(u.rank), u.unit, u.total, u.grade]));
    expect(table[0]).toEqual(["1", "××区", "县区", "49.93", "15.5", "24.328", "10.1", "优秀"]);
    const head = html.slice(html.indexOf("<thead>"), html.indexOf("</thead>"));
    expect(cellText(head).replace(/\n/g, "").replace(/↕/g, "|")).toBe("名次|单位|类别|总分62分|×令畅通16分|×风连×建设和反腐败工作25分|组织建设21分|等次|");
    expect(html).toContain("<h1>计分结果：市对县保证目标考评细则（20××）</h1>");
    // no rule of rules/ is marked 待核: nothing said of it
    expect(html).not.toContain('class="review"');
  });

  it("numbers are right-aligned cells; a unit is a link that asks for its explanation; an indicator opens in the editor", () => {
    const html = rankingHtml(score, { factsName: "各县事实.csv" });
    expect(html).toMatch(/<td class="num" data-k="\d+">49\.93<\/td>/);
    expect(html).toContain('<a href="#" class="unit" data-unit="白水县"');
    expect(html).toContain('data-open="indicator" data-key="1"');
    expect(html).toMatch(/<button type="button" data-action="rescore"[^>]*>重新计分<\/button>/);
    expect(html).toContain('id="filter" placeholder="筛选单位名称"');
  });

  it("sorting keys order the rows exactly (decimals compared as decimals, never as floating point)", () => {
    const html = rankingHtml(score, { factsName: "各县事实.csv" });
    const keysOf = (col: number) =>
      [...html.slice(html.indexOf("<tbody>")).matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((m) => Number([...m[1]!.matchAll(/data-k="(\d+)"/g)][col]![1]));
    const totals = rows(html).map((r) => r[3]!);
    const byKey = totals.map((t, i) => [keysOf(3)[i]!, t] as const).sort((a, b) => a[0] - b[0]).map(([, t]) => t);
    expect(byKey).toEqual([...totals].sort(compareDecimal));
    expect(byKey[0]).toBe("33.30");
    expect(byKey.at(-1)).toBe("49.93");
    expect(compareDecimal("9.9", "10.1")).toBeLessThan(0); // as text, "9.9" > "10.1"
    expect(compareDecimal("0.1", "0.10")).toBe(0);
    expect(compareDecimal("-0.5", "0")).toBeLessThan(0);
    expect(compareDecimal("-2", "-10")).toBeGreaterThan(0);
    expect(compareDecimal("0.3", "0.29999999999999999")).toBeGreaterThan(0); // equal as binary floats
    expect(compareDecimal("", "0")).toBeGreaterThan(0);
  });

  it("the 类别, 加分/减分 and 否决 columns appear when the catalogue and results have them; names are escaped", () => {
    const withExtras: ScoreAnswer = {
      ...score,
      catalogue: {
        ...score.catalogue,
        bonuses: [{ id: "S1", name: "创新", rules: [] }],
        penalties: [{ id: "S2", name: "问责", rules: [] }],
      },
      results: score.results.map((r, i) =>
        i === 0 ? { ...r, unit: "<b>甲&乙</b>", bonus: "0.5", penalty: "1", vetoes: [{ rule: "安全事故", level: "fail", clause: "发生重大安全事故的" }] } : { ...r, bonus: "0", penalty: "0" },
      ),
      places: { ...score.places, rules: { 安全事故: score.places.indicators["1"]! } },
    };
    const html = rankingHtml(withExtras, { factsName: "a.csv" });
    const head = cellText(html.slice(html.indexOf("<thead>"), html.indexOf("</thead>"))).replace(/\n/g, "").replace(/↕/g, "|");
    expect(head).toBe("名次|单位|类别|总分62分|×令畅通16分|×风连×建设和反腐败工作25分|组织建设21分|加分|减分|等次|否决|");
    expect(html).not.toContain("<b>甲");
    expect(html).toContain("&#60;b&#62;甲&#38;乙&#60;/b&#62;");
    expect(rows(html)[0]!.slice(7)).toEqual(["0.5", "1", "优秀", "一票否决（安全事故）"]);
    expect(html).toContain('data-open="rule" data-key="安全事故"');
  });
});

describe("a unit's explanation", () => {
  it("every indicator with its score, every deduction and award with rule, clause, facts and computation (golden)", () => {
    const html = explanationHtml(explained);
    expectGolden(golden("results-explain-白水县.html"), html);
    expect(html).toContain('<a href="#" data-action="ranking">← 返回排名</a>');
    expect(html).toContain('<strong class="num total">48.00</strong>');
    expect(html).toContain("（舍入前 <span class=\"num\">47.995</span>）");
    // a deduction: amount, rule (a link to its definition), clause, facts, computation
    const entry = /<li class="entry deduct opens" data-open="rule" data-key="交办反馈">(.*?)<\/li>/s.exec(html)?.[1];
    expect(entry).toBeDefined();
    expect(cellText(entry!)).toBe("扣 1交办反馈未按要求在规定时间内反馈××、交办事项进展情况的，每件次扣0.5分事实：交办反馈 = 2计算：2件次 × 0.5 = 1");
    // every rule of the trace that moved the score is a link; the limit entry (no rule) is not
    const links = new Set([...html.matchAll(/data-open="rule" data-key="([^"]+)"/g)].map((m) => m[1]));
    expect(links).toEqual(new Set((explained.result.trace ?? []).flatMap((t) => (t.rule ? [t.rule] : []))));
    expect(html).toContain('<li class="entry limit"><span class="amount num">核减 0.05</span>');
    expect(html).toMatch(/data-open="indicator" data-key="1\.2"[^>]*>办×市×、市××主职××、交办事项<\/a><\/span><span class="score num part">3 \/ 4 分<\/span>/);
  });
});

describe("a catalogue with bonus and penalty sections and a veto", () => {
  it("the ranking has 加分, 减分 and 否决 columns; the explanation lists the sections and links the veto's rule", async () => {
    const small = path.join(dir, "small");
    mkdirSync(small);
    writeFileSync(
      path.join(small, "细则.kp"),
      [
        "细则 「小细则」",
        "指标 「会议」 4分 {",
        "  规则 「参会」 「未按要求参加会议的，每次扣0.5分」 每次 扣 0.5 上限 2",
        "}",
        "指标 「单项否决」 {",
        "  规则 「事故」 「发生安全事故的，一票否决」 一票否决",
        "}",
        "加分 「创新创优」 上限 2 {",
        "  规则 「省级表彰」 「工作获得省委、省政府表彰的，每项加0.5分」 每项 得 0.5",
        "}",
        "减分 「负面清单」 {",
        "  规则 「通报批评」 「工作被省级以上通报批评的，每次扣1分」 每次 扣 1",
        "}",
        "",
      ].join("\n"),
    );
    writeFileSync(path.join(small, "事实.csv"), "单位,参会,事故,省级表彰,通报批评\n甲县,1,否,2,0\n乙县,0,是,0,1\n");
    const uri = pathToFileURL(path.join(small, "细则.kp")).href;
    const facts = path.join(small, "事实.csv");
    const s = await client.request<({ ok: true } & ScoreAnswer) | { ok: false; message: string; details: string[] }>("kp/score", { uri, facts, levels: 1 });
    if (!s.ok) throw new Error(`${s.message}\n${s.details.join("\n")}`);
    const ranking = rankingHtml(s, { factsName: "事实.csv" });
    const head = cellText(ranking.slice(ranking.indexOf("<thead>"), ranking.indexOf("</thead>"))).replace(/\n/g, "").replace(/↕/g, "|");
    expect(head).toBe("名次|单位|总分|会议4分|单项否决0分|加分|减分|否决|");
    const byUnit = Object.fromEntries(rows(ranking).map((r) => [r[1], r]));
    expect(byUnit["甲县"]).toEqual(["1", "甲县", "4.5", "3.5", "0", "1", "0", ""]);
    expect(byUnit["乙县"]!.slice(5)).toEqual(["0", "1", "一票否决（事故）"]);
    expect(ranking).toContain('data-open="rule" data-key="事故"'); // the veto's rule opens in the editor
    const e = await client.request<({ ok: true } & ExplainAnswer) | { ok: false; message: string }>("kp/explain", { uri, facts, unit: "乙县" });
    if (!e.ok) throw new Error(e.message);
    const html = explanationHtml(e);
    expect(cellText(html)).toContain("否决一票否决——事故「发生安全事故的，一票否决」");
    expect(cellText(html)).toContain("加分「创新创优」上限 2 分");
    expect(cellText(html)).toContain("减分合计：1 分");
    expect(html).toMatch(/<li class="entry deduct opens" data-open="rule" data-key="通报批评">/);
    expect(html).toContain('data-open="indicator" data-key="S1"');
  });
});

describe("a catalogue with rules marked 待核 (an imported draft not yet checked)", () => {
  it("the ranking says once, above the table, how many rules are scored as written without being checked (golden)", async () => {
    const draft = path.join(dir, "draft");
    mkdirSync(draft);
    writeFileSync(
      path.join(draft, "草稿.kp"),
      [
        "细则 「导入的草稿」",
        "指标 「信息报送」 10分 {",
        "  规则 「未报送」 「未报送每次扣1分」 每次 扣 1",
        "  规则 「考勤」 「迟到一次扣0.5分，最多扣2分」 待核 每次 扣 0.5 上限 2",
        "  规则 「台账」 「台账不规范的扣1分」 待核 扣 1",
        "}",
        "",
      ].join("\n"),
    );
    writeFileSync(path.join(draft, "事实.csv"), "单位,未报送,考勤,台账\n甲,1,5,是\n乙,0,1,否\n");
    const s = await client.request<({ ok: true } & ScoreAnswer) | { ok: false; message: string; details: string[] }>("kp/score", { uri: pathToFileURL(path.join(draft, "草稿.kp")).href, facts: path.join(draft, "事实.csv"), levels: 1 });
    if (!s.ok) throw new Error(`${s.message}\n${s.details.join("\n")}`);
    const html = rankingHtml(s, { factsName: "事实.csv" });
    expectGolden(golden("results-ranking-review.html"), html);
    const notices = [...html.matchAll(/<p class="review" role="note">(.*?)<\/p>/g)].map((m) => cellText(m[1]!));
    expect(notices).toEqual(["细则中有 2 条规则待核（计分方式由导入自动识别，尚未核对），照所写的计分方式计分：请在「问题」面板中逐条对照条文核对，无误后删去「待核」"]);
    expect(html.indexOf('class="review"')).toBeLessThan(html.indexOf("<table"));
    expect(rows(html).map((r) => [r[1], r[2]])).toEqual([["乙", "9.5"], ["甲", "6"]]);
  });
});

describe("the page", () => {
  it("has a strict Content-Security-Policy: only the extension's style sheet and the script with the nonce", () => {
    const page = pageHtml({
      cspSource: "https://file+.vscode-resource.vscode-cdn.net",
      nonce: "abc123",
      scriptUri: "https://file+.vscode-resource.vscode-cdn.net/ext/media/results.js",
      styleUri: "https://file+.vscode-resource.vscode-cdn.net/ext/media/results.css",
      title: "计分结果：市对县保证目标考评细则",
      ranking: "<table></table>",
    });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1];
    expect(csp).toBe(
      "default-src &#39;none&#39;; style-src https://file+.vscode-resource.vscode-cdn.net; script-src &#39;nonce-abc123&#39;; img-src https://file+.vscode-resource.vscode-cdn.net; font-src https://file+.vscode-resource.vscode-cdn.net",
    );
    expect([...page.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual([
      '<script nonce="abc123" src="https://file+.vscode-resource.vscode-cdn.net/ext/media/results.js">',
    ]);
    expect(page).not.toMatch(/\son[a-z]+=/); // no inline handlers
    expect(page).not.toMatch(/https?:\/\/(?!file\+\.vscode-resource)/); // no remote content
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('<main id="explain-view" hidden>');
    const first = pageHtml({ cspSource: "x", nonce: "n", scriptUri: "s", styleUri: "c", title: "t", ranking: "R", explanation: "E" });
    expect(first).toContain('<main id="ranking-view" hidden>\nR');
    expect(first).toContain('<main id="explain-view">\nE');
  });

  it("shows a failure with its details; accepts only the messages it expects from the webview", () => {
    expect(errorHtml("事实文件「a.csv」有 1 处问题", ["a.csv:3:2 KP4003 <x>"])).toContain("<li>a.csv:3:2 KP4003 &#60;x&#62;</li>");
    expect(esc(`"'`)).toBe("&#34;&#39;");
    expect(isFromWebview({ type: "open", kind: "rule", key: "参会" })).toBe(true);
    expect(isFromWebview({ type: "open", kind: "file", key: "/etc/passwd" })).toBe(false);
    expect(isFromWebview({ type: "explain", unit: 3 })).toBe(false);
    expect(isFromWebview({ type: "rescore" })).toBe(true);
    expect(isFromWebview(null)).toBe(false);
  });
});
