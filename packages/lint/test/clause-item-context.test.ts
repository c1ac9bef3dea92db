/**
 * clause-mismatch (KP3030) on what the item states for its clauses (session 26): the item's requirement kept as the
 * indicator's `注` (as `kp import` keeps a requirement written in a level column) states the bound or base its clause
 * leaves to it; the item's points as its clauses state them (parts that add up, 「没有贫困村的乡镇计10分」). Each faithful rule is
 * asserted clean and a near miss of each asserted to be found, so that a reading made too loose fails here.
 */
import { describe, expect, it } from "vitest";
import { kp3030Of } from "./helpers.js";

/** KP3030 messages on one indicator of `points` holding one rule, after the indicator's `extra` lines. */
function kp3030(points: number, clause: string, code: string, extra = ""): string[] {
  return kp3030Of(`指标 「项目」 ${points}分 {\n${extra}  规则 「r1」 「${clause}」\n    ${code}\n}`, points);
}

describe("the item's requirement kept as the indicator's note", () => {
  const note = "  注 「人民调解卷宗全年不少于50件、大调解卷宗全年不少于20件」\n";
  const clause = "人民调解卷宗每少一件扣0.5分";

  it("states the target the clause leaves to it", () => {
    expect(kp3030(5, clause, "至少 50件 每少 1件 扣 0.5", note)).toEqual([]);
    expect(kp3030(5, clause, "至少 20件 每少 1件 扣 0.5", note)).toEqual([]);
  });

  it("a target the note does not state is still reported, and without the note the target is unsaid", () => {
    expect(kp3030(5, clause, "至少 40件 每少 1件 扣 0.5", note)).toEqual(["目标次数 40 在条文中没有出现"]);
    expect(kp3030(5, clause, "至少 50件 每少 1件 扣 0.5")).toEqual(["目标次数 50 在条文中没有出现"]);
  });

  it("accounts for bounds and bases only, never for an amount", () => {
    const awardNote = "  注 「全年经费不低于2000元(3分)」\n";
    expect(kp3030(5, "达不到标准扣2分", "分段 { < 2000元 扣 2 }", awardNote)).toEqual([]);
    expect(kp3030(5, "达不到标准扣2分", "分段 { < 2000元 扣 3 }", awardNote)).toEqual(["扣分 3 与条文中的「2分」不符"]);
  });
});

describe("the item's points as its clauses state them", () => {
  const a = "发动组织群众好的计2.5分,差的扣1分;";
  const b = "及时反馈典型信息5条的计2.5分,每差1条扣0.5分,扣完为止。";
  const item = (codeA: string, codeB: string, points = 5) =>
    kp3030Of(`指标 「组织发动」 ${points}分 {\n  规则 「a」 「${a}」\n    ${codeA}\n  规则 「b」 「${b}」\n    ${codeB}\n}`, points);

  it("parts that add up to the item's points are no amounts the rules must write", () => {
    expect(item("扣 1", "至少 5条 每少 1条 扣 0.5")).toEqual([]);
  });

  it("a deduction changed is still reported, and parts that do not add up are the clause's amounts", () => {
    expect(item("扣 2", "至少 5条 每少 1条 扣 0.5")).toEqual(["扣分 2 与条文中的「1分」不符"]);
    // in a 6-point item the parts (2.5 + 2.5) are not the item's points
    expect(item("扣 1", "至少 5条 每少 1条 扣 0.5", 6)).toEqual(["条文中的「2.5分」在规则中没有对应的数值", "条文中的「2.5分」在规则中没有对应的数值"]);
  });

  it("「没有贫困村的乡镇计10分」 in a 15-point item is a deduction of 5", () => {
    expect(kp3030(15, "没有贫困村的乡镇计10分", "扣 5")).toEqual([]);
    expect(kp3030(15, "没有贫困村的乡镇计10分", "扣 4")).not.toEqual([]);
    // in a 10-point item, 计10分 is the points, not a deduction
    expect(kp3030(10, "没有贫困村的乡镇计10分", "扣 5")).not.toEqual([]);
  });
});
