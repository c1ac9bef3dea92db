/**
 * Model → JavaScript.  The emitted ES module is self-contained (it embeds the exact-decimal runtime
 * and the facts reader), needs no parser at run time, and is deterministic: the same catalogue gives
 * byte-identical output.  User text only enters it through jsString/commentText.
 *
 * Shape of the module:
 *   runtime functions (kp*)          — exact decimals, facts reading
 *   CATALOGUE, FACTS, …              — metadata and fact specs
 *   r<n>(Z)                          — one function per rule: returns its deduction or award (raw)
 *   g<n>(Z)                          — one per cap/highest group: returns the group's deduction
 *   i<n>(Z)                          — one per indicator: writes its score to Z.S[n], carry to Z.K[n]
 *   s<n>(Z)                          — one per bonus/penalty section
 *   scoreAll / scoreUnit / checkFacts — the public API
 * `Z` is the per-unit state: F facts, c classes, T trace (or null), S scores, K carries, V vetoes,
 * X cross-unit results, R units by name, u unit index.
 */
import type * as M from "../model.js";
import { kpFormat } from "../runtime/decimal.js";
import type { FactSpec } from "../runtime/facts.js";
import { RUNTIME_JS } from "../runtime/source.js";
import { commentText, jsString, jsValue } from "./js-literals.js";

/** Options of {@link emitJs}. */
export interface EmitOptions {
  /** Tool version written in the header. */
  version?: string;
  /** Source file names written in the header (relative paths, for determinism). */
  sources?: string[];
}

type Owner = M.IndicatorModel | M.SectionModel;

interface Ctx {
  out: string[];
  ruleIndex: Map<M.RuleModel, number>;
  indIndex: Map<M.IndicatorModel, number>;
  /** Fact key → its position in FACTS (its value is at Z.F[2i], its incident ids at Z.F[2i+1]). */
  factIndex: Map<string, number>;
}

/** The expression reading a fact (or, with `ids`, its incident ids) of the unit being scored. */
function fx(ctx: Ctx, key: string, ids = false, unit = "Z"): string {
  const i = ctx.factIndex.get(key);
  if (i === undefined) throw new Error(`internal: no fact key ${key}`);
  return `${unit}.F[${2 * i + (ids ? 1 : 0)}]`;
}

const fmt = kpFormat;
const S = jsString;

/** Generates the scoring module of a checked catalogue. */
export function emitJs(cat: M.Catalogue, options: EmitOptions = {}): string {
  const specs = factSpecs(cat);
  const ctx: Ctx = { out: [], ruleIndex: new Map(), indIndex: new Map(), factIndex: new Map(specs.map((x, i) => [x.k, i] as const)) };
  const o = ctx.out;
  const allIndicators: M.IndicatorModel[] = [];
  const collect = (i: M.IndicatorModel) => {
    allIndicators.push(i);
    i.children.forEach(collect);
  };
  cat.indicators.forEach(collect);
  allIndicators.forEach((ind, n) => ctx.indIndex.set(ind, n));
  cat.rules.forEach((r, n) => ctx.ruleIndex.set(r, n));

  o.push(`// 计分模块：由 kaoping ${options.version ?? ""} 从细则「${commentText(cat.title)}」生成，请勿手工修改。`.replace("  ", " "));
  if (options.sources?.length) o.push(`// 源文件：${commentText(options.sources.join("、"), 400)}`);
  o.push(
    "// 分值一律以「百万分之一分」为单位的整数精确计算（0.05 分记作 50000），不使用浮点小数。",
    "// 舍入只有一种：四舍五入（kpDivRound），只用于细则规定的总分舍入和不能整除的除法（第 6 位小数）。",
    "",
    "// ---------------------------------------------------------------- 精确小数运行时",
  );
  o.push(RUNTIME_JS, "");

  // ------------------------------------------------------------ metadata
  o.push("// ---------------------------------------------------------------- 细则信息");
  o.push(`/** 细则的结构：指标、分值、条文。 */`);
  o.push(`export const catalogue = ${jsValue(catalogueMeta(cat))};`, "");
  o.push(`const ROUNDING = ${cat.rounding ?? -1};`);
  o.push(`const CLASSES = ${jsValue(cat.classes)};`);
  o.push(`const RULE_NAMES = ${jsValue(Object.fromEntries(cat.rules.map((r) => [r.name, true])))};`);
  o.push("/** 事实：FACTS[i] 的值在 Z.F[2i]，事件编号在 Z.F[2i + 1]。 */");
  o.push(`const FACTS = ${jsValue(specs)};`);
  o.push(`const GRADES = ${jsValue(cat.grades.map((g) => ({ name: g.name, otherwise: g.otherwise, conditions: g.conditions })))};`);
  o.push(`const INDICATOR_COUNT = ${allIndicators.length};`);
  const refers = allIndicators.filter((i) => i.refer).map((i) => ({ unitClass: i.refer!.unitClass, unit: i.refer!.unit, indicator: i.id, name: i.name }));
  o.push(`const REFERS = ${jsValue(refers)};`, "");

  // ------------------------------------------------------------ rules
  o.push("// ---------------------------------------------------------------- 规则（返回扣分或得分）");
  for (const r of cat.rules) {
    if (r.group?.kind === "highest") continue; // emitted inside their group
    emitRule(ctx, r);
  }

  // ------------------------------------------------------------ cross-unit
  const cross = cat.rules.filter((r) => r.crossUnit);
  o.push("// ---------------------------------------------------------------- 需要全部单位的规则（排名、比例）");
  o.push("function crossUnit(units) {", "  const X = {};");
  for (const r of cross) emitCross(ctx, r);
  o.push("  return X;", "}", "");

  // ------------------------------------------------------------ groups and indicators
  o.push("// ---------------------------------------------------------------- 指标（得分写入 Z.S，倒扣超出部分写入 Z.K）");
  let groupNo = 0;
  const groupName = new Map<M.GroupModel, string>();
  for (const ind of allIndicators) {
    for (const g of ind.groups) {
      const gn = `g${++groupNo}`;
      groupName.set(g, gn);
      emitGroup(ctx, g, gn, ind);
    }
  }
  for (const ind of [...allIndicators].reverse()) emitIndicator(ctx, ind, groupName);
  cat.bonuses.forEach((s, n) => emitSection(ctx, s, `b${n + 1}`));
  cat.penalties.forEach((s, n) => emitSection(ctx, s, `p${n + 1}`));

  // ------------------------------------------------------------ unit
  o.push("// ---------------------------------------------------------------- 单个单位");
  o.push("function runUnit(unit, u, X, R, trace) {");
  o.push("  const Z = { F: unit.F, c: unit.c, T: trace ? [] : null, S: new Array(INDICATOR_COUNT), K: new Array(INDICATOR_COUNT), V: [], X, R, u, ref: false, zr: false };");
  const tops = cat.indicators.map((i) => ctx.indIndex.get(i)!);
  for (const t of tops) o.push(`  i${t}(Z);`);
  o.push(`  let base = ${tops.map((t) => `Z.S[${t}]`).join(" + ") || "0"};`);
  o.push(`  const carry = ${tops.map((t) => `Z.K[${t}]`).join(" + ") || "0"};`);
  o.push(`  const bonus = ${cat.bonuses.map((_, n) => `b${n + 1}(Z)`).join(" + ") || "0"};`);
  o.push(`  const penalty = ${cat.penalties.map((_, n) => `p${n + 1}(Z)`).join(" + ") || "0"};`);
  o.push("  const total = base - carry + bonus - penalty;");
  o.push('  if (!Number.isSafeInteger(total)) throw new RangeError("KP4018");');
  o.push("  return { unit, total, rounded: ROUNDING < 0 ? total : kpRound(total, ROUNDING), base, carry, bonus, penalty, S: Z.S, V: Z.V, T: Z.T };");
  o.push("}", "");

  o.push(PUBLIC_API);
  return o.join("\n") + "\n";
}

