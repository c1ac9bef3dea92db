/**
 * A generated catalogue: realistic Chinese clause texts, every rule kind and modifier, nested
 * indicators, groups, sections and grades — deterministic for a given seed and size.  The same
 * catalogue is also rendered as JSON (the baseline parsers' input), so both sides of the parse
 * figure read the same content.
 *
 * The catalogue is valid: the bench checks that core reports no errors on it before timing anything.
 */
import { Rng } from "./rng.js";

/** How big a catalogue to make: stop once either bound is reached. */
export interface CatalogueSize {
  /** UTF-8 bytes of the .kp text. */
  bytes?: number;
  /** Lines of the .kp text. */
  lines?: number;
}

/** A generated catalogue. */
export interface GeneratedCatalogue {
  /** The .kp text (one file). */
  kp: string;
  /** The same catalogue as JSON. */
  json: string;
  rules: number;
  indicators: number;
  lines: number;
  kpBytes: number;
  jsonBytes: number;
  /** Rule counts by kind (per, once, bands, …, and groups/modifiers). */
  kinds: Record<string, number>;
}

// Amounts are kept as integers of hundredths so sums of points stay exact.
type H = number;
const fmtH = (h: H): string => {
  const int = Math.trunc(h / 100);
  const frac = h % 100;
  return frac === 0 ? String(int) : `${int}.${String(frac).padStart(2, "0").replace(/0$/, "")}`;
};
const toNum = (h: H): number => h / 100;

/** [short name, what is (not) done] — the verb phrases clauses are made of. */
const ACTIONS: readonly [string, string][] = [
  ["参会", "参加重要会议"],
  ["信息报送", "报送政务信息"],
  ["议定事项", "落实议定事项"],
  ["交办反馈", "反馈交办事项"],
  ["目标任务", "完成目标任务"],
  ["安全检查", "开展安全检查"],
  ["巡察整改", "整改巡察问题"],
  ["统计上报", "上报统计数据"],
  ["信访办理", "办理信访事项"],
  ["业务培训", "开展业务培训"],
  ["政务公开", "更新政务公开栏目"],
  ["河长巡河", "落实巡河制度"],
  ["防火巡查", "开展防火巡查"],
  ["舆情处置", "处置网络舆情"],
  ["工作台账", "建立工作台账"],
  ["专题研究", "召开专题会议"],
  ["季度总结", "报送季度总结"],
  ["项目审批", "完成项目审批"],
  ["督察整改", "落实督察整改"],
  ["食品抽检", "开展食品抽检"],
  ["值班值守", "落实值班制度"],
  ["应急演练", "组织应急演练"],
  ["档案管理", "规范管理档案"],
  ["公文办理", "按时办理来文"],
  ["会议反馈", "反馈会议精神落实情况"],
  ["重点工作", "推进市×、市××确定的阶段性重点工作"],
];
const FAILINGS = ["未按要求", "未及时", "未按规定", "因工作不力未", "无故未", "逾期未", "未"];
const CONSEQUENCES = ["造成不良影响的", "被通报批评的", "被媒体曝光的", "造成被动的"];
const AWARD_ACTS: readonly [string, string][] = [
  ["学习活动", "部署开展“学习月”活动"],
  ["责任制", "建立健全工作责任制"],
  ["年度计划", "制定年度工作计划并按时报送"],
  ["专题培训", "组织开展专题培训"],
  ["示范点", "按时完成示范点建设任务"],
  ["制度汇编", "编印制度汇编并组织学习"],
  ["走访慰问", "落实定期走访慰问制度"],
  ["信息平台", "用好管好业务信息平台"],
  ["宣传报道", "在市级以上媒体刊发宣传报道"],
  ["经验交流", "在全市会议上作经验交流"],
];
const METRICS: readonly [string, string][] = [
  ["完成率", "目标任务完成率"],
  ["办结率", "信访事项按期办结率"],
  ["达标率", "水质监测达标率"],
  ["覆盖率", "基层服务覆盖率"],
  ["到位率", "专项资金到位率"],
  ["及时率", "信息报送及时率"],
];
const BIG_EVENTS = ["重大安全生产责任事故", "重大群体性事件", "重大环境污染事件", "严重违纪违法案件", "重大食品安全事故"];
const INDICATOR_NAMES = [
  "落实重大决策部署", "信息工作", "办文办会", "值班工作", "安全生产", "生态环境保护", "信访维稳",
  "基层组织建设", "干部队伍建设", "作风建设", "依法行政", "政务公开", "应急管理", "重点项目推进",
  "民生实事", "营商环境", "乡村振兴", "社会治理", "统计工作", "档案工作",
];
const TOP_NAMES = ["×令畅通", "×风廉政建设", "组织建设", "经济发展", "社会事业", "生态文明", "平安建设", "改革创新"];
const DEPARTMENTS = ["市×办公室", "市×市××目标绩效督查室", "市纪×监×", "市×组织×", "市发展改革委", "市统计局", "市应急管理局"];
const CHINESE_NUMBERS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const PER_UNITS = ["每次", "每件", "每件次", "每起", "每项", "每例", "每处", "每条", "每人次", "发现一起"];
const AMOUNTS: H[] = [2, 5, 10, 10, 20, 20, 25, 50, 50, 100];

