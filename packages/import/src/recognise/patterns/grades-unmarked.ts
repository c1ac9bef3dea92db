// Grades written without 评为 (session 25, helper s25-tune15): the clause names what is judged once, then each
// grade with its points, the last one scoring nothing (pattern 29, 语言参考 §5.9):
//   「稻田开沟排水较好的计5分,一般的计3分,差的不计分」          → 评为 「较好」、「一般」、「差」 分别得 5、3、0
//   「完成…任务且质量较好的计10分,质量一般的计5分,质量差的计3分,未办点的不计分」
//                                   → 评为 「质量较好」、「质量一般」、「质量差」、「未办点」 分别得 10、5、3、0
// grades.ts reads a grade only after 评为/为/是 or at the start of a part, and takes 不得分 but not 不计分 as a
// grade's nothing: a first grade after the thing judged (「…排水较好的」) and 不计分 left such a list to the count
// pattern, which refused it (「条文既有分值又有不得分」). Only a list of at least three parts, every part one grade
// (the first after the thing judged, the others alone or after the same short noun: 「质量一般」) with its points
// falling, the last may be a task not done (「未办点的」) scoring nothing; anything else is left to the other
// patterns (a count, a bound, two amounts in a part, rising points, a part that is no grade).
import { decimalCompare } from "../../decimal.js";
import { NUM, numberText, rxt } from "../normalise.js";
import { reading, type Pattern } from "../reading.js";

/** The grade words such lists use (single-character 优/良/中 are left out: 「集中」「优化」 are no grades). */
const GRADE = "优秀|良好|较好|好|一般|较差|差|合格|基本合格|不合格";
/** A part with its points: 「…较好的计5分」. */
const SCORED = rxt`^(.*?)(${GRADE})(?:的)?,?(?:计|得|记)${NUM}分$`;
/** A part scoring nothing: 「差的不计分」「未办点的不计分」. */
const NOTHING = rxt`^(.*?)(${GRADE}|未[^,;。\\d]{1,6}?)(?:的)?,?(?:不计分|不得分|不记分|计0分|得0分)$`;

export const gradesUnmarked: Pattern = (t) => {
  if (/\d|每|扣|减|以上|以下|评为|分别/.test(t.replace(/\d+(?:\.\d+)?分/g, ""))) return undefined;
  const parts = t.replace(/[。;]$/, "").split(/[,;]/);
  if (parts.length < 3) return undefined;
  const names: string[] = [];
  const values: string[] = [];
  const used: string[] = [];
  let noun: string | undefined;
  for (const [i, p] of parts.entries()) {
    const last = i === parts.length - 1;
    const s = SCORED.exec(p);
    const z = last && !s ? NOTHING.exec(p) : null;
    const m = s ?? z;
    if (!m) return undefined;
    const [, head, grade] = m;
    // the thing judged is named once, before the first grade; later parts stand alone or repeat a short noun
    if (i > 0 && !/^未/.test(grade!)) {
      if (head!.length > 4 || (noun !== undefined && head !== noun)) return undefined;
      noun = head;
    }
    if (i === 0 && /未|不|没有/.test(head!.slice(-2))) return undefined;
    const name = i === 0 ? grade! : `${head!}${grade!}`;
    names.push(name);
    if (s) {
      const v = numberText(s[3]!);
      if (v === undefined) return undefined;
      values.push(v);
      used.push(v);
    } else values.push("0");
  }
  // the first grade named with the noun the later parts repeat (「…且质量较好的」 beside 「质量一般的」: 「质量较好」)
  const first = SCORED.exec(parts[0]!)!;
  if (noun && first[1]!.endsWith(noun)) names[0] = `${noun}${names[0]!}`;
  // points falling from the first grade to the last, never two the same
  for (let i = 1; i < values.length; i++) if (decimalCompare(values[i]!, values[i - 1]!) >= 0) return undefined;
  if (new Set(names).size !== names.length) return undefined;
  return reading([`评为 ${names.map((n) => `「${n}」`).join("、")} 分别得 ${values.join("、")}`], used);
};
