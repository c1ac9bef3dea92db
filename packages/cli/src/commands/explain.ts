/** `kp explain <catalogue> <facts> --unit <name>`: one unit's score, step by step. */
import { ExitCode, UsageError } from "../exit.js";
import { colorsFor, type Io } from "../io.js";
import { explainText, flattenFacts } from "../report/explain.js";
import { didYouMean } from "@kaoping/facts";
import { loadForScoring, scoreUnits } from "./score.js";

/** Most unit names an error message lists. */
const LISTED_UNITS = 30;

export async function explainCommand(
  io: Io,
  catalogueArg: string,
  factsArg: string | readonly string[],
  opts: { unit: string; format: "text" | "json"; sheet?: string; color?: boolean },
): Promise<number> {
  const err = colorsFor(io.stderr, io.env, opts.color);
  const loaded = await loadForScoring(io, catalogueArg, factsArg, err, { sheet: opts.sheet }, true);
  if (!loaded.ok) return loaded.code;
  const results = scoreUnits(io, loaded, true, err);
  if (!results) return ExitCode.problems;
  const wanted = opts.unit.trim();
  const result = results.find((r) => r.unit === wanted);
  if (!result) {
    const names = loaded.facts.units.map((u) => u.name.trim());
    const guess = didYouMean(wanted, names);
    const listed = names.slice(0, LISTED_UNITS).join("、") + (names.length > LISTED_UNITS ? ` 等 ${names.length} 个` : "");
    throw new UsageError(`事实文件中没有单位「${wanted}」${guess ? `，是否想写「${guess}」？` : "。"}\n事实文件中的单位：${listed}`);
  }
  if (opts.format === "json") io.stdout.write(JSON.stringify(result, null, 2) + "\n");
  else {
    const input = loaded.facts.units.find((u) => u.name.trim() === wanted);
    const inputs = input && input.facts !== null && typeof input.facts === "object" ? flattenFacts(input.facts) : {};
    io.stdout.write(explainText(loaded.module.catalogue, result, results.length, colorsFor(io.stdout, io.env, opts.color), inputs));
  }
  return ExitCode.ok;
}
