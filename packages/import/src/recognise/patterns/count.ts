// The common clause: one amount, per occurrence or once, with a cap; 不得分; 得 X 否则 扣 Y; 次数不足.
import { amountsIn, capOf, NOT_WORD, sameAmounts, stepReason, thresholdReason } from "../amounts.js";
import { normalise, NUM, numberText, rx, rxt, rxg } from "../normalise.js";
import type { ClauseContext } from "../index.js";
import { actionOf, reading, refusal, VERBS, type Pattern, type PatternResult } from "../reading.js";
import { NOUNS, unitOf } from "../units.js";
import { namedShareMasked } from "./proportion.js";
import { verblessAwardReason } from "./stated-direction.js";

/** Words that make a clause more than one amount (read by other patterns, or a to-do). */
const SPECIAL = /分别|各(?:扣|加|得|减|计)|加倍|减半|双倍|其中|就高|按最高|平均|排名|名次|第[一二三1-3]名|比例|比率|否则|视情况|按实际情况|标准分|基本分|基础分|倒扣|另行|酌情/;
/** Words of a negative finding: a bare amount (「0.5分」) after one is a deduction, not an award. */
const NEGATIVE = /未|不|无|没有|缺|少|差|问题|违|错|迟|漏|超期|延误|失|被|投诉|批评|通报|事故/;

const PER_RE = rxg`每([^,;。:每]{0,10}?)(?:[一1])(${NOUNS})|每(${NOUNS})`;
/** Findings that happen several times (a problem, a complaint, a notice). */
const EVENT = /问题|投诉|通报|整改|不满意|事故|案件|差错|错误|批评|信访/;
/** A count of people, and a clause about people. */
const PER_PERSON = /每(?:人|名)|[一1](?:人|名)(?:扣|减)/;
const PEOPLE = /成员|人员|干部|职工|工作人员|个人|党员|[一1]人|[一1]名/;
const PER_RE_ONE = rxt`每(?:${NOUNS})|[一1](?:${NOUNS})(?:${VERBS})\\d`;
// (「仅有一项制度的」「只有1个方案的」: having only one, not each one; 「一项也未完成」「全年一次未开展」: not
// even one; 「一次性」: once)
// (the 1 of a larger number is no count: 「11月底前」 read 每月 before — session 25, s25-tune15)
const LEADING_RE = rxt`(?<!仅|只|仅有|只有|全年|年内|全年度|本年度)(?:发现|出现|发生|有|缺|少|采纳|查实|存在|解决|落实)?(?<![\\d.])[一1](${NOUNS})(?!(?:及)?以上|(?:及)?以下|也|都|性)[^,;。:\\d]{0,4}?(?:的)?(?:可|再)?$`;
/** Nouns of people counted with 个 (「1个小孩」「一个干部」). */
const PERSON_NOUN = /^(?:小孩|孩子|婴儿|人|干部|党员|职工|学生|村民|居民|群众)/;
const PER_SEGMENT_RE = rxt`^每(?:发现|出现|发生|有|缺|少)?[一1]?(${NOUNS})$`;

