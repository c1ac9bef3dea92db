/**
 * The whole report as one document for the PDF: the overview, then every unit (each starting on a
 * new page, by the print stylesheet), made of the very same parts as the HTML pages.
 */
import { placesOf, type ReportInput } from "../data.js";
import { page, SCRIPTS_HERE } from "./layout.js";
import { overviewPart } from "./overview.js";
import { unitPart } from "./unit.js";

export function printHtml(input: ReportInput): string {
  const places = placesOf(input.catalogue);
  const parts = [overviewPart(input), ...input.results.map((_, i) => unitPart(input, i, places, `chart-unit-${i + 1}`))];
  return page(parts[0]!.title, parts.map((p) => p.body.replace(SCRIPTS_HERE, "")).join("\n"), parts.flatMap((p) => p.charts), "");
}
