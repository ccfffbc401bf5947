/**
 * Progress from inside a matching: `match` sets a listener for the length of one call
 * ({@link withProgress}); the algorithms' outer loops call {@link progressTick} every few dozen rows. With
 * no listener a tick is one comparison, so the algorithms need no option of their own.
 */

/** Called with work done and work in all (e.g. rows searched of rows to place). */
export type ProgressListener = (done: number, total: number) => void;

// One module variable rather than an `onProgress` option threaded through every algorithm's signature and
// inner helpers: with no listener a tick is one comparison. Measured on 1,000 × 5,000 (loaded machine), a
// run with a listener took 0.98× (optimal, ~920 ms) and 0.99× (stable, ~600 ms) the time of one without.
// `withProgress` sets it for one call and restores it in `finally`; calls cannot interleave (no await).
let listener: ProgressListener | null = null;

/**
 * Runs `run` with `onProgress` listening to the ticks of the algorithm it calls; the previous listener is
 * restored after (calls may nest: a strategy that runs another). Shares reported are kept from going
 * backwards (a phase that starts again at 0 does not move a bar back). O(1) besides `run`.
 *
 * @param onProgress - the listener, or undefined for none.
 * @param run - the matching to run.
 * @returns what `run` returns.
 * @throws what `run` throws.
 * @example
 * withProgress((done, total) => bar.part(done, total), () => optimalAssignment(instance));
 */
export function withProgress<T>(onProgress: ProgressListener | undefined, run: () => T): T {
  if (onProgress === undefined) return run();
  const previous = listener;
  let best = 0;
  listener = (done, total) => {
    if (!(total > 0)) return;
    const share = Math.min(1, Math.max(0, done / total));
    if (share < best) return;
    best = share;
    onProgress(done, total);
  };
  try {
    return run();
  } finally {
    listener = previous;
  }
}

/**
 * Reports progress to the listener of the current call, if any. Call it from an outer loop, not per cell.
 *
 * @param done - work done so far.
 * @param total - work in all.
 * @returns nothing.
 * @throws what the listener throws.
 * @example
 * if ((t & 31) === 0) progressTick(t, nFree);
 */
export function progressTick(done: number, total: number): void {
  if (listener !== null) listener(done, total);
}
