// Guards on a finished reading (session 23, from the sixth and seventh fresh sets): numbers with a
// measure word, distributive words and numbers the copy garbled. A reading that does not account for
// them is a to-do with a Chinese reason — a count or a bound is never read as an amount, even when its
// digits are the amount's (「兩種組織…不得分」), and a count after the fact (「缺勤一次，扣10分」)
// is never dropped.
import type { ClauseContext } from "./index.js";
import { NUM, numberText, rxt, rxg } from "./normalise.js";
import { NOUNS } from "./units.js";
import { maskMonthDates } from "./dates.js";

/** A reading of one-shot amounts only (扣 N, 得 N, 不得分): it counts nothing and bounds nothing. */
export function oneShot(bodies: readonly string[]): boolean {
  return bodies.length > 0 && bodies.every((b) => /^(?:(?:扣|得) [\d.]+|不得分)(?:\s|$)/.test(b));
}

/** Count nouns besides the language's count words (「兩種」「三名」「两份」): a number of things. */
const COUNT_NOUNS = `${NOUNS}|种|名|份|位|张|本|类`;

/** 「1人以上」「2项及以上」「5件(含)以下」: a bound on a count (the amount is never its number). */
const COUNT_BOUND = rxg`(?<![\\d.])${NUM}(${COUNT_NOUNS})(?:\\(含\\))?(?:及)?(以上|以下)`;

/** 「不少于4次」「达到90%」: a bound written before its number. */
const PRE_BOUND = rxg`(?:不得少于|不应少于|不少于|不得低于|不低于|不高于|不超过|至少|最少|少于|多于|低于|高于|超过|不足|达到|未达到|大于|小于)${NUM}(?:%|${NOUNS})?`;

/** 「两种」「3项」: a number of things the clause names (a count or a threshold, never an amount). */
const COUNT = rxg`(?<![\\d.每第\\-至/])${NUM}(${COUNT_NOUNS})(?![/一])`;

/** 「一次」「1次」 after the fact (「缺勤一次」「迟到或早退一次」): counted per occurrence. */
export const ONCE_AFTER = /(?<![仅只至少最不]|一|第|每)(?:[一1])(次|起|例|回)(?!性|以上|及以上|以下|\(含\)|上|下|达到|完成|都|也)/;

/**
 * 「每年召开一次会议，未召开的扣2分」: the count is the requirement of its own sentence part, and the
 * amount's part has a condition of its own (「未召开的」) — one deduction, not one per time.
 */
export function requirementApart(t: string, at: number): boolean {
  const amount = /(?:扣|减)\d/.exec(t.slice(at));
  if (!amount) return false;
  const end = at + amount.index;
  const start = Math.max(t.lastIndexOf(",", end), t.lastIndexOf(";", end), t.lastIndexOf("。", end)) + 1;
  return start > at && /的(?:可)?$/.test(t.slice(start, end));
}

/**
 * A clause that takes its amount per thing found or missing (「每发现1份…扣1分」「缺一个，扣1分」「少一样扣2分」):
 * a one-shot reading of it is wrong whatever the count word (份, 张, 样 are not count words of the language).
 */
export const PER_THING = /每(?:发现|查出|查实|出现)?(?:\d+|[一两二三四五六七八九十])?(?:份|张|样|种|所|笔|台|辆|株|场|宗|个|件|项|起|例|处|条|家|户|篇)|(?<![不至])(?:缺|少|差|漏)[\u4e00-\u9fa5]{0,4}?(?:\d+|[一两二三])(?:份|张|样|种|个|件|项|人|篇|条|处)|(?:发现|查出|查实)(?:\d+|一)(?:份|张|样|种|个|件|项|处|例|起)/;

/** 「八个文艺团体少一种」: a number of things required (two or more), then one of them short. */
export const SHORT_OF_REQUIRED = rxt`(?<![\\d.])(\\d+|[二两三四五六七八九十百]+)(个|项|种|类|家|所|支|名|人|次|篇|件|条|本|套)(?!以[上下])[^,;。]{0,16}?(?:少|缺)(?:了)?[一1]`;

