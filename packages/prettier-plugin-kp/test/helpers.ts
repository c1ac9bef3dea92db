/**
 * Test helpers for the formatter: formatting through Prettier's own API, the fixture files of the
 * whole repository, AST shapes and golden files.
 *
 * The `_output.kp` goldens: test/golden.ts (a missing one fails; regenerate all goldens with
 * `pnpm run update-golden` and review them with `git diff`).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseKp } from "@kaoping/core";
import * as prettier from "prettier";
import plugin from "prettier-plugin-kp";
import { astShape } from "../src/ast-shape.js";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const packageRoot = fileURLToPath(new URL("../", import.meta.url));

/** Formats through `prettier.format` with the plugin, as any Prettier user would. */
export function format(text: string, options: prettier.Options = {}): Promise<string> {
  return prettier.format(text, { parser: "kp", plugins: [plugin], ...options });
}

/** The AST without positions, and the comments' texts: what formatting must keep. */
export function shape(text: string): ReturnType<typeof astShape> {
  return astShape(parseKp(text).ast);
}

export function hasSyntaxErrors(text: string): boolean {
  return parseKp(text).diagnostics.some((d) => d.severity === "error");
}

function walkKp(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist" || entry.name.startsWith(".")) continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walkKp(p, out);
    else if (entry.name.endsWith(".kp")) out.push(p);
  }
}

/** Every .kp file of rules/, examples/, test/ and packages/<pkg>/test, relative to the repository. */
export function fixtureFiles(): string[] {
  const out: string[] = [];
  for (const dir of ["rules", "examples", "test"]) walkKp(join(repoRoot, dir), out);
  for (const pkg of readdirSync(join(repoRoot, "packages"))) walkKp(join(repoRoot, "packages", pkg, "test"), out);
  return out.map((p) => relative(repoRoot, p)).sort();
}

export function read(path: string): string {
  return readFileSync(path, "utf8");
}

/** Compares `actual` with a golden file (test/golden.ts: a missing golden fails). */
export { expectGolden } from "../../../test/golden.js";
