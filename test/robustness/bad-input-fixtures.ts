/**
 * The inputs of docs/bad-input.md that are made at test time, in a temporary folder written `$T` in
 * the table: byte-exact encodings (BOM, CRLF, UTF-16, mixed line ends) that version control might
 * rewrite, the 10 MB catalogue, and Excel workbooks (built with exceljs; bombs generated, never
 * committed).  Catalogues are variants of the CLI tests' catalogue
 * (packages/cli/test/fixtures/catalogue), so the CLI tests' facts files score them.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { MAX_SOURCE_BYTES } from "@kaoping/core";
import { mixedLineEndingsCsv, writeFactsWorkbooks, writeIncidentFacts } from "../../packages/cli/test/facts-fixtures.js";
import { writeTemplateWorkbooks } from "../../packages/cli/test/template-fixtures.js";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const CLI_FIXTURES = join(REPO, "packages/cli/test/fixtures");
const CATALOGUE = join(CLI_FIXTURES, "catalogue");

const read = (name: string) => readFileSync(join(CATALOGUE, name), "utf8");
const crlf = (s: string) => s.replace(/\r?\n/g, "\r\n");

/** Writes every generated input under `t`. */
export function makeBadInputs(t: string): void {
  const dir = (name: string) => {
    const d = join(t, name);
    mkdirSync(d, { recursive: true });
    return d;
  };
  const root = read("细则.kp");
  const part = read("指标.kp");

  cpSync(CATALOGUE, dir("lf"), { recursive: true });
  cpSync(join(CLI_FIXTURES, "facts", "ok.csv"), join(dir("facts"), "ok.csv"));

  // BOM at the start of both files
  writeFileSync(join(dir("bom"), "细则.kp"), "\uFEFF" + root);
  writeFileSync(join(dir("bom"), "指标.kp"), "\uFEFF" + part);

  // CRLF line ends; and one with an error on its last line, to show positions
  writeFileSync(join(dir("crlf"), "细则.kp"), crlf(root));
  writeFileSync(join(dir("crlf"), "指标.kp"), crlf(part));
  writeFileSync(join(dir("crlf-error"), "细则.kp"), crlf(`细则 「换行测试」\n指标 「会议」 4分 {\n  规则 「参会」 「未按要求参加会议的，每次扣0.5分」 每次 扣\n}\n`));

  // full-width digits, point, percent and brackets, as typed with a Chinese IME
  writeFileSync(join(dir("fullwidth"), "细则.kp"), root);
  writeFileSync(join(dir("fullwidth"), "指标.kp"), part.replace("每次 扣 0.5 上限 2", "每次 扣 ０．５ 上限 ２").replace("[75%, 100%)", "［75％，100％）"));

  // UTF-16 (what Windows Notepad calls "Unicode")
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(root, "utf16le")]);
  writeFileSync(join(dir("utf16"), "细则.kp"), utf16);

  // a catalogue where 园区 takes 甲县's score for an indicator (参照), and facts without 甲县
  writeFileSync(
    join(dir("refer"), "细则.kp"),
    `细则 「参照测试」\n类别 「县区」、「园区」\n指标 「会议」 4分 {\n  参照 「园区」 以 「甲县」 为准\n  规则 「参会」 「未按要求参加会议的，每次扣0.5分」 每次 扣 0.5\n}\n`,
  );
  writeFileSync(join(t, "facts", "refer.csv"), "单位,类别,参会\n乙县,县区,1\n丙园区,园区,0\n");

  // a unit 未涉及 an indicator scored by 同类单位's average, with no such unit (KP4050)
  writeFileSync(
    join(dir("pool"), "细则.kp"),
    `细则 「平均分测试」\n类别 「县区」\n指标 「信访」 2分 {\n  参照 未涉及 以 同类单位 平均分 为准\n  规则 「越级上访」 「发生越级上访的，每起扣0.5分；未涉及该项工作的，按同类单位平均分计」 每起 扣 0.5\n}\n`,
  );
  writeFileSync(join(t, "facts", "pool.csv"), "单位,类别,越级上访,信访.未涉及\n甲县,县区,,是\n");

  // facts: full-width digits, point and percent in cells; a count whose deduction overflows
  writeFileSync(join(t, "facts", "fullwidth.csv"), "单位,类别,参会,信息完成率,评价得分,满意度\n甲县,县区,２,８７．５％,３．５,９２．５\n");
  writeFileSync(join(t, "facts", "halfwidth.csv"), "单位,类别,参会,信息完成率,评价得分,满意度\n甲县,县区,2,87.5%,3.5,92.5\n");
  writeFileSync(join(t, "facts", "overflow.csv"), "单位,类别,迟报,评价得分,满意度\n甲县,县区,9000000000000000,3,90\n");
  writeFileSync(join(t, "facts", "big.csv"), "单位,规则0,规则9000\n甲县,3,1\n乙县,0,\n");
  // facts: rows ending in CRLF, LF and CR by turns (two exports pasted together)
  writeFileSync(join(t, "facts", "mixed-line-ends.csv"), mixedLineEndingsCsv(CLI_FIXTURES));
  // facts: a JSON file of more values than the reader's syntax tree may hold (12 MB)
  writeFileSync(join(t, "facts", "many-values.json"), "[" + "0,".repeat(6_000_000) + "0]");
  // facts too large for any default heap (KP4030): 4,000 rows × 10,000 columns, 40 MB of commas
  const columns = ",".repeat(9998);
  writeFileSync(join(t, "facts", "四千万格.csv"), [`单位,参会${columns}`, ...Array.from({ length: 4000 }, (_, i) => `单位${i + 1},1${columns}`)].join("\n") + "\n");
  // JSON facts with a UTF-8 BOM (Windows Notepad): one that scores, one with a syntax error
  writeFileSync(join(t, "facts", "bom.json"), "\uFEFF" + readFileSync(join(CLI_FIXTURES, "facts", "ok.json"), "utf8"));
  writeFileSync(join(t, "facts", "bom-syntax.json"), "\uFEFF" + readFileSync(join(CLI_FIXTURES, "facts", "syntax.json"), "utf8"));

  // output places: an existing output folder, a file where a folder is expected, a folder where a
  // file is expected
  writeFileSync(join(dir("已有输出"), "syntax-errors.js"), "// 旧的输出\n");
  writeFileSync(join(t, "一个文件"), "");
  mkdirSync(join(t, "半途失败", "细则.d.mts"), { recursive: true });

  // special files (made here: version control keeps no FIFOs): a folder holding a FIFO named .kp
  // and a link to /dev/zero; a catalogue including /dev/zero, the link and the FIFO; a file over
  // the size limit (sparse, so it costs no disk); a kp.config.json that is a FIFO
  const small = "细则 「特殊文件」\n指标 「会议」 4分 {\n  规则 「参会」 「未按要求参加会议的，每次扣0.5分，最多扣2分」 每次 扣 0.5 上限 2\n}\n";
  writeFileSync(join(dir("含管道"), "细则.kp"), small);
  execFileSync("mkfifo", [join(t, "含管道", "管道.kp")]);
  symlinkSync("/dev/zero", join(t, "含管道", "零.kp"));
  symlinkSync(t, join(t, "含管道", "回到上级"));
  symlinkSync("/etc/passwd", join(t, "含管道", "口令.kp"));
  writeFileSync(join(dir("引入特殊文件"), "细则.kp"), small.replace("\n指标", "\n引入 「/dev/zero」\n引入 「零.kp」\n引入 「管道.kp」\n指标"));
  symlinkSync("/dev/zero", join(t, "引入特殊文件", "零.kp"));
  execFileSync("mkfifo", [join(t, "引入特殊文件", "管道.kp")]);
  writeFileSync(join(t, "太大.kp"), "");
  truncateSync(join(t, "太大.kp"), MAX_SOURCE_BYTES + 1);
  writeFileSync(join(dir("配置是管道"), "细则.kp"), small);
  execFileSync("mkfifo", [join(t, "配置是管道", "kp.config.json")]);

  // names with an invisible character, and names that only look different (Unicode
  // normalisation, full/half width): written here, since editors and version control may drop or
  // normalise such characters
  writeFileSync(join(dir("名称"), "看不见的字符.kp"), INVISIBLE_NAMES);
  writeFileSync(join(t, "名称", "看似相同.kp"), LOOK_ALIKE_NAMES);

  // outputs that must not damage files (docs/bad-input.md, 输出文件): a compile output that is a
  // link to a catalogue file, a read-only file, a 0600 file and a link for kp fmt, a FIFO for -o
  mkdirSync(join(t, "链到细则"));
  symlinkSync("../lf/指标.kp", join(t, "链到细则", "细则.d.mts"));
  const unformatted = readFileSync(join(CLI_FIXTURES, "lint", "unformatted.kp"), "utf8");
  writeFileSync(join(dir("只读"), "未格式化.kp"), unformatted);
  chmodSync(join(t, "只读", "未格式化.kp"), 0o444);
  writeFileSync(join(dir("保留设置"), "私密.kp"), unformatted, { mode: 0o600 });
  writeFileSync(join(dir("保留设置/真"), "目标.kp"), unformatted);
  symlinkSync("真/目标.kp", join(t, "保留设置", "链接.kp"));
  execFileSync("mkfifo", [join(t, "管道.csv")]);
  // temporary files of a kp compile killed between two renames (pid 4194305 is above Linux's pid_max)
  writeFileSync(join(dir("中断的编译"), ".细则.mjs.4194305.0123abcd.tmp"), "// 新的一半\n");
  writeFileSync(join(t, "中断的编译", ".细则.d.mts.4194305.0123abcd.bak"), "// 旧的\n");
  // spreadsheet formulas as unit names; an escape sequence in a .kp file
  const ok = readFileSync(join(CLI_FIXTURES, "facts", "ok.csv"), "utf8");
  writeFileSync(join(t, "facts", "公式.csv"), ok.replace("甲县", "=1+2").replace("乙县", '"=HYPERLINK(""http://example.com"")"'));
  writeFileSync(join(t, "控制字符.kp"), "细则 「t」\n指标 「a」 1分 {\n  规则 「r」 「c」 每次 扣 \u001b[2J\n}\n");
  // incident ids that are not ids: a nested list, a decimal ($T/ids, $T/facts/ids-*.{json,csv})
  writeIncidentFacts(t);
  writeRuleCases(dir("规则"), t);
}

