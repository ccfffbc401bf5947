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
  /** Whether every row lists its columns in increasing order (then a cell is found by binary search). */
  readonly sortedRows: boolean;
}

/**
 * Index of cell (i, j) in CSR arrays, or -1 when row i does not list column j: a binary search when the
 * rows are sorted ({@link CsrRange.sortedRows}), else a scan of the row. O(log deg) or O(deg).
 *
 * @param rowStart - CSR row offsets.
 * @param col - CSR column of each cell.
 * @param i - the row.
 * @param j - the column.
 * @param sorted - whether every row lists its columns in increasing order.
 * @returns the cell's index in `col` (and in the values), or -1.
 * @example
 * findCell(Int32Array.of(0, 2), Int32Array.of(1, 4), 0, 4, true); // 1
 */
export function findCell(
  rowStart: Int32Array,
  col: Int32Array,
  i: number,
  j: number,
  sorted: boolean,
): number {
  let a = rowStart[i]!;
  let b = rowStart[i + 1]!;
  if (!sorted) {
    for (let k = a; k < b; k++) if (col[k] === j) return k;
    return -1;
  }
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (col[mid]! < j) a = mid + 1;
    else b = mid;
  }
  return a < rowStart[i + 1]! && col[a] === j ? a : -1;
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
 * // { minFinite: 3, maxFinite: 3, anyNegativeInfinity: false, sortedRows: true }
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
  let seen: Int32Array | null = null;
  let minFinite = Infinity;
  let maxFinite = -Infinity;
  let anyNegativeInfinity = false;
  let sortedRows = true;
  for (let i = 0; i < rows; i++) {
    const start = rowStart[i]!;
    const end = rowStart[i + 1]!;
    // Columns in increasing order cannot repeat; a row out of order is checked for repeats apart.
    let previous = -1;
    let ordered = true;
    for (let k = start; k < end; k++) {
      const j = col[k]!;
      if (j <= previous) ordered = false;
      previous = j;
      const v = value[k]!;
      // One comparison rejects NaN and +Infinity (assertValidScore says which; a column out of range
      // before it is named first, as a pass that checked each cell's column first would).
      if (!(v < Infinity)) {
        columnsInRange(col, start, k + 1, i, cols);
        assertValidScore(v, i, j);
      }
      if (v > maxFinite) maxFinite = v;
      if (v < minFinite) {
        if (v === -Infinity) anyNegativeInfinity = true;
        else minFinite = v;
      }
    }
    // Columns increasing from -1 on are all ≥ 0: in an ordered row only the last can be too large. Two
    // comparisons a cell fewer than testing each column (checkCsr on assignp800: 0.41 → 0.30 ms).
    if (!ordered || previous >= cols) columnsInRange(col, start, end, i, cols);
    if (ordered) continue;
    sortedRows = false;
    if (seen === null) seen = new Int32Array(cols).fill(-1);
    for (let k = start; k < end; k++) {
      const j = col[k]!;
      if (seen[j] === i) {
        throw new MatchingInputError("INVALID_SHAPE", `CSR row ${i} lists column ${j} twice.`, {
          details: { mentee: i, mentor: j },
        });
      }
      seen[j] = i;
    }
  }
  return { minFinite, maxFinite, anyNegativeInfinity, sortedRows };
}

/** Throws for the first cell of row i in `from` up to `to` whose column is outside 0..cols-1. O(to - from). */
function columnsInRange(col: Int32Array, from: number, to: number, i: number, cols: number): void {
  for (let k = from; k < to; k++) {
    const j = col[k]!;
    if (!(j >= 0 && j < cols)) {
      throw new MatchingInputError(
        "INVALID_SHAPE",
        `CSR cell ${k} of row ${i} names column ${j}, outside 0..${cols - 1}.`,
        { details: { mentee: i, mentor: j } },
      );
    }
  }
}
