/**
 * Filled fact templates and their bad variants, made the way an office gets them: `kp template`'s
 * workbooks (through @kaoping/template, in process) for test/fixtures/merge/细则.kp, filled from
 * merge/全部.csv as a person types in Excel (template-fill.ts), then spoiled one way each.
 *
 *   <dir>/细则.kp                a copy of the catalogue
 *   <dir>/交回/<考评单位>.xlsx   every department's return, filled
 *   <dir>/全部.xlsx              the one-workbook template (every column), filled
 *   <dir>/冲突/                  the one-workbook template filled, beside 办公室's return (every fact twice)
 *   <dir>/空/                    an empty folder
 *   <dir>/未填写/                办公室's return as sent out (empty), with the others filled
 * and, from 全部.xlsx:
 *   <dir>/计数写了文字.xlsx       「三次」 in 参会 (a count) of 甲县
 *   <dir>/合并单元格.xlsx         参会 of 甲县 and 乙县 merged into one cell (C2:C3)
 *   <dir>/改了工作表名.xlsx       the sheet 事实 renamed 「Sheet1」 (read all the same)
 *   <dir>/说明在前.xlsx           the 说明 sheet moved before the facts
 *   <dir>/单位重复.xlsx           甲县's row twice
 *   <dir>/不是工作簿.xlsx         a text file named .xlsx
 */
import { analyzeCatalogue, compileCatalogue, factSpecs, importCompiledModule, nodeHost } from "@kaoping/core";
import { planTemplates, readUnitsList, templateXlsx, type TemplatePlan } from "@kaoping/template";
import ExcelJS from "exceljs";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { factsTable, fillTemplate } from "./template-fill.js";

export const MERGE_FIXTURES = fileURLToPath(new URL("./fixtures/merge/", import.meta.url));

async function edit(bytes: Buffer, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Writes the workbooks listed above under `dir`. */
export async function writeTemplateWorkbooks(dir: string): Promise<void> {
  const a = analyzeCatalogue(join(MERGE_FIXTURES, "细则.kp"), nodeHost, undefined, { requireRoot: true });
  const meta = (await importCompiledModule(compileCatalogue(a.catalogue, {}).js)).catalogue;
  const specs = factSpecs(a.catalogue);
  const units = (await readUnitsList(join(MERGE_FIXTURES, "全部.csv"), meta, "全部.csv")).units;
  const table = factsTable(join(MERGE_FIXTURES, "全部.csv"));
  const byDept = planTemplates(meta, specs, { byDepartment: true, units });
  const [all] = planTemplates(meta, specs, { byDepartment: false, units }) as [TemplatePlan];
  for (const sub of ["交回", "冲突", "未填写", "空"]) mkdirSync(join(dir, sub), { recursive: true });
  copyFileSync(join(MERGE_FIXTURES, "细则.kp"), join(dir, "细则.kp"));
  const filled = new Map<string, Buffer>();
  for (const p of byDept) {
    const empty = await templateXlsx(p);
    const bytes = await fillTemplate(empty, table);
    filled.set(p.department!, bytes);
    writeFileSync(join(dir, "交回", `${p.department}.xlsx`), bytes);
    writeFileSync(join(dir, "未填写", `${p.department}.xlsx`), p.department === "办公室" ? empty : bytes);
  }
  const whole = await fillTemplate(await templateXlsx(all), table);
  writeFileSync(join(dir, "全部.xlsx"), whole);
  writeFileSync(join(dir, "冲突", "全部.xlsx"), whole);
  writeFileSync(join(dir, "冲突", "办公室.xlsx"), filled.get("办公室")!);
  // The spoiled ones: the one-workbook template, filled, then spoiled one way each.
  const base = whole;
  writeFileSync(join(dir, "计数写了文字.xlsx"), await edit(base, (wb) => (wb.getWorksheet("事实")!.getCell("C2").value = "三次")));
  writeFileSync(join(dir, "合并单元格.xlsx"), await edit(base, (wb) => wb.getWorksheet("事实")!.mergeCells("C2:C3")));
  writeFileSync(join(dir, "改了工作表名.xlsx"), await edit(base, (wb) => (wb.getWorksheet("事实")!.name = "Sheet1")));
  writeFileSync(
    join(dir, "说明在前.xlsx"),
    await edit(base, (wb) => {
      // exceljs orders sheets by orderNo, which its typings do not declare.
      (wb.getWorksheet("说明") as unknown as { orderNo: number }).orderNo = 0;
      (wb.getWorksheet("事实") as unknown as { orderNo: number }).orderNo = 1;
    }),
  );
  writeFileSync(
    join(dir, "单位重复.xlsx"),
    await edit(base, (wb) => {
      const ws = wb.getWorksheet("事实")!;
      ws.addRow((ws.getRow(2).values as ExcelJS.CellValue[]).slice(1));
    }),
  );
  writeFileSync(join(dir, "不是工作簿.xlsx"), "单位,参会\n甲县,1\n");
}
