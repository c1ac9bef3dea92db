// The structure corpus: documents rebuilt from public rulebooks of test/corpus/clauses/ (their
// `source` says where each was published), in the layouts such rulebooks use — see README.md.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { docx, html, xlsx, type FixtureTable } from "./build-fixtures.js";
import { repoRoot } from "./helpers.js";

interface CorpusClause {
  readonly indicator: string;
  readonly points: number | null;
  readonly section?: "加分" | "减分";
  readonly text: string;
}
interface CorpusFile {
  readonly title: string;
  readonly source: string;
  readonly clauses: readonly CorpusClause[];
}

export function corpusFile(id: string): CorpusFile {
  return JSON.parse(readFileSync(join(repoRoot, "test", "corpus", "clauses", `${id}.json`), "utf8")) as CorpusFile;
}

/** The document's items in order: name, points, clauses. */
export function groups(f: CorpusFile): { name: string; points: string; clauses: string[] }[] {
  const out: { name: string; points: string; clauses: string[] }[] = [];
  for (const c of f.clauses) {
    const last = out[out.length - 1];
    if (last && last.name === c.indicator) last.clauses.push(c.text);
    else out.push({ name: c.indicator, points: String(c.points), clauses: [c.text] });
  }
  return out;
}

export interface CorpusDoc {
  readonly id: string;
  readonly file: string;
  readonly layout: string;
  readonly build: () => Promise<Uint8Array>;
  /** The expected tree as `treeLines` gives it (nested levels indented), when it is not the book's flat list of items. */
  readonly tree?: readonly string[];
  /** The 考评单位 the expected indicators carry (by indicator name), when the layout has such a column. */
  readonly departments?: Readonly<Record<string, readonly string[]>>;
  /**
   * A failing expectation: items whose clauses the import does not write as rules today, and why.  The test
   * pins the failure (those items have no clause in the report) so that fixing it shows up here.
   */
  readonly known?: { readonly items: readonly string[]; readonly why: string };
  /** Items the writer renames to keep names unique (the book's name → the catalogue's). */
  readonly renamed?: Readonly<Record<string, string>>;
  /** Problems the import must report (code and the item's name), e.g. points that do not add up. */
  readonly reports?: readonly { readonly code: string; readonly about: string }[];
  /** Which of the book's clauses the document holds (default: all). */
  readonly holds?: (c: CorpusClause) => boolean;
}

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

