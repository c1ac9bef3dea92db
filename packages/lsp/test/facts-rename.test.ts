/**
 * Renaming in facts files (service/facts-rename.ts): the keys and cells that name the rule or class,
 * and nothing else — sub-keys (`违纪.轻处分`), quoted CSV cells, names needing JSON escapes, class
 * lists, the 「一行一个事实」 table, files that cannot be edited as text.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { factsRenameEdits, type FactsFileEdits } from "../src/service/facts-rename.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "kp-facts-rename-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const write = (name: string, data: string | Uint8Array) => {
  const p = path.join(tmp, name);
  writeFileSync(p, data);
  return p;
};
/** The text after the edits (applied back to front). */
const applied = (f: FactsFileEdits) => [...f.edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), f.text);

describe("renaming a rule in facts files", () => {
  it("JSON: the rule's keys and its sub-keys, in every unit; other keys, values and unit names untouched", () => {
    const json = write(
      "a.facts.json",
      JSON.stringify({ units: [{ name: "违纪", facts: { 违纪: 1, "违纪.轻处分": 2, 违纪处分: 3 } }, { name: "乙", facts: { 违纪: { 轻处分: 1 } } }] }, null, 2),
    );
    const r = factsRenameEdits([json], "rule", "违纪", "班子成员违纪");
    expect(JSON.parse(applied(r.files[0]!))).toEqual({
      units: [{ name: "违纪", facts: { 班子成员违纪: 1, "班子成员违纪.轻处分": 2, 违纪处分: 3 } }, { name: "乙", facts: { 班子成员违纪: { 轻处分: 1 } } }],
    });
  });

  it("JSON: a new name with a quote or backslash stays valid JSON; names match as the catalogue matches them (full width)", () => {
    const json = write("b.facts.json", '{"units":[{"name":"甲","facts":{"Ａ类检查":1}}]}');
    const r = factsRenameEdits([json], "rule", "A类检查", 'A"类\\检查');
    expect(JSON.parse(applied(r.files[0]!)).units[0].facts).toEqual({ 'A"类\\检查': 1 });
  });

  it("CSV: the header cell, a quoted header cell, and nothing in the data rows", () => {
    const csv = write("c事实.csv", '单位,类别,参会,"违纪.轻处分",备注\n参会,县区,1,2,参会\n');
    const r = factsRenameEdits([csv], "rule", "参会", "参加会议");
    expect(applied(r.files[0]!)).toBe('单位,类别,参加会议,"违纪.轻处分",备注\n参会,县区,1,2,参会\n');
    const r2 = factsRenameEdits([csv], "rule", "违纪", "班子违纪");
    expect(applied(r2.files[0]!)).toBe('单位,类别,参会,"班子违纪.轻处分",备注\n参会,县区,1,2,参会\n');
  });

  it("CSV: a new name with the delimiter is quoted", () => {
    const csv = write("d事实.csv", "单位,参会\n甲,1\n");
    expect(applied(factsRenameEdits([csv], "rule", "参会", "参会,学习").files[0]!)).toBe('单位,"参会,学习"\n甲,1\n');
  });

  it("CSV 「一行一个事实」: the 规则 column", () => {
    const csv = write("e事实.csv", "单位,类别,规则,值\n甲,县区,参会,1\n甲,县区,参会.缺席,2\n乙,县区,学习,3\n");
    expect(applied(factsRenameEdits([csv], "rule", "参会", "参加会议").files[0]!)).toBe(
      "单位,类别,规则,值\n甲,县区,参加会议,1\n甲,县区,参加会议.缺席,2\n乙,县区,学习,3\n",
    );
  });

  it("an .xlsx file and a GBK file are listed for the user, never edited; a file that does not use the name gets no edits", () => {
    const xlsx = write("f事实.xlsx", "PK");
    const gbk = write("g事实.csv", new Uint8Array([0xb5, 0xa5, 0xce, 0xbb, 0x2c, 0xb2, 0xce, 0xbb, 0xe1, 0x0a])); // 单位,参会 in GBK
    const other = write("h事实.csv", "单位,学习\n甲,1\n");
    const r = factsRenameEdits([xlsx, gbk, other], "rule", "参会", "参加会议");
    expect(r.files).toEqual([]);
    expect(r.manual).toEqual([xlsx, gbk]);
  });
});

describe("renaming a class in facts files", () => {
  it("JSON classes (an array or one text) and CSV class lists", () => {
    const json = write("i.facts.json", JSON.stringify({ units: [{ name: "甲", classes: ["园区", "县区"] }, { name: "园区", classes: "县区、园区" }] }));
    expect(JSON.parse(applied(factsRenameEdits([json], "class", "园区", "开发区").files[0]!))).toEqual({
      units: [{ name: "甲", classes: ["开发区", "县区"] }, { name: "园区", classes: "县区、开发区" }],
    });
    const csv = write("j事实.csv", "单位,类别,园区\n园区,园区,1\n乙,\"县区,园区\",2\n丙,县区、园区区,3\n");
    expect(applied(factsRenameEdits([csv], "class", "园区", "开发区").files[0]!)).toBe("单位,类别,园区\n园区,开发区,1\n乙,\"县区,开发区\",2\n丙,县区、园区区,3\n");
  });
});