/** Rules the checker refuses, or reads in a way worth a row (issue 11 §3): 规则/*.kp, facts/加分分段.csv. */
function writeRuleCases(d: string, t: string): void {
  const cases: Record<string, string> = {
    分类无计次: "细则 「分类扣分」\n指标 「纪律」 2分 {\n  规则 「处分」 「受到警告处分的扣0.5分，记过处分的扣1分」 扣 「警告」 0.5、「记过」 1\n}\n",
    基准单位: "细则 「基准与步长」\n指标 「办件」 2分 {\n  规则 「办结」 「超过5天办结的，每超1天扣0.1分」 基准 5天 每超 1% 扣 0.1\n}\n",
    空分段: "细则 「空分段」\n指标 「信息」 2分 {\n  规则 「报送」 「信息报送完成率低于90%的扣1分」 分段 { }\n}\n",
    加分满分: "细则 「加分项中的按评价」\n加分 「创新」 上限 2 {\n  规则 「创新评价」 「依据创新评价结果计算加分」 按评价 得分\n}\n",
    分值太大: "细则 「分值太大」\n指标 「活动」 {\n  规则 「开展活动」 「开展活动的得分」 得 99999999999999\n}\n",
    加分分段:
      "细则 「加分项中的分段」\n指标 「工作」 10分 {\n  规则 「完成率」 「完成率低于60%的扣1分」 分段 { < 60% 扣 1 }\n}\n" +
      "加分 「创新」 上限 2 {\n  规则 「获奖率」 「获奖率达到90%以上的加1分，80%—90%的加0.5分」 分段 { ≥ 90% 得 1  [80%, 90%) 得 0.5 }\n}\n",
  };
  for (const [name, text] of Object.entries(cases)) writeFileSync(join(d, `${name}.kp`), text);
  writeFileSync(join(t, "facts", "加分分段.csv"), "单位,完成率,获奖率\n甲县,70%,95%\n乙县,50%,\n");
}

