/**
 * Session 29 (helper rates), class 4: a band is not read where the bound is not one value's (guards-rates.ts) — one
 * threshold several rates share (the award is for all of them: a requirement), and a checklist part's bound in an item
 * that deducts per part not met. On clauses written for these tests (never the corpus's text).
 */
import { describe, expect, it } from "vitest";
import { recogniseClause } from "@kaoping/import";
import { item, expectReading, expectTodo } from "./phrasing-check.js";

describe("one threshold several rates share", () => {
  it.each([
    ["入网率、注册率达95%以上得1分;", item("2")],
    ["参保率和续保率均达到90%得2分", item("2")],
  ] as const)("stays a to-do: %s", (text, ctx) => {
    const r = recogniseClause(text, ctx);
    expect(r.kind).toBe("todo");
    if (r.kind === "todo") expect(r.reason).toMatch(/[\u4e00-\u9fa5]/);
  });

  it.each([
    // one rate: a band, as before
    ["入网率达95%以上得1分;", item("2"), ["分段 { ≥ 95% 得 1 }"]],
  ] as const)("%s", expectReading);
});

describe("a checklist part's bound in an item that deducts per part not met", () => {
  const siblings = ["种苗无病虫害(2分);", "浇足定根水(2分);", "一项不达标扣2分;"];
  it.each([["种苗浸泡2天以上(2分);", item("10", { siblings })]] as const)("stays a to-do: %s", expectTodo);
});