// ==================================================================== metadata

function catalogueMeta(cat: M.Catalogue): unknown {
  const ind = (i: M.IndicatorModel): unknown => ({
    id: i.id,
    name: i.name,
    points: fmt(i.points),
    code: i.code,
    departments: i.departments,
    appliesTo: i.appliesTo,
    refer: i.refer,
    rules: i.rules.map((r) => r.name),
    notes: i.notes.map((n) => n.text?.value ?? ""),
    children: i.children.map(ind),
  });
  return {
    title: cat.title,
    year: cat.year,
    subject: cat.subject,
    classes: cat.classes,
    total: cat.declaredTotal === undefined ? undefined : fmt(cat.declaredTotal),
    rounding: cat.rounding,
    indicators: cat.indicators.map(ind),
    bonuses: cat.bonuses.map((s) => ({ id: s.id, name: s.name, cap: s.cap === undefined ? undefined : fmt(s.cap), rules: s.rules.map((r) => r.name) })),
    penalties: cat.penalties.map((s) => ({ id: s.id, name: s.name, cap: s.cap === undefined ? undefined : fmt(s.cap), rules: s.rules.map((r) => r.name) })),
    grades: cat.grades.map((g) => g.name),
    rules: Object.fromEntries(
      cat.rules.map((r) => [
        r.name,
        {
          indicator: r.owner.id,
          clause: r.clause,
          effect: r.effect,
          kind: r.body.kind,
          facts: r.facts.map((f) => f.key),
          ...(r.facts.some((f) => f.fact.type === "items") ? { perItem: true } : {}),
        },
      ]),
    ),
  };
}

/** The fact specs a module's facts reader checks against (FACTS), one per fact key, in rule order. */
export function factSpecs(cat: M.Catalogue): FactSpec[] {
  const out: FactSpec[] = [];
  // A divisor fact (按 「所辖乡镇数」 平均) is the unit's, shared by every rule dividing by it: one spec,
  // required of a unit when any of those rules concerns it.
  const shared = new Map<string, FactSpec>();
  for (const r of cat.rules) {
    const cls = applicableClasses(r);
    for (const f of r.facts) {
      const t = f.fact;
      const prev = t.type === "value" && t.positive ? shared.get(f.key) : undefined;
      if (prev) {
        if (prev.cls && (!cls || JSON.stringify(prev.cls) !== JSON.stringify(cls))) delete prev.cls;
        const referred = referringClasses(r);
        if (prev.xcls) prev.xcls = prev.xcls.filter((c) => referred.includes(c));
        if (prev.xcls?.length === 0) delete prev.xcls;
        continue;
      }
      const spec: FactSpec = { k: f.key, t: t.type, label: f.label };
      if (t.type === "count") spec.inc = t.incidents;
      if (t.type === "items") {
        spec.item = t.item;
        spec.noun = t.noun;
      }
      if (t.type === "count" && t.within !== undefined) {
        spec.of = t.within;
        spec.noun = t.noun;
      }
      if (t.type === "flag") spec.inc = t.incident;
      if (t.type === "award") spec.max = t.max;
      if (t.type === "value") {
        spec.miss = t.missing;
        if (t.integer) spec.int = true;
        if (t.positive) {
          spec.pos = true;
          shared.set(f.key, spec);
        }
      }
      if (t.type === "score") spec.max = t.max;
      if (t.type === "rate") spec.max = 100_000_000;
      if (t.type === "amount") {
        spec.min = t.min;
        spec.max = t.max;
      }
      if (!f.optional) spec.req = true;
      if (cls) spec.cls = cls;
      const referred = referringClasses(r);
      if (referred.length > 0) spec.xcls = referred;
      out.push(spec);
    }
  }
  return out;
}

/** Classes whose units take another unit's score for an indicator containing the rule (参照). */
function referringClasses(r: M.RuleModel): string[] {
  const out: string[] = [];
  for (let ind = r.owner.kind === "indicator" ? r.owner : undefined; ind; ind = ind.parent) if (ind.refer) out.push(ind.refer.unitClass);
  return out;
}

/**
 * Which units a rule applies to, from its own 适用 and its indicators': a list of class lists, all of
 * which must hold (a unit applies when, for every list, it has one of the classes); undefined = all.
 */
export function applicableClasses(r: M.RuleModel): string[][] | undefined {
  const all: string[][] = [];
  if (r.appliesTo) all.push(r.appliesTo);
  for (let ind = r.owner.kind === "indicator" ? r.owner : undefined; ind; ind = ind.parent) if (ind.appliesTo) all.push(ind.appliesTo);
  return all.length > 0 ? all : undefined;
}

/** Whether a unit with these classes meets an applicability (see {@link applicableClasses}). */
export function meetsClasses(applies: readonly (readonly string[])[] | undefined, has: (unitClass: string) => boolean): boolean {
  return !applies || applies.every((list) => list.some(has));
}

// ==================================================================== rules

function ownerPoints(r: M.RuleModel): number {
  return r.owner.kind === "indicator" ? r.owner.points : 0;
}

function classCond(classes: string[]): string {
  return classes.map((c) => `Z.c[${S(c)}]`).join(" || ");
}

/** Code computing the amount for a unit, honouring per-class overrides: `Z.c["园区"] ? 300000 : 500000`. */
function amountExpr(amount: number, overrides: { unitClass: string; amount: number }[]): string {
  let e = String(amount);
  for (const ov of [...overrides].reverse()) e = `Z.c[${S(ov.unitClass)}] ? ${ov.amount} : ${e}`;
  return e;
}
function amountNote(overrides: { unitClass: string; amount: number }[]): string {
  if (overrides.length === 0) return "";
  return " + (" + overrides.map((ov) => `Z.c[${S(ov.unitClass)}] ? ${S(`（${ov.unitClass}标准）`)} : `).join("") + '"")';
}

