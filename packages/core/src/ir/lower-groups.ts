/**
 * A 就高 group → its block: per incident id only the largest amount counts, anonymous amounts add up,
 * then the group's cap.  Said here once: `groupValue` folds the block into the scoring IR's `highest`
 * (the SQL printer's), compile/emit-js/groups.ts prints it as the group's function g<n>(Z), each
 * rule's trace and the group's notes included.
 *
 * A group block holds, per rule: its 适用, the lets and lists its hits and trace read (the amount after
 * 加倍/减半, the count, the incident ids as a list-valued fact), its hits (a count column, or a yes/no
 * fact counted once, with its ids column: the ids present → one hit each at the amount, else the
 * amount × the count anonymously), and its trace with the condition under which it is shown; then the
 * group's notes as data: the words of a `limit` entry per incident id hit by more than one rule, and
 * the cap with its note.
 * The rules of a 就高 group are 每次 (one noun), counts by category and one-shot 扣/得 (yes/no): no
 * 其中, 平均, 免扣/可减免 or rule cap (KP2061, KP2103, KP2016, KP2017).
 */
import type * as M from "../model.js";
import { Builder, andAll, c, classes, cmp, dec, fmt, int, lit, mul, type BlockNames } from "./block-builder.js";
import { inline, inlineCond, type Shown, type Stmt, type Text, type TraceData } from "./rule-block.js";
import type { Cond, Expr, Hit } from "./types.js";

/** One source of amounts of a rule in a group: the scoring IR's `Hit`, over the rule's lets. */
export interface GroupHit {
  /** Counted only when this holds (a yes/no fact given), besides the rule's 适用. */
  when: Cond;
  /** The amount per incident (加倍/减半 applied). */
  amount: Expr;
  /** The count (a fact of the unit); absent: once, when `when` holds. */
  n?: Expr;
  /** The incident ids' column. */
  ids: number;
  /** The rule's let holding those ids as a list (the JS printer reads them there). */
  list: string;
}

export interface GroupRule {
  /** The rule's name, as the group's notes show it. */
  name: string;
  /** Its 适用. */
  when: Cond;
  /** The lets and lists its hits and its trace read. */
  body: Stmt[];
  hits: GroupHit[];
  /** Its trace, shown when `shown` holds (it has hits). */
  shown: Cond;
  trace: TraceData;
}

export interface GroupBlock {
  rules: GroupRule[];
  /**
   * The note of an incident id hit by more than one rule: `open` + the id + `between` + each rule's
   * 「name」 and amount (joined by 、) + `kept` + the amount kept + `close`.
   */
  limit: { open: string; between: string; kept: string; close: string };
  /** The group's cap: its note is `text` + the sum + `over`. */
  cap?: { value: number; text: string; over: string };
}

/** Group g's block (a 就高 group; `award`: of a 加分 section, where it awards per item). */
export function groupBlock(names: BlockNames, g: M.GroupModel, award: boolean): GroupBlock {
  const kind = award ? "award" : "deduct";
  const rules = g.rules.map((r) => groupRule(names, r, kind));
  const verb = award ? "加" : "扣";
  const limit = award ? { open: "事项「", between: "」同时适用", kept: "，按最高级别加 ", close: "，不累加" } : { open: "事件「", between: "」同时适用", kept: "，按最高标准扣 ", close: "，不重复扣" };
  const cap = g.cap === undefined ? undefined : { value: g.cap, text: `就高后合计${verb} `, over: `，超过上限 ${fmt(g.cap)}，按 ${fmt(g.cap)} 计` };
  return { rules, limit, ...(cap ? { cap } : {}) };
}

/** The group's value for a printer that ignores the trace (SQL): `highest` over every rule's hits, under the cap. */
export function groupValue(g: GroupBlock): Expr {
  const hits: Hit[] = [];
  for (const r of g.rules) {
    const env = new Map<string, Expr>();
    for (const s of r.body) if (s.k === "let") env.set(s.name, inline(s.e, env));
    for (const h of r.hits) {
      const n = h.n && inline(h.n, env);
      if (n && n.k !== "num") throw new Error("internal: a 就高 count that is not a fact");
      hits.push({ when: andAll([r.when, inlineCond(h.when, env)]), amount: inline(h.amount, env), count: n ? n.col : -1, ids: h.ids });
    }
  }
  const e: Expr = { k: "highest", hits };
  return g.cap === undefined ? e : { k: "min", a: e, b: c(g.cap.value) };
}

/** 「（事件：A、B）」 after an amount, when ids were given. */
const idsText = (list: string): Text => ({ k: "some", list, a: [lit("（事件："), { k: "each", list, item: "id", sep: "、" }, lit("）")], b: [] });

