/**
 * Old vs new JavaScript emitter: compiles catalogues with a saved build of core (the emitter before a
 * change) and with core's source, scores the same facts with both modules, trace on, and compares the
 * results (scores, traces, facts shown, errors) as JSON text, byte for byte.
 *
 *   npx tsx scripts/compare-emit.ts <old core dist/index.js> [generated catalogues = 1500] [.kp files…]
 *
 * Catalogues: the property generator's (test/property/kp-gen.ts, with its own units and facts) and the
 * given .kp files (facts drawn from each rule's fact types; a fact set the module refuses is compared
 * as its errors).  Exits 1 at the first difference, printing both.
 */
import { pathToFileURL } from "node:url";
import * as NEW from "../packages/core/src/index.js";
import type * as M from "../packages/core/src/model.js";
import { hasAbove } from "../packages/core/src/ir/indicator-block.js";
import { drawFromSeed, encodeUnit, genCatalogue, genStyle, genUnits, renderCatalogue, UNIT_POOL } from "../test/property/kp-gen.js";
import { analyzeRendered, importModule, memoryHost } from "../test/property/harness.js";

type Core = typeof NEW;
const [oldPath, countArg, ...kpFiles] = process.argv.slice(2);
if (!oldPath) throw new Error("usage: compare-emit.ts <old core dist/index.js> [count] [.kp files…]");
const OLD = (await import(pathToFileURL(oldPath).href)) as Core;
const COUNT = Number(countArg ?? 1500);

function run(mod: Awaited<ReturnType<typeof importModule>>, units: unknown): string {
  try {
    return JSON.stringify(mod.scoreAll(units, { trace: true, detail: true }));
  } catch (e) {
    return `THROW ${e instanceof Error ? `${e.name}: ${e.message} ${JSON.stringify((e as { errors?: unknown }).errors ?? null)}` : String(e)}`;
  }
}

/** Rules compared, by body kind and by what they end with. */
const tally = new Map<string, number>();
function count(cat: M.Catalogue): void {
  const inc = (k: string) => tally.set(k, (tally.get(k) ?? 0) + 1);
  for (const r of cat.rules) {
    inc(r.body.kind);
    if (r.body.kind === "per" && r.body.nouns.length > 1) inc("per(复合计次)");
    if (r.group?.kind === "highest") inc(`${r.body.kind}(就高)`);
    if (r.multipliers.length > 0) inc(`${r.body.kind}+加倍/减半`);
    if (r.waivers.some((w) => w.mode === "cancel")) inc(`${r.body.kind}+免扣`);
    if (r.waivers.some((w) => w.mode === "reduce")) inc(`${r.body.kind}+可减免`);
    if (r.cap !== undefined) inc(`${r.body.kind}+封顶`);
    if (r.average) inc(`${r.body.kind}+平均`);
    if (r.occurrences.length > 0) inc(`${r.body.kind}+其中`);
  }
  // the total: 折算, 舍入, grades, a ranking by the total
  if (cat.rescale && cat.declaredTotal !== undefined) inc("总分折算");
  if (cat.rounding !== undefined) inc("舍入");
  if (cat.grades.length > 0) inc("等次");
  if (cat.rules.some((r) => r.body.kind === "ranked" && r.body.by.kind === "total")) inc("按总分排名");
  if (cat.indicators.some((i) => hasAbove(i))) inc("指标+高于分值");
  // owners (合计 groups, sections, indicators) and what they book
  const owners: (M.IndicatorModel | M.SectionModel)[] = [...cat.bonuses, ...cat.penalties];
  const walk = (i: M.IndicatorModel) => (owners.push(i), i.children.forEach(walk));
  cat.indicators.forEach(walk);
  for (const o of owners) {
    const k = o.kind === "indicator" ? "指标" : o.kind === "bonus" ? "加分" : "减分";
    inc(k);
    if (o.kind !== "indicator" && o.cap !== undefined) inc(`${k}+上限`);
    if (o.rules.some((r) => r.body.kind === "once" && r.body.otherwise)) inc(`${k}+否则`);
    if (o.groups.some((g) => g.kind === "cap")) inc(`${k}+合计`);
    // an indicator's 适用 (its subtree at full points) and 参照 (to a unit, to a pool)
    if (o.kind === "indicator" && o.appliesTo) inc("指标+适用");
    if (o.kind === "indicator") for (const rf of o.refers) inc(rf.source.kind === "unit" ? "指标+参照单位" : "指标+参照平均/最高/最低");
    // a pool's membership (ir/refer-pool.ts): its kind, and what excludes a member — another 参照 on
    // the indicator, a 参照 above it, a 适用 on it or above
    if (o.kind === "indicator")
      for (const rf of o.refers) {
        if (rf.source.kind !== "pool") continue;
        inc(`参照池(${{ class: "类别", same: "同类单位", all: "各单位" }[rf.source.pool]})`);
        if (o.refers.length > 1) inc("参照池+同指标另有参照");
        const up: M.IndicatorModel[] = [];
        for (let p = o.parent; p; p = p.parent) up.push(p);
        if (up.some((p) => p.refers.length > 0)) inc("参照池+上级有参照");
        if ([o, ...up].some((p) => p.appliesTo)) inc("参照池+适用");
      }
  }
}

/** Modules whose text is byte-identical to the old one's. */
let sameText = 0;
/** Catalogues whose scoring IR (what the SQL is printed from; a construct not lowered as its error) is identical to the old one's. */
let sameIr = 0;