/** 「少“一有”」: one of a named list (quoted) missing. */
const NAMED_MISSING = /(?:缺|少)(?:了)?[“"「《][一1][^”"」》]{0,6}[”"」》]/;

/** The numbers a body writes, as decimal text. */
const numbersOf = (body: string): Set<string> => new Set([...body.matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]));

/** 「每增加1件」「每多一人」: a step in a count (what the reading must count). */
export const PER_COUNT = rxt`每(?:(?:增加|增|多|新增|减少|少|发生|出现|发现)(?:[一1])?|[一1])(${NOUNS})`;

/** 「任一項」「少任一」「任何一个」: each of several things — one deduction each, or a condition on any one. */
export const ANY_ONE = /任一|任何一|其中任何/;

/** 「得l分」「扣o.5分」: a letter where the copy lost a digit. */
export const GARBLED = /(?:扣|得|加|减|计|记)[lIoOｌ](?:\.\d+)?分|(?:扣|得|加|减|计|记)\d*[lIoOｌ]\d*分/;

/** 「每村」「每个乡镇」: the unit assessed, named with 每 — not a count word of the rule. */
export const PER_UNIT_ASSESSED = /每(?:个)?(?:村|社区|乡镇|乡|镇|街道|单位|部门|县|区|县区|村居|村\(社区\)|学校|企业)(?!民|级|干部|委|长|书记)/;

/**
 * Why the reading does not account for a count, a bound on a count, a distributive word or a garbled
 * number of the clause (`t`: normalised, before its modifiers were taken), or undefined when it does.
 */
