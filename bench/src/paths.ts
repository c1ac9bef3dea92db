/** Where things are in the repository. */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The seed catalogue and its root file. */
export const rulesDir = join(root, "rules");
export const rulesRoot = join(rulesDir, "细则.kp");
/** Built entry points of the CLI and the language server (figures 4–6 need `pnpm build`). */
export const cliEntry = join(root, "packages", "cli", "dist", "cli.js");
export const lspEntry = join(root, "packages", "lsp", "dist", "main.js");
/** Where results are written. */
export const resultsDir = join(root, "bench", "results");
