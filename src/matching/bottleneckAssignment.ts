/**
 * Bottleneck ("fair") assignment: the matching whose worst pair is as good as possible, then the best total.
 *
 * [Reference]: R. S. Garfinkel, "An improved algorithm for the bottleneck assignment problem", Operations
 * Research 19(7) (1971) 1747–1751 — threshold search with a feasibility test by matching.
 * [Reference]: J. E. Hopcroft and R. M. Karp, "An n^{5/2} algorithm for maximum matchings in bipartite
 * graphs", SIAM Journal on Computing 2(4) (1973) 225–231.
 * [Reference]: R. Jonker and A. Volgenant, "A shortest augmenting path algorithm for dense and sparse linear
 * assignment problems", Computing 38 (1987) 325–340 — the final optimal assignment above the threshold.
 */
import { MatchingInputError } from "../errors.js";
import { solveAssignment } from "./_internal/assignmentCore.js";
import { createMatcher, maximumMatching } from "./_internal/assignmentFeasibility.js";
import { completeAssignmentOptions, requireScores } from "./_internal/assignmentOptions.js";
import { type Instance, scoreOf } from "./_internal/instance.js";
import { buildResult } from "./_internal/result.js";
import type { MatchingInstance, MatchResult } from "./types.js";
import { withInstance } from "./_internal/withInstance.js";

/** Options of {@link bottleneckAssignment}. */
export interface BottleneckAssignmentOptions {
  /**
   * `true`: maximise the smallest score of a matched pair. `false`: the scores are costs; minimise the
   * largest cost of a matched pair (the classic bottleneck assignment), then the total cost.
   * @defaultValue true
   */
  readonly maximize?: boolean;
  /**
   * `"maximum"`: as many mentees as possible, and among those matchings the best worst pair.
   * `"perfect"`: every mentee must be matched, otherwise an `InfeasibleError` (code `INFEASIBLE`).
   * @defaultValue "maximum"
   */
  readonly cardinality?: "maximum" | "perfect";
}

