/**
 * `kp score` on CSV facts streams (commands/score-stream.ts): the output must be byte-identical to
 * the whole-file path (KP_SCORE_WHOLE=1 forces it; KP_SCORE_TRACE=1 says on stderr that the stream
 * was taken), on the examples and on generated 10,000-unit files — ties, grades, vetoes (the 否决
 * column), bonus and penalty, a 参照 to a unit that comes after the units taking it.  Facts with
 * problems are reported exactly as before, and nothing is written.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeOrThrow, memoryHost, rulesSources } from "../../../bench/src/catalogues.js";
import { generateUnits, unitsToCsv } from "../../../bench/src/gen-facts.js";
import { fixtures, kp, repoRoot, tempDir } from "./helpers.js";

const STREAMED = "kp: 流式计分\n";
/** The stream's start, then why it read the file whole after all (KP_SCORE_TRACE=1), then the whole-file path's own words. */
function fellBack(stderr: string, whole: string): void {
  const m = /^kp: 流式计分\nkp: 整体读取（[^）\n]+）\n/.exec(stderr);
  expect(m, stderr).not.toBeNull();
  expect(stderr.slice(m![0].length)).toBe(whole);
}
const streamed = { KP_SCORE_TRACE: "1" };
const whole = { KP_SCORE_WHOLE: "1" };

let dir = "";
/** rules/ with 10,000 generated units (the bench's generator). */
let rulesCsv = "";
/** The test catalogue (grades, 一票否优, bonus, penalty, rounding to 2 places) with 10,000 units. */
let testCsv = "";
/** rules/ with 3,000 generated units as JSON Lines. */
let rulesJsonl = "";

beforeAll(() => {
  dir = tempDir("kp-stream-");
  const rules = rulesSources();
  const cat = analyzeOrThrow(rules.root, memoryHost(rules.files), "rules/").catalogue;
  rulesCsv = join(dir, "rules-10k.csv");
  writeFileSync(rulesCsv, "\uFEFF" + unitsToCsv(cat, generateUnits(cat, 10_000, 21)));
  rulesJsonl = join(dir, "rules-3k.jsonl");
  writeFileSync(rulesJsonl, generateUnits(cat, 3_000, 22).map((u) => JSON.stringify(u)).join("\n") + "\n");
  const header = "单位,类别,参会,清退,信息完成率,违纪.轻处分,违纪.重处分,迟报,漏报,学习活动,评价得分,满意度,安全事故,国家表彰,约谈";
  const rows = Array.from({ length: 10_000 }, (_, i) => {
    const v = (m: number) => (i * 7919 + m * 104729) % m;
    return [`单位${String(i).padStart(5, "0")}`, i % 3 === 0 ? "园区" : "县区", v(5), v(2) ? "是" : "否", `${50 + v(51)}%`, v(3), v(50) === 0 ? 1 : "", v(4), v(3), "是", `${v(4)}.${v(10)}`, `${80 + v(21)}`, v(97) === 0 ? "是" : "否", v(30) === 0 ? 2 : "", v(40) === 0 ? 1 : ""].join(",");
  });
  testCsv = join(dir, "test-10k.csv");
  writeFileSync(testCsv, [header, ...rows].join("\r\n") + "\r\n");
});

/** Runs `kp score` streamed and whole with the same arguments; both must succeed. */
function both(args: (out: string) => string[], ext: string): { s: string; w: string; stdout: string } {
  const s = kp(args(join(dir, `s${ext}`)), { cwd: repoRoot, env: streamed });
  const w = kp(args(join(dir, `w${ext}`)), { cwd: repoRoot, env: whole });
  expect(s.code, s.stderr).toBe(0);
  expect(w.code, w.stderr).toBe(0);
  expect(s.stderr).toBe(STREAMED);
  expect(w.stderr).toBe("");
  const read = (p: string, r: { stdout: string }) => (existsSync(p) ? readFileSync(p, "utf8") : r.stdout);
  return { s: read(join(dir, `s${ext}`), s), w: read(join(dir, `w${ext}`), w), stdout: s.stdout };
}

