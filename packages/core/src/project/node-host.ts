/** A {@link SourceHost} over the file system (Node.js). */
import { readdirSync, realpathSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { decodeBytes } from "../text/encoding.js";
import type { ReadResult, SourceHost } from "./load.js";
import { MAX_SOURCE_BYTES, readRefusal, readRegularFile } from "./read-file.js";

/** Reads .kp files from disk: UTF-8 only; other encodings and binary files are reported. */
export const nodeHost: SourceHost = {
  read(path: string): ReadResult {
    const r = readRegularFile(path, MAX_SOURCE_BYTES);
    if (!r.ok) return { ok: false, ...readRefusal(r) };
    // A .kp name that is a link to something else (/etc/passwd, notes.txt) is not a .kp file: its
    // content is never parsed, so never quoted (the editor's host judges 引入 targets by name only).
    if (/\.kp$/i.test(path) && !linksToKp(path)) return { ok: false, code: "KP0015", args: [] };
    const d = decodeBytes(r.bytes, false);
    if (!d.ok) return d.problem === "binary" ? { ok: false, code: "KP0007", args: [] } : { ok: false, code: "KP0003", args: ["未知编码"] };
    if (d.encoding !== "UTF-8") return { ok: false, code: "KP0003", args: [d.encoding === "GB18030" ? "GBK/GB18030" : d.encoding] };
    if (d.text.trim() === "") return { ok: false, code: "KP0008", args: [] };
    return { ok: true, text: d.text };
  },
  resolve(fromFile: string, target: string): string {
    return resolve(dirname(fromFile), target);
  },
  /**
   * Every .kp file under `dir`, sorted.  Symbolic links to directories are not followed, and a
   * directory is entered once (by device and inode), so a link cycle or a bind mount cannot make the
   * walk loop; nothing is opened here, so a FIFO or a device named .kp cannot block it (reading it
   * later is KP0011).  A symbolic link named .kp counts only when its target is a .kp file too (a
   * link to /etc/passwd or /dev/zero is not a .kp file: as with 引入, its content is never read).
   * Hidden entries and node_modules are skipped.
   */
  listKpFiles(dir: string): string[] {
    const out: string[] = [];
    const entered = new Set<string>();
    const walk = (d: string) => {
      let id: string;
      try {
        const st = statSync(d, { bigint: true });
        id = `${st.dev}:${st.ino}`;
      } catch {
        return;
      }
      if (entered.has(id)) return;
      entered.add(id);
      let entries;
      try {
        entries = readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      } catch {
        return;
      }
      for (const e of entries) {
        if (e.name === "node_modules" || e.name.startsWith(".")) continue;
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (!e.name.endsWith(".kp")) continue;
        else if (!e.isSymbolicLink() || linksToKp(p)) out.push(resolve(p));
      }
    };
    walk(resolve(dir));
    return out;
  },
  realpath(path: string): string | undefined {
    try {
      return realpathSync.native(path);
    } catch {
      return undefined;
    }
  },
  normalize(path: string): string {
    return resolve(path);
  },
  isDirectory(path: string): boolean {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  },
};

/** Whether a path (a symbolic link or not) leads to a path named .kp (a dangling link counts, to be reported as missing). */
function linksToKp(link: string): boolean {
  try {
    return /\.kp$/i.test(realpathSync.native(link));
  } catch {
    return true;
  }
}
