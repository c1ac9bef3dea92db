/**
 * Editor latency through the real language server over stdio (dist/main.js; build it first with
 * `pnpm --filter @kaoping/lsp build`):
 *
 *   npx tsx packages/lsp/bench/latency.ts [--edits 200] [--only rules|multi|single] [--json out.json]
 *
 * For each workload, 200 edits are sent one at a time, each after the diagnostics of the previous
 * one arrived plus a pause (a person typing: 250 ms between keystrokes), and the time from sending
 * `didChange` to receiving `publishDiagnostics` for that version is measured.  The "burst" rows send
 * the next edit as soon as the previous diagnostics arrive (no pause): there the server's throttle
 * (at most one analysis per 150 ms while typing) shows.  Then completion requests (p95) and the
 * server's resident memory.
 *
 * Workloads: rules/ (edit in 01-×令畅通.kp, the catalogue's 4 files checked and linted), and a
 * generated catalogue of 10,000 lines, once as one file and once as a root with 10 included files
 * of ~1,000 lines (the layout of real catalogues: one file per 一级指标).
 *
 * The server publishes diagnostics twice per analysis: after parsing and checking (with the previous
 * lint findings moved onto the new text), then after linting; "→ diagnostics" is the first,
 * "→ linted" the time until the linter's findings are in.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { CodeActionRequest, CompletionRequest } from "vscode-languageserver-protocol/node";
import { LspClient } from "../test/lsp-client.js";

const args = process.argv.slice(2);
const EDITS = Number(args[args.indexOf("--edits") + 1] ?? 200) || 200;
const jsonOut = args.includes("--json") ? args[args.indexOf("--json") + 1] : undefined;
/** `--only rules|multi|single` runs one workload. */
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
const PAUSE_MS = 250;
const rulesDir = fileURLToPath(new URL("../../../rules/", import.meta.url));

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A catalogue of about `lines` lines: indicators of 8 capped per-occurrence rules and a 分段 rule. */
function generate(lines: number, files: number): Map<string, string> {
  const out = new Map<string, string>();
  const perFile = Math.ceil(lines / files);
  let root = "细则 「生成的细则」\n年度 2024\n类别 「县区」、「园区」\n";
  let n = 0;
  for (let f = 0; f < files; f++) {
    let text = "";
    let count = 0;
    while (count < perFile - (files === 1 ? 4 : 0)) {
      text += `指标 「指标${n}」 4分 {\n`;
      for (let j = 0; j < 8; j++)
        text += `  规则 「规则${n}_${j}」 「第${j + 1}项工作未按要求完成的，每次扣0.${j + 1}分，最多扣1分」\n    每次 扣 0.${j + 1} 上限 1\n`;
      text += `  规则 「完成率${n}」 「完成率低于90%的，扣1分」\n    分段 {\n      < 90% 扣 1\n    }\n}\n`;
      count += 1 + 16 + 5 + 1;
      n++;
    }
    if (files === 1) {
      out.set("细则.kp", root + text);
      return out;
    }
    const name = `part${String(f + 1).padStart(2, "0")}.kp`;
    root += `引入 「${name}」\n`;
    out.set(name, text);
  }
  out.set("细则.kp", root);
  return out;
}

interface Row {
  workload: string;
  lines: number;
  mode: string;
  p50: number;
  p95: number;
  max: number;
}

/**
 * Sends `EDITS` edits to `file` (toggling one number), measuring didChange → publishDiagnostics
 * (`times`) and didChange → the linter's findings being available (`linted`: a code action
 * request, which waits for the lint, answered).
 */
