/**
 * A progress bar on stderr (cli-progress) for long runs.  Scoring itself is one synchronous call of
 * the module, so the bar advances by phase (scoring) and then per output row; cli-progress redraws
 * synchronously on update, so it moves even though the event loop is busy.
 */
import cliProgress from "cli-progress";
import type { Io } from "../io.js";

/** Units above which `kp score` shows a progress bar (when stderr is a terminal). */
export const PROGRESS_THRESHOLD = 2000;

export interface Progress {
  tick(phase: string): void;
  stop(): void;
}

export function startProgress(io: Io, total: number): Progress {
  const bar = new cliProgress.SingleBar(
    {
      stream: io.stderr as NodeJS.WritableStream,
      format: "{phase} [{bar}] {percentage}% | {value}/{total}",
      barCompleteChar: "█",
      barIncompleteChar: "░",
      hideCursor: true,
      clearOnComplete: true,
      synchronousUpdate: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { phase: "计分" });
  return {
    tick: (phase) => bar.increment(1, { phase }),
    stop: () => bar.stop(),
  };
}
