/**
 * The recogniser on the seed's hand-written catalogue (rules/): every rule's clause is recognised and
 * the reading compared with the rule's code (as in corpus-measure.ts). The seed is what `kp import`'s
 * round trip reads, so its wrong readings are the ones that would break it; they are printed and
 * must be none. `适用` (the unit classes a rule applies to) is left out of the comparison: it comes from
 * the catalogue's classes, which the importer's structure side knows and the recogniser is not given.
 */
import { analyzeCatalogue, nodeHost, type Rule } from "@kaoping/core";
import { recogniseClause } from "@kaoping/import";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { normalisedBody, pct } from "./corpus-measure.js";

const root = fileURLToPath(new URL("../../../rules/细则.kp", import.meta.url));

describe("the recogniser on the seed (rules/)", () => {
  it("reads no clause wrongly, and prints how many it reads", () => {
    const a = analyzeCatalogue(root, nodeHost);
    let correct = 0;
    let todo = 0;
    const wrong: string[] = [];
    let total = 0;
    const visit = (m: { rules: readonly { node: Rule; name: string }[]; children?: readonly unknown[] }, ctx: { indicator: string; points: string | null; section: "加分" | "减分" | null }, siblings: string[]) => {
      for (const r of m.rules) {
        const node = r.node;
        if (!node.clause || !node.body) continue;
        const file = a.files.find((f) => f.text.includes(node.clause!.value))!;
        const last = node.modifiers.length > 0 ? node.modifiers[node.modifiers.length - 1]! : node.body;
        const code = file.text.slice(node.body.span.start.offset, last.span.end.offset);
        total++;
        const rec = recogniseClause(node.clause.value, { ...ctx, siblings: siblings.filter((s) => s !== node.clause!.value) });
        if (rec.kind === "todo") {
          todo++;
          if (process.env.RECOG_SHOW) console.log(`todo ${r.name}: 「${node.clause.value}」 ${rec.reason} | ${code.replace(/\s+/g, " ")}`);
          continue;
        }
        const same = rec.bodies.length === 1 && normalisedBody(rec.bodies[0]!, { points: ctx.points, section: ctx.section ?? undefined }) === normalisedBody(code, { points: ctx.points, section: ctx.section ?? undefined }, { withoutApplies: true });
        if (same) correct++;
        else wrong.push(`${r.name}: 「${node.clause.value}」 ${JSON.stringify(rec.bodies)} ≠ ${code.replace(/\s+/g, " ")}`);
      }
    };
    const walk = (ind: { name: string; points: number; rules: readonly { node: Rule; name: string }[]; children: readonly unknown[] }): void => {
      const siblings = ind.rules.map((r) => r.node.clause?.value ?? "");
      visit(ind, { indicator: ind.name, points: (ind.points / 1_000_000).toString(), section: null }, siblings);
      for (const c of ind.children) walk(c as typeof ind);
    };
    for (const ind of a.catalogue.indicators as unknown as Parameters<typeof walk>[0][]) walk(ind);
    console.log(`seed: ${total} rules, ${correct} read correctly (${pct(correct, total)}), ${wrong.length} wrongly, ${todo} to-do`);
    if (wrong.length) console.log(wrong.join("\n"));
    expect(total).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });
});
