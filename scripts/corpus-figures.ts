/**
 * The corpus figures of issue 11 (real clauses, faithful encodings, mis-encodings).
 *
 *   npx tsx scripts/corpus-figures.ts           print the figures and write test/corpus/figures.json
 *   npx tsx scripts/corpus-figures.ts --write   also regenerate test/corpus/kp/*.kp and
 *                                               test/corpus/misencodings.json from test/corpus/clauses/
 *
 * The figures: the share of clauses written exactly (encoded), clause-mismatch (KP3030) false
 * positives on the faithful encodings, and false negatives on the mis-encodings (a mis-encoding is
 * caught when check or lint reports an error the faithful catalogue does not have).  See
 * test/corpus/README.md.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  computeFigures,
  FIGURES_FILE,
  formatFigures,
  generateMisEncodings,
  KP_DIR,
  loadMisEncodings,
  loadRulebooks,
  MIS_FILE,
  renderCatalogue,
} from "../test/corpus/corpus-lib.js";

const books = loadRulebooks();
if (process.argv.includes("--write")) {
  mkdirSync(KP_DIR, { recursive: true });
  for (const f of readdirSync(KP_DIR)) if (f.endsWith(".kp")) rmSync(join(KP_DIR, f));
  for (const b of books) writeFileSync(join(KP_DIR, `${b.id}.kp`), renderCatalogue(b));
  writeFileSync(MIS_FILE, JSON.stringify(generateMisEncodings(books), null, 1) + "\n");
}
const figures = computeFigures(books, loadMisEncodings());
writeFileSync(FIGURES_FILE, JSON.stringify(figures, null, 2) + "\n");
process.stdout.write(formatFigures(figures));
