/** Statistics of the changes of one parameter in one group of participants. */
import { expand, histogramMedian, total, weightedMean } from "./_internal/histogram.js";
import type { ChangeSummary, Histogram } from "./types.js";
import { wilcoxonSignedRank } from "./wilcoxonSignedRank.js";

/** What {@link summarizeChanges} takes: counts only, so a district can summarize its schools' counts. */
export interface ChangeCounts {
  /** Changes oriented towards better (last − first, negated when lower is better): value → count. */
  readonly gains: Histogram;
  /** The first and the last values of the participants with a change. */
  readonly first: Histogram;
  readonly last: Histogram;
  /** Participants with a single value. */
  readonly single: number;
  /** `higher` or `lower` is better. */
  readonly direction: "higher" | "lower";
}

/** Options of {@link summarizeChanges}. */
export interface SummarizeChangesOptions {
  /** Below this many changes, a result is never called significant. @defaultValue 10 */
  readonly minSignificanceN?: number;
  /** @defaultValue 0.05 */
  readonly alpha?: number;
}

/**
 * Summarizes changes: the mean of the first and last values, the mean and median change (in the scale's
 * units, last − first; means with mathjs over the histogram, the median from its cumulative counts), how many improved, stayed and got worse (towards better as the
 * parameter's direction says), and the Wilcoxon signed-rank test of the oriented changes with its p-value
 * and effect size r. `significant` is `null` below `minSignificanceN` changes: a small group is described,
 * never declared significant.
 *
 * Complexity: O(n log n) for n changes (plus the exact test, O(n³) for n ≤ 50).
 *
 * @param counts - histograms of the oriented changes and of the first and last values.
 * @param options - the least n for significance and the level alpha.
 * @returns the summary without its labels (parameter, role, dimension, key).
 * @throws never.
 * @example
 * const s = summarizeChanges({ gains: [[-1, 1], [2, 3]], first: [[5, 4]], last: [[4, 1], [7, 3]], single: 0, direction: "higher" });
 * s.meanChange; // 1.25
 * s.significant; // null (n = 4 < 10)
 */
export function summarizeChanges(
  counts: ChangeCounts,
  options: SummarizeChangesOptions = {},
): Omit<ChangeSummary, "parameter" | "role" | "dimension" | "key"> {
  const minN = options.minSignificanceN ?? 10;
  const alpha = options.alpha ?? 0.05;
  const sign = counts.direction === "lower" ? -1 : 1;
  const gains = expand(counts.gains);
  const n = gains.length;
  let improved = 0;
  let worse = 0;
  for (const [g, c] of counts.gains) {
    if (g > 0) improved += c;
    else if (g < 0) worse += c;
  }
  const unchanged = n - improved - worse;
  const share = (k: number): number | null => (n === 0 ? null : k / n);
  const test = wilcoxonSignedRank(gains);
  const meanGain = n === 0 ? null : weightedMean(counts.gains);
  const medianGain = n === 0 ? null : histogramMedian(counts.gains, n);
  return {
    n,
    single: counts.single,
    meanFirst: total(counts.first) === 0 ? null : weightedMean(counts.first),
    meanLast: total(counts.last) === 0 ? null : weightedMean(counts.last),
    meanChange: meanGain === null ? null : sign * meanGain + 0,
    medianChange: medianGain === null ? null : sign * medianGain + 0,
    improved,
    unchanged,
    worse,
    shareImproved: share(improved),
    shareUnchanged: share(unchanged),
    shareWorse: share(worse),
    test,
    significant: n < minN ? null : test.pValue < alpha,
  };
}
