// 达标 at the head of band rows, read as the standard the item states for the same rate (session 29, helper rates),
// rewritten in the normalised text; the clause stays verbatim and the number taken from the item is reported (KP5055):
//   「集体合同建制率达标得4分,75%以上得3分,70%以上得2分,65%以上得1分」 under the item 「…集体合同制度建制率达到80%以上…」
//       → 「集体合同建制率达80%以上得4分,75%以上得3分,…」 → 分段 { ≥ 80% 得 4 [75%, 80%) 得 3 … }
// Only when the item states exactly one percentage, as a threshold reached (达到/达 … 以上) of a rate whose name ends
// the same as the clause's rate, and the clause goes on with rows of lower percentages (a band list whose top row is
// the standard). A clause that only says 达标 and its failing (「同步组建率达标得2分,未达标不得分」) is a requirement met
// or not, and is left as written.
import type { ClauseContext } from "./index.js";
import { normalise } from "./normalise.js";

/** 「X率达标得P分,」 at the clause's start. */
const STANDARD_ROW = /^([^\d,;。]*?([\u4e00-\u9fa5]{2})率)达标(?=(?:的)?,?(?:得|计|记)\d)/;
/** A later row 「75%以上得3分」. */
const LOWER_ROW = /[,;]\d+(?:\.\d+)?%(?:及)?以上(?:的)?,?(?:得|计|记)\d/;

export function rewordItemStandard(t: string, ctx: ClauseContext): string {
  if (ctx.item === undefined) return t;
  const m = STANDARD_ROW.exec(t);
  if (!m || !LOWER_ROW.test(t)) return t;
  const item = normalise(ctx.item);
  const percents = item.match(/\d+(?:\.\d+)?%/g) ?? [];
  if (percents.length !== 1) return t;
  const s = new RegExp(`${m[2]}率(?:达到|达)(\\d+(?:\\.\\d+)?)%(?:及)?以上`).exec(item);
  if (!s) return t;
  return `${m[1]}达${s[1]}%以上${t.slice(m[0].length)}`;
}
