/**
 * The analysis run behind diagnostics: parse → check → lint → publish for each edited catalogue,
 * yielding to the event loop between steps (requests are answered meanwhile) and abandoned as soon
 * as a newer edit arrives.  A large catalogue takes a while to lint: its check's findings (with the
 * previous lint findings moved along) are published at once, and it is linted only when typing
 * pauses, after every other catalogue of the run, so that linting never holds up a keystroke's
 * diagnostics.
 */
import type { Diagnostic } from "@kaoping/core";
import { collectIfGrown } from "./memory.js";
import { AnalysisScheduler, yieldToEventLoop } from "./scheduler.js";
import { settleTokens } from "./service/incremental.js";
import type { CatalogueState, Project } from "./service/project.js";

/**
 * Catalogues larger than this (UTF-16 code units, ≈ 2,500 lines) get their diagnostics in two
 * steps: after checking (with the previous lint findings moved onto the new text), then after
 * linting.  Smaller ones are linted before anything is published (a few milliseconds).
 */
export const TWO_PHASE_CHARS = 100_000;
/** How long typing must pause before a large catalogue is linted (ms). */
export const LINT_PAUSE_MS = 300;

/** What an analysis run needs of the server. */
export interface AnalysisHost {
  project: Project;
  publish(state: CatalogueState, diagnostics: readonly Diagnostic[]): void;
  log(message: string): void;
  /** True once the client asked the server to shut down. */
  shuttingDown(): boolean;
}

function sizeOf(state: CatalogueState): number {
  return state.analysis.files.reduce((n, f) => n + f.text.length, 0);
}

/** The scheduler that analyses edited documents and publishes their catalogues' diagnostics. */
export function analysisScheduler(host: AnalysisHost, intervalMs: number): AnalysisScheduler {
  const { project } = host;
  const failed = (p: string, e: unknown) => host.log(`kp: analysis of ${p} failed: ${(e as Error)?.stack ?? String(e)}`);

  /** Lints a document's catalogue (if not linted yet) and publishes every diagnostic of it. */
  const lintAndPublish = async (p: string, stale: () => boolean): Promise<void> => {
    try {
      const linted = project.catalogueOf(p);
      await yieldToEventLoop();
      if (!stale()) host.publish(linted, linted.diagnostics);
    } catch (e) {
      failed(p, e);
    }
  };

  const scheduler: AnalysisScheduler = new AnalysisScheduler(async (paths, stale) => {
    const done = new Set<string>();
    const lintLater: string[] = [];
    for (const p of paths) {
      await yieldToEventLoop();
      if (stale() || host.shuttingDown()) return;
      if (!project.isOpen(p)) continue;
      try {
        const { root } = project.rootOf(p); // parses the edited file
        if (done.has(root)) continue;
        done.add(root);
        await yieldToEventLoop();
        if (stale()) return;
        const checked = project.catalogueOf(p, { lint: false });
        if (sizeOf(checked) > TWO_PHASE_CHARS && checked.lint === undefined) {
          host.publish(checked, project.provisionalDiagnostics(checked));
          // Then the tokens a re-parse deferred (highlighting, hover and completion need them).
          await yieldToEventLoop();
          if (stale()) return;
          for (const f of checked.analysis.files) settleTokens(f.parsed);
          // Between two keystrokes: give back what the previous versions left (memory.ts).
          await yieldToEventLoop();
          if (stale()) return;
          collectIfGrown();
          lintLater.push(p);
          continue;
        }
      } catch (e) {
        failed(p, e);
        continue;
      }
      await lintAndPublish(p, stale);
    }
    if (lintLater.length === 0 || !(await scheduler.quiet(LINT_PAUSE_MS))) return;
    for (const p of lintLater) {
      await yieldToEventLoop();
      if (stale() || host.shuttingDown()) return;
      if (!project.isOpen(p)) continue; // closed during the pause
      await lintAndPublish(p, stale);
    }
  }, intervalMs);
  return scheduler;
}
