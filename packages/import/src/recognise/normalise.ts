// Text normalisation for recognition only (the clause itself is always kept verbatim): full-width
// digits and punctuation as half-width, the traditional characters converted copies use, spaces out.

const TRADITIONAL: Readonly<Record<string, string>> = {
  項: "项", 處: "处", 條: "条", 個: "个", 規: "规", 範: "范", 計: "计", 劃: "划", 總: "总", 結: "结",
  臺: "台", 賬: "账", 視: "视", 況: "况", 決: "决", 實: "实", 現: "现", 發: "发", 開: "开", 關: "关",
  滿: "满", 內: "内", 類: "类", 單: "单", 進: "进", 達: "达", 員: "员", 數: "数", 請: "请", 報: "报",
  無: "无", 為: "为", 週: "周", 績: "绩", 級: "级", 減: "减", 記: "记", 後: "后", 與: "与", 對: "对",
};

/** Half-width, simplified, without spaces: the form the patterns read. */
export function normalise(text: string): string {
  let out = "";
  // 「0 5分」: a space inside a number is an OCR slip, never read as 05
  text = text.replace(/(\d)[ \u3000]+(?=\d)/g, "$1□");
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (ch === "　" || /\s/.test(ch)) continue;
    else if (ch === "、") out += "、";
    else if (ch === "。") out += "。";
    else if (ch === "～" || ch === "〜" || ch === "—" || ch === "–" || ch === "－") out += "-";
    else out += TRADITIONAL[ch] ?? ch;
  }
  // (zhí)-style pinyin glosses of a converted copy
  return out.replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)/g, "");
}

const DIGITS: Readonly<Record<string, number>> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A number written in digits or small Chinese numerals (一 … 九十九) as decimal text, or undefined. */
export function numberText(s: string): string | undefined {
  if (/^\d+(\.\d+)?$/.test(s)) return s.replace(/^0+(?=\d)/, "");
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === "") return undefined;
  if (!m[2]) return m[1] && !m[3] ? String(DIGITS[m[1]]) : undefined;
  return String((m[1] ? DIGITS[m[1]]! : 1) * 10 + (m[3] ? DIGITS[m[3]]! : 0));
}

/** A number in a pattern: digits (with decimals) or a small Chinese numeral. */
export const NUM = "(\\d+(?:\\.\\d+)?|[一二两三四五六七八九十]{1,3})";

const cache = new Map<string, RegExp>();
/** A compiled pattern, built once per source (the patterns are assembled from the word lists). */
export function rx(source: string, flags = ""): RegExp {
  const key = `${flags}/${source}`;
  let r = cache.get(key);
  if (!r) cache.set(key, (r = new RegExp(source, flags)));
  r.lastIndex = 0;
  return r;
}
