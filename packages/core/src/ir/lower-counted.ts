/**
 * Rules counting occurrences → their scoring blocks: 每次 with one noun (and its 其中 occurrences), a
 * compound count (每村 每次: the per-item counts 「甲村 2、乙村 1」 under the rule's name, or their sum,
 * else the product of the sub-counts), counts by category (and 其中 per category).
 */
import type * as M from "../model.js";
import { add, and, c, cmp, dec, fmt, iff, int, lit, mul, ref, sub, type Builder } from "./block-builder.js";
import { BEFORE, type RuleBlock, type Shown, type Text } from "./rule-block.js";
import type { Cond, Expr } from "./types.js";

type Body<K extends M.RuleBodyModel["kind"]> = Extract<M.RuleBodyModel, { kind: K }>;

/** The block of a rule counting occurrences (每次, compound, by category). */
export function countedBlock(B: Builder, r: M.RuleModel, b: Body<"per"> | Body<"categories">): RuleBlock {
  if (b.kind === "categories") return categories(B, r, b);
  return b.nouns.length === 1 ? per(B, r, b) : compound(B, r, b);
}

const pre: Text = dec(ref(BEFORE));

function per(B: Builder, r: M.RuleModel, b: Body<"per">): RuleBlock {
  // 每次 扣 …: n × the amount; 其中 「已查结」 减半: the occurrences of each condition at amount ×
  // factor (one rounding each), the rest at the amount (the facts reader has checked the parts do
  // not exceed n, KP4045)
  const noun = b.nouns[0]!;
  const n = B.let("n", B.num(r.name));
  B.exit(cmp("=", n, c(0)));
  const amt = B.let("amt", B.amount(b.amount, b.overrides));
  const shown: Shown[] = [{ key: r.name, value: { k: "count", e: n } }];
  const each = [lit(" × "), dec(amt), ...B.amountNote(b.overrides)];
  if (r.occurrences.length === 0) return B.block(mul(amt, n), [int(n), lit(noun), ...each, lit(" = "), pre], shown);
  const ms = r.occurrences.map((o, i) => B.let(`m${i}`, B.num(`${r.name}.${o.condition}`)));
  const n0 = B.let("n0", ms.reduce((x, m) => sub(x, m), n));
  let v = mul(amt, n0);
  const items = [{ when: cmp(">", n0, c(0)), parts: [int(n0), lit(noun), ...each] }];
  r.occurrences.forEach((o, i) => {
    const m = ms[i]!;
    v = add(v, { k: "mulDiv", a: mul(amt, m), b: c(o.factor), c: 1_000_000 });
    items.push({ when: cmp(">", m, c(0)), parts: [lit(`${o.condition} `), int(m), lit(noun), lit(" × "), dec(amt), lit(` × ${fmt(o.factor)}（${o.word}）`)] });
  });
  return B.block(v, [{ k: "join", sep: " + ", items }, lit(" = "), pre], shown);
}

/**
 * 每村 每次 扣 …: the per-item counts under the rule's name when given (「甲村 2、乙村 1」, a list-valued
 * fact, or their sum alone: the number the facts table holds), else the product of the sub-counts
 * (the facts reader refuses both at once, KP4047); no 其中 (KP2060).
 */
function compound(B: Builder, r: M.RuleModel, b: Body<"per">): RuleBlock {
  const noun = b.nouns.slice(1).join("");
  const col = B.names.col(r.name, B.names.factType(r, r.name));
  const missing: Cond = { k: "missing", col };
  const given: Cond = { k: "not", c: missing };
  B.body.push({ k: "list", name: "items", of: { key: r.name } });
  const n = B.let("n", { k: "num", col });
  B.exit(and(given, cmp("=", n, c(0))));
  const ns = b.nouns.map((x, i) => B.let(`n${i}`, B.num(`${r.name}.${x}`)));
  B.exit(and(missing, { k: "or", list: ns.map((m) => cmp("=", m, c(0))) }));
  const amt = B.let("amt", B.amount(b.amount, b.overrides));
  const each: Text[] = [lit(" × "), dec(amt), ...B.amountNote(b.overrides), lit(" = "), pre];
  const byItems: Text[] = [{ k: "some", list: "items", a: [{ k: "each", list: "items", item: "count", unit: noun, sep: " + " }, lit(" = ")], b: [] }, int(n), lit(noun), ...each];
  const byProduct: Text[] = [...b.nouns.flatMap((x, i) => [...(i > 0 ? [lit(" × ")] : []), int(ns[i]!), lit(x)]), ...each];
  const product = ns.reduce((a: Expr, m) => mul(a, m), amt);
  const shown: Shown[] = [
    { key: r.name, when: given, value: { k: "some", list: "items", a: { k: "text", parts: [{ k: "each", list: "items", item: "count", sep: "、" }] }, b: { k: "count", e: n } } },
    ...b.nouns.map((x, i): Shown => ({ key: `${r.name}.${x}`, when: missing, value: { k: "count", e: ns[i]! } })),
  ];
  return B.block(iff(missing, product, mul(amt, n)), [{ k: "if", c: missing, a: byProduct, b: byItems }], shown);
}

function categories(B: Builder, r: M.RuleModel, b: Body<"categories">): RuleBlock {
  // counts by category, each at its amount; 其中 conditions per category
  const items: { when: Cond; parts: Text[] }[] = [];
  const shown: Shown[] = [];
  let v: Expr = c(0);
  b.categories.forEach((cat, j) => {
    const key = `${r.name}.${cat.name}`;
    const n = B.let(`c${j}`, B.num(key));
    const some = cmp(">", n, c(0));
    shown.push({ key, when: some, value: { k: "count", e: n } });
    const amt = c(cat.amount);
    if (r.occurrences.length === 0) {
      v = add(v, mul(amt, n));
      items.push({ when: some, parts: [lit(`${cat.name} `), int(n), lit(`${b.noun} × ${fmt(cat.amount)}`)] });
      return;
    }
    const ms = r.occurrences.map((o, i) => B.let(`c${j}m${i}`, B.num(`${r.name}.${o.condition}.${cat.name}`)));
    const n0 = B.let(`c${j}n0`, ms.reduce((x, m) => sub(x, m), n));
    v = add(v, mul(amt, n0));
    items.push({ when: and(some, cmp(">", n0, c(0))), parts: [lit(`${cat.name} `), int(n0), lit(`${b.noun} × ${fmt(cat.amount)}`)] });
    r.occurrences.forEach((o, i) => {
      const m = ms[i]!;
      const mk = `${r.name}.${o.condition}.${cat.name}`;
      v = add(v, { k: "mulDiv", a: mul(amt, m), b: c(o.factor), c: 1_000_000 });
      shown.push({ key: mk, when: and(some, cmp(">", m, c(0))), value: { k: "count", e: m } });
      items.push({ when: and(some, cmp(">", m, c(0))), parts: [lit(`${o.condition} ${cat.name} `), int(m), lit(`${b.noun} × ${fmt(cat.amount)} × ${fmt(o.factor)}（${o.word}）`)] });
    });
  });
  const s = B.let("s", v);
  B.exit(cmp("=", s, c(0)));
  return B.block(s, [{ k: "join", sep: " + ", items }, lit(" = "), pre], shown);
}
