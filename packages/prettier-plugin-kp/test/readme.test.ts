/**
 * The before/after examples of the README (a `格式化前：` block followed by a `格式化后：` block)
 * are what the formatter really does.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatKp } from "prettier-plugin-kp";
import { packageRoot, read } from "./helpers.js";

const readme = read(join(packageRoot, "README.md"));
const pairs = [...readme.matchAll(/格式化前：\s*```kp\n([\s\S]*?)```\s*格式化后：\s*```kp\n([\s\S]*?)```/g)].map((m) => [m[1]!, m[2]!] as const);

describe("README examples", () => {
  it("has before/after examples", () => expect(pairs.length).toBeGreaterThanOrEqual(2));
  pairs.forEach(([before, after], i) => {
    it(`example ${i + 1}`, async () => {
      expect(await formatKp(before)).toBe(after);
    });
  });
});
