/**
 * Outcomes (issue 11 §1.5, §1.8, §1.13): 否则 branches, 按评价 … 折算自 N, 总分 N 折算 and 评为 …
 * 分别得/扣.  Every expected number is worked out by hand in the comment beside it.
 */
import { describe, expect, it } from "vitest";
import { analyzeRendered, compileRendered, flatScores, importModule, type ScoringModule } from "../../../test/property/harness.js";

async function compile(text: string): Promise<ScoringModule> {
  return importModule(compileRendered([{ path: "细则.kp", text }]).js);
}
const codesOf = (text: string) => analyzeRendered([{ path: "细则.kp", text }]).diagnostics.map((d) => d.code);

describe("否则: one yes/no fact, two outcomes", async () => {
  const m = await compile(`细则 「否则」
指标 「工作」 3分 {
  指标 「按期」 1分 {
    规则 「按期完成」 「按期完成的得1分，未完成的倒扣2分」 得 1 否则 倒扣 2
  }
  指标 「报送」 2分 {
    规则 「报送」 「按时报送的得2分，未报送的扣1分」 得 2 否则 扣 1
    规则 「迟报」 「迟报的每次扣0.5分」 每次 扣 0.5
  }
}
加分 「其他」 上限 10 {
  规则 「网站」 「完成任务的加5分，完不成任务的在总分值中扣5分。」 得 5 否则 扣 5
  规则 「信息」 「完成任务的加10分，完不成任务的在总分值中扣10分。」 得 10 否则 扣 10
}
`);
  const score = (facts: Record<string, unknown>) => {
    const [r] = m.scoreAll([{ name: "甲", facts }], { trace: true });
    const s = flatScores(r!.indicators);
    return [s.get("1.1"), s.get("1.2"), s.get("1"), r!.bonus, r!.exactTotal];
  };

  it.each([
    // all done: 1 + 2 = 3; bonus 5 + 10 = 15 capped at 10; total 13
    [{ 按期完成: "是", 报送: "是", 网站: "是", 信息: "是" }, ["1", "2", "3", "10", "13"]],
    // 按期 not done: 0 − 2 倒扣 → 0, 2 carried to 工作 (3 − 1 − 2 = 0... 1.2 is 2, so 工作 = 0 + 2 − 2 = 0)
    [{ 按期完成: "否", 报送: "是", 网站: "是", 信息: "是" }, ["0", "2", "0", "10", "10"]],
    // 报送 not done: 0 − 1 → clamped at 0 (扣完为止); 工作 = 1 + 0 = 1
    [{ 按期完成: "是", 报送: "否", 网站: "是", 信息: "是" }, ["1", "0", "1", "10", "11"]],
    // 报送 done with 2 late reports: 2 − 1 = 1
    [{ 按期完成: "是", 报送: "是", 迟报: 2, 网站: "是", 信息: "是" }, ["1", "1", "2", "10", "12"]],
    // 网站 not done: awards 10 (not capped), −5 from the total, outside the cap: bonus 10 − 5 = 5; total 3 + 5 = 8
    [{ 按期完成: "是", 报送: "是", 网站: "否", 信息: "是" }, ["1", "2", "3", "5", "8"]],
    // neither done: bonus 0 − 5 − 10 = −15; total 3 − 15 = −12
    [{ 按期完成: "是", 报送: "是", 网站: "否", 信息: "否" }, ["1", "2", "3", "-15", "-12"]],
  ])("%j", (facts, expected) => {
    expect(score(facts)).toEqual(expected);
  });

  it("explains the 否则 branch, and that it is outside the section's cap", () => {
    const [r] = m.scoreAll([{ name: "甲", facts: { 按期完成: "否", 报送: "是", 网站: "否", 信息: "是" } }], { trace: true });
    const texts = r!.trace!.map((t) => t.text);
    expect(texts).toContain("未完成，倒扣 2");
    expect(texts).toContain("未完成，扣 5");
    expect(texts).toContain("未完成任务扣 5，从总分中扣除（不受加分上限 10 限制）");
  });

  it("the fact is required (KP4008) and yes/no only (KP4009): nothing is guessed", () => {
    const all = { 按期完成: "是", 报送: "是", 网站: "是", 信息: "是" };
    expect(m.checkFacts([{ name: "甲", facts: { ...all, 网站: undefined } }]).map((e) => e.code)).toEqual(["KP4008"]);
    expect(m.checkFacts([{ name: "甲", facts: { ...all, 按期完成: "" } }]).map((e) => e.code)).toEqual(["KP4008"]);
    expect(m.checkFacts([{ name: "甲", facts: { ...all, 报送: 0.5 } }]).map((e) => e.code)).toEqual(["KP4009"]);
  });

  it("misuses are errors with a location", () => {
    expect(codesOf(`细则 「x」\n指标 「甲」 1分 { 规则 「a」 「b」 扣 1 否则 扣 2 }`)).toEqual(["KP2080"]);
    expect(codesOf(`细则 「x」\n指标 「甲」 1分 { 规则 「a」 「b」 得 1 否则 得 0.5 }`)).toEqual(["KP2080"]);
    expect(codesOf(`细则 「x」\n指标 「甲」 1分 { 规则 「a」 「b」 得 1 否则 扣 2 加倍 当 「重犯」 }`)).toEqual(["KP2087"]);
    // a 否则 rule is an award: not in 合计 groups or 减分 sections
    expect(codesOf(`细则 「x」\n指标 「甲」 1分 { 合计 上限 1 { 规则 「a」 「b」 得 1 否则 扣 2 } }`)).toContain("KP2017");
    expect(codesOf(`细则 「x」\n减分 「甲」 { 规则 「a」 「b」 得 1 否则 扣 2 }`)).toContain("KP2017");
  });
});

