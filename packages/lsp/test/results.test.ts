/**
 * The structured answers of `kp/score` and `kp/explain` that the editor's results view renders
 * (issue 12 §4): the catalogue's columns, the results, and where each rule, indicator and section
 * is written — through the stdio client, as the VS Code extension receives them.  The text outcome
 * stays for other clients (Neovim).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Location } from "vscode-languageserver-protocol/node";
import type { CatalogueMeta, UnitResult } from "@kaoping/core";
import { TextDocument } from "vscode-languageserver-textdocument";
import { repoRoot, rulesDir } from "./helpers.js";
import { LspClient, serverMain } from "./lsp-client.js";

interface Places {
  rules: Record<string, Location>;
  indicators: Record<string, Location>;
}
interface ScoreAnswer {
  ok: true;
  title: string;
  text: string;
  results: UnitResult[];
  catalogue: CatalogueMeta;
  places: Places;
  notes: string[];
  review?: { count: number; message: string };
}
interface ExplainAnswer {
  ok: true;
  text: string;
  result: UnitResult;
  count: number;
  catalogue: CatalogueMeta;
  places: Places;
  inputs: Record<string, unknown>;
}

const F1 = "01-×令畅通.kp";
const csv = path.join(repoRoot, "examples/各县事实.csv");
const expected = JSON.parse(readFileSync(path.join(repoRoot, "examples/expected.json"), "utf8")) as { unit: string; total: string; rank: number }[];
let dir: string;
let client: LspClient;
const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;

/** The text a location covers, read from the file on disk. */
function textAt(loc: Location): string {
  const file = decodeURIComponent(new URL(loc.uri).pathname);
  const doc = TextDocument.create(loc.uri, "kp", 0, readFileSync(file, "utf8"));
  return doc.getText(loc.range);
}

