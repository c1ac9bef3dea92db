/**
 * An indicator's block: what it makes of its children's scores and its rules' values, said once.  The
 * children's scores (less the part above their points) and the awards make the base — or, with
 * neither, the points —; the deductions come off it, clamped at 0 (扣完为止) and, when the base is
 * summed, at the points; a rule's 不得分 makes it 0; a two-sided rule's part above the points is added
 * after the clamp; 倒扣 (its own and its children's carry) comes off last, what goes below 0 carried to
 * the parent.  Each step's trace note is data here (text parts over the printer's names: the sum of
 * deductions `D`, the base `BASE`, the score so far `SCORE`, the part above `ABOVE`, the carry
 * `CARRY`, the points `POINTS`).
 *
 * ir/lower.ts folds it into the SQL steps (`indicatorValue`); compile/emit-js/indicators.ts prints it
 * as the middle of i<n>(Z).  Its 适用 is data here too (`applies`: the classes, the subtree counted at
 * full points where the unit has none of them, the note): emitIndicator prints it as i<n>(Z)'s first
 * branch, lower.ts takes the indicator's own applicability from it (`appliesWhen`).  So is its 参照
 * (`refers`: in order, who takes each — `takerCond` — where from, its note; the subtree it replaces):
 * emitIndicator prints each as a branch before the score (Y.ref, kpPoolScores), lower.ts folds the
 * same takers and subtree into its REFERS (a 参照 to one unit: the subtree lowered a second time).
 */
import type * as M from "../model.js";
import { classes, fmt, lit, type BlockNames } from "./block-builder.js";
import { ownerTerms, type Term } from "./owner-block.js";
import type { Text } from "./rule-block.js";
import type { Cond, Expr } from "./types.js";
import { add, c, iff, max, min, ref, sub, sum } from "./expr.js";

export const D = "d";
export const BASE = "base";
export const SCORE = "s";
export const ABOVE = "e";
export const CARRY = "k";
export const POINTS = "P";
/** The score of the unit a 参照 names (in its note). */
export const REFERRED = "y";

export interface IndicatorBlock {
  /** The children, as written, and whether each may score above its points (a two-sided rule below). */
  children: { ind: M.IndicatorModel; above: boolean }[];
  /** The indicator's rules as terms (owner-block.ts: a group once, each rule by its booking). */
  terms: Term[];
  /** The base is what is booked positive (children, awards), clamped at the points; else the points. */
  summed: boolean;
  /** A two-sided rule here or below: the part above the points is kept apart and added after the clamp. */
  above: boolean;
  /**
   * Its 适用 (absent: it applies to every unit): the classes it applies to; a unit with none of them
   * scores it and every indicator under it (`full`: the subtree, itself first, depth first) at full
   * points, no 倒扣, no part above, with the note.
   */
  applies?: { classes: readonly string[]; note: Text[] };
  /** The indicator and every indicator under it, depth first (what 适用 and 参照 set). */
  subtree: M.IndicatorModel[];
  /**
   * Its 参照, in order (a unit takes the first whose taker it is): the taker (a class, or the
   * 未涉及 fact), the source, and the note (to a unit: its score `REFERRED`; to a pool: the pool's
   * scores follow, listed by the runtime).
   */
  refers: { ref: M.ReferModel; note: Text[] }[];
  notes: {
    /** 扣完为止: the deductions exceed the base (amount: the part below 0). */
    exhausted: Text[];
    /** The summed base exceeds the points (amount: the part over). */
    overPoints: Text[];
    /** A rule ended in 不得分 (amount: the score dropped). */
    zero: Text[];
    /** The part above the points added (amount: that part). */
    aboveAdded: Text[];
    /** 倒扣 beyond the score, carried to the parent (amount: the carry). */
    carried: Text[];
  };
}

const dec = (name: string): Text => ({ k: "dec", e: ref(name) });

/** Whether a two-sided linear rule in the indicator or below it may lift a score above points. */
export function hasAbove(ind: M.IndicatorModel): boolean {
  return ind.rules.some((r) => r.body.kind === "linear" && r.body.other !== undefined) || ind.children.some(hasAbove);
}

