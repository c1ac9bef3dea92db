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
import type * as M from "../../model.js";
import { MODULE_PARTS_JS, RUNTIME_JS } from "../../runtime/generated.js";
import { commentText, jsValue } from "../js-literals.js";
import { totalBlock, TOTAL, UNSCALED } from "../../ir/total-block.js";
import { hasAbove, type Ctx } from "./context.js";
import { JsNames, Printer } from "./from-ir.js";
import { emitComputedRank, emitCross } from "./cross.js";
import { emitGroup } from "./groups.js";
import { emitIndicator, emitSection } from "./indicators.js";
import { emitRule } from "./rules.js";
import { catalogueMeta, factSpecs, referTable } from "./tables.js";

/** Options of {@link emitJs}. */
export interface EmitOptions {
  /** Tool version written in the header. */
  version?: string;
  /** Source file names written in the header (relative paths, for determinism). */
  sources?: string[];
}

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
  o.push(`const ROUNDING = ${totalBlock(cat).rounding};`);
  o.push(`const CLASSES = ${jsValue(cat.classes)};`);
  o.push(`const RULE_NAMES = ${jsValue(Object.fromEntries(cat.rules.map((r) => [r.name, true])))};`);
  o.push("/** 事实：FACTS[i] 的值在 Z.F[2i]，事件编号在 Z.F[2i + 1]。 */");
  o.push(`const FACTS = ${jsValue(specs)};`);
  o.push(`const GRADES = ${jsValue(cat.grades.map((g) => ({ name: g.name, otherwise: g.otherwise, conditions: g.conditions })))};`);
  o.push(`const INDICATOR_COUNT = ${allIndicators.length};`);
  const refers = referTable(ctx, cat, allIndicators);
  o.push(`const REFERS = ${refers.text};`, "");
  const needsUnits = refers.pools || cat.rules.some((r) => r.body.kind === "ranked" && r.body.by.kind !== "fact");
  if (refers.pools) o.push(MODULE_PARTS_JS.pool, "");

  // ------------------------------------------------------------ rules
  o.push("// ---------------------------------------------------------------- 规则（返回扣分或得分）");
  for (const r of cat.rules) {
    if (r.group?.kind === "highest") continue; // emitted inside their group
    emitRule(ctx, r);
  }

  // ------------------------------------------------------------ cross-unit
  const cross = cat.rules.filter((r) => r.crossUnit);
  o.push("// ---------------------------------------------------------------- 需要全部单位的规则（排名、比例）");
  // Rules on facts (ranking by a fact, proportion, average/median base) keep only compact values
  // across units: crossStart/crossSee/crossEnd gather them unit by unit (scoreAll over all units,
  // createScorer in a first pass over the facts); each rule's function reads what it needs from them.
  o.push("function crossUnit(units) {", "  const X = crossStart();");
  if (needsUnits) o.push("  X.L = units; // 全部单位：参照平均分、按计算得分排名时用", "  X.M = new Map(); // 参照平均分的缓存");
  o.push("  for (const u of units) crossSee(X, u);", "  crossEnd(X);", "  return X;", "}", "");
  const onFacts = cross.filter((r) => r.body.kind !== "ranked" || r.body.by.kind === "fact");
  emitCross(ctx, onFacts, cross.some((r) => r.body.kind === "ranked"));

  // ------------------------------------------------------------ groups and indicators
  o.push("// ---------------------------------------------------------------- 指标（得分写入 Z.S，倒扣超出部分写入 Z.K）");
  let groupNo = 0;
  const groupName = new Map<M.GroupModel, string>();
  // 择一 groups need no function: their rules are scored as separate rules (the facts reader lets
  // only one of them happen, KP4060).
  for (const owner of [...allIndicators, ...cat.bonuses, ...cat.penalties]) {
    for (const g of owner.groups) {
      if (g.kind === "choice") continue;
      const gn = `g${++groupNo}`;
      groupName.set(g, gn);
      emitGroup(ctx, g, gn, owner);
    }
  }
  for (const ind of [...allIndicators].reverse()) emitIndicator(ctx, ind, groupName, refers.index);
  for (const r of cross) if (r.body.kind === "ranked" && r.body.by.kind !== "fact") emitComputedRank(ctx, r, cat);
  cat.bonuses.forEach((s, n) => emitSection(ctx, s, `b${n + 1}`, groupName));
  cat.penalties.forEach((s, n) => emitSection(ctx, s, `p${n + 1}`, groupName));

  // ------------------------------------------------------------ unit
  o.push("// ---------------------------------------------------------------- 单个单位");
  o.push("function runUnit(unit, u, X, R, trace) {");
  // Z.P: points of the indicators whose points differ by class, for this unit (others: their points)
  const anyAbove = cat.indicators.some(hasAbove);
  o.push(`  const Z = { F: unit.F, c: unit.c, T: trace ? [] : null, S: new Array(INDICATOR_COUNT), K: new Array(INDICATOR_COUNT), ${anyAbove ? "E: new Array(INDICATOR_COUNT), " : ""}V: [], X, R, u, ref: false, zr: false, P: [] };`);
  // the total, printed from its block (ir/total-block.ts)
  const tb = totalBlock(cat);
  const tops = tb.tops.map((i) => ctx.indIndex.get(i)!);
  for (const t of tops) o.push(`  i${t}(Z);`);
  o.push(`  let base = ${tops.map((t) => `Z.S[${t}]`).join(" + ") || "0"};`);
  o.push(`  const carry = ${tops.map((t) => `Z.K[${t}]`).join(" + ") || "0"};`);
  o.push(`  const bonus = ${Array.from({ length: tb.bonuses }, (_, n) => `b${n + 1}(Z)`).join(" + ") || "0"};`);
  o.push(`  const penalty = ${Array.from({ length: tb.penalties }, (_, n) => `p${n + 1}(Z)`).join(" + ") || "0"};`);
  if (tb.rescale) {
    const p = new Printer(ctx, new JsNames(), { best: "", sorted: "" });
    o.push(`  const ${UNSCALED} = base - carry + bonus - penalty;`);
    o.push(`  const ${TOTAL} = kpMulDiv(${UNSCALED}, ${tb.rescale.to}, ${tb.rescale.from});`);
    o.push(`  if (Z.T) Z.T.push({ i: "", k: "note", a: ${TOTAL}, x: ${p.text(tb.rescale.note)} });`);
  } else o.push(`  const ${TOTAL} = base - carry + bonus - penalty;`);
  o.push('  if (!Number.isSafeInteger(total)) throw new RangeError("KP4018");');
  o.push("  return { unit, total, rounded: ROUNDING < 0 ? total : kpRound(total, ROUNDING), base, carry, bonus, penalty, S: Z.S, P: Z.P, V: Z.V, T: Z.T };");
  o.push("}", "");

  const scoreChecks = cat.rules.some((r) => r.waivers.some((w) => w.mode === "reduce"));
  if (scoreChecks) o.push(MODULE_PARTS_JS.unitName, "");
  o.push("// ---------------------------------------------------------------- 对外接口", "");
  o.push(MODULE_PARTS_JS.api, "", scoreChecks ? MODULE_PARTS_JS.checkFactsScoring : MODULE_PARTS_JS.checkFacts, "");
  // One unit at a time (kp score on large files): catalogues whose units need no other unit but the
  // one a 参照 names; the others score with scoreAll.
  // Rules on facts across units (ranking by a fact, proportion, average/median) take a first pass
  // over the facts (createScorer's survey); rankings by a computed score and pools need whole units.
  const computedRanks = cross.some((r) => r.body.kind === "ranked" && r.body.by.kind !== "fact");
  o.push(`const STREAMABLE = ${!computedRanks && !refers.pools};`, `const PASSES = ${onFacts.length > 0 ? 2 : 1};`, "", MODULE_PARTS_JS.compact, "", MODULE_PARTS_JS.scorer);
  return o.join("\n") + "\n";
}
