/**
 * The shortest augmenting path solver behind `optimalAssignment` and `bottleneckAssignment`.
 *
 * A min-cost b-matching: rows (mentees) take at most one column (mentor), column `j` takes at most
 * `capacity[j]` rows, each allowed cell has a cost (`sign * score`). Mentor capacities are native: a column
 * holds up to `capacity[j]` rows in a seat array; when the Dijkstra search reaches a full column it continues
 * through every row the column holds (their edges are tight), so no column is ever copied per seat.
 *
 * [Reference]: R. Jonker and A. Volgenant, "A shortest augmenting path algorithm for dense and sparse linear
 * assignment problems", Computing 38 (1987) 325–340 — the initialisation (column reduction, reduction
 * transfer, augmenting row reduction) and the shortest path phase.
 * [Reference]: D. F. Crouse, "On implementing 2D rectangular assignment algorithms", IEEE Transactions on
 * Aerospace and Electronic Systems 52(4) (2016) 1679–1696 — explicit row and column potentials, rectangular
 * problems, the dual update after each augmentation.
 *
 * Potentials `u` (rows) and `v` (columns) are kept in the minimisation sense: the reduced cost
 * `cost(i, j) - u[i] - v[j]` is ≥ 0 on every allowed cell and 0 on matched cells.
 *
 * Cardinality modes:
 * - `any`: each row also has a private "stay unmatched" option of cost 0 (a dummy column that only this row
 *   can reach). Rows left on it are never reached again. Invariant: u ≤ 0, u = 0 on unmatched rows, v ≤ 0,
 *   v = 0 on columns with a free seat.
 * - `maximum`: as many rows as possible, then least cost (lexicographic). The dummy columns cost "one more
 *   unmatched row"; a search that exhausts every reachable column without a free seat either leaves the
 *   source row unmatched or lets it displace the row on its search tree whose removal costs least.
 * - `perfect`: every row must be matched; a search that exhausts its tree proves (Hall) that this is impossible.
 *
 * Two initialisations: when the problem is balanced (seats = rows to place, every column has a cell, mode
 * `maximum` or `perfect`), the full Jonker–Volgenant initialisation; its column prices are only a valid
 * certificate if every seat ends up taken, so if a search exhausts its tree the solve restarts with the
 * second, always valid one: row reduction with greedy seating (v = 0).
 *
 * Large balanced dense problems (≥ 384 columns) are sparsified after the column reduction: the searches run
 * on a candidate graph (each row's 32 columns of least reduced cost, in CSR, O(n) memory), then every cell
 * of the full matrix is checked against the potentials; a row with a cell of negative reduced cost gets
 * those cells, its true minimum as potential and its seat freed, and is searched again, until no cell is
 * negative — then the potentials are a certificate on the full matrix. A search that cannot finish inside
 * the candidate graph makes the solve start again on full rows. (The same idea as the sparse variants of
 * Jonker & Volgenant's LAPJV: most optimal pairs lie among each row's cheapest cells.)
 *
 * Memory: O(n + m + seats) typed arrays, plus O(32·n) for the candidate graph; the score matrix is only
 * read, never copied.
 */
import { InfeasibleError } from "../../errors.js";
import type { Instance } from "./instance.js";

/** How many rows must be matched. */
export type CardinalityMode = "any" | "maximum" | "perfect";

/** One min-cost problem over an instance. */
export interface CoreProblem {
  readonly inst: Instance;
  /** cost = sign × score: -1 when maximising scores, +1 when the scores are costs. */
  readonly sign: 1 | -1;
  /** Cells with a score below `lo` or above `hi` are not allowed (on top of -Infinity / absent / forbidden). */
  readonly lo: number;
  readonly hi: number;
  readonly mode: CardinalityMode;
  /** Candidates per row of the sparsified dense solve (tests use tiny values). @defaultValue 32 */
  readonly candidates?: number;
}

/** The solution: mentor of each mentee (pins included) and the potentials (minimisation sense). */
export interface CoreSolution {
  readonly mentorOf: Int32Array;
  /** Row potentials; for pinned rows, set so that the pinned cell is tight. */
  readonly u: Float64Array;
  /** Column potentials; 0 for columns with a free seat. */
  readonly v: Float64Array;
  /** Whether the Jonker–Volgenant initialisation was used to the end. */
  readonly jvInit: boolean;
}

const INF = Number.POSITIVE_INFINITY;

/**
 * How a search or an attempt ended (returned, not thrown: these are expected outcomes, not errors):
 * `DONE`; `UNBALANCED` — in the balanced attempt a search exhausted its tree, so restart with the general
 * start; `CANDIDATES_EXHAUSTED` — a search could not finish inside the candidate graph of a sparsified
 * solve, so solve on the full matrix.
 */
export const DONE = 0;
export const UNBALANCED = 1;
export const CANDIDATES_EXHAUSTED = 2;
export type SearchStatus = typeof DONE | typeof UNBALANCED | typeof CANDIDATES_EXHAUSTED;

/** Dense problems with at least this many columns (and 64 rows) first search a candidate graph. */
const SPARSIFY_MIN_COLS = 384;
/** Candidates per row in the sparsified solve: the columns of least reduced cost after the initialisation. */
const CANDIDATES = 32;

