/**
 * Incremental re-parsing gives exactly what a full parse gives: on thousands of random edits of a
 * large real file (rules/ 01–03 concatenated, twice), chained one after another, every accepted
 * incremental result equals `parseKp` of the new text — AST, spans, diagnostics with their fixes,
 * tokens, comments, lines — and checking it gives the diagnostics checking the full parse gives (the
 * items after the edit are the previous parse's objects, moved in place).  An edit that mends a
 * syntax error inside one item re-parses that item only; an edit that breaks one parses the file.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCatalogue, parseKp, type ParseResult } from "@kaoping/core";
import { INCREMENTAL_MIN_CHARS, reparse } from "../src/service/incremental.js";
import { rulesDir } from "./helpers.js";

// Twice over, to pass INCREMENTAL_MIN_CHARS (the repeated names are a semantic matter, not syntax).
const files = ["01-×令畅通.kp", "02-×风连×建设和反腐败工作.kp", "03-组织建设.kp"].map((f) => readFileSync(path.join(rulesDir, f), "utf8"));
const big = [...files, ...files].join("\n");

/** Everything observable of a parse, as plain data. */
function snapshot(p: ParseResult, withTokens = true) {
  const tok = (t: ParseResult["tokens"][number]) => [
    t.tokenType.name,
    t.image,
    t.startOffset,
    t.endOffset,
    t.startLine,
    t.startColumn,
    t.endLine,
    t.endColumn,
  ];
  return {
    ast: JSON.parse(JSON.stringify(p.ast)) as unknown,
    diagnostics: JSON.parse(JSON.stringify(p.diagnostics)) as unknown,
    // Reading them settles the tokens a re-parse deferred: without, later ones stand on unread ones.
    tokens: withTokens ? p.tokens.map(tok) : [],
    comments: withTokens ? p.comments.map(tok) : [],
    lines: p.lines.lineStarts,
  };
}

const pieces = [
  "1",
  "0.5",
  "扣",
  "每次",
  "上限",
  "「",
  "」",
  "「新」",
  "{",
  "}",
  " ",
  "\n",
  "、",
  "分",
  "x",
  "//",
  "/*",
  "*/",
  "规则",
  "指标",
  "。",
  "％",
  "５",
];

describe("incremental re-parsing", () => {
  it("the test file is large enough to be parsed incrementally and parses without errors", () => {
    expect(big.length).toBeGreaterThan(INCREMENTAL_MIN_CHARS);
    expect(parseKp(big, "/big.kp").diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("equals a full parse after every edit of random edit sequences", () => {
    let accepted = 0;
    let total = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 6 }), fc.constantFrom(...pieces), fc.boolean()), { minLength: 1, maxLength: 12 }),
        (edits) => {
          let text = big;
          let prev = { path: "/big.kp", text, parsed: parseKp(text, "/big.kp") };
          let last: { inc: ParseResult; full: ParseResult } | undefined;
          for (const [at, del, ins, readTokens] of edits) {
            const start = at % (text.length + 1);
            const next = text.slice(0, start) + ins + text.slice(Math.min(text.length, start + del));
            const inc = reparse(prev, next);
            const full = parseKp(next, "/big.kp");
            total++;
            if (inc) {
              accepted++;
              expect(snapshot(inc, readTokens)).toEqual(snapshot(full, readTokens));
              const checked = (p: ParseResult) => JSON.parse(JSON.stringify(checkCatalogue([p.ast], { fragment: true }).diagnostics)) as unknown;
              expect(checked(inc)).toEqual(checked(full));
              last = { inc, full };
            }
            text = next;
            prev = { path: "/big.kp", text, parsed: inc ?? full };
          }
          if (last) expect(snapshot(last.inc)).toEqual(snapshot(last.full));
        },
      ),
      { numRuns: Number(process.env.KP_FC_RUNS ?? 100), seed: Number(process.env.KP_FC_SEED ?? 20261125) },
    );
    // The incremental path is really taken (edits inside an item of an error-free file).
    expect(accepted / total).toBeGreaterThan(0.1);
  }, 120_000);

  it("typing inside a clause text of a large file is incremental", () => {
    const prev = { path: "/big.kp", text: big, parsed: parseKp(big, "/big.kp") };
    const at = big.indexOf("未按要求参加") + 2;
    const next = big.slice(0, at) + "及时" + big.slice(at);
    const inc = reparse(prev, next);
    expect(inc).toBeDefined();
    expect(snapshot(inc!)).toEqual(snapshot(parseKp(next, "/big.kp")));
  });

  it("mending a syntax error inside one item re-parses that item only, and equals a full parse", () => {
    let mended = 0;
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom("扣 扣", "{", "「", "上限", "每次", "分段", "x"), (at, piece) => {
        const start = at % big.length;
        const broken = big.slice(0, start) + piece + big.slice(start);
        const prev = { path: "/big.kp", text: broken, parsed: parseKp(broken, "/big.kp") };
        // the edit that takes the piece out again
        const inc = reparse(prev, big);
        if (!inc) return;
        mended++;
        expect(snapshot(inc)).toEqual(snapshot(parseKp(big, "/big.kp")));
      }),
      { numRuns: Number(process.env.KP_FC_RUNS ?? 150), seed: Number(process.env.KP_FC_SEED ?? 20261205) },
    );
    // (errors inside the item only: many pieces break it there)
    expect(mended).toBeGreaterThan(20);
  }, 120_000);

  it("declines: small files, files with errors, edits across items", () => {
    const small = "指标 「甲」 4分 {\n}\n";
    expect(reparse({ path: "/a.kp", text: small, parsed: parseKp(small) }, small.replace("4", "5"))).toBeUndefined();
    const broken = big.replace("每次 扣 0.5", "每次 扣 扣");
    expect(
      reparse({ path: "/b.kp", text: broken, parsed: parseKp(broken) }, broken.replace("未按要求参加", "未按要求出席")),
    ).toBeUndefined();
    const prev = { path: "/big.kp", text: big, parsed: parseKp(big, "/big.kp") };
    // An edit from inside one top-level item into the next touches no single item.
    const [first, second] = prev.parsed.ast.items;
    const from = first!.span.end.offset - 3;
    const to = second!.span.start.offset + 3;
    expect(reparse(prev, big.slice(0, from) + big.slice(to))).toBeUndefined();
  });
});
