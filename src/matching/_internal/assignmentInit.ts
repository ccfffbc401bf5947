/**
 * The assignment solver's initialisation (Jonker–Volgenant 1987): row scans, column reduction with
 * reduction transfer, augmenting row reduction, and the plain row reduction of unbalanced problems.
 */
import { assign, type State, unassign } from "./assignmentState.js";

/**
 * A local constant, not an import: an imported binding is a load and a check per use in the hot loops
 * (the split solver measured 1.09–1.14× CPU time with it imported, about 1.0× with it local; in-process
 * A/B, alternating, on a loaded machine).
 */
const INF = Number.POSITIVE_INFINITY;

/** Smallest and second smallest reduced cost `cost(i, j) - v[j]` of row i (ties: lower column first). */
export function rowScan(st: State, i: number): void {
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
    // Long rows: the cheap cells first; every other cell costs at least cheapBelow, so its reduced cost
    // is at least cheapBelow - vmax: the whole row is read only if that is below the second least so far
    // (and then the cheap cells, already seen, are skipped). Two loops with the same update, not one loop
    // over two passes: that one measured 1.02–1.16× the public call's CPU time on the OR-Library sparse
    // instances (in-process A/B, alternating, two runs).
    const rs = st.srow!;
    const cheapRow = st.cheapRow;
    const cheapBelow = st.cheapBelow;
    const start = rs[i]!;
    if (cheapRow !== null) {
      const ci = st.cheapCol!;
      const cost = st.cheapCost!;
      const end = cheapRow[i + 1]!;
      for (let k = cheapRow[i]!; k < end; k++) {
        const j = ci[k]!;
        const h = cost[k]! - v[j]!;
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
    if (cheapRow === null || cheapBelow - st.vmax < second) {
      const ci = st.scol!;
      const cost = st.scost!;
      const costSign = st.costSign;
      const end = rs[i + 1]!;
      for (let k = start; k < end; k++) {
        const j = ci[k]!;
        const c = costSign * cost[k]!; // +Infinity when not allowed
        if (c < cheapBelow) continue; // in the cheap copy, seen above
        const h = c - v[j]!;
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
export function columnReduction(st: State, rows: Int32Array, nRows: number): number {
  const { m, lo, hi, mask, sign, v, cap } = st;
  let colMin = st.d;
  let colArg = st.pred;
  const found = st.csrGraph;
  if (found !== null && found.colMin !== null) {
    // Found while the cheap copy was made (cheapCopy in assignmentBands.ts).
    colMin = found.colMin;
    colArg = found.colArg!;
  } else if (st.dense === null) {
    colMin.fill(INF);
    colArg.fill(-1);
    columnMinimaCsr(st, rows, nRows, colMin, colArg);
  } else {
    colMin.fill(INF);
    colArg.fill(-1);
    const S = st.dense;
    for (let t = 0; t < nRows; t++) {
      const i = rows[t]!;
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
  // The row scans from here on skip bands by the largest column potential; it only drops from now on.
  let vmax = m === 0 ? 0 : v[0]!;
  for (let j = 1; j < m; j++) if (v[j]! > vmax) vmax = v[j]!;
  st.vmax = vmax;
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

/**
 * The column minima of {@link columnReduction} on CSR rows without a cheap copy, from the search's
 * costs (+Infinity on the cells not allowed): one tight pass over the cells, no checks. Rows come in
 * increasing order, so the first row at a column's minimum keeps it (ties: lower row). O(nnz).
 */
function columnMinimaCsr(
  st: State,
  rows: Int32Array,
  nRows: number,
  colMin: Float64Array,
  colArg: Int32Array,
): void {
  const { costSign } = st;
  const rs = st.srow!;
  const ci = st.scol!;
  const cost = st.scost!;
  for (let t = 0; t < nRows; t++) {
    const i = rows[t]!;
    const end = rs[i + 1]!;
    for (let k = rs[i]!; k < end; k++) {
      // A cell not allowed costs +Infinity: never below a column's minimum.
      const c = costSign * cost[k]!;
      const j = ci[k]!;
      if (c < colMin[j]!) {
        colMin[j] = c;
        colArg[j] = i;
      }
    }
  }
}

/** Like {@link rowScan}, skipping column `skip`; only `st.scanMin` is meaningful afterwards. */
export function rowScanExcluding(st: State, i: number, skip: number): void {
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
    // As in rowScan: the cheap cells first, the whole row only if one of its other cells can be lower.
    const rs = st.srow!;
    const cheapRow = st.cheapRow;
    const start = rs[i]!;
    if (cheapRow !== null) {
      const ci = st.cheapCol!;
      const cost = st.cheapCost!;
      const end = cheapRow[i + 1]!;
      for (let k = cheapRow[i]!; k < end; k++) {
        const j = ci[k]!;
        if (j === skip) continue;
        const h = cost[k]! - v[j]!;
        if (h < min) min = h;
      }
    }
    if (cheapRow === null || st.cheapBelow - st.vmax < min) {
      const ci = st.scol!;
      const cost = st.scost!;
      const costSign = st.costSign;
      const end = rs[i + 1]!;
      for (let k = start; k < end; k++) {
        const j = ci[k]!;
        if (j === skip) continue;
        const h = costSign * cost[k]! - v[j]!; // +Infinity when not allowed
        if (h < min) min = h;
      }
    }
  }
  st.scanMin = min;
}

/**
 * Jonker–Volgenant augmenting row reduction, `passes` passes over the free rows (JV make two), with
 * capacities: a column's price only drops when the incoming row is then its only holder (balanced) or it
 * becomes full with this row alone (general start), so every other holder stays tight. Rows it cannot seat
 * are left for the search. Returns the new number of free rows in `st.freeRows`.
 */
export function augmentingRowReduction(
  st: State,
  nFree: number,
  balanced: boolean,
  budgetPerRow: number,
  passes: number,
): number {
  const { v, cap, load } = st;
  const free = st.freeRows;
  // Bound the work (JV's loop ends in practice; the bound guarantees it).
  let budget = budgetPerRow * st.n + 1000;
  for (let pass = 0; pass < passes; pass++) {
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
export function rowReduction(st: State, rows: Int32Array, nRows: number): number {
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
export function settleRowPotential(st: State, i: number): void {
  rowScan(st, i);
  let min = st.scanMin === INF ? 0 : st.scanMin;
  if (min > st.dummy) min = st.dummy;
  st.u[i] = min;
}