describe("按评价 … 折算自 N: an external score on its own scale", async () => {
  const m = await compile(`细则 「折算」
指标 「上级考核」 4分 {
  规则 「上级考核」 「采用上级部门考核结果，按本项分值折算」 按评价 得分 折算自 120
}
加分 「创新」 上限 2 {
  规则 「创新评价」 「创新评价结果（百分制）按2分折算」 按评价 得分 满分 2 折算自 100
}
`);
  const score = (facts: Record<string, unknown>) => {
    const [r] = m.scoreAll([{ name: "甲", facts }]);
    return [flatScores(r!.indicators).get("1"), r!.bonus];
  };
  it.each([
    // 90 × 4 ÷ 120 = 3; 75 × 2 ÷ 100 = 1.5
    [{ 上级考核: 90, 创新评价: 75 }, ["3", "1.5"]],
    // 100 × 4 ÷ 120 = 3.3333333… → 3.333333 (sixth decimal, half away from zero)
    [{ 上级考核: "100" }, ["3.333333", "0"]],
    // 119 × 4 ÷ 120 = 3.9666666… → 3.966667
    [{ 上级考核: 119 }, ["3.966667", "0"]],
    // the scale itself gives full points: 120 × 4 ÷ 120 = 4; 0 gives 0
    [{ 上级考核: 120, 创新评价: 0 }, ["4", "0"]],
    // a decimal score: 60.5 × 4 ÷ 120 = 2.0166666… → 2.016667
    [{ 上级考核: "60.5" }, ["2.016667", "0"]],
  ])("%j", (facts, expected) => {
    expect(score(facts)).toEqual(expected);
  });

  it("a score outside [0, scale] is KP4056 (not silently clamped)", () => {
    const got = m.checkFacts([{ name: "甲", facts: { 上级考核: 121 } }, { name: "乙", facts: { 上级考核: -1 } }]);
    expect(got.map((e) => e.code)).toEqual(["KP4056", "KP4056"]);
    expect(got[0]!.message).toBe("「上级考核」的值 121 超出范围 [0, 120]：它是满分 120 的评价结果，按本项满分 4 折算");
  });

  it("折算自 belongs to 按评价 only (KP2081)", () => {
    expect(codesOf(`细则 「x」\n指标 「甲」 1分 { 规则 「a」 「b」 按比率 得分 折算自 120 }`)).toEqual(["KP2081"]);
  });
});

describe("总分 N 折算: the final score rescaled", async () => {
  const m = await compile(`细则 「总分折算」
总分 100分 折算
指标 「任务一」 5分 {
  规则 「任务一」 「未完成的扣5分」 扣 5
}
指标 「任务二」 5分 {
  规则 「任务二」 「每次扣1分」 每次 扣 1
}
指标 「任务三」 5分 {
  规则 「任务三」 「每次扣1分」 每次 扣 1
}
加分 「创新」 上限 2 {
  规则 「表彰」 「受到表彰的加1分」 得 1
}
等次 {
  「优秀」 ≥ 90
  「合格」 其余
}
`);
  it.each([
    // 5 + 5 + 5 = 15 of 15 → 15 × 100 ÷ 15 = 100
    [{}, "100", "优秀"],
    // 5 + 4 + 5 = 14 → 14 × 100 ÷ 15 = 93.333333…  → 93.333333, 优秀
    [{ 任务二: 1 }, "93.333333", "优秀"],
    // 5 + 3 + 5 = 13 → 86.666666… → 86.666667 (half away from zero), 合格: grades read the rescaled total
    [{ 任务二: 2 }, "86.666667", "合格"],
    // 13 + 1 bonus = 14 → 93.333333, 优秀: the bonus is rescaled with the rest (最终得分)
    [{ 任务二: 2, 表彰: "是" }, "93.333333", "优秀"],
    // 0 + 5 + 5 = 10 → 66.666667
    [{ 任务一: "是" }, "66.666667", "合格"],
  ])("%j", (facts, total, grade) => {
    const [r] = m.scoreAll([{ name: "甲", facts }], { trace: true });
    expect([r!.exactTotal, r!.grade]).toEqual([total, grade]);
  });
  it("explains the rescaling", () => {
    const [r] = m.scoreAll([{ name: "甲", facts: { 任务二: 1 } }], { trace: true });
    expect(r!.trace!.map((t) => t.text)).toContain("各项合计 14（满分 15），按满分 100 折算：14 × 100 ÷ 15 = 93.333333");
  });
  it("a catalogue with nothing to rescale from is KP2086", () => {
    expect(codesOf(`细则 「x」\n总分 100分 折算\n加分 「甲」 上限 2 { 规则 「a」 「b」 得 1 }`)).toEqual(["KP2086"]);
  });
});

