/**
 * Every stable matching of an instance, through the rotations of its lattice of stable matchings.
 *
 * [Reference]: R. W. Irving, P. Leather, "The complexity of counting stable marriages", SIAM J. Comput.
 * 15(3), 1986, and R. W. Irving, P. Leather, D. Gusfield, "An efficient algorithm for the 'optimal' stable
 * marriage", J. ACM 34(3), 1987: the stable matchings are in one-to-one correspondence with the closed
 * subsets of the rotation poset; D. Gusfield, "Three fast algorithms for four problems in stable marriage",
 * SIAM J. Comput. 16(1), 1987: all rotations and the poset in O(n²); D. Gusfield, R. W. Irving, "The
 * Stable Marriage Problem: Structure and Algorithms", MIT Press 1989, §1.6.3: many-to-one by seats.
 */
import { LimitError, MatchingInputError } from "../errors.js";
import {
  applyRotation,
  buildSeatModel,
  findRotations,
  mentorOfSeats,
  rotationWeight,
} from "./_internal/rotations.js";
import type { MatchingInstance } from "./types.js";
import { withInstance } from "./_internal/withInstance.js";

/** Options of {@link allStableMatchings}. */
export interface AllStableMatchingsOptions {
  /**
   * Stop after this many matchings (the count can be exponential in the size of the instance); the
   * result then says `complete: false`.
   * @defaultValue 10000
   */
  readonly limit?: number;
  /**
   * What to do when there are more than `limit`: return the first `limit` (`"truncate"`) or throw a
   * `LimitError` (`"throw"`).
   * @defaultValue "truncate"
   */
  readonly onLimit?: "truncate" | "throw";
}

/** One move of a rotation: the mentee leaves one mentor for the next (possibly another seat of the same). */
export interface RotationMove {
  readonly mentee: number;
  readonly fromMentor: number;
  readonly toMentor: number;
}

/** A rotation: a cycle of moves that turns one stable matching into a next one, worse for its mentees. */
export interface RotationInfo {
  /** The mentees that change mentor, in cycle order (each takes the place the next one leaves). */
  readonly moves: readonly RotationMove[];
  /**
   * Change of the egalitarian cost (sum of both sides' ranks over the matched pairs, counted as the
   * metrics count them: equal scores share a rank) when it is eliminated.
   */
  readonly weight: number;
  /** Rotations that must be eliminated before this one (generating edges; all with smaller indices). */
  readonly requires: readonly number[];
}

/** What {@link allStableMatchings} returns. */
export interface AllStableMatchingsResult {
  /** Every stable matching as `mentorOf` (-1 = none); the first is mentee-optimal. */
  readonly matchings: readonly Int32Array[];
  /** False when the enumeration stopped at the limit. */
  readonly complete: boolean;
  /** The mentee-optimal stable matching (no rotation eliminated). */
  readonly menteeOptimal: Int32Array;
  /** The mentor-optimal stable matching (every rotation eliminated). */
  readonly mentorOptimal: Int32Array;
  /** The rotations, in a linear extension of the rotation poset. */
  readonly rotations: readonly RotationInfo[];
}

/**
 * Every stable matching of `instance`, by enumerating the closed subsets of its rotation poset.
 *
 * Preferences are strict: lists where given, else scores (higher first) with equal scores broken by index
 * (lower index first). A pair is acceptable when the scores allow it and each side with a list names the
 * other; pinned pairs are in every matching. Complexity: O(n·m log m + L) to find the rotations (L = total
 * length of the seat-expanded lists), then O(R + n) per matching for R rotations.
 *
 * @param instance - scores and/or ranked lists, capacities, forbidden and pinned pairs.
 * @param options - the enumeration limit.
 * @returns the matchings (mentee-optimal first), whether the list is complete, and the rotations.
 * @throws MatchingInputError for an invalid instance or limit; LimitError when `onLimit` is `"throw"` and
 *   there are more than `limit` stable matchings.
 * @example
 * const all = allStableMatchings({ scores: [[2, 1], [1, 2]], mentorPreferences: [[1, 0], [0, 1]] });
 * all.matchings.length; // 2: [0, 1] (mentees' choice) and [1, 0] (mentors' choice)
 */
