// In-process tests of the CLI's building blocks (no build needed: vitest aliases @kaoping/core to
// its source).
import { LineIndex } from "@kaoping/core";
import pc from "picocolors";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import type { CatalogueMeta, UnitResult } from "../src/index.js";
import {
  cellName,
  codeFrame,
  detectDelimiter,
  didYouMean,
  rankingTable,
  readCsv,
  scanFields,
  shiftDecimal,
  shorten,
  tableToUnits,
  translateCommanderError,
} from "../src/index.js";

const plain = pc.createColors(false);

describe("code frames", () => {
  it("puts carets under CJK text by display width", () => {
    const text = "规则 「参会」 每次 扣 ０.５\n";
    const index = new LineIndex(text);
    const start = text.indexOf("０");
    const frame = codeFrame(text, index.span(start, start + 3), plain);
    expect(frame).toEqual(["  1 | 规则 「参会」 每次 扣 ０.５", "    | " + " ".repeat(22) + "^~~~~"]);
  });

  it("marks a position at the end of a line with one caret", () => {
    const text = "指标 「会议」 4分 {\n";
    const index = new LineIndex(text);
    const frame = codeFrame(text, index.span(text.length - 1, text.length - 1), plain);
    expect(frame[1]).toBe("    | " + " ".repeat(19) + "^");
  });

  it("underlines every line of a multi-line range and cuts very long lines", () => {
    const text = "a「一\n二」b\n";
    const index = new LineIndex(text);
    expect(codeFrame(text, index.span(1, 6), plain)).toEqual(["  1 | a「一", "    |  ^~~~", "  2 | 二」b", "    | ~~~~"]);
    const long = "x".repeat(300) + "「错」" + "y".repeat(300);
    const li = new LineIndex(long);
    const [src, marks] = codeFrame(long, li.span(300, 303), plain);
    expect(src!.startsWith("  1 | …")).toBe(true);
    expect(src!.endsWith("…")).toBe(true);
    expect(marks!.trimEnd().endsWith("^~~~~~")).toBe(true);
    expect(src!.indexOf("「错」")).toBe(marks!.indexOf("^"));
  });
});

describe("did you mean", () => {
  it("suggests close names and names containing each other", () => {
    expect(didYouMean("参会次数", ["参会", "清退"])).toBe("参会");
    expect(didYouMean("评价", ["评价得分", "满意度"])).toBe("评价得分");
    expect(didYouMean("漏抱", ["迟报", "漏报"])).toBe("漏报");
    expect(didYouMean("完全不同的名字", ["参会", "清退"])).toBeUndefined();
  });
});

describe("Excel numbers", () => {
  it("moves the decimal point exactly", () => {
    expect(shiftDecimal("0.875", 2)).toBe("87.5");
    expect(shiftDecimal("0.07", 2)).toBe("7");
    expect(shiftDecimal("1", 2)).toBe("100");
    expect(shiftDecimal("1.2345e-7", 2)).toBe("0.000012345");
    expect(shiftDecimal("1e21", 2)).toBe("100000000000000000000000");
  });
});

