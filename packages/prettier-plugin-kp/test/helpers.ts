/**
 * Test helpers for the formatter: formatting through Prettier's own API, the fixture files of the
 * whole repository, AST shapes and golden files.
 *
 * Regenerate the `_output.kp` goldens with
 *   UPDATE_GOLDEN=1 npx vitest run packages/prettier-plugin-kp/test/format.test.ts
 * and review them with `git diff`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseKp } from "@kaoping/core";
import * as prettier from "prettier";
import { expect } from "vitest";
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

/** Compares `actual` with a golden file; writes it when UPDATE_GOLDEN=1 (or when missing, outside CI). */
export function expectGolden(path: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(path)) {
    if (process.env.CI && process.env.UPDATE_GOLDEN !== "1") throw new Error(`golden file missing: ${path}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  expect(actual).toBe(readFileSync(path, "utf8"));
}
