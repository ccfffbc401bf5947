/**
 * Dense scores: the checks of a cell (a number, not NaN, not +Infinity), of a flat matrix and of
 * `number[][]` rows, and the copy of rows into a `Float64Array` (into a reused working buffer).
 */
import { LimitError, MatchingInputError } from "../../errors.js";
import { pooledArray, releasePooled } from "./scratch.js";

/** Largest dense matrix accepted (cells); larger problems should use the CSR form. */
export const MAX_DENSE_CELLS = 400_000_000;

/**
 * Throws `INVALID_SCORE` for NaN and +Infinity (-Infinity is allowed: the pair is not allowed). O(1).
 *
 * @param value - the score of the pair.
 * @param mentee - its row.
 * @param mentor - its column.
 * @throws MatchingInputError (`INVALID_SCORE`) naming the pair.
 * @example
 * assertValidScore(Number.NaN, 2, 5); // throws: "Score of mentee 2 and mentor 5 is NaN; …"
 */
export function assertValidScore(value: number, mentee: number, mentor: number): void {
  // -Infinity is allowed (= not allowed pair); NaN and +Infinity are not.
  if (Number.isNaN(value) || value === Number.POSITIVE_INFINITY) {
    throw new MatchingInputError(
      "INVALID_SCORE",
      `Score of mentee ${mentee} and mentor ${mentor} is ${String(value)}; scores must be finite numbers or -Infinity (pair not allowed).`,
      { details: { mentee, mentor } },
    );
  }
}

/**
 * Rejects NaN and +Infinity in a dense matrix. `x < Infinity` is false exactly for those two; a sum of
 * eight cells is NaN or +Infinity whenever one of them is (−Infinity cells are allowed: they keep the sum
 * below +Infinity unless a +Infinity makes it NaN), so one comparison covers eight cells and only a
 * suspicious block (or a finite sum that overflowed) is looked at cell by cell. O(cells), about twice as
 * fast as a comparison per cell.
 */
export function checkDenseScores(dense: Float64Array, cols: number): void {
  const len = dense.length;
  let k = 0;
  for (; k + 8 <= len; k += 8) {
    const sum =
      dense[k]! +
      dense[k + 1]! +
      dense[k + 2]! +
      dense[k + 3]! +
      dense[k + 4]! +
      dense[k + 5]! +
      dense[k + 6]! +
      dense[k + 7]!;
    if (sum < Number.POSITIVE_INFINITY) continue;
    for (let q = k; q < k + 8; q++) {
      if (!(dense[q]! < Number.POSITIVE_INFINITY))
        assertValidScore(dense[q]!, Math.floor(q / cols), q % cols);
    }
  }
  for (; k < len; k++) {
    if (!(dense[k]! < Number.POSITIVE_INFINITY)) assertValidScore(dense[k]!, Math.floor(k / cols), k % cols);
  }
}

/** A value as a message shows it: its kind, and a short literal for a string or a number. */
function shownValue(value: unknown): string {
  if (value === undefined) return "missing (undefined)";
  if (value === null) return "null";
  if (typeof value === "string") return `the string ${JSON.stringify(value.slice(0, 20))}`;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return `the ${typeof value} ${String(value)}`;
  return Array.isArray(value) ? "an array" : `a ${typeof value}`;
}

/** The `INVALID_SHAPE` error of row i of a `number[][]` that is not an array of m cells. */
function rowShapeError(row: unknown, i: number, m: number): MatchingInputError {
  return new MatchingInputError(
    "INVALID_SHAPE",
    `Row ${i} of the score matrix ${Array.isArray(row) ? `has ${row.length} cells` : `is ${shownValue(row)}, not an array`}; ${i === 0 ? "rows must be arrays of scores" : `row 0 has ${m} cells`}.`,
    { hint: "Every row must have one score per mentor.", details: { mentee: i } },
  );
}

/** Throws the `INVALID_SCORE` error of cell (i, j) holding `value` (not a number, NaN or +Infinity). */
function rejectCell(value: unknown, i: number, j: number): never {
  // A JS array may hold anything: null or "1" must not be read as 0 or 1.
  if (typeof value !== "number") {
    throw new MatchingInputError(
      "INVALID_SCORE",
      `Score of mentee ${i} and mentor ${j} is ${shownValue(value)}; scores must be numbers (-Infinity = pair not allowed).`,
      { details: { mentee: i, mentor: j } },
    );
  }
  assertValidScore(value, i, j);
  throw new Error(`internal: cell (${i}, ${j}) = ${value} is a valid score`);
}