function traceCall(r: M.RuleModel, kind: string, amountVar: string, text: string, facts: string): string {
  return `if (Z.T) Z.T.push({ i: ${S(r.owner.id)}, r: ${S(r.name)}, k: ${S(kind)}, a: ${amountVar}, x: ${text}, f: ${facts} });`;
}

/**
 * Lines applying 加倍/减半 to variable `v`, extending note variable `note`.  On a result (the
 * default) the note shows each step's value (「，重犯加倍 → 0.4」); on an amount that is multiplied
 * afterwards (就高 groups), only the condition (「（重犯加倍）」), written right after the amount.
 */
function multiplierLines(ctx: Ctx, r: M.RuleModel, v: string, on: "result" | "amount" = "result", note = "note"): string[] {
  const lines: string[] = [];
  for (const m of r.multipliers) {
    const key = `${r.name}.${m.flag}`;
    const word = m.factor === "double" ? "加倍" : "减半";
    const apply = m.factor === "double" ? `kpTimes(${v}, 2)` : `kpDivRound(${v}, 2)`;
    const text = on === "result" ? `${S(`，${m.flag}${word} → `)} + kpFormat(${v})` : S(`（${m.flag}${word}）`);
    lines.push(`  if (${fx(ctx, key)}) { ${v} = ${apply}; ${note} += ${text}; }`);
  }
  return lines;
}

/**
 * Lines dividing variable `v` by the rule's 按 … 平均 divisor (a fact of the unit, read as a raw
 * decimal, or a number), rounding at the sixth decimal, extending `note`.
 */
function averageLines(ctx: Ctx, r: M.RuleModel, v: string): string[] {
  const a = r.average;
  if (!a) return [];
  if ("fact" in a) {
    const d = fx(ctx, a.fact);
    return [`  { const d = ${d}; ${v} = kpMulDiv(${v}, 1000000, d); note += ${S(`，按${a.fact} `)} + kpFormat(d) + ${S(" 平均 → ")} + kpFormat(${v}); }`];
  }
  return [`  ${v} = kpDivRound(${v}, ${a.value}); note += ${S(`，按 ${a.value} 平均 → `)} + kpFormat(${v});`];
}

/** A trace's facts object with the rule's 加倍/减半 conditions that hold added (「事件.群体性事件 = 是」). */
function withFlags(ctx: Ctx, r: M.RuleModel, facts: string): string {
  const extra: string[] = [];
  // (a categories rule puts its conditions' counts in `used` itself)
  if (r.body.kind === "per") for (const o of r.occurrences) extra.push(`...(${fx(ctx, `${r.name}.${o.condition}`)} ? { [${S(`${r.name}.${o.condition}`)}]: ${fx(ctx, `${r.name}.${o.condition}`)} } : {})`);
  if (r.average && "fact" in r.average) extra.push(`[${S(r.average.fact)}]: kpFormat(${fx(ctx, r.average.fact)})`);
  if (r.multipliers.length === 0 && extra.length === 0) return facts;
  const flags = [...extra, ...r.multipliers.map((m) => `...(${fx(ctx, `${r.name}.${m.flag}`)} ? { [${S(`${r.name}.${m.flag}`)}]: true } : {})`)];
  const literal = /^\{ (.*) \}$/.exec(facts);
  return `{ ${literal ? literal[1] : `...${facts}`}, ${flags.join(", ")} }`;
}

/** Lines capping variable `v` at the rule's cap, extending `note`. */
function capLines(r: M.RuleModel, v: string): string[] {
  if (r.cap === undefined) return [];
  return [`  if (${v} > ${r.cap}) { note += ${S(`，封顶 ${fmt(r.cap)}`)}; ${v} = ${r.cap}; }`];
}

