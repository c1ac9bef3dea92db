// Two-sided linear scoring around the target (pattern 22): 「完成得基本分；大于目标值的，每增加1%加1分，最高
// 加2分；小于目标值的，每少1%扣1分，扣分至基本分值扣完为止」.
import { measureWords } from "@kaoping/core";
import { NUM, numberText, rx } from "../normalise.js";
import { reading, type Pattern } from "../reading.js";

const UNITS = [...measureWords].filter((m) => m !== "分").sort((a, b) => b.length - a.length).join("|");
const STEP = `${NUM}(%|${UNITS})`;

export const targetLinear: Pattern = (t, ctx) => {
  const up = rx(`(?:大于|超过|高于)目标值的?,?(每增加|每超过|每多)${STEP}(?:加|得)${NUM}分(?:,?(?:最高|最多)加${NUM}分|,?加分至基本分值(?:为止|封顶))?`).exec(t);
  const down = rx(`(?:小于|少于|低于)目标值的?,?(每少|每减少|每低)${STEP}(?:扣|减)${NUM}分(?:,?扣分至基本分值扣完为止)?`).exec(t);
  if (!up || !down || ctx.points === null || ctx.section !== null) return undefined;
  if (!/^完成(?:目标)?(?:的)?得基本分[;,]/.test(t)) return undefined;
  const rest = t.replace(/^完成(?:目标)?(?:的)?得基本分[;,]/, "").replace(up[0], "").replace(down[0], "");
  if (!/^[;,。]*$/.test(rest)) return undefined;
  const [ua, ub, uc] = [numberText(up[2]!), numberText(up[4]!), up[5] !== undefined ? numberText(up[5]) : undefined];
  const [da, db] = [numberText(down[2]!), numberText(down[4]!)];
  if (ua === undefined || ub === undefined || da === undefined || db === undefined) return undefined;
  const upStep = up[1] === "每超过" ? "每超" : up[1];
  const cap = uc !== undefined ? ` 上限 ${uc}` : /加分至基本分值/.test(up[0]) ? ` 上限 ${ctx.points}` : "";
  const used = [ub, ...(uc !== undefined ? [uc] : []), db];
  return reading([`基准 目标值 ${upStep} ${ua}${up[3]} 得 ${ub}${cap}，${down[1]} ${da}${down[3]} 扣 ${db}`], used);
};
