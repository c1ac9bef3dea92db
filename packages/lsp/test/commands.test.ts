import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { MAX_FACTS_BYTES } from "@kaoping/core";
import { afterAll, describe, expect, it } from "vitest";
import { compileTo, explain, readFacts, score, unitsOf } from "../src/service/commands.js";
import { nodeFileSystem } from "../src/service/files.js";
import { Project } from "../src/service/project.js";
import { expectGolden, repoRoot, rulesDir, workspace } from "./helpers.js";

const facts = path.join(repoRoot, "examples/各县事实.json");
const expected = JSON.parse(readFileSync(path.join(repoRoot, "examples/expected.json"), "utf8")) as {
  unit: string;
  total: string;
  rank: number;
  grade: string;
}[];
const tmp = mkdtempSync(path.join(os.tmpdir(), "kp-lsp-commands-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const rules = () => new Project(nodeFileSystem, { folders: [rulesDir] }).catalogueOf(path.join(rulesDir, "02-×风连×建设和反腐败工作.kp"));

describe("kp/compile", () => {
  it("compiles the catalogue of a file (not just the file) into a folder", async () => {
    const out = path.join(tmp, "out");
    const r = compileTo(rules(), out);
    expect(r).toEqual({ ok: true, files: [path.join(out, "细则.js"), path.join(out, "细则.d.ts"), path.join(out, "细则.schema.json")] });
    const mod = (await import(path.join(out, "细则.js"))) as { catalogue: { title: string; rules: unknown[] } };
    expect(mod.catalogue.title).toBe("市对县保证目标考评细则");
    expect(JSON.parse(readFileSync(path.join(out, "细则.schema.json"), "utf8")).required).toEqual(["units"]);
    expect(readFileSync(path.join(out, "细则.d.ts"), "utf8")).toContain('"参会"?: Count;');
  });

  it("refuses a catalogue with errors, listing them; writes nothing", () => {
    const w = workspace({ "细则.kp": "细则 「甲」\n指标 「乙」 4分 {\n  规则 「丙」 「丁」 每次 扣 0.5 适用 「未声明」\n}\n" });
    const out = path.join(tmp, "bad");
    const r = compileTo(w.project.catalogueOf(w.path("细则.kp")), out);
    expect(r).toEqual({
      ok: false,
      message: "细则有 1 处错误，请先改正",
      details: ["细则.kp:3:26 KP2001 未声明的类别「未声明」：请先在根文件中用「类别」声明"],
    });
    expect(existsSync(out)).toBe(false);
  });

  it("refuses a fragment", () => {
    const w = workspace({ "a.kp": "指标 「乙」 4分 {\n}\n" });
    expect(compileTo(w.project.catalogueOf(w.path("a.kp")), tmp)).toMatchObject({
      ok: false,
      message: "「a.kp」不属于任何细则：没有写有「细则」标题的根文件引入它",
    });
  });
});

describe("kp/score and kp/explain", () => {
  it("scores examples/各县事实.json exactly as the hand computation in examples/expected.json", () => {
    const r = score(rules(), facts);
    if (!r.ok) throw new Error(r.message + "\n" + r.details.join("\n"));
    expect(r.results.map((u) => [u.unit, u.total, u.rank, u.grade])).toEqual(expected.map((u) => [u.unit, u.total, u.rank, u.grade]));
    expect(r.text.split("\n").slice(0, 5)).toEqual([
      "细则「市对县保证目标考评细则」计分结果",
      `事实文件：${facts}（11 个单位）`,
      "",
      expect.stringMatching(/^名次\s+单位\s+总分\s+等次\s+否决$/),
      expect.stringMatching(/^-+\s+-+/),
    ]);
  });

  it("lists the units of a facts file", () => {
    const r = unitsOf(facts);
    expect(r.ok && r.units.length).toBe(11);
    expect(r.ok && r.units).toContain("××区");
  });

  it("explains one unit: total, rank, grade, each indicator, each deduction with its clause (golden)", () => {
    const r = explain(rules(), facts, "××区");
    if (!r.ok) throw new Error(r.message);
    expect(r.text.split("\n")[1]).toBe("总分 49.93（精确值 49.928），第 1 名 / 共 11 个单位，等次「优秀」");
    expectGolden("golden/explain-××区.txt", r.text);
  });

  it("reports facts problems with their codes, and unknown units", () => {
    const bad = path.join(tmp, "bad.json");
    writeFileSync(bad, JSON.stringify({ units: [{ name: "甲", classes: ["乡镇"], facts: { 参会: -1 } }] }));
    const r = score(rules(), bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/^事实文件「bad.json」有 \d+ 处问题$/);
    expect(r.details).toContain("KP4007 单位「甲」的类别「乡镇」未在细则中声明");
    expect(explain(rules(), facts, "不存在")).toEqual({ ok: false, message: "事实文件中没有单位「不存在」", details: [] });
  });

  it("reads JSON only, with clear messages", () => {
    const notJson = path.join(tmp, "x.json");
    writeFileSync(notJson, "{ units: ");
    expect(readFacts(notJson)).toMatchObject({ ok: false, message: expect.stringMatching(/^KP4013 事实文件不是有效的 JSON：/) });
    writeFileSync(notJson, '{"x": 1}');
    expect(readFacts(notJson)).toMatchObject({ ok: false, message: expect.stringMatching(/^KP4020 事实文件的结构不对/) });
    expect(readFacts(path.join(repoRoot, "examples/各县事实.csv"))).toMatchObject({
      ok: false,
      message: "编辑器中暂只支持 .json 事实文件；「各县事实.csv」请用命令行 kp score 计分",
    });
    expect(readFacts(path.join(tmp, "missing.json"))).toMatchObject({ ok: false, message: expect.stringMatching(/^无法读取事实文件/) });
    // A bare list of units is accepted too.
    writeFileSync(notJson, '[{"name": "甲", "facts": {}}]');
    expect(readFacts(notJson)).toEqual({ ok: true, units: [{ name: "甲", facts: {} }] });
  });
});

describe("facts files that cannot be read", () => {
  it("a FIFO, a device, a directory, a missing or too large file: refused at once with the CLI's codes", () => {
    const fifo = path.join(tmp, "管道.json");
    execFileSync("mkfifo", [fifo]); // no writer: reading it would block the server
    const big = path.join(tmp, "大.json");
    writeFileSync(big, "");
    truncateSync(big, MAX_FACTS_BYTES + 1); // sparse: refused by its size, never read
    const message = (f: string) => {
      const r = readFacts(f);
      return r.ok ? "ok" : r.message;
    };
    expect(message(fifo)).toBe(`无法读取事实文件「${fifo}」：KP0011 这不是普通文件，而是命名管道（FIFO）：kaoping 只读取普通文件`);
    expect(message(tmp + "/目录.json")).toContain("KP0001 找不到这个文件");
    const dir = path.join(tmp, "目录.json");
    mkdirSync(dir);
    expect(message(dir)).toContain("KP0002 这是一个目录");
    expect(message(big)).toContain("KP0012 文件太大（268,435,457 字节），超过上限 256 MiB");
  });
});
