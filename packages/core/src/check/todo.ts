/**
 * The to-do marker 待补 at compile and scoring time: `kp check` reports each marker as a warning
 * (KP2120), but a catalogue that still has one must not be compiled or scored — its rules would
 * silently score 0.  `todoRefusals` turns every KP2120 into an error KP2121 at the same place.
 */
import { diagnostic, type Diagnostic } from "../diagnostics.js";

/** The errors that refuse compiling/scoring a catalogue with 待补 rules: one per marker, at it. */
export function todoRefusals(diags: readonly Diagnostic[]): Diagnostic[] {
  const todos = diags.filter((d) => d.code === "KP2120");
  return todos.map((d) => {
    const rule = /规则「(.*)」还是「待补」/.exec(d.message)?.[1] ?? "";
    const extra = d.file !== undefined ? { file: d.file } : {};
    return diagnostic("KP2121", d.span, [todos.length, rule], extra);
  });
}

/** The diagnostics of a catalogue about to be compiled or scored: its own, and a refusal per 待补. */
export function withTodoRefusals(diags: readonly Diagnostic[]): Diagnostic[] {
  const refusals = todoRefusals(diags);
  return refusals.length === 0 ? [...diags] : [...diags.filter((d) => d.code !== "KP2120"), ...refusals];
}
