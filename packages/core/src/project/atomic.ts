/**
 * Writing output files so that they are never half written and never damage what the user set up
 * (CLI outputs, `kp fmt`, `kp lint --fix`, editor commands).
 *
 * - Each text goes to a temporary file beside its target, is flushed to disk (fsync), and only when
 *   all are written are they renamed over the targets; then the directory is flushed too.
 * - A set of files is all or nothing: the old targets are kept (hard-linked) until every rename has
 *   succeeded, and put back if one fails.  A process killed between renames (SIGKILL, power loss)
 *   can still leave a mixed set: compiled sets carry a generation id for that (compiled-set.ts).
 * - SIGINT and SIGTERM arriving during a write wait until it is complete (a JavaScript signal
 *   handler only runs between synchronous calls); temporary files left by a killed process are
 *   removed by the next write beside them.
 * - A symbolic link is followed (its target is rewritten, the link stays a link); the mode and, where
 *   permitted, the owner of the replaced file are kept; a read-only file, a directory, a device or a
 *   FIFO is refused, and so is a target that is one of `inputs` (same device and inode).
 */
import { randomBytes } from "node:crypto";
import {
  accessSync,
  closeSync,
  constants,
  copyFileSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileKind } from "./read-file.js";

/** Why a target was refused before anything was written. */
export type WriteRefusal =
  /** The target is a directory. */
  | "directory"
  /** The target is a device, a FIFO, a socket …: `detail` says which, in Chinese. */
  | "not-regular"
  /** The target exists and may not be written (no write permission for anyone, or for us). */
  | "read-only"
  /** The target is one of the inputs (`detail` is that input's path). */
  | "is-input";

/**
 * A write that failed; nothing of the set has changed.  `target` is the file the user asked for (not
 * a temporary file); `code` is the system's error code (ENOSPC, EACCES …) or, when kaoping refused
 * the target, EISDIR/ENOTREG/EISINPUT/EREADONLY with `refusal` set; `detail` is the kind of file
 * (not-regular) or the input's path (is-input).  The message is the reason in Chinese.
 */
export class WriteFilesError extends Error {
  constructor(
    readonly target: string,
    readonly code: string,
    readonly refusal: WriteRefusal | undefined,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(
      refusal === "read-only"
        ? "文件是只读的，未改写（如需改写，请先修改文件的权限）"
        : refusal === "not-regular"
          ? `这是${detail}，不是普通文件`
          : refusal === "is-input"
            ? `这是输入文件「${detail}」，不能覆盖`
            : writeReason(code),
      options,
    );
    this.name = "WriteFilesError";
  }
}

const writeReasons: Record<string, string> = {
  EACCES: "没有写入权限",
  EPERM: "没有写入权限",
  ENOTDIR: "路径中有一段是文件，不是目录",
  EISDIR: "这是一个目录",
  ENOSPC: "磁盘空间不足",
  EDQUOT: "磁盘配额已用完",
  EROFS: "文件系统是只读的",
  // mkdir -p meets a file where a directory should be
  EEXIST: "路径中有一段是文件，不是目录",
  ENAMETOOLONG: "文件名太长",
  ELOOP: "符号链接形成循环",
  EIO: "写入时发生输入/输出错误",
  EFBIG: "文件太大",
  EBUSY: "文件正被占用",
  ETXTBSY: "文件正被占用",
  EMFILE: "同时打开的文件太多",
  ENFILE: "同时打开的文件太多",
  EPIPE: "读取输出的一方已关闭",
  ENXIO: "设备不存在或不可用",
  ENODEV: "设备不存在或不可用",
  EAGAIN: "设备暂时不可用",
};

/** Why a file or stream could not be written, in Chinese, from the system's error code. */
export function writeReason(code: string | undefined): string {
  return (code !== undefined ? writeReasons[code] : undefined) ?? `系统错误 ${code ?? "（未知）"}`;
}

/** The file-system calls a write uses; tests replace some of them to fail on purpose. */
export interface AtomicFs {
  rename(from: string, to: string): void;
  fsync(fd: number): void;
}

const realFs: AtomicFs = { rename: renameSync, fsync: fsyncSync };

export interface WriteOptions {
  /** Create missing directories. */
  makeDir?: boolean;
  /** Files that must not be overwritten (compared by device and inode, links followed). */
  inputs?: readonly string[];
  /** Test seam: replaced file-system calls. */
  fs?: Partial<AtomicFs>;
}

/** Temporary and backup files of writes in progress in this process (removed on any exit). */
const pending = new Set<string>();

