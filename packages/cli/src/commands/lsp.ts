/** `kp lsp --stdio`: the language server (@kaoping/lsp) on standard input and output. */
import { loadPackage, UsageError } from "../exit.js";

export async function lspCommand(opts: { stdio?: boolean }): Promise<void> {
  if (!opts.stdio) throw new UsageError("kp lsp 需要 --stdio：语言服务器通过标准输入输出与编辑器通信");
  const { startServer } = await loadPackage("@kaoping/lsp", () => import("@kaoping/lsp"));
  // The server reads its transport (--stdio) from process.argv, where it is.
  startServer();
}
