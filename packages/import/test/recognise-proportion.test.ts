/**
 * Scoring in proportion to a rate of completion (session 25, helper ratio; `src/recognise/patterns/proportion.ts`),
 * on clauses written for these tests — general rulebook phrasing, never the corpus's text:
 *   - 按比例得分 of an award the clause states → 按比率 得分 满分 N (语言参考 §5.8)
 *   - 完成率乘以标准分 → 按比率 得分, the full marks the item's points or what its other awards leave
 *   - 按(其)(未)完成比例扣分 to a cap → 基准 100% 每低 1% 扣 cap/100 (§5.5, linear from 100 %)
 *   - 共计N篇, 按缺失比例扣分 → 至少 N篇 每少 1篇 扣 P/N (exact, or a to-do)
 *   - the item's points averaged over the task's cases, each case missing losing its share → 按比率
 * Each reading is checked in a catalogue and, for one clause of each form, scored; each form has its near-misses,
 * which must stay to-dos (or keep the reading another pattern gives) — never a guessed full marks.
 */
import { analyzeFiles, checkCatalogue, compileCatalogue, evaluateCompiledModule, factSpecs, parseKp, type SourceHost } from "@kaoping/core";
import { importDocument, recogniseClause, splitClauses, type ClauseContext } from "@kaoping/import";
import { describe, expect, it } from "vitest";
import { bodies, expectReading, expectTodo, item } from "./phrasing-check.js";
import { readingCatalogue } from "./reading-catalogue.js";
import { exactQuotient } from "../src/decimal.js";

/** An item whose only clause this is (kp import gives each clause its cell's others: none). */
const lone = (points: string): ClauseContext => item(points, { siblings: [] });
/** An item with other clauses: plain awards or deductions beside the proportion. */
const among = (points: string, ...siblings: string[]): ClauseContext => item(points, { siblings });

/** The exact total a reading gives a unit with the one fact `value`, in a catalogue of the item alone. */
function scoreOf(body: string, points: number, value: string): string {
  const checked = checkCatalogue([parseKp(readingCatalogue([body], { points }), "r.kp").ast]);
  expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const spec = factSpecs(checked.catalogue)[0]!;
  const mod = evaluateCompiledModule(compileCatalogue(checked.catalogue).js);
  const unit = { name: "甲县", classes: [], facts: { [spec.k]: value } };
  expect(mod.checkFacts([unit])).toEqual([]);
  return mod.scoreAll([unit])[0]!.exactTotal;
}

describe("按比例得分 of the award the clause states → 按比率 得分 满分 N", () => {
  it.each([
    ["完成年度招商引资任务的得8分,未完成的按完成比例计分。", item("10"), ["按比率 得分 满分 8"]],
    ["按时完成全年植树造林任务得6分;未完成任务的按比例得分,最低为0分。", item("6"), ["按比率 得分 满分 6"]],
    // the share of a number of pieces (「5期以上」): the fact is the pieces ÷ 5, at most 100 %
    ["全年上报工作简报5期以上的得4分,不足的按比例计分。", item("4"), ["按比率 得分 满分 4"]],
    ["完成县下达的税收任务记10分(完不成的按比例扣分)", item("10"), ["按比率 得分 满分 10"]],
    ["全年完成3项以上课题得10分,完不成的按比例扣分", item("10"), ["按比率 得分 满分 10"]],
    // traditional script as a converted copy writes it (沒有 is not simplified by normalise)
    ["完成全年植樹任務的得6分,沒有完成任務按比例得分。", item("6"), ["按比率 得分 满分 6"]],
    // the target a rate is of, in the award's condition: an amount, a number of projects, 两项
    ["完成招商引资5000万元得8分,未完成的按比例得分", item("10"), ["按比率 得分 满分 8"]],
    ["全年完成3个项目得6分,未完成的按比例得分", item("6"), ["按比率 得分 满分 6"]],
    ["两项任务均完成的得6分,未完成的按比例得分", item("6"), ["按比率 得分 满分 6"]],
    // 每年 is the year assessed, not an award per period
    ["每年完成3个项目得6分,未完成的按比例得分", item("6"), ["按比率 得分 满分 6"]],
  ] as const)("%s", expectReading);

  it("scores the award times the rate: 75 % of 8 is 6, over 100 % is 8", () => {
    expect(scoreOf("按比率 得分 满分 8", 10, "75%")).toBe("6");
    expect(scoreOf("按比率 得分 满分 8", 10, "100%")).toBe("8");
  });

  it.each([
    // a rate target other than 100 %: the share of 90 % is not the rate done
    ["完成率达到90%的得10分,未达到的按比例得分", item("10"), /90%/],
    // two numbers in the condition: which one the share is of is not said
    ["全年完成3项以上、5篇以上得10分,完不成的按比例扣分", item("10"), /几个数/],
    // the award above the item's points
    ["完成年度招商引资任务的得12分,未完成的按完成比例计分。", item("10"), /超过本项分值/],
    // a cap of 0 is no cap
    ["未完成任务的,按比例扣分,最多0分", item("10"), undefined],
    // an award per period: the share of which month is not said
    ["每月按时完成任务得0.5分,未完成的按比例扣分", item("6"), /按期/],
    // a floor above 0
    ["完成年度任务得10分,未完成任务的按比例得分,但最低不少于3分", item("10"), undefined],
    // a bonus beyond the task in proportion: not a rate of the award (按比率 is at most 100 %)
    ["完成任务得10分,超额完成的按比例加分", item("10"), undefined],
  ] as const)("stays a to-do: %s", (text, ctx, reason) => expectTodo(text, ctx, reason));
});

