/**
 * Bounds and bands (patterns/above.ts, bands.ts, count-bands.ts, rewords-bounds.ts, rewords-bound-noun.ts): a bare
 * 「N以上」 includes its number (民法典 §1259) and its rows, a checklist part's count or rate as a band, a count's band
 * (「二次得2分」), escalating counts, a base said from both sides and 「未达到X%以上(含)」, rising inclusive rows, bounds that each
 * void the item, a requirement with bracketed points, a bound before the noun it counts — on clauses written for these
 * tests (general rulebook phrasing, never the corpus's text), each reading checked in a catalogue (it must parse and
 * check), with the near-misses that must stay to-dos with a Chinese reason.
 */
import { recogniseClause, type ClauseContext } from "@kaoping/import";
import { describe, expect, it } from "vitest";
import { item, bodies, expectReading, expectTodo, errorsOf } from "./phrasing-check.js";
import { rewordBoundNoun } from "../src/recognise/rewords-bound-noun.js";

const alone = (points: string): ClauseContext => item(points, { siblings: [] });

describe("「N以上」: a bare 以上 includes its number", () => {
  it.each([
    ["全年组织集中学习6次以上的得2分。", item("2"), ["分段 { ≥ 6次 得 2 }"]],
    ["(3)群众满意率在85%以上的记3分", item("3"), ["分段 { ≥ 85% 得 3 }"]],
    ["4、年度专项经费落实20万元以上的计4分;", item("4"), ["分段 { ≥ 20万元 得 4 }"]],
    ["档案资料归档滞后10天以上扣1分", item("5"), ["分段 { ≥ 10天 扣 1 }"]],
    ["抽查不合格3户以上的扣2分", item("3"), ["分段 { ≥ 3户 扣 2 }"]],
    // working days are days (the unit is only shown)
    ["故障修复超时两个工作日以上扣2分", item("3"), ["分段 { ≥ 2天 扣 2 }"]],
    ["完成率在80%以上的得2分", item("3"), ["分段 { ≥ 80% 得 2 }"]],
    ["完成率90%以上得2分", item("2"), ["分段 { ≥ 90% 得 2 }"]],
    ["开展培训2次以上的得1分", item("1"), ["分段 { ≥ 2次 得 1 }"]],
    // the band's other side, written out, adds nothing to an award
    ["每年走访企业12家以上的得3分,否则不得分。", item("3"), ["分段 { ≥ 12家 得 3 }"]],
    // 「(不含N)」 after the bound: strict; 「(含本数)」 inclusive
    ["举办讲座3次以上(不含3次)的得2分", item("2"), ["分段 { > 3次 得 2 }"]],
    ["举办讲座3次以上(含本数)的得2分", item("2"), ["分段 { ≥ 3次 得 2 }"]],
  ] as const)("%s", expectReading);

  it.each([
    // rows in one direction: one band from the highest bound down, each row up to the next
    ["超期3天以上的扣1分,超期5天以上的扣2分", item(), ["分段 { ≥ 5天 扣 2 [3天, 5天) 扣 1 }"]],
    ["参加志愿服务20小时以上的得2分,10小时以上的得1分", item("2"), ["分段 { ≥ 20小时 得 2 [10小时, 20小时) 得 1 }"]],
    // a rank's places are a number, not a measure
    ["综合排名较上年后退3位以上的扣1分,后退6位以上的扣3分", item("3"), ["分段 { ≥ 6 扣 3 [3, 6) 扣 1 }"]],
    // 达到N以上 in band rows: the same as 达到N
    ["覆盖率达到60%得1分;达到75%得2分;达到90%以上得3分。", item("3"), ["分段 { [60%, 75%) 得 1 [75%, 90%) 得 2 ≥ 90% 得 3 }"]],
  ] as const)("%s", (text, ctx, want) => {
    const got = bodies(recogniseClause(text, ctx));
    expect(typeof got === "string" ? got : got.map((b) => b.replace(/\s+/g, " "))).toEqual(want.map((b) => b.replace(/\s+/g, " ")));
    for (const b of want) expect(errorsOf(b, ctx), b).toEqual([]);
  });

  it.each([
    // 以上 and 以下 at the same number, in the clause or in a sibling: which side holds it is not said
    ["满意率90%以上得2分,90%以下得1分", item("2")],
    ["学习6次以上的得2分", item("2", { siblings: ["学习6次以下的得1分"] })],
    // 超过…以上: the word says >, the 以上 says ≥
    ["超过5天以上的扣2分", item("3")],
    ["发案率超过3%以上的扣3分", item("3")],
    // 不含 of something else than the bound (「(不含视频会议)」 narrows the task, it says nothing of 3)
    ["举办讲座3次以上(不含视频会议)的得2分", item("2", { siblings: ["其他"] })],
    // counted per occurrence after the bound
    ["同一问题被通报3次以上的,每次扣1分", item("3")],
    // a bound that is not the clause's only number
    ["全年培训2次以上且参训率达到90%的得2分", item("2")],
    // a rising bound with a falling award: not a band list
    ["超期3天以上的扣2分,超期5天以上的扣1分", item()],
    // a cap or a discretion beside it
    ["延误3天以上的酌情扣1分", item("3")],
  ] as const)("%s → to-do", expectTodo);

  it.each([
    // 「1…以上」: having one — the fact, not a band (the corpus's convention, cz-05/06, dh-07)
    ["组织开展政务公开培训1次以上的得1分", item("1"), ["得 1"]],
  ] as const)("%s (having one)", expectReading);
});

