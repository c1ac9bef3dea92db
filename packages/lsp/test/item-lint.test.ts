/**
 * The edited indicator's lint between two whole lints (project.ts, `provisionalDiagnostics`): after
 * every edit of a random sequence (amounts typed and deleted, caps removed and put back, in
 * indicators all over a large file), what the editor shows before the pause equals what the whole
 * lint shows after it — on a catalogue whose lint findings all belong to one item (no catalogue-wide
 * rule fires, no clause is shared between items), where that is the contract.  Findings of earlier
 * edits are carried over to later versions, not lost or reverted.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "@kaoping/core";
import { loadLint } from "../src/integrations.js";
import { MemoryFileSystem } from "../src/service/files.js";
import { INCREMENTAL_MIN_CHARS } from "../src/service/incremental.js";
import { Project } from "../src/service/project.js";

const FILE = "/w/big.kp";

function catalogue(): string {
  let text = "";
  for (let i = 0; text.length < INCREMENTAL_MIN_CHARS * 1.5; i++)
    text += `指标 「项${i}」 4分 {\n  规则 「规则${i}」 「第${i}项未按要求完成的，每次扣0.5分」\n    每次 扣 0.5 上限 1\n}\n`;
  return text;
}

const key = (ds: readonly Diagnostic[]) =>
  ds.map((d) => `${d.code} ${d.span.start.offset}-${d.span.end.offset} ${d.span.start.line}:${d.span.start.column}-${d.span.end.line}:${d.span.end.column} ${d.message}`).sort();

describe("the edited indicator's lint", () => {
  it("shows what the whole lint shows, edit after edit", async () => {
    const lint = await loadLint();
    const base = catalogue();
    const items = base.split("\n}\n").length - 1;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: items - 1 }), fc.constantFrom("type", "delete", "uncap", "cap")), { minLength: 2, maxLength: 10 }),
        async (edits) => {
          const fs = new MemoryFileSystem({ [FILE]: base });
          const project = new Project(fs, { folders: ["/w"], lint });
          let text = base;
          project.setDocument(FILE, text);
          project.catalogueOf(FILE);
          for (const [item, what] of edits) {
            const at = text.indexOf(`「规则${item}」`);
            const body = text.indexOf("每次 扣 ", at) + "每次 扣 ".length;
            const lineEnd = text.indexOf("\n", body);
            const line = text.slice(body, lineEnd);
            let next = line;
            if (what === "type") next = line.replace(/^(\d+(?:\.\d+)?)/, "$11");
            else if (what === "delete") next = line.replace(/^(\d+(?:\.\d+)?)\d/, "$1");
            else if (what === "uncap") next = line.replace(/ 上限 1$/, "");
            else if (!line.endsWith(" 上限 1")) next = line + " 上限 1";
            if (next === line) continue; // nothing to do (e.g. a cap where there is one)
            text = text.slice(0, body) + next + text.slice(lineEnd);
            project.setDocument(FILE, text);
            // As while typing: checked and the edited indicator linted, no whole lint in between.
            const checked = project.catalogueOf(FILE, { lint: false });
            expect(checked.lint).toBeUndefined();
            const shown = project.provisionalDiagnostics(checked);
            if ((checked.itemLint ?? []).length > 0) accepted++;
            // What the whole lint of this text shows (in a project of its own, not to end the typing).
            const fresh = new Project(new MemoryFileSystem({ [FILE]: text }), { folders: ["/w"], lint });
            fresh.setDocument(FILE, text);
            expect(key(shown)).toEqual(key(fresh.catalogueOf(FILE).diagnostics));
          }
        },
      ),
      { numRuns: Number(process.env.KP_FC_RUNS ?? 40), seed: Number(process.env.KP_FC_SEED ?? 20261205) },
    );
    expect(accepted).toBeGreaterThan(20);
  }, 180_000);
});
