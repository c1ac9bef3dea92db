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

export const extraCommands: AddCommand[] = [lint, fmt, lsp];
