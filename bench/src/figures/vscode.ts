/// <reference lib="dom" />
/**
 * Figure 10 — keystroke → squiggle drawn, in a real VS Code (code-server + Chromium through
 * playwright-core, the e2e harness of test/e2e/harness), on a generated catalogue of ~5,000 lines:
 *
 *   10a  a syntax error: 「扣」 typed right after an amount; time from the key (or text input) event in the page
 *       to the first error squiggle in the editor's DOM (a MutationObserver, so no polling interval);
 *   10b  a lint finding of the edited indicator: a digit typed into an amount, which then disagrees
 *       with its clause (clause-mismatch, KP3030, an error by default): time to its squiggle.
 *
 *   10c  as 10a on a small file (rules/01, ~190 lines, edited in its catalogue rules/): what the
 *       editor itself adds when the server's work is small.
 *
 * Each keystroke is undone (Ctrl+Z) and its squiggle waited away before the next, at places spread
 * over the file.  Everything the user waits for is in: the editor's change event, the LSP message,
 * the server, the editor's rendering.  Without code-server or Chromium the figures say "not
 * available" and how to install them (`bash .ci/setup-e2e.sh`).
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { e2eMissing, gotoPosition, openBrowser, openFile, SEL, startCodeServer, type BrowserSession, type CodeServer } from "../../../test/e2e/harness/code-server.js";
import { generateCatalogue } from "../gen-catalogue.js";
import { percentile } from "../measure.js";
import { root, rulesDir } from "../paths.js";
import { unavailable, type Figure } from "../report.js";

/** Sizes of figure 7. */
export interface VscodePlan {
  lines: number;
  /** Keystrokes per case. */
  keystrokes: number;
}

const GOAL_MS = 250;
const FILE = "细则.kp";
const SMALL = "01-×令畅通.kp";

interface Probe {
  keyAt: number | null;
  seenAt: number | null;
}

/**
 * Arms the page: the time of the next keydown, and the time the active editor first shows more than
 * `before` squiggles of `selector`.
 */
