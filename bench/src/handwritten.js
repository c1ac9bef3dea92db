// Baseline (a) of the scoring figure: the catalogue in rules/ (《市对县保证目标考评细则》) scored by
// hand-written plain JavaScript, the way a developer would write it for this one rulebook without
// kaoping — float arithmetic, facts read straight from the unit objects, no validation.  It is the
// speed limit for scoring these rules in JavaScript.
//
// It takes the same unit objects as the compiled module: { name, classes, facts }, with counts as
// numbers (or arrays of incident ids in the 就高 group), yes/no as booleans (or an incident id),
// checklist items as true/false or the points given, percentages as numbers (87.5 = 87.5%).
//
// Totals are rounded to cents half-up.  Float sums are off by ~1e-14, so a plain
// Math.round(total * 100) / 100 rounds some exact half-cents down; the 1e-9 guard fixes that, and
// `naiveRounding` counts the units the unguarded version would get wrong.

const count = (v) => (typeof v === "number" ? v : Array.isArray(v) ? v.length : 0);
const floor0 = (x) => (x < 0 ? 0 : x);
const atMost = (x, max) => (x > max ? max : x);
/** A checklist item: done (true) gives the full points; a number is the points given. */
const item = (v, max) => (v === true ? max : typeof v === "number" ? atMost(v, max) : 0);

// ---------------------------------------------------------------- 一、×令畅通（16分）
function zlct(f) {
  const s11 = floor0(4 - 0.5 * (count(f["参会"]) + count(f["学习部署"]) + count(f["落实议定事项"]) + count(f["反馈议定事项"]) + count(f["会议反馈材料"])) - 2 * count(f["议定事项未完成"]));
  const s12 = floor0(4 - 0.5 * (count(f["交办反馈"]) + count(f["交办反馈材料"]) + count(f["交办工作计划"])) - 2 * count(f["交办未完成"]));
  const s13 = floor0(4 - 0.5 * count(f["重点工作"]));

  const rate = f["信息完成率"];
  let info = 0;
  if (rate === undefined || rate === null) info = 2; // 未报送
  else if (rate >= 75 && rate < 100) info = 0.2;
  else if (rate >= 50 && rate < 75) info = 0.4;
  else if (rate >= 25 && rate < 50) info = 0.6;
  else if (rate < 25) info = 0.8;
  const s14 = floor0(
    2 - info - 0.1 * count(f["信息约稿"]) - 0.05 * count(f["报送超时"]) - 0.1 * count(f["信息失实"]) -
      0.2 * (count(f["紧急信息"]) + count(f["突发事件报告"]) + count(f["突发事件办理"])),
  );

  const s151 = floor0(0.3 - 0.05 * count(f["公文报送"]));
  const s152 = floor0(0.3 - atMost(0.02 * count(f["文件签收领取"]), 0.1) - 0.1 * count(f["阅读传达范围"]) - (f["文件清退"] ? 0.2 : 0));
  const s153 = floor0(0.4 - 0.02 * count(f["规范性文件备案"]) - 0.1 * (count(f["提醒反馈"]) + count(f["文件内容违法"])));
  const s15 = atMost(s151 + s152 + s153, 1);

  const s16 = floor0(1 - 0.5 * (count(f["在岗带班"]) + count(f["值班在岗"]) + count(f["顶岗值班"])));
  return atMost(s11 + s12 + s13 + s14 + s15 + s16, 16);
}

// ---------------------------------------------------------------- 二、×风连×建设和反腐败工作（25分）
/** 就高: one incident (id) counts once, at its largest deduction; counts without ids add up. */
function highestOnly(f) {
  const best = {};
  let anonymous = 0;
  const hit = (id, amount) => {
    if (!(best[id] >= amount)) best[id] = amount;
  };
  for (const [key, amount] of [["班子检查通报", 0.1], ["班子改组", 0.5]]) {
    const v = f[key];
    if (typeof v === "string") hit(v, amount);
    else if (v) anonymous += amount;
  }
  for (const [key, amount] of [["成员通报诫勉", 0.05], ["成员组织处理", 0.1], ["成员纪律处分", 0.2], ["成员刑事处罚", 0.3]]) {
    const v = f[key];
    if (Array.isArray(v)) for (const id of v) hit(id, amount);
    else if (v) anonymous += v * amount;
  }
  let d = anonymous;
  for (const id in best) d += best[id];
  return d;
}

function socialRate(f) {
  return (6 * (f["社会满意度"] || 0)) / 100;
}

function fljs(f, county, referenceSocial) {
  const s21 = floor0(
    4 - 0.2 * (count(f["生态措施"]) + count(f["责任分解"]) + count(f["责任制度"])) -
      0.1 * (count(f["宣传教育"]) + count(f["新任干部教育"]) + count(f["连×文化基地"]) + count(f["重点领域整治"])) -
      highestOnly(f),
  );
  const s22 = floor0(
    3 - 0.2 * count(f["重大案件追责"]) - 0.1 * (count(f["监督制度落实"]) + count(f["举报处置"])) - 0.02 * count(f["纪×通报诫勉"]) -
      0.05 * count(f["纪×组织处理"]) - 0.1 * count(f["纪×纪律处分"]) - 0.2 * count(f["纪×刑事处罚"]),
  );
  const s23 = atMost(f["执纪审查评价"] || 0, 4);
  let d24 = 0.05 * count(f["班子成员违纪.轻处分"]) + 0.1 * count(f["班子成员违纪.重处分"]) + 0.2 * count(f["班子成员违纪.刑事处罚"]);
  if (county) d24 += 0.02 * count(f["人×、×协违纪.轻处分"]) + 0.05 * count(f["人×、×协违纪.重处分"]) + 0.1 * count(f["人×、×协违纪.刑事处罚"]);
  const s24 = floor0(2 - d24);

  const s251 = floor0(2 - 0.05 * count(f["牵头部门发现"]));
  const checks = f["监督检查次数"];
  const s252 = floor0(1 - (checks < 4 ? (4 - checks) * 0.25 : 0));
  const s253 = floor0(0.5 - 0.1 * (count(f["应查未查"]) + count(f["应曝未曝"])));
  const s254 = floor0(0.5 - 0.1 * count(f["制度细化"]));
  const s25 = atMost(s251 + s252 + s253 + s254, 4);

  const s26 = atMost(atMost(f["专业评价得分"] || 0, 1) + atMost(f["××测评得分"] || 0, 1), 2);
  // 园区 take ××区's score for 2.7
  const s27 = atMost(referenceSocial === undefined ? socialRate(f) : referenceSocial, 6);
  return atMost(s21 + s22 + s23 + s24 + s25 + s26 + s27, 25);
}

