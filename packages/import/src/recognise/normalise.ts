// Text normalisation for recognition only (the clause itself is always kept verbatim): full-width
// digits and punctuation as half-width, the traditional characters converted copies use, spaces out.

const TRADITIONAL: Readonly<Record<string, string>> = {
  項: "项", 處: "处", 條: "条", 個: "个", 規: "规", 範: "范", 計: "计", 劃: "划", 總: "总", 結: "结",
  臺: "台", 賬: "账", 視: "视", 況: "况", 決: "决", 實: "实", 現: "现", 發: "发", 開: "开", 關: "关",
  滿: "满", 內: "内", 類: "类", 單: "单", 進: "进", 達: "达", 員: "员", 數: "数", 請: "请", 報: "报",
  無: "无", 為: "为", 週: "周", 績: "绩", 級: "级", 減: "减", 記: "记", 後: "后", 與: "与", 對: "对",
  兩: "两", 別: "别", 務: "务", 問: "问", 嚴: "严", 堅: "坚", 場: "场", 專: "专", 導: "导", 屬: "属",
  懲: "惩", 時: "时", 書: "书", 會: "会", 構: "构", 標: "标", 機: "机", 檔: "档", 準: "准", 熱: "热",
  獎: "奖", 確: "确", 種: "种", 簽: "签", 組: "组", 絡: "络", 網: "网", 聯: "联", 職: "职", 舉: "举",
  虛: "虚", 見: "见", 訪: "访", 設: "设", 評: "评", 認: "认", 誤: "误", 調: "调", 責: "责", 費: "费",
  資: "资", 質: "质", 辦: "办", 違: "违", 遲: "迟", 鄉: "乡", 鎮: "镇", 領: "领", 題: "题", 點: "点",
  黨: "党", 區: "区", 縣: "县", 應: "应", 經: "经", 間: "间", 戶: "户", 幹: "干", 錯: "错", 樣: "样",
  據: "据", 錄: "录", 歷: "历", 紀: "纪", 優: "优", 勢: "势", 門: "门", 訊: "讯", 從: "从", 補: "补",
  復: "复", 製: "制", 衛: "卫", 環: "环", 園: "园", 帶: "带", 亂: "乱", 獲: "获", 詢: "询", 們: "们",
  積: "积", 則: "则", 盡: "尽", 雙: "双", 並: "并", 濟: "济", 說: "说", 線: "线", 當: "当", 參: "参",
  臨: "临", 態: "态", 憑: "凭", 權: "权", 擔: "担", 層: "层", 齡: "龄", 歲: "岁", 際: "际", 備: "备",
  織: "织", 係: "系", 繫: "系", 麼: "么", 屆: "届", 價: "价", 選: "选", 統: "统", 閱: "阅", 讀: "读",
  議: "议", 冊: "册", 論: "论", 談: "谈", 證: "证", 護: "护", 險: "险", 災: "灾", 傷: "伤", 審: "审", 財: "财",
  稅: "税", 檢: "检", 驗: "验", 測: "测", 轉: "转", 過: "过", 還: "还", 運: "运", 動: "动", 勞: "劳",
  幫: "帮", 協: "协", 節: "节", 圍: "围", 壞: "坏", 損: "损", 維: "维",
};

/** The last texts normalised: a clause is normalised by several steps of one recognition (bounded, cleared when full). */
const normalised = new Map<string, string>();

/** Half-width, simplified, without spaces: the form the patterns read. */
export function normalise(text: string): string {
  const known = normalised.get(text);
  if (known !== undefined) return known;
  const out = normaliseText(text);
  if (normalised.size >= 512) normalised.clear();
  normalised.set(text, out);
  return out;
}

/** What a UTF-16 unit outside the full-width block becomes: dashes as 「-」, traditional characters simplified. */
const REPLACED = new Map<number, string>([
  ...[..."〜—–"].map((ch): [number, string] => [ch.charCodeAt(0), "-"]),
  ...Object.entries(TRADITIONAL).map(([from, to]): [number, string] => [from.charCodeAt(0), to]),
]);

