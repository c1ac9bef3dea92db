/**
 * Where the constructs of issue 11 meet: combinations whose meaning the clause does not settle are
 * errors (never a guess), found when the property generator first combined them.
 */
import { describe, expect, it } from "vitest";
import { checkCatalogue, parseKp } from "@kaoping/core";

function errors(text: string): string[] {
  const p = parseKp(text, "细则.kp");
  return [...p.diagnostics, ...checkCatalogue([p.ast]).diagnostics].filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`);
}

describe("constructs combined", () => {
  it("按 … 平均 on a 否则 rule: which of its two results is divided is not said (KP2065)", () => {
    const head = "细则 「甲」\n指标 「任务」 3分 {\n  规则 「按期」 「按期完成的得1分，未完成的扣2分」 ";
    expect(errors(`${head}得 1 否则 扣 2\n}\n`)).toEqual([]);
    expect(errors(`${head}得 1 否则 扣 2 按 「所辖乡镇数」 平均\n}\n`)).toEqual([
      "KP2065 规则「按期」不能写「按 … 平均」：它是有「否则」的规则，只有按次、分类或一次性的扣分（得分）可以按某数平均",
    ]);
  });

  it("评为 … 满分/N% in an indicator whose points differ by class: the share would differ by unit (KP2084)", () => {
    const cat = (values: string) =>
      `细则 「甲」\n类别 「重点县」、「其他县」\n指标 「公开」 5分 其中 「其他县」 3分 {\n  规则 「评价」 「评为好、较好的分别得满分、80%」 评为 「好」、「较好」 分别得 ${values}\n}\n`;
    expect(errors(cat("3、2.4"))).toEqual([]);
    expect(errors(cat("满分、80%")).map((e) => e.slice(0, 6))).toEqual(["KP2084", "KP2084"]);
    expect(errors(cat("满分、80%"))[0]).toContain("指标「公开」的分值因类别而异，请写分数");
  });
});
