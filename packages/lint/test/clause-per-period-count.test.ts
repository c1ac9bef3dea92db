/**
 * clause-mismatch (KP3030): 「每月次扣3分」「每月次分别扣5分」「每月次10分」 count each month it happens (session 27,
 * test/corpus zs22-03, mlxx-01/02): a rule that deducts once is reported, `每次` is clean; a period that is a
 * duty (「每月召开一次例会，未召开的扣0.5分」) is still no count.
 */
import { describe, expect, it } from "vitest";
import { kp3030 } from "./helpers.js";


describe("「每月次」: each month it happens", () => {
  it("is counted", () => {
    expect(kp3030(10, "断面单月水质反弹为劣V类的,每月次扣3分。", "每次 扣 3")).toEqual([]);
    expect(kp3030(10, "断面单月水质反弹为劣V类的,每月次扣3分。", "扣 3").join()).toMatch(/按次计分/);
    expect(kp3030(10, "部分月份水质不达标的,每月次分别扣5分;", "扣 5").join()).toMatch(/按次计分/);
    expect(kp3030(10, "水质反弹为劣Ⅴ类的,每月次10分,扣分扣完为止。", "扣 10").join()).toMatch(/按次计分/);
  });

  it("a duty each month is no count", () => {
    expect(kp3030(10, "每月召开一次例会，未召开的扣0.5分", "扣 0.5")).toEqual([]);
  });
});

describe("「每实现1个…的,加2分」: 每, a verb and one of a unit", () => {
  it("counts however long the thing counted is named", () => {
    const c = "以上年度断面水质为基准,每实现1个国控断面升类并达到III类及以上的,加2分。";
    expect(kp3030(10, c, "每个 得 2")).toEqual([]);
    expect(kp3030(10, c, "得 2").join()).toMatch(/按次计分/);
  });

  it("a period before the one is a duty, not a count", () => {
    expect(kp3030(10, "每年完成1个示范点建设并通过市级验收的,加2分。", "得 2")).toEqual([]);
  });
});
