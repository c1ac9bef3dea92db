/**
 * A compiled set — `<name>.js`, `<name>.d.ts`, `<name>.facts.schema.json` — is self-identifying: the
 * same generation id, a hash of the three contents, is written into each file.  The three files are
 * renamed into place one after another (writeFilesAtomic); a process killed between two renames
 * leaves files of two generations, and {@link verifyCompiledSet} tells such a set from a whole one.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

/** The texts of a compiled set. */
export interface CompiledTexts {
  js: string;
  dts: string;
  schema: string;
}

const LINE_PREFIX = "// kaoping-generation: ";
const LINE = /\n\/\/ kaoping-generation: ([0-9a-f]{16})\n$/;
const SCHEMA_KEY = "$comment";
const SCHEMA_PREFIX = "kaoping-generation: ";

/** The generation id of three unstamped texts. */
function generationOf(t: CompiledTexts): string {
  return createHash("sha256").update(t.js).update("\u0000").update(t.dts).update("\u0000").update(t.schema).digest("hex").slice(0, 16);
}

/**
 * Writes the generation id into each text: a last comment line in the .js and the .d.ts, a
 * `$comment` (which JSON Schema reserves for notes) in the schema.
 */
export function stampCompiledSet(t: CompiledTexts): CompiledTexts & { generation: string } {
  const generation = generationOf(t);
  const schema = JSON.parse(t.schema) as Record<string, unknown>;
  const stamped: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    stamped[k] = v;
    if (k === "$schema") stamped[SCHEMA_KEY] = SCHEMA_PREFIX + generation;
  }
  if (!(SCHEMA_KEY in stamped)) stamped[SCHEMA_KEY] = SCHEMA_PREFIX + generation;
  const line = `\n${LINE_PREFIX}${generation}\n`;
  return { js: t.js + line, dts: t.dts + line, schema: JSON.stringify(stamped, null, 2) + "\n", generation };
}

/** What {@link verifyCompiledSet} found. */
export type CompiledSetCheck =
  | { ok: true; generation: string }
  /** A file is missing or unreadable (`file`), or carries no generation id. */
  | { ok: false; problem: "unreadable" | "unstamped"; file: string }
  /** The files do not come from one compilation (or one was edited): their ids, by file. */
  | { ok: false; problem: "mixed"; generations: Record<string, string> };

/**
 * Checks that the three files of a compiled set come from one compilation: the same generation id
 * in each, and that id the hash of their contents (an edited file is caught too).
 */
export function verifyCompiledSet(paths: { js: string; dts: string; schema: string }): CompiledSetCheck {
  const texts: Partial<CompiledTexts> = {};
  const ids: Record<string, string> = {};
  for (const key of ["js", "dts", "schema"] as const) {
    const file = paths[key];
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      return { ok: false, problem: "unreadable", file };
    }
    if (key === "schema") {
      let obj: Record<string, unknown>;
      try {
        obj = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return { ok: false, problem: "unstamped", file };
      }
      const c = obj[SCHEMA_KEY];
      if (typeof c !== "string" || !c.startsWith(SCHEMA_PREFIX)) return { ok: false, problem: "unstamped", file };
      ids[file] = c.slice(SCHEMA_PREFIX.length);
      delete obj[SCHEMA_KEY];
      texts.schema = JSON.stringify(obj, null, 2) + "\n";
    } else {
      const m = LINE.exec(text);
      if (!m) return { ok: false, problem: "unstamped", file };
      ids[file] = m[1]!;
      texts[key] = text.slice(0, m.index);
    }
  }
  const values = Object.values(ids);
  const expected = generationOf(texts as CompiledTexts);
  if (values.every((v) => v === expected)) return { ok: true, generation: expected };
  return { ok: false, problem: "mixed", generations: ids };
}
