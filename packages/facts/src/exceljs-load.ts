/**
 * exceljs, loaded on first use (only .xlsx files need it), with one fix for its streaming reader: its
 * XML parser decodes each piece of an inflated entry on its own (lib/utils/parse-sax.js calls
 * browser-buffer-decode's bufferToString per chunk), so a Chinese character whose UTF-8 bytes fall
 * across two pieces came out as U+FFFD (a unit name 「单位06008」 read as 「��位06008」 in a 10,000-row
 * sheet).  Before exceljs is first loaded, that function is replaced by a streaming decoder, which
 * keeps an incomplete character for the next piece (entries are read one after another, and every
 * XML entry ends with a complete character).  The streaming reader still checks every text for
 * U+FFFD (xlsx-stream.ts): if the fix could not be applied, the file is read whole, never wrongly.
 */
import { createRequire } from "node:module";

type ExcelJs = typeof import("exceljs");

let loaded: Promise<ExcelJs> | undefined;

/** exceljs (its default export), loaded once. */
export function loadExcelJs(): Promise<ExcelJs> {
  loaded ??= (async () => {
    try {
      const require = createRequire(import.meta.url);
      const decode = require(require.resolve("exceljs/lib/utils/browser-buffer-decode.js")) as { bufferToString: (chunk: unknown) => string };
      const decoder = new TextDecoder("utf-8");
      decode.bufferToString = (chunk) => (typeof chunk === "string" ? chunk : decoder.decode(chunk as Uint8Array, { stream: true }));
    } catch {
      // another layout of exceljs: the U+FFFD check in xlsx-stream.ts still holds
    }
    return (await import("exceljs")).default as unknown as ExcelJs;
  })();
  return loaded;
}
