/**
 * Compiler behaviours the property tests and the fuzzer once found wrong (reference.ts states the
 * intended semantics), all fixed and kept as ordinary regression tests: no test here is `it.fails`,
 * and every flag in test/property/kp-gen.ts KNOWN_BUGS is false.  A bug found later is added as an
 * `it.fails` test with its flag set to true (so the generator avoids it) until core is fixed.
 */
import { describe, expect, it } from "vitest";
import { parseKp, walk } from "@kaoping/core";
import { compileRendered, flatScores, importModule, type ScoringModule } from "../property/harness.js";

async function load(text: string): Promise<ScoringModule> {
  return importModule(compileRendered([{ path: "/bug/root.kp", text }]).js);
}

describe("KNOWN_BUGS.nestedAppliesDisjoint: 适用 on a rule inside an indicator 适用 to other classes", () => {
  // A unit of classes A and B is covered by both 适用 clauses; applicableClasses() intersects the two
  // class lists instead (→ [] here), so the rule is treated as applying to no unit at all.
  const text = (body: string) => `细则 「t」 类别 「A」、「B」
指标 「x」 2分 { 适用 「B」 规则 「r」 「c」 ${body} 适用 「A」 }`;

  it("a ranked rule compiles to a module that imports", async () => {
    const mod = await load(text("按排名 得分 每后退一位 扣 0.5"));
    const res = mod.scoreAll([
      { name: "甲", classes: ["A", "B"], facts: { r: 3 } },
      { name: "乙", classes: ["A", "B"], facts: { r: 1 } },
    ]);
    expect(res.map((r) => [r.unit, r.total])).toEqual([
      ["甲", "2"],
      ["乙", "1.5"],
    ]);
  });

  it("the fact of a linear rule is required from a unit of both classes (KP4008)", async () => {
    const mod = await load(text("基准 90% 每低 1% 扣 0.1"));
    expect(mod.checkFacts([{ name: "甲", classes: ["A", "B"], facts: {} }]).map((e) => e.code)).toEqual(["KP4008"]);
  });
});

describe("KNOWN_BUGS.notApplicableChildrenZero: children of an indicator that does not apply", () => {
  it("are reported with their full points, like their parent", async () => {
    const mod = await load(`细则 「t」 类别 「A」、「B」
指标 「x」 { 适用 「A」 指标 「y」 2分 { 规则 「r」 「c」 扣 1 } 指标 「z」 3分 { 规则 「s」 「c」 扣 1 } }`);
    const [res] = mod.scoreAll([{ name: "甲", classes: ["B"], facts: { r: true } }]);
    expect(res!.total).toBe("5");
    expect([...flatScores(res!.indicators)]).toEqual([
      ["1", "5"],
      ["1.1", "2"],
      ["1.2", "3"],
    ]);
  });
});

describe("KNOWN_BUGS.zeroCapped: 不得分 takes the whole indicator, neither multiplied nor capped", () => {
  // As the compiler already does for 不得分 outcomes of 分段 and cut-offs (checked below, passing).
  const score = async (text: string, facts: Record<string, unknown>) => (await load(`细则 「t」\n${text}`)).scoreAll([{ name: "甲", facts }])[0]!.total;

  it("a 不得分 band is not capped by the rule's 上限", async () => {
    expect(await score(`指标 「x」 2分 { 规则 「r」 「c」 分段 { < 50% 不得分 } 上限 1 }`, { r: "10%" })).toBe("0");
  });

  it("a 不得分 rule with 上限 still empties the indicator", async () => {
    expect(await score(`指标 「x」 2分 { 规则 「r」 「c」 不得分 上限 1 }`, { r: true })).toBe("0");
  });

  it("a 不得分 rule with 减半 still empties the indicator", async () => {
    expect(await score(`指标 「x」 2分 { 规则 「r」 「c」 不得分 减半 当 「整改」 }`, { r: true, "r.整改": true })).toBe("0");
  });

  it("不得分 inside 合计 is not limited by the group's cap", async () => {
    expect(await score(`指标 「x」 2分 { 合计 上限 1 { 规则 「r」 「c」 不得分  规则 「s」 「c」 每次 扣 0.5 } }`, { r: true })).toBe("0");
  });
});

describe("found by scripts/fuzz.ts (fixed; regression tests)", () => {
  // Fixed in core (KP1105, nesting limit); kept as a regression test.
  it("deep nesting: 1,000 and 5,000 nested 指标 give a diagnostic, not a stack overflow", () => {
    for (const depth of [1000, 5000]) {
      const text = "细则 「深」\n" + "指标 「层」 1分 {\n".repeat(depth) + "规则 「r」 「c」 扣 0.1\n" + "}\n".repeat(depth);
      const p = parseKp(text, "deep.kp");
      expect(p.diagnostics.some((d) => d.severity === "error")).toBe(true);
    }
  });

  // Fixed in core; kept as a regression test.
  it("an astral character outside 「」 is one KP1003 over the whole character, not two over its halves", () => {
    const p = parseKp("细则 「t」 😀", "x.kp");
    expect(p.diagnostics.map((d) => [d.code, d.span.start.offset, d.span.end.offset])).toEqual([["KP1003", 7, 9]]);
  });

  it("an unclosed block comment ending in a line break ends on the next line (line/column agree with the offset)", () => {
    const p = parseKp("/*\n", "x.kp");
    expect(p.ast.comments[0]!.span.end).toEqual({ offset: 3, line: 2, column: 1 });
  });

  // Fixed in core; kept as a regression test.
  it("a cut-off without its amount keeps its Outcome span in order (start ≤ end)", () => {
    const p = parseKp("指标{规则基准每高扣低于扣", "x.kp");
    const spans: [number, number][] = [];
    walk(p.ast, (n) => spans.push([n.span.start.offset, n.span.end.offset]));
    expect(spans.filter(([s, e]) => s > e)).toEqual([]);
  });
});
