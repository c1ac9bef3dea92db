/**
 * Golden cases: each folder of test/cases and test/comments holds `_input.kp` and the expected
 * `_output.kp` (and optionally `options.json` with Prettier options).  Every case is formatted
 * through Prettier's API, then formatted again to check that the result is stable, and its AST and
 * comments are compared with the input's.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectGolden, format, packageRoot, read, shape } from "./helpers.js";

for (const set of ["cases", "comments"]) {
  describe(set, () => {
    const root = join(packageRoot, "test", set);
    for (const name of readdirSync(root).sort()) {
      const dir = join(root, name);
      it(name, async () => {
        const input = read(join(dir, "_input.kp"));
        const options = existsSync(join(dir, "options.json")) ? JSON.parse(read(join(dir, "options.json"))) : {};
        const output = await format(input, options);
        expectGolden(join(dir, "_output.kp"), output);
        // Second pass: formatting the output changes nothing.
        expect(await format(output, options)).toBe(output);
        // Same AST (positions aside), same comments in the same order.
        expect(shape(output)).toEqual(shape(input));
      });
    }
  });
}
