// Shared by the import tests: the indicator tree of a catalogue as the checker sees it (names and
// points), whether the core knows the to-do marker yet, and writing an import's files to a folder.
import { analyzeCatalogue, nodeHost, parseKp, type Diagnostic } from "@kaoping/core";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const seedPath = join(repoRoot, "..", "shared", "seed", "000_570ee5cf945afaf0.txt");

/** Whether the core reads `规则 「名」 「条文」 待补` (the recogniser's branch adds it; issue 13). */
export const coreKnowsTodo: boolean = parseKp("细则 「a」\n指标 「b」 1分 {\n  规则 「c」 「d」 待补\n}\n").diagnostics.every((d) => d.severity !== "error");

export interface TreeNode {
  readonly name: string;
  /** Points in exact decimal text (declared, or derived by the checker). */
  readonly points: string;
  readonly declared: boolean;
  readonly departments: readonly string[];
  readonly children: readonly TreeNode[];
}

function raw(n: number): string {
  const whole = Math.trunc(n / 1000000);
  const frac = String(n % 1000000).padStart(6, "0").replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : String(whole);
}

interface ModelIndicator {
  name: string;
  points: number;
  pointsDeclared: boolean;
  departments: string[];
  children: ModelIndicator[];
}

const toTree = (i: ModelIndicator): TreeNode => ({ name: i.name, points: raw(i.points), declared: i.pointsDeclared, departments: i.departments, children: i.children.map(toTree) });

/**
 * A catalogue folder's tree and diagnostics.  While the core does not know `待补`, a copy is checked
 * with every marker replaced by a placeholder scoring (`扣 0.01`), which changes no declared points.
 */
export function catalogueTree(dir: string, root = "细则.kp"): { tree: TreeNode[]; diagnostics: Diagnostic[] } {
  const a = analyzeCatalogue(join(dir, root), nodeHost);
  return { tree: (a.catalogue.indicators as unknown as ModelIndicator[]).map(toTree), diagnostics: a.diagnostics };
}

export function writeFiles(files: ReadonlyMap<string, string>, placeholder = !coreKnowsTodo): string {
  const dir = mkdtempSync(join(tmpdir(), "kp-import-"));
  mkdirSync(dir, { recursive: true });
  // A placeholder award in a 加分 section, a deduction elsewhere.
  for (const [name, text] of files) {
    const body = /^加分 「/m.test(text) ? "得 0.01" : "扣 0.01";
    writeFileSync(join(dir, name), placeholder && name.endsWith(".kp") ? text.replace(/^(\s*)(规则 .*) 待补$/gm, `$1$2\n$1  ${body}`) : text);
  }
  return dir;
}

/** The tree as lines 「  名称 4分」, for readable comparisons and failure messages. */
export function treeLines(tree: readonly TreeNode[], depth = 0): string[] {
  return tree.flatMap((n) => [`${"  ".repeat(depth)}${n.name} ${n.points}分`, ...treeLines(n.children, depth + 1)]);
}
