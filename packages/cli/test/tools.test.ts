// `kp lint`, `kp fmt`, `kp lsp`: the built CLI over the built @kaoping/lint, prettier-plugin-kp and
// @kaoping/lsp (the root `pnpm test` builds every package first; see helpers.ts).
import { spawn } from "node:child_process";
import { copyFileSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliPath, fixtures, golden, kp, kpGolden, tempDir, transcript } from "./helpers.js";

/** A temporary copy of fixture files (lint --fix and fmt rewrite them); runs happen in it. */
function copy(...names: string[]): string {
  const dir = tempDir();
  for (const n of names) copyFileSync(join(fixtures, n), join(dir, n.split("/").pop()!));
  return dir;
}

describe("kp lint", () => {
  it("reports catalogue defects grouped by file, with fixes", () => {
    const r = kpGolden("lint/text.txt", ["lint", "lint/细则.kp"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^lint\/细则\.kp\n/);
    expect(r.stdout).toContain("修复建议：加上限 4");
  });

  it("exits 1 when errors remain, and shows syntax errors of files it cannot lint", () => {
    const r = kp(["lint", "catalogue", "check/syntax-errors.kp"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("错误 KP3030");
    expect(r.stdout).toContain("错误 KP1002");
  });

  it("prints JSON and SARIF", () => {
    const json = JSON.parse(kp(["lint", "--format", "json", "lint"]).stdout) as { diagnostics: { code: string }[] };
    expect(json.diagnostics.map((d) => d.code)).toEqual(["KP3001", "KP3001"]);
    const sarif = JSON.parse(kp(["lint", "--format", "sarif", "lint/细则.kp"]).stdout) as { version: string; runs: { results: { ruleId: string }[] }[] };
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0]!.results.map((x) => x.ruleId)).toEqual(["KP3001", "KP3001"]);
  });

  it("fixes what it can with --fix, atomically, and reports what is left", () => {
    const dir = copy("lint/细则.kp");
    const r = kp(["lint", "--fix", "细则.kp"], { cwd: dir });
    golden("lint/fix.txt", transcript(["lint", "--fix", "细则.kp"], r));
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, "细则.kp"), "utf8");
    expect(text).toContain("每次 扣 0.5 上限 4");
    expect(text).toContain("每次 扣 0.2 上限 2");
    expect(readdirSync(dir)).toEqual(["细则.kp"]);
    expect(kp(["lint", "细则.kp"], { cwd: dir }).stdout).toBe("检查了 1 个文件：0 个错误，0 个警告\n");
  });
});

describe("kp fmt", () => {
  it("lists unformatted files with --check, without touching them", () => {
    const dir = copy("lint/unformatted.kp", "lint/细则.kp");
    const before = readFileSync(join(dir, "unformatted.kp"), "utf8");
    const r = kp(["fmt", "--check", "."], { cwd: dir });
    golden("fmt/check.txt", transcript(["fmt", "--check", "."], r));
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, "unformatted.kp"), "utf8")).toBe(before);
  });

  it("rewrites only the files that change, and is stable", () => {
    const dir = copy("lint/unformatted.kp", "lint/细则.kp");
    const untouched = readFileSync(join(dir, "细则.kp"), "utf8");
    const r = kp(["fmt", "."], { cwd: dir });
    golden("fmt/write.txt", transcript(["fmt", "."], r) + "# unformatted.kp\n" + readFileSync(join(dir, "unformatted.kp"), "utf8"));
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "细则.kp"), "utf8")).toBe(untouched);
    expect(kp(["fmt", "--check", "."], { cwd: dir }).code).toBe(0);
    expect(kp(["fmt", "."], { cwd: dir }).stdout).toBe("格式化了 0 个文件（共 2 个）。\n");
    expect(readdirSync(dir).sort()).toEqual(["unformatted.kp", "细则.kp"]);
  });

  it("refuses a file with syntax errors and never rewrites it", () => {
    const dir = copy("check/syntax-errors.kp", "lint/unformatted.kp");
    const before = readFileSync(join(dir, "syntax-errors.kp"), "utf8");
    const r = kp(["fmt", "."], { cwd: dir });
    golden("fmt/syntax-errors.txt", transcript(["fmt", "."], r));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("syntax-errors.kp:10:11 错误 KP1002");
    expect(readFileSync(join(dir, "syntax-errors.kp"), "utf8")).toBe(before);
  });
});

describe("kp lsp", () => {
  it("serves the language server protocol on stdio", async () => {
    const p = spawn(process.execPath, [cliPath, "lsp", "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    const send = (m: object) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...m }));
      p.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      p.stdin.write(body);
    };
    let out = "";
    const responses: Record<number, unknown> = {};
    const done = new Promise<number | null>((resolve) => p.on("exit", resolve));
    p.stdout.on("data", (d: Buffer) => {
      out += d.toString("utf8");
      for (;;) {
        const m = /^Content-Length: (\d+)\r\n\r\n/.exec(out);
        if (!m) break;
        const len = Number(m[1]);
        const body = Buffer.from(out.slice(m[0].length));
        if (body.length < len) break;
        const msg = JSON.parse(body.subarray(0, len).toString("utf8")) as { id?: number; result?: unknown };
        out = body.subarray(len).toString("utf8");
        if (msg.id === 1) {
          responses[1] = msg.result;
          send({ id: 2, method: "shutdown" });
        } else if (msg.id === 2) {
          responses[2] = msg.result;
          send({ method: "exit" });
        }
      }
    });
    send({ id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } });
    expect(await done).toBe(0);
    const init = responses[1] as { capabilities: { hoverProvider?: boolean }; serverInfo?: { name: string } };
    expect(init.serverInfo?.name).toBe("kaoping");
    expect(init.capabilities.hoverProvider).toBe(true);
  });

  it("needs --stdio", () => {
    const r = kp(["lsp"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("错误：kp lsp 需要 --stdio：语言服务器通过标准输入输出与编辑器通信\n");
  });
});
