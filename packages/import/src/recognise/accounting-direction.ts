// The direction of a band's bound (session 26, the accounting check): a band row that takes one side of a number
// (`≥ 100%`, `< 95%`) must take the side the clause's words give it. 「签订率不达100%的扣10分」 read
// `分段 { ≥ 100% 扣 10 }` (yfxa-09, the eighth fresh set) takes 不达 for 达: every unit that signs all its books
// loses 10 points. The words are data; a number the clause writes with no direction word, or with words on both
// sides of it in disagreement, is left alone.

/** Words before a number that put it above the bound (「超过95%」「达到100%」「不少于4次」). */
const ABOVE_BEFORE = ["超过", "超出", "高于", "多于", "大于", "达到", "达", "满", "不低于", "不少于", "不得少于", "不应少于", "至少", "≥", ">"];

/** Words before a number that put it below the bound (「低于95%」「不达100%」「未满3年」). */
const BELOW_BEFORE = ["低于", "少于", "小于", "不足", "不到", "未达到", "未达", "不达", "达不到", "没有达到", "没达到", "未满", "不满", "不超过", "不高于", "不多于", "≤", "<"];

/** Words of an above-word negated: with 以上 after the number they still say below (「未达到95%以上」). */
const NEGATED_ABOVE = new Set(["未达到", "未达", "不达", "达不到", "没有达到", "没达到", "未满", "不满"]);

/** The direction words before a number, longest first (a regex over the end of the text before it). */
const BEFORE_RE = new RegExp(`(${[...ABOVE_BEFORE, ...BELOW_BEFORE].sort((a, b) => b.length - a.length).join("|")})(?:的|了|为|是)?$`);

/** After the number and its unit: 以上 (above), 以下/以内 (below). */
const AFTER_RE = /^(?:%|‰|[\u4e00-\u9fa5]{0,4}?)(?:\(含\))?(?:及)?(以上|以下|以内|之内)/;

type Side = "above" | "below";

/** The side the clause's words put a number at `at` (its text `n`), or undefined when they do not say, or disagree. */
function sideOf(t: string, at: number, n: string): Side | undefined {
  const before = BEFORE_RE.exec(t.slice(Math.max(0, at - 8), at))?.[1];
  const after = AFTER_RE.exec(t.slice(at + n.length, at + n.length + 8))?.[1];
  const fromBefore: Side | undefined = before === undefined ? undefined : BELOW_BEFORE.includes(before) ? "below" : "above";
  const fromAfter: Side | undefined = after === undefined ? undefined : after === "以上" ? "above" : "below";
  if (fromBefore === undefined) return fromAfter;
  if (fromAfter === undefined || fromAfter === fromBefore) return fromBefore;
  // 「未达到95%以上」: below what is at or above 95 %
  if (NEGATED_ABOVE.has(before!) && fromAfter === "above") return "below";
  return undefined;
}

/** The one-sided rows of a reading's bands: the side they take of a number. */
function bandRows(bodies: readonly string[]): { side: Side; value: string; text: string; zero: boolean }[] {
  const out: { side: Side; value: string; text: string; zero: boolean }[] = [];
  for (const b of bodies) {
    if (!/分段/.test(b)) continue;
    for (const m of b.matchAll(/(≥|>|≤|<)\s*(\d+(?:\.\d+)?)(%|‰|[\u4e00-\u9fa5]{1,3})?(\s+不得分)?/g)) out.push({ side: m[1] === "≥" || m[1] === ">" ? "above" : "below", value: m[2]!, text: m[0].replace(/\s+不得分$/, ""), zero: m[4] !== undefined });
  }
  return out;
}

/** The zero said of not reaching the bound (「96%以上(2分),达不到标准不得分」): its band takes the other side (session 29). */
const ZERO_NOT_REACHED = /(?:达不到|未达到|没有达到|未达)(?:标准|要求|此标准|该标准)?(?:的)?,?不(?:得|计|记)分/;

/**
 * Why a band row of the reading takes the other side of its bound than the clause's words (`masked`: the clause
 * normalised, numbers of no scoring use masked), or undefined. A number several rows share on both sides, or one
 * the clause writes in several places with any word that agrees, is accepted.
 */
export function bandSideUnaccounted(masked: string, bodies: readonly string[]): string | undefined {
  const rows = bandRows(bodies);
  // 「至少2种宣传方式,否则不得分」 read `分段 { < 2项 不得分 }`: the zero is the minimum's other side (否则), session 29
  const zeroOtherwise = /否则,?(?:该项|本项|此项)?不(?:得|计|记)分/.test(masked) && bodies.length === 1 && /^分段 \{ < \S+ 不得分 \}$/.test(bodies[0]!);
  for (const r of rows) {
    if (rows.some((o) => o.value === r.value && o.side !== r.side)) continue;
    if (r.zero && r.side === "below" && ZERO_NOT_REACHED.test(masked)) continue;
    if (zeroOtherwise && r.side === "below") continue;
    const sides: (Side | undefined)[] = [];
    for (const m of masked.matchAll(/\d+(?:\.\d+)?/g)) {
      if (m[0] !== r.value && Number(m[0]) !== Number(r.value)) continue;
      // a number inside a larger one (「1000」 of 「10000」) or an amount (「扣10分」) is not the bound
      if (/^[\d.]/.test(masked.slice(m.index! + m[0].length)) || /^分/.test(masked.slice(m.index! + m[0].length))) continue;
      sides.push(sideOf(masked, m.index!, m[0]));
    }
    const said = sides.filter((s): s is Side => s !== undefined);
    if (said.length > 0 && said.every((s) => s !== r.side)) {
      const word = r.side === "above" ? "以上（不低于）" : "以下（低于）";
      return `条文的界限 ${r.value} 写的是${said[0] === "above" ? "达到或超过" : "低于或不足"}它的一侧，计分方式的分段却取${word}一侧（「${r.text}」），意思可能反了，未能确定`;
    }
  }
  return undefined;
}
