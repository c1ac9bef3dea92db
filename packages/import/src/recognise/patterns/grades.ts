// Outcomes named in the clause, each with its points (pattern 29): 「评为好、较好、一般的分别得满分、80%、
// 60%」 or 「优秀得满分，良好得80%，一般得60%，较差不得分」 → 评为 「好」、「较好」、「一般」 分别得 满分、80%、60%.
// Only the grade words rulebooks use are taken as outcomes; anything else is left to the other patterns.
import { NUM, numberText, rxt, rxg } from "../normalise.js";
import { reading, refusal, type Pattern } from "../reading.js";
import { decimalCompare } from "../../decimal.js";

const GRADE = "优秀|良好|较好|好|一般|合格|基本合格|较差|差|不合格|满意|基本满意|较满意|不满意|优|良|中|及格|不及格|[A-E]等|[A-E]级|[一二三四五]等|[一二三四五]类";
/** The grades of more than one character, any of them (a grade a reading did not take). */
const LONG_GRADE = rxt`(?:${GRADE.split("|").filter((g) => g.length > 1).join("|")})`;
const VALUE = `满分|${NUM}%|${NUM}分|不得分|不加分|0分`;
/** A list of values: each with its unit, or bare numbers with 分 once at the end (「3、2、1分」). */
const VALUES = `(?:${VALUE})(?:、(?:${VALUE}))+|${NUM}(?:、${NUM})+分`;

/** The values of a list as written, 分 given to each when the list writes it once at the end. */
function splitValues(list: string): string[] {
  const parts = list.split("、");
  const shared = /分$/.test(parts[parts.length - 1]!) && parts.slice(0, -1).every((p) => rxt`^${NUM}$`.test(p));
  return shared ? parts.map((p) => (p.endsWith("分") ? p : `${p}分`)) : parts;
}

/** A value as the language writes it: 满分, 80%, 1.5 (points), 0. */
function valueText(v: string): string | undefined {
  if (v === "满分") return "满分";
  if (v === "不得分" || v === "不加分" || v === "0分") return "0";
  const pct = /^(.+)%$/.exec(v);
  if (pct) {
    const n = numberText(pct[1]!);
    return n === undefined ? undefined : `${n}%`;
  }
  const pts = /^(.+)分$/.exec(v);
  return pts ? numberText(pts[1]!) : undefined;
}

/** Tier names for points listed without outcomes (「按5、3、1评分」): the first, second … tier. */
const TIER_NAMES = ["一档", "二档", "三档", "四档", "五档", "六档"];

/**
 * 「按5、3、1评分」「根据完成质量，按4、2、1评分」: the whole clause is a list of points, highest first, that
 * the assessor awards by tier — the outcomes unnamed (named 一档, 二档 … here, in order).
 */
function unnamedTiers(t: string): { names: string[]; values: string[]; used: string[] } | undefined {
  const m = rxt`^(?:根据[^,;。\d]{1,12},)?按(?:照)?(${NUM}分?(?:、${NUM}分?)+)(?:评分|计分|打分|评定)[,;。]?$`.exec(t);
  if (!m) return undefined;
  const parts = m[1]!.split("、").map((p) => p.replace(/分$/, ""));
  const values = parts.map((p) => numberText(p));
  if (values.some((v) => v === undefined || !/^\d+(?:\.\d{1,6})?$/.test(v)) || values.length > TIER_NAMES.length) return undefined;
  // highest first, strictly: a rising or repeated list is something else (a ranking, a count)
  for (let i = 1; i < values.length; i++) if (decimalCompare(values[i]!, values[i - 1]!) >= 0) return undefined;
  const used = m[1]!.split("、").filter((p) => /分$/.test(p)).map((p) => numberText(p.replace(/分$/, ""))!);
  return { names: TIER_NAMES.slice(0, values.length), values: values as string[], used };
}

