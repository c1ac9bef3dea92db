/**
 * Test helpers: run the built `kp` as a real process, and compare with golden files.
 *
 * These tests run `node packages/cli/dist/cli.js`, so the CLI (and @kaoping/core, which it imports
 * from its dist/) must be built first: the root `pnpm test` builds everything before vitest runs; on
 * its own, run `pnpm --filter @kaoping/core --filter @kaoping/cli build`.
 *
 * Goldens live in test/golden/ (test/golden.ts: a missing one fails); regenerate all goldens with
 *   pnpm run update-golden
 * and review the change with `git diff`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expectGolden } from "../../../test/golden.js";
import { runCli, type Io } from "../src/index.js";

export const cliDir = fileURLToPath(new URL("..", import.meta.url));
export const repoRoot = join(cliDir, "..", "..");
export const cliPath = join(cliDir, "dist", "cli.js");
export const fixtures = join(cliDir, "test", "fixtures");
export const goldenDir = join(cliDir, "test", "golden");

if (!existsSync(cliPath)) {
  throw new Error(`找不到 ${cliPath}：请先构建（pnpm --filter @kaoping/core --filter @kaoping/cli build）`);
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `kp` with NO_COLOR=1 (unless `env` says otherwise), in `cwd` (default: the fixtures folder,
 * so that paths in the output are short and the same on every machine).
 */
export function kp(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): RunResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, KP_DEBUG: undefined, ...options.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? fixtures,
    env: env as NodeJS.ProcessEnv,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The whole of a run as one text: the command, exit code, stdout and stderr. */
export function transcript(args: string[], r: RunResult): string {
  const shown = args.map((a) => (/[\s"']/.test(a) ? JSON.stringify(a) : a)).join(" ");
  return `$ kp ${shown}\n# 退出码 ${r.code}\n# stdout\n${r.stdout}# stderr\n${r.stderr}`;
}

/** Compares `text` with test/golden/<name>, or writes it there when UPDATE_GOLDEN=1 (test/golden.ts). */
export function golden(name: string, text: string): void {
  expectGolden(join(goldenDir, name), text);
}

/** Runs `kp` and compares the transcript with a golden file; returns the result. */
export function kpGolden(name: string, args: string[], options: Parameters<typeof kp>[1] = {}): RunResult {
  const r = kp(args, options);
  golden(name, transcript(args, r));
  return r;
}

/** A fresh temporary directory. */
export function tempDir(prefix = "kp-cli-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Runs `kp check catalogue` in-process with a standard output whose every write throws `message`:
 * a stand-in for any unexpected exception inside a command (an internal error, exit 70).
 */
export async function runWithFailingStdout(message: string, env: Record<string, string>): Promise<{ code: number; err: string }> {
  let err = "";
  const io: Io = {
    cwd: fixtures,
    env,
    stdout: {
      write: () => {
        throw new Error(message);
      },
    },
    stderr: { write: (s: string) => (err += s) },
  };
  return { code: await runCli(["check", "catalogue"], io), err };
}
