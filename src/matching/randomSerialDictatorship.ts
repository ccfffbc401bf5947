/**
 * Random serial dictatorship: mentees, in a seeded random order, each take their best mentor with a free
 * seat. A baseline (mentors' preferences play no part beyond acceptability).
 *
 * [Reference]: A. Abdulkadiroğlu and T. Sönmez, "Random serial dictatorship and the core from random
 * endowments in house allocation problems", Econometrica 66(3), 689–701, 1998.
 */
import { MatchingInputError } from "../errors.js";
import { identityKey, partnerStream } from "./_internal/preferences.js";
import { createRandom, randomPermutation } from "./_internal/random.js";
import { mentorRankIndex, rankIn } from "./_internal/rankIndex.js";
import { buildResult } from "./_internal/result.js";
import type { MatchingInstance, MatchResult } from "./types.js";
import { withInstance } from "./_internal/withInstance.js";

/**
 * Options of {@link randomSerialDictatorship}: none. The seed of the order has one home, the instance
 * (`instance.seed`, as for `match` and seeded tie-breaks); a `seed` given here is refused, not preferred
 * to the instance's or ignored (issue 11, item 5).
 */
export interface RandomSerialDictatorshipOptions {
  /** Not an option: the seed is `instance.seed`. Given here, it is refused (`INVALID_OPTION`). */
  readonly seed?: never;
}

/**
 * Lets mentees choose one by one in a seeded random order; each takes the best acceptable mentor that
 * still has a seat (by its ranked list, else by score, equal scores to the lower mentor index).
 *
 * Complexity: O(n·m) for dense scores (O(nnz) CSR; O(total list length) with lists) plus O(n) for the
 * order. Pinned mentees are placed first and take their seats; forbidden cells, `minScore` and the
 * mentors' lists (a mentor who does not list a mentee does not accept it) are respected.
 *
 * @param instance - scores and/or ranked lists, capacities, forbidden cells, pins, `minScore`, and `seed`,
 *   the seed of the order (0 by default).
 * @param options - none; any option (a `seed`, say) is refused with `INVALID_OPTION`.
 * @returns the matching; `tieBreak` records `{ policy: "index" }` (ties between equal scores), and the
 *   order is reproducible from the seed.
 * @throws MatchingInputError on invalid input, a seed that is not an integer, or an option
 *   (`INVALID_OPTION`).
 * @throws InfeasibleError when pins exceed a mentor's capacity (`PIN_OVER_CAPACITY`).
 * @example
 * const r = randomSerialDictatorship({ scores: [[9, 1], [8, 2]], seed: 7 });
 * // whichever mentee comes first takes mentor 0; the same seed always gives the same order
 */
export function randomSerialDictatorship(
  instance: MatchingInstance,
  options?: RandomSerialDictatorshipOptions | null,
): MatchResult {
  for (const key of Object.keys(options ?? {})) {
    const given = String((options as Record<string, unknown>)[key]);
    throw new MatchingInputError(
      "INVALID_OPTION",
      key === "seed"
        ? `randomSerialDictatorship has no option "seed": the seed belongs to the instance (instance.seed), got ${given}.`
        : `randomSerialDictatorship has no option ${JSON.stringify(key)}.`,
      { hint: "Pass the seed with the instance: randomSerialDictatorship({ ...instance, seed })." },
    );
  }
  return withInstance(instance, { scoresOptional: true }, (inst) => {
    const seed = inst.seed;
    if (!Number.isSafeInteger(seed)) {
      throw new MatchingInputError("INVALID_OPTION", `seed must be an integer, got ${String(seed)}.`);
    }
    const { rows, cols, capacity, pinnedMentor } = inst;
    const seats = Int32Array.from(capacity);
    const mentorOf = new Int32Array(rows).fill(-1);
    for (let i = 0; i < rows; i++) {
      const j = pinnedMentor[i]!;
      if (j !== -1) {
        mentorOf[i] = j;
        seats[j]!--;
      }
    }
    const order = randomPermutation(rows, createRandom(seed));
    const stream = partnerStream(inst, "mentee", identityKey(cols));
    const index = mentorRankIndex(inst);
    for (let k = 0; k < rows; k++) {
      const i = order[k]!;
      if (pinnedMentor[i] !== -1) continue;
      for (;;) {
        const j = stream.next(i);
        if (j === -1) break;
        if (seats[j]! === 0 || (index !== null && rankIn(index, j, i) === 0)) continue;
        seats[j]!--;
        mentorOf[i] = j;
        break;
      }
    }
    const result = buildResult(inst, mentorOf, "random", { tieBreak: { policy: "index" } });
    return result;
  });
}
