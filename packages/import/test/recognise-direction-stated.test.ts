/**
 * The direction of an amount written with no verb (session 28, issue 13), taken only from a word — at its cause, in
 * the compositional reader as in the patterns (patterns/stated-direction.ts, shared) — and from the context a document
 * gives: the header of the clause's column (`ClauseContext.header`, 「扣分标准」) and its notes on scoring
 * (`ClauseContext.notes`, 「分项无基准分值,实行累计扣减」), each only when it names one direction.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { recogniseClause, type ClauseContext, type Recognition } from "@kaoping/import";
import { recogniseByParts, readUnguarded } from "../src/recognise/recognise.js";
import { normalise } from "../src/recognise/normalise.js";
import { awardUnstatedReason, documentDirection, headerDirection, noteDirection } from "../src/recognise/patterns/stated-direction.js";
import { contextOf, loadBooks } from "./corpus-measure.js";

const item = (points: string, more: Partial<ClauseContext> = {}): ClauseContext => ({ indicator: "市容管理", points, section: null, siblings: [], ...more });
const bodies = (r: Recognition): readonly string[] | string => (r.kind === "rules" ? r.bodies : `todo: ${r.reason}`);

function expectReading(text: string, ctx: ClauseContext, want: readonly string[]): void {
  expect(bodies(recogniseClause(text, ctx)), `recogniser: ${text}`).toEqual(want);
  expect(bodies(recogniseByParts(text, ctx)), `compose alone: ${text}`).toEqual(want);
}
function expectTodo(text: string, ctx: ClauseContext): void {
  for (const [who, r] of [["recogniser", recogniseClause(text, ctx)], ["compose alone", recogniseByParts(text, ctx)]] as const) {
    expect(r.kind, `${who}: ${text} → ${JSON.stringify(bodies(r))}`).toBe("todo");
    if (r.kind === "todo") expect(r.reason).toMatch(/扣分还是得分|方向未能确定/);
  }
}

describe("compose: a verbless amount takes its direction only from a word, as the patterns do", () => {
  it.each([
    // a thing named with its points, no word of doing or having it (session 27's da-22, compose's old default)
    ["科技档案分类目录1分", item("1")],
    ["季度工作简报 2分", item("2")],
    // a fault, no verb
    ["违规的 2分", item("10")],
  ] as const)("%s → to-do", (text, ctx) => expectTodo(text, ctx));

  it.each([
    // a word of doing, a thing achieved, a task with its points in brackets
    ["编制了文书档案归档文件目录1分", item("1"), ["得 1"]],
    ["第三产业增加值占地区生产总值比重上升,4分;", item("4"), ["得 4"]],
    ["材料、低值易耗品存放合理,保管良好。(2)", item("2"), ["得 2"]],
    // the item's clauses share out its points exactly, none a fault or a deduction: each is what its thing earns
    ["科技档案分类目录1分", item("4", { siblings: ["编制了文书档案归档文件目录1分", "业务、会计档案案卷目录2分。"] }), ["得 1"]],
  ] as const)("%s → an award a word states", (text, ctx, want) => expectReading(text, ctx, want));

  it("shares that do not add up to the item's points state nothing", () => {
    expectTodo("科技档案分类目录1分", item("5", { siblings: ["编制了文书档案归档文件目录1分", "业务、会计档案案卷目录2分。"] }));
  });

  it("the award-unstated guard fires on no compose reading of the corpus (books not blind)", () => {
    const dir = fileURLToPath(new URL("../../../test/corpus/clauses", import.meta.url));
    const books = loadBooks(dir).filter((b) => !b.heldOut || b.tunedSince !== undefined);
    const fired: string[] = [];
    let awards = 0;
    for (const b of books) {
      for (const c of b.clauses) {
        if (c.kp === undefined) continue;
        const ctx = contextOf(b, c);
        const r = readUnguarded(c.text, ctx, "compose");
        if (r.kind !== "rules" || !r.bodies.some((x) => /(?:^|\s)得(?:\s|$)/.test(x))) continue;
        awards++;
        const why = awardUnstatedReason(normalise(c.text), ctx);
        if (why !== undefined) fired.push(`${c.id}: ${r.bodies.join(" / ")} — ${why}`);
      }
    }
    expect(awards).toBeGreaterThan(500);
    expect(fired).toEqual([]);
  });
});

describe("the document states the direction: the column's header, the notes on scoring", () => {
  const header = (h: string, more: Partial<ClauseContext> = {}): ClauseContext => item("100", { indicator: "路灯管理", header: h, ...more });
  const noted = (n: string, more: Partial<ClauseContext> = {}): ClauseContext => item("100", { indicator: "路灯管理", notes: [n], ...more });

  it.each([
    // 351's rows under 「扣分标准」
    ["灯杆灯具灯罩有积尘、污渍严重,影响观瞻和照明 0.1分/处", header("扣分标准"), ["每处 扣 0.1"]],
    ["未建立巡查台账的 1分", header("扣分标准"), ["扣 1"]],
    ["擅自在建筑物墙面悬挂喷绘布幅广告,影响市容市貌的 0.5分/处", header("扣分"), ["每处 扣 0.5"]],
    // 351's 注 with no header
    ["灯杆灯具灯罩有积尘、污渍严重,影响观瞻和照明 0.1分/处", noted("注:本项考评市路灯管理处,总分为100分,分项无基准分值,实行累计扣减。"), ["每处 扣 0.1"]],
    ["未建立巡查台账的 1分", noted("说明：表中各项均为扣分项。"), ["扣 1"]],
    // a header and a note that agree
    ["控制柜门锁失效 2分/处", header("扣分标准", { notes: ["注:分项无基准分值,实行累计扣减。"] }), ["每处 扣 2"]],
    // awards under 「加分标准」
    ["信息被市级录用 2分/条", header("加分标准"), ["每条 得 2"]],
    ["建立志愿服务队伍 1分", header("加分标准"), ["得 1"]],
  ] as const)("%s → %j", (text, ctx, want) => expectReading(text, ctx, want));

  it.each([
    // no header, no note, no word: the direction is not stated
    ["灯杆灯具灯罩有积尘、污渍严重,影响观瞻和照明 0.1分/处", item("100", { indicator: "路灯管理" })],
    ["未建立巡查台账的 1分", item("100", { indicator: "路灯管理" })],
    // a header that names no direction, or both
    ["未建立巡查台账的 1分", header("评分标准")],
    ["未建立巡查台账的 1分", header("加扣分标准")],
    // a note that mentions both directions states neither
    ["灯杆灯具灯罩有积尘、污渍严重,影响观瞻和照明 0.1分/处", noted("注:分项无基准分值,实行累计扣减,另设加分项。")],
    ["未建立巡查台账的 1分", noted("说明：以下为扣分项，获得表彰的可加分。")],
    // two notes (or a header and a note) that disagree
    ["未建立巡查台账的 1分", item("100", { notes: ["注:实行累计扣减。", "注:以下为加分项。"] })],
    ["控制柜门锁失效 2分/处", header("扣分标准", { notes: ["说明：以下为加分项。"] })],
    // a note of a modifier or a cap, not of the direction
    ["未建立巡查台账的 1分", noted("按正常情况亮灯(未全部亮灯)时考评的,加倍扣分。")],
    ["未建立巡查台账的 1分", noted("注:各项扣完为止。")],
    // among deductions, a thing named that is no fault (deducted when missing? not written), or a merit
    ["年度汇报材料 3分", header("扣分标准")],
    ["信息被市级录用 2分/条", header("扣分标准")],
    // among awards, a fault
    ["灯杆灯具灯罩有积尘、污渍严重,影响观瞻和照明 0.1分/处", header("加分标准")],
  ] as const)("%s → to-do", (text, ctx) => expectTodo(text, ctx));

  it("reads a header and a note only for the direction they name", () => {
    expect(headerDirection("扣分标准")).toBe("扣");
    expect(headerDirection("扣 分 标 准")).toBe("扣");
    expect(headerDirection("加分标准")).toBe("得");
    expect(headerDirection("评分标准")).toBeUndefined();
    expect(headerDirection("加减分标准")).toBeUndefined();
    expect(noteDirection("注:本项考评市路灯管理处,总分为100分,分项无基准分值,实行累计扣减。")).toBe("扣");
    expect(noteDirection("说明：本表实行加分制。")).toBe("得");
    expect(noteDirection("注：本项累计扣分不超过2分")).toBe("扣");
    expect(noteDirection("注：加分最高不超过2分")).toBeUndefined();
    // both directions (375's scheme), a modifier beside the rule
    expect(noteDirection("以100分為基準,考核項目不確定基本分,實行加、扣分制")).toBeUndefined();
    expect(noteDirection("注:实行累计扣减,加倍扣分的情形另定。")).toBeUndefined();
    expect(documentDirection({ header: "扣分标准", notes: ["注:以下为加分项。"] })).toBeUndefined();
    expect(documentDirection({})).toBeUndefined();
  });

  it("the item's own name or section outranks nothing it disagrees with: a 减分 section is 扣 whatever the header", () => {
    expectReading("控制柜门锁失效 2分/处", { indicator: "减分", points: null, section: "减分", header: "加分标准" }, ["每处 扣 2"]);
  });
});

describe("a compound count after the amount (「1分/处/次」) is read whole, never its second unit dropped", () => {
  it("「扣1分/处/次」 is per place and per time; a second unit the language lacks is a to-do", () => {
    expect(bodies(recogniseClause("不按规定开关灯扣1分/处/次", item("100")))).toEqual(["每处 每次 扣 1"]);
    expect(bodies(recogniseClause("不按规定开关灯 1分/处/次", item("100", { header: "扣分标准" })))).toEqual(["每处 每次 扣 1"]);
    expect(recogniseClause("不按规定开关灯扣1分/处/年", item("100")).kind).toBe("todo");
  });
});