/** Mutable state of one solve; every array is allocated once in {@link createState}. */
interface State {
  readonly n: number;
  readonly m: number;
  dense: Float64Array | null;
  rowStart: Int32Array | null;
  colIdx: Int32Array | null;
  val: Float64Array | null;
  readonly mask: Uint8Array | null;
  /** ±1 (cost = sign × score), times a power of two that brings huge scores near 1 (see costScale). */
  readonly sign: number;
  readonly lo: number;
  readonly hi: number;
  readonly mode: CardinalityMode;
  /**
   * Cost of a row's private "stay unmatched" option: 0 in mode `any`; in mode `maximum` without enough
   * seats, a cost above every difference a matching of one more row could make (see
   * {@link maximumAsDummyCost}); +Infinity when rows have no such option (the search then exhausts its tree).
   */
  dummy: number;
  /** Remaining capacity of each column (capacity minus pinned rows). */
  readonly cap: Int32Array;
  readonly seatStart: Int32Array;
  readonly seatRow: Int32Array;
  readonly load: Int32Array;
  /** Column of each row, -1 = none. */
  readonly colOf: Int32Array;
  readonly posOf: Int32Array;
  readonly u: Float64Array;
  readonly v: Float64Array;
  // search
  readonly d: Float64Array;
  readonly pred: Int32Array;
  /** Distance at which each scanned column (by scan index) was reached. */
  readonly colDist: Float64Array;
  readonly scannedCols: Int32Array;
  readonly scannedRows: Int32Array;
  readonly rowDist: Float64Array;
  // sparse search
  /** Scratch of the candidate graph's construction: the row that last emitted each column. */
  mark: Int32Array;
  /** Columns whose distance the current sparse search set (reset to +Infinity when the next one starts). */
  touched: Int32Array;
  nTouched: number;
  /** Sparse search: columns reached at exactly the current distance, waiting to be scanned (first in, first out). */
  level: Int32Array;
  /** True when every CSR cell is allowed (no score bound or mask excludes one): the search skips the checks. */
  clean: boolean;
  heapKey: Float64Array | null;
  heapCol: Int32Array | null;
  /** Rows still to place (not pinned), and work lists of the initialisation. */
  readonly freeRows: Int32Array;
  readonly work: Int32Array;
  /** What the last row scan found ({@link rowScan}): least and second least reduced cost, and their columns. */
  scanMin: number;
  scanMinCol: number;
  scanSecond: number;
  scanSecondCol: number;
  /** True while searching the candidate graph of a sparsified dense solve (see {@link sparsifiedSearches}). */
  candidatePhase: boolean;
  readonly candidates: number;
}

/** Scores up to this magnitude are solved as they are; larger ones are scaled (exactly) by a power of two. */
const HUGE = 2 ** 512;

/**
 * 1, or the power of two 2^-e that brings the largest allowed |score| to at most 1 when it is over 2^512:
 * the potentials move by up to about n times the range of the costs, and near 1e308 they would overflow
 * and lose the optimum. Multiplying by a power of two is exact, so the matching is the same; the
 * potentials are scaled back at the end. O(cells) for the scan of the scores.
 */
function costScale(inst: Instance): number {
  let most = 0;
  const values = inst.dense ?? inst.csr?.value ?? null;
  if (values === null) return 1;
  for (let k = 0; k < values.length; k++) {
    const a = Math.abs(values[k]!);
    if (a > most && a !== Number.POSITIVE_INFINITY) most = a;
  }
  // Cells that the bounds or the mask rule out count too: a bigger `most` only scales more, still exactly.
  if (most <= HUGE) return 1;
  return 2 ** -Math.ceil(Math.log2(most));
}

/** Whether every CSR cell lies in [lo, hi] and is not masked. O(cells). */
function allCellsAllowed(
  rowStart: Int32Array,
  col: Int32Array,
  value: Float64Array,
  m: number,
  lo: number,
  hi: number,
  mask: Uint8Array | null,
): boolean {
  const n = rowStart.length - 1;
  for (let i = 0; i < n; i++) {
    const base = i * m;
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
      const sv = value[k]!;
      if (!(sv >= lo && sv <= hi) || (mask !== null && mask[base + col[k]!] !== 0)) return false;
    }
  }
  return true;
}

function createState(p: CoreProblem): State {
  const { inst } = p;
  const n = inst.rows;
  const m = inst.cols;
  const i32 = (len: number): Int32Array => new Int32Array(len);
  const f64 = (len: number): Float64Array => new Float64Array(len);
  const cap = i32(m);
  for (let j = 0; j < m; j++) cap[j] = inst.capacity[j]!;
  for (let i = 0; i < n; i++) {
    const j = inst.pinnedMentor[i]!;
    if (j >= 0) cap[j]!--;
  }
  const seatStart = i32(m + 1);
  for (let j = 0; j < m; j++) seatStart[j + 1] = seatStart[j]! + Math.min(cap[j]!, n);
  for (let j = 0; j < m; j++) cap[j] = seatStart[j + 1]! - seatStart[j]!;
  const seats = seatStart[m]!;
  const csr = inst.csr;
  const nnz = csr === null ? 0 : csr.col.length;
  const state: State = {
    n,
    m,
    dense: inst.dense,
    rowStart: csr === null ? null : csr.rowStart,
    colIdx: csr === null ? null : csr.col,
    val: csr === null ? null : csr.value,
    mask: inst.forbidden,
    sign: p.sign * costScale(inst),
    lo: p.lo,
    hi: p.hi,
    mode: p.mode,
    dummy: p.mode === "any" ? 0 : INF,
    cap,
    seatStart,
    seatRow: i32(seats),
    load: i32(m),
    colOf: i32(n).fill(-1),
    posOf: i32(n),
    u: f64(n),
    v: f64(m),
    d: f64(m),
    pred: i32(m),
    colDist: f64(m),
    scannedCols: i32(m),
    scannedRows: i32(n),
    rowDist: f64(n),
    mark: i32(0),
    touched: i32(csr === null ? 0 : m),
    level: i32(csr === null ? 0 : m),
    nTouched: 0,
    clean: csr !== null && allCellsAllowed(csr.rowStart, csr.col, csr.value, m, p.lo, p.hi, inst.forbidden),
    heapKey: csr === null ? null : f64(nnz + m + 1),
    heapCol: csr === null ? null : i32(nnz + m + 1),
    freeRows: i32(n),
    work: i32(n),
    scanMin: INF,
    scanMinCol: -1,
    scanSecond: INF,
    scanSecondCol: -1,
    candidatePhase: false,
    candidates: p.candidates ?? CANDIDATES,
  };
  return state;
}

function resetState(st: State): void {
  st.load.fill(0);
  st.colOf.fill(-1);
  st.u.fill(0);
  st.v.fill(0);
}

// Seat bookkeeping is kept per file on purpose: one helper shared by the solver and the feasibility
// matcher sees two object shapes and measured ~12 % slower on OR-Library assignp5000.
function assign(st: State, i: number, j: number): void {
  const p = st.seatStart[j]! + st.load[j]!;
  st.load[j]!++;
  st.seatRow[p] = i;
  st.colOf[i] = j;
  st.posOf[i] = p;
}

function unassign(st: State, i: number): void {
  const j = st.colOf[i]!;
  const p = st.posOf[i]!;
  st.load[j]!--;
  const last = st.seatStart[j]! + st.load[j]!;
  const r = st.seatRow[last]!;
  st.seatRow[p] = r;
  st.posOf[r] = p;
  st.colOf[i] = -1;
}

