// Runs the built CLI (see helpers.ts: `pnpm test` builds first).
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prerequisite } from "../../../test/prerequisite.js";
import { cliPath, fixtures, golden, kp, kpGolden, tempDir, transcript } from "./helpers.js";

/** The facts of facts/ok.csv as an Excel workbook, with cells of every kind. */
async function writeXlsx(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("事实");
  const rows = readFileSync(join(fixtures, "facts", "ok.csv"), "utf8").trim().split("\n").map((l) => l.split(","));
  ws.addRow(rows[0]);
  for (const row of rows.slice(1)) {
    ws.addRow(
      row.map((cell, i) => {
        if (cell === "") return null;
        if (i >= 2 && /^\d+(\.\d+)?$/.test(cell)) return Number(cell);
        return cell;
      }),
    );
  }
  // 甲县: 信息完成率 as a percentage-formatted number, 参会 as a formula, 清退 as a boolean,
  // 评价得分 as a formula whose floating-point result Excel shows as 3.5.
  ws.getCell("E2").value = 0.875;
  ws.getCell("E2").numFmt = "0.0%";
  ws.getCell("C2").value = { formula: "1+1", result: 2 };
  ws.getCell("D2").value = true;
  ws.getCell("K2").value = { formula: "1.1+2.4", result: 1.1 + 2.4 };
  // 乙县: 满意度 as rich text.
  ws.getCell("L3").value = { richText: [{ text: "10" }, { text: "0" }] };
  await wb.xlsx.writeFile(path);
}

let xlsxDir: string;
beforeAll(async () => {
  xlsxDir = tempDir();
  await writeXlsx(join(xlsxDir, "facts.xlsx"));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("第一季度");
  ws.addRow(["单位", "类别", "参会", "评价", "满意度"]);
  ws.addRow(["甲县", "县区", -1, 3, 0.9]);
  ws.getCell("E2").numFmt = "0%";
  ws.addRow(["乙县", "县区", 1.5, 3, { formula: "1/0", result: { error: "#DIV/0!" } }]);
  await wb.xlsx.writeFile(join(xlsxDir, "errors.xlsx"));
});

describe("kp score", () => {
  it("ranks the units of a CSV file in a table", () => {
    const r = kpGolden("score/table.txt", ["score", "catalogue", "facts/ok.csv"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });

  it("prints CSV and JSON", () => {
    expect(kpGolden("score/csv.txt", ["score", "catalogue", "facts/ok.csv", "--format", "csv"]).code).toBe(0);
    const json = kpGolden("score/json.txt", ["score", "catalogue", "facts/ok.csv", "--format", "json"]);
    const results = JSON.parse(json.stdout) as { unit: string; total: string; rank: number }[];
    expect(results.map((u) => [u.rank, u.unit, u.total])).toEqual([
      [1, "甲县", "17.35"],
      [2, "丙园区", "15.75"],
      [3, "乙县", "14.90"],
      [4, "丁县", "12.45"],
    ]);
  });

  it("gives the same scores from CSV (wide and long), JSON, Excel, BOM + CRLF and GBK files", () => {
    const base = kp(["score", "catalogue", "facts/ok.csv", "--format", "json"]).stdout;
    for (const f of ["facts/long.csv", "facts/ok.json", "facts/bom-crlf.csv", join(xlsxDir, "facts.xlsx")]) {
      const r = kp(["score", "catalogue", f, "--format", "json"]);
      // The workbook's two formulas are read from their saved results, which is said once (KP4026).
      expect(r.stderr, f).toBe(f.endsWith(".xlsx") ? `${f} 提示 KP4026 有 2 个公式单元格使用了文件中保存的计算结果（第一个是 C2）\n\n` : "");
      expect(r.stdout, f).toBe(base);
    }
    const gbk = kpGolden("score/gbk.txt", ["score", "catalogue", "facts/gbk.csv", "--format", "json"]);
    expect(gbk.code).toBe(0);
    expect(gbk.stdout).toBe(base);
    expect(gbk.stderr).toContain("警告 KP4017");
  });

  it("writes -o files atomically, in the format of their extension", () => {
    const dir = tempDir();
    const csv = kp(["score", "catalogue", "facts/ok.csv", "-o", join(dir, "排名.csv")]);
    expect(csv.code).toBe(0);
    const text = readFileSync(join(dir, "排名.csv"), "utf8");
    expect(text.startsWith("\uFEFF名次,单位,总分,")).toBe(true);
    expect(text.slice(1)).toBe(kp(["score", "catalogue", "facts/ok.csv", "--format", "csv"]).stdout);
    expect(kp(["score", "catalogue", "facts/ok.csv", "-o", join(dir, "sub", "排名.json")]).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "sub", "排名.json"), "utf8"))).toHaveLength(4);
    expect(readdirSync(dir).sort()).toEqual(["sub", "排名.csv"]);
  });

  it("leaves no output file after a failed run, and keeps an existing one", () => {
    const dir = tempDir();
    const out = join(dir, "排名.csv");
    const r = kp(["score", "catalogue", "facts/counts.csv", "-o", out]);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    writeFileSync(out, "旧的排名\n");
    expect(kp(["score", "catalogue", "facts/rate.csv", "-o", out]).code).toBe(1);
    expect(readFileSync(out, "utf8")).toBe("旧的排名\n");
    expect(readdirSync(dir)).toEqual(["排名.csv"]);
  });

  it("reports an unwritable output as a usage error, leaving nothing behind", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "文件"), "");
    const r = kp(["score", "catalogue", "facts/ok.csv", "-o", join(dir, "文件", "排名.csv")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^错误：KP0017 无法写入「.*排名\.csv」：路径中有一段是文件，不是目录/m);
    expect(readdirSync(dir)).toEqual(["文件"]);
  });

  // `script` runs the command on a pseudo-terminal (util-linux); without it there is no terminal to
  // test: a visible skip, or a failure when CI is set.
  const hasScript = prerequisite("script (util-linux)", spawnSync("script", ["--version"], { encoding: "utf8" }).status === 0, "apt-get install util-linux");
  it.skipIf(!hasScript)("shows progress on a terminal for more than 2000 units", () => {
    const dir = tempDir();
    const rows = ["单位,类别,参会,评价得分,满意度"];
    for (let i = 0; i < 2500; i++) rows.push(`单位${i},县区,${i % 4},3,90`);
    writeFileSync(join(dir, "many.csv"), rows.join("\n") + "\n");
    const cmd = [process.execPath, cliPath, "score", join(fixtures, "catalogue"), join(dir, "many.csv"), "--format", "csv", "-o", join(dir, "out.csv")]
      .map((a) => `'${a}'`)
      .join(" ");
    const r = spawnSync("script", ["-qec", cmd, "/dev/null"], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/输出 \[[█░]+\] 100% \| 2501\/2501/);
    expect(readFileSync(join(dir, "out.csv"), "utf8").split("\n")).toHaveLength(2502);
    // Not on a pipe.
    expect(kp(["score", "catalogue", join(dir, "many.csv"), "--format", "csv"]).stderr).toBe("");
  });

  it("scores a large facts file (10 MB)", () => {
    const dir = tempDir();
    const header = "单位,类别,参会,清退,信息完成率,迟报,漏报,学习活动,评价得分,满意度,国家表彰,约谈";
    const lines = [header];
    let size = header.length;
    for (let i = 0; size < 10 * 1024 * 1024; i++) {
      const line = `单位${String(i).padStart(6, "0")},${i % 7 === 0 ? "园区" : "县区"},${i % 5},${i % 2 ? "是" : "否"},${(i % 1000) / 10}%,${i % 3},${i % 4},是,${(i % 40) / 10},${(i % 1000) / 10},${i % 3},${i % 2}`;
      lines.push(line);
      size += Buffer.byteLength(line) + 1;
    }
    writeFileSync(join(dir, "big.csv"), lines.join("\n") + "\n");
    const r = kp(["score", "catalogue", join(dir, "big.csv"), "--format", "csv"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(lines.length);
  }, 120_000);
});

