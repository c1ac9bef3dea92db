/**
 * clause-mismatch (KP3030) on rulebooks it had never seen (session 23: the four held-out sets
 * 118–197 of test/corpus): each class of false alarm and of missed band flip found there, on clauses
 * of our own.  Every faithful case is asserted clean and a near miss of each asserted to be found, so
 * that a reading made too loose fails here.
 *
 * False alarms: a bound or base the item states (its name), the base 100% of a completion rate
 * (目标值, 完成指标, 相比), points only in the points column, 滿分, copies (得l分, 「1 5分」, 「2023分」),
 * 兩, a bound of a measured score (「积分未达41分」), 「其中」 totals, 「每季度至少1篇」, 一票否决 whose
 * effect is 不评优, 「好路率×120」, requirements (每村有, 并有一名), a period before a count (每天24个时次),
 * 「超过…以上」, 每人每次 where the 对象 are persons.
 * Missed band flips: ≤ ≥ < > and ‰, 小于等于 and 万亩, 不达 / 达不到 / 达 / 至少 / 以内, 及以上 and any
 * measure word, 「超过95%(含)」 with the amount telling the bands apart, a bound named bare
 * (「被三次通报的」).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeCatalogue, nodeHost } from "@kaoping/core";
import { lintAnalysis } from "@kaoping/lint";

interface Options {
  points: number;
  /** The indicator's name (the item). */
  item?: string;
  /** The catalogue's 对象. */
  subject?: string;
}

