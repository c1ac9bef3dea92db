// CSV facts read as a stream (csv-stream.ts): records split as csv-parse splits them, wherever the
// text's pieces are cut and whatever it holds (quotes, line ends of every kind, a BOM); units the
// same as the whole-file reader's (readCsv + tableToUnits), given as units or as rows — rows read by
// kpReadUnits with their keys are the same units; and a problem in a later batch stops the stream with
// the same first problem as reading that batch through tableToUnits.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kpReadUnits, type FactSpec, type UnitInput } from "@kaoping/core";
import { csvRecords } from "../src/csv-stream.js";
import { readCsv, streamCsvUnits, tableToUnits, type KnownFacts, type RowUnit } from "../src/index.js";

const OPTIONS = { record_delimiter: ["\r\n", "\n", "\r"], relax_column_count: true, skip_empty_lines: false, bom: true };

async function* pieces(text: string, cuts: number[]): AsyncGenerator<string> {
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut <= from || cut >= text.length) continue;
    yield text.slice(from, cut);
    from = cut;
  }
  yield text.slice(from);
}

/** csv-parse's records of a whole text, or its error code. */
function expected(text: string, delimiter: string): string[][] | string {
  try {
    return parse(text, { ...OPTIONS, delimiter }) as string[][];
  } catch (e) {
    return String((e as { code?: string }).code);
  }
}

async function got(text: string, delimiter: string, cuts: number[]): Promise<string[][] | string> {
  const records: string[][] = [];
  try {
    await csvRecords(pieces(text, cuts), delimiter, (r) => records.push(r));
    return records;
  } catch (e) {
    return String((e as { code?: string }).code);
  }
}

describe("CSV records as a stream", () => {
  it("are csv-parse's records for any text, cut anywhere (quoted or not, CRLF/LF/CR, blank lines, a BOM)", async () => {
    const part = fc.constantFrom("a", "中文", " ", ",", ";", "\t", "\r", "\n", "\r\n", '"', '""', '"x,y"', "\uFEFF", "1.5", "是");
    let quoted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(part, { maxLength: 30 }), fc.array(fc.nat(60), { maxLength: 4 }), fc.constantFrom(",", ";", "\t"), async (parts, cuts, delimiter) => {
        const text = parts.join("");
        if (text.includes('"')) quoted++;
        expect(await got(text, delimiter, cuts)).toEqual(expected(text, delimiter));
      }),
      { numRuns: 3000 },
    );
    expect(quoted).toBeGreaterThan(500);
  });

  it("a CR at the end of one piece and an LF at the start of the next are one line end", async () => {
    expect(await got("a,b\r\nc,d\r\n", ",", [4])).toEqual([["a", "b"], ["c", "d"]]);
    expect(await got("a\r", ",", [])).toEqual([["a"]]);
    expect(await got("\uFEFF\uFEFFa", ",", [1])).toEqual(expected("\uFEFF\uFEFFa", ","));
  });
});

const known: KnownFacts = {
  keys: new Set(["参会", "信息完成率", "违纪.轻处分"]),
  rules: new Set(["参会", "信息完成率", "违纪"]),
  byName: new Map([["参会", "参会"], ["信息完成率", "信息完成率"], ["违纪.轻处分", "违纪.轻处分"]]),
  perItem: new Set(),
};
const specs: FactSpec[] = [
  { k: "参会", t: "count", inc: true, label: "次数" },
  { k: "信息完成率", t: "rate", req: true, min: 0, max: 100000000, label: "百分比" },
  { k: "违纪.轻处分", t: "count", label: "次数" },
];

/** 1,000 units: classes, a remark column, an empty unnamed column, a quoted cell far down, names written in full width. */
function table(): string {
  const rows = ["单位,类别,参会,备注,信息完成率,,违纪.轻处分"];
  for (let i = 0; i < 1_000; i++) {
    const name = i % 97 === 5 ? `Ｕ${i}` : `单位${i}`;
    const remark = i === 700 ? '"甲,乙"' : i % 3 === 0 ? "说明" : "";
    rows.push(`${name},${i % 4 === 0 ? "县区" : i % 4 === 1 ? " 园区 " : ""},${i % 5 === 0 ? "事件A、事件B" : i % 7},${remark},${i % 11}.${i % 10}%,, ${i % 2}`);
  }
  return "\uFEFF" + rows.join(Math.random() < 0.5 ? "\r\n" : "\n") + "\r\n";
}

describe("CSV facts as a stream", () => {
  it("gives the whole-file reader's units, as units or as rows (rows read by kpReadUnits with their keys)", async () => {
    const text = table();
    const dir = mkdtempSync(join(tmpdir(), "kp-csv-stream-"));
    const file = join(dir, "a.csv");
    writeFileSync(file, text);
    const whole = readCsv(file, text.replace(/^\uFEFF/, ""));
    const units = tableToUnits(whole.table!, known);
    expect(units.diagnostics).toEqual([]);
    const asUnits: UnitInput[] = [];
    expect(await streamCsvUnits(file, known, (u) => asUnits.push(...u), { batchRows: 7 })).toEqual({ ok: true, units: 1_000, rows: 1_000 });
    expect(JSON.stringify(asUnits)).toBe(JSON.stringify(units.units));
    // rows: batches after the first (and those with full-width names, read by tableToUnits) as they come
    const read: unknown[] = [];
    let rowBatches = 0;
    const onRows = (keys: readonly (string | undefined)[], rows: RowUnit[]) => {
      rowBatches++;
      read.push(...kpReadUnits(specs, ["县区", "园区"], { 参会: true, 信息完成率: true, 违纪: true }, rows, keys).units);
    };
    const onBatch = (u: UnitInput[]) => read.push(...kpReadUnits(specs, ["县区", "园区"], { 参会: true, 信息完成率: true, 违纪: true }, u).units);
    expect(await streamCsvUnits(file, known, onBatch, { batchRows: 7, onRows })).toEqual({ ok: true, units: 1_000, rows: 1_000 });
    expect(rowBatches).toBeGreaterThan(100);
    const reference = kpReadUnits(specs, ["县区", "园区"], { 参会: true, 信息完成率: true, 违纪: true }, units.units);
    expect(reference.errors).toEqual([]);
    expect(read).toEqual(reference.units);
  });

  it("stops at a problem in a later batch with tableToUnits' first problem (a row without a name, a hidden character, content under no column name)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kp-csv-stream-"));
    const lines = table().replace(/^\uFEFF/, "").split(/\r?\n/);
    for (const [at, row, problem] of [
      [400, ",县区,1,,50%,,0", "第 401 行 A 列：事实文件的结构不对：第 401 行填写了内容，但没有填写单位名称"],
      [500, "单\u200B位,县区,1,,50%,,0", "第 501 行 A 列：单位名称「单\\u{200B}位」中有看不见的字符 U+200B（零宽字符）"],
      [600, "单位x,县区,1,,50%,填了,0", "第 1 行 F 列：第 6 列没有列名，但填写了内容：列名应为规则名（或「规则名.分项」）"],
    ] as const) {
      const file = join(dir, `${at}.csv`);
      writeFileSync(file, [...lines.slice(0, at), row, ...lines.slice(at + 1)].join("\n"));
      const r = await streamCsvUnits(file, known, () => undefined, { batchRows: 7, onRows: () => undefined });
      expect(r).toEqual({ ok: false, why: "有问题", problem });
    }
  });
});
