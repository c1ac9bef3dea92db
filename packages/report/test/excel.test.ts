/**
 * 报告.xlsx as a user gets it: `kp report` run as a process, the workbook read back with exceljs and
 * its XML with jszip; every number compared as text with `kp score --format json` (also a process).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import type { IndicatorResult, UnitResult } from "@kaoping/core";
import { kp, tempDir } from "../../cli/test/helpers.js";
import { exampleFacts, repoRoot, rulesRoot } from "./fixture.js";

let scored: UnitResult[];
let wb: ExcelJS.Workbook;
let zip: JSZip;

/** An indicator and everything below it, depth first. */
function tree(ind: IndicatorResult): IndicatorResult[] {
  return [ind, ...ind.children.flatMap(tree)];
}

/** Every `<c r="…"><v>…</v>` of a sheet's XML: address → stored text. */
async function storedValues(sheetId: number, from: JSZip = zip): Promise<Map<string, string>> {
  const xml = await from.file(`xl/worksheets/sheet${sheetId}.xml`)!.async("string");
  return new Map([...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>(?:<f>[^<]*<\/f>)?<v>([^<]*)<\/v>)/g)].filter((m) => m[2] !== undefined).map((m) => [m[1]!, m[2]!]));
}

function isNumberCell(xmlOf: string, addr: string): boolean {
  const m = new RegExp(`<c r="${addr}"([^>]*)>`).exec(xmlOf);
  return m !== null && !/t="/.test(m[1]!);
}

beforeAll(async () => {
  const s = kp(["score", rulesRoot, exampleFacts, "--format", "json"]);
  expect(s.code).toBe(0);
  scored = JSON.parse(s.stdout) as UnitResult[];
  const out = join(tempDir("kp-report-"), "报告");
  const r = kp(["report", rulesRoot, exampleFacts, "-o", out]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const bytes = readFileSync(join(out, "报告.xlsx"));
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  zip = await JSZip.loadAsync(bytes);
}, 60_000);

describe("报告.xlsx", () => {
  it("has the ranking, one sheet per top-level indicator and the deductions, in that order", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["排名", "×令畅通", "×风连×建设和反腐败工作", "组织建设", "扣分明细"]);
  });

  it("ranking: every number is stored as exactly the text kp score --format json prints, as a number cell", async () => {
    const ws = wb.getWorksheet("排名")!;
    const header = (ws.getRow(2).values as unknown[]).slice(1).map(String);
    expect(header).toEqual(["名次", "单位", "类别", "总分（62分）", "×令畅通（16分）", "×风连×建设和反腐败工作（25分）", "组织建设（21分）", "等次"]);
    const stored = await storedValues(ws.id);
    const xml = await zip.file(`xl/worksheets/sheet${ws.id}.xml`)!.async("string");
    let compared = 0;
    scored.forEach((u, i) => {
      const row = i + 3;
      expect(ws.getCell(row, 2).value).toBe(u.unit);
      expect(ws.getCell(row, 8).value).toBe(u.grade);
      expect(stored.get(`A${row}`)).toBe(String(u.rank));
      const texts = [u.total, ...u.indicators!.map((ind) => ind.score)];
      ["D", "E", "F", "G"].forEach((col, k) => {
        expect(stored.get(`${col}${row}`), `${u.unit} ${col}`).toBe(texts[k]);
        expect(isNumberCell(xml, `${col}${row}`)).toBe(true);
        compared++;
      });
    });
    expect(compared).toBe(scored.length * 4);
    // a total rounded to 保留 2 位 keeps its digits in the file and on screen
    const whole = scored.findIndex((u) => u.total === "48.00");
    expect(whole).toBeGreaterThanOrEqual(0);
    expect(stored.get(`D${whole + 3}`)).toBe("48.00");
    expect(ws.getCell(`D${whole + 3}`).numFmt).toBe("0.00");
  });

  it("indicator sheets: every sub-indicator's score is exactly kp score's", async () => {
    let compared = 0;
    for (const ws of wb.worksheets.slice(1, 4)) {
      const stored = await storedValues(ws.id);
      const top = wb.worksheets.indexOf(ws) - 1;
      scored.forEach((u, i) => {
        const mine = tree(u.indicators![top]!);
        mine.forEach(({ score: v }, k) => {
          const addr = ws.getCell(i + 3, 3 + k).address;
          expect(stored.get(addr), `${ws.name} ${u.unit} ${addr}`).toBe(v);
          compared++;
        });
        expect(ws.getCell(i + 3, 3 + mine.length).value).toBe(null);
      });
    }
    expect(compared).toBeGreaterThan(scored.length * 30);
  });

  it("number formats show exactly the digits kp score prints", () => {
    const ws = wb.getWorksheet("排名")!;
    scored.forEach((u, i) => {
      const d = u.total.includes(".") ? u.total.split(".")[1]!.length : 0;
      expect(ws.getCell(i + 3, 4).numFmt).toBe(d === 0 ? "0" : `0.${"0".repeat(d)}`);
    });
  });

  it("ranking prints on A4 landscape, fit to width, with the header repeated on every page and a title row", () => {
    const ws = wb.getWorksheet("排名")!;
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.pageSetup.printTitlesRow).toBe("2:2");
    expect(String(ws.getCell("A1").value)).toBe("市对县保证目标考评细则（20××）考评结果排名（11 个单位）");
    expect(ws.getCell("A1").isMerged).toBe(true);
  });

  it("deductions: one row per step, with unit, indicator, rule, clause, facts, computation, points and an autofilter", async () => {
    const ws = wb.getWorksheet("扣分明细")!;
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(["单位", "名次", "指标", "类型", "规则", "条款", "事实", "计算", "分值"]);
    expect(ws.autoFilter).toBe(`A2:I${ws.rowCount}`);
    expect(await zip.file(`xl/worksheets/sheet${ws.id}.xml`)!.async("string")).toContain(`<autoFilter ref="A2:I${ws.rowCount}"/>`);
    // as many rows as the trace has deductions, caps and vetoes (this catalogue has no bonus sections)
    const steps = kp(["explain", rulesRoot, exampleFacts, "-u", "青山县", "--format", "json"]);
    const trace = (JSON.parse(steps.stdout) as UnitResult).trace!.filter((e) => e.kind === "deduct" || e.kind === "limit" || e.kind === "veto");
    expect(trace.length).toBeGreaterThan(3);
    expect((ws.getSheetValues() as unknown[][]).filter((r) => r?.[1] === "青山县")).toHaveLength(trace.length);
    const row = (ws.getSheetValues() as unknown[][]).find((r) => r?.[1] === "青山县" && r?.[5] === "参会")!;
    expect(row.slice(1)).toEqual(["青山县", 2, "×令畅通 › 落实市×、市××重大决策部署", "扣分", "参会", "未按要求参加市×、市××重要会议、重要活动的，每次扣0.5分", "参会 = 1", "1次 × 0.5 = 0.5", 0.5]);
  });
});

