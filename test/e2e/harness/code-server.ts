/**
 * End-to-end harness: real VS Code (code-server) + Debian Chromium driven by playwright-core.
 *
 * Prerequisite: `bash .ci/setup-e2e.sh` (installs chromium, CJK fonts, code-server into
 * ~/.cache/kaoping/code-server). Only node builtins and `playwright-core` are used.
 *
 *   const cs = await startCodeServer({ workspace, extensionVsix });
 *   const vs = await openBrowser(cs.url);          // waits for the workbench
 *   await openFile(vs.page, "sample.kp");
 *   await hoverOnText(vs.page, "工资");
 *   await screenshot(vs.page, "test/e2e/screenshots/hover.png");
 *   await vs.close(); await cs.stop();
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";

// ------------------------------------------------------------------ constants

export const DEFAULT_CODE_SERVER_BIN = path.join(
  os.homedir(),
  ".cache/kaoping/code-server/node_modules/.bin/code-server",
);
export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

/** Chromium flags that work in this sandbox (root, no GPU, no network besides loopback). */
export const CHROMIUM_ARGS = [
  "--no-sandbox", // running as root
  "--disable-gpu",
  "--disable-background-networking", // no calls to Google services (no network here anyway)
  "--disable-component-update",
  "--disable-quic",
  "--no-first-run",
  "--disable-sync",
];

/** Settings that make the workbench deterministic and quiet. Caller settings override these. */
export const DEFAULT_USER_SETTINGS: Record<string, unknown> = {
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "security.workspace.trust.enabled": false,
  "window.restoreWindows": "none",
  "git.enabled": false,
  "git.openRepositoryInParentFolders": "never",
  "chat.commandCenter.enabled": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "workbench.reduceMotion": "on", // no fade-in animations in screenshots
  "editor.hover.delay": 200,
  "editor.minimap.enabled": false,
  "files.hotExit": "off",
};

// ------------------------------------------------------------------ small utilities

export class E2ETimeoutError extends Error {
  override name = "E2ETimeoutError";
}

/** Race a promise against a timeout that rejects with a descriptive error. */
export async function withTimeout<T>(what: string, ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new E2ETimeoutError(`timed out after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([p, t]);
  } finally {
    clearTimeout(timer);
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
/** Like sleep, but does not keep the process alive (for grace periods raced against exit). */
const graceSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

/** Ask the kernel for a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error("could not get a free port"))));
    });
  });
}

function httpStatus(url: string, timeoutMs = 2000): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(0));
  });
}

/** Keep the last `max` characters of a stream for error messages. */
class LogTail {
  private buf = "";
  constructor(private readonly max = 20_000) {}
  push(chunk: Buffer | string): void {
    this.buf += chunk.toString();
    if (this.buf.length > this.max) this.buf = this.buf.slice(-this.max);
  }
  toString(): string {
    return this.buf;
  }
}

/** All descendant pids of `root` (Linux /proc walk); catches children that left the process group. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [];
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, "utf8");
      // pid (comm) state ppid ... ; comm may contain spaces/parens -> split after last ')'
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(e));
      children.set(ppid, list);
    } catch {
      /* process vanished */
    }
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const p = stack.pop()!;
    for (const c of children.get(p) ?? []) {
      out.push(c);
      stack.push(c);
    }
  }
  return out;
}

function killTree(pid: number, signal: NodeJS.Signals): void {
  const pids = descendants(pid);
  try {
    process.kill(-pid, signal); // whole process group (we spawn detached => pgid == pid)
  } catch {
    /* already gone */
  }
  for (const p of [pid, ...pids]) {
    try {
      process.kill(p, signal);
    } catch {
      /* already gone */
    }
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => child.once("exit", () => r()));
}

/** Processes (pid -> temp dir to delete, if any) to kill if the test runner exits without stop(). */
const live = new Map<number, string | undefined>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const killAll = () => {
    for (const [pid, dir] of live) {
      killTree(pid, "SIGKILL");
      if (dir) {
        try {
          rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
        } catch {
          /* best effort */
        }
      }
    }
    live.clear();
  };
  process.once("exit", killAll);
  // code-server runs in its own process group, so a Ctrl+C on the test runner does not reach it:
  // kill it ourselves, then re-raise the signal if nobody else handles it.
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = () => {
      killAll();
      process.removeListener(sig, onSignal);
      if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
    };
    process.on(sig, onSignal);
  }
}

// ------------------------------------------------------------------ code-server

export function resolveCodeServerBin(explicit?: string): string {
  const bin = explicit ?? (process.env.KAOPING_CODE_SERVER_BIN || DEFAULT_CODE_SERVER_BIN);
  if (!existsSync(bin)) {
    throw new Error(`code-server not found at ${bin}; run \`bash .ci/setup-e2e.sh\` first (or set KAOPING_CODE_SERVER_BIN)`);
  }
  return bin;
}

