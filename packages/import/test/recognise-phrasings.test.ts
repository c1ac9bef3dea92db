/**
 * Phrasings the recogniser reads since session 22, on clauses written for these tests (general rulebook
 * phrasing, not copied from the corpus): person riders (「首席代表扣1分」「扣当事人3分」), a linear deduction
 * after the item's full points (「下降1个百分点扣1分」), the gap to a target, the item's full points followed by
 * counted deductions, 「不少于三次」, 「A和B各扣N分」 / 「分别扣N分」, an occurrence counted away from its
 * amount (「发生一起…的，扣N分」), 「达N%」 as a bound, 不记分 / 得零分, 「1个孩子」, an award at a count with more
 * per step beyond it, a base with a step each way, 「（本项共计4分）」; each reading checked in a
 * catalogue, and the never-guess side of each (a near-miss is a to-do with a Chinese reason). Session 23 adds the
 * classes of the sixth and seventh held-out sets (rate formulas, panel scores, counts after the fact, 任一,
 * classes of one count, bracketed points) and their wrong classes (a count or bound with the amount's digits,
 * a second zero condition, 不重复, a garbled digit).
 */
import { analyzeFiles, type SourceHost } from "@kaoping/core";
import { recogniseClause, type ClauseContext, type Recognition } from "@kaoping/import";
import { describe, expect, it } from "vitest";

const item = (points: string | null = "10"): ClauseContext => ({ indicator: "项", points, section: null });
const bodies = (r: Recognition): readonly string[] | string => (r.kind === "rules" ? r.bodies : `todo: ${r.reason}`);

/** A near-miss: the clause is a to-do with a Chinese reason, never a reading. */
function expectTodo(text: string, ctx: ClauseContext): void {
  const r = recogniseClause(text, ctx);
  expect(r.kind, JSON.stringify(bodies(r))).toBe("todo");
  if (r.kind === "todo") expect(r.reason).toMatch(/[\u4e00-\u9fa5]/);
}

