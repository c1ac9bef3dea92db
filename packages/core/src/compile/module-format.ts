/**
 * The file formats a compiled module is written in.  The compiler emits an ES module whose top level
 * is declarations only (`export const|function|class`, no imports); `kp compile` writes it as `.mjs`
 * (an ES module wherever it sits, whatever the package.json beside it says) or, with `--module cjs`,
 * as `.cjs`: the same text with the `export` keywords removed and one `module.exports = { … }` at the
 * end, for systems that still `require`.  The declarations are the same text as `.d.mts` / `.d.cts`.
 */

/** ES module (`.mjs`, `.d.mts`) or CommonJS (`.cjs`, `.d.cts`). */
export type ModuleFormat = "esm" | "cjs";

/** The file extensions of a compiled module and its declarations. */
export function moduleExtensions(format: ModuleFormat): { js: string; dts: string } {
  return format === "cjs" ? { js: ".cjs", dts: ".d.cts" } : { js: ".mjs", dts: ".d.mts" };
}

const EXPORTED = /^export (const|let|function|class) ([A-Za-z_$][\w$]*)/gm;

/** A compiled ES module's text as CommonJS (`module.exports` with the same names, the same code). */
export function toCommonJs(js: string): string {
  const names: string[] = [];
  const body = js.replace(EXPORTED, (_m, decl: string, name: string) => {
    names.push(name);
    return `${decl} ${name}`;
  });
  if (/^\s*(import|export)\b/m.test(body)) throw new Error("internal: a compiled module has an unexpected import/export");
  return `"use strict";\n${body}${body.endsWith("\n") ? "" : "\n"}module.exports = { ${names.join(", ")} };\n`;
}

/** The module text in a format. */
export function inFormat(js: string, format: ModuleFormat): string {
  return format === "cjs" ? toCommonJs(js) : js;
}
