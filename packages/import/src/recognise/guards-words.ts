// Guards of session 23: words of the clause (or of its item) the reading must account for — a count
// word replaced by a shorter one (项次 read as 项), a clause that counts read as one deduction, a class
// of units (各区…) the reading applies to everyone, a distributive word (各/分别) read as one amount,
// an overdraft phrase (不保底) without 倒扣, and a bound the item states on the thing counted.  Each
// turns the reading into a to-do with a Chinese reason (recognise-guards.test.ts measures each one).
import type { ClauseContext } from "./index.js";
import type { Guard } from "./guards.js";
import { rxt, rxg } from "./normalise.js";
import { CAP_RE } from "./amounts.js";
import { decimalCompare, decimalSum } from "../decimal.js";
import { NOUNS, unitOf } from "./units.js";
import { itemBounds } from "./item.js";

/**
 * Count nouns real rulebooks write, the language's and others (份, 张, 项次 …), longest first: a clause's
 * count phrase is read to its full noun, so a shorter one (项 of 项次, 个 of 个百分点) is never taken for it.
 */
const EXTRA_NOUNS = ["项次", "案次", "户次", "家次", "批次", "个百分点", "百分点", "个工作日", "工作日", "半天", "份", "张", "层", "所", "笔", "株", "场", "台", "辆", "座", "名", "期", "册", "本", "套", "单", "块", "栋", "盏"];
const ALL_NOUNS = [...new Set([...NOUNS.split("|"), ...EXTRA_NOUNS])].sort((a, b) => b.length - a.length).join("|");

/** 「每项次」「每上升一个百分点」「每旷工半天」「每发现1份」: 每, up to four words, a count, the full noun. */
export const COUNT_PHRASE = rxg`每([\\u4e00-\\u9fa5]{0,4}?)(\\d+(?:\\.\\d+)?|[一两二三四五六七八九十半])?(${ALL_NOUNS})`;

/** The count phrases of a clause (several guards read them: the last clause's are kept). */
let lastText = "";
let lastPhrases: RegExpExecArray[] = [];
function countPhrases(t: string): readonly RegExpExecArray[] {
  if (t !== lastText) {
    lastText = t;
    lastPhrases = [...t.matchAll(COUNT_PHRASE)];
  }
  return lastPhrases;
}

/** Periods a clause may name after 每 without counting them (「每年至少召开2次」「每月报送」). */
const PERIOD = /^(?:年|月|天|日|周|季度|半年|学期|个月)$/;

/** The noun a per-unit word counts (`每件次` → 件次), or undefined for a body without one. */
export function countedNoun(body: string): string | undefined {
  const m = /(?:^|\s)每(\S+)/.exec(body);
  // only the language's count words (每后退一位, 每少, 每增加 … are steps, not counts)
  if (!m || unitOf(m[1]!) !== `每${m[1]}`) return undefined;
  return m[1]!;
}

/** How a clause writes the nouns of count words it does not spell as they are (人 as 名, 项 as 种 …). */
// (session 24: the corpus's conventions for measure words the language lacks — 株、棵 as 个, 节 as 次, 卷 as 件 —
// only where one of them is counted: rewords-counts.ts)
const WRITTEN_AS: Readonly<Record<string, RegExp>> = { 人: /名|位|个(?:小孩|孩子|干部|党员|职工|人)|人/, 项: /种|样|项|任一/, 次: /次|回|遍|(?<![\d.第])[一1]节/, 个: /个|(?<![\d.第])[一1](?:株|棵)/, 件: /件|册|(?<![\d.第])[一1]卷/, 件次: /件次|册次/ };

/**
 * Classes of units a clause may address (「各区」「各开发区」「各乡镇」): the rule applies to them only.
 * (「各县(区)均印发…」: 均/都 says every unit assessed does it — the unit assessed, not a class; session 24)
 */
