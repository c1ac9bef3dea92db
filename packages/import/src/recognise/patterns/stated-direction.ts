// Which way a verbless amount goes, only as a word states it (session 27, issue 13: the seventeenth set's
// ldld-04/05 and ldgg-05, 「…擅自…影响市容市貌的 0.5分/处」 in a deductions-only table, were read `每处 得 N` — an
// award taken by default). A clause that writes its amount with no 扣 or 得 goes
//   down  when its section (减分) or item name (「…扣分」) says so — the list's verb is rewordBareAmount's (bare-amounts.ts);
//   up    when its section (加分) or item name (「加分」「奖励」) says so, or the clause states something to have or do
//         (「有信访登记本」「建立…制度」「开展…活动」「无火灾」), a merit (「信息录用2分/条」), or is a task with its
//         points in brackets (a checklist row: 「…赠阅×刊(0.1分)」);
// and never up when the clause describes a fault (「擅自」「破损」「影响观瞻」). Anything else is a to-do:
// 条文的分值前没有扣或得，方向未能确定. Session 28: the document states it too — the header of the clause's column
// (「扣分标准」, ClauseContext.header) and the document's notes on scoring (「分项无基准分值,实行累计扣减」,
// ClauseContext.notes): `documentDirection`, taken only when it names one direction and nothing says the other.
import type { ClauseContext } from "../index.js";
import { normalise } from "../normalise.js";
import { amountsIn } from "../amounts.js";
import { decimalCompare, decimalSum } from "../../decimal.js";

/** The direction a section or an item's name states, or undefined when neither says or they disagree. */
export function directionOf(section: "加分" | "减分" | null, indicator: string): "扣" | "得" | undefined {
  if (section === "减分") return "扣";
  if (section === "加分") return "得";
  const down = /扣分|减分/.test(indicator);
  const up = /加分|奖励/.test(indicator);
  return down !== up ? (down ? "扣" : "得") : undefined;
}

/** A column header of deductions (「扣分标准」「扣分」「扣减分值」) or of awards (「加分标准」「奖励加分」). */
const HEADER_DOWN = /扣分|扣减|减分/;
const HEADER_UP = /加分|奖励|奖分/;
/** Words of either direction in a note: a note that has them of the other side states no direction. */
// (any 加 beside a deduction rule: 「实行加、扣分制」 names both; 「加倍扣分」 is a modifier — neither states one direction)
const NOTE_DOWN_WORD = /扣|减|罚/;
const NOTE_UP_WORD = /加|得分|奖|得\d|计分|记分|给分/;
/**
 * A note that states one direction for the document's amounts as a general rule: 「分项无基准分值,实行累计扣减」
 * 「实行扣分制」「以下均为扣分项」; 「实行加分制」「以下为加分项」. Not 「加倍扣分」 (a modifier), 「扣完为止」 (a cap).
 */
const NOTE_DOWN = /累计扣(?:减|分|除)|扣分制|(?:实行|采取|采用|按照?)扣分|(?:以下|下列|各项|所列|表中|本表)[^。;,]{0,8}(?:均|都|全部|一律)?(?:为|是|系|属)扣分/;
const NOTE_UP = /累计加分|加分制|(?:实行|采取|采用|按照?)加分|(?:以下|下列|各项|所列|表中|本表)[^。;,]{0,8}(?:均|都|全部|一律)?(?:为|是|系|属)加分/;

/** The direction one note states as a general rule, or undefined (no rule, or words of both sides). */
export function noteDirection(raw: string): "扣" | "得" | undefined {
  const n = normalise(raw);
  const down = NOTE_DOWN.test(n);
  const up = NOTE_UP.test(n);
  if (down && !up && !NOTE_UP_WORD.test(n.replace(NOTE_DOWN, ""))) return "扣";
  if (up && !down && !NOTE_DOWN_WORD.test(n.replace(NOTE_UP, ""))) return "得";
  return undefined;
}

/** The direction a column header names, or undefined (「评分标准」, or words of both sides: 「加扣分标准」). */
export function headerDirection(raw: string): "扣" | "得" | undefined {
  const h = normalise(raw);
  const down = HEADER_DOWN.test(h);
  const up = HEADER_UP.test(h) || /加减|加扣|增减/.test(h);
  return down !== up ? (down ? "扣" : "得") : undefined;
}

/**
 * The direction the document states around the clause (its column's header, its notes on scoring), or undefined when
 * neither says, or they (or two notes) disagree. Weaker than the item's own words: see `statedDirection`.
 */
export function documentDirection(ctx: Pick<ClauseContext, "header" | "notes">): "扣" | "得" | undefined {
  const said = new Set<"扣" | "得">();
  if (ctx.header !== undefined) {
    const h = headerDirection(ctx.header);
    if (h) said.add(h);
  }
  for (const n of ctx.notes ?? []) {
    const d = noteDirection(n);
    if (d) said.add(d);
  }
  return said.size === 1 ? [...said][0] : undefined;
}

