/**
 * What the sparse solver reads of CSR scores (its row scans, column reduction and searches): each row as
 * the input gives it and, when rows are long, a copy of each row's cheap cells, read first.
 *
 * Every cell outside a row's cheap copy costs at least `cheapBelow`, so its reduced cost is at least
 * `cheapBelow - vmax` (vmax: an upper bound of the column potentials). A search that already reached a
 * free seat at distance `bestFree` reads the rest of the row only if `h + cheapBelow - vmax < bestFree`,
 * and a row scan only if `cheapBelow - vmax < second`. Floating-point addition and subtraction round
 * monotonically, so the bound computed in the same order as the reduced cost (`h + cost - v[j]`) is
 * never above it: the rows left unread are rows whose other cells a full scan would have passed over,
 * and the searches find the same distances. (A row read in full meets its cheap cells again; a search
 * relaxes nothing twice, and the row scans skip them.)
 *
 * Most optimal pairs lie among each row's cheapest few cells (the idea of the dense solver's candidate
 * graph). On the OR-Library sparse instances the searches need the cheapest 11–16 % of a row at 800 rows
 * (125 cells a row), 15–23 % at 1500 (67), 32–47 % at 3000 (33) and about half at 5000 (20): about the
 * cheapest 15–20 cells of a row each time (quartiles over the rows relaxed).
 */
import type { Instance } from "./instance.js";
import { Scratch } from "./scratch.js";

const INF = Number.POSITIVE_INFINITY;

/** Cells a row's cheap copy holds on average (see the module comment). */
const CHEAP_CELLS = 20;

/**
 * Rows shorter than this on average are read as they are: too little to skip to pay for the copy
 * (assignp5000, 20 cells a row, of which a search needs about 11: 1.03–1.07× the CPU time with a copy of
 * 12 or 20 cells a row; in-process A/B, alternating).
 */
const MIN_CHEAP_DEGREE = 32;

/** Cells sampled to place the cheap boundary (evenly spaced over the cells). */
const SAMPLE = 512;

/** What the sparse solver reads of CSR scores (see the module comment). */
export interface SearchGraph {
  /** The rows: row i is `rowStart[i]` up to `rowStart[i + 1]` of `col` and `cost`. */
  readonly rowStart: Int32Array;
  readonly col: Int32Array;
  /** Cell k costs `costSign × cost[k]`; +Infinity for a cell not allowed. */
  readonly cost: Float64Array;
  readonly costSign: number;
  /**
   * Long rows: a copy of each row's allowed cells that cost less than `cheapBelow`, as costs, in CSR of
   * its own (row i at `cheapRow[i]` up to `cheapRow[i + 1]`, the rows one after another); null (and
   * `cheapBelow` = -Infinity) when rows are read as they are.
   */
  readonly cheapCol: Int32Array | null;
  readonly cheapCost: Float64Array | null;
  readonly cheapRow: Int32Array | null;
  readonly cheapBelow: number;
  /**
   * With the cheap copy: each column's least cost over the rows kept and the first row at it (-1: none),
   * found on the same pass, for the column reduction; else null (it reads the cells itself).
   */
  readonly colMin: Float64Array | null;
  readonly colArg: Int32Array | null;
  /** What the cheap copy and the column minima are carved from (given back by {@link releaseSearchGraph}). */
  readonly scratch: Scratch | null;
}

/**
 * The solver's view of an instance's CSR scores for the rows to place: the input's arrays as they are
 * (`costSign` = `sign`) when every cell is allowed, else a copy with `sign` applied and +Infinity on the
 * cells ruled out; and, when rows hold {@link MIN_CHEAP_DEGREE} cells or more on average, each row's
 * cheap cells copied apart (about {@link CHEAP_CELLS} a row) with the columns' least costs. O(nnz).
 *
 * @param inst - the validated instance (CSR scores).
 * @param sign - cost = sign × score (±1, or a power of two for huge scores).
 * @param lo - least allowed score.
 * @param hi - largest allowed score.
 * @param rows - the rows to place, increasing.
 * @param nRows - how many of `rows` are used.
 * @returns what the row scans and searches read.
 * @example
 * const g = searchGraph(normalizeInstance({ scores: csr }), -1, -Number.MAX_VALUE, Number.MAX_VALUE, rows, n);
 * g.cheapRow === null; // true when rows are short
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
  const clean = everyCellAllowed(inst, lo, hi);
  const whole = {
    rowStart: csr.rowStart,
    col: csr.col,
    cost: clean ? csr.value : allowedCosts(csr, m, sign, lo, hi, inst.forbidden),
    costSign: clean ? sign : 1,
  };
  if (nRows === 0 || csr.col.length < MIN_CHEAP_DEGREE * n) {
    return {
      ...whole,
      cheapCol: null,
      cheapCost: null,
      cheapRow: null,
      cheapBelow: -INF,
      colMin: null,
      colArg: null,
      scratch: null,
    };
  }
  return { ...whole, ...cheapCopy(csr, m, sign, lo, hi, inst.forbidden, rows, nRows) };
}

/**
 * Copies each row's cheap cells in one pass: for each row in `rows`, its allowed cells (score in [lo, hi],
 * not masked) that cost (`sign × score`) less than the boundary, in the row's order; rows not listed
 * (pinned) get none. The same pass finds each column's least cost (the column reduction needs nothing
 * else). O(nnz + n + m).
 *
 * @param csr - the validated CSR scores.
 * @param m - number of columns.
 * @param sign - cost = sign × score (±1, or a power of two for huge scores).
 * @param lo - least allowed score.
 * @param hi - largest allowed score.
 * @param mask - forbidden cells (row-major, m per row), or null.
 * @param rows - the rows to keep, increasing.
 * @param nRows - how many of `rows` are used.
 * @returns the cheap copy, its boundary and the column minima.
 * @example
 * const c = cheapCopy({ rowStart: Int32Array.of(0, 2), col: Int32Array.of(0, 1), value: Float64Array.of(5, 2) },
 *   2, 1, -Infinity, Infinity, null, Int32Array.of(0), 1);
 * // c.cheapBelow = 5 (the boundary), c.cheapRow = [0, 1]: cell 1 (cost 2) alone; c.colMin = [5, 2]
 */
