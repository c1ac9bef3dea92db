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