/** Cost of cell (i, j) or +Infinity when not allowed. Not for the search loops. */
function costAt(st: State, i: number, j: number): number {
  const { m, lo, hi, mask } = st;
  let s: number;
  if (st.dense !== null) {
    s = st.dense[i * m + j]!;
  } else {
    s = Number.NEGATIVE_INFINITY;
    const rs = st.rowStart!;
    const ci = st.colIdx!;
    for (let k = rs[i]!; k < rs[i + 1]!; k++) {
      if (ci[k] === j) {
        s = st.val![k]!;
        break;
      }
    }
  }
  if (!(s >= lo && s <= hi) || (mask !== null && mask[i * m + j] !== 0)) return INF;
  return st.sign * s;
}

/** Cost of cell (i, j) ignoring the allowed range (for pinned cells). */
function rawCost(st: State, i: number, j: number): number {
  if (st.dense !== null) return st.sign * st.dense[i * st.m + j]!;
  const rs = st.rowStart!;
  for (let k = rs[i]!; k < rs[i + 1]!; k++) if (st.colIdx![k] === j) return st.sign * st.val![k]!;
  return INF;
}

// Results of rowScan (module scratch, to avoid an object per call).

/** Smallest and second smallest reduced cost `cost(i, j) - v[j]` of row i (ties: lower column first). */
function rowScan(st: State, i: number): void {
  const { m, lo, hi, mask, sign, v } = st;
  let min = INF;
  let minCol = -1;
  let second = INF;
  let secondCol = -1;
  if (st.dense !== null) {
    const S = st.dense;
    const base = i * m;
    for (let j = 0; j < m; j++) {
      const s = S[base + j]!;
      if (!(s >= lo && s <= hi) || (mask !== null && mask[base + j] !== 0)) continue;
      const h = sign * s - v[j]!;
      if (h < second) {
        if (h < min) {
          second = min;
          secondCol = minCol;
          min = h;
          minCol = j;
        } else {
          second = h;
          secondCol = j;
        }
      }
    }
  } else {
    const rs = st.rowStart!;
    const ci = st.colIdx!;
    const val = st.val!;
    const base = i * m;
    for (let k = rs[i]!; k < rs[i + 1]!; k++) {
      const s = val[k]!;
      const j = ci[k]!;
      if (!(s >= lo && s <= hi) || (mask !== null && mask[base + j] !== 0)) continue;
      const h = sign * s - v[j]!;
      if (h < second) {
        if (h < min || (h === min && j < minCol)) {
          second = min;
          secondCol = minCol;
          min = h;
          minCol = j;
        } else {
          second = h;
          secondCol = j;
        }
      }
    }
  }
  st.scanMin = min;
  st.scanMinCol = minCol;
  st.scanSecond = second;
  st.scanSecondCol = secondCol;
}

/**
 * Jonker–Volgenant column reduction and reduction transfer (balanced problems only). Returns the number of
 * rows left free (in `st.freeRows`), or -1 when some column with seats has no allowed cell.
 */
function columnReduction(st: State, rows: Int32Array, nRows: number): number {
  const { m, lo, hi, mask, sign, v, cap, clean } = st;
  const colMin = st.d;
  const colArg = st.pred;
  colMin.fill(INF);
  colArg.fill(-1);
  for (let t = 0; t < nRows; t++) {
    const i = rows[t]!;
    if (st.dense !== null) {
      const S = st.dense;
      const base = i * m;
      for (let j = 0; j < m; j++) {
        const s = S[base + j]!;
        if (!(s >= lo && s <= hi) || (mask !== null && mask[base + j] !== 0)) continue;
        const c = sign * s;
        if (c < colMin[j]!) {
          colMin[j] = c;
          colArg[j] = i;
        }
      }
    } else {
      const rs = st.rowStart!;
      const ci = st.colIdx!;
      const val = st.val!;
      const base = i * m;
      // Rows come in increasing order, so the first row at a column's minimum keeps it (ties: lower row).
      for (let k = rs[i]!; k < rs[i + 1]!; k++) {
        const s = val[k]!;
        const j = ci[k]!;
        if (!clean && (!(s >= lo && s <= hi) || (mask !== null && mask[base + j] !== 0))) continue;
        const c = sign * s;
        if (c < colMin[j]!) {
          colMin[j] = c;
          colArg[j] = i;
        }
      }
    }
  }
  const matches = st.work;
  for (let t = 0; t < nRows; t++) matches[rows[t]!] = 0;
  // Reverse column order, as in Jonker & Volgenant.
  for (let j = m - 1; j >= 0; j--) {
    if (cap[j] === 0) {
      v[j] = colMin[j] === INF ? 0 : colMin[j]!;
      continue;
    }
    if (colArg[j] === -1) return -1;
    v[j] = colMin[j]!;
    const imin = colArg[j]!;
    matches[imin]!++;
    if (matches[imin] === 1) {
      assign(st, imin, j);
    } else {
      const j1 = st.colOf[imin]!;
      if (v[j]! < v[j1]!) {
        unassign(st, imin);
        assign(st, imin, j);
      }
    }
  }
  // Reduction transfer: make the assigned row's second best column tight.
  let nFree = 0;
  for (let t = 0; t < nRows; t++) {
    const i = rows[t]!;
    if (matches[i] === 0) {
      st.freeRows[nFree++] = i;
    } else if (matches[i] === 1) {
      const j1 = st.colOf[i]!;
      if (st.load[j1] !== 1) continue;
      rowScanExcluding(st, i, j1);
      if (st.scanMin < INF) v[j1] = v[j1]! - st.scanMin;
    } else {
      // matched several times in the column reduction: it holds one column (the cheapest); nothing to do
    }
  }
  return nFree;
}

/** Like {@link rowScan}, skipping column `skip`; only `st.scanMin` is meaningful afterwards. */
function rowScanExcluding(st: State, i: number, skip: number): void {
  const { m, lo, hi, mask, sign, v } = st;
  let min = INF;
  if (st.dense !== null) {
    const S = st.dense;
    const base = i * m;
    for (let j = 0; j < m; j++) {
      if (j === skip) continue;
      const s = S[base + j]!;
      if (!(s >= lo && s <= hi) || (mask !== null && mask[base + j] !== 0)) continue;
      const h = sign * s - v[j]!;
      if (h < min) min = h;
    }
  } else {
    const rs = st.rowStart!;
    const ci = st.colIdx!;
    const val = st.val!;
    const base = i * m;
    for (let k = rs[i]!; k < rs[i + 1]!; k++) {
      const j = ci[k]!;
      if (j === skip) continue;
      const s = val[k]!;
      if (!(s >= lo && s <= hi) || (mask !== null && mask[base + j] !== 0)) continue;
      const h = sign * s - v[j]!;
      if (h < min) min = h;
    }
  }
  st.scanMin = min;
}