function emitRule(ctx: Ctx, r: M.RuleModel): void {
  const o = ctx.out;
  const n = ctx.ruleIndex.get(r)!;
  const b = r.body;
  const kind = r.effect === "award" ? "award" : "deduct";
  o.push(`// [${commentText(r.owner.id)}] ${commentText(r.name, 40)}：${commentText(r.clause)}`);
  if (r.facts.length > 0) o.push(`// 事实：${r.facts.map((f) => `${fx(ctx, f.key)}「${commentText(f.key, 40)}」`).join("，")}`);
  o.push(`function r${n}(Z) {`);
  if (r.appliesTo) o.push(`  if (!(${classCond(r.appliesTo)})) return 0;`);
  const key = S(r.name);
  // the rule's own fact (categories and compound units have only sub-keys)
  const F = ctx.factIndex.has(r.name) ? fx(ctx, r.name) : "undefined";
  const P = ownerPoints(r);
  // `zeroable`: the body may end in 不得分, which takes the whole indicator and is neither
  // multiplied nor capped.
  // `text` and `facts` are given the name of the variable holding the value *before* 加倍/减半 and
  // the cap (`computed`): the trace shows the computed value first, then each adjustment (「= 2，重犯加倍 → 4」).
  const finish = (v: string, text: (pre: string) => string, facts: (pre: string) => string, zeroable = false) => {
    o.push(`  let note = "";`);
    const adjust = [...averageLines(ctx, r, v), ...multiplierLines(ctx, r, v), ...capLines(r, v)];
    const pre = adjust.length > 0 ? "computed" : v;
    if (adjust.length > 0) o.push(`  const ${pre} = ${v};`);
    if (zeroable && adjust.length > 0) o.push("  if (!zero) {", ...adjust.map((l) => "  " + l), "  }");
    else o.push(...adjust);
    o.push(`  ${traceCall(r, kind, v, `${text(pre)} + note`, withFlags(ctx, r, facts(pre)))}`);
    o.push(`  return ${v};`);
  };
  switch (b.kind) {
    case "per": {
      if (b.nouns.length === 1) {
        o.push(`  const n = ${F} || 0;`, "  if (n === 0) return 0;");
        o.push(`  const amt = ${amountExpr(b.amount, b.overrides)};`);
        if (r.occurrences.length === 0) {
          o.push(`  let v = kpTimes(amt, n);`);
          finish("v", (pre) => `n + ${S(b.nouns[0]!)} + " × " + kpFormat(amt)${amountNote(b.overrides)} + " = " + kpFormat(${pre})`, () => `{ [${key}]: n }`);
        } else {
          // 其中 「已查结」 减半: the occurrences of each condition at amt × factor (one rounding each),
          // the rest at amt; the facts reader has checked the parts do not exceed n (KP4045).
          const noun = b.nouns[0]!;
          r.occurrences.forEach((x, i) => o.push(`  const m${i} = ${fx(ctx, `${r.name}.${x.condition}`)} || 0;`));
          o.push(`  const n0 = n${r.occurrences.map((_, i) => ` - m${i}`).join("")};`);
          o.push(`  let v = kpTimes(amt, n0);`);
          o.push(`  const parts = n0 > 0 ? [n0 + ${S(noun)} + " × " + kpFormat(amt)${amountNote(b.overrides)}] : [];`);
          r.occurrences.forEach((x, i) => {
            o.push(
              `  if (m${i} > 0) { v = kpAdd(v, kpMulDiv(kpTimes(amt, m${i}), ${x.factor}, 1000000)); parts.push(${S(`${x.condition} `)} + m${i} + ${S(noun)} + " × " + kpFormat(amt) + ${S(` × ${fmt(x.factor)}（${x.word}）`)}); }`,
            );
          });
          finish("v", (pre) => `parts.join(" + ") + " = " + kpFormat(${pre})`, () => `{ [${key}]: n }`);
        }
      } else {
        // per-item counts under the rule's name (「甲村 2、乙村 1」, or their sum) replace the product
        const noun = b.nouns.slice(1).join("");
        o.push(`  if (${fx(ctx, r.name)} !== undefined) {`);
        o.push(`    const n = ${fx(ctx, r.name)};`, "    if (n === 0) return 0;");
        o.push(`    const items = ${fx(ctx, r.name, true)};`);
        o.push(`    const amt = ${amountExpr(b.amount, b.overrides)};`);
        o.push(`    let v = kpTimes(amt, n);`);
        o.push(`    const each = items && items.length > 0 ? items.map((x) => x[0] + " " + x[1] + ${S(noun)}).join(" + ") + " = " : "";`);
        o.push(`    const shown = items && items.length > 0 ? items.map((x) => x[0] + " " + x[1]).join("、") : n;`);
        const inner: string[] = [];
        const saved = o.length;
        finish("v", (pre) => `each + n + ${S(noun)} + " × " + kpFormat(amt)${amountNote(b.overrides)} + " = " + kpFormat(${pre})`, () => `{ [${key}]: shown }`);
        inner.push(...o.splice(saved).map((l) => "  " + l));
        o.push(...inner, "  }");
        const keys = b.nouns.map((x) => S(`${r.name}.${x}`));
        b.nouns.forEach((x, i) => o.push(`  const n${i} = ${fx(ctx, `${r.name}.${x}`)} || 0;`));
        o.push(`  if (${keys.map((_, i) => `n${i} === 0`).join(" || ")}) return 0;`);
        o.push(`  const amt = ${amountExpr(b.amount, b.overrides)};`);
        o.push(`  let v = ${keys.reduce((acc, _, i) => `kpTimes(${acc}, n${i})`, "amt")};`);
        const text = (pre: string) => b.nouns.map((x, i) => `n${i} + ${S(x)}`).join(' + " × " + ') + ` + " × " + kpFormat(amt)${amountNote(b.overrides)} + " = " + kpFormat(${pre})`;
        finish("v", text, () => `{ ${keys.map((k, i) => `[${k}]: n${i}`).join(", ")} }`);
      }
      break;
    }
    case "categories": {
      o.push("  let v = 0;", "  const parts = [];", "  const used = {};");
      for (const c of b.categories) {
        const k = S(`${r.name}.${c.name}`);
        if (r.occurrences.length === 0) {
          o.push(`  { const n = ${fx(ctx, `${r.name}.${c.name}`)} || 0; if (n > 0) { v += kpTimes(${c.amount}, n); used[${k}] = n; parts.push(${S(c.name + " ")} + n + ${S(b.noun + " × " + fmt(c.amount))}); } }`);
          continue;
        }
        // 其中 「省市领导批示」 加 2倍: per category, the occurrences of each condition at amount × factor
        const ms = r.occurrences.map((x) => `${r.name}.${x.condition}.${c.name}`);
        o.push(`  { const n = ${fx(ctx, `${r.name}.${c.name}`)} || 0; if (n > 0) {`);
        o.push(`    used[${k}] = n;`);
        ms.forEach((key, i) => o.push(`    const m${i} = ${fx(ctx, key)} || 0;`));
        o.push(`    const n0 = n${ms.map((_, i) => ` - m${i}`).join("")};`);
        o.push(`    if (n0 > 0) { v += kpTimes(${c.amount}, n0); parts.push(${S(c.name + " ")} + n0 + ${S(b.noun + " × " + fmt(c.amount))}); }`);
        r.occurrences.forEach((x, i) =>
          o.push(
            `    if (m${i} > 0) { v = kpAdd(v, kpMulDiv(kpTimes(${c.amount}, m${i}), ${x.factor}, 1000000)); used[${S(ms[i]!)}] = m${i}; parts.push(${S(`${x.condition} ${c.name} `)} + m${i} + ${S(`${b.noun} × ${fmt(c.amount)} × ${fmt(x.factor)}（${x.word}）`)}); }`,
          ),
        );
        o.push("  } }");
      }
      o.push("  if (v === 0) return 0;");
      finish("v", (pre) => `parts.join(" + ") + " = " + kpFormat(${pre})`, () => "used");
      break;
    }
    case "once": {
      if (r.effect === "award") {
        o.push(`  const v0 = ${F} || 0;`, "  if (v0 === 0) return 0;");
        o.push(`  const full = ${amountExpr(b.amount, b.overrides)};`);
        o.push("  let v = v0 > full ? full : v0;");
        finish("v", (pre) => `(v0 >= full ? "已完成，得 " + kpFormat(${pre}) : "酌情给分 " + kpFormat(${pre}) + "（满分 " + kpFormat(full) + "）")`, () => `{ [${key}]: v0 >= full ? "是" : kpFormat(v0) }`);
      } else {
        o.push(`  if (!${F}) return 0;`);
        o.push(`  let v = ${amountExpr(b.amount, b.overrides)};`);
        finish("v", (pre) => `"发生，扣 " + kpFormat(${pre})${amountNote(b.overrides)}`, () => `{ [${key}]: true }`);
      }
      break;
    }
    case "zero":
      o.push(`  if (!${F}) return 0;`, `  let v = ${P};`, "  const zero = true;", "  Z.zr = true;");
      finish("v", () => S(`不得分：本项 ${fmt(P)} 分全部扣除`), () => `{ [${key}]: true }`, true);
      break;
    case "veto":
      o.push(`  if (!${F}) return 0;`);
      o.push(`  Z.V.push({ rule: ${key}, level: ${S(b.level)} });`);
      o.push(`  if (Z.T) Z.T.push({ i: ${S(r.owner.id)}, r: ${key}, k: "veto", a: 0, x: ${S(b.level === "fail" ? "一票否决：考评结果定为最低等次" : "一票否优：不能评为最高等次")}, f: { [${key}]: true } });`);
      o.push("  return 0;");
      break;
    case "bands": {
      const pct = b.percent ? '"%"' : '""';
      o.push(`  const x = ${F};`);
      o.push("  let v = 0;", "  let why;", "  let zero = false;");
      if (b.missing) {
        o.push(`  if (x === null || x === undefined) { ${outcomeAssign(b.missing, P)} why = ${S("未报送，" + outcomeWord(b.missing, P))}; }`);
      } else o.push("  if (x === null || x === undefined) return 0;");
      b.bands.forEach((band, i) => {
        const conds: string[] = [];
        if (band.lower) conds.push(`x ${band.lowerInclusive ? ">=" : ">"} ${band.lower.raw}`);
        if (band.upper) conds.push(`x ${band.upperInclusive ? "<=" : "<"} ${band.upper.raw}`);
        o.push(
          `  ${i === 0 && !b.missing ? "if" : "else if"} (${conds.join(" && ") || "true"}) { ${outcomeAssign(band.outcome, P)} why = "数值 " + kpFormat(x) + ${pct} + ${S(` 在 ${band.text} 内，${outcomeWord(band.outcome, P)}`)}; }`,
        );
      });
      o.push("  if (v === 0) return 0;");
      finish("v", () => "why", () => `{ [${key}]: x === null || x === undefined ? "未报送" : kpFormat(x) + ${pct} }`, true);
      break;
    }
    case "linear": {
      const pct = b.base.percent ? '"%"' : '""';
      const unit = b.step.measure ?? (b.step.percent ? "个百分点" : "");
      o.push(`  const x = ${F};`);
      o.push("  let v = 0;", "  let why;", "  let zero = false;");
      let first = "if";
      if (b.cutoff) {
        const c = b.cutoff;
        o.push(
          `  if (x ${c.direction === "below" ? "<" : ">"} ${c.value.raw}) { ${outcomeAssign(c.outcome, P)} why = "数值 " + kpFormat(x) + ${pct} + ${S(` ${c.direction === "below" ? "低于" : "高于"} ${c.value.text}，${outcomeWord(c.outcome, P)}`)}; }`,
        );
        first = "else if";
      }
      const diff = b.direction === "below" ? `${b.base.raw} - x` : `x - ${b.base.raw}`;
      const dirWord = b.direction === "below" ? "低于" : "超过";
      const stepsExpr =
        b.mode === "proportional"
          ? `kpMulDiv(diff, ${b.amount}, ${b.step.raw})`
          : `kpTimes(${b.amount}, kpSteps(diff, ${b.step.raw}, ${b.mode === "ceil"}))`;
      const stepsText =
        b.mode === "proportional"
          ? `kpFormat(kpDiv(diff, ${b.step.raw}))`
          : `String(kpSteps(diff, ${b.step.raw}, ${b.mode === "ceil"}))`;
      o.push(`  ${first} (${diff} > 0) {`);
      o.push(`    const diff = ${diff};`);
      o.push(`    v = ${stepsExpr};`);
      o.push(
        `    why = ${S(`${dirWord}基准 ${b.base.text} `)} + kpFormat(diff) + ${S(unit ? ` ${unit}` : "")} + "，" + ${stepsText} + ${S(` 档 × ${fmt(b.amount)} = `)} + kpFormat(v)${b.mode === "proportional" ? "" : ` + ${S(b.mode === "floor" ? "（不足一档不计）" : "（不足一档按一档计）")}`};`,
      );
      o.push("  }");
      o.push("  if (v === 0) return 0;");
      finish("v", () => "why", () => `{ [${key}]: kpFormat(x) + ${pct} }`, true);
      break;
    }
    case "shortfall": {
      const noun = b.target.measure ?? "次";
      o.push(`  const x = ${F};`);
      o.push(`  if (!(x < ${b.target.raw})) return 0;`);
      o.push(`  const steps = kpSteps(${b.target.raw} - x, ${b.step.raw}, false);`);
      o.push("  if (steps === 0) return 0;");
      o.push(`  let v = kpTimes(${b.amount}, steps);`);
      finish(
        "v",
        (pre) =>
          `${S(`至少 ${fmt(b.target.raw)} ${noun}，实际 `)} + kpFormat(x) + ${S(` ${noun}，少 `)} + kpFormat(${b.target.raw} - x) + ${S(` ${noun}，`)} + steps + ${S(` 档 × ${fmt(b.amount)} = `)} + kpFormat(${pre})`,
        () => `{ [${key}]: kpFormat(x) }`,
      );
      break;
    }
    case "assessed":
      o.push(`  let v = ${F} || 0;`);
      o.push("  if (v === 0) return 0;");
      finish("v", (pre) => `"评价得分 " + kpFormat(${pre}) + ${S(`（满分 ${fmt(b.max)}）`)}`, (pre) => `{ [${key}]: kpFormat(${pre}) }`);
      break;
    case "rate":
      o.push(`  const x = ${F} || 0;`);
      o.push(`  let v = kpMulDiv(${b.max}, x, 100000000);`);
      o.push("  if (v === 0) return 0;");
      finish("v", (pre) => `"比率 " + kpFormat(x) + ${S(`% × 满分 ${fmt(b.max)} = `)} + kpFormat(${pre})`, () => `{ [${key}]: kpFormat(x) + "%" }`);
      break;
    case "proportional":
    case "ranked": {
      o.push(`  const c = Z.X[${n}][Z.u];`, "  if (!c) return 0;", "  let v = c.a;");
      finish("v", () => "c.x", () => `{ [${key}]: c.f }`);
      break;
    }
    case "discretion":
      o.push(`  let v = ${F} || 0;`, "  if (v === 0) return 0;");
      finish("v", (pre) => `"酌情扣 " + kpFormat(${pre}) + ${S(`（范围 ${fmt(b.min)} 至 ${fmt(b.max)}）`)}`, (pre) => `{ [${key}]: kpFormat(${pre}) }`);
      break;
  }
  o.push("}", "");
}

