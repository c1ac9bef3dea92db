/**
 * Commands over the other packages: the linter (@kaoping/lint), the formatter (prettier-plugin-kp)
 * and the language server (@kaoping/lsp).  Each is imported only when its command runs, so `kp
 * check` or `kp score` never pay for Prettier or the language server.
 */
import { Option, type Command } from "commander";
import { includeRootOption, withIncludeRoots } from "../catalogue.js";
import type { Io } from "../io.js";
import { fmtCommand } from "./fmt.js";
import { lintCommand } from "./lint.js";
import { lspCommand } from "./lsp.js";
import { testCommand, type TestOptions } from "./test.js";

/** Adds a command to the program. */
export type AddCommand = (program: Command, io: Io, setCode: (code: number) => void, colorOption: () => Option) => void;

const lint: AddCommand = (program, io, setCode, colorOption) => {
  program
    .command("lint")
    .summary("检查细则的缺陷（缺上限、分值对不上、分段有缺口或重叠、代码与条文不一致……）")
    .description(
      "检查细则的缺陷：缺上限、分值对不上、分段有缺口或重叠、代码与条文不一致等。\n同时报告 kp check 发现的错误；规则的级别在最近的 kp.config.json 中配置。",
    )
    .argument("<文件或目录...>", ".kp 文件，或目录（检查其中全部 .kp 文件）")
    .addOption(new Option("--format <格式>", "输出格式").choices(["text", "json", "sarif"]).default("text"))
    .option("--fix", "自动修复能修复的问题（原子写入）")
    .addOption(includeRootOption())
    .addOption(colorOption())
    .action(async (paths: string[], opts: { format: "text" | "json" | "sarif"; fix?: boolean; color: boolean; includeRoot?: string[] }) => {
      setCode(await lintCommand(withIncludeRoots(io, opts.includeRoot), paths, opts));
    });
};

const fmt: AddCommand = (program, io, setCode, colorOption) => {
  program
    .command("fmt")
    .summary("按统一格式排版 .kp 文件")
    .description("按统一格式排版 .kp 文件：只改写有变化的文件（原子写入）；有语法错误的文件不改写，并报告错误。")
    .argument("<文件或目录...>", ".kp 文件，或目录（排版其中全部 .kp 文件）")
    .option("--check", "只检查，不改写：列出未格式化的文件，有则退出码为 1")
    .addOption(colorOption())
    .action(async (paths: string[], opts: { check?: boolean; color: boolean }) => {
      setCode(await fmtCommand(io, paths, opts));
    });
};

const lsp: AddCommand = (program) => {
  program
    .command("lsp")
    .summary("启动语言服务器（供编辑器使用）")
    .description("启动 kaoping 语言服务器（LSP），供 VS Code 等编辑器使用。")
    .option("--stdio", "通过标准输入输出通信")
    .action(async (opts: { stdio?: boolean }) => {
      await lspCommand(opts);
    });
};

const test: AddCommand = (program, io, setCode, colorOption) => {
  program
    .command("test")
    .summary("运行细则的测试场景（.kptest），查看覆盖率，从实际单位记录场景")
    .description(
      "运行测试场景（.kptest 文件）：按细则为每个场景的单位计分，逐项核对期望的得分、总分、等次和名次。\n" +
        "失败时列出期望值、实际值和相关规则的计分过程。目录会展开为其中全部 .kptest 文件（默认：当前目录）。\n" +
        "退出码：0 全部通过；1 有场景未通过，或测试文件、细则有错误；2 用法错误。",
    )
    .argument("[文件或目录...]", ".kptest 文件，或目录（运行其中全部 .kptest 文件）")
    .addOption(new Option("--format <格式>", "输出格式（junit 供 CI 系统读取）").choices(["text", "json", "junit"]).default("text"))
    .option("--coverage", "同时报告没有场景覆盖的规则、分段和上限")
    .option("--record <事实文件>", "从事实文件中一个单位的事实和当前得分记录一个场景，追加到给定的测试文件")
    .option("-u, --unit <单位>", "与 --record 一起使用：要记录的单位")
    .option("--name <场景名>", "与 --record 一起使用：场景名称（默认为单位名称）")
    .option("--sheet <名称或序号>", "与 --record 一起使用：读取 .xlsx 事实文件中的哪个工作表")
    .addOption(includeRootOption())
    .addOption(colorOption())
    .action(async (paths: string[], opts: TestOptions & { includeRoot?: string[] }) => {
      setCode(await testCommand(withIncludeRoots(io, opts.includeRoot), paths, opts));
    });
};

export const extraCommands: AddCommand[] = [lint, fmt, lsp, test];
