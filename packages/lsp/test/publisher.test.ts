/** What the editor is sent per file: errors first, and no more than VS Code can draw (issue 12 §3). */
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "vscode-languageserver/node";
import { MAX_MARKERS, orderAndCap } from "../src/publisher.js";

const at = (line: number, severity: 1 | 2 | 3 | 4, code: string): Diagnostic => ({
  range: { start: { line, character: 0 }, end: { line, character: 1 } },
  severity,
  code,
  message: code,
});

describe("orderAndCap", () => {
  it("sends errors before warnings, information and hints, each in source order", () => {
    const out = orderAndCap([at(1, 2, "W1"), at(2, 4, "H"), at(3, 1, "E1"), at(4, 3, "I"), at(5, 1, "E2"), at(6, 2, "W2")]);
    expect(out.map((d) => d.code)).toEqual(["E1", "E2", "W1", "W2", "I", "H"]);
  });

  it("an error below 625 warnings is sent first; past the cap one summary says what was left out", () => {
    const list = [...Array.from({ length: 625 }, (_, i) => at(i, 2, "KP3001")), at(4987, 1, "KP3030"), at(5000, 4, "KP3001")];
    const out = orderAndCap(list);
    expect(out[0]).toMatchObject({ code: "KP3030", range: { start: { line: 4987 } } });
    expect(out.length).toBe(1 + MAX_MARKERS + 1);
    const summary = out[out.length - 1]!;
    expect(summary).toMatchObject({ severity: 3, code: "KP3906", range: { start: { line: 0, character: 0 } } });
    expect(summary.message).toBe(
      `本文件另有 ${625 - MAX_MARKERS} 条警告、1 条建议未在编辑器中显示（错误全部显示，警告、提示和建议每个文件最多显示 ${MAX_MARKERS} 条）：运行「kp lint」查看全部`,
    );
  });

  it("never leaves out an error", () => {
    const list = Array.from({ length: 1000 }, (_, i) => at(i, 1, "KP3030"));
    expect(orderAndCap(list)).toHaveLength(1000);
  });
});