/** Code setting `v` (and `zero` for 不得分) for an outcome. */
function outcomeAssign(oc: M.OutcomeModel, P: number): string {
  return oc.kind === "zero" ? `v = ${P}; zero = true; Z.zr = true;` : `v = ${oc.amount};`;
}
function outcomeWord(oc: M.OutcomeModel, P: number): string {
  if (oc.kind === "zero") return `不得分（本项 ${fmt(P)} 分全部扣除）`;
  return `${oc.kind === "award" ? "得" : "扣"} ${fmt(oc.amount)}`;
}

/** Cross-unit rules: computed once over all units into X[ruleIndex][unitIndex] = { a, x, f }. */
function emitCross(ctx: Ctx, r: M.RuleModel): void {
  const o = ctx.out;
  const n = ctx.ruleIndex.get(r)!;
  const b = r.body;
  const key = S(r.name);
  const cls = applicableClasses(r);
  o.push(`  { // ${commentText(r.name, 40)}`);
  const cond = cls ? cls.map((list) => `(${list.map((c) => `u.c[${S(c)}]`).join(" || ")})`).join(" && ") : "true";
  o.push(`    const vals = units.map((u) => (${cond}) ? ${fx(ctx, r.name, false, "u")} : undefined);`);
  o.push(`    const res = new Array(units.length);`);
  if (b.kind === "proportional") {
    o.push("    let best = 0;", "    for (const v of vals) if (v !== undefined && v > best) best = v;");
    o.push("    vals.forEach((v, i) => {");
    o.push("      if (v === undefined) return;");
    o.push(`      const a = best === 0 ? 0 : kpMulDiv(${b.max}, v, best);`);
    o.push(`      res[i] = { a, x: kpFormat(v) + " ÷ 最高值 " + kpFormat(best) + ${S(` × 满分 ${fmt(b.max)} = `)} + kpFormat(a), f: kpFormat(v) };`);
    o.push("    });");
  } else if (b.kind === "ranked") {
    // rank = 1 + the number of units strictly better (ties share the better rank), by binary search
    o.push("    const sorted = vals.filter((v) => v !== undefined).sort((p, q) => p - q);");
    o.push("    vals.forEach((v, i) => {");
    o.push("      if (v === undefined) return;");
    o.push("      let lo = 0, hi = sorted.length;");
    if (b.lowerIsBetter) {
      o.push("      while (lo < hi) { const m = (lo + hi) >> 1; if (sorted[m] < v) lo = m + 1; else hi = m; }");
      o.push("      const rank = lo + 1;");
    } else {
      o.push("      while (lo < hi) { const m = (lo + hi) >> 1; if (sorted[m] <= v) lo = m + 1; else hi = m; }");
      o.push("      const rank = sorted.length - lo + 1;");
    }
    o.push(`      const lost = kpTimes(${b.step}, rank - 1);`);
    o.push(`      const a = lost >= ${b.max} ? 0 : ${b.max} - lost;`);
    o.push(`      res[i] = { a, x: "第 " + rank + " 名，后退 " + (rank - 1) + ${S(` 位 × ${fmt(b.step)}，得 ${fmt(b.max)} − `)} + kpFormat(lost) + " = " + kpFormat(a), f: kpFormat(v) };`);
    o.push("    });");
  }
  o.push(`    X[${n}] = res;`);
  o.push("  }");
}

