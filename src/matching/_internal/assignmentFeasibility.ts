/**
 * Maximum cardinality matching with mentor capacities (Hopcroft–Karp phases: a BFS layering from every free
 * row, then vertex-disjoint shortest augmenting paths by an iterative DFS), restricted to the cells whose
 * score lies in a range. Used by `bottleneckAssignment` to test thresholds.
 *
 * [Reference]: J. E. Hopcroft and R. M. Karp, "An n^{5/2} algorithm for maximum matchings in bipartite
 * graphs", SIAM Journal on Computing 2(4) (1973) 225–231.
 */
import type { Instance } from "./instance.js";

const INF = 0x7fffffff;

/** A reusable matcher over the unpinned rows of an instance; arrays allocated once. */
export interface Matcher {
  readonly inst: Instance;
  /** Rows to match (unpinned), and how many. */
  readonly rows: Int32Array;
  readonly nRows: number;
  /** Remaining capacity of each column (capacity minus pins, at most the number of rows). */
  readonly cap: Int32Array;
  readonly seatStart: Int32Array;
  readonly seatRow: Int32Array;
  readonly load: Int32Array;
  readonly colOf: Int32Array;
  readonly posOf: Int32Array;
  readonly dist: Int32Array;
  readonly queue: Int32Array;
  readonly stack: Int32Array;
  readonly cur: Int32Array;
  readonly hcur: Int32Array;
  /** Allowed score range of the current run. */
  lo: number;
  hi: number;
}

/** Creates a matcher for the unpinned rows, with capacities reduced by the pins. O(n + m). */
export function createMatcher(inst: Instance): Matcher {
  const n = inst.rows;
  const m = inst.cols;
  const rows = new Int32Array(n);
  let nRows = 0;
  const cap = new Int32Array(m);
  for (let j = 0; j < m; j++) cap[j] = inst.capacity[j]!;
  for (let i = 0; i < n; i++) {
    const pin = inst.pinnedMentor[i]!;
    if (pin >= 0) cap[pin]!--;
    else rows[nRows++] = i;
  }
  const seatStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) {
    cap[j] = Math.min(cap[j]!, nRows);
    seatStart[j + 1] = seatStart[j]! + cap[j]!;
  }
  return {
    inst,
    rows,
    nRows,
    cap,
    seatStart,
    seatRow: new Int32Array(seatStart[m]!),
    load: new Int32Array(m),
    colOf: new Int32Array(n).fill(-1),
    posOf: new Int32Array(n),
    dist: new Int32Array(n),
    queue: new Int32Array(n),
    stack: new Int32Array(n),
    cur: new Int32Array(n),
    hcur: new Int32Array(n),
    lo: -Number.MAX_VALUE,
    hi: Number.MAX_VALUE,
  };
}

// Seat bookkeeping is kept per file on purpose: one helper shared by the solver and the feasibility
// matcher sees two object shapes and measured ~12 % slower on OR-Library assignp5000.
function assign(mt: Matcher, i: number, j: number): void {
  const p = mt.seatStart[j]! + mt.load[j]!;
  mt.load[j]!++;
  mt.seatRow[p] = i;
  mt.colOf[i] = j;
  mt.posOf[i] = p;
}

function unassign(mt: Matcher, i: number): void {
  const j = mt.colOf[i]!;
  const p = mt.posOf[i]!;
  mt.load[j]!--;
  const last = mt.seatStart[j]! + mt.load[j]!;
  const r = mt.seatRow[last]!;
  mt.seatRow[p] = r;
  mt.posOf[r] = p;
  mt.colOf[i] = -1;
}

/** Whether cell (i, j) is allowed in the current range; `k` is the CSR index (or -1 for dense). */
function allowedAt(mt: Matcher, i: number, j: number, k: number): boolean {
  const { inst, lo, hi } = mt;
  const s = k < 0 ? inst.dense![i * inst.cols + j]! : inst.csr!.value[k]!;
  if (!(s >= lo && s <= hi)) return false;
  return inst.forbidden === null || inst.forbidden[i * inst.cols + j] === 0;
}

/**
 * Maximum number of rows matched using only cells with a score in `[lo, hi]`. Keeps the pairs of the
 * current matching that are still allowed (a warm start) and augments. O(√n · nnz) per call.
 *
 * @returns the size of the matching; the matching itself stays in `mt.colOf`.
 */
