/**
 * Several amounts in one clause as classes (patterns/classes.ts, categories-of-amounts.ts, ranking.ts;
 * guards-once.ts): classes of one count stated once, with the count word after each amount (「30分/篇」) or shared with
 * the first, a graver class of a counted deduction, an occurrence priced by the conduct around it, classes of one
 * measure word, bands by exact count, 依次 amounts, rank-order lists — and the wrong readings such clauses gave (classes
 * of one thing read as one-shot awards, an allowance, a count word lost after 「分/」, 「一次计P分」 making up the item, a
 * credit read once), stopped at their cause — on clauses written for these tests (general rulebook phrasing, never the
 * corpus's text), each reading checked in a catalogue (it must parse and check), with the near-misses that must stay
 * to-dos with a Chinese reason.
 */
import type { ClauseContext } from "@kaoping/import";
import { describe, expect, it } from "vitest";
import { item, expectReading, expectTodo } from "./phrasing-check.js";
import { onceAward } from "../src/recognise/guards-once.js";

const alone = (points: string): ClauseContext => item(points, { siblings: [] });

const infoBonus = (): ClauseContext => ({ indicator: "信息采用", points: null, section: "加分" });

const bonusSection: ClauseContext = { indicator: "加分", points: null, section: "加分" };

const bonus = (): ClauseContext => ({ indicator: "表彰奖励", points: null, section: "加分" });

const penalty = (): ClauseContext => ({ indicator: "责任追究", points: null, section: "减分" });

describe("the wrong readings of 220–255, at their cause: to-dos now", () => {
  it.each([
    // classes of one thing, each with its amount: once, or per merit / paper / patent? (guard classes-one-shot)
    ["受到表彰的,特等奖加5分,一等奖加3分,二等奖加2分。", bonus(), /同一类事物的几个等级/],
    ["国家级课题40分,省级课题20分,市级课题10分。", bonus(), /同一类事物的几个等级/],
    ["发明专利15分,实用新型专利6分。", bonus(), /同一类事物的几个等级/],
    // an allowance: only what is above it counts (guard above-allowance)
    ["设备故障超出故障率(2件/年)每超出一件扣10分;", item("100"), /超出允许的数量/],
    ["投诉超过控制数(5起)每超过一起扣2分", item("20")],
    // the count word lost after 「分/」 (guard lost-unit)
    ["资料缺失:-2分/", item("20"), /后没有计数单位/],
    ["器材损坏:扣4分/", item("20"), /后没有计数单位/],
    // a reader's credit is kept per event: read once it is short (guard credit-per-event)
    ["报名参加讲座但未到场,扣积分5分。", item("100"), /按次累计/],
    ["逾期归还图书按1册1天扣除积分2分。", item("100")],
  ] as const)("%s", expectTodo);

  it("「一次计P分」 read 每次 where the item's awards, each taken once, make up its points (guard once-award)", () => {
    const guard = onceAward;
    const ctx = item("10", { siblings: ["有年度计划的得4分。", "开展自查二次得2分。"] });
    expect(guard.check("召开推进会一次计4分,", ["每次 得 4"], ctx)).toMatch(/做到一次就得分/);
    // alone in a 20-point item it may be per time; with a cap it is
    expect(guard.check("参加一次得1分", ["每次 得 1"], item("20", { siblings: [] }))).toBeUndefined();
    expect(guard.check("召开推进会一次计4分,", ["每次 得 4 上限 4"], ctx)).toBeUndefined();
  });
});