describe("报告.xlsx with hostile names", () => {
  it("a unit or clause that looks like a formula stays text (no formula cell anywhere)", async () => {
    const { excelReport } = await import("@kaoping/report");
    const { exampleInput } = await import("./fixture.js");
    const input = await exampleInput();
    const evil = '=HYPERLINK("http://example.invalid","点击")';
    const results = input.results.map((r, i) => (i === 0 ? { ...r, unit: evil, trace: r.trace?.map((e) => ({ ...e, clause: evil })) } : r));
    const bytes = await excelReport({ ...input, results });
    const z = await JSZip.loadAsync(bytes);
    for (const name of Object.keys(z.files).filter((n) => n.startsWith("xl/worksheets/sheet"))) expect(await z.file(name)!.async("string")).not.toContain("<f>");
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(back.getWorksheet("排名")!.getCell("B3").value).toBe(evil);
  });
});

describe("a catalogue with bonus and penalty sections and a veto (the CLI's test catalogue)", () => {
  const fixtures = join(repoRoot, "packages", "cli", "test", "fixtures");
  let book: ExcelJS.Workbook;
  let bookZip: JSZip;
  let dir: string;
  beforeAll(async () => {
    dir = join(tempDir("kp-report-"), "报告");
    const r = kp(["report", "catalogue", "facts/ok.csv", "-o", dir]);
    expect(r.code).toBe(0);
    book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(join(dir, "报告.xlsx")) as unknown as ArrayBuffer);
    bookZip = await JSZip.loadAsync(readFileSync(join(dir, "报告.xlsx")));
  }, 60_000);

  it("ranking: bonus, penalty, grade and veto columns, numbers exactly kp score's", async () => {
    const s = kp(["score", "catalogue", "facts/ok.csv", "--format", "json"], { cwd: fixtures });
    const units = JSON.parse(s.stdout) as UnitResult[];
    const ws = book.getWorksheet("排名")!;
    const header = (ws.getRow(2).values as unknown[]).slice(1);
    expect(header).toEqual(["名次", "单位", "类别", "总分（20分）", "会议与信息工作（10分）", "组织建设（10分）", "加分", "减分", "等次", "否决"]);
    const stored = await storedValues(ws.id, bookZip);
    units.forEach((u, i) => {
      const row = ws.getRow(i + 3);
      expect(row.getCell(2).value).toBe(u.unit);
      expect(stored.get(`D${i + 3}`)).toBe(u.total);
      expect(stored.get(`G${i + 3}`)).toBe(u.bonus);
      expect(stored.get(`H${i + 3}`)).toBe(u.penalty);
      expect(row.getCell(9).value).toBe(u.grade);
      expect(row.getCell(10).value ?? "").toBe(u.vetoes.map((v) => `${v.level === "fail" ? "一票否决" : "一票否优"}（${v.rule}）`).join("；"));
    });
    expect(units.some((u) => u.vetoes.length > 0)).toBe(true);
  });

  it("deductions list the bonus and penalty entries and the veto", () => {
    const rows = (book.getWorksheet("扣分明细")!.getSheetValues() as unknown[][]).filter(Boolean).slice(2);
    const kinds = new Set(rows.map((r) => `${r[4]} ${r[5]}`));
    expect(kinds).toContain("得分 国家表彰");
    expect(kinds).toContain("扣分 约谈");
    expect(kinds).toContain("否决 安全事故");
  });

  it("a unit page shows the veto and the sections' totals", () => {
    const page = readdirSync(join(dir, "units")).map((f) => readFileSync(join(dir, "units", f), "utf8")).find((h) => h.includes("<h1>乙县"))!;
    expect(page).toContain('<p class="veto">一票否优：安全事故「发生重大安全事故的，一票否优」</p>');
    expect(page).toContain("加分：创新加分（上限 1 分）");
    expect(page).toContain("加分合计：1 分");
    expect(page).toContain("减分合计：1 分");
    expect(page).not.toContain("舍入前"); // 14.90 and 14.9 are the same number
  });
});
