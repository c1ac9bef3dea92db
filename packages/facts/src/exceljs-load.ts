/**
 * exceljs, loaded on first use (only .xlsx files need it), with one fix for its XML reading: its
 * parser (lib/utils/parse-sax.js) decodes each piece of an inflated entry on its own (through
 * browser-buffer-decode's bufferToString), so a Chinese character whose UTF-8 bytes fall across two
 * pieces came out as U+FFFD (a unit name 「单位06008」 read as 「��位06008」 in a 10,000-row sheet).
 * Before exceljs is first loaded, parse-sax.js is replaced in the module cache by the same generator
 * with one streaming TextDecoder per entry it parses, which keeps an incomplete character for the next
 * piece — per entry, so two workbooks read at the same time never share a decoder's state.  The
 * streaming reader still checks every text for U+FFFD (xlsx-stream.ts): if the fix could not be
 * applied, the file is read whole, never wrongly.
 */
import { createRequire } from "node:module";
import Module from "node:module";
import { dirname } from "node:path";

type ExcelJs = typeof import("exceljs");

interface SaxEvent {
  eventType: "opentag" | "text" | "closetag";
  value: unknown;
}
interface Saxes {
  on(event: "error", f: (e: Error) => void): void;
  on(event: "opentag" | "text" | "closetag", f: (value: unknown) => void): void;
  write(text: string): void;
}

/** parse-sax.js as exceljs 4.4 writes it, decoding with one streaming decoder per entry. */
function parseSaxWith(SaxesParser: new () => Saxes, PassThrough: new () => NodeJS.ReadWriteStream) {
  return async function* parseSax(source: AsyncIterable<unknown> & { pipe?: unknown }): AsyncGenerator<SaxEvent[]> {
    let iterable: AsyncIterable<unknown> = source;
    if (typeof source.pipe === "function" && !(Symbol.asyncIterator in source)) {
      iterable = (source as unknown as NodeJS.ReadableStream).pipe(new PassThrough()) as unknown as AsyncIterable<unknown>;
    }
    const decoder = new TextDecoder("utf-8");
    const parser = new SaxesParser();
    let error: Error | undefined;
    parser.on("error", (e) => {
      error = e;
    });
    let events: SaxEvent[] = [];
    parser.on("opentag", (value) => events.push({ eventType: "opentag", value }));
    parser.on("text", (value) => events.push({ eventType: "text", value }));
    parser.on("closetag", (value) => events.push({ eventType: "closetag", value }));
    for await (const chunk of iterable) {
      parser.write(typeof chunk === "string" ? chunk : decoder.decode(chunk as Uint8Array, { stream: true }));
      if (error) throw error;
      yield events;
      events = [];
    }
    const rest = decoder.decode();
    if (rest !== "") {
      parser.write(rest);
      if (error) throw error;
      yield events;
    }
  };
}

let loaded: Promise<ExcelJs> | undefined;

/** exceljs (its default export), loaded once. */
export function loadExcelJs(): Promise<ExcelJs> {
  loaded ??= (async () => {
    try {
      const require = createRequire(import.meta.url);
      const saxPath = require.resolve("exceljs/lib/utils/parse-sax.js");
      const near = createRequire(saxPath);
      const { SaxesParser } = near("saxes") as { SaxesParser: new () => Saxes };
      const { PassThrough } = near("readable-stream") as { PassThrough: new () => NodeJS.ReadWriteStream };
      const m = new Module(saxPath);
      m.filename = saxPath;
      m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(saxPath));
      m.exports = parseSaxWith(SaxesParser, PassThrough);
      m.loaded = true;
      require.cache[saxPath] = m;
    } catch {
      // another layout of exceljs: the U+FFFD check in xlsx-stream.ts still holds
    }
    return (await import("exceljs")).default as unknown as ExcelJs;
  })();
  return loaded;
}
