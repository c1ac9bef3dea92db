// Noise of the copy, read through (session 29, issue 13: the released sixteenth, nineteenth and twentieth sets):
// ways every public copy of a rulebook can garble a clause's text that are not what the clause says. Each is
// rewritten in the normalised copy the patterns and the guards read (normalise.ts calls `withoutTextNoise` last,
// on half-width, simplified text without spaces); the clause itself stays verbatim in the `.kp`, and a name a
// reading quotes is mapped back to the clause's own words through the same edits (`noiseEdits`, recognise.ts).
//
// The classes, each a rule a reader of any rulebook would accept (test/corpus/README.md, 「Session 29: text noise
// (helper text)」; recognise-text-noise.test.ts):
//  - decimal stop: 「扣0。5分」 — an ideographic full stop between digits, before a unit, is the decimal point
//    (a sentence never ends inside a number). Not at the clause's start, where 「3。垃圾桶…」 is an outline number,
//    and only before 分 or a unit of measure, so 「…扣3。2、…」 (a sentence end and the next item) is left alone;
//  - primes: 「(2')」「(4′,少一项扣1分)」 — points written with a prime inside the brackets after a requirement are
//    that many points, as 「(2分)」 is;
//  - lenticular brackets: 「〔0.5分〕」 — points in 〔〕 are points in brackets (a document number 〔2019〕 holds no 分);
//  - fused outline numbers: 「2。无宣传活动」「1无宣传内容」 at the clause's start — an outline number whose separator
//    is a full stop, or was lost before a negation (无/未/没有/不 never follow a quantity: a count needs its measure
//    word), is an outline number: written 「2.」「1、」 so it is read as one;
//  - a full stop typed as 「.」 after the last amount: 「每项扣2.」 ends with the amount (「扣2.」 is 「扣2。」);
//  - ordinals: 「违反第4项」「第1条」 name an item of the rulebook, never a count of items: their numeral is written
//    「＃」 so no pattern reads 「1项」 as one item and the accounting has no number to place;
//  - a fraction whose 之 the copy dropped: 「宽度三分一以上」 is 三分之一 (the smaller numeral after 分, before a bound).

/** One rewrite of the text: `length` units at `at` replaced by `to`. */
export interface NoiseEdit {
  readonly at: number;
  readonly length: number;
  readonly to: string;
}

/** Digits as the raw cell or the normalised text may write them. */
const D = "[0-9０-９]";
/** Units a decimal's fractional part may stand before: points, a share, a measure. */
const UNIT_AFTER = "(?:分(?!钟|鐘|鍾)|%|％|‰|个百分点|百分点|[A-Za-zａ-ｚＡ-Ｚ]|度|元|万|亿|米|吨|倍|天|小时|公里|千克|公斤|亩|平方)";

/**
 * 「0。5分」: a 。 between digits that is a decimal point — digits before it (not the clause's first, an outline
 * number) and digits then a unit after it (spaces of the copy allowed, as the raw cell has them).
 */
const DECIMAL_STOP = new RegExp(`(?<=(?<!^\\s*)(?<![0-9０-９.．])${D}{1,3}\\s*)。(?=\\s*${D}+\\s*${UNIT_AFTER})`, "g");

/** Where a text (a raw cell or a normalised clause) has a 。 that is a decimal point. */
export function decimalStops(text: string): Set<number> {
  const at = new Set<number>();
  if (!text.includes("。")) return at;
  DECIMAL_STOP.lastIndex = 0;
  for (let m = DECIMAL_STOP.exec(text); m; m = DECIMAL_STOP.exec(text)) at.add(m.index);
  return at;
}

