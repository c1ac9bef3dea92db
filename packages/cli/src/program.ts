/**
 * The `kp` command line: commander, with help and usage errors in Chinese.  Commands are thin: each
 * resolves its arguments, calls the core (or the compiled module) and prints; `runCli` returns the
 * exit code (see exit.ts) instead of exiting, so output is always flushed.
 */
import { VERSION } from "@kaoping/core";
import { Command, CommanderError, Help, Option } from "commander";
import stringWidth from "string-width";
import { includeRootOption, withIncludeRoots } from "./catalogue.js";
import { checkCommand } from "./commands/check.js";
import { compileCommand } from "./commands/compile.js";
import { diffCommand, type DiffOptions } from "./commands/diff.js";
import { explainCommand } from "./commands/explain.js";
import { importCommand } from "./commands/import.js";
import { extraCommands } from "./commands/extra.js";
import { reportCommand } from "./commands/report.js";
import { scoreCommand } from "./commands/score.js";
import { factsCheckCommand } from "./commands/facts-check.js";
import { templateCommand } from "./commands/template.js";
import { scoreWithEngine } from "./commands/score-engine.js";
import { duckDbByDefault } from "./commands/engine-choice.js";
import { compileSqlCommand } from "./commands/compile-sql.js";
import { ExitCode, UsageError } from "./exit.js";
import { colorsFor, processIo, type Io } from "./io.js";
import { visibleLines } from "./report/terminal.js";

const titles: Record<string, string> = {
  "Usage:": "用法：",
  "Options:": "选项：",
  "Commands:": "命令：",
  "Arguments:": "参数：",
  "Global Options:": "全局选项：",
};

/** Commander's English error messages, in Chinese. */
export function translateCommanderError(message: string): string {
  const m = message.trim();
  const rules: [RegExp, (...g: string[]) => string][] = [
    [/^error: unknown command '(.*)'\n\(Did you mean (.*)\?\)$/s, (c, s) => `未知的命令「${c}」，是否想写「${s}」？`],
    [/^error: unknown command '(.*)'$/, (c) => `未知的命令「${c}」`],
    [/^error: unknown option '(.*)'\n\(Did you mean one of (.*)\?\)$/s, (o, s) => `未知的选项 ${o}，是否想写 ${s.split(", ").join(" 或 ")}？`],
    [/^error: unknown option '(.*)'\n\(Did you mean (.*)\?\)$/s, (o, s) => `未知的选项 ${o}，是否想写 ${s}？`],
    [/^error: unknown option '(.*)'$/, (o) => `未知的选项 ${o}`],
    [/^error: missing required argument '(.*)'$/, (a) => `缺少参数 <${a}>`],
    [/^error: option '(.*)' argument missing$/, (o) => `选项 ${o} 缺少值`],
    [/^error: required option '(.*)' not specified$/, (o) => `缺少必需的选项 ${o}`],
    [/^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/, (o, v, c) => `选项 ${o} 的值「${v}」无效，可选：${c.split(", ").join("、")}`],
    [/^error: too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\.$/, (c, e, g) => `命令 ${c} 的参数过多：需要 ${e} 个，实际给了 ${g} 个`],
    [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\.$/, (e, g) => `参数过多：需要 ${e} 个，实际给了 ${g} 个`],
  ];
  for (const [re, f] of rules) {
    const g = re.exec(m);
    if (g) return f(...g.slice(1));
  }
  return m.replace(/^error: /, "");
}