export function countsUnaccounted(t: string, bodies: readonly string[], _ctx: ClauseContext): string | undefined {
  const all = bodies.join(" ");
  const garbled = GARBLED.exec(t);
  if (garbled) return `条文的「${garbled[0]}」中分值不是数字（可能是抄录有误），未能确定分值`;
  // 「听筛达不到当年活产数90%，复查率达不到90%扣3分」 read as one band: a percentage of the clause the
  // reading does not write (each one counted: the same digits twice are two bounds)
  if (bodies.length === 1 && /^分段 \{ [<>≤≥] \S+ (?:(?:扣|得) [\d.]+|不得分) \}$/.test(all)) {
    const pct = (s: string): number => [...s.matchAll(/\d+(?:\.\d+)?%/g)].length;
    if (pct(t) > pct(all)) return "条文的百分数比计分方式中的界限多（可能有两个条件），未能确定";
  }
  // 「仅发生一次的扣1分」: only once is not each time
  const only = /(?:仅|只)(?:有|发生|出现|发现|查实)?[一1](?:次|起|例|件|项|个|处)/.exec(t);
  if (only && /^每/.test(all)) return `条文的「${only[0]}」是只有一次（一个），不是逐一计分，未能确定`;
  // 「八个文艺团体少一种扣1分」 read `每项 扣 1`: the number of things required before the shortfall is its bound, the
  // reading must write it (session 27, xcyh-01)
  const required = SHORT_OF_REQUIRED.exec(t);
  if (required && /^每\S* 扣 /.test(all) && !numbersOf(all).has(numberText(required[1]!) ?? "")) return `条文写有应有的数量「${required[1]}${required[2]}」，少一个扣分，计分方式中没有写出（需要写成次数不足），未能确定`;
  if (!oneShot(bodies)) {
    // 「每村有一个固定宣传栏」: 每村 is each unit assessed; the reading's count word is a guess
    const perUnit = PER_UNIT_ASSESSED.exec(t);
    const unit = /^每\S+/.exec(all)?.[0];
    // (「每村每月扣0.1分」 read 每村 每月: the reading counts by the clause's own word)
    if (perUnit && unit !== undefined && unit !== perUnit[0] && !t.replace(perUnit[0], "").includes(unit)) return `条文的「${perUnit[0]}」指每个被考核单位，不是计数单位，未能确定计分方式`;
    return undefined;
  }
  const written = new Set([...all.matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]));
  // 「有专职工作人员1人以上1分」: the bound's number is the amount's — the reading wrote only the amount
  for (const m of t.matchAll(COUNT_BOUND)) {
    const v = numberText(m[1]!);
    if (v === undefined) continue;
    // (「有1座以上」「培训1次以上」: at least one is having one — the corpus convention, see count.ts)
    if (v !== "1") return `条文的界限「${m[0]}」是数量的界限，计分方式中没有写出（需要写成分段），未能确定`;
  }
  // 「分析研究安全生产不少于4次(4分)」 read 得 4: a bound whose digits are the amount's is still a bound
  for (const m of t.matchAll(PRE_BOUND)) {
    const v = numberText(m[1]!);
    if (v === undefined || v === "1" || !written.has(v)) continue;
    if (/每/.test(t.slice(0, m.index).split(/[,;。]/).pop()!)) continue;
    return `条文的界限「${m[0]}」没有写进计分方式（数字与分值相同），未能确定它的作用`;
  }
  // 「兩種組織活動…不詳實不得分」: a number of things (two or more) the reading does not write
  // (a name in quotes or brackets — 「“五个必须”」「(按七个一标准)」 — counts nothing)
  // (a month written as a date — 「3月20日前」「9月底前」 — counts nothing: dates.ts, session 25)
  const masked = maskMonthDates(t.replace(/[“"《(][^”"》)]*[”"》)]/g, (q) => "□".repeat(q.length)));
  // (a checklist task with its points in brackets — 「做好满2个聘期…(0.1分)」 — is described by its counts)
  const task = rxt`\\(${NUM}分\\)[。;,]?$`.test(t);
  for (const m of task ? [] : masked.matchAll(COUNT)) {
    const v = numberText(m[1]!);
    if (v === undefined || v === "1" || v === "0") continue;
    // a requirement per period (「每季度至少督查2次」) or a bound the bound guard already looked at
    if (/每(?:年|季度|季|月|半年|周|旬|日|天)[^,;。]{0,8}$/.test(masked.slice(0, m.index))) continue;
    // (a one-shot body writes no count: its number, even with the amount's digits — 「两项未完成的扣2分」 —, is the amount)
    return `条文的「${m[0]}」是数量（计数或界限），计分方式中没有写出，未能确定`;
  }
  // 「每增加1件，扣减1分」「每发现一处…」: counted per thing, read as one amount
  const per = PER_COUNT.exec(t);
  if (per && /扣|减/.test(all)) return `条文按「${per[0]}」逐一计分，计分方式却是一次性的分值，未能确定`;
  // 「凡缺勤一次…扣10分」「迟到或早退一次，扣5分」: the count after the fact — per occurrence
  const once = ONCE_AFTER.exec(t);
  if (once && /扣|减/.test(all) && !requirementApart(t, once.index)) return `条文写有「${once[0]}」（按次计分），计分方式却是一次性的扣分，未能确定`;
  // 「任一項過程性資料不詳實扣2分，扣完為止」「少任一扣3分」: a deduction for each one, or once?
  const any = ANY_ONE.exec(t);
  if (any && /扣/.test(all)) return `条文的「${any[0]}」可能是逐项扣分（每项），计分方式却是一次性的扣分，未能确定`;
  // 「少“一有”扣5分」: one of the item's named things (「六有」) missing — per thing missing, or once? (session 27, xcyh-03)
  const named = NAMED_MISSING.exec(t);
  if (named && /扣/.test(all)) return `条文按缺少的「${named[0]}」扣分，可能是每缺一项扣分，计分方式却是一次性的扣分，未能确定`;
  return undefined;
}