describe("read by the other patterns as before, never by these", () => {
  it.each([
    // the count short of the bound after 「N次以上」: 至少 N次 — never a band that drops 少一次
    ["全年开展培训4次以上,少一次扣1分", item("4", { siblings: ["其他"] }), ["至少 4次 每少 1次 扣 1"]],
    // 「一项未完成」 counts items: per item, never the award's other side
    ["全部完成的得3分,一项未完成的扣1分", item("3"), ["每项 扣 1"]],
    // the award's own negation with 不得分: nothing to write for it
    ["发表1篇得3分,未发表的不得分", item("10"), ["每篇 得 3"]],
  ] as const)("%s", expectReading);
});

describe("a checklist part's count of events or rate is a band (nclgb-15 「每年組織2次…(1分)」 was read 得 1)", () => {
  it.each([
    ["每年至少召开一次安全工作专题会议(2分)", alone("2"), ["分段 { ≥ 1次 得 2 }"]],
    ["每年組織3次志願服務活動(1分)", alone("1"), ["分段 { ≥ 3次 得 1 }"]],
    ["举办业务培训班两次以上(不含视频会议)(1分)", alone("1"), ["分段 { ≥ 2次 得 1 }"]],
    ["定期或不定期开展巡查,全年巡查覆盖率达100%(4分)", alone("4"), ["分段 { ≥ 100% 得 4 }"]],
  ] as const)("%s", expectReading);

  it.each([
    // a one-shot award whose clause requires two or more events: the count must be written
    ["每年组织2次参观学习活动的得1分", item("1")],
    // 以下 in a checklist rate: not a bound reached
    ["全年差错率达2%以下(2分)", alone("2")],
    // two counts: which one the band is on is not said
    ["每年召开2次会议、组织3次培训(2分)", alone("2")],
  ] as const)("%s → to-do", expectTodo);

  it("near-miss: an ordinal in a name (「六次全会」) is no count of events", () => {
    expect(bodies(recogniseClause("组织学习市委六次全会精神等培训(0.2分);", alone("0.2")))).toEqual(["得 0.2"]);
  });
});

describe("escalating counts: amounts by the number of times", () => {
  it.each([
    ["无故缺席例会一次扣2分,两次扣4分,三次(含)以上不得分。", item("6"), ["分段 { = 1次 扣 2 = 2次 扣 4 ≥ 3次 不得分 }"]],
    ["迟报一次扣1分,两次(含)以上扣3分,四次(含)以上不得分", item("5"), ["分段 { ≥ 4次 不得分 ≥ 2次 扣 3 = 1次 扣 1 }"]],
  ] as const)("%s", expectReading);

  it.each([
    // 以上 without (含): whether it includes its number is not said
    ["缺席一次扣1分,两次扣2分,三次以上扣3分", item("5")],
    // 以此类推 / 各: the rule per time goes on
    ["迟到、早退一次各扣0.5分,以此类推,五次(含)以上不得分", item("5")],
    // counts not rising
    ["缺席两次扣2分,一次扣1分", item("5")],
  ] as const)("%s → to-do", expectTodo);
});

describe("a count's band: 「二次得2分」「每年…2次得10分」, and 「一次计P分」 making up the item", () => {
  it.each([
    ["组织廉政谈话二次得3分。", item("3"), ["分段 { ≥ 2次 得 3 }"]],
    ["每年开展应急演练2次得5分", item("5"), ["分段 { ≥ 2次 得 5 }"]],
    ["全年召开联席会议三次得2分;", item("2"), ["分段 { ≥ 3次 得 2 }"]],
  ] as const)("%s", expectReading);

  it("「一次计P分」 whose item's awards, each taken once, make up the points: a band of one", () => {
    const siblings = ["制定工作方案的得2分。"];
    expectReading("召开专题部署会一次计3分,", item("5", { siblings }), ["分段 { ≥ 1次 得 3 }"]);
  });

  it.each([
    // 「一次得1分」 alone in a 20-point item: per time (not this pattern's; never a band)
    ["参加一次得1分", item("20", { siblings: [] })],
    // 「第二次」 is an ordinal
    ["第二次检查合格得2分", item("3")],
  ] as const)("not a band: %s", (text, ctx) => {
    const r = recogniseClause(text, ctx);
    expect(r.kind === "rules" ? r.bodies.join(" ") : "").not.toMatch(/分段/);
  });
});

