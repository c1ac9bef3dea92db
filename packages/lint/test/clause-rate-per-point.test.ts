/**
 * clause-mismatch (KP3030): 「每完成任务一个百分点得0.1分,共10分」 is a rate times the 满分, said point by point
 * (session 27, test/corpus 372).  Its amount is the 满分's hundredth: faithful as `按比率 得分 满分 10`, and
 * `按评价` for it is the wrong kind; another 满分 or another amount still disagrees.
 */
import { describe, expect, it } from "vitest";
import { kp3030 } from "./helpers.js";


describe("a rate's score said point by point", () => {
  const c = "以上年度实际缴费人数为基数计算新增人数,每完成任务一个百分点得0.1分,共10分。";

  it("the amount a percentage point is worth is the 满分's hundredth", () => {
    expect(kp3030(10, c, "按比率 得分 满分 10")).toEqual([]);
    expect(kp3030(40, "征缴额以财政专户数为准,每完成任务1%得0.4分,共40分。", "按比率 得分 满分 40")).toEqual([]);
  });

  it("another 满分 or another amount still disagrees", () => {
    expect(kp3030(20, c, "按比率 得分 满分 10")).toEqual([]);
    expect(kp3030(20, c, "按比率 得分 满分 5")).not.toEqual([]);
    expect(kp3030(10, c.replace("0.1分", "0.2分"), "按比率 得分 满分 10")).not.toEqual([]);
  });

  it("按评价 for it is the wrong kind", () => {
    expect(kp3030(10, c, "按评价 得分 满分 10").join()).toMatch(/应写「按比率」/);
  });

  it("a step not per percentage point is not the rate's", () => {
    expect(kp3030(10, "每完成任务一件得0.1分,共10分。", "按比率 得分 满分 10")).not.toEqual([]);
  });
});

describe("a formula in letters whose right side is a quotient", () => {
  it("is a rate: 按评价 for it is the wrong kind, 按比率 is clean", () => {
    const c = "A=B/C×70,A为该县当年整治达标验收考核得分,B为达标乡镇数,C为乡镇总数。";
    expect(kp3030(70, c, "按比率 得分 满分 70")).toEqual([]);
    expect(kp3030(70, c, "按评价 得分 满分 70").join()).toMatch(/应写「按比率」/);
    expect(kp3030(10, "S加=D升/D总×10", "按评价 得分 满分 10").join()).toMatch(/应写「按比率」/);
  });

  it("a letter with no quotient is no rate", () => {
    expect(kp3030(10, "按A、B、C三档评价打分", "按评价 得分 满分 10")).toEqual([]);
  });
});
