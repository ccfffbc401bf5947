/** The assignment solver's shortest augmenting path on CSR scores (4-ary heap, touched columns only). */
import {
  cheapestEviction,
  DONE,
  exhausted,
  finishSearch,
  growHeap,
  type SearchStatus,
  type State,
} from "./assignmentState.js";

/**
 * A local constant, not an import: an imported binding is a load and a check per use in the hot loops
 * (the split solver measured 1.09–1.14× CPU time with it imported, about 1.0× with it local; in-process
 * A/B, alternating, on a loaded machine).
 */
const INF = Number.POSITIVE_INFINITY;

/**
 * Prepares the sparse searches: every distance +Infinity. Each search then resets only the columns it
 * touched, when the next one starts.
 */
export function startSparseSearches(st: State): void {
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
export function searchSparse(st: State, s: number, balanced: boolean): SearchStatus {
  const { u, v, d, pred, cap, load, seatStart, seatRow, scannedCols, scannedRows, rowDist, touched } = st;
  const rs = st.srow!;
  const rowCol = st.scol!;
  const rowCost = st.scost!;
  const rowSign = st.costSign;
  const cheapRow = st.cheapRow;
  const cheapCol = st.cheapCol;
  const cheapCost = st.cheapCost;
  const cheapBelow = st.cheapBelow;
  const vmax = st.vmax;
  let hk = st.heapKey!;
  let hc = st.heapCol!;
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
      // Long rows: the cheap cells first (pass 0), then the whole row (pass 1) only if a cell outside the
      // cheap copy can still beat the nearest free seat: each such cell's reduced cost is at least
      // h + cheapBelow - vmax, computed in the same order as red, so never above it. (A row read in full
      // meets its cheap cells again: their distances are already recorded and nothing changes.)
      for (let pass = cheapRow === null ? 1 : 0; pass < 2; pass++) {
        let ci = rowCol;
        let cost = rowCost;
        let costSign = rowSign;
        let k = rs[r]!;
        let end = rs[r + 1]!;
        if (pass === 0) {
          ci = cheapCol!;
          cost = cheapCost!;
          costSign = 1;
          k = cheapRow![r]!;
          end = cheapRow![r + 1]!;
        } else if (cheapRow !== null && !(h + cheapBelow - vmax < bestFree)) {
          break;
        }
        for (; k < end; k++) {
          const j = ci[k]!;
          const red = h + costSign * cost[k]! - v[j]!; // +Infinity when not allowed
          // A column no nearer than the nearest free seat is never popped (the search ends there first):
          // its distance is not even recorded. Keep this test before the load of d[j]: the other order
          // (and a four-cell unrolled pre-test on d) measured 1.2–1.5× the CPU time on the OR-Library
          // sparse instances (in-process A/B, V8 in Node 20).
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
          // push (red, j) into the 4-ary heap (stale entries stay until popped; it grows when full)
          if (hs === hk.length) {
            growHeap(st, hs);
            hk = st.heapKey!;
            hc = st.heapCol!;
          }
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