/** KP3030 messages on a catalogue of one indicator holding `rules`. */
function kp3030(o: Options, ...rules: [clause: string, code: string][]): string[] {
  const path = join(mkdtempSync(join(tmpdir(), "kp-lint-")), "细则.kp");
  const body = rules.map(([c, code], i) => `  规则 「r${i + 1}」 「${c}」\n    ${code}`).join("\n");
  const subject = o.subject ? `对象 「${o.subject}」\n` : "";
  writeFileSync(path, `细则 「条文」\n${subject}总分 ${o.points}分\n指标 「${o.item ?? "项目"}」 ${o.points}分 {\n${body}\n}\n`);
  const a = analyzeCatalogue(path, nodeHost);
  expect(a.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
  return lintAnalysis(a)
    .filter((d) => d.code === "KP3030")
    .map((d) => d.message.replace(/^规则「[^」]*」与条文不一致：/, ""));
}

describe("false alarms the fresh sets found", () => {
  it("a base the item states: 「入学率达到95%」 over 「每低0.1个百分点扣2分」", () => {
    const o = { points: 20, item: "小学入学率达到95%" };
    expect(kp3030(o, ["每低0.1个百分点扣2分,扣完为止", "基准 95% 每低 0.1个百分点 扣 2"])).toEqual([]);
    expect(kp3030(o, ["每低0.1个百分点扣2分,扣完为止", "基准 90% 每低 0.1个百分点 扣 2"])).toEqual(["基准 90% 在条文中没有出现"]);
    // amounts are not taken from the item: its 95 is no 得分
    expect(kp3030({ points: 100, item: "完成95项" }, ["完成的得满分", "得 95"])).toEqual(["得分 95 在条文中没有出现"]);
  });

  it("the base 100% of a completion rate: 「每低于目标值3%扣1分」", () => {
    const c = "完成目标值得基本分;没有完成的,每低于目标值3%扣1分";
    expect(kp3030({ points: 10 }, [c, "基准 100% 每低 3% 扣 1"])).toEqual([]);
    expect(kp3030({ points: 10 }, [c, "基准 90% 每低 3% 扣 1"])).toEqual(["基准 90% 在条文中没有出现"]);
    // no target, plan or comparison named: since session 26 a rate falling by steps with no other percentage
    // starts at 100% (as a band bound of 100% goes without saying); another base is a number the clause does not write
    expect(kp3030({ points: 10 }, ["入学率每低3%扣1分", "基准 100% 每低 3% 扣 1"])).toEqual([]);
    expect(kp3030({ points: 10 }, ["入学率每低3%扣1分", "基准 98% 每低 3% 扣 1"])).toEqual(["基准 98% 在条文中没有出现"]);
  });

  it("points only in the points column: the one award of an item whose clause writes no points", () => {
    expect(kp3030({ points: 4 }, ["9、建立了档案管理统计台帐,统计内容全面准确。", "得 4"])).toEqual([]);
    expect(kp3030({ points: 4 }, ["9、建立了档案管理统计台帐,统计内容全面准确。", "得 3"])).toEqual(["得分 3 在条文中没有出现"]);
    // two rules share the item: which one takes the 4 points is not said
    expect(kp3030({ points: 4 }, ["建立了统计台帐。", "得 4"], ["内容准确。", "得 0.5"])).toEqual(["得分 4 在条文中没有出现", "得分 0.5 在条文中没有出现"]);
  });

  it("「得滿分」 in traditional characters is the item's points", () => {
    expect(kp3030({ points: 2 }, ["有安排、有部署並按標準申報得滿分", "得 2"], ["未申報的", "不得分"])).toEqual([]);
    expect(kp3030({ points: 2 }, ["有安排、有部署並按標準申報得滿分", "得 1"], ["未申報的", "不得分"])).toEqual(["得分 1 在条文中没有出现"]);
  });

  it("copies: 「得l分」 is 1, 「得1 5分」 is 15 or 1.5, 「记2023分」 is a year where the amount was", () => {
    expect(kp3030({ points: 2 }, ["建立机制但无文件得l分", "得 1"])).toEqual([]);
    expect(kp3030({ points: 2 }, ["建立机制但无文件得l分", "得 2"])).toEqual(["得分 2 与条文中的「l分」不符"]);
    expect(kp3030({ points: 20 }, ["属事业编制得1 5分", "得 15"])).toEqual([]);
    expect(kp3030({ points: 20 }, ["属事业编制得1 5分", "得 1.5"])).toEqual([]);
    expect(kp3030({ points: 20 }, ["属事业编制得1 5分", "得 16"])).toEqual(["得分 16 与条文中的「1 5分」不符"]);
    const masked = "街巷内无乱搭乱建现象记2023分,每新发现一处扣2分,扣完为止。";
    expect(kp3030({ points: 10 }, [masked, "每处 扣 2"])).toEqual([]);
    expect(kp3030({ points: 10 }, ["街巷内无乱搭乱建现象记3分,每新发现一处扣2分,扣完为止。", "每处 扣 2"])).toEqual(["条文中的「3分」在规则中没有对应的数值"]);
  });

  it("兩 is 2", () => {
    expect(kp3030({ points: 7 }, ["兩種組織活動資料不詳實不得分", "分段 { ≥ 2项 不得分 }"])).toEqual([]);
    expect(kp3030({ points: 7 }, ["兩種組織活動資料不詳實不得分", "分段 { ≥ 3项 不得分 }"])).toEqual(["分段界限 3 与条文中的「兩」不符"]);
  });

  it("a bound of a measured score is no amount: 「积分未达41分(一般干部30分)」", () => {
    const c = "近一个月内每日学习积分未达41分(一般干部30分),每人扣1分,扣满8分为止";
    expect(kp3030({ points: 10 }, [c, "每人 扣 1 上限 8"])).toEqual([]);
    expect(kp3030({ points: 10 }, [c, "每人 扣 2 上限 8"])).toEqual(["扣分 2 与条文中的「1分」不符"]);
  });

  it("「记2分,其中…记1分,…记1分」: the clause's total of the parts its rules score", () => {
    const c = "建立群众工作组记2分,其中,明确有专干的记1分,报酬落实的记1分。";
    expect(kp3030({ points: 5 }, [c, "得 1"], [c, "得 1"])).toEqual([]);
    expect(kp3030({ points: 5 }, [c, "得 1"], [c, "得 0.5"])).toEqual(["条文中的「2分」在规则中没有对应的数值", "得分 0.5 与条文中的「2分」不符"]);
  });

  it("「每季度至少1篇」: a target per period, four a year", () => {
    const c = "每季度至少1篇,全年常规报送共计4篇,按缺失比例扣分";
    expect(kp3030({ points: 4 }, [c, "至少 4篇 每少 1篇 扣 1"])).toEqual([]);
    expect(kp3030({ points: 4 }, ["每季度至少1篇,按缺失比例扣分", "至少 3篇 每少 1篇 扣 1"])).toEqual(["目标次数 3 与条文中的「1（每季度，一年 4）」不符"]);
  });

  it("一票否决 whose effect is only 不评优 is 一票否优", () => {
    const c = "发生进京上访的村,采取一票否决的办法,年末不评优。";
    expect(kp3030({ points: 10 }, [c, "一票否优"])).toEqual([]);
    expect(kp3030({ points: 10 }, [c, "一票否决"])).toEqual(["规则写的是「一票否决」，条文写的是「不评优」（一票否优）"]);
    // the score itself fails as well: the clause does not say which one the code must be
    expect(kp3030({ points: 10 }, ["实行一票否决,该项不得分,年末不评优", "一票否决"])).toEqual([]);
  });

  it("「好路率×120」 (× copied as x, 1 as l), 「得分=…率×N分」 and 比重 are 按比率, whatever assessment found the rate", () => {
    expect(kp3030({ points: 120 }, ["以实际评定的好路率X120。", "按比率 得分"])).toEqual([]);
    expect(kp3030({ points: 180 }, ["以实际评定的好路率xl800", "按比率 得分"])).toEqual([]);
    expect(kp3030({ points: 120 }, ["以实际评定的好路率X120。", "按评价 得分"])).toEqual(["规则按评价计分，条文写的是「率X1」（比率乘以分值）：应写「按比率」"]);
    // 「得分=…率 c 5分」 (the copy lost its ×) and 「按…占目标值的比重计算得分」 are rates too
    expect(kp3030({ points: 5 }, ["及时受理率(5分),得分=及时受理率 c 5分。", "按比率 得分 满分 5"])).toEqual([]);
    expect(kp3030({ points: 5 }, ["及时受理率(5分),得分=及时受理率 c 5分。", "按评价 得分 满分 5"])).toEqual([
      "规则按评价计分，条文写的是「得分=及时受理率 c 5分」（比率乘以分值）：应写「按比率」",
    ]);
    expect(kp3030({ points: 5 }, ["得分=考核得分×20%", "按评价 得分 满分 5"])).toEqual([]);
    expect(kp3030({ points: 10 }, ["没有完成的,按实际完成值占目标值的比重计算得分", "按评价 得分"])).toEqual([
      "规则按评价计分，条文写的是「比重」：按完成率或比例计分应写「按比率」",
    ]);
    expect(kp3030({ points: 120 }, ["按实际评定结果得分", "按比率 得分"])).toEqual([
      "规则按比率（完成率乘以分值）计分，条文写的是「评定」，没有完成率或比例的说法：应写「按评价」",
    ]);
  });

  it("what each unit must have is no count: 「每村有一个宣传栏」「并有一名领导分管」", () => {
    expect(kp3030({ points: 5 }, ["每村有一个固定宣传栏并经常更换内容的记5分,否则不记分", "得 5"])).toEqual([]);
    expect(kp3030({ points: 20 }, ["每村不少于20户特色农业典型,无典型户扣20分", "扣 20"])).toEqual([]);
    expect(kp3030({ points: 40 }, ["人员、经费落实,并有一名乡镇领导分管统计工作的记6分", "得 6"])).toEqual([]);
    // counts still: 「有一篇加1分」, 「每发现一个村…扣1分」
    expect(kp3030({ points: 5 }, ["有一篇加1分。", "得 1"])).toEqual(["条文按次计分（「一篇加1分」），规则却只得一次：应写「每次 得 …」（或条文的计数单位，如每起、每项）"]);
    expect(kp3030({ points: 5 }, ["每发现一个村未设宣传栏扣1分", "扣 1"])).toHaveLength(1);
  });

  it("a period before a count is a schedule: 「(每天24个时次)不发生缺测,得1分」", () => {
    expect(kp3030({ points: 3 }, ["全年定时(每天24个时次)不发生人为因素缺测现象,得1分;否则不得分。", "得 1"])).toEqual([]);
    expect(kp3030({ points: 3 }, ["缺测的每天扣0.1分", "扣 0.1"])).toHaveLength(1);
  });

  it("「超过8%以上」: 超过 excludes, 以上 includes — either band is left alone; 「8%以上」 alone includes", () => {
    const c = "发案数超过6%的扣3分,超过7%的扣6分,超过8%以上的扣10分。";
    expect(kp3030({ points: 15 }, [c, "分段 { (6%, 7%] 扣 3 (7%, 8%] 扣 6 > 8% 扣 10 }"])).toEqual([]);
    expect(kp3030({ points: 15 }, [c, "分段 { (6%, 7%] 扣 3 (7%, 8%) 扣 6 ≥ 8% 扣 10 }"])).toEqual([]);
    expect(kp3030({ points: 15 }, [c, "分段 { [6%, 7%] 扣 3 (7%, 8%] 扣 6 > 8% 扣 10 }"])).toEqual(["分段「[6%, 7%]」含 6%，条文写的是「超过6%」"]);
    expect(kp3030({ points: 15 }, ["发案数8%以上的扣10分。", "分段 { > 8% 扣 10 }"])).toEqual([
      "分段「> 8%」不含 8%，条文写的是「8%以上」：「以上」含本数，8% 属于这一档",
    ]);
  });

  it("「每人每次」 where the 对象 are persons: 每人 is the one assessed", () => {
    const c = "受到上级通报表扬的,每人每次加2分。";
    expect(kp3030({ points: 8, subject: "党员" }, [c, "每次 得 2 上限 8"])).toEqual([]);
    expect(kp3030({ points: 8, subject: "各村党支部" }, [c, "每次 得 2 上限 8"])).toEqual([
      "条文按「每人每次」计分（两个计数单位），规则只写了「每次」：应写「每人 每次 得 …」",
    ]);
  });
});

describe("caps the fresh sets write: 「扣完2分为止」「加到1分為止」「累計不超過7分」「扣满8分为止」", () => {
  const c = "未履行规定职责的,每少1项扣0.5分,扣完2分为止.";
  it("faithful encodings are clean", () => {
    expect(kp3030({ points: 8 }, [c, "每项 扣 0.5 上限 2"])).toEqual([]);
    expect(kp3030({ points: 5 }, ["經驗做法被推廣的,每條加0.5分,加到1分為止;", "每条 得 0.5 上限 1"])).toEqual([]);
    expect(kp3030({ points: 7 }, ["獲得 1 件發明專利得 1 分(累計不超過 7 分)。", "每件 得 1 上限 7"])).toEqual([]);
  });
  it("the amount and the cap swapped, or the cap left out, are found", () => {
    expect(kp3030({ points: 8 }, [c, "每项 扣 2 上限 0.5"])).toEqual(["上限 0.5 与扣分 2 对调了：条文的上限是「2分」"]);
    expect(kp3030({ points: 8 }, [c, "每项 扣 0.5"])).toEqual(["条文规定了上限「2分」，规则中没有这个上限"]);
    expect(kp3030({ points: 10 }, ["近一个月内积分未达41分的,每人扣1分,扣满8分为止;", "每人 扣 8 上限 1"])).toEqual(["上限 1 与扣分 8 对调了：条文的上限是「8分」"]);
  });
});

describe("band flips the fresh sets found", () => {
  it("≤ < and ‰: 「错比≤0.4‰得2分;0.4‰<错比≤0.8‰得1分」", () => {
    const c = "总错比≤0.4‰得2分;0.4‰<错比≤0.8‰得1分;错比>0.8‰不得分。";
    expect(kp3030({ points: 2 }, [c, "分段 { ≤ 0.4 得 2 (0.4, 0.8] 得 1 }"])).toEqual([]);
    expect(kp3030({ points: 2 }, [c, "分段 { < 0.4 得 2 (0.4, 0.8] 得 1 }"])).toEqual(["分段「< 0.4」不含 0.4，条文写的是「≤0.4」"]);
    expect(kp3030({ points: 2 }, [c, "分段 { ≤ 0.4 得 2 [0.4, 0.8) 得 1 }"])).toEqual([
      "分段「[0.4, 0.8)」含 0.4，条文写的是「0.4‰<」",
      "分段「[0.4, 0.8)」不含 0.8，条文写的是「≤0.8」",
    ]);
    expect(kp3030({ points: 1 }, ["上传到报率≥95.0%,得1分;否则不得分。", "分段 { > 95% 得 1 }"])).toEqual(["分段「> 95%」不含 95%，条文写的是「≥95.0%」"]);
  });

  it("小于等于 and 万亩", () => {
    const c = "可调整地类面积小于等于5万亩的,得1.8分,大于5万亩,小于10万亩的,得1.6分";
    expect(kp3030({ points: 2.5 }, [c, "分段 { ≤ 5 得 1.8 (5, 10) 得 1.6 }"])).toEqual([]);
    expect(kp3030({ points: 2.5 }, [c, "分段 { < 5 得 1.8 (5, 10) 得 1.6 }"])).toEqual(["分段「< 5」不含 5，条文写的是「小于等于5」"]);
  });

  it("不达, 达不到 (below), 达, 至少 (at least), 以内 (at most)", () => {
    expect(kp3030({ points: 15 }, ["签订率不达100%的扣10分,", "分段 { < 100% 扣 10 }"])).toEqual([]);
    expect(kp3030({ points: 15 }, ["签订率不达100%的扣10分,", "分段 { ≤ 100% 扣 10 }"])).toEqual(["分段「≤ 100%」含 100%，条文写的是「不达100%」"]);
    expect(kp3030({ points: 2 }, ["满意率达不到90%扣1分。", "分段 { ≤ 90% 扣 1 }"])).toEqual(["分段「≤ 90%」含 90%，条文写的是「达不到90%」"]);
    expect(kp3030({ points: 5 }, ["全年检查覆盖率达 100%(5 分)。", "分段 { ≥ 100% 得 5 }"])).toEqual([]);
    expect(kp3030({ points: 5 }, ["全年检查覆盖率达 100%(5 分)。", "分段 { > 100% 得 5 }"])).toEqual(["分段「> 100%」不含 100%，条文写的是「达100%」"]);
    expect(kp3030({ points: 2 }, ["每年至少听取并研究工作一次(2分)", "分段 { > 1次 得 2 }"])).toEqual(["分段「> 1」不含 1，条文写的是「至少听取并研究工作一」"]);
    const within = "未到县数的比例5%以内扣1分,5%-10%之间扣3分,10%以上不得分。";
    expect(kp3030({ points: 5 }, [within, "分段 { (0%, 5%] 扣 1 (5%, 10%) 扣 3 ≥ 10% 不得分 }"])).toEqual([]);
    expect(kp3030({ points: 5 }, [within, "分段 { (0%, 5%) 扣 1 [5%, 10%) 扣 3 ≥ 10% 不得分 }"])).toEqual(["分段「(0%, 5%)」不含 5%，条文写的是「5%以内」"]);
  });

  it("及以上, and any measure word before 以上 (天, 处, 位, 个工作日)", () => {
    expect(kp3030({ points: 5 }, ["迟报四天及以上不得分。", "分段 { ≥ 4天 不得分 }"])).toEqual([]);
    expect(kp3030({ points: 5 }, ["迟报四天及以上不得分。", "分段 { > 4天 不得分 }"])).toEqual([
      "分段「> 4」不含 4，条文写的是「四天及以上」：「以上」含本数，4 属于这一档",
    ]);
    expect(kp3030({ points: 20 }, ["因故障延误三个工作日以上扣5分。", "分段 { > 3天 扣 5 }"])).toHaveLength(1);
    expect(kp3030({ points: 5 }, ["位次后退5位以上的扣1分,后退10位以上的扣2分;", "分段 { > 10 扣 2 [5, 10) 扣 1 }"])).toHaveLength(1);
    // 「以上（不含保健讲座）」 is not 「以上（不含）」
    expect(kp3030({ points: 1 }, ["组织报告会兩次以上(不含保健讲座)(1分)", "分段 { > 2次 得 1 }"])).toHaveLength(1);
  });

  it("「超过95%(含)得3分;超过98%(含)得5分」: the amount tells which band a phrase speaks of", () => {
    const c = "委托第三方评估,超过95%(含)得3分;超过98%(含)得5分。";
    expect(kp3030({ points: 5 }, [c, "分段 { [95%, 98%) 得 3 ≥ 98% 得 5 }"])).toEqual([]);
    expect(kp3030({ points: 5 }, [c, "分段 { (95%, 98%] 得 3 ≥ 98% 得 5 }"])).toEqual(["分段「(95%, 98%]」不含 95%，条文写的是「95%(含)」"]);
    // 得5分 is no bound of [5万元, 10万元)
    const money = "10万元以上(含10万)得5分,5-10万(含5万)得2.5分,少于5万不得分。";
    expect(kp3030({ points: 5 }, [money, "分段 { ≥ 10万元 得 5 [5万元, 10万元) 得 2.5 }"])).toEqual([]);
    expect(kp3030({ points: 5 }, [money, "分段 { > 10万元 得 5 [5万元, 10万元) 得 2.5 }"])).toHaveLength(1);
  });

  it("a bound named bare is in its band: 「被三次通报的不得分」「3人次重修扣5分」", () => {
    expect(kp3030({ points: 1 }, ["在会商检查中被三次通报的不得分。", "分段 { ≥ 3次 不得分 }"])).toEqual([]);
    expect(kp3030({ points: 1 }, ["在会商检查中被三次通报的不得分。", "分段 { > 3次 不得分 }"])).toEqual(["分段「> 3」不含 3，条文写的是「三次」，没有「以上」「超过」之类的字样：3 属于这一档"]);
    const c = "有1人次重修扣2分,2人次重修扣4分,3人次重修扣5分。";
    expect(kp3030({ points: 5 }, [c, "分段 { = 1人次 扣 2 = 2人次 扣 4 ≥ 3人次 扣 5 }"])).toEqual([]);
    expect(kp3030({ points: 5 }, [c, "分段 { = 1人次 扣 2 = 2人次 扣 4 > 3人次 扣 5 }"])).toHaveLength(1);
    // a comparison anywhere in the sentence: 「分别超过20/10万,10‰的」 is not bare
    expect(kp3030({ points: 30 }, ["死亡率分别超过20/10万,10‰的扣10分", "分段 { > 10 扣 10 }"])).toEqual([]);
  });
});
