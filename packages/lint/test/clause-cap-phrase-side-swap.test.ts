/**
 * clause-mismatch (KP3030): 「加分或减分最高为1分」「最多为2分」 are cap phrases like 「最高加1分」 (session 27, test/corpus
 * xcgy-02): a rule whose amount and cap are swapped is reported, the faithful rule is clean.
 */
import { describe, expect, it } from "vitest";
import { kp3030 } from "./helpers.js";
import { clauseNumbers } from "../src/clause.js";


describe("「最高为1分」: a cap phrase", () => {
  it("marks the amount as a cap", () => {
    const caps = (t: string) => clauseNumbers(t).filter((n) => n.cap).map((n) => n.raw / 1_000_000);
    expect(caps("每降低10%扣0.5分,减分最高为1分。")).toEqual([1]);
    expect(caps("每少一次扣0.2分,最多为2分")).toEqual([2]);
    expect(caps("每少一次扣0.2分")).toEqual([]);
  });

  it("the faithful rule is clean, amount and cap swapped are reported", () => {
    const c = "完成下达指标得基本分,每超额完成任务10%加0.5分,每降低10%扣0.5分,加分或减分最高为1分。";
    const good = "基准 100% 每增加 10% 得 0.5 上限 1，每少 10% 扣 0.5 上限 1";
    expect(kp3030(7, c, good)).toEqual([]);
    expect(kp3030(7, c, "基准 100% 每增加 10% 得 1 上限 0.5，每少 10% 扣 0.5 上限 1")).not.toEqual([]);
    expect(kp3030(5, "每少一次扣0.2分,最多为2分", "每次 扣 0.2 上限 2")).toEqual([]);
    expect(kp3030(5, "每少一次扣0.2分,最多为2分", "每次 扣 2 上限 0.2")).not.toEqual([]);
  });
});