/** What the browser tests need and this machine lacks, e.g. ["code-server (/…/code-server)"]; empty when all is there. */
export function e2eMissing(): string[] {
  const missing: string[] = [];
  const bin = process.env.KAOPING_CODE_SERVER_BIN || DEFAULT_CODE_SERVER_BIN;
  if (!existsSync(bin)) missing.push(`code-server (${bin})`);
  const browser = process.env.KAOPING_CHROMIUM || DEFAULT_CHROMIUM;
  if (!existsSync(browser)) missing.push(`Chromium (${browser})`);
  return missing;
}

/** True when everything the browser tests need is installed (use with test/prerequisite.ts). */
export function e2eAvailable(): boolean {
  return e2eMissing().length === 0;
}

export interface StartCodeServerOptions {
  /** Folder to open (must exist). */
  workspace: string;
  /** .vsix file(s) to install into the private extensions dir before starting. */
  extensionVsix?: string | string[];
  /** Merged over DEFAULT_USER_SETTINGS into <userDataDir>/User/settings.json. */
  userSettings?: Record<string, unknown>;
  /** Path to the code-server binary (default: $KAOPING_CODE_SERVER_BIN or ~/.cache/kaoping/...). */
  codeServerBin?: string;
  /** Max time for the server to answer HTTP (default 60 s). */
  startTimeoutMs?: number;
  /** Max time for installing each vsix (default 120 s). */
  installTimeoutMs?: number;
  /** Keep the temp dir after stop() (for debugging). Also KAOPING_E2E_KEEP=1. */
  keepTemp?: boolean;
  /** Extra environment for code-server (and so the extension host). */
  env?: Record<string, string>;
  /** Echo code-server output to this process's stderr. Also KAOPING_E2E_VERBOSE=1. */
  verbose?: boolean;
}

export interface CodeServer {
  /** URL that opens the workspace folder. */
  url: string;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  port: number;
  pid: number;
  workspace: string;
  tempDir: string;
  userDataDir: string;
  extensionsDir: string;
  /** Recent code-server stdout+stderr (for assertions / error messages). */
  logs(): string;
  /** Kill the process tree and remove temp dirs. Idempotent. */
  stop(): Promise<void>;
}

function runToCompletion(
  bin: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  what: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const tail = new LogTail();
    child.stdout!.on("data", (d) => tail.push(d));
    child.stderr!.on("data", (d) => tail.push(d));
    const timer = setTimeout(() => {
      if (child.pid) killTree(child.pid, "SIGKILL");
      reject(new E2ETimeoutError(`timed out after ${timeoutMs} ms: ${what}\n--- output ---\n${tail}`));
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(new Error(`${what}: ${e.message}`));
    });
    child.on("exit", (code, sig) => {
      clearTimeout(timer);
      if (code === 0) resolve(tail.toString());
      else reject(new Error(`${what} failed (exit ${code ?? sig})\n--- output ---\n${tail}`));
    });
  });
}

