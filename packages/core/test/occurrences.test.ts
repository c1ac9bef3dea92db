/**
 * Issue 11 §1.6, §1.2, §1.16: multipliers on some occurrences only (其中 「已查结」 减半), results
 * averaged over a divisor (按 「所辖乡镇数」 平均) and per-item counts of a compound rule (每村 每次).
 * Every expected number is worked out by hand in the comment beside it.
 */
import { describe, expect, it } from "vitest";
import { compileCatalogue, emitDts, emitFactsSchema, checkCatalogue, parseKp } from "@kaoping/core";
import { compileRendered, importModule, type ScoringModule } from "../../../test/property/harness.js";

async function compile(text: string): Promise<ScoringModule> {
  return importModule(compileRendered([{ path: "细则.kp", text }]).js);
}

type Facts = Record<string, unknown>;
const unit = (name: string, facts: Facts) => ({ name, classes: [], facts });

const CATALOGUE = `细则 「部分次数与平均」
总分 10分
指标 「信访」 10分 {
  规则 「事故」 「每起扣1分，已查结的减半」 每起 扣 1 其中 「已查结」 减半
  规则 「微量」 「每件扣0.000001分，已化解的减半」 每件 扣 0.000001 其中 「已化解」 减半
  规则 「信息」 「每条扣0.2分；省市批示的加2倍，国务院批示的加3倍，按2倍的」 每条 扣 0.2 其中 「省市批示」 加 2倍、「国务院批示」 加 3倍、「二倍」 按 2倍
  规则 「较大」 「每起扣1分，按所辖乡镇数平均计算」 每起 扣 1 按 「所辖乡镇数」 平均
  规则 「一般」 「每起扣0.2分，按所辖乡镇数平均计算，重犯的加倍」 每起 扣 0.2 按 「所辖乡镇数」 平均 加倍 当 「重犯」
  规则 「通报」 「每次扣1分，由3个部门平均承担」 每次 扣 1 按 3 平均
  规则 「驻村」 「每村每次扣0.1分」 每村 每次 扣 0.1
}
`;

