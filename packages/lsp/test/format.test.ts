import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatKp } from "prettier-plugin-kp";
import fc from "fast-check";
import { formatEdits, minimalEdit, type Formatter } from "../src/service/format.js";
import { applyEdits, rulesDir, workspace } from "./helpers.js";

const format: Formatter = (text, options) => formatKp(text, options);
const original = readFileSync(path.join(rulesDir, "01-×令畅通.kp"), "utf8");

describe("formatting through prettier-plugin-kp", () => {
  it("a messy copy of a rules/ file formats to what formatKp gives, with one minimal edit", async () => {
    const messy = original
      .replace("    规则 「学习部署」", "规则      「学习部署」")
      .replace("每次 扣 0.5\n    规则 「落实议定事项」", "每次扣０.５\n规则「落实议定事项」");
    expect(messy).not.toBe(original);
    const w = workspace({ "01.kp": messy });
    const edits = await formatEdits(w.ctx("01.kp").file, format);
    expect(edits).toHaveLength(1);
    const expected = await formatKp(messy, { filepath: w.path("01.kp") });
    expect(applyEdits(messy, edits)).toBe(expected);
    // The edit starts where the first difference is, not at the top of the file.
    expect(edits[0]!.start).toBeGreaterThan(0);
    // Formatting the result again changes nothing.
    const w2 = workspace({ "01.kp": expected });
    expect(await formatEdits(w2.ctx("01.kp").file, format)).toEqual([]);
  });

  it("range formatting leaves the text outside the touched items alone", async () => {
    const messy = original
      .replace("    规则 「学习部署」", "规则      「学习部署」")
      .replace("    规则 「公文报送」", "规则    「公文报送」");
    const w = workspace({ "01.kp": messy });
    const start = messy.indexOf("规则      「学习部署」");
    const edits = await formatEdits(w.ctx("01.kp").file, format, { range: { start, end: start + 5 } });
    const out = applyEdits(messy, edits);
    expect(out).toContain("规则    「公文报送」"); // outside the range: untouched
    expect(out).not.toContain("规则      「学习部署」");
  });

  it("a file with syntax errors is never rewritten", async () => {
    const w = workspace({ "a.kp": "指标 「甲」 4分 {\n   规则 「乙」 「丙」 每次 扣\n" });
    let called = false;
    expect(await formatEdits(w.ctx("a.kp").file, async (t) => ((called = true), t + "x"))).toEqual([]);
    expect(called).toBe(false);
  });

  it("a formatter that refuses with KpSyntaxError gives no edits; other errors propagate", async () => {
    const w = workspace({ "a.kp": "指标 「甲」 4分 {\n}\n" });
    const refuse: Formatter = async () => {
      throw Object.assign(new Error("syntax"), { diagnostics: [] });
    };
    expect(await formatEdits(w.ctx("a.kp").file, refuse)).toEqual([]);
    await expect(formatEdits(w.ctx("a.kp").file, async () => Promise.reject(new Error("bug")))).rejects.toThrow("bug");
  });
});

describe("minimalEdit", () => {
  it("replaces only the differing middle", () => {
    expect(minimalEdit("abcdef", "abXYef")).toEqual({ start: 2, end: 4, newText: "XY" });
    expect(minimalEdit("abc", "abc")).toBeUndefined();
    expect(minimalEdit("", "x")).toEqual({ start: 0, end: 0, newText: "x" });
    expect(minimalEdit("aaa", "aa")).toEqual({ start: 2, end: 3, newText: "" });
  });
  it("never splits a surrogate pair", () => {
    const e = minimalEdit("a😀b", "a😁b")!;
    expect(e).toEqual({ start: 1, end: 3, newText: "😁" });
  });
  it("finds the same head and tail as a scan character by character (random edits of random texts)", () => {
    const scan = (a: string, b: string) => {
      let s = 0;
      while (s < Math.min(a.length, b.length) && a[s] === b[s]) s++;
      let ea = a.length;
      let eb = b.length;
      while (ea > s && eb > s && a[ea - 1] === b[eb - 1]) {
        ea--;
        eb--;
      }
      if (s > 0 && /[\udc00-\udfff]/.test(a[s] ?? "")) s--;
      if (ea < a.length && /[\udc00-\udfff]/.test(a[ea] ?? "")) {
        ea++;
        eb++;
      }
      return { start: s, end: ea, newText: b.slice(s, eb) };
    };
    const piece = fc.stringMatching(/^[ab扣😀\n]{0,12}$/);
    fc.assert(
      fc.property(piece, piece, piece, piece, (head, mid, mid2, tail) => {
        const a = head + mid + tail;
        const b = head + mid2 + tail;
        expect(minimalEdit(a, b)).toEqual(a === b ? undefined : scan(a, b));
      }),
      { numRuns: 3000 },
    );
  });
});
