/**
 * Scores taken from a group (参照 … 平均分 / 最高分 / 最低分, 未涉及) and rankings by a computed score or
 * with a 依次 list (issue 11 §1.3, §1.10).  Every expected number is worked out by hand beside it.
 */
import { describe, expect, it } from "vitest";
import { checkCatalogue, lex, parseKp } from "@kaoping/core";
import { compileRendered, flatScores, importModule, type ScoringModule } from "../../../test/property/harness.js";

async function compile(text: string): Promise<ScoringModule> {
  return importModule(compileRendered([{ path: "细则.kp", text }]).js);
}
function codes(text: string): string[] {
  const p = parseKp(text, "细则.kp");
  return [...p.diagnostics, ...checkCatalogue([p.ast]).diagnostics].filter((d) => d.severity === "error").map((d) => d.code);
}
const u = (name: string, classes: string[], facts: Record<string, unknown> = {}) => ({ name, classes, facts });
const scoresOf = (m: ScoringModule, units: unknown[]) =>
  Object.fromEntries(m.scoreAll(units).map((r) => [r.unit, { total: r.exactTotal, ...Object.fromEntries(flatScores(r.indicators)) } as Record<string, string>]));

describe("参照 to a pool's average", async () => {
  const m = await compile(`细则 「平均分」
类别 「县区」、「园区」
指标 「环境」 4分 {
  参照 「园区」 以 「县区」 平均分 为准
  指标 「水」 2分 {
    规则 「水质」 「水质不达标的每次扣0.5分」 每次 扣 0.5
  }
  指标 「气」 2分 {
    规则 「空气」 「空气质量不达标的每次扣1分，可倒扣」 每次 扣 1 倒扣
  }
}
`);
  it("averages the indicator and each child over the pool; the taker carries no 倒扣", () => {
    // 甲县: 水 2 − 0.5 = 1.5; 气 2 − 3 = −1 → 0, carry 1 → 环境 1.5 + 0 − 1 = 0.5
    // 乙县: 水 2, 气 2 → 环境 4
    // 丙园区: 环境 (0.5 + 4) ÷ 2 = 2.25; 水 (1.5 + 2) ÷ 2 = 1.75; 气 (0 + 2) ÷ 2 = 1
    const s = scoresOf(m, [u("甲县", ["县区"], { 水质: 1, 空气: 3 }), u("乙县", ["县区"]), u("丙园区", ["园区"], { 水质: 4 })]);
    expect(s["甲县"]).toEqual({ total: "0.5", "1": "0.5", "1.1": "1.5", "1.2": "0" });
    expect(s["丙园区"]).toEqual({ total: "2.25", "1": "2.25", "1.1": "1.75", "1.2": "1" });
  });
  it("explains which units and the mean", () => {
    const r = m.scoreAll([u("甲县", ["县区"], { 水质: 1 }), u("乙县", ["县区"]), u("丙园区", ["园区"])], { trace: true }).find((x) => x.unit === "丙园区")!;
    // 甲县 1.5 + 2 = 3.5; 乙县 4: (3.5 + 4) ÷ 2 = 3.75
    expect(r.trace!.map((t) => t.text)).toContain("园区本项得分以「县区」各单位的平均分为准：甲县 3.5、乙县 4，平均分 (3.5 + 4) ÷ 2 = 3.75");
  });
  it("rounds the mean half away from zero at the sixth decimal", async () => {
    const m2 = await compile(`细则 「舍入」
类别 「县区」、「园区」
指标 「甲」 1分 {
  参照 「园区」 以 「县区」 平均分 为准
  规则 「问题」 「每次扣0.999999分」 每次 扣 0.999999
  规则 「小问题」 「每次扣0.000001分」 每次 扣 0.000001
}
`);
    // 0.000001 and 0.000002: (0.000001 + 0.000002) ÷ 2 = 0.0000015 → 0.000002
    const s = scoresOf(m2, [u("A", ["县区"], { 问题: 1 }), u("B", ["县区"], { 问题: 1, 小问题: 0 }), u("C", ["园区"])]);
    expect(s["A"]!.total).toBe("0.000001");
    const s2 = scoresOf(m2, [u("A", ["县区"], { 问题: 1 }), u("B", ["县区"], { 小问题: 999998 }), u("C", ["园区"])]);
    // B: 1 − 999998 × 0.000001 = 0.000002
    expect(s2["B"]!.total).toBe("0.000002");
    expect(s2["C"]!.total).toBe("0.000002");
  });
  it("KP4050 when the pool is empty (no unit of the class)", () => {
    const errors = m.checkFacts([u("丙园区", ["园区"])]);
    expect(errors.map((e) => e.code)).toEqual(["KP4050"]);
    expect(errors[0]!.message).toBe("单位「丙园区」的指标「环境」（1）以「县区」各单位的平均分为准，但没有这样的单位可取（它们都不考核本项，或自己也取参照的得分）");
  });
});

