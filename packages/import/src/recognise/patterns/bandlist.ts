// A band list: 「完成目标分值的75%-100%（含75%，不含100%），扣0.2分；…；完成目标分值的25%以下，扣0.8分；
// 未报送信息的，扣2分」 → 分段 { [75%, 100%) 扣 0.2 … < 25% 扣 0.8  未报送 扣 2 }.  A range row must say
// which ends it includes (「含75%，不含100%」); a 「以上」「以下」 row is read only when a range row of the
// list says whether that number is in the range (then the open row is the other side of it) — else a to-do.
import { NUM, numberText, rxt } from "../normalise.js";
import { decimalCompare } from "../../decimal.js";
import { actionOf, reading, refusal, VERBS, type Pattern } from "../reading.js";

const N = "(\\d+(?:\\.\\d+)?)";
const AMOUNT = `[,]?(?:的)?[,]?(${VERBS})${NUM}分[。;,]?$`;
const RANGE = rxt`^[^\\d;]*?${N}%-${N}%(?:\\((不含|含)${N}%,(不含|含)${N}%\\))?${AMOUNT}`;
const OPEN = rxt`^[^\\d;]*?${N}%(以上|以下)(?:\\((不含|含)\\))?${AMOUNT}`;
const NOT_SENT = rxt`^(?:未报送|未上报|未报|未提交)[^\\d;]*?${AMOUNT}`;

interface Row {
  readonly bound: string;
  readonly verb: "扣" | "得";
  readonly amount: string;
}

export const bandList: Pattern = (t) => {
  const parts = t.split(";").filter((p) => p.replace(/[。,]/g, "") !== "");
  if (parts.length < 2 || !parts.some((p) => RANGE.test(p))) return undefined;
  // Which numbers the range rows include or exclude, as written (「含75%，不含100%」).
  const said = new Map<string, boolean>();
  const ranges: { from: string; to: string; inFrom: boolean; inTo: boolean; verb: string; amount: string }[] = [];
  for (const p of parts) {
    const m = RANGE.exec(p);
    if (!m) continue;
    const [from, to] = [m[1]!, m[2]!];
    if (!m[3]) return refusal("分段的区间没有写明是否含端点（如「含75%，不含100%」），未能确定");
    const inc = new Map([[m[4]!, m[3] === "含"], [m[6]!, m[5] === "含"]]);
    if (inc.size !== 2 || !inc.has(from) || !inc.has(to)) return refusal("分段区间的「含」「不含」与区间的端点不一致，未能确定");
    said.set(from, inc.get(from)!);
    said.set(to, inc.get(to)!);
    ranges.push({ from, to, inFrom: inc.get(from)!, inTo: inc.get(to)!, verb: m[7]!, amount: m[8]! });
  }
  const rows: Row[] = [];
  for (const p of parts) {
    let row: { bound: string; verb: string; amount: string } | undefined;
    const r = RANGE.exec(p);
    const o = OPEN.exec(p);
    const n = NOT_SENT.exec(p);
    if (r) {
      const x = ranges.find((g) => g.from === r[1] && g.to === r[2])!;
      const lo = decimalCompare(x.from, x.to) <= 0 ? [x.from, x.inFrom] as const : [x.to, x.inTo] as const;
      const hi = decimalCompare(x.from, x.to) <= 0 ? [x.to, x.inTo] as const : [x.from, x.inFrom] as const;
      row = { bound: `${lo[1] ? "[" : "("}${lo[0]}%, ${hi[0]}%${hi[1] ? "]" : ")"}`, verb: x.verb, amount: x.amount };
    } else if (o) {
      const value = o[1]!;
      // written 「(含)」 / 「(不含)」, else the other side of what a range row says of the number
      const inclusive = o[3] ? o[3] === "含" : said.has(value) ? !said.get(value)! : undefined;
      if (inclusive === undefined) return refusal(`分段的「${value}%${o[2]}」是否含本数，原文没有写，也未能从其他档确定`);
      const op = o[2] === "以下" ? (inclusive ? "≤" : "<") : inclusive ? "≥" : ">";
      row = { bound: `${op} ${value}%`, verb: o[4]!, amount: o[5]! };
    } else if (n) {
      row = { bound: "未报送", verb: n[1]!, amount: n[2]! };
    } else {
      return undefined; // a part that is not a band row: not a band list
    }
    const verb = actionOf(row.verb);
    const amount = numberText(row.amount);
    if (!verb || amount === undefined) return undefined;
    rows.push({ bound: row.bound, verb, amount });
  }
  // aligned as kp fmt aligns them (a CJK character is two columns wide)
  const cols = (x: string): number => [...x].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const width = Math.max(...rows.map((r) => cols(r.bound)));
  const body = ["分段 {", ...rows.map((r) => `  ${r.bound}${" ".repeat(width - cols(r.bound))} ${r.verb} ${r.amount}`), "}"].join("\n");
  return reading([body], rows.map((r) => r.amount));
};
