/**
 * `kp test --record`: a scenario written from a real unit's facts and its current results — the
 * facts that are not defaults (nor equal to the file's baseline), and as expectations the score of
 * each first-level indicator, the total and the grade.
 */
import type { CatalogueMeta, UnitResult } from "../compile/module.js";
import type { ScenarioFile } from "./scenario.js";

/** A fact value as a facts-file cell holds it (是/否, lists joined with 、). */
export function cellText(v: unknown): string | undefined {
  if (v === null || v === undefined || v === "") return undefined;
  if (v === true) return "是";
  if (v === false) return "否";
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map((x) => cellText(x) ?? "").join("、");
  if (typeof v === "object") return undefined;
  return String(v).trim() === "" ? undefined : String(v).trim();
}

/**
 * The text of a recorded scenario (to append to a scenario file).  `facts` are flattened
 * (rule.sub keys); `file` (when the scenario file exists) supplies the baseline to leave out.
 */
export function recordScenario(name: string, unitClass: string | undefined, facts: Readonly<Record<string, unknown>>, result: UnitResult | undefined, cat: CatalogueMeta, file?: ScenarioFile): string {
  const base = new Map((file?.baseline ?? []).map((f) => [f.key, f.value]));
  const lines = [`场景 「${name}」`];
  if (unitClass !== undefined && cat.classes.length > 1) lines.push(`  类别 「${unitClass}」`);
  const keys = new Set([...Object.keys(facts), ...base.keys()]);
  for (const k of keys) {
    const v = cellText(facts[k]);
    if (v === base.get(k)) continue;
    // A baseline fact this unit does not have: the scenario keeps the baseline and says so.
    if (v === undefined) {
      if (base.has(k)) lines.push(`  // 「${k}」：事实文件中为空，按基准`);
      continue;
    }
    if (v === "0" || v === "否") continue;
    lines.push(`  「${k}」 = ${v}`);
  }
  if (!result) return lines.join("\n") + "\n";
  for (const i of result.indicators ?? []) lines.push(`  期望 指标 「${i.name}」 ${i.score}`);
  if (result.bonus !== undefined && result.bonus !== "0") lines.push(`  // 加分 ${result.bonus}`);
  if (result.penalty !== undefined && result.penalty !== "0") lines.push(`  // 减分 ${result.penalty}`);
  lines.push(`  期望 总分 ${result.total}`);
  if (result.grade !== null) lines.push(`  期望 等次 「${result.grade}」`);
  return lines.join("\n") + "\n";
}
