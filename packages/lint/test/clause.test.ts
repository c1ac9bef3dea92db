/** Reading numbers from clause text: Chinese numerals, amounts, caps and the numbers that are not amounts. */
import { describe, expect, it } from "vitest";
import { chineseNumeralValue, clauseNumbers } from "../src/clause.js";

const amounts = (t: string) => clauseNumbers(t).filter((n) => n.amount).map((n) => n.text);
const all = (t: string) => clauseNumbers(t).map((n) => [n.raw / 1_000_000, n.percent, n.amount]);

describe("chineseNumeralValue", () => {
  it.each([
    ["一", 1],
    ["两", 2],
    ["六", 6],
    ["十", 10],
    ["十二", 12],
    ["二十", 20],
    ["二十五", 25],
    ["一百", 100],
    ["三百五十", 350],
    ["一千零五", 1005],
    ["两万", 20000],
  ])("%s = %d", (s, v) => expect(chineseNumeralValue(s)).toBe(v));
  it("rejects other characters", () => expect(chineseNumeralValue("一x")).toBeUndefined());
});

describe("clauseNumbers", () => {
  it("finds point amounts, not times, hotlines, counts or years", () => {
    expect(amounts("超过规定报送时间24小时以上的，每次扣0.05分")).toEqual(["0.05分"]);
    expect(amounts("保持12380举报电话畅通（0.2分）")).toEqual(["0.2分"]);
    expect(amounts("“群众最不满意的10件事”问题突出的，发现一项扣0.1分")).toEqual(["0.1分"]);
    expect(amounts("认真落实20××年度计划，9月底前完成（0.1分）")).toEqual(["0.1分"]);
    expect(amounts("每天8时30分前报送的，得0.1分")).toEqual(["0.1分"]);
    expect(amounts("会议不少于30分钟的，扣0.2分")).toEqual(["0.2分"]);
  });

  it("reads lists and ranges of amounts", () => {
    expect(amounts("每人次分别扣0.05、0.1、0.2分")).toEqual(["0.05分", "0.1分", "0.2分"]);
    expect(amounts("酌情扣0.5-2分")).toEqual(["0.5分", "2分"]);
    expect(amounts("酌情扣0.5～2分")).toEqual(["0.5分", "2分"]);
    expect(amounts("75%-100%（含75%，不含100%），扣0.2分")).toEqual(["0.2分"]);
  });

  it("reads percentages, full-width digits and Chinese numerals", () => {
    expect(all("全年至少4次，每少一次扣0.25分")).toEqual([
      [4, false, false],
      [1, false, false],
      [0.25, false, true],
    ]);
    expect(all("完成率９８％以上得０．２分")).toEqual([
      [98, true, false],
      [0.2, false, true],
    ]);
    expect(all("每次扣两分")).toEqual([[2, false, true]]);
    expect(all("百分之八十以上")).toEqual([[80, true, false]]);
  });

  it("marks amounts in cap phrases", () => {
    const caps = (t: string) => clauseNumbers(t).filter((n) => n.cap).map((n) => n.text);
    expect(caps("每件次扣0.02分（最多扣0.1分）")).toEqual(["0.1分"]);
    expect(caps("累计扣分不超过2分")).toEqual(["2分"]);
    expect(caps("每项加0.5分，最高加2分")).toEqual(["2分"]);
    expect(caps("每次扣0.5分，1分封顶")).toEqual(["1分"]);
    expect(caps("每次扣0.5分")).toEqual([]);
  });
});
