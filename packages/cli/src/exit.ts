/**
 * Exit codes of `kp`, and the one exception commands throw on purpose: a usage error.  Problems in
 * the user's files are diagnostics (exit 1), never exceptions; any other exception is a bug in
 * kaoping (exit 70).
 */
import { visibleLines } from "./report/terminal.js";

/** Exit codes, documented in README.md. */
export const ExitCode = {
  /** Everything fine (warnings allowed). */
  ok: 0,
  /** Problems in the user's input: catalogue or facts diagnostics with errors. */
  problems: 1,
  /** Wrong use of the command line: unknown command or option, missing or wrong argument. */
  usage: 2,
  /** An unexpected exception inside kaoping (EX_SOFTWARE of sysexits.h). */
  internal: 70,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** A wrong command line (bad argument value, unknown unit, unsupported output format …): exit 2. */
export class UsageError extends Error {
  /** The message catalogue's code, when the error has one (e.g. KP0017 for a file that cannot be written). */
  readonly code: string | undefined;
  /**
   * The message is shown as `错误：<code> <message>`; names and paths it quotes (from the command
   * line or the user's files) have their control characters made visible, as in every terminal output.
   */
  constructor(message: string, code?: string) {
    super(`${code !== undefined ? `${code} ` : ""}${visibleLines(message)}`);
    this.name = "UsageError";
    this.code = code;
  }
}

/**
 * Imports one of the packages a command is built on (lint, formatter, language server); a package
 * that cannot be loaded (not built, not installed) is an internal error with a clear message.
 */
export async function loadPackage<T>(name: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    throw new Error(`无法加载 ${name}（${(e as Error).message}）；请确认已安装并构建：pnpm build`);
  }
}