export function indicatorBlock(ind: M.IndicatorModel): IndicatorBlock {
  // the points in a note: as a number, or (differing by class) the unit's
  const points = (before: string, after: string): Text[] => (ind.classPoints ? [lit(before), dec(POINTS), lit(after)] : [lit(`${before}${fmt(ind.points)}${after}`)]);
  const overPoints = ind.classPoints ? [lit("得分 "), dec(SCORE), lit(" 超过本项分值 "), dec(POINTS), lit("，按 "), dec(POINTS), lit(" 计")] : [lit("得分 "), dec(SCORE), lit(` 超过本项分值 ${fmt(ind.points)}，按 ${fmt(ind.points)} 计`)];
  const full: M.IndicatorModel[] = [];
  const walk = (i: M.IndicatorModel): void => {
    full.push(i);
    i.children.forEach(walk);
  };
  walk(ind);
  return {
    subtree: full,
    refers: ind.refers.map((ref) => ({ ref, note: referNote(ref) })),
    ...(ind.appliesTo ? { applies: { classes: ind.appliesTo, note: points(`本项只适用于${ind.appliesTo.join("、")}，本单位不适用，按满分 `, " 计") } } : {}),
    children: ind.children.map((ch) => ({ ind: ch, above: hasAbove(ch) })),
    terms: ownerTerms(ind.rules),
    // (a 否则 is an award rule: its base is summed too)
    summed: ind.children.length > 0 || ind.rules.some((r) => r.effect === "award"),
    above: hasAbove(ind),
    notes: {
      exhausted: [lit("扣分合计 "), dec(D), lit(" 超过本项可扣的 "), dec(BASE), lit("，扣完为止")],
      overPoints,
      zero: [lit("有规则「不得分」：本项得 0 分")],
      aboveAdded: [...points("高于基准的加分可超出本项分值 ", "："), dec(SCORE), lit(" + "), dec(ABOVE), lit(" = "), { k: "dec", e: { k: "add", a: ref(SCORE), b: ref(ABOVE) } }],
      carried: [lit("倒扣超出本项分值 "), dec(CARRY), lit("，从上级扣除")],
    },
  };
}

/** A 参照's note: who takes it and what its score is taken as. */
function referNote(ref: M.ReferModel): Text[] {
  const who = ref.taker.kind === "class" ? ref.taker.unitClass : "本单位未涉及本项，";
  if (ref.source.kind === "unit") return [lit(`${who}本项得分以「${ref.source.unit}」得分为准：`), dec(REFERRED)];
  const pool = ref.source.pool === "class" ? `「${ref.source.unitClass}」各单位` : ref.source.pool === "same" ? "同类单位" : "各单位";
  const word = { average: "平均分", max: "最高分", min: "最低分" }[ref.source.aggregate];
  return [lit(`${who}本项得分以${pool}的${word}为准：`)];
}

/** The units taking a 参照 (its class, or its 未涉及 fact), not looking at applicability. */
export function takerCond(names: Pick<BlockNames, "param" | "col">, ref: M.ReferModel): Cond {
  return ref.taker.kind === "class" ? classes(names, [ref.taker.unitClass]) : { k: "flag", col: names.col(ref.taker.key, "flag") };
}

/** The units the indicator itself applies to (its 适用; not its ancestors'): `true` without one. */
export function appliesWhen(names: Pick<BlockNames, "param">, b: IndicatorBlock): Cond {
  return b.applies ? classes(names, b.applies.classes) : { k: "true" };
}

/** A child's parts for the fold: its score, its carry and (with `above`) its part above its points. */
export interface ChildParts {
  s: Expr;
  k: Expr;
  e?: Expr;
}

/**
 * The indicator's score before its carry is split off (SQL: ≥ 0 the score, < 0 the carry): the
 * children (as lowered, in the order given), each term's expression from `term` (called in source
 * order; a veto's is not read), the points and when a rule ended in 不得分 (both asked after the terms), and
 * `aboveStep` naming the part above the points (a step of its own).
 */
export function indicatorValue(
  b: IndicatorBlock,
  x: { children: ChildParts[]; term: (t: Term) => Expr; points: () => Expr; zero: () => Cond | undefined; aboveStep: (e: Expr) => Expr },
): Expr {
  const pos: Expr[] = x.children.map((ch) => (ch.e ? sub(ch.s, ch.e) : ch.s));
  const above: Expr[] = x.children.flatMap((ch) => (ch.e ? [ch.e] : []));
  const over: Expr[] = x.children.map((ch) => ch.k);
  const ded: Expr[] = [];
  const tpos: Expr[] = [];
  const tabove: Expr[] = [];
  const tover: Expr[] = [];
  for (const t of b.terms) {
    const e = x.term(t);
    if (t.k === "group") {
      ded.push(e);
      continue;
    }
    const positive = max(e, c(0));
    const negative = max(sub(c(0), e), c(0));
    switch (t.as.k) {
      case "veto":
        break;
      case "signed":
        tpos.push(positive);
        (t.as.over ? tover : ded).push(negative);
        break;
      case "twoSided":
        tabove.push(positive);
        ded.push(negative);
        break;
      case "award":
        tpos.push(e);
        break;
      case "overdraft":
        tover.push(e);
        break;
      case "deduct":
        ded.push(e);
    }
  }
  const P = x.points();
  let s: Expr = max(sub(b.summed ? sum([...pos, ...tpos]) : P, sum(ded)), c(0));
  if (b.summed) s = min(s, P);
  const zr = x.zero();
  if (b.above) {
    const e = sum([...above, ...tabove]);
    s = add(zr ? iff(zr, c(0), s) : s, x.aboveStep(zr ? iff(zr, c(0), e) : e));
  } else if (zr) s = iff(zr, c(0), s);
  return sub(s, sum([...over, ...tover]));
}

