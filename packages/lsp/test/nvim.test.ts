/**
 * Another LSP client: headless Neovim 0.7 (vim.lsp.start_client) gets the same diagnostics as our
 * stdio client for the same file, and answers hover and definition.  Without nvim a visible skip, or a
 * failure when CI is set (test/prerequisite.ts; `.ci/setup-e2e.sh` installs nvim).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "vscode-languageserver-protocol/node";
import { prerequisite } from "../../../test/prerequisite.js";
import { rulesDir } from "./helpers.js";
import { LspClient, serverMain } from "./lsp-client.js";

function nvimAvailable(): boolean {
  try {
    return /NVIM v0\.(7|8|9|1\d)/.test(execFileSync("nvim", ["--version"], { encoding: "utf8" }));
  } catch {
    return false;
  }
}

const available = prerequisite("nvim ≥ 0.7", nvimAvailable(), "run `bash .ci/setup-e2e.sh`");

const F1 = "01-×令畅通.kp";
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** UTF-16 character index on a line → UTF-8 byte column (what Neovim stores). */
function byteCol(line: string, character: number): number {
  return Buffer.byteLength(line.slice(0, character), "utf8");
}

describe.skipIf(!available)("Neovim as an LSP client", () => {
  it("receives the same diagnostics for a rules/ file with a mistake, and hovers", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kp-nvim-"));
    dirs.push(dir);
    const ws = path.join(dir, "rules");
    mkdirSync(ws);
    for (const f of readdirSync(rulesDir)) cpSync(path.join(rulesDir, f), path.join(ws, f));
    // The mistake: a broken amount in 「学习部署」 and a bare word instead of a quoted name.
    const original = readFileSync(path.join(ws, F1), "utf8");
    const broken = original
      .replace("规则 「学习部署」", "规则 学习部署")
      .replace("    每次 扣 0.5\n    规则 「落实议定事项」", "    每次 扣 扣\n    规则 「落实议定事项」");
    expect(broken).not.toBe(original);
    writeFileSync(path.join(ws, F1), broken);
    const lines = broken.split("\n");
    const hoverLine = lines.findIndex((l) => l.includes("「参会」"));
    const hoverChar = lines[hoverLine]!.indexOf("「参会」") + 1;

    // 1. Our stdio client.
    const client = LspClient.start();
    let ours: Diagnostic[];
    try {
      await client.initialize(pathToFileURL(ws).href);
      await client.open(pathToFileURL(path.join(ws, F1)).href, broken);
      ours = await client.diagnosticsAt(pathToFileURL(path.join(ws, F1)).href, 1);
    } finally {
      await client.stop();
    }

    // 2. Neovim.
    const out = path.join(dir, "nvim.json");
    const xdg = path.join(dir, "xdg");
    const r = spawnSync("nvim", ["--headless", "-n", "-i", "NONE", "-u", fileURLToPath(new URL("./nvim/init.lua", import.meta.url))], {
      env: {
        ...process.env,
        KP_FILE: path.join(ws, F1),
        KP_OUT: out,
        KP_ROOT: ws,
        KP_NODE: process.execPath,
        KP_SERVER: serverMain,
        KP_HOVER_LINE: String(hoverLine),
        KP_HOVER_CHAR: String(hoverChar),
        XDG_CONFIG_HOME: path.join(xdg, "config"),
        XDG_DATA_HOME: path.join(xdg, "data"),
        XDG_STATE_HOME: path.join(xdg, "state"),
        XDG_CACHE_HOME: path.join(xdg, "cache"),
      },
      timeout: 60_000,
      encoding: "utf8",
    });
    expect(existsSync(out), `nvim wrote nothing; status ${r.status}; stderr: ${r.stderr}`).toBe(true);
    const got = JSON.parse(readFileSync(out, "utf8")) as {
      ok: boolean;
      errors: string[];
      diagnostics: {
        lnum: number;
        col: number;
        end_lnum: number;
        end_col: number;
        severity: number;
        message: string;
        source: string;
        code: string;
      }[];
      hover?: string;
      definition?: { uri: string; range: { start: { line: number } } }[];
    };
    expect(got.errors).toEqual([]);
    expect(got.ok).toBe(true);

    const fromOurs = ours.map((d) => ({
      lnum: d.range.start.line,
      col: byteCol(lines[d.range.start.line]!, d.range.start.character),
      end_lnum: d.range.end.line,
      end_col: byteCol(lines[d.range.end.line] ?? "", d.range.end.character),
      severity: d.severity,
      message: d.message,
      source: d.source,
      code: d.code,
    }));
    const key = (d: { lnum: number; col: number; code: unknown }) =>
      `${String(d.lnum).padStart(5, "0")}:${String(d.col).padStart(5, "0")}:${String(d.code)}`;
    const sort = <T extends { lnum: number; col: number; code: unknown }>(l: T[]) => [...l].sort((a, b) => key(a).localeCompare(key(b)));
    expect(sort(got.diagnostics)).toEqual(sort(fromOurs));
    // The mistakes are there, at their places.
    expect(
      got.diagnostics
        .filter((d) => d.severity === 1)
        .map((d) => d.code)
        .sort(),
    ).toEqual(["KP1001", expect.stringMatching(/^KP110/)]);

    expect(got.hover).toContain("未按要求参加市×、市××重要会议、重要活动的，每次扣0.5分");
    expect(got.definition?.[0]?.range.start.line).toBe(hoverLine);
  }, 90_000);
});
