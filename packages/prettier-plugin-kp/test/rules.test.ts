/**
 * The committed catalogue in rules/ is formatted, and a messy copy of each file (collapsed
 * whitespace, extra blank lines, full-width digits and brackets, keyword aliases, stray ；。)
 * formats back to exactly the committed text.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatKp } from "prettier-plugin-kp";
import { hasSyntaxErrors, read, repoRoot, shape } from "./helpers.js";
import { mangle } from "./mangle.js";

const rulesDir = join(repoRoot, "rules");
const files = readdirSync(rulesDir).filter((f) => f.endsWith(".kp")).sort();

describe("rules/", () => {
  it("holds .kp files", () => expect(files.length).toBeGreaterThan(0));

  for (const file of files) {
    const path = join(rulesDir, file);
    it(`${file} is formatted (kp fmt --check)`, async () => {
      const text = read(path);
      expect(await formatKp(text, { filepath: path })).toBe(text);
    });

    for (const seed of [1, 2, 3]) {
      it(`a messy copy of ${file} (seed ${seed}) formats back to the committed text`, async () => {
        const text = read(path);
        const messy = mangle(text, seed);
        // The copy is really messy, and still the same rulebook.
        expect(messy).not.toBe(text);
        expect(messy).toMatch(/[０-９｛｝［］（）；。]|封顶|发现一/);
        expect(hasSyntaxErrors(messy)).toBe(false);
        expect(shape(messy)).toEqual(shape(text));
        expect(await formatKp(messy, { filepath: path })).toBe(text);
      });
    }
  }
});
