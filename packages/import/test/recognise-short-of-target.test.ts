/**
 * A shortfall against the unit's own task or standard (session 29, patterns/short-of-target.ts): 「未达到…标准的少1家
 * 企业扣2分」, 「未完成任务少一个扣0.5分」, 「达到…标准后,每增加一家企业加记2分」 → 基准 目标值 每少/每增加 — the fourth class of
 * this session's brief, whose wrong readings (sjsc-01/02, tyqx-04) counted the things short as 每家/每个.
 */
import { describe, expect, it } from "vitest";
import { recogniseClause } from "@kaoping/import";
import { bodies, expectReading, item } from "./phrasing-check.js";

describe("short of the task or standard", () => {
  it.each([
    ["未达到要求标准的少1家企业扣2分;", item("60"), ["基准 目标值 每少 1家 扣 2"]],
    ["达到市局要求标准后,每增加一家企业加记2分。", item("60"), ["基准 目标值 每增加 1家 得 2"]],
    ["完成年度基层体育场地设施建设任务数,得2分,未完成任务少一个扣0.5分,扣完为止;", item("2"), ["基准 目标值 每少 1个 扣 0.5"]],
    ["未完成目标任务的,每少2户扣1分", item("5"), ["基准 目标值 每少 2户 扣 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // nothing said of a task or standard: each one missing is counted (a checklist)
    ["层层签订得2分,少一个单位扣1分", item("2"), /每个|todo/],
    ["少一个扣2.5分。", item("5"), /每个|todo/],
  ] as const)("is no shortfall against a target: %s", (text, ctx, want) => {
    const got = JSON.stringify(bodies(recogniseClause(text, ctx)));
    expect(got).not.toMatch(/目标值/);
    expect(got).toMatch(want);
  });

  it("takes the item's points stated first only when they are the item's", () => {
    expect(JSON.stringify(bodies(recogniseClause("完成年度建设任务数,得3分,未完成任务少一个扣0.5分", item("2"))))).not.toMatch(/目标值/);
  });
});
