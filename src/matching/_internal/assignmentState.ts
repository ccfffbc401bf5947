/**
 * The assignment solver's state: the problem, the mutable state of one solve (allocated once), its
 * set-up, and the steps every search ends with (potentials, augmentation, eviction). See assignmentCore.ts.
 */
import { InfeasibleError } from "../../errors.js";
import { findCell } from "./checkCsr.js";
import type { Instance } from "./instance.js";
import { type SearchGraph, searchGraph } from "./assignmentBands.js";
import { Scratch } from "./scratch.js";

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

export const INF = Number.POSITIVE_INFINITY;

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
export const SPARSIFY_MIN_COLS = 384;
/** Candidates per row in the sparsified solve: the columns of least reduced cost after the initialisation. */
export const CANDIDATES = 32;

/** Mutable state of one solve; every array is allocated once in {@link createState}. */
export interface State {
  readonly n: number;
  readonly m: number;
  dense: Float64Array | null;
  rowStart: Int32Array | null;
  colIdx: Int32Array | null;
  val: Float64Array | null;
  /**
   * What the sparse searches and row scans read (`searchGraph` in assignmentBands.ts): the rows
   * (`srow[i]` up to `srow[i + 1]`; cell k costs `costSign × scost[k]`, +Infinity when not allowed) and,
   * for long rows, a copy of each row's cheap cells (`cheapRow[i]` up to `cheapRow[i + 1]`, costs) read first:
   * every other cell costs at least `cheapBelow`. Null for dense scores (outside the candidate phase).
   */
  srow: Int32Array | null;
  scol: Int32Array | null;
  scost: Float64Array | null;
  costSign: number;
  cheapCol: Int32Array | null;
  cheapCost: Float64Array | null;
  cheapRow: Int32Array | null;
  cheapBelow: number;
  /** An upper bound of every column potential while the row scans and searches run (v only drops). */
  vmax: number;
  /** What the CSR searches read, as `searchGraph` made it (given back at the end of the solve). */
  readonly csrGraph: SearchGraph | null;
  /** Where the work arrays are carved from (given back at the end of the solve). */
  readonly scratch: Scratch;
  /** Whether the CSR rows list their columns in increasing order (cells found by binary search). */
  sortedRows: boolean;
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
export const HUGE = 2 ** 512;

/**
 * 1, or the power of two 2^-e that brings the largest allowed |score| to at most 1 when it is over 2^512:
 * the potentials move by up to about n times the range of the costs, and near 1e308 they would overflow
 * and lose the optimum. Multiplying by a power of two is exact, so the matching is the same; the
 * potentials are scaled back at the end. O(cells) for the scan of the scores.
 */
export function costScale(inst: Instance): number {
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

/**
 * {@link costScale} of CSR scores, O(1) from the range that validation found (the instance's own,
 * validated in this call); a scan of the values when there is none.
 */
function csrScale(inst: Instance): number {
  const range = inst.csrRange;
  if (range === null) return costScale(inst);
  const most = Math.max(0, Math.abs(range.minFinite), Math.abs(range.maxFinite));
  const finite = range.minFinite <= range.maxFinite; // false when there is no finite cell
  return !finite || most <= HUGE ? 1 : 2 ** -Math.ceil(Math.log2(most));
}

/**
 * Initial length of the sparse search's heap (stale entries included); {@link growHeap} doubles it when a
 * search needs more, which is rare: most columns enter the heap once per search.
 */
export function initialHeapLength(m: number): number {
  return 2 * m + 16;
}

/** Doubles the sparse search's heap arrays, keeping their first `used` entries. O(used). */
export function growHeap(st: State, used: number): void {
  const key = new Float64Array(2 * st.heapKey!.length);
  const col = new Int32Array(2 * st.heapCol!.length);
  key.set(st.heapKey!.subarray(0, used));
  col.set(st.heapCol!.subarray(0, used));
  st.heapKey = key;
  st.heapCol = col;
}

/**
 * The state of one solve over `rows` (the rows to place, increasing; pinned rows are left out), with
 * every work array allocated once and, for CSR scores, what the searches read (`searchGraph`).
 */
export function createState(p: CoreProblem, rows: Int32Array, nRows: number): State {
  const { inst } = p;
  const n = inst.rows;
  const m = inst.cols;
  const csr = inst.csr;
  // seats ≤ Σ min(capacity, n); the exact count is known below, the views are carved after it.
  const seatBound = (): number => {
    let total = 0;
    for (let j = 0; j < m; j++) total += Math.min(inst.capacity[j]!, n);
    return total;
  };
  const heapLength = csr === null ? 0 : initialHeapLength(m);
  const sparseCols = csr === null ? 0 : m;
  const intCount = m + (m + 1) + seatBound() + m + 2 * n + 2 * m + n + 2 * sparseCols + heapLength + 2 * n;
  const floatCount = 2 * m + n + heapLength;
  // The work arrays come from one buffer that the previous solve gave back (scratch.ts): new arrays each
  // solve meant fresh pages, a page fault each 4 KB.
  const scratch = new Scratch(8 * floatCount + 4 * intCount + 160);
  const cap = scratch.ints(m);
  for (let j = 0; j < m; j++) cap[j] = inst.capacity[j]!;
  for (let i = 0; i < n; i++) {
    const j = inst.pinnedMentor[i]!;
    if (j >= 0) cap[j]!--;
  }
  const seatStart = scratch.ints(m + 1);
  for (let j = 0; j < m; j++) seatStart[j + 1] = seatStart[j]! + Math.min(cap[j]!, n);
  for (let j = 0; j < m; j++) cap[j] = seatStart[j + 1]! - seatStart[j]!;
  const seats = seatStart[m]!;
  const sign = p.sign * (csr === null ? costScale(inst) : csrScale(inst));
  // Set in the literal, not after it: a field that changes type after construction deoptimises the
  // functions compiled for the first shape.
  const graph = csr === null ? null : searchGraph(inst, sign, p.lo, p.hi, rows, nRows);
  const state: State = {
    n,
    m,
    dense: inst.dense,
    rowStart: csr === null ? null : csr.rowStart,
    colIdx: csr === null ? null : csr.col,
    val: csr === null ? null : csr.value,
    srow: graph === null ? null : graph.rowStart,
    scol: graph === null ? null : graph.col,
    scost: graph === null ? null : graph.cost,
    costSign: graph === null ? 1 : graph.costSign,
    cheapCol: graph === null ? null : graph.cheapCol,
    cheapCost: graph === null ? null : graph.cheapCost,
    cheapRow: graph === null ? null : graph.cheapRow,
    cheapBelow: graph === null ? Number.NEGATIVE_INFINITY : graph.cheapBelow,
    vmax: 0,
    csrGraph: graph,
    scratch,
    sortedRows: inst.csrRange?.sortedRows === true,
    mask: inst.forbidden,
    sign,
    lo: p.lo,
    hi: p.hi,
    mode: p.mode,
    dummy: p.mode === "any" ? 0 : INF,
    cap,
    seatStart,
    seatRow: scratch.ints(seats),
    load: scratch.ints(m),
    colOf: scratch.ints(n).fill(-1),
    posOf: scratch.ints(n),
    // u and v are returned (they become the result's duals): arrays of their own.
    u: new Float64Array(n),
    v: new Float64Array(m),
    d: scratch.floats(m),
    pred: scratch.ints(m),
    colDist: scratch.floats(m),
    scannedCols: scratch.ints(m),
    scannedRows: scratch.ints(n),
    rowDist: scratch.floats(n),
    mark: new Int32Array(0),
    touched: scratch.ints(sparseCols),
    level: scratch.ints(sparseCols),
    nTouched: 0,
    heapKey: csr === null ? null : scratch.floats(heapLength),
    heapCol: csr === null ? null : scratch.ints(heapLength),
    freeRows: scratch.ints(n),
    work: scratch.ints(n),
    scanMin: INF,
    scanMinCol: -1,
    scanSecond: INF,
    scanSecondCol: -1,
    candidatePhase: false,
    candidates: p.candidates ?? CANDIDATES,
  };
  return state;
}

export function resetState(st: State): void {
  st.load.fill(0);
  st.colOf.fill(-1);
  st.u.fill(0);
  st.v.fill(0);
  st.vmax = 0;
}

// Seat bookkeeping is kept per file on purpose: one helper shared by the solver and the feasibility
// matcher sees two object shapes and measured ~12 % slower on OR-Library assignp5000.
export function assign(st: State, i: number, j: number): void {
  const p = st.seatStart[j]! + st.load[j]!;
  st.load[j]!++;
  st.seatRow[p] = i;
  st.colOf[i] = j;
  st.posOf[i] = p;
}

export function unassign(st: State, i: number): void {
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
export function costAt(st: State, i: number, j: number): number {
  const { m, lo, hi, mask } = st;
  let s: number;
  if (st.dense !== null) {
    s = st.dense[i * m + j]!;
  } else {
    const k = findCell(st.rowStart!, st.colIdx!, i, j, st.sortedRows);
    s = k < 0 ? Number.NEGATIVE_INFINITY : st.val![k]!;
  }
  if (!(s >= lo && s <= hi) || (mask !== null && mask[i * m + j] !== 0)) return INF;
  return st.sign * s;
}

/** Cost of cell (i, j) ignoring the allowed range (for pinned cells). */
export function rawCost(st: State, i: number, j: number): number {
  if (st.dense !== null) return st.sign * st.dense[i * st.m + j]!;
  const k = findCell(st.rowStart!, st.colIdx!, i, j, st.sortedRows);
  return k < 0 ? INF : st.sign * st.val![k]!;
}

/** Updates potentials after a search that ended at distance `delta`, then augments. */
export function updatePotentials(st: State, nRows: number, nCols: number, delta: number): void {
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
export function augment(st: State, s: number, sink: number): void {
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
export function cheapestEviction(st: State, s: number, nRows: number): number {
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
export function finishSearch(
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
export function exhausted(st: State, balanced: boolean, s: number): SearchStatus {
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
