// 计分模块的类型声明：细则「样例细则」。由 kaoping 生成，请勿手工修改。

/** 非负整数，或写成文本的非负整数。 */
export type Count = number | `${number}`;
/** 事件编号列表：每个编号（文字或非负整数）算一次。 */
export type IncidentIds = (string | number)[];
/** 逐项的次数：项名 → 次数。 */
export type ItemCounts = Record<string, Count>;
/** 是/否。 */
export type Flag = boolean | "是" | "否" | "有" | "无" | 0 | 1;
/** 十进制数（最多 6 位小数），可写成文本；百分数可带 %。 */
export type Decimal = number | string;

/** 单位类别。 */
export type UnitClass = "县区" | "园区";

/** 一个单位的事实：键为规则名（或 规则名.分项）。 */
export interface Facts {
  /**
   * 【参会】次数：非负整数（次数）
   * 条文：未按要求参加会议的，每次扣0.5分，最多扣2分
   */
  "参会"?: Count;
  /**
   * 【文件】件次数：非负整数（件次数）
   * 条文：文件签收不及时的，每件次扣0.02分；园区每件次扣0.01分
   */
  "文件"?: Count;
  /**
   * 【清退】是否发生：是/否
   * 条文：文件清退不齐全的，扣0.2分
   */
  "清退"?: Flag;
  /**
   * 【信息】数值（百分数）：非负数（百分数，如 87.5 或 "87.5%"）；未报送时留空或写 null
   * 条文：完成75%—100%（含75%，不含100%）扣0.2分；50%—75%扣0.4分；未报送扣2分
   */
  "信息"?: Decimal | null;
  /**
   * 【检查】实际完成的次数：非负整数
   * 条文：全年至少4次，每少一次扣0.25分
   */
  "检查": Decimal;
  /**
   * 【达标率】数值（百分数）：非负数（百分数，如 87.5 或 "87.5%"）
   * 条文：达标率低于90%的，每低1个百分点扣0.02分，低于80%不得分
   */
  "达标率": Decimal;
  /**
   * 【重犯】次数：非负整数（次数）
   * 条文：违规的每次扣0.1分，重犯加倍
   */
  "重犯"?: Count;
  /**
   * 【重犯】是否重犯（加倍）：是/否
   * 条文：违规的每次扣0.1分，重犯加倍
   */
  "重犯.重犯"?: Flag;
  /**
   * 【酌情】酌情扣分：酌情扣分，0.5 至 2；不扣时留空或写 0
   * 条文：情节较重的，酌情扣0.5—2分
   */
  "酌情"?: Decimal;
  /**
   * 【否决】是否发生：是/否
   * 条文：发生重大责任事故的，一票否决
   */
  "否决"?: Flag;
  /**
   * 【迟报】次数：非负整数（次数）
   * 条文：迟报的，每次扣0.2分
   */
  "迟报"?: Count;
  /**
   * 【漏报】次数：非负整数（次数）
   * 条文：漏报的，每次扣0.3分
   */
  "漏报"?: Count;
  /**
   * 【班子】是否发生：是/否，或一个事件编号
   * 条文：班子被通报的，扣0.1分
   */
  "班子"?: Flag | string;
  /**
   * 【成员】通报的人次数：非负整数（人次数），或事件编号列表（每个编号算一次，就高时按编号比较）
   * 条文：成员被通报的，每人次扣0.05分；处分的，每人次扣0.2分
   */
  "成员.通报"?: Count | IncidentIds;
  /**
   * 【成员】处分的人次数：非负整数（人次数），或事件编号列表（每个编号算一次，就高时按编号比较）
   * 条文：成员被通报的，每人次扣0.05分；处分的，每人次扣0.2分
   */
  "成员.处分"?: Count | IncidentIds;
  /**
   * 【学习活动】是否完成（或酌情给的分）：是/否（完成得满分 0.5），或 0 至 0.5 的分数
   * 条文：部署开展学习活动（0.5分）
   */
  "学习活动"?: Flag | Decimal;
  /**
   * 【培训】数值（百分数）：非负数（百分数，如 87.5 或 "87.5%"）
   * 条文：培训完成率98%以上得0.5分、92%—98%得0.2分
   */
  "培训": Decimal;
  /**
   * 【评价得分】评价得分：0 至 2 的得分
   * 条文：依据评价结果计算得分
   */
  "评价得分": Decimal;
  /**
   * 【满意度】比率（百分数）：0 至 100 的百分数
   * 条文：依据满意度计算得分
   */
  "满意度": Decimal;
  /**
   * 【产值】用于比较的数值：非负数
   * 条文：按第1名的比例得分
   */
  "产值": Decimal;
  /**
   * 【排名】用于比较的数值：非负数
   * 条文：第1名得满分，每后退一位扣0.5分
   */
  "排名": Decimal;
  /**
   * 【创新】次数：非负整数（次数）
   * 条文：获得国家级表彰的，每次加0.5分
   */
  "创新"?: Count;
  /**
   * 【约谈】次数：非负整数（次数）（只适用于县区）
   * 条文：被约谈的，每次扣1分
   */
  "约谈"?: Count;
}

