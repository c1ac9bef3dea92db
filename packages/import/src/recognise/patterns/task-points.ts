// The item's points stated for doing the task, then a deduction for not doing it (session 25, helper s25-tune14):
//   「完成劳务输出任务计10分不完成任务扣2分」 in a 10-point item                 → 扣 2
//   「完成…推广任务计10分;每小项不完成任务扣1分」 in a 10-point item             → 每项 扣 1
// 计P分 with P the item's points states what the item is worth when the task is done (as 满分 does); the
// deduction is taken from it: not done scores P − M. The corpus writes 「完成得4分,未完成扣4分」 (M ≥ P, jgwt-01/08,
// lyta-02) as `得 P 否则 扣 M`, which in an item of its own scores the same (0 when not done); with M < P only
// `扣 M` gives the M any effect (得 P 否则 扣 M would floor at 0 whatever M is), so the reading is made only then.
//   「…,得基础分5分。每项不达标减1.5分。」 in a 5-point item                 → 每项 扣 1.5 (the base is the item's points)
//   「完成目标任务数各得标准分,超额完成的每增加一个加3分,未完成任务数的每减少一个减3分」
//                                                                           → 基准 目标值 每增加 1个 得 3，每减少 1个 扣 3
import { decimalCompare } from "../../decimal.js";
import type { ClauseContext } from "../index.js";
import { NUM, numberText, rxt } from "../normalise.js";

/** 「每小项」: one sub-item of the task, counted as 每项. */
const SUB_ITEM = /每小项/g;

/**
 * The clause with 「完成…计P分」 dropped before its failing (「不完成任务扣M分」「每小项不完成任务扣M分」) when P is the
 * item's points and every deduction after it is less than P; the task stays as the clause's condition.
 */
export function rewordTaskPoints(t0: string, ctx: ClauseContext): string {
  if (ctx.points === null || ctx.section !== null) return t0;
  const t = targetWords(t0);
  const p = ctx.points.replace(".", "\\.");
  // 「…达到…年度指标,得基础分5分。每项不达标减1.5分。」: the item's points as its base, then counted deductions
  const base = rxt`^([^;。]*?[^\\d.])(?:的)?,?得(?:基础分|基本分)${p}分[。,;](?=每[^,;。\\d]{0,4}?(?:不|未|缺|少)[^,;。\\d]{0,8}?(?:扣|减)${NUM}分[。;]?$)`.exec(t);
  if (base) return `${base[1]!},${t.slice(base[0].length)}`;
  const m = rxt`^([^;。]*?(?:完成|做到|达到)[^;。\\d]*?)(?:的)?,?(?:计|记)${p}分[,;]?((?:每小项|每项)?(?:不完成|未完成|完不成|没有完成)[^,;。\\d]{0,8}?(?:扣|减)${NUM}分[。;]?)$`.exec(t);
  if (!m) return t;
  const deduction = numberText(m[3]!);
  if (deduction === undefined || decimalCompare(deduction, ctx.points) >= 0) return t;
  return `${m[1]!},${m[2]!.replace(SUB_ITEM, "每项")}`;
}

/**
 * The accounting check (accounting.ts): the award the clause writes (「计10分」) is the item's points `points` and the
 * reading one deduction smaller than them — the points the task is worth, from which the reading deducts.
 */
export function taskPointsBeforeDeduction(award: string, all: string, points: string): boolean {
  const a = /\d+(?:\.\d+)?/.exec(award)?.[0];
  const d = /^扣 (\d+(?:\.\d+)?)$/.exec(all)?.[1];
  return a !== undefined && d !== undefined && /^(?:计|记)/.test(award) && a === points && decimalCompare(d, points) < 0;
}

/**
 * 「完成目标任务数各得标准分,超额完成的每增加一个加3分,未完成任务数的每减少一个减3分」: the item's points at the target
 * (标准分, 各得 each unit), more for each one above it, less for each one short — written in the words of the two-sided
 * target pattern (patterns/linear.ts, `targetLinear`: 「完成目标得基本分,大于目标值的…,小于目标值的…」). Only all three
 * parts together, each side with its step right after it.
 */
function targetWords(t: string): string {
  const full = /^完成(?:年度)?(?:目标)?(?:任务)?(?:数)?(?:的)?,?各?得(?:标准分|基本分)(?=[,;])/;
  const above = /(?<=[,;])超额完成(?:任务)?(?:数)?(?:的)?,?(?=每(?:增加|超过|多))/;
  const below = /(?<=[,;])(?:未完成|没有完成|完不成)(?:目标)?(?:任务)?(?:数)?(?:的)?,?(?=每(?:减少|少|低))/;
  if (!full.test(t) || !above.test(t) || !below.test(t)) return t;
  return t.replace(full, "完成目标得基本分").replace(above, "大于目标值的").replace(below, "小于目标值的");
}