/** A rule as written: body on the rule's line (short rules) or on the next one. */
function ruleText(rng: Rng, name: string, clause: string, body: string): string[] {
  const head = `规则 「${name}」 「${clause}」`;
  return rng.chance(0.5) ? [`${head} ${body}`] : [head, `  ${body}`];
}

interface RuleOut {
  kp: string[];
  json: Record<string, unknown>;
  /** Most it can award (hundredths), 0 for deductions. */
  award: H;
  kind: string;
}

interface IndicatorOut {
  kp: string[];
  json: Record<string, unknown>;
  points: H;
}

/** Generates a catalogue of about the given size. */
export function generateCatalogue(size: CatalogueSize, seed = 1): GeneratedCatalogue {
  const rng = new Rng(seed);
  const kinds: Record<string, number> = {};
  let ruleNo = 0;
  let indicatorCount = 0;
  const count = (k: string) => (kinds[k] = (kinds[k] ?? 0) + 1);
  const ruleName = (short: string) => `${short}${++ruleNo}`;
  const q = (s: string) => `「${s}」`;

  // ------------------------------------------------------------ rules
  /** Per-occurrence deduction; `plain` leaves out modifiers (inside groups and sections). */
  const perRule = (plain = false): RuleOut => {
    const [short, act] = rng.pick(ACTIONS);
    const unit = rng.pick(PER_UNITS);
    const amt = rng.pick(AMOUNTS);
    const name = ruleName(short);
    const unitText = unit === "发现一起" ? "发现一起" : unit;
    let clause = `${rng.pick(FAILINGS)}${act}的，${unitText}扣${fmtH(amt)}分`;
    let body = `${unit} 扣 ${fmtH(amt)}`;
    const json: Record<string, unknown> = { name, clause: "", kind: "per", unit, amount: toNum(amt) };
    let kind = "per";
    const r = plain ? 1 : rng.next();
    if (r < 0.12) {
      const cap = amt * rng.int(2, 5);
      clause += `（最多扣${fmtH(cap)}分）`;
      body += ` 上限 ${fmtH(cap)}`;
      json.cap = toNum(cap);
      count("modifier:上限");
    } else if (r < 0.17) {
      const low = Math.max(1, Math.floor(amt / 2));
      clause += `；园区${unitText}扣${fmtH(low)}分`;
      body = `${unit} 扣 ${fmtH(amt)} 其中 「园区」 ${fmtH(low)}`;
      json.overrides = { 园区: toNum(low) };
      count("override:其中");
    } else if (r < 0.21) {
      clause += "；重犯的加倍扣分";
      body += " 加倍 当 「重犯」";
      json.double = "重犯";
      count("modifier:加倍");
    } else if (r < 0.24) {
      clause += "；主动整改到位的减半扣分";
      body += " 减半 当 「主动整改」";
      json.half = "主动整改";
      count("modifier:减半");
    } else if (r < 0.27) {
      clause = `${rng.pick(FAILINGS)}${act}的，每村每次扣${fmtH(amt)}分`;
      body = `每村 每次 扣 ${fmtH(amt)}`;
      json.unit = "每村每次";
      kind = "per-compound";
    } else if (r < 0.3) {
      clause += "（仅县区）";
      body += " 适用 「县区」";
      json.appliesTo = ["县区"];
      count("modifier:适用");
    } else if (r < 0.32) {
      clause += "，超出本项分值的倒扣";
      body += " 倒扣";
      json.overdraft = true;
      count("modifier:倒扣");
    }
    json.clause = clause;
    return { kp: ruleText(rng, name, clause, body), json, award: 0, kind };
  };

  const onceRule = (): RuleOut => {
    const [short, act] = rng.pick(ACTIONS);
    const amt = rng.pick(AMOUNTS);
    const name = ruleName(short);
    const clause = `${rng.pick(FAILINGS)}${act}，${rng.pick(CONSEQUENCES)}，扣${fmtH(amt)}分`;
    return { kp: ruleText(rng, name, clause, `扣 ${fmtH(amt)}`), json: { name, clause, kind: "once", amount: toNum(amt) }, award: 0, kind: "once" };
  };

  const categoriesRule = (): RuleOut => {
    const name = ruleName("违纪处分");
    const who = rng.pick(["班子成员", "主职干部", "工作人员"]);
    const a = rng.pick([[5, 10, 20], [2, 5, 10], [10, 20, 30]] as const);
    const clause = `${who}违纪违法受到轻处分、重处分、刑事处罚的，每人次分别扣${fmtH(a[0])}、${fmtH(a[1])}、${fmtH(a[2])}分`;
    const body = `每人次 扣 「轻处分」 ${fmtH(a[0])}、「重处分」 ${fmtH(a[1])}、「刑事处罚」 ${fmtH(a[2])}`;
    return {
      kp: ruleText(rng, name, clause, body),
      json: { name, clause, kind: "categories", unit: "每人次", amounts: { 轻处分: toNum(a[0]), 重处分: toNum(a[1]), 刑事处罚: toNum(a[2]) } },
      award: 0,
      kind: "categories",
    };
  };

  const zeroRule = (): RuleOut => {
    const [short, act] = rng.pick(ACTIONS);
    const name = ruleName(`${short}失误`);
    const clause = `${act}出现重大失误、造成严重后果的，本项不得分`;
    return { kp: ruleText(rng, name, clause, "不得分"), json: { name, clause, kind: "zero" }, award: 0, kind: "zero" };
  };

  const vetoRule = (): RuleOut => {
    const ev = rng.pick(BIG_EVENTS);
    const fail = rng.chance(0.5);
    const name = ruleName(fail ? "否决" : "否优");
    const clause = fail ? `发生${ev}的，实行一票否决` : `发生${ev}的，不得评为优秀等次`;
    return {
      kp: ruleText(rng, name, clause, fail ? "一票否决" : "一票否优"),
      json: { name, clause, kind: "veto", level: fail ? "fail" : "noExcellent" },
      award: 0,
      kind: "veto",
    };
  };

  const bandsDeductRule = (): RuleOut => {
    const [short, metric] = rng.pick(METRICS);
    const name = ruleName(short);
    const step = rng.pick([10, 20]);
    const clause =
      `${metric}在75%—100%（含75%，不含100%）的，扣${fmtH(step)}分；50%—75%的，扣${fmtH(step * 2)}分；` +
      `25%—50%的，扣${fmtH(step * 3)}分；25%以下的，不得分；未报送的，扣${fmtH(step * 5)}分`;
    return {
      kp: [
        `规则 ${q(name)} ${q(clause)}`,
        "  分段 {",
        `    [75%, 100%) 扣 ${fmtH(step)}`,
        `    [50%, 75%) 扣 ${fmtH(step * 2)}`,
        `    [25%, 50%) 扣 ${fmtH(step * 3)}`,
        "    < 25% 不得分",
        `    未报送 扣 ${fmtH(step * 5)}`,
        "  }",
      ],
      json: {
        name,
        clause,
        kind: "bands",
        bands: [
          { from: "75%", to: "100%", lowerInclusive: true, upperInclusive: false, deduct: toNum(step) },
          { from: "50%", to: "75%", lowerInclusive: true, upperInclusive: false, deduct: toNum(step * 2) },
          { from: "25%", to: "50%", lowerInclusive: true, upperInclusive: false, deduct: toNum(step * 3) },
          { below: "25%", outcome: "zero" },
          { missing: true, deduct: toNum(step * 5) },
        ],
      },
      award: 0,
      kind: "bands",
    };
  };

  const bandsAwardRule = (): RuleOut => {
    const [short, metric] = rng.pick(METRICS);
    const name = ruleName(short);
    const top = rng.pick([10, 20, 30]);
    const clause = `${metric}98%以上得${fmtH(top)}分、92%—98%得${fmtH(top / 2)}分、92%以下得0分`;
    return {
      kp: [`规则 ${q(name)} ${q(clause)}`, "  分段 {", `    ≥ 98% 得 ${fmtH(top)}`, `    [92%, 98%) 得 ${fmtH(top / 2)}`, "    < 92% 得 0", "  }"],
      json: {
        name,
        clause,
        kind: "bands",
        bands: [
          { atLeast: "98%", award: toNum(top) },
          { from: "92%", to: "98%", lowerInclusive: true, upperInclusive: false, award: toNum(top / 2) },
          { below: "92%", award: 0 },
        ],
      },
      award: top,
      kind: "bands-award",
    };
  };

  const linearRule = (): RuleOut => {
    const v = rng.int(0, 2);
    if (v === 0) {
      const [short, metric] = rng.pick(METRICS);
      const name = ruleName(short);
      const clause = `${metric}低于90%的，每低1个百分点扣0.02分，低于80%的不得分`;
      return {
        kp: [`规则 ${q(name)} ${q(clause)}`, "  基准 90% 每低 1 个百分点 扣 0.02 低于 80% 不得分"],
        json: { name, clause, kind: "linear", base: "90%", direction: "below", step: 1, amount: 0.02, cutoff: { below: "80%", outcome: "zero" } },
        award: 0,
        kind: "linear",
      };
    }
    if (v === 1) {
      const name = ruleName("超支");
      const clause = "“三公”经费支出超过预算100万元的，每增加20万元扣1分，不足20万元的不扣分";
      return {
        kp: [`规则 ${q(name)} ${q(clause)}`, "  基准 100 万元 每增加 20 万元 扣 1 不足一档不计 上限 3"],
        json: { name, clause, kind: "linear", base: 100, direction: "above", step: 20, amount: 1, mode: "floor", cap: 3 },
        award: 0,
        kind: "linear",
      };
    }
    const name = ruleName("超龄");
    const clause = "新提拔干部平均年龄超过40岁的，每超1岁扣0.5分，不足1岁的按1岁计";
    return {
      kp: [`规则 ${q(name)} ${q(clause)}`, "  基准 40 岁 每超 1 岁 扣 0.5 不足一档按一档计"],
      json: { name, clause, kind: "linear", base: 40, direction: "above", step: 1, amount: 0.5, mode: "ceil" },
      award: 0,
      kind: "linear",
    };
  };

  const shortfallRule = (): RuleOut => {
    const [short, act] = rng.pick(ACTIONS);
    const name = ruleName(`${short}次数`);
    const n = rng.int(2, 12);
    const amt = rng.pick([10, 20, 25]);
    const clause = `全年${act}至少${n}次，每少一次扣${fmtH(amt)}分`;
    return {
      kp: ruleText(rng, name, clause, `至少 ${n} 次 每少 1 次 扣 ${fmtH(amt)}`),
      json: { name, clause, kind: "shortfall", target: n, step: 1, amount: toNum(amt) },
      award: 0,
      kind: "shortfall",
    };
  };

  const discretionRule = (): RuleOut => {
    const [short, act] = rng.pick(ACTIONS);
    const name = ruleName(`${short}酌情`);
    const clause = `${act}出现问题、情节较重的，视情况酌情扣0.5—2分`;
    return { kp: ruleText(rng, name, clause, "酌情 扣 0.5 至 2"), json: { name, clause, kind: "discretion", min: 0.5, max: 2 }, award: 0, kind: "discretion" };
  };

  const awardRule = (): RuleOut => {
    const [short, act] = rng.pick(AWARD_ACTS);
    const name = ruleName(short);
    const amt = rng.pick([10, 10, 10, 20, 20, 30]);
    const clause = `${act}（${fmtH(amt)}分）`;
    return { kp: ruleText(rng, name, clause, `得 ${fmtH(amt)}`), json: { name, clause, kind: "once", award: toNum(amt) }, award: amt, kind: "award" };
  };

  /** A deduction rule of a random kind, weighted as in real rulebooks (mostly per-occurrence). */
  const deductRule = (): RuleOut => {
    const r = rng.next();
    if (r < 0.55) return perRule();
    if (r < 0.67) return onceRule();
    if (r < 0.71) return categoriesRule();
    if (r < 0.76) return bandsDeductRule();
    if (r < 0.81) return linearRule();
    if (r < 0.86) return shortfallRule();
    if (r < 0.9) return discretionRule();
    if (r < 0.93) return zeroRule();
    return vetoRule();
  };

  // ------------------------------------------------------------ indicators
  const indent = (lines: string[], by = "  ") => lines.map((l) => (l === "" ? l : by + l));
  const ruleLines = (r: RuleOut) => {
    count(r.kind);
    return r.kp;
  };

  /** A leaf indicator of deduction rules (with groups now and then). */
  const deductIndicator = (name: string, points: H): IndicatorOut => {
    indicatorCount++;
    const body: string[] = [];
    const rules: unknown[] = [];
    const n = rng.int(6, 14);
    for (let i = 0; i < n; i++) {
      const g = rng.next();
      if (g < 0.06) {
        const cap = rng.pick([50, 100, 150]);
        const inner = [perRule(true), perRule(true), onceRule()];
        body.push(`合计 上限 ${fmtH(cap)} {`, ...indent(inner.flatMap(ruleLines)), "}");
        rules.push({ group: "cap", cap: toNum(cap), rules: inner.map((r) => r.json) });
        count("group:合计");
        i += inner.length - 1;
      } else if (g < 0.12) {
        const inner: RuleOut[] = [];
        for (const f of [onceRule, () => perRule(true), categoriesRule]) inner.push(f());
        const withCap = rng.chance(0.3);
        body.push(withCap ? "就高 上限 1 {" : "就高 {", ...indent(inner.flatMap(ruleLines)), "  注 「同一问题涉及多条的，按最高标准扣分，不重复扣」", "}");
        rules.push({ group: "highest", cap: withCap ? 1 : undefined, rules: inner.map((r) => r.json) });
        count("group:就高");
        i += inner.length - 1;
      } else {
        const r = deductRule();
        body.push(...ruleLines(r));
        rules.push(r.json);
      }
    }
    if (rng.chance(0.1)) body.push(`注 「本项扣分以${rng.pick(DEPARTMENTS)}的通报为准」`);
    return {
      kp: [`指标 ${q(name)} ${fmtH(points)}分 {`, ...indent(body), "}"],
      json: { name, points: toNum(points), rules },
      points,
    };
  };

  /** An indicator of checklist items, points derived from its rules. */
  const awardIndicator = (name: string): IndicatorOut => {
    indicatorCount++;
    const body: string[] = [];
    const rules: unknown[] = [];
    let sum = 0;
    const n = rng.int(3, 8);
    for (let i = 0; i < n; i++) {
      const r = i === n - 1 && rng.chance(0.3) ? bandsAwardRule() : awardRule();
      sum += r.award;
      body.push(...ruleLines(r));
      rules.push(r.json);
    }
    return { kp: [`指标 ${q(name)} {`, ...indent(body), "}"], json: { name, rules }, points: sum };
  };

  /** An indicator scored by one assessment, rate or cross-unit rule pair. */
  const scoredIndicator = (name: string, points: H, refer: boolean): IndicatorOut => {
    indicatorCount++;
    const v = rng.int(0, 2);
    const body: string[] = [];
    const json: Record<string, unknown> = { name, points: toNum(points) };
    if (refer) {
      body.push("参照 「园区」 以 「甲区」 为准");
      json.refer = { unitClass: "园区", unit: "甲区" };
      count("refer:参照");
    }
    const rules: unknown[] = [];
    if (v === 0) {
      const [short, act] = rng.pick(ACTIONS);
      const r: RuleOut = {
        kp: [`规则 ${q(ruleName(`${short}评价`))} ${q(`依据《${act}考核办法》对工作质量、效率、效果进行量化评价，依据评价结果确定得分`)}`, "  按评价 得分"],
        json: { kind: "assessed" },
        award: points,
        kind: "assessed",
      };
      body.push(...ruleLines(r));
      rules.push(r.json);
    } else if (v === 1) {
      const [short, metric] = rng.pick(METRICS);
      const r: RuleOut = {
        kp: [`规则 ${q(ruleName(`${short}满意度`))} ${q(`依据${metric}社会满意度调查结果计算得分`)}`, "  按比率 得分"],
        json: { kind: "rate" },
        award: points,
        kind: "rate",
      };
      body.push(...ruleLines(r));
      rules.push(r.json);
    } else {
      const half = points / 2;
      const [short, metric] = rng.pick(METRICS);
      const p: RuleOut = {
        kp: [`规则 ${q(ruleName(`${short}比例`))} ${q(`按${metric}与第1名的比例计算得分`)}`, `  按最高比例 得分 满分 ${fmtH(half)}`],
        json: { kind: "proportional", max: toNum(half) },
        award: half,
        kind: "proportional",
      };
      const k: RuleOut = {
        kp: [`规则 ${q(ruleName(`${short}排名`))} ${q(`按${metric}排名，第1名得满分，每后退一位扣0.5分`)}`, `  按排名 得分 满分 ${fmtH(half)} 每后退一位 扣 0.5`],
        json: { kind: "ranked", max: toNum(half), step: 0.5 },
        award: half,
        kind: "ranked",
      };
      body.push(...ruleLines(p), ...ruleLines(k));
      rules.push(p.json, k.json);
    }
    json.rules = rules;
    return { kp: [`指标 ${q(name)} ${fmtH(points)}分 {`, ...indent(body), "}"], json, points };
  };

  /** A second-level indicator: deductions, checklist groups, an assessment, or a nested level. */
  const secondLevel = (name: string): IndicatorOut => {
    const r = rng.next();
    if (r < 0.55) return deductIndicator(name, rng.pick([100, 200, 300, 400]));
    if (r < 0.7) {
      // checklist groups under a declared parent whose points are their sum
      indicatorCount++;
      const kids = Array.from({ length: rng.int(2, 4) }, (_, i) => awardIndicator(`${rng.pick(AWARD_ACTS)[0]}（${i + 1}）`));
      const points = kids.reduce((s, k) => s + k.points, 0);
      return {
        kp: [`指标 ${q(name)} ${fmtH(points)}分 {`, ...indent(kids.flatMap((k) => k.kp)), "}"],
        json: { name, points: toNum(points), children: kids.map((k) => k.json) },
        points,
      };
    }
    if (r < 0.82) return scoredIndicator(name, rng.pick([100, 200, 400]), rng.chance(0.15));
    // a nested level of deduction indicators, one of them only for 县区
    indicatorCount++;
    const kids = Array.from({ length: rng.int(2, 3) }, (_, i) => deductIndicator(`${rng.pick(INDICATOR_NAMES)}（${i + 1}）`, rng.pick([30, 50, 100])));
    const points = kids.reduce((s, k) => s + k.points, 0);
    const applies = rng.chance(0.2);
    if (applies) count("indicator:适用");
    return {
      kp: [`指标 ${q(name)} ${fmtH(points)}分 {`, ...(applies ? ["  适用 「县区」"] : []), ...indent(kids.flatMap((k) => k.kp)), "}"],
      json: { name, points: toNum(points), appliesTo: applies ? ["县区"] : undefined, children: kids.map((k) => k.json) },
      points,
    };
  };

  // ------------------------------------------------------------ the catalogue
  const header = (total: H) => [
    "// 基准用生成细则：内容随机生成（固定种子），结构与真实考评细则相同。",
    `细则 「××市对县（区）目标考评细则（基准生成，种子 ${seed}）」`,
    "年度 2024",
    "对象 「各县（区）、园区」",
    "类别 「县区」、「园区」",
    `总分 ${fmtH(total)}分`,
    "舍入 保留 2 位",
    "",
    "等次 {",
    `  「优秀」 ≥ ${Math.round((total * 0.9) / 100)} 且 前 20%`,
    `  「良好」 ≥ ${Math.round((total * 0.8) / 100)}`,
    `  「合格」 ≥ ${Math.round((total * 0.6) / 100)}`,
    "  「不合格」 其余",
    "}",
    "",
  ];
  const sections = (): { kp: string[]; json: unknown[] } => {
    const bonus = [awardRule(), awardRule()];
    const bonusPer: RuleOut = {
      kp: [`规则 ${q(ruleName("表彰"))} ${q("获得国家级表彰的，每次加0.5分")}`, "  每次 得 0.5"],
      json: { kind: "per", award: 0.5 },
      award: 0,
      kind: "per-award",
    };
    const penalty = [perRule(true), onceRule()];
    return {
      kp: [
        "加分 「创新创优」 上限 2 {",
        ...indent([...bonus, bonusPer].flatMap(ruleLines)),
        "}",
        "",
        "减分 「问责追究」 上限 5 {",
        ...indent(penalty.flatMap(ruleLines)),
        "}",
      ],
      json: [
        { bonus: "创新创优", cap: 2, rules: [...bonus, bonusPer].map((r) => r.json) },
        { penalty: "问责追究", cap: 5, rules: penalty.map((r) => r.json) },
      ],
    };
  };

  const tops: IndicatorOut[] = [];
  const maxBytes = size.bytes ?? Infinity;
  const maxLines = size.lines ?? Infinity;
  const sec = sections();
  // Header, sections and first-level indicators until the size is reached (overshoot: < 1 indicator).
  let kpBytes = Buffer.byteLength([...header(10000), ...sec.kp].join("\n"), "utf8");
  let lines = header(10000).length + sec.kp.length;
  for (let t = 0; kpBytes < maxBytes && lines < maxLines; t++) {
    indicatorCount++;
    const name = `${TOP_NAMES[t % TOP_NAMES.length]}${t >= TOP_NAMES.length ? `（${Math.floor(t / TOP_NAMES.length) + 1}）` : ""}`;
    const kids: IndicatorOut[] = [];
    const used = new Set<string>();
    const n = rng.int(6, 12);
    for (let i = 0; i < n; i++) {
      let nm = rng.pick(INDICATOR_NAMES);
      while (used.has(nm)) nm = `${nm}（续）`;
      used.add(nm);
      kids.push(secondLevel(nm));
    }
    const points = kids.reduce((s, k) => s + k.points, 0);
    const departments = [rng.pick(DEPARTMENTS), rng.pick(DEPARTMENTS.slice(0, 2))];
    const top: IndicatorOut = {
      kp: [
        `// 一级指标「${name}」（${fmtH(points)}分）`,
        `指标 ${q(name)} ${fmtH(points)}分 {`,
        `  编号 ${q(CHINESE_NUMBERS[t % 10]!)}`,
        `  考评单位 ${departments.map(q).join("、")}`,
        ...indent(kids.flatMap((k) => [...k.kp, ""]).slice(0, -1)),
        "}",
        "",
      ],
      json: { name, code: CHINESE_NUMBERS[t % 10], points: toNum(points), departments, children: kids.map((k) => k.json) },
      points,
    };
    kpBytes += Buffer.byteLength(top.kp.join("\n"), "utf8") + 1;
    lines += top.kp.length;
    tops.push(top);
  }
  const total = tops.reduce((s, t) => s + t.points, 0);
  const kp = [...header(total), ...tops.flatMap((t) => t.kp), ...sec.kp].join("\n") + "\n";
  const jsonValue = {
    title: `××市对县（区）目标考评细则（基准生成，种子 ${seed}）`,
    year: 2024,
    subject: "各县（区）、园区",
    classes: ["县区", "园区"],
    total: toNum(total),
    rounding: 2,
    grades: [
      { name: "优秀", atLeast: Math.round((total * 0.9) / 100), top: "20%" },
      { name: "良好", atLeast: Math.round((total * 0.8) / 100) },
      { name: "合格", atLeast: Math.round((total * 0.6) / 100) },
      { name: "不合格", otherwise: true },
    ],
    indicators: tops.map((t) => t.json),
    sections: sec.json,
  };
  // The JSON twin, cut to the .kp's byte size: as many first-level indicators as fit.
  let json = JSON.stringify(jsonValue, null, 2) + "\n";
  const kpSize = Buffer.byteLength(kp, "utf8");
  let keep = jsonValue.indicators.length;
  while (keep > 1 && Buffer.byteLength(json, "utf8") > kpSize) {
    keep--;
    json = JSON.stringify({ ...jsonValue, indicators: jsonValue.indicators.slice(0, keep) }, null, 2) + "\n";
  }
  return {
    kp,
    json,
    rules: (kp.match(/^\s*规则 /gm) ?? []).length,
    indicators: indicatorCount,
    lines: kp.split("\n").length - 1,
    kpBytes: Buffer.byteLength(kp, "utf8"),
    jsonBytes: Buffer.byteLength(json, "utf8"),
    kinds,
  };
}