describe("其中 「条件」 加倍 / 减半 / 加 N倍 / 按 N倍", async () => {
  const m = await compile(CATALOGUE);
  const deduction = (facts: Facts) => {
    const [r] = m.scoreAll([unit("甲县", { 所辖乡镇数: 1, ...facts })], { trace: true });
    return { score: r?.indicators?.[0]?.score, trace: (r?.trace ?? []).map((t) => t.text) };
  };

  it.each([
    // 3 起, 1 已查结: 2 × 1 + 1 × 1 × 0.5 = 2.5 → 10 − 2.5
    [{ 事故: 3, "事故.已查结": 1 }, "7.5"],
    // all of them 已查结: 2 × 1 × 0.5 = 1
    [{ 事故: 2, "事故.已查结": 2 }, "9"],
    // none: 2 × 1 = 2
    [{ 事故: 2 }, "8"],
    // ½ of one millionth is 0.0000005, half away from zero: 0.000001
    [{ 微量: 1, "微量.已化解": 1 }, "9.999999"],
    // 3 millionths halved: 0.0000015 → 0.000002 (one rounding for the condition's product)
    [{ 微量: 3, "微量.已化解": 3 }, "9.999998"],
    // 4 条: 1 plain 0.2 + 省市 1 × 0.2 × 3 + 国务院 1 × 0.2 × 4 + 二倍 1 × 0.2 × 2 = 0.2 + 0.6 + 0.8 + 0.4 = 2
    [{ 信息: 4, "信息.省市批示": 1, "信息.国务院批示": 1, "信息.二倍": 1 }, "8"],
  ])("%j → %s", (facts, score) => {
    expect(deduction(facts).score).toBe(score);
  });

  it("explain shows the multiplied occurrences separately, each with its factor", () => {
    expect(deduction({ 事故: 3, "事故.已查结": 1 }).trace).toContain("2起 × 1 + 已查结 1起 × 1 × 0.5（减半） = 2.5");
    expect(deduction({ 信息: 2, "信息.省市批示": 1, "信息.国务院批示": 1 }).trace).toContain(
      "省市批示 1条 × 0.2 × 3（加2倍） + 国务院批示 1条 × 0.2 × 4（加3倍） = 1.4",
    );
  });

  it("on a categories rule: each category's occurrences meeting a condition (规则名.条件.分类)", async () => {
    const c = await compile(`细则 「分类」
总分 10分
加分 「信息工作」 上限 100 {
  规则 「信息」 「上报的每条计5分，省办采用的每条计15分；省市领导批示的在原计分基础上加2倍计分，国务院领导批示的加3倍计分」
    每条 得 「上报」 5、「省办采用」 15 其中 「省市领导批示」 加 2倍、「国务院领导批示」 加 3倍
}
指标 「基础」 10分 {
  注 「只为有基本分」
}
`);
    // 上报 3: 1 plain 5 + 省市 1 × 5 × 3 + 国务院 1 × 5 × 4 = 5 + 15 + 20 = 40; 省办采用 2: 1 × 15 + 省市 1 × 15 × 3 = 60 → 100
    const facts = { "信息.上报": 3, "信息.省办采用": 2, 信息: { 省市领导批示: { 上报: 1, 省办采用: 1 }, 国务院领导批示: { 上报: 1 } } };
    const [r] = c.scoreAll([unit("甲县", facts)], { trace: true });
    expect(r!.bonus).toBe("100");
    expect((r!.trace ?? []).map((t) => t.text)).toContain(
      "上报 1条 × 5 + 省市领导批示 上报 1条 × 5 × 3（加2倍） + 国务院领导批示 上报 1条 × 5 × 4（加3倍） + 省办采用 1条 × 15 + 省市领导批示 省办采用 1条 × 15 × 3（加2倍） = 100",
    );
    const errs = c.checkFacts([unit("甲县", { "信息.上报": 1, "信息.省市领导批示.上报": 1, "信息.国务院领导批示.上报": 1 })]);
    expect(errs.map((e) => `${e.code} ${e.key}`)).toEqual(["KP4045 信息.省市领导批示.上报"]);
  });

  it("more occurrences meeting the conditions than occurrences is KP4045, at the condition's key", () => {
    const errs = m.checkFacts([unit("甲县", { 所辖乡镇数: 1, 信息: 2, "信息.省市批示": 2, "信息.国务院批示": 1 })]);
    expect(errs.map((e) => [e.code, e.key, e.message])).toEqual([
      ["KP4045", "信息.省市批示", "单位「甲县」的「信息.省市批示、信息.国务院批示」共 3 条，多于「信息」的 2 条：其中加倍、减半的次数不能多于总次数"],
    ]);
    expect(m.checkFacts([unit("甲县", { 所辖乡镇数: 1, "事故.已查结": 1 })]).map((e) => e.code)).toEqual(["KP4045"]);
  });
});

