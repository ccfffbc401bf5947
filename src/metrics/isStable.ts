/**
 * Whether a matching is (weakly) stable: no blocking pair. Stops at the first blocking pair.
 *
 * [Reference]: D. Gale and L. S. Shapley, "College admissions and the stability of marriage", American
 * Mathematical Monthly 69(1), 9–15, 1962.
 */
import { mentorOfArgument } from "../matching/_internal/matchingLike.js";
import type { MatchingInstance, MatchingLike } from "../matching/types.js";
import { checkMentorOf, scanBlockingPairs } from "../matching/_internal/stability.js";
import { withInstance } from "../matching/_internal/withInstance.js";

/**
 * True when no mentee and mentor would both rather be together than with what they got (see
 * `blockingPairs` for the exact definition: weak stability, ties never block, pinned mentees stay).
 *
 * Complexity: O(n·m) dense, O(nnz) CSR, less with mentee lists; stops at the first blocking pair.
 *
 * @param instance - the instance the matching is for.
 * @param matching - a result, or its `mentorOf`: mentor of each mentee, -1 = none.
 * @returns whether the matching is stable.
 * @throws MatchingInputError on an invalid instance or `mentorOf` (`INVALID_SHAPE`).
 * @example
 * isStable({ scores: [[2, 1], [1, 2]] }, Int32Array.of(0, 1)); // true
 * isStable({ scores: [[2, 1], [1, 2]] }, Int32Array.of(1, 0)); // false
 */
export function isStable(instance: MatchingInstance, matching: MatchingLike): boolean {
  return withInstance(instance, { scoresOptional: true }, (inst) => {
    const mentorOf = mentorOfArgument(matching);
    checkMentorOf(inst, mentorOf);
    const stable = scanBlockingPairs(inst, mentorOf, null, true) === 0;
    return stable;
  });
}
