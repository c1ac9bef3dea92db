// Facts files that used to be read silently wrong, or crash (issue 10): each case runs the built CLI
// as the user would.  The reader's building blocks are tested in process in packages/facts/test.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { mixedLineEndingsCsv, okCsv, writeFactsWorkbooks, writeIncidentFacts } from "./facts-fixtures.js";
import { fixtures, kp, tempDir } from "./helpers.js";

let dir = "";
const base = () => kp(["score", "catalogue", "facts/ok.csv", "--format", "csv"]).stdout;
const okJson = () => readFileSync(join(fixtures, "facts", "ok.json"), "utf8");
/** Writes a facts file into the temporary folder and scores it. */
const score = (name: string, content: string | Buffer, extra: string[] = []) => {
  writeFileSync(join(dir, name), content);
  return kp(["score", "catalogue", join(dir, name), "--format", "csv", ...extra]);
};

beforeAll(async () => {
  dir = tempDir();
  await writeFactsWorkbooks(fixtures, join(dir, "xlsx"));
  writeIncidentFacts(dir);
  // A catalogue with a rule named in ASCII letters, for full-width headers.
  mkdirSync(join(dir, "ascii"));
  writeFileSync(join(dir, "ascii", "细则.kp"), "细则 「t」\n指标 「会议」 4分 {\n  规则 「A类会议」 「未参加A类会议的，每次扣0.5分」 每次 扣 0.5\n}\n");
}, 120_000);

describe("CSV: line ends in any mix, rows never merged or dropped", () => {
  it("reads CRLF, LF and CR rows pasted together as separate rows (same ranking as facts/ok.csv)", () => {
    const text = mixedLineEndingsCsv(fixtures);
    expect(text).toMatch(/\r\n[^\r\n]+\n[^\r\n]+\r[^\n]/);
    const r = score("mixed.csv", text);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(base());
  });

  it("reads a line of blanks only as an empty row, not as a row of one field (also before the header)", () => {
    const r = score("blank-line.csv", "\n" + okCsv(fixtures).replace("\n乙县", "\n   \n乙县"));
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(base());
  });

  it("reports a row with more or fewer fields than the header at its line, with both counts (KP4022)", () => {
    const lines = okCsv(fixtures).trim().split("\n");
    lines[2] += ",1";
    lines[4] = lines[4]!.split(",").slice(0, 3).join(",");
    const r = score("widths.csv", lines.join("\n") + "\n");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("widths.csv:3:1 错误 KP4022 第 3 行有 16 个字段，表头有 15 个");
    expect(r.stderr).toContain("widths.csv:5:1 错误 KP4022 第 5 行有 3 个字段，表头有 15 个");
  });
});

