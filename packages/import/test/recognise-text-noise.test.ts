/**
 * The copy's noise read through (session 29, `src/recognise/text-noise.ts`): 「0。5分」 (a decimal stop), points in
 * primes 「(2')」 and in lenticular brackets 「〔0.5分〕」, outline numbers fused to the clause 「2。无…」「1无…」, a full
 * stop typed as 「.」 after the last amount, ordinals 「第4项」 that count nothing, and a fraction whose 之 was
 * dropped 「三分一以上」 — each in the normalised copy the patterns and the guards read, the clause kept verbatim in
 * the `.kp` (and a name a reading quotes taken from the clause's own words). With the near-misses each class must
 * leave alone, and the two guards the classes needed so that no new wrong reading came of them (an occurrence
 * deducted once beside 「扣完为止」; 「考核结果为不合格」 as a veto). Clauses written for these tests.
 */
import { recogniseClause, splitClauses, importDocument, type ClauseContext } from "@kaoping/import";
import { describe, expect, it } from "vitest";
import { normalise } from "../src/recognise/normalise.js";
import { decimalStops, noiseEdits, withoutTextNoise, withoutTextNoiseMapped } from "../src/recognise/text-noise.js";
import { bodies, expectReading, expectTodo, item } from "./phrasing-check.js";

describe("a decimal stop: 「0。5分」", () => {
  it.each([
    ["未执行日常巡检,每次扣 0。2 分;", "未执行日常巡检,每次扣0.2分;"],
    ["迟到扣0。5分", "迟到扣0.5分"],
    ["余氯超过 0。7 mg/L 的", "余氯超过0.7mg/L的"],
    ["每次加１。５分", "每次加1.5分"],
  ])("%s → %s", (from, to) => {
    expect(normalise(from)).toBe(to);
  });

  it.each([
    // an outline number at the clause's start, a sentence end before the next item, a year, no unit after
    "3。垃圾桶脏乱的每项扣2分",
    "3。5分以上的单位",
    "每次扣3。2、未按时报送的扣1分",
    "2019。5月前完成",
    "完成3。5",
    "每次扣1。2分钟内未到岗的",
  ])("left alone: %s", (text) => {
    expect(normalise(text)).not.toMatch(/\d\.\d/);
  });

  it("reads the amount, and the cell is not cut at the decimal stop (split.ts)", () => {
    expectReading("不冲洗滤池、更换氯瓶,每次扣 0。5 分;", item("5"), ["每次 扣 0.5"]);
    expectReading("驱逐非工作相关人员离开车间,每次加 0。5 分;", item("5"), ["每次 得 0.5"]);
    expect(splitClauses("1、不冲洗滤池,每次扣 0。5 分;2、未执行日常巡检,每次扣 0。2 分。").map((c) => c.text)).toEqual([
      "1、不冲洗滤池,每次扣 0。5 分;",
      "2、未执行日常巡检,每次扣 0。2 分。",
    ]);
    expect([...decimalStops("扣 0。5 分。3。垃圾桶")]).toEqual([3]);
  });
});

describe("points in primes and lenticular brackets: 「(2')」「〔0.5分〕」", () => {
  it.each([
    ["配備遠程會商系統(2'),", "配备远程会商系统(2分),"],
    ["建立预警发布平台（3′）。", "建立预警发布平台(3分)。"],
    ["决策支持系统(4',少一项扣1分)。", "决策支持系统(4分,少一项扣1分)。"],
    ["固定资产的购置必须报批〔0.5分〕;", "固定资产的购置必须报批(0.5分);"],
  ])("%s → %s", (from, to) => {
    expect(normalise(from)).toBe(to);
  });

  it.each([
    // a prime outside brackets (minutes of arc, a quotation mark), a document number in 〔〕, a range in 〔〕
    "坡度不超过2'的路段",
    "按县委办〔2019〕5号文件执行",
    "偏差率超出区间〔-3%,3%〕的,每次扣0.05分",
  ])("left alone: %s", (text) => {
    expect(normalise(text)).not.toMatch(/\(\d+(?:\.\d+)?分\)/);
  });

  it("a requirement followed by its points reads as 「…(2分)」 does: 得 N (the clause alone in its item)", () => {
    const alone: ClauseContext = { ...item("2"), alone: true };
    expectReading("配備遠(yuǎn)程會商系統(tǒng)(2'),", alone, ["得 2"]);
    expectReading("3.固定资产的购置、变卖、报废必须报批〔0.5分〕;", { ...item("0.5"), alone: true }, ["得 0.5"]);
    // the item's points with its deduction in the brackets (「4'」 the item's 4 points)
    expectReading("配备决策支持系统(4',少一项扣 1 分)。", item("4"), ["每项 扣 1"]);
  });
});

describe("outline numbers fused to the clause, and a full stop typed as 「.」", () => {
  it.each([
    ["2。无宣传活动扣5分,", "2.无宣传活动扣5分,"],
    ["1无宣传内容扣10 分,", "1、无宣传内容扣10分,"],
    ["3无专管员不得分,", "3、无专管员不得分,"],
    ["3。垃圾桶脏乱、破损不符合标准的每项扣2.", "3.垃圾桶脏乱、破损不符合标准的每项扣2。"],
  ])("%s → %s", (from, to) => {
    expect(normalise(from)).toBe(to);
  });

  it.each([
    // a quantity before a measure word or a noun, a bound 「不足」, a zero, a number inside the clause
    "3人未参加培训的扣2分",
    "2次不合格的扣5分",
    "5不足的扣1分",
    "0无",
    "村内1无宣传栏",
  ])("left alone: %s", (text) => {
    expect(normalise(text)).not.toMatch(/^\d+[、.]/);
  });

  it("the outline number is no quantity: the clause reads as its text", () => {
    expectReading("1无宣传内容扣10 分,", item("10"), ["扣 10"]);
    expectReading("2。无宣传活动扣5分,", item("10"), ["扣 5"]);
    expectReading("3无专管员不得分,", item("10"), ["不得分"]);
    expectReading("3。垃圾桶脏乱、破损不符合标准的每项扣2.", item("10"), ["每项 扣 2"]);
  });

  it("「扣2.」 is read only at the clause's end, after a verb's amount (「扣2.5分」 stays 2.5)", () => {
    expect(normalise("每项扣2.5分")).toBe("每项扣2.5分");
    expect(normalise("达到2.")).toBe("达到2.");
  });
});