/** 「(2')」「(4′,」: a prime after the points inside brackets. */
const PRIME = /(?<=\(\d+(?:\.\d+)?)['′’](?=[),])/g;
/** 「〔0.5分〕」: points in lenticular brackets. */
const LENTICULAR = /〔(?=\d+(?:\.\d+)?分〕)|(?<=〔\d+(?:\.\d+)?分)〕/g;
/** 「2。无宣传活动」: an outline number whose separator is a full stop, at the clause's start. */
const OUTLINE_STOP = /(?<=^\d{1,2})。(?=[\u4e00-\u9fa5])/g;
/** 「1无宣传内容」: an outline number run into a negation at the clause's start (not 0, not a decimal). */
const OUTLINE_FUSED = /(?<=^[1-9]\d?)(?=无|未|没有|不(?![足到超满少低高]))/g;
/** 「每项扣2.」: a full stop typed as 「.」 right after the clause's last amount. */
const TRAILING_POINT = /(?<=(?:扣|减|得|加|计|记)\d+(?:\.\d+)?(?:分)?)\.$/g;
/** 「第4项」「第1、2项」「第一条」: an ordinal naming an item or an article. */
const ORDINAL = /(?<=第)(?:\d+|[一二三四五六七八九十]+)(?:[、,和及至-](?:\d+|[一二三四五六七八九十]+))*(?=项|条)/g;
/** 「三分一以上」: a fraction without 之, the smaller numeral after 分, before a bound. */
const FRACTION = /(?<=([一二三四五六七八九十])分)(?=([一二三四五六七八九])(?:以上|以下|左右))/g;
const SMALL: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** The rewrites of the copy's noise in a normalised text, in text order, none overlapping. */
export function noiseEdits(t: string): NoiseEdit[] {
  // cheap exits: every class needs one of these characters
  if (!/[。'′’〔.第分]|^[1-9]/.test(t)) return [];
  const edits: NoiseEdit[] = [];
  const add = (re: RegExp, to: (m: RegExpExecArray) => string | undefined): void => {
    re.lastIndex = 0;
    for (let m = re.exec(t); m; m = re.exec(t)) {
      const rewrite = to(m);
      if (rewrite !== undefined) edits.push({ at: m.index, length: m[0].length, to: rewrite });
      if (m[0].length === 0) re.lastIndex++;
    }
  };
  add(DECIMAL_STOP, () => ".");
  add(PRIME, () => "分");
  add(LENTICULAR, (m) => (m[0] === "〔" ? "(" : ")"));
  add(OUTLINE_STOP, () => ".");
  add(OUTLINE_FUSED, () => "、");
  add(TRAILING_POINT, () => "。");
  add(ORDINAL, (m) => "＃".repeat(m[0].length));
  add(FRACTION, (m) => (SMALL[m[2]!]! < SMALL[m[1]!]! ? "之" : undefined));
  return edits.sort((a, b) => a.at - b.at).filter((e, i, all) => i === 0 || all[i - 1]!.at + all[i - 1]!.length <= e.at);
}

/** The text with its edits applied. */
export function applyEdits(t: string, edits: readonly NoiseEdit[]): string {
  let out = "";
  let from = 0;
  for (const e of edits) {
    out += t.slice(from, e.at) + e.to;
    from = e.at + e.length;
  }
  return out + t.slice(from);
}

/**
 * The same edits on a text whose every unit knows the clause offset it comes from: the rewritten units take the
 * offsets of the units they replace (an insertion, the offset of the unit it stands before).
 */
export function applyEditsWithOrigins(t: string, origins: readonly number[], edits: readonly NoiseEdit[]): { text: string; origins: number[] } {
  let text = "";
  const out: number[] = [];
  let from = 0;
  const copy = (to: number): void => {
    text += t.slice(from, to);
    for (let k = from; k < to; k++) out.push(origins[k]!);
  };
  for (const e of edits) {
    copy(e.at);
    // a replaced unit keeps its own offset; an inserted one (length 0) takes the offset of the unit it stands before
    for (let k = 0; k < e.to.length; k++) out.push(origins[e.at + Math.min(k, Math.max(e.length - 1, 0))] ?? origins[origins.length - 1] ?? 0);
    text += e.to;
    from = e.at + e.length;
  }
  copy(t.length);
  return { text, origins: out };
}

/** (zhí)-style pinyin glosses of a converted copy (「現(xiàn)」): left out (session 25's, moved here from normalise.ts). */
const PINYIN = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)/g;

/** The pinyin glosses of a text, as edits that leave them out. */
function pinyinEdits(t: string): NoiseEdit[] {
  if (!t.includes("(")) return [];
  return [...t.matchAll(PINYIN)].map((m) => ({ at: m.index, length: m[0].length, to: "" }));
}

/** The normalised text with the copy's noise read through: pinyin glosses out, then the classes above. */
export function withoutTextNoise(t: string): string {
  const out = t.includes("(") ? t.replace(PINYIN, "") : t;
  const edits = noiseEdits(out);
  return edits.length === 0 ? out : applyEdits(out, edits);
}

/**
 * What `withoutTextNoise` does, on a text whose every unit knows the clause offset it comes from (a name a reading
 * quotes is found in the result and taken from the clause at those offsets: recognise.ts).
 */
export function withoutTextNoiseMapped(t: string, origins: readonly number[]): { text: string; origins: number[] } {
  const glossless = applyEditsWithOrigins(t, origins, pinyinEdits(t));
  return applyEditsWithOrigins(glossless.text, glossless.origins, noiseEdits(glossless.text));
}