export async function startCodeServer(opts: StartCodeServerOptions): Promise<CodeServer> {
  const bin = resolveCodeServerBin(opts.codeServerBin);
  const workspace = path.resolve(opts.workspace);
  if (!existsSync(workspace) || !statSync(workspace).isDirectory()) {
    throw new Error(`workspace folder does not exist: ${workspace}`);
  }
  const verbose = opts.verbose ?? process.env.KAOPING_E2E_VERBOSE === "1";
  const keepTemp = opts.keepTemp ?? process.env.KAOPING_E2E_KEEP === "1";

  const tempDir = await mkdtemp(path.join(os.tmpdir(), "kaoping-code-server-"));
  const userDataDir = path.join(tempDir, "user-data");
  const extensionsDir = path.join(tempDir, "extensions");
  const configFile = path.join(tempDir, "config.yaml");
  const cleanup = async () => {
    if (!keepTemp) await rm(tempDir, { recursive: true, force: true }).catch(() => {});
  };

  try {
    await mkdir(path.join(userDataDir, "User"), { recursive: true });
    await mkdir(extensionsDir, { recursive: true });
    await writeFile(configFile, "auth: none\ncert: false\n");
    await writeFile(
      path.join(userDataDir, "User", "settings.json"),
      JSON.stringify({ ...DEFAULT_USER_SETTINGS, ...(opts.userSettings ?? {}) }, null, 2),
    );

    // Isolate everything code-server would otherwise write under $HOME.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      XDG_CONFIG_HOME: path.join(tempDir, "xdg-config"),
      XDG_DATA_HOME: path.join(tempDir, "xdg-data"),
      XDG_CACHE_HOME: path.join(tempDir, "xdg-cache"),
      PASSWORD: "",
      ...(opts.env ?? {}),
    };
    delete env.VSCODE_IPC_HOOK_CLI; // never talk to an outer VS Code
    delete env.ELECTRON_RUN_AS_NODE;

    const common = ["--config", configFile, "--user-data-dir", userDataDir, "--extensions-dir", extensionsDir];

    const vsixes = opts.extensionVsix === undefined ? [] : ([] as string[]).concat(opts.extensionVsix);
    for (const v of vsixes) {
      const vsix = path.resolve(v);
      if (!existsSync(vsix)) throw new Error(`vsix not found: ${vsix}`);
      const out = await runToCompletion(
        bin,
        [...common, "--force", "--install-extension", vsix],
        env,
        opts.installTimeoutMs ?? 120_000,
        `code-server --install-extension ${vsix}`,
      );
      if (!/successfully installed|already installed/i.test(out)) {
        throw new Error(`installing ${vsix} did not report success:\n${out}`);
      }
      if (verbose) process.stderr.write(out);
    }

    const port = await freePort();
    const args = [
      ...common,
      "--bind-addr",
      `127.0.0.1:${port}`,
      "--auth",
      "none",
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--disable-getting-started-override",
      "--disable-proxy",
      "--ignore-last-opened",
      workspace,
    ];
    const child = spawn(bin, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const tail = new LogTail();
    const onData = (d: Buffer) => {
      tail.push(d);
      if (verbose) process.stderr.write(d);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    let spawnError: Error | undefined;
    child.on("error", (e) => (spawnError = e));
    if (child.pid === undefined) {
      await sleep(50);
      throw new Error(`could not spawn ${bin}: ${spawnError?.message ?? "unknown error"}`);
    }
    const pid = child.pid;
    live.set(pid, keepTemp ? undefined : tempDir);
    installExitHook();

    let stopped = false;
    const stop = async () => {
      if (stopped) return;
      stopped = true;
      killTree(pid, "SIGTERM");
      const done = await Promise.race([exited(child).then(() => true), graceSleep(5000).then(() => false)]);
      // SIGKILL leftovers too (extension host, file watcher, ...) even when the main process exited.
      killTree(pid, "SIGKILL");
      if (!done) await Promise.race([exited(child), graceSleep(2000)]);
      live.delete(pid);
      await cleanup();
    };

    const baseUrl = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
    try {
      for (;;) {
        if (spawnError) throw new Error(`code-server failed to spawn: ${spawnError.message}`);
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`code-server exited early (${child.exitCode ?? child.signalCode})`);
        }
        if ((await httpStatus(`${baseUrl}/healthz`)) === 200) break;
        if (Date.now() > deadline) {
          throw new E2ETimeoutError(`code-server did not answer on ${baseUrl}/healthz within ${opts.startTimeoutMs ?? 60_000} ms`);
        }
        await sleep(200);
      }
    } catch (e) {
      await stop();
      (e as Error).message += `\n--- code-server output ---\n${tail}`;
      throw e;
    }

    return {
      url: `${baseUrl}/?folder=${encodeURIComponent(workspace)}`,
      baseUrl,
      port,
      pid,
      workspace,
      tempDir,
      userDataDir,
      extensionsDir,
      logs: () => tail.toString(),
      stop,
    };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

// ------------------------------------------------------------------ browser

export interface OpenBrowserOptions {
  viewport?: { width: number; height: number };
  locale?: string;
  executablePath?: string;
  /** Wait for the workbench after navigation (default true). */
  waitForWorkbench?: boolean;
  timeoutMs?: number;
  headless?: boolean;
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors / page errors seen so far (useful for debugging failures). */
  consoleErrors: string[];
  close(): Promise<void>;
}

export async function openBrowser(url: string, opts: OpenBrowserOptions = {}): Promise<BrowserSession> {
  const executablePath = opts.executablePath ?? process.env.KAOPING_CHROMIUM ?? DEFAULT_CHROMIUM;
  if (!existsSync(executablePath)) {
    throw new Error(`chromium not found at ${executablePath}; run \`bash .ci/setup-e2e.sh\` first`);
  }
  const timeout = opts.timeoutMs ?? 60_000;
  const browser = await withTimeout(
    `launching ${executablePath}`,
    30_000,
    chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: opts.headless ?? true }),
  );
  try {
    const context = await browser.newContext({
      viewport: opts.viewport ?? { width: 1400, height: 900 },
      deviceScaleFactor: 1,
      locale: opts.locale ?? "zh-CN",
      timezoneId: "Asia/Shanghai",
    });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(String(e)));
    await page.goto(url, { timeout, waitUntil: "domcontentloaded" });
    if (opts.waitForWorkbench ?? true) await waitForWorkbench(page, timeout);
    return {
      browser,
      context,
      page,
      consoleErrors,
      close: async () => {
        await browser.close().catch(() => {});
      },
    };
  } catch (e) {
    await browser.close().catch(() => {});
    throw e;
  }
}