/** A cap group or highest-only group: returns the group's deduction. */
function emitGroup(ctx: Ctx, g: M.GroupModel, name: string, ind: M.IndicatorModel): void {
  const o = ctx.out;
  const id = S(ind.id);
  if (g.kind === "cap") {
    o.push(`// [${commentText(ind.id)}] 合计上限 ${fmt(g.cap ?? 0)}：${commentText(g.rules.map((r) => r.name).join("、"))}`);
    o.push(`function ${name}(Z) {`);
    o.push(`  const d = ${g.rules.map((r) => `r${ctx.ruleIndex.get(r)}(Z)`).join(" + ") || "0"};`);
    o.push(
      `  if (d > ${g.cap}) { if (Z.T) Z.T.push({ i: ${id}, k: "limit", a: d - ${g.cap}, x: "以上合计扣 " + kpFormat(d) + ${S(`，超过合计上限 ${fmt(g.cap ?? 0)}，按 ${fmt(g.cap ?? 0)} 计`)} }); return ${g.cap}; }`,
    );
    o.push("  return d;", "}", "");
    return;
  }
  // 就高: every occurrence is an item (incident id or anonymous); per incident only the largest counts.
  o.push(`// [${commentText(ind.id)}] 就高（按最高标准扣分，不重复扣）：${commentText(g.rules.map((r) => r.name).join("、"))}`);
  o.push(`function ${name}(Z) {`);
  o.push("  let anon = 0;", "  const best = new Map();", "  const hits = new Map();");
  o.push("  const add = (id, a, rule) => {");
  o.push("    if (id === undefined) { anon += a; return; }");
  o.push("    const prev = best.get(id);");
  o.push("    if (prev === undefined || a > prev) best.set(id, a);");
  o.push("    const h = hits.get(id) || [];");
  o.push("    h.push({ rule, a });");
  o.push("    hits.set(id, h);");
  o.push("  };");
  o.push("  let gross = 0;");
  for (const r of g.rules) {
    const b = r.body;
    const key = S(r.name);
    const rid = S(r.name);
    const applies = r.appliesTo ? `(${classCond(r.appliesTo)})` : "true";
    o.push(`  if (${applies}) { // ${commentText(r.name, 40)}`);
    o.push("    let note = \"\";");
    if (b.kind === "per" || b.kind === "once") {
      const isPer = b.kind === "per";
      const F = fx(ctx, r.name);
      o.push(`    let amt = ${amountExpr(b.amount, b.overrides)};`);
      o.push(...multiplierLines(ctx, r, "amt", "amount").map((l) => "  " + l));
      if (isPer) {
        o.push(`    const n = ${F} || 0;`);
        o.push(`    const ids = ${fx(ctx, r.name, true)};`);
        o.push("    if (n > 0) {");
        o.push(`      if (ids) for (const id of ids) add(id, amt, ${rid}); else add(undefined, kpTimes(amt, n), ${rid});`);
        o.push("      const v = kpTimes(amt, n);", "      gross += v;");
        o.push(`      ${traceCall(r, "deduct", "v", `n + ${S((b as { nouns: string[] }).nouns[0]!)} + " × " + kpFormat(amt) + note + " = " + kpFormat(v) + (ids ? "（事件：" + ids.join("、") + "）" : "")`, withFlags(ctx, r, `{ [${key}]: ids || n }`))}`);
        o.push("    }");
      } else {
        o.push(`    if (${F}) {`);
        o.push(`      const ids = ${fx(ctx, r.name, true)};`);
        o.push(`      add(ids ? ids[0] : undefined, amt, ${rid});`);
        o.push("      gross += amt;");
        o.push(`      ${traceCall(r, "deduct", "amt", `"发生，扣 " + kpFormat(amt) + note + (ids ? "（事件：" + ids[0] + "）" : "")`, withFlags(ctx, r, `{ [${key}]: ids ? ids[0] : true }`))}`);
        o.push("    }");
      }
    } else if (b.kind === "categories") {
      o.push("    let v = 0;", "    const parts = [];", "    const used = {};");
      for (const c of b.categories) {
        const k = `${r.name}.${c.name}`;
        o.push(`    { let amt = ${c.amount}; let times = "";`);
        o.push(...multiplierLines(ctx, r, "amt", "amount", "times").map((l) => "    " + l.trimStart()));
        o.push(`      const n = ${fx(ctx, k)} || 0; const ids = ${fx(ctx, k, true)};`);
        o.push(`      if (n > 0) { if (ids) for (const id of ids) add(id, amt, ${rid}); else add(undefined, kpTimes(amt, n), ${rid}); v += kpTimes(amt, n); used[${S(k)}] = ids || n; parts.push(${S(c.name + " ")} + n + ${S(b.noun + " × ")} + kpFormat(amt) + times + (ids ? "（事件：" + ids.join("、") + "）" : "")); } }`);
      }
      o.push("    if (v > 0) {", "      gross += v;");
      o.push(`      ${traceCall(r, "deduct", "v", `parts.join(" + ") + " = " + kpFormat(v) + note`, withFlags(ctx, r, "used"))}`);
      o.push("    }");
    }
    o.push("  }");
  }
  o.push("  let d = anon;");
  o.push("  for (const [id, a] of best) {");
  o.push("    d += a;");
  o.push("    const h = hits.get(id);");
  o.push("    if (Z.T && h.length > 1) {");
  o.push("      const sum = h.reduce((s, x) => s + x.a, 0);");
  o.push(
    `      Z.T.push({ i: ${id}, k: "limit", a: sum - a, x: "事件「" + id + "」同时适用" + h.map((x) => "「" + x.rule + "」" + kpFormat(x.a)).join("、") + "，按最高标准扣 " + kpFormat(a) + "，不重复扣" });`,
  );
  o.push("    }", "  }");
  if (g.cap !== undefined) {
    o.push(
      `  if (d > ${g.cap}) { if (Z.T) Z.T.push({ i: ${id}, k: "limit", a: d - ${g.cap}, x: "就高后合计扣 " + kpFormat(d) + ${S(`，超过上限 ${fmt(g.cap)}，按 ${fmt(g.cap)} 计`)} }); d = ${g.cap}; }`,
    );
  }
  o.push("  return d;", "}", "");
}

