// Command-line arguments and internal-error messages reach the terminal only through the
// terminal-safe rendering (report/terminal.ts): an ESC in an argument that commander echoes (an
// unknown command or option, an invalid choice) is shown as \x1b, never sent.  Runs the built CLI,
// except the in-process internal-error case (nothing in a real run raises one on purpose).
import { describe, expect, it } from "vitest";
import { kp, runWithFailingStdout } from "./helpers.js";

const CLEAR = "\u001b[2J";
const ESC = "\u001b";

describe("an ESC in a command-line argument is shown, not sent to the terminal", () => {
  const cases: [string, string[], string][] = [
    ["an unknown command", [`${CLEAR}清屏`], "错误：未知的命令「\\x1b[2J清屏」"],
    ["an unknown option", ["check", `--${CLEAR}`, "catalogue"], "错误：未知的选项 --\\x1b[2J"],
    ["an invalid choice", ["check", "catalogue", "--format", CLEAR], "错误：选项 --format <格式> 的值「\\x1b[2J」无效，可选：text、json"],
  ];
  for (const [what, args, shown] of cases) {
    it(`${what}: exit 2, the escape written as \\x1b`, () => {
      for (const env of [{}, { NO_COLOR: undefined, FORCE_COLOR: "1" }]) {
        const r = kp(args, { env });
        expect(r.code).toBe(2);
        // With colours on, our own colour codes are the only ESC bytes: none from the argument.
        expect(r.stderr.replaceAll(/\u001b\[\d+m/g, "")).not.toContain(ESC);
        expect(r.stderr.replaceAll(/\u001b\[\d+m/g, "")).toContain(shown);
        expect(r.stdout).toBe("");
      }
    });
  }
});

describe("internal errors", () => {
  it("a message (and, with KP_DEBUG=1, the stack) with an ESC is shown with the escape written out", async () => {
    const run = (env: Record<string, string>) => runWithFailingStdout(`写入「${CLEAR}」失败（测试）`, env);
    const envs: Record<string, string>[] = [{ NO_COLOR: "1" }, { NO_COLOR: "1", KP_DEBUG: "1" }];
    for (const env of envs) {
      const r = await run(env);
      expect(r.code).toBe(70);
      expect(r.err).toMatch(/^内部错误：写入「\\x1b\[2J」失败（测试）\n/);
      expect(r.err).not.toContain(ESC);
    }
  });
});
