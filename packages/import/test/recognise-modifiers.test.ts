/**
 * The recogniser reads modifiers written as their own phrase (语言参考 §6): 加倍/减半 当, 其中 … 加倍/减半,
 * 免扣 当, 可减免 当, 按 … 平均, 倒扣 — on clauses written for these tests (not from the corpus), each
 * reading checked in a catalogue; and the never-guess side: a near-miss is a to-do with a Chinese
 * reason, never a reading that drops the waiver or the multiplier.
 */
import { analyzeFiles, type SourceHost } from "@kaoping/core";
import { recogniseClause, type ClauseContext, type Recognition } from "@kaoping/import";
import { describe, expect, it } from "vitest";

const item = (points: string | null = "10"): ClauseContext => ({ indicator: "项", points, section: null });
const penalty: ClauseContext = { indicator: "减分", points: "5", section: "减分" };
const bonus: ClauseContext = { indicator: "加分", points: "5", section: "加分" };
const bodies = (r: Recognition): readonly string[] | string => (r.kind === "rules" ? r.bodies : `todo: ${r.reason}`);

/** The reading as the rule of a small catalogue: errors of parse and check. */
function errorsOf(body: string, ctx: ClauseContext): string[] {
  const owner = ctx.section ? `${ctx.section} 「项」 上限 ${ctx.points ?? 10} {` : `指标 「项」 ${ctx.points ?? 10}分 {`;
  const base = ctx.section ? "指标 「基本」 10分 {\n  规则 「基」 「条文」 扣 1\n}\n" : "";
  const named = [...body.matchAll(/其中 「([^」]+)」 \d/g)].map((m) => `「${m[1]}」`);
  const classes = named.length > 0 ? `类别 ${named.join("、")}\n` : "";
  const text = `细则 「试」\n对象 「单位」\n总分 10分\n${classes}${base}${owner}\n  规则 「甲」 「条文」 ${body}\n}\n`;
  const host: SourceHost = { read: () => ({ ok: true, text }), resolve: (_f, t) => t, isDirectory: () => false };
  return analyzeFiles(["a.kp"], host)[0]!.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`);
}

describe("modifiers written as their own phrase", () => {
  it.each([
    // 加倍 当 / 减半 当 on a one-shot deduction
    ["未按时完成年度任务的扣2分，造成严重影响的加倍扣分", item(), ["扣 2 加倍 当 「造成严重影响」"]],
    ["材料弄虚作假的扣3分；情节严重的，加倍扣分。", item(), ["扣 3 加倍 当 「情节严重」"]],
    ["未建立台账的扣1分，主动说明情况的减半扣分", item(), ["扣 1 减半 当 「主动说明情况」"]],
    // 其中 … 加倍/减半: only those occurrences
    ["发生安全事故的，每起扣1分，其中已查结的减半，最多扣3分", item("6"), ["每起 扣 1 其中 「已查结」 减半 上限 3"]],
    ["非正常上访每人扣0.5分，其中重复访的加倍扣分", item("6"), ["每人 扣 0.5 其中 「重复访」 加倍"]],
    // 免扣 当
    ["年度重点任务未完成的扣1.5分，确因上级政策调整未完成的不扣分", item(), ["扣 1.5 免扣 当 「确因上级政策调整未完成」"]],
    ["信息报送不及时的每次扣0.5分，因系统故障的不扣分", item(), ["每次 扣 0.5 免扣 当 「因系统故障」"]],
    ["未完成整改任务的扣2分，但因客观原因未完成的除外。", item(), ["扣 2 免扣 当 「因客观原因未完成」"]],
    // 可减免 当, after the cap (the clause's order)
    ["督查发现问题的每个扣1分，最多扣3分；主动整改到位的可酌情减免", item(), ["每个 扣 1 上限 3 可减免 当 「主动整改到位」"]],
    ["被上级通报批评的扣2分，及时整改的可予以减免", item(), ["扣 2 可减免 当 「及时整改」"]],
    // 按 … 平均
    ["每发生一起较大事故扣1分，按所辖乡镇数平均计算", item("3"), ["每起 扣 1 按 「所辖乡镇数」 平均"]],
    ["每发生一起一般事故扣0.2分，按所辖乡镇数平均计算，最多扣1分", item("3"), ["每起 扣 0.2 按 「所辖乡镇数」 平均 上限 1"]],
    ["督办事项被通报的，每次扣1分，由3个牵头部门平均承担", item("2"), ["每次 扣 1 按 3 平均"]],
    // 其中 「类别」 Y: a class of units with its own amount (declared by kp import)
    ["每个扣0.5分，其中园区每个扣0.3分", item(), ["每个 扣 0.5 其中 「园区」 0.3"]],
    ["未按期完成的扣1分，其中开发区扣0.5分", item(), ["扣 1 其中 「开发区」 0.5"]],
    ["每篇加0.2分，其中市直部门每篇加0.1分", bonus, ["每篇 得 0.2 其中 「市直部门」 0.1"]],
    // 倒扣: beyond the indicator's points; in a 减分 section a plain deduction
    ["发生重大责任事故的，每起倒扣2分", item("4"), ["每起 扣 2 倒扣"]],
    ["未完成的倒扣1分", item("4"), ["扣 1 倒扣"]],
    ["被评为较差等次的倒扣0.3分", penalty, ["扣 0.3"]],
    ["按期完成的得1分，未完成的倒扣2分", item("1"), ["得 1 否则 倒扣 2"]],
  ] as const)("%s", (text, ctx, want) => {
    const r = recogniseClause(text, ctx);
    expect(bodies(r)).toEqual(want);
    for (const b of want) expect(errorsOf(b, ctx), b).toEqual([]);
  });
});

describe("never a reading that drops a modifier", () => {
  it.each([
    // whole rule or only those occurrences? both are written 「…的加倍扣分」 after a per-occurrence amount
    ["迟报的每次扣0.5分，瞒报的加倍扣分", item(), /整条规则加倍，还是其中符合条件的几次/],
    ["发生安全事故的，每起扣1分，已查结的减半", item(), /整条规则加倍，还是其中符合条件的几次/],
    // a threshold in the condition is not a yes/no fact
    ["未按时完成的扣2分，3次以上的加倍扣分", item(), /未能确定条件或类别的名称/],
    // 「以上扣分加倍」 points back at the clause: no condition of its own
    ["每次扣1分，情节严重的，以上扣分加倍", item(), /未能确定条件或类别的名称/],
    // a multiplier on an award, 其中 on a one-shot amount, 可减免 on 不得分
    ["完成任务的得2分，表现突出的加倍", item(), /不是作用于一次性扣分/],
    ["未完成的扣2分，其中情节严重的加倍", item(), /只用于按次计分/],
    ["未开展的不得分，主动整改到位的可酌情减免", item(), /减免不是作用于扣分/],
    // a waiver or multiplier inside the scoring phrase, not its own phrase: not taken, never ignored
    ["未完成的扣2分（确因上级政策调整的不扣分）", item(), /加倍、减半、免扣、减免或分担之类的规定/],
    ["造成严重影响的加倍扣2分", item(), /加倍、减半、免扣、减免或分担之类的规定|加倍/],
    // a share between units that the language has no modifier for
    ["每次扣2分，主要责任单位和次要责任单位按6:4承担", item(), /分担之类的规定/],
    // 倒扣 in a 加分 section, or beside a plain 扣
    ["未完成的倒扣1分", bonus, /加分项中的条文写的是倒扣/],
    ["未完成的扣1分，弄虚作假的倒扣2分", item(), /既有倒扣又有扣分/],
    // 其中 a kind of finding (not a class of units), another verb or count word
    ["每个问题扣0.5分，其中重大问题每个扣1分", item(), /未能确定条件或类别的名称/],
    ["每个扣0.5分，其中园区每个加0.3分", item(), /一个扣分、一个得分/],
    ["每个扣0.5分，其中园区每次扣0.3分", item(), /计数单位不同/],
    // two rules and a modifier: which one?
    ["路面整洁，得10分；发现一处扣2分，情节严重的加倍扣分", item(), /.+/],
  ] as const)("%s → to-do", (text, ctx, reason) => {
    const r = recogniseClause(text, ctx);
    expect(r.kind, JSON.stringify(bodies(r))).toBe("todo");
    if (r.kind === "todo") expect(r.reason).toMatch(reason);
  });

  it("the plain other side of a deduction is not a waiver: 「按时报送的不扣分」 stays a one-shot deduction", () => {
    expect(bodies(recogniseClause("未按时报送的扣1分，按时报送的不扣分", item()))).toEqual(["扣 1"]);
  });
});