describe("kp score streams CSV facts", () => {
  it("gives the examples' results byte for byte (CSV and JSON, to a file and to stdout)", { timeout: 60_000 }, () => {
    const csv = join(repoRoot, "examples", "各县事实.csv");
    for (const format of ["csv", "json"]) {
      const toFile = both((out) => ["score", "rules", csv, "-o", out], "." + format);
      expect(toFile.s).toBe(toFile.w);
      expect(toFile.stdout).toMatch(/^已写入 .*s\.(csv|json)（11 个单位）\n$/);
      const toStdout = both(() => ["score", "rules", csv, "--format", format], ".none");
      expect(toStdout.s).toBe(toStdout.w);
    }
    // and the JSON is examples/expected.json's ranking (the contract of the examples)
    const json = kp(["score", "rules", csv, "--format", "json"], { cwd: repoRoot, env: streamed });
    const expected = JSON.parse(readFileSync(join(repoRoot, "examples", "expected.json"), "utf8")) as unknown;
    const got = JSON.parse(json.stdout) as { unit: string; total: string; rank: number }[];
    expect(JSON.stringify(expected)).toContain(`"${got[0]!.unit}"`);
    expect(got.map((r) => r.rank)).toEqual([...got.map((r) => r.rank)].sort((a, b) => a - b));
  });

  it("gives the same results on 10,000 generated units of rules/ (CSV and JSON)", { timeout: 300_000 }, () => {
    for (const ext of [".csv", ".json"]) {
      const r = both((out) => ["score", "rules", rulesCsv, "-o", out], ext);
      expect(r.s).toBe(r.w);
      expect(r.s.split("\n").length).toBeGreaterThan(10_000);
    }
  });

  it("… and on 10,000 units with ties, grades, vetoes, bonus and penalty", { timeout: 300_000 }, () => {
    const r = both((out) => ["score", join(fixtures, "catalogue"), testCsv, "-o", out], ".csv");
    expect(r.s).toBe(r.w);
    const lines = r.s.split("\n");
    expect(lines[0]).toBe("\uFEFF名次,单位,总分,会议与信息工作（10分）,组织建设（10分）,加分,减分,等次,否决");
    expect(lines.some((l) => l.endsWith(",一票否优（安全事故）"))).toBe(true);
    // ties share a rank
    const ranks = lines.slice(1, -1).map((l) => Number(l.split(",")[0]));
    expect(new Set(ranks).size).toBeLessThan(ranks.length);
    const j = both((out) => ["score", join(fixtures, "catalogue"), testCsv, "-o", out], ".json");
    expect(j.s).toBe(j.w);
  });

  it("scores units taking a 参照 to a unit that comes later in the file", () => {
    const lines = readFileSync(join(repoRoot, "examples", "各县事实.csv"), "utf8").split(/\r?\n/).filter((l) => l !== "");
    const referred = lines.findIndex((l) => l.startsWith("××区,"));
    expect(referred).toBeGreaterThan(0);
    const moved = [lines[0]!, ...lines.slice(1).filter((_, i) => i + 1 !== referred), lines[referred]!];
    const file = join(dir, "referred-last.csv");
    writeFileSync(file, moved.join("\n") + "\n");
    const r = both((out) => ["score", "rules", file, "-o", out], ".ref.csv");
    expect(r.s).toBe(r.w);
    expect(r.s).toContain("经开园区");
  });

  it("reports problems in the facts exactly as the whole-file path, and writes nothing", { timeout: 120_000 }, () => {
    const lines = readFileSync(testCsv, "utf8").split("\r\n");
    // a bad count far into the file, and a unit repeated (written in full width) in another batch
    lines[7000] = lines[7000]!.replace(/^([^,]*,[^,]*),[^,]*,/, "$1,很多,");
    lines[9000] = lines[9000]!.replace(/^[^,]*,/, "单位００００１,");
    const file = join(dir, "bad.csv");
    writeFileSync(file, lines.join("\r\n"));
    const out = join(dir, "bad-out");
    const s = kp(["score", join(fixtures, "catalogue"), file, "-o", out + ".csv"], { cwd: repoRoot, env: streamed });
    const w = kp(["score", join(fixtures, "catalogue"), file, "-o", out + ".csv"], { cwd: repoRoot, env: whole });
    expect(s.code).toBe(1);
    fellBack(s.stderr, w.stderr);
    expect(s.stderr).toContain("KP4003");
    expect(s.stderr).toContain("KP4006");
    expect(s.stdout).toBe("");
    expect(readdirSync(dir).filter((f) => f.startsWith("bad-out") || f.endsWith(".tmp"))).toEqual([]);
    // a name written in full width, 2,500 rows (many batches) after the same name: the only problem
    const dup = readFileSync(testCsv, "utf8").split("\r\n").slice(0, 3001);
    dup[2500] = dup[2500]!.replace(/^[^,]*,/, "单位０００００,");
    writeFileSync(file, dup.join("\r\n"));
    const ds = kp(["score", join(fixtures, "catalogue"), file, "-o", out + ".csv"], { cwd: repoRoot, env: streamed });
    const dw = kp(["score", join(fixtures, "catalogue"), file, "-o", out + ".csv"], { cwd: repoRoot, env: whole });
    expect(ds.code).toBe(1);
    fellBack(ds.stderr, dw.stderr);
    expect(ds.stderr).toContain("KP4006 单位「单位０００００」重复出现：与第 2 行的「单位00000」是同一个名称（写法不同）");
    expect(existsSync(out + ".csv")).toBe(false);
  });

  it("a problem in a file too large to read whole (over 256 MiB) is reported (KP4100), not just its size", { timeout: 120_000 }, () => {
    // 2,000 unique rows, the second one bad (found in the first batch), then padding to 257 MiB never read
    const head = readFileSync(testCsv, "utf8").split("\r\n").slice(0, 2001);
    head[2] = head[2]!.replace(/^([^,]*,[^,]*),[^,]*,/, "$1,很多,");
    const row = Buffer.from(head[1]!.replace(/^[^,]*/, "填充") + "\n");
    const file = join(dir, "huge.csv");
    const first = Buffer.from(head.join("\n") + "\n");
    const size = 257 * 1024 * 1024;
    const fill = Buffer.alloc(size - first.length - ((size - first.length) % row.length));
    for (let at = 0; at < fill.length; at += row.length) row.copy(fill, at);
    writeFileSync(file, Buffer.concat([first, fill]));
    const r = kp(["score", join(fixtures, "catalogue"), file, "-o", join(dir, "huge-out.csv")], { cwd: repoRoot });
    rmSync(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("KP4100 事实文件有问题：单位「单位00001」的「参会」的值「很多」应为非负整数（次数）。文件大于 256 MiB，不能整体读入以逐格列出全部问题：请改正后重新计分");
    expect(r.stderr).not.toContain("KP0012");
    expect(existsSync(join(dir, "huge-out.csv"))).toBe(false);
  });

  it("scores rules across units in two passes (ranking by a fact, proportion, average and median bases, 前 N% grades): the same bytes on 5,000 units", { timeout: 300_000 }, () => {
    const crossDir = tempDir("kp-stream-cross-");
    const pattern = (n: string) => readFileSync(join(repoRoot, "test", "patterns", n, "catalogue.kp"), "utf8");
    // pattern 13's catalogue (proportion, two rankings, grades by rank) with pattern 23's indicators (average, median)
    const p23 = pattern("23-linear-computed-base");
    writeFileSync(join(crossDir, "细则.kp"), pattern("13-cross-unit").replace("总分 6分\n", "") + "\n" + p23.slice(p23.indexOf("指标")));
    const rows = Array.from({ length: 5_000 }, (_, i) => {
      const v = (m: number) => (i * 7919 + m * 104729) % m;
      // many ties (few distinct values)
      return [`县${String(i).padStart(4, "0")}`, v(40), v(13) === 0 ? 95 : 50 + v(30), `0.${v(9)}`, `${v(12)}.${v(10)}%`, `${3 + v(6)}.${v(10)}`].join(",");
    });
    writeFileSync(join(crossDir, "事实.csv"), ["单位,到位资金,项目排名,事故率,收入增幅,办结天数", ...rows].join("\n") + "\n");
    for (const format of ["csv", "json"]) {
      const s = kp(["score", "细则.kp", "事实.csv", "-o", `s.${format}`], { cwd: crossDir, env: streamed });
      const w = kp(["score", "细则.kp", "事实.csv", "-o", `w.${format}`], { cwd: crossDir, env: whole });
      expect(s.code, s.stderr).toBe(0);
      expect(w.code, w.stderr).toBe(0);
      expect(s.stderr).toBe(STREAMED);
      const got = readFileSync(join(crossDir, `s.${format}`), "utf8");
      expect(got).toBe(readFileSync(join(crossDir, `w.${format}`), "utf8"));
      if (format === "csv") {
        const lines = got.split("\n");
        expect(lines.length).toBe(5_002);
        expect(lines[0]).toContain("等次");
        expect(new Set(lines.slice(1, -1).map((l) => l.split(",")[0])).size).toBeLessThan(5_000); // ties
      }
    }
    // a problem found in the first pass: reported as the whole-file path does, nothing written
    writeFileSync(join(crossDir, "坏.csv"), readFileSync(join(crossDir, "事实.csv"), "utf8").replace(/\n县0003,\d+,/, "\n县0003,很多,"));
    const bad = kp(["score", "细则.kp", "坏.csv", "-o", "bad.csv"], { cwd: crossDir, env: streamed });
    const badWhole = kp(["score", "细则.kp", "坏.csv", "-o", "bad.csv"], { cwd: crossDir, env: whole });
    expect(bad.code).toBe(1);
    fellBack(bad.stderr, badWhole.stderr);
    expect(bad.stderr).toContain("到位资金");
    expect(existsSync(join(crossDir, "bad.csv"))).toBe(false);
  });

  it("keeps the whole-file path for what it does not stream: the table, a ranking by a computed score", () => {
    const table = kp(["score", join(fixtures, "catalogue"), "facts/ok.csv"], { env: streamed });
    expect(table.code).toBe(0);
    expect(table.stderr).toBe("");
    const rankDir = join(repoRoot, "test", "patterns", "28-rank-by-score");
    const facts = JSON.parse(readFileSync(join(rankDir, "facts.json"), "utf8")) as { units: { name: string; facts: Record<string, unknown> }[] };
    const keys = [...new Set(facts.units.flatMap((u) => Object.keys(u.facts)))];
    const csvDir = tempDir("kp-stream-rank-");
    writeFileSync(join(csvDir, "事实.csv"), [["单位", ...keys].join(","), ...facts.units.map((u) => [u.name, ...keys.map((k) => String(u.facts[k] ?? ""))].join(","))].join("\n") + "\n");
    const s = kp(["score", join(rankDir, "catalogue.kp"), join(csvDir, "事实.csv"), "--format", "csv"], { cwd: csvDir, env: streamed });
    const w = kp(["score", join(rankDir, "catalogue.kp"), join(csvDir, "事实.csv"), "--format", "csv"], { cwd: csvDir, env: whole });
    expect(s.code, s.stderr).toBe(0);
    expect(s.stderr).toBe("");
    expect(s.stdout).toBe(w.stdout);
    expect(existsSync(join(fixtures, "facts", "ok.csv"))).toBe(true);
  });

  it("facts errors in many batches: reported from the rows with problems only, exactly as the whole-file path; a 参照 to a missing unit, a quote or a repeated name read the file whole", { timeout: 300_000 }, () => {
    const lines = readFileSync(rulesCsv, "utf8").split("\n");
    const header = lines[0]!.replace(/^\uFEFF/, "").split(",");
    const rate = header.indexOf("信息完成率");
    const count = header.indexOf("参会");
    expect(rate).toBeGreaterThan(0);
    const set = (row: number, column: number, value: string) => {
      const cells = lines[row]!.split(",");
      cells[column] = value;
      lines[row] = cells.join(",");
    };
    // five units with bad values, in batches far apart (one of them with two), the 参照's unit (××区) among the fine ones
    for (const row of [2, 1500, 5000, 7777, 9999]) set(row, rate, "四十九");
    set(5000, count, "很多");
    expect(lines[1]!.startsWith("××区,")).toBe(true);
    const file = join(dir, "bad-values.csv");
    const run = (text: string) => {
      writeFileSync(file, text);
      const s = kp(["score", "rules", file, "-o", join(dir, "bad-values-out.csv")], { cwd: repoRoot, env: streamed });
      const w = kp(["score", "rules", file, "-o", join(dir, "bad-values-out.csv")], { cwd: repoRoot, env: whole });
      expect(s.code).toBe(1);
      expect(w.code).toBe(1);
      expect(existsSync(join(dir, "bad-values-out.csv"))).toBe(false);
      return { s: s.stderr, w: w.stderr };
    };
    const some = run(lines.join("\n"));
    // the five units and the unit their 参照 names: the same words, cells, code frames and count
    const head = "kp: 流式计分\nkp: 整体读取（事实有误，只读有问题的行：6 个单位）\n";
    expect(some.s.startsWith(head), some.s).toBe(true);
    expect(some.s.slice(head.length)).toBe(some.w);
    expect(some.w).toContain(":10000:");
    expect(some.w).toContain("有 6 个错误，无法计分。");
    // the 参照's unit missing from the file: the whole file is read (KP4011 is not one row's problem)
    const noRef = run([lines[0]!, ...lines.slice(2)].join("\n"));
    fellBack(noRef.s, noRef.w);
    expect(noRef.s).not.toContain("只读有问题的行");
    // a quoted cell (rows are no longer lines), a name written twice: whole
    const quoted = lines.slice();
    quoted[3] = quoted[3]!.replace(/^([^,]*),/, '"$1",');
    const q = run(quoted.join("\n"));
    fellBack(q.s, q.w);
    expect(q.s).not.toContain("只读有问题的行");
    const twice = lines.slice();
    twice[8000] = twice[8000]!.replace(/^[^,]*,/, twice[20]!.split(",")[0]! + ",");
    const t = run(twice.join("\n"));
    fellBack(t.s, t.w);
    expect(t.s).not.toContain("只读有问题的行");
    expect(t.w).toContain("KP4006");
  });
});

/** An .xlsx file of a CSV's rows (numbers as numbers), and maybe a second sheet or merged cells. */
async function xlsxOf(csv: string, out: string, extra?: "说明" | "另一个" | "merge"): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("事实");
  for (const line of readFileSync(csv, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l !== "")) ws.addRow(line.split(",").map((v) => (/^\d+(\.\d+)?$/.test(v) ? Number(v) : v)));
  if (extra === "merge") ws.mergeCells("C3:C4");
  if (extra === "说明" || extra === "另一个") wb.addWorksheet(extra).addRow(["填写说明"]);
  await wb.xlsx.writeFile(out);
}

