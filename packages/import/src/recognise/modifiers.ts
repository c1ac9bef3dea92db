// Modifiers written as their own phrase of a clause (語言参考 §6): 「造成严重影响的加倍扣分」 (加倍 当),
// 「已查结的减半」 after 其中 (其中 「已查结」 减半), 「确因上级政策调整未完成的不扣分」 (免扣 当),
// 「主动整改到位的可酌情减免」 (可减免 当), 「按所辖乡镇数平均计算」 (按 「所辖乡镇数」 平均), and 倒扣 as
// the verb.  Each phrase is taken out of the clause; the rest is read by the patterns; the modifiers are
// written after the reading, in the clause's order, only when the reading is of a kind that takes them
// (else a to-do).  A waiver or multiplier phrase that cannot be taken keeps the clause a to-do: a reading
// that ignored it would be wrong.
import { CAP_RE } from "./amounts.js";
import { NUM, numberText, rxt } from "./normalise.js";
import { actionOf } from "./reading.js";
import { NOUNS, unitOf } from "./units.js";

/** One modifier phrase taken from the clause. */
export interface ModifierPhrase {
  /** What the modifier needs of the reading's body. */
  readonly kind: "whole-multiplier" | "occurrences" | "cancel" | "reduce" | "average" | "overdraft" | "class";
  /** The modifier as .kp text (`加倍 当 「造成严重影响」`). */
  readonly text: string;
  /** Where the phrase starts in the clause (the modifiers are written in the clause's order). */
  readonly at: number;
  /** For a class's own amount (其中 「园区」 0.3): its verb and count word as written, to match the body's. */
  readonly verb?: "扣" | "得";
  readonly unit?: string;
}

export interface TakenModifiers {
  /** The clause without the modifier phrases. */
  readonly rest: string;
  readonly modifiers: readonly ModifierPhrase[];
}