/**
 * The direction the clause's place states: its 加分/减分 section; else its item's name, its column's header and the
 * document's notes when those that say one agree (none saying, or any two disagreeing: undefined).
 */
export function statedDirection(ctx: ClauseContext): "扣" | "得" | undefined {
  if (ctx.section !== null) return directionOf(ctx.section, ctx.indicator);
  const item = directionOf(null, ctx.indicator);
  const doc = documentDirection(ctx);
  if (item !== undefined && doc !== undefined) return item === doc ? item : undefined;
  return item ?? doc;
}

/**
 * Words that describe a fault and never a requirement (a thing done wrongly or a state fallen short): an amount after
 * one is no award. (Not 「未」「不」「无」, which a requirement also writes: 「无火灾」「不少于」 — count.ts' NEGATIVE
 * takes those where no bracket marks a task.)
 */
export const FAULT_STATED = /(?<![不无未没])违反|禁止性|有下列(?:情形|行为)|(?<![未没不])发现有|擅自|私自|随意|乱(?:堆|放|贴|画|扔|倒|搭|建|摆|停|挂|丢|排|涂|写|晒|设)|破损|损坏|残缺|脱落|锈蚀|倾斜|歪斜|积尘|污渍|污垢|脏乱|影响(?:观瞻|市容|市貌|通行|交通|照明|美观|环境|形象)|严重|缺失|失效/;

/**
 * Words that describe a fault as a requirement's negation or a thing found (session 27, the perturbations' drop-verb:
 * 「墙上网线分布不合理(10分)」「签订率低于100%,2分」「每发生一次…群体性事件5分」「…有明显垃圾…,每发现1处0.5分」 read as
 * awards because 「有」「签订」「参与」 stated a thing to do): a quality denied (不合理、不整齐 …), a shortfall below a
 * bound (低于、少于、未达到、达不到、不足 — not 不低于、不少于, which are requirements), a thing failed (未…、没有…,
 * except 未发生/未出现/未造成, an absence), an event that happened (发生, not 未发生), and things found that are faults
 * (明显的垃圾、杂物、有碍…). A requirement is written with its words the other way.
 */
export const FAULT_DESCRIBED = /不(?:合理|整齐|整洁|规范|到位|严密|畅通|干净|美观|齐全|健全|完善|准确|完整|及时|符合|落实|认真|严格|清晰|统一)|(?<!不|不得|不应)(?:低于|少于)|未达|达不到|不达|不足(?![一1]档)|未(?!发生|出现|造成|被)|没有(?!发生|出现)|没用|(?<![未无没不])发生|有明显|有碍|杂乱|垃圾|杂物|漂浮物|蜘蛛网/;

// (「违法」「违纪」 are not among them: a requirement names them too, 「违法线索举报奖励制度」)

/** Words of merit: a clause about them is no fault whatever its list deducts (and a verbless amount after one is an award). */
export const MERIT = /参加|参与|完成|获|荣|表彰|表扬|奖|采用|录用|刊发|发表|采纳|推广|先进|优秀|示范|创新|贡献/;

/** The absence of a fault is what a clause earns (「无火灾、溺水、爆炸」「全年无违规违纪问题」): its fault words are its requirement. */
const ABSENCE = /^(?:\(\d+\)|\d+[、.])?(?:全年|年内|本年度|当年)?(?:无|没有|未发生|未出现|杜绝)/;

/**
 * Words that state a thing to have or do (a requirement whose points the clause earns): 「有专职工作人员」「建立并落实…制度」
 * 「开展…活动」「能及时…」「出台…政策」, having at least one (「专职委员1人以上」), and a thing achieved — a rise, a good
 * state (「…比重上升,4分」「保管良好」「完好率在80%以上」, session 28: they were read by compose's default before).
 */
const DONE_STATED = /有|建立|打造|制订|符合|明确|坚持|安排|建成|建设|建[一1]|健全|完成|开展|做好|做到|落实|实行|实施|执行|制定|出台|配备|配齐|引进|举办|组织|参加|参与|召开|发布|纳入|能|按时|及时|按要求|规范|达到|获|评为|帮扶|结对|提供|报送|整理|编制|成立|设立|设置|开放|推进|保障|确保|保持|满足|齐全|到位|完善|签订|印发|公开|培训|宣传|检查|督查|落地|覆盖|实现|创建|争取|采用|被采纳|被评|[一1](?:人|个|名|项|次|座|场|期|家|处)(?:及)?以上|上升|提高|增长|增加|良好|完好/;

/** 「满分40分(5分/份×8)」: the full marks made up of the copies' points state what each copy earns (session 29). */
const FULL_BY_COPIES = /满分\d+(?:\.\d+)?分\(\d+(?:\.\d+)?分\/(?:份|篇|期|次|件)[×xX*]\d+\)/;

