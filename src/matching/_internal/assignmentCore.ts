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
 * CSR rows of 32 cells and more on average also get a copy of each row's cheap cells (assignmentBands.ts),
 * read first: a search, or a row scan, reads the rest of a row only when a cell there could beat what it
 * already has — so it skips exactly cells a full scan would have passed over.
 *
 * Memory: O(n + m + seats) typed arrays, plus O(32·n) for the candidate graph and O(nnz) for the cheap
 * copy of long CSR rows (its buffer reused by the next solve); dense scores are only read, never copied.
 *
 * The solver in six files, one job each: assignmentState.ts (the problem, the state of one solve and
 * the steps every search ends with), assignmentBands.ts (what the sparse solver reads of CSR scores),
 * assignmentInit.ts (the Jonker–Volgenant initialisation), assignmentDense.ts and assignmentSparse.ts
 * (the two searches), and this file (the attempts, the
 * sparsified driver and its candidate graph, and `solveAssignment`).
 */
import {
  CANDIDATES_EXHAUSTED,
  type CoreProblem,
  type CoreSolution,
  costAt,
  createState,
  DONE,
  initialHeapLength,
  rawCost,
  resetState,
  type SearchStatus,
  SPARSIFY_MIN_COLS,
  type State,
  unassign,
  UNBALANCED,
} from "./assignmentState.js";
import {
  augmentingRowReduction,
  columnReduction,
  rowReduction,
  settleRowPotential,
} from "./assignmentInit.js";
import { releaseSearchGraph } from "./assignmentBands.js";
import { searchDense } from "./assignmentDense.js";
import { searchSparse, startSparseSearches } from "./assignmentSparse.js";
import { progressTick } from "./progress.js";
export type { CardinalityMode, CoreProblem, CoreSolution } from "./assignmentState.js";

/**
 * A local constant, not an import: an imported binding is a load and a check per use in the hot loops
 * (the split solver measured 1.09–1.14× CPU time with it imported, about 1.0× with it local; in-process
 * A/B, alternating, on a loaded machine).
 */
const INF = Number.POSITIVE_INFINITY;

/** One attempt: initialisation, then a search per free row. Returns how it ended. */
function run(st: State, rows: Int32Array, nRows: number, balanced: boolean, sparsify: boolean): SearchStatus {
  resetState(st);
  let nFree: number;
  if (balanced) {
    nFree = columnReduction(st, rows, nRows);
    if (nFree < 0) return UNBALANCED;
    // The augmenting row reduction pays off before full-row searches; candidate searches are cheap. On
    // CSR rows six passes instead of JV's two: a row it seats is a search saved, and a pass costs a row
    // scan per free row (OR-Library, free rows left for the searches: assignp3000 152 → 109, assignp5000
    // 228 → 180; the public call 0.88× the CPU time at assignp3000, 0.93–0.95× at assignp5000, 1.0× at
    // assignp800 and assignp1500; in-process A/B, alternating, two runs).
    if (!sparsify) nFree = augmentingRowReduction(st, nFree, true, 8, st.dense === null ? 6 : 2);
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
    if (st.dummy === INF) nFree = augmentingRowReduction(st, nFree, false, 8, 2);
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
    if ((t & 31) === 0) progressTick(t, nFree);
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
  // The searches read the candidates as they are: they are few, nothing to skip.
  st.srow = rowStart;
  st.scol = col;
  st.scost = val;
  st.costSign = sign;
  st.sortedRows = false; // candidates come in heap order
  if (st.heapKey === null) {
    // The search grows the heap when it needs more (growHeap).
    st.heapKey = new Float64Array(initialHeapLength(m));
    st.heapCol = new Int32Array(initialHeapLength(m));
  }
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
        if ((t & 31) === 0) progressTick(t, pending);
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
    st.dense = S;
    st.rowStart = null;
    st.colIdx = null;
    st.val = null;
    st.srow = null;
    st.scol = null;
    st.scost = null;
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
  const { inst } = p;
  const n = inst.rows;
  const rows = new Int32Array(n);
  let nRows = 0;
  for (let i = 0; i < n; i++) if (inst.pinnedMentor[i]! < 0) rows[nRows++] = i;
  const st = createState(p, rows, nRows);
  try {
    return solveWith(p, st, rows, nRows);
  } finally {
    releaseSearchGraph(st.csrGraph);
    st.scratch.release();
  }
}

/** The body of {@link solveAssignment} on a state made for it. */
function solveWith(p: CoreProblem, st: State, rows: Int32Array, nRows: number): CoreSolution {
  const { inst } = p;
  const n = st.n;
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
      st.vmax = 0; // the row scans below read it
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
