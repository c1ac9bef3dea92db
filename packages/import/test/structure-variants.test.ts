/**
 * The structure reads a traditional-script table as it reads a simplified one (session 25): header words
 * (考核項目/考核內容/分值), points in headings (「（共計20分）」), 合計 rows and 加分/減分 sections are matched
 * in simplified characters (src/variants.ts), while every name stays as written.
 */
import { describe, expect, it } from "vitest";
import type { Cell, Table } from "../src/model.js";
import { findColumns } from "../src/structure/columns.js";
import { cellHeading, parseHeading, scores, sectionOf } from "../src/structure/text.js";

function table(rows: readonly (readonly string[])[]): Table {
  return {
    kind: "table",
    index: 0,
    rows: rows.map((r, i) => r.map((text, j): Cell => ({ text, row: i, col: j, rowSpan: 1, colSpan: 1, loc: { file: "t.html", table: 1, row: i + 1, col: j + 1 } }))),
    breaksBefore: new Set(),
    emptyContinues: false,
  };
}

describe("a traditional-script table's structure", () => {
  it("finds the header by its words, in either script, naming the columns as written", () => {
    for (const header of [["考核項目", "考核內容", "分值", "考評單位", "備註"], ["考核项目", "考核内容", "分值", "考评单位", "备注"]]) {
      const cols = findColumns(table([header, ["勞動紀律", "遲到一次扣0.5分,扣完為止。", "10", "辦公室", ""]]));
      expect(cols, header.join("/")).toMatchObject({ header: 0, levels: [0], clause: 1, points: 2, unit: 3, notes: 4 });
      expect(cols!.names).toEqual(header);
    }
  });

  it("reads points in a heading in either script, the name as written", () => {
    expect(parseHeading("勞動紀律（共計20分）")).toEqual({ name: "勞動紀律", points: "20" });
    expect(parseHeading("劳动纪律（共计20分）")).toEqual({ name: "劳动纪律", points: "20" });
    expect(parseHeading("後勤管理(合計 7.5分)")).toEqual({ name: "後勤管理", points: "7.5" });
    expect(parseHeading("教學常規 共計10分")).toEqual({ name: "教學常規", points: "10" });
    // no points: the name whole
    expect(parseHeading("勞動紀律")).toEqual({ name: "勞動紀律", points: null });
    expect(cellHeading("公文報送情況（共計0.3分）。按時報送得0.3分")).toEqual({ heading: { name: "公文報送情況", points: "0.3" }, rest: "按時報送得0.3分" });
  });

  it("knows scoring text and sections in traditional script", () => {
    expect(scores("遲到一次扣0.5分")).toBe(true);
    expect(scores("每缺一項減1分")).toBe(true);
    expect(scores("勞動紀律")).toBe(false);
    expect(sectionOf("減分項目")).toBe("减分");
    expect(sectionOf("加分項目")).toBe("加分");
  });
});
