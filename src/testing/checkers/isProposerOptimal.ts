/**
 * Proposer-optimality by brute force: is a matching the best stable matching for one whole side?
 *
 * [Reference]: D. Gale, L. S. Shapley, "College admissions and the stability of marriage", 1962, Theorem 2;
 * A. E. Roth, M. Sotomayor, "Two-Sided Matching", 1990, Theorem 5.16 (many-to-one: each mentor's k-th best
 * mentee is at least as good as in any other stable matching).
 */
import { mentorOfArgument } from "../../matching/_internal/matchingLike.js";
import type { MatchingInstance, MatchingLike } from "../../matching/types.js";
import { preferenceTable } from "../_internal/preferenceTable.js";
import { allStableMatchingsBruteForce } from "../oracles/allStableMatchingsBruteForce.js";

/** What {@link isProposerOptimal} returns. */
export interface ProposerOptimalityReport {
  /** True when the matching is stable and no stable matching is better for any member of the side. */
  readonly optimal: boolean;
  /** False when the matching itself is not stable. */
  readonly stable: boolean;
  /** A stable matching that some member of the side strictly prefers, and who (when not optimal). */
  readonly counterexample?: { readonly matching: Int32Array; readonly participant: number };
  /** How many stable matchings were compared. */
  readonly stableMatchings: number;
}

/**
 * Checks by brute force that `mentorOf` is the `side`-optimal stable matching: stable, and every mentee
 * (`side: "mentee"`) has a mentor at least as good as in any stable matching — or, for `side: "mentor"`,
 * every mentor's k-th best mentee is at least as good as its k-th best in any stable matching.
 *
 * Meant for strict preferences: with ties (equal scores) a side-optimal weakly stable matching need not
 * exist, and the check may fail. O((m + 1)^n · n · m): small instances only (n ≤ 7 or so).
 *
 * @param instance - a small instance.
 * @param matching - the matching to check: a result, or its `mentorOf`.
 * @param side - whose optimality.
 * @returns the report, with a counterexample when it fails.
 * @throws LimitError when the instance is too large for the brute-force oracle.
 * @example
 * const inst = { scores: [[2, 1], [1, 2]], mentorPreferences: [[1, 0], [0, 1]] };
 * isProposerOptimal(inst, Int32Array.of(0, 1), "mentee").optimal; // true
 * isProposerOptimal(inst, Int32Array.of(0, 1), "mentor").optimal; // false: the mentors prefer [1, 0]
 */
export function isProposerOptimal(
  instance: MatchingInstance,
  matching: MatchingLike,
  side: "mentee" | "mentor",
): ProposerOptimalityReport {
  const mentorOf = mentorOfArgument(matching);
  const all = allStableMatchingsBruteForce(instance);
  const key = mentorOf.join(",");
  // Stable = among the oracle's stable matchings (independent of the library's own stability scan).
  if (!all.some((other) => other.join(",") === key))
    return { optimal: false, stable: false, stableMatchings: all.length };
  const { rows, cols, value, worth } = preferenceTable(instance);
  const menteeValue = (i: number, j: number): number =>
    j === -1 ? Number.NEGATIVE_INFINITY : value[i * cols + j]!;
  const groupValues = (mo: Int32Array, j: number): number[] => {
    const out: number[] = [];
    for (let i = 0; i < rows; i++) if (mo[i] === j) out.push(worth[j * rows + i]!);
    return out.sort((a, b) => b - a);
  };
  for (const other of all) {
    if (side === "mentee") {
      for (let i = 0; i < rows; i++) {
        if (menteeValue(i, other[i]!) > menteeValue(i, mentorOf[i]!)) {
          return {
            optimal: false,
            stable: true,
            counterexample: { matching: other, participant: i },
            stableMatchings: all.length,
          };
        }
      }
    } else {
      for (let j = 0; j < cols; j++) {
        const mine = groupValues(mentorOf, j);
        const theirs = groupValues(other, j);
        for (let k = 0; k < theirs.length; k++) {
          const a = k < mine.length ? mine[k]! : Number.NEGATIVE_INFINITY;
          if (theirs[k]! > a) {
            return {
              optimal: false,
              stable: true,
              counterexample: { matching: other, participant: j },
              stableMatchings: all.length,
            };
          }
        }
      }
    }
  }
  return { optimal: true, stable: true, stableMatchings: all.length };
}