// a band from 50 %: never read here as 按比率 — the percentage-point helper's proportional band reads it (merged
// with this file in session 25: before that merge it stayed a to-do)
it("「完成率≥50%的按比例得分,低于50%的不得分」 is a band with a proportional part, not 按比率", () => {
  expectReading("完成率≥50%的按比例得分,低于50%的不得分", item("10"), ["分段 { ≥ 100% 得 10 [50%, 100%) 得 10 每低 1个百分点 扣 0.1 }"]);
});

describe("完成率乘以标准分 → 按比率 得分 (the full marks never guessed)", () => {
  it.each([
    // alone in its item: the item's points (满分 left out, §5.8)
    ["完成目标任务得满分,未完成的按完成率乘以满分计分。", lone("12"), ["按比率 得分"]],
    ["完成年度任务的,得满分;未完成的,按实际完成率乘以标准分计算得分", lone("8"), ["按比率 得分"]],
    // beside a plain award of the item: what it leaves of the item's points (15 − 6)
    ["完成年度重点工程投资计划得标准分,未完成的按实际完成率乘以标准分计分", among("15", "列入市级重点项目的得标准分6分"), ["按比率 得分 满分 9"]],
    // beside deductions only: the item's points, written (the item has several rules, KP2018)
    ["完成目标任务得满分,未完成的按完成率乘以满分计分。", among("12", "未按时报送进度的扣1分。"), ["按比率 得分 满分 12"]],
  ] as const)("%s", expectReading);

  it.each([
    // the item's points unknown
    ["完成目标任务得满分,未完成的按完成率乘以满分计分。", item(null, { siblings: ["未按时报送进度的扣1分。"] }), /没有分值/],
    // the item has other rows (kp import: a cell of several, without its own points)
    ["完成目标任务得满分,未完成的按完成率乘以满分计分。", item("12", { siblings: [], alone: false }), /其他行/],
    // a sibling that counts or has two amounts: what is left of the points is not said
    ["完成目标任务得标准分,未完成的按完成率乘以标准分计分。", among("15", "每引进一个项目得2分"), /标准分/],
    ["完成目标任务得标准分,未完成的按完成率乘以标准分计分。", among("15", "按时开工的得3分,按期竣工的得3分"), /标准分/],
    // the siblings' awards make up the points already
    ["完成目标任务得标准分,未完成的按完成率乘以标准分计分。", among("6", "列入市级重点项目的得标准分6分"), /标准分/],
  ] as const)("stays a to-do: %s", (text, ctx, reason) => expectTodo(text, ctx, reason));
});