describe("JSON: numbers read from their source text", () => {
  it("refuses 2.0000000000000001 as a count and 3.4999999999999999999 as a score, as the CSV path does (KP4010)", () => {
    const r = score("numbers.json", okJson().replace('"参会": 2,', '"参会": 2.0000000000000001,').replace('"评价得分": 3.5,', '"评价得分": 3.4999999999999999999,'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("numbers.json:3:51 错误 KP4010 「参会」的值「2.0000000000000001」小数位数超过 6 位");
    expect(r.stderr).toContain("错误 KP4010 「评价得分」的值「3.4999999999999999999」小数位数超过 6 位");
    expect(r.stderr).toContain("有 2 个错误，无法计分。");
  });

  it("reads exponents exactly and -0 as a CSV cell would", () => {
    const same = score("exp.json", okJson().replace('"满意度": 92.5', '"满意度": 9.25e1').replace('"参会": 6,', '"参会": 0.06E2,'));
    expect(same.stderr).toBe("");
    expect(same.stdout).toBe(base());
    const small = score("small.json", okJson().replace('"满意度": 92.5', '"满意度": 1E-7').replace('"迟报": 3,', '"迟报": -0,'));
    expect(small.code).toBe(1);
    expect(small.stderr).toContain("错误 KP4010 「满意度」的值「1E-7」小数位数超过 6 位");
    expect(small.stderr).toContain("错误 KP4003 「迟报」的值「-0」应为非负整数（次数）");
    const huge = score("huge.json", okJson().replace('"满意度": 92.5', '"满意度": 1e400'));
    expect(huge.stderr).toContain("错误 KP4005 「满意度」的值 1e400 超出范围：数太大，无法精确计算");
    const csv = score("minus-zero.csv", okCsv(fixtures).replace("甲县,县区,2,是,87.5%,1,,3,", "甲县,县区,2,是,87.5%,1,,-0,"));
    expect(csv.stderr).toContain("错误 KP4003 「迟报」的值「-0」应为非负整数（次数）");
  });
});

describe("JSON: keys written twice", () => {
  it("reports a fact key written twice, also as nested and flattened keys, with both places (KP4023)", () => {
    const text = okJson()
      .replace('"参会": 6,', '"参会": 1, "参会": 3,')
      .replace('"违纪": { "轻处分": 1 },', '"违纪": { "轻处分": 2 }, "违纪.轻处分": 5,');
    const r = score("dup-keys.json", text);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/dup-keys\.json:4:58 错误 KP4023 键「参会」重复出现：同一个单位的事实只能写一次\n[^]*?说明：.*dup-keys\.json:4:49 第一次出现在这里/);
    expect(r.stderr).toMatch(/dup-keys\.json:3:110 错误 KP4023 键「违纪\.轻处分」重复出现[^]*?说明：.*dup-keys\.json:3:98 第一次出现在这里/);
    expect(r.stderr).toContain("有 2 个错误，无法计分。");
  });

  it("reports name or facts written twice in a unit, and keys equal after nameKey", () => {
    const text = '{"units":[{"name":"甲县","name":"乙县","facts":{"参会":1,"e\\u0301":1,"\\u00e9":2},"facts":{"清退":true}}]}';
    const r = score("dup-name.json", text);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("dup-name.json:1:24 错误 KP4023 键「name」重复出现：同一个对象中只能写一次");
    expect(r.stderr).toContain("dup-name.json:1:76 错误 KP4023 键「facts」重复出现");
    expect(r.stderr).toContain("dup-name.json:1:64 错误 KP4023 键「\u00e9」与「e\u0301」是同一个事实，重复出现");
  });
});

describe("JSON: nesting and size", () => {
  it("reports 10 KB of [ as too deep at its place (KP4020), not an internal error (exit 70)", () => {
    const r = score("deep.json", "[".repeat(10_000));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("deep.json:1:65 错误 KP4020 事实文件的结构不对：数组和对象的嵌套超过 64 层");
    const ok = score("deep-ok.json", okJson().replace('"违纪": { "轻处分": 1 }', '"违纪": ' + "{ \"a\": ".repeat(40) + "1" + " }".repeat(40)));
    expect(ok.code).toBe(1);
    expect(ok.stderr).not.toContain("嵌套");
  });

  it("refuses more than 6,000,000 values before building a syntax tree that would not fit in the heap (KP0012)", () => {
    const r = score("many-values.json", "[" + "0,".repeat(6_000_000) + "0]");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("many-values.json 错误 KP0012 文件太大（6,000,002 个 JSON 值和键），超过上限 6,000,000 个；更多的单位请用 CSV 文件");
  });

  it("reads a 20 MB string and a 500,000-element array without crashing", () => {
    const name = "县".repeat(7_000_000);
    const r = score("huge-string.json", JSON.stringify([{ name, facts: {} }]));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("错误 KP4008");
    const ids = score("huge-array.json", JSON.stringify([{ name: "甲县", facts: { 参会: Array.from({ length: 500_000 }, (_, i) => i) } }]));
    expect(ids.code).toBe(1);
    expect(ids.stderr).toContain("错误 KP4003");
  });
});

describe("names: invisible characters and confusable spellings", () => {
  it("reports a zero-width character in a header, a bidi control in a unit name and in a JSON key (KP4024)", () => {
    const csv = score("invisible.csv", okCsv(fixtures).replace("单位,类别,参会", "单位,类别,参会\u200b").replace("乙县,", "乙县\u202e,"));
    expect(csv.code).toBe(1);
    expect(csv.stderr).toContain("invisible.csv:1:3 错误 KP4024 列名「参会\\u{200B}」中有看不见的字符 U+200B（零宽字符）");
    expect(csv.stderr).toContain("invisible.csv:3:1 错误 KP4024 单位名称「乙县\\u{202E}」中有看不见的字符 U+202E（双向文本控制符）");
    // A required column with a hidden character: one error, not a "missing fact" for every unit.
    const required = score("invisible-required.csv", okCsv(fixtures).replace("满意度", "满意度\u200b"));
    expect(required.stderr).toContain("invisible-required.csv:1:12 错误 KP4024");
    expect(required.stderr).toContain("有 1 个错误，无法计分。");
    const requiredJson = score("invisible-required.json", okJson().replace('"满意度": 92.5', '"满意度\\u200b": 92.5'));
    expect(requiredJson.stderr).toContain("有 1 个错误，无法计分。");
    const json = score("invisible.json", okJson().replace('"参会": 6', '"参会\\u2060": 6'));
    expect(json.code).toBe(1);
    expect(json.stderr).toContain("错误 KP4024 事实的键「参会\\u{2060}」中有看不见的字符 U+2060（零宽字符）");
  });

  it("reports two units that are one name after nameKey, with both places (KP4006)", () => {
    const csv = score("confusable.csv", okCsv(fixtures).replace("乙县,", "ＡＢ县,").replace("丁县,", "AB县,"));
    expect(csv.code).toBe(1);
    expect(csv.stderr).toMatch(/confusable\.csv:5:1 错误 KP4006 单位「AB县」重复出现：与第 3 行的「ＡＢ县」是同一个名称（写法不同）\n[^]*?说明：.*confusable\.csv:3:1 第一次出现在第 3 行/);
    const json = score("confusable.json", okJson().replace('"name": "乙县"', '"name": "Caf\\u00e9"').replace('"name": "丁县"', '"name": "Cafe\\u0301"'));
    expect(json.code).toBe(1);
    expect(json.stderr).toContain("confusable.json:6:15 错误 KP4006 单位「Cafe\u0301」重复出现：与「Caf\u00e9」是同一个名称（写法不同）");
  });

  it("accepts a full-width header equal to a rule's name after nameKey, and refuses two such columns", () => {
    const cat = join(dir, "ascii");
    writeFileSync(join(dir, "wide.csv"), "单位,Ａ类会议\n甲县,1\n");
    const r = kp(["score", cat, join(dir, "wide.csv"), "--format", "csv"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("1,甲县,3.5,3.5");
    writeFileSync(join(dir, "two.csv"), "单位,A类会议,Ａ类会议\n甲县,1,2\n");
    const two = kp(["score", cat, join(dir, "two.csv")]);
    expect(two.code).toBe(1);
    expect(two.stderr).toMatch(/two\.csv:1:3 错误 KP4020 事实文件的结构不对：第 2 列与第 3 列的列名「A类会议」与「Ａ类会议」是同一个名称（写法不同）\n[^]*?说明：.*two\.csv:1:4 第 2 列/);
  });
});

describe("names that are Object.prototype members", () => {
  it("reads a fact keyed 「__proto__」 as any other, from JSON and CSV", () => {
    const cat = join(dir, "proto");
    mkdirSync(cat, { recursive: true });
    writeFileSync(join(cat, "细则.kp"), "细则 「t」\n指标 「x」 2分 { 规则 「__proto__」 「c」 扣 0.5 }\n");
    writeFileSync(join(dir, "proto.json"), '[{"name":"甲","facts":{"__proto__":true}}]');
    writeFileSync(join(dir, "proto.csv"), "单位,__proto__\n甲,是\n");
    for (const f of ["proto.json", "proto.csv"]) expect(kp(["score", cat, join(dir, f), "--format", "csv"]).stdout, f).toContain("1,甲,1.5,1.5");
  });
});

describe("incident ids: a flat list of texts and integers, never a nested list or a decimal", () => {
  const run = (f: string) => kp(["score", join(dir, "ids"), join(dir, "facts", f), "--format", "csv"]);

  it("refuses a nested list as incident ids (KP4019) and a decimal where ids are accepted (KP4003)", () => {
    const nested = run("ids-nested.json");
    expect(nested.code).toBe(1);
    expect(nested.stdout).toBe("");
    expect(nested.stderr).toContain("ids-nested.json:3:43 错误 KP4019 「通报」的值格式不对：事件编号列表的第 1 项是一个列表：事件编号列表只能由文字或非负整数组成，不能嵌套");
    const decimal = run("ids-decimal.csv");
    expect(decimal.code).toBe(1);
    expect(decimal.stdout).toBe("");
    expect(decimal.stderr).toContain("ids-decimal.csv:3:3 错误 KP4003 「通报」的值「1.5」应为非负整数（次数）");
    // ids as such are still read: each one counts once
    writeFileSync(join(dir, "facts", "ids-ok.csv"), "单位,班子,通报\n甲县,否,事件A、事件B\n乙县,否,3\n");
    const ok = run("ids-ok.csv");
    expect(ok.stderr).toBe("");
    expect(ok.stdout).toContain("1,甲县,1,1");
  });
});

describe("Excel: formulas, sheets, zips", () => {
  const x = (f: string) => join(dir, "xlsx", f);

  it("reports a formula without a saved result at its cell (KP4025), and notes cached results once (KP4026)", () => {
    const r = kp(["score", "catalogue", x("formula-no-result.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("formula-no-result.xlsx:3:3 错误 KP4025 C3 是公式，但文件中没有保存计算结果：请在 Excel 中打开并保存后再试");
    expect(r.stderr).toContain("工作表「事实」单元格 C3");
    expect(r.stderr).toContain("提示 KP4026 有 1 个公式单元格使用了文件中保存的计算结果（第一个是 C2）");
  });

  it("reports a value under no column at its cell (KP4022), never drops it: the Excel side of item 1", () => {
    const r = kp(["score", "catalogue", x("beyond-header.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("beyond-header.xlsx:4:16 错误 KP4022 第 4 行的 P4 填写了「3」，但表头只有 15 列，这一格不在任何列名之下：每一行的内容都应在表头的列之内");
    expect(r.stderr).toContain("工作表「事实」单元格 P4");
    // one fact per row: a value in a column with an empty header is KP4015, not dropped either
    const long = kp(["score", "catalogue", x("long-unnamed.xlsx")]);
    expect(long.code).toBe(1);
    expect(long.stderr).toContain("long-unnamed.xlsx:1:3 错误 KP4015 第 3 列没有列名，但填写了内容：这是「一行一个事实」的表格，只能有「单位」「类别」「规则」「值」四列");
  });

  it("reads the first visible sheet, says which, and reads a hidden one only with --sheet (KP4028, KP4027)", () => {
    const r = kp(["score", "catalogue", x("hidden-first.xlsx"), "--format", "csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(base());
    expect(r.stderr).toContain("提示 KP4028 读取的是工作表「今年」（工作簿共有 2 个工作表：1.「去年」（隐藏）、2.「今年」）");
    const hidden = kp(["score", "catalogue", x("hidden-first.xlsx"), "--format", "csv", "--sheet", "去年"]);
    expect(hidden.code).toBe(0);
    expect(hidden.stdout).not.toBe(base());
    expect(kp(["score", "catalogue", x("hidden-first.xlsx"), "--format", "csv", "--sheet", "1"]).stdout).toBe(hidden.stdout);
    const unknown = kp(["score", "catalogue", x("hidden-first.xlsx"), "--sheet", "明年"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("错误 KP4027 无法读取所选的工作表：没有名为或序号为「明年」的工作表；工作簿中的工作表：1.「去年」（隐藏）、2.「今年」");
    const all = kp(["score", "catalogue", x("all-hidden.xlsx")]);
    expect(all.code).toBe(1);
    expect(all.stderr).toContain("错误 KP4027 无法读取所选的工作表：工作簿中的工作表都是隐藏的");
    const csv = kp(["score", "catalogue", "facts/ok.csv", "--sheet", "1"]);
    expect(csv.code).toBe(1);
    expect(csv.stderr).toContain("facts/ok.csv 错误 KP4027 无法读取所选的工作表：--sheet 只用于 .xlsx 文件，这里是 .csv 文件");
    const explain = kp(["explain", "catalogue", x("all-hidden.xlsx"), "--sheet", "隐藏", "-u", "甲县"]);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain("总分：17.35 / 20 分");
  });

  it("refuses decompression bombs quickly, with declared and with lying sizes (KP4029)", () => {
    for (const [f, size] of [
      ["bomb.xlsx", "文件中声明为 314,572,800 字节"],
      ["bomb-lying.xlsx", "超过 104,857,600 字节"],
    ]) {
      const t0 = Date.now();
      const r = kp(["score", "catalogue", x(f!)]);
      expect(r.code, f).toBe(1);
      expect(r.stderr, f).toContain(`错误 KP4029 Excel 文件解压后太大（${size}），超过上限 100 MiB`);
      expect(Date.now() - t0, f).toBeLessThan(15_000);
    }
  });

  it("refuses a workbook whose declared compression ratio no sheet reaches (KP4029)", () => {
    const r = kp(["score", "catalogue", x("bomb-ratio.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/错误 KP4029 Excel 文件的压缩比异常：文件中声明解压后为 20,971,520 字节，是文件大小的 \d+ 倍（上限 500 倍），不像是一个工作簿/);
  });

  it("reports broken zips in Chinese (KP4020), never the libraries' English", () => {
    const random16 = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    writeFileSync(x("random.xlsx"), random16);
    for (const f of ["not-a-zip.xlsx", "truncated.xlsx", "random.xlsx"]) {
      const r = kp(["score", "catalogue", x(f)]);
      expect(r.code, f).toBe(1);
      expect(r.stderr, f).toContain("错误 KP4020 事实文件的结构不对：不是有效的 Excel 文件（.xlsx）");
      expect(r.stderr, f).not.toMatch(/[A-Za-z]{4,} [a-z]{2,} [a-z]{2,}/);
    }
  });
});