/**
 * Jonker–Volgenant augmenting row reduction, two passes, with capacities: a column's price only drops
 * when the incoming row is then its only holder (balanced) or it becomes full with this row alone
 * (general start), so every other holder stays tight. Rows it cannot seat are left for the search.
 * Returns the new number of free rows in `st.freeRows`.
 */
function augmentingRowReduction(st: State, nFree: number, balanced: boolean, budgetPerRow: number): number {
  const { v, cap, load } = st;
  const free = st.freeRows;
  // Bound the work (JV's loop ends in practice; the bound guarantees it).
  let budget = budgetPerRow * st.n + 1000;
  for (let pass = 0; pass < 2; pass++) {
    let k = 0;
    const prev = nFree;
    nFree = 0;
    while (k < prev) {
      const i = free[k++]!;
      if (budget-- <= 0) {
        free[nFree++] = i;
        continue;
      }
      rowScan(st, i);
      const umin = st.scanMin;
      const usub = st.scanSecond;
      let j1 = st.scanMinCol;
      if (j1 === -1) {
        free[nFree++] = i; // no allowed cell: the search decides
        continue;
      }
      let evict = -1;
      if (load[j1]! >= cap[j1]!) {
        if (cap[j1] === 1) evict = st.seatRow[st.seatStart[j1]!]!;
        else evict = -2;
      }
      if (umin < usub) {
        if (evict === -2) {
          free[nFree++] = i;
          continue;
        }
        // Dropping j1's price keeps every other holder tight only if there is none.
        const others = load[j1]! - (evict >= 0 ? 1 : 0);
        const canDrop = others === 0 && (balanced || cap[j1] === 1);
        if (usub < INF && canDrop) v[j1] = v[j1]! - (usub - umin);
        else if (evict >= 0) {
          // Cannot drop the price: taking j1 would leave the evicted row's cell untight; leave i.
          free[nFree++] = i;
          continue;
        }
      } else if (evict !== -1) {
        // Tie: JV moves to the second column.
        j1 = st.scanSecondCol;
        evict = -1;
        if (load[j1]! >= cap[j1]!) {
          if (cap[j1] === 1) evict = st.seatRow[st.seatStart[j1]!]!;
          else {
            free[nFree++] = i;
            continue;
          }
        }
      }
      if (evict >= 0) unassign(st, evict);
      assign(st, i, j1);
      if (evict >= 0) {
        if (umin < usub) free[--k] = evict;
        else free[nFree++] = evict;
      }
    }
  }
  return nFree;
}

/**
 * Row reduction with greedy seating, valid for every mode: v = 0, u[i] = the row's least cost (at most 0
 * in mode `any`, where staying unmatched costs 0); a row whose cheapest column has a free seat takes it.
 * In mode `any`, a row whose every cost is > 0 stays unmatched for good. Returns the free rows to search.
 */
function rowReduction(st: State, rows: Int32Array, nRows: number): number {
  const { u, cap, load, dummy } = st;
  let nFree = 0;
  for (let t = 0; t < nRows; t++) {
    const i = rows[t]!;
    rowScan(st, i);
    const min = st.scanMin;
    const j = st.scanMinCol;
    if (dummy !== INF && !(min <= dummy)) {
      u[i] = dummy; // stays unmatched: every allowed cell costs more than staying out
      continue;
    }
    u[i] = min === INF ? 0 : min;
    if (j >= 0 && load[j]! < cap[j]!) assign(st, i, j);
    else st.freeRows[nFree++] = i;
  }
  return nFree;
}

/**
 * Sets u[i] = min_j (cost(i, j) - v[j]), at most the cost of staying unmatched: the row's edges become
 * feasible.
 */
function settleRowPotential(st: State, i: number): void {
  rowScan(st, i);
  let min = st.scanMin === INF ? 0 : st.scanMin;
  if (min > st.dummy) min = st.dummy;
  st.u[i] = min;
}

/** Updates potentials after a search that ended at distance `delta`, then augments. */
function updatePotentials(st: State, nRows: number, nCols: number, delta: number): void {
  const { u, v, colDist, scannedRows, scannedCols, rowDist } = st;
  for (let t = 0; t < nRows; t++) {
    const r = scannedRows[t]!;
    u[r] = u[r]! + (delta - rowDist[t]!);
  }
  for (let t = 0; t < nCols; t++) {
    const j = scannedCols[t]!;
    v[j] = v[j]! - (delta - colDist[t]!);
  }
}

/** Moves rows along the search tree from the source to `sink` (a column with a free seat). */
function augment(st: State, s: number, sink: number): void {
  let j = sink;
  for (;;) {
    const i = st.pred[j]!;
    if (i === s) {
      assign(st, s, j);
      return;
    }
    const previous = st.colOf[i]!;
    unassign(st, i);
    assign(st, i, j);
    j = previous;
  }
}

/**
 * Chooses how a search that reached no free seat ends, in modes `maximum` (lexicographic: same count,
 * least cost) and `any` is handled inline. Returns the row to leave unmatched (the source or a tree row).
 */
function cheapestEviction(st: State, s: number, nRows: number): number {
  const { u, scannedRows, rowDist } = st;
  const us = u[s]!;
  let best = 0;
  let bestRow = s;
  for (let t = 1; t < nRows; t++) {
    const r = scannedRows[t]!;
    const cost = rowDist[t]! - u[r]! + us; // true cost of the path from s to r (r then leaves)
    if (cost < best) {
      best = cost;
      bestRow = r;
    }
  }
  return bestRow;
}

/** Ends a search: potentials, then augmentation to `sink`, or the eviction of `leave` (row) at `delta`. */
function finishSearch(
  st: State,
  s: number,
  nRows: number,
  nCols: number,
  delta: number,
  sink: number,
  leave: number,
): void {
  updatePotentials(st, nRows, nCols, delta);
  if (sink >= 0) {
    augment(st, s, sink);
  } else if (leave !== s) {
    const col = st.colOf[leave]!;
    unassign(st, leave);
    augment(st, s, col);
  }
}

/**
 * A search reached no free seat: its tree is a set of rows with too few seats (Hall's condition fails).
 * Returns how the caller goes on: {@link DONE} = evict the cheapest row and finish the search.
 */
