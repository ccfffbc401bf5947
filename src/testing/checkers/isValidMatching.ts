/**
 * The validity check of the research kit: does a `mentorOf` respect the instance's rules?
 */
import { mentorOfArgument } from "../../matching/_internal/matchingLike.js";
import type { MatchingInstance, MatchingLike } from "../../matching/types.js";
import { preferenceTable } from "../_internal/preferenceTable.js";

/** One rule a matching breaks. */
export interface MatchingViolation {
  /**
   * - `shape`: `mentorOf` is not an `Int32Array` with one entry per mentee;
   * - `out-of-range`: an entry is neither -1 nor a mentor index;
   * - `not-allowed`: a pair the instance does not allow (absent or `-Infinity` score, forbidden, below
   *   `minScore`, or not on a side's ranked list);
   * - `over-capacity`: a mentor has more mentees than its capacity;
   * - `pin-broken`: a pinned mentee is not with its pinned mentor.
   */
  readonly kind: "shape" | "out-of-range" | "not-allowed" | "over-capacity" | "pin-broken";
  readonly mentee?: number;
  readonly mentor?: number;
  /** What is wrong, in a sentence (indices only, never names). */
  readonly message: string;
}

/** What {@link isValidMatching} returns. */
export interface ValidityReport {
  readonly valid: boolean;
  /** Every violation found, in mentee order (capacity violations after them, in mentor order). */
  readonly violations: readonly MatchingViolation[];
}

/**
 * Checks that `mentorOf` is a valid matching of `instance`: right length, indices in range, only allowed
 * pairs, no mentor over capacity, every pinned pair kept. O(n·m·L) (a plain reading of the instance,
 * independent of the library's own result guard), for tests.
 *
 * @param instance - the instance.
 * @param matching - a result, or its `mentorOf`: mentor of each mentee, -1 = none.
 * @returns `{ valid, violations }`; never throws for a bad `mentorOf`.
 * @throws MatchingInputError when the instance itself is invalid.
 * @example
 * isValidMatching({ scores: [[1, -Infinity]], capacities: [1, 1] }, Int32Array.of(1)).violations[0]?.kind;
 * // "not-allowed"
 */
export function isValidMatching(instance: MatchingInstance, matching: MatchingLike): ValidityReport {
  const mentorOf = mentorOfArgument(matching);
  const table = preferenceTable(instance);
  const { inst, rows, cols, value } = table;
  const violations: MatchingViolation[] = [];
  if (!(mentorOf instanceof Int32Array) || mentorOf.length !== rows) {
    const got =
      mentorOf instanceof Int32Array ? `an Int32Array of length ${mentorOf.length}` : typeof mentorOf;
    violations.push({
      kind: "shape",
      message: `mentorOf must be an Int32Array of length ${rows}; got ${got}.`,
    });
    return { valid: false, violations };
  }
  const load = new Int32Array(cols);
  for (let i = 0; i < rows; i++) {
    const j = mentorOf[i]!;
    const pin = inst.pinnedMentor[i]!;
    if (j !== -1 && (j < 0 || j >= cols)) {
      violations.push({
        kind: "out-of-range",
        mentee: i,
        message: `Mentee ${i} has mentor ${j}, outside -1..${cols - 1}.`,
      });
      continue;
    }
    if (pin !== -1 && pin !== j) {
      violations.push({
        kind: "pin-broken",
        mentee: i,
        mentor: pin,
        message: `Mentee ${i} is pinned to mentor ${pin} but has ${j}.`,
      });
    }
    if (j === -1) continue;
    load[j]!++;
    // A pinned pair is the curator's decision (checked against the scores and rules when the instance
    // was read) and stands whatever the ranked lists say.
    if (pin !== j && value[i * cols + j] === Number.NEGATIVE_INFINITY) {
      violations.push({
        kind: "not-allowed",
        mentee: i,
        mentor: j,
        message: `The pair (mentee ${i}, mentor ${j}) is not allowed.`,
      });
    }
  }
  for (let j = 0; j < cols; j++) {
    if (load[j]! > inst.capacity[j]!) {
      violations.push({
        kind: "over-capacity",
        mentor: j,
        message: `Mentor ${j} has ${load[j]} mentees for a capacity of ${inst.capacity[j]}.`,
      });
    }
  }
  return { valid: violations.length === 0, violations };
}