const UNIT_CLASS = /(?:^|[,;。:(])(?:\d+[.、]|[一二三四五六七八九十]+、)?各(开发区|县市区|县区|区|县|乡镇|街道|园区|社区|镇|乡)(?![级类项种]|[\u4e00-\u9fa5]?(?:\([^()]{1,4}\))?(?:均|都))/;

/** 「计划和总结各0.5分」「各扣2分」「分别扣1分」: one amount for each of several things. */
const DISTRIBUTIVE = rxt`各(?:扣|得|加|减|计|记)?(?:\\d|[一两二三四五六七八九十半])[^,;。]{0,3}分|分别(?:扣|得|加|减|计|记)`;

/** 「本项扣分不保底」「扣分可超出本项分值」: the deduction may go below nothing. */
const OVERDRAFT = /不保底|可超出|可以超出|可超过本项|扣成负分|可扣至负分|倒扣/;

export const GUARDS_23: readonly Guard[] = [
  {
    // 「每项次扣0.5分」 read 每项: the clause counts 项次, the reading a shorter noun
    name: "count-word",
    since: 23,
    check: (t, bodies) => {
      const read = bodies.map(countedNoun).filter((n): n is string => n !== undefined);
      for (const m of countPhrases(t)) {
        const noun = m[3]!;
        for (const r of read) {
          if (r !== noun && unitOf(noun) !== `每${r}` && noun.includes(r)) return `条文按「每${m[1]}${m[2] ?? ""}${noun}」计数，计分方式写的是「每${r}」，语言中没有「${noun}」这个计数单位，未能确定`;
        }
      }
      return undefined;
    },
  },
  {
    // 「每个乡镇每次扣0.2分」 read 每次 扣 0.2: a count the clause writes, dropped from a counted reading
    name: "count-dropped",
    since: 23,
    check: (t, bodies) => {
      const all = bodies.join(" ");
      if (!/(?:^|\s)每/.test(all)) return undefined;
      for (const m of countPhrases(t)) {
        const noun = m[3]!;
        if (unitOf(noun) !== `每${noun}` || all.includes(noun)) continue;
        // only a count in the very sentence of an amount (「每村环绕一圈，每处不合格扣0.5分」: a description before it)
        const start = Math.max(...[",", ";", "。"].map((p) => t.lastIndexOf(p, m.index!))) + 1;
        const end = t.slice(m.index!).search(/[,;。]/);
        if (!/(?:扣|减|加|得|计|记)\d/.test(t.slice(start, end < 0 ? t.length : m.index! + end))) continue;
        return `条文按「每${m[1]}${m[2] ?? ""}${noun}」计数，计分方式没有写「每${noun}」，未能确定`;
      }
      return undefined;
    },
  },
  {
    // 「每发现一台设备故障扣1分」 read 每个: the reading counts a noun the clause does not write
    name: "count-word-absent",
    since: 23,
    check: (t, bodies) => {
      for (const r of bodies.map(countedNoun).filter((n): n is string => n !== undefined)) {
        if (/^(?:天|月)$/.test(r)) continue;
        if (!(WRITTEN_AS[r] ?? new RegExp(r)).test(t)) return `计分方式按「每${r}」计数，条文中没有「${r}」，未能确定`;
      }
      return undefined;
    },
  },
  {
    // 「每旷工半天扣5分」 read 扣 5: a clause that counts read as one deduction
    name: "counted-one-shot",
    since: 23,
    check: (t, bodies) => {
      if (!(bodies.length > 0 && bodies.every((b) => /^(?:扣|得) \d/.test(b)))) return undefined;
      for (const m of countPhrases(t)) {
        if (m[1] === "" && PERIOD.test(m[3]!)) continue;
        // 「向本地每名党员赠阅党刊(0.1分)」: a task done for every one of them earns its points once
        if (m[1] === "" && m[2] === undefined && bodies.every((b) => b.startsWith("得"))) continue;
        // 「每次灾害过程中，…无人员上访得3分」: 每次 … 中 is "in every", not a count
        if (m[1] === "" && m[3] === "次" && /^[^,;。]{1,10}(?:中|时)[,;]/.test(t.slice(m.index! + m[0].length))) continue;
        if (/^(?:年|月|季度|半年|周)/.test(m[1]!)) continue;
        return `条文按「每${m[1]}${m[2] ?? ""}${m[3]}」逐一计分，计分方式却只扣（得）一次，未能确定`;
      }
      return undefined;
    },
  },
  {
    // 「各区每年推荐…不少于10人」 read without 适用: the rule is for one class of units only
    name: "unit-class",
    since: 23,
    check: (t, bodies) => {
      const m = UNIT_CLASS.exec(t);
      return m && !/适用|参照|其中 「/.test(bodies.join(" ")) ? `条文只对「各${m[1]}」计分，计分方式没有写适用的类别（适用 「${m[1]}」），未能确定` : undefined;
    },
  },
  {
    // 「工作计划和总结各0.5分」 read 得 0.5: one amount for each of several things read as one
    name: "distributive",
    since: 23,
    check: (t, bodies) => {
      const m = DISTRIBUTIVE.exec(t);
      return m && bodies.length === 1 && /^(?:扣|得) \d/.test(bodies[0]!) ? `条文写有「${m[0]}」，是几件事各计一次，计分方式只计了一次，未能确定` : undefined;
    },
  },
  {
    // 「…一次扣3分，本项扣分不保底」 read 每次 扣 3: the overdraft dropped
    name: "overdraft",
    since: 23,
    check: (t, bodies, ctx) => {
      // in a 减分 section every deduction is taken from the total (倒扣 there is the section's own word)
      const m = ctx.section === "减分" ? null : OVERDRAFT.exec(t);
      return m && !/倒扣/.test(bodies.join(" ")) ? `条文写有「${m[0]}」（可扣成负分），计分方式中没有倒扣，未能确定` : undefined;
    },
  },
  {
    // 「一项工作未落实扣0.5分」 read 扣 0.5: one of a counted thing — each one, or once?
    name: "one-counted",
    since: 23,
    check: (t, bodies) => {
      if (!(bodies.length > 0 && bodies.every((b) => /^扣 \d/.test(b)))) return undefined;
      const m = /(?<![仅只有第任])[一1](项|次|个|件|人|处|起|例|条)(?!也|都|性|(?:及)?以[上下]|月|季度|年)/.exec(t);
      // 「每年召开一次会议，未召开的扣2分」「至少开展一次」: a requirement of one, its absence deducted once
      if (m && /每|至少|不少于|不低于|最少/.test(t.slice(Math.max(0, m.index - 8), m.index).split(/[,;。]/).pop()!)) return undefined;
      return m ? `条文写有「${m[0]}」，计分方式却只扣一次，是每${m[1]}扣还是一次性扣，未能确定` : undefined;
    },
  },
  {
    // 「一年内两次被通报的扣3分」 read 扣 3: a count of two or more is the fact's threshold, not written
    name: "count-threshold",
    since: 23,
    check: (t, bodies) => {
      // (deductions only: an award's numbers describe the task done — 「落实39项重点任务（0.1分）」)
      if (!(bodies.length > 0 && bodies.every((b) => /^扣 \d|^不得分$/.test(b)))) return undefined;
      // (names and slogans — 「“四个不直接分管”」「七个一标准」 —, ratios 「1座/2500人」 and ranges 「1-2个」 count nothing)
      const plain = t.replace(/[“"「《][^”"」》]*[”"」》]/g, "□");
      const m = /(?<![\d.第/\-])([2-9]|[1-9]\d+|[两二三四五六七八九十])(次|项|起|件|个|人|处|例|条|篇)(?!以[上下]|及以[上下]|[一二三四五六七八九十]|\/)/.exec(plain);
      return m ? `条文写有「${m[0]}」，计分方式没有写这个次数，未能确定它的作用` : undefined;
    },
  },
  {
    // 「每季度未报送的扣0.5分」 read 扣 0.5: a requirement per period shorter than the year — one deduction in
    // the year, or one for each period missed?
    name: "period-one-shot",
    since: 23,
    check: (t, bodies) => {
      if (!(bodies.length > 0 && bodies.every((b) => /^扣 \d/.test(b)))) return undefined;
      const m = /每(?:个)?(季度|月|周|半年|旬)/.exec(t);
      return m ? `条文按期（「${m[0]}」）要求，扣分是全年一次还是每${m[1]}一次，未能确定` : undefined;
    },
  },
  {
    // 「每人次扣0.1分，每月不超过1分」「每起扣2分，同一事项最多扣4分」 read 上限 1 / 上限 4: the cap is per month,
    // per matter — not the rule's
    name: "scoped-cap",
    since: 23,
    check: (t, bodies) => {
      if (!/ 上限 /.test(bodies.join(" "))) return undefined;
      const cap = CAP_RE.exec(t);
      if (!cap) return undefined;
      const before = t.slice(0, cap.index + cap[0].length).split(/[,;。]/).filter((x) => x !== "").pop() ?? "";
      const scope = /每(?:个)?(?:月|季度|半年|周|天|日|次|项|人|起|件|宗|例|处|条)(?!次|扣|加|减|得)|同一|单项|单次|单起|单件|每个/.exec(before.replace(/^[,;]/, ""));
      return scope ? `条文的上限「${cap[0].replace(/^[,;]/, "")}」前有「${scope[0]}」，是分别计的上限（按期、按事项），不是整条规则的，未能确定` : undefined;
    },
  },
  {
    // 「达到省级标准的得3分，达到市级标准的得2分」 read 得 3 / 得 2 in a 3-point item: awards that cannot all be
    // earned are most likely one or the other (就高) — never written as if they add up
    name: "awards-exceed",
    since: 23,
    check: (_t, bodies, ctx) => {
      if (ctx.section !== null || ctx.points === null || bodies.length < 2 || !/^\d+(?:\.\d{1,6})?$/.test(ctx.points)) return undefined;
      const amounts = bodies.map((b) => /^得 (\d+(?:\.\d{1,6})?)$/.exec(b)?.[1]);
      if (amounts.some((a) => a === undefined)) return undefined;
      return decimalCompare(decimalSum(amounts.map((a) => a!)), ctx.points) > 0 ? `条文的几项得分合计超过本项分值 ${ctx.points} 分，可能是只取其一（就高），未能确定` : undefined;
    },
  },
  {
    // 「优秀、良好分别加2分、1分」「落实好的得2分，落实一般的得1分」 read 得 2 / 得 1: outcomes of one
    // assessment (one or the other) read as awards that add up
    name: "outcomes-as-awards",
    since: 23,
    check: (t, bodies) => {
      if (bodies.length < 2 || !bodies.every((b) => /^得 \d/.test(b))) return undefined;
      const outcomes = new Set([...t.matchAll(/(优秀|良好|较好|一般|基本合格|不合格|合格|较差|[优良中差好])(?=的|、|分别|等次|等级)/g)].map((m) => m[1]));
      return outcomes.size >= 2 ? `条文按评定结果（${[...outcomes].join("、")}）计分，是只取其一的评定，不是几项得分相加，未能确定` : undefined;
    },
  },
  {
    // 「按5、3、1评分，未开展的扣2分」 read 扣 2: a list of numbers (points by tier, a ranking) the reading drops
    name: "number-list",
    since: 23,
    check: (t, bodies) => {
      const written = new Set([...bodies.join(" ").matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]));
      // (「4、1-2个乡镇…」: the clause's own number 4、 is a label, not a list)
      const body = t.replace(/^(?:\(\d+\)|\d+[、.])/, "□");
      for (const m of body.matchAll(/(?<![\d.])\d+(?:\.\d+)?(?:分|%)?(?:、\d+(?:\.\d+)?(?:分|%)?)+/g)) {
        // (「包括1、2、4、5、7、8、10、11月」: a list of months names dates, no numbers of the scoring — session 29)
        if (/^\d+(?:、\d+)+$/.test(m[0]) && /^(?:月|日|号)/.test(body.slice(m.index! + m[0].length))) continue;
        const missing = [...m[0].matchAll(/\d+(?:\.\d+)?/g)].map((x) => x[0]).filter((n) => !written.has(n));
        if (missing.length > 0) return `条文列有「${m[0]}」，计分方式没有写出其中的 ${missing.join("、")}，未能确定`;
      }
      return undefined;
    },
  },
  {
    // 「人民调解卷宗每少一件扣0.5分」 under an item that requires 「全年不少于50件」: the bound is the item's
    name: "item-bound",
    since: 23,
    check: (t, bodies, ctx) => {
      // 「未达到的扣2分」 under an item requiring 「全年召开会议不少于4次」: the fact is the item's bound
      if (bodies.length > 0 && bodies.every((b) => /^(?:扣|得) \d|^不得分$/.test(b)) && /未达到|达不到|未达(?!\d)|不足(?![\d一二三四五六七八九十])|未完成(?:任务|要求)?的/.test(t) && !/\d/.test(t.replace(/\d+(?:\.\d+)?分/g, ""))) {
        const b = itemBounds(ctx)[0];
        if (b) return `本项要求「${b.text}」，条文的扣分以它为界，计分方式没有写这个界限，未能确定`;
      }
      // (「走访看望少一次」「通报缺少一次」 count the short as 每少 does: session 24)
      if (!/每(?:少|缺)|(?<![不至每])(?:缺少|少)(?=[1一])/.test(t) || bodies.some((b) => /至少/.test(b))) return undefined;
      const counted = bodies.map(countedNoun).find((n) => n !== undefined);
      if (counted === undefined) return undefined;
      const b = itemBounds(ctx).find((x) => x.noun === counted || unitOf(x.noun) === `每${counted}`);
      return b ? `本项要求「${b.text}」，计分方式没有写这个界限，未能确定` : undefined;
    },
  },
];

