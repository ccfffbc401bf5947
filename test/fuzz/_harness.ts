import { isMentorMatchError } from "mentor-match";
/**
 * Shared settings of the fuzz tests: how many cases each property runs, a time bound per case, and a tally
 * of the cases run, printed when a file ends.
 *
 * `npm test` runs a bounded number of cases so that the suite stays fast on two cores; set
 * `MENTOR_MATCH_FUZZ_RUNS=N` for a longer run (N cases per property).
 */

const fromEnv = Number(process.env.MENTOR_MATCH_FUZZ_RUNS);

/** Cases per property: `MENTOR_MATCH_FUZZ_RUNS` when set to a positive whole number, else `byDefault`. */
export function fuzzRuns(byDefault: number): number {
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : byDefault;
}

/** True during a long run (the environment variable is set). */
export const LONG_RUN = Number.isInteger(fromEnv) && fromEnv > 0;

/** A slow case fails the property: the bound is generous for the sizes the arbitraries draw. */
export const CASE_TIME_LIMIT_MS = 2_000;

/** Cases run, by property name, in this file. */
export const tally = new Map<string, number>();

/**
 * Runs one fuzz case: counts it, runs `fn`, and fails when `fn` throws anything but a typed mentor-match
 * error or takes longer than {@link CASE_TIME_LIMIT_MS}.
 *
 * @returns what `fn` returned, or the typed error it threw.
 */
export function fuzzCase<T>(
  property: string,
  fn: () => T,
): { ok: true; value: T } | { ok: false; error: unknown } {
  tally.set(property, (tally.get(property) ?? 0) + 1);
  const start = performance.now();
  let outcome: { ok: true; value: T } | { ok: false; error: unknown };
  try {
    outcome = { ok: true, value: fn() };
  } catch (error) {
    if (!isMentorMatchError(error)) throw error;
    outcome = { ok: false, error };
  }
  const elapsed = performance.now() - start;
  if (elapsed > CASE_TIME_LIMIT_MS) {
    throw new Error(`${property}: one case took ${Math.round(elapsed)} ms (limit ${CASE_TIME_LIMIT_MS} ms)`);
  }
  return outcome;
}

/** A line for the log: how many cases each property of the file ran. */
export function tallyReport(file: string): string {
  const parts = [...tally].map(([name, n]) => `${name}: ${n}`);
  const total = [...tally.values()].reduce((a, b) => a + b, 0);
  return `[fuzz] ${file}: ${total} cases (${parts.join("; ")})`;
}
