/**
 * Hovers on numbers (what each is where it stands), band intervals (math form, the values that fall
 * in the band) and suppression comments (what they silence, on which lines, whether they were used).
 * Every hover of one catalogue is kept in golden/hover-values.txt.
 */
import { describe, expect, it } from "vitest";
import { hover } from "../src/service/hover.js";
import { effectiveIntervals, mathForm } from "../src/service/intervals.js";
import { expectGolden, workspace } from "./helpers.js";

const catalogue = `细则 「示<|>例」
总分 1<|>0分
舍入 保留 <|>2 位
类别 「县区」、「园区」
等次 {
  「优秀」 ≥<|> 9<|>0 且 前 2<|>0%
  「良好」 前 <|>3名
  「不合格」 其余
}
指标 「落实」 <|>4分 其中 「园区」 <|>3分 {
  // kp-disable-next-line missing-cap: 原文未设上<|>限，扣完为止
  规则 「参会」 「未按要求参加会议的，每次扣0.5分，其中园区每次扣0.3分」
    每次 扣 0.<|>5 其中 「园区」 0.<|>3
  规则 「事故」 「每起扣1分，已查结的减半，省领导批示的加2倍计分，最多扣3分」
    每起 扣 1 其中 「已查结」 减半、「批示」 加 <|>2倍 上限 <|>3
  合计 上限 <|>2 {
    规则 「迟报」 「迟报的，每次扣0.5分」 每次 扣 0.5
  }
}
指标 「办结」 2分 {
  规则 「办结率」 「办结率低于100%的扣0.2分，低于75%的扣0.5分，未报送的扣1分」
    分段 {
      [7<|>5%, 100%) 扣 0.2
      <<|> 75% 扣 0.<|>5
      ≥<|> 80% 扣 0.1
      未报送 扣 1
    }
}
指标 「完成」 2分 {
  // kp-disable-next-line missing-cap, clause-mismatch: 没有<|>可抑制的
  规则 「完成率」 「完成率低于90%的，每低1个百分点扣0.02分，低于60%的不得分」
    基准 9<|>0% 每低 <|>1个百分点 扣 0.0<|>2 低于 <|>60% 不得分
}
指标 「排名」 10分 {
  规则 「名次」 「前三名依次得10、9、8分，其余得5分」 按排名 得分 依次 得 10、<|>9、8 其余 得 <|>5
}
指标 「公开」 5分 {
  规则 「评价」 「评为好、较好的分别得满分、80%」 评为 「好」、「较好」 分别得 满分、8<|>0%
}
指标 「增幅」 {
  规则 「增幅变化」 「比上年提升的得2分，下降的每下降0.1个百分点扣0.1分」
    分段 可为负 {
      ><|> 0 得 2
      < 0 得 2 每低 0.<|>1个百分点 扣 0.1
    }
}
加分 「创新」 上限 <|>2 {
  规则 「表彰」 「获省级表彰的，每项加0.5分」 每项 得 0.5
}
`;

/** More places a number stands (full-width input, negative bounds, 否则, 平均, 酌情, 至少, 折算自, 分类). */
const more = `细则 「其他」
年度 <|>2024
指标 「甲」 10分 {
  规则 「按期」 「按期完成的得1分，未完成的倒扣2分」 得 1 否则 倒扣 <|>2
  规则 「事故」 「每起扣1分，按所辖乡镇数平均」 每起 扣 １<|>．５ 按 <|>3 平均
  规则 「质量」 「酌情扣0.5至2分」 酌情 扣 0.<|>5 至 <|>2
  规则 「学习」 「少于4次的，每少1次扣0.25分」 至少 <|>4次 每少 1次 扣 0.25
  规则 「处分」 「每人次扣轻处分0.05分」 每人次 扣 「轻处分」 0.0<|>5、「重处分」 0.1
}
指标 「乙」 4分 {
  规则 「考核」 「满分120分，按本项分值折算」 按评价 得分 折算自 12<|>0
}
指标 「丙」 {
  规则 「变化」 「…」 分段 可为负 { [-<|>5, 0) 得 1  ≥ 0 得 2 }
}
`;