export function maximumMatching(mt: Matcher, lo: number, hi: number): number {
  mt.lo = lo;
  mt.hi = hi;
  const { inst, rows, nRows, colOf, load, cap, dist, queue, seatStart, seatRow, stack, cur, hcur } = mt;
  const m = inst.cols;
  const dense = inst.dense;
  const rowStart = inst.csr === null ? null : inst.csr.rowStart;
  const colIdx = inst.csr === null ? null : inst.csr.col;
  // Warm start: drop pairs no longer allowed.
  let size = 0;
  for (let t = 0; t < nRows; t++) {
    const i = rows[t]!;
    const j = colOf[i]!;
    if (j < 0) continue;
    let k = -1;
    if (rowStart !== null) {
      for (let q = rowStart[i]!; q < rowStart[i + 1]!; q++) {
        if (colIdx![q] === j) {
          k = q;
          break;
        }
      }
    }
    if (allowedAt(mt, i, j, k)) size++;
    else unassign(mt, i);
  }
  // Greedy: a free row takes its first allowed column with a free seat.
  for (let t = 0; t < nRows; t++) {
    const i = rows[t]!;
    if (colOf[i] !== -1) continue;
    const start = dense !== null ? 0 : rowStart![i]!;
    const end = dense !== null ? m : rowStart![i + 1]!;
    for (let q = start; q < end; q++) {
      const j = dense !== null ? q : colIdx![q]!;
      if (load[j]! < cap[j]! && allowedAt(mt, i, j, dense !== null ? -1 : q)) {
        assign(mt, i, j);
        size++;
        break;
      }
    }
  }
  for (;;) {
    // BFS layering from the free rows.
    let qh = 0;
    let qt = 0;
    for (let t = 0; t < nRows; t++) {
      const i = rows[t]!;
      if (colOf[i] === -1) {
        dist[i] = 0;
        queue[qt++] = i;
      } else {
        dist[i] = INF;
      }
    }
    let found = INF;
    while (qh < qt) {
      const i = queue[qh++]!;
      if (dist[i]! >= found) continue;
      const start = dense !== null ? 0 : rowStart![i]!;
      const end = dense !== null ? m : rowStart![i + 1]!;
      for (let q = start; q < end; q++) {
        const j = dense !== null ? q : colIdx![q]!;
        if (!allowedAt(mt, i, j, dense !== null ? -1 : q)) continue;
        if (load[j]! < cap[j]!) {
          if (found === INF) found = dist[i]!;
          continue;
        }
        const s0 = seatStart[j]!;
        const cnt = load[j]!;
        for (let h = 0; h < cnt; h++) {
          const r = seatRow[s0 + h]!;
          if (dist[r] === INF) {
            dist[r] = dist[i]! + 1;
            queue[qt++] = r;
          }
        }
      }
    }
    if (found === INF) return size;
    // DFS from each free row along the layers.
    let augmented = 0;
    for (let t = 0; t < nRows; t++) {
      const root = rows[t]!;
      if (colOf[root] !== -1 || dist[root] !== 0) continue;
      let top = 0;
      stack[0] = root;
      cur[root] = dense !== null ? 0 : rowStart![root]!;
      hcur[root] = 0;
      while (top >= 0) {
        const i = stack[top]!;
        const end = dense !== null ? m : rowStart![i + 1]!;
        let pushed = false;
        let done = false;
        while (cur[i]! < end) {
          const q = cur[i]!;
          const j = dense !== null ? q : colIdx![q]!;
          if (hcur[i] === 0 && !allowedAt(mt, i, j, dense !== null ? -1 : q)) {
            cur[i]!++;
            continue;
          }
          if (load[j]! < cap[j]!) {
            // Augment: stack[top] takes j, each row below takes the column of the row above it.
            let target = j;
            for (let s = top; s >= 0; s--) {
              const r = stack[s]!;
              const old = colOf[r]!;
              if (old >= 0) unassign(mt, r);
              assign(mt, r, target);
              target = old;
            }
            done = true;
            break;
          }
          const s0 = seatStart[j]!;
          const cnt = load[j]!;
          while (hcur[i]! < cnt) {
            const r = seatRow[s0 + hcur[i]!]!;
            hcur[i]!++;
            if (dist[r] === dist[i]! + 1) {
              stack[++top] = r;
              cur[r] = dense !== null ? 0 : rowStart![r]!;
              hcur[r] = 0;
              pushed = true;
              break;
            }
          }
          if (pushed) break;
          cur[i]!++;
          hcur[i] = 0;
        }
        if (done) break;
        if (!pushed) {
          dist[i] = INF; // dead end for this phase
          top--;
        }
      }
      if (top >= 0) {
        augmented++;
        size++;
      }
    }
    if (augmented === 0) return size;
  }
}
