/**
 * Test scenarios (*.kptest) in the editor: a scenario file is run against its catalogue (the one it
 * names with 细则 「…」, else the root file beside it; open editor buffers win over the disk) with
 * core's testing/ — the same runner as `kp test` — and gives diagnostics: the file's problems and a
 * KP7020 on each failing expectation's line.  Code lenses 「运行」 on each 场景 line run one scenario
 * (the server's `kaoping.runScenario` command).  Kept apart from the server so that its lens
 * provider can be combined with others (`scenarioLenses`).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import {
  analyzeCatalogue,
  decodeBytes,
  MAX_SOURCE_BYTES,
  readRegularFile,
  compileCatalogue,
  diagnostic,
  evaluateCompiledModule,
  hasErrors,
  isRootFile,
  nodeHost,
  parseKp,
  parseScenarios,
  runDiagnostics,
  runScenarios,
  type Diagnostic,
  type FileRun,
  type ScoringModule,
  type SourceHost,
  type Span,
} from "@kaoping/core";

export const SCENARIO_COMMAND = "kaoping.runScenario";

/** Whether a path is a scenario file. */
export function isScenarioFile(p: string): boolean {
  return /\.kptest$/i.test(p);
}

const top: Span = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };

/** The root .kp file in a directory (exactly one), or undefined. */
function rootBeside(dir: string, host: SourceHost): string | undefined {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.kp$/i.test(n));
  } catch {
    return undefined;
  }
  const roots = names
    .map((n) => path.join(dir, n))
    .filter((p) => {
      const r = host.read(p);
      return r.ok && isRootFile(parseKp(r.text, p).ast);
    });
  return roots.length === 1 ? roots[0] : undefined;
}

/** Runs scenario files, compiling each catalogue once per version of its texts. */
export class ScenarioRunner {
  private cache = new Map<string, { key: string; module: ScoringModule }>();

  /** `open`: the texts of open editor documents by path. */
  constructor(private readonly open: (p: string) => string | undefined) {}

  private host(): SourceHost {
    return {
      ...nodeHost,
      read: (p: string) => {
        const t = this.open(p);
        return t !== undefined ? { ok: true, text: t } : nodeHost.read(p);
      },
    };
  }

  /** Runs a scenario file's text; a run, or the diagnostics that stop it. */
  run(file: string, text: string): { run?: FileRun; diagnostics: Diagnostic[] } {
    const parsed = parseScenarios(text, file);
    const host = this.host();
    const root = parsed.catalogue ? path.resolve(path.dirname(file), parsed.catalogue.path) : rootBeside(path.dirname(file), host);
    const where = parsed.catalogue?.span ?? top;
    if (!root || !host.read(root).ok) return { diagnostics: [...parsed.diagnostics, diagnostic("KP7030", where, [parsed.catalogue?.path ?? "（同一目录中没有唯一的细则根文件）"], { file })] };
    const analysis = analyzeCatalogue(root, host, undefined, { requireRoot: true });
    if (hasErrors(analysis.diagnostics) || !analysis.catalogue) return { diagnostics: [...parsed.diagnostics, diagnostic("KP7033", where, [path.basename(root)], { file })] };
    const key = analysis.files.map((f) => `${f.path}\u0000${f.text}`).join("\u0001");
    let cached = this.cache.get(root);
    if (!cached || cached.key !== key) {
      cached = { key, module: evaluateCompiledModule(compileCatalogue(analysis.catalogue).js) };
      this.cache.set(root, cached);
    }
    const run = runScenarios(parsed, cached.module);
    return { run, diagnostics: runDiagnostics(run) };
  }

  /** The scenario files in the directories of these catalogue roots (on disk). */
  besides(roots: readonly string[]): string[] {
    const out: string[] = [];
    for (const dir of new Set(roots.map((r) => path.dirname(r)))) {
      try {
        for (const n of readdirSync(dir).sort()) if (isScenarioFile(n)) out.push(path.join(dir, n));
      } catch {
        // an unreadable directory has no scenarios to show
      }
    }
    return out;
  }

  /** A scenario file's text on disk (undefined when unreadable or too large). */
  readDisk(file: string): string | undefined {
    const r = readRegularFile(file, MAX_SOURCE_BYTES);
    if (!r.ok) return undefined;
    const d = decodeBytes(r.bytes, false);
    return d.ok ? d.text : undefined;
  }

  /** One scenario's outcome as a message for the user. */
  runOne(file: string, text: string, name: string): { ok: boolean; message: string } {
    const { run, diagnostics } = this.run(file, text);
    const r = run?.results.find((x) => x.scenario.name === name);
    if (!r) {
      const first = diagnostics.find((d) => d.severity === "error");
      return { ok: false, message: `场景「${name}」未能运行${first ? `：第 ${first.span.start.line} 行 ${first.code} ${first.message}` : ""}` };
    }
    if (r.passed) return { ok: true, message: `场景「${name}」通过` };
    return { ok: false, message: `场景「${name}」未通过：${r.failures.map((f) => `第 ${f.expectation.span.start.line} 行期望 ${f.expected}，实际 ${f.actual}`).join("；")}` };
  }
}

/** A code lens: a range and a command. */
export interface ScenarioLens {
  span: Span;
  title: string;
  command: string;
  arguments: unknown[];
}

/** 「运行」 on each scenario's line. */
export function scenarioLenses(uri: string, file: string, text: string): ScenarioLens[] {
  return parseScenarios(text, file).scenarios.map((s) => ({ span: s.span, title: "运行", command: SCENARIO_COMMAND, arguments: [uri, s.name] }));
}
