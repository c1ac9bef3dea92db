/**
 * Generates src/runtime/generated.ts: the JavaScript text of the typed runtime (src/runtime/src/*.ts)
 * that compiled modules embed.  Two kinds of files:
 *   - the runtime proper (RUNTIME_FILES, every module embeds it): only imports of the files before
 *     it, exported `kp…` function declarations and types (no module state, no other imports);
 *   - module parts (MODULE_PARTS, the emitter includes each as a catalogue needs it: 参照 pools, the
 *     public API, the streaming scorer …): besides that, imports of the parts before it and of
 *     module-env.d.ts (the per-catalogue constants and functions the emitter writes: the import is
 *     dropped, the names are the module's own), the module's public exports (PUBLIC_EXPORTS, exactly
 *     the names emit-types.ts declares: `export` kept) and read-only tables derived once from the
 *     catalogue (`const UPPER_CASE = …`, not exported).
 * Each file is transpiled with TypeScript's transpileModule (types stripped, comments kept, imports
 * and the `export` of kp functions dropped, indentation 2 spaces a level as the emitted code around it).  The core build runs this first;
 * test/runtime-generated.test.ts fails when the committed file is stale.
 *
 *   npx tsx packages/core/scripts/generate-runtime.ts
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/** The runtime's files, in dependency order (each imports only files before it). */
export const RUNTIME_FILES = ["arith.ts", "text.ts", "cells.ts", "read-units.ts"] as const;

/** The module parts, by the name the emitter asks for, in dependency order (each imports only the runtime and parts before it). */
export const MODULE_PARTS = {
  pool: "pool.ts",
  values: "values.ts",
  unitName: "unit-name.ts",
  api: "api.ts",
  checkFacts: "check-facts.ts",
  checkFactsScoring: "check-facts-scoring.ts",
  compact: "compact.ts",
  scorer: "scorer.ts",
} as const;

/** The names a compiled module exports that module parts define (the rest — catalogue — the emitter writes). */
export const PUBLIC_EXPORTS = ["KpFactsError", "checkFacts", "scoreAll", "scoreUnit", "streamable", "passes", "createScorer"] as const;

/** What a file may hold: the runtime proper, or a module part (see the header). */
export interface FileKind {
  part: boolean;
}

const srcDir = new URL("../src/runtime/src/", import.meta.url);
const outFile = fileURLToPath(new URL("../src/runtime/generated.ts", import.meta.url));

/**
 * One runtime file's JavaScript (no import, no export) and the functions it defines; `earlier` are
 * the files it may import.  Throws when the file holds anything but such imports, exported `kp…`
 * functions and types.
 */
export function compileRuntimeFile(file: string, text: string, earlier: readonly string[], kind: FileKind = { part: false }): { js: string; names: string[] } {
  // The file's header comment describes the file, not a function: compiled modules do without it.
  const header = ts.getLeadingCommentRanges(text, 0)?.[0];
  const source = header && /^\r?\n\s*\n/.test(text.slice(header.end)) ? text.slice(header.end).trimStart() : text;
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const names: string[] = [];
  const isPublic = (name: string) => kind.part && (PUBLIC_EXPORTS as readonly string[]).includes(name);
  const exportedOf = (st: ts.Statement) => (ts.canHaveModifiers(st) ? (ts.getModifiers(st) ?? []) : []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const where = (node: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      const from = (st.moduleSpecifier as ts.StringLiteral).text;
      const target = from.replace(/^\.\//, "").replace(/\.js$/, ".ts");
      const allowed = earlier.includes(target) || (kind.part && from === "./module-env.js");
      if (!from.startsWith("./") || !allowed) throw new Error(`${where(st)}: the runtime may import only the runtime files before it${kind.part ? " and module-env" : ""}, not "${from}"`);
    } else if (ts.isFunctionDeclaration(st)) {
      if (!st.name || !exportedOf(st) || !st.body) throw new Error(`${where(st)}: a runtime function is exported, named and has a body`);
      if (!/^kp[A-Z]/.test(st.name.text) && !isPublic(st.name.text))
        throw new Error(`${where(st)}: runtime function names start with kp (compiled modules' own names must not clash): ${st.name.text}`);
      names.push(st.name.text);
    } else if (kind.part && ts.isClassDeclaration(st) && st.name && isPublic(st.name.text) && exportedOf(st)) {
      names.push(st.name.text);
    } else if (kind.part && ts.isVariableStatement(st) && (st.declarationList.flags & ts.NodeFlags.Const) !== 0 && st.declarationList.declarations.length === 1) {
      const d = st.declarationList.declarations[0]!;
      const name = ts.isIdentifier(d.name) ? d.name.text : "";
      const table = !exportedOf(st) && /^[A-Z][A-Z0-9_]*$/.test(name);
      if (!d.initializer || (!table && !(exportedOf(st) && isPublic(name))))
        throw new Error(`${where(st)}: a module part's constants are derived tables (const UPPER_CASE = …, not exported) or public exports (${PUBLIC_EXPORTS.join(", ")}): ${name}`);
      names.push(name);
    } else if (!ts.isInterfaceDeclaration(st) && !ts.isTypeAliasDeclaration(st)) {
      throw new Error(`${where(st)}: the runtime holds only functions and types (no module state): ${ts.SyntaxKind[st.kind]}`);
    }
  }
  const strip: ts.TransformerFactory<ts.SourceFile> = () => (node) =>
    ts.factory.updateSourceFile(
      node,
      node.statements.flatMap((st) => {
        if (ts.isImportDeclaration(st)) return [];
        if (ts.isFunctionDeclaration(st) && !(st.name && isPublic(st.name.text)))
          return [
            ts.factory.updateFunctionDeclaration(
              st,
              st.modifiers?.filter((m) => m.kind !== ts.SyntaxKind.ExportKeyword),
              st.asteriskToken,
              st.name,
              st.typeParameters,
              st.parameters,
              st.type,
              st.body,
            ),
          ];
        return [st];
      }),
    );
  const out = ts.transpileModule(source, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: false, newLine: ts.NewLineKind.LineFeed, sourceMap: false },
    transformers: { before: [strip] },
  });
  const problems = out.diagnostics ?? [];
  if (problems.length) throw new Error(`${file}: ${problems.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("; ")}`);
  // (TypeScript prints 4 spaces a level; the emitted code around it uses 2: halved, the text has no multi-line strings)
  const js = out.outputText
    .replace(/^export \{\};\n?/m, "")
    .trim()
    .replace(/^((?: {4})+)/gm, (lead) => " ".repeat(lead.length / 2));
  const left = js.split("\n").filter((line) => /^\s*(import|export)\b/.test(line) && !PUBLIC_EXPORTS.some((n) => kind.part && new RegExp(`^export (const|function|class) ${n}\\b`).test(line)));
  if (left.length > 0) throw new Error(`${file}: import/export left in the runtime text: ${left[0]}`);
  return { js, names };
}

