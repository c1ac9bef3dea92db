/**
 * The accounting check's scoring vocabulary (src/recognise/accounting-vocabulary.ts) and a band's side
 * (accounting-direction.ts), session 26, on clauses written for these tests (general rulebook phrasing, none
 * copied from the corpus). Per class: a reading that ignores the word is a to-do whose Chinese reason names it;
 * near-misses — the word in a condition, or a reading that does reflect it — are accounted for; and the
 * clauses the recogniser read wrong before this session (probes of the session) are to-dos through it.
 */
import { describe, expect, it } from "vitest";
import { recogniseClause, type ClauseContext } from "@kaoping/import";
import { accountingUnaccounted, maskNonScoring } from "../src/recognise/accounting.js";
import { SCORING_WORDS, vocabularyUnaccounted, type WordClass } from "../src/recognise/accounting-vocabulary.js";
import { bandSideUnaccounted } from "../src/recognise/accounting-direction.js";
import { normalise } from "../src/recognise/normalise.js";

const item = (points: string | null = "10", section: "加分" | "减分" | null = null): ClauseContext => ({ indicator: "项", points, section });
const words = (text: string, reading: readonly string[], ctx: ClauseContext = item()): string | undefined => vocabularyUnaccounted(maskNonScoring(normalise(text)), reading, ctx);

/** [class, clause, the reading that ignores the word, what the reason names]. */
const IGNORED: readonly (readonly [WordClass | "direction", string, readonly string[], string])[] = [
  ["cap-negation", "每发现一处问题扣0.5分，上不封顶", ["每处 扣 0.5"], "上不封顶"],
  ["cap-negation", "每次得1分，得分不封顶", ["每次 得 1"], "得分不封顶"],
  ["period", "每季度考核合格的得2分", ["得 2"], "每季度"],
  ["period", "每月完成任务的得1分，未完成的扣1分", ["得 1 否则 扣 1"], "每月"],
  ["multiplier", "每发现一处扣0.5分，整改不到位的按1.5倍计", ["每处 扣 0.5"], "1.5倍"],
  ["quantifier", "每次检查均合格的得3分", ["每次 得 3"], "每次检查均"],
  ["quantifier", "全年每月均按时报送的得2分", ["每月 得 2"], "每月均"],
  ["ordinal", "第一次不扣分，第二次起每次扣1分", ["每次 扣 1"], "第一次不扣"],
  ["ordinal", "前两次不扣分，之后每次扣1分", ["每次 扣 1"], "前两次不"],
  ["ordinal", "每次扣1分，首次发现的只提醒不扣分", ["每次 扣 1"], "首次发现的只提醒"],
  ["comparison", "比上年每增加1件扣1分", ["每件 扣 1"], "比上年"],
  ["comparison", "以上年数为基数，每增加1起扣1分", ["每起 扣 1"], "为基数"],
  ["severity", "每发现一起扣1分，造成严重后果的从重扣分", ["每起 扣 1"], "从重"],
  ["per-time-max", "每月考核一次，每次满分1分", ["每次 得 1"], "每次满分1分"],
  ["repetition", "同一问题重复出现的扣2分", ["扣 2"], "重复出现"],
  ["repetition", "屡次发生的，扣3分", ["扣 3"], "屡次发生"],
  ["average", "按各村得分的平均分计", ["得 10"], "平均分"],
  ["conversion", "按检查结果折算后计入本项", ["得 10"], "折算"],
  ["floor", "每少一项扣2分，最低得2分", ["每项 扣 2"], "最低得2分"],
  ["alternative", "每发现一处扣0.5分或1分", ["每处 扣 0.5"], "0.5分或1分"],
  ["waiver", "未建立台账的扣2分，已整改的不扣分", ["扣 2"], "不扣分"],
  ["steps", "每满10人加1分", ["基准 0 每增加 10人 得 1"], "每满"],
  ["steps", "每少100平方米扣0.5分，不足100平方米按100平方米计", ["基准 目标值 每少 100 扣 0.5"], "不足100平方米按100平方米计"],
  ["shared", "每起扣2分，两个单位各承担一半", ["每起 扣 2"], "各承担"],
  ["scoped-cap", "每发现一处扣0.5分，扣分不超过本项分值的50%", ["每处 扣 0.5"], "本项分值的50%"],
  ["scoped-cap", "每发现一处扣0.5分，每类问题最多扣1分", ["每处 扣 0.5 上限 1"], "每类问题最多扣1分"],
  ["discretion", "未完成的，视完成情况扣1分", ["扣 1"], "视完成情况"],
  ["zero", "每年开展培训不少于4次，每少1次扣0.5分，未开展的不得分", ["至少 4次 每少 1次 扣 0.5"], "不得分"],
  // the earlier guards' words, in the vocabulary too
  ["formula", "得分=及时办结率×5分", ["得 5"], "得分="],
  ["judgement", "由考核组进行打分，最高分为3分", ["得 3"], "打分"],
  ["veto-effect", "发生重大责任事故的，实行一票否决，年度不评优", ["一票否决"], "不评优"],
  ["signed", "资料缺失:-2分", ["得 2"], "-2分"],
  ["count", "任一台账不全的扣1分", ["扣 1"], "任一"],
  ["count", "无故缺席一次，扣2分", ["扣 2"], "一次"],
  ["count", "每查出1份不规范文书扣0.5分", ["扣 0.5"], "每查出1份"],
  ["count", "每村有一名专职网格员的记3分", ["每个 得 3"], "每村"],
  // a band on the other side of its bound
  ["direction", "签订率不达100%的扣10分", ["分段 { ≥ 100% 扣 10 }"], "100"],
  ["direction", "签订率未达到95%以上的扣2分", ["分段 { ≥ 95% 扣 2 }"], "95"],
  ["direction", "迟报超过3天的扣1分", ["分段 { ≤ 3天 扣 1 }"], "3"],
];

