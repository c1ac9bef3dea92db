/**
 * SARIF 2.1.0 output, for CI code scanning.  One run of the tool "kaoping": the rules are the lint
 * rules (and any other code the diagnostics carry), results carry the code as ruleId, the level, the
 * Chinese message, the exact region (1-based lines and columns in UTF-16 code units, plus character
 * offsets) and the fixes as artifact changes.  Paths are relative to `baseDir` under the uriBaseId
 * SRCROOT; files outside it get absolute file: URIs.
 */
import { isAbsolute, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { messages, VERSION, type Diagnostic, type Severity, type Span } from "@kaoping/core";
import { lintMessages } from "./messages.js";
import { allRules } from "./rules/index.js";

/** The $schema of the logs written. */
export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

const metaTitles: Record<string, string> = {
  KP3900: "配置文件有误",
  KP3901: "抑制注释没有写原因",
  KP3902: "抑制注释中的规则不存在",
  KP3903: "未使用的抑制注释",
  KP3904: "kp-disable 写的位置不对",
  KP3905: "抑制注释缺少规则名",
};

type Level = "error" | "warning" | "note";

function level(s: Severity): Level {
  return s === "error" ? "error" : s === "warning" ? "warning" : "note";
}

interface Descriptor {
  id: string;
  name?: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  help?: { text: string; markdown?: string };
  defaultConfiguration: { level: Level };
}

function descriptorFor(code: string): Descriptor {
  const rule = allRules.find((r) => r.code === code);
  if (rule) {
    const help = `${rule.doc.description}\n\n错误示例：\n${rule.doc.bad}\n\n正确示例：\n${rule.doc.good}`;
    return {
      id: rule.code,
      name: rule.id,
      shortDescription: { text: rule.title },
      fullDescription: { text: rule.doc.description },
      help: { text: help, markdown: `${rule.doc.description}\n\n错误示例：\n\n\`\`\`kp\n${rule.doc.bad}\n\`\`\`\n\n正确示例：\n\n\`\`\`kp\n${rule.doc.good}\n\`\`\`` },
      defaultConfiguration: { level: level(rule.defaultSeverity) },
    };
  }
  const def = (lintMessages as Record<string, { severity: Severity; message: string }>)[code] ?? (messages as Record<string, { severity: Severity; message: string }>)[code];
  return {
    id: code,
    shortDescription: { text: metaTitles[code] ?? def?.message ?? code },
    defaultConfiguration: { level: level(def?.severity ?? "error") },
  };
}

/** Options of {@link toSarif}. */
export interface SarifOptions {
  /** Paths are written relative to this directory (uriBaseId SRCROOT). */
  baseDir?: string;
}

/** Converts diagnostics (lint or any other kaoping diagnostics) to a SARIF 2.1.0 log. */
export function toSarif(diagnostics: Diagnostic[], options: SarifOptions = {}): object {
  const baseDir = options.baseDir !== undefined ? resolve(options.baseDir) : undefined;
  const location = (file: string) => {
    const abs = resolve(file);
    if (baseDir !== undefined) {
      const rel = relative(baseDir, abs);
      if (rel && !rel.startsWith("..") && !isAbsolute(rel)) return { uri: rel.split(sep).map(encodeURIComponent).join("/"), uriBaseId: "SRCROOT" };
    }
    return { uri: pathToFileURL(abs).href };
  };
  const region = (span: Span) => ({
    startLine: span.start.line,
    startColumn: span.start.column,
    endLine: span.end.line,
    endColumn: span.end.column,
    charOffset: span.start.offset,
    charLength: span.end.offset - span.start.offset,
  });

  const codes = [...new Set([...allRules.map((r) => r.code as string), ...diagnostics.map((d) => d.code)])];
  const rules = codes.map(descriptorFor);
  const index = new Map(codes.map((c, i) => [c, i]));

  const results = diagnostics.map((d) => {
    const result: Record<string, unknown> = {
      ruleId: d.code,
      ruleIndex: index.get(d.code)!,
      level: level(d.severity),
      message: { text: d.message },
    };
    if (d.file) result.locations = [{ physicalLocation: { artifactLocation: location(d.file), region: region(d.span) } }];
    const related = (d.related ?? []).filter((r) => r.file ?? d.file);
    if (related.length) {
      result.relatedLocations = related.map((r, i) => ({
        id: i,
        physicalLocation: { artifactLocation: location((r.file ?? d.file)!), region: region(r.span) },
        message: { text: r.message },
      }));
    }
    const fixes = (d.fixes ?? [])
      .map((f) => {
        const byFile = new Map<string, { deletedRegion: { charOffset: number; charLength: number }; insertedContent: { text: string } }[]>();
        for (const e of f.edits) {
          const file = e.file ?? d.file;
          if (!file) continue;
          const list = byFile.get(file) ?? [];
          list.push({ deletedRegion: { charOffset: e.start, charLength: e.end - e.start }, insertedContent: { text: e.newText } });
          byFile.set(file, list);
        }
        return {
          description: { text: f.title },
          artifactChanges: [...byFile].map(([file, replacements]) => ({ artifactLocation: location(file), replacements })),
        };
      })
      .filter((f) => f.artifactChanges.length > 0);
    if (fixes.length) result.fixes = fixes;
    return result;
  });

  const run: Record<string, unknown> = {
    tool: { driver: { name: "kaoping", version: VERSION, rules } },
    columnKind: "utf16CodeUnits",
    results,
  };
  if (baseDir !== undefined) run.originalUriBaseIds = { SRCROOT: { uri: pathToFileURL(baseDir.endsWith(sep) ? baseDir : baseDir + sep).href } };
  return { $schema: SARIF_SCHEMA, version: "2.1.0", runs: [run] };
}
