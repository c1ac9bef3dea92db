/**
 * The status-bar item of the current catalogue (the one of the last .kp editor): its title, total
 * points and error count, e.g. `$(checklist) 市对县保证目标考评细则 · 62分 · $(error) 0`.  Refreshed when
 * another .kp editor becomes active and whenever diagnostics change (every check); a click opens the
 * Problems view.  The summary comes from the server (`kp/catalogue`).
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";

/** What the server's kp/catalogue answers. */
export interface CatalogueSummary {
  root: string;
  title: string;
  fragment: boolean;
  points: string;
  errors: number;
  warnings: number;
  factsFiles: string[];
}

/** The current catalogue, for the other parts of the extension. */
export interface CatalogueStatus {
  /** A .kp document of the current catalogue (undefined before any .kp editor was active). */
  document(): vscode.Uri | undefined;
  /** Fires after every refresh (the catalogue was checked again). */
  readonly onDidRefresh: vscode.Event<CatalogueSummary | undefined>;
}

export function registerCatalogueStatus(context: vscode.ExtensionContext, client: LanguageClient): CatalogueStatus {
  const item = vscode.window.createStatusBarItem("kaoping.catalogue", vscode.StatusBarAlignment.Left, 50);
  item.name = "考评 当前细则";
  item.command = "workbench.actions.view.problems";
  const refreshed = new vscode.EventEmitter<CatalogueSummary | undefined>();
  let current: vscode.Uri | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const refresh = async () => {
    if (!current) return;
    let s: CatalogueSummary | null = null;
    try {
      s = await client.sendRequest<CatalogueSummary | null>("kp/catalogue", { uri: current.toString() });
    } catch {
      s = null;
    }
    if (!s) {
      item.hide();
      refreshed.fire(undefined);
      return;
    }
    if (s.fragment) {
      item.text = "$(checklist) 未归属细则的片段";
      item.tooltip = "这个文件没有被任何写有「细则」标题的根文件引入";
    } else {
      item.text = `$(checklist) ${s.title} · ${s.points}分 · $(error) ${s.errors}${s.warnings > 0 ? ` $(warning) ${s.warnings}` : ""}`;
      item.tooltip = new vscode.MarkdownString(
        `**${s.title}**（考评细则）\n\n总分 ${s.points} 分；${s.errors} 处错误，${s.warnings} 处警告。\n\n点击打开「问题」面板。`,
      );
    }
    item.backgroundColor = s.errors > 0 ? new vscode.ThemeColor("statusBarItem.errorBackground") : undefined;
    item.show();
    refreshed.fire(s);
  };
  const soon = (ms = 150) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refresh(), ms);
  };
  const follow = (editor: vscode.TextEditor | undefined) => {
    if (editor?.document.languageId !== "kp") return;
    current = editor.document.uri;
    soon(0);
  };

  context.subscriptions.push(
    item,
    refreshed,
    vscode.window.onDidChangeActiveTextEditor(follow),
    vscode.languages.onDidChangeDiagnostics(() => soon()),
    { dispose: () => timer && clearTimeout(timer) },
  );
  follow(vscode.window.activeTextEditor);
  return { document: () => current, onDidRefresh: refreshed.event };
}
