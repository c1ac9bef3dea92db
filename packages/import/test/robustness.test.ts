// Never a crash, never a hang: sheets with a stray far-away cell, spans that would make millions of
// cells, content controls around Word rows, and many corrupted documents — each gives a tree or a
// located KP50xx problem (importDocument never throws for input), quickly.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { importDocument } from "@kaoping/import";
import { docx, html, xlsx, type FixtureTable } from "./build-fixtures.js";

const table: FixtureTable = [
  ["一级指标", "二级指标", "考评细则"],
  ["会议落实（6分）", "参加会议（4分）", "未按要求参加重要会议的，每次扣0.5分。"],
  [null, "信息报送（2分）", "迟报、漏报紧急信息的，每次扣0.2分。"],
];

async function sheetWith(edit: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await xlsx(table)) as unknown as ArrayBuffer);
  edit(wb.worksheets[0]!);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("robustness", () => {
  it("a formatted but empty cell at XFD1048576 does not grow the table", async () => {
    const bytes = await sheetWith((ws) => {
      ws.getCell("XFD1048576").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
    });
    const r = await importDocument("细则.xlsx", bytes);
    expect(r.ok && r.structure.items.map((i) => i.name)).toEqual(["会议落实"]);
  });

  it("text at XFD1048576 is refused as too large a table (KP5010), at once", async () => {
    const bytes = await sheetWith((ws) => {
      ws.getCell("XFD1048576").value = "备注";
    });
    const t = Date.now();
    const r = await importDocument("细则.xlsx", bytes);
    expect(Date.now() - t).toBeLessThan(5000);
    expect(!r.ok && r.problem.code).toBe("KP5010");
    expect(!r.ok && r.problem.loc?.sheet).toBe("考核细则");
  });

  it("spans that would make millions of cells are refused (KP5010), at once", async () => {
    const rows = Array.from({ length: 3000 }, () => `<tr><td rowspan="65534" colspan="1000">x（1分）</td><td>扣1分</td></tr>`).join("");
    const t = Date.now();
    const r = await importDocument("细则.html", new TextEncoder().encode(`<table><tr><th>指标</th><th>评分标准</th></tr>${rows}</table>`));
    expect(Date.now() - t).toBeLessThan(5000);
    expect(!r.ok && r.problem.code).toBe("KP5010");
  });

  it("reads Word rows inside content controls (w:sdt)", async () => {
    const zip = await JSZip.loadAsync(await docx([{ table }]));
    const xml = await zip.file("word/document.xml")!.async("string");
    zip.file("word/document.xml", xml.replace(/(<w:tr>.*?<\/w:tr>)(<\/w:tbl>)/, "<w:sdt><w:sdtPr/><w:sdtContent>$1</w:sdtContent></w:sdt>$2"));
    const r = await importDocument("细则.docx", await zip.generateAsync({ type: "uint8array" }));
    expect(r.ok && r.structure.items[0]!.children.map((i) => i.name)).toEqual(["参加会议", "信息报送"]);
  });

  it("corrupted documents (500 mutations of .docx, .xlsx, .html) give a tree or a located problem, never an exception", async () => {
    const seeds: [string, Uint8Array][] = [
      ["a.docx", await docx([{ paragraph: "细则" }, { table }])],
      ["a.xlsx", await xlsx(table)],
      ["a.html", new TextEncoder().encode(html(table))],
    ];
    // A fixed linear congruential generator: the same mutations on every run.
    let state = 20261205;
    const rand = (n: number): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    let problems = 0;
    for (let i = 0; i < 500; i++) {
      const [name, original] = seeds[i % seeds.length]!;
      const bytes = new Uint8Array(original);
      const kind = rand(3);
      let mutated: Uint8Array = bytes;
      if (kind === 0) for (let k = 0; k < 1 + rand(8); k++) bytes[rand(bytes.length)] = rand(256);
      else if (kind === 1) mutated = bytes.subarray(0, rand(bytes.length));
      else {
        // Unzip, damage the XML text of one part, zip again (reaches the XML readers, not only the zip reader).
        if (!name.endsWith(".html")) {
          try {
            const zip = await JSZip.loadAsync(bytes);
            const parts = Object.keys(zip.files).filter((f) => f.endsWith(".xml"));
            const part = parts[rand(parts.length)]!;
            const text = await zip.file(part)!.async("string");
            const at = rand(text.length);
            zip.file(part, text.slice(0, at) + ["<", ">", "</w:tr>", "<w:tc>", "&", '"', ""][rand(7)] + text.slice(at + rand(20)));
            mutated = await zip.generateAsync({ type: "uint8array" });
          } catch {
            mutated = bytes;
          }
        } else {
          const text = new TextDecoder().decode(bytes);
          const at = rand(text.length);
          mutated = new TextEncoder().encode(text.slice(0, at) + ["<td rowspan=999999>", "</table>", "<tr>", "colspan=0", "&#0;"][rand(5)] + text.slice(at));
        }
      }
      const r = await importDocument(name, mutated);
      if (!r.ok) {
        problems++;
        expect(r.problem.code).toMatch(/^KP50[0-4]\d$/);
        expect(r.problem.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(problems).toBeGreaterThan(0);
  }, 120_000);
});
