/** Writing output files so that they are never half written (CLI outputs, editor commands). */
import { randomBytes } from "node:crypto";
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Writes files atomically: each text goes to a temporary file in its target's directory, and only
 * when all are written are they renamed over the targets (a rename within a directory is atomic).
 * If anything fails, the temporary files are removed and no target has changed.  Creates the
 * directories when `makeDir` is set.
 */
export function writeFilesAtomic(files: readonly { path: string; data: string | Uint8Array }[], makeDir = false): void {
  const temps: string[] = [];
  try {
    for (const f of files) {
      const dir = dirname(f.path);
      if (makeDir) mkdirSync(dir, { recursive: true });
      const tmp = join(dir, `.${basename(f.path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
      temps.push(tmp);
      writeFileSync(tmp, f.data);
    }
    // A rename cannot replace a directory: find that out before any target has changed.
    for (const f of files) {
      let isDir = false;
      try {
        isDir = statSync(f.path).isDirectory();
      } catch {
        // absent: fine
      }
      if (isDir) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, rename '${f.path}'`), { code: "EISDIR", path: f.path });
    }
    files.forEach((f, i) => renameSync(temps[i]!, f.path));
  } catch (e) {
    for (const t of temps) rmSync(t, { force: true });
    throw e;
  }
}

/** Writes one file atomically (see {@link writeFilesAtomic}). */
export function writeFileAtomic(path: string, data: string | Uint8Array, makeDir = false): void {
  writeFilesAtomic([{ path, data }], makeDir);
}
