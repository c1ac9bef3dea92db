// JSON Lines facts (jsonl.ts read whole, jsonl-stream.ts read as a stream): the same units as the
// JSON reader gives for the same units in an array — numbers exactly from their text — whatever the
// line ends, a BOM, blank lines or where the file's pieces are cut; problems at their lines.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { UnitInput } from "@kaoping/core";
import { describe, expect, it } from "vitest";
import { readJson, readJsonl, streamJsonlUnits, type KnownFacts } from "../src/index.js";

const known: KnownFacts = { keys: new Set(["参会", "违纪.轻处分"]), rules: new Set(["参会", "违纪"]), byName: new Map([["参会", "参会"], ["违纪.轻处分", "违纪.轻处分"]]), perItem: new Set() };

/** 3,000 units (about 300 KB: the stream's 64 KiB pieces cut lines and characters), with exact numbers. */
const lines = Array.from({ length: 3_000 }, (_, i) => `{"name":"单位${i}","classes":["县区"],"facts":{"参会":${i % 7},"违纪":{"轻处分":"${i % 3}"},"备注":1.${String(i).padStart(6, "0")}}}`);

describe("JSON Lines facts", () => {
  it("reads the same units as the JSON array reader, read whole and as a stream (CRLF, a BOM, blank lines)", async () => {
    const array = readJson("a.json", "[" + lines.join(",\n") + "]", known.byName, known.perItem);
    expect(array.diagnostics).toEqual([]);
    const text = lines.map((l, i) => (i % 100 === 0 ? "\r\n" + l : l)).join("\r\n") + "\r\n";
    const whole = readJsonl("a.jsonl", text, known.byName, known.perItem);
    expect(whole.diagnostics).toEqual([]);
    expect(JSON.stringify(whole.units)).toBe(JSON.stringify(array.units));
    const dir = mkdtempSync(join(tmpdir(), "kp-jsonl-"));
    for (const [name, content] of [["crlf.jsonl", "\uFEFF" + text], ["cr.jsonl", lines.join("\r")], ["lf.jsonl", lines.join("\n") + "\n\n"]] as const) {
      const file = join(dir, name);
      writeFileSync(file, content);
      const got: UnitInput[] = [];
      const r = await streamJsonlUnits(file, known, (units) => got.push(...units), { batchRows: 7 });
      expect(r, name).toEqual({ ok: true, units: 3_000, rows: 3_000 });
      expect(JSON.stringify(got), name).toBe(JSON.stringify(array.units));
    }
  });

  it("reports a line that is not one unit (KP4101), a syntax error (KP4013) and a bad key at their lines, and keeps reading the others", async () => {
    const text = [lines[0], lines[1] + lines[2], "", '{"name":"甲","facts":{', '"参会":1}}', '{"name":"乙","facts":{"参会":1,"参会":2}}', '{"name":"丙",}', lines[3]].join("\n");
    const r = readJsonl("b.jsonl", text, known.byName, known.perItem);
    const at = r.diagnostics.map((d) => `${d.span.start.line}:${d.span.start.column} ${d.code}`);
    // line 2: two units; lines 4–5: one unit over two lines; line 6: a key twice; line 7: a trailing comma
    expect(at).toEqual(["2:80 KP4101", "4:22 KP4101", "5:5 KP4101", "7:13 KP4013", "6:29 KP4023"]);
    expect(r.units.map((u) => u.name)).toEqual(["单位0", "乙", "单位3"]);
    // the stream stops at the first problem: the caller reads the file whole
    const dir = mkdtempSync(join(tmpdir(), "kp-jsonl-"));
    writeFileSync(join(dir, "b.jsonl"), text);
    const s = await streamJsonlUnits(join(dir, "b.jsonl"), known, () => undefined);
    expect(s.ok).toBe(false);
  });
});