function groupRule(names: BlockNames, r: M.RuleModel, kind: "award" | "deduct"): GroupRule {
  const B = new Builder(names, r);
  const b = r.body;
  const when: Cond = r.appliesTo ? classes(names, r.appliesTo) : { k: "true" };
  // 加倍/减半 on the amount, noted right after it (「（重犯加倍）」)
  const multiplied = (amount: Expr): Expr => {
    let v = amount;
    for (const m of r.multipliers) {
      const flag = B.flagCol(`${r.name}.${m.flag}`);
      v = { k: "if", c: flag, a: m.factor === "double" ? mul(v, c(2)) : { k: "mulDiv", a: v, b: c(1), c: 2 }, b: v };
    }
    return v;
  };
  // (after the amount: the facts table's columns in the order the hits read them)
  const notes = (): Text[] => r.multipliers.map((m) => ({ k: "if", c: B.flagCol(`${r.name}.${m.flag}`), a: [lit(`（${m.flag}${m.factor === "double" ? "加倍" : "减半"}）`)], b: [] }));
  const ids = (key: string, list: string): number => {
    B.body.push({ k: "list", name: list, of: { key } });
    return names.col(key, "ids");
  };
  if (b.kind === "per") {
    // 每次: n × the amount, per incident id when ids were given
    const n = B.let("n", B.num(r.name));
    const amt = B.let("amt", multiplied(B.amount(b.amount, b.overrides)));
    const col = ids(r.name, "ids");
    const v = B.let("v", mul(amt, n));
    const text: Text[] = [int(n), lit(b.nouns[0]!), lit(" × "), dec(amt), ...notes(), lit(" = "), dec(v), idsText("ids")];
    const facts: Shown[] = [{ key: r.name, value: { k: "some", list: "ids", a: { k: "list", list: "ids" }, b: { k: "count", e: n } } }, ...B.extraFacts()];
    return { name: r.name, when, body: B.body, hits: [{ when: { k: "true" }, amount: amt, n, ids: col, list: "ids" }], shown: cmp(">", n, c(0)), trace: { kind, amount: v, text, facts } };
  }
  if (b.kind === "once") {
    // once: yes (or its incident id) → the amount, counted once
    const col = names.col(r.name, names.factType(r, r.name));
    const given: Cond = { k: "flag", col };
    const amt = B.let("amt", multiplied(B.amount(b.amount, b.overrides)));
    const idsCol = ids(r.name, "ids");
    const text: Text[] = [lit(kind === "award" ? "获得，加 " : "发生，扣 "), dec(amt), ...notes(), idsText("ids")];
    const facts: Shown[] = [{ key: r.name, value: { k: "some", list: "ids", a: { k: "text", parts: [{ k: "each", list: "ids", item: "id", sep: "、" }] }, b: { k: "bool", v: true } } }, ...B.extraFacts()];
    return { name: r.name, when, body: B.body, hits: [{ when: given, amount: amt, ids: idsCol, list: "ids" }], shown: given, trace: { kind, amount: amt, text, facts } };
  }
  if (b.kind === "categories") {
    // counts by category, each at its amount, per incident id when ids were given
    const hits: GroupHit[] = [];
    const items: { when: Cond; parts: Text[] }[] = [];
    const facts: Shown[] = [];
    let v: Expr = c(0);
    b.categories.forEach((cat, j) => {
      const key = `${r.name}.${cat.name}`;
      const n = B.let(`n${j}`, B.num(key));
      const amt = B.let(`a${j}`, multiplied(c(cat.amount)));
      const list = `ids${j}`;
      const col = ids(key, list);
      const some = cmp(">", n, c(0));
      hits.push({ when: { k: "true" }, amount: amt, n, ids: col, list });
      v = v.k === "const" ? mul(amt, n) : { k: "add", a: v, b: mul(amt, n) };
      items.push({ when: some, parts: [lit(`${cat.name} `), int(n), lit(`${b.noun} × `), dec(amt), ...notes(), idsText(list)] });
      facts.push({ key, when: some, value: { k: "some", list, a: { k: "list", list }, b: { k: "count", e: n } } });
    });
    const sum = B.let("v", v);
    const text: Text[] = [{ k: "join", sep: " + ", items }, lit(" = "), dec(sum)];
    return { name: r.name, when, body: B.body, hits, shown: cmp(">", sum, c(0)), trace: { kind, amount: sum, text, facts: [...facts, ...B.extraFacts()] } };
  }
  throw new Error(`internal: ${b.kind} in a 就高 group`);
}
