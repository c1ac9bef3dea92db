import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { MAX_FACTS_BYTES } from "@kaoping/core";
import { afterAll, describe, expect, it } from "vitest";
import { compileTo, explain, loadCompiled, readFacts, score, unitsOf } from "../src/service/commands.js";
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
    expect(r).toEqual({ ok: true, files: [path.join(out, "细则.mjs"), path.join(out, "细则.d.mts"), path.join(out, "细则.facts.schema.json")] });
    const mod = (await import(path.join(out, "细则.mjs"))) as { catalogue: { title: string; rules: unknown[] } };
    expect(mod.catalogue.title).toBe("市对县保证目标考评细则");
    expect(JSON.parse(readFileSync(path.join(out, "细则.facts.schema.json"), "utf8")).required).toEqual(["units"]);
    expect(readFileSync(path.join(out, "细则.d.mts"), "utf8")).toContain('"参会"?: Count;');
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
  it("scores examples/各县事实.json exactly as the hand computation in examples/expected.json", async () => {
    const r = await score(rules(), facts);
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

  it("lists the units of a facts file", async () => {
    const r = await unitsOf(facts);
    expect(r.ok && r.units.length).toBe(11);
    expect(r.ok && r.units).toContain("××区");
  });

  it("explains one unit: total, rank, grade, each indicator, each deduction with its clause (golden)", async () => {
    const r = await explain(rules(), facts, "××区");
    if (!r.ok) throw new Error(r.message);
    expect(r.text.split("\n")[1]).toBe("总分 49.93（精确值 49.928），第 1 名 / 共 11 个单位，等次「优秀」");
    expectGolden("golden/explain-××区.txt", r.text);
  });

  it("explains unit after unit of one file from one traced scoring; a file changed at the same size and time is scored again", async () => {
    const state = rules();
    const mod = loadCompiled(state);
    const scoreAll = mod.scoreAll;
    let runs = 0;
    mod.scoreAll = (units, options) => {
      runs++;
      return scoreAll(units, options);
    };
    const copy = path.join(tmp, "explain-cache.json");
    const text = readFileSync(facts, "utf8");
    writeFileSync(copy, text);
    const first = await explain(state, copy, "××区");
    const second = await explain(state, copy, "青山县");
    expect(first.ok && second.ok && [first.result.unit, second.result.unit]).toEqual(["××区", "青山县"]);
    expect(runs).toBe(1);
    // One digit of one fact changed; same length, same modification time.
    const { mtime } = statSync(copy);
    const changed = text.replace(/"参会": (\d)/, (_m, d: string) => `"参会": ${(Number(d) + 1) % 10}`);
    expect(changed).not.toBe(text);
    expect(changed.length).toBe(text.length);
    writeFileSync(copy, changed);
    utimesSync(copy, mtime, mtime);
    await explain(state, copy, "××区");
    expect(runs).toBe(2);
    // Plain scoring (the ranking) is never served from the traced cache.
    await score(state, copy);
    expect(runs).toBe(3);
  });

  it("reports facts problems with their codes and places, and unknown units", async () => {
    const bad = path.join(tmp, "bad.json");
    writeFileSync(bad, JSON.stringify({ units: [{ name: "甲", classes: ["乡镇"], facts: { 参会: -1 } }] }));
    const r = await score(rules(), bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/^事实文件「bad.json」有 \d+ 处问题$/);
    expect(r.details).toContainEqual(expect.stringMatching(/^bad\.json:1:\d+ KP4007 单位「甲」的类别「乡镇」未在细则中声明$/));
    expect(await explain(rules(), facts, "不存在")).toEqual({ ok: false, message: "事实文件中没有单位「不存在」", details: [] });
  });

  it("reads JSON with the CLI's reader: syntax errors and a wrong shape at their place", async () => {
    const mod = loadCompiled(rules());
    const notJson = path.join(tmp, "x.json");
    writeFileSync(notJson, "{ units: ");
    expect(await readFacts(notJson, mod)).toMatchObject({ ok: false, message: "事实文件「x.json」有 1 处问题", details: [expect.stringMatching(/^x\.json:1:3 KP4013 事实文件不是有效的 JSON：/)] });
    writeFileSync(notJson, '{"x": 1}');
    expect(await readFacts(notJson, mod)).toMatchObject({ ok: false, details: [expect.stringMatching(/KP4020 事实文件的结构不对/)] });
    expect(await readFacts(path.join(tmp, "missing.json"), mod)).toMatchObject({ ok: false, message: expect.stringMatching(/^无法读取事实文件「.*missing\.json」：KP0001 找不到这个文件/) });
    // A bare list of units is accepted too.
    writeFileSync(notJson, JSON.stringify((JSON.parse(readFileSync(facts, "utf8")) as { units: unknown[] }).units));
    const bare = await readFacts(notJson, mod);
    expect(bare.ok && bare.units.map((u) => u.name)).toContain("××区");
  });
});