/** Builds the program.  `setCode` receives each command's exit code. */
export function buildProgram(io: Io, setCode: (code: number) => void, argv: readonly string[] = []): Command {
  const program = new Command("kp");
  const errColors = colorsFor(io.stderr, io.env, !argv.includes("--no-color"));
  program
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      getOutHelpWidth: () => 100,
      getErrHelpWidth: () => 100,
      // Commander's messages echo the user's arguments: an ESC in one is shown as \x1b, never sent to the terminal.
      outputError: (s, write) => {
        const name = program.commands.find((c) => argv.includes(c.name()))?.name();
        write(`${errColors.red("错误")}：${visibleLines(translateCommanderError(s))}\n运行「kp${name ? " " + name : ""} --help」查看用法。\n`);
      },
    })
    .configureHelp({
      styleTitle: (s: string) => titles[s] ?? s,
      // A fixed width keeps help identical in every terminal (and in golden files).
      helpWidth: 100,
      displayWidth: (s: string) => stringWidth(s),
      sortSubcommands: false,
      formatHelp(this: Help, cmd: Command, helper: Help) {
        return Help.prototype.formatHelp.call(this, cmd, helper).replace(/^用法： /, "用法：");
      },
      commandUsage(this: Help, cmd: Command) {
        return Help.prototype.commandUsage.call(this, cmd).replace("[options]", "[选项]").replace("[command]", "[命令]");
      },
      subcommandTerm(this: Help, cmd: Command) {
        return Help.prototype.subcommandTerm.call(this, cmd).replace("[options]", "[选项]");
      },
      optionDescription(this: Help, option: Option) {
        const extra: string[] = [];
        if (option.argChoices) extra.push(`可选：${option.argChoices.join("、")}`);
        if (option.defaultValue !== undefined && (option.required || option.optional)) extra.push(`默认：${option.defaultValueDescription ?? String(option.defaultValue)}`);
        return extra.length ? `${option.description}（${extra.join("；")}）` : option.description;
      },
    })
    .name("kp")
    .description("kaoping（考评）：检查、编译考评细则（.kp 文件），按细则为各单位计分、排名并解释得分。")
    .version(VERSION, "-V, --version", "显示版本号")
    .helpOption("-h, --help", "显示帮助")
    .helpCommand("help [命令]", "显示命令的帮助")
    .addHelpText(
      "after",
      `
示例：
  kp check rules/                              检查 rules/ 下的全部 .kp 文件
  kp compile rules/ -o out/                    把细则编译为 out/细则.mjs、.d.mts 与 .facts.schema.json
  kp score rules/ examples/各县事实.csv        按事实计分并排名
  kp explain rules/ examples/各县事实.csv -u 青山县   解释一个单位的得分
  kp template rules/ -o 填报表/ --by 考评单位 --units 单位.txt   为各考评单位生成事实填报表
  kp score rules/ 交回/                        合并各考评单位交回的表并计分
  kp facts check rules/ 交回/                  列出尚未填写的事实
  kp report rules/ examples/各县事实.csv -o 报告/    生成 Excel 与网页报告（加 --pdf 另有 PDF）
  kp lint rules/ --fix                         检查细则的缺陷并自动修复能修复的
  kp fmt rules/                                按统一格式排版
  kp import 细则.docx -o 草稿/                 从已有的 Word 细则生成 .kp 草稿
  kp diff rules/ rules-2027/ --facts examples/各县事实.csv   比较两个版本及其对各单位得分的影响
  kp test rules/ --coverage                    运行测试场景（.kptest），报告没有场景覆盖的规则

退出码：0 正常；1 细则或事实有错误；2 用法错误；70 内部错误（kp diff 另有约定，见 kp diff --help）。`,
    );

  const colorOption = () => new Option("--no-color", "不使用颜色（也可设置环境变量 NO_COLOR）");
  const formatOption = (choices: string[], def: string, what: string) =>
    new Option("--format <格式>", what).choices(choices).default(def);

  program
    .command("check")
    .summary("检查 .kp 文件")
    .description("检查 .kp 文件：报告语法与语义错误，给出位置、原文和修复建议。目录会展开为其中全部 .kp 文件。")
    .argument("<文件或目录...>", ".kp 文件，或目录（检查其中全部 .kp 文件）")
    .addOption(formatOption(["text", "json"], "text", "输出格式"))
    .addOption(includeRootOption())
    .addOption(colorOption())
    .action(async (paths: string[], opts: { format: "text" | "json"; color: boolean; includeRoot?: string[] }) => {
      setCode(await checkCommand(withIncludeRoots(io, opts.includeRoot), paths, opts));
    });

  program
    .command("compile")
    .summary("把细则编译为计分模块（.mjs、.d.mts 与事实文件的 JSON Schema）")
    .description("把细则编译为计分模块：<名称>.mjs（计分函数）、<名称>.d.mts（类型声明）、\n<名称>.facts.schema.json（事实文件的 JSON Schema）。--module cjs 时写 <名称>.cjs 与\n<名称>.d.cts（CommonJS，供 require 导入）。细则有错误时不写任何文件；每个文件都原子写入。")
    .argument("<细则>", "细则的根文件（写有「细则」标题的 .kp 文件），或只含一个根文件的目录")
    .requiredOption("-o, --output <目录>", "输出目录（不存在时创建）")
    .option("--name <文件名>", "输出文件的基本名（默认为根文件名去掉 .kp）")
    .addOption(new Option("--target <目标>", "编译目标：js（计分模块）或 sql（一条计分查询，见 --dialect）").choices(["js", "sql"]).default("js"))
    .addOption(new Option("--dialect <方言>", "--target sql 的 SQL 方言").choices(["duckdb", "postgres"]).default("duckdb"))
    .option("--table <表名>", "--target sql：事实表的表名（默认 kp_facts）")
    .addOption(new Option("--module <格式>", "模块格式：esm 写 .mjs 与 .d.mts（import 导入），cjs 写 .cjs 与 .d.cts（require 导入）").choices(["esm", "cjs"]).default("esm"))
    .addOption(includeRootOption())
    .addOption(colorOption())
    .action(async (catalogue: string, opts: { output: string; name?: string; module: "esm" | "cjs"; target: string; dialect: string; table?: string; color: boolean; includeRoot?: string[] }) => {
      if (opts.target === "sql") return setCode(await compileSqlCommand(withIncludeRoots(io, opts.includeRoot), catalogue, opts));
      setCode(await compileCommand(withIncludeRoots(io, opts.includeRoot), catalogue, opts));
    });

  program
    .command("score")
    .summary("为各单位计分并排名")
    .description("按细则为事实文件中的各单位计分并排名。计分用的正是 kp compile 生成的模块代码；分数为精确的十进制数。")
    .argument("<细则>", "细则的根文件，或只含一个根文件的目录")
    .argument("<事实...>", "事实文件（.csv、.json、.xlsx）；可给多个文件或目录，按单位名称合并")
    .addOption(new Option("--format <格式>", "输出格式；默认按 -o 的扩展名，否则为 table").choices(["table", "json", "csv"]))
    .option("-o, --output <文件>", "写入文件（原子写入：失败时不留下半个文件）")
    .option("--sheet <名称或序号>", "读取 .xlsx 事实文件中的哪个工作表（默认：第一个可见的工作表）")
    .addOption(new Option("--engine <引擎>", "计分引擎：js、duckdb（把细则编译为 SQL，在内嵌的 DuckDB 中直接读 .csv/.parquet/.json 计分）或 postgres（在 PostgreSQL 中对 --table 计分）；默认 js（环境变量 KP_DUCKDB_FROM_BYTES 设定字节数时，不小于它的 .csv/.jsonl 事实文件输出 csv 或 json 时用 duckdb）；各引擎输出相同").choices(["js", "duckdb", "postgres"]))
    .option("--db <连接串>", "--engine postgres：数据库连接串，如 postgres://用户:密码@127.0.0.1:5432/库名")
    .option("--table <表名>", "--engine postgres：事实表（此时 <事实> 写 - ）")
    .option("--write <表名>", "--engine postgres：结果写入这张表（先建新表，再在一个事务中替换）")
    .addOption(includeRootOption())
    .addOption(colorOption())
    .action(async (catalogue: string, facts: string[], opts: { format?: "table" | "json" | "csv"; output?: string; sheet?: string; engine?: "js" | "duckdb" | "postgres"; db?: string; table?: string; write?: string; color: boolean; includeRoot?: string[] }) => {
      // no --engine: DuckDB for a facts file beyond the measured cross-over (engine-choice.ts), else JS
      const auto = opts.engine === undefined ? duckDbByDefault(io, facts, opts) : undefined;
      const engine = opts.engine ?? (auto !== undefined ? "duckdb" : "js");
      if (engine !== "js") {
        if (facts.length !== 1) throw new UsageError(`--engine ${engine} 只读一个事实文件（或 PostgreSQL 的表），实际给了 ${facts.length} 个`);
        return setCode(await scoreWithEngine(withIncludeRoots(io, opts.includeRoot), catalogue, facts[0]!, { ...opts, engine, ...(auto !== undefined ? { auto } : {}) }));
      }
      setCode(await scoreCommand(withIncludeRoots(io, opts.includeRoot), catalogue, facts, opts));
    });

  program
    .command("explain")
    .summary("解释一个单位的得分")
    .description("解释一个单位的得分：每个指标的得分，每一项扣分、得分所依据的条文、事实和计算过程")
    .argument("<细则>", "细则的根文件，或只含一个根文件的目录")
    .argument("<事实...>", "事实文件（.csv、.json、.xlsx）；可给多个文件或目录，按单位名称合并")
    .requiredOption("-u, --unit <单位>", "单位名称")
    .addOption(formatOption(["text", "json"], "text", "输出格式"))
    .option("--sheet <名称或序号>", "读取 .xlsx 事实文件中的哪个工作表（默认：第一个可见的工作表）")
    .addOption(includeRootOption())
    .addOption(colorOption())
    .action(async (catalogue: string, facts: string[], opts: { unit: string; format: "text" | "json"; sheet?: string; color: boolean; includeRoot?: string[] }) => {
      setCode(await explainCommand(withIncludeRoots(io, opts.includeRoot), catalogue, facts, opts));
    });

  program
    .command("import")
    .summary("从已有的 Word、Excel、网页或文本细则生成 .kp 草稿")
    .description(
      "从已有的细则文档（.docx、.xlsx、.html 或文本）生成 .kp 细则草稿：恢复指标层级与分值，条文照录；\n能识别的条文写出计分方式，不能识别的写为「待补」；同时写出 导入报告.md。\n输出目录整体写入，失败时不留下半个目录。旧版 .doc、.wps 请先转换：\n  libreoffice --headless --convert-to docx <文件>",
    )
    .argument("<文件>", "细则文档：.docx、.xlsx、.html 或 UTF-8 文本")
    .requiredOption("-o, --output <目录>", "输出目录（不存在或为空；已有内容时须加 --force）")
    .option("--force", "输出目录已有内容时整体替换")
    .addOption(formatOption(["text", "json"], "text", "报告的输出格式"))
    .addOption(colorOption())
    .action(async (file: string, opts: { output: string; force?: boolean; format: "text" | "json"; color: boolean }) => {
      setCode(await importCommand(io, file, opts));
    });

  program
    .command("report")
    .summary("生成考评报告：Excel、网页（含图表）与 PDF")
    .description(
      "按细则计分，把结果写成一个报告文件夹：报告.xlsx（排名、各指标、扣分明细），index.html（总览与图表，\n离线可打开）及 units/ 下每个单位一页，加 --pdf 时另有 报告.pdf。先在旁边的临时文件夹中生成，\n完成后才放到目标位置：失败时不留下半个报告。",
    )
    .argument("<细则>", "细则的根文件，或只含一个根文件的目录")
    .argument("<事实...>", "事实文件或目录：.csv、.json 或 .xlsx（多个时按单位合并）")
    .requiredOption("-o, --output <文件夹>", "报告文件夹（不存在时创建）")
    .option("--pdf", "同时生成 报告.pdf（需要 Chromium：/usr/bin/chromium，或环境变量 KAOPING_CHROMIUM）")
    .option("--force", "输出文件夹不是空的时，用新报告替换它")
    .option("--sheet <名称或序号>", "读取 .xlsx 事实文件中的哪个工作表（默认：第一个可见的工作表）")
    .addOption(includeRootOption())
    .addOption(colorOption())
    .action(async (catalogue: string, facts: string[], opts: { output: string; pdf?: boolean; force?: boolean; sheet?: string; color: boolean; includeRoot?: string[] }) => {
      setCode(await reportCommand(withIncludeRoots(io, opts.includeRoot), catalogue, facts, opts));
    });

  program
    .command("template")
    .summary("生成事实填报表（Excel 或 CSV），发给各考评单位填写")
    .description(
      "生成事实填报表：每个单位一行，每条规则需要的事实一列（列名就是规则名，填好后 kp score 直接读取）；\n列名带批注（条文和填写要求），单元格有数据验证和填写提示，另有「说明」工作表。\n用 --by 考评单位 时每个考评单位一个工作簿，只含它负责的列（一个指标列有几个考评单位时，由第一个列出的填写）。",
    )
    .argument("<细则>", "细则的根文件，或只含一个根文件的目录")
    .requiredOption("-o, --output <目录>", "输出目录（不存在时创建）")
    .addOption(new Option("--by <分组>", "每个考评单位一个工作簿").choices(["考评单位"]))
    .option("--units <文件>", "单位名单：每行一个单位（可在逗号后写类别）的文本文件，或以前的事实文件（.csv、.json、.xlsx）")
    .addOption(new Option("--format <格式>", "填报表的格式").choices(["xlsx", "csv"]).default("xlsx"))
    .addOption(includeRootOption())
    .addOption(colorOption())
    .action(async (catalogue: string, opts: { output: string; by?: string; units?: string; format: "xlsx" | "csv"; color: boolean; includeRoot?: string[] }) => {
      setCode(await templateCommand(withIncludeRoots(io, opts.includeRoot), catalogue, opts));
    });

  const facts = program.command("facts").summary("检查交回的事实文件").description("检查交回的事实文件。");
  facts
    .command("check")
    .summary("列出尚未填写的事实（按考评单位、单位）")
    .description("读取交回的事实文件（可给多个文件或目录，按单位名称合并），按考评单位、单位列出尚未填写的事实——催报时发出的清单。\n有尚未填写的事实或事实有错误时退出码为 1。")
    .argument("<细则>", "细则的根文件，或只含一个根文件的目录")
    .argument("<事实...>", "事实文件（.csv、.json、.xlsx）或目录")
    .addOption(formatOption(["text", "json"], "text", "输出格式"))
    .option("--units <文件>", "单位名单（同 kp template --units）：名单中的单位都应有一行，名单外的单位是错误")
    .option("--sheet <名称或序号>", "读取 .xlsx 事实文件中的哪个工作表（默认：第一个可见的工作表）")
    .addOption(includeRootOption())
    .addOption(colorOption())
    .action(async (catalogue: string, files: string[], opts: { format: "text" | "json"; units?: string; sheet?: string; color: boolean; includeRoot?: string[] }) => {
      setCode(await factsCheckCommand(withIncludeRoots(io, opts.includeRoot), catalogue, files, opts));
    });

  program
    .command("diff")
    .summary("比较细则的两个版本（可按同一份事实比较各单位得分的变化）")
    .description(
      "比较细则的两个版本：列出增加、删除、改名、移动的指标和规则，分值、上限、分段、分类、等次等的变化，\n以及条文的逐词改动。规则按名称对应，改了名的按条文（相同或相似）对应。\n给出 --facts 时，按同一份事实为两个版本计分，列出各单位总分、名次、等次的变化及其原因。",
    )
    .argument("<原版>", "原版细则的根文件，或只含一个根文件的目录")
    .argument("<新版>", "新版细则的根文件，或只含一个根文件的目录")
    .addOption(formatOption(["text", "json", "md", "html"], "text", "输出格式（md：Markdown；html：网页）"))
    .option("--facts <事实>", "按这份事实文件（.csv、.json 或 .xlsx）为两个版本计分并比较")
    .option("--sheet <名称或序号>", "读取 .xlsx 事实文件中的哪个工作表（默认：第一个可见的工作表）")
    .option("-o, --output <文件>", "写入文件（原子写入）")
    .option("--exit-code", "有变化时退出码为 1（同 git diff --exit-code）")
    .addHelpText(
      "after",
      `
示例：
  kp diff rules/ rules-2027/                                 列出两个版本的差别
  kp diff rules/ rules-2027/ --facts examples/各县事实.csv   并比较各单位的总分、名次、等次
  kp diff rules/ rules-2027/ --format md -o 修订对照.md      写成可贴入修订说明的 Markdown
  kp diff rules/ rules-2027/ --facts examples/各县事实.csv --format html -o 修订对照.html
                                                             写成一个网页（可离线打开、打印）

退出码（同 diff 与 git diff --exit-code）：0 正常（给出 --exit-code 时表示没有变化）；
1 有变化（只在给出 --exit-code 时）；2 无法比较（细则或事实文件有错误、路径不存在、用法错误）；70 内部错误。`,
    )
    .addOption(includeRootOption())
    .addOption(colorOption())
    .action(async (oldArg: string, newArg: string, opts: DiffOptions & { includeRoot?: string[] }) => {
      setCode(await diffCommand(withIncludeRoots(io, opts.includeRoot), oldArg, newArg, opts));
    });

  for (const add of extraCommands) add(program, io, setCode, colorOption);
  return program;
}