// ------------------------------------------------------------------ workbench helpers

/** Selectors that were verified against code-server 4.100.3 (VS Code 1.100.3). */
export const SEL = {
  workbench: ".monaco-workbench",
  statusbar: ".part.statusbar",
  explorer: ".explorer-folders-view",
  quickInput: ".quick-input-widget",
  quickInputBox: ".quick-input-widget .quick-input-box input",
  quickInputRow: ".quick-input-widget .quick-input-list .monaco-list-row",
  activeTab: ".tabs-container .tab.active",
  activeEditor: ".editor-group-container.active .monaco-editor",
  viewLines: ".view-lines",
  hover: ".monaco-hover:not(.hidden)",
  hoverContents: ".monaco-hover:not(.hidden) .hover-contents",
  suggestWidget: ".editor-widget.suggest-widget.visible",
  suggestRow: ".editor-widget.suggest-widget.visible .monaco-list-row",
  squigglyError: ".squiggly-error",
  squigglyWarning: ".squiggly-warning",
  squigglyInfo: ".squiggly-info",
  squigglyHint: ".squiggly-hint",
  lightbulb: ".lightBulbWidget",
  codeActionMenu: ".action-widget",
  codeActionItem: ".action-widget .monaco-list-row.action",
} as const;

/** Wait until the VS Code workbench is rendered and the workspace folder is shown. */
export async function waitForWorkbench(page: Page, timeoutMs = 60_000): Promise<void> {
  try {
    await page.locator(SEL.workbench).waitFor({ state: "visible", timeout: timeoutMs });
    await page.locator(SEL.statusbar).waitFor({ state: "visible", timeout: timeoutMs });
    await page.locator(SEL.explorer).first().waitFor({ state: "visible", timeout: timeoutMs });
  } catch (e) {
    throw new E2ETimeoutError(`VS Code workbench did not load within ${timeoutMs} ms (url ${page.url()}): ${(e as Error).message}`);
  }
}

