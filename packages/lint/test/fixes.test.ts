import { describe, expect, it } from "vitest";
import { applyFixes, fixEditsFor } from "@kaoping/lint";
import type { Diagnostic } from "@kaoping/core";

describe("applyFixes", () => {
  it("applies non-overlapping edits right to left, whatever their order", () => {
    const text = "每次 扣 0.3 上限 9";
    expect(
      applyFixes(text, [
        { start: 12, end: 13, newText: "4" },
        { start: 5, end: 8, newText: "0.5" },
        { start: 0, end: 0, newText: "// x\n" },
      ]),
    ).toBe("// x\n每次 扣 0.5 上限 4");
  });

  it("leaves out an edit that overlaps one already taken, and a second insertion at the same place", () => {
    expect(applyFixes("abcdef", [{ start: 1, end: 4, newText: "X" }, { start: 2, end: 5, newText: "Y" }])).toBe("aXef");
    expect(applyFixes("ab", [{ start: 1, end: 1, newText: " 上限 1" }, { start: 1, end: 1, newText: " 上限 2" }])).toBe("a 上限 1b");
    // An insertion just before a replacement at the same place is not a conflict.
    expect(applyFixes("abc", [{ start: 1, end: 2, newText: "B" }, { start: 1, end: 1, newText: "+" }])).toBe("a+Bc");
  });

  it("applies identical edits once", () => {
    const e = { start: 3, end: 3, newText: "!" };
    expect(applyFixes("abcdef", [e, { ...e }])).toBe("abc!def");
  });

  it("throws on offsets outside the text (a caller's bug)", () => {
    expect(() => applyFixes("ab", [{ start: 1, end: 5, newText: "" }])).toThrow(RangeError);
    expect(() => applyFixes("ab", [{ start: 2, end: 1, newText: "" }])).toThrow(RangeError);
  });
});

describe("fixEditsFor", () => {
  const span = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };
  const d = (file: string, edits: { file?: string; start: number }[]): Diagnostic => ({
    code: "KP3001",
    severity: "warning",
    message: "",
    file,
    span,
    fixes: [
      { title: "first", edits: edits.map((e) => ({ ...e, end: e.start, newText: "x" })) },
      { title: "second", edits: [{ start: 9, end: 9, newText: "y" }] },
    ],
  });

  it("takes the first fix of each diagnostic for the file, skipping fixes that touch other files", () => {
    const diags = [d("a.kp", [{ start: 1 }]), d("b.kp", [{ start: 2 }]), d("a.kp", [{ start: 3 }, { file: "b.kp", start: 4 }]), d("b.kp", [{ file: "a.kp", start: 5 }])];
    expect(fixEditsFor(diags, "a.kp").map((e) => e.start)).toEqual([1, 5]);
    expect(fixEditsFor([{ ...diags[0]!, fixes: [] }], "a.kp")).toEqual([]);
  });
});