/** A catalogue with a zero-width space in a rule name (U+200B), beside the same name without it. */
export const INVISIBLE_NAMES =
  "细则 「名称测试」\n指标 「会议」 4分 {\n  规则 「参\u200B会」 「未按要求参会的，每次扣0.5分」 每次 扣 0.5 上限 2\n  规则 「参会」 「未按要求参会的，每次扣0.5分」 每次 扣 0.5 上限 2\n}\n";

/** Rule names that differ only by normalisation or width, and two rules whose facts share a key. */
export const LOOK_ALIKE_NAMES =
  "细则 「名称测试」\n类别 「A类」、「县区」\n指标 「会议」 4分 {\n" +
  "  规则 「cafe\u0301」 「c」 每次 扣 0.5 上限 2 适用 「Ａ类」\n" +
  "  规则 「café」 「c」 每次 扣 0.5 上限 2\n" +
  "  规则 「参会A」 「c」 每次 扣 0.5 上限 2\n" +
  "  规则 「参会Ａ」 「c」 每次 扣 0.5 上限 2\n" +
  "  规则 「违纪」 「c」 每起 扣 「处分.轻」 0.1 上限 2\n" +
  "  规则 「违纪.处分」 「c」 每起 扣 「轻」 0.1 上限 2\n}\n";

