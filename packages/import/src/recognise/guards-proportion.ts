// Guards on a finished reading (session 25, helper ratio): scoring in proportion. `按比率 得分` without 满分 takes
// the item's points as the full marks, which 语言参考 §5.8 allows only for the item's one rule (KP2018 otherwise):
// on a clause known to have other clauses in its item, the full marks are not said — a to-do, never a catalogue
// `kp check` refuses. (patterns/proportion.ts writes 满分 itself where the other clauses settle it.)
import type { Guard } from "./guards.js";

/** The clause is known not to be its item's only one (kp import gives `alone` and the cell's other clauses). */
const notAlone = (ctx: { alone?: boolean; siblings?: readonly string[] }): boolean =>
  ctx.alone === false ? true : ctx.alone === undefined && ctx.siblings !== undefined && ctx.siblings.length > 0;

export const GUARDS_PROPORTION: readonly Guard[] = [
  {
    name: "share-full-marks",
    since: 25,
    check: (_t, bodies, ctx) =>
      ctx.section === null && bodies.some((b) => /^按比率 得分$/.test(b)) && notAlone(ctx)
        ? "条文按比率得分而没有写明满分；本项另有其他条文，满分不一定是本项分值，未能确定"
        : undefined,
  },
];
