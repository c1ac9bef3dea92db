// The structure corpus: documents rebuilt from public rulebooks of test/corpus/clauses/ (their
// `source` says where each was published), in the layouts such rulebooks use — see README.md.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { docx, html, xlsx, type FixtureTable } from "./build-fixtures.js";
import { repoRoot } from "./helpers.js";

interface CorpusClause {
  readonly indicator: string;
  readonly points: number | null;
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
];
