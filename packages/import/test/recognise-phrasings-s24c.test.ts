/**
 * The two to-do classes every fresh set shows (session 24, helper s24-multi; `src/recognise/patterns/above.ts`, `otherwise.ts`, `classes.ts`,
 * `rewords-bounds.ts`), on clauses written for these tests — general rulebook phrasing, never the corpus's text:
 * bounds written 「N以上」 (a bare 以上 includes its number, 民法典 §1259, as every band the corpus writes from it),
 * and several amounts in one clause (an award and its negation's deduction, classes of one count stated once, a
 * graver class of a counted deduction). Each reading is checked in a catalogue (it must parse and check); each
 * class has its near-misses, which must stay to-dos with a Chinese reason — the causes a reading of 「N以上」 as ≥
 * everywhere got wrong (以上 beside 以下 with the same number, 超过…以上, 不含 of something else, 少一次 after it,
 * 「1…以上」 having one) among them.
 */
import { recogniseClause, type ClauseContext, type Recognition } from "@kaoping/import";
import { describe, expect, it } from "vitest";
import { item, bodies, errorsOf, expectReading, expectTodo } from "./phrasing-check.js";

const bonus = (): ClauseContext => ({ indicator: "表彰奖励", points: null, section: "加分" });
const penalty = (): ClauseContext => ({ indicator: "责任追究", points: null, section: "减分" });

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

describe("an award and a deduction on its negation: 得 X 否则 扣 Y", () => {
  it.each([
    ["按时完成的得4分,未按时完成的扣4分", item("4"), ["得 4 否则 扣 4"]],
    ["参加培训得2分;不参加培训的倒扣1分。", item("2"), ["得 2 否则 倒扣 1"]],
    ["建立工作台账得1分,未建立工作台账扣1分", item("1"), ["得 1 否则 扣 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // a negation of part of the award: a late report earns neither
    ["按时报送的得1分,未报送的扣0.5分", item("2")],
    // a deduction on a condition of its own
    ["履行职责得2分,有推诿行为的倒扣2分", item("2")],
    // a count in the award
    ["完成3次检查得3分,未完成3次检查扣3分", item("3")],
    // not in a 加分 section
    ["按时完成的得4分,未按时完成的扣4分", bonus()],
  ] as const)("%s → to-do", expectTodo);
});

describe("classes of one count stated once", () => {
  it.each([
    ["主持制定1项行业标准得5分,参与制定得3分", bonus(), ["每项 得 「主持制定」 5、「参与制定」 3"]],
    ["作为第一提案人的每件提案得20分,联名提案人得15分", bonus(), ["每件 得 「作为第一提案人」 20、「联名提案人」 15"]],
    ["在省级以上刊物发表1篇得3分,市级刊物得2分", item("10"), ["每篇 得 「在省级以上刊物发表」 3、「市级刊物」 2"]],
    // another level where the first part names one
    ["被国家级媒体报道的每次加3分,省级加2分,市级加1分", bonus(), ["每次 得 「被国家级媒体报道」 3、「省级」 2、「市级」 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // a later part that is another fact, not a class of the same thing
    ["参加会议1次得2分,全勤得5分", bonus()],
    // no count anywhere: one-shot awards or counted? (not said)
    ["受到国家级表彰加10分,省级加8分,市级加6分", bonus()],
    // a level word where the first part names no level
    ["参加培训1次得2分,省级得3分", bonus()],
    // a later part with a bound
    ["发表1篇得3分,3篇以上得10分", item("10")],
    // a cap: on which class?
    ["发表1篇得3分,市级刊物得2分,最多得6分", item("10")],
    // deductions: a second amount is an escalation or a condition of its own
    ["发生1起扣3分,报送不及时扣1分", item("10")],
  ] as const)("%s → to-do", expectTodo);
});

describe("a graver class of a counted deduction", () => {
  it.each([
    ["每发现一处扣0.5分,情节严重的扣2分", item("5"), ["每处 扣 「一般」 0.5、「情节严重」 2"]],
    ["每起扣2分;情节严重的,每起扣5分", item(), ["每起 扣 「一般」 2、「情节严重」 5"]],
    // 发现一起 is 每起 (语言参考 §5.1)
    ["发现一起扣2分,问题严重的扣5分", item(), ["每起 扣 「一般」 2、「问题严重」 5"]],
    ["每发现一起扣1分,造成严重后果的扣3分", penalty(), ["每起 扣 「一般」 1、「造成严重后果」 3"]],
    // a cap at the end is the rule's (both classes count towards it)
    ["每发现一处扣1分,情节严重的扣3分,最多扣5分", item(), ["每处 扣 「一般」 1、「情节严重」 3 上限 5"]],
  ] as const)("%s", expectReading);

  it.each([
    // no count word: instead of the first, or on top?
    ["未按时报送的扣1分,情节严重的扣2分", item()],
    // a graver amount not larger, 加倍, 另扣, another count word
    ["每起扣2分,情节严重的扣1分", item()],
    ["每起扣2分,情节严重的加倍", item()],
    ["每起扣2分,情节严重的另扣3分", item()],
    ["每起扣2分,情节严重的每人扣3分", item()],
    // an award: not a deduction's graver class
    ["每篇加2分,情节严重的加3分", bonus()],
    // a cap before the graver class: whose?
    ["每起扣2分,最多扣6分,情节严重的扣5分", item()],
  ] as const)("%s → to-do", expectTodo);
});

describe("classes of one count written after each amount (「30分/篇」)", () => {
  it.each([
    ["SCI论文30分/篇,核心论文10分/篇", bonus(), ["每篇 得 「SCI论文」 30、「核心论文」 10"]],
    ["国家级奖励加3分/项,省级奖励加2分/项", bonus(), ["每项 得 「国家级奖励」 3、「省级奖励」 2"]],
    ["迟报扣1分/次,漏报扣2分/次", item(), ["每次 扣 「迟报」 1、「漏报」 2"]],
    // a cap after the last class is the classes' (kjqy-01 → 上限 5, zz22-03 → 上限 2)
    ["SCI论文30分/篇,核心论文10分/篇,最多50分", bonus(), ["每篇 得 「SCI论文」 30、「核心论文」 10 上限 50"]],
  ] as const)("%s", expectReading);

  it.each([
    // different count words, a verbless list outside 加分, an award in a 减分 section, a cap
    ["SCI论文30分/篇,专利10分/项", bonus()],
    ["SCI论文30分/篇,核心论文10分/篇", item()],
    ["国家级奖励加3分/项,省级奖励加2分/项", penalty()],
  ] as const)("%s → to-do", expectTodo);
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
