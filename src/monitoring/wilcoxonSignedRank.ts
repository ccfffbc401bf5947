/**
 * The Wilcoxon signed-rank test of paired changes (Wilcoxon 1945): are the changes symmetric about zero?
 *
 * [Reference]: F. Wilcoxon, "Individual comparisons by ranking methods", Biometrics Bulletin 1 (1945)
 * 80–83; the normal approximation with the tie and continuity corrections as in R's `wilcox.test`
 * (Hollander & Wolfe, "Nonparametric Statistical Methods", 1973, §3.1) and `scipy.stats.wilcoxon`.
 */
import { erf } from "mathjs";

/** The alternative hypothesis: the changes are not centred on zero, or centred above / below it. */
export type WilcoxonAlternative = "two-sided" | "greater" | "less";

/** Options of {@link wilcoxonSignedRank}. */
export interface WilcoxonOptions {
  /** @defaultValue "two-sided" */
  readonly alternative?: WilcoxonAlternative;
  /** Largest number of non-zero changes for which the exact distribution is used. @defaultValue 50 */
  readonly exactUpTo?: number;
}

/** What {@link wilcoxonSignedRank} returns. */
export interface WilcoxonResult {
  /** Changes that were not zero (zeros are dropped, Wilcoxon's method, the default of R and scipy). */
  readonly n: number;
  /** Zero changes dropped. */
  readonly zeros: number;
  /** V = the sum of the ranks of the positive changes (R's `V`). */
  readonly statistic: number;
  /** min(V, n(n+1)/2 − V) (scipy's two-sided `statistic`). */
  readonly minStatistic: number;
  /** `exact`: the permutation distribution of the (mid-)ranks; `normal`: the normal approximation. */
  readonly method: "exact" | "normal" | "none";
  /** The standardized statistic (tie-corrected, without the continuity correction); 0 when n = 0. */
  readonly z: number;
  /** The p-value; 1 when there is no non-zero change. */
  readonly pValue: number;
  /** Effect size r = z / √n, in [−1, 1]: positive when the changes are mostly positive; 0 when n = 0. */
  readonly effectSize: number;
}

/** Φ(x), the standard normal distribution function, through mathjs' erf. */
function normalCdf(x: number): number {
  return 0.5 * (1 + (erf(x / Math.SQRT2) as number));
}

/**
 * The Wilcoxon signed-rank test of changes `d` (after − before). Zeros are dropped; tied |d| share their
 * mid-rank. With at most `exactUpTo` non-zero changes the p-value is exact: the distribution of V over
 * all 2ⁿ sign patterns of the (mid-)ranks, counted by dynamic programming over doubled ranks (exact with
 * ties too, conditional on the tie pattern). Above it, the normal approximation with the tie correction
 * of the variance and a continuity correction of ½ (as R's `wilcox.test(correct = TRUE)`).
 *
 * Complexity: O(n log n) to rank, plus O(n · n²) for the exact distribution (only up to `exactUpTo`).
 *
 * @param changes - the paired differences; non-finite values are ignored.
 * @param options - alternative and the exact limit.
 * @returns V, n, the method, z, the p-value and the effect size r.
 * @throws never.
 *
 * @example
 * // scipy.stats.wilcoxon documentation (Darwin's corn heights, cross − self fertilized):
 * const r = wilcoxonSignedRank([6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75]);
 * r.minStatistic; // 24
 * r.pValue; // 0.041259765625
 */
export function wilcoxonSignedRank(
  changes: readonly number[],
  options: WilcoxonOptions = {},
): WilcoxonResult {
  const alternative = options.alternative ?? "two-sided";
  const exactUpTo = options.exactUpTo ?? 50;
  const nonZero: number[] = [];
  let zeros = 0;
  for (const d of changes) {
    if (!Number.isFinite(d)) continue;
    if (d === 0) zeros++;
    else nonZero.push(d);
  }
  const n = nonZero.length;
  if (n === 0) {
    return { n: 0, zeros, statistic: 0, minStatistic: 0, method: "none", z: 0, pValue: 1, effectSize: 0 };
  }
  // Mid-ranks of |d|, doubled so they stay integers; tie sizes for the variance correction.
  const order = nonZero.map((_, k) => k).sort((a, b) => Math.abs(nonZero[a]!) - Math.abs(nonZero[b]!));
  const rank2 = new Int32Array(n);
  let tieTerm = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    const v = Math.abs(nonZero[order[i]!]!);
    while (j + 1 < n && Math.abs(nonZero[order[j + 1]!]!) === v) j++;
    const t = j - i + 1;
    tieTerm += t * t * t - t;
    for (let k = i; k <= j; k++) rank2[order[k]!] = i + j + 2; // 2 × mid-rank ((i+1)+(j+1))/2
    i = j + 1;
  }
  let v2 = 0;
  for (let k = 0; k < n; k++) if (nonZero[k]! > 0) v2 += rank2[k]!;
  const total2 = n * (n + 1);
  const statistic = v2 / 2;
  const minStatistic = Math.min(v2, total2 - v2) / 2;
  const mean = (n * (n + 1)) / 4;
  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48;
  const sd = Math.sqrt(variance);
  const z = sd > 0 ? (statistic - mean) / sd : 0;
  const effectSize = Math.max(-1, Math.min(1, z / Math.sqrt(n)));
  let pValue: number;
  let method: "exact" | "normal";
  if (n <= exactUpTo) {
    method = "exact";
    // counts[s] = number of sign patterns whose positive doubled ranks sum to s.
    const counts = new Float64Array(total2 + 1);
    counts[0] = 1;
    let reach = 0;
    for (let k = 0; k < n; k++) {
      const r = rank2[k]!;
      for (let s = reach; s >= 0; s--) if (counts[s]! > 0) counts[s + r]! += counts[s]!;
      reach += r;
    }
    const all = 2 ** n;
    let le = 0;
    let ge = 0;
    for (let s = 0; s <= total2; s++) {
      if (s <= v2) le += counts[s]!;
      if (s >= v2) ge += counts[s]!;
    }
    const pLess = le / all;
    const pGreater = ge / all;
    pValue =
      alternative === "greater"
        ? pGreater
        : alternative === "less"
          ? pLess
          : Math.min(1, 2 * Math.min(pLess, pGreater));
  } else {
    method = "normal";
    const diff = statistic - mean;
    const correction =
      alternative === "two-sided" ? Math.sign(diff) * 0.5 : alternative === "greater" ? 0.5 : -0.5;
    const zc = sd > 0 ? (diff - correction) / sd : 0;
    pValue =
      alternative === "greater"
        ? 1 - normalCdf(zc)
        : alternative === "less"
          ? normalCdf(zc)
          : Math.min(1, 2 * (1 - normalCdf(Math.abs(zc))));
  }
  return { n, zeros, statistic, minStatistic, method, z, pValue, effectSize };
}