/** The Monaco editor of the active editor group. */
export function activeEditor(page: Page): Locator {
  return page.locator(SEL.activeEditor).first();
}

/** Open a workspace file with Quick Open (Ctrl+P), then wait until its tab is active and text is rendered. */
export async function openFile(page: Page, fileName: string, timeoutMs = 20_000): Promise<void> {
  const base = path.basename(fileName);
  try {
    await page.keyboard.press("Control+P");
    const input = page.locator(SEL.quickInputBox);
    await input.waitFor({ state: "visible", timeout: timeoutMs });
    await input.fill(fileName);
    // Quick Open searches asynchronously (file search via ripgrep); wait for a matching row.
    await page
      .locator(SEL.quickInputRow, { hasText: base })
      .first()
      .waitFor({ state: "visible", timeout: timeoutMs });
    await page.keyboard.press("Enter");
    await page.locator(SEL.activeTab, { hasText: base }).waitFor({ state: "visible", timeout: timeoutMs });
    await activeEditor(page).locator(SEL.viewLines).waitFor({ state: "visible", timeout: timeoutMs });
  } catch (e) {
    throw new E2ETimeoutError(`could not open "${fileName}" via Quick Open within ${timeoutMs} ms: ${(e as Error).message}`);
  }
}

/** Run a command from the Command Palette by its (English or localized) title. */
export async function runCommand(page: Page, title: string, timeoutMs = 15_000): Promise<void> {
  await page.keyboard.press("F1");
  const input = page.locator(SEL.quickInputBox);
  await input.waitFor({ state: "visible", timeout: timeoutMs });
  await input.fill(`>${title}`);
  await page.locator(SEL.quickInputRow, { hasText: title }).first().waitFor({ state: "visible", timeout: timeoutMs });
  await page.keyboard.press("Enter");
  await input.waitFor({ state: "hidden", timeout: timeoutMs }).catch(() => {});
}

/**
 * Choose `filePath` in VS Code's own open dialog (the "simple file dialog" of VS Code for the Web:
 * a path box over a folder listing). The dialog fills in its starting folder asynchronously after it
 * appears, and would overwrite a path typed before that; so wait for its first value and listing,
 * type the path, wait until the listing shows the file, accept, and check that the dialog closed
 * (once more if it did not: under load it can still be refreshing its listing when Enter arrives).
 */
export async function chooseInFileDialog(page: Page, filePath: string, timeoutMs = 15_000): Promise<void> {
  const input = page.locator(SEL.quickInputBox);
  const base = path.basename(filePath);
  await input.waitFor({ state: "visible", timeout: timeoutMs });
  const started = Date.now();
  while ((await input.inputValue()) === "" && Date.now() - started < timeoutMs) await page.waitForTimeout(100);
  await page.locator(SEL.quickInputRow).first().waitFor({ state: "visible", timeout: timeoutMs });
  for (let attempt = 1; ; attempt++) {
    await input.fill(filePath);
    await page.locator(SEL.quickInputRow, { hasText: base }).first().waitFor({ state: "visible", timeout: timeoutMs });
    await page.waitForTimeout(200); // let the dialog finish validating the typed path
    if ((await input.inputValue()) !== filePath && attempt < 3) {
      console.log(`[e2e] the file dialog replaced the typed path (attempt ${attempt}); typing it again`);
      continue; // overwritten by a late refresh
    }
    // Closed: the widget is hidden, or it already shows the command's next step (another title).
    const title = page.locator(`${SEL.quickInput} .quick-input-title`);
    const dialogTitle = await title.innerText().catch(() => "");
    await page.keyboard.press("Enter");
    const until = Date.now() + 5000;
    let closed = false;
    while (!closed && Date.now() < until) {
      closed = !(await input.isVisible()) || (await title.innerText().catch(() => "")) !== dialogTitle;
      if (!closed) await page.waitForTimeout(100);
    }
    if (closed) return;
    console.log(`[e2e] the file dialog stayed open after Enter (attempt ${attempt})`);
    if (attempt === 3) {
      throw new E2ETimeoutError(`the file dialog did not accept "${filePath}" (its box shows "${await input.inputValue()}")`);
    }
  }
}

