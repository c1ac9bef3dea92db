// Words of the accounting check's vocabulary that a clause uses in the condition of a row rather than in its
// scoring (session 28, issue 13: the check's false refusals on the eighteenth set). Each is a class a reader can
// state in one sentence; the vocabulary (accounting-vocabulary.ts) asks these before it refuses.
//   reported object     「按规定上报监察监测系数,得1分」: a 系数/权重 right after a verb of reporting (上报, 报送, 填报 …)
//                       with no 按/乘/×/折/以 between is the thing reported, not a conversion of the score (hbjp-25/26)
//   compared per thing  「国控断面水质较去年下降1个类别及以上的,每个断面扣2分」: a comparison whose part names the thing
//                       the reading counts, and a count step that is no change (每个断面, 每实现1个断面升类 — not
//                       每增加/每低于/每少), is each counted thing's condition, not a base of the score (zs22-02/04);
//                       「比上年每增加1件」「每低于目标值1天」 and a comparison in the count step's own part stay refused
import type { ReadingFeatures } from "./reading-features.js";

/** A verb of reporting, then the object's words up to the word (no word of converting between). */
const REPORTED_BEFORE = /(?:上报|报送|填报|报告|提交|上传|录入|核报|报备)[^,;。按乘×*以折计得扣]{0,10}$/;

/** The part of the clause around an offset, [start, end) (accounting-vocabulary.ts `partAround`). */
export type Part = readonly [number, number];

/** Whether the word at `at` (its text `w`, in the part `[start, end)`) is the object a verb of reporting names (「上报监察监测系数」). */
export function reportedObject(t: string, at: number, w: string, [start, end]: Part): boolean {
  // the object ends its part, or a list of objects goes on (「系数和报表」)
  const after = t.slice(at + w.length, end);
  return REPORTED_BEFORE.test(t.slice(start, at)) && /^(?:$|的?(?:和|及|、|等|数据|表))/.test(after);
}

/** After 每: a change of a quantity (每增加, 每低于, 每少, 每提高 …) — the count step is the comparison's own. */
const CHANGE_STEP = /^(?:增加|增长|新增|减少|降低|下降|提高|提升|上升|低于|高于|超过|超出|多|少|低|高|超|增|减|降|升|落后|差)/;

/** 每, what is done (实现, 发现 …), how many and the measure word, then the thing counted up to its condition's end. */
const COUNT_STEP = /每(?:实现|发现|有|出现|完成)?(?:\d+|[一两二三四五六七八九十]+)?(?:个|项|处|家|所|座|条|件|名|户|宗|例)?([\u4e00-\u9fa5]+)/g;

/** The stop words after the thing counted: its condition or the score. */
const THING_END = /的|扣|得|加|减|计|记|并|且|或|和|及|不|未|无|被|均|都/;

/**
 * Whether a comparison in the part `[start, end)` (a match of the vocabulary's `compared`) is the condition of each thing a counted
 * reading counts: the clause's count steps are no change, and the part of the comparison names the thing counted.
 */
export function comparedPerThing(t: string, [start, end]: Part, f: ReadingFeatures): boolean {
  if (!f.counted) return false;
  const things: string[] = [];
  for (const m of t.matchAll(COUNT_STEP)) {
    if (CHANGE_STEP.test(t.slice(m.index! + 1))) return false;
    const run = m[1]!;
    const stop = THING_END.exec(run);
    const thing = stop === null ? run : run.slice(0, stop.index);
    if (thing.length >= 2) things.push(thing);
  }
  if (things.length === 0) return false;
  const part = t.slice(start, end);
  // a comparison in the part of a count step (「比上年每个村增加1户」) may be the step's own: left refused
  if (part.includes("每")) return false;
  return things.some((thing) => [...thing].slice(0, -1).some((_c, i) => part.includes(thing.slice(i, i + 2))));
}