describe("参照 未涉及", async () => {
  const m = await compile(`细则 「未涉及」
类别 「县区」、「园区」、「重点」
指标 「上级」 6分 {
  参照 「园区」 以 「甲县」 为准
  指标 「信访」 3分 {
    参照 未涉及 以 各单位 最低分 为准
    参照 「重点」 以 「县区」 最高分 为准
    规则 「化解率」 「化解率低于90%的，每低1个百分点扣0.1分」 基准 90% 每低 1个百分点 扣 0.1
  }
  指标 「稳定」 3分 {
    参照 未涉及 以 同类单位 平均分 为准
    规则 「事件」 「每起扣1分」 每起 扣 1
  }
}
`);
  const units = [
    u("甲县", ["县区"], { 化解率: "85%", 事件: 1 }), // 信访 3 − 5 × 0.1 = 2.5; 稳定 3 − 1 = 2
    u("乙县", ["县区"], { 化解率: "80%", "稳定.未涉及": "是" }), // 信访 3 − 1 = 2; 稳定: see below
    u("丙县", ["县区"], { "信访.未涉及": "是", 事件: 0 }), // 信访: see below; 稳定 3
    u("丁县", ["县区"], { 化解率: 90, 事件: 5 }), // 信访 3; 稳定 3 − 5 → 0
    u("戊园区", ["园区"], { 化解率: "0%", 事件: 9 }), // 上级 takes 甲县's: 信访 2.5, 稳定 2, its own facts unused
  ];
  it("takes the pool's lowest / average; units taking a 参照 above are not in the pool", () => {
    const s = scoresOf(m, units);
    // 丙县 信访: lowest of 甲县 2.5, 乙县 2, 丁县 3 (戊园区 takes 甲县's at 上级: not in the pool) → 2; total 2 + 3 = 5
    expect(s["丙县"]).toEqual({ total: "5", "1": "5", "1.1": "2", "1.2": "3" });
    // 乙县 稳定: 同类（县区）not flagged: 甲县 2, 丙县 3, 丁县 0 → 5 ÷ 3 = 1.6666666… → 1.666667; total 2 + 1.666667
    expect(s["乙县"]).toEqual({ total: "3.666667", "1": "3.666667", "1.1": "2", "1.2": "1.666667" });
    expect(s["戊园区"]).toEqual({ total: "4.5", "1": "4.5", "1.1": "2.5", "1.2": "2" });
  });
  it("a flagged unit need not give the indicator's required facts; others must", () => {
    expect(m.checkFacts(units)).toEqual([]);
    expect(m.checkFacts([u("甲县", ["县区"], { 事件: 1 }), u("乙县", ["县区"], { 化解率: 95 })]).map((e) => e.code)).toEqual(["KP4008"]);
  });
  it("the first 参照 that concerns a unit is the one it takes; 同类单位 means the same classes", () => {
    // 己县 (县区、重点) takes the 重点 参照: highest of the 县区 units that take nothing here (甲县 2.5,
    // 乙县 2, 丁县 3; not 丙县, flagged; not 辛县, itself a taker) → 3.
    // 辛县 (县区、重点) flagged 未涉及 takes the first 参照 that concerns it: lowest of 甲县 2.5, 乙县 2, 丁县 3 → 2.
    const more = [...units, u("己县", ["县区", "重点"], { 化解率: 0, 事件: 0 }), u("辛县", ["县区", "重点"], { "信访.未涉及": true })];
    expect(m.checkFacts(more)).toEqual([]);
    const s = scoresOf(m, more);
    expect(s["己县"]!["1.1"]).toBe("3");
    expect(s["辛县"]!["1.1"]).toBe("2");
    // 乙县's 同类单位 for 稳定 are the units with exactly the classes 县区: 己县 and 辛县 (县区、重点) are not
    expect(s["乙县"]!["1.2"]).toBe("1.666667");
  });
  it("KP4050 names the 未涉及 fact when every unit of the class is flagged", () => {
    const errors = m.checkFacts([u("甲县", ["县区"], { 化解率: 90, "稳定.未涉及": "是" })]);
    expect(errors.map((e) => [e.code, e.key])).toEqual([["KP4050", "稳定.未涉及"]]);
  });
});

