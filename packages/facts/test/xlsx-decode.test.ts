/**
 * exceljs decodes the pieces of an inflated sheet one by one; exceljs-load.ts gives each XML entry its
 * own streaming decoder.  A character split across two pieces comes out whole, and two entries parsed
 * at the same time (two workbooks read together) never share a decoder: no U+FFFD, and no character
 * made of another entry's bytes.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { loadExcelJs } from "../src/exceljs-load.js";

type Events = { eventType: string; value: unknown }[];
type ParseSax = (source: AsyncIterable<Uint8Array>) => AsyncGenerator<Events>;

/** The bytes of `xml` cut into pieces of `size` bytes (so multi-byte characters fall across pieces). */
async function* pieces(xml: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(xml);
  for (let i = 0; i < bytes.length; i += size) {
    await new Promise((r) => setImmediate(r));
    yield bytes.subarray(i, i + size);
  }
}

async function texts(parse: ParseSax, xml: string, size: number): Promise<string> {
  let out = "";
  for await (const events of parse(pieces(xml, size))) for (const e of events) if (e.eventType === "text") out += String(e.value);
  return out;
}

describe("exceljs's XML reading decodes each entry as one stream", () => {
  it("two entries cut into odd pieces and parsed at the same time keep every character", async () => {
    await loadExcelJs();
    const require = createRequire(import.meta.url);
    const parse = require(require.resolve("exceljs/lib/utils/parse-sax.js")) as ParseSax;
    const a = Array.from({ length: 400 }, (_, i) => `甲单位${i}县（区）`).join("");
    const b = Array.from({ length: 400 }, (_, i) => `乙机关${i}𠮷`).join("");
    const [ta, tb] = await Promise.all([texts(parse, `<t>${a}</t>`, 7), texts(parse, `<t>${b}</t>`, 5)]);
    expect(ta).toBe(a);
    expect(tb).toBe(b);
  });
});
