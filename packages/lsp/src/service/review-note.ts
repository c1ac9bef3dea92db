/**
 * What the editor's compile and score commands say of the rules marked 待核 (a scoring `kp import`
 * wrote and no person has checked yet): they are compiled and scored as written, and — as `kp
 * compile` / `kp score` say in one line (KP2124) — the answer says once how many there are, for the
 * results view and the compile message to show; the Problems panel lists each (KP2123).
 */
import { reviewCount } from "@kaoping/core";
import type { CatalogueState } from "./project.js";

/** The rules of a catalogue still marked 待核: how many, and the sentence that says so (Chinese). */
export interface ReviewNote {
  count: number;
  message: string;
}

/** The note of a catalogue about to be compiled or scored, or undefined when no rule is marked 待核. */
export function reviewNote(state: CatalogueState): ReviewNote | undefined {
  const count = reviewCount(state.analysis.diagnostics);
  if (count === 0) return undefined;
  return {
    count,
    message: `细则中有 ${count} 条规则待核（计分方式由导入自动识别，尚未核对），照所写的计分方式计分：请在「问题」面板中逐条对照条文核对，无误后删去「待核」`,
  };
}