describe("评为 … 分别得: named outcomes", async () => {
  const m = await compile(`细则 「评定」
指标 「公开」 5分 {
  规则 「公开评价」 「评为好、较好、一般的分别得满分、80%、60%，差的不得分」 评为 「好」、「较好」、「一般」、「差」 分别得 满分、80%、60%、0
}
指标 「整改」 3分 {
  规则 「整改」 「整改评为不合格的扣2分，基本合格的扣1分」 评为 「合格」、「基本合格」、「不合格」 分别扣 0、1、2
}
指标 「三分」 3分 {
  规则 「三分」 「评为好的得满分，较好的得三分之一」 评为 「好」、「较好」 分别得 满分、33.3333%
}
`);
  const score = (facts: Record<string, unknown>) => {
    const [r] = m.scoreAll([{ name: "甲", facts }]);
    const s = flatScores(r!.indicators);
    return [s.get("1"), s.get("2"), s.get("3")];
  };
  it.each([
    // 好 = 满分 5; 合格 deducts 0 → 3; 好 → 3
    [{ 公开评价: "好", 整改: "合格", 三分: "好" }, ["5", "3", "3"]],
    // 较好 = 5 × 80% = 4; 基本合格 → 3 − 1 = 2; 较好 = 3 × 33.3333% = 0.999999
    [{ 公开评价: "较好", 整改: "基本合格", 三分: "较好" }, ["4", "2", "0.999999"]],
    // 一般 = 5 × 60% = 3; 不合格 → 3 − 2 = 1; a name with spaces around it is the name
    [{ 公开评价: " 一般 ", 整改: "不合格", 三分: "好" }, ["3", "1", "3"]],
    // 差 = 0
    [{ 公开评价: "差", 整改: "合格", 三分: "好" }, ["0", "3", "3"]],
  ])("%j", (facts, expected) => {
    expect(score(facts)).toEqual(expected);
  });

  it("any other value is KP4055 with the allowed names; a missing one is KP4008", () => {
    const got = m.checkFacts([{ name: "甲", facts: { 公开评价: "优秀", 整改: "合格", 三分: "好" } }]);
    expect(got.map((e) => [e.code, e.message])).toEqual([["KP4055", "「公开评价」的值「优秀」不是规定的评定结果：只能是 好、较好、一般、差"]]);
    expect(m.checkFacts([{ name: "甲", facts: { 公开评价: 1, 整改: "合格", 三分: "好" } }]).map((e) => e.code)).toEqual(["KP4055"]);
    expect(m.checkFacts([{ name: "甲", facts: { 整改: "合格", 三分: "好" } }]).map((e) => e.code)).toEqual(["KP4008"]);
  });

  it("misuses are errors with a location", () => {
    const head = `细则 「x」\n指标 「甲」 5分 { 规则 「a」 「b」 `;
    expect(codesOf(`${head}评为 「好」、「好」 分别得 5、4 }`)).toEqual(["KP2082"]);
    expect(codesOf(`${head}评为 「好」、「较好」 分别得 5 }`)).toEqual(["KP2083"]);
    expect(codesOf(`细则 「x」\n指标 「甲」 { 规则 「a」 「b」 评为 「好」 分别得 满分 }`)).toEqual(["KP2084"]);
    expect(codesOf(`${head}评为 「好」 分别得 120% }`)).toEqual(["KP2085"]);
    // points as amounts derive an indicator's points: 指标 without points, 评为 … 分别得 2、1 → 2 points
    expect(codesOf(`细则 「x」\n指标 「甲」 { 规则 「a」 「b」 评为 「好」、「较好」 分别得 2、1 }`)).toEqual([]);
  });
});