describe("kp score streams JSON Lines and .xlsx facts", () => {
  it("JSON Lines: the same bytes as the whole-file path on 3,000 units (CSV and JSON), and the same as the .json file", { timeout: 300_000 }, () => {
    for (const format of ["csv", "json"]) {
      const r = both((out) => ["score", "rules", rulesJsonl, "-o", out], "." + format);
      expect(r.s).toBe(r.w);
      expect(r.stdout).toMatch(/（3000 个单位）\n$/);
    }
    const json = join(dir, "rules-3k.json");
    writeFileSync(json, "[\n" + readFileSync(rulesJsonl, "utf8").trim().split("\n").join(",\n") + "\n]\n");
    const fromJson = kp(["score", "rules", json, "--format", "csv"], { cwd: repoRoot });
    const fromJsonl = kp(["score", "rules", rulesJsonl, "--format", "csv"], { cwd: repoRoot, env: streamed });
    expect(fromJsonl.stderr).toBe(STREAMED);
    expect(fromJsonl.stdout).toBe(fromJson.stdout);
  });

  it("JSON Lines: every problem reported at its line (a bad value, two units on a line, a unit broken over lines), nothing written", { timeout: 120_000 }, () => {
    const lines = readFileSync(rulesJsonl, "utf8").split("\n");
    lines[0] = "  " + lines[0]!.replace(/"name":"[^"]*"/, '"name":""'); // line 1: columns shift back
    lines[1500] = lines[1500]!.replace(/"参会":\d+/, '"参会":"很多"');
    lines[2000] = lines[2000]! + ' {"name":"多余"}';
    lines[2500] = lines[2500]!.slice(0, lines[2500]!.indexOf('"facts":{') + 9); // the rest of the unit is not on its line
    lines[2700] = lines[2700]!.slice(0, 20); // a string not closed
    const file = join(dir, "bad.jsonl");
    writeFileSync(file, lines.join("\n"));
    const out = join(dir, "bad-jsonl.csv");
    const s = kp(["score", "rules", file, "-o", out], { cwd: repoRoot, env: streamed });
    const w = kp(["score", "rules", file, "-o", out], { cwd: repoRoot, env: whole });
    expect(s.code).toBe(1);
    fellBack(s.stderr, w.stderr);
    expect(w.stderr).toMatch(/bad\.jsonl:1:11 错误 KP4001 第 1 个单位的 name 应为非空文本\n {2}1 \| {3}\{"name":""/); // line 1: the column in the file
    if (lines[1500]!.includes("很多")) expect(w.stderr).toMatch(/bad\.jsonl:1501:\d+ 错误 KP4003 「参会」的值「很多」/);
    expect(w.stderr).toMatch(/bad\.jsonl:2001:\d+ 错误 KP4101 JSON Lines 文件每行应恰好写一个单位：这一行在一个单位之后还有内容/);
    expect(w.stderr).toMatch(/bad\.jsonl:2501:\d+ 错误 KP4101 .*没有在行末写完/);
    expect(w.stderr).toMatch(/bad\.jsonl:2701:\d+ 错误 KP4013 事实文件不是有效的 JSON：字符串没有闭合/);
    expect(existsSync(out)).toBe(false);
  });

  it(".xlsx: the first sheet streamed row by row, the same bytes as the whole-file path (a template's 「说明」 sheet beside it)", { timeout: 300_000 }, async () => {
    const xlsx = join(dir, "test-10k.xlsx");
    await xlsxOf(testCsv, xlsx, "说明");
    for (const format of ["csv", "json"]) {
      const r = both((out) => ["score", join(fixtures, "catalogue"), xlsx, "-o", out], "." + format);
      expect(r.s).toBe(r.w);
      expect(r.stdout).toMatch(/（10000 个单位）\n$/);
    }
  });

  it(".xlsx: what reads otherwise whole (merged cells, a second sheet) or has problems is read whole, reported at its sheet and cell, nothing written", { timeout: 300_000 }, async () => {
    const small = join(dir, "small.csv");
    const rows = readFileSync(testCsv, "utf8").split("\r\n").slice(0, 401);
    writeFileSync(small, rows.join("\n") + "\n");
    for (const extra of ["merge", "另一个"] as const) {
      const xlsx = join(dir, `small-${extra}.xlsx`);
      await xlsxOf(small, xlsx, extra);
      const s = kp(["score", join(fixtures, "catalogue"), xlsx, "--format", "csv"], { cwd: repoRoot, env: streamed });
      const w = kp(["score", join(fixtures, "catalogue"), xlsx, "--format", "csv"], { cwd: repoRoot, env: whole });
      expect(s.stdout).toBe(w.stdout);
      fellBack(s.stderr, w.stderr);
      expect(s.stderr).toMatch(extra === "merge" ? /整体读取（有合并单元格）/ : /整体读取（不止一个工作表）/);
    }
    rows[300] = rows[300]!.replace(/^([^,]*,[^,]*),[^,]*,/, "$1,很多,");
    writeFileSync(small, rows.join("\n") + "\n");
    const bad = join(dir, "bad.xlsx");
    await xlsxOf(small, bad);
    const out = join(dir, "bad-xlsx.csv");
    const s = kp(["score", join(fixtures, "catalogue"), bad, "-o", out], { cwd: repoRoot, env: streamed });
    const w = kp(["score", join(fixtures, "catalogue"), bad, "-o", out], { cwd: repoRoot, env: whole });
    expect(s.code).toBe(1);
    fellBack(s.stderr, w.stderr);
    expect(w.stderr).toMatch(/工作表「事实」.*C301|C301.*很多|很多.*C301/s);
    expect(existsSync(out)).toBe(false);
  });
});
