/**
 * issue 11 §1.14–§1.15: 择一 groups (mutually exclusive alternatives), veto-only lists (指标 without
 * points holding only 一票否决/一票否优) and 就高 inside 加分.  Every expected number is computed by hand.
 */
import { describe, expect, it } from "vitest";
import { analyzeRendered, compileRendered, importModule, type ScoringModule } from "../../../test/property/harness.js";

const path = "细则.kp";
const codes = (text: string): string[] =>
  analyzeRendered([{ path, text }])
    .diagnostics.filter((d) => d.severity === "error")
    .map((d) => d.code);
const analysed = (text: string) => analyzeRendered([{ path, text }]);
async function compile(text: string): Promise<ScoringModule> {
  return importModule(compileRendered([{ path, text }]).js);
}
const unit = (name: string, facts: Record<string, unknown>) => ({ name, classes: [] as string[], facts });

const EXCLUSIVE = `细则 「择一」
总分 10分
指标 「表彰」 {
  择一 {
    规则 「国家级」 「获国家级表彰的加3分」 得 3
    规则 「省级」 「获省级表彰的加2分」 得 2
    规则 「市级」 「获市级表彰的加1分」 得 1
  }
}
指标 「考核」 7分 {
  择一 {
    规则 「基本合格」 「基本合格的扣3分」 扣 3
    规则 「不合格」 「不合格的倒扣2分」 扣 9 倒扣
  }
}
加分 「荣誉」 上限 2 {
  择一 {
    规则 「国家荣誉」 「国家级加2分」 得 2
    规则 「省荣誉」 「省级加1分」 得 1
  }
}
`;

describe("择一", () => {
  it("derives the indicator's points from the largest alternative, not the sum", () => {
    const a = analysed(EXCLUSIVE);
    expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const ind = a.catalogue.indicators[0]!;
    expect(ind.points).toBe(3_000_000); // max(3, 2, 1), not 6
    expect(ind.groups[0]!.kind).toBe("choice");
    expect(a.catalogue.bonuses[0]!.groups[0]!.rules.map((r) => r.name)).toEqual(["国家荣誉", "省荣誉"]);
  });

  it("scores the one alternative that happened, 倒扣 included", async () => {
    const m = await compile(EXCLUSIVE);
    const [a, b, c] = [
      unit("甲县", { 国家级: "是", 国家荣誉: "是" }),
      unit("乙县", { 省级: true, 基本合格: "是", 国家级: "否" }),
      unit("丙县", { 市级: 1, 不合格: "是", 省荣誉: "是" }),
    ];
    const res = m.scoreAll([a, b, c]);
    const by = new Map(res.map((r) => [r.unit, r]));
    // 甲县 3 + 7 + 2 = 12; 乙县 2 + (7 − 3) = 6; 丙县 1 + (7 − 9 → 0, 2 carried) − 2 + 1 = 0
    expect(by.get("甲县")!.total).toBe("12");
    expect(by.get("乙县")!.total).toBe("6");
    expect(by.get("丙县")!.total).toBe("0");
  });

  it("rejects facts naming two alternatives of one group (KP4060), never guessing", () => {
    const m = compileRendered([{ path, text: EXCLUSIVE }]);
    return importModule(m.js).then((mod) => {
      const errors = mod.checkFacts([unit("甲县", { 国家级: "是", 市级: "是" }), unit("乙县", { 省级: 2, 基本合格: "是" }), unit("丙县", { 国家荣誉: true, 省荣誉: "是" })]);
      expect(errors.map((e) => [e.code, e.unit, e.key])).toEqual([
        ["KP4060", "甲县", "市级"],
        ["KP4060", "丙县", "省荣誉"],
      ]);
      expect(errors[0]!.message).toBe("单位「甲县」的事实同时写了「国家级」「市级」：它们是同一「择一」组中的情形，只能有一种发生");
      // an award given as partial points 0 did not happen; 否 neither
      expect(mod.checkFacts([unit("甲县", { 国家级: 0, 省级: "否", 市级: "是" })])).toEqual([]);
    });
  });

  it("a 加倍 condition of an alternative is not an alternative", async () => {
    const m = await compile(`细则 「t」
指标 「考核」 7分 {
  择一 {
    规则 「一般」 「一般问题扣1分，重犯加倍」 扣 1 加倍 当 「重犯」
    规则 「严重」 「严重问题扣3分」 扣 3
  }
}
`);
    expect(m.checkFacts([unit("甲县", { 一般: "是", "一般.重犯": "是" })])).toEqual([]);
    expect(m.scoreAll([unit("甲县", { 一般: "是", "一般.重犯": "是" })])[0]!.total).toBe("5"); // 7 − 1 × 2
  });

  it("holds only one-shot rules (KP2091) and at least two (KP2092)", () => {
    expect(codes(`细则 「t」\n指标 「甲」 3分 {\n  择一 {\n    规则 「a」 「a」 每次 扣 1\n    规则 「b」 「b」 扣 2\n  }\n}\n`)).toEqual(["KP2091"]);
    expect(codes(`细则 「t」\n指标 「甲」 3分 {\n  择一 {\n    规则 「a」 「a」 扣 1\n  }\n}\n`)).toEqual(["KP2092"]);
    expect(codes(`细则 「t」\n指标 「甲」 3分 {\n  择一 {\n    规则 「a」 「a」 扣 1\n    规则 「b」 「b」 不得分\n    规则 「c」 「c」 一票否决\n  }\n}\n`)).toEqual([]);
  });
});

