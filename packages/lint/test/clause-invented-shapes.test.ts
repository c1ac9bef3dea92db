/**
 * A generality check of session 27's clause-mismatch (KP3030) readings: 20 invented clauses of the same shapes
 * (none copied from test/corpus) — decimal ranges whose dash a copy lost, a rate's score said point by point,
 * 「最高为」 caps (also a two-sided rule's sides), 「每月次」 counts — each with its faithful rule, which must be
 * clean, and a plausible mis-encoding, which must be reported (any lint or check error the faithful rule has not).
 * The tally is printed; the test holds it, so a reading made too loose or too strict fails here.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeCatalogue, nodeHost } from "@kaoping/core";
import { lintAnalysis } from "@kaoping/lint";

/** Error messages (check and lint) of one indicator of `points` holding one rule. */
function errors(points: number, clause: string, code: string): string[] {
  const path = join(mkdtempSync(join(tmpdir(), "kp-lint-")), "细则.kp");
  writeFileSync(path, `细则 「条文」\n总分 ${points}分\n指标 「项目」 ${points}分 {\n  规则 「r1」 「${clause}」\n    ${code}\n}\n`);
  const a = analyzeCatalogue(path, nodeHost);
  return [...a.diagnostics, ...lintAnalysis(a)].filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`);
}

/** [points, clause, faithful code, mis-encoding] */
const CASES: [number, string, string, string][] = [
  // decimal ranges whose dash was lost
  [2, "施工围挡不连续,扣0.20.8分", "酌情 扣 0.2 至 0.8", "酌情 扣 0.4 至 0.8"],
  [3, "车辆未冲洗出场,扣0.31.5分", "酌情 扣 0.3 至 1.5", "酌情 扣 0.3 至 3"],
  [2, "材料乱堆乱放,扣0.51分", "酌情 扣 0.5 至 1", "酌情 扣 0.5 至 2"],
  [1, "宣传牌缺失,扣０．２１分", "酌情 扣 0.2 至 1", "酌情 扣 0.1 至 1"],
  [4, "食堂卫生差,视情扣0.52分", "酌情 扣 0.5 至 2", "酌情 扣 0.5 至 4"],
  [5, "夜间施工未办许可,扣1.53分", "酌情 扣 1.5 至 3", "酌情 扣 1.5 至 5"],
  // a rate's score point by point
  [20, "参保人数以上年末为基数,每完成任务1个百分点得0.2分,共20分。", "按比率 得分 满分 20", "按评价 得分 满分 20"],
  [30, "税收收入完成率每1%计0.3分,满分30分。", "按比率 得分 满分 30", "按比率 得分 满分 15"],
  [5, "每完成计划一个百分点得0.05分,本项共5分。", "按比率 得分 满分 5", "按评价 得分 满分 5"],
  [15, "完成率每达到1%给0.15分。", "按比率 得分 满分 15", "按比率 得分 满分 10"],
  [10, "按实际完成的百分比计分,每完成1个百分点加0.1分。", "按比率 得分 满分 10", "按评价 得分 满分 10"],
  // 「最高为」 caps
  [5, "每少报一次扣0.5分,扣分最高为3分。", "每次 扣 0.5 上限 3", "每次 扣 3 上限 0.5"],
  [10, "完成年度目标得满分,每超1%加0.2分,每差1%扣0.2分,加减分最高为2分。", "基准 100% 每超 1% 得 0.2 上限 2，每少 1% 扣 0.2 上限 2", "基准 100% 每超 1% 得 2 上限 0.2，每少 1% 扣 0.2 上限 2"],
  [5, "发现并上报一起隐患加0.5分,最高为2分。", "每起 得 0.5 上限 2", "每起 得 2 上限 0.5"],
  [10, "完成任务得基本分,每超额10%加1分,每未完成10%扣1.5分,加分或扣分最高为3分。", "基准 100% 每增加 10% 得 1 上限 3，每少 10% 扣 1.5 上限 3", "基准 100% 每增加 10% 得 1 上限 3，每少 10% 扣 3 上限 1.5"],
  [3, "台账每缺一项扣0.2分,最多为1分。", "每项 扣 0.2 上限 1", "每项 扣 0.2 上限 3"],
  // 「每月次」 counts
  [10, "空气质量月均值超标的,每月次扣2分。", "每次 扣 2", "扣 2"],
  [5, "巡查记录缺失的,每周次扣0.5分。", "每次 扣 0.5", "扣 0.5"],
  [20, "出现劣V类水体的,每月次分别扣4分。", "每次 扣 4", "扣 4"],
  [3, "重点区域保洁不到位,每日次0.2分。", "每次 扣 0.2", "扣 0.2"],
];

describe("session 27's readings on invented clauses", () => {
  it("judges the faithful rules clean and the mis-encodings wrong", () => {
    const wrong: string[] = [];
    let right = 0;
    for (const [points, clause, good, bad] of CASES) {
      const g = errors(points, clause, good);
      const b = errors(points, clause, bad).filter((e) => !g.includes(e));
      if (g.length === 0) right++;
      else wrong.push(`faithful flagged: ${clause} | ${good} | ${g.join("; ")}`);
      if (b.length > 0) right++;
      else wrong.push(`mis-encoding missed: ${clause} | ${bad}`);
    }
    process.stdout.write(`session 27 generality: ${right} of ${CASES.length * 2} judged right\n${wrong.map((w) => `  ${w}\n`).join("")}`);
    expect(wrong).toEqual([]);
  });
});
