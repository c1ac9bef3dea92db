/**
 * The CLI's contact with the outside: output streams with or without colour, paths shown relative to
 * the working directory, and atomic file writes (a file is either the old one or the complete new
 * one, never half written).
 */
import { isAbsolute, relative, resolve, sep } from "node:path";
import pc from "picocolors";
import { formatMessage, WriteFilesError, writeFilesAtomic, writeReason, type FileData } from "@kaoping/core";
import { visible } from "./report/terminal.js";
import { UsageError } from "./exit.js";

/** The colour functions the CLI uses (identity functions when colour is off). */
export type Colors = ReturnType<typeof pc.createColors>;

/** A text stream the CLI writes to. */
export interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Where a command reads its environment from and writes its output to. */
export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  /** Working directory: relative arguments resolve against it, shown paths are relative to it. */
  cwd: string;
  env: Record<string, string | undefined>;
  /** Folders besides each catalogue's own from which 引入 may read (`--include-root`), absolute. */
  includeRoots?: readonly string[];
}

/** The process's own streams, directory and environment. */
export function processIo(): Io {
  return { stdout: guardedStdout(), stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

/**
 * Colour for one stream: off when NO_COLOR is set (any value, even empty — https://no-color.org) or
 * `--no-color` was given; otherwise on when the stream is a terminal, or when FORCE_COLOR is set
 * (and not "0") — e.g. in CI logs that render colours.
 */
export function colorsFor(stream: OutStream, env: Io["env"], option: boolean | undefined): Colors {
  if (option === false || env.NO_COLOR !== undefined) return pc.createColors(false);
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return pc.createColors(forced || (stream.isTTY === true && env.TERM !== "dumb"));
}

/** An absolute path from a command-line argument. */
export function absolutePath(io: Io, p: string): string {
  return resolve(io.cwd, p);
}

/** A path as shown to the user: relative to the working directory, with `/` separators. */
export function displayPath(io: Io, p: string): string {
  if (!isAbsolute(p)) return p.split(sep).join("/");
  const r = relative(io.cwd, p);
  // Outside the working directory a path like ../../tmp/x says less than the absolute one.
  if (r === ".." || r.startsWith(".." + sep) || isAbsolute(r)) return p.split(sep).join("/");
  return (r === "" ? "." : r).split(sep).join("/");
}

/** A path as shown in a terminal: {@link displayPath} with control characters made visible. */
export function shownPath(io: Io, p: string): string {
  return visible(displayPath(io, p));
}

export { writeFileAtomic, writeFilesAtomic } from "@kaoping/core";

/**
 * Writes a command's output files atomically, all or nothing (see core's atomic.ts).  A file that
 * cannot be written (no permission, read-only, a device, disk full …) is the user's to fix: a usage
 * error with code KP0017; an output that is one of `inputs` (same device and inode, whatever its
 * name) is refused with KP0016.  Nothing is written in either case.
 */
export function writeOutputs(io: Io, files: readonly { path: string; data: FileData }[], inputs: readonly string[] = []): void {
  try {
    writeFilesAtomic(files, { makeDir: true, inputs });
  } catch (e) {
    if (!(e instanceof WriteFilesError)) throw e;
    const target = shownPath(io, e.target);
    if (e.refusal === "is-input") throw new UsageError(formatMessage("KP0016", [target, shownPath(io, e.detail)]), "KP0016");
    throw new UsageError(formatMessage("KP0017", [target, e.message]), "KP0017");
  }
}

/** Why a file or stream could not be written, in Chinese (undefined when `e` has no system code). */
export function writeProblem(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (typeof code !== "string" || !/^E[A-Z]+$/.test(code)) return undefined;
  return writeReason(code);
}

/** The process's own output streams' first write failures (disk full, reader gone …). */
export const streamFailures: { stdout?: NodeJS.ErrnoException; stderr?: NodeJS.ErrnoException } = {};

/**
 * Standard output that stops writing once a write has failed (the reader went away, the disk is
 * full): the command runs to its end and its exit code is kept; cli.ts reports the failure.
 */
function guardedStdout(): OutStream {
  return {
    write: (text: string) => (streamFailures.stdout ? true : process.stdout.write(text)),
    get isTTY() {
      return process.stdout.isTTY;
    },
  };
}
