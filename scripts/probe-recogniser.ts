/**
 * The recogniser under meaning-changing perturbations (packages/import/test/perturbations.ts), in detail.
 *
 *   npx tsx scripts/probe-recogniser.ts                 the figures per kind and every silent reading
 *   npx tsx scripts/probe-recogniser.ts --kind amount   only one kind
 *   npx tsx scripts/probe-recogniser.ts --show changed  the readings of another outcome (changed, refused, silent, all)
 *   npx tsx scripts/probe-recogniser.ts --sample 20     at most 20 a kind, spread evenly (for checking by hand)
 *   npx tsx scripts/probe-recogniser.ts --unguarded     the patterns' readings before the guards and the accounting check
 *                                                       (`readUnguarded`): what the measure finds when nothing stops them
 *
 * Blind books (held out and never tuned on) are never read.  It reads the recogniser's source, not its build.
 */
import { fileURLToPath } from "node:url";
import { recogniseClause, type ClauseContext } from "../packages/import/src/index.js";
import { readUnguarded } from "../packages/import/src/recognise/recognise.js";
import { judge, loadBooks } from "../packages/import/test/corpus-measure.js";
import { blind, describeProbe, figuresTable, KINDS, probe, type Kind, type Outcome } from "../packages/import/test/perturbations.js";

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const kinds = (arg("--kind") ? [arg("--kind")] : KINDS) as Kind[];
const show = (arg("--show") ?? "silent") as Outcome | "all";
const sample = arg("--sample") === undefined ? Infinity : Number(arg("--sample"));

const read = process.argv.includes("--unguarded") ? (t: string, ctx: ClauseContext) => readUnguarded(t, ctx) : recogniseClause;
const books = loadBooks(fileURLToPath(new URL("../test/corpus/clauses", import.meta.url))).filter((b) => !blind(b));
const correct = new Set(judge(books, read).filter((j) => j.verdict === "correct").map((j) => j.clause));
const probes = probe(books, read, (_b, c) => correct.has(c));
console.log(`${correct.size} clauses read correctly (blind books left out)`);
console.log(figuresTable(probes));
for (const k of kinds) {
  const ps = probes.filter((p) => p.kind === k && (show === "all" || p.outcome === show));
  const step = Math.max(1, Math.ceil(ps.length / sample));
  console.log(`\n## ${k}: ${show} ${ps.length}${step > 1 ? ` (every ${step}th)` : ""}`);
  for (let i = 0; i < ps.length; i += step) console.log(describeProbe(ps[i]!));
}
