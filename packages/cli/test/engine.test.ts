/**
 * `kp score --engine duckdb` and `kp compile --target sql`, run as a subprocess: the shipped example
 * scored in DuckDB equals the JS engine's results; bad input (a missing column, a cell that is not a
 * number, a file DuckDB cannot read) is a clear Chinese error with its code and no output file; a
 * construct once refused (KP8001) scores as in the JS engine.  Goldens: what the user sees.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { golden, kp, repoRoot, tempDir, transcript } from "./helpers.js";
import { analyzeOrThrow, memoryHost, rulesSources } from "../../../bench/src/catalogues.js";
import { generateUnits, unitsToCsv } from "../../../bench/src/gen-facts.js";

/** Runs kp and compares the transcript, temporary and repository paths replaced, with a golden. */
function kpGolden(name: string, args: string[], dir: string, env?: Record<string, string>): ReturnType<typeof kp> {
  const r = kp(args, { cwd: dir, ...(env ? { env } : {}) });
  const clean = (t: string) => t.split(dir).join("<临时目录>").split(repoRoot).join("<仓库>");
  golden(name, clean(transcript(args, r)));
  return r;
}

const rules = join(repoRoot, "rules");
const csv = join(repoRoot, "examples", "各县事实.csv");

/** Generated facts of rules/ (bench's generator, as figure 11 writes them): `units` units. */
function generatedFacts(file: string, units: number): void {
  const rulesSrc = rulesSources();
  const cat = analyzeOrThrow(rulesSrc.root, memoryHost(rulesSrc.files), "rules/").catalogue;
  writeFileSync(file, "\uFEFF" + unitsToCsv(cat, generateUnits(cat, units, 29)));
}