async function compare(label: string, cat: M.Catalogue, oldCat: M.Catalogue, unitSets: unknown[]): Promise<number> {
  count(cat);
  const jsNew = NEW.compileCatalogue(cat, { version: "cmp" }).js;
  const jsOld = OLD.compileCatalogue(oldCat, { version: "cmp" }).js;
  if (jsNew === jsOld) sameText++;
  const ir = (core: Core, c: M.Catalogue): string => {
    try {
      return JSON.stringify(core.lower(c));
    } catch (e) {
      return `THROW ${e instanceof Error ? e.message : String(e)}`;
    }
  };
  if (ir(NEW, cat) === ir(OLD, oldCat)) sameIr++;
  const a = await importModule(jsOld);
  const b = await importModule(jsNew);
  let n = 0;
  for (const units of unitSets) {
    const x = run(a, units);
    if (x.startsWith("THROW")) refused++;
    const y = run(b, units);
    if (x !== y) {
      console.error(`DIFFERENT: ${label}\nfacts ${JSON.stringify(units)}\nold ${x}\nnew ${y}`);
      process.exit(1);
    }
    n++;
  }
  return n;
}

/** Random facts for a catalogue from its rules' fact types. */
function drawUnits(cat: M.Catalogue, rnd: () => number, count: number): unknown[] {
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const dec = (raw: number) => NEW.kpFormat(raw);
  const facts = new Map<string, M.FactType>();
  for (const r of cat.rules) for (const f of r.facts) facts.set(f.key, f.fact);
  for (const r of cat.rules) if (r.average && "fact" in r.average && !facts.has(r.average.fact)) facts.set(r.average.fact, { type: "value", percent: false, integer: false, missing: false, positive: true });
  const units = [];
  for (let u = 0; u < count; u++) {
    const f: Record<string, unknown> = {};
    const keys = [...facts.keys()].sort((x, y) => Number("within" in facts.get(x)! && !!(facts.get(x) as { within?: string }).within) - Number("within" in facts.get(y)! && !!(facts.get(y) as { within?: string }).within));
    for (const key of keys) {
      const t = facts.get(key)!;
      if (rnd() < 0.25 && t.type !== "value") continue;
      switch (t.type) {
        case "count":
          f[key] = t.within ? int(0, Number(f[t.within] ?? 0)) : int(0, 4);
          break;
        case "flag":
          f[key] = rnd() < 0.5;
          break;
        case "award":
          f[key] = rnd() < 0.5 ? "是" : dec(int(0, t.max / 10000) * 10000);
          break;
        case "value":
          f[key] = dec(int(t.positive ? 1 : 0, 150) * 100000) + (t.percent ? "%" : "");
          break;
        case "score":
          f[key] = dec(int(0, (t.scale ?? t.max) / 100000) * 100000);
          break;
        case "committee":
          f[key] = dec(int(0, t.max / 100000) * 100000);
          break;
        case "rate":
          f[key] = dec(int(0, 100) * 1000000) + "%";
          break;
        case "outcome":
          f[key] = t.names[int(0, t.names.length - 1)];
          break;
        case "amount":
          f[key] = dec(t.min + Math.floor(rnd() * (t.max - t.min)));
          break;
        case "amounts":
          f[key] = Array.from({ length: int(0, 3) }, () => dec(t.min + int(0, 4) * Math.floor((t.max - t.min) / 4)));
          break;
        case "reduce":
          f[key] = dec(int(0, 3) * 100000);
          break;
        case "items":
          break;
      }
    }
    const classes = cat.classes.filter(() => rnd() < 0.4);
    units.push({ name: `单位${u}`, ...(classes.length > 0 ? { classes } : {}), facts: f });
  }
  return units;
}

let catalogues = 0;
/** Fact sets both modules refused (compared as their errors). */
let refused = 0;
let sets = 0;
for (let seed = 1; seed <= COUNT; seed++) {
  const d = drawFromSeed(seed);
  const spec = genCatalogue(d, UNIT_POOL);
  const files = renderCatalogue(spec, genStyle(d));
  const an = analyzeRendered(files);
  if (an.diagnostics.some((x) => x.severity === "error")) continue;
  const oldAn = OLD.analyzeCatalogue(files[0]!.path, memoryHost(new Map(files.map((f) => [f.path, f.text]))));
  const unitSets = Array.from({ length: 4 }, () => genUnits(d, spec, d.int(1, 6)).map((u) => encodeUnit(d, spec, u)));
  sets += await compare(`generated seed ${seed}`, an.catalogue, oldAn.catalogue, unitSets);
  catalogues++;
}
let seedState = 12345;
const rnd = () => ((seedState = (seedState * 1103515245 + 12345) % 2147483648) / 2147483648);
let files = 0;
for (const path of kpFiles) {
  const an = NEW.analyzeCatalogue(path, NEW.nodeHost);
  if (an.diagnostics.some((x) => x.severity === "error")) continue;
  const oldAn = OLD.analyzeCatalogue(path, OLD.nodeHost);
  const unitSets = Array.from({ length: 6 }, () => drawUnits(an.catalogue, rnd, 8));
  sets += await compare(path, an.catalogue, oldAn.catalogue, unitSets);
  files++;
}
console.log([...tally].sort().map(([k, n]) => `${k} ${n}`).join(", "));
console.log(`same: ${catalogues} generated catalogues, ${files} .kp files, ${sets} fact sets (trace on; ${refused} refused by both, errors compared); module text identical for ${sameText}, scoring IR (SQL) identical for ${sameIr}`);
