// All-or-nothing output: the catalogue is written into a fresh temporary directory next to the
// target, then renamed into place.  A non-empty target is refused unless forced; a target holding
// the input document is always refused; a forced replacement moves the old directory aside first and
// removes it only once the new one is in place.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, isAbsolute } from "node:path";
import { fail } from "../diagnostics.js";

export function writeDirectory(target: string, files: ReadonlyMap<string, string>, opts: { force?: boolean; input?: string } = {}): void {
  const dir = resolve(target);
  const shown = target;
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) fail("KP5043", [shown]);
    if (opts.input) {
      const rel = relative(dir, resolve(opts.input));
      if (!rel.startsWith("..") && !isAbsolute(rel)) fail("KP5041", [shown]);
    }
    if (readdirSync(dir).length > 0 && !opts.force) fail("KP5040", [shown]);
  }
  const parent = dirname(dir);
  let temp: string | undefined;
  try {
    mkdirSync(parent, { recursive: true });
    temp = mkdtempSync(join(parent, `.${basename(dir)}.kp-import-`));
    for (const [name, text] of files) writeFileSync(join(temp, name), text);
    if (existsSync(dir)) {
      const aside = mkdtempSync(join(parent, `.${basename(dir)}.kp-old-`));
      renameSync(dir, join(aside, "old"));
      try {
        renameSync(temp, dir);
      } catch (e) {
        renameSync(join(aside, "old"), dir);
        rmSync(aside, { recursive: true, force: true });
        throw e;
      }
      rmSync(aside, { recursive: true, force: true });
    } else {
      renameSync(temp, dir);
    }
    temp = undefined;
  } catch (e) {
    if (temp) rmSync(temp, { recursive: true, force: true });
    const err = e as NodeJS.ErrnoException;
    if (err.name === "ImportError") throw e;
    fail("KP5042", [shown, err.code ?? err.message]);
  }
}
