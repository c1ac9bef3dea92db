/**
 * LineIndex.afterEdit (the editor's index of a large file after one edit, scanning only the edited
 * lines) equals the index made from the whole new text, for random edits with every kind of line
 * break — a \r\n split or joined at either end of the edit included.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineIndex } from "../src/text/position.js";

describe("LineIndex.afterEdit", () => {
  it("equals a fresh index after random edits", () => {
    const piece = fc.array(fc.constantFrom("a", "指", "\n", "\r", "\r\n", " "), { maxLength: 6 }).map((a) => a.join(""));
    fc.assert(
      fc.property(piece, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 4 }), piece), { minLength: 1, maxLength: 8 }), (start, edits) => {
        let text = start;
        let index = new LineIndex(text);
        for (const [at, del, ins] of edits) {
          const s = at % (text.length + 1);
          const e = Math.min(text.length, s + del);
          text = text.slice(0, s) + ins + text.slice(e);
          index = LineIndex.afterEdit(index, text, s, e, ins.length);
          expect(index.lineStarts).toEqual(new LineIndex(text).lineStarts);
        }
      }),
      { numRuns: 3000, seed: 20261205 },
    );
  });
});
