/**
 * A cap whose verb says the other direction than the clause's amounts (session 28, issue 13): 「发表信息每篇加1分，最多扣3分」
 * was read `每篇 得 1 上限 3` by the patterns, the cap's 扣 dropped. A rule's 上限 caps what the rule scores (语言参考 §6.1:
 * its deductions, or on an award rule its awards): a cap of deductions on awards has nothing to cap, and whether the copy
 * meant 最多加 is not said — a to-do, at the cap's cause (amounts.ts `capOf`), whoever reads the clause.
 */
import { describe, expect, it } from "vitest";
import { recogniseClause, type ClauseContext } from "@kaoping/import";
import { recogniseByParts } from "../src/recognise/recognise.js";
import { capAgainstReason, capVerb } from "../src/recognise/amounts.js";

const ten: ClauseContext = { indicator: "信息工作", points: "10", section: null, siblings: [] };

describe("a cap's verb against the clause's amounts", () => {
  it.each([
    "发表信息每篇加1分，最多扣3分",
    "获市级表彰的每次加1分,扣分以3分为限",
    "被中央媒体采用的每篇加2分、省级媒体每篇加1分,最多扣5分",
    "发生事故的每起扣1-2分,最多加5分",
    "每次扣0.5分,加分不超过3分",
  ])("%s → to-do (the recogniser and compose alone)", (text) => {
    expect(recogniseClause(text, ten).kind).toBe("todo");
    expect(recogniseByParts(text, ten).kind).toBe("todo");
  });

  it.each([
    ["发表信息每篇加1分，最多加3分", ["每篇 得 1 上限 3"]],
    ["每次扣0.5分,最多扣3分", ["每次 扣 0.5 上限 3"]],
    // a cap with no verb caps the rule whichever way it goes
    ["发表信息每篇加1分，最高3分", ["每篇 得 1 上限 3"]],
  ] as const)("%s → %j (the cap's verb agrees, or it has none)", (text, want) => {
    const r = recogniseClause(text, ten);
    expect(r.kind === "rules" ? r.bodies : r.reason).toEqual(want);
  });

  it("names the cap's verb, and disagrees only against amounts of one other direction", () => {
    expect(capVerb("最多扣3分")).toBe("扣");
    expect(capVerb("加分以3分为限")).toBe("得");
    expect(capVerb("最高3分")).toBeUndefined();
    expect(capAgainstReason("最多扣3分", "发表信息每篇加1分，")).toMatch(/扣分的上限/);
    expect(capAgainstReason("最多扣3分", "完成得1分,未完成扣1分,")).toBeUndefined();
    expect(capAgainstReason("最多扣3分", "每处0.5分,")).toBeUndefined();
  });
});
