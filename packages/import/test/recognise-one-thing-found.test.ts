/**
 * 「一处垃圾扣1分」「被指出一个问题扣2分」「缺一项内容扣0.1分」: one of a count noun, then the thing found (up to four
 * characters), then the verb — each one found is counted (语言参考 §5.1: 发现一起 即 每起), read by the compositional
 * reader (session 27, parts.ts ONE_BEFORE_EFFECT_SOURCE); and classes of one count whose amounts are all the same are
 * one rule each (jtqy-05: 「一处垃圾扣1分,一处漂浮物扣1分」 → `每处 扣 1`, `每处 扣 1`), not classes the amounts do not tell
 * apart. On clauses written for these tests; near-misses stay to-dos.
 */
import { describe, it } from "vitest";
import { expectReading, expectTodo, item } from "./phrasing-check.js";

describe("one found, the thing named, then the verb", () => {
  it.each([
    ["检查中被指出一个问题扣2分;", item("10"), ["每个 扣 2"]],
    ["实施方案缺一项内容扣0.1分。", item("2"), ["每项 扣 0.1"]],
    ["责任书层层签订，少一个单位扣1分", item("3"), ["每个 扣 1"]],
    ["河道清理不彻底，一处垃圾扣1分", item("5"), ["每处 扣 1"]],
    ["路面清扫不净的，一处垃圾扣1分，一处积水扣1分。", item("5"), ["每处 扣 1", "每处 扣 1"]],
    // 一次性 is no count of times: once
    ["资料一次性报送不全扣1分", item("5"), ["扣 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // the thing found too long to be only that (a condition of its own in between)
    ["一处河道两岸堆放生活垃圾未清理扣1分", item("5"), /[\u4e00-\u9fa5]/],
    // classes of one count with different amounts and a cap after the first: whose cap?
    ["一处垃圾扣1分，最多扣3分，一处积水扣2分", item("5")],
  ] as const)("stays a to-do: %s", expectTodo);
});
