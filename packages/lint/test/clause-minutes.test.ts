/**
 * Session 25 (helper amounts): minutes are no points for the clause-mismatch reader either — a clock time in
 * traditional script (「8點05分前」, with or without a copy's pinyin gloss 「8點(diǎn)05分」) and a duration in
 * 分鐘 (「30分鐘以內」), on clauses written for the test. Before, each was an amount the rule did not write (KP3030).
 */
import { describe, expect, it } from "vitest";
import { clauseNumbers } from "../src/clause.js";

const amounts = (t: string): string[] => clauseNumbers(t).filter((n) => n.amount).map((n) => n.text);

describe("minutes are no amounts (lint's clause numbers)", () => {
  it.each([
    ["9點15分前未完成交接,1次扣1分", ["1分"]],
    ["9點(diǎn)15分前未完成交接,1次扣1分", ["1分"]],
    ["17時30分后離崗的扣0.5分", ["0.5分"]],
    ["遲到20分鐘以內的扣2分", ["2分"]],
    ["迟到20分钟以内的扣2分", ["2分"]],
  ] as const)("%s: the amounts are %j", (text, want) => {
    expect(amounts(text)).toEqual(want);
  });

  it("an amount after a time that is not a clock time is still an amount", () => {
    expect(amounts("按时完成的得5分,每迟一天扣1分")).toEqual(["5分", "1分"]);
  });
});