function emitIndicator(ctx: Ctx, ind: M.IndicatorModel, groupName: Map<M.GroupModel, string>): void {
  const o = ctx.out;
  const n = ctx.indIndex.get(ind)!;
  const id = S(ind.id);
  const P = ind.points;
  const subtree: number[] = [];
  const subtreePoints: [number, number][] = [];
  const walk = (i: M.IndicatorModel) => {
    subtree.push(ctx.indIndex.get(i)!);
    subtreePoints.push([ctx.indIndex.get(i)!, i.points]);
    i.children.forEach(walk);
  };
  walk(ind);
  o.push(`// [${commentText(ind.id)}] ${commentText(ind.name)}（${fmt(P)} 分）`);
  o.push(`function i${n}(Z) {`);
  if (ind.appliesTo) {
    o.push(`  if (!(${classCond(ind.appliesTo)})) {`);
    // not applicable: this indicator and everything under it count at full points
    o.push(`    ${subtreePoints.map(([k, p]) => `Z.S[${k}] = ${p}; Z.K[${k}] = 0;`).join(" ")}`);
    o.push(`    if (Z.T) Z.T.push({ i: ${id}, k: "note", a: 0, x: ${S(`本项只适用于${ind.appliesTo.join("、")}，本单位不适用，按满分 ${fmt(P)} 计`)} });`);
    o.push("    return;", "  }");
  }
  if (ind.refer) {
    o.push(`  if (Z.c[${S(ind.refer.unitClass)}] && !Z.ref) {`);
    o.push(`    const ref = Z.R[${S(ind.refer.unit)}];`);
    o.push(`    const Y = { F: ref.F, c: ref.c, T: null, S: new Array(INDICATOR_COUNT), K: new Array(INDICATOR_COUNT), V: [], X: Z.X, R: Z.R, u: ref.index, ref: true, zr: false };`);
    o.push(`    i${n}(Y);`);
    o.push(`    ${subtree.map((k) => `Z.S[${k}] = Y.S[${k}]; Z.K[${k}] = Y.K[${k}];`).join(" ")}`);
    o.push(
      `    if (Z.T) Z.T.push({ i: ${id}, k: "note", a: 0, x: ${S(`${ind.refer.unitClass}本项得分以「${ind.refer.unit}」得分为准：`)} + kpFormat(Y.S[${n}]) });`,
    );
    o.push("    return;", "  }");
  }
  o.push("  let pos = 0;", "  let d = 0;", "  let o = 0;");
  for (const c of ind.children) {
    const k = ctx.indIndex.get(c)!;
    o.push(`  i${k}(Z); pos += Z.S[${k}]; o += Z.K[${k}];`);
  }
  // Z.zr: one of this indicator's own rules ended in 不得分 (set by the rule, whatever group caps
  // its deduction): the indicator scores 0.
  o.push("  Z.zr = false;");
  const emitted = new Set<M.GroupModel>();
  for (const r of ind.rules) {
    if (r.group) {
      if (!emitted.has(r.group)) {
        emitted.add(r.group);
        o.push(`  d += ${groupName.get(r.group)}(Z);`);
      }
      continue;
    }
    const call = `r${ctx.ruleIndex.get(r)}(Z)`;
    if (r.effect === "veto") o.push(`  ${call};`);
    else if (r.effect === "award") o.push(`  pos += ${call};`);
    else if (r.overdraft) o.push(`  o += ${call};`);
    else o.push(`  d += ${call};`);
  }
  const positive = ind.children.length > 0 || ind.rules.some((r) => r.effect === "award");
  o.push(`  const base = ${positive ? "pos" : P};`);
  o.push("  let s = base - d;");
  o.push(
    `  if (s < 0) { if (Z.T) Z.T.push({ i: ${id}, k: "limit", a: -s, x: "扣分合计 " + kpFormat(d) + " 超过本项可扣的 " + kpFormat(base) + "，扣完为止" }); s = 0; }`,
  );
  if (positive)
    o.push(`  if (s > ${P}) { if (Z.T) Z.T.push({ i: ${id}, k: "limit", a: s - ${P}, x: "得分 " + kpFormat(s) + ${S(` 超过本项分值 ${fmt(P)}，按 ${fmt(P)} 计`)} }); s = ${P}; }`);
  o.push(`  if (Z.zr && s > 0) { if (Z.T) Z.T.push({ i: ${id}, k: "note", a: s, x: "有规则「不得分」：本项得 0 分" }); s = 0; }`);
  o.push("  Z.zr = false;");
  o.push("  s -= o;", "  let k = 0;");
  o.push(`  if (s < 0) { k = -s; s = 0; if (Z.T) Z.T.push({ i: ${id}, k: "note", a: k, x: "倒扣超出本项分值 " + kpFormat(k) + "，从上级扣除" }); }`);
  o.push(`  Z.S[${n}] = s;`, `  Z.K[${n}] = k;`, "}", "");
}