describe("a share of the task done with no amount, and formulas of the rate → 按比率 得分", () => {
  it.each([
    ["完成年度目标任务的得满分,未完成的按未完成比例扣分。", lone("10"), ["按比率 得分"]],
    ["完成任务得满分,超额完成的不加分,未完成的按比例扣分", lone("6"), ["按比率 得分"]],
    ["未完成年度任务的,按比例扣分", lone("5"), ["按比率 得分"]],
    ["未完成的按完成进度比例计分", lone("8"), ["按比率 得分"]],
    ["按任务完成比例计分", among("8", "未按时报送进度的扣1分。"), ["按比率 得分 满分 8"]],
    ["完成年度目标任务的,满分;未完成的,按完成比例得分。", among("10", "未按时报送进度的扣1分。"), ["按比率 得分 满分 10"]],
    // alone in an item whose points the document does not give: the item's, whatever they are
    ["完成年度目标任务的,满分;未完成的,按完成比例得分。", item(null, { siblings: [] }), ["按比率 得分"]],
    ["以完成率乘以该项分值计分", lone("10"), ["按比率 得分"]],
    ["完成率×10分", item("10"), ["按比率 得分 满分 10"]],
    ["得分=实际完成数/目标任务数×10", item("20"), ["按比率 得分 满分 10"]],
    ["得分=(实际完成投资额÷年度计划投资额)×8", item("8"), ["按比率 得分 满分 8"]],
    ["完成年度目标任务的得10分,未完成的按比例扣分,扣完为止。", item("10"), ["按比率 得分 满分 10"]],
    // the full marks stated before the share
    ["本项满分10分,按完成比例计分", item("10"), ["按比率 得分 满分 10"]],
    ["满分6分,未完成的按完成任务的百分比计分。", item("10"), ["按比率 得分 满分 6"]],
    ["计分公式:实际完成数÷计划数×5", item("10"), ["按比率 得分 满分 5"]],
  ] as const)("%s", expectReading);

  it.each([
    // a share of what is not said
    ["按比例计分", lone("10"), undefined],
    // a requirement not met is no quantity: a share of it is not said
    ["未达到要求的,按比例扣分", lone("10"), undefined],
    // a bonus beyond the task
    ["未完成的按完成比例扣分,超额完成的按比例加分", lone("10"), undefined],
    // the full marks above the item's points
    ["完成率×12分", item("10"), /超过本项分值/],
    ["本项满分12分,按完成比例计分", item("10"), /超过本项分值/],
    // a share and a count in one clause
    ["满分6分,未完成的按比例扣分,每少1项扣1分", item("6"), undefined],
    // nothing known of the item's other clauses: not this pattern's to settle (no older one reads it either)
    ["未完成年度任务的,按比例扣分", item("5"), undefined],
  ] as const)("stays a to-do: %s", (text, ctx, reason) => expectTodo(text, ctx, reason));
});

describe("按(其)(未)完成比例扣分 to a cap → 基准 100% 每低 1% 扣 cap/100", () => {
  it.each([
    ["未完成年度目标任务的,按未完成比例扣分,最多扣4分。", item("10"), ["基准 100% 每低 1% 扣 0.04"]],
    ["没有完成招商引资计划的,按其未完成比例扣减,最高扣6分", item("20"), ["基准 100% 每低 1% 扣 0.06"]],
    ["未完成保障性住房建设任务的,按其完成比例扣分,扣满2.5分为止。", item("5"), ["基准 100% 每低 1% 扣 0.025"]],
    ["未完成棚改目标任务的,按比例扣分,扣满12分为止", item("12"), ["基准 100% 每低 1% 扣 0.12"]],
    ["未完成的按完成比例扣分,最多扣5分", item("10"), ["基准 100% 每低 1% 扣 0.05"]],
    ["任务完成率低于100%的,按比例扣分,最多扣3分", item("10"), ["基准 100% 每低 1% 扣 0.03"]],
  ] as const)("%s", expectReading);

  it("scores the cap times the share not done: 60 % done in a 15-point item with a 5-point cap is 13", () => {
    expect(scoreOf("基准 100% 每低 1% 扣 0.05", 15, "60%")).toBe("13");
    expect(scoreOf("基准 100% 每低 1% 扣 0.05", 15, "0%")).toBe("10");
    expect(scoreOf("基准 100% 每低 1% 扣 0.05", 15, "100%")).toBe("15");
  });

  it.each([
    // the share of a rate other than a task done: base 90 % or the rate itself is not said
    ["覆盖率未达到90%的,按比例扣分,最多扣5分", item("10"), undefined],
    // a number in the condition
    ["未完成85%目标任务的,按比例扣分,最多扣3分", item("10"), /写有数/],
    // a cap above the item's points
    ["未完成任务的,按比例扣分,扣满12分为止", item("10"), /超过本项分值/],
    // in a 减分 section: no points to deduct from
    ["未完成年度目标任务的,按未完成比例扣分,最多扣4分。", { indicator: "责任追究", points: null, section: "减分" } as ClauseContext, /加分或减分/],
    // not a task done (「按比例扣分」 of something else)
    ["群众投诉的,按比例扣分,最多扣3分", item("10"), undefined],
  ] as const)("stays a to-do: %s", (text, ctx, reason) => expectTodo(text, ctx, reason));
});

