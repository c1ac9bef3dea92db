// The four readers give one model: the same rulebook table as .docx (w:vMerge, w:gridSpan), .xlsx
// (merged ranges), .html (rowspan, colspan) and tab-separated text gives the same indicator tree;
// a .docx without tables is read by its numbering (written numbers or Word's list levels).
import { describe, expect, it } from "vitest";
import { importDocument, type Item } from "@kaoping/import";
import { docx, html, xlsx, type FixtureTable } from "./build-fixtures.js";

// Two levels; the last 一级 has no 二级 and spans both level columns (a horizontal merge).
const table: FixtureTable = [
  ["一级指标", "二级指标", "考评细则", "考评单位"],
  ["会议落实（6分）", "参加会议（4分）", "未按要求参加重要会议的，每次扣0.5分；\n\n会议材料报送不及时的，每次扣0.2分。", "市委办公室"],
  [null, null, "未及时反馈会议议定事项的，每次扣0.5分。", null],
  [null, "信息报送（2分）", "迟报、漏报紧急信息的，每次扣0.2分。", null],
  [{ text: "加分项目（3分）", span: 2 }, "获省级表彰的，每次加1分，最多加3分。", "市考评办"],
];
const expected = ["会议落实 6 [市委办公室]", "  参加会议 4 clauses=3", "  信息报送 2 clauses=1", "加分项目 3 [市考评办] clauses=1"];

function lines(items: readonly Item[], depth = 0): string[] {
  return items.flatMap((i) => [
    `${"  ".repeat(depth)}${i.name} ${i.points}${i.units.length ? ` [${i.units.join("、")}]` : ""}${i.cells.length ? ` clauses=${i.cells.flatMap((c) => c.text.split(/[；\n]/).filter((x) => x.trim())).length}` : ""}`,
    ...lines(i.children, depth + 1),
  ]);
}

async function tree(file: string, bytes: Uint8Array): Promise<string[]> {
  const r = await importDocument(file, bytes);
  if (!r.ok) throw new Error(`${r.problem.code} ${r.problem.message}`);
  return lines(r.structure.items);
}

const tsv = (t: FixtureTable): string =>
  t.map((row) => row.flatMap((c) => (c === null ? [""] : typeof c === "string" ? [c.replace(/\n\n/g, "")] : [c.text, ...Array<string>(c.span - 1).fill("")])).join("\t")).join("\n");

describe("one model from every reader", () => {
  it(".docx: vertical and horizontal merges", async () => {
    expect(await tree("细则.docx", await docx([{ paragraph: "考评细则" }, { table }]))).toEqual(expected);
  });
  it(".xlsx: merged ranges", async () => {
    expect(await tree("细则.xlsx", await xlsx(table))).toEqual(expected);
  });
  it(".html: rowspan and colspan", async () => {
    expect(await tree("细则.html", new TextEncoder().encode(html(table)))).toEqual(expected);
  });
  it("text: tab-separated rows, empty cells continue the cell above", async () => {
    expect(await tree("细则.txt", new TextEncoder().encode(tsv(table)))).toEqual(expected);
  });
  it("an HTML page saved as .txt is read as HTML (content, not extension)", async () => {
    expect(await tree("细则.txt", new TextEncoder().encode(html(table)))).toEqual(expected);
  });
  it(".docx without a table: Word list levels and written numbers (一、 （一） 1.)", async () => {
    const bytes = await docx([
      { paragraph: "某局年度考核细则" },
      { paragraph: "党建工作（10分）", list: 0 },
      { paragraph: "组织建设（6分）", list: 1 },
      { paragraph: "未按期召开支部会议的，每次扣1分。" },
      { paragraph: "宣传工作（4分）", list: 1 },
      { paragraph: "未按要求报送信息的，每次扣0.5分。" },
      { paragraph: "二、业务工作（20分）" },
      { paragraph: "（一）重点任务（20分）" },
      { paragraph: "重点任务未按期完成的，每项扣2分。" },
    ]);
    expect(await tree("细则.docx", bytes)).toEqual([
      "党建工作 10",
      "  组织建设 6 clauses=1",
      "  宣传工作 4 clauses=1",
      "业务工作 20",
      "  重点任务 20 clauses=1",
    ]);
  });
  it(".docx without a table: labels from numbering.xml tell 「一、」 from 「（一）」 where the list levels do not", async () => {
    // Three lists, all at level 0: only their formats (numbering.xml) say which is the higher level.
    const lists = [
      { numId: 1, levels: [{ fmt: "chineseCounting", text: "%1、" }] },
      { numId: 2, levels: [{ fmt: "chineseCounting", text: "（%1）" }] },
      { numId: 3, levels: [{ fmt: "decimal", text: "%1." }] },
    ];
    const bytes = await docx(
      [
        { paragraph: "党建工作（10分）", list: 0, numId: 1 },
        { paragraph: "组织建设（6分）", list: 0, numId: 2 },
        { paragraph: "未按期召开支部会议的，每次扣1分。", list: 0, numId: 3 },
        { paragraph: "未按要求开展主题党日活动的，每次扣1分。", list: 0, numId: 3 },
        { paragraph: "宣传工作（4分）", list: 0, numId: 2 },
        { paragraph: "未按要求报送信息的，每次扣0.5分。", list: 0, numId: 3 },
        { paragraph: "业务工作（20分）", list: 0, numId: 1 },
        { paragraph: "重点任务未按期完成的，每项扣2分。" },
      ],
      lists,
    );
    expect(await tree("细则.docx", bytes)).toEqual(["党建工作 10", "  组织建设 6 clauses=2", "  宣传工作 4 clauses=1", "业务工作 20 clauses=1"]);
  });
});
