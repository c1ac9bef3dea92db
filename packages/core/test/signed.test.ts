/**
 * Signed values (issue 11 §1.8): 分段 可为负 reads negative facts (-, −, －; a + on a positive one),
 * refuses a malformed sign (KP4070), and without 可为负 a negative value is refused as before (KP4005).
 * Band steps go on from the band's bound; an award gone below 0 is a deduction from the item.
 */
import { describe, expect, it } from "vitest";
import { checkCatalogue, compileCatalogue, parseKp } from "@kaoping/core";

type Mod = {
  checkFacts(units: unknown): { code: string; message: string; unit?: string; key?: string }[];
  scoreAll(units: unknown, o?: object): { unit: string; exactTotal: string; trace?: { text: string }[] }[];
};

const source = `细则 「t」
指标 「增幅」 {
  规则 「增幅变化」 「比上年提升的得2分，持平的得1.5分，下降的每下降0.1个百分点扣0.1分」
    分段 可为负 {
      > 0 得 2
      = 0 得 1.5
      < 0 得 1.5 每低 0.1 个百分点 扣 0.1
    }
}
指标 「完成」 1分 {
  规则 「完成率」 「完成率90%以上得1分」 分段 { ≥ 90% 得 1 }
}
`;

async function load(): Promise<Mod> {
  const parsed = parseKp(source, "t.kp");
  const checked = checkCatalogue([parsed.ast]);
  expect([...parsed.diagnostics, ...checked.diagnostics]).toEqual([]);
  const { js } = compileCatalogue(checked.catalogue);
  return (await import(`data:text/javascript;base64,${Buffer.from(js).toString("base64")}`)) as Mod;
}

describe("signed values", async () => {
  const m = await load();
  const unit = (v: unknown, done: unknown = "95%") => [{ name: "甲县", facts: { 增幅变化: v, 完成率: done } }];
  const total = (v: unknown) => m.scoreAll(unit(v))[0]!.exactTotal;

  it("reads -, − (U+2212), －, a % sign, + and -0; scores them (hand-computed)", () => {
    expect(total(0.8)).toBe("3"); // 2 + 1
    expect(total("+0.8")).toBe("3");
    expect(total(0)).toBe("2.5"); // 1.5 + 1
    expect(total("-0")).toBe("2.5");
    expect(total(-0.3)).toBe("2.2"); // 1.5 − 3 × 0.1 = 1.2, + 1
    expect(total("-0.3")).toBe("2.2");
    expect(total("−0.3")).toBe("2.2");
    expect(total("－0.3%")).toBe("2.2");
    expect(total(" - 0.35 ")).toBe("2.15"); // 1.5 − 0.35
    expect(total(-1.5)).toBe("1"); // 1.5 − 1.5 = 0
    expect(total(-2)).toBe("1"); // 1.5 − 2 = −0.5: a deduction of 0.5 from an item with nothing else: 0
  });

  it("explains the steps and the deduction below 0 in Chinese", () => {
    const t = m.scoreAll(unit(-2), { trace: true })[0]!.trace!.map((x) => x.text).join("\n");
    expect(t).toContain("数值 -2 在 < 0 内，得 1.5；比 0 低 2 个百分点，20 档 × 0.1 = 2，得 1.5 − 2 = -0.5，即扣 0.5");
  });

  it.each([["--0.2"], ["-"], ["+-1"], ["−−1"], ["+"]])("KP4070 for %s", (v) => {
    const errs = m.checkFacts(unit(v));
    expect(errs.map((e) => [e.code, e.unit, e.key])).toEqual([["KP4070", "甲县", "增幅变化"]]);
    expect(errs[0]!.message).toContain("可为负的数值应写成");
  });

  it("keeps the other problems' codes: too many places (KP4010), not a number (KP4004)", () => {
    expect(m.checkFacts(unit("-0.1234567")).map((e) => e.code)).toEqual(["KP4010"]);
    expect(m.checkFacts(unit("负3")).map((e) => e.code)).toEqual(["KP4004"]);
  });

  it("without 可为负 a negative value is refused as before (KP4005)", () => {
    expect(m.checkFacts(unit(0, "-5%")).map((e) => [e.code, e.message])).toEqual([["KP4005", "「完成率」的值 -5% 超出范围：不能为负数"]]);
    expect(m.checkFacts(unit(0, -5)).map((e) => e.code)).toEqual(["KP4005"]);
  });
});
