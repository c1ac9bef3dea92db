// The facts readers' building blocks, in process (moved from packages/cli/test/facts-reliability.test.ts,
// which runs the built CLI on whole files): the CSV field scanner against csv-parse, JSON number lexemes.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { detectDelimiter, isPlainNumber, readCsv, readJsonNumber, scanFields } from "../src/index.js";

/** A small deterministic random generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("CSV: line ends in any mix, rows never merged or dropped", () => {
  it("keeps scanFields in agreement with csv-parse on random inputs (line ends, quotes, delimiters)", () => {
    const next = random(20260);
    const pieces = ["a", "甲县", "1.5", " ", ",", ",", ";", "\t", '"', '""', "\r", "\n", "\r\n", "\n\n", "\uFEFF"];
    let compared = 0;
    for (let n = 0; n < 5000; n++) {
      let text = next() < 0.1 ? "\uFEFF" : "";
      const len = 1 + Math.floor(next() * 30);
      for (let i = 0; i < len; i++) text += pieces[Math.floor(next() * pieces.length)];
      // Never a crash: a table, or diagnostics.
      const read = readCsv("r.csv", text);
      expect(read.table !== undefined || read.diagnostics.length > 0, JSON.stringify(text)).toBe(true);
      const delimiter = detectDelimiter(text);
      let records: string[][];
      try {
        records = parse(text, { delimiter, record_delimiter: ["\r\n", "\n", "\r"], relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
      } catch {
        continue;
      }
      const ranges = scanFields(text, delimiter);
      const scanned = ranges.map((rec) =>
        rec.map((f) => {
          const s = text.slice(f.start, f.end);
          return s.startsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s;
        }),
      );
      expect(scanned, JSON.stringify(text)).toEqual(records);
      compared++;
    }
    expect(compared).toBeGreaterThan(500);
  });
});

describe("JSON: numbers read from their source text", () => {
  it("reads a number lexeme exactly, by the rules of a CSV cell", () => {
    expect(readJsonNumber("2.0000000000000001")).toEqual({ problem: "tooManyPlaces" });
    expect(readJsonNumber("3.4999999999999999999")).toEqual({ problem: "tooManyPlaces" });
    expect(readJsonNumber("1E-7")).toEqual({ problem: "tooManyPlaces" });
    expect(readJsonNumber("2.50000000")).toEqual({ problem: "tooManyPlaces" });
    expect(readJsonNumber("1e-400")).toEqual({ problem: "tooManyPlaces" });
    expect(readJsonNumber("1e400")).toEqual({ problem: "tooLarge" });
    expect(readJsonNumber("1e2")).toEqual({ value: 100 });
    expect(readJsonNumber("1.5e1")).toEqual({ value: 15 });
    expect(readJsonNumber("92.5")).toEqual({ value: 92.5 });
    expect(readJsonNumber("0.000001")).toEqual({ value: 0.000001 });
    expect(readJsonNumber("0e99999")).toEqual({ value: 0 });
    expect(readJsonNumber("-0")).toEqual({ value: "-0" });
    expect(readJsonNumber("-2")).toEqual({ value: -2 });
    expect(readJsonNumber("9007199254740991")).toEqual({ value: 9007199254740991 });
    // Exact decimals a double would round are handed over as text, read digit by digit.
    expect(readJsonNumber("9007199254740993")).toEqual({ value: "9007199254740993" });
    expect(readJsonNumber("1234567890.123456")).toEqual({ value: "1234567890.123456" });
    // The fast path takes only numbers whose double is exactly what readJsonNumber gives.
    const next = random(99);
    for (let n = 0; n < 20_000; n++) {
      const int = String(Math.floor(next() * 10 ** Math.floor(next() * 16)));
      const frac = next() < 0.5 ? "" : "." + String(Math.floor(next() * 10 ** 7)).slice(0, 1 + Math.floor(next() * 7));
      const lexeme = int + frac;
      if (isPlainNumber(lexeme, 0, lexeme.length)) expect(readJsonNumber(lexeme), lexeme).toEqual({ value: Number(lexeme) });
    }
    for (const l of ["-1", "1e2", "1.", ".5", "1.1234567", "1234567890.5", "1234567890123456"]) expect(isPlainNumber(l, 0, l.length), l).toBe(false);
  });
});