function cheapCopy(
  csr: { readonly rowStart: Int32Array; readonly col: Int32Array; readonly value: Float64Array },
  m: number,
  sign: number,
  lo: number,
  hi: number,
  mask: Uint8Array | null,
  rows: Int32Array,
  nRows: number,
): Pick<SearchGraph, "cheapCol" | "cheapCost" | "cheapRow" | "cheapBelow" | "colMin" | "colArg" | "scratch"> {
  const { rowStart, col, value } = csr;
  const n = rowStart.length - 1;
  const nnz = col.length;
  const boundary = cheapBoundary(value, sign, lo, hi, Math.min(1, (CHEAP_CELLS * n) / Math.max(1, nnz)));
  // From the buffer the previous solve gave back (scratch.ts): a new 1.2 MB buffer each solve made the
  // public call on assignp800 take 6.3 ms instead of 3.0 (in-process A/B, alternating, CPU, medians;
  // assignp1500 8.4 against 5.0 ms, assignp3000 14.2 against 11.2 ms). Every cell read is written first.
  const scratch = new Scratch(8 * (nnz + m) + 4 * (nnz + n + m) + 40);
  const cheapCost = scratch.floats(nnz, false);
  const cheapCol = scratch.ints(nnz, false);
  const cheapRow = scratch.ints(n + 1, false);
  const colMin = scratch.floats(m, false).fill(INF);
  const colArg = scratch.ints(m, false).fill(-1);
  let t = 0;
  // The cheap cells of all rows one after another (a CSR of their own): the searches read them from a
  // block a sixth of the input's size at 800 rows, not scattered over it (the public call 0.97–0.99×
  // the CPU time of the layout at the input's offsets, assignp800–3000, in-process A/B, alternating).
  let a = 0;
  for (let i = 0; i < n; i++) {
    cheapRow[i] = a;
    if (t >= nRows || rows[t] !== i) continue; // pinned: no cell (pinned rows are never searched)
    t++;
    const end = rowStart[i + 1]!;
    const base = i * m;
    // Each allowed cell is written at the cursor, which moves on for a cheap one only (no branch on the
    // cost: in a row it is a coin toss).
    for (let k = rowStart[i]!; k < end; k++) {
      const sv = value[k]!;
      if (!(sv >= lo && sv <= hi) || (mask !== null && mask[base + col[k]!] !== 0)) continue;
      const c = sign * sv;
      const j = col[k]!;
      cheapCol[a] = j;
      cheapCost[a] = c;
      a += +(c < boundary);
      // Rows come in increasing order: the first row at a column's least cost keeps it.
      if (c < colMin[j]!) {
        colMin[j] = c;
        colArg[j] = i;
      }
    }
  }
  cheapRow[n] = a;
  return { cheapCol, cheapCost, cheapRow, cheapBelow: boundary, colMin, colArg, scratch };
}

/**
 * Gives a finished solve's cheap copy back for reuse by a later solve (nothing when there is none).
 * Called by `solveAssignment` alone, in a `finally`, when nothing will read the copy again. O(1).
 *
 * @param graph - the search graph of a solve that is over, or null.
 * @example
 * releaseSearchGraph(graph); // in solveAssignment's finally
 */
export function releaseSearchGraph(graph: SearchGraph | null): void {
  graph?.scratch?.release();
}

/**
 * The cheap boundary: the `share`-quantile of a sample of the allowed costs. Cells the mask rules out may
 * be sampled; they only move the boundary, never the correctness (each cell's place is decided by the
 * same boundary). +Infinity when nothing is allowed.
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
