// A veto named by its effect on the unit's whole result (session 29, issue 13): the clause writes no 一票否决, but
// says the unit is not assessed at all or its assessment's result is a failing grade.
//   「园舍不独立不参评;」                                                         → 一票否决   (xcyr-01)
//   「停业整顿或吊销经营许可处罚不进行质量信誉考核,考核结果为不合格;」                  → 一票否决   (gskz-08)
//   「发生一次死亡10人以上(含10人)建筑安全事故的,该年度考核检查不合格。」              → 一票否决   (jwkz-12)
//   「本指标为否决性指标,只要未达到年度目标值即为未完成等级。」                         → 一票否决   (jnmb-03)
// The corpus writes each of these 一票否决 (语言参考 §5.11: the unit's grade, not its points). Only a clause that writes
// no amount and no other scoring (扣, 得分, 不得分 …: a veto beside them is two rules, left to conditions.ts and
// compose/vetoed.ts), and whose failing grade is the assessment's (考核结果, 年度考核, 等级, 等次) — 「该项不合格」 is the
// item's, not the unit's. Not 不评优/取消评优资格 (一票否优: kinds.ts).
import { reading, type Pattern } from "../reading.js";

/** Not assessed at all: 「不参评」「不参加评比」「不予参评」「取消参评资格」. */
const NOT_ASSESSED = /不(?:予|得)?参(?:加)?评(?:比|选|定|估)?(?!优|先)|取消参评资格/;

/** The assessment's result a failing grade: 「考核结果为不合格」「该年度考核检查不合格」「即为未完成等级」. */
const FAILED = /(?:考核|考评|评估)(?:结果|检查|等次|等级)?(?:为|定为|评为|视为|确定为|直接定为)?[“"]?(?:不合格|不称职|未完成)(?:等次|等级)?|(?:即为|直接考核为|直接评定为|定为|视为)[“"]?(?:不合格|未完成)(?:等次|等级)|否决性指标/;

/** Scoring beside the veto: points, a deduction, an award, 不得分 — two rules, or another reading. */
const SCORING = /\d+(?:\.\d+)?分|[一二两三四五六七八九十]+分|扣|得分|加分|减分|计分|记分|不得分|不计分|无分|评优|评先|否优/;

/** 「园舍不独立不参评」「…考核结果为不合格」: a veto named by its effect on the unit's result. */
export const vetoByResult: Pattern = (t, ctx) => {
  if (ctx.section !== null || SCORING.test(t)) return undefined;
  // (the item's own failing — 「该项不合格」「本项考核不合格」 — is no grade of the unit)
  if (/(?:该项|本项|此项|单项)(?:考核|考评)?(?:结果)?(?:为)?不合格/.test(t)) return undefined;
  return NOT_ASSESSED.test(t) || FAILED.test(t) ? reading(["一票否决"], []) : undefined;
};
