/**
 * Regression tests for the smaller defects of issue 11 §3, each checked against the old behaviour
 * (the comment beside each says what the old code did).  Every expected number is computed by hand.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeRendered, compileRendered, importModule, type ScoringModule } from "../../../test/property/harness.js";

async function compile(text: string): Promise<ScoringModule> {
  return importModule(compileRendered([{ path: "细则.kp", text }]).js);
}

const unit = (name: string, facts: Record<string, unknown>) => ({ name, classes: [] as string[], facts });

describe("the trace shows the computed value before 加倍/减半 and the cap", async () => {
  const m = await compile(`细则 「加倍的说明」
总分 20分
指标 「稳定」 20分 {
  规则 「事件」 「甲类每例扣0.5分，乙类每例扣1分，群体性事件加倍，最多扣3分」 每例 扣 「甲类」 0.5、「乙类」 1 加倍 当 「群体性事件」 上限 3
  规则 「评价」 「按评价得分，整改的减半」 按评价 得分 满分 4 减半 当 「整改」
  就高 {
    规则 「通报」 「每次扣0.1分，重犯加倍」 每次 扣 0.1 加倍 当 「重犯」
    规则 「处分」 「轻处分每例扣0.5分，重处分每例扣1分，整改的减半」 每例 扣 「轻」 0.5、「重」 1 减半 当 「整改」
  }
}
`);
  const trace = (facts: Record<string, unknown>) => {
    const [r] = m.scoreAll([unit("甲县", { 评价: 0, ...facts })], { trace: true });
    return r!.trace!.filter((t) => t.rule !== undefined).map((t) => [t.rule, t.amount, t.text, t.facts]);
  };

  it("categories: 2 × 0.5 + 1 × 1 = 2, doubled → 4, capped at 3", () => {
    // old: 「甲类 2例 × 0.5 + 乙类 1例 × 1 = 3，群体性事件加倍 → 4，封顶 3」 (the value after both)
    expect(trace({ 事件: { 甲类: 2, 乙类: 1, 群体性事件: "是" } })).toEqual([
      ["事件", "3", "甲类 2例 × 0.5 + 乙类 1例 × 1 = 2，群体性事件加倍 → 4，封顶 3", { "事件.甲类": 2, "事件.乙类": 1, "事件.群体性事件": true }],
    ]);
    // 2 × 0.5 = 1, doubled → 2 (under the cap)
    expect(trace({ 事件: { 甲类: 2, 群体性事件: "是" } })[0]![2]).toBe("甲类 2例 × 0.5 = 1，群体性事件加倍 → 2");
  });

  it("an assessed score: the facts (with the condition) and the computation show the input 3, halved → 1.5", () => {
    // old: 「评价得分 1.5（满分 4），整改减半 → 1.5」 and the fact 评价 = 1.5 (and no 评价.整改)
    expect(trace({ 评价: 3, "评价.整改": "是" })).toEqual([["评价", "1.5", "评价得分 3（满分 4），整改减半 → 1.5", { 评价: "3", "评价.整改": true }]]);
  });

  it("就高: the multiplied amount is marked where it is used", () => {
    // old: 「2次 × 0.2 = 0.4，重犯加倍 → 0.2」 and 「轻 1例 × 0.25 = 0.25，整改减半 → 0.25，整改减半 → 0.5」
    expect(trace({ 通报: 2, "通报.重犯": "是", 处分: { 轻: 1, 整改: "是" } }).map((t) => t[2])).toEqual([
      "2次 × 0.2（重犯加倍） = 0.4",
      "轻 1例 × 0.25（整改减半） = 0.25",
    ]);
  });
});

const codes = (text: string) => analyzeRendered([{ path: "细则.kp", text }]).diagnostics.map((d) => d.code);

describe("checker messages", () => {
  it("扣 「B」 0.5、「C」 1 without 每… is KP2043, and its fix (每次) scores counts", async () => {
    const text = `细则 「分类」
总分 5分
指标 「甲」 5分 {
  规则 「处分」 「警告扣0.5分，记过扣1分」 扣 「警告」 0.5、「记过」 1
}
`;
    // old: no diagnostic; the facts were counts although nothing in the rule said so
    const a = analyzeRendered([{ path: "细则.kp", text }]);
    expect(a.diagnostics.map((d) => d.code)).toEqual(["KP2043"]);
    const edit = a.diagnostics[0]!.fixes![0]!.edits[0]!;
    const fixed = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
    expect(fixed).toContain("每次 扣 「警告」 0.5");
    const m = await compile(fixed);
    // 2 × 0.5 + 1 × 1 = 2 → 5 − 2 = 3
    expect(m.scoreAll([unit("甲县", { 处分: { 警告: 2, 记过: 1 } })])[0]!.exactTotal).toBe("3");
  });

  it("a rule without 满分 in a 加分 section is named as in that section (KP2046, not KP2018 「指标「加分」」)", () => {
    const d = analyzeRendered([{ path: "细则.kp", text: "细则 「t」\n加分 「创新」 上限 2 {\n  规则 「评价」 「按评价加分」 按评价 得分\n}\n" }]).diagnostics;
    expect(d.map((x) => [x.code, x.message])).toEqual([["KP2046", "规则「评价」没有写「满分」：它在加分「创新」中，加分项没有分值可作本规则的满分；请写明本规则的满分"]]);
  });

  it("基准 5天 每超 1% is about the 基准 and the step (KP2044), not bands (KP2012)", () => {
    expect(codes("细则 「t」\n指标 「甲」 2分 {\n  规则 「办结」 「超过5天的，每超1天扣0.1分」 基准 5天 每超 1% 扣 0.1\n}\n")).toEqual(["KP2044"]);
    // these stay fine: the same measure, 个百分点 on a percentage, no measure on one side
    expect(codes("细则 「t」\n指标 「甲」 2分 {\n  规则 「a」 「a」 基准 5天 每超 1天 扣 0.1\n  规则 「b」 「b」 基准 90% 每低 1个百分点 扣 0.1 低于 60% 不得分\n  规则 「c」 「c」 基准 10 每减少 1天 扣 0.1\n}\n")).toEqual([]);
  });

  it("an oversized points value is KP2036 alone (no KP2013 after it)", () => {
    expect(codes("细则 「t」\n指标 「乙」 {\n  规则 「活动」 「活动」 得 99999999999999\n}\n指标 「丙」 99999999999999分 {\n  规则 「缺席」 「缺席」 扣 1\n}\n")).toEqual(["KP2036", "KP2036"]);
    // an indicator without points and without awards is still KP2013, also beside an oversized deduction
    expect(codes("细则 「t」\n指标 「乙」 {\n  规则 「缺席」 「缺席」 扣 1\n}\n")).toEqual(["KP2013"]);
    expect(codes("细则 「t」\n指标 「乙」 {\n  规则 「缺席」 「缺席」 扣 99999999999999\n}\n")).toEqual(["KP2036", "KP2013"]);
  });

  it("an empty 分段 { } is KP2045; 分段 { 未报送 扣 1 } is a band rule", () => {
    expect(codes("细则 「t」\n指标 「甲」 2分 {\n  规则 「信息」 「信息」 分段 { }\n}\n")).toEqual(["KP2045"]);
    expect(codes("细则 「t」\n指标 「甲」 2分 {\n  规则 「信息」 「信息」 分段 { 未报送 扣 1 }\n}\n")).toEqual([]);
  });
});

describe("a 分段 (or 按评价) rule in a 加分 section: a value not given is no bonus", async () => {
  const m = await compile(`细则 「加分分段」
总分 10分
指标 「甲」 10分 {
  规则 「完成率」 「完成率低于60%的扣1分」 分段 { < 60% 扣 1 }
}
加分 「创新」 上限 2 {
  规则 「获奖率」 「获奖率达到90%以上的加1分，80%—90%的加0.5分」 分段 { ≥ 90% 得 1  [80%, 90%) 得 0.5 }
  规则 「创新评价」 「按创新评价结果加分，最多加1分」 按评价 得分 满分 1
}
`);
  it("scores: given 95% → +1; given 85% → +0.5; not given → +0, 按评价 not given → +0 (old: KP4008 for 甲县 and 乙县)", () => {
    const r = m.scoreAll([unit("甲县", { 完成率: 70, 获奖率: "95%" }), unit("乙县", { 完成率: 50 }), unit("丙县", { 完成率: 70, 获奖率: 85, 创新评价: 0.4 })]);
    // 甲县 10 + 1 = 11; 乙县 10 − 1 + 0 = 9; 丙县 10 + 0.5 + 0.4 = 10.9
    expect(Object.fromEntries(r.map((x) => [x.unit, x.exactTotal]))).toEqual({ 甲县: "11", 乙县: "9", 丙县: "10.9" });
  });
  it("the indicator's 分段 fact is still required (KP4008)", () => {
    expect(() => m.scoreAll([unit("甲县", { 获奖率: 95 })])).toThrow(/KP4008 单位「甲县」缺少规则「完成率」需要的事实/);
  });
});

describe("kp explain (the built CLI, as users run it)", () => {
  const cli = join(__dirname, "../../cli/dist/cli.js");
  it("shows 「= 2，群体性事件加倍 → 4」", () => {
    if (!existsSync(cli)) throw new Error(`找不到 ${cli}：请先构建（pnpm --filter @kaoping/core --filter @kaoping/cli build）`);
    const dir = mkdtempSync(join(tmpdir(), "kp-explain-"));
    try {
      writeFileSync(
        join(dir, "细则.kp"),
        "细则 「加倍」\n指标 「稳定」 5分 {\n  规则 「事件」 「甲类每例扣0.5分，乙类每例扣1分，群体性事件加倍」 每例 扣 「甲类」 0.5、「乙类」 1 加倍 当 「群体性事件」\n}\n",
      );
      writeFileSync(join(dir, "facts.json"), JSON.stringify({ units: [{ name: "甲县", facts: { 事件: { 甲类: 2, 乙类: 1, 群体性事件: "是" } } }] }));
      const r = spawnSync(process.execPath, [cli, "explain", "细则.kp", "facts.json", "-u", "甲县"], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
      expect(r.status, r.stderr).toBe(0);
      // 5 − 4 = 1; old: 「… = 4，群体性事件加倍 → 4」
      expect(r.stdout).toContain("稳定  1 / 5 分");
      expect(r.stdout).toContain("事实：事件.甲类 = 2，事件.乙类 = 1，事件.群体性事件 = 是");
      expect(r.stdout).toContain("计算：甲类 2例 × 0.5 + 乙类 1例 × 1 = 2，群体性事件加倍 → 4");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
