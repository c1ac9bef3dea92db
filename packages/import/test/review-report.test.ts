// The readings flagged for review in kp import's output (recognise/review.ts, session 28): each written as its rule,
// reported as KP5059 (a warning, at the clause) and listed in 导入报告.md's 「请核对的识别」, the riskiest first
// (golden: test/golden/review-report.md, regenerated with UPDATE_GOLDEN=1 — look at the diff before committing).
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { importDocument, reportJson } from "@kaoping/import";
import { expectGolden } from "../../../test/golden.js";
import { docx, type FixtureTable } from "./build-fixtures.js";

const GOLDEN = fileURLToPath(new URL("./golden/", import.meta.url));

const table: FixtureTable = [
  ["一级指标", "二级指标", "考评细则", "考评单位"],
  // 「召开一次…会议加2分」 read 得 2: a count of one read once (one signal, weight 3)
  ["组织建设（10分）", "述职评议（2分）", "召开一次乡镇、部门党政正职述职评议工作会议加2分。", "组织部"],
  // 「无批准扣5分,无登记扣3分」 read 扣 5 and 扣 3: two outcomes that add up (one signal, weight 3)
  [null, "审批登记（8分）", "无批准扣5分，无登记扣3分", null],
  // nothing to flag
  ["信息工作（2分）", "信息报送（2分）", "未按时报送信息的，每次扣0.5分。", "办公室"],
];

describe("readings flagged for review in kp import", async () => {
  const r = await importDocument("细则.docx", await docx([{ paragraph: "某县考评细则" }, { table }]));
  if (!r.ok) throw new Error(r.problem.message);

  it("writes each flagged reading as its rule (the reading stays) and reports it at the clause (KP5059, a warning)", () => {
    const all = [...r.files.values()].join("\n");
    expect(all).toContain("得 2");
    expect(all).toMatch(/扣 5[\s\S]*扣 3/);
    const flagged = r.report.problems.filter((p) => p.code === "KP5059");
    expect(flagged.map((p) => p.severity)).toEqual(["warning", "warning"]);
    expect(flagged.map((p) => p.message)).toEqual([
      "条文「召开一次乡镇、部门党政正职述职评议工作会议加2分。」读作 得 2，请核对：条文按「一次」计数，规则却只计一次",
      "条文「无批准扣5分，无登记扣3分」读作 扣 5；扣 3，请核对：几个不同的分值各写成一条一次性的规则（会相加），条文说的可能是几种结果之一",
    ]);
    expect(flagged.every((p) => p.loc !== undefined)).toBe(true);
    // the clause with nothing to flag carries no review
    expect(r.report.clauses.find((c) => c.text.startsWith("未按时报送"))?.recognition).not.toHaveProperty("review");
  });

  it("lists them in 导入报告.md's 「请核对的识别」, each with its reasons, clause, reading and location (golden)", () => {
    const report = r.files.get("导入报告.md")!;
    expect(report).toContain("## 请核对的识别");
    expect(report).not.toMatch(/- KP5059 .*读作/);
    expectGolden(join(GOLDEN, "review-report.md"), report);
  });

  it("gives the reasons in the JSON report", () => {
    const json = reportJson(r.report) as { clauses: { text: string; review?: string[] }[] };
    expect(json.clauses.filter((c) => c.review !== undefined).map((c) => c.text)).toEqual(["召开一次乡镇、部门党政正职述职评议工作会议加2分。", "无批准扣5分，无登记扣3分", "无批准扣5分，无登记扣3分"]);
  });
});

describe("the order of 「请核对的识别」", () => {
  it("is the riskiest first (the weights summed, then the number of reasons), the document's order among equals", async () => {
    const { flaggedReadings } = await import("../src/write/review-list.js");
    const loc = { file: "细则.docx", line: 1 } as never;
    const outcome = (text: string, review: string[], reviewRisk: number) => ({ indicator: "项", rule: text, text, file: "01.kp", loc, recognition: { kind: "rules" as const, bodies: ["得 1"], review, reviewRisk } });
    const order = flaggedReadings([outcome("甲", ["a"], 2), outcome("乙", ["a", "b"], 5), outcome("丙", ["a"], 3), outcome("丁", ["a", "b"], 3), outcome("戊", ["a"], 3)]).map((f) => f.outcome.text);
    expect(order).toEqual(["乙", "丁", "丙", "戊", "甲"]);
  });
});
