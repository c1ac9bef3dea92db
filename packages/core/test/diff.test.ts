/**
 * kp diff's comparison (core/src/diff): rules paired by name, a renamed rule found by its clause
 * (the same text, or a similar one), a moved rule, indicators renamed by content, and the changes
 * named in the catalogue's words.
 */
import { describe, expect, it } from "vitest";
import { checkCatalogue, clauseSimilarity, diffCatalogues, parseKp, type DiffVersion as Version } from "../src/index.js";

function version(text: string, path = "/v/细则.kp"): Version {
  const parsed = parseKp(text, path);
  const checked = checkCatalogue([parsed.ast]);
  const errors = [...parsed.diagnostics, ...checked.diagnostics].filter((d) => d.severity === "error");
  expect(errors.map((d) => d.message)).toEqual([]);
  return { catalogue: checked.catalogue, texts: new Map([[path, text]]) };
}

const head = `细则 「测试」\n总分 10分\n`;
const base = `${head}
指标 「会议」 5分 {
  规则 「参会」 「未按要求参加会议的，每次扣0.5分」 每次 扣 0.5
  规则 「迟到」 「会议迟到的，每次扣0.1分」 每次 扣 0.1
}
指标 「信息」 5分 {
  规则 「信息完成率」 「完成率分段扣分」 分段 {
    [75%, 100%) 扣 0.2
    < 75% 扣 0.5
  }
  规则 「漏报」 「漏报信息的，每次扣0.3分」 每次 扣 0.3
}
`;

describe("diffCatalogues", () => {
  it("finds no change between a catalogue and itself", () => {
    const d = diffCatalogues(version(base), version(base));
    expect(d.same).toBe(true);
    expect(d.ruleNames.get("参会")).toBe("参会");
  });

  it("pairs a renamed rule by its identical clause", () => {
    const d = diffCatalogues(version(base), version(base.replace("「参会」", "「参加会议」")));
    expect(d.rules).toEqual([expect.objectContaining({ name: "参加会议", oldName: "参会", how: "clause", status: "changed", changes: [] })]);
    expect(d.ruleNames.get("参会")).toBe("参加会议");
  });

  it("pairs a renamed rule with a reworded clause by similarity, and shows both clauses", () => {
    const d = diffCatalogues(version(base), version(base.replace("「漏报」 「漏报信息的，每次扣0.3分」", "「漏报信息」 「漏报、瞒报信息的，每次扣0.3分」")));
    const r = d.rules[0]!;
    expect(r).toMatchObject({ name: "漏报信息", oldName: "漏报", how: "similar", clause: { old: "漏报信息的，每次扣0.3分", new: "漏报、瞒报信息的，每次扣0.3分" } });
    expect(r.similarity).toBeGreaterThanOrEqual(0.6);
  });

  it("does not pair unrelated clauses: an added and a removed rule", () => {
    const d = diffCatalogues(version(base), version(base.replace("「迟到」 「会议迟到的，每次扣0.1分」", "「早退」 「提前离场的，扣1分」").replace("每次 扣 0.1", "扣 1")));
    expect(d.rules.map((r) => [r.status, r.name, r.summary])).toEqual([
      ["added", "早退", "扣 1"],
      ["removed", "迟到", "每次 扣 0.1"],
    ]);
  });

  it("reports a rule moved to another indicator", () => {
    const moved = base.replace("  规则 「迟到」 「会议迟到的，每次扣0.1分」 每次 扣 0.1\n", "").replace("  规则 「漏报」", "  规则 「迟到」 「会议迟到的，每次扣0.1分」 每次 扣 0.1\n  规则 「漏报」");
    const d = diffCatalogues(version(base), version(moved));
    expect(d.rules).toEqual([expect.objectContaining({ name: "迟到", moved: { from: "会议", to: "信息" }, changes: [] })]);
  });

  it("names points, caps, bands and amounts old → new in the catalogue's words", () => {
    const next = base
      .replace("「会议」 5分", "「会议」 4分")
      .replace("「信息」 5分", "「信息」 6分")
      .replace("每次 扣 0.5", "每次 扣 0.5 上限 2")
      .replace("[75%, 100%) 扣 0.2\n    < 75% 扣 0.5", "[80%, 100%) 扣 0.2\n    < 80% 扣 0.5")
      .replace("每次 扣 0.3", "每次 扣 0.4");
    const d = diffCatalogues(version(base), version(next));
    expect(d.indicators.map((i) => [i.name, i.changes])).toEqual([
      ["会议", [{ aspect: "分值", old: "5分", new: "4分" }]],
      ["信息", [{ aspect: "分值", old: "5分", new: "6分" }]],
    ]);
    expect(d.rules.map((r) => [r.name, r.changes])).toEqual([
      ["参会", [{ aspect: "上限", new: "上限 2" }]],
      [
        "信息完成率",
        [
          { aspect: "分段", old: "[75%, 100%) 扣 0.2", new: "[80%, 100%) 扣 0.2" },
          { aspect: "分段", old: "< 75% 扣 0.5", new: "< 80% 扣 0.5" },
        ],
      ],
      ["漏报", [{ aspect: "计分", old: "每次 扣 0.3", new: "每次 扣 0.4" }]],
    ]);
  });

  it("pairs a renamed indicator by the rules it holds, and reports header and grade changes", () => {
    const a = `${head}舍入 保留 2 位\n等次 {\n  「优秀」 ≥ 9\n  「合格」 其余\n}\n${base.slice(head.length)}`;
    const b = a.replace("「信息」 5分", "「信息工作」 5分").replace("≥ 9", "≥ 9.5").replace("保留 2 位", "保留 1 位");
    const d = diffCatalogues(version(a), version(b));
    expect(d.header).toEqual([
      { aspect: "舍入", old: "保留 2 位", new: "保留 1 位" },
      { aspect: "等次「优秀」", old: "≥ 9", new: "≥ 9.5" },
    ]);
    expect(d.indicators).toEqual([expect.objectContaining({ name: "信息工作", oldName: "信息", how: "content", changes: [] })]);
    expect(d.rules).toEqual([]);
  });
});

