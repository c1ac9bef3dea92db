import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ruleMeaning, worstCaseText } from "../src/service/describe.js";
import { hover } from "../src/service/hover.js";
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

  it("on a keyword: its documentation and aliases", () => {
    const w = workspace({ "a.kp": "指标 「甲」 4分 {\n  规则 「乙」 「丙」 每次 扣 0.5 封<|>顶 2\n}\n" });
    const h = hover(w.ctx("a.kp"), w.at("a.kp"));
    expect(h?.markdown).toBe("**上限**　修饰（也写作：「封顶」）\n\n扣分（或得分）的上限，即封顶");
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

  it("nothing on whitespace, numbers or comments", () => {
    const w = workspace({ "a.kp": "// 注<|>释\n指标 「甲」 <|>4分 {<|>\n}\n" });
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
