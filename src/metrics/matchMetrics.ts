/**
 * Summary figures of any matching of an instance, e.g. one made by hand or by another tool, so that it can
 * be compared with the strategies' results.
 */
import { mentorOfArgument } from "../matching/_internal/matchingLike.js";
import type { MatchingInstance, MatchingLike, MatchMetrics } from "../matching/types.js";
import { checkMentorOf } from "../matching/_internal/stability.js";
import { computeMetrics } from "../matching/_internal/summary.js";
import { withInstance } from "../matching/_internal/withInstance.js";

/**
 * Computes `MatchMetrics` (sizes, total / mean / minimum score with compensated sums, rank profiles of both
 * sides, blocking pairs, mentor fill, idle mentors, figures by tag) for a given matching.
 *
 * Complexity: O(n·m) dense, O(nnz · log capacity) CSR, at most O(total list length) with lists.
 *
 * @param instance - the instance the matching is for.
 * @param matching - a result, or its `mentorOf`: mentor of each mentee, -1 = none.
 * @returns the metrics; score figures are NaN for an instance without scores.
 * @throws MatchingInputError on an invalid instance or `mentorOf` (`INVALID_SHAPE`).
 * @example
 * matchMetrics({ scores: [[3, 1], [2, 5]] }, Int32Array.of(0, 1)).totalScore; // 8
 */
export function matchMetrics(instance: MatchingInstance, matching: MatchingLike): MatchMetrics {
  return withInstance(instance, { scoresOptional: true }, (inst) => {
    const mentorOf = mentorOfArgument(matching);
    checkMentorOf(inst, mentorOf);
    const metrics = computeMetrics(inst, mentorOf);
    return metrics;
  });
}