describe("参照 同类单位: the pool of each set of classes", async () => {
  // class names whose joined texts coincide: 「甲乙」+「丙」 and 「甲」+「乙丙」 are both 甲乙丙
  const m = await compile(`细则 「同类」
类别 「甲乙」、「丙」、「甲」、「乙丙」
指标 「稳定」 3分 {
  参照 未涉及 以 同类单位 平均分 为准
  规则 「事件」 「每起扣1分」 每起 扣 1
}
`);
  it("a taker's 同类单位 have exactly its classes, however their names join", () => {
    const units = [
      u("A1", ["甲乙", "丙"], { 事件: 1 }), // 3 − 1 = 2
      u("B1", ["甲", "乙丙"], { 事件: 3 }), // 3 − 3 = 0
      u("A2", ["甲乙", "丙"], { "稳定.未涉及": "是" }), // A1's: 2
      u("B2", ["甲", "乙丙"], { "稳定.未涉及": "是" }), // B1's: 0 (the module once cached A2's pool under the same key)
    ];
    const s = scoresOf(m, units);
    expect([s["A2"]!.total, s["B2"]!.total]).toEqual(["2", "0"]);
    expect(scoresOf(m, units.slice().reverse())["B2"]!.total).toBe("0");
    // KP4050 is looked for once per set of classes: B3 has no member, A3 has A1
    const errors = m.checkFacts([units[0]!, u("A3", ["甲乙", "丙"], { "稳定.未涉及": "是" }), u("B3", ["甲", "乙丙"], { "稳定.未涉及": "是" })]);
    expect(errors.map((e) => [e.code, e.unit])).toEqual([["KP4050", "B3"]]);
  });
});

