/**
 * Rank profile of a matching: how many participants got their first, second, … choice.
 */
import { MatchingInputError } from "../errors.js";
import { mentorOfArgument } from "../matching/_internal/matchingLike.js";
import type { MatchingInstance, MatchingLike, RankProfile } from "../matching/types.js";
import { checkMentorOf } from "../matching/_internal/stability.js";
import { menteeRanks, mentorRanks, rankProfileOf } from "../matching/_internal/summary.js";
import { Scratch } from "../matching/_internal/scratch.js";
import { withInstance } from "../matching/_internal/withInstance.js";

/** Options of {@link rankProfile}. */
export interface RankProfileOptions {
  /**
   * Whose ranks: `mentee` — the rank of each mentee's mentor in the mentee's order; `mentor` — the rank
   * of each matched mentee in its mentor's order.
   * @defaultValue "mentee"
   */
  readonly side?: "mentee" | "mentor";
}

/**
 * The histogram of ranks of partners: `counts[r]` participants got their (r+1)-th choice. A rank is the
 * place in the ranked list where one was given (a partner not on it counts as `unranked`), else 1 + the
 * number of acceptable partners with a strictly higher score (equal scores share a rank).
 *
 * Complexity: O(n·m) dense, O(nnz · log capacity) CSR, O(Σ place) with lists.
 *
 * @param instance - the instance the matching is for.
 * @param matching - a result, or its `mentorOf`: mentor of each mentee, -1 = none.
 * @param options - which side.
 * @returns counts per rank, the number unranked, and the mean rank (NaN when nobody is ranked).
 * @throws MatchingInputError on an invalid instance, `mentorOf` (`INVALID_SHAPE`) or side (`INVALID_OPTION`).
 * @example
 * rankProfile({ scores: [[3, 1], [2, 5]] }, Int32Array.of(0, 1)); // { counts: [2], unranked: 0, mean: 1 }
 */
export function rankProfile(
  instance: MatchingInstance,
  matching: MatchingLike,
  options: RankProfileOptions = {},
): RankProfile {
  const side = options.side ?? "mentee";
  if (side !== "mentee" && side !== "mentor") {
    throw new MatchingInputError(
      "INVALID_OPTION",
      `side must be "mentee" or "mentor", got ${JSON.stringify(side)}.`,
    );
  }
  return withInstance(instance, { scoresOptional: true }, (inst) => {
    const mentorOf = mentorOfArgument(matching);
    checkMentorOf(inst, mentorOf);
    const scratch = new Scratch(0);
    try {
      return rankProfileOf(
        side === "mentee" ? menteeRanks(inst, mentorOf) : mentorRanks(inst, mentorOf, scratch),
      );
    } finally {
      scratch.release();
    }
  });
}