describe("按 「所辖乡镇数」 平均 and 按 N 平均", async () => {
  const m = await compile(CATALOGUE);
  const run = (facts: Facts) => {
    const [r] = m.scoreAll([unit("甲县", facts)], { trace: true });
    return { score: r?.indicators?.[0]?.score, trace: (r?.trace ?? []).map((t) => t.text) };
  };

  it.each([
    // 1 ÷ 3 = 0.333333… → 0.333333
    [{ 所辖乡镇数: 3, 较大: 1 }, "9.666667"],
    // 2 ÷ 3 = 0.666666… → 0.666667 (half away from zero at the 6th decimal)
    [{ 所辖乡镇数: 3, 较大: 2 }, "9.333333"],
    // one divisor for two rules: 1 ÷ 4 + 0.4 ÷ 4 = 0.25 + 0.1
    [{ 所辖乡镇数: 4, 较大: 1, 一般: 2 }, "9.65"],
    // divided first, then 加倍 当: 0.2 ÷ 3 = 0.066667, × 2 = 0.133334
    [{ 所辖乡镇数: 3, 一般: 1, "一般.重犯": true }, "9.866666"],
    // the divisor written in the catalogue: 2 ÷ 3 → 0.666667
    [{ 所辖乡镇数: 1, 通报: 2 }, "9.333333"],
    // the divisor as cell text
    [{ 所辖乡镇数: "８", 较大: 2 }, "9.75"],
  ])("%j → %s", (facts, score) => {
    expect(run(facts).score).toBe(score);
  });

  it("explain shows the division", () => {
    expect(run({ 所辖乡镇数: 3, 较大: 1 }).trace).toContain("1起 × 1 = 1，按所辖乡镇数 3 平均 → 0.333333");
    expect(run({ 所辖乡镇数: 3, 通报: 1 }).trace).toContain("1次 × 1 = 1，按 3 平均 → 0.333333");
  });

  it("a divisor of 0 is KP4046, a missing one KP4008, a fraction KP4003 — once, though two rules divide by it", () => {
    const codes = (facts: Facts) => m.checkFacts([unit("甲县", facts)]).map((e) => `${e.code} ${e.key}`);
    expect(codes({ 所辖乡镇数: 0 })).toEqual(["KP4046 所辖乡镇数"]);
    expect(codes({})).toEqual(["KP4008 所辖乡镇数"]);
    expect(codes({ 所辖乡镇数: 2.5 })).toEqual(["KP4003 所辖乡镇数"]);
  });

  it("the .d.ts and the JSON Schema list a shared divisor once", () => {
    const parsed = parseKp(CATALOGUE, "细则.kp");
    const { catalogue } = checkCatalogue([parsed.ast]);
    expect(emitDts(catalogue).match(/"所辖乡镇数": /g)).toHaveLength(1);
    const schema = JSON.stringify(emitFactsSchema(catalogue));
    expect(schema.match(/"所辖乡镇数"/g)!.length).toBeGreaterThan(0);
    expect(compileCatalogue(catalogue).js).toContain("所辖乡镇数");
  });
});

describe("每村 每次: per-item counts", async () => {
  const m = await compile(CATALOGUE);
  const run = (facts: Facts) => {
    const [r] = m.scoreAll([unit("甲县", { 所辖乡镇数: 1, ...facts })], { trace: true });
    return { score: r?.indicators?.[0]?.score, trace: (r?.trace ?? []).map((t) => t.text) };
  };

  it.each([
    // 3 村 × 2 次 × 0.1 = 0.6
    [{ "驻村.村": 3, "驻村.次": 2 }, "9.4"],
    // the nested form of the same two counts
    [{ 驻村: { 村: 3, 次: 2 } }, "9.4"],
    // per item: 2 + 1 + 0 = 3 次 × 0.1 = 0.3
    [{ 驻村: { 东村: 2, 西村: 1, 南村: 0 } }, "9.7"],
    // as cell text, with the noun, a colon and mixed separators: 2 + 1 + 3 = 6
    [{ 驻村: "东村 2、西村1次；北村：3" }, "9.4"],
    // their sum
    [{ 驻村: 4 }, "9.6"],
  ])("%j → %s", (facts, score) => {
    expect(run(facts).score).toBe(score);
  });

  it("explain lists the items", () => {
    expect(run({ 驻村: { 东村: 2, 西村: 1 } }).trace).toContain("东村 2次 + 西村 1次 = 3次 × 0.1 = 0.3");
  });

  it("both forms at once KP4047, a fraction KP4048, text not 「项名 次数」 or an item twice KP4049", () => {
    const codes = (facts: Facts) => m.checkFacts([unit("甲县", { 所辖乡镇数: 1, ...facts })]).map((e) => `${e.code} ${e.key}`);
    expect(codes({ 驻村: { 东村: 1 }, "驻村.村": 2 })).toEqual(["KP4047 驻村.村"]);
    expect(codes({ 驻村: { 东村: 1.5 } })).toEqual(["KP4048 驻村"]);
    expect(codes({ 驻村: "东村两次" })).toEqual(["KP4049 驻村"]);
    expect(codes({ 驻村: "东村 1、东村 2" })).toEqual(["KP4049 驻村"]);
    expect(codes({ 驻村: [1, 2] })).toEqual(["KP4049 驻村"]);
  });
});
