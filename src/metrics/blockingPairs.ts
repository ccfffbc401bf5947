/**
 * The blocking pairs of a matching: the stability check that lists what is wrong.
 *
 * [Reference]: D. Gale and L. S. Shapley, "College admissions and the stability of marriage", American
 * Mathematical Monthly 69(1), 9–15, 1962; weak stability under ties: R. W. Irving, "Stable marriage and
 * indifference", Discrete Applied Mathematics 48, 261–272, 1994.
 */
import { mentorOfArgument } from "../matching/_internal/matchingLike.js";
import type { MatchingInstance, MatchingLike } from "../matching/types.js";
import { checkMentorOf, scanBlockingPairs } from "../matching/_internal/stability.js";
import { withInstance } from "../matching/_internal/withInstance.js";

/** A mentee and a mentor who would both rather be together than with what the matching gave them. */
export interface BlockingPair {
  readonly mentee: number;
  readonly mentor: number;
}

/**
 * Lists every blocking pair of a matching, sorted by mentee then mentor.
 *
 * A pair (i, j) blocks when it is acceptable (the scores allow it; each side that gave a ranked list names
 * the other), mentee i is not pinned and strictly prefers j to its mentor (or has none, or is in a pair
 * that is not acceptable), and mentor j has a free seat or strictly prefers i to its worst mentee that is
 * not pinned (any acceptable mentee beats one in an unacceptable pair; a mentor whose seats are all pinned
 * never blocks). Equal scores are indifference (weak stability): a tie never blocks. Preferences come from
 * the lists where given, else from scores.
 *
 * Complexity: O(n·m) for dense scores, O(nnz) for CSR, O(Σ place of each partner in its mentee's list)
 * with mentee lists; plus the output.
 *
 * @param instance - the instance the matching is for.
 * @param matching - a result, or its `mentorOf`: mentor of each mentee, -1 = none (e.g. `result.mentorOf`).
 * @returns the blocking pairs; empty when the matching is stable.
 * @throws MatchingInputError on an invalid instance, or a `mentorOf` of the wrong length, with an index out
 *   of range or over a mentor's capacity (`INVALID_SHAPE`).
 * @example
 * blockingPairs({ scores: [[1, 9], [9, 1]] }, Int32Array.of(0, 1)); // [{ mentee: 0, mentor: 1 }, { mentee: 1, mentor: 0 }]
 */
export function blockingPairs(instance: MatchingInstance, matching: MatchingLike): BlockingPair[] {
  return withInstance(instance, { scoresOptional: true }, (inst) => {
    const mentorOf = mentorOfArgument(matching);
    checkMentorOf(inst, mentorOf);
    const flat: number[] = [];
    scanBlockingPairs(inst, mentorOf, flat);
    const pairs: BlockingPair[] = [];
    for (let k = 0; k < flat.length; k += 2) pairs.push({ mentee: flat[k]!, mentor: flat[k + 1]! });
    pairs.sort((a, b) => a.mentee - b.mentee || a.mentor - b.mentor);
    return pairs;
  });
}
