/** Where each page of the HTML report lives in its folder. */
export const UNITS_DIR = "units";

/** A unit page's file name, by the unit's position in the ranking (names may hold any character). */
export function unitFile(index: number, count: number): string {
  return `${String(index + 1).padStart(Math.max(3, String(count).length), "0")}.html`;
}
