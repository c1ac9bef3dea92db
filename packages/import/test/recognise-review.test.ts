/**
 * The review verdict (recognise/review.ts, issue 13, session 28): a written reading the recogniser is not sure of is
 * flagged for review. Measured two ways:
 *
 * - on the corpus, per group (in-sample, tuned on since, never tuned on) and per fresh set: correct readings left
 *   unflagged and flagged (the cost), wrong readings flagged and — the figure that must stay ≤ 1 % — wrong readings
 *   NOT flagged, and to-dos. The never-tuned books' lines are printed only with REVIEW_SHOW_NEVER_TUNED=1 (the lead
 *   measures them; the signals were chosen without them);
 * - on the recorded wrong readings of the fresh sets (recorded-wrongs.ts's BLIND_WRONGS, each with its
 *   clause and context from the corpus): the verdict evaluated on (clause, context, recorded reading) — the guards
 *   catch them today; the question is whether the flag would have, independently. The signals were chosen on sets
 *   5–15 (106–312) and the tuned books' correct readings; sets 17–18 (340–377) are the honest sub-check.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { recogniseClause, type ClauseContext, type Recognition } from "@kaoping/import";
import { reviewFindings as findingsGiven, REVIEW_SIGNALS } from "../src/recognise/review.js";
import { recogniseByParts } from "../src/recognise/recognise.js";
import { contextOf, judge, loadBooks, pct, type CorpusBook, type CorpusClause, type Judged } from "./corpus-measure.js";
import { BLIND_WRONGS, RELEASED_29_LATE, RELEASED_29_WRONGS } from "./recorded-wrongs.js";

const DIR = fileURLToPath(new URL("../../../test/corpus/clauses", import.meta.url));
const books = loadBooks(DIR);
const neverTuned = (b: CorpusBook): boolean => b.heldOut === true && b.tunedSince === undefined;
const showNeverTuned = process.env.REVIEW_SHOW_NEVER_TUNED === "1";

/** The recognition of every corpus clause, kept by the reader judge() is given. */
const recognitions = new Map<string, Recognition>();
const judged = judge(books, (text: string, ctx: ClauseContext) => {
  const r = recogniseClause(text, ctx);
  recognitions.set(`${ctx.indicator}\u0000${ctx.section ?? ""}\u0000${text}`, r);
  return r;
});
const flagged = (j: Judged): boolean => {
  const r = recognitions.get(`${j.clause.indicator}\u0000${j.clause.section ?? ""}\u0000${j.clause.text}`);
  return r?.kind === "rules" && (r.review?.length ?? 0) > 0;
};

interface ReviewFigures {
  clauses: number;
  correctUnflagged: number;
  correctFlagged: number;
  wrongFlagged: number;
  wrongUnflagged: number;
  todo: number;
}
function reviewFigures(js: readonly Judged[]): ReviewFigures {
  const f: ReviewFigures = { clauses: js.length, correctUnflagged: 0, correctFlagged: 0, wrongFlagged: 0, wrongUnflagged: 0, todo: 0 };
  for (const j of js) {
    if (j.verdict === "todo") f.todo++;
    else if (j.verdict === "correct") flagged(j) ? f.correctFlagged++ : f.correctUnflagged++;
    else flagged(j) ? f.wrongFlagged++ : f.wrongUnflagged++;
  }
  return f;
}
function line(title: string, f: ReviewFigures): string {
  const read = f.correctFlagged + f.correctUnflagged;
  const unflagged = f.correctUnflagged + f.wrongUnflagged;
  return `${title.padEnd(34)} ${String(f.clauses).padStart(5)} | correct ${String(f.correctUnflagged).padStart(4)} + flagged ${String(f.correctFlagged).padStart(3)} (${pct(f.correctFlagged, read)} of correct) | wrong flagged ${String(f.wrongFlagged).padStart(2)}, UNFLAGGED ${String(f.wrongUnflagged).padStart(2)} (${pct(f.wrongUnflagged, unflagged)} of unflagged) | to-do ${f.todo}`;
}