/** The clause states the absence of a fault (「全年无安全事故」「未发生…」): what an item earns. */
export const statesAbsence = (t: string): boolean => ABSENCE.test(t);

/** A fault word of the clause outside a stated absence, or undefined. */
export function faultStated(t: string): string | undefined {
  if (ABSENCE.test(t)) return undefined;
  return outsideAbsence(t, FAULT_STATED);
}

/**
 * The first match of a fault's words in a sentence of the clause that does not state an absence (session 29: 「庭院内卫生
 * 整洁,无乱建、乱堆、乱放现象」 — the absence is its sentence's, not only the clause's first), or undefined.
 */
function outsideAbsence(t: string, re: RegExp): string | undefined {
  for (const s of t.split(/[,;。]/)) {
    if (ABSENCE.test(s)) continue;
    const m = re.exec(s);
    if (m) return m[0];
  }
  return undefined;
}

/**
 * A fault word of a verbless clause (the stated words above, and a requirement's negation or a thing found:
 * FAULT_DESCRIBED), outside a stated absence, or undefined. Only for a clause whose amount has no verb: beside
 * 「扣」 or 「得」 the verb says the direction and these words are the condition.
 */
export function faultOfVerbless(t: string): string | undefined {
  if (ABSENCE.test(t)) return undefined;
  return outsideAbsence(t, FAULT_STATED) ?? outsideAbsence(t, FAULT_DESCRIBED);
}

/** A deduction verb anywhere in a clause (倒扣 among 扣; 减少, 减灾 … are no verb). */
const DEDUCTS = /扣|减(?!少|灾|排|负|贫|压)|罚/;
/** Any scoring verb, before or after an amount, of either direction (a clause with none leaves its direction to its words). */
export const ANY_VERB = new RegExp(`${DEDUCTS.source}|得|加|计|记|奖|给|赋|增|降`);

/**
 * The item's clauses share out its points (session 28: 「业务、会计档案案卷目录2分。」 beside 「编制了…目录1分」
 * 「科技档案分类目录1分」 in a 4-point item): every clause of the item (two or more) writes
 * one amount, none deducts or describes a fault, and the amounts add up to the item's points exactly — the numbers
 * state that each is what its requirement earns.
 */
export function sharesOutPoints(t: string, ctx: ClauseContext): boolean {
  // (not a lone clause: its amount is the item's points whatever it scores — 「季度工作简报 2分」 says nothing by its numbers)
  if (ctx.section !== null || ctx.points === null || ctx.siblings === undefined || ctx.siblings.length === 0) return false;
  const amounts: string[] = [];
  for (const raw of [t, ...ctx.siblings]) {
    const c = normalise(raw);
    const a = amountsIn(c);
    if (a.length !== 1 || DEDUCTS.test(c) || faultOfVerbless(c) !== undefined) return false;
    amounts.push(a[0]!);
  }
  return decimalCompare(decimalSum(amounts), ctx.points) === 0;
}

/**
 * Why a verbless amount cannot be read as an award (`before` is the clause before the amount, `t` the whole), or
 * undefined when a word states it.
 */
export function verblessAwardReason(before: string, t: string, ctx: ClauseContext, task: boolean): string | undefined {
  const fault = faultOfVerbless(before);
  if (fault !== undefined) return `条文写的是毛病（「${fault}」），分值前没有「扣」或「得」，未能确定是扣分还是得分`;
  const stated = statedDirection(ctx);
  if (stated === "扣") return "条文的分值前没有「扣」或「得」，所在的是扣分项（本项名称、表头或说明写明），未能确定是扣分还是得分";
  // (a task with its points in brackets at its end — 「向本地每名×员赠阅×刊(0.1分)」 — is a checklist row: the form
  // states what doing it earns)
  if (stated === "得" || task || ABSENCE.test(t) || DONE_STATED.test(t) || MERIT.test(t) || sharesOutPoints(t, ctx) || FULL_BY_COPIES.test(t)) return undefined;
  return "条文的分值前没有「扣」或「得」，也没有写明要做到的事（如「有」「建立」「完成」），未能确定是扣分还是得分";
}

/**
 * Why an award read from a clause that writes no scoring verb at all is not stated (whoever read it: a pattern or
 * the compositional reader), or undefined. The same words as verblessAwardReason, on the whole clause.
 */
export function awardUnstatedReason(t: string, ctx: ClauseContext): string | undefined {
  if (ANY_VERB.test(t)) return undefined;
  const amount = /\d+(?:\.\d+)?分/.exec(t);
  if (!amount) return undefined;
  const task = /\(\d+(?:\.\d+)?分\)[。;,*]*$/.test(t);
  return verblessAwardReason(t.slice(0, amount.index), t, ctx, task);
}