function exhausted(st: State, balanced: boolean, s: number): SearchStatus {
  if (st.candidatePhase) return CANDIDATES_EXHAUSTED;
  if (st.mode === "perfect") {
    throw new InfeasibleError(
      "INFEASIBLE",
      `No assignment gives every mentee a mentor: mentee ${s} and the mentees competing with it have fewer allowed mentor seats than mentees. / Нельзя дать наставника каждому наставляемому: у наставляемого ${s} и его конкурентов меньше допустимых мест у наставников, чем их самих.`,
      {
        hint: 'Add mentors or seats, allow more pairs, or use cardinality "maximum" to match as many as possible. / Добавьте наставников или мест, разрешите больше пар или выберите cardinality "maximum".',
        details: { mentee: s },
      },
    );
  }
  return balanced ? UNBALANCED : DONE;
}

/**
 * Relaxes row `r` (reached at distance `minVal`) on dense scores: `d[j] = min(d[j], minVal + reduced cost)`
 * over the columns not yet scanned. Columns are visited in index order (sequential memory access).
 */
function relaxDense(st: State, r: number, minVal: number): void {
  const { m, lo, hi, mask, sign, u, v, d, pred } = st;
  const S = st.dense!;
  const h = minVal - u[r]!;
  const base = r * m;
  // Scanned columns have d = NaN: \`red < NaN\` is false, so they are never relaxed again.
  if (mask === null && hi === Number.MAX_VALUE) {
    for (let j = 0; j < m; j++) {
      const sv = S[base + j]!;
      if (sv >= lo) {
        const red = h + sign * sv - v[j]!;
        if (red < d[j]!) {
          d[j] = red;
          pred[j] = r;
        }
      }
    }
  } else {
    for (let j = 0; j < m; j++) {
      const sv = S[base + j]!;
      if (sv >= lo && sv <= hi && (mask === null || mask[base + j] === 0)) {
        const red = h + sign * sv - v[j]!;
        if (red < d[j]!) {
          d[j] = red;
          pred[j] = r;
        }
      }
    }
  }
}

/** Shortest augmenting path from free row `s` on dense scores (one O(m) pass per step). */
function searchDense(st: State, s: number, balanced: boolean): SearchStatus {
  const {
    m,
    lo,
    hi,
    mask,
    sign,
    u,
    v,
    d,
    pred,
    cap,
    load,
    seatStart,
    seatRow,
    scannedCols,
    scannedRows,
    rowDist,
    colDist,
  } = st;
  const S = st.dense!;
  const dummy = st.dummy;
  const any = dummy !== INF;
  const plain = mask === null && hi === Number.MAX_VALUE;
  // d[j] = NaN marks a scanned column: every comparison with NaN is false, so the passes need no flag.
  d.fill(INF);
  let nRows = 0;
  let nCols = 0;
  let minVal = 0;
  let bestDummy = any ? dummy - u[s]! : INF;
  let bestDummyRow = s;
  scannedRows[nRows] = s;
  rowDist[nRows++] = 0;
  let i = s;
  let extra = 0; // further holders of the popped column to relax before the fused pass
  let extraStart = 0;
  for (;;) {
    // Relax the other holders of the popped column (capacity > 1), then the fused relax-and-min pass.
    for (let t = 0; t < extra; t++) relaxDense(st, seatRow[extraStart + t]!, minVal);
    let lowest = INF;
    let idx = -1;
    if (i >= 0 && plain) {
      const h = minVal - u[i]!;
      const base = i * m;
      for (let j = 0; j < m; j++) {
        const sv = S[base + j]!;
        let dj = d[j]!;
        if (sv >= lo) {
          const red = h + sign * sv - v[j]!;
          if (red < dj) {
            d[j] = red;
            pred[j] = i;
            dj = red;
            if (red <= minVal && load[j]! < cap[j]!) {
              // Nothing is nearer than the current level: a free seat here ends the search at once.
              lowest = red;
              idx = j;
              break;
            }
          }
        }
        if (dj <= lowest) {
          if (dj < lowest || load[j]! < cap[j]!) {
            lowest = dj;
            idx = j;
          }
        }
      }
    } else {
      if (i >= 0) relaxDense(st, i, minVal);
      for (let j = 0; j < m; j++) {
        const dj = d[j]!;
        if (dj <= lowest) {
          if (dj < lowest || load[j]! < cap[j]!) {
            lowest = dj;
            idx = j;
          }
        }
      }
    }
    if (any && bestDummy < lowest) {
      finishSearch(st, s, nRows, nCols, bestDummy, -1, bestDummyRow);
      return DONE;
    }
    if (lowest === INF) {
      const status = exhausted(st, balanced, s);
      if (status !== DONE) return status;
      finishSearch(st, s, nRows, nCols, minVal, -1, cheapestEviction(st, s, nRows));
      return DONE;
    }
    const j = idx;
    d[j] = Number.NaN;
    colDist[nCols] = lowest;
    scannedCols[nCols++] = j;
    minVal = lowest;
    if (load[j]! < cap[j]!) {
      finishSearch(st, s, nRows, nCols, minVal, j, -1);
      return DONE;
    }
    const cnt = load[j]!;
    const start = seatStart[j]!;
    for (let t = 0; t < cnt; t++) {
      const r = seatRow[start + t]!;
      scannedRows[nRows] = r;
      rowDist[nRows++] = minVal;
      if (any) {
        const cand = minVal + dummy - u[r]!;
        if (cand < bestDummy) {
          bestDummy = cand;
          bestDummyRow = r;
        }
      }
    }
    if (cnt === 0) {
      i = -1;
      extra = 0;
    } else {
      i = seatRow[start + cnt - 1]!;
      extra = cnt - 1;
      extraStart = start;
    }
  }
}

/**
 * Prepares the sparse searches: every distance +Infinity. Each search then resets only the columns it
 * touched, when the next one starts.
 */
function startSparseSearches(st: State): void {
  st.d.fill(INF);
  st.nTouched = 0;
}

/**
 * Shortest augmenting path from free row `s` on CSR scores (4-ary heap, touched columns only).
 *
 * Distances: +Infinity = not reached, NaN = scanned (every comparison with NaN is false, so a scanned
 * column is never relaxed again and its stale heap entries are skipped), so one load of `d[j]` per arc
 * decides. The first search of a batch needs {@link startSparseSearches}.
 */
