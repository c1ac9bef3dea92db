/**
 * Comments in every position: a comment is inserted in each gap between two tokens of a file that
 * uses every construct, in several forms (line comment at the end of a line or on its own line,
 * inline block comment, multi-line block comment).  Each time the formatter must keep every
 * comment, in order, keep the AST, and be idempotent.
 */
import { describe, expect, it } from "vitest";
import { lex } from "@kaoping/core";
import { formatKp } from "prettier-plugin-kp";
import { join } from "node:path";
import { hasSyntaxErrors, packageRoot, read, shape } from "./helpers.js";

const text = read(join(packageRoot, "test", "fixtures", "all-constructs.kp"));
const { tokens } = lex(text);
const gaps = [...new Set([0, ...tokens.flatMap((t) => [t.startOffset, t.startOffset + t.image.length])])].sort((a, b) => a - b);

const forms: Record<string, (n: number) => string> = {
  "line comment at the end of a line": (n) => ` // 注${n}\n`,
  "line comment on its own line": (n) => `\n// 注${n}\n`,
  "inline block comment": (n) => ` /* 注${n} */ `,
  "multi-line block comment": (n) => `\n/* 注${n}\n   第二行 */ `,
};

describe("a comment between any two tokens", () => {
  it("covers many gaps", () => expect(gaps.length).toBeGreaterThan(150));

  for (const [form, comment] of Object.entries(forms)) {
    it(form, async () => {
      const problems: string[] = [];
      for (const gap of gaps) {
        const input = text.slice(0, gap) + comment(gap) + text.slice(gap);
        if (hasSyntaxErrors(input)) continue;
        const once = await formatKp(input);
        const twice = await formatKp(once);
        const before = shape(input);
        const after = shape(once);
        if (JSON.stringify(after.comments) !== JSON.stringify(before.comments)) problems.push(`@${gap}: comments changed\n${once}`);
        else if (JSON.stringify(after.ast) !== JSON.stringify(before.ast)) problems.push(`@${gap}: AST changed\n${once}`);
        else if (twice !== once) problems.push(`@${gap}: second pass differs\n${once}\n---\n${twice}`);
      }
      expect(problems).toEqual([]);
    }, 120_000);
  }
});