describe("kp score --engine duckdb", () => {
  it("writes byte for byte what the JS engine writes: csv, json and table, to stdout and with -o", () => {
    const dir = tempDir();
    for (const format of ["csv", "json", "table"]) {
      const sql = kp(["score", rules, csv, "--engine", "duckdb", "--format", format], { cwd: dir });
      expect(sql.stderr).toBe("");
      expect(sql.code).toBe(0);
      const js = kp(["score", rules, csv, "--engine", "js", "--format", format], { cwd: dir });
      expect(sql.stdout, format).toBe(js.stdout);
    }
    for (const name of ["结果.csv", "结果.json"]) {
      const r = kp(["score", rules, csv, "--engine", "duckdb", "-o", `duck-${name}`], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("DuckDB 计分");
      kp(["score", rules, csv, "-o", `js-${name}`], { cwd: dir });
      expect(readFileSync(join(dir, `duck-${name}`)).equals(readFileSync(join(dir, `js-${name}`))), name).toBe(true);
    }
    const text = readFileSync(join(dir, "duck-结果.csv"), "utf8");
    expect(text.startsWith("\uFEFF名次,单位,总分,×令畅通（16分）")).toBe(true);
    expect(text.split("\n")[1]).toBe("1,××区,49.93,15.5,24.328,10.1,优秀");
  }, 120_000);

  it("the same bytes on 3,000 generated units (CSV and JSON)", () => {
    const dir = tempDir();
    generatedFacts(join(dir, "事实.csv"), 3000);
    for (const out of ["a.csv", "a.json"]) {
      const duck = kp(["score", rules, "事实.csv", "--engine", "duckdb", "-o", `duck-${out}`], { cwd: dir });
      expect(duck.stderr).toBe("");
      expect(duck.stdout).toBe(`已写入 duck-${out}（3000 个单位，DuckDB 计分）\n`);
      expect(kp(["score", rules, "事实.csv", "-o", `js-${out}`], { cwd: dir }).code).toBe(0);
      expect(readFileSync(join(dir, `duck-${out}`)).equals(readFileSync(join(dir, `js-${out}`))), out).toBe(true);
    }
  }, 180_000);

  it("full-width digits and percent, spaces around values: read as the JS reader reads them", () => {
    const dir = tempDir();
    const lines = readFileSync(csv, "utf8").split(/\r?\n/);
    writeFileSync(join(dir, "全角.csv"), lines.map((l, i) => (i === 1 ? l.replace("92.35%", "９２．３５％").replace(",3.85,", ", 3.85 ,") : l)).join("\n"));
    const sql = kp(["score", rules, "全角.csv", "--engine", "duckdb", "--format", "csv"], { cwd: dir });
    expect(sql.stderr).toBe("");
    expect(sql.stdout).toBe(kp(["score", rules, "全角.csv", "--format", "csv"], { cwd: dir }).stdout);
  }, 120_000);

  it("facts the JS reader refuses (a bad cell, a repeated unit, an undeclared class, a value out of range): its report, at the cell; nothing written; a missing fact column as JS reads it", () => {
    const dir = tempDir();
    const lines = readFileSync(csv, "utf8").split(/\r?\n/);
    const header = lines[0]!.split(",");
    const k = header.indexOf("参会");
    const drop = (l: string) => l.split(",").filter((_, i) => i !== k).join(",");
    writeFileSync(join(dir, "缺列.csv"), lines.map(drop).join("\n"));
    writeFileSync(join(dir, "错值.csv"), lines.map((l, i) => (i === 1 ? l.replace("100%", "全部") : l)).join("\n"));
    writeFileSync(join(dir, "重复.csv"), [...lines.slice(0, 3), lines[2]!.replace(/^[^,]+/, "青山县"), ...lines.slice(3)].join("\n"));
    writeFileSync(join(dir, "类别.csv"), lines.map((l, i) => (i === 2 ? l.replace(",县区,", ",乡镇,") : l)).join("\n"));
    writeFileSync(join(dir, "超范围.csv"), lines.map((l, i) => (i === 1 ? l.replace("92.35%", "192.35%") : l)).join("\n"));
    writeFileSync(join(dir, "坏.parquet"), "not a parquet file");
    // a fact column missing: no unit gave that fact, as the JS reader reads it
    const missing = kp(["score", rules, "缺列.csv", "--engine", "duckdb", "--format", "json"], { cwd: dir });
    expect(missing.stderr).toBe("");
    expect(missing.stdout).toBe(kp(["score", rules, "缺列.csv", "--format", "json"], { cwd: dir }).stdout);
    for (const [name, code] of [["错值", "KP4004"], ["重复", "KP4006"], ["类别", "KP4007"], ["超范围", "KP4005"]] as const) {
      const duck = kpGolden(`engine-facts-${name}.txt`, ["score", rules, `${name}.csv`, "--engine", "duckdb", "-o", "out.json"], dir);
      expect(duck.code, name).toBe(1);
      expect(duck.stderr, name).toContain(code);
      // exactly the JS engine's report
      const js = kp(["score", rules, `${name}.csv`, "-o", "out.json"], { cwd: dir });
      expect(duck.stderr, name).toBe(js.stderr);
    }
    const unreadable = kp(["score", rules, "坏.parquet", "--engine", "duckdb", "-o", "out.json"], { cwd: dir });
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr).toMatch(/^KP8012 DuckDB 读不了事实文件/);
    expect(existsSync(join(dir, "out.json"))).toBe(false);
  }, 180_000);

  it("a file the JS reader does not stream (not UTF-8): KP8026, nothing written", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "gbk.csv"), Buffer.concat([Buffer.from("单位,参会\n", "utf8"), Buffer.from([0xc7, 0xe0, 0xc9, 0xbd, 0x2c, 0x31, 0x0a])]));
    const r = kpGolden("engine-not-streamed.txt", ["score", rules, "gbk.csv", "--engine", "duckdb", "-o", "out.csv"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("KP8026");
    expect(existsSync(join(dir, "out.csv"))).toBe(false);
  }, 120_000);
});