/** Removes a file if it is there; cleaning up never throws (a failure must not hide the first one). */
function remove(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // left for the next write beside it (removeStaleTemporaries)
  }
}

/** Removes the temporary files of writes in progress (for exit paths that skip `finally`). */
export function removePendingTemporaries(): void {
  for (const p of pending) remove(p);
  pending.clear();
}

const TEMP_SUFFIX = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.(tmp|bak)$/;

/**
 * The target's name as it appears in its temporary files: cut to 180 bytes, so that a temporary
 * name stays within the 255 bytes of a file name wherever the target's name does.
 */
function tempBase(target: string): string {
  let base = basename(target);
  while (Buffer.byteLength(base) > 180) base = [...base].slice(0, -1).join("");
  return base;
}

/** A temporary name beside `target`: `.<name>.<pid>.<random>.<kind>`. */
function siblingName(target: string, kind: "tmp" | "bak"): string {
  return join(dirname(target), `.${tempBase(target)}.${process.pid}.${randomBytes(4).toString("hex")}.${kind}`);
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes the temporary files a dead process (killed while writing) left beside `target`. */
function removeStaleTemporaries(target: string): void {
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return;
  }
  const base = tempBase(target);
  for (const n of names) {
    const m = TEMP_SUFFIX.exec(n);
    if (m && m[1] === base && !alive(Number(m[2]))) remove(join(dirname(target), n));
  }
}

/** The file a path names once symbolic links are followed (also when the last link dangles). */
function followLinks(path: string): string {
  let p = resolve(path);
  for (let i = 0; i < 40; i++) {
    let st: Stats;
    try {
      st = lstatSync(p);
    } catch {
      return p;
    }
    if (!st.isSymbolicLink()) return p;
    p = resolve(dirname(p), readlinkSync(p));
  }
  return p;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function isReadOnly(path: string, st: Stats): boolean {
  // Root may write anything: a file without any write bit is still meant to be read-only.
  if ((st.mode & 0o222) === 0) return true;
  try {
    accessSync(path, constants.W_OK);
    return false;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === "EACCES" || code === "EPERM" || code === "EROFS";
  }
}

/** Milliseconds to pause after the first rename (tests kill the process there), or 0. */
function testPause(): number {
  const v = Number(process.env.KP_TEST_PAUSE_AFTER_RENAME ?? "");
  return Number.isInteger(v) && v > 0 ? v : 0;
}

let signalsHeld = 0;
const onSignal = (signal: NodeJS.Signals) => {
  // Between synchronous calls no write is in progress; clean up (in case) and die of the signal.
  removePendingTemporaries();
  process.removeListener("SIGINT", onSignal);
  process.removeListener("SIGTERM", onSignal);
  process.kill(process.pid, signal);
};

/**
 * While files are written, SIGINT and SIGTERM are held back: the write completes (or is undone)
 * before the process ends.  The handlers stay two turns of the event loop longer, so that a signal
 * that arrived during the write is delivered to them and not lost.
 */
function holdSignals(): () => void {
  if (signalsHeld++ === 0 && process.listenerCount("SIGINT") === 0 && process.listenerCount("SIGTERM") === 0) {
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  }
  // Not unref'd: the event loop must turn (and read pending signals) before the process may end.
  return () => {
    setImmediate(() =>
      setImmediate(() => {
        if (--signalsHeld === 0) {
          process.removeListener("SIGINT", onSignal);
          process.removeListener("SIGTERM", onSignal);
        }
      }),
    );
  };
}

interface Target {
  /** The path the user named. */
  path: string;
  /** The file actually written (links followed). */
  real: string;
  data: FileData;
  old?: Stats;
  temp?: string;
  backup?: string;
  renamed?: boolean;
}

/**
 * Writes files atomically, all or nothing (see the file comment).  Throws a {@link WriteFilesError}
 * naming the target when a file cannot be written; then no target has changed.
 */
/**
 * A file's content: text, bytes, or a producer that writes it piece by piece (`write` appends UTF-8
 * text to the temporary file), so a large output is never held whole in memory.
 */
export type FileData = string | Uint8Array | ((write: (text: string) => void) => void);

export function writeFilesAtomic(files: readonly { path: string; data: FileData }[], options: WriteOptions = {}): void {
  const fs = { ...realFs, ...options.fs };
  const targets: Target[] = files.map((f) => ({ path: f.path, real: followLinks(f.path), data: f.data }));
  const inputs = (options.inputs ?? []).map((p) => ({ path: p, st: statOrUndefined(p) })).filter((i) => i.st !== undefined);

  // Refusals first: nothing is written when any target is wrong.
  for (const t of targets) {
    const st = statOrUndefined(t.real);
    if (st === undefined) continue;
    if (st.isDirectory()) throw new WriteFilesError(t.path, "EISDIR", "directory", "");
    if (!st.isFile()) throw new WriteFilesError(t.path, "ENOTREG", "not-regular", fileKind(st));
    const input = inputs.find((i) => i.st!.dev === st.dev && i.st!.ino === st.ino);
    if (input) throw new WriteFilesError(t.path, "EISINPUT", "is-input", input.path);
    if (isReadOnly(t.real, st)) throw new WriteFilesError(t.path, "EREADONLY", "read-only", "");
    t.old = st;
  }

  const release = holdSignals();
  let current: Target | undefined;
  try {
    for (const t of targets) {
      current = t;
      if (options.makeDir) mkdirSync(dirname(t.real), { recursive: true });
      removeStaleTemporaries(t.real);
      t.temp = siblingName(t.real, "tmp");
      pending.add(t.temp);
      writeTemporary(t, fs);
    }
    // Keep the old files until every new one is in place.
    for (const t of targets) {
      current = t;
      if (!t.old) continue;
      t.backup = siblingName(t.real, "bak");
      pending.add(t.backup);
      try {
        linkSync(t.real, t.backup);
      } catch {
        // A file system without hard links: a copy serves to put the old file back.
        copyFileSync(t.real, t.backup, constants.COPYFILE_EXCL);
      }
    }
    const pause = testPause();
    targets.forEach((t, i) => {
      current = t;
      fs.rename(t.temp!, t.real);
      pending.delete(t.temp!);
      t.renamed = true;
      if (i === 0 && pause > 0 && targets.length > 1) {
        writeSync(2, "kp-test: paused after the first rename\n");
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pause);
      }
    });
    current = undefined;
    for (const dir of new Set(targets.map((t) => dirname(t.real)))) syncDirectory(dir, fs);
  } catch (e) {
    // Put the old files back where new ones already replaced them.
    for (const t of targets) {
      if (!t.renamed) continue;
      try {
        if (t.backup) {
          renameSync(t.backup, t.real);
          pending.delete(t.backup);
        } else remove(t.real);
      } catch {
        // nothing more can be done; the generation id tells a mixed compiled set
      }
    }
    const target = current ?? targets[0]!;
    const code = (e as NodeJS.ErrnoException).code;
    throw new WriteFilesError(target.path, typeof code === "string" ? code : "EIO", undefined, (e as Error).message, { cause: e });
  } finally {
    for (const t of targets) {
      for (const p of [t.temp, t.backup]) {
        if (p === undefined || !pending.has(p)) continue;
        remove(p);
        pending.delete(p);
      }
    }
    release();
  }
}

