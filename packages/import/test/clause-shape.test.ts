/**
 * clauseShape: what a clause shows of its scoring, for the editor's templates that finish a 待补 (never a reading):
 * amounts with their verbs (lists sharing one 分 too), the cap, the count word, bounds (a band between two values),
 * steps as the language writes them, rating words, and the direction when no amount has a verb.
 */
import { describe, expect, it } from "vitest";
import { clauseShape } from "@kaoping/import";

describe("clauseShape", () => {
  it("amounts with their verbs, a list sharing one 分, the cap and the count word", () => {
    const s = clauseShape("迟到一次扣0.5分，最多扣2分");
    expect([s.amounts, s.cap, s.unit, s.direction]).toEqual([[{ value: "0.5", verb: "扣" }], "2", "每次", "扣"]);
    const list = clauseShape("绿化程度在本省属好、中、差,分别扣0、3、5分");
    expect(list.amounts.map((a) => `${a.verb}${a.value}`)).toEqual(["扣0", "扣3", "扣5"]);
    expect(list.ratings).toEqual(["好", "中", "差"]);
    expect(clauseShape("发现问题扣分，扣完为止").cap).toBeNull();
  });

  it("a count word the language has none for is named, not mapped (每座 is no 每处 by itself)", () => {
    const s = clauseShape("开放时间内保洁人员脱岗,每座扣0.5分");
    expect([s.unit, s.otherCount]).toEqual([null, "座"]);
    expect(clauseShape("调解率、成功率不达标各扣0.5分。").unit).toBe("每项");
  });

  it("bounds in order, a band between two values, and steps as the language writes them", () => {
    const s = clauseShape("其他知識產權 12 件及以上得 2 分,6-11 件得 1 分,6 件以下不得分。");
    expect(s.bounds).toEqual([
      { value: "12", side: "above", measure: "件", op: "≥" },
      { value: "6", high: "11", side: "between", measure: "件" },
      { value: "6", side: "below", measure: "件" },
    ]);
    expect(s.noScore).toBe(true);
    // a sign, or a word that says whether the value is in (超过 >, 不低于 ≥)
    expect(clauseShape("审核错情累计条数每年≤3条,得1分;否则不得分").bounds).toEqual([{ value: "3", side: "below", measure: "条", op: "≤" }]);
    expect(clauseShape("刑事发案数超过6%的扣3分").bounds).toEqual([{ value: "6%", side: "above", measure: "%", op: ">" }]);
    expect(clauseShape("耳标佩戴率100%得5分,每降2%扣1分,扣完为止。").steps).toEqual([{ word: "每低", size: "2%" }]);
    expect(clauseShape("耳标佩戴率100%得5分,每降2%扣1分,扣完为止。").percents).toEqual(["100%"]);
  });

  it("the direction with no verbed amount: a cap's verb, the words 加分/扣分 (not 不得分), an amount in brackets", () => {
    expect(clauseShape("分别酌情给予加分。最多加20分。").direction).toBe("得");
    expect(clauseShape("完成招商工作任务50%以下的不得分。").direction).toBeNull();
    expect(clauseShape("分析研究安全生产不少于4次(4分);").direction).toBe("得");
  });

  it("a decimal point written as a full stop (「扣 0。5 分」) is the amount 0.5, as the recogniser reads it (text-noise.ts), never 5", () => {
    expect(clauseShape("不冲洗滤池、更换氯瓶,每次扣 0。5 分;").amounts).toEqual([{ value: "0.5", verb: "扣" }]);
  });
});
