/**
 * Where the language service reads files from: the disk (Node.js) or, in tests, a map in memory.
 * Open editor documents are layered on top by the {@link Project}, never here.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { nodeHost, type ReadResult } from "@kaoping/core";

/** The file access the service needs. Paths are absolute. */
export interface FileSystem {
  /** Reads a .kp file as text (UTF-8 only; problems are reported as diagnostics by core). */
  read(file: string): ReadResult;
  /** A cheap change stamp (mtime and size); undefined when the file does not exist. */
  stamp(file: string): string | undefined;
  /** Every .kp file under a directory, recursively, sorted. */
  listKpFiles(dir: string): string[];
  /** Resolves an include target written in `fromFile`. */
  resolve(fromFile: string, target: string): string;
  /** The directory of a file. */
  dirname(file: string): string;
  /** True when `file` lies inside `dir` (or is `dir`). */
  contains(dir: string, file: string): boolean;
  /**
   * The real path of an existing file or directory (`..` and symbolic links resolved), undefined
   * when it does not exist.  What 引入 is judged by (core's `SourceHost.realpath`): without it, a
   * link inside the folder to a .kp file outside it would be read.
   */
  realpath?(file: string): string | undefined;
  /** True when the path is a directory (an 引入 of a directory is then named as such). */
  isDirectory?(file: string): boolean;
}

/** The real file system. */
export const nodeFileSystem: FileSystem = {
  read: (file) => nodeHost.read(file),
  stamp(file) {
    try {
      const st = statSync(file);
      return st.isFile() ? `${st.mtimeMs}:${st.size}` : undefined;
    } catch {
      return undefined;
    }
  },
  // core's walk: each directory once, links to directories not followed (as kp check finds files)
  listKpFiles: (dir) => nodeHost.listKpFiles!(dir),
  resolve: (fromFile, target) => nodeHost.resolve(fromFile, target),
  dirname: (file) => path.dirname(file),
  contains(dir, file) {
    const rel = path.relative(dir, file);
    return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
  },
  // The CLI's own judgement of 引入 (core's nodeHost), so the editor refuses exactly what kp refuses.
  realpath: (file) => nodeHost.realpath?.(file),
  isDirectory: (file) => nodeHost.isDirectory?.(file) ?? false,
};

/**
 * A file system held in memory (POSIX paths), for tests and for hosts without a disk.  `files`
 * may be changed after creation; `set`/`delete` also bump the change stamp.
 */
export class MemoryFileSystem implements FileSystem {
  private readonly files = new Map<string, string>();
  private readonly stamps = new Map<string, number>();
  private clock = 0;

  constructor(files: Record<string, string> = {}) {
    for (const [p, t] of Object.entries(files)) this.set(p, t);
  }

  set(file: string, text: string): void {
    this.files.set(path.posix.resolve(file), text);
    this.stamps.set(path.posix.resolve(file), ++this.clock);
  }
  delete(file: string): void {
    this.files.delete(path.posix.resolve(file));
    this.stamps.delete(path.posix.resolve(file));
  }
  read(file: string): ReadResult {
    const text = this.files.get(file);
    if (text === undefined) return { ok: false, code: "KP0001", args: [file] };
    if (text.trim() === "") return { ok: false, code: "KP0008", args: [file] };
    return { ok: true, text };
  }
  stamp(file: string): string | undefined {
    const s = this.stamps.get(file);
    return s === undefined ? undefined : String(s);
  }
  listKpFiles(dir: string): string[] {
    return [...this.files.keys()].filter((f) => f.endsWith(".kp") && this.contains(dir, f)).sort();
  }
  resolve(fromFile: string, target: string): string {
    return path.posix.resolve(path.posix.dirname(fromFile), target);
  }
  dirname(file: string): string {
    return path.posix.dirname(file);
  }
  contains(dir: string, file: string): boolean {
    const rel = path.posix.relative(dir, file);
    return rel === "" || (!rel.startsWith("..") && !path.posix.isAbsolute(rel));
  }
}
