// Second conditions written in the clause (session 23, from the sixth and seventh fresh sets): a zero on a
// condition of its own beside the award, and a zero together with a veto — two rules, never one dropped.
//   「积极开展妇女工作活动的记5分，无专职干部不记分」 → 得 5 / 不得分
//   「少任一種證件不得分(實行“一票否決”)」 → 不得分 / 一票否决
import { NUM, numberText, rxt } from "../normalise.js";
import { reading, type Pattern } from "../reading.js";
import { countPatterns } from "./count.js";

/** Words of the award's own negation (「未开展不记分」「没有记录不计分」): its other side, not a second condition. */
const NEGATION = /^(?:记录|资料|台账|材料|档案|文件|措施|成效|效果|计划|总结|部署|安排)/;

/** The award, then 「无…不记分」 whose condition shares no word with the award's. */
export const awardAndZero: Pattern = (t, ctx) => {
  if (ctx.section !== null) return undefined;
  const m = rxt`^([^,;。\\d]{4,40}?)(?:的)?,?(?:记|得|计)${NUM}分[,;]无([\\u4e00-\\u9fa5]{2,12}?)(?:的)?,?(?:不得分|不记分|不计分)[。;]?$`.exec(t);
  if (!m || NEGATION.test(m[3]!)) return undefined;
  const [head, missing] = [m[1]!, m[3]!];
  if ([...Array(missing.length - 1).keys()].some((i) => head.includes(missing.slice(i, i + 2)))) return undefined;
  if (/每|未|不|没有|否则|以上|以下|%|\d/.test(head)) return undefined;
  const n = numberText(m[2]!);
  if (n === undefined) return undefined;
  return reading([`得 ${n}`, "不得分"], [n]);
};

/** 「…不得分(实行“一票否决”)」: no points, and the veto. */
export const zeroAndVeto: Pattern = (t, ctx) => {
  const m = /^(.+?(?:不得分|不记分|不计分))[。;,]?\((?:实行|并实行|同时实行)?[“"]?一票否决[”"]?\)[。;]?$/.exec(t);
  if (!m) return undefined;
  for (const p of countPatterns) {
    const r = p(m[1]!, ctx);
    if (!r) continue;
    if (r.kind !== "reading" || r.bodies.length !== 1 || r.bodies[0] !== "不得分") return undefined;
    return reading(["不得分", "一票否决"], []);
  }
  return undefined;
};

export const conditionPatterns: readonly Pattern[] = [awardAndZero, zeroAndVeto];