describe("veto-only lists", () => {
  const TEXT = `细则 「否决清单」
总分 5分
等次 {
  「合格」 ≥ 0
  「不合格」 其余
}
指标 「工作」 5分 {
  规则 「差错」 「每次扣1分」 每次 扣 1
}
指标 「单项否决」 {
  规则 「打不开」 「网站打不开的，即单项否决」 一票否决
  规则 「不更新」 「首页不更新的，一票否优」 一票否优
}
`;
  it("has no points, adds nothing to the total and only sets vetoes", async () => {
    const a = analysed(TEXT);
    expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const list = a.catalogue.indicators[1]!;
    expect([list.points, list.pointsDeclared, list.vetoOnly]).toEqual([0, false, true]);
    const m = await compile(TEXT);
    const [r] = m.scoreAll([unit("甲县", { 差错: 1, 打不开: "是" })]);
    expect([r!.total, r!.grade, r!.vetoes.map((v) => v.rule)]).toEqual(["4", "不合格", ["打不开"]]);
  });

  it("reports a scoring rule in a list without points (KP2090), not KP2013", () => {
    expect(codes(`细则 「t」\n指标 「单项否决」 {\n  规则 「a」 「a」 一票否决\n  规则 「b」 「b」 每次 扣 1\n}\n`)).toEqual(["KP2090"]);
    // without any veto it is still an indicator whose points cannot be derived
    expect(codes(`细则 「t」\n指标 「甲」 {\n  规则 「b」 「b」 每次 扣 1\n}\n`)).toEqual(["KP2013"]);
  });
});

describe("就高 in 加分", () => {
  const TEXT = `细则 「加分就高」
总分 1分
指标 「工作」 1分 {
  注 「略」
}
加分 「表彰」 上限 6 {
  就高 {
    规则 「国家级」 「国家级每项加3分」 每项 得 3
    规则 「省级」 「省级每项加2分」 每项 得 2
    规则 「媒体」 「被国家级媒体报道的加1分」 得 1
  }
}
`;
  it("counts each item once, at its largest award; items without an id add up", async () => {
    const m = await compile(TEXT);
    const [r] = m.scoreAll([unit("甲县", { 国家级: ["A"], 省级: "A、B", 媒体: "B" })], { trace: true });
    // A: max(3, 2) = 3; B: max(2, 1) = 2; bonus 5
    expect(r!.bonus).toBe("5");
    expect(r!.trace!.filter((t) => t.kind === "limit").map((t) => t.text)).toEqual([
      "事项「A」同时适用「国家级」3、「省级」2，按最高级别加 3，不累加",
      "事项「B」同时适用「省级」2、「媒体」1，按最高级别加 2，不累加",
    ]);
    const [s] = m.scoreAll([unit("乙县", { 省级: 2, 媒体: "是", 国家级: "C" })]);
    expect(s!.bonus).toBe("6"); // 2 × 2 + 1 + 3 = 8, capped at 6
  });

  it("a one-shot award in a 就高 group is yes or an item id, not partial points", async () => {
    const m = await compile(TEXT);
    expect(m.checkFacts([unit("甲县", { 媒体: "0.5" })]).map((e) => e.code)).toEqual(["KP4009"]);
  });

  it("holds only per-item, category or one-shot awards (KP2017)", () => {
    expect(codes(`细则 「t」\n指标 「甲」 1分 { 注 「略」 }\n加分 「乙」 上限 2 {\n  就高 {\n    规则 「a」 「a」 按评价 得分 满分 1\n  }\n}\n`)).toEqual(["KP2017"]);
    expect(codes(`细则 「t」\n指标 「甲」 1分 { 注 「略」 }\n加分 「乙」 上限 2 {\n  就高 {\n    规则 「a」 「a」 每次 扣 1\n  }\n}\n`)).toEqual(["KP2017"]);
  });
});

