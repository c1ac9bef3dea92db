/**
 * Facts as a compiled module reads them (KP4xxx): every problem is reported with its unit and key,
 * all at once; values people type in Excel cells are understood.
 */
import { describe, expect, it } from "vitest";
import { analyzeCatalogue, compileCatalogue, nodeHost } from "@kaoping/core";
import { join, resolve } from "node:path";

type Mod = {
  checkFacts(units: unknown): { code: string; message: string; unit?: string; key?: string }[];
  scoreAll(units: unknown, o?: object): { unit: string; total: string; penalty: string; trace?: { text: string }[] }[];
};

async function load(): Promise<Mod> {
  const a = analyzeCatalogue(join(resolve(__dirname, "compile"), "sample.kp"), nodeHost);
  const { js } = compileCatalogue(a.catalogue);
  return (await import(`data:text/javascript;base64,${Buffer.from(js).toString("base64")}`)) as Mod;
}

const base = { 信息: "80%", 检查: 4, 达标率: 95, 培训: "99%", 评价得分: 1, 满意度: 90, 产值: 1, 排名: 1 };
const unit = (facts: object, extra: object = {}) => ({ name: "甲县", classes: ["县区"], facts: { ...base, ...facts }, ...extra });

describe("facts", async () => {
  const m = await load();
  const codes = (units: unknown) => m.checkFacts(units).map((e) => `${e.code} ${e.message}`);

  it("accepts well-formed facts, with cell-style text", () => {
    expect(codes([unit({ 参会: "3", 清退: "是", 成员: undefined, "成员.通报": "问题A、问题B", 学习活动: "√" })])).toEqual([]);
  });

  it.each([
    ["KP4001", [{ classes: [], facts: {} }]],
    ["KP4002", [unit({ 不存在的规则: 1 })]],
    ["KP4003", [unit({ 参会: -1 })]],
    ["KP4003", [unit({ 参会: 1.5 })]],
    ["KP4003", [unit({ 参会: "三次" })]],
    ["KP4004", [unit({ 信息: "八十" })]],
    ["KP4005", [unit({ 满意度: "120%" })]],
    ["KP4005", [unit({ 评价得分: 2.5 })]],
    ["KP4005", [unit({ 信息: -5 })]],
    ["KP4006", [unit({}), unit({})]],
    ["KP4007", [unit({}, { classes: ["开发区"] })]],
    ["KP4008", [unit({ 满意度: undefined })]],
    ["KP4009", [unit({ 清退: "也许" })]],
    ["KP4010", [unit({ 信息: "80.1234567%" })]],
    ["KP4011", [unit({}, { name: "丙园区", classes: ["园区"] })]],
    ["KP4012", []],
    ["KP4014", [unit({ "成员.警告": 1 })]],
    ["KP4019", [unit({ 学习活动: "一半" })]],
    ["KP4020", "not a list"],
    ["KP4020", [unit({}, { facts: [1, 2] })]],
  ])("%s", (code, units) => {
    // exactly this one error: an extra one (a second report of the same problem) fails too
    const got = m.checkFacts(units);
    expect(got.map((e) => e.code)).toEqual([code]);
    for (const e of got) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("a number beyond the exact range is out of range (KP4005), not 'not a whole number' or 'not a number' (issue 11 §3)", () => {
    expect(codes([unit({ 参会: "1000000000000000000" })])).toEqual(["KP4005 「参会」的值 1000000000000000000 超出范围：次数太大，无法精确计算"]);
    expect(codes([unit({ 参会: "９００７１９９２５４７４０９９２" })])).toEqual(["KP4005 「参会」的值 9007199254740992 超出范围：次数太大，无法精确计算"]);
    expect(codes([unit({ 信息: "9007199255%" })])).toEqual(["KP4005 「信息」的值 9007199255% 超出范围：超过可精确计算的上限 9007199254.740991"]);
    // the largest exact count is accepted
    expect(codes([unit({ 参会: "9007199254740991" })]).filter((c) => c.startsWith("KP4005") || c.startsWith("KP4003"))).toEqual([]);
  });

  describe("an incident-id list is a flat list of ids (issue 10, found by the facts fuzzer)", () => {
    const nested = (depth: number): unknown => {
      let v: unknown = "A";
      for (let i = 0; i < depth; i++) v = [v];
      return v;
    };
    const one = (v: unknown) => codes([unit({ "成员.通报": v })]);
    const total = (v: unknown) => m.scoreAll([unit({ "成员.通报": v })])[0]!.total;

    it("100 or 1,000 levels of nested arrays are KP4019, not one incident", () => {
      for (const depth of [2, 100, 1000]) {
        expect(one(nested(depth)), String(depth)).toEqual(["KP4019 「成员.通报」的值格式不对：事件编号列表的第 1 项是一个列表：事件编号列表只能由文字或非负整数组成，不能嵌套"]);
      }
    });

    it.each([[["A", ["B"]]], [[{}]], [[true]], [[null]], [[1.5]], [[-2]], [["A", "1.5"]], ["事件A、2.5"]])("%j is KP4019", (v) => {
      expect(one(v).map((c) => c.slice(0, 6))).toEqual(["KP4019"]);
    });

    it("a decimal or negative number written as text is a mistyped count (KP4003), not an incident id", () => {
      for (const v of ["1.5", "-2", "-0", "+3", "１．５", ".5", "3.", " 2.0 "]) expect(one(v), v).toEqual([`KP4003 「成员.通报」的值「${v}」应为非负整数（次数）`]);
    });

    it("ids are texts and non-negative integers", () => {
      expect(one(["事件A", 3, " 事件B "])).toEqual([]);
      expect(one("A、B、1")).toEqual([]);
      expect(total(["A", 3])).toBe(total(2));
      expect(total("A、B、1")).toBe(total(3));
    });
  });

  it("reports every problem of every unit, not just the first", () => {
    const got = m.checkFacts([unit({ 参会: -1, 清退: "也许" }), unit({ 满意度: 101 }, { name: "乙县" })]);
    expect(got.map((e) => [e.code, e.unit, e.key])).toEqual([
      ["KP4003", "甲县", "参会"],
      ["KP4009", "甲县", "清退"],
      ["KP4005", "乙县", "满意度"],
    ]);
  });

  it("does not require facts of rules that do not apply to the unit's class", () => {
    // 减分「约谈」只适用于县区; a 园区 unit may omit it and a fact for it deducts nothing
    const park = { name: "丙园区", classes: ["园区"], facts: { ...base, 约谈: 3 } };
    expect(m.checkFacts([park, unit({})])).toEqual([]);
    const score = (units: unknown) => m.scoreAll(units).map((x) => [x.unit, x.total, x.penalty]);
    // 丙园区 scores as without the fact (17.10, no penalty); 甲县, a 县区, loses 3 × 1 for it
    expect(score([park, unit({ 约谈: 3 })])).toEqual([
      ["丙园区", "17.10", "0"],
      ["甲县", "14.10", "3"],
    ]);
    expect(score([{ ...park, facts: base }, unit({ 约谈: 3 })])).toEqual(score([park, unit({ 约谈: 3 })]));
  });

  it("throws a KpFactsError listing all problems when scoring bad facts", () => {
    expect(() => m.scoreAll([unit({ 参会: -1 })])).toThrow(/KP4003/);
  });

  it("reports an overflow instead of a wrong number (KP4018)", () => {
    expect(() => m.scoreAll([unit({ 参会: 9_000_000_000_000 })])).toThrow(/KP4018/);
  });
});