/**
 * Checks the cells of row `i` of a `number[][]` (an array, already of the right length): each must be a
 * number other than NaN and +Infinity. O(cells of the row). `x < Infinity` is true for exactly the valid
 * numbers and for strings, null and booleans that convert to one, so those are looked at by `typeof` only
 * when `x < Infinity` is false or the row is not all numbers (the loop of a double or small-integer array
 * needs no `typeof`; V8 removes it).
 *
 * @param row - the row.
 * @param i - its index (for the message).
 * @throws MatchingInputError (`INVALID_SCORE`) naming the first bad cell.
 * @example
 * checkRowCells([0.5, Number.NaN], 3); // throws: "Score of mentee 3 and mentor 1 is NaN; …"
 */
export function checkRowCells(row: readonly number[], i: number): void {
  const m = row.length;
  for (let j = 0; j < m; j++) {
    const value: unknown = row[j];
    if (typeof value !== "number" || !(value < Number.POSITIVE_INFINITY)) rejectCell(value, i, j);
  }
}

/**
 * Checks the shape of every row of a `number[][]` (an array of `m` cells each), not the cells. O(rows).
 * On a bad row r, the cells of rows 0 .. r-1 are checked first, so the error reported is the first one in
 * row-major order (a row's shape before its cells), as when the rows are copied.
 */
export function checkRowShapes(rows: readonly (readonly number[])[]): number {
  const n = rows.length;
  const m = n === 0 || !Array.isArray(rows[0]) ? 0 : rows[0].length;
  if (n * m > MAX_DENSE_CELLS) throw tooLarge(n, m);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (!Array.isArray(row) || row.length !== m) {
      for (let r = 0; r < i; r++) checkRowCells(rows[r]!, r);
      throw rowShapeError(row, i, m);
    }
  }
  return m;
}

/**
 * Gives the working copy of a `number[][]` back for reuse by a later call (nothing when the scores were
 * not copied here). Called by `withInstance` alone, in a `finally`, when nothing will read the instance's
 * scores again. O(1).
 *
 * @param dense - the `dense` scores of a normalised instance whose call is over.
 * @example
 * releaseWorkingCopy(inst.dense); // in withInstance's finally
 */
export function releaseWorkingCopy(dense: Float64Array | null): void {
  releasePooled(dense);
}

/**
 * Copies a `number[][]` into a row-major `Float64Array`, checking each row's shape and each cell (a number,
 * not NaN, not +Infinity) as it goes: the first bad row or cell in row-major order throws. O(cells).
 */
export function denseFromRows(rows: readonly (readonly number[])[]): { data: Float64Array; cols: number } {
  const n = rows.length;
  const m = n === 0 || !Array.isArray(rows[0]) ? 0 : rows[0].length;
  if (n * m > MAX_DENSE_CELLS) throw tooLarge(n, m);
  // From the pool (scratch.ts): a new buffer's pages are faulted in on the first write, most of the copy's
  // cost (3000 × 3000: about 250 ms for 72 MB, against 20 ms into memory already touched). Every cell is
  // written below.
  const data = pooledArray(Float64Array, n * m, false);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (!Array.isArray(row) || row.length !== m) throw rowShapeError(row, i, m);
    const base = i * m;
    for (let j = 0; j < m; j++) {
      const value: unknown = row[j];
      if (typeof value !== "number" || !(value < Number.POSITIVE_INFINITY)) rejectCell(value, i, j);
      data[base + j] = value;
    }
  }
  return { data, cols: m };
}

export function tooLarge(rows: number, cols: number): LimitError {
  return new LimitError(
    "LIMIT_EXCEEDED",
    `A dense score matrix of ${rows} × ${cols} cells is over the limit of ${MAX_DENSE_CELLS} cells.`,
    {
      hint: "Give the scores in sparse CSR form (only each mentee's candidate mentors).",
      details: { rows, cols },
    },
  );
}
