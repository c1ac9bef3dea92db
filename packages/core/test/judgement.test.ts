/**
 * The assessor's judgement (issue 11 §1.7, §1.11, 每次 酌情): 免扣/可减免 当 「…」, 评议 得分, 每次 酌情
 * 扣/得 and 酌情 得 — compiled and scored, with hand-computed results, the explain texts, and every bad
 * fact a located code (KP4065–KP4068).  Patterns 35–37 (test/patterns) are the worked examples.
 */
import { describe, expect, it } from "vitest";
import { checkCatalogue, compileCatalogue, parseKp } from "@kaoping/core";

type Mod = {
  checkFacts(units: unknown): { code: string; message: string; unit?: string; key?: string }[];
  scoreAll(units: unknown, o?: object): { unit: string; total: string; bonus: string; trace?: { rule?: string; text: string; amount: string }[] }[];
};

const source = `细则 「评议、酌情与免扣」
类别 「县区」、「园区」
指标 「甲」 10分 {
  规则 「会议」 「未开或少开的，按次扣1-3分」 每次 酌情 扣 1 至 3 上限 5
  规则 「任务」 「确因上级政策调整未完成的不扣分」 扣 1.5 免扣 当 「上级政策调整」
  规则 「整改」 「每个问题扣1分，最多扣3分，瞒报的加倍；主动整改的可酌情减免」 每个 扣 1 上限 3 加倍 当 「瞒报」 可减免 当 「主动整改」
  规则 「园区」 「园区每次扣0.5分，主动整改的可酌情减免」 每次 扣 0.5 可减免 当 「主动整改」 适用 「园区」
  合计 上限 1 {
    规则 「报送」 「报送不及时的每次扣0.5分，系统故障的不扣分」 每次 扣 0.5 免扣 当 「系统故障」
    规则 「材料」 「材料不规范的扣0.8分，主动说明的可酌情减免」 扣 0.8 可减免 当 「主动说明」
  }
}
指标 「乙」 2分 {
  规则 「事故」 「发生事故的本项不得分，不可抗力的除外」 不得分 免扣 当 「不可抗力」
}
加分 「创新」 上限 2 {
  规则 「创新」 「由考核组评议加分」 评议 得分
  规则 「提前」 「提前完成的酌情加0.5-1分」 酌情 得 0.5 至 1
  规则 「推广」 「每条经验被推广的酌情加0.2-0.5分」 每条 酌情 得 0.2 至 0.5
}
`;

async function load(): Promise<{ mod: Mod; js: string; dts: string; schema: string }> {
  const parsed = parseKp(source, "judgement.kp");
  const checked = checkCatalogue([parsed.ast]);
  expect([...parsed.diagnostics, ...checked.diagnostics].map((d) => `${d.code} ${d.message}`)).toEqual([]);
  const out = compileCatalogue(checked.catalogue);
  const mod = (await import(`data:text/javascript;base64,${Buffer.from(out.js).toString("base64")}`)) as Mod;
  return { mod, js: out.js, dts: out.dts, schema: out.schema };
}

const unit = (facts: object, classes: string[] = ["县区"], name = "甲县") => ({ name, classes, facts });