function searchSparse(st: State, s: number, balanced: boolean): SearchStatus {
  const {
    m,
    lo,
    hi,
    mask,
    sign,
    u,
    v,
    d,
    pred,
    cap,
    load,
    seatStart,
    seatRow,
    scannedCols,
    scannedRows,
    rowDist,
    touched,
    clean,
  } = st;
  const rs = st.rowStart!;
  const ci = st.colIdx!;
  const val = st.val!;
  const hk = st.heapKey!;
  const hc = st.heapCol!;
  const level = st.level;
  const dummy = st.dummy;
  const any = dummy !== INF;
  for (let t = 0; t < st.nTouched; t++) d[touched[t]!] = INF;
  let nTouched = 0;
  let nLevel = 0;
  let levelHead = 0;
  let hs = 0;
  let nRows = 0;
  let nCols = 0;
  let minVal = 0;
  let bestDummy = any ? dummy - u[s]! : INF;
  let bestDummyRow = s;
  scannedRows[nRows] = s;
  rowDist[nRows++] = 0;
  let pending = 0; // scanned rows (from index pending on) whose cells are still to relax
  let bestFree = INF; // nearest free seat reached so far
  let bestFreeCol = -1;
  for (;;) {
    // Relax the rows reached at distance minVal; a free seat at that very distance ends the search at once.
    relax: while (pending < nRows) {
      const r = scannedRows[pending++]!;
      const h = minVal - u[r]!;
      const base = r * m;
      for (let k = rs[r]!; k < rs[r + 1]!; k++) {
        const j = ci[k]!;
        const sv = val[k]!;
        if (!clean && (!(sv >= lo && sv <= hi) || (mask !== null && mask[base + j] !== 0))) continue;
        const red = h + sign * sv - v[j]!;
        // A column no nearer than the nearest free seat is never popped (the search ends there first):
        // its distance is not even recorded.
        if (!(red < bestFree)) continue;
        const dj = d[j]!;
        if (!(red < dj)) continue; // also when j is scanned (NaN)
        if (dj === INF) touched[nTouched++] = j;
        d[j] = red;
        pred[j] = r;
        if (load[j]! < cap[j]!) {
          // A free seat is not pushed: it ends the search as soon as nothing nearer is pending.
          bestFree = red;
          bestFreeCol = j;
          if (red <= minVal) break relax;
          continue;
        }
        if (red <= minVal) {
          // Tight: at the current distance, the least there is. A FIFO list, not the heap (with integer
          // costs about 40 % of the pushes); a column joins it once, as its distance cannot drop below
          // minVal, and the list is empty before minVal grows.
          if (dj > minVal) level[nLevel++] = j;
          continue;
        }
        // push (red, j) into the 4-ary heap
        let x = hs++;
        while (x > 0) {
          const parent = (x - 1) >> 2;
          if (hk[parent]! <= red) break;
          hk[x] = hk[parent]!;
          hc[x] = hc[parent]!;
          x = parent;
        }
        hk[x] = red;
        hc[x] = j;
      }
    }
    // Pop the nearest column not yet scanned; the nearest free seat wins ties (stale heap keys only make
    // the comparison more cautious: each pending column also has an entry with its current distance).
    let j = -1;
    let lowest = INF;
    // Columns at the current distance first (the nearest free seat still wins a tie).
    while (levelHead < nLevel && minVal < bestFree) {
      const col = level[levelHead++]!;
      const dc = d[col]!;
      if (!Number.isNaN(dc)) {
        j = col;
        lowest = dc;
        break;
      }
    }
    while (j === -1 && hs > 0 && hk[0]! < bestFree) {
      const key = hk[0]!;
      const col = hc[0]!;
      // pop root
      hs--;
      if (hs > 0) {
        const lk = hk[hs]!;
        const lc = hc[hs]!;
        let x = 0;
        for (;;) {
          const first = 4 * x + 1;
          if (first >= hs) break;
          let c = first;
          let ck = hk[first]!;
          const last = first + 3 < hs ? first + 3 : hs - 1;
          for (let q = first + 1; q <= last; q++) {
            const qk = hk[q]!;
            if (qk < ck) {
              ck = qk;
              c = q;
            }
          }
          if (ck >= lk) break;
          hk[x] = ck;
          hc[x] = hc[c]!;
          x = c;
        }
        hk[x] = lk;
        hc[x] = lc;
      }
      if (!(key <= d[col]!)) continue; // scanned (NaN) or a stale entry
      j = col;
      lowest = key;
      break;
    }
    if (j === -1 && bestFree < INF) {
      j = bestFreeCol;
      lowest = bestFree;
    }
    if (any && bestDummy < lowest) {
      st.nTouched = nTouched;
      finishSearch(st, s, nRows, nCols, bestDummy, -1, bestDummyRow);
      return DONE;
    }
    if (j === -1) {
      st.nTouched = nTouched;
      const status = exhausted(st, balanced, s);
      if (status !== DONE) return status;
      finishSearch(st, s, nRows, nCols, minVal, -1, cheapestEviction(st, s, nRows));
      return DONE;
    }
    d[j] = Number.NaN;
    st.colDist[nCols] = lowest;
    scannedCols[nCols++] = j;
    minVal = lowest;
    if (load[j]! < cap[j]!) {
      st.nTouched = nTouched;
      finishSearch(st, s, nRows, nCols, minVal, j, -1);
      return DONE;
    }
    const cnt = load[j]!;
    const start = seatStart[j]!;
    for (let t = 0; t < cnt; t++) {
      const r = seatRow[start + t]!;
      scannedRows[nRows] = r;
      rowDist[nRows++] = minVal;
      if (any) {
        const cand = minVal + dummy - u[r]!;
        if (cand < bestDummy) {
          bestDummy = cand;
          bestDummyRow = r;
        }
      }
    }
  }
}