/** The units /\s/ matches (the ideographic space among them): left out. */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0x3000 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff;
}

/** 「0 5分」: a space inside a number is an OCR slip, never read as 05. */
const SPACED_DIGITS = /(\d)[ \u3000]+(?=\d)/g;
/** (zhí)-style pinyin glosses of a converted copy. */
const PINYIN = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)/g;

function normaliseText(text: string): string {
  text = text.replace(SPACED_DIGITS, "$1□");
  // unit by unit (no character the table changes is outside the BMP); unchanged runs copied as slices
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let to: string | undefined;
    if (c >= 0xff01 && c <= 0xff5e) to = String.fromCharCode(c - 0xfee0);
    else if (isSpace(c)) to = "";
    else if (c < 0x80 || (to = REPLACED.get(c)) === undefined) continue;
    out += text.slice(from, i) + to;
    from = i + 1;
  }
  out = from === 0 ? text : out + text.slice(from);
  return out.replace(PINYIN, "");
}

/** One character (code point) normalised: what normalise(ch) gives, without the clause cache. */
export function normaliseChar(ch: string): string {
  return normaliseText(ch);
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

/** Compiled patterns by flags, then by source (no key string is built per call: sources are long). */
const caches = new Map<string, Map<string, RegExp>>();
/** A compiled pattern, built once per source (the patterns are assembled from the word lists). */
export function rx(source: string, flags = ""): RegExp {
  let cache = caches.get(flags);
  if (!cache) caches.set(flags, (cache = new Map()));
  let r = cache.get(source);
  if (!r) cache.set(source, (r = new RegExp(source, flags)));
  r.lastIndex = 0;
  return r;
}

/** What a tagged pattern call site last built: its interpolated values and the pattern they gave. */
interface Site {
  values: readonly unknown[];
  re: RegExp;
  /** The site's patterns by their interpolated values, for a site whose values vary (the item's points). */
  byValues?: Map<string, RegExp>;
}
/** Tagged call sites by their template strings (one frozen array per site in the source text). */
const sites = new WeakMap<TemplateStringsArray, Site>();

/**
 * A tag that compiles a pattern once per call site: rx`…${NUM}…` gives what rx(`…${NUM}…`, flags) gives
 * (the same RegExp, lastIndex reset), without concatenating and hashing the long source on every call
 * when the interpolated values are those of the site's last call (module constants always are).
 */
function tagged(flags: string): (strings: TemplateStringsArray, ...values: readonly unknown[]) => RegExp {
  return (strings, ...values) => {
    const site = sites.get(strings);
    if (site !== undefined) {
      const last = site.values;
      let same = true;
      for (let i = 0; i < values.length; i++) {
        if (values[i] !== last[i]) {
          same = false;
          break;
        }
      }
      if (same) {
        site.re.lastIndex = 0;
        return site.re;
      }
      const key = values.join("\u0001");
      let re = site.byValues?.get(key);
      if (re === undefined) {
        re = rx(sourceOf(strings, values), flags);
        (site.byValues ??= new Map()).set(key, re);
      }
      site.values = values;
      site.re = re;
      re.lastIndex = 0;
      return re;
    }
    const re = rx(sourceOf(strings, values), flags);
    sites.set(strings, { values, re });
    return re;
  };
}

/** The source an untagged template literal would give. */
function sourceOf(strings: TemplateStringsArray, values: readonly unknown[]): string {
  let source = strings[0]!;
  for (let i = 0; i < values.length; i++) source += `${String(values[i])}${strings[i + 1]!}`;
  return source;
}

/** rx`…` : a pattern without flags, compiled once per call site (see `tagged`). */
export const rxt = tagged("");
/** rxg`…` : a global pattern, compiled once per call site, lastIndex reset on every call (see `tagged`). */
export const rxg = tagged("g");
