/**
 * The recogniser measured on the corpus (issue 13, "Measured"): per document and overall, clauses
 * read correctly, read wrongly (the dangerous class) and left as to-do, in three groups: in-sample
 * (never held out), held out until a session and tuned on since (`heldOut: true` with `tunedSince`),
 * and held out, never tuned on (`heldOut: true` alone: written by hand before the recogniser ran on
 * them, and not read while tuning it); then the whole corpus.  See corpus-measure.ts for how
 * equivalence is decided.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkCatalogue, parseKp } from "@kaoping/core";
import { recogniseClause } from "@kaoping/import";
import { figures, judge, loadBooks, pct, type CorpusBook, type Judged } from "./corpus-measure.js";
import { readingCatalogue } from "./reading-catalogue.js";

const DIR = fileURLToPath(new URL("../../../test/corpus/clauses", import.meta.url));
const books = loadBooks(DIR);
const judged = judge(books);
const bookOf = (j: Judged): CorpusBook => books.find((b) => b.id === j.book)!;
const inSample = judged.filter((j) => !bookOf(j).heldOut);
const tuned = judged.filter((j) => bookOf(j).heldOut && bookOf(j).tunedSince !== undefined);
const neverTuned = judged.filter((j) => bookOf(j).heldOut && bookOf(j).tunedSince === undefined);

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
  it("prints per document and overall figures (in-sample, tuned on since, never tuned on, whole corpus)", () => {
    console.log(table("IN-SAMPLE (never held out; the recogniser was tuned on these)", inSample));
    if (tuned.length > 0) console.log(table("HELD OUT UNTIL A SESSION, TUNED ON SINCE (tunedSince)", tuned));
    if (neverTuned.length > 0) console.log(table("HELD OUT, NEVER TUNED ON (written by hand before the recogniser ran on them)", neverTuned));
    const f = figures(judged);
    console.log(`WHOLE CORPUS: ${f.clauses} clauses, correct ${f.correct} (${pct(f.correct, f.clauses)}), wrong ${f.wrong} (${pct(f.wrong, f.clauses)}), to-do ${f.todo} (${pct(f.todo, f.clauses)})`);
    // the clauses one by one, for tuning: never those of books held out and never tuned on — unless
    // RECOG_SHOW_HELDOUT=1 asks for them too, to report a fresh set's measurement AFTER it was taken
    // (whoever reads them is no longer blind to that set: mark its books tunedSince when tuning on them)
    if (process.env.RECOG_SHOW) {
      const showHeldOut = process.env.RECOG_SHOW_HELDOUT === "1";
      for (const j of judged) {
        if (j.verdict !== process.env.RECOG_SHOW || (!showHeldOut && neverTuned.includes(j))) continue;
        console.log(j.clause.id, "|", j.clause.text, "| want:", JSON.stringify(j.clause.kp), "| got:", JSON.stringify(j.got));
      }
    }
    expect(judged.length).toBeGreaterThanOrEqual(310);
  });

  it("writes only valid .kp: every reading of every corpus clause parses and checks in its place", () => {
    const bad: string[] = [];
    let checked = 0;
    for (const b of books) {
      for (const c of b.clauses) {
        const r = recogniseClause(c.text, { indicator: c.indicator, points: c.points === null ? null : String(c.points), section: c.section ?? null });
        if (r.kind !== "rules") continue;
        const text = readingCatalogue(r.bodies, c);
        const parsed = parseKp(text, "r.kp");
        checked++;
        const errors = [...parsed.diagnostics, ...checkCatalogue([parsed.ast]).diagnostics].filter((d) => d.severity === "error");
        if (errors.length > 0) bad.push(`${c.id}: ${r.bodies.join(" / ")} → ${errors.map((d) => `${d.code} ${d.message}`).join("; ")}`);
      }
    }
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThan(300);
  });

  it("meets the targets in-sample: correct ≥ 88 % (the figure since session 22; the issue's target is 85 %), wrong ≤ 1 %", () => {
    const f = figures(inSample);
    const wrong = inSample.filter((j) => j.verdict === "wrong").map((j) => `${j.clause.id}: ${JSON.stringify(j.got)} ≠ ${JSON.stringify(j.clause.kp)}`);
    expect(f.wrong / f.clauses, wrong.join("\n")).toBeLessThanOrEqual(0.01);
    expect(f.correct / f.clauses).toBeGreaterThanOrEqual(0.88);
  });

  it("meets the targets on every book it was tuned on (in-sample and tuned on since): correct ≥ 85 %, wrong ≤ 1 %", () => {
    const all = [...inSample, ...tuned];
    const f = figures(all);
    const wrong = all.filter((j) => j.verdict === "wrong").map((j) => `${j.clause.id}: ${JSON.stringify(j.got)} ≠ ${JSON.stringify(j.clause.kp)}`);
    expect(f.wrong / f.clauses, wrong.join("\n")).toBeLessThanOrEqual(0.01);
    expect(f.correct / f.clauses).toBeGreaterThanOrEqual(0.85);
  });

  // the issue's "Measured" targets on the whole corpus, the books never tuned on included (their clauses are never
  // printed: only the figure); session 29: 3,197 / 12 / 480 of 3,689 (86.7 % / 0.3 %), the twenty-second set alone
  // 133 / 4 / 34 of 171 (77.8 % / 2.3 %) — printed above, not asserted: a book never seen reads less well
  it("meets the issue's targets on the whole corpus, books never tuned on included: correct ≥ 85 %, wrong ≤ 1 %", () => {
    const f = figures(judged);
    expect(f.wrong / f.clauses).toBeLessThanOrEqual(0.01);
    expect(f.correct / f.clauses).toBeGreaterThanOrEqual(0.85);
  });
});
