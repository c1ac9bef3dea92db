/**
 * Generates src/runtime/generated.ts: the JavaScript text of the typed runtime (src/runtime/src/*.ts)
 * that every compiled module embeds.  Each runtime file is checked to hold only imports of the files
 * before it, exported function declarations and types (no module state, no other imports), then
 * transpiled with TypeScript's transpileModule (types stripped, comments kept, no `import`/`export`)
 * and joined in dependency order.  The core build runs this first; test/runtime-generated.test.ts fails
 * when the committed file is stale.
 *
 *   npx tsx packages/core/scripts/generate-runtime.ts
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/** The runtime's files, in dependency order (each imports only files before it). */
export const RUNTIME_FILES = ["arith.ts", "text.ts", "cells.ts", "read-units.ts"] as const;

const srcDir = new URL("../src/runtime/src/", import.meta.url);
const outFile = fileURLToPath(new URL("../src/runtime/generated.ts", import.meta.url));

/**
 * One runtime file's JavaScript (no import, no export) and the functions it defines; `earlier` are
 * the files it may import.  Throws when the file holds anything but such imports, exported `kp…`
 * functions and types.
 */
export function compileRuntimeFile(file: string, text: string, earlier: readonly string[]): { js: string; names: string[] } {
  // The file's header comment describes the file, not a function: compiled modules do without it.
  const header = ts.getLeadingCommentRanges(text, 0)?.[0];
  const source = header && /^\r?\n\s*\n/.test(text.slice(header.end)) ? text.slice(header.end).trimStart() : text;
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const names: string[] = [];
  const where = (node: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      const from = (st.moduleSpecifier as ts.StringLiteral).text;
      const target = from.replace(/^\.\//, "").replace(/\.js$/, ".ts");
      if (!from.startsWith("./") || !earlier.includes(target)) throw new Error(`${where(st)}: the runtime may import only the runtime files before it, not "${from}"`);
    } else if (ts.isFunctionDeclaration(st)) {
      const exported = st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
      if (!st.name || !exported || !st.body) throw new Error(`${where(st)}: a runtime function is exported, named and has a body`);
      if (!/^kp[A-Z]/.test(st.name.text)) throw new Error(`${where(st)}: runtime function names start with kp (compiled modules' own names must not clash): ${st.name.text}`);
      names.push(st.name.text);
    } else if (!ts.isInterfaceDeclaration(st) && !ts.isTypeAliasDeclaration(st)) {
      throw new Error(`${where(st)}: the runtime holds only functions and types (no module state): ${ts.SyntaxKind[st.kind]}`);
    }
  }
  const strip: ts.TransformerFactory<ts.SourceFile> = () => (node) =>
    ts.factory.updateSourceFile(
      node,
      node.statements.flatMap((st) => {
        if (ts.isImportDeclaration(st)) return [];
        if (ts.isFunctionDeclaration(st))
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
  const js = out.outputText.replace(/^export \{\};\n?/m, "").trim();
  if (/^\s*(import|export)\b/m.test(js)) throw new Error(`${file}: import/export left in the runtime text`);
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