/**
 * Runs `kp` with the given arguments (without `node` and the script) and returns the exit code.
 * Unexpected exceptions are reported as internal errors (exit 70), with a stack only when KP_DEBUG=1.
 */
export async function runCli(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let code: number = ExitCode.ok;
  const program = buildProgram(
    io,
    (c) => {
      code = c;
    },
    argv,
  );
  const errColors = colorsFor(io.stderr, io.env, !argv.includes("--no-color"));
  try {
    if (argv.length === 0) {
      program.outputHelp({ error: true });
      return ExitCode.usage;
    }
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version") return ExitCode.ok;
      return ExitCode.usage;
    }
    if (e instanceof UsageError) {
      io.stderr.write(`${errColors.red("错误")}：${e.message}\n`);
      return ExitCode.usage;
    }
    const err = e as Error;
    // The message may quote input (a name, a path): control characters are shown, not sent.
    io.stderr.write(
      `${errColors.red("内部错误")}：${visibleLines(err?.message ?? String(e))}\n` +
        "这是 kaoping 自身的问题，不是您的输入有误。请把所用的命令、输入文件和以上信息报告给 kaoping 的维护者" +
        "（设置环境变量 KP_DEBUG=1 可显示详细的出错位置）。\n",
    );
    if (io.env.KP_DEBUG === "1" && err?.stack) io.stderr.write(visibleLines(err.stack) + "\n");
    return ExitCode.internal;
  }
}
