/**
 * The recogniser measured on the corpus (issue 13, "Measured"): per document and overall, clauses
 * read correctly, read wrongly (the dangerous class) and left as to-do, on the corpus the recogniser
 * was tuned on (in-sample) and on the held-out rulebooks (`heldOut: true`, written by hand before the
 * recogniser was run on them).  See corpus-measure.ts for how equivalence is decided.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { figures, judge, loadBooks, pct, type Judged } from "./corpus-measure.js";

const DIR = fileURLToPath(new URL("../../../test/corpus/clauses", import.meta.url));
const books = loadBooks(DIR);
const judged = judge(books);
const inSample = judged.filter((j) => !books.find((b) => b.id === j.book)!.heldOut);
const heldOut = judged.filter((j) => books.find((b) => b.id === j.book)!.heldOut);

function table(title: string, js: readonly Judged[]): string {
  const lines = [`${title}`, "document                                   clauses correct wrong  to-do"];
  for (const b of books) {
    const f = figures(js.filter((j) => j.book === b.id));
    if (f.clauses === 0) continue;
    lines.push(`${b.id.padEnd(42)} ${String(f.clauses).padStart(7)} ${String(f.correct).padStart(7)} ${String(f.wrong).padStart(5)} ${String(f.todo).padStart(6)}`);
  }
  const f = figures(js);
  lines.push(`${"overall".padEnd(42)} ${String(f.clauses).padStart(7)} ${String(f.correct).padStart(7)} ${String(f.wrong).padStart(5)} ${String(f.todo).padStart(6)}`);
  lines.push(`correct ${pct(f.correct, f.clauses)}, wrong ${pct(f.wrong, f.clauses)}, to-do ${pct(f.todo, f.clauses)}`);
  return lines.join("\n");
}

describe("the recogniser on the corpus", () => {
  it("prints per document and overall figures (in-sample and held-out)", () => {
    console.log(table("IN-SAMPLE (the recogniser was tuned on these)", inSample));
    if (heldOut.length > 0) console.log(table("HELD-OUT (written by hand before the recogniser ran on them)", heldOut));
    if (process.env.RECOG_SHOW) {
      for (const j of judged) if (j.verdict === process.env.RECOG_SHOW) console.log(j.clause.id, "|", j.clause.text, "| want:", JSON.stringify(j.clause.kp), "| got:", JSON.stringify(j.got));
    }
    expect(judged.length).toBeGreaterThanOrEqual(310);
  });

  it("meets the targets in-sample: correct ≥ 85 %, wrong ≤ 1 %", () => {
    const f = figures(inSample);
    const wrong = inSample.filter((j) => j.verdict === "wrong").map((j) => `${j.clause.id}: ${JSON.stringify(j.got)} ≠ ${JSON.stringify(j.clause.kp)}`);
    expect(f.wrong / f.clauses, wrong.join("\n")).toBeLessThanOrEqual(0.01);
    expect(f.correct / f.clauses).toBeGreaterThanOrEqual(0.85);
  });
});
