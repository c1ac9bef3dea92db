/**
 * The judge's second look (corpus-measure.ts): a reading whose syntax differs from the hand encoding
 * but which scores exactly as it does — the same facts asked for (keys, types, bounds) and the same
 * score and vetoes for every unit on a grid of facts that hits every number either reading writes, on
 * it and on both sides of it.  Bands written two ways (「> 50% 扣 5、> 30% 扣 3」 against 「> 50% 扣 5、
 * (30%, 50%] 扣 3」) are one meaning; a reading that asks for another fact (每次 on the shortfalls
 * against 至少 … 每少) is not, and stays wrong: only a reading that is indistinguishable by its scores
 * counts.
 */
import { checkCatalogue, compileCatalogue, evaluateCompiledModule, factSpecs, parseKp, type ScoringModule } from "@kaoping/core";
import { readingCatalogue } from "./reading-catalogue.js";

interface ClauseLike {
  points: number | string | null;
  section?: string | null;
}

/** The fact specs a reading's catalogue asks for, and its module; undefined when it does not check. */
function build(bodies: readonly string[], c: ClauseLike): { specs: ReturnType<typeof factSpecs>; mod: ScoringModule } | undefined {
  if (c.section) return undefined;
  const text = readingCatalogue(bodies, c);
  const parsed = parseKp(text, "r.kp");
  if (parsed.diagnostics.some((d) => d.severity === "error")) return undefined;
  const checked = checkCatalogue([parsed.ast]);
  if (checked.diagnostics.some((d) => d.severity === "error")) return undefined;
  return { specs: factSpecs(checked.catalogue), mod: evaluateCompiledModule(compileCatalogue(checked.catalogue).js) };
}

/** Values to try for one fact: every number either reading writes, on it and around it, and 0. */
function probes(spec: ReturnType<typeof factSpecs>[number], numbers: readonly number[]): unknown[] | undefined {
  switch (spec.t) {
    case "flag":
      return [true, false];
    case "outcome":
      return spec.names ? [...spec.names] : undefined;
    case "count": {
      // and counts large enough to reach any cap within the item's points
      const set = new Set<number>([0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 30, 50, 100, 1000]);
      for (const n of numbers) for (const d of [-1, 0, 1]) if (Number.isInteger(n + d) && n + d >= 0) set.add(n + d);
      return [...set];
    }
    case "value": {
      const set = new Set<string>(["0", "100", "1000"]);
      for (const n of numbers)
        for (const x of [n, n / 100])
          for (const d of [-0.01, -0.000001, 0, 0.000001, 0.01]) {
            const v = Math.round((x + d) * 1e6) / 1e6;
            if (v >= 0 || spec.neg) set.add(String(v));
          }
      const list: unknown[] = [...set];
      if (spec.miss) list.push("未报送");
      return list;
    }
    default:
      // amounts given per occurrence, per-item counts, assessments: not probed (stays wrong)
      return undefined;
  }
}

/** A seeded choice of combinations when the full grid is too large. */
function* grid(lists: readonly unknown[][], limit: number): Generator<unknown[]> {
  const total = lists.reduce((n, l) => n * l.length, 1);
  if (total <= limit) {
    const idx = lists.map(() => 0);
    for (let k = 0; k < total; k++) {
      yield idx.map((i, j) => lists[j]![i]);
      for (let j = 0; j < idx.length; j++) {
        if (++idx[j]! < lists[j]!.length) break;
        idx[j] = 0;
      }
    }
    return;
  }
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let k = 0; k < limit; k++) yield lists.map((l) => l[next() % l.length]);
}

/** Whether two readings of a clause score identically (see the file's comment). */
export function scoreEquivalent(want: readonly string[], got: readonly string[], c: ClauseLike): boolean {
  const a = build(want, c);
  const b = build(got, c);
  if (!a || !b) return false;
  const shape = (s: ReturnType<typeof factSpecs>) => JSON.stringify([...s].map((x) => ({ ...x, label: "" })).sort((x, y) => (x.k < y.k ? -1 : 1)));
  if (shape(a.specs) !== shape(b.specs)) return false;
  const numbers = [...new Set([...want, ...got].flatMap((t) => [...t.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]))))];
  const classes = a.mod.catalogue.classes;
  const lists: unknown[][] = [];
  for (const s of a.specs) {
    const p = probes(s, numbers);
    if (!p) return false;
    lists.push(p);
  }
  const units: { name: string; classes: string[]; facts: Record<string, unknown> }[] = [];
  const classLists = classes.length === 0 ? [[]] : [[], ...classes.map((x) => [x])];
  let n = 0;
  for (const combo of grid(lists, 2000))
    for (const cl of classLists) {
      const facts: Record<string, unknown> = {};
      a.specs.forEach((s, i) => (facts[s.k] = combo[i]));
      units.push({ name: `u${n++}`, classes: cl, facts });
    }
  const ok = units.filter((u) => a.mod.checkFacts([u]).length === 0 && b.mod.checkFacts([u]).length === 0);
  if (ok.length === 0) return false;
  const scores = (m: ScoringModule) => m.scoreAll(ok, { detail: true }).map((r) => `${r.unit} ${r.total} ${r.exactTotal} ${r.vetoes.map((v) => v.level).join(",")}`).sort().join("\n");
  return scores(a.mod) === scores(b.mod);
}