describe("the assessor's judgement", async () => {
  const { mod, dts, schema } = await load();
  const codes = (units: unknown) => mod.checkFacts(units).map((e) => `${e.code} ${e.unit}「${e.key}」 ${e.message}`);
  const one = (facts: object, classes?: string[]) => mod.scoreAll([unit(facts, classes)], { trace: true })[0]!;
  const text = (r: ReturnType<typeof one>, rule: string) => r.trace!.find((t) => t.rule === rule)?.text;

  it("order: computed → 加倍 → the rule's cap → 减免 → 合计 cap → the indicator", () => {
    // 整改: 4 × 1 = 4, 瞒报 → 8, 上限 3, 减免 1 → 2.  合计: 报送 3 × 0.5 = 1.5 + 材料 0.8 − 0.3 = 0.5 → 2, cap 1.
    // 甲: 10 − (2 + 1) = 7; 乙 2; total 9.
    const r = one({ 整改: 4, "整改.瞒报": "是", "整改.主动整改": 1, 报送: 3, 材料: "是", "材料.主动说明": 0.3 });
    expect(r.total).toBe("9");
    expect(text(r, "整改")).toBe("4个 × 1 = 4，瞒报加倍 → 8，封顶 3，主动整改：减免 1 → 2");
    expect(text(r, "材料")).toBe("发生，扣 0.8，主动说明：减免 0.3 → 0.5");
  });

  it("免扣 cancels a deduction and lifts a 不得分; the explain says what was waived", () => {
    const r = one({ 任务: "是", "任务.上级政策调整": "是", 事故: "是", "事故.不可抗力": "是", 报送: 2, "报送.系统故障": "是" });
    expect(r.total).toBe("12");
    expect(text(r, "任务")).toBe("发生，扣 1.5，上级政策调整：免扣 1.5");
    expect(text(r, "事故")).toBe("不得分：本项 2 分全部扣除，不可抗力：免扣，本项不因本规则不得分");
    expect(text(r, "报送")).toBe("2次 × 0.5 = 1，系统故障：免扣 1");
    // the condition without the rule deducts nothing; 不得分 without the condition takes the indicator
    expect(one({ "任务.上级政策调整": "是", 事故: "是" }).total).toBe("10");
  });

  it("每次 酌情: the amounts given per occurrence, summed, then capped", () => {
    const r = one({ 会议: [1, 2.5, 3] });
    expect(r.total).toBe("7"); // 6.5 → 上限 5; 10 − 5 + 2
    expect(text(r, "会议")).toBe("3次，酌情扣 1、2.5、3 = 6.5（每次 1 至 3），封顶 5");
    expect(one({ 会议: "1.5、2" }).total).toBe("8.5");
    expect(one({ 会议: "3" }).total).toBe("9");
    expect(one({ 会议: 0 }).total).toBe("12");
    expect(one({ 会议: [] }).total).toBe("12");
  });

  it("评议 得分 and 酌情 得 in a 加分 section, capped by the section", () => {
    const r = mod.scoreAll([unit({ 创新: 1.5, 提前: 0.8, 推广: [0.5, 0.2] })], { trace: true })[0]!;
    expect(r.bonus).toBe("2"); // 1.5 + 0.8 + 0.7 = 3 → 2
    expect(text(r, "创新")).toBe("考核组评议得 1.5（不超过 2）");
    expect(text(r, "提前")).toBe("酌情得 0.8（范围 0.5 至 1）");
    expect(text(r, "推广")).toBe("2条，酌情得 0.5、0.2 = 0.7（每条 0.2 至 0.5）");
  });

  it("every bad value is a located code: KP4065 reduction, KP4066 评议, KP4067 酌情, KP4068 format", () => {
    expect(codes([unit({ 整改: 1, "整改.主动整改": 4 })])).toEqual([
      "KP4065 甲县「整改.主动整改」 「整改.主动整改」的减免 4 超出范围 [0, 3]：减免的分数应在 0 至本规则的扣分之间",
    ]);
    // beyond this unit's deduction: found by scoring, also by checkFacts
    expect(codes([unit({ 整改: 1, "整改.主动整改": 2 })])).toEqual([
      "KP4065 甲县「整改.主动整改」 「整改.主动整改」的减免 2 超出范围 [0, 1]：减免的分数应在 0 至本规则的扣分之间（本单位本规则扣 1）",
    ]);
    expect(() => mod.scoreAll([unit({ 整改: 1, "整改.主动整改": 2 })])).toThrow(/KP4065/);
    expect(codes([unit({ "整改.主动整改": 0.5 })])).toEqual([
      "KP4065 甲县「整改.主动整改」 「整改.主动整改」的减免 0.5 超出范围 [0, 0]：减免的分数应在 0 至本规则的扣分之间（本单位本规则不扣分）",
    ]);
    expect(codes([unit({ 创新: 2.5 })])).toEqual(["KP4066 甲县「创新」 「创新」的评议得分 2.5 超出范围 [0, 2]"]);
    expect(codes([unit({ 会议: [1, 3.5] })])).toEqual(["KP4067 甲县「会议」 「会议」的酌情分数 3.5 超出范围 [1, 3]（第 2 次）"]);
    expect(codes([unit({ 会议: 0.5 })])).toEqual(["KP4067 甲县「会议」 「会议」的酌情分数 0.5 超出范围 [1, 3]"]);
    expect(codes([unit({ 提前: 0.2 })])).toEqual(["KP4067 甲县「提前」 「提前」的酌情分数 0.2 超出范围 [0.5, 1]"]);
    expect(codes([unit({ 会议: "2、很多" })])).toEqual(["KP4068 甲县「会议」 「会议」的值「2、很多」格式不对：应为每次酌情给的分数，多次时用「、」隔开（如「1、1.5」）"]);
    expect(codes([unit({ 会议: [[1]] })]).map((c) => c.slice(0, 6))).toEqual(["KP4068"]);
  });

  it("a reduction on a rule that does not apply to the unit is ignored, like its other facts", () => {
    expect(codes([unit({ 园区: 2, "园区.主动整改": 5 })])).toEqual([]);
    expect(one({ 园区: 2, "园区.主动整改": 0.5 }, ["园区"]).total).toBe("11.5");
    expect(codes([unit({ 园区: 2, "园区.主动整改": 5 }, ["园区"])])[0]).toMatch(/^KP4065/);
  });

  it("declares and describes the new facts in the .d.ts and the JSON schema", () => {
    expect(dts).toContain("每次酌情给的分数，各在 1 至 3 之间");
    expect(dts).toContain("考核组评议的得分，0 至 2");
    expect(dts).toContain("减免的分数，0 至本规则的扣分（最多 3）");
    const s = JSON.parse(schema) as { properties: { units: { items: { properties: { facts: { properties: Record<string, { oneOf: unknown[] }> } } } } } };
    const props = s.properties.units.items.properties.facts.properties;
    expect(Object.keys(props)).toEqual(expect.arrayContaining(["会议", "任务.上级政策调整", "整改.主动整改", "创新", "提前", "推广"]));
    expect(props["会议"]!.oneOf).toContainEqual({ type: "array", items: { oneOf: [{ type: "number", minimum: 1, maximum: 3 }, expect.objectContaining({ type: "string" })] } });
  });
});

describe("the assessor's judgement: misplaced", () => {
  it("每次 酌情 in a 就高 group is KP2017 with its own reason", () => {
    const parsed = parseKp("细则 「t」\n指标 「甲」 4分 {\n  就高 {\n    规则 「会议」 「每起扣1-2分」 每起 酌情 扣 1 至 2\n  }\n}\n", "t.kp");
    const d = checkCatalogue([parsed.ast]).diagnostics;
    expect(d.map((x) => `${x.code} ${x.message}`)).toEqual([expect.stringMatching(/^KP2017 .*酌情扣分的分数由考评单位给出，不对应某一事件/)]);
  });
});