/** The signals that fire on a reading given here (not the recogniser's own): the clause read by its parts for the readers' signal. */
const reviewFindings = (text: string, bodies: readonly string[], ctx: ClauseContext) => findingsGiven(text, bodies, ctx, () => recogniseByParts(text, ctx));

const numberOf = (b: CorpusBook): number => Number(/^\d+/.exec(b.id)?.[0] ?? /^\d+/.exec(b.title)?.[0] ?? NaN);
/** The fresh sets by their books' numbers (test/corpus/README.md's held-out sets). */
const SETS: readonly (readonly [number, number])[] = [
  [40, 105], [106, 117], [118, 139], [140, 159], [160, 179], [180, 199], [200, 219], [220, 239], [240, 259], [260, 279], [280, 299], [300, 319], [320, 339], [340, 359], [360, 379], [380, 399], [400, 419], [420, 439], [440, 459],
];

/** The clause and its context as recognise-corpus.test.ts gives them. */
function clauseOf(id: string): { book: CorpusBook; clause: CorpusClause; ctx: ClauseContext } {
  for (const book of books) {
    const clause = book.clauses.find((c) => c.id === id);
    if (clause === undefined) continue;
    if (neverTuned(book)) throw new Error(`${id} is in a book never tuned on`);
    return { book, clause, ctx: contextOf(book, clause) };
  }
  throw new Error(`no clause ${id} in the corpus`);
}

/** Sets 17–18 (books 340–377): released for tuning in session 27, kept out of choosing the signals. */
const LATE_SET = /^3[4-7]\d/;