beforeAll(async () => {
  if (!existsSync(serverMain)) throw new Error(`${serverMain} is missing: run \`pnpm --filter @kaoping/lsp build\` first`);
  dir = mkdtempSync(path.join(os.tmpdir(), "kp-lsp-results-"));
  for (const f of readdirSync(rulesDir)) cpSync(path.join(rulesDir, f), path.join(dir, f));
  client = LspClient.start();
  await client.initialize(pathToFileURL(dir).href);
});
afterAll(async () => {
  await client?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("kp/score and kp/explain answer what the results view needs", () => {
  it("kp/score: the results, the catalogue's columns and where each indicator is written (CSV facts)", async () => {
    const r = await client.request<ScoreAnswer>("kp/score", { uri: uri(F1), facts: csv });
    expect(r.ok, JSON.stringify(r).slice(0, 400)).toBe(true);
    expect(r.results.map((u) => [u.unit, u.total, u.rank])).toEqual(expected.map((u) => [u.unit, u.total, u.rank]));
    expect(r.catalogue.indicators.map((i) => `${i.id} ${i.name} ${i.points}`)).toEqual(["1 ×令畅通 16", "2 ×风连×建设和反腐败工作 25", "3 组织建设 21"]);
    expect(r.catalogue.grades).toEqual(["优秀", "良好", "合格", "不合格"]);
    // every indicator, at every level, has its place: the name inside 「」 in its own file
    const ids: string[] = [];
    const walk = (list: CatalogueMeta["indicators"]) => list.forEach((i) => (ids.push(i.id), walk(i.children)));
    walk(r.catalogue.indicators);
    expect(Object.keys(r.places.indicators).sort()).toEqual(ids.sort());
    expect(r.places.indicators["1"]!.uri).toBe(uri(F1));
    expect(textAt(r.places.indicators["1"]!)).toBe("×令畅通");
    expect(textAt(r.places.indicators["1.4"]!)).toBe("信息工作");
    expect(textAt(r.places.indicators["3"]!)).toBe("组织建设");
    // no vetoes in the example: no rule places in the ranking's answer
    expect(r.places.rules).toEqual({});
    // the text outcome is kept for clients that show text (Neovim)
    expect(r.text.split("\n")[0]).toBe("细则「市对县保证目标考评细则」计分结果");
    // no rule is marked 待核: nothing said of it
    expect(r.review).toBeUndefined();
    expect(r.text).not.toContain("待核");
  });

  it("kp/score with levels: 1 keeps the first-level indicators only (what a ranking shows; less to send)", async () => {
    const all = await client.request<ScoreAnswer>("kp/score", { uri: uri(F1), facts: csv });
    const top = await client.request<ScoreAnswer>("kp/score", { uri: uri(F1), facts: csv, levels: 1 });
    expect(all.results[0]!.indicators![0]!.children.length).toBeGreaterThan(0);
    for (const u of top.results) for (const i of u.indicators!) expect(i.children).toEqual([]);
    expect(top.results.map((u) => u.indicators!.map((i) => i.score))).toEqual(all.results.map((u) => u.indicators!.map((i) => i.score)));
    expect(JSON.stringify(top).length).toBeLessThan(JSON.stringify(all).length / 2);
  });

  it("kp/explain: the unit's trace, its facts as read, and where every rule of the trace is written", async () => {
    const r = await client.request<ExplainAnswer>("kp/explain", { uri: uri("细则.kp"), facts: csv, unit: "白水县" });
    expect(r.ok, JSON.stringify(r).slice(0, 400)).toBe(true);
    expect([r.result.unit, r.result.total, r.result.rank, r.count]).toEqual(["白水县", "48.00", 6, 11]);
    const named = new Set((r.result.trace ?? []).flatMap((t) => (t.rule ? [t.rule] : [])));
    expect(named.size).toBeGreaterThan(10);
    expect(Object.keys(r.places.rules).sort()).toEqual([...named].sort());
    for (const [name, loc] of Object.entries(r.places.rules)) expect(textAt(loc), name).toBe(name);
    const fb = r.places.rules["交办反馈"]!;
    expect(fb.uri).toBe(uri(F1));
    const line = readFileSync(path.join(dir, F1), "utf8").split("\n")[fb.range.start.line]!;
    expect(line).toMatch(/^\s*规则 「交办反馈」/);
    expect(r.inputs).toMatchObject({ 交办反馈: "2", 信息完成率: "75%" });
    expect(Object.keys(r.inputs).length).toBeLessThan(Object.keys(r.result.trace!).length + 5); // only the facts the trace names
    expect(r.text).toContain("单位「白水县」");
  });

  it("a unit the facts file does not have: a Chinese message, no places", async () => {
    const r = await client.request<{ ok: boolean; message: string }>("kp/explain", { uri: uri(F1), facts: csv, unit: "不存在县" });
    expect(r).toEqual({ ok: false, message: "事实文件中没有单位「不存在县」", details: [] });
  });
});

/** An imported draft: two of its three rules marked 待核 (a scoring kp import wrote, not yet checked). */
const DRAFT = `细则 「导入的草稿」
对象 「单位」
总分 10分

指标 「信息报送」 10分 {
  规则 「未报送」 「未报送每次扣1分」 每次 扣 1
  规则 「考勤」 「迟到一次扣0.5分，最多扣2分」 待核 每次 扣 0.5 上限 2
  规则 「台账」 「台账不规范的扣1分」 待核 扣 1
}
`;
const REVIEW_LINE = "细则中有 2 条规则待核（计分方式由导入自动识别，尚未核对），照所写的计分方式计分：请在「问题」面板中逐条对照条文核对，无误后删去「待核」";

describe("rules marked 待核: compiled and scored as written, and the answer says how many (as kp score's KP2124)", () => {
  let draft: string;
  beforeAll(() => {
    draft = path.join(dir, "草稿");
    mkdirSync(draft);
    writeFileSync(path.join(draft, "待核.kp"), DRAFT);
    writeFileSync(path.join(draft, "已核.kp"), DRAFT.replace(/ 待核/g, ""));
    writeFileSync(path.join(draft, "facts.csv"), "单位,未报送,考勤,台账\n甲,1,5,是\n乙,0,1,否\n");
  });
  const at = (name: string) => pathToFileURL(path.join(draft, name)).href;

  it("kp/score: the same results as the checked catalogue, with the count and its sentence (and the sentence in the text)", async () => {
    const facts = path.join(draft, "facts.csv");
    const r = await client.request<ScoreAnswer>("kp/score", { uri: at("待核.kp"), facts, levels: 1 });
    const plain = await client.request<ScoreAnswer>("kp/score", { uri: at("已核.kp"), facts, levels: 1 });
    expect([r.ok, plain.ok]).toEqual([true, true]);
    expect(r.results).toEqual(plain.results);
    expect(r.results.map((u) => [u.unit, u.total])).toEqual([["乙", "9.5"], ["甲", "6"]]);
    expect(r.review).toEqual({ count: 2, message: REVIEW_LINE });
    expect(plain.review).toBeUndefined();
    expect(r.text.split("\n").slice(0, 3)).toEqual(["细则「导入的草稿」计分结果", `事实文件：${facts}（2 个单位）`, REVIEW_LINE]);
  });

  it("kp/compile: the files written, with the same count and sentence", async () => {
    const out = path.join(draft, "out");
    const r = await client.request<{ ok: true; files: string[]; review?: { count: number; message: string } }>("kp/compile", { uri: at("待核.kp"), outDir: out });
    expect(r).toEqual({ ok: true, files: ["待核.mjs", "待核.d.mts", "待核.facts.schema.json"].map((f) => path.join(out, f)), review: { count: 2, message: REVIEW_LINE } });
    const plain = await client.request<{ ok: true; files: string[]; review?: unknown }>("kp/compile", { uri: at("已核.kp"), outDir: out });
    expect(plain.ok).toBe(true);
    expect(plain.review).toBeUndefined();
  });
});
