/**
 * The assessors' judgement (patterns/kinds.ts, discretion-range.ts, grades-unmarked.ts; guards-amounts.ts): 酌情打分 with
 * no number and 酌情记分 (the assessors' score within the item), a discretionary range with the copy's double dash and
 * 视情节严重, grades without 评为, an overall judgement (综合评定) with the item's points — on clauses written for these tests
 * (general rulebook phrasing, never the corpus's text), each reading checked in a catalogue (it must parse and check),
 * with the near-misses that must stay to-dos with a Chinese reason.
 */
import { recogniseClause } from "@kaoping/import";
import { describe, expect, it } from "vitest";
import { item, expectReading, expectTodo, bodies, errorsOf } from "./phrasing-check.js";

// The lead's convention (session 24): 「酌情打分」 with no number is the assessors' score up to the item's (or its
// row's) points — 评议 得分 (模式 36) — in every book (cj-11 was 按评价, ybzx-05/07/08 评议).
describe("酌情打分 with no number: the assessors' score up to the points (评议)", () => {
  it.each([
    ["根据台账资料完整程度酌情打分。", item("4"), ["评议 得分 上限 4"]],
    ["视活动开展情况酌情评分", item("6", { rowPoints: "2" }), ["评议 得分 上限 2"]],
  ] as const)("%s", (text, ctx, want) => {
    const r = recogniseClause(text, ctx);
    expect(bodies(r)).toEqual(want);
    for (const b of want) expect(errorsOf(b, ctx)).toEqual([]);
  });
  it.each([
    // a deduction at discretion is 酌情扣分's (a range from 0), another number is a range or an amount not placed
    ["工作不到位的酌情扣分。", item("4"), "酌情 扣 0 至 4"],
    ["根据完成情况酌情打分,最高3分。", item("4"), undefined],
    ["酌情打分。", item(null), undefined],
  ] as const)("%s is not 评议 上限 the points", (text, ctx, reading) => {
    const r = recogniseClause(text, ctx);
    if (reading === undefined) expect(r.kind).toBe("todo");
    else expect(bodies(r)).toEqual([reading]);
  });
});

describe("酌情记分 as 酌情计分: the assessors' score within the item (xlsc-08/09)", () => {
  it.each([
    ["经乡镇验收合格的,记满分;否则酌情记分。", item("5"), ["评议 得分 上限 5"]],
    ["按时报送材料且内容完整的,记满分;否则酌情记分", item("3"), ["评议 得分 上限 3"]],
  ] as const)("%s", expectReading);

  it.each([
    // the other side alone (beside siblings' awards): what it may give is not said
    ["否则酌情记分。", item("3")],
    // an amount beside 酌情记分: which range is not said
    ["按完成情况酌情记分,最高记2分", item("3")],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("a discretionary range with the copy's double dash, and 视情节严重 (bjlh-03)", () => {
  it.each([
    ["破坏公共设施,视情节严重扣2——5分。", item("10"), ["酌情 扣 2 至 5"]],
    ["上课违纪,视情节轻重扣1—3分", item("10"), ["酌情 扣 1 至 3"]],
    ["乱扔垃圾的,酌情扣0.5——2分;", item("10"), ["酌情 扣 0.5 至 2"]],
  ] as const)("%s", expectReading);

  it.each([
    // a falling range stays a to-do (maybe a slip of the copy)
    ["破坏公共设施,视情节严重扣5——2分。", item("10")],
    // a bound before the range
    ["3次以上的视情节严重扣1——3分。", item("10")],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("grades without 评为: the thing judged named once (rhqz-08/09)", () => {
  it.each([
    ["田间管理较好的计6分,一般的计4分,差的不计分。", item("6"), ["评为 「较好」、「一般」、「差」 分别得 6、4、0"]],
    ["完成示范片建设且效果好的计8分,效果一般的计5分,效果差的计2分,未建设的不计分。", item("8"), ["评为 「效果好」、「效果一般」、「效果差」、「未建设」 分别得 8、5、2、0"]],
    ["档案整理优秀的得4分,良好的得3分,合格的得2分,不合格的不得分", item("4"), ["评为 「优秀」、「良好」、「合格」、「不合格」 分别得 4、3、2、0"]],
  ] as const)("%s", expectReading);

  it("names the grades in the author's characters", () => {
    expect(bodies(recogniseClause("排灌溝渠較好的計5分,一般的計3分,差的不計分。", item("5")))).toEqual(["评为 「較好」、「一般」、「差」 分别得 5、3、0"]);
  });

  it.each([
    // rising points: no grade list
    ["田间管理差的计2分,一般的计4分,较好的计6分。", item("6")],
    // a part that is no grade
    ["田间管理较好的计6分,及时的计4分,差的不计分。", item("6")],
    // a count in the clause
    ["田间管理较好的计6分,一般的计4分,差的每处扣1分。", item("6")],
  ] as const)("stays a to-do or another reading: %s", (text, ctx) => {
    const r = recogniseClause(text, ctx);
    expect(r.kind === "rules" && r.bodies.some((b) => b.startsWith("评为"))).toBe(false);
  });
});

describe("an overall judgement with the item's points", () => {
  it.each([
    // an overall judgement with the item's points: the assessor's score
    ["根据日常工作表现综合评定，本项分值为3分", item("3"), ["按评价 得分"]],
  ] as const)("%s", expectReading);

  it.each([
    // an overall judgement of other points than the item's, or with an outcome
    ["根据日常工作表现综合评定，本项分值为5分", item("3")],
  ] as const)("never guessed: %s", expectTodo);
});
