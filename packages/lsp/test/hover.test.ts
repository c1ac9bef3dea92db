import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { keywords } from "@kaoping/core";
import { ruleMeaning, worstCaseText } from "../src/service/describe.js";
import { hover } from "../src/service/hover.js";
import { referenceDoc } from "../src/service/reference.js";
import { expectGolden, markAt, repoRoot, rulesWorkspace, workspace } from "./helpers.js";

const F1 = "01-×令畅通.kp";

describe("hover", () => {
  it("on a rule name: the clause, the meaning, the worst case, the indicator's points", () => {
    const w = rulesWorkspace({ [F1]: (t) => markAt(t, "「参会」", 2) });
    const h = hover(w.ctx(F1), w.at(F1));
    expect(h?.markdown).toBe(
      [
        "**规则「参会」**　指标「落实市×、市××重大决策部署」（4 分）",
        "> 未按要求参加市×、市××重要会议、重要活动的，每次扣0.5分",
        "**含义**：每次扣 0.5 分",
        "**最多扣 4 分（指标「落实市×、市××重大决策部署」的分值）**",
        "**事实**：「参会」次数",
      ].join("\n\n"),
    );
    // The range is the name string, quotes included.
    const text = w.text(F1);
    expect(text.slice(h!.span.start.offset, h!.span.end.offset)).toBe("「参会」");
  });

  it("on a clause text: the same rule hover", () => {
    const w = rulesWorkspace({ [F1]: (t) => markAt(t, "未及时落实会议议定事项的", 3) });
    expect(hover(w.ctx(F1), w.at(F1))?.markdown).toContain("**规则「落实议定事项」**");
  });

  it("on a capped rule: the cap is the worst case", () => {
    const w = rulesWorkspace({ [F1]: (t) => markAt(t, "「文件签收领取」", 1) });
    const md = hover(w.ctx(F1), w.at(F1))!.markdown;
    expect(md).toContain("**含义**：每件次扣 0.02 分，最多扣 0.1 分");
    expect(md).toContain("**最多扣 0.1 分（本规则上限）**");
  });

  it("on an indicator: its points and its children's sum", () => {
    const w = rulesWorkspace({ "03-组织建设.kp": (t) => markAt(t, "指标 「组织建设」", 4) });
    const md = hover(w.ctx("03-组织建设.kp"), w.at("03-组织建设.kp"))!.markdown;
    expect(md).toContain("**指标「组织建设」**　21 分");
    expect(md).toContain("- 3 个子指标合计 11.2 分，与分值 21 分相差 9.8 分");
    expect(md).toContain("- 考评单位：「市×组织×」");
  });

  it("on an indicator without points: they are derived", () => {
    const w = rulesWorkspace({ "03-组织建设.kp": (t) => markAt(t, "「抓好×学习××」", 1) });
    const md = hover(w.ctx("03-组织建设.kp"), w.at("03-组织建设.kp"))!.markdown;
    expect(md).toContain("**指标「抓好×学习××」**　0.5 分（由子项推出）");
    expect(md).toContain("- 得分规则合计 0.5 分");
  });

  it("on the assessor's judgement: 评议 得分, 每次 酌情, 免扣 and 可减免 conditions", () => {
    const text = [
      "指标 「甲」 4分 {",
      "  规则 「会议」 「未开或少开的，按次扣1-3分」 每次 酌情 扣 1 至 3",
      "  规则 「任务」 「确因上级政策调整未完成的不扣分，主动整改到位的可酌情减免」 扣 1.5 免扣 当 「上级政策调整」 可减免 当 「主动整改」",
      "}",
      "加分 「创新」 上限 3 {",
      "  规则 「创新」 「由考核组评议加分」 评议 得分",
      "}",
      "",
    ].join("\n");
    const hoverAt = (needle: string, n = 1) => {
      const w = workspace({ "a.kp": markAt(text, needle, 1, n - 1) });
      return hover(w.ctx("a.kp"), w.at("a.kp"))?.markdown ?? "";
    };
    expect(hoverAt("「会议」")).toContain("**含义**：每次由考评单位酌情扣 1 至 3 分（每次各给一个分数）");
    expect(hoverAt("「任务」")).toContain(
      "**含义**：发生即扣 1.5 分（只扣一次）；「上级政策调整」时不扣分（免扣）；「主动整改」时可由考评单位减免，减免 0 至本规则的扣分",
    );
    expect(hoverAt("「创新」", 2)).toContain("**含义**：由考核组评议给分，0 至 3 分");
    expect(hoverAt("「上级政策调整」")).toBe("**条件「上级政策调整」**　规则「任务」\n\n条件成立时本规则不扣分（免扣）；事实键「任务.上级政策调整」（是/否）");
    expect(hoverAt("「主动整改」")).toContain("条件成立时由考评单位减免本规则的扣分；事实键「任务.主动整改」（减免的分数，0 至本规则的扣分）");
    expect(ruleMeaning).toBeTypeOf("function");
  });

  it("on a two-sided linear rule: both sides, the award above the points, both facts", () => {
    const w = workspace({
      "a.kp": "细则 「甲」\n指标 「控规」 5分 {\n  规则 「编<|>制率」 「完成得基本分;大于目标值的,每增加1%加1分,最高加2分;小于目标值的,每少1%扣1分」 基准 目标值 每增加 1% 加 1 上限 2，每少 1% 扣 1\n}\n",
    });
    const md = hover(w.ctx("a.kp"), w.at("a.kp"))!.markdown;
    expect(md).toContain(
      "**含义**：以本单位的目标值为基准，每增加 1% 得 1 分（不足一档按比例计），最多加 2 分；每少 1% 扣 1 分（不足一档按比例计）；达到基准得本项分值，加分可超出本项分值，扣分以本项分值为限",
    );
    expect(md).toContain("**最多扣 5 分（指标「控规」的分值）；高于基准最多另加 2 分（可超出本项分值）**");
    expect(md).toContain("「编制率.目标值」");
    const w2 = workspace({ "a.kp": w.text("a.kp").replace("指标 「控规」", "指标 「控<|>规」") });
    expect(hover(w2.ctx("a.kp"), w2.at("a.kp"))!.markdown).toContain("- 高于基准的加分可超出分值，最多 2 分（得分最高 7 分）");
  });

  it("on a linear award and on a base computed across units", () => {
    const w = workspace({
      "a.kp": "细则 「甲」\n指标 「招商」 3分 {\n  规则 「到<|>位资金」 「每增加50万元加0.5分」 基准 100万元 每增加 50万元 得 0.5 不足一档四舍五入 上限 3\n}\n指标 「增长」 2分 {\n  规则 「增幅」 「以各单位平均值为基准，每低1个百分点扣0.2分」 基准 平均值 每低 1个百分点 扣 0.2\n}\n",
    });
    const md = hover(w.ctx("a.kp"), w.at("a.kp"))!.markdown;
    expect(md).toContain("**含义**：以 100 为基准，每增加 50 万元 得 0.5 分（不足一档四舍五入），最多得 3 分");
    const w2 = workspace({ "a.kp": w.text("a.kp").replace("「增幅」", "「增<|>幅」") });
    expect(hover(w2.ctx("a.kp"), w2.at("a.kp"))!.markdown).toContain("**含义**：以各单位数值的平均值为基准，每低 1 个百分点 扣 0.2 分（不足一档按比例计）");
  });

  it("on a keyword: its documentation and aliases, an example and a link to the language reference section", () => {
    const w = workspace({ "a.kp": "指标 「甲」 4分 {\n  规则 「乙」 「丙」 每次 扣 0.5 封<|>顶 2\n}\n" });
    const h = hover(w.ctx("a.kp"), w.at("a.kp"));
    const doc = referenceDoc()!;
    const line = doc.sections.get("6.1")!.line;
    expect(h?.markdown).toBe(
      [
        "**上限**　修饰（也写作：「封顶」）",
        "扣分（或得分）的上限，即封顶",
        "例：\n\n```kp\n规则 「参会」 「未按要求参加会议的，每次扣0.5分，最多扣2分」\n  每次 扣 0.5 上限 2\n```",
        `[语言参考 6.1 上限](${doc.uri}#L${line})`,
      ].join("\n\n"),
    );
    expect(readFileSync(doc.path, "utf8").split("\n")[line - 1]).toBe("### 6.1 上限 `上限 X`");
  });

  it("every keyword's hover has its example in a kp code block and a link to an existing line of the reference", () => {
    const doc = referenceDoc()!;
    const lines = readFileSync(doc.path, "utf8").split("\n");
    for (const k of keywords) {
      const w = workspace({ "a.kp": `<|>${k.text} 「甲」` }, { lint: false });
      const md = hover(w.ctx("a.kp"), w.at("a.kp") + 1)?.markdown ?? "";
      expect(md, k.text).toContain("```kp\n");
      const m = /\]\((file:[^)#]+)#L(\d+)\)$/.exec(md);
      expect(m?.[1], k.text).toBe(doc.uri);
      expect(lines[Number(m![2]) - 1], k.text).toMatch(/^#+ \d/);
    }
  });

  it("on a veto-only list and on points that differ by class (issue 11 §1.12, §1.14)", () => {
    const w = workspace({
      "细则.kp": "细则 「甲」\n类别 「重点县」、「其他县」\n指标 「单项<|>否决」 {\n  规则 「乙」 「发生事故的，一票否决」 一票否决\n}\n指标 「招商」 5分 其中 「其他县」 3分 {\n  规则 「丙」 「未完成的扣1分」 扣 1\n}\n",
    });
    expect(hover(w.ctx("细则.kp"), w.at("细则.kp"))?.markdown).toContain("**指标「单项否决」**　否决清单：只含一票否决、一票否优，没有分值，不计入总分");
    const v = workspace({
      "细则.kp": "细则 「甲」\n类别 「重点县」、「其他县」\n指标 「招<|>商」 5分 其中 「其他县」 3分 {\n  规则 「丙」 「未完成的扣1分」 扣 1\n}\n",
    });
    expect(hover(v.ctx("细则.kp"), v.at("细则.kp"))?.markdown).toContain("**指标「招商」**　5 分，「其他县」3 分");
  });

  it("on a condition of 其中 「已查结」 减半: its factor and fact key; on the rule: the meaning with it", () => {
    const w = workspace({ "a.kp": "指标 「甲」 4分 {\n  规则 「事故」 「每起扣1分，已查结的减半」 每起 扣 1 其中 「已查<|>结」 减半 按 「所辖乡镇数」 平均\n}\n" });
    expect(hover(w.ctx("a.kp"), w.at("a.kp"))?.markdown).toBe(
      "**次数条件「已查结」**　规则「事故」\n\n其中已查结的起按 0.5 倍计（减半）；事实键「事故.已查结」（起数，不能多于「事故」的起数）",
    );
    expect(ruleMeaning(w.ctx("a.kp").state.analysis.catalogue.rules[0]!)).toBe("每起扣 1 分；其中「已查结」的按 0.5 倍计（减半）；按单位的「所辖乡镇数」平均（除以它）");
  });

  it("on a class: declared or not, and where it is used", () => {
    const w = workspace({
      "细则.kp": "细则 「甲」\n类别 「县<|>区」、「园区」\n引入 「a.kp」\n",
      "a.kp": "指标 「乙」 4分 {\n  适用 「县区」\n  规则 「丙」 「丁」 扣 1 适用 「园区」\n}\n",
    });
    expect(hover(w.ctx("细则.kp"), w.at("细则.kp"))?.markdown).toBe("**单位类别「县区」**　已在「类别」中声明\n\n用于：指标「乙」");
  });

  it("on an include: the file and its indicators", () => {
    const w = rulesWorkspace({ "细则.kp": (t) => markAt(t, "「03-组织建设.kp」", 2) });
    const md = hover(w.ctx("细则.kp"), w.at("细则.kp"))!.markdown;
    expect(md).toContain("**引入「03-组织建设.kp」**　/ws/03-组织建设.kp");
    expect(md).toContain("- 指标「组织建设」 21 分");
  });

  it("nothing on whitespace, braces or ordinary comments", () => {
    const w = workspace({ "a.kp": "// 注<|>释\n指标 「甲」 <|> 4分 {<|>\n}\n" });
    for (let i = 0; i < 3; i++) expect(hover(w.ctx("a.kp"), w.at("a.kp", i))).toBeUndefined();
  });

  it("Markdown in user text is escaped", () => {
    const w = workspace({ "a.kp": "指标 「甲」 4分 {\n  规则 「<|>a*b_c」 「[链接](x)」 扣 1\n}\n" });
    const md = hover(w.ctx("a.kp"), w.at("a.kp"))!.markdown;
    expect(md).toContain("**规则「a\\*b\\_c」**");
    expect(md).toContain("> \\[链接\\](x)");
  });
});

describe("meaning and worst case of every rule of the 20 patterns (golden)", () => {
  it("matches test/golden/meaning.txt", () => {
    const patterns = path.join(repoRoot, "test/patterns");
    const out: string[] = [];
    for (const dir of readdirSync(patterns).sort()) {
      const file = path.join(patterns, dir, "catalogue.kp");
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch {
        continue;
      }
      const w = workspace({ [`${dir}.kp`]: text });
      const s = w.project.catalogueOf(w.path(`${dir}.kp`));
      out.push(`## ${dir}`);
      for (const r of s.analysis.catalogue.rules) out.push(`「${r.name}」 ${ruleMeaning(r)}｜${worstCaseText(r)}`);
      out.push("");
    }
    expect(out.length).toBeGreaterThan(40);
    expectGolden("golden/meaning.txt", out.join("\n"));
  });
});

describe("hover on outcomes (issue 11 §1.5, §1.8, §1.13)", () => {
  const text = `细则 「甲」
总分 100分 折算
指标 「公开」 5分 {
  规则 「公开<|>评价」 「评为好、较好的分别得满分、80%」 评为 「好」、「较好」 分别得 满分、80%
}
`;
  it("评为: each outcome with its amount and the share it came from", () => {
    const w = workspace({ "a.kp": text });
    const md = hover(w.ctx("a.kp"), w.at("a.kp"))!.markdown;
    expect(md).toContain("**含义**：按评定结果得分：评为「好」得 5 分（满分）、评为「较好」得 4 分（80%）");
    expect(md).toContain("**事实**：「公开评价」评定结果（好、较好）");
  });
  it("否则: both branches, and that a 加分 section's cap does not bound the deduction", () => {
    const w = workspace({ "a.kp": `细则 「甲」\n加分 「其他」 上限 10 {\n  规则 「网<|>站」 「完成任务的加5分，完不成任务的在总分值中扣5分」 得 5 否则 扣 5\n}\n` });
    const md = hover(w.ctx("a.kp"), w.at("a.kp"))!.markdown;
    expect(md).toContain("**含义**：完成得 5 分，未完成扣 5 分（否则：事实须填 是/否）；未完成的扣分从总分中扣，不受加分上限限制");
  });
  it("折算自: the formula", () => {
    const w = workspace({ "a.kp": `细则 「甲」\n指标 「上级」 4分 {\n  规则 「上<|>级」 「采用上级部门考核结果，按本项分值折算」 按评价 得分 折算自 120\n}\n` });
    const md = hover(w.ctx("a.kp"), w.at("a.kp"))!.markdown;
    expect(md).toContain("**含义**：按评价结果折算：得分 = 评价结果（0 至 120）× 4 ÷ 120");
  });
  it("the new keywords have Chinese docs", () => {
    for (const [src, doc] of [
      ["得 1 否<|>则 扣 2", "**否则**"],
      ["按评价 得分 折算<|>自 120", "**折算自**"],
      ["评<|>为 「好」 分别得 满分", "**评为**"],
    ] as const) {
      const w = workspace({ "a.kp": `细则 「甲」\n指标 「乙」 4分 {\n  规则 「丙」 「丁」 ${src}\n}\n` });
      expect(hover(w.ctx("a.kp"), w.at("a.kp"))?.markdown.startsWith(doc)).toBe(true);
    }
  });
});

describe("hover on the cross-unit constructs (issue 11 §1.3, §1.10)", () => {
  const root = `细则 「甲」
类别 「县区」、「园区」
指标 「项目」 4分 {
  参照 「园区」 以 「县区」 平均分 为准
  参照 未涉及 以 同类单位 最高分 为准
  规则 「滞后」 「每个扣0.5分」 每个 扣 0.5
}
指标 「进位」 3分 {
  规则 「项目排名」 「按项目得分排名，前两名依次得3分、2分」 按 「项目」 得分 排名 依次 得 3、2
}
加分 「前三」 上限 1 {
  规则 「总分排名」 「总分第一名加1分，第二名加0.5分」 按 总分 排名 依次 得 1、0.5 其余 得 0.1
}
`;
  it("an indicator lists its 参照; a ranking rule says what it ranks by and the points by place", () => {
    const w = workspace({ "细则.kp": root.replace("指标 「项目」", "指标 「项<|>目」") });
    const md = hover(w.ctx("细则.kp"), w.at("细则.kp"))!.markdown;
    expect(md).toContain("「园区」的得分以「县区」各单位（本项照常考核的）的平均分为准");
    expect(md).toContain("未涉及本项的单位（事实「项目.未涉及」为是）的得分以同类单位（本项照常考核的）的最高分为准");
    const w2 = workspace({ "细则.kp": root.replace("「项目排名」", "「项目<|>排名」") });
    expect(hover(w2.ctx("细则.kp"), w2.at("细则.kp"))!.markdown).toContain("**含义**：按指标「项目」的得分排名，依次得分：第 1 名 3 分、第 2 名 2 分，其后的名次不得分；同分同名次");
    const w3 = workspace({ "细则.kp": root.replace("「总分排名」", "「总分<|>排名」") });
    expect(hover(w3.ctx("细则.kp"), w3.at("细则.kp"))!.markdown).toContain("**含义**：按加分、减分之前的总分排名，依次得分：第 1 名 1 分、第 2 名 0.5 分，其后的名次得 0.1 分；同分同名次");
  });
});

describe("hover on signed values (issue 11 §1.8)", () => {
  const text = `细则 「甲」
指标 「增幅」 {
  规则 「增幅<|>变化」 「比上年提升的得2分，持平的得1.5分，下降的每下降0.1个百分点扣0.1分」
    分段 可为负 {
      > 0 得 2
      = 0 得 1.5
      < 0 得 1.5 每低 0.1个百分点 扣 0.1
    }
}
`;
  it("分段 可为负: negative values, the steps from the band's bound, the award going below 0", () => {
    const w = workspace({ "a.kp": text });
    const md = hover(w.ctx("a.kp"), w.at("a.kp"))!.markdown;
    expect(md).toContain(
      "**含义**：按数值所在区间（数值可为负数）：\\> 0 得 2 分；= 0 得 1.5 分；\\< 0 得 1.5 分，比 0 每低 0.1 个百分点 再扣 0.1 分（不足一档按比例计）；得分减到 0 以下的部分从本项扣除",
    );
    expect(md).toContain("**事实**：「增幅变化」数值，可为负数");
  });
  it("on 可为负: its documentation", () => {
    const w = workspace({ "a.kp": text.replace("<|>", "").replace("可为负", "可为<|>负") });
    expect(hover(w.ctx("a.kp"), w.at("a.kp"))!.markdown).toContain("数值可为负数");
  });
});
