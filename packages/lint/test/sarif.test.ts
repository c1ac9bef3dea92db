/**
 * SARIF: the log written by toSarif validates against the SARIF 2.1.0 JSON schema with ajv.
 *
 * The schema comes from the npm package @microsoft/sarif-multitool-ts (Microsoft's SARIF SDK, MIT),
 * which ships the SARIF 2.1.0 schema as assets/sarif-2.1.0.schema.json — the OASIS 2.1.0 schema
 * (rtm.6, errata 01) expressed in JSON Schema 2020-12, so it is validated with ajv's Ajv2020 class
 * and ajv-formats (uri, uri-reference, date-time …).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { analyzeFiles, nodeHost, type Diagnostic } from "@kaoping/core";
import { findLintConfig, lintAnalysis, lintRules, toSarif } from "@kaoping/lint";

const require = createRequire(join(__dirname, "sarif.test.ts"));

function schemaValidator() {
  const main = require.resolve("@microsoft/sarif-multitool-ts");
  const schemaPath = join(dirname(main), "..", "assets", "sarif-2.1.0.schema.json");
  const schema = JSON.parse(readFileSync(schemaPath, "utf8")) as { title: string };
  expect(schema.title).toBe("Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema");
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  return ajv.compile(schema);
}

const project = resolve(__dirname, "fixtures/project");

function projectDiagnostics(): Diagnostic[] {
  const dir = join(project, "细则");
  const { config, diagnostics } = findLintConfig(dir);
  return [...diagnostics, ...analyzeFiles(nodeHost.listKpFiles!(dir), nodeHost).flatMap((a) => [...a.diagnostics, ...lintAnalysis(a, config)])];
}

interface Log {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; name?: string; shortDescription: { text: string } }[] } };
    originalUriBaseIds?: Record<string, { uri: string }>;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations?: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
      fixes?: { description: { text: string }; artifactChanges: { artifactLocation: { uri: string }; replacements: { deletedRegion: Record<string, number>; insertedContent: { text: string } }[] }[] }[];
    }[];
  }[];
}

describe("toSarif", () => {
  const validate = schemaValidator();

  it("writes a valid SARIF 2.1.0 log for a real lint run, fixes included", () => {
    const diags = projectDiagnostics();
    expect(diags.length).toBeGreaterThan(3);
    const log = toSarif(diags, { baseDir: project });
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const run = (log as Log).runs[0]!;
    expect(run.tool.driver.name).toBe("kaoping");
    expect(run.originalUriBaseIds?.SRCROOT?.uri).toMatch(/^file:\/\/.*\/$/);
    // Every lint rule is described, with its kebab id as name and its Chinese title.
    for (const r of lintRules) expect(run.tool.driver.rules).toContainEqual(expect.objectContaining({ id: r.code, name: r.id, shortDescription: { text: r.title } }));
    const mc = run.results.find((r) => r.ruleId === "KP3001")!;
    expect(run.tool.driver.rules[mc.ruleIndex]!.id).toBe("KP3001");
    // kp.config.json raises missing-cap to error, but a deduction its indicator bounds is info at most.
    expect(mc.level).toBe("note");
    const loc = mc.locations![0]!.physicalLocation;
    expect(loc.artifactLocation).toEqual({ uri: `${encodeURIComponent("细则")}/${encodeURIComponent("01-重大决策.kp")}`, uriBaseId: "SRCROOT" });
    expect(loc.region).toMatchObject({ startLine: 3, startColumn: 5, endLine: 3, endColumn: 13 });
    const fix = mc.fixes![0]!;
    expect(fix.description.text).toBe("加上限 4（本项分值，即扣完为止）");
    expect(fix.artifactChanges[0]!.replacements[0]!.insertedContent.text).toBe(" 上限 4");
    expect(fix.artifactChanges[0]!.replacements[0]!.deletedRegion.charLength).toBe(0);
  });

  it("maps severities to levels and handles diagnostics without a file, and files outside baseDir", () => {
    const span = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };
    const diags: Diagnostic[] = [
      { code: "KP3050", severity: "info", message: "提示", file: resolve(project, "细则/细则.kp"), span },
      { code: "KP1001", severity: "error", message: "无法识别的文字", file: "/tmp/别处/x.kp", span },
      { code: "KP3903", severity: "hint", message: "建议", span },
    ];
    const log = toSarif(diags, { baseDir: project }) as Log;
    expect(validate(log)).toBe(true);
    const results = log.runs[0]!.results;
    expect(results.map((r) => r.level)).toEqual(["note", "error", "note"]);
    expect(results[1]!.locations![0]!.physicalLocation.artifactLocation.uri).toBe(`file:///tmp/${encodeURIComponent("别处")}/x.kp`);
    expect(results[2]!.locations).toBeUndefined();
    // A core code is described from core's catalogue.
    expect(log.runs[0]!.tool.driver.rules.find((r) => r.id === "KP1001")!.shortDescription.text).toContain("无法识别的文字");
    // Without baseDir, absolute URIs and no SRCROOT.
    const abs = toSarif(diags) as Log;
    expect(validate(abs)).toBe(true);
    expect(abs.runs[0]!.originalUriBaseIds).toBeUndefined();
  });

  it("the validator rejects a broken log (the test can fail)", () => {
    const log = toSarif(projectDiagnostics(), { baseDir: project }) as Log;
    const broken = JSON.parse(JSON.stringify(log)) as Log;
    (broken.runs[0]!.results[0] as unknown as Record<string, unknown>).level = "fatal";
    expect(validate(broken)).toBe(false);
    const noVersion = { ...log, version: "2.0.0" };
    expect(validate(noVersion)).toBe(false);
  });
});
