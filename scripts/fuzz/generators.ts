/** Catalogue inputs: generated catalogues, mutations of them and of the corpus, token soups, deep nesting, huge files. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { keywords } from "@kaoping/core";
import { drawFromSeed, encodeUnit, genCatalogue, genStyle, genUnits, renderCatalogue, UNIT_POOL, type Draw } from "../../test/property/kp-gen.js";
import type { FactsSpec } from "./facts-gen.js";
import { mutate, NUMBERS, randomUnicode } from "./mutations.js";
import { ROOT } from "./options.js";

/** One fuzz input: files (the first is the root) and facts for scoring. */
export interface FuzzInput {
  kind: string;
  files: { path: string; text: string }[];
  facts?: unknown[];
  /** Seed of the random choices made while running it (facts, offsets). */
  seed: number;
  /** A facts file for the catalogue (the `facts` target; see facts-gen.ts). */
  factsFile?: FactsSpec;
}

export function corpus(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e);
      if (e === "node_modules" || e === "dist" || e.startsWith(".")) continue;
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (e.endsWith(".kp") && st.size < 200_000) out.push({ path: p, text: readFileSync(p, "utf8") });
    }
  };
  for (const d of ["rules", "test/patterns", "examples", "packages/core/test", "packages/cli/test", "packages/lsp/test", "packages/lint/test", "packages/prettier-plugin-kp/test"]) walk(join(ROOT, d));
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}


const KEYWORD_TEXTS = keywords.flatMap((k) => [k.text, ...k.aliases]);
const PUNCT = ["{", "}", "[", "]", "(", ")", "、", ",", "，", "≥", ">", "≤", "<", "=", ">=", "<=", "%", "；", "：", "。", "｛", "｝", "（", "）", "＞＝", "~", "～", "—"];

function tokenSoup(d: Draw): string {
  const out: string[] = [];
  for (let n = d.int(1, 120); n > 0; n--) {
    const r = d.int(0, 9);
    if (r < 4) out.push(d.pick(KEYWORD_TEXTS));
    else if (r < 6) out.push(d.pick(PUNCT));
    else if (r < 7) out.push(d.pick(NUMBERS));
    else if (r < 8) out.push(String(d.int(0, 100)) + (d.bool() ? "%" : ""));
    else if (r < 9) out.push(`「${randomUnicode(d)}${d.pick(["规则", "指标", "甲"])}」`);
    else out.push(randomUnicode(d));
    out.push(d.pick([" ", " ", "\n", "", "  "]));
  }
  return out.join("");
}

function deepNesting(depth: number, close: boolean): string {
  return "细则 「深」\n" + "指标 「层」 1分 {\n".repeat(depth) + "规则 「r」 「c」 扣 0.1\n" + (close ? "}\n".repeat(depth) : "");
}

function hugeFile(d: Draw): string {
  const lines = ["细则 「十万行」", "指标 「甲」 100分 {"];
  const valid = d.bool();
  for (let i = 0; i < 100_000; i++) lines.push(valid ? `  规则 「规则${i}」 「条文${i}」 每次 扣 0.01` : d.pick(["  规则 「x", "}}} 扣 扣", "  每次 扣 0.5 上限", "「」「」「」", ""]));
  lines.push("}");
  return lines.join(d.bool() ? "\n" : "\r\n");
}

/** Builds input `i` of a run deterministically from the run's seed. */
export function makeInput(runSeed: number, i: number, corpusFiles: readonly { path: string; text: string }[], huge: boolean): FuzzInput {
  const seed = (Math.imul(runSeed ^ 0x9e3779b9, 0x85ebca6b) + i * 0x27d4eb2d) >>> 0;
  const d = drawFromSeed(seed);
  const single = (kind: string, text: string): FuzzInput => ({ kind, seed, files: [{ path: "/fuzz/root.kp", text }] });
  if (huge && i % 2500 === 1234) return single("huge", hugeFile(d));
  if (i % 200 === 7) return single("deep", deepNesting(d.pick([1000, 1000, 2000, 5000]), d.bool(0.8)));
  const r = d.int(0, 99);
  if (r < 25) {
    // a generated valid catalogue with valid facts
    const cat = genCatalogue(d, UNIT_POOL);
    const files = renderCatalogue(cat, genStyle(d), "/fuzz");
    const units = genUnits(d, cat, d.int(1, 6));
    return { kind: "generated", seed, files, facts: units.map((u) => encodeUnit(d, cat, u)) };
  }
  if (r < 55) {
    const cat = genCatalogue(d, UNIT_POOL);
    const files = renderCatalogue(cat, genStyle(d), "/fuzz");
    const k = d.int(0, files.length - 1);
    let text = files[k]!.text;
    for (let n = d.int(1, 4); n > 0; n--) text = mutate(d, text);
    files[k] = { path: files[k]!.path, text };
    return { kind: "mutated-generated", seed, files };
  }
  if (r < 80 && corpusFiles.length > 0) {
    const src = d.pick(corpusFiles);
    let text = src.text;
    for (let n = d.int(1, 6); n > 0; n--) text = mutate(d, text);
    return { kind: `mutated-corpus:${relative(ROOT, src.path)}`, seed, files: [{ path: "/fuzz/root.kp", text }] };
  }
  if (r < 92) return single("token-soup", tokenSoup(d));
  let s = "";
  for (let n = d.int(0, 200); n > 0; n--) s += randomUnicode(d);
  return single("unicode", s);
}