describe("classes of one count, each with its amount (加分)", () => {
  it.each([
    ["*工作动态每篇3分,经验材料每篇6分,调研报告每篇10分。", infoBonus(), ["每篇 得 「工作动态」 3、「经验材料」 6、「调研报告」 10"]],
    ["市级采用:《工作简报》采用1条,计2分;《专报》采用1条,计6分。", infoBonus(), ["每条 得 「工作简报」 2、「专报」 6"]],
    ["被县委办采用每条4分,被市委办采用的每条8分", infoBonus(), ["每条 得 「县委办」 4、「市委办」 8"]],
    // a cap after the last class is the classes' (kjqy-01 「…(累計不超過 5 分)」 → 上限 5, zz22-03 「…加到2分」 → 上限 2)
    ["工作动态每篇3分,调研报告每篇10分,累计不超过20分", infoBonus(), ["每篇 得 「工作动态」 3、「调研报告」 10 上限 20"]],
  ] as const)("%s", expectReading);

  it.each([
    // different count words: not one count
    ["工作动态每篇3分,经验材料每条6分", infoBonus()],
    // no verb outside a 加分 section: award or deduction?
    ["工作动态每篇3分,调研报告每篇10分", item("10")],
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

describe("several amounts that are classes, bands or a list", () => {
  it.each([
    // classes of one count: a later part names a thing the same measure word counts
    ["《区政务简报》采用1条计8分,简讯计3分", bonus(), ["每条 得 「采用」 8、「简讯」 3"]],
    ["被市委《每日要情》采用的,综合类信息每条计20分,专报信息每条计10分,快讯计5分。", bonus(), ["每条 得 「综合类信息」 20、「专报信息」 10、「快讯」 5"]],
    ["在核心期刊发表1篇计6分,一般期刊论文计2分", bonus(), ["每篇 得 「在核心期刊发表」 6、「一般期刊论文」 2"]],
    // 1个 in every part, the other side (none earned) and a cap in brackets
    ["主持1个国家级课题得4分,主持1个省级课题得2分,没有主持不得分(累计不超过6分)。", item("6"), ["每个 得 「主持国家级课题」 4、「主持省级课题」 2 上限 6"]],
    // a milder state of the same occurrence
    ["辖区发生1起命案扣6分,如命案当月侦破,扣2分;", item("20"), ["每起 扣 「一般」 6、「命案当月侦破」 2"]],
    ["每发生一起火灾事故扣4分,若火灾事故及时扑灭的,扣1分", item("20"), ["每起 扣 「一般」 4、「火灾事故及时扑灭」 1"]],
    // amounts by the exact count
    ["年度内班子成员有1人次被约谈扣1分,2人次被约谈扣3分,3人次被约谈扣6分。", item("10"), ["分段 { = 1人次 扣 1 = 2人次 扣 3 ≥ 3人次 扣 6 }"]],
    ["全年出现1次漏报扣2分,2次漏报扣5分", item("10"), ["分段 { = 1次 扣 2 ≥ 2次 扣 5 }"]],
    // more on top for the pieces that also meet a condition: two rules of the same count (a total equal to the item's points is its points)
    ["会员每提交意见建议1条计4分,被采纳的再加6分。", item("30"), ["每条 得 4", "每条 得 6"]],
    ["教师撰写案例,每篇(次)计3分,获评优秀的另加2分,总计不超过20分。", item("20"), ["每篇 得 3", "每篇 得 2"]],
    // a bracketed class of the same count, and the total as the rule's cap
    ["参加集中学习、专题研讨等活动,每次计1分(在会上作交流发言的计3分),总计不超过8分。", item("8"), ["每次 得 「一般」 1、「在会上作交流发言」 3 上限 8"]],
    // faults listed, then their amounts in order
    ["如发现消防通道堵塞,灭火器过期,应急灯损坏将依次扣除3分、2分、1分。", item("10"), ["扣 3", "扣 2", "扣 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // a later part that is another fact, not a class of what is counted
    ["参加会议1次得2分,全勤得5分", bonus()],
    // 个 counts anything: a later part without it is not a class of it
    ["建成1个示范点得3分,达标村得1分", bonus()],
    // a cap above the item's points, or a none-earned side that negates another verb
    ["主持1个国家级课题得4分,主持1个省级课题得2分(累计不超过8分)", item("6")],
    ["主持1个国家级课题得4分,主持1个省级课题得2分,没有参与不得分", item("6")],
    // no count word stated: once or per piece is not said (the writer's word)
    ["信访投诉亮黄牌扣1分,红牌扣2分", item("10")],
    ["省级课题20分,市级课题10分", bonus()],
    // levels or classes without a count word: once each or per time is the writer's call (语言参考 §5.2)
    ["受到表彰的,一等奖加5分,二等奖加3分", bonus()],
    ["经验做法被上级推广的,国家级加6分,省级加4分,市级加2分。", bonus(), /分属几类（「国家级」、「省级」、「市级」），没有写计数单位/],
    ["督办件亮红灯扣2分,黄灯扣1分", item("10"), /分属几类（「督办件亮红灯」、「黄灯」）/],
    // a later state that is not milder (graver, whatever its amount), or names no lessening
    ["发生1起安全事故扣5分,如事故造成人员死亡,扣3分", item("20")],
    ["发生1起事故扣5分,如事故性质一般,扣3分", item("20")],
    // occurrence by occurrence (第N次): each adds, not a band of the count
    ["第1次扣2分,第2次扣4分", item("10")],
    // a milder amount on top (再/另), or a state that does not name the occurrence again
    ["发生1起事故扣5分,如整改到位,扣2分", item("20")],
    ["发生1起事故扣5分,如事故另有伤亡,再扣3分", item("20")],
    // counts that skip, or amounts that do not rise
    ["1次扣2分,3次扣4分", item("10")],
    ["1人次扣3分,2人次扣2分", item("10")],
    // a total on top that is not the item's points: a cap of the two rules together
    ["每提交意见建议1条计4分,被采纳的再加6分,总计不超过20分。", item("30")],
    // a total below the larger class
    ["每次计1分(作交流发言的计3分),总计不超过2分。", item("8")],
    // as many faults as amounts, or not read
    ["如发现台账缺失,标识不清将依次扣除2分、1分、1分", item("10")],
  ] as const)("%s: a to-do", (text, ctx, reason?: RegExp) => expectTodo(text, ctx, reason));
});

describe("rank-order lists: 「按从高到低排序,分别得…」", () => {
  it.each([
    ["人均培训时长按从高到低排序,分别得6、4、2分。", item("6"), ["按排名 得分 依次 得 6、4、2"]],
    ["安全事故发生率按从低到高分别得8、6、4、2分。", item("8"), ["按排名 得分 依次 得 8、6、4、2 越低越好"]],
    ["群众满意度由高到低依次得5、3、1分", item("5"), ["按排名 得分 依次 得 5、3、1"]],
  ] as const)("%s", expectReading);

  it.each([
    // only the units below a threshold are ranked
    ["达标率低于90%的县区按从高到低排序,分别得6、4、2分。", item("6")],
    // rising values
    ["按从高到低排序,分别得2、4、6分。", item("6")],
    // in a 加分 section: ranked by what is not said
    ["获奖数量按从高到低排序,分别得3、2、1分。", bonus()],
  ] as const)("stays a to-do: %s", (text, ctx) => expectTodo(text, ctx));
});

describe("classes sharing the first's count word, and an occurrence priced by the conduct around it", () => {
  it.each([
    // classes sharing the first's count word (an award per piece), each naming a class of the thing counted
    ["省级刊物采用1篇计8分，市级刊物采用计3分", bonusSection, ["每篇 得 「省级刊物采用」 8、「市级刊物采用」 3"]],
    // each occurrence costs by the conduct around it: one count, two classes (否则 is 「其他」)
    ["发生一起安全事故，主动报告的扣2分，隐瞒不报的扣5分", item(), ["每起 扣 「主动报告」 2、「隐瞒不报」 5"]],
    ["每发生一次火情，及时处置的扣1分，否则扣3分", item(), ["每次 扣 「及时处置」 1、「其他」 3"]],
  ] as const)("%s", expectReading);

  it.each([
    // a second amount that may be on top of the first (情节严重), or the same amount twice
    ["发生一起安全事故，主动报告的扣2分，情节严重的扣5分", item()],
    ["发生一起事故，主动报告的扣2分，隐瞒不报的扣2分", item()],
    // units or persons named, not conduct
    ["发生一起事故，乡镇扣2分，村委会扣1分", item()],
    // a later part that names no class of the thing counted (摘编: of 采用? the words do not say) — and s24c's
    // 「参加会议1次得2分,全勤得5分」 (全勤 is a fact of its own), which this pattern read before the two met
    ["省级刊物采用1篇计8分，摘编计3分", bonusSection],
  ] as const)("never guessed: %s", expectTodo);
});
