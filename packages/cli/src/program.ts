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
import { explainCommand } from "./commands/explain.js";
import { importCommand } from "./commands/import.js";
import { extraCommands } from "./commands/extra.js";
import { scoreCommand } from "./commands/score.js";
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
  kp lint rules/ --fix                         检查细则的缺陷并自动修复能修复的
  kp fmt rules/                                按统一格式排版
  kp import 细则.docx -o 草稿/                 从已有的 Word 细则生成 .kp 草稿

退出码：0 正常；1 细则或事实有错误；2 用法错误；70 内部错误。`,
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
    .addOption(new Option("--module <格式>", "模块格式：esm 写 .mjs 与 .d.mts（import 导入），cjs 写 .cjs 与 .d.cts（require 导入）").choices(["esm", "cjs"]).default("esm"))
    .addOption(includeRootOption())
    .addOption(colorOption())
    .action(async (catalogue: string, opts: { output: string; name?: string; module: "esm" | "cjs"; color: boolean; includeRoot?: string[] }) => {
      setCode(await compileCommand(withIncludeRoots(io, opts.includeRoot), catalogue, opts));
    });

  program
    .command("score")
    .summary("为各单位计分并排名")
    .description("按细则为事实文件中的各单位计分并排名。计分用的正是 kp compile 生成的模块代码；分数为精确的十进制数。")
    .argument("<细则>", "细则的根文件，或只含一个根文件的目录")
    .argument("<事实>", "事实文件：.csv、.json 或 .xlsx")
    .addOption(new Option("--format <格式>", "输出格式；默认按 -o 的扩展名，否则为 table").choices(["table", "json", "csv"]))
    .option("-o, --output <文件>", "写入文件（原子写入：失败时不留下半个文件）")
    .option("--sheet <名称或序号>", "读取 .xlsx 事实文件中的哪个工作表（默认：第一个可见的工作表）")
    .addOption(includeRootOption())
    .addOption(colorOption())
    .action(async (catalogue: string, facts: string, opts: { format?: "table" | "json" | "csv"; output?: string; sheet?: string; color: boolean; includeRoot?: string[] }) => {
      setCode(await scoreCommand(withIncludeRoots(io, opts.includeRoot), catalogue, facts, opts));
    });

  program
    .command("explain")
    .summary("解释一个单位的得分")
    .description("解释一个单位的得分：每个指标的得分，每一项扣分、得分所依据的条文、事实和计算过程")
    .argument("<细则>", "细则的根文件，或只含一个根文件的目录")
    .argument("<事实>", "事实文件：.csv、.json 或 .xlsx")
    .requiredOption("-u, --unit <单位>", "单位名称")
    .addOption(formatOption(["text", "json"], "text", "输出格式"))
    .option("--sheet <名称或序号>", "读取 .xlsx 事实文件中的哪个工作表（默认：第一个可见的工作表）")
    .addOption(includeRootOption())
    .addOption(colorOption())
    .action(async (catalogue: string, facts: string, opts: { unit: string; format: "text" | "json"; sheet?: string; color: boolean; includeRoot?: string[] }) => {
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