async function measureEdits(
  client: LspClient,
  uri: string,
  text: string,
  needle: string,
  pause: number,
): Promise<{ times: number[]; linted: number[] }> {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not found`);
  const before = text.slice(0, i).split("\n");
  const line = before.length - 1;
  const character = before[before.length - 1]!.length;
  const times: number[] = [];
  const linted: number[] = [];
  let current = needle;
  for (let k = 0; k < EDITS; k++) {
    const next = current === needle ? needle.replace("0.5", "0.4") : needle;
    const t0 = performance.now();
    const v = await client.change(uri, [
      { range: { start: { line, character }, end: { line, character: character + current.length } }, text: next },
    ]);
    await client.diagnosticsAt(uri, v, 30_000);
    times.push(performance.now() - t0);
    const at = { line, character: character + 3 };
    await client.request(CodeActionRequest.method, { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } });
    linted.push(performance.now() - t0);
    current = next;
    if (pause > 0) await sleep(pause);
  }
  return { times, linted };
}

async function completionTimes(client: LspClient, uri: string, text: string, n = 200): Promise<number[]> {
  const lines = text.split("\n");
  const candidates = lines.map((l, i) => ({ l, i })).filter(({ l }) => /^\s+每次 扣/.test(l));
  const times: number[] = [];
  for (let k = 0; k < n; k++) {
    const { l, i } = candidates[(k * 7) % candidates.length]!;
    const t0 = performance.now();
    await client.request(CompletionRequest.method, { textDocument: { uri }, position: { line: i, character: l.length } });
    times.push(performance.now() - t0);
  }
  return times;
}

async function workload(
  name: string,
  files: Map<string, string>,
  editFile: string,
  needle: string,
  rows: Row[],
  extra: { completion: number[]; rss: number[] },
): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kp-latency-"));
  try {
    for (const [f, t] of files) writeFileSync(path.join(dir, f), t);
    const client = LspClient.start();
    try {
      await client.initialize(pathToFileURL(dir).href);
      const uri = pathToFileURL(path.join(dir, editFile)).href;
      const text = files.get(editFile)!;
      const lines = [...files.values()].reduce((s, t) => s + t.split("\n").length - 1, 0);
      await client.open(uri, text);
      await client.diagnosticsAt(uri, 1, 60_000);
      for (const [mode, pause] of [
        ["typing (250 ms pauses)", PAUSE_MS],
        ["burst (no pause)", 0],
      ] as const) {
        const { times: t, linted } = await measureEdits(client, uri, text, needle, pause);
        rows.push({
          workload: name,
          lines,
          mode: `${mode} → diagnostics`,
          p50: percentile(t, 50),
          p95: percentile(t, 95),
          max: Math.max(...t),
        });
        rows.push({
          workload: name,
          lines,
          mode: `${mode} → linted`,
          p50: percentile(linted, 50),
          p95: percentile(linted, 95),
          max: Math.max(...linted),
        });
      }
      const c = await completionTimes(client, uri, text);
      extra.completion.push(...c);
      rows.push({ workload: name, lines, mode: "completion", p50: percentile(c, 50), p95: percentile(c, 95), max: Math.max(...c) });
      extra.rss.push(client.rssMb());
      rows.push({ workload: name, lines, mode: "server RSS (MB)", p50: client.rssMb(), p95: Number.NaN, max: Number.NaN });
    } finally {
      await client.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const extra = { completion: [] as number[], rss: [] as number[] };
  const rules = new Map<string, string>();
  for (const f of readdirSync(rulesDir)) if (f.endsWith(".kp")) rules.set(f, readFileSync(path.join(rulesDir, f), "utf8"));
  if (!only || only === "rules") await workload("rules/", rules, "01-×令畅通.kp", "每次 扣 0.5", rows, extra);
  if (!only || only === "multi")
    await workload("10,000 lines, 11 files", generate(10_000, 10), "part05.kp", "每次 扣 0.5 上限 1", rows, extra);
  if (!only || only === "single") await workload("10,000 lines, 1 file", generate(10_000, 1), "细则.kp", "每次 扣 0.5 上限 1", rows, extra);

  const fmt = (x: number) => (Number.isNaN(x) ? "" : x.toFixed(1));
  const head = ["workload", "lines", "measure", "p50 ms", "p95 ms", "max ms"];
  const table = rows.map((r) => [r.workload, String(r.lines), r.mode, fmt(r.p50), fmt(r.p95), fmt(r.max)]);
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  console.log(`keystroke (didChange) → publishDiagnostics over ${EDITS} edits, through the stdio server; node ${process.version}`);
  console.log(line(head));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const r of table) console.log(line(r));
  if (jsonOut) {
    mkdirSync(path.dirname(path.resolve(jsonOut)), { recursive: true });
    writeFileSync(jsonOut, JSON.stringify({ edits: EDITS, pauseMs: PAUSE_MS, rows }, null, 2) + "\n");
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
