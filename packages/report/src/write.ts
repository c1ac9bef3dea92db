/**
 * All-or-nothing output of a report folder: everything is built in a temporary folder beside the
 * target and renamed into place; a non-empty target is refused unless `force` (then the old folder
 * is replaced by the new one in two renames), and never when it holds one of the inputs.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, rmdirSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { writeReason } from "@kaoping/core";
import { ReportError } from "./messages.js";

export interface FolderOptions {
  force?: boolean;
  /** Files this run read: the target must not hold any of them. */
  inputs?: readonly string[];
  /** The target as the user wrote it, for messages. */
  shown?: string;
  /** How a path is shown in messages (relative to the working folder, say). */
  showPath?: (path: string) => string;
}

function inside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  return typeof code === "string" && /^E[A-Z]+$/.test(code) ? writeReason(code) : String((e as Error)?.message ?? e);
}

/** Refuses a target that cannot take the report (KP6001, KP6002, KP6004); call before building. */
export function checkTarget(target: string, options: FolderOptions = {}): void {
  const shown = options.shown ?? target;
  for (const input of options.inputs ?? []) if (inside(resolve(target), resolve(input))) throw new ReportError("KP6004", [shown, options.showPath?.(input) ?? input]);
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory()) throw new ReportError("KP6002", [shown]);
  if (readdirSync(target).length > 0 && !options.force) throw new ReportError("KP6001", [shown]);
}

/** Builds the folder with `build(tmp)` and puts it at `target`; nothing is left behind on failure. */
export async function writeFolderAtomic(target: string, build: (dir: string) => Promise<void>, options: FolderOptions = {}): Promise<void> {
  const shown = options.shown ?? target;
  checkTarget(target, options);
  const parent = dirname(resolve(target));
  let tmp: string;
  try {
    mkdirSync(parent, { recursive: true });
    tmp = mkdtempSync(join(parent, `.${basename(target)}.kp-report-`));
    chmodSync(tmp, 0o755); // mkdtemp makes it private; the report is an ordinary folder
  } catch (e) {
    throw new ReportError("KP6005", [shown, reason(e)]);
  }
  try {
    await build(tmp);
    checkTarget(target, options);
    if (existsSync(target)) {
      if (readdirSync(target).length === 0) rmdirSync(target);
      else {
        const old = `${tmp}-old`;
        renameSync(target, old);
        renameSync(tmp, target);
        rmSync(old, { recursive: true, force: true });
        return;
      }
    }
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (e instanceof ReportError) throw e;
    if ((e as NodeJS.ErrnoException)?.code !== undefined) throw new ReportError("KP6005", [shown, reason(e)]);
    throw e;
  }
}
