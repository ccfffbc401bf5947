/**
 * What the sparse solver reads of CSR scores (its row scans, column reduction and searches): the input's
 * own arrays when rows are short, else a copy of each row with its cheap cells first.
 *
 * Every reduced cost of a cell in band b is at least `bandLow[b] - vmax` (vmax: an upper bound of the
 * column potentials), so a search that already reached a free seat at distance `bestFree` skips the rest
 * of a row once `h + bandLow[b] - vmax >= bestFree`, and a row scan once `bandLow[b] - vmax >= second`.
 * Floating-point addition and subtraction round monotonically, so the bound computed in the same order
 * as the reduced cost (`h + cost - v[j]`) is never above it: the cells skipped are cells that the full
 * scan would have passed over, and the searches find the same distances.
 *
 * Most optimal pairs lie among each row's cheapest few cells (the idea of the dense solver's candidate
 * graph). On the OR-Library sparse instances the searches need the cheapest 11–16 % of a row at 800 rows
 * (125 cells a row), 15–23 % at 1500 (67), 32–47 % at 3000 (33) and about half at 5000 (20): about the
 * cheapest 15–20 cells of a row each time (quartiles over the rows relaxed).
 */
import type { Instance } from "./instance.js";

const INF = Number.POSITIVE_INFINITY;

/** Cells a row's cheap band holds on average (see the module comment). */
const CHEAP_CELLS = 20;

/**
 * Rows shorter than this on average are read as they are (one band): too little to skip to pay for the
 * copy (assignp5000, 20 cells a row: 1.07× the CPU time with the copy; in-process A/B, alternating).
 */
const MIN_BANDED_DEGREE = 32;

/** Cells sampled to place the band boundary (evenly spaced over the cells). */
const SAMPLE = 1024;

/** The search's view of CSR scores (see the module comment). */
export interface SearchGraph {
  /** Column of each cell; row i keeps the range of the input, `rowStart[i]` up to `rowStart[i + 1]`. */
  readonly col: Int32Array;
  /** Cell k costs `costSign × cost[k]`; +Infinity for a cell not allowed. */
  readonly cost: Float64Array;
  readonly costSign: number;
  /** Bands per row: 1 (the input's rows as they are), or 2 (a copy, cheap cells first). */
  readonly bands: number;
  /** Cells of row i, band b: `bandStart[i·bands + b]` up to `bandStart[i·bands + b + 1]`. */
  readonly bandStart: Int32Array;
  /** Least cost a cell of band b can have (band 0: -Infinity). */
  readonly bandLow: Float64Array;
  /**
   * Two bands: each column's least cost over the rows kept and the first row at it (-1: none), for the
   * column reduction; null with one band (the column reduction then reads the cells itself).
   */
  readonly colMin: Float64Array | null;
  readonly colArg: Int32Array | null;
}

/**
 * The solver's view of an instance's CSR scores for the rows to place: {@link bandedCopy} when rows are
 * long enough, else the input's arrays as they are (`costSign` = `sign`) when every cell is allowed, or a
 * copy with `sign` applied and +Infinity on the cells ruled out. O(nnz) at most.
 *
 * @param inst - the validated instance (CSR scores).
 * @param sign - cost = sign × score (±1, or a power of two for huge scores).
 * @param lo - least allowed score.
 * @param hi - largest allowed score.
 * @param rows - the rows to place, increasing.
 * @param nRows - how many of `rows` are used.
 * @returns what the row scans and searches read.
 * @example
 * searchGraph(normalizeInstance({ scores: csr }), -1, -Number.MAX_VALUE, Number.MAX_VALUE, rows, n).bands;
 */
export function searchGraph(
  inst: Instance,
  sign: number,
  lo: number,
  hi: number,
  rows: Int32Array,
  nRows: number,
): SearchGraph {
  const csr = inst.csr!;
  const m = inst.cols;
  const n = inst.rows;
  if (nRows > 0 && csr.col.length >= MIN_BANDED_DEGREE * n) {
    return bandedCopy(csr, m, sign, lo, hi, inst.forbidden, rows, nRows);
  }
  const clean = everyCellAllowed(inst, lo, hi);
  return {
    col: csr.col,
    cost: clean ? csr.value : allowedCosts(csr, m, sign, lo, hi, inst.forbidden),
    costSign: clean ? sign : 1,
    bands: 1,
    bandStart: csr.rowStart,
    bandLow: Float64Array.of(Number.NEGATIVE_INFINITY),
    colMin: null,
    colArg: null,
  };
}

/**
 * Copies CSR scores for the searches in one pass: for each row in `rows`, its allowed cells (score in
 * [lo, hi], not masked) as costs `sign × score`, the cheap ones (below the boundary: about
 * {@link CHEAP_CELLS} a row) first, then the others, then the cells not allowed at +Infinity; rows not
 * listed (pinned) hold +Infinity only. The same pass finds each column's least cost (the column reduction
 * needs nothing else). O(nnz + n + m).
 *
 * @param csr - the validated CSR scores.
 * @param m - number of columns.
 * @param sign - cost = sign × score (±1, or a power of two for huge scores).
 * @param lo - least allowed score.
 * @param hi - largest allowed score.
 * @param mask - forbidden cells (row-major, m per row), or null.
 * @param rows - the rows to keep, increasing.
 * @param nRows - how many of `rows` are used.
 * @returns the banded copy.
 * @example
 * const g = bandedCopy({ rowStart: Int32Array.of(0, 2), col: Int32Array.of(0, 1), value: Float64Array.of(5, 2) },
 *   2, 1, -Infinity, Infinity, null, Int32Array.of(0), 1);
 * g.bandStart; // [0, 1, 2]: cell 1 (cost 2) is the cheap band; g.colMin: [5, 2]
 */