describe("hover on values", () => {
  const w = workspace({ "细则.kp": catalogue });
  const text = w.text("细则.kp");
  const markers = (catalogue.match(/<\|>/g) ?? []).length;
  const at = (i: number) => hover(w.ctx("细则.kp"), w.at("细则.kp", i));

  it("matches golden/hover-values.txt (every hover of one catalogue)", () => {
    const out: string[] = [];
    for (let i = 0; i < markers; i++) {
      const h = at(i);
      const lineStart = text.lastIndexOf("\n", w.at("细则.kp", i) - 1) + 1;
      const lineEnd = text.indexOf("\n", w.at("细则.kp", i));
      out.push(`## ${i}: ${text.slice(lineStart, lineEnd).trim()}`);
      out.push(h ? `[${text.slice(h.span.start.offset, h.span.end.offset)}]\n${h.markdown}` : "(没有悬停)");
      out.push("");
    }
    const w2 = workspace({ "其他.kp": more });
    const t2 = w2.text("其他.kp");
    for (let i = 0; i < (more.match(/<\|>/g) ?? []).length; i++) {
      const h = hover(w2.ctx("其他.kp"), w2.at("其他.kp", i));
      const o = w2.at("其他.kp", i);
      out.push(`## 其他 ${i}: ${t2.slice(t2.lastIndexOf("\n", o - 1) + 1, t2.indexOf("\n", o)).trim()}`);
      out.push(h ? `[${t2.slice(h.span.start.offset, h.span.end.offset)}]\n${h.markdown}` : "(没有悬停)");
      out.push("");
    }
    expectGolden("golden/hover-values.txt", out.join("\n"));
  });

  const find = (needle: string) => {
    for (let i = 0; i < markers; i++) if ((at(i)?.markdown ?? "").includes(needle)) return at(i)!.markdown;
    throw new Error(`no hover contains ${needle}`);
  };

  it("a number says what it is: 扣分额, 上限, 分值, 分段下限 — with a percentage's meaning", () => {
    expect(find("**0.5**　扣分额")).toContain("每次扣 0.5 分");
    expect(find("**3**　上限")).toContain("本规则最多扣 3 分");
    expect(find("**4分**　指标分值")).toContain("本指标满分 4分");
    expect(find("**75%**　分段下限")).toContain("数值 ≥ 75%（含端点）；百分数");
    expect(find("**2**　加 N 倍")).toContain("即按 3 倍计");
    expect(find("**80%**　评为「较好」的得分")).toContain("即本项分值 5 分 × 80% = 4 分");
    expect(find("**20%**　名次在前 20%")).toContain("名次 ≤ ⌊单位数 × 20%⌋");
  });

  it("a band interval: its math form, and the values an earlier band has taken", () => {
    expect(find("**区间 (−∞, 75%)**")).toContain("事实「办结率」的数值在 \\[0, 75%) 内时按此档计（数值不能为负）");
    // ≥ 80% comes after [75%, 100%): only 100% and above reach it
    expect(find("**区间 \\[80%, +∞)**")).toContain("落在此档的数值：\\[100%, +∞)");
    // 可为负: negative values are kept
    expect(find("**区间 (0, +∞)**")).toContain("在 (0, +∞) 内");
  });

  it("a suppression comment: the rules it silences, the lines, whether it was used", () => {
    const used = find("原文未设上限");
    expect(used).toContain("不检查的规则：`missing-cap`");
    expect(used).toMatch(/范围：第 12—13 行（从第 12 行开始的整条规则）/);
    expect(used).toContain("**已抑制**：`missing-cap`");
    const unused = find("没有可抑制的");
    expect(unused).toContain("**未使用**");
  });

  it("without the linter's findings yet, the suppression hover says so instead of guessing", () => {
    const v = workspace({ "a.kp": "指标 「甲」 4分 {\n  // kp-disable-next-line missing-cap: 原<|>因\n  规则 「乙」 「丙」 每次 扣 1\n}\n" });
    const unlinted = v.project.context(v.path("a.kp"), { lint: false })!;
    expect(unlinted.state.lint).toBeUndefined();
    expect(hover(unlinted, v.at("a.kp"))!.markdown).toContain("检查尚未完成");
    // given a way to lint, the hover asks for it and tells the linter's verdict
    expect(hover(unlinted, v.at("a.kp"), () => v.project.context(v.path("a.kp")))!.markdown).toContain("**已抑制**：`missing-cap`");
  });
});

describe("band intervals as sets", () => {
  const q = (raw: number) => ({ raw, percent: false, text: String(raw) });
  const band = (lower: number | undefined, li: boolean, upper: number | undefined, ui: boolean) =>
    ({ lower: lower === undefined ? undefined : q(lower), lowerInclusive: li, upper: upper === undefined ? undefined : q(upper), upperInclusive: ui }) as never;
  it("subtracts earlier bands exactly at their ends", () => {
    const bands = [band(10, true, 20, false), band(undefined, false, 30, true), band(0, true, undefined, false)];
    expect(effectiveIntervals(bands, 1, false).map(mathForm)).toEqual(["[0, 10)", "[20, 30]"]);
    expect(effectiveIntervals(bands, 2, false).map(mathForm)).toEqual(["(30, +∞)"]);
    expect(effectiveIntervals(bands, 1, true).map(mathForm)).toEqual(["(−∞, 10)", "[20, 30]"]);
    expect(effectiveIntervals([band(5, true, 5, true), band(5, true, undefined, false)], 1, false).map(mathForm)).toEqual(["(5, +∞)"]);
    expect(effectiveIntervals([band(5, true, 5, true)], 0, false).map(mathForm)).toEqual(["{5}"]);
  });
});
