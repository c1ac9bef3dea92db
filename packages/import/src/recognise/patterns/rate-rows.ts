// Rows of a rate reached, each with its award (session 29, helper rates):
//   「法人资格登记率达80%以上得2分,法人资格登记率达70%以上得1分」 → 分段 { ≥ 80% 得 2 [70%, 80%) 得 1 }
//   「建家率达70%得3分,60%得2分,50%得1分」                    → 分段 { ≥ 70% 得 3 [60%, 70%) 得 2 [50%, 60%) 得 1 }
// The first row names the rate and says it is reached (达/达到: the bound itself reaches it, ≥ — as 以上 after 达 says
// again, rewords-bounds.ts); each later row names the same rate again or nothing, so it is the same rate's next
// threshold; the award grows with the threshold, so each row holds from its threshold up to the next one (the corpus
// writes such rows [N, next)). Not when any row or a sibling writes a bound from below (以下/低于/不足: which side holds
// the number would be open), not with any other number or word between the rows, not in a 减分 section.
import { decimalCompare } from "../../decimal.js";
import { normalise, NUM, numberText, rxt } from "../normalise.js";
import { actionOf, reading, refusal, type Pattern } from "../reading.js";

/** One row: the rate's name (first row) with 达/达到, the threshold in %, the award. */
const ROW = rxt`^([^\\d,;。]*?)(达到|达)?${NUM}%(?:\\(含\\))?(?:及)?(?:以上)?(?:的)?,?(得|计|记)${NUM}分$`;

interface Row {
  readonly head: string;
  readonly reached: boolean;
  readonly bound: string;
  readonly amount: string;
}

/** A sibling that writes the same number from below (「70%以下」「低于70%」): the bound's side is open. */
function fromBelow(siblings: readonly string[] | undefined, bound: string): boolean {
  return (siblings ?? []).some((s) =>
    [...normalise(s).matchAll(/(\d+(?:\.\d+)?)%[^,;。\d]{0,4}?(?:以下|以内)|(?:不足|低于|少于|未达到?)(\d+(?:\.\d+)?)%/g)].some((x) => (x[1] ?? x[2]) === bound),
  );
}

export const reachedRateRows: Pattern = (t, ctx) => {
  if (ctx.section === "减分" || !t.includes("%")) return undefined;
  const body = t.replace(/^(?:\(\d+\)|\d+[、.](?!\d)|[一二三四五六七八九十]+、)/, "").replace(/[。;,]+$/, "");
  const parts = body.split(/(?<=分)[,;]/);
  if (parts.length < 2) return undefined;
  const rows: Row[] = [];
  for (const p of parts) {
    const m = ROW.exec(p);
    if (!m) return undefined;
    const bound = numberText(m[3]!);
    const amount = numberText(m[5]!);
    if (bound === undefined || amount === undefined || actionOf(m[4]!) !== "得") return undefined;
    rows.push({ head: m[1]!, reached: m[2] !== undefined, bound, amount });
  }
  const first = rows[0]!;
  // the first row names a rate and says it is reached; later rows name the same rate again or nothing
  if (!first.reached || !/(?:率|比例|比重)$/.test(first.head)) return undefined;
  if (rows.slice(1).some((r) => r.head !== "" && r.head !== first.head)) return undefined;
  // thresholds in one order, the award growing with the threshold
  const sorted = [...rows].sort((a, b) => decimalCompare(b.bound, a.bound));
  if (sorted.some((r, i) => i > 0 && (decimalCompare(r.bound, sorted[i - 1]!.bound) >= 0 || decimalCompare(r.amount, sorted[i - 1]!.amount) >= 0))) return undefined;
  if (rows.some((r) => fromBelow(ctx.siblings, r.bound))) return refusal(`同一项的另一条条文以「${rows.find((r) => fromBelow(ctx.siblings, r.bound))!.bound}%」为界写了下面一档，哪一边含本数未能确定`);
  const bands = sorted.map((r, i) => (i === 0 ? `≥ ${r.bound}%` : `[${r.bound}%, ${sorted[i - 1]!.bound}%)`) + ` 得 ${r.amount}`);
  return reading([`分段 { ${bands.join(" ")} }`], rows.map((r) => r.amount));
};
