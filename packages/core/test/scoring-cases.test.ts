/**
 * Hand-computed scores for two rules the random property test (test/property/scoring.test.ts) was
 * the only one to check: an indicator whose awards exceed its points is clamped at its points, and a
 * 前 N% grade takes floor(units × N / 100) units — never the ceiling.  Every expected number below is
 * worked out by hand in the comment beside it.
 */
import { describe, expect, it } from "vitest";
import { compileRendered, flatScores, importModule, type ScoringModule } from "../../../test/property/harness.js";

async function compile(text: string): Promise<ScoringModule> {
  return importModule(compileRendered([{ path: "细则.kp", text }]).js);
}

const unit = (name: string, facts: Record<string, number>) => ({ name, classes: ["县区"], facts });

describe("an award-heavy indicator is clamped at its points", async () => {
  const m = await compile(`细则 「加分多的指标」
类别 「县区」
总分 4分
指标 「学习」 2分 {
  规则 「活动」 「开展学习活动的，每次得0.5分」 每次 得 0.5
  规则 「迟到」 「迟到的，每次扣0.5分」 每次 扣 0.5
}
指标 「会议」 2分 {
  规则 「缺席」 「缺席的，每次扣0.5分」 每次 扣 0.5 上限 2
}
`);
  const scores = (facts: Record<string, number>) => {
    const [r] = m.scoreAll([unit("甲县", { 缺席: 0, 迟到: 0, ...facts })]);
    return { 学习: flatScores(r!.indicators).get("1"), total: r!.exactTotal };
  };

  it.each([
    // 6 × 0.5 = 3 earned, more than the 2 points: 2
    [{ 活动: 6 }, "2", "4"],
    // exactly the points: 4 × 0.5 = 2
    [{ 活动: 4 }, "2", "4"],
    // 3 earned − 0.5 deducted = 2.5, still over the points: 2
    [{ 活动: 6, 迟到: 1 }, "2", "4"],
    // 2.5 earned − 1 deducted = 1.5, under the points: 1.5
    [{ 活动: 5, 迟到: 2 }, "1.5", "3.5"],
    // 0.5 earned − 1.5 deducted < 0: 0
    [{ 活动: 1, 迟到: 3 }, "0", "2"],
    // 100 × 0.5 = 50 earned: still 2, and the total never exceeds 总分
    [{ 活动: 100, 缺席: 1 }, "2", "3.5"],
  ])("%o → 学习 %s, total %s", (facts, score, total) => {
    expect(scores(facts)).toEqual({ 学习: score, total });
  });

  it("says so in the trace", () => {
    const [r] = m.scoreAll([unit("甲县", { 活动: 6, 迟到: 0, 缺席: 0 })], { trace: true });
    expect(r!.trace!.map((t) => t.text)).toContain("得分 3 超过本项分值 2，按 2 计");
  });
});

describe("前 N% takes floor(units × N / 100) units", async () => {
  const m = await compile(`细则 「名额」
类别 「县区」
总分 10分
等次 {
  「优秀」 前 30%
  「良好」 前 60%
  「一般」 其余
}
指标 「会议」 10分 {
  规则 「缺席」 「缺席的，每次扣1分」 每次 扣 1 上限 10
}
`);
  /** Units 单位1…单位n with distinct totals 10, 9, 8, …: rank k is 单位k. */
  const grades = (n: number) =>
    m.scoreAll(Array.from({ length: n }, (_, i) => unit(`单位${i + 1}`, { 缺席: i }))).map((r) => `${r.rank}${r.grade}`);

  it.each([
    // 1 × 30% = 0.3 → 0; 1 × 60% = 0.6 → 0 (ceiling: 单位1 优秀)
    [1, ["1一般"]],
    // 2 × 30% = 0.6 → 0; 2 × 60% = 1.2 → 1 (ceiling: 1 优秀, 2 良好)
    [2, ["1良好", "2一般"]],
    // 3 × 30% = 0.9 → 0; 3 × 60% = 1.8 → 1
    [3, ["1良好", "2一般", "3一般"]],
    // 4 × 30% = 1.2 → 1; 4 × 60% = 2.4 → 2 (ceiling: 2 优秀, 3 良好)
    [4, ["1优秀", "2良好", "3一般", "4一般"]],
    // 5 × 30% = 1.5 → 1; 5 × 60% = 3 exactly → 3
    [5, ["1优秀", "2良好", "3良好", "4一般", "5一般"]],
    // 10 × 30% = 3 and 10 × 60% = 6 exactly: the boundary rank is in (rank ≤ quota, not <)
    [10, ["1优秀", "2优秀", "3优秀", "4良好", "5良好", "6良好", "7一般", "8一般", "9一般", "10一般"]],
  ])("%i units → %o", (n, want) => {
    expect(grades(n)).toEqual(want);
  });
});
