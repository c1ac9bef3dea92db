/**
 * Reading a file a user named — a .kp source, an 引入 target, a facts file — safely: only regular
 * files, and never more than a documented number of bytes.  A FIFO, a terminal, `/dev/zero` or a
 * symbolic link to one of them is refused at once instead of blocking or reading forever, and a file
 * over the limit is refused before it is read into memory.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import type { MessageCode } from "../diagnostics.js";

/** The most bytes a .kp file may have (the 10 MB catalogue of the robustness tests fits 3 times). */
export const MAX_SOURCE_BYTES = 32 * 1024 * 1024;

/**
 * The most bytes a facts file may have.  The whole file is decoded into one string, and V8 strings
 * stop at about 512 M characters; 256 MiB keeps far from that (about 600,000 units of 60 facts).
 */
export const MAX_FACTS_BYTES = 256 * 1024 * 1024;

/** Why a file could not be read, or its bytes. */
export type ReadFileResult =
  | { ok: true; bytes: Buffer }
  | { ok: false; problem: "missing" }
  | { ok: false; problem: "directory" }
  /** Not a regular file: `kind` says what it is, in Chinese (命名管道（FIFO）, 字符设备 …). */
  | { ok: false; problem: "not-regular"; kind: string }
  /** Larger than `limit` bytes (`size` is what was seen, at least limit + 1). */
  | { ok: false; problem: "too-large"; size: number; limit: number }
  /** Any other refusal of the system: `reason` is in Chinese. */
  | { ok: false; problem: "unreadable"; reason: string };

/**
 * The catalogue's code and arguments for a file that could not be read: KP0001 missing, KP0002 a
 * directory, KP0011 not a regular file, KP0012 too large, KP0004 any other refusal.  The one mapping
 * of the .kp reader, the facts reader and the lint config reader.
 */
export function readRefusal(r: Exclude<ReadFileResult, { ok: true }>): { code: MessageCode; args: string[] } {
  switch (r.problem) {
    case "missing":
      return { code: "KP0001", args: [] };
    case "directory":
      return { code: "KP0002", args: [] };
    case "not-regular":
      return { code: "KP0011", args: [r.kind] };
    case "too-large":
      return { code: "KP0012", args: [byteCount(r.size), formatBytes(r.limit)] };
    case "unreadable":
      return { code: "KP0004", args: [r.reason] };
  }
}

/** What a non-regular file is, in Chinese. */
export function fileKind(st: Stats): string {
  if (st.isFIFO()) return "命名管道（FIFO）";
  if (st.isCharacterDevice()) return "字符设备";
  if (st.isBlockDevice()) return "块设备";
  if (st.isSocket()) return "套接字";
  if (st.isDirectory()) return "目录";
  return "特殊文件";
}

/** A size in bytes as people read it: 32 MiB, 1.5 GiB, 900 字节. */
export function formatBytes(n: number): string {
  const units = ["KiB", "MiB", "GiB", "TiB"];
  if (n < 1024) return `${n} 字节`;
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  // One decimal, trailing ".0" dropped: a display figure, never a score.
  const text = (Math.round(v * 10) / 10).toString();
  return `${text} ${units[u]}`;
}

/** An exact byte count with thousands separators: 33,554,433 字节. */
export function byteCount(n: number): string {
  return `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",")} 字节`;
}

/** A Chinese reason for a system error code met while opening or reading. */
export function systemReason(code: string | undefined, fallback: string): string {
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "没有读取权限";
    case "ENAMETOOLONG":
      return "文件名太长";
    case "ENOTDIR":
      return "路径中有一段不是目录";
    case "ELOOP":
      return "符号链接形成循环";
    case "EIO":
      return "读取时发生输入/输出错误";
    case "EMFILE":
    case "ENFILE":
      return "同时打开的文件太多";
    case "ENXIO":
    case "ENODEV":
      return "设备不存在或不可用";
    default:
      return code !== undefined ? `系统错误 ${code}` : fallback;
  }
}

/**
 * Reads a whole regular file of at most `limit` bytes.  The file is opened without blocking (a FIFO
 * with no writer would otherwise wait forever), checked to be a regular file on the opened
 * descriptor (so a symbolic link is judged by its target, with no race between check and read), and
 * read in chunks that stop at `limit + 1` bytes even if the file grows meanwhile.
 */
export function readRegularFile(path: string, limit: number): ReadFileResult {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return openProblem(e);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { ok: false, problem: "directory" };
    if (!st.isFile()) return { ok: false, problem: "not-regular", kind: fileKind(st) };
    if (st.size > limit) return { ok: false, problem: "too-large", size: st.size, limit };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(Math.max(st.size - total, 64 * 1024), limit + 1 - total);
      if (want <= 0) break;
      const buf = Buffer.allocUnsafe(want);
      const n = readSync(fd, buf, 0, want, null);
      if (n === 0) break;
      chunks.push(n === want ? buf : buf.subarray(0, n));
      total += n;
      if (total > limit) return { ok: false, problem: "too-large", size: total, limit };
    }
    return { ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
  } catch (e) {
    return openProblem(e);
  } finally {
    closeSync(fd);
  }
}

function openProblem(e: unknown): ReadFileResult {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return { ok: false, problem: "missing" };
  if (code === "EISDIR") return { ok: false, problem: "directory" };
  return { ok: false, problem: "unreadable", reason: systemReason(code, (e as Error).message) };
}