describe("CSV reading", () => {
  it("finds each cell's range, with quotes, CRLF and empty lines", () => {
    const text = '单位,"规则,名",值\r\n甲县,"a""b",1\r\n\r\n乙县,x,\r\n';
    const ranges = scanFields(text, ",");
    expect(ranges.map((r) => r.map((f) => text.slice(f.start, f.end)))).toEqual([
      ["单位", '"规则,名"', "值"],
      ["甲县", '"a""b"', "1"],
      [""],
      ["乙县", "x", ""],
    ]);
    const { table } = readCsv("t.csv", text);
    expect(table!.rows.map((r) => [r.row, r.cells.map((c) => c!.value)])).toEqual([
      [1, ["单位", "规则,名", "值"]],
      [2, ["甲县", 'a"b', "1"]],
      [3, [""]],
      [4, ["乙县", "x", ""]],
    ]);
  });

  it("detects tab and semicolon delimiters", () => {
    expect(detectDelimiter("单位\t参会\n甲县\t1")).toBe("\t");
    expect(detectDelimiter("单位;参会;清退\n")).toBe(";");
    expect(detectDelimiter('单位,"a;b;c"\n')).toBe(",");
  });

  it("reports an unclosed quote at its line", () => {
    const r = readCsv("t.csv", '单位,参会\n甲县,"1\n');
    expect(r.table).toBeUndefined();
    expect(r.diagnostics[0]!.code).toBe("KP4020");
  });

  it("reads wide and long tables into the same units", () => {
    const known = { keys: new Set(["参会", "处分.轻处分"]), rules: new Set(["参会", "处分"]) };
    const wide = tableToUnits(readCsv("w.csv", "序号,单位,类别,参会,处分.轻处分\n1,甲县,县区,2,1\n").table!, known);
    const long = tableToUnits(readCsv("l.csv", "单位,类别,规则,值\n甲县,县区,参会,2\n甲县,,处分.轻处分,1\n").table!, known);
    expect(wide.diagnostics).toEqual([]);
    expect(long.diagnostics).toEqual([]);
    expect(wide.units).toEqual([{ name: "甲县", classes: "县区", facts: { 参会: "2", "处分.轻处分": "1" } }]);
    expect(long.units).toEqual(wide.units);
    expect(long.locator.fact("甲县", "处分.轻处分")!.cell).toEqual({ row: 3, column: 3, ref: "C3" });
  });

  it("names cells like a spreadsheet", () => {
    expect([cellName(5, 3), cellName(1, 26), cellName(2, 27), cellName(9, 703)]).toEqual(["C5", "Z1", "AA2", "AAA9"]);
  });
});

describe("help texts", () => {
  it("shortens long indicator names by display width", () => {
    expect(shorten("会议与信息工作", 12)).toBe("会议与信息…");
    expect(shorten("会议", 12)).toBe("会议");
  });

  it("translates commander's errors", () => {
    expect(translateCommanderError("error: unknown option '--formt'\n(Did you mean --format?)")).toBe("未知的选项 --formt，是否想写 --format？");
    expect(translateCommanderError("error: missing required argument '事实'")).toBe("缺少参数 <事实>");
    expect(translateCommanderError("error: option '--format <格式>' argument 'xml' is invalid. Allowed choices are table, json, csv.")).toBe(
      "选项 --format <格式> 的值「xml」无效，可选：table、json、csv",
    );
  });
});

describe("ranking table", () => {
  const cat: CatalogueMeta = {
    title: "测试",
    classes: [],
    indicators: [
      { id: "1", name: "会议与信息工作情况", points: "10", departments: [], rules: [], notes: [], children: [] },
      { id: "2", name: "组织", points: "5.5", departments: [], rules: [], notes: [], children: [] },
    ],
    bonuses: [],
    penalties: [],
    grades: ["优秀", "不合格"],
    rules: {},
  };
  const results: UnitResult[] = Array.from({ length: 40 }, (_, i) => ({
    unit: i % 3 === 0 ? `单位${i}` : `Unit ${i}`,
    classes: [],
    total: String(15.5 - i / 4),
    exactTotal: String(15.5 - i / 4),
    rank: i + 1,
    grade: i < 5 ? "优秀" : "不合格",
    vetoes: [],
    indicators: [
      { id: "1", name: "", points: "10", score: String(10 - i / 8), lost: "", children: [] },
      { id: "2", name: "", points: "5.5", score: "5.5", lost: "0", children: [] },
    ],
  }));

  it("lays out large rankings exactly as cli-table3 does", () => {
    const a = rankingTable(cat, results, plain, undefined, "cli-table3");
    const b = rankingTable(cat, results, plain, undefined, "fast");
    expect(b).toBe(a);
    const widths = new Set(a.trim().split("\n").slice(1).map((l) => stringWidth(l)));
    expect(widths.size).toBe(1);
  });
});
