/**
 * Figure 1 — parse + check throughput, against Chevrotain's JSON example parser and JSON.parse on
 * JSON of the same size; figure 2 — compile time (parse + check + emit) for rules/ and the generated
 * catalogue.
 */
import { analyzeOrThrow, memoryHost, rulesSources } from "../catalogues.js";
import { compileCatalogue, parseKp } from "../core.js";
import type { GeneratedCatalogue } from "../gen-catalogue.js";
import { parseJsonChevrotain } from "../json-parser.js";
import { interleaved, type RunPlan } from "../measure.js";
import { ms, type Figure } from "../report.js";

const MB = 1e6;
const mbps = (bytes: number, t: number) => bytes / MB / (t / 1000);

/** Figure 1. */
export async function parseFigure(gen: GeneratedCatalogue, plan: RunPlan): Promise<Figure> {
  const path = "/bench/生成细则.kp";
  const host = memoryHost(new Map([[path, gen.kp]]));
  analyzeOrThrow(path, host, "the generated catalogue"); // valid, or no figure
  const s = await interleaved(
    [
      { name: "kp", fn: () => analyzeOrThrow(path, host, "the generated catalogue") },
      { name: "kpParseOnly", fn: () => parseKp(gen.kp, path) },
      { name: "chevrotainJson", fn: () => parseJsonChevrotain(gen.json) },
      { name: "jsonParse", fn: () => JSON.parse(gen.json) },
    ],
    plan,
  );
  // Time per MB of each, so the small size difference between the two texts does not count.
  const kpPerMB = s.kp!.median / (gen.kpBytes / MB);
  const chevPerMB = s.chevrotainJson!.median / (gen.jsonBytes / MB);
  const ratio = kpPerMB / chevPerMB;
  return {
    id: "1",
    name: `parse + check ${(gen.kpBytes / MB).toFixed(2)} MB (${gen.rules} rules)`,
    goal: "≤ 3× Chevrotain JSON (time/MB)",
    measured: `${mbps(gen.kpBytes, s.kp!.median).toFixed(2)} MB/s (${ms(s.kp!.median)})`,
    baseline: `Chevrotain JSON ${mbps(gen.jsonBytes, s.chevrotainJson!.median).toFixed(2)} MB/s; JSON.parse ${mbps(gen.jsonBytes, s.jsonParse!.median).toFixed(0)} MB/s`,
    ratio,
    met: ratio <= 3,
    status: "ok",
    values: {
      kpBytes: gen.kpBytes,
      jsonBytes: gen.jsonBytes,
      rules: gen.rules,
      lines: gen.lines,
      kpMedian: s.kp!.median,
      kpMin: s.kp!.min,
      kpMax: s.kp!.max,
      kpParseOnlyMedian: s.kpParseOnly!.median,
      chevrotainJsonMedian: s.chevrotainJson!.median,
      chevrotainJsonMin: s.chevrotainJson!.min,
      chevrotainJsonMax: s.chevrotainJson!.max,
      jsonParseMedian: s.jsonParse!.median,
      kpMBps: mbps(gen.kpBytes, s.kp!.median),
      chevrotainJsonMBps: mbps(gen.jsonBytes, s.chevrotainJson!.median),
      jsonParseMBps: mbps(gen.jsonBytes, s.jsonParse!.median),
      kpOverJsonParse: kpPerMB / (s.jsonParse!.median / (gen.jsonBytes / MB)),
    },
  };
}

/** Figure 2: rules/ (information) and the generated catalogue (goal ≤ 1 s). */
export async function compileFigures(gen: GeneratedCatalogue, plan: RunPlan): Promise<Figure[]> {
  const rules = rulesSources();
  const rulesHost = memoryHost(rules.files);
  const genPath = "/bench/生成细则.kp";
  const genHost = memoryHost(new Map([[genPath, gen.kp]]));
  const compile = (root: string, host: ReturnType<typeof memoryHost>, what: string) => compileCatalogue(analyzeOrThrow(root, host, what).catalogue);
  const genAnalysis = analyzeOrThrow(genPath, genHost, "the generated catalogue");
  const s = await interleaved(
    [
      { name: "rules", fn: () => compile(rules.root, rulesHost, "rules/") },
      { name: "generated", fn: () => compile(genPath, genHost, "the generated catalogue") },
      // the emit step alone, on an already checked model
      { name: "generatedEmitOnly", fn: () => compileCatalogue(genAnalysis.catalogue) },
    ],
    plan,
  );
  const out = compileCatalogue(genAnalysis.catalogue);
  const g = s.generated!;
  return [
    {
      id: "2a",
      name: `compile rules/ (${(rules.bytes / 1000).toFixed(1)} KB, 4 files)`,
      goal: "info",
      measured: ms(s.rules!.median),
      baseline: "—",
      ratio: null,
      met: null,
      status: "ok",
      values: { bytes: rules.bytes, median: s.rules!.median, min: s.rules!.min, max: s.rules!.max },
    },
    {
      id: "2b",
      name: `compile ${(gen.kpBytes / MB).toFixed(2)} MB (parse+check+emit)`,
      goal: "≤ 1 s for 1 MB",
      measured: `${ms(g.median)} (emit ${ms(s.generatedEmitOnly!.median)})`,
      baseline: "—",
      // the goal scaled to the catalogue's actual size
      ratio: null,
      met: g.median / (gen.kpBytes / MB) <= 1000,
      status: "ok",
      values: {
        bytes: gen.kpBytes,
        median: g.median,
        min: g.min,
        max: g.max,
        emitOnlyMedian: s.generatedEmitOnly!.median,
        msPerMB: g.median / (gen.kpBytes / MB),
        jsBytes: out.js.length,
        dtsBytes: out.dts.length,
        schemaBytes: out.schema.length,
      },
    },
  ];
}