describe("one facts reader for the CLI and the editor (@kaoping/facts)", () => {
  /** Runs the built CLI on the same facts, for its message lines. */
  const cli = (file: string): string => {
    try {
      execFileSync(process.execPath, [path.join(repoRoot, "packages/cli/dist/cli.js"), "score", rulesDir, file], { encoding: "utf8", stdio: "pipe", env: { ...process.env, NO_COLOR: "1" } });
      return "";
    } catch (e) {
      return (e as { stderr: string }).stderr;
    }
  };
  const json = readFileSync(facts, "utf8");

  it("refuses 2.0000000000000001 as a count (KP4010, as kp score does; JSON.parse read it as 2)", async () => {
    const f = path.join(tmp, "精度.json");
    const text = json.replace('"参会": 1,', '"参会": 2.0000000000000001,');
    expect(text).not.toBe(json);
    writeFileSync(f, text);
    const r = await score(rules(), f);
    expect(r).toMatchObject({ ok: false, message: "事实文件「精度.json」有 1 处问题" });
    if (r.ok) return;
    expect(r.details).toEqual([expect.stringMatching(/^精度\.json:\d+:\d+ KP4010 「参会」的值「2\.0000000000000001」小数位数超过 6 位$/)]);
    // the same code and message as the command line, at the same place
    expect(cli(f)).toContain(r.details[0]!.replace(/^精度\.json:(\d+:\d+) /, "$1 错误 "));
  });

  it("refuses a duplicate key (KP4023 at the second, as kp score does; JSON.parse kept the last)", async () => {
    const f = path.join(tmp, "重复.json");
    const text = json.replace('"参会": 1,', '"参会": 1, "参会": 3,');
    expect(text).not.toBe(json);
    writeFileSync(f, text);
    const r = await score(rules(), f);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.details).toEqual([expect.stringMatching(/^重复\.json:\d+:\d+ KP4023 键「参会」重复出现/)]);
    expect(cli(f)).toContain(r.details[0]!.replace(/^重复\.json:(\d+:\d+) /, "$1 错误 "));
  });

  it("scores a CSV facts file in the editor, with the same ranking as its JSON twin", async () => {
    const csv = path.join(repoRoot, "examples/各县事实.csv");
    const r = await score(rules(), csv);
    if (!r.ok) throw new Error(r.message + "\n" + r.details.join("\n"));
    expect(r.results.map((u) => [u.unit, u.total, u.rank, u.grade])).toEqual(expected.map((u) => [u.unit, u.total, u.rank, u.grade]));
    const units = await unitsOf(csv);
    expect(units.ok && units.units).toContain("××区");
    const e = await explain(rules(), csv, "××区");
    expect(e.ok && e.text.split("\n")[1]).toBe("总分 49.93（精确值 49.928），第 1 名 / 共 11 个单位，等次「优秀」");
  });

  it("reads an Excel facts file (exceljs loaded on demand), and reports a CSV problem at its cell", async () => {
    // exceljs as @kaoping/facts has it (the language server itself never imports it up front)
    const ExcelJS = createRequire(path.join(repoRoot, "packages/facts/package.json"))("exceljs") as {
      Workbook: new () => { addWorksheet(name: string): { addRow(row: string[]): void }; xlsx: { writeFile(file: string): Promise<void> } };
    };
    const rows = readFileSync(path.join(repoRoot, "examples/各县事实.csv"), "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/).map((l) => l.split(","));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("事实");
    for (const row of rows) ws.addRow(row);
    const xlsx = path.join(tmp, "各县事实.xlsx");
    await wb.xlsx.writeFile(xlsx);
    const r = await score(rules(), xlsx);
    if (!r.ok) throw new Error(r.message + "\n" + r.details.join("\n"));
    expect(r.results.map((u) => [u.unit, u.total])).toEqual(expected.map((u) => [u.unit, u.total]));
    const bad = path.join(tmp, "多一列.csv");
    const lines = readFileSync(path.join(repoRoot, "examples/各县事实.csv"), "utf8").split(/\r?\n/);
    lines[2] += ",1";
    writeFileSync(bad, lines.join("\n"));
    const b = await score(rules(), bad);
    expect(b).toMatchObject({ ok: false, details: [expect.stringMatching(/^多一列\.csv:3:1 KP4022 第 3 行有 \d+ 个字段，表头有 \d+ 个/)] });
  });
});

describe("facts files that cannot be read", () => {
  it("a FIFO, a device, a directory, a missing or too large file: refused at once with the CLI's codes", async () => {
    const fifo = path.join(tmp, "管道.json");
    execFileSync("mkfifo", [fifo]); // no writer: reading it would block the server
    const big = path.join(tmp, "大.json");
    writeFileSync(big, "");
    truncateSync(big, MAX_FACTS_BYTES + 1); // sparse: refused by its size, never read
    const mod = loadCompiled(rules());
    const message = async (f: string) => {
      const r = await readFacts(f, mod);
      return r.ok ? "ok" : r.message;
    };
    expect(await message(fifo)).toBe(`无法读取事实文件「${fifo}」：KP0011 这不是普通文件，而是命名管道（FIFO）：kaoping 只读取普通文件`);
    expect(await message(tmp + "/目录.json")).toContain("KP0001 找不到这个文件");
    const dir = path.join(tmp, "目录.json");
    mkdirSync(dir);
    expect(await message(dir)).toContain("KP0002 这是一个目录");
    expect(await message(big)).toContain("KP0012 文件太大（268,435,457 字节），超过上限 256 MiB");
  });
});