describe("ranking by a computed score, and 依次 lists", async () => {
  const m = await compile(`细则 「排名」
类别 「县区」、「园区」
指标 「项目」 4分 {
  规则 「滞后」 「每个扣0.5分」 每个 扣 0.5
}
指标 「进位」 2分 {
  规则 「项目排名」 「按项目得分排名，第一名得2分，每后退一位扣0.5分」 按 「项目」 得分 排名 满分 2 每后退一位 扣 0.5
}
指标 「园区工作」 2分 {
  适用 「园区」
  规则 「园区问题」 「每个扣1分」 每个 扣 1 倒扣
}
指标 「园区排名」 1分 {
  规则 「按园区工作排名」 「按园区工作得分排名，第一名得1分」 按 「园区工作」 得分 排名 依次 得 1
}
加分 「总分排名」 上限 1 {
  规则 「总分前二」 「总分前两名依次加1分、0.5分，其余加0.1分」 按 总分 排名 依次 得 1、0.5 其余 得 0.1
}
`);
  const units = [
    u("甲县", ["县区"], { 滞后: 1 }), // 项目 3.5
    u("乙县", ["县区"], { 滞后: 0 }), // 项目 4
    u("丙园区", ["园区"], { 滞后: 2, 园区问题: 4 }), // 项目 3; 园区工作 2 − 4 → 0, carry 2
    u("丁园区", ["园区"], { 滞后: 1, 园区问题: 1 }), // 项目 3.5; 园区工作 1
  ];
  it("ranks by the indicator's score (ties 1, 2, 2, 4), only units the indicator applies to, and by the total before bonuses", () => {
    const r = m.scoreAll(units);
    const by = Object.fromEntries(r.map((x) => [x.unit, x]));
    // 进位: 乙县 4 第 1 → 2; 甲县、丁园区 3.5 并列第 2 → 1.5; 丙园区 3 第 4 → 0.5
    expect(flatScores(by["乙县"]!.indicators).get("2")).toBe("2");
    expect(flatScores(by["甲县"]!.indicators).get("2")).toBe("1.5");
    expect(flatScores(by["丁园区"]!.indicators).get("2")).toBe("1.5");
    expect(flatScores(by["丙园区"]!.indicators).get("2")).toBe("0.5");
    // 园区排名: only 丙园区 (0) and 丁园区 (1) are ranked: 丁园区 1st → 1; 丙园区 → 0; 县区 (园区工作 not applicable, full) → 0
    expect(flatScores(by["丁园区"]!.indicators).get("4")).toBe("1");
    expect(flatScores(by["甲县"]!.indicators).get("4")).toBe("0");
    // base totals: 甲县 3.5 + 1.5 + 2 + 0 = 7; 乙县 4 + 2 + 2 + 0 = 8; 丙园区 3 + 0.5 + 0 + 0 − 2 (carry) = 1.5; 丁园区 3.5 + 1.5 + 1 + 1 = 7
    // bonus: 乙县 1st → 1; 甲县、丁园区 tie 2nd → 0.5; 丙园区 4th → 其余 0.1
    // (ties are listed by unit name: 丁 U+4E01 before 甲 U+7532)
    expect(r.map((x) => [x.unit, x.exactTotal, x.bonus])).toEqual([
      ["乙县", "9", "1"],
      ["丁园区", "7.5", "0.5"],
      ["甲县", "7.5", "0.5"],
      ["丙园区", "1.6", "0.1"],
    ]);
  });
  it("explains the computed score and the place", () => {
    const r = m.scoreAll(units, { trace: true }).find((x) => x.unit === "甲县")!;
    const texts = r.trace!.map((t) => t.text);
    expect(texts).toContain("「项目」得分 3.5，第 2 名，后退 1 位 × 0.5，得 2 − 0.5 = 1.5");
    expect(texts).toContain("总分（加分、减分之前）7，第 2 名（共 4 个单位），依次得 1、0.5：第 2 名得 0.5");
  });
  it("checks: cycles, names, lists, placement", () => {
    const head = "细则 「t」\n";
    expect(codes(head + "指标 「a」 1分 { 规则 「r」 「c」 按 「a」 得分 排名 依次 得 1 }")).toEqual(["KP2071"]);
    expect(codes(head + "指标 「a」 1分 { 规则 「r」 「c」 按 总分 排名 依次 得 1 }")).toEqual(["KP2071"]);
    expect(codes(head + "指标 「a」 1分 { 规则 「x」 「c」 扣 1 }\n加分 「b」 上限 1 { 规则 「r」 「c」 按 「a」 得分 排名 依次 得 1 }")).toEqual([]);
    // ranking by a fact stays in indicators only
    expect(codes(head + "加分 「b」 上限 1 { 规则 「r」 「c」 按排名 得分 依次 得 1 }")).toEqual(["KP2017"]);
    // a step form in a bonus section needs its 满分
    expect(codes(head + "指标 「a」 1分 { 规则 「x」 「c」 扣 1 }\n加分 「b」 上限 1 { 规则 「r」 「c」 按 总分 排名 每后退一位 扣 0.1 }")).toEqual(["KP2046"]);
    expect(codes(head + "指标 「a」 10分 { 规则 「r」 「c」 按排名 得分 依次 得 10、9、8 其余 得 0 }")).toEqual([]);
    expect(codes(head + "指标 「a」 10分 { 规则 「r」 「c」 按排名 得分 依次 得 10、10、9 }")).toEqual([]);
  });
  it("按 is a keyword only before 「 or 总分", () => {
    const kinds = (t: string) => lex(t).tokens.map((x) => x.tokenType.name);
    expect(kinds("按 「项目」 得分 排名")).toEqual(["ByKw", "StringLiteral", "ScoreWord", "RankWord"]);
    expect(kinds("按总分排名")).toEqual(["ByKw", "Total", "RankWord"]);
    // a bare word starting with 按 stays one unknown word (KP1001, recovered as a name)
    expect(kinds("按时完成")).toEqual(["StringLiteral"]);
    expect(lex("按时完成").diagnostics.map((d) => d.code)).toEqual(["KP1001"]);
  });
});