describe("ordinals count nothing: 「违反第4项扣10分」", () => {
  it.each([
    ["違反第4項扣10分;", "违反第＃项扣10分;"],
    ["违反第1、2项的扣5分", "违反第＃＃＃项的扣5分"],
    ["违反第一条扣30分", "违反第＃条扣30分"],
  ])("%s → %s", (from, to) => {
    expect(normalise(from)).toBe(to);
  });

  it.each(["第一次扣5分,第二次扣10分", "排名第1名的得5分", "第3季度未报送的扣1分"])("left alone (a time, a rank, a period): %s", (text) => {
    expect(normalise(text)).not.toContain("＃");
  });

  it("reads the deduction once, never 每项 (「第1项」 is no count of items)", () => {
    expectReading("違反第4項扣10分;", item("100"), ["扣 10"]);
    expectReading("違反第1項扣30分;", item("100"), ["扣 30"]);
    expectReading("违反第1条扣30分;", item("100"), ["扣 30"]);
    expectReading("第1項發(fā)生一次扣20分;", item("100"), ["每次 扣 20"]);
    expectReading("违反第3项每次扣10分;", item("100"), ["每次 扣 10"]);
  });

  it("a name a reading quotes is the clause's own words (pinyin glosses and ordinals mapped back)", () => {
    const r = recogniseClause("第7項(xiàng)受警告行政處罰每次扣10分,罰款處罰每次扣20分,", item("100"));
    expect(bodies(r)).toEqual(["每次 扣 「第7項(xiàng)受警告行政處罰」 10、「罰款處罰」 20"]);
  });
});

describe("a fraction whose 之 was dropped: 「三分一以上」", () => {
  it("is 三分之一, a share, not three points", () => {
    expect(normalise("占用公路宽度三分一以上")).toBe("占用公路宽度三分之一以上");
    expectReading("路面無亂堆亂放現(xiàn)象發(fā)現(xiàn)占用公路寬度三分一以上,每處扣1分", item("15"), ["每处 扣 1"]);
  });

  it.each(["得三分一次", "扣一分三以上", "每项扣三分四以下"])("left alone: %s", (text) => {
    expect(normalise(text)).not.toContain("之");
  });
});

describe("the guards the classes needed (no new wrong reading)", () => {
  it("「迟到扣0。5分,扣完为止」: an occurrence deducted until the points are gone is counted — a to-do without a count word", () => {
    expectTodo("迟到扣0。5分,扣完为止。", item("20"), /迟到.*扣完为止/);
    // a state deducted once, the item's floor: read (qxlh-02's class)
    expectReading("实施不达标准扣2分,本项扣完为止。", item("20"), ["扣 2"]);
    // counted: read
    expectReading("迟到每次扣0。5分,扣完为止。", item("20"), ["每次 扣 0.5"]);
  });

  it("「考核结果为不合格」 beside an amount is the whole assessment's result: a to-do without 一票否决", () => {
    expectTodo("違反第8項扣50分,若致使考核工作無法進行,考核結果為不合格。", item("100"), /考核结果为不合格/);
  });
});

describe("the edits", () => {
  it("none on a text without noise (the simplified corpus reads as before)", () => {
    for (const t of ["未按规定报送的,每次扣0.5分(扣完为止)", "1.建立制度得2分", "发现一处扣1分。"]) {
      expect(noiseEdits(t)).toEqual([]);
      expect(withoutTextNoise(t)).toBe(t);
    }
  });

  it("map every unit of the result to the clause offset it comes from", () => {
    const t = "第1项(xiàng)扣0。5分";
    const { text, origins } = withoutTextNoiseMapped(t, [...t].map((_, i) => i));
    expect(text).toBe("第＃项扣0.5分");
    expect(origins).toEqual([0, 1, 2, 10, 11, 12, 13, 14]);
  });
});

describe("the .kp keeps the clause verbatim", () => {
  it("an imported table's rules carry the clauses as written, read through the noise", async () => {
    const html = `<html><body><table>
<tr><th>考核项目</th><th>分值</th><th>考核标准</th></tr>
<tr><td>日常巡检</td><td>5</td><td>未执行日常巡检,每次扣0。2分</td></tr>
<tr><td>会商系统</td><td>2</td><td>配備遠(yuǎn)程會商系統(tǒng)(2')</td></tr>
<tr><td>宣传活动</td><td>10</td><td>2。无宣传活动扣5分</td></tr>
</table></body></html>`;
    const r = await importDocument("细则.html", new TextEncoder().encode(html));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const text = [...r.files.values()].join("\n");
    for (const clause of ["未执行日常巡检,每次扣0。2分", "配備遠(yuǎn)程會商系統(tǒng)(2')", "2。无宣传活动扣5分"]) expect(text).toContain(`「${clause}」`);
    for (const body of ["每次 扣 0.2", "得 2", "扣 5"]) expect(text).toContain(body);
    expect(text).not.toContain("＃");
  });
});
