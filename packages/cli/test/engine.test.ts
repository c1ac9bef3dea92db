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

/** Runs kp and compares the transcript, temporary and repository paths replaced, with a golden. */
function kpGolden(name: string, args: string[], dir: string): ReturnType<typeof kp> {
  const r = kp(args, { cwd: dir });
  const clean = (t: string) => t.split(dir).join("<临时目录>").split(repoRoot).join("<仓库>");
  golden(name, clean(transcript(args, r)));
  return r;
}

const rules = join(repoRoot, "rules");
const csv = join(repoRoot, "examples", "各县事实.csv");

describe("kp score --engine duckdb", () => {
  it("gives the JS engine's ranking, totals and grades on the shipped example", () => {
    const sql = kp(["score", rules, csv, "--engine", "duckdb", "--format", "json"], { cwd: repoRoot });
    expect(sql.stderr).toBe("");
    expect(sql.code).toBe(0);
    const js = kp(["score", rules, csv, "--format", "json"], { cwd: repoRoot });
    const a = JSON.parse(sql.stdout) as { unit: string; rank: number; grade: string; total: string; exactTotal: string }[];
    const b = JSON.parse(js.stdout) as { unit: string; rank: number; grade: string; total: string; exactTotal: string }[];
    expect(a.map((r) => [r.unit, r.rank, r.grade, r.total, r.exactTotal])).toEqual(b.map((r) => [r.unit, r.rank, r.grade, r.total, r.exactTotal]));
  }, 120_000);

  it("writes CSV atomically with -o", () => {
    const dir = tempDir();
    const out = join(dir, "结果.csv");
    const r = kp(["score", rules, csv, "--engine", "duckdb", "-o", out], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("DuckDB 计分");
    const text = readFileSync(out, "utf8");
    expect(text.startsWith("\uFEFF名次,单位,等次,总分")).toBe(true);
    expect(text.split("\r\n")[1]).toMatch(/^1,××区,优秀,49\.93,49\.928,/);
  }, 120_000);

  it("a missing column, a cell that is not a number, an unreadable file: KP8011, KP8010, KP8012; nothing written", () => {
    const dir = tempDir();
    const lines = readFileSync(csv, "utf8").split(/\r?\n/);
    const header = lines[0]!.split(",");
    const k = header.indexOf("参会");
    const drop = (l: string) => l.split(",").filter((_, i) => i !== k).join(",");
    writeFileSync(join(dir, "缺列.csv"), lines.map(drop).join("\n"));
    writeFileSync(join(dir, "错值.csv"), lines.map((l, i) => (i === 1 ? l.replace("100%", "全部") : l)).join("\n"));
    writeFileSync(join(dir, "坏.parquet"), "not a parquet file");
    const out = join(dir, "out.json");
    const missing = kpGolden("engine-missing-column.txt", ["score", rules, "缺列.csv", "--engine", "duckdb", "-o", "out.json"], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("KP8011");
    expect(missing.stderr).toContain("「参会」");
    const bad = kpGolden("engine-bad-cell.txt", ["score", rules, "错值.csv", "--engine", "duckdb", "-o", "out.json"], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("KP8010");
    expect(bad.stderr).toContain("单位「青山县」的「信息完成率」的值「全部」");
    const unreadable = kp(["score", rules, "坏.parquet", "--engine", "duckdb", "-o", "out.json"], { cwd: dir });
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr).toMatch(/^KP8012 DuckDB 读不了事实文件/);
    expect(existsSync(out)).toBe(false);
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