export function allStableMatchings(
  instance: MatchingInstance,
  options?: AllStableMatchingsOptions | null,
): AllStableMatchingsResult {
  const limit = options?.limit ?? 10_000;
  const onLimit = options?.onLimit ?? "truncate";
  if (!Number.isInteger(limit) || limit < 1) {
    throw new MatchingInputError(
      "INVALID_OPTION",
      `limit must be a whole number, 1 or more, got ${String(limit)}.`,
    );
  }
  if (onLimit !== "truncate" && onLimit !== "throw") {
    throw new MatchingInputError(
      "INVALID_OPTION",
      `onLimit must be "truncate" or "throw", got ${String(onLimit)}.`,
    );
  }
  return withInstance(instance, { scoresOptional: true }, (inst) => {
    const model = buildSeatModel(inst);
    const rot = findRotations(model);
    const R = rot.count;
    const { predStart, pred } = rot;

    const rotations: RotationInfo[] = [];
    for (let r = 0; r < R; r++) {
      const moves: RotationMove[] = [];
      const first = rot.start[r]!;
      const size = rot.start[r + 1]! - first;
      for (let k = 0; k < size; k++) {
        const fromMentor = model.seatMentor[rot.seat[first + k]!]!;
        const toMentor = model.seatMentor[rot.seat[first + ((k + 1) % size)]!]!;
        // A move between two seats of the same mentor changes nothing a person sees: left out.
        if (fromMentor !== toMentor) moves.push({ mentee: rot.man[first + k]!, fromMentor, toMentor });
      }
      rotations.push({
        moves,
        weight: rotationWeight(rot, r),
        requires: Array.from(pred.subarray(predStart[r]!, predStart[r + 1]!)),
      });
    }

    // Depth-first over the rotations in index order (a linear extension): rotation k may be taken only when
    // all its predecessors are; "leave out" is tried first, so the mentee-optimal matching comes first.
    const seatOf = rot.bottom.seatOf.slice();
    const taken = new Uint8Array(R);
    const matchings: Int32Array[] = [];
    let complete = true;
    // Explicit stack: phase[k] = 0 (leave k out next), 1 (take k next, if it may be taken), 2 (undo, go up).
    const phase = new Uint8Array(R + 1);
    let k = 0;
    while (k >= 0) {
      if (k === R) {
        if (matchings.length >= limit) {
          complete = false;
          break;
        }
        matchings.push(mentorOfSeats(model, seatOf));
        k--;
        continue;
      }
      const state = phase[k]!;
      if (state === 0) {
        phase[k] = 1;
        phase[++k] = 0;
      } else if (state === 1) {
        phase[k] = 2;
        let ready = true;
        for (let q = predStart[k]!; q < predStart[k + 1]! && ready; q++) ready = taken[pred[q]!] === 1;
        if (ready) {
          taken[k] = 1;
          applyRotation(rot, k, seatOf, false);
          phase[++k] = 0;
        }
      } else {
        if (taken[k] === 1) {
          taken[k] = 0;
          applyRotation(rot, k, seatOf, true);
        }
        k--;
      }
    }
    if (!complete && onLimit === "throw") {
      throw new LimitError("LIMIT_EXCEEDED", `The instance has more than ${limit} stable matchings.`, {
        hint: "Raise `limit`, or use egalitarianStableMatching / minimumRegretStableMatching, which do not enumerate.",
        details: { limit },
      });
    }
    return {
      matchings,
      complete,
      menteeOptimal: mentorOfSeats(model, rot.bottom.seatOf),
      mentorOptimal: mentorOfSeats(model, rot.top.seatOf),
      rotations,
    };
  });
}
