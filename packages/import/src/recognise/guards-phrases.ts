// Guards on a finished reading (session 23, from the sixth and seventh fresh sets): words that change
// what the amount is — a formula (「得分=及时受理率 c 5分」), a panel's score (「进行打分，最高分为5分」),
// a second condition of its own (「…的记5分，无专职干部不记分」), a veto named by its effect (「年末不评优」)
// and awards that do not add up (「单个项目不重复加分」). A reading without them is a to-do.
import type { ClauseContext } from "./index.js";
import type { Guard } from "./guards.js";
import { oneShot } from "./guards-counts.js";

/** A formula or a rate times the points: the amount is the item's full points, not an award. */
// (「满分40分(5分/份×8)」: points per copy times the copies is the full marks, no rate: patterns/per-copy.ts, session 29)
export const FORMULA = /得分\s*=|=[^,;。]*[×xX*c][^,;。]*分|(?<!分\/(?:份|篇|期|次|件))[×xX*]\s*(?:\d|分值|满分|权重)|按(?:百分比|比例|比率|比重)(?:计算)?(?:扣分|得分|计分)|占[^,;。]{0,8}比重计算/;

/** A score a panel or assessor gives (「打分」「评分」「评定」「最高分为5分」): a range, not an amount. */
export const PANEL_SCORE = /打分|(?<!按)评分(?!标准|细则|办法)|评定(?:得分|分数|等次)|最高分为|最高得分/;

/** 「年末不评优」「不得评为先进」「不能参加评优」: the effect of 一票否优. */
export const NO_EXCELLENT = /不(?:得|能|参加|予)?评(?:优|先)|不得评为(?:优秀|先进)|取消[^,;。]{0,12}评(?:优|先)/;

/** 「单个项目不重复加分」「后3项积分不累加」「取最高」: several awards of which not all add up. */
const NOT_ADDED = /不重复|不累加|不累计|不叠加|不重复计|只计一|取最高|就高|按最高/;

/** A zero on its own condition (「无专职干部不记分」): 未/无/没有 and what is missing, then 不得分. */
const ZERO_IF = /[,;。](?:如|若|凡)?无(?!记录|资料|台账|材料|档案|文件|措施|成效|效果|计划|总结|部署|安排)([\u4e00-\u9fa5“”"()]{2,16}?)(?:的)?,?(?:该项|本项|此项)?(?:不得分|不记分|不计分|得0分|得零分)[。;]?$/;

/**
 * Why the reading does not account for a formula, a panel's score, a second condition, a veto's effect
 * or a 不重复 of the clause (`t`: normalised, before its modifiers were taken), or undefined.
 */
export function phrasesUnaccounted(t: string, bodies: readonly string[], _ctx: ClauseContext): string | undefined {
  const all = bodies.join(" ");
  const formula = FORMULA.exec(t);
  if (formula && !/按比率|按评价|基准|评议|酌情|分段 \{[^}]* 每低 1个百分点 /.test(all)) return `条文的「${formula[0]}」是计算公式（如按比率），计分方式中没有写出，未能确定`;
  const panel = PANEL_SCORE.exec(t);
  if (panel && oneShot(bodies)) return `条文的「${panel[0]}」说分数由考核组评定（评议或酌情），计分方式却是确定的分值，未能确定`;
  const effect = NO_EXCELLENT.exec(t);
  if (effect && /一票否决/.test(all) && !/一票否优/.test(all)) return `条文写有「${effect[0]}」（一票否优的后果），计分方式却是一票否决，未能确定`;
  const notAdded = NOT_ADDED.exec(t);
  if (notAdded && bodies.length > 1) return `条文写有「${notAdded[0]}」，几条规则的分值不能都计，未能确定`;
  // 「积极开展妇女工作活动的记5分，无专职干部不记分」: the zero's condition is not the award's negation
  const zero = ZERO_IF.exec(t);
  if (zero && bodies.length === 1 && /^得 [\d.]+$/.test(bodies[0]!)) {
    const head = t.slice(0, zero.index);
    const missing = zero[1]!.replace(/[“”"()]/g, "");
    const shared = [...Array(Math.max(0, missing.length - 1)).keys()].some((i) => head.includes(missing.slice(i, i + 2)));
    if (!shared) return `条文另有一个不得分的条件「${zero[0].replace(/^[,;。]/, "")}」，计分方式中没有写出，未能确定`;
  }
  return undefined;
}

/** The last part of a clause: a zero on a negated condition (「未建立制度的不得分」「培训未达到要求的不得分」). */
const NEGATED_ZERO = /[,;。](?:如|若|凡)?([^,;。\d]{0,12}?(?:未|没有|不)[\u4e00-\u9fa5“”"]{1,16}?)(?:的)?,?(?:该项|本项|此项)?(?:不得分|不记分|不计分)[。;]?$/;

// 「建立台账的得2分;未建立制度的不得分」 read `得 2`: the zero's condition names another thing (制度,
// not 台账) — a second condition, not the award's other side; its object must be the award's
export const zeroApart: Guard = {
  name: "zero-apart",
  since: 24,
  check: (t, bodies) => {
    if (bodies.length !== 1 || !/^(?:每\S+ )?得 [\d.]+$/.test(bodies[0]!)) return undefined;
    const z = NEGATED_ZERO.exec(t);
    if (!z) return undefined;
    const cond = z[1]!.replace(/[“”"]/g, "");
    const object = cond.slice(-2);
    const head = t.slice(0, z.index);
    // 「未建立的不得分」「不参加不得分」「达不到的」: the negated verb alone is the award's own
    if (/^(?:如|若|凡)?[\u4e00-\u9fa5]{0,2}(?:未|没有|不)[\u4e00-\u9fa5]{0,2}$/.test(cond) || head.includes(object)) return undefined;
    return `条文另有一个不得分的条件「${z[0].replace(/^[,;。]/, "")}」（与得分的条件不同），计分方式中没有写出，未能确定`;
  },
};
