/**
 * Decoding files people bring: UTF-8 (with or without BOM) is the norm; GBK/GB18030 (what Excel and
 * Windows in China save by default) and UTF-16 are recognised so the message can say what the file is.
 */

/** What a byte buffer turned out to be. */
export type Decoded =
  | { ok: true; text: string; encoding: "UTF-8" | "GB18030" | "UTF-16LE" | "UTF-16BE" }
  | { ok: false; problem: "binary" | "unknown" };

/**
 * Decodes bytes.  UTF-8 always; with `allowLegacy`, also GB18030 (a superset of GBK) and UTF-16 with
 * a BOM — the caller decides whether to accept them or report them.
 */
export function decodeBytes(bytes: Uint8Array, allowLegacy = true): Decoded {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    if (!allowLegacy) return { ok: true, text: "", encoding: le ? "UTF-16LE" : "UTF-16BE" };
    return { ok: true, text: new TextDecoder(le ? "utf-16le" : "utf-16be").decode(bytes.subarray(2)), encoding: le ? "UTF-16LE" : "UTF-16BE" };
  }
  if (bytes.includes(0)) return { ok: false, problem: "binary" };
  try {
    let text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, text, encoding: "UTF-8" };
  } catch {
    // not UTF-8
  }
  try {
    const text = new TextDecoder("gb18030", { fatal: true }).decode(bytes);
    return { ok: true, text: allowLegacy ? text : "", encoding: "GB18030" };
  } catch {
    return { ok: false, problem: "unknown" };
  }
}
