/**
 * Issue 12 §4 through the stdio client: hovers that teach (a keyword's example and its link to the
 * language reference, a number's meaning, a suppression comment's effect) and the colours (counting
 * units as `unitWord`, 且 前 其余 and comparison signs as `operator`) — from the built server
 * (packages/lsp/dist) and from the extension's bundle, which links to its own copy of the reference.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HoverRequest, SemanticTokensRequest, type Hover, type InitializeResult, type MarkupContent, type SemanticTokens } from "vscode-languageserver-protocol/node";
import { repoRoot } from "./helpers.js";
import { LspClient, serverMain } from "./lsp-client.js";

const source = `细则 「示例」
等次 {
  「优秀」 ≥ 3 且 前 20%
  「不合格」 其余
}
指标 「落实」 4分 {
  // kp-disable-next-line missing-cap: 原文未设上限
  规则 「参会」 「未按要求参加会议的，每次扣0.5分」 每次 扣 0.5
  规则 「事故」 「发现一起扣1分，最多扣2分」 发现一起 扣 1 上限 2
}
`;

const bundle = path.join(repoRoot, "packages/vscode/dist/server.mjs");

function positionOf(needle: string, delta = 0): { line: number; character: number } {
  const i = source.indexOf(needle) + delta;
  const before = source.slice(0, i).split("\n");
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

async function session(main: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kp-hover-"));
  const file = path.join(dir, "细则.kp");
  writeFileSync(file, source);
  const client = LspClient.start(["--stdio"], main);
  const init = await client.initialize(pathToFileURL(dir).href);
  const uri = pathToFileURL(file).href;
  await client.open(uri, source);
  await client.diagnosticsAt(uri, 1);
  const hoverAt = async (needle: string, delta = 0) => {
    const h = await client.request<Hover | null>(HoverRequest.method, { textDocument: { uri }, position: positionOf(needle, delta) });
    return (h?.contents as MarkupContent | undefined)?.value ?? "";
  };
  return { dir, client, init, uri, hoverAt };
}

describe("hovers and colours through the stdio server (packages/lsp/dist)", () => {
  let s: Awaited<ReturnType<typeof session>>;
  beforeAll(async () => {
    if (!existsSync(serverMain)) throw new Error(`${serverMain} is missing: run \`pnpm --filter @kaoping/lsp build\` first`);
    s = await session(serverMain);
  });
  afterAll(async () => {
    await s?.client.stop();
    if (s?.dir) rmSync(s.dir, { recursive: true, force: true });
  });

  it("a keyword's hover: its meaning, an example in a kp block, a link to the reference section's line", async () => {
    const md = await s.hoverAt("上限 2", 1);
    expect(md).toContain("**上限**");
    expect(md).toContain("```kp\n规则 「参会」");
    const link = /\[语言参考 6\.1 上限\]\((file:[^)#]+)#L(\d+)\)/.exec(md);
    expect(link).not.toBeNull();
    const file = fileURLToPath(link![1]!);
    expect(file).toBe(path.join(repoRoot, "grammar/语言参考.md"));
    expect(readFileSync(file, "utf8").split("\n")[Number(link![2]) - 1]).toMatch(/^### 6\.1 上限/);
  });

  it("a number, a grade's condition and a suppression comment", async () => {
    expect(await s.hoverAt("0.5\n", 1)).toContain("**0.5**　扣分额\n\n每次扣 0.5 分");
    expect(await s.hoverAt("20%", 1)).toContain("名次 ≤ ⌊单位数 × 20%⌋");
    const sup = await s.hoverAt("原文未设上限", 1);
    expect(sup).toContain("不检查的规则：`missing-cap`");
    expect(sup).toContain("**已抑制**");
  });

  it("semantic tokens: counting units are unitWord, 且 前 其余 and ≥ are operators", async () => {
    const legend = (s.init as InitializeResult).capabilities.semanticTokensProvider!.legend;
    expect(legend.tokenTypes).toContain("unitWord");
    const t = await s.client.request<SemanticTokens>(SemanticTokensRequest.method, { textDocument: { uri: s.uri } });
    const lines = source.split("\n");
    const got = new Map<string, string[]>();
    let line = 0;
    let ch = 0;
    for (let i = 0; i < t.data.length; i += 5) {
      const [dl, dc, len, type] = t.data.slice(i, i + 4) as [number, number, number, number];
      line += dl;
      ch = dl === 0 ? ch + dc : dc;
      const word = lines[line]!.slice(ch, ch + len);
      got.set(word, [...(got.get(word) ?? []), legend.tokenTypes[type]!]);
    }
    expect(got.get("每次")).toEqual(["unitWord"]);
    expect(got.get("发现一起")).toEqual(["unitWord"]);
    for (const w of ["≥", "且", "前", "其余"]) expect(got.get(w), w).toEqual(["operator"]);
    expect(got.get("「落实」")).toEqual(["namespace"]);
  });
});

describe.skipIf(!existsSync(bundle))("the extension's bundled server links to the reference it ships", () => {
  it("docs/语言参考.md beside the bundle", async () => {
    const s = await session(bundle);
    try {
      const md = await s.hoverAt("且", 0);
      const link = /\]\((file:[^)#]+)#L(\d+)\)/.exec(md);
      expect(fileURLToPath(link![1]!)).toBe(path.join(repoRoot, "packages/vscode/docs/语言参考.md"));
      expect(readFileSync(fileURLToPath(link![1]!), "utf8").split("\n")[Number(link![2]) - 1]).toMatch(/^## 9\. 等次/);
    } finally {
      await s.client.stop();
      rmSync(s.dir, { recursive: true, force: true });
    }
  });
});