describe("kp explain", () => {
  it("explains one unit: indicators, clauses, facts and computations", () => {
    const r = kpGolden("explain/乙县.txt", ["explain", "catalogue", "facts/ok.csv", "--unit", "乙县"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("参会「未按要求参加会议的，每次扣0.5分，最多扣2分」");
    expect(r.stdout).toContain("计算：6次 × 0.5 = 3，封顶 2");
  });

  it("explains a unit of a catalogue with bonus, cap group and class-specific rules", () => {
    expect(kpGolden("explain/丙园区.txt", ["explain", "catalogue", "facts/ok.json", "-u", "丙园区"]).code).toBe(0);
    expect(kpGolden("explain/甲县.txt", ["explain", "catalogue", "facts/long.csv", "-u", "甲县"]).code).toBe(0);
  });

  it("prints the module's result with its trace as JSON", () => {
    const r = kpGolden("explain/乙县.json.txt", ["explain", "catalogue", "facts/ok.csv", "--unit", "乙县", "--format", "json"]);
    const result = JSON.parse(r.stdout) as { unit: string; trace: { kind: string }[] };
    expect(result.unit).toBe("乙县");
    expect(new Set(result.trace.map((t) => t.kind))).toEqual(new Set(["deduct", "award", "veto", "limit"]));
  });

  it("lists the units when the unit is unknown, with the closest name", () => {
    const r = kpGolden("explain/unknown-unit.txt", ["explain", "catalogue", "facts/ok.csv", "--unit", "乙"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("是否想写「乙县」？");
  });

  it("explains the real catalogue", () => {
    const r = kp(["explain", "../../../../rules", "facts/rules.csv", "--unit", "丙园区"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("园区本项得分以「××区」得分为准");
  });
});

describe("facts from Excel", () => {
  it("reports problems at their cells", () => {
    const file = join(xlsxDir, "errors.xlsx");
    const r = kp(["score", "catalogue", file]);
    golden("facts/xlsx-errors.txt", transcript(["score", "catalogue", "<tmp>/errors.xlsx"], r).split(xlsxDir).join("<tmp>").split(relative(fixtures, xlsxDir)).join("<tmp>"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("工作表「第一季度」单元格 C2：-1");
  });
});