export const corpusDocs: readonly CorpusDoc[] = [
  {
    // A Word table: 考核项目 and 分值 merged down their rows (w:vMerge), one clause per paragraph of one cell.
    id: "01-quanzhou-licheng-2020",
    file: "鲤城区政务公开考评标准.docx",
    layout: ".docx：考核项目 | 分值 | 评分标准；项目与分值纵向合并；一个单元格内每条条文一段",
    build: () => {
      const f = corpusFile("01-quanzhou-licheng-2020");
      const t: FixtureTable = [["考核项目", "分值", "评分标准"]];
      for (const g of groups(f)) t.push([g.name, g.points, g.clauses.join("\n\n")]);
      return docx([{ paragraph: f.title }, { table: t }]);
    },
  },
  {
    // An Excel sheet: a merged title row, points in the item's heading, one clause per row with the item merged down.
    id: "07-longmen-newvillage-2018",
    file: "龙门镇新村管理考核评分细则.xlsx",
    layout: ".xlsx：合并的标题行；考核内容（含分值）| 评分细则；考核内容纵向合并，每行一条条文",
    build: () => {
      const f = corpusFile("07-longmen-newvillage-2018");
      const t: FixtureTable = [["考核内容", "评分细则"]];
      for (const g of groups(f)) g.clauses.forEach((c, i) => t.push([i === 0 ? `${g.name}（${g.points}分）` : null, c]));
      return xlsx(t, { title: f.title });
    },
  },
  {
    // A web page: heading <h1>, rowspan over each item's rows, a 考核单位 column spanning the whole table.
    id: "11-city-construction-bureau-integrity",
    file: "市建设局党风廉政建设责任制考核评分标准.html",
    layout: ".html：考核项目（含分值，rowspan）| 考核内容及评分标准 | 考核单位（rowspan 全表）",
    build: async () => {
      const f = corpusFile("11-city-construction-bureau-integrity");
      const t: FixtureTable = [["考核项目", "考核内容及评分标准", "考核单位"]];
      let first = true;
      for (const g of groups(f)) {
        g.clauses.forEach((c, i) => {
          t.push([i === 0 ? `${g.name}（${g.points}分）` : null, c, first ? "局纪检组" : null]);
          first = false;
        });
      }
      return enc(html(t, { title: f.title }));
    },
  },
  {
    // No table at all: numbered headings 「一、领导体制（5分）」 and the clauses as paragraphs under them.
    id: "09-ruoqiang-integrity-2014",
    file: "若羌县党风廉政建设考核评分标准.docx",
    layout: ".docx，无表格：「一、」编号的标题（含分值），条文为其下的段落",
    build: () => {
      const f = corpusFile("09-ruoqiang-integrity-2014");
      const numerals = "一二三四五六七八九十";
      return docx([{ paragraph: f.title }, ...groups(f).flatMap((g, i) => [{ paragraph: `${numerals[i]}、${g.name}（${g.points}分）` }, ...g.clauses.map((c) => ({ paragraph: c }))])]);
    },
  },
  {
    // A Word table with 一级指标 / 二级指标 columns and a separate 考核分值 column: 一级 merged down its whole
    // block, 二级 and its points merged down the item's clause rows (w:vMerge), one clause per row.
    id: "61-party-branch-quantified-2021",
    file: "基层党总支量化考核评分标准.docx",
    layout: ".docx：一级指标 | 二级指标 | 评分说明 | 考核分值；一级指标（含分值）纵向合并整块，二级指标与分值纵向合并，每行一条条文",
    build: () => {
      const f = corpusFile("61-party-branch-quantified-2021");
      const t: FixtureTable = [["一级指标", "二级指标", "评分说明", "考核分值"]];
      let first = true;
      for (const g of groups(f)) {
        g.clauses.forEach((c, i) => {
          t.push([first ? "党的领导（10分）" : null, i === 0 ? g.name : null, c, i === 0 ? `${g.points}分` : null]);
          first = false;
        });
      }
      return docx([{ paragraph: f.title }, { table: t }]);
    },
    tree: ["党的领导 10分", "  加强政治理论学习 2分", "  贯彻上级决策部署 5分", "  落实党建工作责任 3分"],
  },
  {
    // An Excel sheet in the 千分制 layout: 一级 item (with its points) merged down, 二级 item and a 分值 column
    // merged down its clause rows, a 考评单位 column, an empty 得分 column, and a closing 合计 row.
    id: "51-doorfront-three-guarantees",
    file: "门前三包千分制考核标准.xlsx",
    layout: ".xlsx：考核项目（一级，含分值）| 考核内容（二级）| 分值 | 评分标准 | 考评单位 | 得分；一级、二级、分值纵向合并，每行一条条文；末行「合计」",
    build: () => {
      const f = corpusFile("51-doorfront-three-guarantees");
      const level1: Record<string, string> = { 责任区绿化美化: "（一）包绿化美化（200分）", 责任区干净整洁: "（二）包卫生整洁（500分）" };
      const t: FixtureTable = [["考核项目", "考核内容", "分值", "评分标准", "考评单位", "得分"]];
      groups(f).forEach((g, n) => {
        g.clauses.forEach((c, i) => {
          const head = i === 0 ? level1[g.name] : undefined;
          t.push([head ?? null, i === 0 ? `${n + 1}.${g.name}` : null, i === 0 ? g.points : null, c, i === 0 ? "城管执法中队" : null, ""]);
        });
      });
      t.push(["合计", "", "700", "", "", ""]);
      return xlsx(t, { title: f.title });
    },
    tree: ["包绿化美化 200分", "  责任区绿化美化 50分", "  树木花草管理和保护 50分", "  乱贴乱画清理清除 100分", "包卫生整洁 500分", "  责任区干净整洁 200分", "  沿街建(构)筑物安全美观 100分", "  单位出入口和门前硬化 100分", "  施工现场 100分"],
    departments: Object.fromEntries(["责任区绿化美化", "树木花草管理和保护", "乱贴乱画清理清除", "责任区干净整洁", "沿街建(构)筑物安全美观", "单位出入口和门前硬化", "施工现场"].map((n) => [n, ["城管执法中队"]])),
  },
  {
    // A web page whose header is two rows: 「考核项目」 spans the 项目 and 分值 columns (colspan) over a second
    // header row; the 评分标准 cell of each item holds all its clauses, one per line; an empty 得分 column.
    id: "56-two-new-organisations-party-building",
    file: "两新组织党建考核评分表.html",
    layout: ".html：两行表头（「考核项目」colspan 2 跨「项目」「分值」，评分标准、得分 rowspan 2）| 评分标准 | 得分；每项的条文在一个单元格内分行",
    build: async () => {
      const f = corpusFile("56-two-new-organisations-party-building");
      const e = (x: string): string => x.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
      const rows = groups(f).map((g) => `<tr><td>${e(g.name)}</td><td>${g.points}分</td><td>${g.clauses.map(e).join("<br>")}</td><td></td></tr>`);
      return enc(
        `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${e(f.title)}</title></head><body><h1>${e(f.title)}</h1>` +
          `<table border="1"><tr><td colspan="2">考核项目</td><td rowspan="2">评分标准</td><td rowspan="2">得分</td></tr><tr><td>项目</td><td>分值</td></tr>\n${rows.join("\n")}</table></body></html>`,
      );
    },
  },
  {
    // Plain text without a table: numbered paragraphs on two levels, 「1、…(满分5分)」 and 「(1)…(满分5分)」,
    // each item's clauses in the paragraph under its heading.
    id: "57-disability-statistics-evaluation",
    file: "残疾人事业统计年报评价标准.txt",
    layout: ".txt，无表格：「1、」「(1)」两级编号的段落，分值写作「(满分N分)」，条文为标题下的段落",
    build: async () => {
      const f = corpusFile("57-disability-statistics-evaluation");
      const by = new Map(groups(f).map((g) => [g.name, g]));
      const item = (heading: string, name: string): string[] => [`${heading}${name}(满分${by.get(name)!.points}分)`, by.get(name)!.clauses.join("")];
      const lines = [
        f.title,
        ...item("1、", "报表数据采集"),
        ...item("2、", "报表报送"),
        "3、报表质量(满分20分)",
        ...item("(1)", "数据逻辑关系审核"),
        ...item("(2)", "数据合理性和有效性审核"),
        "4、统计分析报告(满分10分)",
        ...item("(1)", "报告报送"),
        ...item("(2)", "报告数据准确性"),
        ...item("(3)", "报告分析"),
      ];
      return enc(lines.join("\n") + "\n");
    },
    tree: ["报表数据采集 5分", "报表报送 5分", "报表质量 20分", "  数据逻辑关系审核 5分", "  数据合理性和有效性审核 15分", "统计分析报告 10分", "  报告报送 2分", "  报告数据准确性 5分", "  报告分析 3分"],
  },
  {
    // A Word table on three levels, as the county's own: 考核项目 (一级, with points) merged down its block,
    // 考核要点 (二级) with its points in a 分值 column, 考核内容 (三级, 「1.1.1 …（10分）」) and 评分标准, one row per
    // 三级 item.  The excerpt stops before item 1.4, so 一级's stated 75 points are more than its items' 55.
    id: "54-dingyuan-food-safety-2011",
    file: "定远县食品安全工作目标考核评分细则.docx",
    layout: ".docx：考核项目（一级，含分值）| 考核要点（二级）| 分值 | 考核内容（三级，含编号与分值）| 评分标准；一级、二级、分值纵向合并；一级所写分值多于所收各项之和",
    holds: (c) => c.section === undefined,
    renamed: { 食品安全工作纳入政府目标考核: "食品安全工作纳入政府目标考核2" },
    reports: [{ code: "KP5023", about: "政府组织工作与保障" }],
    build: () => {
      const f = corpusFile("54-dingyuan-food-safety-2011");
      const byName = new Map(groups({ ...f, clauses: f.clauses.filter((c) => c.section === undefined) }).map((g) => [g.name, g]));
      const level2: [string, string, string[]][] = [
        ["1.1食品安全工作纳入政府目标考核", "20", ["食品安全工作纳入政府目标考核", "有考核有考核结果"]],
        ["1.2研究解决食品安全实际问题情况", "15", ["政府研究部署食品安全工作", "成立食品安全委员会", "县政府领导现场调研"]],
        ["1.3食品安全工作经费纳入同级财政预算", "20", ["食品安全监管经费", "食品安全委员会办公室工作经费"]],
      ];
      const t: FixtureTable = [["考核项目", "考核要点", "分值", "考核内容", "评分标准"]];
      let first = true;
      level2.forEach(([name2, pts2, items], n2) => {
        items.forEach((name3, n3) => {
          const g = byName.get(name3)!;
          t.push([first ? "1.政府组织工作与保障（75分）" : null, n3 === 0 ? name2 : null, n3 === 0 ? pts2 : null, `1.${n2 + 1}.${n3 + 1}${name3}（${g.points}分）`, g.clauses.join("\n\n")]);
          first = false;
        });
      });
      return docx([{ paragraph: f.title }, { table: t }]);
    },
    tree: [
      "政府组织工作与保障 75分",
      "  食品安全工作纳入政府目标考核 20分",
      // The 三级 item has its 二级 item's name in the document itself: the writer makes the names unique.
      "    食品安全工作纳入政府目标考核2 10分",
      "    有考核有考核结果 10分",
      "  研究解决食品安全实际问题情况 15分",
      "    政府研究部署食品安全工作 5分",
      "    成立食品安全委员会 5分",
      "    县政府领导现场调研 5分",
      "  食品安全工作经费纳入同级财政预算 20分",
      "    食品安全监管经费 15分",
      "    食品安全委员会办公室工作经费 5分",
    ],
  },
];
