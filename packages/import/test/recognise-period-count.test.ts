/**
 * A period followed by a count word (session 27, issue 13: the eighteenth set's zs22-03 「…每月次扣3分」 read `每月 扣 3`,
 * hand 每次 — test/corpus/README.md "Session 27: the eighteenth set's wrong readings"). The rule: 期间词后面紧跟计数单位
 * （「每月次」「每年人次」）时，计数的是后面的单位，不读作「每月」; and 「每月次」 read as 每次 (count-words.ts), never in 月次数 or
 * 月次日. Clauses written for these tests.
 */
import { describe, expect, it } from "vitest";
import { guardsFiring } from "../src/recognise/guards.js";
import { normalise } from "../src/recognise/normalise.js";
import { expectReading, item } from "./phrasing-check.js";
import { recogniseClause } from "@kaoping/import";

const deductions = item(null, { section: "减分" });

describe("a period followed by a count word is not the period", () => {
  // (since both round-2 branches merged, count-words.ts writes 「每月次」 as 每次 before any reader sees it, as the
  // eighteenth set encodes it — 「每月次 is 每次」 at the end of this file —; the guard below stays for any reader that does not)
  it.each([
    ["断面水质反弹为劣V类的,每月次扣3分。", ["每次 扣 3"]],
    ["未按时报送统计报表的,每月次扣1分", ["每次 扣 1"]],
  ])("%s → the count (每次), never the period", (text, want) => {
    expectReading(text, deductions, want);
  });

  it.each([
    ["断面水质反弹为劣V类的,每次扣3分。", ["每次 扣 3"]],
    ["未按时报送统计报表的,每月扣1分", ["每月 扣 1"]],
  ])("%s → read (the count or the period stated alone)", (text, want) => {
    expectReading(text, text.includes("每月") ? item("10") : deductions, want);
  });

  it("the guard catches 每月 read from 「每月次」 whoever wrote it, and lets 每次 pass", () => {
    const t = normalise("断面水质反弹为劣V类的,每月次扣3分。");
    expect(guardsFiring(t, ["每月 扣 3"], deductions).map((f) => f.name)).toContain("period-before-count");
    expect(guardsFiring(t, ["每次 扣 3"], deductions).map((f) => f.name)).not.toContain("period-before-count");
  });
});

describe("每月次 is 每次", () => {
  it.each([
    ["断面水质反弹为劣V类的,每月次扣3分。", item("100"), ["每次 扣 3"]],
    ["水质反弹为劣Ⅴ类的,每月次10分,扣分扣完为止。", item("100"), ["每次 扣 10"]],
  ] as const)("%s", expectReading);

  it.each(["每月次数不足的扣3分", "每月次日前未报送的扣1分"])("not in 月次数, 月次日 (the next day): %s", (text) => {
    const r = recogniseClause(text, item("10"));
    expect(r.kind === "rules" ? r.bodies.join(" / ") : "").not.toMatch(/每次/);
  });
});
