/**
 * The Wilcoxon signed-rank test against published values and hand computation.
 *
 * Published:
 * - scipy.stats.wilcoxon documentation (SciPy 1.11, "Examples"): Darwin's corn, the differences in height
 *   of cross- and self-fertilized plants d = [6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75]:
 *   `wilcoxon(d)` → (24.0, 0.041259765625); `wilcoxon(d, alternative='greater')` → (96.0, 0.0206298828125).
 * - R `wilcox.test` (Hollander & Wolfe 1973, p. 29, the Hamilton depression scale factor IV, also the
 *   example of R's documentation and of NSM3::pPairedWilcoxon): x = first visit, y = second visit,
 *   `wilcox.test(x, y, paired = TRUE, alternative = "greater")` → V = 40, p-value = 0.01953 (= 10/512).
 */
import { wilcoxonSignedRank } from "mentor-match/monitoring";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const CORN = [6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75];
const X = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
const Y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
const DEPRESSION = X.map((x, k) => x - Y[k]!);

/** The exact p-values by enumerating all 2ⁿ sign patterns of the mid-ranks: an oracle for small n. */
function bruteForce(d: readonly number[]): { v: number; less: number; greater: number } {
  const nz = d.filter((x) => x !== 0);
  const n = nz.length;
  const abs = nz.map(Math.abs);
  const rank = abs.map((a) => {
    const below = abs.filter((b) => b < a).length;
    const equal = abs.filter((b) => b === a).length;
    return below + (equal + 1) / 2;
  });
  const v = nz.reduce((s, x, k) => s + (x > 0 ? rank[k]! : 0), 0);
  let less = 0;
  let greater = 0;
  for (let mask = 0; mask < 2 ** n; mask++) {
    let s = 0;
    for (let k = 0; k < n; k++) if (mask & (1 << k)) s += rank[k]!;
    if (s <= v + 1e-9) less++;
    if (s >= v - 1e-9) greater++;
  }
  return { v, less: less / 2 ** n, greater: greater / 2 ** n };
}

describe("wilcoxonSignedRank", () => {
  it("gives scipy's published values for Darwin's corn (exact, n = 15)", () => {
    const r = wilcoxonSignedRank(CORN);
    expect(r.method).toBe("exact");
    expect(r.minStatistic).toBe(24);
    expect(r.statistic).toBe(96);
    expect(r.pValue).toBe(0.041259765625);
    expect(wilcoxonSignedRank(CORN, { alternative: "greater" }).pValue).toBe(0.0206298828125);
  });

  it("gives R's published V and p-value for the depression data (Hollander & Wolfe)", () => {
    const r = wilcoxonSignedRank(DEPRESSION, { alternative: "greater" });
    expect(r.statistic).toBe(40);
    expect(r.pValue).toBeCloseTo(0.01953, 5);
    expect(r.pValue).toBe(10 / 512);
    // Two-sided: twice the smaller tail (hand: 2 × 10/512).
    expect(wilcoxonSignedRank(DEPRESSION).pValue).toBe(20 / 512);
  });

  it("uses the normal approximation with the continuity correction above the exact limit (hand-computed)", () => {
    // n = 9, V = 40: mean 22.5, variance 9·10·19/24 = 71.25, z = (40 − 22.5 − 0.5)/√71.25 = 2.013985;
    // p = 2(1 − Φ(2.013985)) = 0.044011.
    const r = wilcoxonSignedRank(DEPRESSION, { exactUpTo: 0 });
    expect(r.method).toBe("normal");
    expect(r.pValue).toBeCloseTo(0.044011, 5);
    // z without the correction: 17.5/√71.25 = 2.073221; r = z/√9.
    expect(r.z).toBeCloseTo(2.073221, 5);
    expect(r.effectSize).toBeCloseTo(2.073221 / 3, 5);
  });

  it("corrects the variance for ties and drops zeros (hand-computed)", () => {
    // |d| = 1,1,1,1,2,2,3 → mid-ranks 2.5 ×4, 5.5 ×2, 7; V = 3·2.5 + 2·5.5 + 7 = 25.5.
    // Var = 7·8·15/24 − [(4³−4) + (2³−2)]/48 = 35 − 66/48 = 33.625.
    const d = [0, 1, 1, 1, -1, 2, 2, 3, 0];
    const r = wilcoxonSignedRank(d, { exactUpTo: 0 });
    expect(r.n).toBe(7);
    expect(r.zeros).toBe(2);
    expect(r.statistic).toBe(25.5);
    expect(r.z).toBeCloseTo((25.5 - 14) / Math.sqrt(33.625), 10);
    const exact = wilcoxonSignedRank(d);
    const oracle = bruteForce(d);
    expect(exact.pValue).toBeCloseTo(Math.min(1, 2 * Math.min(oracle.less, oracle.greater)), 12);
  });

  it("reports no test without a non-zero change", () => {
    const r = wilcoxonSignedRank([0, 0, 0]);
    expect(r).toMatchObject({ n: 0, zeros: 3, method: "none", pValue: 1, effectSize: 0 });
  });

  it("equals the brute-force enumeration of sign patterns (ties and zeros included)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 1, maxLength: 11 }), (d) => {
        const oracle = bruteForce(d);
        if (d.every((x) => x === 0)) return;
        const r = wilcoxonSignedRank(d);
        expect(r.statistic).toBeCloseTo(oracle.v, 9);
        expect(wilcoxonSignedRank(d, { alternative: "less" }).pValue).toBeCloseTo(oracle.less, 12);
        expect(wilcoxonSignedRank(d, { alternative: "greater" }).pValue).toBeCloseTo(oracle.greater, 12);
        expect(r.pValue).toBeCloseTo(Math.min(1, 2 * Math.min(oracle.less, oracle.greater)), 12);
      }),
      { numRuns: 80 },
    );
  });

  it("agrees with the normal approximation for a large sample", () => {
    const d = Array.from({ length: 60 }, (_, k) => ((k * 37) % 23) - 9);
    const exact = wilcoxonSignedRank(d, { exactUpTo: 100 });
    const normal = wilcoxonSignedRank(d);
    expect(exact.method).toBe("exact");
    expect(normal.method).toBe("normal");
    expect(Math.abs(exact.pValue - normal.pValue)).toBeLessThan(0.01);
  });

  it("does not depend on the order of the changes", () => {
    const a = wilcoxonSignedRank(CORN);
    const b = wilcoxonSignedRank([...CORN].reverse());
    expect(b).toEqual(a);
  });
});