/** Writes the temporary file of a target with the old file's mode and owner, flushed to disk. */
function writeTemporary(t: Target, fs: AtomicFs): void {
  const fd = openSync(t.temp!, "wx", t.old ? 0o600 : 0o666);
  try {
    if (t.old) {
      const uid = process.getuid?.();
      const gid = process.getgid?.();
      if ((uid !== undefined && uid !== t.old.uid) || (gid !== undefined && gid !== t.old.gid)) {
        try {
          fchownSync(fd, t.old.uid, t.old.gid);
        } catch {
          // Only root may give a file away: the owner becomes the writer, as in any editor.
        }
      }
      fchmodSync(fd, t.old.mode & 0o7777);
    }
    const put = (bytes: Uint8Array) => {
      let off = 0;
      while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    };
    if (typeof t.data === "function") t.data((text) => put(Buffer.from(text, "utf8")));
    else put(typeof t.data === "string" ? Buffer.from(t.data, "utf8") : t.data);
    fs.fsync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a directory's entries (the renames) to disk where the system allows it. */
function syncDirectory(dir: string, fs: AtomicFs): void {
  let fd: number;
  try {
    fd = openSync(dir, "r");
  } catch {
    return;
  }
  try {
    fs.fsync(fd);
  } catch {
    // Some file systems cannot fsync a directory (EINVAL): the renames are done all the same.
  } finally {
    closeSync(fd);
  }
}

/** Writes one file atomically (see {@link writeFilesAtomic}). */
export function writeFileAtomic(path: string, data: FileData, options: WriteOptions = {}): void {
  writeFilesAtomic([{ path, data }], options);
}