/** mulberry32, for the choice of pivots (deterministic per seed). */
function pivotRandom(seed: number): () => number {
  let a = (seed ^ 0x5bd1e995) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Counts the allowed cells of unpinned rows whose quality `sign × score` lies strictly between `low` and
 * `high`, and returns the quality of the `pick`-th of them (when `pick >= 0`). O(nnz).
 */
function scanQualities(
  inst: Instance,
  rows: Int32Array,
  nRows: number,
  cap: Int32Array,
  sign: number,
  low: number,
  high: number,
  pick: number,
): number {
  const { cols, dense, csr, forbidden, minScore } = inst;
  let count = 0;
  for (let t = 0; t < nRows; t++) {
    const i = rows[t]!;
    const base = i * cols;
    const start = dense !== null ? 0 : csr!.rowStart[i]!;
    const end = dense !== null ? cols : csr!.rowStart[i + 1]!;
    for (let k = start; k < end; k++) {
      const j = dense !== null ? k : csr!.col[k]!;
      if (cap[j] === 0) continue;
      const s = dense !== null ? dense[base + k]! : csr!.value[k]!;
      if (s === Number.NEGATIVE_INFINITY || s < minScore) continue;
      if (forbidden !== null && forbidden[base + j] !== 0) continue;
      const q = sign * s;
      if (q > low && q < high) {
        if (count === pick) return q;
        count++;
      }
    }
  }
  return pick >= 0 ? Number.NaN : count;
}

/**
 * The matching whose worst pair is best (largest minimum score; with `maximize: false`, smallest maximum
 * cost), among matchings of the largest possible size; among those, the best total. Pinned pairs are kept
 * and count towards the worst pair.
 *
 * Method: the size K of a maximum matching (Hopcroft–Karp with capacities), then a search over the distinct
 * scores for the best threshold t at which a matching of size K still exists (random pivots among the
 * scores left, each tested by a warm-started Hopcroft–Karp), then the optimal assignment restricted to the
 * pairs at or above t.
 *
 * Complexity: O(log(nnz) · (nnz + √n · nnz)) expected for the search (nnz = allowed pairs, n·m when dense),
 * plus one optimal assignment (O(n²·m) worst case). Extra memory O(n + m + seats).
 *
 * @param instance - scores (dense or CSR), capacities, forbidden and pinned pairs, minimum score, seed.
 * @param options - direction and cardinality; see {@link BottleneckAssignmentOptions}.
 * @returns the matching (strategy `"fair"`); `metrics.minScore` is the worst pair's score.
 * @throws MatchingInputError for invalid scores, shapes, capacities, pins or options (`"any"` is not a
 *   cardinality here), and for an instance with only preference lists.
 * @throws InfeasibleError (code `INFEASIBLE`) with `cardinality: "perfect"` when some mentee cannot be
 *   matched.
 *
 * @example
 * const r = bottleneckAssignment({ scores: [[10, 5], [5, 2]] });
 * r.mentorOf; // Int32Array [1, 0] — worst pair 5 (the total-optimal [0, 1], 12, has a pair of 2)
 */
export function bottleneckAssignment(
  instance: MatchingInstance,
  options?: BottleneckAssignmentOptions,
): MatchResult {
  const { maximize, cardinality } = completeAssignmentOptions({
    maximize: options?.maximize,
    cardinality: options?.cardinality ?? "maximum",
  });
  if (cardinality === "any") {
    throw new MatchingInputError(
      "INVALID_OPTION",
      'bottleneckAssignment takes cardinality "maximum" or "perfect", not "any": with any number of pairs the best worst pair is a single pair.',
      { hint: 'Use "maximum" (the default) or "perfect".' },
    );
  }
  requireScores(instance, "Bottleneck assignment", "Справедливому распределению");
  return withInstance(instance, {}, (inst) => {
    const sign = maximize ? 1 : -1; // quality = sign × score, larger is better
    const baseLo = inst.minScore === Number.NEGATIVE_INFINITY ? -Number.MAX_VALUE : inst.minScore;
    const baseHi = Number.MAX_VALUE;
    const rangeFor = (t: number): [number, number] =>
      maximize ? [Math.max(baseLo, t), baseHi] : [baseLo, Math.min(baseHi, -t)];

    const mt = createMatcher(inst);
    const target = maximumMatching(mt, baseLo, baseHi);
    // Quality of the worst pinned pair: a threshold above it cannot change the worst pair.
    let pinnedWorst = Number.POSITIVE_INFINITY;
    for (let i = 0; i < inst.rows; i++) {
      const j = inst.pinnedMentor[i]!;
      if (j >= 0) pinnedWorst = Math.min(pinnedWorst, sign * scoreOf(inst, i, j));
    }

    let low = Number.NEGATIVE_INFINITY; // best threshold known feasible (-Infinity: no restriction)
    if (target > 0 && !(cardinality === "perfect" && target < mt.nRows)) {
      let high = Number.POSITIVE_INFINITY;
      if (pinnedWorst !== Number.POSITIVE_INFINITY) {
        // The worst pair is at most the worst pinned pair: test that threshold first.
        const [plo, phi] = rangeFor(pinnedWorst);
        if (maximumMatching(mt, plo, phi) >= target) low = pinnedWorst;
        else high = pinnedWorst;
      }
      const random = pivotRandom(inst.seed);
      while (low !== pinnedWorst) {
        const count = scanQualities(inst, mt.rows, mt.nRows, mt.cap, sign, low, high, -1);
        if (count === 0) break;
        const pivot = scanQualities(
          inst,
          mt.rows,
          mt.nRows,
          mt.cap,
          sign,
          low,
          high,
          Math.floor(random() * count),
        );
        const [plo, phi] = rangeFor(pivot);
        if (maximumMatching(mt, plo, phi) >= target) low = pivot;
        else high = pivot;
      }
    }
    const [lo, hi] = low === Number.NEGATIVE_INFINITY ? [baseLo, baseHi] : rangeFor(low);
    // The optimal assignment among the pairs at or above the threshold (of the same maximum size).
    const solution = solveAssignment({ inst, sign: maximize ? -1 : 1, lo, hi, mode: cardinality });
    return buildResult(inst, solution.mentorOf, "fair");
  });
}