describe("points that differ by unit class (§1.12)", () => {
  const TEXT = `细则 「分类分值」
类别 「重点县」、「其他县」、「园区」
总分 10分
指标 「招商引资」 5分 其中 「其他县」 3分、「园区」 4分 {
  规则 「未完成」 「未完成的扣2分」 扣 2
  规则 「重大失误」 「出现重大失误的不得分」 不得分
}
指标 「综合」 {
  指标 「甲」 2分 其中 「其他县」 4分 {
    规则 「差错」 「每次扣1分」 每次 扣 1
  }
  指标 「乙」 3分 {
    规则 「完成」 「完成得3分」 得 3
  }
}
`;
  const u = (name: string, classes: string[], facts: Record<string, unknown>) => ({ name, classes, facts });

  it("are checked and derived per class", () => {
    const a = analysed(TEXT);
    expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const [zs, zh] = a.catalogue.indicators;
    expect(zs!.classPoints).toEqual([
      { unitClass: "其他县", points: 3_000_000 },
      { unitClass: "园区", points: 4_000_000 },
    ]);
    // 综合: 2 + 3 = 5; for 其他县 4 + 3 = 7
    expect([zh!.points, zh!.classPoints]).toEqual([5_000_000, [{ unitClass: "其他县", points: 7_000_000 }]]);
  });

  it("score each unit against its class's points: base, 不得分, clamp, reports", async () => {
    const m = await compile(TEXT);
    const res = m.scoreAll(
      [
        u("A县", ["重点县"], { 未完成: "是", 差错: 1, 完成: "是" }),
        u("B县", ["其他县"], { 重大失误: "是", 差错: 1, 完成: "是" }),
        u("C县", ["其他县"], { 未完成: "是" }),
        u("D园", ["园区"], { 未完成: "是", 差错: 3 }),
      ],
      { trace: true },
    );
    const by = new Map(res.map((r) => [r.unit, r]));
    const row = (n: string) => by.get(n)!.indicators!.map((i) => [i.points, i.score, i.lost, i.children.map((c) => [c.points, c.score])]);
    // A县: 5 − 2 = 3; 甲 2 − 1 = 1, 乙 3 → 4 (of 5); total 7
    expect([by.get("A县")!.total, row("A县")]).toEqual(["7", [["5", "3", "2", []], ["5", "4", "1", [["2", "1"], ["3", "3"]]]]]);
    // B县: 3 − 3 (不得分) = 0; 甲 4 − 1 = 3, 乙 3 → 6 (of 7); total 6
    expect([by.get("B县")!.total, row("B县")]).toEqual(["6", [["3", "0", "3", []], ["7", "6", "1", [["4", "3"], ["3", "3"]]]]]);
    expect(by.get("B县")!.trace!.find((t) => t.rule === "重大失误")!.text).toBe("不得分：本项 3 分全部扣除");
    // C县: 3 − 2 = 1; 甲 4, 乙 0 → 4; total 5
    expect(by.get("C县")!.total).toBe("5");
    // D园: 4 − 2 = 2; 甲 2 − 3 → 0 (扣完为止), 乙 0 → 0; total 2
    expect([by.get("D园")!.total, row("D园")[0]]).toEqual(["2", ["4", "2", "2", []]]);
  });

  it("are written back by the formatter's parser as written (AST)", () => {
    const a = analysed(TEXT);
    const node = a.catalogue.indicators[0]!.node;
    expect(node.classPoints!.map((c) => [c.unitClass!.value, c.value!.text, c.value!.measure])).toEqual([
      ["其他县", "3", "分"],
      ["园区", "4", "分"],
    ]);
  });

  it("report undeclared classes, duplicates, rules that do not fit the smaller points and 满分-less scored rules", () => {
    expect(codes(`细则 「t」\n类别 「甲」\n指标 「x」 5分 其中 「乙」 3分 { 规则 「r」 「r」 扣 1 }\n`)).toEqual(["KP2001"]);
    expect(codes(`细则 「t」\n类别 「甲」\n指标 「x」 5分 其中 「甲」 3分、「甲」 2分 { 规则 「r」 「r」 扣 1 }\n`)).toEqual(["KP2020"]);
    expect(codes(`细则 「t」\n类别 「甲」\n指标 「x」 5分 其中 「甲」 3分 { 规则 「r」 「r」 得 4 }\n`)).toEqual(["KP2093"]);
    expect(codes(`细则 「t」\n类别 「甲」\n指标 「x」 5分 其中 「甲」 3分 { 规则 「r」 「r」 按比率 得分 }\n`)).toEqual(["KP2094"]);
    expect(codes(`细则 「t」\n类别 「甲」\n指标 「x」 5分 其中 「甲」 3分 { 规则 「r」 「r」 按比率 得分 满分 3 }\n`)).toEqual([]);
  });
});