/** Move the cursor with "Go to Line" (Ctrl+G); line and column are 1-based. */
export async function gotoPosition(page: Page, line: number, column = 1, timeoutMs = 10_000): Promise<void> {
  await activeEditor(page).locator(SEL.viewLines).click();
  await page.keyboard.press("Control+G");
  const input = page.locator(SEL.quickInputBox);
  await input.waitFor({ state: "visible", timeout: timeoutMs });
  // Ctrl+G opens Quick Access pre-filled with ":"; fill() replaces it, so keep the prefix.
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press("Enter");
  await input.waitFor({ state: "hidden", timeout: timeoutMs });
}

/** Locator for the rendered line (`.view-line`) in the active editor containing `text`. */
export function editorLine(page: Page, text: string): Locator {
  return activeEditor(page).locator(".view-lines .view-line", { hasText: text }).first();
}

export interface TextBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

// Browser-side code kept as a plain string: TS loaders (tsx/esbuild keepNames) would otherwise
// inject helpers such as `__name` into a function passed to page.evaluate, which do not exist
// in the page ("ReferenceError: __name is not defined").
const LOCATE_TEXT_SRC = `function (editorSel, needle) {
  var editor = document.querySelector(editorSel);
  if (!editor) return [];
  var found = [];
  var lines = editor.querySelectorAll(".view-lines .view-line");
  for (var li = 0; li < lines.length; li++) {
    var walker = document.createTreeWalker(lines[li], NodeFilter.SHOW_TEXT);
    var nodes = [], full = "";
    for (var n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push({ node: n, start: full.length }); full += n.data; }
    full = full.replace(/\u00a0/g, " ");
    for (var i = full.indexOf(needle); i >= 0; i = full.indexOf(needle, i + 1)) {
      var a = null, b = null, end = i + needle.length;
      for (var k = 0; k < nodes.length; k++) {
        var s = nodes[k].start, len = nodes[k].node.data.length;
        if (!a && i < s + len) a = { node: nodes[k].node, off: i - s };
        if (!b && end <= s + len) b = { node: nodes[k].node, off: end - s };
      }
      if (!a || !b) continue;
      var r = document.createRange();
      r.setStart(a.node, a.off); r.setEnd(b.node, b.off);
      var rect = r.getBoundingClientRect();
      found.push({ x: rect.left, y: rect.top, width: rect.width, height: rect.height });
    }
  }
  // DOM order of .view-line elements is not visual order: sort top-to-bottom, left-to-right.
  found.sort(function (p, q) { return p.y - q.y || p.x - q.x; });
  return found;
}`;

/**
 * Page coordinates of the `occurrence`-th rendered occurrence of `text` in the active editor.
 * Monaco renders a whole line as one span when the language has no tokenizer, so a locator's
 * bounding box is not precise enough: measure the substring with a DOM Range instead.
 * Only lines currently rendered (in the viewport) are searched.
 */
export async function locateText(page: Page, text: string, occurrence = 0, timeoutMs = 15_000): Promise<TextBox> {
  await editorLine(page, text).waitFor({ state: "visible", timeout: timeoutMs }).catch((e: Error) => {
    throw new E2ETimeoutError(`"${text}" is not rendered in the active editor within ${timeoutMs} ms: ${e.message}`);
  });
  const boxes = (await page.evaluate(
    `(${LOCATE_TEXT_SRC})(${JSON.stringify(SEL.activeEditor)}, ${JSON.stringify(text)})`,
  )) as TextBox[];
  const box = boxes[occurrence];
  if (!box) throw new Error(`occurrence #${occurrence} of "${text}" not rendered (found ${boxes.length})`);
  return box;
}

