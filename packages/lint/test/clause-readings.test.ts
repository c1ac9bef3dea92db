/**
 * clause-mismatch (KP3030): the readings of a clause beyond its bag of numbers (issue 11 §2), each
 * class of false negative and false positive the corpus (test/corpus) found, on small catalogues:
 *
 * - false negatives: category amounts swapped (a name followed by its amount, 分别对应, 减半), the
 *   kind (否优 without the word, 按比率↔按评价), band inclusivity (含本数, 以上), a dropped count word
 *   (每发现一起, 缺一项, 每人每次), the ranking's direction, a Chinese numeral that is not an amount;
 * - false positives: 酌情 with no range written, a copy's 「0 5分」, rank lists and 按5%递减 written
 *   as a step, 标准分 stated by a sibling clause, 减半 of a sibling's amounts, one clause split into
 *   rules, duties (每年检查一次) that are not counts.
 *
 * Every faithful case is asserted clean and every wrong one asserted to be found, so that a reading
 * that stops working fails here and not only in the corpus figures.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeCatalogue, nodeHost } from "@kaoping/core";
import { lintAnalysis } from "@kaoping/lint";

/** KP3030 messages on a catalogue of one indicator (and an optional 加分 section). */
function kp3030(points: number, rules: string, bonus?: string): string[] {
  const path = join(mkdtempSync(join(tmpdir(), "kp-lint-")), "细则.kp");
  const section = bonus ? `加分 「加分」 上限 20 {\n${bonus}\n}\n` : "";
  writeFileSync(path, `细则 「条文」\n总分 ${points}分\n指标 「项目」 ${points}分 {\n${rules}\n}\n${section}`);
  const a = analyzeCatalogue(path, nodeHost);
  expect(a.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
  return lintAnalysis(a)
    .filter((d) => d.code === "KP3030")
    .map((d) => d.message.replace(/^规则「[^」]*」与条文不一致：/, ""));
}

const rule = (clause: string, code: string) => `  规则 「r」 「${clause}」\n    ${code}`;

describe("categories: each name takes the amount written after it", () => {
  const clause = "被通报批评的，主办单位每次扣1分，协办单位扣0.5分。";
  it("faithful", () => expect(kp3030(10, rule(clause, "每次 扣 「主办」 1、「协办」 0.5"))).toEqual([]));
  it("swapped amounts are found, each category with its amount", () => {
    expect(kp3030(10, rule(clause, "每次 扣 「主办」 0.5、「协办」 1"))).toEqual([
      "分类「主办」的金额与条文不符：条文中「主办」之后写的是「1分」，应为 1分",
      "分类「协办」的金额与条文不符：条文中「协办」之后写的是「0.5分」，应为 0.5分",
    ]);
  });
  it("one category the clause does not name takes the amount before the first name", () => {
    const c = "在规定时限内未完成的，扣5分，协办单位扣2.5分。";
    expect(kp3030(80, rule(c, "每项 扣 「承办」 5、「协办」 2.5"))).toEqual([]);
    expect(kp3030(80, rule(c, "每项 扣 「承办」 2.5、「协办」 5"))).toHaveLength(2);
  });
  it("only a swap is read: other amounts are the number check's (no guess at a mapping)", () => {
    const found = kp3030(10, rule(clause, "每次 扣 「主办」 1、「协办」 0.3"));
    expect(found).toEqual(["扣分 0.3 与条文中的「0.5分」不符"]);
  });
  it("「分别对应扣4分、3分」 after the names", () => {
    const c = "被中央、省、市、区通报问题的，每例分别对应扣4分、3分、2分、1分";
    expect(kp3030(10, rule(c, "每例 扣 「中央」 4、「省」 3、「市」 2、「区」 1"))).toEqual([]);
    expect(kp3030(10, rule(c, "每例 扣 「中央」 3、「省」 4、「市」 2、「区」 1"))).toHaveLength(2);
  });
  it("「按相应级别……减半计分」: half the sibling rule's category of the same level", () => {
    const full = "  规则 「综合」 「县级刊物采纳1篇计5分，市级刊物采纳1篇计7分」\n    每篇 得 「县级」 5、「市级」 7";
    const half = "各类学术刊物上发表的文章按相应级别综合性刊物减半计分。";
    expect(kp3030(10, "  规则 「占位」 「完成的得10分」 得 10", `${full}\n${rule(half, "每篇 得 「县级学术」 2.5、「市级学术」 3.5")}`)).toEqual([]);
    const swapped = kp3030(10, "  规则 「占位」 「完成的得10分」 得 10", `${full}\n${rule(half, "每篇 得 「县级学术」 3.5、「市级学术」 2.5")}`);
    expect(swapped).toEqual([
      "分类「县级学术」的金额与条文不符：条文写的是「减半计分」，相应的「县级」是 5 分，应为 2.5分",
      "分类「市级学术」的金额与条文不符：条文写的是「减半计分」，相应的「市级」是 7 分，应为 3.5分",
    ]);
  });
});

describe("the kind of rule the clause names", () => {
  it("「取消……评优资格」 is 一票否优", () => {
    const c = "造成不良影响，受到通报批评，取消年度督查工作评优资格。";
    expect(kp3030(10, rule(c, "一票否优"))).toEqual([]);
    expect(kp3030(10, rule(c, "一票否决"))).toEqual(["规则写的是「一票否决」，条文写的是「取消年度督查工作评优」（一票否优）"]);
  });
  it("「按完成比例得分」 is 按比率; 「评价」 is 按评价", () => {
    const rate = "完成年度目标任务的，满分；未完成的，按完成比例得分。";
    expect(kp3030(10, rule(rate, "按比率 得分"))).toEqual([]);
    expect(kp3030(10, rule(rate, "按评价 得分"))).toEqual(["规则按评价计分，条文写的是「按完成比例得分」：按完成率或比例计分应写「按比率」"]);
    const assessed = "区政府领导对实施情况的评价。占10分";
    expect(kp3030(10, rule(assessed, "按评价 得分"))).toEqual([]);
    expect(kp3030(10, rule(assessed, "按比率 得分"))).toEqual(["规则按比率（完成率乘以分值）计分，条文写的是「评价」，没有完成率或比例的说法：应写「按评价」"]);
  });
  it("「……打分……按相应比例扣分」 is 按比率: how the score is computed outweighs 打分", () => {
    const c = "按照任务完成情况打分，完成任务得基本分；没有完成任务，按相应比例扣分。";
    expect(kp3030(10, rule(c, "按比率 得分"))).toEqual([]);
    expect(kp3030(10, rule(c, "按评价 得分"))).toHaveLength(1);
  });
  it("a 满意度 or a product is a rate, even with 测评; a clause with neither word says nothing", () => {
    expect(kp3030(2, rule("按群众满意度测评结果计分：得分＝2分×满意度", "按比率 得分"))).toEqual([]);
    expect(kp3030(6, rule("面向社会进行满意度调查，依据调查结果计算得分", "按比率 得分"))).toEqual([]);
    expect(kp3030(6, rule("依据调查结果计算得分", "按比率 得分"))).toEqual([]);
  });
  it("按排名: 「最高的得满分」 is not 越低越好", () => {
    const c = "完成实绩最高的县区得该项指标满分，其余按高低排序计算得分，以后按5%依次递减。";
    expect(kp3030(10, rule(c, "按排名 得分 每后退一位 扣 0.5"))).toEqual([]);
    expect(kp3030(10, rule(c, "按排名 得分 每后退一位 扣 0.5 越低越好"))).toHaveLength(1);
  });
});

describe("band inclusivity", () => {
  it("「100件(含本数)以上」 includes 100", () => {
    const c = "承办数量在50至99件、100件(含本数)以上的，分别增记2、3分";
    expect(kp3030(10, rule(c, "分段 { [50, 99] 得 2 ≥ 100 得 3 }"))).toEqual([]);
    expect(kp3030(10, rule(c, "分段 { [50, 99] 得 2 > 100 得 3 }"))).toEqual(["分段「> 100」不含 100，条文写的是「100件(含本数)」"]);
  });
  it("「90分以上满分，90分以下扣1分」: 90 is in the band above, 以下 is read as 低于", () => {
    const c = "满意度在90分以上满分，90分以下扣1分；80分以下扣5分";
    expect(kp3030(10, rule(c, "分段 { [80, 90) 扣 1 < 80 扣 5 }"))).toEqual([]);
    expect(kp3030(10, rule(c, "分段 { (80, 90] 扣 1 < 80 扣 5 }"))).toEqual([
      "分段「(80, 90]」含 90，条文写的是「90分以上」：「以上」含本数，90 属于上面一档",
    ]);
  });
  it("「不低于X」 includes X and 「超过X」 does not; 「超过X（含）」 does", () => {
    const c = "完成率不低于90%的得2分";
    expect(kp3030(2, rule(c, "分段 { ≥ 90% 得 2 }"))).toEqual([]);
    expect(kp3030(2, rule(c, "分段 { > 90% 得 2 }"))).toEqual(["分段「> 90%」不含 90%，条文写的是「不低于90%」"]);
    const over = "超过3次的扣2分";
    expect(kp3030(10, rule(over, "分段 { > 3 扣 2 }"))).toEqual([]);
    expect(kp3030(10, rule(over, "分段 { ≥ 3 扣 2 }"))).toEqual(["分段「≥ 3」含 3，条文写的是「超过3」"]);
    expect(kp3030(10, rule("超过3次（含）的扣2分", "分段 { ≥ 3 扣 2 }"))).toEqual([]);
  });
});

describe("a count word dropped", () => {
  it("「每发现一起扣0.5分」 is 每起, not once", () => {
    const c = "未及时更新的，每发现一起扣0.5分。";
    expect(kp3030(10, rule(c, "每起 扣 0.5"))).toEqual([]);
    expect(kp3030(10, rule(c, "扣 0.5"))).toEqual(["条文按次计分（「每发现一起扣0.5分」），规则却只扣一次：应写「每次 扣 …」（或条文的计数单位，如每起、每项）"]);
  });
  it("缺一项, 采纳1篇计, 按卷扣 and the traditional 每個 are counts", () => {
    expect(kp3030(10, rule("計劃、總結缺一項扣0.5分", "扣 0.5"))).toHaveLength(1);
    expect(kp3030(10, rule("《建设报》采纳1篇计5分。", "得 5"))).toHaveLength(1);
    expect(kp3030(10, rule("建卷和资料不完整的按卷扣2分。", "扣 2"))).toHaveLength(1);
    expect(kp3030(10, rule("河長公示牌設立不規範，每個扣0.5分", "扣 0.5"))).toHaveLength(1);
    expect(kp3030(10, rule("未實現河長全覆蓋，缺一條扣0.5分", "扣 0.5"))).toHaveLength(1);
    expect(kp3030(20, rule("建成1座生态公厕，得10分；每增加一座加5分", "得 5"))).toContain(
      "条文按次计分（「每增加一座加5分」），规则却只得一次：应写「每次 得 …」（或条文的计数单位，如每起、每项）",
    );
  });
  it("「每人每次」 is two counts", () => {
    const c = "被抽查到迟到早退的每人每次扣1分";
    expect(kp3030(10, rule(c, "每人 每次 扣 1"))).toEqual([]);
    expect(kp3030(10, rule(c, "每次 扣 1"))).toHaveLength(1);
  });
  it("duties, slogans and an item's points in brackets are not counts", () => {
    expect(kp3030(10, rule("近三年每年检查一次，并有检查记录，0.5分", "得 0.5"))).toEqual([]);
    expect(kp3030(10, rule("每个月发表任务数为1篇，没有完成任务的，相关人员在当月月考中各扣1分。", "扣 1"))).toEqual([]);
    expect(kp3030(10, rule("每月召开一次例会，未召开的扣0.5分", "扣 0.5"))).toEqual([]);
    expect(kp3030(10, rule("缺少相关人员签字的扣1分", "扣 1"))).toEqual([]);
    expect(kp3030(10, rule("全年未发生一次安全事故得2分", "得 2"))).toEqual([]);
    expect(kp3030(10, rule("全年未发现一起违规问题得2分", "得 2"))).toEqual([]);
    expect(kp3030(10, rule("缺台账扣1分，缺现场记录扣1分", "扣 1"))).toEqual([]);
    expect(kp3030(10, rule("逾期未报的，每天扣0.1分", "扣 0.1"))).toHaveLength(1);
    expect(kp3030(10, rule("扎实推动“八个一批”挂职交流（0.2分）", "得 0.2"))).toEqual([]);
    expect(kp3030(10, rule("向本地每名党员赠阅书籍(0.1分)", "得 0.1"))).toEqual([]);
  });
  it("one clause split into a one-shot and a per-occurrence rule", () => {
    const c = "路面整洁，得10分；发现一处扣2分，扣完为止";
    expect(kp3030(10, `  规则 「a」 「${c}」\n    得 10\n  规则 「b」 「${c}」\n    每处 扣 2`)).toEqual([]);
  });
});

describe("numbers", () => {
  it("「完成的得满分」: the item's own points", () => {
    expect(kp3030(3, rule("按时完成的得满分", "得 3"))).toEqual([]);
    expect(kp3030(3, rule("按时完成的得满分", "得 2"))).toEqual(["得分 2 在条文中没有出现"]);
  });
  it("one clause split across sub-indicators: the other rule's numbers account for its amounts", () => {
    const c = "按时报送的得1分，质量高的另得2分";
    const path = join(mkdtempSync(join(tmpdir(), "kp-lint-")), "细则.kp");
    writeFileSync(
      path,
      `细则 「条文」\n总分 3分\n指标 「报送」 3分 {\n  指标 「按时」 1分 {\n    规则 「a」 「${c}」 得 1\n  }\n  指标 「质量」 2分 {\n    规则 「b」 「${c}」 得 2\n  }\n}\n`,
    );
    expect(lintAnalysis(analyzeCatalogue(path, nodeHost)).filter((d) => d.code === "KP3030")).toEqual([]);
  });
  it("「每出现一种」 is not an amount of 1", () => {
    const c = "每出现一种档案损坏现象扣0.5分，扣完为止。";
    expect(kp3030(10, rule(c, "每项 扣 0.5"))).toEqual([]);
    expect(kp3030(10, rule(c, "每项 扣 1"))).toEqual(["扣分 1 与条文中的「0.5分」不符"]);
  });
  it("a Chinese numeral after 计 is an amount: 「每篇计一分」 accounts for 得 1", () => {
    expect(kp3030(10, rule("被采用的每篇计一分", "每篇 得 1"))).toEqual([]);
  });
  it("a copy's 「0 5分」 is 0.5", () => {
    expect(kp3030(10, rule("受到市委市政府表彰的，加0 5分", "得 0.5"))).toEqual([]);
    expect(kp3030(10, rule("受到市委市政府表彰的，加0 5分", "得 5"))).toHaveLength(1);
  });
  it("酌情 with no range written: from 0 to the item's points", () => {
    expect(kp3030(4, rule("督查不到位的，酌情扣分。", "酌情 扣 0 至 4"))).toEqual([]);
    expect(kp3030(4, rule("督查不到位的，酌情扣分。", "酌情 扣 0 至 3"))).toEqual(["酌情扣分 3 在条文中没有出现"]);
    expect(kp3030(4, rule("督查不到位的，酌情扣0.5至2分。", "酌情 扣 0 至 4")).sort()).toEqual(
      ["酌情扣分 4 在条文中没有出现", "条文中的「0.5分」在规则中没有对应的数值", "条文中的「2分」在规则中没有对应的数值"].sort(),
    );
  });
  it("按排名: 「按5%依次递减」 of 满分 and 「依次得10分、9分、8分」 are steps", () => {
    const pct = "第一名得满分，第二位得满分的95%，以后按5%依次递减。";
    expect(kp3030(10, rule(pct, "按排名 得分 每后退一位 扣 0.5"))).toEqual([]);
    expect(kp3030(10, rule(pct, "按排名 得分 每后退一位 扣 1"))).toEqual(["得分 1 在条文中没有出现"]);
    const list = "第一至三名依次得10分、9分、8分";
    expect(kp3030(10, rule(list, "按排名 得分 满分 10 每后退一位 扣 1"))).toEqual([]);
    expect(kp3030(10, rule(list, "按排名 得分 满分 10 每后退一位 扣 2"))).not.toEqual([]);
  });
  it("「得标准分」: the 标准分 a sibling clause states", () => {
    const sibling = "  规则 「a」 「列入省级重点项目的得标准分10分」\n    得 10";
    const c = "完成年度投资计划任务得标准分，未完成的按实际完成率乘以标准分计分";
    expect(kp3030(20, `${sibling}\n  规则 「b」 「${c}」\n    按比率 得分 满分 10`)).toEqual([]);
    expect(kp3030(20, `${sibling}\n  规则 「b」 「${c}」\n    按比率 得分 满分 20`)).toEqual([
      "满分 20 与条文所说的「标准分」不符：规则「a」的条文写的是「标准分10分」",
    ]);
  });
});