// ---------------------------------------------------------------- 三、组织建设（21分）
const CHECKLISTS_31 = [
  [["遵学讲活动", 0.1], ["赠阅", 0.1], ["支部集中学习", 0.1], ["分层分类培训", 0.2]],
  [["落实××工作××", 0.2], ["×内××生活", 0.2], ["工作条例", 0.2], ["运行规则", 0.2], ["落实单项《××》", 0.1], ["落实两项《××》", 0.1]],
  [["学习落实", 0.2], ["支部建设", 0.2], ["示范行动", 0.1]],
];
const CHECKLISTS_32 = [
  [["大规模培训", 0.2], ["×性×育", 0.1], ["专题培训", 0.2], ["教材课程评选", 0.1], ["骨干培养", 0.2]],
  [["研究制定措施", 0.2], ["专业化机制", 0.2], ["研判调配", 0.1], ["挂职交流", 0.2], ["×才交流", 0.2], ["专业化培养计划", 0.2], ["培养储备", 0.2], ["档案数字化", 0.2]],
  [["日常管理监督", 0.3], ["选任监督", 0.3], ["专项整治", 0.2], ["个人事项报告", 0.3], ["举报工作", 0.2], ["监督制度改×", 0.2]],
  [["关怀帮扶", 0.1], ["关心激励政策", 0.1], ["交流干部保障", 0.1], ["平时考核", 0.2], ["年度考核", 0.1], ["职务职级并行", 0.1]],
  [["离退休文件落实", 0.2], ["离退休×组织", 0.1], ["离退休服务管理", 0.1], ["正能量活动", 0.1]],
];
const CHECKLISTS_33 = [
  [["千名好××", 0.1], ["发展×员计划", 0.1], ["发展违规违纪", 0.1], ["违纪通报机制", 0.1], ["失联流动×员", 0.1], ["不合格×员处置", 0.1], ["×员信息系统", 0.1], ["专人负责教育", 0.1], ["全员培训", 0.1], ["远程教育", 0.1]],
  [["农村×建会议", 0.1], ["村务监督", 0.1], ["乡村组织规则", 0.2], ["带头人队伍", 0.2], ["能人培养", 0.1], ["基层基础保障", 0.2], ["大学生村官", 0.1]],
  [["组织联动体系", 0.1], ["互联互通机制", 0.1], ["社区负责人", 0.1], ["社区工作者", 0.2], ["国企×建", 0.1], ["强基固本", 0.1], ["机关×建", 0.1], ["高校×建", 0.1]],
];

function checklist(f, items) {
  let s = 0;
  for (const [key, max] of items) s += item(f[key], max);
  return s;
}

function zzjs(f) {
  let s31 = 0;
  for (const items of CHECKLISTS_31) s31 += checklist(f, items);
  let s32 = 0;
  for (const items of CHECKLISTS_32) s32 += checklist(f, items);
  // 上级调训 (in 3.2.1): 98% and above 0.2, 92%–98% 0.1, below 0
  const training = f["上级调训"];
  s32 += training >= 98 ? 0.2 : training >= 92 ? 0.1 : 0;
  let s33 = 0;
  for (const items of CHECKLISTS_33) s33 += checklist(f, items);
  return atMost(atMost(s31, 2) + atMost(s32, 5.2) + atMost(s33, 4), 21);
}

// ---------------------------------------------------------------- totals, ranks, grades
function round2(x) {
  return Math.round(x * 100 + 1e-9) / 100;
}

/**
 * Scores all units: [{ unit, total, rank, grade }] in rank order.  `stats.naiveRounding` counts the
 * units whose total Math.round(total * 100) / 100 would get wrong.
 */
export function scoreAllHandwritten(units, stats) {
  const reference = units.find((u) => u.name === "××区");
  const referenceSocial = reference ? socialRate(reference.facts) : undefined;
  const results = [];
  let naive = 0;
  for (const u of units) {
    const f = u.facts;
    const park = u.classes.includes("园区");
    const total = zlct(f) + fljs(f, u.classes.includes("县区"), park ? referenceSocial : undefined) + zzjs(f);
    const rounded = round2(total);
    if (Math.round(total * 100) / 100 !== rounded) naive++;
    results.push({ unit: u.name, total: rounded });
  }
  if (stats) stats.naiveRounding = naive;
  results.sort((a, b) => b.total - a.total || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  const excellentPlaces = Math.floor((results.length * 30) / 100);
  let rank = 0;
  return results.map((r, i) => {
    if (i === 0 || r.total !== results[i - 1].total) rank = i + 1;
    const grade = r.total >= 48.5 && rank <= excellentPlaces ? "优秀" : r.total >= 48 ? "良好" : r.total >= 37 ? "合格" : "不合格";
    return { unit: r.unit, total: r.total.toFixed(2), rank, grade };
  });
}