/**
 * Hover with the mouse over the `occurrence`-th rendered occurrence of `text` and return the
 * hover widget's text. Moves the mouse away first so an earlier hover does not stick.
 */
export async function hoverOnText(page: Page, text: string, occurrence = 0, timeoutMs = 15_000): Promise<string> {
  const box = await locateText(page, text, occurrence, timeoutMs);
  await page.mouse.move(1, 1);
  await page.locator(SEL.hover).first().waitFor({ state: "hidden", timeout: 3000 }).catch(() => {});
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  return waitForHover(page, timeoutMs);
}

/** Put the text cursor inside (`offset` characters into) an occurrence of `text` by clicking on it. */
export async function clickOnText(page: Page, text: string, occurrence = 0, offset = 0): Promise<void> {
  const box = await locateText(page, text, occurrence);
  const charW = box.width / Math.max(text.length, 1);
  await page.mouse.click(box.x + charW * (offset + 0.25), box.y + box.height / 2);
}

/** Show the hover at the cursor via the keyboard (Ctrl+K Ctrl+I = editor.action.showHover). */
export async function showHoverAtCursor(page: Page, timeoutMs = 15_000): Promise<string> {
  await page.keyboard.press("Control+K");
  await page.keyboard.press("Control+I");
  return waitForHover(page, timeoutMs);
}

export async function waitForHover(page: Page, timeoutMs = 15_000): Promise<string> {
  const hover = page.locator(SEL.hoverContents).first();
  try {
    await hover.waitFor({ state: "visible", timeout: timeoutMs });
  } catch (e) {
    throw new E2ETimeoutError(`no hover appeared within ${timeoutMs} ms: ${(e as Error).message}`);
  }
  return (await page.locator(SEL.hover).first().innerText()).trim();
}

/** Trigger completion at the cursor (Ctrl+Space) and return the visible suggestion labels. */
export async function triggerSuggest(page: Page, timeoutMs = 15_000): Promise<string[]> {
  await page.keyboard.press("Control+Space");
  const row = page.locator(SEL.suggestRow).first();
  try {
    await row.waitFor({ state: "visible", timeout: timeoutMs });
  } catch (e) {
    throw new E2ETimeoutError(`suggest widget did not appear within ${timeoutMs} ms: ${(e as Error).message}`);
  }
  return page.locator(`${SEL.suggestRow} .label-name`).allInnerTexts();
}

/** Wait until at least `min` error squiggles are rendered in the active editor. */
export async function waitForSquiggles(
  page: Page,
  kind: "error" | "warning" | "info" | "hint" = "error",
  min = 1,
  timeoutMs = 20_000,
): Promise<number> {
  const selector = { error: SEL.squigglyError, warning: SEL.squigglyWarning, info: SEL.squigglyInfo, hint: SEL.squigglyHint }[kind];
  const loc = activeEditor(page).locator(selector);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const n = await loc.count();
    if (n >= min) return n;
    if (Date.now() > deadline) throw new E2ETimeoutError(`expected >= ${min} ${kind} squiggles, saw ${n} after ${timeoutMs} ms`);
    await sleep(200);
  }
}

/** Open the quick-fix menu at the cursor (Ctrl+.) and return its item titles. */
export async function openQuickFix(page: Page, timeoutMs = 15_000): Promise<string[]> {
  await page.keyboard.press("Control+.");
  const item = page.locator(SEL.codeActionItem).first();
  try {
    await item.waitFor({ state: "visible", timeout: timeoutMs });
  } catch (e) {
    throw new E2ETimeoutError(`quick-fix menu did not appear within ${timeoutMs} ms: ${(e as Error).message}`);
  }
  return (await page.locator(`${SEL.codeActionItem} .title`).allInnerTexts()).map((s) => s.trim());
}

/** Screenshot of the viewport (CSS animations finished); creates the parent directory. */
export async function screenshot(page: Page, file: string): Promise<string> {
  const abs = path.resolve(file);
  await mkdir(path.dirname(abs), { recursive: true });
  await page.screenshot({ path: abs, fullPage: false, animations: "disabled", caret: "initial" });
  return abs;
}
