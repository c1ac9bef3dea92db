/**
 * The accounting check (src/recognise/accounting.ts, lists in accounting-words.ts), on clauses written for
 * these tests (general rulebook phrasing, none copied from the corpus): a reading must place every number
 * of the clause, counted by occurrence, or the number must be of a known non-scoring use; every qualifying
 * word of the closed list must be reflected. Each wrong class the fresh sets showed (a number with its
 * measure word dropped, one half of a two-part clause dropped, a qualifying word dropped, a meaning
 * inverted) is caught with a reason that names the number or word; the clauses that must stay readable
 * (dates, document and section numbers, names, hotlines, ages, distances, deadlines, the item's own
 * points, a set counted, a band edge said twice) pass, on the reading and through the recogniser.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { recogniseClause, type ClauseContext } from "@kaoping/import";
import { accountingUnaccounted, clauseNumbers, maskNonScoring } from "../src/recognise/accounting.js";
import { NON_SCORING, QUALIFIERS } from "../src/recognise/accounting-words.js";
import { GUARDS, guardsFiring, type Guard } from "../src/recognise/guards.js";
import { normalise } from "../src/recognise/normalise.js";
import { figures, judge, loadBooks, type Judged } from "./corpus-measure.js";

const item = (points: string | null = "10"): ClauseContext => ({ indicator: "项", points, section: null });
const check = (text: string, reading: readonly string[], points: string | null = "10"): string | undefined => accountingUnaccounted(normalise(text), reading, item(points));

describe("the accounting check on a reading", () => {
  it.each([
    // a number with its measure word dropped: a bound, a count
    ["每年参加活动2次得10分", ["得 10"], "10", "「2」"],
    ["开展专题培训3次以上的得2分", ["得 2"], "5", "「3」"],
    ["参与服务一个重点企业项目20分", ["得 20"], "40", "「一」"],
    ["见一棵树木未扶正扣0.5分", ["扣 0.5"], "2", "「一」"],
    ["年度考核中两次被通报的扣3分", ["扣 3"], "5", "「两」"],
    // a cap, an otherwise, an amount dropped
    ["每发现一处问题扣0.5分，累计扣分不超过3分", ["每处 扣 0.5"], "5", "「3」"],
    ["按时完成的得2分，否则扣1分", ["得 2"], "5", "「1」"],
    ["工作计划扣1分，工作总结扣2分", ["扣 1"], "5", "「2」"],
    // one half of a two-part clause dropped (not full or nothing: a 10-point item)
    ["落实得4分，未落实扣4分", ["扣 4"], "10", "「4」"],
    ["达标得2分，未达标扣2分", ["得 2"], "10", "「2」"],
    // qualifying words dropped
    ["同时列入两个名单的项目，从高计分，每个加2分", ["每个 得 2"], "6", "从高"],
    ["同一单位获得多项表彰的只计一次，每项加1分", ["每项 得 1"], "3", "只计一次"],
    ["本单位和下属单位获表彰的，不重复加分", ["得 1", "得 2"], "3", "不重复"],
    ["台账、记录、照片各扣0.5分", ["扣 0.5"], "3", "各扣0.5"],
    ["计划和总结分别计1分", ["得 1"], "2", "分别"],
    ["培训覆盖率95%以上的得2分", ["得 2"], "2", "95%以上"],
    ["依据培训考核满分2分，未参加培训的每人扣0.2分", ["得 2", "每人 扣 0.2"], "2", "「2分」是本项的分值"],
    // a meaning inverted: a deduction read as an award
    // (session 25: 「单项基准2分」 is the item's own points — OWN_POINTS — so the reason names them rather than 基准分)
    ["单项基准2分，不符合要求的，该单项基准分扣完为止", ["得 2"], "2", "本项的分值"],
    ["台账不全的，本项扣完为止", ["得 2"], "2", "扣完为止"],
    ["台账不全的扣2分", ["得 2"], "5", "扣2分"],
    // the item's own points read as an award; a count word from a bracketed description
    ["按参加会议、报送材料等情况综合考评，该项基础分值为0.5分", ["得 0.5"], "0.5", "0.5分"],
    ["全年定时(每天8个时次)上报数据，得1分", ["每天 得 1"], "1", "每天"],
    // the new readings' words do not excuse what a reading drops: parts that do not make the total, a factor not
    // written, a floor of deductions under an award, a list size that is not the list's
    ["按时完成年度报告的计12分，其中内容完整、数据准确各占4分", ["得 4", "得 4"], "12", "「12」"],
    ["按时完成整改得2分。计分公式：已整改数÷应整改数×3", ["按比率 得分 满分 2"], "5", "「3」"],
    ["缺席例会一次扣0.5分，直至扣为0分为止", ["每次 得 0.5"], "2", "「0」"],
    ["台账、记录两项完成3项以上的得2分", ["得 2"], "2", "「3」"],
    ["及时报送、规范填写三项资料的得2分", ["得 2"], "2", "「三」"],
  ] as const)("「%s」 read %j (item %s) is a to-do naming %s", (text, reading, points, named) => {
    const why = check(text, reading, points);
    expect(why, JSON.stringify(reading)).toBeDefined();
    expect(why).toContain(named);
    expect(why).toMatch(/[\u4e00-\u9fa5]{4}/);
  });

  it.each([
    // dates, document numbers, section numbers, deadlines
    ["1、根据〔2021〕5号文件要求，未在3个工作日内上报的，每次扣1分", ["每次 扣 1"], "5"],
    ["（2）2022年6月30日前未完成的，扣2分", ["扣 2"], "5"],
    ["③每月10日前未报送报表的，每次扣0.5分", ["每次 扣 0.5"], "3"],
    ["第二季度未报送工作总结的，扣1分", ["扣 1"], "3"],
    // names, hotlines, references, quotations
    ["未落实“三会一课”制度的，扣1分", ["扣 1"], "3"],
    ["“两学一做”学习教育开展不力的，扣2分", ["扣 2"], "3"],
    ["12345热线工单逾期办理的，每件扣0.5分", ["每件 扣 0.5"], "5"],
    ["未按《安全生产法》第二十条落实责任的，扣2分", ["扣 2"], "3"],
    ["违反八项规定精神的，一票否决", ["一票否决"], "10"],
    // ages, distances, durations that describe the fact
    ["发现60岁以上老人未纳入管理的，每人扣0.2分", ["每人 扣 0.2"], "3"],
    ["校园周边200米范围内存在无证摊点的，扣1分", ["扣 1"], "3"],
    ["擅自离岗三十分钟以上的，扣1分", ["扣 1"], "3"],
    // a number of another measure says which occurrences count; the set counted; every one required
    ["发生一起死亡3人以上事故的，每起扣5分", ["每起 扣 5"], "10"],
    ["单起过火面积超过50亩的火灾，每起扣3分", ["每起 扣 3"], "10"],
    ["未履行5项职责的，每少1项扣0.5分", ["每项 扣 0.5"], "3"],
    ["抽查10份档案，每份不合格扣0.2分", ["每份 扣 0.2"], "2"],
    ["门禁安装率达100%，每发现一户未安装的扣0.1分", ["每户 扣 0.1"], "2"],
    ["县级刊物采用1篇计2分，市级刊物采用1篇计4分", ["每篇 得 「县级刊物」 2、「市级刊物」 4"], "10"],
    // the item's own points: named, stated before counted deductions, full or nothing from both sides
    ["本项满分3分，每缺一项资料扣1分", ["每项 扣 1"], "3"],
    ["资料齐全得4分，每缺一项扣1分", ["每项 扣 1"], "4"],
    ["全部完成的得3分，有一项未完成的扣1分，扣完为止", ["每项 扣 1"], "3"],
    ["按时完成得2分，未完成扣2分", ["扣 2"], "2"],
    ["考核结果达标率×20", ["按比率 得分"], "20"],
    // having one; nothing at all; a band edge said from both sides; 计0分
    ["有1名以上专职人员的得1分", ["得 1"], "1"],
    ["只有1个方案的得1分", ["得 1"], "2"],
    ["一次也未开展的扣2分", ["扣 2"], "2"],
    ["满意率达到95%的不扣分，低于95%扣0.5分", ["分段 {\n  < 95% 扣 0.5\n}"], "2"],
    ["未按时上报的，本项计0分", ["不得分"], "2"],
    // a checklist task (the seed's kind): a hotline, a masked year, a set to complete, a congress named by its number
    ["保持12380举报电话畅通，及时办结举报（0.2分）", ["得 0.2"], "0.2"],
    ["认真落实20××年度发展党员计划（0.1分）", ["得 0.1"], "0.1"],
    ["落实党的建设39项重点任务，按期报送台账（0.1分）", ["得 0.1"], "0.1"],
    ["组织开展市六次党代会精神的学习培训（0.2分）", ["得 0.2"], "0.2"],
    // qualifying words that are reflected
    ["同时获得多项表彰的，按最高一项计分", ["就高 { 得 3 }"], "3"],
    ["每发现一处扣0.5分，累计不超过2分", ["每处 扣 0.5 上限 2"], "2"],
    ["开展专题培训3次以上的得2分", ["分段 { ≥ 3次 得 2 }"], "2"],
    // what the readings of s24a/s24b place: a total split into parts (各占, 其中), having one, the floor of
    // deductions, a formula's factor as the 满分, a bracketed rate of the standard, a band's two sides, a list's size,
    // 分别 of doing rather than of scoring
    ["按时完成年度总结的记6分，其中内容完整、报送及时各占3分", ["得 3", "得 3"], "6"],
    ["设立志愿服务队记3分，其中，配备专职人员的记2分，建立台账的记1分", ["得 2", "得 1"], "5"],
    ["明确一名分管领导，配备一名信息员的，记2分", ["得 2"], "5"],
    ["缺席例会一次扣0.5分，直至扣为0分为止", ["每次 扣 0.5"], "2"],
    ["按时完成整改得2分。计分公式：已整改数÷应整改数×2", ["按比率 得分 满分 2"], "5"],
    ["全年定时(每天24个时次)上报数据，得1分", ["得 1"], "1"],
    ["报送信息达到10条(含10条)以上的，计5分；少于10条的，计0分", ["分段 { ≥ 10条 得 5 }"], "5"],
    ["台账、记录、照片三项总差错率≤1%的得2分", ["分段 { ≤ 1% 得 2 }"], "2"],
    ["台账、记录和照片三项齐全的得2分", ["得 2"], "2"],
    ["各下属单位分别成立工作专班的得2分", ["得 2"], "2"],
  ] as const)("「%s」 read %j (item %s) is accounted for", (text, reading, points) => {
    expect(check(text, reading, points)).toBeUndefined();
  });

  it("counts numbers by occurrence, in digits, Chinese numerals and 两, fractions and percents", () => {
    const values = (t: string): string[] => clauseNumbers(maskNonScoring(normalise(t))).map((n) => n.value);
    expect(values("每少两次扣0.5分，三次以上扣1.5分，覆盖率低于80%的扣2分")).toEqual(["2", "0.5", "3", "1.5", "80", "2"]);
    expect(values("完成任务三分之一以下的扣1分")).toEqual(["1/3", "1"]);
    expect(values("完成任务3分之2的得1分")).toEqual(["2/3", "1"]);
    // masked: a date, a document number, a section number, a quoted name, a hotline
    expect(values("（2）根据〔2020〕3号文件，2021年5月底前开通12345热线、落实“三会一课”的，得2分")).toEqual(["2"]);
  });
});

describe("through the recogniser", () => {
  // (「每年参加活动2次得10分」 was here, a to-do naming 「2次」 after `得 10` dropped the bound: since s24-tune11 the
  // count's band reads it with the bound, patterns/count-bands.ts)
  it("「每年参加活动2次得10分」 is read with its bound: 分段 { ≥ 2次 得 10 }", () => {
    const r = recogniseClause("每年参加活动2次得10分", item("10"));
    expect(r.kind === "rules" ? r.bodies : r.reason).toEqual(["分段 { ≥ 2次 得 10 }"]);
  });
  // (「全年定时(每天8个时次)上报数据，得1分」 was here, read 每天 得 1: s24a reads it 得 1, right — the bracket is
  // the standard's rate — and the check places the bracketed 8; it is below, readable)
  // since s24a/s24b an earlier guard makes two of these a to-do first, with a reason of its own that still names
  // the number (「2次」 the bound dropped, 「见一棵」 the piece counted): the accounting check is no longer the one that speaks
  it.each([
    ["参与服务一个重点企业项目20分", "40", "「一」"],
    ["同时列入两个名单的项目，从高计分，每个加2分", "6", "从高"],
    // (「单项基准2分，不符合要求，该单项基准分扣完为止」 is read since session 25: 不得分, the item's base lost — whole-item.ts)
    ["见一棵树木未扶正扣0.5分", "2", "「见一棵」"],
  ] as const)("「%s」 is a to-do whose reason names %s", (text, points, named) => {
    const r = recogniseClause(text, item(points));
    expect(r.kind).toBe("todo");
    if (r.kind === "todo") expect(r.reason).toContain(named);
  });

  it.each([
    ["1、根据〔2021〕5号文件要求，未在3个工作日内上报的，每次扣1分", "5", ["每次 扣 1"]],
    ["（2）12345热线工单逾期办理的，每件扣0.5分", "5", ["每件 扣 0.5"]],
    ["未落实“三会一课”制度的，扣1分", "3", ["扣 1"]],
    ["发现60岁以上老人未纳入管理的，每人扣0.2分", "3", ["每人 扣 0.2"]],
    ["校园周边100米范围内存在无证摊点的，扣1分", "3", ["扣 1"]],
    ["第二季度未报送工作总结的，扣1分", "3", ["扣 1"]],
    ["资料齐全得4分，每缺一项扣1分", "4", ["每项 扣 1"]],
    ["全部完成的得3分，有一项未完成的扣1分，扣完为止", "3", ["每项 扣 1"]],
    ["每月召开一次例会，未召开的每次扣0.5分", "3", ["每次 扣 0.5"]],
    ["按时完成得2分，未完成扣2分", "2", ["得 2 否则 扣 2"]],
    ["培训参训率达到100%，每少一人扣0.2分", "2", ["每人 扣 0.2"]],
    ["发生一起死亡3人以上事故的，每起扣5分", "10", ["每起 扣 5"]],
    ["开展活动1次以上的得2分", "2", ["得 2"]],
    ["按时完成的得2分，否则扣1分", "5", ["得 2 否则 扣 1"]],
    ["全年定时(每天8个时次)上报数据，得1分", "1", ["得 1"]],
  ] as const)("「%s」 stays readable", (text, points, want) => {
    const r = recogniseClause(text, item(points));
    expect(r.kind === "rules" ? r.bodies : r.reason).toEqual(want);
    // and the accounting guard does not fire on it
    if (r.kind === "rules") expect(guardsFiring(normalise(text), r.bodies, item(points)).map((g) => g.name)).not.toContain("accounting");
  });
});

describe("the lists are data", () => {
  it("every non-scoring class and qualifying word has a name, a pattern and (for words) a Chinese reason naming the word", () => {
    expect(NON_SCORING.length).toBeGreaterThanOrEqual(10);
    for (const n of NON_SCORING) expect(n.kind).toMatch(/[\u4e00-\u9fa5]/);
    expect(new Set(QUALIFIERS.map((q) => q.name)).size).toBe(QUALIFIERS.length);
    for (const q of QUALIFIERS) expect(q.reason).toContain("{w}");
  });

  it("every qualifying word of the list is exercised by a clause of this file", () => {
    const clauses = [
      "同时列入两个名单的项目，从高计分", "同一单位获得多项表彰的只计一次", "本单位和下属单位获表彰的，不重复加分", "每发现一处扣0.5分，累计不超过2分",
      "台账、记录、照片各扣0.5分", "培训覆盖率95%以上的得2分", "依据培训考核满分2分", "单项基准2分", "该单项基准分扣完为止", "按时完成的得2分，否则扣1分",
    ].map((t) => maskNonScoring(normalise(t)));
    for (const q of QUALIFIERS) expect(clauses.some((c) => q.re.test(c)), q.name).toBe(true);
  });
});

describe("on the corpus: cost and benefit per set, before and after the check", () => {
  it("keeps every correct reading of the books it may read and removes wrong ones; the blind books by their figures only", () => {
    const books = loadBooks(fileURLToPath(new URL("../../../test/corpus/clauses", import.meta.url)));
    // before: the same recogniser with the accounting guard taken out of the table (this file runs in its own process)
    const table = GUARDS as Guard[];
    const at = table.findIndex((g) => g.name === "accounting");
    const [accounting] = table.splice(at, 1);
    let before: Judged[];
    try {
      before = judge(books);
    } finally {
      table.splice(at, 0, accounting!);
    }
    const after = judge(books);
    const n = (j: Judged): number => Number.parseInt(j.book, 10);
    // blind: held out and never tuned on — never a clause, never a book's line, only a set's overall figure
    const blindBooks = new Set(books.filter((b) => b.heldOut === true && b.tunedSince === undefined).map((b) => b.id));
    const blind = (j: Judged): boolean => blindBooks.has(j.book);
    const sets: readonly [string, number, number][] = [["01–117", 0, 117], ["118–159", 118, 159], ["160–197", 160, 197], ["200–219", 200, 219], ["220–239", 220, 239], ["240–259", 240, 259], ["260–279", 260, 279], ["280–299", 280, 299], ["300–319", 300, 319], ["320–339", 320, 339], ["340–359", 340, 359], ["360–379", 360, 379], ["380–399", 380, 399], ["400–419", 400, 419], ["420–439", 420, 439], ["440–459", 440, 459]];
    const row = (js: readonly Judged[]): string => {
      const f = figures(js);
      return `${f.correct} / ${f.wrong} / ${f.todo}`;
    };
    const lines = ["ACCOUNTING CHECK — set            before (correct / wrong / to-do)   after"];
    for (const [name, lo, hi] of sets) {
      const inSet = (j: Judged): boolean => n(j) >= lo && n(j) <= hi;
      if (!after.some(inSet)) continue;
      const label = after.some((j) => inSet(j) && blind(j)) ? `${name} (blind books in it)` : name;
      lines.push(`${label.padEnd(32)} ${row(before.filter(inSet)).padEnd(34)} ${row(after.filter(inSet))}`);
    }
    // the books it may read, one by one where the check changed a verdict (never a blind book's line)
    for (const id of [...new Set(after.filter((j) => !blind(j)).map((j) => j.book))]) {
      const b = before.filter((j) => j.book === id);
      const a = after.filter((j) => j.book === id);
      if (row(b) !== row(a)) lines.push(`  ${id.slice(0, 3)} ${row(b).padEnd(12)} → ${row(a)}`);
    }
    const lostAll = figures(before).correct - figures(after).correct;
    const removedAll = figures(before).wrong - figures(after).wrong;
    lines.push(`over all books: ${lostAll} correct readings lost, ${removedAll} wrong ones removed`);
    console.log(lines.join("\n"));
    // the check only turns readings into to-dos; on the books it may read it costs no correct reading, clause by
    // clause (session 24: it had cost ten, each a new reading's word it did not know; session 28: the nine of the
    // eighteenth set and the sets before it — an outline number run into the text, 四周 and other numerals fused into
    // words, 两年内, 系数 as the thing reported, a comparison that is each counted thing's condition — mended by class)
    const lost = before.filter((j, i) => !blind(j) && j.verdict === "correct" && after[i]!.verdict !== "correct").map((j) => j.clause.id);
    expect(lost).toEqual([]);
    const readable = (js: readonly Judged[]): Judged[] => js.filter((j) => !blind(j));
    expect(figures(readable(after)).wrong).toBeLessThanOrEqual(figures(readable(before)).wrong);
    // and it removes wrong readings, counted over all books by their figures
    expect(figures(after).wrong).toBeLessThan(figures(before).wrong);
    // … at no more correct readings than wrong ones it removes (a wrong reading costs more than a to-do). Session 27
    // ended at 13 lost for 10 removed over all books (10 lost for 2 removed on its two fresh sets); session 28 mended
    // the causes on the books it may read (9 regained there, none lost) and measured the blind books by the overall
    // line only: 4 lost (all on blind books, their causes unread) for 10 removed; with the twentieth set (400–415,
    // written blind in session 28) 5 lost for 12 removed (on that set 1 lost for 2 removed). Session 29 released the
    // sixteenth, nineteenth and twentieth sets and its helpers read their clauses by class: the wrong readings the check
    // used to remove there (the twentieth's two, gskz-09 …) are now read right or stopped before it by a guard of their
    // own (text-noise.ts's ordinals and the veto-by-result guard, rates' and cats' patterns), so it removes 9 (none on
    // the blind twenty-first and twenty-second sets) and costs 1 there (a blind book's, by the overall line only)
    expect(lostAll).toBeLessThanOrEqual(5);
    expect(removedAll).toBeGreaterThanOrEqual(9);
  }, 300_000);
});