/** The Excel facts files (hidden sheets, formulas without results, broken zips, bombs) under `$T/facts/xlsx`. */
export async function makeBadWorkbooks(t: string): Promise<void> {
  await writeFactsWorkbooks(CLI_FIXTURES, join(t, "facts", "xlsx"));
  // kp template's workbooks, filled and spoiled (packages/cli/test/template-fixtures.ts), under `$T/填报`.
  await writeTemplateWorkbooks(join(t, "填报"));
}

/** A facts file of about `bytes` bytes for the `lf` catalogue (as in the CLI's 10 MB test). */
export function writeBigFacts(path: string, bytes: number): number {
  const header = "单位,类别,参会,清退,信息完成率,迟报,漏报,学习活动,评价得分,满意度,国家表彰,约谈";
  const lines = [header];
  let size = header.length;
  for (let i = 0; size < bytes; i++) {
    const line = `单位${String(i).padStart(6, "0")},${i % 7 === 0 ? "园区" : "县区"},${i % 5},${i % 2 ? "是" : "否"},${(i % 1000) / 10}%,${i % 3},${i % 4},是,${(i % 40) / 10},${(i % 1000) / 10},${i % 3},${i % 2}`;
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  writeFileSync(path, lines.join("\n") + "\n");
  return lines.length - 1;
}

/** A catalogue of about `bytes` bytes: 细则 + one indicator with long-claused rules. */
export function writeBigCatalogue(path: string, bytes: number): number {
  const clause = "未按要求参加市委、市政府重要会议、重要活动，或未按规定时间反馈会议议定事项落实情况的，".repeat(8);
  const lines = ["细则 「十兆字节的细则」", "指标 「会议」 100分 {"];
  let size = 0;
  let n = 0;
  while (size < bytes) {
    const line = `  规则 「规则${n}」 「${clause}第${n}条，每次扣0.01分」 每次 扣 0.01`;
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
    n++;
  }
  lines.push("}");
  writeFileSync(path, lines.join("\n") + "\n");
  return n;
}
