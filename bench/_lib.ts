/**
 * Shared pieces of the benchmarks. Each `bench/<subject>.bench.ts` is a script that builds its inputs
 * from a committed seed, warms up, times, and ends with `emit(subject, rows)`; `bench/run.ts` runs each
 * in its own process (so peak memory is its own) and writes bench/results/<subject>.{json,md}.
 */
import { performance } from "node:perf_hooks";

export const BENCHMARK_SEED = 20261122;

/** One measured line: an implementation on a case, with its time and, where it has one, a target. */
export interface BenchRow {
  readonly case: string;
  readonly impl: string;
  /** Median wall time of the timed runs, in milliseconds. */
  readonly ms: number | null;
  /** ms / the reference implementation's ms in the same run (mentor-match ÷ peer), where it applies. */
  readonly ratio?: number;
  /** Peak memory in MB, where measured. */
  readonly peakMB?: number;
  readonly target?: string;
  readonly pass?: boolean;
  readonly note?: string;
}

/** mulberry32: a small seeded generator for bench data (not for the library). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `fn` `warmup` times untimed, then `reps` times; returns the median and all times (ms). */
export function timeIt(
  fn: () => unknown,
  options: { warmup?: number; reps?: number } = {},
): { median: number; times: number[] } {
  const warmup = options.warmup ?? 1;
  const reps = options.reps ?? 3;
  for (let k = 0; k < warmup; k++) fn();
  const times: number[] = [];
  for (let k = 0; k < reps; k++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, times };
}

/**
 * Times one call of `fn` in wall time and in CPU time of this process (user + system: what load on a
 * shared machine inflates far less), in milliseconds.
 */
export function timeCall(fn: () => unknown): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const used = process.cpuUsage(c0);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

/** Resident set size high-water mark of this process so far, in MB. */
export function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Whether `--quick` was passed (smaller sizes, for a smoke run). */
export const QUICK = process.argv.includes("--quick") || process.env.BENCH_QUICK === "1";

/** Ends a bench script: prints its rows as one JSON line that bench/run.ts reads. */
export function emit(subject: string, rows: readonly BenchRow[], notes: readonly string[] = []): void {
  process.stdout.write(`\n@@BENCH ${JSON.stringify({ subject, rows, notes })}\n`);
}

/**
 * How fast the machine is right now: ten multiply-adds per cell over a 10,000 × 2,000 matrix, row by row
 * (the floor of the scoring benchmark at its full size). Shared 2-core machines vary by 2× from hour to
 * hour; a figure next to this one can be compared with another run's by the ratio of the floors.
 */
export function referenceFloor(): BenchRow {
  const rows = 10_000;
  const cols = 2_000;
  const { median } = timeIt(
    () => {
      const out = new Float64Array(rows * cols);
      const row = new Float64Array(cols).fill(0.5);
      for (let i = 0; i < rows; i++) {
        const base = i * cols;
        for (let k = 0; k < 10; k++) for (let j = 0; j < cols; j++) out[base + j]! += 0.1 * row[j]!;
      }
      return out;
    },
    { warmup: 1, reps: 3 },
  );
  return {
    case: "machine speed (same run)",
    impl: "reference floor: 10 multiply-adds per cell, 10,000 × 2,000",
    ms: median,
    note: "the same floor as the scoring benchmark's 2000 × 10000 row; lower = faster machine",
  };
}

/** Wall and CPU medians (ms) of one function in {@link alternating}. */
export interface AlternatingTimes {
  readonly wall: number;
  readonly cpu: number;
  readonly walls: number[];
}

/**
 * Times several functions in one process, one run of each per round, the order rotated from round to
 * round, so that they see the same load on a shared machine (a ratio of two of them is fairer than one
 * of separate runs). Each is run `warmup` times first. CPU = user + system time of the process (other
 * processes' load does not count; the collector's helper threads do). Returns the medians by name.
 */
export function alternating(
  fns: Readonly<Record<string, () => unknown>>,
  options: { warmup?: number; rounds?: number } = {},
): Record<string, AlternatingTimes> {
  const names = Object.keys(fns);
  for (let k = 0; k < (options.warmup ?? 1); k++) for (const name of names) fns[name]!();
  const walls: Record<string, number[]> = {};
  const cpus: Record<string, number[]> = {};
  const rounds = options.rounds ?? 3;
  for (let r = 0; r < rounds; r++) {
    for (let q = 0; q < names.length; q++) {
      const name = names[(q + r) % names.length]!;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      fns[name]!();
      const wall = performance.now() - t0;
      const c = process.cpuUsage(c0);
      (walls[name] ??= []).push(wall);
      (cpus[name] ??= []).push((c.user + c.system) / 1000);
    }
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const out: Record<string, AlternatingTimes> = {};
  for (const name of names)
    out[name] = { wall: median(walls[name]!), cpu: median(cpus[name]!), walls: walls[name]! };
  return out;
}