export const grades: Pattern = (t) => {
  const unnamed = unnamedTiers(t);
  if (unnamed) return reading([`评为 ${unnamed.names.map((n) => `「${n}」`).join("、")} 分别得 ${unnamed.values.join("、")}`], unnamed.used);
  // 「评为好、较好、一般的分别得满分、80%、60%」「工作完成情况好、较好、一般的分别得3、2、1分」
  const list = rxt`(?:评为|评定为|评价为|为|情况|结果|效果|质量)((?:${GRADE})(?:、(?:${GRADE}))+)(?:${NUM}个?(?:等次|等级|档次|档))?的?(?:,)?分别(?:得|计|记)(${VALUES})`.exec(t);
  // 「评价按严重、比较严重、一般、不大严重、不严重5档划分，计分标准为1分、2分、3分、4分、5分」: the outcomes
  // named by the clause, counted (N档), then their points in the same order
  const tiers = list
    ? null
    : rxt`按(?:照)?((?:[^、,;。\\d]{1,6})(?:、[^、,;。\\d]{1,6})+)(?:共)?${NUM}(?:档|个档次|个等次|个等级|等)(?:划分|评定|评分|计分)?,?(?:计分标准为|计分为|分别得|分别计|分别记|依次得|依次计)(${VALUES})`.exec(t);
  let names: string[];
  let values: string[];
  let consumed: string;
  // the values as the clause writes them (「3、2、1分」: one amount written, 1分 — the amounts check counts that one)
  let written: string[] | undefined;
  if (tiers) {
    names = tiers[1]!.split("、");
    values = splitValues(tiers[3]!);
    written = tiers[3]!.split("、");
    if (numberText(tiers[2]!) !== String(names.length)) return refusal(`条文说分 ${tiers[2]} 档，却列了 ${names.length} 个评定结果`);
    if (names.some((n) => /[「」]/.test(n))) return undefined;
    consumed = tiers[0];
  } else if (list) {
    names = list[1]!.split("、");
    values = splitValues(list[3]!);
    written = list[3]!.split("、");
    // 「评为优秀、良好、合格、不合格4个等次」: the count written must be the outcomes listed
    if (list[2] !== undefined && numberText(list[2]) !== String(names.length)) return refusal(`条文说分 ${list[2]} 个等次，却列了 ${names.length} 个评定结果`);
    consumed = list[0];
  } else {
    // 「优秀得满分，良好得80%，一般得60%，较差不得分」
    const pieces = [...t.matchAll(rxg`(?:^|[,;。])(?:[^,;。\\d]{0,12}?(?:评为|评定为|为|是))?(${GRADE})(?:的|等次的?|等次)?,?(?:得|计|记|加)?(${VALUE})`)];
    if (pieces.length < 2) return undefined;
    names = pieces.map((p) => p[1]!);
    values = pieces.map((p) => p[2]!);
    consumed = pieces.map((p) => p[0]).join("");
  }
  let rest = t;
  const piece = rxg`(?:^|[,;。])(?:[^,;。\\d]{0,12}?(?:评为|评定为|为|是))?(${GRADE})(?:的|等次的?|等次)?,?(?:得|计|记|加)?(${VALUE})`;
  if (tiers) rest = rest.replace(consumed, "");
  else if (list) {
    rest = rest.replace(consumed, "");
    // 「…分别得满分、80%、60%，评为差的不得分」: the outcomes written after the list
    for (const p of [...rest.matchAll(piece)]) {
      names.push(p[1]!);
      values.push(p[2]!);
      rest = rest.replace(p[0], "");
    }
  } else for (const p of t.matchAll(piece)) rest = rest.replace(p[0], "");
  if (names.length !== values.length) return refusal(`条文列了 ${names.length} 个评定结果，却有 ${values.length} 个分值`);
  if (new Set(names).size !== names.length) return refusal("条文的评定结果有重复，未能确定");
  const vs = values.map(valueText);
  if (vs.some((v) => v === undefined)) return undefined;
  // a grade the reading did not take (「考核结果为优秀的得满分」 before the list): never dropped
  const missed = LONG_GRADE.exec(rest);
  if (missed) return refusal(`条文的评定结果「${missed[0]}」未能对应到分值，未能确定`);
  // 「其他等次由考核组确定」「其余酌情」: the clause says more about the outcomes than the list
  const more = /等次|其他|其它|其余|另行|确定|评议|酌情|扣/.exec(rest.replace(/^[^,;。]*?(?:评为|评定为|为|是)(?=[,;。]|$)/, ""));
  if (more) return refusal(`条文在各评定结果的分值之外还写了「${more[0]}」，未能确定`);
  if (rxt`${NUM}分`.test(rest.replace(/[,;。]/g, ""))) return refusal("条文除各评定结果的分值外还有分值，未能确定");
  const used = (written ?? values).filter((v) => rxt`^${NUM}分$`.test(v)).map((v) => valueText(v)!);
  return reading([`评为 ${names.map((n) => `「${n}」`).join("、")} 分别得 ${vs.join("、")}`], used);
};