describe("a base said from both sides, and 「未达到X%以上(含)」", () => {
  it.each([
    ["办结率达80%以上(含)的,得30分;未达到80%的,每少一个百分点扣1分。", item("30"), ["基准 80% 每少 1个百分点 扣 1"]],
    ["回访率未达到98%以上(含)的,每少一个百分点扣0.2分。", item("10"), ["基准 98% 每少 1个百分点 扣 0.2"]],
  ] as const)("%s", expectReading);

  it.each([
    // the other side names another bound: two bases
    ["办结率达80%以上(含)的,得30分;未达到70%的,每少一个百分点扣1分。", item("30")],
  ] as const)("stays a to-do: %s", (text, ctx) => expectTodo(text, ctx));
});

describe("a bound before the noun it counts (xlsc-06)", () => {
  it.each([
    ["在村部醒目位置张挂3幅以上宣传横幅的,记2分;", item("3"), ["分段 { ≥ 3 得 2 }"]],
    ["在主干道书写10条以上标语的记1分", item("2"), ["分段 { ≥ 10条 得 1 }"]],
  ] as const)("%s", (text, ctx, want) => {
    const r = recogniseClause(text, ctx);
    // 幅 is no count word of the language: that one stays a to-do (never a band in another unit)
    if (/幅/.test(text)) expect(r.kind).toBe("todo");
    else expectReading(text, ctx, want);
  });

  it("moves the noun before the bound, never across another number or for one", () => {
    expect(rewordBoundNoun("书写5条以上标语的,记1分")).toBe("书写标语5条以上的,记1分");
    expect(rewordBoundNoun("配备1人以上专职人员的,记1分")).toBe("配备1人以上专职人员的,记1分");
    expect(rewordBoundNoun("3月前书写5条以上标语的,记1分")).toBe("3月前书写5条以上标语的,记1分");
    expect(rewordBoundNoun("书写5条以上的,记1分")).toBe("书写5条以上的,记1分");
  });
});

describe("rows of rising bounds, a requirement with its bracketed points, bounds that each void the item", () => {
  it.each([
    // rising bare 以上 rows (以上 includes the number: s24c's reading, 民法典 §1259)
    ["发表论文2篇以上，计1分；5篇以上，计2分", item("2"), ["分段 { ≥ 5篇 得 2 [2篇, 5篇) 得 1 }"]],
    // a requirement with its bracketed points: the band's award
    ["阅览室每周开放不少于30小时；（3分）", item(), ["分段 { ≥ 30小时 得 3 }"]],
    // bounds on different rates, any one voids the item: one band each
    ["合格率低于90%或投诉率高于3%的不得分", item(), ["分段 { < 90% 不得分 }", "分段 { > 3% 不得分 }"]],
    ["完好率不足80%、损坏率超过10%，该项不得分。", item(), ["分段 { < 80% 不得分 }", "分段 { > 10% 不得分 }"]],
    // rows of rising inclusive bounds, each with its award: bands from each bound to the next (a noun the
    // language has no measure word for is left out of the bounds; a measure word it has is kept)
    ["超额完成培训40课时(含)以上，计1分；超80课时(含)以上，计2分；超120课时(含)以上，计3分。", item("3"), ["分段 { [40, 80) 得 1 [80, 120) 得 2 ≥ 120 得 3 }"]],
    ["(2)发表论文2篇及以上，计1分；5篇及以上，计2分", item("2"), ["分段 { [2篇, 5篇) 得 1 ≥ 5篇 得 2 }"]],
  ] as const)("%s", expectReading);

  it.each([
    // (「淹死树木10株以上的该项不得分」 is read since session 25: a bare 以上 includes its number (s24c), a count that
    // voids the item is a band of it — recognise-item-points.test.ts)
    // a requirement whose clause also deducts
    ["每周开放不少于30小时，不足的扣1分；（3分）", item()],
    // a bound with a bare 以上, or a condition without a bound, among the voiding bounds
    ["合格率90%以下、投诉率高于3%的不得分", item()],
    ["合格率低于90%、投诉较多的不得分", item()],
    // rows whose bounds do not rise
    ["超80课时(含)以上，计1分；超40课时(含)以上，计2分", item("3")],
  ] as const)("never guessed: %s", expectTodo);
});