/** One attempt: initialisation, then a search per free row. Returns how it ended. */
function run(st: State, rows: Int32Array, nRows: number, balanced: boolean, sparsify: boolean): SearchStatus {
  resetState(st);
  let nFree: number;
  if (balanced) {
    nFree = columnReduction(st, rows, nRows);
    if (nFree < 0) return UNBALANCED;
    // The augmenting row reduction pays off before full-row searches; candidate searches are cheap.
    if (!sparsify) nFree = augmentingRowReduction(st, nFree, true, 8);
    // Row potentials: tight on the assigned cell (the least reduced cost of the row, by construction).
    for (let t = 0; t < nRows; t++) {
      const i = rows[t]!;
      const j = st.colOf[i]!;
      if (j >= 0) st.u[i] = costAt(st, i, j) - st.v[j]!;
    }
    if (sparsify) return sparsifiedSearches(st, rows, nRows, nFree);
  } else {
    nFree = rowReduction(st, rows, nRows);
    // With a private "stay unmatched" option it would take part in every price drop: skip ARR.
    if (st.dummy === INF) nFree = augmentingRowReduction(st, nFree, false, 8);
    for (let t = 0; t < nRows; t++) {
      const i = rows[t]!;
      const j = st.colOf[i]!;
      if (j >= 0) st.u[i] = costAt(st, i, j) - st.v[j]!;
    }
  }
  // Free rows start their search with a feasible potential.
  const order = st.work;
  for (let t = 0; t < nFree; t++) order[t] = st.freeRows[t]!;
  if (st.dense === null) startSparseSearches(st);
  for (let t = 0; t < nFree; t++) {
    const s = order[t]!;
    settleRowPotential(st, s);
    const status = st.dense !== null ? searchDense(st, s, balanced) : searchSparse(st, s, balanced);
    if (status !== DONE) return status;
  }
  return DONE;
}

/**
 * Builds the candidate graph (CSR over all rows; pinned rows empty): for each row, the CANDIDATES columns
 * of least reduced cost `cost - v`, its assigned column, and the columns in `extra[i]`. Values are scores.
 */
function buildCandidates(
  st: State,
  S: Float64Array,
  rows: Int32Array,
  nRows: number,
  extra: (number[] | undefined)[],
): void {
  const { n, m, lo, hi, mask, sign, v } = st;
  const K = Math.min(st.candidates, m);
  let bound = 0;
  for (let t = 0; t < nRows; t++) bound += K + 1 + (extra[rows[t]!]?.length ?? 0);
  const rowStart = new Int32Array(n + 1);
  const col = new Int32Array(bound);
  const val = new Float64Array(bound);
  const heapH = new Float64Array(K);
  const heapJ = new Int32Array(K);
  const mark = st.mark;
  mark.fill(-1);
  let nnz = 0;
  let t = 0;
  for (let i = 0; i < n; i++) {
    rowStart[i] = nnz;
    if (t >= nRows || rows[t] !== i) continue;
    t++;
    const base = i * m;
    // Max-heap of the K least reduced costs. Each row starts its scan at another column, so that ties
    // (integer costs) do not send every row's candidates to the same low-index columns.
    let size = 0;
    const offset = (i * 7919) % m;
    for (let q = 0; q < m; q++) {
      const j = q < m - offset ? q + offset : q + offset - m;
      const sv = S[base + j]!;
      if (!(sv >= lo && sv <= hi) || (mask !== null && mask[base + j] !== 0)) continue;
      const h = sign * sv - v[j]!;
      if (size < K) {
        let x = size++;
        while (x > 0) {
          const parent = (x - 1) >> 1;
          if (heapH[parent]! >= h) break;
          heapH[x] = heapH[parent]!;
          heapJ[x] = heapJ[parent]!;
          x = parent;
        }
        heapH[x] = h;
        heapJ[x] = j;
      } else if (h < heapH[0]!) {
        let x = 0;
        for (;;) {
          let c = 2 * x + 1;
          if (c >= K) break;
          if (c + 1 < K && heapH[c + 1]! > heapH[c]!) c++;
          if (heapH[c]! <= h) break;
          heapH[x] = heapH[c]!;
          heapJ[x] = heapJ[c]!;
          x = c;
        }
        heapH[x] = h;
        heapJ[x] = j;
      }
    }
    for (let q = 0; q < size; q++) {
      const j = heapJ[q]!;
      mark[j] = i;
      col[nnz] = j;
      val[nnz++] = S[base + j]!;
    }
    const own = st.colOf[i]!;
    if (own >= 0 && mark[own] !== i) {
      mark[own] = i;
      col[nnz] = own;
      val[nnz++] = S[base + own]!;
    }
    const more = extra[i];
    if (more !== undefined) {
      for (const j of more) {
        if (mark[j] === i) continue;
        mark[j] = i;
        col[nnz] = j;
        val[nnz++] = S[base + j]!;
      }
    }
  }
  rowStart[n] = nnz;
  st.dense = null;
  st.rowStart = rowStart;
  st.colIdx = col;
  st.val = val;
  if (st.heapKey === null || st.heapKey.length < nnz + m + 1) {
    st.heapKey = new Float64Array(nnz + m + 1);
    st.heapCol = new Int32Array(nnz + m + 1);
  }
  st.clean = true; // every candidate cell is an allowed one
  startSparseSearches(st);
}

/**
 * Dense balanced problems: search a sparse candidate graph instead of the full rows, then verify the
 * potentials on the full matrix. A row with a cell of negative reduced cost gets those cells added, its
 * potential lowered to its true minimum and its seat freed, and is searched again; when no cell is
 * negative, the potentials certify optimality on the full matrix (every seat is taken). Returns
 * {@link CANDIDATES_EXHAUSTED} when a search cannot finish inside the candidate graph.
 */
function sparsifiedSearches(st: State, rows: Int32Array, nRows: number, nFree: number): SearchStatus {
  const S = st.dense!;
  const { m, lo, hi, mask, sign, u, v } = st;
  if (st.mark.length < m) {
    st.mark = new Int32Array(m);
    st.touched = new Int32Array(m);
    st.level = new Int32Array(m);
  }
  let scale = 1;
  for (let t = 0; t < nRows; t++) {
    const j = st.colOf[rows[t]!]!;
    if (j >= 0) scale = Math.max(scale, Math.abs(S[rows[t]! * m + j]!));
  }
  const extra: (number[] | undefined)[] = new Array(st.n);
  const order = st.work;
  for (let t = 0; t < nFree; t++) order[t] = st.freeRows[t]!;
  let pending = nFree;
  st.candidatePhase = true;
  try {
    for (;;) {
      buildCandidates(st, S, rows, nRows, extra);
      for (let t = 0; t < pending; t++) {
        const s = order[t]!;
        settleRowPotential(st, s);
        const status = searchSparse(st, s, true);
        if (status !== DONE) return status;
      }
      // Verify on the full matrix.
      st.dense = S;
      pending = 0;
      for (let t = 0; t < nRows; t++) {
        const i = rows[t]!;
        const base = i * m;
        const tol = 1e-9 * (scale + Math.abs(u[i]!));
        const limit = u[i]! - tol;
        let min = Number.POSITIVE_INFINITY;
        let bad: number[] | undefined;
        for (let j = 0; j < m; j++) {
          const sv = S[base + j]!;
          if (!(sv >= lo && sv <= hi) || (mask !== null && mask[base + j] !== 0)) continue;
          const h = sign * sv - v[j]!;
          if (h < limit) {
            if (bad === undefined) bad = [];
            bad.push(j);
          }
          if (h < min) min = h;
        }
        if (bad === undefined) continue;
        extra[i] = extra[i] === undefined ? bad : extra[i]!.concat(bad);
        if (st.colOf[i]! >= 0) unassign(st, i);
        u[i] = min;
        order[pending++] = i;
      }
      if (pending === 0) return DONE;
    }
  } finally {
    st.candidatePhase = false;
    st.clean = false;
    st.dense = S;
    st.rowStart = null;
    st.colIdx = null;
    st.val = null;
  }
}