export function bandedCopy(
  csr: { readonly rowStart: Int32Array; readonly col: Int32Array; readonly value: Float64Array },
  m: number,
  sign: number,
  lo: number,
  hi: number,
  mask: Uint8Array | null,
  rows: Int32Array,
  nRows: number,
): SearchGraph {
  const { rowStart, col, value } = csr;
  const n = rowStart.length - 1;
  const nnz = col.length;
  const bands = 2;
  const boundary = cheapBoundary(value, sign, lo, hi, Math.min(1, (CHEAP_CELLS * n) / Math.max(1, nnz)));
  const outCol = new Int32Array(nnz);
  const outCost = new Float64Array(nnz).fill(INF);
  const bandStart = new Int32Array(n * bands + 1);
  const colMin = new Float64Array(m).fill(INF);
  const colArg = new Int32Array(m).fill(-1);
  let t = 0;
  for (let i = 0; i < n; i++) {
    const start = rowStart[i]!;
    const end = rowStart[i + 1]!;
    bandStart[i * bands] = start;
    bandStart[i * bands + 1] = end;
    if (t >= nRows || rows[t] !== i) continue; // pinned: +Infinity throughout
    t++;
    const base = i * m;
    // Two cursors: cheap cells from the row's start, the others from its end. Each cell is written at
    // both and one cursor moves (no branch on the cost: in a row it is a coin toss); what is left between
    // them holds the cells not allowed.
    let a = start;
    let b = end - 1;
    for (let k = start; k < end; k++) {
      const sv = value[k]!;
      if (!(sv >= lo && sv <= hi) || (mask !== null && mask[base + col[k]!] !== 0)) continue;
      const c = sign * sv;
      const j = col[k]!;
      outCol[a] = j;
      outCost[a] = c;
      outCol[b] = j;
      outCost[b] = c;
      const cheap = +(c < boundary);
      a += cheap;
      b -= 1 - cheap;
      // Rows come in increasing order: the first row at a column's least cost keeps it.
      if (c < colMin[j]!) {
        colMin[j] = c;
        colArg[j] = i;
      }
    }
    for (let g = a; g <= b; g++) outCost[g] = INF;
    bandStart[i * bands + 1] = a;
  }
  bandStart[n * bands] = nnz;
  const bandLow = Float64Array.of(Number.NEGATIVE_INFINITY, boundary);
  return { col: outCol, cost: outCost, costSign: 1, bands, bandStart, bandLow, colMin, colArg };
}

/**
 * The boundary of the cheap band: the `share`-quantile of a sample of the allowed costs.
 * Cells the mask rules out may be sampled; they only move the boundary, never the correctness (each
 * cell's band is decided by the same boundary). +Infinity when nothing is allowed.
 */
function cheapBoundary(value: Float64Array, sign: number, lo: number, hi: number, share: number): number {
  const nnz = value.length;
  const step = Math.max(1, Math.floor(nnz / SAMPLE));
  const sample = new Float64Array(Math.ceil(nnz / step));
  let size = 0;
  for (let k = 0; k < nnz; k += step) {
    const sv = value[k]!;
    if (sv >= lo && sv <= hi) sample[size++] = sign * sv;
  }
  if (size === 0) return INF;
  return sample.subarray(0, size).sort()[Math.min(size - 1, Math.floor(share * size))]!;
}

/**
 * Whether every CSR cell is allowed (in [lo, hi], not masked): O(1) from the range that validation found
 * (the instance's own, validated in this call) when there is no mask, else a pass over the cells.
 */
function everyCellAllowed(inst: Instance, lo: number, hi: number): boolean {
  const range = inst.csrRange;
  if (range !== null && inst.forbidden === null) {
    const finite = range.minFinite <= range.maxFinite; // false when there is no finite cell
    if (range.anyNegativeInfinity && lo !== Number.NEGATIVE_INFINITY) return false;
    return !finite || (range.minFinite >= lo && range.maxFinite <= hi);
  }
  const { rowStart, col, value } = inst.csr!;
  const mask = inst.forbidden;
  const m = inst.cols;
  for (let i = 0; i < inst.rows; i++) {
    const base = i * m;
    const end = rowStart[i + 1]!;
    for (let k = rowStart[i]!; k < end; k++) {
      const sv = value[k]!;
      if (!(sv >= lo && sv <= hi) || (mask !== null && mask[base + col[k]!] !== 0)) return false;
    }
  }
  return true;
}

/** CSR costs with the cells ruled out (outside [lo, hi], or masked) at +Infinity. O(nnz). */
function allowedCosts(
  csr: { readonly rowStart: Int32Array; readonly col: Int32Array; readonly value: Float64Array },
  m: number,
  sign: number,
  lo: number,
  hi: number,
  mask: Uint8Array | null,
): Float64Array {
  const { rowStart, col, value } = csr;
  const out = new Float64Array(value.length);
  for (let i = 0; i < rowStart.length - 1; i++) {
    const base = i * m;
    const end = rowStart[i + 1]!;
    for (let k = rowStart[i]!; k < end; k++) {
      const sv = value[k]!;
      const allowed = sv >= lo && sv <= hi && (mask === null || mask[base + col[k]!] === 0);
      out[k] = allowed ? sign * sv : INF;
    }
  }
  return out;
}