function emitSection(ctx: Ctx, s: M.SectionModel, name: string): void {
  const o = ctx.out;
  const id = S(s.id);
  o.push(`// ${s.kind === "bonus" ? "加分" : "减分"}「${commentText(s.name)}」`);
  o.push(`function ${name}(Z) {`);
  o.push(`  let v = ${s.rules.filter((r) => r.effect !== "veto").map((r) => `r${ctx.ruleIndex.get(r)}(Z)`).join(" + ") || "0"};`);
  for (const r of s.rules.filter((x) => x.effect === "veto")) o.push(`  r${ctx.ruleIndex.get(r)}(Z);`);
  if (s.cap !== undefined)
    o.push(
      `  if (v > ${s.cap}) { if (Z.T) Z.T.push({ i: ${id}, k: "limit", a: v - ${s.cap}, x: ${S(`${s.kind === "bonus" ? "加分" : "减分"}合计 `)} + kpFormat(v) + ${S(`，超过上限 ${fmt(s.cap)}，按 ${fmt(s.cap)} 计`)} }); v = ${s.cap}; }`,
    );
  o.push("  return v;", "}", "");
}

// ==================================================================== public API (fixed text)

const PUBLIC_API = String.raw`// ---------------------------------------------------------------- 对外接口

/** 事实有误时抛出；errors 列出全部问题。 */
export class KpFactsError extends Error {
  constructor(errors) {
    super(errors.map((e) => e.code + " " + e.message).join("\n"));
    this.name = "KpFactsError";
    this.errors = errors;
  }
}

/** 检查各单位的事实，返回发现的全部问题（没有问题时为空数组）。 */
export function checkFacts(units) {
  const read = kpReadUnits(FACTS, CLASSES, RULE_NAMES, units);
  return read.errors.concat(referErrors(read.units));
}

function referErrors(units) {
  const names = new Set(units.map((u) => u.name));
  const errors = [];
  for (const r of REFERS) {
    if (names.has(r.unit)) continue;
    if (units.some((u) => u.c[r.unitClass])) errors.push({ code: "KP4011", message: "指标「" + r.name + "」（" + r.indicator + "）规定「" + r.unitClass + "」以单位「" + r.unit + "」的得分为准，但事实文件中没有这个单位" });
  }
  return errors;
}

function indicatorTree(list, S) {
  return list.map((m, n) => {
    const score = S.get(m.id);
    return { id: m.id, name: m.name, points: m.points, score: kpFormat(score), lost: kpFormat(kpParse(m.points) - score), children: indicatorTree(m.children, S) };
  });
}

const INDICATOR_IDS = [];
(function order(list) { for (const m of list) { INDICATOR_IDS.push(m.id); order(m.children); } })(catalogue.indicators);

function gradeOf(r, rank, count) {
  const fail = r.V.some((v) => v.level === "fail");
  const noTop = r.V.some((v) => v.level === "noExcellent");
  if (GRADES.length === 0) return null;
  if (fail) return GRADES[GRADES.length - 1].name;
  for (let g = 0; g < GRADES.length; g++) {
    const grade = GRADES[g];
    if (g === 0 && noTop && GRADES.length > 1) continue;
    if (grade.otherwise) return grade.name;
    let ok = true;
    for (const c of grade.conditions) {
      if (c.kind === "score") ok = ok && (c.op === ">" ? r.rounded > c.value : r.rounded >= c.value);
      else if (c.percent) {
        // 前 N%: rank ≤ floor(count × N / 100); c.value is N in millionths
        const p = count * c.value;
        ok = ok && rank <= (p - (p % 100000000)) / 100000000;
      }
      else ok = ok && rank <= c.value / 1000000;
    }
    if (ok) return grade.name;
  }
  return null;
}

/**
 * 为全部单位计分并排名。
 * units：[{ name, classes?, facts }]；options.detail（默认 true）给出各指标得分，options.trace 给出每项扣分、得分的计算过程。
 * 事实有误时抛出 KpFactsError。
 */
export function scoreAll(units, options) {
  const detail = !options || options.detail !== false;
  const trace = !!(options && options.trace);
  const read = kpReadUnits(FACTS, CLASSES, RULE_NAMES, units);
  const errors = read.errors.concat(referErrors(read.units));
  if (errors.length > 0) throw new KpFactsError(errors);
  const list = read.units;
  const R = Object.create(null);
  list.forEach((u, i) => { u.index = i; R[u.name] = u; });
  const X = crossUnit(list);
  const runs = list.map((u, i) => {
    try {
      return runUnit(u, i, X, R, trace);
    } catch (e) {
      if (e instanceof RangeError && e.message === "KP4018")
        throw new KpFactsError([{ code: "KP4018", message: "计算单位「" + u.name + "」的得分时数值超出可精确计算的范围，请检查事实中过大的数", unit: u.name }]);
      throw e;
    }
  });
  const order = runs.slice().sort((a, b) => b.rounded - a.rounded || (a.unit.name < b.unit.name ? -1 : a.unit.name > b.unit.name ? 1 : 0));
  const results = [];
  let rank = 0;
  order.forEach((r, i) => {
    if (i === 0 || r.rounded !== order[i - 1].rounded) rank = i + 1;
    const res = {
      unit: r.unit.name,
      classes: r.unit.classes,
      total: ROUNDING < 0 ? kpFormat(r.rounded) : kpFixed(r.rounded, ROUNDING),
      exactTotal: kpFormat(r.total),
      rank,
      grade: gradeOf(r, rank, order.length),
      vetoes: r.V.map((v) => ({ rule: v.rule, level: v.level, clause: catalogue.rules[v.rule].clause })),
    };
    if (detail) {
      const S = new Map();
      INDICATOR_IDS.forEach((id, n) => S.set(id, r.S[n]));
      res.indicators = indicatorTree(catalogue.indicators, S);
      res.bonus = kpFormat(r.bonus);
      res.penalty = kpFormat(r.penalty);
    }
    if (trace) {
      res.trace = r.T.map((t) => {
        const e = { indicator: t.i, kind: t.k, amount: kpFormat(t.a), text: t.x };
        if (t.r !== undefined) { e.rule = t.r; e.clause = catalogue.rules[t.r].clause; }
        if (t.f !== undefined) e.facts = t.f;
        return e;
      });
    }
    results.push(res);
  });
  return results;
}

/** 为一个单位计分（peers：需要比较的全部单位，用于排名、比例与参照；缺省时只与自身比较）。 */
export function scoreUnit(unit, options) {
  const peers = options && options.peers ? options.peers.filter((p) => p && p.name !== unit.name).concat([unit]) : [unit];
  const all = scoreAll(peers, options);
  return all.find((r) => r.unit === String(unit.name).trim());
}
`;