function errorsOf(body: string, ctx: ClauseContext): string[] {
  const text = `细则 「试」\n对象 「单位」\n总分 ${ctx.points ?? 10}分\n指标 「项」 ${ctx.points ?? 10}分 {\n  规则 「甲」 「条文」 ${body}\n}\n`;
  const host: SourceHost = { read: () => ({ ok: true, text }), resolve: (_f, t) => t, isDirectory: () => false };
  return analyzeFiles(["a.kp"], host)[0]!.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`);
}

describe("phrasings read since session 22", () => {
  it.each([
    // a deduction from a person beside the unit's own is the person's, not the unit's
    ["未按时办结的，每件扣2分、首席代表扣1分", item(), ["每件 扣 2"]],
    ["窗口人员迟到早退的，每人次扣0.5分，窗口负责人扣0.2分。", item(), ["每人次 扣 0.5"]],
    ["擅自离岗的，扣当事人2分", item(), ["扣 2"]],
    ["私自收取费用，一次扣责任人及当事人10分", item("20"), ["每次 扣 10"]],
    // a linear deduction after the item's full points, 「下降」 without 每, the full points without a verb
    ["政务服务好评率达98%的得6分，下降1个百分点扣0.5分，扣完为止", item("6"), ["基准 98% 每低 1个百分点 扣 0.5"]],
    ["案件查结率95%6分，下降1个百分点扣1分；", item("6"), ["基准 95% 每低 1个百分点 扣 1"]],
    ["重复投诉率5%的得4分，上升1个百分点扣0.5分", item("4"), ["基准 5% 每高 1个百分点 扣 0.5"]],
    ["服務滿意率達98%的得6分,下降1個百分點扣0.5分", item("6"), ["基准 98% 每低 1个百分点 扣 0.5"]],
    // the gap to the target in percentage points: below it
    ["未完成年度目标任务的，每差1个百分点扣0.5分", item("3"), ["基准 目标值 每低 1个百分点 扣 0.5"]],
    ["森林覆盖率(2分)：未达到年度目标值的,每差0.5个百分点扣1分,扣完为止。", item("2"), ["基准 目标值 每低 0.5个百分点 扣 1"]],
    // the item's full points when done, then counted deductions: each deduction a rule
    ["按时报送统计报表计3分，每迟报一天扣0.5分", item("3"), ["每天 扣 0.5"]],
    ["资料齐全记4分，每缺一项扣1分，每错一处扣0.5分。", item("4"), ["每项 扣 1", "每处 扣 0.5"]],
    ["按时报送计6分，每迟报一天扣0.5分，最多扣2分", item("6"), ["每天 扣 0.5 上限 2"]],
    ["档案管理规范计2分，管理不规范扣2分", item("2"), ["扣 2"]],
    // 次数不足 with a Chinese numeral after 不少于
    ["全年召开专题会议不少于三次，每少一次扣1分", item("3"), ["至少 3次 每少 1次 扣 1"]],
    // 「A和B…各扣N分」: two items; 「分别扣N分」 with one amount is 各
    ["年度计划和工作总结未按时报送的各扣1分", item("2"), ["扣 1", "扣 1"]],
    ["无台账、无记录、无照片的分别扣0.5分", item("2"), ["扣 0.5", "扣 0.5", "扣 0.5"]],
    // an occurrence counted away from the amount, when it is the clause's only count
    ["出现一次重大舆情事件的，扣5分", item(), ["每次 扣 5"]],
    ["发生了一起较大交通事故的扣4分", item(), ["每起 扣 4"]],
    ["单起火灾受害面积10公顷以上的扣3分", item(), ["每起 扣 3"]],
    ["全年发生一起及以上事故的扣5分", item(), ["分段 { ≥ 1起 扣 5 }"]],
    // 达 / 未达 before a number are bounds
    ["群众满意率达95%的，得3分", item("3"), ["分段 { ≥ 95% 得 3 }"]],
    ["培训参训率未达90%的扣1分", item("3"), ["分段 { < 90% 扣 1 }"]],
    // 以上 after an inclusive word says the same as the word
    ["全年信访事项办结率达到90%以上的得3分", item("3"), ["分段 { ≥ 90% 得 3 }"]],
    ["办结率未达到90%以上的扣1分", item("3"), ["分段 { < 90% 扣 1 }"]],
    // a bound, then what is counted, then 不得分
    ["有三处及以上数据错误，不得分。", item("3"), ["分段 { ≥ 3处 不得分 }"]],
    // 不记分 / 得零分 are 不得分
    ["全年未开展培训的不记分", item("3"), ["不得分"]],
    ["发生重大责任事故的，该项考核得零分", item("3"), ["不得分"]],
    // 不记分 as the award's other side is nothing to write
    ["开展的记2分，未开展的不记分", item("3"), ["得 2"]],
    // 个 counting people
    ["超计划生育1个孩子扣2分", item(), ["每人 扣 2"]],
    // a bound of another measure describes what is counted; a requirement beside a count of what is missing
    ["提前10天以上办结的，每件加0.5分", { indicator: "加分", points: "3", section: "加分" }, ["每件 得 0.5"]],
    ["每条道路公益广告达到5条为合格，少一条扣1分", item("3"), ["每条 扣 1"]],
    // 种 counts items (每项), a step of the count word, not of a quantity
    ["每少一种台账扣0.5分，最多扣2分", item("3"), ["每项 扣 0.5 上限 2"]],
    // an award at a count and more per step beyond it: two rules on the same count, whole steps
    ["全年开展业务培训3次及以上的得2分，每多1次加0.5分", item("4"), ["分段 { ≥ 3次 得 2 }", "基准 3次 每增加 1次 得 0.5 不足一档不计"]],
    ["报送调研文章不少于两篇加1分，每增加一篇加0.5分。", { indicator: "加分", points: "3", section: "加分" }, ["分段 { ≥ 2篇 得 1 }", "基准 2篇 每增加 1篇 得 0.5 不足一档不计"]],
    // a base with the item's points and a step each way
    ["群众投诉率3%的得基准分6分，在此基础上，每下降1个百分点加0.5分，每上升1个百分点扣0.5分", item("6"), ["基准 3% 每低 1个百分点 得 0.5，每高 1个百分点 扣 0.5"]],
    // the item's points in brackets after a clause are the item's, not the clause's
    ["按时召开组织生活会计2分（本项共计4分）。", item("4"), ["得 2"]],
  ] as const)("%s", (text, ctx, want) => {
    expect(bodies(recogniseClause(text, ctx))).toEqual(want);
    for (const b of want) expect(errorsOf(b, ctx), b).toEqual([]);
  });
});

describe("never a guessed reading (session 22's near-misses)", () => {
  it.each([
    // a person's deduction alone, or beside the unit's named the same way: whose score is the clause?
    ["首席代表扣2分", item()],
    ["扣单位2分、扣当事人1分", item()],
    ["每次扣1分，首席代表另扣", item()],
    // full points other than the item's; 「持平」 is not a base the step runs from; a cap of another amount
    ["查结率95%8分，下降1个百分点扣1分", item("6")],
    ["与上年度相比持平得15分，每下降一个百分点扣7.5分", item("15")],
    ["好评率达98%的得6分，下降1个百分点扣0.5分，最多扣3分", item("6")],
    // the gap in a unit whose short side is not written (a pollutant is short above its target)
    ["未达到年度目标值的，每差1微克/立方米扣0.5分", item("3")],
    // full points then deductions: other than the item's points, a one-shot deduction, a cap of two steps
    ["按时报送计3分，每迟报一天扣0.5分", item("5")],
    ["按时报送计3分，迟报扣1分", item("3")],
    ["按时报送计6分，每迟报一天扣0.5分，每错一处扣1分，最多扣2分", item("6")],
    ["资料齐全记3分，如发现弄虚作假的，此项不记分", item("3")],
    // 各 with a list that has both 、 and 和; 和 that begins a word; beside counting siblings
    ["无台账、无记录和照片的各扣0.5分", item("2")],
    ["平安和谐村创建未达标的各扣2分", item("2")],
    ["乡镇和部门未按时报送的各扣1分", item("2")],
    ["县和乡镇未落实的分别扣2分", item("2")],
    // a count in the listed findings of 分别
    ["少建一个或已建但未达标的分别扣1分、3分", item("5")],
    // two occurrences, 「一起以上」 (a bare 以上), an escalation of a counted deduction
    ["发生一起较大事故或两起一般事故的扣10分", item()],
    ["全年发生一起以上事故的扣5分", item()],
    ["发生一起事故扣2分，情节严重的加倍", item()],
    // 未达 is never 达; a bound then a count word before a per-occurrence amount
    ["有三处及以上错误未整改的扣2分", item()],
    // an award at a count: a bare 以上, a step in another count word, a percentage (a part of a step is a choice)
    ["开展培训3次以上的得2分，每多1次加0.5分", item("4")],
    ["开展培训不少于3次得2分，每增加1篇加0.5分", item("4")],
    ["覆盖率达到90%得2分，每增加1%加0.5分", item("4")],
    // a step each way that both lose, or a base other than the item's points
    ["投诉率5%的得6分，每下降1个百分点扣1分，每上升1个百分点扣1分", item("6")],
    ["投诉率5%的得8分，每下降1个百分点加1分，每上升1个百分点扣1分", item("6")],
    // a bound on the very count the rule counts is a threshold (below it nothing is deducted)
    ["五处及以上错误的，每处扣1分", item("3")],
    ["同一问题被通报3次以上的，每次扣1分", item("3")],
    // a requirement per period (每季度、每月): how many in the year is not written
    ["网站每季度更新信息不少于5条，每少1条扣0.5分", item("3")],
    // the brackets state other points than the item's
    ["按时召开组织生活会计2分（本项共计5分）。", item("4")],
  ] as const)("%s → to-do", expectTodo);

  it("「A和B各扣N分」 beside clauses that count is a to-do (the count word may carry over)", () => {
    const ctx = { ...item("2"), siblings: ["巡查发现问题每宗扣0.3分"] };
    expect(recogniseClause("未建立台账和制度的各扣1分", ctx).kind).toBe("todo");
    expect(bodies(recogniseClause("未建立台账和制度的各扣1分", item("2")))).toEqual(["扣 1", "扣 1"]);
  });
});

const bonus = (points: string): ClauseContext => ({ indicator: "加分", points, section: "加分" });

describe("phrasings read since session 22 (third held-out set's classes)", () => {
  it.each([
    // a cap written with its amount: 扣完N分为止 / 以N分为限 / 加到N分为止
    ["台账每缺1项扣0.5分，扣完3分为止", item("6"), ["每项 扣 0.5 上限 3"]],
    ["每迟报一次扣0.2分,扣完1分为止。", item("4"), ["每次 扣 0.2 上限 1"]],
    ["信息被省级采用的每篇加0.5分，以2分为限", bonus("5"), ["每篇 得 0.5 上限 2"]],
    ["经验材料被市委转发的，每条加0.3分，加到1.5分为止；", bonus("5"), ["每条 得 0.3 上限 1.5"]],
    // 不保底 is 倒扣 said as a phrase
    ["无故缺席会议的每次扣2分，本项扣分不保底。", item("6"), ["每次 扣 2 倒扣"]],
    ["虚报数据一次扣5分,扣分不保底", item("8"), ["每次 扣 5 倒扣"]],
    ["违规操作一次扣3分，扣分可超出本项分值", item("2"), ["每次 扣 3 倒扣"]],
    // a requirement 不得少于N次 with the shortfall counted
    ["全年督查不得少于6次，少一次扣0.5分", item("3"), ["至少 6次 每少 1次 扣 0.5"]],
    ["每年至少组织应急演练3次,少1次扣1分", item("5"), ["至少 3次 每少 1次 扣 1"]],
    // one case found counts the cases (「发现1例…扣」「有1个村…扣」)
    ["查实1例虚假申报材料扣1分", item("5"), ["每例 扣 1"]],
    ["有1个村未建立应急预案扣0.2分", item("2"), ["每个 扣 0.2"]],
    // the item's full points written before its counted deductions
    ["按要求开展隐患排查，15分，每缺一个单位扣3分。", item("15"), ["每个 扣 3"]],
    ["在市级以上媒体发表稿件不少于6篇6分，每少一篇扣1分；", item("6"), ["至少 6篇 每少 1篇 扣 1"]],
    // 「记N分，达不到的，该项不得分」: the award and its other side
    ["年度任务全部完成的，记12分，达不到的，该项不得分。", item("20"), ["得 12"]],
    ["按期完成整治任务的，计8分，未完成的，本项不得分", item("10"), ["得 8"]],
    // bands with 「(含)」 after the bound
    ["群众满意度超过90%(含)得2分；超过95%(含)得4分。", item("4"), ["分段 { [90%, 95%) 得 2 ≥ 95% 得 4 }"]],
    // outcomes counted as N档 with their points in order
    ["考评结果按优秀、良好、合格、不合格4档划分，计分标准为6分、4分、2分、0分。", item("6"), ["评为 「优秀」、「良好」、「合格」、「不合格」 分别得 6、4、2、0"]],
    ["群众评价按很好、较好、一般3个等次评定，分别得3分、2分、1分", item("3"), ["评为 「很好」、「较好」、「一般」 分别得 3、2、1"]],
    ["考核按照好、中、差3档，依次得2分、1分、0分", item("2"), ["评为 「好」、「中」、「差」 分别得 2、1、0"]],
    // the outcomes counted (「4个等次」) before 分别: one 评为 rule, never one award per outcome
    ["年度考核评为优秀、良好、合格、不合格4个等次，分别得8分、6分、4分、0分", item("8"), ["评为 「优秀」、「良好」、「合格」、「不合格」 分别得 8、6、4、0"]],
    // a step of a quantity from nothing, with a cap
    ["新增造林面积每完成500亩，加0.2分，以2分为限。", bonus("5"), ["基准 0 每增加 500 得 0.2 上限 2"]],
    ["每砍伐100株扣0.5分", item("6"), ["基准 0 每超 100 扣 0.5"]],
    // a base written 「高于或等于」
    ["档案合格率高于或等于95%得3分，每降低1个百分点扣0.5分，扣完为止", item("3"), ["基准 95% 每低 1个百分点 扣 0.5"]],
    // points without a verb after the absence of a finding
    ["(3)无重大安全责任事故5分；", item("5"), ["得 5"]],
    ["全年无越级上访现象2分", item("2"), ["得 2"]],
    // 得满分 alone: the item's points when it is done
    ["按规定时限完成年度报表填报得满分。", item("3"), ["得 3"]],
    // 减灾 is a word, not a deduction
    ["组织开展防灾减灾宣传活动（1分）。", item("2"), ["得 1"]],
  ] as const)("%s", (text, ctx, want) => {
    const got = bodies(recogniseClause(text, ctx));
    // a band list is written one band a line: compared with its spacing collapsed
    expect(typeof got === "string" ? got : got.map((b) => b.replace(/\s+/g, " "))).toEqual(want);
    for (const b of want) if (ctx.section === null) expect(errorsOf(b, ctx), b).toEqual([]);
  });

  it("keeps a quoted name as the clause writes it (traditional characters)", () => {
    expect(bodies(recogniseClause("評價按滿意、較滿意、不滿意3檔劃分,計分為3分、2分、0分。", item("3")))).toEqual(["评为 「滿意」、「較滿意」、「不滿意」 分别得 3、2、0"]);
  });
});

describe("never a guessed reading (the third held-out set's near-misses)", () => {
  it.each([
    // a discretion word with one fixed amount (a range lost in the copy), an amount beyond the item's points
    ["工作不到位的视情扣12分", item("6")],
    ["根据情况扣2分", item("6")],
    ["工作不力的扣15分", item("10")],
    // a bound the reading would not write
    ["全年召开例会不得少于4次，未召开的扣1分", item("3")],
    // (「抽查不合格3户以上的扣2分」「完成率在80%以上的得2分」: a band since s24c — recognise-bands.test.ts)
    // a cap at the end beside counted clauses of the item without their own: shared or this clause's?
    ["每少1项扣0.5分，扣完2分为止", { ...item("4"), siblings: ["未建立台账的，每缺1项扣0.5分;"] }],
    // 不保底 in a bonus section; 不保底 beside 倒扣
    ["每次加1分，不保底", bonus("3")],
    ["每次倒扣2分，本项扣分不保底", item("6")],
    ["每少一次扣2分，扣完为止，不保底", item("6")],
    ["每次扣1分，最多扣3分，本项不保底", item("6")],
    // N档 that does not match the outcomes listed, or the points listed
    ["按好、中、差4档划分，计分为3分、2分、1分", item("3")],
    ["按好、中、差3档划分，计分为3分、2分", item("3")],
    ["评为优秀、良好、合格4个等次的分别得10分、8分、6分", item("10")],
    // the item's points before its deductions: other points than the item's, or a bound not written
    ["按要求开展排查，12分，每缺一个单位扣3分。", item("15")],
    ["合格率95%以上，15分，每缺一个单位扣3分。", item("15")],
    // a step of one (a count, read elsewhere), a percentage step, a step in a bonus section that deducts
    ["每增加1000亩，扣0.1分", bonus("3")],
    ["每提高1个百分点加0.5分，以2分为限", bonus("3")],
    // an absence of something that is not a finding
    ["无台账2分", item("2")],
    // 得满分 with a bound, in a bonus section, or on a failing condition
    ["达到95%以上得满分", item("2")],
    ["按时完成得满分", bonus("3")],
    ["未按时完成的不得满分", item("3")],
    // a shortfall is no step from nothing
    ["每少2次扣1分", item("3")],
  ] as const)("%s → to-do", expectTodo);
});

describe("never a one-shot reading of a clause that counts, never a veto dropped (the fourth held-out set's wrong classes)", () => {
  it.each([
    // per thing found or missing, with a count word the language lacks or none at the amount
    // (「每查出1张不合规票据的」 is read 每件 since session 25, as the corpus writes 张: recognise-count-words.test.ts)
    ["抽查台账，发现1本记录不全的扣1分", item("4")],
    // (「制度上墙，少一样扣1分」 is read `每项 扣 1` since session 27, as bbxx-04/07/08/10 encode 少一样:
    // recognise-count-words.test.ts — the fourth set's wrong was the one-shot `扣 2`)
    ["随机抽查5名职工笔记，缺一个，扣0.5分", item("3")],
    // a consequence beyond the points the reading would not write
    ["本项为否决性指标，未完成的不得分", item("5")],
    ["发生重大事故的扣5分，并直接评定为不合格等次", item("5")],
    ["弄虚作假的扣3分，取消年度评优资格", item("5")],
  ] as const)("%s → to-do", expectTodo);

  it.each([
    // having one is not each one; an award is not counted from 「有一项」
    ["仅有一项管理制度的，得0.5分", item("2"), ["得 0.5"]],
    ["只有1个方案的得1分", item("2"), ["得 1"]],
    // a count word the language has still reads per occurrence
    ["每发现1处卫生死角扣0.5分", item("4"), ["每处 扣 0.5"]],
  ] as const)("%s → %j", (text, ctx, want) => {
    const r = recogniseClause(text, ctx);
    expect(bodies(r)).toEqual(want);
    for (const b of want) expect(errorsOf(b, ctx)).toEqual([]);
  });
});

describe("never a guessed reading (the fifth held-out set's wrong classes)", () => {
  it.each([
    // what is missing counted, with words between 少 and the count (份 is not a count word of the language)
    ["缺报一本台账的扣0.5分", item("3")],
    // a requirement of at least one: a bound, never a count of what is missing
    ["全年开展专项活动不少于一项，未开展的扣1分", item("3")],
    // amounts that go with outcomes: 扣 0 is no rule
    ["卫生状况属好、中、差的，分别扣0、1、2分", item("3")],
  ] as const)("%s → to-do", expectTodo);

  it.each([
    // what is missing counted, with words between 少 and a count word the language has
    ["少完成一项重点任务扣2分", item("6"), ["每项 扣 2"]],
  ] as const)("%s → %j", (text, ctx, want) => {
    const r = recogniseClause(text, ctx);
    expect(bodies(r)).toEqual(want);
  });
});

/** An item whose clause is its only one (the structure side says so: no siblings). */
const alone = (points: string): ClauseContext => ({ indicator: "项", points, section: null, siblings: [] });

describe("phrasings read since session 23 (the sixth and seventh held-out sets' classes)", () => {
  it.each([
    // a rate formula, the copy's × written or garbled: the amount is the rate's full points
    ["得分=按时办结率×8分", item("8"), ["按比率 得分 满分 8"]],
    ["得分=群众满意率x6分。", item("6"), ["按比率 得分 满分 6"]],
    ["答复率满分10分,按比例计分", item("20"), ["按比率 得分 满分 10"]],
    // a rate of the item's points, by the word 分值 or by the item's own number
    ["得分=(实际完成额/年度任务额)×分值", item("10"), ["按比率 得分"]],
    ["以检查评定的达标率×50", item("50"), ["按比率 得分"]],
    // full points at the target, steps below it; or the share of the target
    ["完成目标值得基本分；未完成的扣分，每低于目标值5%扣2分，最低为零分", item("20"), ["基准 100% 每低 5% 扣 2"]],
    ["完成目标任务的得基本分；未完成的，按实际完成数占目标任务的比例计算得分", item("10"), ["按比率 得分"]],
    // a panel's score up to its top
    ["由考核组根据创新成效进行评分，最高可得3分", item(null), ["评议 得分 上限 3"]],
    // one occurrence after the fact is per occurrence
    ["无故缺席一次，扣2分", item(null), ["每次 扣 2"]],
    ["会议迟到一次扣0.5分，扣完为止", item("3"), ["每次 扣 0.5"]],
    // 任一 with a deduction: one each
    ["任一项台账缺失扣1分，扣完为止", item("4"), ["每项 扣 1"]],
    ["少任一扣2分", item("6"), ["每项 扣 2"]],
    // a checklist item's points in brackets without 分, at most the item's
    ["建立值班制度并落实到位。(1.5)", item("6"), ["得 1.5"]],
    // a linear step below a base whose cap is the item's points
    ["合格率低于90%的，每少1%扣0.2分，扣完为止", item("5"), ["基准 90% 每少 1% 扣 0.2"]],
    // a bound with its points in brackets after the clause's end
    ["培训合格率达95%以上；(3分)", item("10"), ["分段 { ≥ 95% 得 3 }"]],
    // 扣减, 达不到, 不给分, 计0分: the words the patterns know
    ["整改率低于80%的扣减2分", item("5"), ["分段 { < 80% 扣 2 }"]],
    ["复查率达不到85%扣1分", item("5"), ["分段 { < 85% 扣 1 }"]],
    ["材料不齐全的直接计0分", item("3"), ["不得分"]],
    ["达不到要求不给分", item("3"), ["不得分"]],
    // classes of one count, each with its amount (the item's full points first: nothing to write)
    ["一般投诉1次扣1分，有效投诉1次扣3分，扣完为止", item("10"), ["每次 扣 「一般投诉」 1、「有效投诉」 3"]],
    ["道路每发现一处扣0.5分，绿化带每发现一处扣0.2分", item("5"), ["每处 扣 「道路」 0.5、「绿化带」 0.2"]],
    ["卫生整洁的记5分，主干道每发现一处扣1分，背街小巷每发现一处扣0.5分，扣完为止", item("5"), ["每处 扣 「主干道」 1、「背街小巷」 0.5"]],
    // an award per thing got, with its cap
    ["取得1项发明专利得2分(累计不超过6分)", item("6"), ["每项 得 2 上限 6"]],
    // 酌情扣分 after the item's full points
    ["工作扎实有效的记6分，工作推进不力的酌情扣分", item("6"), ["酌情 扣 0 至 6"]],
    // a lone clause's own bracketed points (the item's)
    ["建立安全生产台账并按月更新(3分)", alone("3"), ["得 3"]],
    // a veto named by its effect
    ["发生重大事故的实行一票否决,当年不得评优", item("10"), ["一票否优"]],
    // the award's own negation is its other side, not a second condition
    ["开展活动的记3分，未开展不记分", item("3"), ["得 3"]],
    // 每逢 says when, it counts nothing
    ["每逢节假日安排领导带班值守的记2分", item("2"), ["得 2"]],
    // the item's full points, otherwise a counted deduction
    ["遵守工作纪律的记6分，否则每发现一次扣2分。", item("6"), ["每次 扣 2"]],
    // a lone clause whose points are only in the points column: a checklist item done
    ["3、建立了值班档案，记录完整规范；", alone("4"), ["得 4"]],
    // a zero on a condition of its own beside the award: two rules
    ["积极开展志愿服务的记4分，无专职联络员不记分。", item("4"), ["得 4", "不得分"]],
    // a zero together with a veto: two rules
    ["发生校园欺凌事件不得分(实行“一票否决”)。", item("5"), ["不得分", "一票否决"]],
  ] as const)("%s → %j", (text, ctx, want) => {
    const r = recogniseClause(text, ctx);
    expect(bodies(r)).toEqual(want);
    for (const b of want) expect(errorsOf(b, ctx)).toEqual([]);
  });
});

describe("never a guessed reading (the sixth and seventh held-out sets' wrong classes)", () => {
  it.each([
    // 「每个乡镇」 is each unit assessed (or the county counting its townships?): which count is meant is not settled
    ["每个乡镇少一个扣1分", item("4")],
    // a count (two or more) is never the amount, even with the amount's digits
    ["三项工作不落实不得分", item("4")],
    ["两项未完成的扣2分", item("4")],
    ["开展专题研究不少于4次(4分)", alone("4")],
    // a bound in the clause the reading would drop: two percentages, one band
    ["听力筛查率达不到90%,复查率达不到90%扣3分", item("5")],
    // 任一 with one deduction and nothing that counts (no 少/缺, no 扣完为止): once for any, or each?
    ["任一项指标未完成的扣5分", item("10")],
    // only once is not each time
    ["仅发生一次的扣1分", item("4")],
    // a second zero condition beside a bound: never read without it
    ["参训率达到90%的记3分，无培训计划不记分", item("3")],
    // awards that do not all add up
    ["每引进1个项目加2分，每引进1个重大项目加5分，同一项目不重复加分", item(null)],
    // a letter where the copy lost a digit
    ["资料齐全得2分，资料不全得l分", item("2")],
    // a panel's score is never a fixed amount
    ["评审组进行打分，得3分", item("3")],
    // a rate of points other than the item's, written without 分
    ["以检查评定的达标率×40", item("50")],
    // a failing with the item's points in brackets is no task done
    ["未建立安全生产台账(3分)", alone("3")],
    // a formula beside other scoring
    ["得分=完成率×8分，另按排名加分", item("8")],
    // points only in the points column: never when the structure side does not say the clause is alone,
    // nor for a failing or a reference
    ["建立了值班档案，记录完整规范", item("4")],
    ["建立了值班档案，记录完整规范。", { ...alone("4"), alone: false }],
    ["未建立值班档案", alone("4")],
    ["按市档案局的办法执行", alone("4")],
  ] as const)("%s → to-do", expectTodo);
});

describe("session 23's guards: words of the clause or its item the reading must account for", () => {
  const withItem = (points: string, requirement: string): ClauseContext => ({ indicator: "项", points, section: null, item: requirement });
  it.each([
    // a count word the language lacks, read as a shorter one it has (家次 → 家, 户次 → 户; 项次 is count-words.ts'
    // 每件次 since session 29, as the corpus encodes it — recognise-count-words.test.ts)
    ["未按要求上报信息的，每家次扣0.2分", item("3")],
    ["窗口服务被投诉的，每户次扣0.5分", item("3")],
    // a counting clause with a count the language lacks, never one deduction
    // (「每迟到半天」 is read 每次 since session 25, as the corpus writes 半天: recognise-count-words.test.ts)
    ["每旷工1个工作日扣1分", item("5")],
    ["缴费率每提高一个百分点加0.5分", { indicator: "加分", points: "3", section: "加分" }],
    // a rule for one class of units
    ["各县区未按时完成的扣2分", item("5")],
    ["各开发区每年举办活动不少于4场，每少1场扣1分", item("5")],
    // the item's bound on the thing counted: per period, or about another thing than the clause's
    ["每少报一篇扣1分", withItem("4", "每季度报送信息不少于4篇")],
    ["宣传稿件每少一篇扣1分", withItem("4", "信息全年不少于12篇、调研报告全年不少于2篇")],
    ["会议记录每少一次扣0.5分", withItem("4", "全年召开会议不少于6次")],
  ] as const)("%s → to-do", expectTodo);

  it.each([
    // the item's bound read into the rule when it is the only one on that noun, or about the clause's subject
    ["每少报一篇扣1分", withItem("4", "全年报送信息不少于4篇"), ["至少 4篇 每少 1篇 扣 1"]],
    ["信息每少一篇扣1分", withItem("4", "信息全年不少于12篇、调研报告全年不少于2篇"), ["至少 12篇 每少 1篇 扣 1"]],
    ["调研报告每少一篇扣1分", withItem("4", "信息全年不少于12篇、调研报告全年不少于2篇"), ["至少 2篇 每少 1篇 扣 1"]],
    // 不保底 / 可超出 are 倒扣; 各/分别 over things the clause names are one rule each
    ["未参加培训的一次扣2分，本项扣分不保底", item("10"), ["每次 扣 2 倒扣"]],
    ["学习笔记和心得体会各1分", item("4"), ["得 1", "得 1"]],
    ["方案、总结分别得1分", item("4"), ["得 1", "得 1"]],
    // near-misses of the guards that must still read: 各单位/各项 are no class of units; 每名 over a task;
    // a period after 每; a count word the language has
    ["各单位未按时完成的扣2分", item("5"), ["扣 2"]],
    ["各项制度健全得2分", item("5"), ["得 2"]],
    ["每年召开一次会议，未召开的扣2分", item("4"), ["扣 2"]],
    ["窗口人员迟到早退的，每人次扣0.5分", item("3"), ["每人次 扣 0.5"]],
    // 份 and 场, count words of the language since session 23 (they were near-misses before)
    ["每份材料扣0.5分", item("3"), ["每份 扣 0.5"]],
    ["抽查台账，发现1份记录不全的扣1分", item("4"), ["每份 扣 1"]],
    ["缺报一份材料的扣0.5分", item("3"), ["每份 扣 0.5"]],
    ["全年开展宣讲活动不少于6场，每少1场扣0.5分", item("3"), ["至少 6场 每少 1场 扣 0.5"]],
    ["每举办一场培训加0.2分", { indicator: "加分", points: "1", section: "加分" }, ["每场 得 0.2"]],
  ] as const)("%s → %j", (text, ctx, want) => {
    expect(bodies(recogniseClause(text, ctx))).toEqual(want);
    for (const b of want) expect(errorsOf(b, ctx), b).toEqual([]);
  });
});

describe("to-do classes read since session 23: points by unnamed tier, 反之 as the award's other side", () => {
  it.each([
    // 「按5、3、1评分」: the whole clause lists points highest first — tiers named 一档, 二档 … in order
    ["按5、3、1评分。", item("5"), ["评为 「一档」、「二档」、「三档」 分别得 5、3、1"]],
    ["根据工作成效,按3、2、1计分", item("3"), ["评为 「一档」、「二档」、「三档」 分别得 3、2、1"]],
    ["按4分、2分评定", item("4"), ["评为 「一档」、「二档」 分别得 4、2"]],
    ["按0.5、0.3、0.1评分", item("1"), ["评为 「一档」、「二档」、「三档」 分别得 0.5、0.3、0.1"]],
    // 反之 = 否则
    ["制定方案的，得1分，反之，不得分", item("2"), ["得 1"]],
    ["每完成一项得2分,反之不得分", item("6"), ["每项 得 2"]],
    ["完成的得1分，反之扣1分", item("2"), ["得 1 否则 扣 1"]],
    // 「一项未完成的，扣1分」 at the start of a sentence counts the items not done, as 「有一项」 does
    ["全部完成的,得3分,一项未完成的,扣1分。", item("3"), ["每项 扣 1"]],
    ["一次未参加的扣0.5分", item("2"), ["每次 扣 0.5"]],
    // not one done at all: one deduction
    ["一项也未完成的扣3分", item("3"), ["扣 3"]],
    ["一次都没有开展的扣2分", item("2"), ["扣 2"]],
    ["一人未参加的，扣0.5分", item("2"), ["每人 扣 0.5"]],
    // 一次性 is once, not each time (it was read 每次)
    ["一次性奖励2分", { indicator: "加分", points: "2", section: "加分" }, ["得 2"]],
    // outcomes after 情况/结果, and points written with 分 once at the end (it was read as three awards: 得 3 / 得 2 / 得 1)
    ["工作完成情况好、较好、一般的分别得3、2、1分", item("3"), ["评为 「好」、「较好」、「一般」 分别得 3、2、1"]],
    ["按优、良、中、差四档评分，分别得4、3、2、0分", item("4"), ["评为 「优」、「良」、「中」、「差」 分别得 4、3、2、0"]],
    // the item's own cap stays the rule's
    ["每次扣0.5分，本项最多扣3分", item("5"), ["每次 扣 0.5 上限 3"]],
    ["每次扣0.5分，累计扣分以3分为限", item("5"), ["每次 扣 0.5 上限 3"]],
    // a count in another sentence describes, the compound count in the amount's sentence is read
    ["每村环绕一圈，每处不合格扣0.5分", item("8"), ["每处 扣 0.5"]],
    ["每村每月扣0.1分", item("3"), ["每村 每月 扣 0.1"]],
  ] as const)("%s → %j", (text, ctx, want) => {
    expect(bodies(recogniseClause(text, ctx))).toEqual(want);
    for (const b of want) expect(errorsOf(b, ctx), b).toEqual([]);
  });

  it.each([
    // rising or repeated points are no tiers (a ranking from the bottom? a count?)
    ["按1、3、5评分", item("5")],
    ["按5、5、3评分", item("5")],
    // a list of points beside another amount: the list is never dropped (it was: 「扣 2」)
    ["按5、3、1评分，未开展的扣2分", item("5")],
    ["考核前三名分别为3、2、1名，未参加的扣1分", item("5")],
    // 「全年一次未开展」 is not once in the year (it was read 每次); one of a counted thing, or two of them, in a one-shot reading
    ["全年一次未开展的扣2分", item("2")],
    ["一项工作未落实扣0.5分", item("2")],
    ["一年内两次被通报的扣3分", item("3")],
    // a cap per month or per matter is not the rule's; awards that cannot all be earned are one or the other
    ["每人次扣0.1分，每月不超过1分", item("3")],
    ["每起扣2分，同一事项最多扣4分", item("5")],
    ["达到省级标准的得3分，达到市级标准的得2分", item("3")],
    // outcomes of one assessment, never awards that add up
    ["优秀、良好分别加2分、1分", item("5")],
    ["落实好的得2分，落实一般的得1分", item("3")],
    ["完成好、较好的分别得2分、1分", item("3")],
    // two counts in the sentence of the amount, one of them dropped (it was read 每次 扣 0.2); awards of one or the other
    ["每个乡镇每次扣0.2分", item("3")],
    ["全部完成得2分，部分完成得1分", item("2")],
  ] as const)("%s → to-do", expectTodo);
});

describe("a bound not reached, in any of its words, is below the bound (session 23, lead: yfxa-09 read 不达 as 达)", () => {
  it.each([
    ["签订率不达100%的扣10分,", item("10"), ["分段 { < 100% 扣 10 }"]],
    ["合格率不达90%的，扣2分", item("5"), ["分段 { < 90% 扣 2 }"]],
    ["培训率没有达到80%的扣1分", item("5"), ["分段 { < 80% 扣 1 }"]],
    ["培训率没达到80%的扣1分", item("5"), ["分段 { < 80% 扣 1 }"]],
    // near-miss: 达 alone is the bound reached
    ["合格率达90%的得2分", item("5"), ["分段 { ≥ 90% 得 2 }"]],
  ] as const)("%s → %j", (text, ctx, want) => {
    expect(bodies(recogniseClause(text, ctx))).toEqual(want);
  });
});

describe("near-misses the compositional reader reads as the corpus's hand encodings write the same shape (session 26)", () => {
  it.each([
    // the points taken off the front do not leave their heading as a class name: the classes are the findings (bj-10
    // 「信息迟报一次扣1分,谎报一次扣2分,漏报一次扣3分…」 is encoded 每次 扣 「迟报」 1、「谎报」 2 …)
    ["信息报送，5分，每迟报一次扣1分，每漏报一次扣2分", item("5"), ["每次 扣 「迟报」 1、「漏报」 2"]],
    // once a quarter, each one missing (wlsp-08 「每季度对各环节检查不少于1次,少一次扣1分」 → 每次 扣 1; ezxc-07) — still no step
    ["每季度至少召开会议1次，少1次扣1分", item("4"), ["每次 扣 1"]],
  ] as const)("%s", (text, ctx, expected) => {
    expect(bodies(recogniseClause(text, ctx))).toEqual(expected);
  });
});
