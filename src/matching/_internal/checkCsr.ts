/** The structural and score checks of CSR input, done once by `normalizeInstance`. */
import { MatchingInputError } from "../../errors.js";
import type { CsrScores } from "../types.js";
import { assertValidScore, checkDimension } from "./instance.js";

/**
 * Checks CSR scores: typed arrays of consistent lengths, rows that do not overlap, columns in range and
 * listed once per row, and every value a valid score. O(nnz + cols).
 *
 * @throws MatchingInputError `INVALID_SHAPE` naming the row, cell and column; `INVALID_SCORE` naming the pair.
 */
export function checkCsr(csr: CsrScores): void {
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
  const seen = new Int32Array(cols).fill(-1);
  for (let i = 0; i < rows; i++) {
    const start = rowStart[i]!;
    const end = rowStart[i + 1]!;
    if (end < start) {
      throw new MatchingInputError("INVALID_SHAPE", `CSR rowStart decreases at row ${i}.`, {
        details: { mentee: i },
      });
    }
    for (let k = start; k < end; k++) {
      const j = col[k]!;
      if (j === undefined) {
        throw new MatchingInputError(
          "INVALID_SHAPE",
          `CSR rowStart says row ${i} ends at cell ${end}, but there are only ${col.length} column entries.`,
          { details: { mentee: i, cells: col.length } },
        );
      }
      if (j < 0 || j >= cols) {
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
      assertValidScore(value[k]!, i, j);
    }
  }
}
