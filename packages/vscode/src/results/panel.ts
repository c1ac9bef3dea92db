/**
 * The results view: one webview panel beside the editor, titled 「计分结果：<细则标题>」, showing the
 * ranking of a facts file and, on a click, one unit's explanation; a click on a rule or indicator
 * opens the `.kp` file there with the name selected; 「重新计分」 runs again with the same facts file.
 *
 * The panel asks the language server (`kp/score`, `kp/explain`) and renders the answers with the
 * pure functions of html.ts; the webview's script (media/results.js) only sends clicks back.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import * as vscode from "vscode";
import { errorHtml, explanationHtml, pageHtml, rankingHtml } from "./html.js";
import { isFromWebview, type CommandError, type FromWebview, type ExplainAnswer, type Outcome, type Place, type PlaceKind, type ScoreAnswer, type ToWebview } from "./messages.js";

/** Sends a request to the language server. */
export type Request = <R>(method: string, params: unknown) => Promise<R>;

/** What the results are of: a catalogue (any of its files) and a facts file. */
export interface ResultsSource {
  /** A `.kp` file of the catalogue. */
  catalogue: vscode.Uri;
  facts: vscode.Uri;
  /** The editor column the catalogue was in (rules are opened there). */
  column: vscode.ViewColumn | undefined;
}

/** Shows a failure outside the panel (a notification; details for the output channel). */
export type ReportError = (e: CommandError) => void;

const VIEW_TYPE = "kaoping.results";

export class ResultsPanel {
  private static current: ResultsPanel | undefined;

  private score: ScoreAnswer | undefined;
  private explained: ExplainAnswer | undefined;
  /** The unit whose explanation is shown, if any. */
  private unit: string | undefined;
  /** Counts the requests made for the view: an answer to an older one than the last is dropped. */
  private generation = 0;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly media: vscode.Uri,
    private readonly request: Request,
    private readonly report: ReportError,
    private source: ResultsSource,
  ) {
    panel.onDidDispose(() => {
      if (ResultsPanel.current === this) ResultsPanel.current = undefined;
    });
    panel.webview.onDidReceiveMessage((m: unknown) => {
      if (!isFromWebview(m)) return;
      // A request the server could not answer (it stopped, say) is shown, never an unhandled rejection.
      this.receive(m).catch((e: unknown) => this.fail({ ok: false, message: `考评语言服务没有回答：${e instanceof Error ? e.message : String(e)}`, details: [] }));
    });
  }

  /**
   * Scores `source` and shows the ranking (or, with `unit`, that unit's explanation, the ranking one
   * click away).  A failure before anything is shown is reported outside the panel.
   */
  static async show(context: vscode.ExtensionContext, request: Request, report: ReportError, source: ResultsSource, unit?: string): Promise<void> {
    const score = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: "考评：正在计分…" },
      () => request<Outcome<ScoreAnswer>>("kp/score", { uri: source.catalogue.toString(), facts: source.facts.fsPath, levels: 1 }),
    );
    if (!score.ok) return report(score);
    let explained: Outcome<ExplainAnswer> | undefined;
    if (unit !== undefined) {
      explained = await request<Outcome<ExplainAnswer>>("kp/explain", { uri: source.catalogue.toString(), facts: source.facts.fsPath, unit });
      if (!explained.ok) return report(explained);
    }
    const media = vscode.Uri.joinPath(context.extensionUri, "media");
    let view = ResultsPanel.current;
    if (view) {
      view.source = source;
      view.panel.reveal(view.panel.viewColumn ?? vscode.ViewColumn.Beside, true);
    } else {
      const panel = vscode.window.createWebviewPanel(
        VIEW_TYPE,
        "计分结果",
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [media], retainContextWhenHidden: true, enableFindWidget: true },
      );
      view = new ResultsPanel(panel, media, request, report, source);
      ResultsPanel.current = view;
    }
    view.render(score, explained?.ok ? explained : undefined);
  }

  /** Sets the whole page: the ranking, and an explanation when one is given. */
  private render(score: ScoreAnswer, explained: ExplainAnswer | undefined): void {
    this.generation++;
    this.score = score;
    this.explained = explained;
    this.unit = explained?.result.unit;
    const webview = this.panel.webview;
    this.panel.title = `计分结果：${score.catalogue.title}`;
    webview.html = pageHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString("hex"),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, "results.js")).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, "results.css")).toString(),
      title: this.panel.title,
      ranking: rankingHtml(score, { factsName: path.basename(this.source.facts.fsPath) }),
      explanation: explained ? explanationHtml(explained) : undefined,
    });
  }

  private post(m: ToWebview): void {
    void this.panel.webview.postMessage(m);
  }

  private async receive(m: FromWebview): Promise<void> {
    switch (m.type) {
      case "explain":
        return this.explain(m.unit);
      case "open":
        return this.open(m.kind, m.key);
      case "rescore":
        return this.rescore();
      case "ranking":
        this.unit = undefined;
        this.generation++; // an explanation still on its way is not shown over the ranking
        return;
    }
  }

  private params(extra: Record<string, string> = {}) {
    return { uri: this.source.catalogue.toString(), facts: this.source.facts.fsPath, ...extra };
  }

  private async explain(unit: string): Promise<void> {
    const generation = ++this.generation;
    this.post({ type: "busy", text: `正在解释「${unit}」的得分…` });
    const r = await this.request<Outcome<ExplainAnswer>>("kp/explain", this.params({ unit }));
    if (generation !== this.generation) return; // another unit was clicked meanwhile
    if (!r.ok) return this.fail(r);
    this.explained = r;
    this.unit = r.result.unit;
    this.post({ type: "explain", html: explanationHtml(r), unit: r.result.unit });
  }

  private async rescore(): Promise<void> {
    const generation = ++this.generation;
    this.post({ type: "busy", text: "正在重新计分…" });
    const r = await this.request<Outcome<ScoreAnswer>>("kp/score", { ...this.params(), levels: 1 });
    if (generation !== this.generation) return;
    if (!r.ok) return this.fail(r);
    this.score = r;
    this.panel.title = `计分结果：${r.catalogue.title}`;
    this.post({ type: "ranking", html: rankingHtml(r, { factsName: path.basename(this.source.facts.fsPath) }) });
    if (this.unit !== undefined) await this.explain(this.unit);
  }

  private fail(e: CommandError): void {
    this.post({ type: "error", html: errorHtml(e.message, e.details) });
    this.report(e);
  }

  /** Opens the `.kp` file at a rule's or indicator's name and selects it. */
  private async open(kind: PlaceKind, key: string): Promise<void> {
    const from = (a: ScoreAnswer | ExplainAnswer | undefined): Place | undefined =>
      a ? (kind === "rule" ? a.places.rules[key] : a.places.indicators[key]) : undefined;
    const place = from(this.explained) ?? from(this.score);
    if (!place) {
      void vscode.window.showWarningMessage(`找不到${kind === "rule" ? "规则" : "指标"}「${key}」：细则改过后请点「重新计分」`);
      return;
    }
    const { start, end } = place.range;
    const range = new vscode.Range(start.line, start.character, end.line, end.character);
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(place.uri), {
      viewColumn: this.source.column ?? vscode.ViewColumn.One,
      selection: range,
      preserveFocus: false,
    });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}
