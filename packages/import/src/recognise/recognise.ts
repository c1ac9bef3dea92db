// The recogniser: patterns tried in order on the normalised clause; a reading is accepted only when
// it accounts for every points amount the clause writes (an amount left over means the clause says
// more than the reading: a to-do, never a guess).
import { amountsIn, sameAmounts } from "./amounts.js";
import type { ClauseContext, Recognition } from "./index.js";
import { normalise, rx } from "./normalise.js";
import { countPatterns } from "./patterns/count.js";
import { assessed, discretion, header, rate, veto } from "./patterns/kinds.js";
import { singleBand } from "./patterns/bands.js";
import { bandList } from "./patterns/bandlist.js";
import { grades } from "./patterns/grades.js";
import { baseLinear, targetLinear } from "./patterns/linear.js";
import { listPatterns } from "./patterns/lists.js";
import type { Pattern } from "./reading.js";

const PATTERNS: readonly Pattern[] = [header, bandList, veto, assessed, rate, grades, discretion, targetLinear, baseLinear, singleBand, ...listPatterns, ...countPatterns];

export function recognise(text: string, ctx: ClauseContext): Recognition {
  let t = normalise(text);
  // 「2、引进省外内资(22分)。」: the item's heading with its points
  if (ctx.points !== null) t = t.replace(rx(`\\(${ctx.points.replace(".", "\\.")}分\\)[。,;]?`), "");
  if (t === "") return { kind: "todo", reason: "条文是空的" };
  if (t.includes("□")) return { kind: "todo", reason: "条文的数字中间有空格（如「0 5分」），未能确定分值" };
  for (const p of PATTERNS) {
    const r = p(t, ctx);
    if (!r) continue;
    if (r.kind === "refusal") return { kind: "todo", reason: r.reason };
    const all = amountsIn(t);
    if (!sameAmounts(all, r.used)) {
      return { kind: "todo", reason: `条文的分值（${all.join("、") || "无"}）未能全部对应到计分方式` };
    }
    return r.names ? { kind: "rules", bodies: r.bodies, names: r.names } : { kind: "rules", bodies: r.bodies };
  }
  return { kind: "todo", reason: rx("分").test(t) ? "未能识别条文的计分方式" : "条文没有写分值或计分方式" };
}
