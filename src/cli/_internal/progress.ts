/** A one-line progress indicator on stderr, drawn only when stderr is a terminal. */
import type { CliIo } from "./io.js";

export interface Progress {
  step(label: string): void;
  done(): void;
}

export function progress(io: CliIo, total: number): Progress {
  if (!io.stderrIsTTY) return { step() {}, done() {} };
  let k = 0;
  const width = 24;
  return {
    step(label: string) {
      k++;
      const filled = Math.round((width * Math.min(k, total)) / total);
      io.stderr(`\r[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${k}/${total} ${label}\u001b[K`);
    },
    done() {
      io.stderr("\r\u001b[K");
    },
  };
}