/** [class, clause, a reading that accounts for it (or the word in a condition)]. */
const ACCOUNTED: readonly (readonly [WordClass | "direction", string, readonly string[], ClauseContext?])[] = [
  ["cap-negation", "每发现一处问题扣0.5分，扣分不封顶", ["每处 扣 0.5 倒扣"]],
  ["cap-negation", "每获得一项市级表彰加1分，上不封顶", ["每项 得 1"], item(null, "加分")],
  ["period", "管理人员未每日登录系统的，扣3分", ["扣 3"]],
  ["period", "值班室(每日24小时)有人值守的，得1分", ["得 1"]],
  ["period", "各科室每月报送简报基础分值5分，按时完成的得5分，未完成的扣5分", ["得 5 否则 扣 5"], item("5")],
  ["period", "每月未报送信息的扣1分", ["每月 扣 1"]],
  ["period", "每月报送一次工作信息，未报送的每次扣0.5分", ["每次 扣 0.5"]],
  ["multiplier", "排放浓度超过标准2倍的，扣2分", ["扣 2"]],
  ["multiplier", "每发现一处扣1分，弄虚作假的加倍扣分", ["每处 扣 1 加倍 当 「弄虚作假」"]],
  ["quantifier", "每季度均完成任务的得4分", ["得 4"]],
  ["quantifier", "每村均建立台账的得2分", ["得 2"]],
  ["ordinal", "第二次发生的扣2分", ["扣 2"]],
  ["comparison", "比上年下降的扣2分", ["扣 2"]],
  ["comparison", "较上年每增长1%加0.2分", ["基准 目标值 每增加 1% 得 0.2"]],
  ["severity", "每发现一起从重扣2分", ["每起 扣 2"]],
  ["severity", "未参加重要会议的扣1分", ["扣 1"]],
  ["per-time-max", "每次加0.5分，最高加3分", ["每次 得 0.5 上限 3"]],
  ["repetition", "同一问题再次出现的，每次扣2分", ["每次 扣 2"]],
  ["repetition", "没有资格证书又未参加考试的不得分", ["不得分"]],
  ["repetition", "发生重复信访的每起扣5分", ["每起 扣 5"]],
  ["average", "人均培训时间不足20小时的扣1分", ["分段 { < 20小时 扣 1 }"]],
  ["conversion", "按考核结果折算得分", ["按评价 得分 满分 10 折算自 100"]],
  ["floor", "每低于目标值2%扣1分，最低为零分", ["基准 100% 每低 2% 扣 1"]],
  ["alternative", "每发现一处扣0.5分或1分", ["每处 酌情 扣 0.5 至 1"]],
  ["waiver", "未按时报送的扣1分，按时报送的不扣分", ["扣 1"]],
  // an exemption in a counted reading says which occurrences are counted (the corpus's convention)
  ["waiver", "每缺席一次扣1分，有正当理由的不扣分", ["每次 扣 1"]],
  ["steps", "每满10人加1分", ["基准 0 每增加 10人 得 1 不足一档不计"]],
  ["steps", "完成任务的得7分，不足的按比例扣分", ["按比率 得分 满分 7"]],
  ["shared", "承担1个国家级项目得3分", ["每个 得 3"]],
  ["scoped-cap", "每发现一处扣0.5分，扣分不超过本项分值的50%", ["每处 扣 0.5 上限 5"]],
  ["scoped-cap", "每次扣0.5分，每年最多扣5分", ["每次 扣 0.5 上限 5"]],
  ["scoped-cap", "每发现一处扣0.5分，最多扣2分", ["每处 扣 0.5 上限 2"]],
  ["discretion", "根据检查情况，未建立台账的扣1分", ["扣 1"]],
  ["discretion", "视情况扣1-3分", ["酌情 扣 1 至 3"]],
  ["zero", "每少一项扣1分，直至不得分", ["每项 扣 1"]],
  ["zero", "建立台账的得2分，未建立的不得分", ["得 2"]],
  ["direction", "达到95%的不扣分，低于95%扣0.5分", ["分段 { < 95% 扣 0.5 }"]],
  ["direction", "低于目标8个百分点以上的不得分", ["分段 { ≥ 8个百分点 不得分 }"]],
  ["direction", "签订率未达到95%以上的扣2分", ["分段 { < 95% 扣 2 }"]],
];

