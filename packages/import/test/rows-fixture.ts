// A table shaped like rulebook 206 (河池 基层应急管理工作考核评分表, test/corpus/clauses/206-…json): 一级 merged
// down its block, 二级 merged down its rows, one row per requirement with its own points in the 分值 column
// and no points in its text. Used by rows.test.ts and by the CLI's import test (packages/cli/test/import.test.ts).
import type { FixtureTable } from "./build-fixtures.js";

export const ROWS_TITLE = "基层应急管理工作考核评分表";

/**
 * 二级 items: 「工作部署情况（10分）」 states its points (5 + 5), 「应急管理体制建设」 does not (5+5+3+2 = 15); two rows
 * state a bound (a band of the row's points); 「每月至少召开一次」 stays a to-do (a count it cannot place).
 */
export const rowsTable: FixtureTable = [
  ["一级指标", "二级指标", "考核内容", "分值"],
  ["基础工作（25分）", "工作部署情况（10分）", "认真贯彻落实上级关于加强基层应急管理工作的文件和会议精神。", "5"],
  [null, null, "高度重视应急管理工作,采取措施进行部署。", "5"],
  [null, "应急管理体制建设", "成立应急管理领导机构。", "5"],
  [null, null, "成立应急管理办事机构。", "5"],
  [null, null, "确定相关负责人员。", "3"],
  [null, null, "建立应急管理责任人、工作人员上墙公示制度。", "2"],
  ["预案与宣教（25分）", "预案体系建设（10分）", "编制完成突发公共事件总体应急预案和专项应急预案。", "5"],
  [null, null, "加强应急预案演练,并积极配合上级组织的各项演练活动。", "5"],
  [null, "科普宣教和培训工作（15分）", "制定应急知识宣传普及工作方案,开展多种形式的应急知识宣传普及活动。", "5"],
  [null, null, "各级领导干部每年参加各类应急管理业务培训不少1次。", "5"],
  [null, null, "应急管理工作人员每年参加培训不少于2次。", "5"],
  ["机构与制度（10分）", "安全管理机构（10分）", "成立安全生产委员会(或领导小组),安委会职责明确,实行主要领导负责制;", "5"],
  [null, null, "安全生产管理机构每月至少召开一次安全工作例会。", "5"],
];

/** The same shape with rows that do not add up to their item (5 + 3 under 「日常工作材料报送（10分）」). */
export const rowsTableOff: FixtureTable = [
  ["一级指标", "二级指标", "考核内容", "分值"],
  ["日常工作（10分）", "日常工作材料报送（10分）", "按时按质报送应急管理工作总结、计划。", "5"],
  [null, null, "及时报送较大以上突发公共事件处置评估报告。", "3"],
];
