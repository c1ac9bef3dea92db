/**
 * Tests that need a program the machine may not have (nvim, Chromium, code-server, `script`).
 *
 *   const hasNvim = prerequisite("nvim ≥ 0.7", nvimFound(), "run `bash .ci/setup-e2e.sh`");
 *   describe.skipIf(!hasNvim)("…", () => { … });
 *
 * Locally a missing program is a visible skip: a warning, and a skipped test whose name says what is
 * missing and how to install it.  With CI set (`.ci/run` sets CI=1) it is a failed test instead, so
 * a CI run can never stay green because the editor tests silently did not run.
 */
import { it } from "vitest";

/** Whether this is a CI run: CI set to anything but "", "0" or "false". */
export function inCI(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
}

/**
 * Returns `found`.  When it is false, also registers (in the current file or describe block) a
 * skipped test naming what is missing — or, in CI, a failing one.  Call it while tests are being
 * collected (at the top level of a test file or inside `describe`), never inside a test.
 */
export function prerequisite(what: string, found: boolean, howToInstall: string): boolean {
  if (found) return true;
  const reason = `${what} not found (${howToInstall})`;
  if (inCI()) {
    it(`prerequisite: ${what}`, () => {
      throw new Error(`${reason}; CI is set, so a missing prerequisite fails the run instead of skipping its tests`);
    });
  } else {
    console.warn(`[skipped] ${reason}`);
    it.skip(`skipped: ${reason}`, () => {});
  }
  return false;
}
