/**
 * kp import hands the recogniser what the document states around a clause (session 28, issue 13): the header of the
 * clause's column (`ClauseContext.header`) and the document's notes on scoring — 「注：…」 paragraphs and rows across a
 * table (`ClauseContext.notes`) —, so a verbless 「0.1分/处」 under 「扣分标准」 is a deduction, stated by the document.
 */
import { describe, expect, it } from "vitest";
import { importDocument, recogniseClause, splitClauses, type ClauseContext } from "@kaoping/import";
import { docx, type FixtureTable } from "./build-fixtures.js";

const NOTE = "注:本项考评市路灯管理处,总分为100分,分项无基准分值,实行累计扣减。";

/** The contexts the writer passes, by clause. */
async function contexts(file: string, bytes: Uint8Array): Promise<{ files: string; seen: Map<string, ClauseContext> }> {
  const seen = new Map<string, ClauseContext>();
  const r = await importDocument(file, bytes, {
    recogniser: {
      splitClauses,
      recogniseClause: (text, ctx) => {
        seen.set(text, ctx as ClauseContext);
        return recogniseClause(text, ctx as ClauseContext);
      },
    },
  });
  if (!r.ok) throw new Error(r.problem.message);
  return { files: [...r.files.values()].join("\n"), seen };
}

describe("kp import: the column's header and the notes reach the recogniser", () => {
  it("an .html table's header 「扣分标准」 and a 注 row across the table", async () => {
    const html = `<html><body><p>城市管理考评细则</p><table border="1">
<tr><th>考评项目</th><th>分值</th><th>扣分标准</th></tr>
<tr><td rowspan="2">路灯管理</td><td rowspan="2">100</td><td>灯杆灯具灯罩有积尘、污渍严重,影响观瞻和照明0.1分/处</td></tr>
<tr><td>控制柜、计量柜门锁失效、门窗损坏、柜面锈蚀2分/处</td></tr>
<tr><td colspan="3">${NOTE}</td></tr>
</table></body></html>`;
    const { files, seen } = await contexts("细则.html", new TextEncoder().encode(html));
    const ctx = seen.get("灯杆灯具灯罩有积尘、污渍严重,影响观瞻和照明0.1分/处");
    expect(ctx?.header).toBe("扣分标准");
    expect(ctx?.notes).toEqual([NOTE]);
    // the note is the document's, not an item or a clause
    expect([...seen.keys()].some((t) => t.includes("累计扣减"))).toBe(false);
    expect(files).toContain("每处 扣 0.1");
    expect(files).toContain("每处 扣 2");
  });

  it("a .docx table's header, and a 说明 paragraph after the table", async () => {
    const table: FixtureTable = [
      ["考评项目", "分值", "评分标准"],
      ["台账管理", "10", "未建立巡查台账的1分"],
    ];
    const { files, seen } = await contexts("细则.docx", await docx([{ paragraph: "某县考评细则" }, { table }, { paragraph: "说明：表中各项均为扣分项。" }]));
    const ctx = seen.get("未建立巡查台账的1分");
    expect(ctx?.header).toBe("评分标准");
    expect(ctx?.notes).toEqual(["说明：表中各项均为扣分项。"]);
    expect(files).toContain("扣 1");
  });

  it("without a header naming a direction or a note, the same row stays a to-do", async () => {
    const table: FixtureTable = [
      ["考评项目", "分值", "评分标准"],
      ["台账管理", "10", "未建立巡查台账的1分"],
    ];
    const { files, seen } = await contexts("细则.docx", await docx([{ paragraph: "某县考评细则" }, { table }]));
    expect(seen.get("未建立巡查台账的1分")?.notes).toBeUndefined();
    expect(files).toMatch(/「未建立巡查台账的1分」 待补/);
  });
});