async function arm(page: Page, selector: string, before: number): Promise<void> {
  await page.evaluate(
    ({ editorSel, selector, before }) => {
      const w = window as unknown as { __kpProbe?: Probe; __kpStop?: () => void };
      w.__kpStop?.();
      const probe: Probe = { keyAt: null, seenAt: null };
      w.__kpProbe = probe;
      const editor = document.querySelector(editorSel)!;
      const onKey = () => {
        if (probe.keyAt === null) probe.keyAt = performance.now();
      };
      // Playwright types a character without a key (「扣」) as text input, with no keydown: both count.
      document.addEventListener("keydown", onKey, true);
      document.addEventListener("beforeinput", onKey, true);
      const check = () => {
        if (probe.keyAt !== null && probe.seenAt === null && editor.querySelectorAll(selector).length > before) {
          probe.seenAt = performance.now();
          stop();
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(editor, { childList: true, subtree: true, attributes: true, attributeFilter: ["class"] });
      const stop = () => {
        observer.disconnect();
        document.removeEventListener("keydown", onKey, true);
        document.removeEventListener("beforeinput", onKey, true);
      };
      w.__kpStop = stop;
    },
    { editorSel: SEL.activeEditor, selector, before },
  );
}

async function squiggles(page: Page, selector: string): Promise<number> {
  return page.locator(SEL.activeEditor).first().locator(selector).count();
}

/** Types `text` at a position and returns the keystroke → squiggle time (ms), then undoes it. */
async function probe(page: Page, line: number, column: number, text: string, selector: string, timeoutMs = 10_000): Promise<number | undefined> {
  await gotoPosition(page, line, column);
  await page.waitForTimeout(300); // the cursor move's own requests settle
  const before = await squiggles(page, selector);
  await arm(page, selector, before);
  await page.keyboard.type(text);
  let ms: number | undefined;
  try {
    await page.waitForFunction(() => (window as unknown as { __kpProbe: Probe }).__kpProbe.seenAt !== null, undefined, { timeout: timeoutMs, polling: 50 });
    ms = await page.evaluate(() => {
      const p = (window as unknown as { __kpProbe: Probe }).__kpProbe;
      return p.seenAt! - p.keyAt!;
    });
  } catch {
    ms = undefined; // no squiggle in time: counted as a miss
  }
  for (let i = 0; i < text.length; i++) await page.keyboard.press("Control+Z");
  const deadline = Date.now() + 10_000;
  while ((await squiggles(page, selector)) > before && Date.now() < deadline) await page.waitForTimeout(100);
  return ms;
}

/** Where amounts end (1-based line and column), as figure 4 edits them. */
function amountEnds(text: string): { line: number; column: number }[] {
  const out: { line: number; column: number }[] = [];
  text.split("\n").forEach((l, i) => {
    for (const m of l.matchAll(/(?:扣|得) (\d+(?:\.\d+)?)/g)) out.push({ line: i + 1, column: m.index! + m[0].length + 1 });
  });
  return out;
}

/** Figures 10a–10c. */
export async function vscodeFigures(plan: VscodePlan): Promise<Figure[]> {
  const names = [
    `keystroke→error squiggle in VS Code, ${plan.lines.toLocaleString("en-US")} lines`,
    `keystroke→lint squiggle (edited indicator) in VS Code, ${plan.lines.toLocaleString("en-US")} lines`,
    `keystroke→error squiggle in VS Code, rules/${SMALL} (~190 lines)`,
  ];
  const goal = `median ≤ ${GOAL_MS} ms`;
  const missing = e2eMissing();
  if (missing.length > 0) {
    const why = `not available: ${missing.join(" and ")} missing (run \`bash .ci/setup-e2e.sh\`)`;
    return names.map((n, i) => unavailable(`7${"abc"[i]}`, n, goal, why));
  }
  // The extension as users install it (the server bundled from the sources).
  const ext = join(root, "packages/vscode");
  execFileSync("pnpm", ["--filter", "kaoping-vscode", "build"], { cwd: root, stdio: "pipe" });
  execFileSync("npx", ["vsce", "package", "--no-dependencies", "--allow-missing-repository", "-o", "kaoping.vsix"], { cwd: ext, stdio: "pipe" });

  const dir = mkdtempSync(join(tmpdir(), "kp-bench-vscode-"));
  const gen = generateCatalogue({ lines: plan.lines }, 3);
  writeFileSync(join(dir, FILE), gen.kp);
  cpSync(rulesDir, join(dir, "rules"), { recursive: true });
  const smallText = readFileSync(join(rulesDir, SMALL), "utf8");
  let cs: CodeServer | undefined;
  let vs: BrowserSession | undefined;
  const errors: number[] = [];
  const lints: number[] = [];
  const smalls: number[] = [];
  try {
    cs = await startCodeServer({ workspace: dir, extensionVsix: join(ext, "kaoping.vsix"), userSettings: { "files.autoSave": "off" } });
    vs = await openBrowser(cs.url);
    const page = vs.page;
    await openFile(page, FILE);
    const spots = amountEnds(gen.kp);
    // Warm-up (not counted): the first squiggle waits for the server to start and analyse the file.
    if ((await probe(page, spots[0]!.line, spots[0]!.column, "扣", SEL.squigglyError, 90_000)) === undefined) {
      const shot = join(tmpdir(), "kp-bench-vscode-failure.png");
      await page.screenshot({ path: shot });
      throw new Error(`the language server drew no squiggle within 90 s (screenshot: ${shot})`);
    }
    for (let i = 0; i < plan.keystrokes; i++) {
      const spot = spots[Math.floor(((i + 0.5) * spots.length) / plan.keystrokes)]!;
      const e = await probe(page, spot.line, spot.column, "扣", SEL.squigglyError);
      if (e !== undefined) errors.push(e);
      const l = await probe(page, spot.line, spot.column, "1", SEL.squigglyError); // clause-mismatch is an error by default
      if (l !== undefined) lints.push(l);
    }
    await openFile(page, SMALL);
    const small = amountEnds(smallText);
    await probe(page, small[0]!.line, small[0]!.column, "扣", SEL.squigglyError, 90_000); // warm-up
    for (let i = 0; i < plan.keystrokes; i++) {
      const spot = small[Math.floor(((i + 0.5) * small.length) / plan.keystrokes)]!;
      const e = await probe(page, spot.line, spot.column, "扣", SEL.squigglyError);
      if (e !== undefined) smalls.push(e);
    }
  } finally {
    await vs?.close();
    await cs?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const figure = (id: string, name: string, xs: number[]): Figure => {
    const p50 = percentile(xs, 50);
    return {
      id,
      name,
      goal,
      measured: xs.length > 0 ? `median ${p50.toFixed(0)} ms, p95 ${percentile(xs, 95).toFixed(0)} ms` : "no squiggle seen",
      baseline: "—",
      ratio: null,
      met: xs.length === plan.keystrokes ? p50 <= GOAL_MS : false,
      status: "ok",
      ...(xs.length < plan.keystrokes ? { note: `${plan.keystrokes - xs.length} of ${plan.keystrokes} keystrokes drew no squiggle within 10 s` } : {}),
      values: { keystrokes: plan.keystrokes, seen: xs.length, p50, p95: percentile(xs, 95), max: xs.length ? Math.max(...xs) : null },
    };
  };
  return [figure("10a", names[0]!, errors), figure("10b", names[1]!, lints), figure("10c", names[2]!, smalls)];
}
