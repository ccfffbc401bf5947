/** Counts of values (`[value, count]`, sorted by value): what a school shares with its district. */
import { dot, sum } from "./math.js";
import type { Histogram } from "../types.js";

/** Rounds away floating-point noise so that equal changes are counted together. */
export function clean(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/** The histogram of `values`. O(n log n). */
export function toHistogram(values: Iterable<number>): Histogram {
  const counts = new Map<number, number>();
  for (const v of values) {
    const k = clean(v);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => a[0] - b[0]);
}

/** The sum of histograms. O(total size · log). */
export function mergeHistograms(parts: Iterable<Histogram>): Histogram {
  const counts = new Map<number, number>();
  for (const h of parts) for (const [v, c] of h) counts.set(v, (counts.get(v) ?? 0) + c);
  return [...counts.entries()].sort((a, b) => a[0] - b[0]);
}

/** The values a histogram counts, in order. O(n). */
export function expand(h: Histogram): number[] {
  const out: number[] = [];
  for (const [v, c] of h) for (let k = 0; k < c; k++) out.push(v);
  return out;
}

/** The number of values counted. */
export function total(h: Histogram): number {
  let n = 0;
  for (const [, c] of h) n += c;
  return n;
}

/** The mean of the values a histogram counts, Σ v·c / Σ c (mathjs `dot` and `sum`). */
export function weightedMean(h: Histogram): number {
  const values = h.map(([v]) => v);
  const counts = h.map(([, c]) => c);
  return dot(values, counts) / sum(counts);
}

/** The median of the values a histogram counts (sorted by value): the middle one, or the mean of the two. */
export function histogramMedian(h: Histogram, n: number): number {
  const at = (k: number): number => {
    let seen = 0;
    for (const [v, c] of h) {
      seen += c;
      if (k < seen) return v;
    }
    return h[h.length - 1]![0];
  };
  return n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}
