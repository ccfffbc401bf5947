/**
 * Optimal assignment: the matching with the largest total score (or the least total cost), mentors with
 * capacities, forbidden cells, pinned pairs and a minimum score.
 *
 * [Reference]: R. Jonker and A. Volgenant, "A shortest augmenting path algorithm for dense and sparse linear
 * assignment problems", Computing 38 (1987) 325–340.
 * [Reference]: D. F. Crouse, "On implementing 2D rectangular assignment algorithms", IEEE Transactions on
 * Aerospace and Electronic Systems 52(4) (2016) 1679–1696.
 */
import { solveAssignment } from "./_internal/assignmentCore.js";
import { completeAssignmentOptions, dualsOf, requireScores } from "./_internal/assignmentOptions.js";
import { buildResult } from "./_internal/result.js";
import type { MatchingInstance, MatchResult } from "./types.js";
import { withInstance } from "./_internal/withInstance.js";

/** Options of {@link optimalAssignment}. */
export interface OptimalAssignmentOptions {
  /**
   * `true`: maximise the total score. `false`: the scores are costs; minimise their total.
   * @defaultValue true
   */
  readonly maximize?: boolean;
  /**
   * How many mentees must be matched:
   * - `"any"`: any number; a mentee left unmatched contributes 0 (so with `maximize: false` only pairs of
   *   negative cost are worth forming, and with `maximize: true` only pairs of positive score).
   * - `"maximum"`: as many mentees as possible first, then the best total among those matchings.
   * - `"perfect"`: every mentee must be matched; otherwise an `InfeasibleError` (code `INFEASIBLE`).
   * @defaultValue `"maximum"` (as scipy's linear_sum_assignment): a curator wants as many pairs as possible,
   * and a mentee is never left out only because its best free pair scores 0.
   */
  readonly cardinality?: "any" | "maximum" | "perfect";
}

/**
 * The matching with the best total score. Shortest augmenting paths (Jonker–Volgenant with its
 * initialisation, Crouse's rectangular form) on typed arrays, with mentor capacities handled natively.
 *
 * Complexity: O(n²·m) worst case on dense scores (n mentees, m mentors), typically far less after the
 * Jonker–Volgenant initialisation; O(n·nnz·log m) worst case on CSR scores. With `cardinality: "maximum"`
 * and more mentees than seats, each mentee beyond the seats costs a full search, O(seats·m). Extra memory
 * O(n + m + seats): a `Float64Array` of scores is never copied; `number[][]` rows are copied once into a
 * `Float64Array` (about 20 ms for 3000 × 3000 into the buffer the previous call gave back; the first call
 * of a size in a process also pays for new memory — docs/performance.md gives the figures per input form).
 * `-Infinity` cells, the `forbidden` mask and `minScore` (compared with the scores as given, also when they
 * are costs) exclude pairs.
 *
 * Duals (`result.duals`, in the maximisation sense, with cost = -score when `maximize: false`, i.e.
 * `mentee[i] + mentor[j] >= -cost(i, j)`): for every allowed pair of an unpinned mentee,
 * `mentee[i] + mentor[j] >= score(i, j)`, with equality on matched pairs; `mentor[j] >= 0`, and `= 0` for a
 * mentor with a free seat. In mode `"any"` also `mentee[i] >= 0`, and `= 0` for an unmatched mentee: the
 * duals then certify optimality by LP duality. In modes `"maximum"` and `"perfect"` the mentee duals are free
 * in sign and certify optimality among matchings that match the same number of mentees. A pinned mentee's
 * dual makes its pinned pair tight; its other pairs are not constrained.
 *
 * @param instance - scores (rows = mentees, columns = mentors; dense or CSR), capacities, forbidden and
 *   pinned pairs, minimum score.
 * @param options - direction and cardinality; see {@link OptimalAssignmentOptions}.
 * @returns the matching (strategy `"optimal"`) with `duals`.
 * @throws MatchingInputError for invalid scores, shapes, capacities, pins or options, and (code
 *   `INVALID_OPTION`) for an instance that has only preference lists.
 * @throws InfeasibleError (code `INFEASIBLE`) with `cardinality: "perfect"` when some mentee cannot be
 *   matched; (code `PIN_OVER_CAPACITY`) when pins exceed a capacity.
 *
 * @example
 * const r = optimalAssignment({ scores: [[0.9, 0.8], [0.7, 0.1]] });
 * r.mentorOf; // Int32Array [1, 0] — total 1.5, better than 0.9 + 0.1
 */
export function optimalAssignment(
  instance: MatchingInstance,
  options?: OptimalAssignmentOptions,
): MatchResult {
  const { maximize, cardinality } = completeAssignmentOptions(options);
  requireScores(instance, "Optimal assignment", "Оптимальному распределению");
  return withInstance(instance, {}, (inst) => {
    const solution = solveAssignment({
      inst,
      sign: maximize ? -1 : 1,
      lo: inst.minScore === Number.NEGATIVE_INFINITY ? -Number.MAX_VALUE : inst.minScore,
      hi: Number.MAX_VALUE,
      mode: cardinality,
    });
    return buildResult(inst, solution.mentorOf, "optimal", {
      duals: dualsOf(inst, solution.mentorOf, solution.u, solution.v),
    });
  });
}