describe("diffCatalogues: more kinds of change", () => {
  const more = `${head}类别 「县区」、「园区」
指标 「纪律」 6分 {
  规则 「违纪」 「受处分的，每人次分别扣0.05、0.1分」 每人次 扣 「轻处分」 0.05、「重处分」 0.1
  规则 「事故」 「发生重大事故的，一票否优」 一票否优
  合计 上限 1 {
    规则 「迟报」 「迟报的，每次扣0.2分」 每次 扣 0.2
  }
}
指标 「服务」 4分 {
  规则 「投诉」 「被投诉的，每次扣0.5分」 每次 扣 0.5 适用 「县区」
}
加分 「创新加分」 上限 1 {
  规则 「表彰」 「获得表彰的，每次加0.5分」 每次 得 0.5
}
`;

  it("names categories, vetoes, cap groups, classes and a section's cap", () => {
    const next = more
      .replace("「重处分」 0.1", "「重处分」 0.2")
      .replaceAll("一票否优", "一票否决")
      .replace("合计 上限 1", "合计 上限 0.8")
      .replace("适用 「县区」", "适用 「县区」、「园区」")
      .replace("「创新加分」 上限 1", "「创新加分」 上限 2");
    const d = diffCatalogues(version(more), version(next));
    expect(d.indicators.map((i) => [i.kind, i.name, i.changes])).toEqual([
      ["indicator", "纪律", [{ aspect: "合计", old: "合计 上限 1（「迟报」）", new: "合计 上限 0.8（「迟报」）" }]],
      ["section", "创新加分", [{ aspect: "上限", old: "上限 1", new: "上限 2" }]],
    ]);
    expect(d.rules.map((r) => [r.name, r.changes])).toEqual([
      ["违纪", [{ aspect: "分类", old: "每人次 扣 「轻处分」 0.05、「重处分」 0.1", new: "每人次 扣 「轻处分」 0.05、「重处分」 0.2" }]],
      ["事故", [{ aspect: "否决", old: "一票否优", new: "一票否决" }]],
      ["投诉", [{ aspect: "适用", old: "「县区」", new: "「县区」、「园区」" }]],
    ]);
    expect(d.rules[1]!.clause).toEqual({ old: "发生重大事故的，一票否优", new: "发生重大事故的，一票否决" });
  });

  it("lists an added indicator with its points and where it sits", () => {
    const next = more.replace("指标 「服务」 4分 {", "指标 「服务」 4分 {\n  指标 「窗口」 1分 {\n    规则 「排队」 「排队超时的，每次扣0.1分」 每次 扣 0.1\n  }");
    const d = diffCatalogues(version(more), version(next));
    expect(d.indicators).toEqual([expect.objectContaining({ status: "added", name: "窗口", summary: "指标 1分", parent: "服务" })]);
    expect(d.rules).toEqual([expect.objectContaining({ status: "added", name: "排队", summary: "每次 扣 0.1", parent: "窗口" })]);
  });

  it("reports an indicator moved under another parent", () => {
    const a = `${head}指标 「甲」 5分 {\n  指标 「窗口」 2分 {\n    规则 「排队」 「排队超时的，每次扣0.1分」 每次 扣 0.1\n  }\n  规则 「迟报」 「迟报的，每次扣0.2分」 每次 扣 0.2\n}\n指标 「乙」 5分 {\n  规则 「漏报」 「漏报的，每次扣0.3分」 每次 扣 0.3\n}\n`;
    const b = `${head}指标 「甲」 5分 {\n  规则 「迟报」 「迟报的，每次扣0.2分」 每次 扣 0.2\n}\n指标 「乙」 5分 {\n  指标 「窗口」 2分 {\n    规则 「排队」 「排队超时的，每次扣0.1分」 每次 扣 0.1\n  }\n  规则 「漏报」 「漏报的，每次扣0.3分」 每次 扣 0.3\n}\n`;
    const d = diffCatalogues(version(a), version(b));
    expect(d.indicators).toEqual([expect.objectContaining({ name: "窗口", moved: { from: "甲", to: "乙" }, changes: [] })]);
    // Its rule stays in it: not moved.
    expect(d.rules).toEqual([]);
  });
});

describe("clauseSimilarity", () => {
  it("is 1 for the same text (whitespace ignored), 0 for texts sharing no two characters", () => {
    expect(clauseSimilarity("每次 扣0.5分", "每次扣0.5分")).toBe(1);
    expect(clauseSimilarity("甲乙丙", "丁戊己")).toBe(0);
    expect(clauseSimilarity("未按要求参加会议的", "未按要求参加重要会议的")).toBeGreaterThan(0.7);
  });
});