describe("共计N篇, 按缺失比例扣分 → 至少 N篇 每少 1篇 扣 P/N", () => {
  it.each([
    ["全年报送调研文章共计5篇,按缺失比例扣分。", lone("10"), ["至少 5篇 每少 1篇 扣 2"]],
    // a requirement per period that restates the year's total (12 months × 1)
    ["每月至少报送1条,全年共计12条,按缺失比例扣分", lone("6"), ["至少 12条 每少 1条 扣 0.5"]],
    // beside a deduction of the item: the item's points are the share's
    ["全年不少于8篇,按缺失比例扣分;", among("2", "未按时报送的,一次扣0.5分。"), ["至少 8篇 每少 1篇 扣 0.25"]],
    // beside a plain award of the item: what it leaves (6 − 2 over 4 pieces)
    ["全年共计4篇,按缺失比例扣分", among("6", "被市级采用的得2分"), ["至少 4篇 每少 1篇 扣 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // 10 ÷ 3 is no finite decimal: never rounded into the rule
    ["全年共计3篇,按缺失比例扣分", lone("10"), /不是有限小数/],
    // a period's requirement that does not restate the total
    ["每季度至少2篇,全年共计4篇,按缺失比例扣分", lone("4"), /不一致/],
    // an award beside it: the share's full marks are not said
    ["全年共计4篇,按缺失比例扣分", among("6", "每篇被市级采用的得1分"), /满分/],
    // no total
    ["按缺失比例扣分", item("4"), undefined],
  ] as const)("stays a to-do: %s", (text, ctx, reason) => expectTodo(text, ctx, reason));

  it("divides exactly or not at all", () => {
    expect(exactQuotient("4", "4")).toBe("1");
    expect(exactQuotient("2", "8")).toBe("0.25");
    expect(exactQuotient("0.5", "4")).toBe("0.125");
    expect(exactQuotient("10", "3")).toBeUndefined();
    expect(exactQuotient("1", "0")).toBeUndefined();
  });
});

describe("the item's points averaged over the task's cases → 按比率 得分", () => {
  it.each([
    ["按任务数算出每例的平均分值,少完成1例扣减相应分值。", lone("3"), ["按比率 得分"]],
    ["根据任务数,计算每人平均分,缺一人扣1人平均分。", among("12", "未按时报送资料的扣2分"), ["按比率 得分 满分 12"]],
  ] as const)("%s", expectReading);

  it.each([
    // two cases' share for one missing: not a share of the task
    ["根据任务数,算出每人的平均分数,缺1例,扣减2人平均分。", lone("3"), undefined],
    // an award beside it: the points averaged are not said
    ["根据任务数,算出每人的平均分数,缺1例,扣减1人平均分。", among("6", "按时报送的得2分"), /平均/],
  ] as const)("stays a to-do: %s", (text, ctx, reason) => expectTodo(text, ctx, reason));
});

describe("a formula's count capped at its target (「超过N个以N个计算」) is the rate's own bound", () => {
  it("「建成8个…得2分,计分公式:已建成数(超过8个以8个计算)÷8×2」 → 按比率 得分 满分 2", () => {
    expectReading("建成8个监测站点得2分,计分公式:已建成站点数(超过8个以8个计算)÷8×2", item("4"), ["按比率 得分 满分 2"]);
  });
  it("a cap that is not the divisor stays a to-do", () => {
    expectTodo("建成8个监测站点得2分,计分公式:已建成站点数(超过9个以8个计算)÷8×2", item("4"), /超过9个/);
  });
});

describe("比例 that names a thing, or bounds it, is no proportion", () => {
  it.each([
    ["乡镇财政科技投入比例不低于1.0%(10分)。", item("10")],
    ["未对巡查员设定抽查比例的,扣3分;", item("20")],
    ["提高门诊报销比例、实行兜底保障的,得5分;", item("5")],
    ["按人口比例配备协管员的,得2分", item("2")],
    ["每月补贴发放率在95%以上得3分,有一个月达不到该比率的扣1分。", item("3")],
  ] as const)("never read as a proportion: %s", (text, ctx) => {
    const got = bodies(recogniseClause(text, ctx));
    expect(typeof got === "string" || !got.some((b) => /按比率|基准 100%/.test(b)), JSON.stringify(got)).toBe(true);
  });

  // count.ts refused every clause with 比例 in it; a 比例 that names what the condition is about is now no
  // special word (namedShareMasked), and the clause is read as any other one-amount clause
  it.each([
    ["未对巡查员设定抽查比例的,扣3分;", item("20"), ["扣 3"]],
    ["未达到规定配备比例的,扣2分。", item("10"), ["扣 2"]],
    ["提高门诊报销比例、实行兜底保障的,得5分;", lone("5"), ["得 5"]],
    // a bound on a 比例: a band, by the band patterns as before
    ["评优比例低于20%的扣3分。", item("20"), ["分段 { < 20% 扣 3 }"]],
    ["培训覆盖比例达到80%以上的得3分", item("10"), ["分段 { ≥ 80% 得 3 }"]],
  ] as const)("%s", expectReading);

  it.each([
    // 按…比例 of doing something (staffing by population): 按 makes it a way — still not read
    ["按人口比例配备协管员的,得2分", item("2"), /比例/],
    // a bound with the item's points in brackets: a band, but its other side is not said
    ["乡镇财政科技投入比例不低于1.0%(10分)。", item("10"), undefined],
  ] as const)("stays a to-do: %s", (text, ctx, reason) => expectTodo(text, ctx, reason));
});

describe("按比率 without 满分 beside other clauses (guard share-full-marks, guards-proportion.ts)", () => {
  it("an older pattern's 「按比例得分」 beside another clause of the item is a to-do, never a rule kp check refuses (KP2018)", () => {
    expectTodo("未按时完成的按比例得分", among("10", "未按时报送进度的扣1分。"), /满分/);
    expectTodo("未按时完成的按比例得分", item("10", { siblings: [], alone: false }), /满分/);
  });
  it("alone, or with nothing known of the item, it is read as before", () => {
    expect(bodies(recogniseClause("未按时完成的按比例得分", lone("10")))).toEqual(["按比率 得分"]);
    expect(bodies(recogniseClause("未按时完成的按比例得分", item("10")))).toEqual(["按比率 得分"]);
  });
});

describe("kp import: a table of proportion clauses gives a catalogue kp check accepts", () => {
  const html = `<html><body><h1>某县经济工作目标考核评分细则</h1><table border="1">
<tr><th>考核项目</th><th>考核内容</th><th>分值</th><th>评分标准</th></tr>
<tr><td rowspan="4">经济发展（40分）</td><td>财政收入</td><td>15</td><td>完成全县一般预算收入任务的得13分，没有完成任务按比例得分；完成县政府下达的全年财政收入任务的得2分</td></tr>
<tr><td>重点项目</td><td>10</td><td>未完成重点项目投资年度目标任务的，按其未完成比例扣分，扣满5分为止</td></tr>
<tr><td>信息报送</td><td>5</td><td>每季度至少报送1篇，全年共计4篇，按缺失比例扣分；未按时报送的，一次扣0.5分</td></tr>
<tr><td>招商引资</td><td>10</td><td>完成年度目标任务的得满分，未完成的按完成比例扣分；未按时报送进度的扣1分</td></tr>
</table></body></html>`;

  it("「…按缺失比例扣分；」 ends a clause (split.ts: a share deducted scores)", () => {
    expect(splitClauses("每季度至少报送1篇，全年共计4篇，按缺失比例扣分；未按时报送的，一次扣0.5分").map((c) => c.text)).toEqual([
      "每季度至少报送1篇，全年共计4篇，按缺失比例扣分；",
      "未按时报送的，一次扣0.5分",
    ]);
  });

  it("every clause read, 满分 written where the item has other rules, no error and no warning", async () => {
    const r = await importDocument("细则.html", new TextEncoder().encode(html));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const text = [...r.files.values()].join("\n");
    for (const body of ["按比率 得分 满分 13", "基准 100% 每低 1% 扣 0.05", "每少 1篇 扣 1.25", "按比率 得分 满分 10", "每次 扣 0.5", "扣 1"]) {
      expect(text.replace(/ (\d+) 篇/g, " $1篇"), body).toContain(body);
    }
    // (the root's header comment names 待补; no rule is one)
    expect(text).not.toMatch(/」\s*待补|^\s+待补\s*$/m);
    const root = [...r.files.keys()].find((k) => !/^\d/.test(k))!;
    const host: SourceHost = { read: (f) => ({ ok: true, text: r.files.get(f.replace(/^.*\//, "")) ?? "" }), resolve: (f, t) => `${f.replace(/[^/]*$/, "")}${t}`, isDirectory: () => false };
    const analysis = analyzeFiles([`/草稿/${root}`], host);
    // the indicator file was read and checked with the root: its rules are in the catalogue
    expect(analysis[0]!.files.length).toBeGreaterThanOrEqual(2);
    const diags = analysis.flatMap((f) => f.diagnostics);
    expect(diags.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  });
});