/** 一个被考评单位。 */
export interface Unit {
  name: string;
  classes?: UnitClass[] | string;
  facts: Facts;
}

/** 指标得分。 */
export interface IndicatorResult {
  id: string;
  name: string;
  /** 本单位在该指标的分值（分值因类别而异时按本单位的类别）。 */
  points: string;
  score: string;
  lost: string;
  children: IndicatorResult[];
}

/** 计算过程的一步。kind：deduct 扣分，award 得分，limit 封顶/扣完为止/就高核减，veto 否决，note 说明。 */
export interface TraceEntry {
  indicator: string;
  rule?: string;
  clause?: string;
  kind: "deduct" | "award" | "limit" | "veto" | "note";
  amount: string;
  text: string;
  facts?: Record<string, unknown>;
}

/** 一个单位的结果。分值均为精确的十进制文本。 */
export interface UnitResult {
  unit: string;
  classes: string[];
  /** 按细则舍入后的总分 */
  total: string;
  /** 舍入前的总分 */
  exactTotal: string;
  rank: number;
  grade: string | null;
  vetoes: { rule: string; level: "fail" | "noExcellent"; clause: string }[];
  indicators?: IndicatorResult[];
  bonus?: string;
  penalty?: string;
  trace?: TraceEntry[];
}

export interface ScoreOptions {
  /** 给出各指标得分（默认 true） */
  detail?: boolean;
  /** 给出每项扣分、得分的计算过程 */
  trace?: boolean;
}

/** 事实中的一个问题。 */
export interface FactError {
  code: string;
  message: string;
  unit?: string;
  key?: string;
}

export declare class KpFactsError extends Error {
  errors: FactError[];
}

/** 细则的结构。 */
export declare const catalogue: {
  title: string;
  year?: string;
  classes: string[];
  total?: string;
  rounding?: number;
  indicators: unknown[];
  grades: string[];
  rules: Record<string, { indicator: string; clause: string; effect: string; kind: string; facts: string[] }>;
};

export declare function checkFacts(units: Unit[]): FactError[];
export declare function scoreAll(units: Unit[], options?: ScoreOptions): UnitResult[];
export declare function scoreUnit(unit: Unit, options?: ScoreOptions & { peers?: Unit[] }): UnitResult;

/** 能否逐个单位计分（没有按计算得分排名、参照平均分等需要全部单位得分的规则）。 */
export declare const streamable: boolean;
/** 逐个单位计分要读几遍事实：2 表示有按事实排名、比例、平均分等规则，须先以 survey 读一遍全部单位。 */
export declare const passes: 1 | 2;

/** 逐个单位计分：add 检查并计分一批单位，结果（不含名次、等次）交给 onResult；finish 给出名次与等次。 */
export interface Scorer {
  /** 是否已有这个名称的单位。 */
  has(name: string): boolean;
  /** 其他单位以其得分为准的单位（参照某个单位）。 */
  references: string[];
  /** 第一遍（passes 为 2 时）：读一批单位的事实，只留跨单位规则需要的数。 */
  survey(units: Unit[]): void;
  add(units: Unit[]): void;
  /** order：按名次排列的单位序号（add 的先后）；tied 的第 k 位（tied[k >> 3] 的 1 << (k & 7)）：第 k 个位置与前一位置同分同名次，否则名次为 k + 1；grades[gradeIndex[k]]：其等次（null 为没有等次）。 */
  finish(): { order: Uint32Array; tied: Uint8Array; gradeIndex: Uint8Array | Uint16Array; grades: (string | null)[] };
}
/** options.detail 为 false 时，结果不含 indicators，而以 top 给出一级指标得分。 */
export declare function createScorer(onResult: (index: number, result: Omit<UnitResult, "rank" | "grade" | "trace"> & { top?: string[] }) => void, options?: { detail?: boolean }): Scorer;
