/** A {@link SourceHost} over the file system (Node.js). */
import { readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { decodeBytes } from "../text/encoding.js";
import type { ReadResult, SourceHost } from "./load.js";
import { byteCount, formatBytes, MAX_SOURCE_BYTES, readRegularFile } from "./read-file.js";

/** Reads .kp files from disk: UTF-8 only; other encodings and binary files are reported. */
export const nodeHost: SourceHost = {
  read(path: string): ReadResult {
    const r = readRegularFile(path, MAX_SOURCE_BYTES);
    if (!r.ok) {
      switch (r.problem) {
        case "missing":
          return { ok: false, code: "KP0001", args: [] };
        case "directory":
          return { ok: false, code: "KP0002", args: [] };
        case "not-regular":
          return { ok: false, code: "KP0011", args: [r.kind] };
        case "too-large":
          return { ok: false, code: "KP0012", args: [byteCount(r.size), formatBytes(r.limit)] };
        case "unreadable":
          return { ok: false, code: "KP0004", args: [r.reason] };
      }
    }
    const d = decodeBytes(r.bytes, false);
    if (!d.ok) return d.problem === "binary" ? { ok: false, code: "KP0007", args: [] } : { ok: false, code: "KP0003", args: ["未知编码"] };
    if (d.encoding !== "UTF-8") return { ok: false, code: "KP0003", args: [d.encoding === "GB18030" ? "GBK/GB18030" : d.encoding] };
    if (d.text.trim() === "") return { ok: false, code: "KP0008", args: [] };
    return { ok: true, text: d.text };
  },
  resolve(fromFile: string, target: string): string {
    return resolve(dirname(fromFile), target);
  },
  listKpFiles(dir: string): string[] {
    const out: string[] = [];
    const walk = (d: string) => {
      let entries: string[];
      try {
        entries = readdirSync(d).sort();
      } catch {
        return;
      }
      for (const e of entries) {
        if (e === "node_modules" || e.startsWith(".")) continue;
        const p = join(d, e);
        let st;
        try {
          st = statSync(p);
        } catch {
          continue;
        }
        if (st.isDirectory()) walk(p);
        else if (e.endsWith(".kp")) out.push(resolve(p));
      }
    };
    walk(resolve(dir));
    return out;
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