/** The runtime's JavaScript text and the names of its functions. */
export function runtimeJs(): { js: string; names: string[] } {
  const parts: string[] = [];
  const names: string[] = [];
  RUNTIME_FILES.forEach((file, n) => {
    const r = compileRuntimeFile(file, readFileSync(new URL(file, srcDir), "utf8"), RUNTIME_FILES.slice(0, n));
    parts.push(r.js);
    names.push(...r.names);
  });
  return { js: parts.join("\n"), names };
}

/** Each module part's JavaScript, by part name. */
export function modulePartsJs(): Record<keyof typeof MODULE_PARTS, string> {
  const done: string[] = [...RUNTIME_FILES];
  const out: Partial<Record<keyof typeof MODULE_PARTS, string>> = {};
  for (const [part, file] of Object.entries(MODULE_PARTS) as [keyof typeof MODULE_PARTS, string][]) {
    out[part] = compileRuntimeFile(file, readFileSync(new URL(file, srcDir), "utf8"), done, { part: true }).js;
    done.push(file);
  }
  return out as Record<keyof typeof MODULE_PARTS, string>;
}

/** The generated file's text (one string per line of the runtime, so diffs stay readable). */
export function generatedText(): string {
  const { js, names } = runtimeJs();
  return [
    "// Generated by packages/core/scripts/generate-runtime.ts from src/runtime/src/*.ts (TypeScript transpileModule): do not edit.",
    "",
    "/** The runtime's JavaScript, as every compiled module embeds it: function declarations only, no import, no export. */",
    "export const RUNTIME_JS = [",
    ...js.split("\n").map((line) => `  ${JSON.stringify(line)},`),
    '].join("\\n");',
    "",
    "/** Names of the functions RUNTIME_JS defines, in order. */",
    `export const RUNTIME_NAMES = [${names.map((n) => JSON.stringify(n)).join(", ")}] as const;`,
    "",
    "/** The module parts' JavaScript (src/runtime/src/<part>.ts), which the emitter includes as a catalogue needs them. */",
    "export const MODULE_PARTS_JS = {",
    ...Object.entries(modulePartsJs()).flatMap(([part, text]) => [`  ${part}: [`, ...text.split("\n").map((line) => `    ${JSON.stringify(line)},`), '  ].join("\\n"),']),
    "} as const;",
    "",
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = generatedText();
  let old = "";
  try {
    old = readFileSync(outFile, "utf8");
  } catch {
    // first run
  }
  if (old !== text) {
    writeFileSync(`${outFile}.tmp`, text);
    renameSync(`${outFile}.tmp`, outFile);
    console.log(`wrote ${outFile}`);
  }
}
