/** The structural and score checks of CSR input, done once by `normalizeInstance`. */
import { MatchingInputError } from "../../errors.js";
import type { CsrScores } from "../types.js";
import { assertValidScore, checkDimension } from "./instance.js";

/** What {@link checkCsr} learns about the values on the way: their range, for the solver's set-up. */
export interface CsrRange {
  /** Least and largest finite value (+Infinity and -Infinity when there is none). */
  readonly minFinite: number;
  readonly maxFinite: number;
  /** Whether some cell holds -Infinity (a pair not allowed). */
  readonly anyNegativeInfinity: boolean;
}

/**
 * Checks CSR scores: typed arrays of consistent lengths, rows that do not overlap, columns in range and
 * listed once per row, and every value a valid score. O(nnz + cols).
 *
 * @param csr - the scores as given.
 * @returns the range of the values (read on the same pass).
 * @throws MatchingInputError `INVALID_SHAPE` naming the row, cell and column; `INVALID_SCORE` naming the pair.
 * @example
 * checkCsr({ rows: 1, cols: 2, rowStart: Int32Array.of(0, 1), col: Int32Array.of(1), value: Float64Array.of(3) });
 * // { minFinite: 3, maxFinite: 3, anyNegativeInfinity: false }
 */
export function checkCsr(csr: CsrScores): CsrRange {
  const rows = checkDimension(csr.rows, "rows");
  const cols = checkDimension(csr.cols, "cols");
  const { rowStart, col, value } = csr;
  if (!(rowStart instanceof Int32Array) || !(col instanceof Int32Array) || !(value instanceof Float64Array)) {
    throw new MatchingInputError(
      "INVALID_SHAPE",
      "CSR scores need rowStart and col as Int32Array and value as Float64Array.",
    );
  }
  if (
    rowStart.length !== rows + 1 ||
    rowStart[0] !== 0 ||
    rowStart[rows] !== col.length ||
    value.length !== col.length
  ) {
    throw new MatchingInputError(
      "INVALID_SHAPE",
      `CSR scores are inconsistent: rowStart has length ${rowStart.length} (expected ${rows + 1}), starts at ${rowStart[0]}, ends at ${rowStart[rows]}; col has ${col.length} cells and value ${value.length}.`,
    );
  }
  // The row bounds first, so that the pass over the cells reads only cells that exist.
  for (let i = 0; i < rows; i++) {
    const start = rowStart[i]!;
    const end = rowStart[i + 1]!;
    if (end < start) {
      throw new MatchingInputError("INVALID_SHAPE", `CSR rowStart decreases at row ${i}.`, {
        details: { mentee: i },
      });
    }
    if (end > col.length) {
      throw new MatchingInputError(
        "INVALID_SHAPE",
        `CSR rowStart says row ${i} ends at cell ${end}, but there are only ${col.length} column entries.`,
        { details: { mentee: i, cells: col.length } },
      );
    }
  }
  const seen = new Int32Array(cols).fill(-1);
  let minFinite = Number.POSITIVE_INFINITY;
  let maxFinite = Number.NEGATIVE_INFINITY;
  let anyNegativeInfinity = false;
  for (let i = 0; i < rows; i++) {
    const end = rowStart[i + 1]!;
    for (let k = rowStart[i]!; k < end; k++) {
      const j = col[k]!;
      if (!(j >= 0 && j < cols)) {
        throw new MatchingInputError(
          "INVALID_SHAPE",
          `CSR cell ${k} of row ${i} names column ${j}, outside 0..${cols - 1}.`,
          {
            details: { mentee: i, mentor: j },
          },
        );
      }
      if (seen[j] === i) {
        throw new MatchingInputError("INVALID_SHAPE", `CSR row ${i} lists column ${j} twice.`, {
          details: { mentee: i, mentor: j },
        });
      }
      seen[j] = i;
      const v = value[k]!;
      // One comparison rejects NaN and +Infinity (assertValidScore says which).
      if (!(v < Number.POSITIVE_INFINITY)) assertValidScore(v, i, j);
      if (v > maxFinite) maxFinite = v;
      if (v < minFinite) {
        if (v === Number.NEGATIVE_INFINITY) anyNegativeInfinity = true;
        else minFinite = v;
      }
    }
  }
  return { minFinite, maxFinite, anyNegativeInfinity };
}
