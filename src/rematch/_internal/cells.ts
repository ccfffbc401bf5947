/**
 * Reading one cell of a `MatchingInstance` as it is given (dense `Float64Array`, rows of numbers, or CSR),
 * without normalising the whole instance: re-matching looks at a few pairs of a large program, and must
 * not pay for a pass over every cell.
 */
import { MatchingInputError } from "../../errors.js";
import type { CsrScores, MatchingInstance } from "../../matching/types.js";

/** The shape of an instance: mentees (rows) and mentors (columns). */
export interface Shape {
  readonly rows: number;
  readonly cols: number;
}

export function isCsr(scores: MatchingInstance["scores"]): scores is CsrScores {
  return (
    scores !== undefined &&
    !(scores instanceof Float64Array) &&
    !Array.isArray(scores) &&
    typeof (scores as CsrScores).rowStart === "object"
  );
}

/** Rows and columns of an instance, from its scores or its preference lists. O(1). */
export function shapeOf(instance: MatchingInstance): Shape {
  const s = instance.scores;
  if (s instanceof Float64Array) {
    if (instance.rows === undefined || instance.cols === undefined) {
      throw new MatchingInputError(
        "INVALID_SHAPE",
        "A flat Float64Array of scores needs `rows` and `cols`.",
        {
          hint: "Give rows (mentees) and cols (mentors) with the scores.",
        },
      );
    }
    return { rows: instance.rows, cols: instance.cols };
  }
  if (isCsr(s)) return { rows: s.rows, cols: s.cols };
  if (Array.isArray(s)) {
    const rows = s.length;
    const cols = rows > 0 ? (s[0] as readonly number[]).length : (instance.cols ?? 0);
    return { rows, cols };
  }
  const rows = instance.menteePreferences?.length ?? instance.rows ?? 0;
  const cols = instance.mentorPreferences?.length ?? instance.cols ?? 0;
  return { rows, cols };
}

/**
 * The score of mentee `i` with mentor `j` as given: `-Infinity` for a cell that is not allowed (absent in
 * CSR), `NaN` when the instance has no scores. O(1) dense, O(row length) CSR.
 */
export function scoreAt(instance: MatchingInstance, shape: Shape, i: number, j: number): number {
  const s = instance.scores;
  if (s === undefined) return Number.NaN;
  if (s instanceof Float64Array) return s[i * shape.cols + j]!;
  if (isCsr(s)) {
    for (let k = s.rowStart[i]!; k < s.rowStart[i + 1]!; k++) if (s.col[k] === j) return s.value[k]!;
    return Number.NEGATIVE_INFINITY;
  }
  return (s as readonly (readonly number[])[])[i]![j]!;
}

/** Why a pair is not allowed in an instance, or null when it is. */
export type PairBar = "ineligible" | "forbidden-by-rule" | "below-min-score" | "not-on-list";

/**
 * Whether mentee `i` and mentor `j` may be paired in the instance, as every strategy defines it: a finite
 * score, not forbidden, at least `minScore`, and named by each side that gave a ranked list.
 * O(1) dense plus the length of the lists given.
 */
export function pairBar(instance: MatchingInstance, shape: Shape, i: number, j: number): PairBar | null {
  const scores = instance.scores;
  if (scores !== undefined) {
    const s = scores instanceof Float64Array ? scores[i * shape.cols + j]! : scoreAt(instance, shape, i, j);
    if (s === Number.NEGATIVE_INFINITY || Number.isNaN(s)) return "ineligible";
    if (instance.forbidden !== undefined && instance.forbidden[i * shape.cols + j] !== 0) {
      return "forbidden-by-rule";
    }
    if (instance.minScore !== undefined && s < instance.minScore) return "below-min-score";
  }
  const mp = instance.menteePreferences;
  if (mp !== undefined && mp[i]?.includes(j) !== true) return "not-on-list";
  const tp = instance.mentorPreferences;
  if (tp !== undefined && tp[j]?.includes(i) !== true) return "not-on-list";
  return null;
}

/**
 * Capacity of each mentor as given (default 1). O(m).
 * @throws MatchingInputError (`INVALID_CAPACITY`) for a count of capacities or a capacity that is not a whole
 *   number ≥ 0.
 */
export function capacitiesOf(instance: MatchingInstance, shape: Shape): Int32Array {
  const out = new Int32Array(shape.cols).fill(1);
  const c = instance.capacities;
  if (c !== undefined) {
    if (c.length !== shape.cols) {
      throw new MatchingInputError(
        "INVALID_CAPACITY",
        `capacities has ${c.length} entries for ${shape.cols} mentors.`,
        { hint: "Give one capacity per mentor (column)." },
      );
    }
    for (let j = 0; j < shape.cols; j++) {
      const v = c[j];
      if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
        throw new MatchingInputError(
          "INVALID_CAPACITY",
          `Capacity of mentor ${j} is ${String(v)}; it must be a whole number from 0.`,
          { details: { mentor: j } },
        );
      }
      out[j] = v;
    }
  }
  return out;
}