/** The count words before an action, nearest first: 「每人每次」→ [每人, 每次]; [] when none. */
function countWords(rawPrefix: string, rawPrevious: string | undefined, task = false): string[] | "unsure" {
  // a quoted name (「“×个一批”工程」) counts nothing
  // 「一般事故」「一律」: 一 that begins a word, not a count
  const mask = (s: string): string => s.replace(/[“"《「][^”"》」]*[”"》」]/g, (m) => "□".repeat(m.length)).replace(/一(?=般|律|些|定|致|旦|并|线|贯|直|同|切)/g, "□").replace(/(\d+(?:\.\d+)?|[一二两三四五六七八九十]+)个百分点/g, (m) => "□".repeat(m.length));
  const prefix = mask(rawPrefix);
  const previousSegment = rawPrevious === undefined ? undefined : mask(rawPrevious);
  if (/按次$/.test(prefix)) return ["每次"];
  // 「每超时1个工作日」「1个学时」: a measure the language has no count word for (每个 would be a guess)
  if (/[一1]个(?:工作日|学时|课时|小时|季度|平方|批次)/.test(rawPrefix)) return "unsure";
  // 「每案次」「每辆」「每缺一名」: a count word the language does not have — never read as a one-shot amount
  const unknown = rxt`每(?!(?:${NOUNS}))[^,;。每]{0,8}?[一1](?!(?:${NOUNS}))[\\u4e00-\\u9fa5]|每(?!(?:${NOUNS})|[一1]|发现|出现|发生|有|缺|少|增加|减少|超过|完成|落实|承办)[\\u4e00-\\u9fa5]{1,2}$`.exec(prefix);
  if (unknown) return "unsure";
  // 「每少出台一种意见或少研究一次」: two different count words in one clause
  const nouns = new Set([...prefix.matchAll(rxg`[一1](${NOUNS})`)].map((m) => unitOf(m[1]!)));
  if (nouns.size > 1) return "unsure";
  if (/按[^,;。]$/.test(prefix)) return "unsure"; // 按卷、按户: a count word the language may not have
  const lead = LEADING_RE.exec(prefix);
  // 「超生1个小孩扣1分」: 个 counting people is a count of people
  if (lead && lead[1] === "个" && PERSON_NOUN.test(prefix.slice(lead.index + lead[0].indexOf("个") + 1))) return ["每人"];
  if (lead) return [unitOf(lead[1]!)!];
  const found: { index: number; end: number; unit: string; gap: string }[] = [];
  PER_RE.lastIndex = 0;
  for (let m = PER_RE.exec(prefix); m; m = PER_RE.exec(prefix)) {
    found.push({ index: m.index, end: m.index + m[0].length, unit: unitOf((m[2] ?? m[3])!)!, gap: m[1] ?? "" });
  }
  // 「每名干部」「每份材料」「每本台账」: a 每 the count words did not take counts something the language has
  // no word for — never a one-shot amount (periods 每年、每季度 … say when, not what is counted)
  // (a checklist task with its points in brackets — 「向本地每名×员赠阅×(0.1分)」 — describes what is done: `task`)
  for (const m of task ? [] : prefix.matchAll(/每(?!年|季度|半年|周|日|学期)/g)) {
    if (!found.some((f) => m.index >= f.index && m.index < f.end)) return "unsure";
  }
  // 「缺一名扣0.5分」「一本台账」: one of something the language has no count word for (份, 场 are count words since session 23)
  if (!task && /[一1](?:名|位|本|张|台|辆|所|间|期|页|套|块|部|册|卷|座|栋|只|头)(?!(?:及)?以上|(?:及)?以下)/.test(prefix)) return "unsure";
  if (found.length === 0) {
    const seg = previousSegment !== undefined ? PER_SEGMENT_RE.exec(previousSegment) : null;
    if (seg) return [unitOf(seg[1]!)!];
    // 「每承办一项工作任务且按要求完成，加1分」: the count word ends the sentence before the amount
    if (previousSegment !== undefined && prefix === "") {
      const all = [...previousSegment.matchAll(rx(PER_RE.source, "g"))];
      const m = all[all.length - 1];
      if (m) return [unitOf((m[2] ?? m[3])!)!];
    }
    // 「每3次」「每两人」: a count other than one
    if (rxt`每${NUM}(?:${NOUNS})`.test(prefix)) return "unsure";
    return [];
  }
  const last = found[found.length - 1]!;
  // 每人每次: two adjacent count words make a compound unit
  const before = found[found.length - 2];
  if (before && before.end === last.index && before.gap === "" && last.gap === "") return [before.unit, last.unit];
  return [last.unit];
}

/** 至少 N次 … 少一次扣 X (次数不足). */
const shortfall: Pattern = (t) => {
  if (/少[^,;。]{0,6}?[一1]次/.test(t) && /(?:每季度|每月|每年|全年|每半年|每周)/.test(t) && !/(?:至少|不少于|不得少于|不应少于)(?:[^,;。\d]{0,12}?\d|[一二两三四五六七八九十]+次)|\d次以上/.test(t)) {
    return refusal("条文按期要求次数（如「每季度」），少一次扣分：需要写成次数不足，未能确定应有几次");
  }
  // 「全年报送不少于12篇，每少1篇扣0.2分」: the count word of the requirement and of the step are the same
  const W = "(次|篇|件|条|个|项|人|名|家|户|村|例|处|起|份|场)";
  // (「每年至少召开联席会议2次」: the requirement's action between the word and the number)
  const need = rxt`(?:至少|最少|不得少于|不应少于|不少于|不低于)(?:(?:召开|开展|组织|举办|报送|参加|进行)[^,;。\\d]{0,10}?)?${NUM}${W}|${NUM}${W}(?:以上|\\(含\\)以上)`.exec(t);
  const less = rxt`(?:每)?少(?:开展|召开|组织|报送|报|开|发)?[一1]${W}[^,;。]{0,6}?(扣|减)${NUM}分`.exec(t);
  if (!need || !less) return undefined;
  // 「网站每季度更新不少于5条，每少1条扣0.5分」: a requirement per period — how many in the year is not written
  if (/每(?:季度|月|半年|周|旬)/.test(t.slice(0, need.index))) return refusal("条文按期（如「每季度」）要求数量，少一条（次）扣分：需要写成次数不足，未能确定全年应有多少");
  const n = numberText((need[1] ?? need[3])!);
  const word = (need[2] ?? need[4])!;
  const x = numberText(less[3]!);
  if (n === undefined || x === undefined) return undefined;
  if (less[1] !== word) return refusal(`条文要求的是「${word}」，少的却按「${less[1]}」扣分，未能确定`);
  const cap = capOf(t);
  return reading([`至少 ${n}${word} 每少 1${word} 扣 ${x}${cap?.value ? ` 上限 ${cap.value}` : ""}`], amountsIn(less[0] + (cap?.value ? `${cap.value}分` : "")));
};

/** 得 X 否则 扣 Y: 「完成任务的加5分，完不成任务的在总分值中扣5分」. */
const otherwise: Pattern = (t) => {
  if (/每增加|每减少|每超|标准分/.test(t)) return undefined;
  const m = rxt`(?:完成|做到|达到)[^,;。]{0,8}?(?:加|得)${NUM}分[,;。]?(?:完不成|未完成|没有完成|否则|反之)[^,;。]{0,12}?(扣|减)${NUM}分`.exec(t);
  if (!m) return undefined;
  const a = numberText(m[1]!);
  const b = numberText(m[3]!);
  if (a === undefined || b === undefined) return undefined;
  // 「基础分值5分，完成任务的加5分」: the base is the award itself
  const base = rxt`基础分值?${NUM}分`.exec(t.slice(0, m.index));
  const used = [...amountsIn(m[0]), ...(base && numberText(base[1]!) === a ? [a] : [])];
  return reading([`得 ${a} 否则 扣 ${b}`], used);
};

/** A deduction written before its amount (「扣1分」「减0.5分」). */
const DEDUCTED = rxt`(?:扣|减|扣除|扣减)${NUM}分`;

/**
 * 「有组织、有安排,宣传到位得满分,无宣传不得分」「机构健全得满分,否则不得分」: the item's points when the requirement is met
 * and none when not — `得 P` with P the item's points; only in an ordinary item with its points known, the second
 * part a negation (否则, 未, 不, 无, 没有) and nothing counted, deducted or bounded. (Another shape is left to the
 * 不得分 reading below, which scores the same when the award is the item's whole: 「完成得基本分,未完成的不得分」.)
 */
function wholeOrNothing(body: string, ctx: ClauseContext): PatternResult {
  const m = /^([^;]*?)(?:的)?,?得满分[,;]([^;]*?)(?:的)?,?(?:该项|本项|此项)?(?:不得分|不计分|不记分)[。;]?$/.exec(body);
  if (!m || ctx.section !== null || ctx.points === null || !/否则|反之|未|不|无|没有/.test(m[2]!) || /每|扣|减|分别|各/.test(body)) return undefined;
  const why = thresholdReason(body);
  if (why) return refusal(why);
  return reading([`得 ${ctx.points}`], []);
}

/**
 * 「少“一有”扣5分」 (one of the item's 「六有」 missing) read `扣 5`, 「八个文艺团体少一种扣1分」 read `每项 扣 1` with the
 * eight dropped (session 27, xcyh-03/01): a deduction for one thing missing is counted per thing, and a number of
 * things required before it is the requirement's bound — a count word not placed, or a bound not written, is a to-do.
 */
function shortCountReason(prefix: string, words: readonly string[], verb: "扣" | "得"): string | undefined {
  if (verb !== "扣") return undefined;
  const missing = /(?:少|缺)(?:了)?(?:[“"「《][一1][^”"」》]{0,6}[”"」》]|[一1](?!般|律|些|定|致|旦|并|直|同|切)[\u4e00-\u9fa5]?)/.exec(prefix);
  if (!missing) return undefined;
  if (words.length === 0) return `条文按缺少的（「${missing[0].replace(/的+$/, "")}」）扣分，但没有计数单位，未能确定是每缺一项扣分还是一次性扣分`;
  const required = rxt`(?<![\d.])(\d+|[二两三四五六七八九十百]+)(?:个|项|种|类|家|所|支|名|人|次|篇|件|条|本|套|有)(?!以[上下])`.exec(prefix.slice(0, missing.index));
  if (required) return `条文写有应有的数量「${required[0]}」，少一个扣分：需要写成次数不足（至少若干），未能自动确定`;
  return undefined;
}

/** One amount, per occurrence or once; 不得分. */
const single: Pattern = (t0, ctx) => {
  // 「完成得基本分，未完成的不得分」: full points when done is the item's points, nothing to write
  // 「其中有一项不达标扣3分」: 其中 = among the item's requirements
  const t = t0
    .replace(/^完成(?:任务)?(?:的)?得(?:基本分|满分)[,;]/, "")
    .replace(/^其中(?=有[一1])/, "")
    .replace(/(得|计)标准分(?=\d)/, "$1"); // 「得标准分10分」
  const cap = capOf(t);
  const body = cap ? cap.rest : t;
  // 「得2分；否则不得分」「建立的，得2分，反之不得分」 is the award's other side: the award is the reading
  // 「…记10分，达不到的，该项不得分」「…记15分，未完成的，该项不得分」: the same, with the item named
  const elseZero = /[,;。]?(?:否则|反之|未[^,;。]{0,16}?|没有[^,;。]{0,10}?|无[^,;。]{0,10}?|达不到[^,;。]{0,10}?|不能[^,;。]{0,10}?)(?:的)?,?(?:该项|本项|此项)?(?:不得分|不记分|不计分)[。;]?$|[,;。]?否则相应扣分[。;]?$/;
  const amounts = amountsIn(body);
  if (amounts.length === 0) {
    // 「宣传到位得满分,无宣传不得分」: the item's points when done, none when not — the award stated (session 27: 不得分
    // alone dropped the 得满分, xsbj-03/04)
    const whole = wholeOrNothing(body, ctx);
    if (whole !== undefined) return whole;
    if (/不得分|全部扣完|不计分|不记分|该项不得分|本项不得分|得0分|得零分|此项不得分|扣除?(?:该|本|此)项(?:全部|所有)?分(?:值|数)?$/.test(body) && !/不扣分/.test(body)) {
      if (SPECIAL.test(body)) return refusal("条文的不得分带有条件或其他计分，未能确定");
      if (thresholdReason(body)) return refusal(thresholdReason(body)!);
      return reading(["不得分"], []);
    }
    // 「有安排、有部署并按标准申报得满分」: the item's points when it is done, written without its number
    if (/(?:得|计|记)满分[。;,]?$/.test(body) && ctx.section === null && ctx.points !== null && !cap) {
      if (SPECIAL.test(body) || /每|扣|减|否则|未|不|没有/.test(body)) return undefined;
      if (thresholdReason(body)) return refusal(thresholdReason(body)!);
      return reading([`得 ${ctx.points}`], []);
    }
    return undefined;
  }
  // (the other side of an award only: beside a deduction 「…不健全扣1分,无制度不得分」 it is a third state — session 27, xsbj-02)
  const withoutElse = elseZero.test(body) && amounts.length === 1 && !DEDUCTED.test(body) ? body.replace(elseZero, "") : body;
  // (比例 that names a thing, not a way of scoring, is no special word: patterns/proportion.ts, session 25)
  if (SPECIAL.test(namedShareMasked(withoutElse))) return refusal(`条文含有「${SPECIAL.exec(withoutElse)![0]}」，未能确定计分方式`);
  // 「…记3分，如举报有弄虚作假行为且调查属实的，此项不记分」: a zero on another condition than the award's
  if (/不得分|不记分|不计分|得零分|得0分/.test(withoutElse)) return refusal("条文既有分值又有不得分，未能确定计分方式");
  if (amounts.length > 1) return refusal(`条文有 ${amounts.length} 个分值（${amounts.join("、")}），未能确定它们的关系`);
  const act = rxt`(${VERBS})${NUM}(?:分|(?=$|[,;。)]))`.exec(withoutElse);
  const bare = rxt`${NUM}分${NOT_WORD}`.exec(withoutElse);
  const at = act ?? bare;
  if (!at) return undefined;
  let verb: "扣" | "得" | undefined = act ? actionOf(act[1]!) : undefined;
  // 「稳妥有序开展不合格×员处置工作（0.1分）」: a task with its points in brackets at the end earns them
  const bracketed = !act && rxt`^(?:[^()]|\\([^()]*\\))*\\(${NUM}分\\)[。;,]?$`.test(withoutElse) && !/扣|减(?!灾|排|负|贫|压)|罚|每/.test(withoutElse);
  if (!act && !bracketed) {
    // 「全宗卷整理规范2分」: a bare amount after a positive description is what the item earns
    // (「(2)无违规违纪问题8分」「无缺会现象3分」: the absence of a finding is what the item earns)
    const absence = rxt`^(?:\\(\\d+\\)|\\d+[、.])?(?:全年|年内|本年度|当年)?(?:无|没有|未发生|未出现)[^,;。\\d]{1,12}(?:问题|现象|事故|行为|案件|差错|投诉)(?:的)?,?$`.test(withoutElse.slice(0, at.index));
    if (NEGATIVE.test(withoutElse.slice(0, at.index)) && !absence) return refusal("条文的分值前没有「扣」或「加」，未能确定是扣分还是得分");
    // 「按每次0.5分扣」: the verb is elsewhere — never read as an award
    if (/扣|减(?!灾|排|负|贫|压)|罚/.test(withoutElse)) return refusal("条文的分值前没有「扣」或「加」，未能确定是扣分还是得分");
  }
  // the award of a verbless amount only as a word states it (session 27: stated-direction.ts)
  const inBrackets = !act && rxt`^(?:[^()]|\\([^()]*\\))*\\(${NUM}分\\)[。;,]?$`.test(withoutElse);
  if (!act) {
    const why = verblessAwardReason(withoutElse.slice(0, at.index), withoutElse, ctx, inBrackets);
    if (why) return refusal(why);
    verb = "得";
  }
  if (!verb) return undefined;
  const amount = numberText((act ? act[2] : bare![1])!)!;
  const prefix = withoutElse.slice(0, at.index);
  const segs = prefix.split(/[,;。:]/);
  const current = segs[segs.length - 1]!;
  const previous = segs.length > 1 && current === "" ? segs[segs.length - 2] : undefined;
  // 「扣2分/项」「0.5分/人次」: the count word after the amount
  const after = withoutElse.slice(at.index + at[0].length);
  const slash = /^\/([\u4e00-\u9fa5]{1,2})/.exec(after);
  if (slash && !unitOf(slash[1]!)) return refusal(`条文按「/${slash[1]}」计分，语言中没有这个计数单位，未能确定`);
  // 「1分/处/次」: per place and per time, a compound count — both units, never the second dropped (session 28, ldld-10)
  const second = slash ? /^\/([\u4e00-\u9fa5]{1,2})/.exec(after.slice(slash[0].length)) : null;
  if (second && !unitOf(second[1]!)) return refusal(`条文按「/${slash![1]}/${second[1]}」计分，语言中没有「${second[1]}」这个计数单位，未能确定`);
  let counted = countWords(current, previous, inBrackets);
  // 「发生一起生产安全事故的，扣30分」「单起受害面积30亩以上的扣10分」: an occurrence counted in the clause,
  // away from the amount, is what is counted (as 「发现一起」 is 每起) — when it is the clause's only count
  if (Array.isArray(counted) && counted.length === 0) {
    // (「发现或查实1例…扣0.5分」「有1个乡镇…未开展…扣0.1分」: one case found, counted the same way)
    // (a deduction only: 「仅有一项制度的，得0.5分」 is having one, not each one)
    // (「一项未完成的，扣1分」 at the start of a sentence: one item not done, counted as 「有一项」 is)
    const occ = verb !== "扣" ? [] : [...prefix.matchAll(/(?<![仅只])(?:发生|出现|发现|查实|有)(?:了)?[一1](起|次|例|件|个|项|处|份)(?!(?:及)?以[上下]|\(含\)|月|小时|工作日|百分点)|单(起|次)(?!性)|(?<=^|[,;。])[一1](项|次|个|件|人)(?=未|没有|不)/g)];
    const other = rxg`[一1二两三四五六七八九十\\d](?:${NOUNS})`;
    if (occ.length === 1 && [...prefix.replace(occ[0]![0], "").matchAll(other)].length === 0 && !/每/.test(prefix)) counted = [unitOf((occ[0]![1] ?? occ[0]![2] ?? occ[0]![3])!)!];
  }
  const words = slash && counted !== "unsure" && counted.length === 0 ? [unitOf(slash[1]!)!, ...(second ? [unitOf(second[1]!)!] : [])] : slash ? "unsure" : counted;
  if (words === "unsure") return refusal("条文的计数单位未能确定（语言中没有这个计数单位，或一条中有几种计数单位）");
  const short = shortCountReason(prefix, words, verb);
  if (short) return refusal(short);
  if (words.length > 0 && /(?:至少|最少|不得少于|不应少于|不少于|不低于)/.test(withoutElse) && /每?少/.test(withoutElse.replace(/(?:至少|不少于)/g, ""))) {
    return refusal("条文要求至少若干次（篇、件），少一次扣分：需要写成次数不足，未能自动确定");
  }
  // 「争取上级资金每100万元加0.1分」「每万人」: a step of a quantity, not a count word — never one-shot
  if (words.length === 0 && (rxt`每${NUM}`.test(withoutElse) || /每[百千万亿]/.test(withoutElse))) {
    return refusal("条文按「每＋数量」计分（如「每100万元」），需要写成线性计分，未能自动确定");
  }
  // 「发生一起生产安全事故的，扣30分」: an occurrence counted in the clause, away from the amount
  if (words.length === 0 && rxt`(?<![仅只])(?:发生|出现|发现|有)[一1](?:${NOUNS})`.test(withoutElse)) {
    return refusal("条文写有「发生一起」之类的计数，但扣分前没有计数单位，未能确定是一次性扣分还是按次扣分");
  }
  // A bound in a counted clause (「提前10天以上办结的每件加1分」) says what is counted: the count is the
  // fact. In a one-shot clause it is the fact's threshold: a band, left to a person.
  // A task with its points in brackets (「…做好满2个聘期大学生村官有序流动…（0.1分）」) is a checklist item:
  // a count bound in it describes the task (the fact is whether it was done); a percentage stays a band.
  // 「有1座以上垃圾中转站，得10分」: at least one is having one — whether it has, not a threshold
  // (「开展培训1次以上的得1分」: at least once is having done it)
  const existence = withoutElse
    .replace(/(有|建成|建有|设有|配备)[一1]([\u4e00-\u9fa5]{1,2})(?:及)?以上/g, "$1$2")
    .replace(rxg`[一1](?:${NOUNS}|座|场|期)(?:及)?以上`, "");
  // 「五处及以上错误的，每处扣1分」: a bound on the very count the rule counts is a threshold of the count
  // (below it nothing is deducted), not a description of what is counted (「提前10天以上办结的每件加1分」)
  // (「达到5条为合格，少一条扣2分」 counts what is missing: the bound is the requirement, not a threshold)
  if (words.length > 0 && !rxt`(?:少|缺)[一1]?(?:${NOUNS})`.test(withoutElse)) {
    const own = [...withoutElse.matchAll(rxg`(?:超过|多于|达到|不少于|满)?${NUM}(${NOUNS})(?:\\(含\\))?(?:及)?(?:以上|以下)?`)]
      .filter((b) => /超过|多于|达到|不少于|满|以上|以下/.test(b[0]) && words.includes(unitOf(b[2]!) ?? ""));
    if (own.length > 0) return refusal(`条文有界限「${own[0]![0]}」，与计数单位相同：需要写成分段或次数不足，未能自动确定`);
  }
  const why = words.length > 0 || (bracketed && !/%/.test(withoutElse)) ? stepReason(withoutElse) : thresholdReason(existence);
  if (why) return refusal(why);
  if (ctx.section === "加分" && verb === "扣") return refusal("加分项中的条文写的是扣分，未能确定");
  // 「巡查发现问题每宗扣0.3分」「未及时整改的扣1分」: among siblings that count, a finding of the same kind
  // without a count word may be meant per 宗 — a to-do, never read as a one-shot deduction
  // A count of people (每人次、每名) carries over only to a clause about people: 「××主职班子被问责…扣0.1分」
  // beside 「班子成员…每人次扣0.05分」 is about the body, which is not counted per person.
  const aboutPeople = PEOPLE.test(withoutElse);
  const counting =
    ctx.siblings?.some((x) => {
      const n = normalise(x);
      return PER_RE_ONE.test(n) && (aboutPeople || !PER_PERSON.test(n) || rxt`每(?!人|名)(?:${NOUNS})`.test(n));
    }) ?? false;
  if (words.length === 0 && verb === "扣" && counting && EVENT.test(withoutElse)) {
    return refusal("同一项的其他条文按次（按件）扣分，本条没有写计数单位，未能确定是一次性扣分还是按次扣分");
  }
  const capText = cap?.value ? ` 上限 ${cap.value}` : "";
  if (cap?.value && words.length === 0) return refusal("条文有上限却不是按次计分，未能确定计分方式");
  const used = [amount, ...(cap?.value ? [cap.value] : [])];
  return reading([`${words.length > 0 ? words.join(" ") + " " : ""}${verb} ${amount}${capText}`], used);
};

/**
 * 「路面整洁卫生…，得10分；发现一处扣2分，扣完为止」: parts at 「;」 that each read on their own are several
 * rules — but never two one-shot amounts (「…的得3分；未认领的扣3分」 is one either/or rule).
 */
const parts: Pattern = (t, ctx) => {
  const ps = t.split(";").filter((p) => p.replace(/[。,]/g, "") !== "");
  if (ps.length < 2) return undefined;
  const bodies: string[] = [];
  const used: string[] = [];
  for (const p of ps) {
    const r = single(p, ctx) ?? shortfall(p, ctx);
    if (!r || r.kind !== "reading") return undefined;
    if (!sameAmounts(amountsIn(p), r.used)) return undefined;
    if (r.bodies.includes("不得分")) return undefined; // 「…得10分；未按标准建设不得分」: the award's other side
    bodies.push(...r.bodies);
    used.push(...r.used);
  }
  const oneShots = bodies.filter((b) => /^(?:扣|得) /.test(b));
  // several one-shot deductions (or awards) of different findings: read by oneShotList
  if (oneShots.length === bodies.length && new Set(oneShots.map((b) => b[0])).size === 1) return undefined;
  if (oneShots.length > 1) return refusal("条文分号两边各有一个一次性分值（做到得分、未做到扣分），未能确定是一条还是两条规则");
  const start = startingPoints(ps, bodies, ctx);
  if (typeof start === "string") return refusal(start);
  if (start !== undefined) return reading(start, used);
  return reading(bodies, used);
};

/** A part that states the award's condition not met (「未达到…要求的」「未全部完成时」「否则」), before what it counts. */
const NOT_MET = /^[^每,;。]{0,20}?(?:未|没有|达不到|不能|否则|反之)/;

/**
 * 「III类…比例达到年度任务书要求的,得40分;…未达到年度任务书要求的,每1个国控断面未达到…扣5分」 in a 40-point item (zs22-01,
 * hbjp-09 of the eighteenth set, session 27): read as two rules, the deductions apply only when the award is not earned
 * — the unit then has nothing to deduct from, and the deductions count for nothing. The rule: 得分的条件和扣分的条件互为
 * 反面、得的是本项的全部分值时，全部分值是本项的起点，只读扣分 (as a comma does: fullThenDeductions). Beside a finding
 * that is no negation (「…得10分;发现一处扣2分」, cz-07) both rules stand.
 */
function startingPoints(ps: readonly string[], bodies: readonly string[], ctx: ClauseContext): string[] | string | undefined {
  if (ps.length !== 2 || bodies.length !== 2) return undefined;
  const award = /^得 ([\d.]+)$/.exec(bodies[0]!);
  if (!award || !/^每\S+ 扣 /.test(bodies[1]!)) return undefined;
  if (NOT_MET.test(ps[0]!) || !NOT_MET.test(ps[1]!)) return undefined;
  // (an award of less than the item, or in a section: what the deductions come off is not said)
  if (ctx.section !== null || ctx.points === null || numberText(award[1]!) !== ctx.points) {
    return "条文做到得分、做不到按个扣分，得的不是本项的全部分值，未能确定扣分从哪里扣";
  }
  return [bodies[1]!];
}

/**
 * 「…“应领尽领”的得3分；因主观原因未认领…的扣3分」 in an item of 3 points: the item's points when done and
 * none when not — one yes/no fact, the deduction of the item's points (扣 3). Only when both amounts
 * are the item's points (else 得 X 否则 扣 Y or two rules: a to-do).
 */
const fullOrNothing: Pattern = (t, ctx) => {
  if (ctx.section !== null || ctx.points === null) return undefined;
  const award = rxt`^[^;]*?(?:的)?,?(?:得|计|记)${NUM}分[,;。]`.exec(t);
  if (!award) return undefined;
  const rest = t.slice(award[0].length);
  // 「…计2分，工作不力扣2分」: the failing word may follow a short subject
  const deduct = rxt`^(?:因[^,;。]{0,20}?)?(?:[\u4e00-\u9fa5]{0,4}?)(?:未|没有|不|无)[^;]*?(?:的)?,?(扣|减)${NUM}分?[。;]?$`.exec(rest);
  if (!deduct) return undefined;
  const a = numberText(award[1]!);
  const b = numberText(deduct[2]!);
  if (a !== ctx.points || b !== ctx.points) return undefined;
  if (thresholdReason(t) || capOf(t) || SPECIAL.test(t) || /每/.test(t)) return undefined;
  return reading([`扣 ${b}`], amountsIn(t));
};

/** Words that make a later amount an escalation of an earlier one (in place of it, or on top of it). */
const ESCALATION = /情节严重|情节较重|情节特别|严重的|造成严重|造成不良|不良影响|较大影响|重大影响|影响恶劣|再次|屡次|多次|重复|连续|累计|另扣|再扣|加扣|并扣|同时|其中|其他|其余|以上|以下|否则/;

/**
 * 「发生重大安全事故的扣10分，发生较大事故的扣5分」「未建立档案的扣1分，档案不规范的扣0.5分」: findings of
 * different kinds, each with its own one-shot amount — one rule each. Never when a later finding can be
 * an escalation of an earlier one (「…的扣1分，情节严重的扣2分」: instead of it, or on top?), never with a
 * cap, a count word or a threshold, and never a deduction beside an award.
 */
const oneShotList: Pattern = (t, ctx) => {
  // beside clauses that count (「每宗扣0.3分」), the findings may be counted the same way: a to-do
  if (ctx.siblings?.some((x) => PER_RE_ONE.test(normalise(x)))) return undefined;
  const segs = t.split(/[,;。]/).filter((x) => x !== "");
  if (segs.length < 2 || capOf(t) || ESCALATION.test(t) || /每|\/|各|满分|得分|基本分|标准分/.test(t)) return undefined;
  // 「延迟一周扣1分，延迟两周扣2分」: a quantity in the findings makes them bands, not kinds
  if (/[\d一二两三四五六七八九十半]+(?:周|天|日|个月|月|年|次|件|个|项|起|人|小时|篇|条|%)/.test(t.replace(rxg`${NUM}分`, ""))) return undefined;
  const groups: string[] = [];
  let pending = "";
  for (const seg of segs) {
    pending = pending === "" ? seg : `${pending},${seg}`;
    if (amountsIn(seg).length > 0) {
      groups.push(pending);
      pending = "";
    }
  }
  if (pending !== "" || groups.length < 2) return undefined;
  const bodies: string[] = [];
  const used: string[] = [];
  for (const g of groups) {
    // each finding says what it is: not a bare 「…的扣2分」 continuing the one before
    const before = g.slice(0, g.search(rxt`(?:${VERBS})?${NUM}分`)).replace(/^(?:对|凡|如|若|被)/, "").replace(/[的,]+$/, "");
    if (before.length < 3 || /^(?:的|者|其|且|并|或|及|对此|该)/.test(before)) return undefined;
    // 「…的扣5分，协办单位扣2.5分」: the same finding for another class of units, not another finding
    if (/(?:单位|部门|乡镇|街道|县区|园区|村|社区)$/.test(before)) return refusal("条文按单位类别（如承办、协办单位）分别计分，未能确定");
    const r = single(g, ctx);
    if (!r || r.kind !== "reading" || r.bodies.length !== 1 || !/^(?:扣|得) [\d.]+$/.test(r.bodies[0]!)) return undefined;
    bodies.push(r.bodies[0]!);
    used.push(...r.used);
  }
  if (new Set(bodies.map((b) => b[0])).size !== 1) return undefined;
  return reading(bodies, used);
};

/**
 * 「村专干按时参加例会上报数据计2分，每缺席一次扣0.5分，每错漏报数据一例扣0.5分」「…到位的记50分，每推迟1个月
 * 到位的扣10分」: the item's full points when all is done, then deductions counted per occurrence — the
 * points are the item's (nothing to write) and each deduction is a rule. Only when the award is the item's
 * points, is followed by a comma (at 「;」 the parts are separate rules: see parts), and every later
 * segment reads on its own as a counted deduction.
 */
const fullBase: Pattern = (t, ctx) => {
  if (ctx.section !== null || ctx.points === null) return undefined;
  const award = rxt`^([^;,。]*?)(?:的)?,?(?:得|计|记)${NUM}分,`.exec(t);
  if (!award || numberText(award[2]!) !== ctx.points || amountsIn(award[1]!).length > 0) return undefined;
  if (thresholdReason(award[1]!) || SPECIAL.test(t)) return undefined;
  const rest = t.slice(award[0].length);
  const cap = capOf(rest);
  // a cap (「最多扣2分」) ends the clause and belongs to its one deduction
  const valued = cap && cap.value !== null ? rxt`^(?:[^,]*,)*?([^,]*)$`.exec(rest.replace(/[。;]+$/, "")) : null;
  if (cap && cap.value !== null && (!valued || capOf(valued[1]!) === undefined || capOf(valued[1]!)!.rest.replace(/[,;。]/g, "") !== "")) return undefined;
  const segs = (cap && cap.value === null ? cap.rest : rest).split(/,/).filter((x) => x.replace(/[。;]/g, "") !== "");
  if (valued) {
    const capSeg = segs.pop()!;
    if (segs.length === 0) return undefined;
    segs[segs.length - 1] = `${segs[segs.length - 1]},${capSeg}`;
    if (segs.filter((x) => amountsIn(x).length > 0).length !== 1) return undefined;
  }
  const bodies: string[] = [];
  const used: string[] = [award[2]!];
  let pending = "";
  for (const seg of segs) {
    pending = pending === "" ? seg : `${pending},${seg}`;
    if (amountsIn(seg).length === 0) continue;
    if (!/^每/.test(pending)) return undefined;
    const r = single(pending, { ...ctx, siblings: [] });
    if (!r || r.kind !== "reading" || r.bodies.length !== 1 || !/^每\S+ 扣 [\d.]+(?: 上限 [\d.]+)?$/.test(r.bodies[0]!)) return undefined;
    if (!sameAmounts(amountsIn(pending), r.used)) return undefined;
    bodies.push(r.bodies[0]!);
    used.push(...r.used);
    pending = "";
  }
  if (pending !== "" || bodies.length === 0) return undefined;
  return reading(bodies, used.map((u) => numberText(u)!));
};

export const countPatterns: readonly Pattern[] = [shortfall, otherwise, fullOrNothing, fullBase, parts, oneShotList, single];
