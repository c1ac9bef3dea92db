// Bands written as a cascade of bounds with words that say their inclusivity (低于/不足/少于/未达到/小于 are
// strict, 高于/超过/多于/大于 too; 「(含)」 after the word makes them inclusive): 「完成率低于90%扣1分，低于80%扣2分，
// 低于70%不得分」 → 分段 { [80%, 90%) 扣 1  [70%, 80%) 扣 2  < 70% 不得分 }.  Each row is the values below its
// bound and not below the next one (a cascade is read as bands, not as deductions that add up: 「再扣」
// 「另扣」「累计」 leave it a to-do).  以上/以下 rows are never guessed (rulebooks use them both ways).
import { measureWords } from "@kaoping/core";
import { NUM, numberText, rxt, rxg } from "../normalise.js";
import { decimalCompare } from "../../decimal.js";
import { actionOf, reading, refusal, VERBS, type Pattern } from "../reading.js";

const UNITS = [...measureWords].filter((m) => m !== "分").sort((a, b) => b.length - a.length).join("|");
const BELOW = /^(?:低于|不足|少于|未达到|未达|小于|不高于|不超过)$/;
/** Words that include their bound: 达到 90% is 90% and above, 不超过 5天 is 5 days and fewer. */
const INCLUSIVE = /^(?:达到|不低于|不少于|不高于|不超过)$/;
const ROW = rxg`(?<!每|不|未|没有)(低于|不足|少于|未达到|未达|小于|高于|超过|多于|大于|达到|不低于|不少于|不高于|不超过)(\\(含\\))?(?:规定时限|规定期限|时限|期限|规定时间)?${NUM}(%|${UNITS})?(?!\\d|以上|以下|及以上|及以下)(\\(含\\))?(?:的)?[,]?(?:的)?(?:(${VERBS})${NUM}分|(不得分))`;
/**
 * 「90%及以上得2分」「80%以上得1分」: the bound before 以上/以下. 及以上 and 「(含)」 include it; a bare 以上/以下
 * is read only when the list says it elsewhere — the complement row (「低于80%不得分」 makes 80%以上 include
 * 80%), then the same word alike in the whole list — else a to-do.
 */
const POST = rxg`(?<![\\d.])${NUM}(%|${UNITS})?(\\(含\\))?(及)?(以上|以下)(\\(含\\))?(?:的)?[,]?(?:的)?(?:(${VERBS})${NUM}分|(不得分))`;

/** A lead that states the top band scores nothing: 「达到95%的不扣分」「95%以上得满分」. */
const LEAD = rxt`^[^\\d]*?(?:达到|不低于|在)?${NUM}(%|${UNITS})?(?:\\(含\\))?(?:及以上|以上)?(?:的)?[,]?(?:的)?(?:不扣分|得满分|满分|得全分)[,;。]?`;

interface Row {
  readonly below: boolean;
  readonly inclusive: boolean;
  readonly value: string;
  readonly unit: string;
  readonly result: string;
  readonly amount: string | undefined;
}

interface Raw {
  readonly index: number;
  readonly text: string;
  readonly below: boolean;
  /** undefined: a bare 以上/以下, to be resolved from the list */
  readonly inclusive: boolean | undefined;
  readonly post: string | undefined;
  readonly value: string | undefined;
  readonly unit: string;
  readonly verb: string | undefined;
  readonly amount: string | undefined;
  readonly zero: boolean;
}

