/**
 * The formatter's guarantees, checked on every .kp file of the repository (rules/, examples/,
 * test/ and packages/<pkg>/test, including other packages' fixtures):
 *
 * - a file with syntax errors is refused with the errors, never rewritten;
 * - otherwise formatting is idempotent (formatting the output changes nothing);
 * - it keeps the AST (positions aside) and every comment, in order.
 */
import { describe, expect, it } from "vitest";
import { parseKp } from "@kaoping/core";
import { formatKp, KpSyntaxError } from "prettier-plugin-kp";
import { join } from "node:path";
import { fixtureFiles, format, read, repoRoot, shape } from "./helpers.js";

const files = fixtureFiles();

describe("every .kp fixture of the repository", () => {
  it("finds the fixtures of rules/, test/ and the packages", () => {
    expect(files.some((f) => f.startsWith("rules/"))).toBe(true);
    expect(files.some((f) => f.startsWith("packages/prettier-plugin-kp/test/"))).toBe(true);
    expect(files.some((f) => f.startsWith("packages/core/test/"))).toBe(true);
  });

  for (const file of files) {
    it(file, async () => {
      const text = read(join(repoRoot, file));
      const parsed = parseKp(text, file);
      const errors = parsed.diagnostics.filter((d) => d.severity === "error");
      if (errors.length > 0) {
        // Refused, with every error as `line:col code message`.
        const error = await formatKp(text, { filepath: file }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(KpSyntaxError);
        const diagnostics = (error as KpSyntaxError).diagnostics;
        expect(diagnostics.map((d) => [d.code, d.span.start.offset])).toEqual(errors.map((d) => [d.code, d.span.start.offset]));
        for (const d of errors) expect((error as Error).message).toContain(`${d.span.start.line}:${d.span.start.column} ${d.code} ${d.message}`);
        await expect(format(text)).rejects.toThrow(errors[0]!.code);
        return;
      }
      const once = await formatKp(text, { filepath: file });
      expect(await formatKp(once, { filepath: file })).toBe(once);
      const before = shape(text);
      const after = shape(once);
      expect(after.comments).toEqual(before.comments);
      expect(after.ast).toEqual(before.ast);
    });
  }
});
