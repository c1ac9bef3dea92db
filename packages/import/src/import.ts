// The pipeline: read → structure → recognise → write.  User errors come back as values (a located
// KP50xx problem), never as exceptions; the catalogue is produced whole or not at all.
import { ImportError, type ImportProblem } from "./diagnostics.js";
import type { ReadDocument } from "./model.js";
import { readDocument } from "./read/index.js";
import { recogniseClause, splitClauses } from "./recognise/index.js";
import { recoverStructure, type Structure } from "./structure/index.js";
import { writeCatalogue, type RecogniserFns } from "./write/kp.js";
import { countIndicators, reportMarkdown, type ImportReport } from "./write/report.js";

export const REPORT_FILE = "导入报告.md";

export interface ImportOptions {
  /** The formatter (prettier-plugin-kp's formatKp): applied to every file; a file it refuses is kept as written. */
  readonly format?: (text: string, file: string) => Promise<string>;
  /** Another recogniser (tests); the package's own by default. */
  readonly recogniser?: RecogniserFns;
}

export type ImportResult =
  | { readonly ok: true; readonly files: Map<string, string>; readonly report: ImportReport; readonly structure: Structure; readonly document: ReadDocument }
  | { readonly ok: false; readonly problem: ImportProblem };

export async function importDocument(file: string, bytes: Uint8Array, opts: ImportOptions = {}): Promise<ImportResult> {
  try {
    const document = await readDocument(file, bytes);
    const structure = recoverStructure(document);
    const written = writeCatalogue(structure, file, opts.recogniser ?? { splitClauses, recogniseClause });
    const files = new Map<string, string>();
    for (const [name, text] of written.files) {
      let out = text;
      if (opts.format) {
        try {
          out = await opts.format(text, name);
        } catch {
          // The formatter refuses what it cannot parse (a marker the core does not know yet): keep our layout.
        }
      }
      files.set(name, out);
    }
    const recognised = written.clauses.filter((c) => c.recognition.kind === "rules").length;
    const report: ImportReport = {
      summary: {
        source: file,
        format: document.format,
        indicators: countIndicators(structure),
        clauses: written.clauses.length,
        recognised,
        todo: written.clauses.length - recognised,
        files: [...files.keys()],
      },
      clauses: written.clauses,
      problems: [...structure.problems, ...written.problems],
    };
    files.set(REPORT_FILE, reportMarkdown(report));
    return { ok: true, files, report, structure, document };
  } catch (e) {
    if (e instanceof ImportError) return { ok: false, problem: e.problem };
    throw e;
  }
}
