// JSON facts with a byte-order mark (what Windows Notepad and some exporters write): read as if the
// BOM were not there — same scores, same positions in errors.  Runs the built CLI (helpers.ts).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixtures, kp, tempDir } from "./helpers.js";

const BOM = "\uFEFF";
const crlf = (s: string) => s.replace(/\r?\n/g, "\r\n");

describe("JSON facts with a BOM", () => {
  const dir = tempDir();
  const ok = readFileSync(join(fixtures, "facts", "ok.json"), "utf8");
  const syntax = readFileSync(join(fixtures, "facts", "syntax.json"), "utf8");
  expect(ok.startsWith(BOM) || syntax.startsWith(BOM)).toBe(false);
  writeFileSync(join(dir, "bom.json"), BOM + ok);
  writeFileSync(join(dir, "bom-crlf.json"), BOM + crlf(ok));
  writeFileSync(join(dir, "bom-syntax.json"), BOM + syntax);

  it("score exactly as without it (also with CRLF line ends), for kp score and kp explain", () => {
    const plain = kp(["score", "catalogue", "facts/ok.json", "--format", "csv"]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain("1,甲县,17.35,7.65,9.2,0.5,0,良好,");
    for (const f of ["bom.json", "bom-crlf.json"]) {
      const r = kp(["score", "catalogue", join(dir, f), "--format", "csv"]);
      expect({ code: r.code, stderr: r.stderr, stdout: r.stdout }, f).toEqual({ code: 0, stderr: "", stdout: plain.stdout });
    }
    const explainPlain = kp(["explain", "catalogue", "facts/ok.json", "--unit", "甲县"]);
    const explainBom = kp(["explain", "catalogue", join(dir, "bom.json"), "--unit", "甲县"]);
    expect(explainPlain.code).toBe(0);
    expect(explainBom).toEqual(explainPlain);
  });

  it("report a syntax error at the same line and column (the BOM is not a column)", () => {
    const plain = kp(["score", "catalogue", "facts/syntax.json"]);
    const bom = kp(["score", "catalogue", join(dir, "bom-syntax.json")]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain("facts/syntax.json:3:54 错误 KP4013");
    expect(bom.code).toBe(1);
    expect(bom.stderr).toContain("bom-syntax.json:3:54 错误 KP4013");
    expect(bom.stderr.match(/KP4013/g)).toHaveLength(1);
  });
});