/**
 * The cost of staying unmatched that makes mode "any" solve mode "maximum" (as many rows as possible, then
 * the least cost): above cmax + (K − 1)·(cmax − cmin) over the allowed cells, K = the most rows any
 * matching can hold, a matching of one more row always costs less than any matching of fewer rows, so the
 * cost-optimal matching with this option is lexicographically optimal; and its potentials are the duals of
 * mode "maximum" as they are (u + v ≤ cost on allowed cells, v = 0 on free seats, u = this cost on the
 * rows left out). +Infinity (no such option: the exhaustive searches) when the bound is not a finite
 * number small enough to keep the costs' precision. O(allowed cells).
 */
function maximumAsDummyCost(st: State, rows: Int32Array, nRows: number): number {
  const { m, lo, hi, mask, sign } = st;
  let cmin = INF;
  let cmax = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < nRows; t++) {
    const i = rows[t]!;
    if (st.dense !== null) {
      const S = st.dense;
      const base = i * m;
      for (let j = 0; j < m; j++) {
        const sv = S[base + j]!;
        if (!(sv >= lo && sv <= hi) || (mask !== null && mask[base + j] !== 0)) continue;
        const c = sign * sv;
        if (c < cmin) cmin = c;
        if (c > cmax) cmax = c;
      }
    } else {
      const rs = st.rowStart!;
      const ci = st.colIdx!;
      const val = st.val!;
      for (let k = rs[i]!; k < rs[i + 1]!; k++) {
        const sv = val[k]!;
        if (!(sv >= lo && sv <= hi) || (mask !== null && mask[i * m + ci[k]!] !== 0)) continue;
        const c = sign * sv;
        if (c < cmin) cmin = c;
        if (c > cmax) cmax = c;
      }
    }
  }
  if (cmin === INF) return INF; // no allowed cell: every search ends at once anyway
  let seats = 0;
  for (let j = 0; j < m; j++) seats += st.cap[j]!;
  const most = Math.min(nRows, seats);
  const range = cmax - cmin;
  const dummy = cmax + most * range + Math.max(1, range);
  // Costs near `dummy` lose about most · 2^-52 of the range to rounding: keep it far below the range.
  return Number.isFinite(dummy) && most < 2 ** 20 ? dummy : INF;
}

/**
 * Solves the min-cost problem. O(n·m) per search on dense scores (O(n²m) worst case), O(nnz log m) per
 * search on CSR; pinned rows are fixed first and take their seats out of the capacities.
 *
 * @param p - the instance, direction (`sign`), allowed score range and cardinality mode.
 * @returns the mentor of each mentee and the potentials (minimisation sense).
 * @throws InfeasibleError in mode `perfect` when some row cannot be matched.
 * @example
 * const sol = solveAssignment({ inst: normalizeInstance({ scores: [[1, 2], [2, 1]] }), sign: 1,
 *   lo: -Number.MAX_VALUE, hi: Number.MAX_VALUE, mode: "maximum" }); // sol.mentorOf = [0, 1]
 */
export function solveAssignment(p: CoreProblem): CoreSolution {
  const st = createState(p);
  const { inst } = p;
  const n = st.n;
  const rows = new Int32Array(n);
  let nRows = 0;
  for (let i = 0; i < n; i++) if (inst.pinnedMentor[i]! < 0) rows[nRows++] = i;
  // Balanced: the seats (each capacity capped at the number of rows) equal the rows to place.
  let seats = 0;
  for (let j = 0; j < st.m; j++) seats += inst.capacity[j]!;
  seats -= n - nRows;
  let balanced = seats === nRows && nRows > 0 && p.mode !== "any";
  let jvInit = balanced;
  if (balanced) {
    const sparsify = st.dense !== null && st.m >= SPARSIFY_MIN_COLS && nRows >= 64;
    let status = run(st, rows, nRows, true, sparsify);
    if (status === CANDIDATES_EXHAUSTED) status = run(st, rows, nRows, true, false);
    if (status === UNBALANCED) {
      balanced = false;
      jvInit = false;
    }
  }
  if (!balanced) {
    // Too few seats (or seats some rows cannot reach): mode "maximum" as mode "any" with a costly way of
    // staying unmatched. A search then stops at the cheapest row to leave out instead of exhausting its
    // tree to prove that no seat is free — each mentee beyond the seats cost a full search before.
    if (p.mode === "maximum") st.dummy = maximumAsDummyCost(st, rows, nRows);
    run(st, rows, nRows, false, false);
  }

  const { u, v, colOf } = st;
  if (jvInit) {
    // Every seat is taken: shift so that max v = 0 (v ≤ 0; the objective of the dual does not change).
    let top = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < st.m; j++) if (v[j]! > top) top = v[j]!;
    if (top !== Number.NEGATIVE_INFINITY && top !== 0) {
      for (let j = 0; j < st.m; j++) v[j] = v[j]! - top;
      for (let t = 0; t < nRows; t++) u[rows[t]!] = u[rows[t]!]! + top;
    }
  }
  const mentorOf = new Int32Array(n);
  const unscale = Math.abs(st.sign);
  for (let i = 0; i < n; i++) {
    const pin = inst.pinnedMentor[i]!;
    if (pin >= 0) {
      mentorOf[i] = pin;
      u[i] = rawCost(st, i, pin) - v[pin]!;
    } else {
      mentorOf[i] = colOf[i]!;
      if (colOf[i] === -1 && st.dummy === INF) settleRowPotential(st, i);
    }
  }
  if (unscale !== 1) {
    for (let i = 0; i < n; i++) u[i] = u[i]! / unscale;
    for (let j = 0; j < st.m; j++) v[j] = v[j]! / unscale;
  }
  return { mentorOf, u, v, jvInit };
}
