// Reading: sniff the file's content (not its extension alone: the seed is an HTML page saved as text,
// a .xlsx may be a renamed CSV), refuse what cannot be read with a located KP50xx, and hand the
// bytes to one reader.  All readers produce the neutral model of ../model.ts.
import { decodeBytes, formatBytes } from "@kaoping/core";
import { extname } from "node:path";
import type { ReadDocument } from "../model.js";
import { fail } from "../diagnostics.js";
import { readDocx } from "./docx.js";
import { readHtml } from "./html.js";
import { readText } from "./text.js";
import { readXlsx } from "./xlsx.js";

/** Imports read whole documents into memory: a rulebook is well under a megabyte. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (b: Uint8Array, sig: readonly number[]): boolean => sig.every((x, i) => b[i] === x);

export type SniffedKind = "docx" | "xlsx" | "zip" | "ole" | "html" | "text" | "pdf" | "rtf" | "binary";

export function sniff(bytes: Uint8Array, name: string): SniffedKind {
  if (startsWith(bytes, ZIP)) {
    const ext = extname(name).toLowerCase();
    if (ext === ".xlsx" || ext === ".xlsm") return "xlsx";
    if (ext === ".docx" || ext === ".docm") return "docx";
    // A zip with another name: look for the parts that tell Word from Excel.
    const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 1 << 20))).toString("latin1");
    if (head.includes("word/")) return "docx";
    if (head.includes("xl/")) return "xlsx";
    return "zip";
  }
  if (startsWith(bytes, OLE)) return "ole";
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (head.startsWith("%PDF")) return "pdf";
  if (head.startsWith("{\\rtf")) return "rtf";
  if (/^\s*(<!doctype html|<html|<table|<body|<meta|<head)/i.test(head.replace(/^\uFEFF|^\xEF\xBB\xBF/, ""))) return "html";
  return "text";
}

/** Reads a document; throws ImportError (KP5001–KP5009) for input it cannot read. */
export async function readDocument(file: string, bytes: Uint8Array): Promise<ReadDocument> {
  const loc = { file };
  if (bytes.length === 0) fail("KP5008", [], loc);
  if (bytes.length > MAX_IMPORT_BYTES) fail("KP5002", [formatBytes(bytes.length), formatBytes(MAX_IMPORT_BYTES)], loc);
  const kind = sniff(bytes, file);
  const ext = extname(file).toLowerCase();
  switch (kind) {
    case "docx":
      return readDocx(file, bytes);
    case "xlsx":
      return readXlsx(file, bytes);
    case "zip":
      fail(ext === ".xlsx" ? "KP5006" : "KP5005", ["压缩包中既没有 word/ 也没有 xl/ 部分"], loc);
    // eslint-disable-next-line no-fallthrough
    case "ole":
      // An OLE compound file is either an old binary .doc/.xls/.wps or an encrypted (password) OOXML file.
      if (Buffer.from(bytes).includes(Buffer.from("EncryptionInfo", "utf16le")) || Buffer.from(bytes).includes(Buffer.from("EncryptedPackage", "utf16le"))) fail("KP5004", [], loc);
      fail("KP5003", [ext === ".wps" ? "WPS 文字" : ext === ".xls" ? "Excel 97-2003" : "Word 97-2003", file], loc);
    // eslint-disable-next-line no-fallthrough
    case "pdf":
      fail("KP5007", ["PDF"], loc);
    // eslint-disable-next-line no-fallthrough
    case "rtf":
      fail("KP5007", ["RTF"], loc);
    // eslint-disable-next-line no-fallthrough
    default: {
      if (ext === ".docx") fail("KP5005", ["不是 zip 格式"], loc);
      if (ext === ".xlsx") fail("KP5006", ["不是 zip 格式"], loc);
      const d = decodeBytes(bytes);
      if (!d.ok) {
        if (d.problem === "binary") fail("KP5007", ["二进制文件"], loc);
        fail("KP5009", [d.problem], loc);
      }
      return kind === "html" || /<table[\s>]/i.test(d.text) ? readHtml(file, d.text) : readText(file, d.text);
    }
  }
}