describe("the scoring vocabulary on a reading", () => {
  it.each(IGNORED)("%s: 「%s」 read %j is a to-do naming 「%s」", (kind: WordClass | "direction", text: string, reading: readonly string[], named: string) => {
    const why = kind === "direction" ? bandSideUnaccounted(maskNonScoring(normalise(text)), reading) : words(text, reading);
    expect(why, JSON.stringify(reading)).toBeDefined();
    expect(why).toContain(named);
    expect(why).toMatch(/[\u4e00-\u9fa5]{4}/);
    // and the whole accounting check (the last guard) says so too
    expect(accountingUnaccounted(normalise(text), reading, item())).toBeDefined();
  });

  it.each(ACCOUNTED.map(([kind, text, reading, ctx]) => [kind, text, reading, ctx ?? item()] as const))("%s: 「%s」 read %j is accounted for", (kind: WordClass | "direction", text: string, reading: readonly string[], ctx: ClauseContext) => {
    const masked = maskNonScoring(normalise(text));
    expect(kind === "direction" ? bandSideUnaccounted(masked, reading) : vocabularyUnaccounted(masked, reading, ctx)).toBeUndefined();
  });
});

describe("through the recogniser", () => {
  // each was read on main before session 26 (the reading in the comment), a wrong reading
  it.each([
    ["每发现一处问题扣0.5分，上不封顶", "每处 扣 0.5"],
    ["每季度考核合格的得2分", "得 2"],
    ["每月完成任务的得1分，未完成的扣1分", "得 1 否则 扣 1"],
    ["每发现一处扣0.5分，整改不到位的按1.5倍计", "每处 扣 0.5"],
    ["每次检查均合格的得3分", "每次 得 3"],
    ["全年每月均按时报送的得2分", "每月 得 2"],
    ["第一次不扣分，第二次起每次扣1分", "每次 扣 1"],
    ["前两次不扣分，之后每次扣1分", "每次 扣 1"],
    ["每次扣1分，首次发现的只提醒不扣分", "每次 扣 1"],
    ["比上年每增加1件扣1分", "每件 扣 1"],
    ["每比上年减少1起加0.5分", "每起 得 0.5"],
    ["每发现一起扣1分，造成严重后果的从重扣分", "每起 扣 1"],
    ["每月考核一次，每次满分1分", "每次 得 1"],
    ["同一问题重复出现的扣2分", "扣 2"],
    ["再次发生同类问题的加扣1分", "扣 1"],
    ["每满10人加1分", "基准 0 每增加 10人 得 1"],
    ["每起扣2分，两个单位各承担一半", "每起 扣 2"],
    ["每发现一处扣0.5分，扣分不超过本项分值的50%", "每处 扣 0.5"],
    ["每发现一处扣0.5分，每类问题最多扣1分", "每处 扣 0.5 上限 1"],
    ["未完成的，视完成情况扣1分", "扣 1"],
    ["每年开展培训不少于4次，每少1次扣0.5分，未开展的不得分", "至少 4次 每少 1次 扣 0.5"],
  ] as const)("「%s」 (read %s before) is a to-do", (text: string, _before: string) => {
    const r = recogniseClause(text, item());
    expect(r.kind === "rules" ? r.bodies : "todo").toBe("todo");
  });

  it.each([
    ["每月未报送信息的扣1分", ["每月 扣 1"]],
    ["迟报一天扣0.5分", ["每天 扣 0.5"]],
    ["每年组织培训不少于2次，少一次扣1分", ["至少 2次 每少 1次 扣 1"]],
    ["每季度均完成任务的得4分", ["得 4"]],
    ["比上年下降的扣2分", ["扣 2"]],
    ["同一问题再次出现的，每次扣2分", ["每次 扣 2"]],
    ["每发现一起从重扣2分", ["每起 扣 2"]],
    ["未按时报送的扣1分，按时报送的不扣分", ["扣 1"]],
    ["签订率未达到95%以上的扣2分", ["分段 { < 95% 扣 2 }"]],
    ["每次扣0.5分，全年累计不超过5分", ["每次 扣 0.5 上限 5"]],
  ] as const)("「%s」 stays readable: %j", (text, want) => {
    const r = recogniseClause(text, item());
    expect(r.kind === "rules" ? r.bodies : r.reason).toEqual(want);
  });
});

describe("the vocabulary is data", () => {
  it("every word has a stable name, a class, a global pattern and a Chinese reason naming the word", () => {
    expect(new Set(SCORING_WORDS.map((w) => w.name)).size).toBe(SCORING_WORDS.length);
    for (const w of SCORING_WORDS) {
      expect(w.re.flags, w.name).toContain("g");
      expect(w.reason, w.name).toContain("{w}");
      expect(w.reason, w.name).toMatch(/[\u4e00-\u9fa5]{4}/);
    }
  });

  it("every class of session 26 is exercised above, ignored and accounted for", () => {
    const kinds = new Set(SCORING_WORDS.filter((w) => w.since === 26).map((w) => w.kind));
    for (const k of kinds) {
      expect(IGNORED.some(([c]) => c === k), `${k} ignored`).toBe(true);
      expect(ACCOUNTED.some(([c]) => c === k) || ["formula", "judgement", "veto-effect", "signed", "count"].includes(k), `${k} accounted`).toBe(true);
    }
  });
});
