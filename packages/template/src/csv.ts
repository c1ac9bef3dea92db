/**
 * A template as CSV: the header of exact fact keys and one row per unit (name and classes), with a
 * UTF-8 BOM so that Excel opens it in Chinese.  A CSV file has no notes or validation: the
 * instructions go into a companion text file (templateReadme).
 */
import type { TemplatePlan } from "./plan.js";
import { columnNote, howToFill } from "./notes.js";

// Names are the user's own list, written as given (a leading ' would change a name read back).
const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The CSV text of a plan (BOM included). */
export function templateCsv(plan: TemplatePlan): string {
  const rows = [["单位", "类别", ...plan.columns.map((c) => c.key)], ...plan.units.map((u) => [u.name, u.classes])];
  const width = plan.columns.length + 2;
  return "\uFEFF" + rows.map((r) => [...r, ...Array<string>(width - r.length).fill("")].map(quote).join(",")).join("\r\n") + "\r\n";
}

/** The companion text of a CSV template: title, department, how to fill, every column. */
export function templateReadme(plan: TemplatePlan): string {
  const out = [`${plan.title} 事实填报表`, `年度：${plan.year ?? "（细则未写年度）"}`, `考评单位：${plan.department ?? "全部考评单位"}`, "", "填写方法："];
  howToFill(plan).forEach((l, i) => out.push(`${i + 1}. ${l}`));
  out.push("", "各列：");
  for (const c of plan.columns) out.push("", `「${c.key}」`, ...columnNote(c).split("\n").map((l) => "  " + l));
  return out.join("\n") + "\n";
}
