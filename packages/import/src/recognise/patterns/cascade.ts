// Bands written as a cascade of bounds with words that say their inclusivity (低于/不足/少于/未达到/小于 are
// strict, 高于/超过/多于/大于 too; 「(含)」 after the word makes them inclusive): 「完成率低于90%扣1分，低于80%扣2分，
// 低于70%不得分」 → 分段 { [80%, 90%) 扣 1  [70%, 80%) 扣 2  < 70% 不得分 }.  Each row is the values below its
// bound and not below the next one (a cascade is read as bands, not as deductions that add up: 「再扣」
// 「另扣」「累计」 leave it a to-do).  以上/以下 rows are never guessed (rulebooks use them both ways).
import { measureWords } from "@kaoping/core";
import { NUM, numberText, rx } from "../normalise.js";
import { actionOf, reading, refusal, VERBS, type Pattern } from "../reading.js";

const UNITS = [...measureWords].filter((m) => m !== "分").sort((a, b) => b.length - a.length).join("|");
const BELOW = /^(?:低于|不足|少于|未达到|未达|小于|不高于|不超过)$/;
/** Words that include their bound: 达到 90% is 90% and above, 不超过 5天 is 5 days and fewer. */
const INCLUSIVE = /^(?:达到|不低于|不少于|不高于|不超过)$/;
const ROW = rx(
  `(?<!每|不|未|没有)(低于|不足|少于|未达到|未达|小于|高于|超过|多于|大于|达到|不低于|不少于|不高于|不超过)(\\(含\\))?(?:规定时限|规定期限|时限|期限|规定时间)?${NUM}(%|${UNITS})?(?!\\d|以上|以下|及以上|及以下)(?:的)?[,]?(?:的)?(?:(${VERBS})${NUM}分|(不得分))`,
  "g",
);
/** A lead that states the top band scores nothing: 「达到95%的不扣分」「95%以上得满分」. */
const LEAD = rx(`^[^\\d]*?(?:达到|不低于|在)?${NUM}(%|${UNITS})?(?:\\(含\\))?(?:及以上|以上)?(?:的)?[,]?(?:的)?(?:不扣分|得满分|满分|得全分)[,;。]?`);

interface Row {
  readonly below: boolean;
  readonly inclusive: boolean;
  readonly value: string;
  readonly unit: string;
  readonly result: string;
  readonly amount: string | undefined;
}

export const bandCascade: Pattern = (t) => {
  const found = [...t.matchAll(ROW)];
  if (found.length < 2) return undefined;
  // between and around the rows only words: no other number, no 以上/以下 row, no accumulation
  let between = "";
  let from = 0;
  for (const m of found) {
    between += `${t.slice(from, m.index)}|`;
    from = m.index + m[0].length;
  }
  between += t.slice(from);
  const lead = LEAD.exec(between.slice(0, between.indexOf("|")));
  const leadValue = lead ? numberText(lead[1]!) : undefined;
  const others = lead ? between.slice(lead[0].length) : between;
  if (/\d/.test(others) || /以上|以下|以内/.test(others)) return undefined;
  if (/再扣|另扣|另加|再加|累计|累加|叠加|加扣|并扣/.test(t)) return refusal("条文的各档是累加扣分还是分段扣分，未能确定");
  const rows: Row[] = [];
  for (const m of found) {
    const value = numberText(m[3]!);
    const verb = m[5] !== undefined ? actionOf(m[5]) : undefined;
    const amount = m[6] !== undefined ? numberText(m[6]) : undefined;
    if (value === undefined || (m[7] === undefined && (verb === undefined || amount === undefined))) return undefined;
    rows.push({ below: BELOW.test(m[1]!), inclusive: m[2] !== undefined || INCLUSIVE.test(m[1]!), value, unit: m[4] ?? "", result: m[7] !== undefined ? "不得分" : `${verb} ${amount}`, amount });
  }
  // 「达到100%得5分，达到90%得4分，低于90%不得分」: one last row on the other side of the narrowest bound,
  // written as its complement (达到 90% / 低于 90%), is the band below (above) all the others
  let tail: Row | undefined;
  const last = rows[rows.length - 1]!;
  if (rows.length >= 3 && last.below !== rows[0]!.below && rows.slice(0, -1).every((r) => r.below === rows[0]!.below)) {
    const others = rows.slice(0, -1);
    const edge = rows[0]!.below ? others.reduce((a, b) => (Number(b.value) > Number(a.value) ? b : a)) : others.reduce((a, b) => (Number(b.value) < Number(a.value) ? b : a));
    if (edge.value !== last.value || edge.inclusive === last.inclusive) return refusal("条文的各档既有「低于」又有「高于」，且界限不相接，未能确定分段");
    tail = last;
    rows.pop();
  }
  if (rows.some((r) => r.below !== rows[0]!.below)) return refusal("条文的各档既有「低于」又有「高于」，未能确定分段");
  const all = tail ? [...rows, tail] : rows;
  if (all.some((r) => r.unit !== rows[0]!.unit)) return refusal("条文各档的单位不同，未能确定分段");
  if (new Set(rows.map((r) => r.value)).size !== rows.length) return refusal("条文的两档界限相同，未能确定分段");
  const verbs = new Set(all.map((r) => r.result.split(" ")[0]).filter((v) => v !== "不得分"));
  if (verbs.size > 1) return refusal("条文的各档既有扣分又有得分，未能确定分段");
  const below = rows[0]!.below;
  // the bounds from the widest to the narrowest: each row stops where the next one begins
  const order = [...rows].sort((a, b) => (below ? Number(b.value) - Number(a.value) : Number(a.value) - Number(b.value)));
  if (lead && leadValue !== order[0]!.value) return refusal("条文不扣分的一档与其他各档的界限不相接，未能确定分段");
  const u = rows[0]!.unit;
  const bound = (r: Row): string => {
    const i = order.indexOf(r);
    const next = order[i + 1];
    if (!next) return `${below ? (r.inclusive ? "≤" : "<") : r.inclusive ? "≥" : ">"} ${r.value}${u}`;
    // the next row takes values beyond its own bound (strict) or from it (inclusive)
    if (below) return `${next.inclusive ? "(" : "["}${next.value}${u}, ${r.value}${u}${r.inclusive ? "]" : ")"}`;
    return `${r.inclusive ? "[" : "("}${r.value}${u}, ${next.value}${u}${next.inclusive ? ")" : "]"}`;
  };
  // in a band list that awards, 不得分 is the band that earns nothing (得 0), not the item lost
  const award = verbs.has("得");
  const result = (r: Row): string => (award && r.result === "不得分" ? "得 0" : r.result);
  const lines = rows.map((r) => ({ bound: bound(r), result: result(r) }));
  if (tail) lines.push({ bound: `${tail.below ? (tail.inclusive ? "≤" : "<") : tail.inclusive ? "≥" : ">"} ${tail.value}${u}`, result: result(tail) });
  const cols = (x: string): number => [...x].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const width = Math.max(...lines.map((l) => cols(l.bound)));
  const body = ["分段 {", ...lines.map((l) => `  ${l.bound}${" ".repeat(width - cols(l.bound))} ${l.result}`), "}"].join("\n");
  const used = [...rows, ...(tail ? [tail] : [])].flatMap((r) => (r.amount !== undefined ? [r.amount] : []));
  return reading([body], used);
};