function rawRows(t: string): Raw[] {
  const pre: Raw[] = [...t.matchAll(ROW)].map((m) => ({
    index: m.index,
    text: m[0],
    below: BELOW.test(m[1]!),
    // 「超过95%(含)」: the 「(含)」 after the bound includes it as well as before it
    inclusive: m[2] !== undefined || m[5] !== undefined || INCLUSIVE.test(m[1]!),
    post: undefined,
    value: numberText(m[3]!),
    unit: m[4] ?? "",
    verb: m[6],
    amount: m[7] !== undefined ? numberText(m[7]) : undefined,
    zero: m[8] !== undefined,
  }));
  const post: Raw[] = [...t.matchAll(POST)].map((m) => ({
    index: m.index,
    text: m[0],
    below: m[5] === "以下",
    inclusive: m[3] !== undefined || m[4] !== undefined || m[6] !== undefined ? true : undefined,
    post: m[5],
    value: numberText(m[1]!),
    unit: m[2] ?? "",
    verb: m[7],
    amount: m[8] !== undefined ? numberText(m[8]) : undefined,
    zero: m[9] !== undefined,
  }));
  const all = [...pre, ...post].sort((a, b) => a.index - b.index);
  // overlapping matches: not a list this pattern reads
  return all.some((r, i) => i > 0 && r.index < all[i - 1]!.index + all[i - 1]!.text.length) ? [] : all;
}

export const bandCascade: Pattern = (t) => {
  const found = rawRows(t);
  if (found.length < 2) return undefined;
  // a bare 以上/以下: the other side of a row with the same bound, then the same word alike
  const open = found.filter((r) => r.inclusive === undefined);
  if (open.length > 0) {
    const settled = new Map<string, boolean>();
    for (const r of open) {
      const other = found.find((x) => x !== r && x.value === r.value && x.below !== r.below && x.inclusive !== undefined);
      if (other) settled.set(`${r.index}`, !other.inclusive);
    }
    const byWord = new Map<string, boolean>();
    for (const r of open) {
      const v = settled.get(`${r.index}`);
      if (v === undefined) continue;
      if (byWord.has(r.post!) && byWord.get(r.post!) !== v) return refusal(`条文的「${r.post}」在各档中含不含本数不一致，未能确定`);
      byWord.set(r.post!, v);
    }
    for (let i = 0; i < found.length; i++) {
      const r = found[i]!;
      if (r.inclusive !== undefined) continue;
      const v = settled.get(`${r.index}`) ?? byWord.get(r.post!);
      if (v === undefined) return refusal(`分段的「${r.value}${r.unit}${r.post}」是否含本数，原文没有写，也未能从其他档确定`);
      found[i] = { ...r, inclusive: v };
    }
  }
  // between and around the rows only words: no other number, no 以上/以下 row, no accumulation
  let between = "";
  let from = 0;
  for (const m of found) {
    between += `${t.slice(from, m.index)}|`;
    from = m.index + m.text.length;
  }
  between += t.slice(from);
  const lead = LEAD.exec(between.slice(0, between.indexOf("|")));
  const leadValue = lead ? numberText(lead[1]!) : undefined;
  const others = lead ? between.slice(lead[0].length) : between;
  if (/\d/.test(others) || /以上|以下|以内/.test(others)) return undefined;
  if (/再扣|另扣|另加|再加|累计|累加|叠加|加扣|并扣/.test(t)) return refusal("条文的各档是累加扣分还是分段扣分，未能确定");
  const rows: Row[] = [];
  for (const m of found) {
    const verb = m.verb !== undefined ? actionOf(m.verb) : undefined;
    if (m.value === undefined || (!m.zero && (verb === undefined || m.amount === undefined))) return undefined;
    rows.push({ below: m.below, inclusive: m.inclusive!, value: m.value, unit: m.unit, result: m.zero ? "不得分" : `${verb} ${m.amount}`, amount: m.amount });
  }
  // 「达到100%得5分，达到90%得4分，低于90%不得分」: one last row on the other side of the narrowest bound,
  // written as its complement (达到 90% / 低于 90%), is the band below (above) all the others
  let tail: Row | undefined;
  const last = rows[rows.length - 1]!;
  if (rows.length >= 3 && last.below !== rows[0]!.below && rows.slice(0, -1).every((r) => r.below === rows[0]!.below)) {
    const others = rows.slice(0, -1);
    const edge = rows[0]!.below ? others.reduce((a, b) => (decimalCompare(b.value, a.value) > 0 ? b : a)) : others.reduce((a, b) => (decimalCompare(b.value, a.value) < 0 ? b : a));
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
  const order = [...rows].sort((a, b) => (below ? decimalCompare(b.value, a.value) : decimalCompare(a.value, b.value)));
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