describe("the review verdict", () => {
  const group = (pick: (b: CorpusBook) => boolean): Judged[] => judged.filter((j) => pick(books.find((b) => b.id === j.book)!));
  const inSample = group((b) => !b.heldOut);
  const tuned = group((b) => b.heldOut === true && b.tunedSince !== undefined);

  it("prints per group and per fresh set: correct unflagged / flagged, wrong flagged / UNFLAGGED, to-do", () => {
    const lines = ["REVIEW on the corpus (flagged: a reading with review reasons)"];
    lines.push(line("in-sample", reviewFigures(inSample)), line("tuned on since", reviewFigures(tuned)));
    if (showNeverTuned) lines.push(line("NEVER TUNED ON", reviewFigures(group(neverTuned))));
    for (const [lo, hi] of SETS) {
      const inSet = (b: CorpusBook): boolean => b.heldOut === true && numberOf(b) >= lo && numberOf(b) <= hi;
      const js = group(inSet);
      if (js.length === 0) continue;
      const blind = books.some((b) => inSet(b) && neverTuned(b));
      if (blind && !showNeverTuned) continue;
      lines.push(line(`  set ${lo}–${hi}${blind ? " (never tuned)" : ""}`, reviewFigures(js)));
    }
    console.log(lines.join("\n"));
    expect(inSample.length + tuned.length).toBeGreaterThan(2900);
  });

  it("flags few correct readings on the books tuned on (≤ 2.5 %; measured 2.0 %, 52 of 2,557 — 35 of them the readers differing only) and leaves no wrong one unflagged", () => {
    const f = reviewFigures([...inSample, ...tuned]);
    expect(f.correctFlagged / (f.correctFlagged + f.correctUnflagged)).toBeLessThanOrEqual(0.025);
    // the twenty-first set's wrong readings left when it was released at session 29's end (recorded-wrongs.ts
    // RELEASED_29_LATE: a count word's spelling, conventions, a count dropped) are the only ones unflagged — a list
    // that may only shrink as the next session reads them
    const unflagged = [...inSample, ...tuned].filter((j) => j.verdict === "wrong" && !flagged(j)).map((j) => j.clause.id);
    const late = new Set(RELEASED_29_LATE.map((w) => w.id));
    expect(unflagged.filter((id) => !late.has(id))).toEqual([]);
    expect(f.wrongUnflagged).toBeLessThanOrEqual(RELEASED_29_LATE.length);
  });

  it("flags the recorded wrong readings of the fresh sets given their clause and context (chosen on sets 5–15; sets 17–18 the sub-check)", () => {
    const rows = BLIND_WRONGS.map((w) => ({ ...w, ...clauseOf(w.id) }));
    expect(rows.length).toBeGreaterThanOrEqual(66);
    const bySignal = new Map<string, { early: number; late: number }>(REVIEW_SIGNALS.map((s) => [s.name, { early: 0, late: 0 }]));
    const result = { early: { all: 0, caught: 0, withoutReaders: 0 }, late: { all: 0, caught: 0, withoutReaders: 0 } };
    const missed: string[] = [];
    for (const r of rows) {
      const which = LATE_SET.test(r.set) ? "late" : "early";
      const findings = reviewFindings(r.clause.text, r.got, r.ctx);
      result[which].all++;
      if (findings.length > 0) result[which].caught++;
      else missed.push(`${r.id}(${r.cause})`);
      if (findings.some((x) => x.name !== "readers-differ")) result[which].withoutReaders++;
      for (const x of findings) bySignal.get(x.name)![which]++;
    }
    const lines = [
      `REVIEW on the recorded wrong readings: sets 5–15 (106–312) ${result.early.caught}/${result.early.all} flagged (${result.early.withoutReaders} without readers-differ); sets 17–18 (340–377) ${result.late.caught}/${result.late.all} (${result.late.withoutReaders} without readers-differ)`,
      `  by signal (sets 5–15 / 17–18): ${[...bySignal].map(([n, c]) => `${n} ${c.early}/${c.late}`).join(", ")}`,
      `  not flagged: ${missed.join(" ")}`,
    ];
    console.log(lines.join("\n"));
    expect(result.early.caught).toBeGreaterThanOrEqual(48);
    expect(result.late.caught).toBeGreaterThanOrEqual(4);
  });

  // session 29 (helper provenance): the wrong readings of the sets released in session 29 (recorded-wrongs.ts
  // RELEASED_29_WRONGS), each on its clause, context and recorded reading — a ratchet (raise it as signals catch more)
  it("flags the recorded wrong readings of the sets released in session 29 (at least 3: the counts against an unstated target)", () => {
    const rows = RELEASED_29_WRONGS.map((w) => ({ id: w.id, got: w.got, ...clauseOf(w.id) }));
    expect(rows.length).toBe(8);
    const flagged = rows.filter((r) => reviewFindings(r.clause.text, r.got, r.ctx).length > 0).map((r) => `${r.id}(${reviewFindings(r.clause.text, r.got, r.ctx).map((x) => x.name).join(",")})`);
    console.log(`REVIEW on the wrong readings of the sets released in session 29: ${flagged.length}/${rows.length} flagged: ${flagged.join(" ")}`);
    expect(flagged.length).toBeGreaterThanOrEqual(3);
  });

  it("prints what each signal costs: the correct readings of the books tuned on it flags", () => {
    const cost = new Map<string, string[]>(REVIEW_SIGNALS.map((s) => [s.name, []]));
    for (const j of [...inSample, ...tuned]) {
      if (j.verdict !== "correct") continue;
      const c = j.clause;
      for (const x of reviewFindings(c.text, j.got as readonly string[], contextOf(books.find((b) => b.id === j.book)!, c))) cost.get(x.name)!.push(c.id);
    }
    console.log(`REVIEW cost on correct readings (in-sample + tuned on since): ${[...cost].map(([n, ids]) => `${n} ${ids.length}`).join(", ")}`);
    if (process.env.REVIEW_SHOW === "1") for (const [n, ids] of cost) if (ids.length > 0) console.log(`  ${n}: ${ids.join(" ")}`);
    expect([...cost.values()].every((ids) => ids.length <= 40)).toBe(true);
  });

  it("each reason is Chinese", () => {
    for (const j of judged) {
      const r = recognitions.get(`${j.clause.indicator}\u0000${j.clause.section ?? ""}\u0000${j.clause.text}`);
      if (r?.kind === "rules") for (const why of r.review ?? []) expect(why).toMatch(/[\u4e00-\u9fa5]{4}/);
    }
  });
});