/** A condition's name: the phrase before 的, without the words that introduce it. */
function conditionName(raw: string): string | undefined {
  const name = raw
    .replace(/^(?:但|对于|对|凡|如果|如|若|其中|并且|且|另外|另|同时)/, "")
    .replace(/(?:的|者)$/, "")
    .replace(/[“”"「」『』]/g, "");
  // a number in the condition is a threshold (「3次以上的加倍」): not a yes/no fact
  // 「以上扣分加倍」「上述情形减半」: what the phrase points back to is not a condition of its own
  if (/^(?:以上|上述|前述|本项|该项|此项|本条|该条|扣分|其)/.test(name)) return undefined;
  if (name.length < 2 || name.length > 18 || /\d|[一二三四五六七八九十]+(?:次|个|件|起|项|人)|分|%/.test(name)) return undefined;
  return name;
}

const MULTIPLIER = /^([^,;。]{2,24}?)(?:的|者)?,?(?:则|应|将|予以|一律|均)?(?:按|实行)?(加倍|双倍|翻倍|减半)(?:扣分|扣除|计分|计算|处理|扣)?$|^([^,;。]{2,24}?)(?:的|者)?,?扣分(加倍|减半)$/;
const OCCURRENCES = /^其中,?([^,;。]{2,20}?)(?:的|者)?,?(?:按)?(加倍|减半)(?:扣分|计分|计算)?$/;
const CANCEL = /^(?:但)?((?:确|如|若|凡)?(?:因|由于|属于?|经)[^,;。]{1,22}?)(?:的|者)?,?(?:可)?(?:不扣分|不予扣分|免予扣分|免于扣分|免扣|不作扣分|除外)$/;
const REDUCE = /^([^,;。]{2,22}?)(?:的|者)?,?(?:可)?(?:酌情)?(?:予以)?(?:减免|减免扣分|从轻扣分|减免处理)$/;
const AVERAGE = /^(?:扣分|得分)?(?:按|按照)([^,;。\d]{2,14}?)(?:进行)?平均(?:计算|扣分|计分|分摊|承担|扣除)?$/;
const AVERAGE_N = rxt`^(?:扣分)?由${NUM}个[^,;。]{1,10}?平均(?:承担|分摊|扣分|扣除)$`;

/** Segments of the clause at 「,」「;」「。」, with their offsets (separators kept out). */
function segments(t: string): { text: string; at: number; end: number }[] {
  const out: { text: string; at: number; end: number }[] = [];
  let from = 0;
  for (let i = 0; i <= t.length; i++) {
    if (i === t.length || /[,;。]/.test(t[i]!)) {
      if (i > from) out.push({ text: t.slice(from, i), at: from, end: i });
      from = i + 1;
    }
  }
  return out;
}

/** A class of units by its name (园区, 开发区, 市直部门 …), not a kind of finding (重大问题). */
const CLASS_NAME = /^(?:[\u4e00-\u9fa5]{0,6}?)(?:园区|开发区|高新区|街道|乡镇|镇|县区|县|市直部门|市直单位|部门|单位|社区|村)$/;
const CLASS_AMOUNT = rxt`^其中,?([\u4e00-\u9fa5]{1,10}?)(?:的)?,?(每(?:${NOUNS}))?(扣|减|加|得)${NUM}分$`;

/** One segment (or two joined at a comma: 「情节严重的,加倍扣分」) as a modifier, or undefined. */
function modifierOf(s: string, at: number): ModifierPhrase | "unsure" | undefined {
  // 「其中园区每个扣0.3分」: the amount for a class of units (语言参考 §6.4)
  const c = CLASS_AMOUNT.exec(s);
  if (c) {
    const value = numberText(c[4]!);
    if (!CLASS_NAME.test(c[1]!) || /问题|事故|案件|事项|情形|级/.test(c[1]!) || value === undefined) return "unsure";
    const unit = c[2] !== undefined ? unitOf(c[2].slice(1)) : undefined;
    return { kind: "class", text: `其中 「${c[1]}」 ${value}`, at, verb: actionOf(c[3]!) ?? "扣", ...(unit ? { unit } : {}) };
  }
  let m = OCCURRENCES.exec(s);
  if (m) {
    const name = conditionName(m[1]!);
    return name ? { kind: "occurrences", text: `其中 「${name}」 ${m[2]}`, at } : "unsure";
  }
  m = MULTIPLIER.exec(s);
  if (m) {
    const name = conditionName((m[1] ?? m[3])!);
    const word = (m[2] ?? m[4])! === "减半" ? "减半" : "加倍";
    return name ? { kind: "whole-multiplier", text: `${word} 当 「${name}」`, at } : "unsure";
  }
  m = CANCEL.exec(s);
  if (m) {
    const name = conditionName(m[1]!);
    return name ? { kind: "cancel", text: `免扣 当 「${name}」`, at } : "unsure";
  }
  m = REDUCE.exec(s);
  if (m) {
    const name = conditionName(m[1]!);
    return name ? { kind: "reduce", text: `可减免 当 「${name}」`, at } : "unsure";
  }
  m = AVERAGE.exec(s);
  if (m) {
    const name = m[1]!.replace(/^(?:所在|本)/, (x) => x).replace(/的$/, "");
    return name.length >= 2 ? { kind: "average", text: `按 「${name}」 平均`, at } : "unsure";
  }
  const n = AVERAGE_N.exec(s);
  if (n) {
    const v = numberText(n[1]!);
    return v !== undefined && /^[1-9]\d*$/.test(v) ? { kind: "average", text: `按 ${v} 平均`, at } : "unsure";
  }
  return undefined;
}

/**
 * Takes the modifier phrases out of a clause; `unsure` when a phrase looks like one but its condition
 * cannot be named (a threshold in it, too long). The first segment is never a modifier (it is what
 * the modifiers modify).
 */
export function takeModifiers(t: string, section: "加分" | "减分" | null): TakenModifiers | { unsure: string } {
  const segs = segments(t);
  const modifiers: ModifierPhrase[] = [];
  const cut: { at: number; end: number }[] = [];
  for (let i = 1; i < segs.length; i++) {
    const s = segs[i]!;
    let m = modifierOf(s.text, s.at);
    let end = s.end;
    if (m === undefined && i + 1 < segs.length && /^(?:则|应|将|予以|一律|均)?(?:按)?(?:加倍|减半|双倍)(?:扣分|计分|扣除)?$|^(?:可)?(?:酌情)?(?:予以)?(?:减免|不扣分|免予扣分)$/.test(segs[i + 1]!.text)) {
      m = modifierOf(`${s.text},${segs[i + 1]!.text}`, s.at);
      if (m !== undefined) {
        end = segs[i + 1]!.end;
        i++;
      }
    }
    if (m === "unsure") return { unsure: `条文的「${t.slice(s.at, end)}」是加倍、减半、免扣、平均的条件或某类单位的分值，未能确定条件或类别的名称` };
    if (m) {
      modifiers.push(m);
      cut.push({ at: s.at, end });
    }
  }
  let rest = "";
  let from = 0;
  for (const c of cut) {
    rest += t.slice(from, c.at);
    from = c.end;
  }
  rest += t.slice(from);
  rest = rest.replace(/[,;]+(?=[,;。]|$)/g, "").replace(/^[,;]+/, "");
  // 倒扣 as the verb: the deduction may go beyond the indicator's points (§6.2); in a 减分 section every
  // deduction is taken from the total already, so it is a plain deduction there
  // 「本项扣分不保底」「扣分不设底线」: the deductions may go beyond the item's points — 倒扣 said as a phrase
  // (「扣分不封顶」: the deductions have no ceiling — the item's points do not stop them, session 29, fh-01)
  const floorless = /[,;。]?(?:本项|该项|此项)?(?:扣分)?(?:不保底|不设底线|不封底|可超出本项分值|可以超出本项分值|不受本项分值限制)[。;]?|[,;。]?扣分(?:上)?不封顶[。;]?/.exec(rest);
  if (floorless) {
    if (section === "加分") return { unsure: "加分项中的条文写有「不保底」，未能确定" };
    rest = rest.slice(0, floorless.index) + rest.slice(floorless.index + floorless[0].length);
    if (/倒扣/.test(rest)) return { unsure: "条文既写了倒扣又写了不保底，未能确定" };
    // 「扣完为止」 keeps the deductions within the points, 「不保底」 lets them go beyond: both cannot hold
    if (/扣完|扣满|为止|封顶|上限|最多|最高/.test(rest)) return { unsure: "条文既写了上限（扣完为止）又写了不保底，未能确定" };
    if (section === null) modifiers.push({ kind: "overdraft", text: "倒扣", at: t.indexOf(floorless[0]) });
    return { rest, modifiers: modifiers.sort((a, b) => a.at - b.at) };
  }
  const over = /倒扣/.exec(rest);
  if (over) {
    if (section === "加分") return { unsure: "加分项中的条文写的是倒扣，未能确定" };
    if ((rest.match(/倒扣/g) ?? []).length !== (rest.match(/扣/g) ?? []).length) return { unsure: "条文既有倒扣又有扣分，未能确定哪些扣分可以超出本项分值" };
    const at = t.indexOf("倒扣");
    rest = rest.replace(/倒扣/g, "扣");
    if (section === null) modifiers.push({ kind: "overdraft", text: "倒扣", at });
  }
  return { rest, modifiers: modifiers.sort((a, b) => a.at - b.at) };
}

/** Where the clause's cap phrase starts (its 上限 is written in the clause's order with the modifiers), or -1. */
export function capAt(t: string): number {
  const m = CAP_RE.exec(t);
  return m ? m.index : -1;
}

/** Why a reading's body cannot take the modifier, or undefined when it can. */
export function unfit(body: string, m: ModifierPhrase): string | undefined {
  const perOne = /^每[^ ]+ (?:扣|得) (?:[\d.]+|「)/.test(body);
  const oneShotDeduct = /^扣 [\d.]+/.test(body);
  const deduct = /^(?:每[^ ]+ )*(?:酌情 )?扣 [\d.「]/.test(body) || body === "不得分" || (/^分段 /.test(body) && !/ 得 /.test(body));
  switch (m.kind) {
    case "whole-multiplier":
      if (perOne || /^每/.test(body)) return "条文按次计分又写了加倍（减半）：是整条规则加倍，还是其中符合条件的几次加倍，未能确定";
      return oneShotDeduct ? undefined : "条文的加倍（减半）不是作用于一次性扣分，未能确定";
    case "occurrences":
      return perOne ? undefined : "条文的「其中……加倍（减半）」只用于按次计分，未能确定";
    case "cancel":
      return deduct ? undefined : "条文的免扣条件不是作用于扣分，未能确定";
    case "reduce":
      return deduct && body !== "不得分" ? undefined : "条文的减免不是作用于扣分，未能确定";
    case "average":
      return perOne || oneShotDeduct || /^得 [\d.]+$/.test(body) ? undefined : "条文的「按…平均」不是作用于按次或一次性计分，未能确定";
    case "overdraft":
      return deduct || /^得 [\d.]+ 否则 扣 [\d.]+$/.test(body) ? undefined : "条文的倒扣不是作用于扣分，未能确定";
    case "class": {
      const own = /^(?:(每[^ ]+) )?(扣|得) [\d.]+$/.exec(body);
      if (!own) return "条文的「其中…」按单位类别另计分值，但不是作用于按次或一次性计分，未能确定";
      if (own[2] !== m.verb) return "条文的「其中…」与前面的计分一个扣分、一个得分，未能确定";
      if (m.unit !== undefined && m.unit !== own[1]) return "条文的「其中…」与前面的计分计数单位不同，未能确定";
      return undefined;
    }
  }
}
