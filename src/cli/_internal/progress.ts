/** A one-line progress indicator on stderr, drawn only when stderr is a terminal. */
import type { CliIo } from "./io.js";

export interface Progress {
  /** Starts the next step, named `label`. */
  step(label: string): void;
  /**
   * Moves the bar within the current step: `done` of its `of` parts are done (rows scored, files
   * written). Redrawn at most every 100 ms, and only when the percentage changes.
   */
  part(done: number, of: number): void;
  done(): void;
}

const QUIET: Progress = { step() {}, part() {}, done() {} };

export function progress(io: CliIo, total: number, now: () => number = io.now ?? Date.now): Progress {
  if (!io.stderrIsTTY) return QUIET;
  let k = 0;
  let label = "";
  let shownPercent = -1;
  let shownAt = 0;
  const width = 24;
  const draw = (fraction: number, suffix: string) => {
    const filled = Math.round(width * Math.min(Math.max(fraction, 0), 1));
    io.stderr(
      `\r[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${Math.min(k, total)}/${total} ${label}${suffix}\u001b[K`,
    );
  };
  return {
    step(next: string) {
      k++;
      label = next;
      shownPercent = -1;
      draw(k / total, "");
    },
    part(done: number, of: number) {
      if (of <= 0) return;
      const share = Math.min(Math.max(done / of, 0), 1);
      const percent = Math.floor(share * 100);
      const t = now();
      if (percent === shownPercent || (t - shownAt < 100 && percent < 100)) return;
      shownPercent = percent;
      shownAt = t;
      // Within step k the bar runs from k/total towards (k + 1)/total: it only moves forward.
      draw((k + share) / total, ` ${percent}%`);
    },
    done() {
      io.stderr("\r\u001b[K");
    },
  };
}