describe("kp score without --engine: DuckDB beyond the cross-over", () => {
  it("a file at least KP_DUCKDB_FROM_BYTES large is scored by DuckDB, said so, the same bytes; --engine js forces JS; a small file stays JS", () => {
    const dir = tempDir();
    const env = { KP_DUCKDB_FROM_BYTES: "1000" };
    const auto = kpGolden("engine-auto.txt", ["score", rules, csv, "-o", "auto.csv"], dir);
    void auto;
    const big = kp(["score", rules, csv, "-o", "big.csv"], { cwd: dir, env });
    expect(big.code).toBe(0);
    expect(big.stderr).toMatch(/^kp: 事实文件 .+，不小于 1000 字节，由 DuckDB 计分（--engine js 可改用 JS 引擎）\n$/);
    expect(big.stdout).toBe("已写入 big.csv（11 个单位，DuckDB 计分）\n");
    const forced = kp(["score", rules, csv, "-o", "js.csv", "--engine", "js"], { cwd: dir, env });
    expect(forced.stderr).toBe("");
    expect(forced.stdout).toBe("已写入 js.csv（11 个单位）\n");
    expect(readFileSync(join(dir, "big.csv")).equals(readFileSync(join(dir, "js.csv")))).toBe(true);
    // a table is not for large files: JS, as always
    const table = kp(["score", rules, csv], { cwd: dir, env });
    expect(table.stderr).toBe("");
  }, 120_000);

  it("facts with problems, or a file DuckDB cannot take, under the default: the JS engine's answer (KP8027 says so)", () => {
    const dir = tempDir();
    const env = { KP_DUCKDB_FROM_BYTES: "10" };
    const lines = readFileSync(csv, "utf8").split(/\r?\n/);
    writeFileSync(join(dir, "错值.csv"), lines.map((l, i) => (i === 1 ? l.replace("100%", "全部") : l)).join("\n"));
    const bad = kp(["score", rules, "错值.csv", "-o", "out.csv"], { cwd: dir, env });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("KP4004");
    expect(existsSync(join(dir, "out.csv"))).toBe(false);
    // JSON Lines of the nested form ({"name", "classes", "facts": {…}}): DuckDB finds no 「单位」 column
    const json = JSON.parse(readFileSync(join(repoRoot, "examples", "各县事实.json"), "utf8")) as { units: unknown[] };
    writeFileSync(join(dir, "嵌套.jsonl"), json.units.map((u) => JSON.stringify(u)).join("\n") + "\n");
    const fallback = kpGolden("engine-auto-fallback.txt", ["score", rules, "嵌套.jsonl", "-o", "out.csv"], dir, env);
    expect(fallback.code).toBe(0);
    expect(fallback.stderr).toContain("KP8027");
    expect(fallback.stdout).toBe("已写入 out.csv（11 个单位）\n");
  }, 120_000);
});

describe("kp compile --target sql", () => {
  it("writes the query and its parameters for each dialect; names only as parameters", () => {
    const dir = tempDir();
    for (const dialect of ["duckdb", "postgres"]) {
      const r = kp(["compile", rules, "-o", dir, "--target", "sql", "--dialect", dialect], { cwd: dir });
      expect(r.code).toBe(0);
      const sql = readFileSync(join(dir, `细则.${dialect}.sql`), "utf8");
      const params = JSON.parse(readFileSync(join(dir, `细则.${dialect}.params.json`), "utf8")) as string[];
      expect(params).toEqual(["县区", "园区", "××区", "优秀", "良好", "合格", "不合格"]);
      // outside comments, no user-written name appears in the query text
      const code = sql.split("\n").filter((l) => !l.trimStart().startsWith("--")).join("\n");
      for (const p of params) expect(code).not.toContain(`'${p}'`);
      expect(code).not.toContain("'××区'");
      expect(code).toContain(dialect === "duckdb" ? "HUGEINT" : "NUMERIC");
    }
  }, 120_000);

  it("a ranking by a computed score (once KP8001) is scored in DuckDB as by the JS engine", () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "细则.kp"),
      "细则 「测试」\n指标 「工作」 10 分 {\n  规则 「迟报」 「迟报一次扣1分」 每次 扣 1\n}\n指标 「评比」 3 分 {\n  规则 「名次」 「按工作得分排名」 按 「工作」 得分 排名 依次 得 3、2\n}\n",
    );
    writeFileSync(join(dir, "事实.csv"), "单位,迟报\n甲县,2\n乙县,0\n丙县,5\n丁县,1\n");
    const sql = kp(["score", "细则.kp", "事实.csv", "--engine", "duckdb", "--format", "json"], { cwd: dir });
    expect(sql.stderr).toBe("");
    expect(sql.code).toBe(0);
    const js = kp(["score", "细则.kp", "事实.csv", "--format", "json"], { cwd: dir });
    const pick = (t: string) => (JSON.parse(t) as { unit: string; rank: number; total: string }[]).map((u) => [u.unit, u.rank, u.total]);
    expect(pick(sql.stdout)).toEqual(pick(js.stdout));
    // 乙县 works best (10), ranks first in 评比 (3): 13; 丁县 9 + 2 = 11
    expect(pick(sql.stdout).slice(0, 2)).toEqual([["乙县", 1, "13"], ["丁县", 2, "11"]]);
  }, 60_000);
});
