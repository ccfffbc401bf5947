/**
 * A plain, dense view of any instance (rows, dense `Float64Array` or CSR scores; lists; rules), so that a
 * strategy of one's own can read it without handling every input form.
 */
import type { MatchingInstance } from "../matching/types.js";
import { preferenceTable } from "./_internal/preferenceTable.js";

/** What {@link instanceView} returns. */
export interface InstanceView {
  readonly rows: number;
  readonly cols: number;
  /** Capacity of each mentor. */
  readonly capacity: Int32Array;
  /** Pinned mentor of each mentee, -1 = none. */
  readonly pinnedMentor: Int32Array;
  /** The score of pair (i, j) as the strategies see it: `-Infinity` when not allowed by the scores; NaN without scores. */
  readonly score: (mentee: number, mentor: number) => number;
  /** Whether (i, j) may be paired: allowed by the scores, and named by each side that gave a ranked list. */
  readonly allowed: (mentee: number, mentor: number) => boolean;
  /** How mentee i values mentor j (its list: earlier = higher; else the score); `-Infinity` = unacceptable. */
  readonly menteeValue: (mentee: number, mentor: number) => number;
  /** How mentor j values mentee i (as `menteeValue`). */
  readonly mentorValue: (mentor: number, mentee: number) => number;
}

/**
 * Reads an instance into a dense view: O(n·m·L) once (L = longest list), then O(1) per look-up.
 *
 * @param instance - any valid instance.
 * @returns the view.
 * @throws MatchingInputError when the instance is invalid.
 * @example
 * const v = instanceView({ scores: [[0.5, -Infinity]] });
 * v.allowed(0, 1); // false
 */
export function instanceView(instance: MatchingInstance): InstanceView {
  const { inst, rows, cols, value, worth } = preferenceTable(instance);
  const score = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = value[i * cols + j]!;
      score[i * cols + j] =
        v === Number.NEGATIVE_INFINITY ? v : inst.menteePreferences === null ? v : Number.NaN;
    }
  }
  // With mentee lists the table holds list places; read the scores themselves where there are some.
  if (inst.menteePreferences !== null && inst.hasScores) {
    const plain = preferenceTable({
      ...instance,
      menteePreferences: undefined,
      mentorPreferences: undefined,
    });
    for (let c = 0; c < score.length; c++)
      if (score[c] !== Number.NEGATIVE_INFINITY) score[c] = plain.value[c]!;
  }
  return {
    rows,
    cols,
    capacity: inst.capacityGiven.slice(),
    pinnedMentor: inst.pinnedMentor.slice(),
    score: (i, j) => score[i * cols + j]!,
    allowed: (i, j) => value[i * cols + j] !== Number.NEGATIVE_INFINITY,
    menteeValue: (i, j) => value[i * cols + j]!,
    mentorValue: (j, i) => worth[j * rows + i]!,
  };
}
