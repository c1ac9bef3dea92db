/**
 * The CLI's contact with the outside: output streams with or without colour, paths shown relative to
 * the working directory, and atomic file writes (a file is either the old one or the complete new
 * one, never half written).
 */
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import pc from "picocolors";
import { writeFilesAtomic } from "@kaoping/core";
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
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
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

export { writeFileAtomic, writeFilesAtomic } from "@kaoping/core";

/**
 * Writes a command's output files atomically; a file-system refusal (no permission, not a
 * directory, disk full …) is the user's to fix and becomes a usage error, not an internal one.
 */
export function writeOutputs(io: Io, files: readonly { path: string; data: string | Uint8Array }[]): void {
  try {
    writeFilesAtomic(files, true);
  } catch (e) {
    const why = writeProblem(e);
    if (why === undefined) throw e;
    const path = (e as NodeJS.ErrnoException).path;
    const target = files.find((f) => path !== undefined && (path === f.path || path.includes(basename(f.path))))?.path ?? files[0]?.path ?? "";
    throw new UsageError(`无法写入「${displayPath(io, target)}」：${why}`);
  }
}

const writeProblems: Record<string, string> = {
  EACCES: "没有写入权限",
  EPERM: "没有写入权限",
  ENOTDIR: "路径中有一段是文件，不是目录",
  EISDIR: "这是一个目录",
  ENOSPC: "磁盘空间不足",
  EROFS: "文件系统是只读的",
  // mkdir -p meets a file where a directory should be
  EEXIST: "路径中有一段是文件，不是目录",
};

/** Why a file could not be written, in Chinese (the system's reason when it is an unusual one). */
export function writeProblem(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (typeof code !== "string" || !/^E[A-Z]+$/.test(code)) return undefined;
  return writeProblems[code] ?? `${code}`;
}
