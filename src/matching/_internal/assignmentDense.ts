/** The assignment solver's shortest augmenting path on dense scores (one O(m) pass per step). */
import {
  cheapestEviction,
  DONE,
  exhausted,
  finishSearch,
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
 * Relaxes row `r` (reached at distance `minVal`) on dense scores: `d[j] = min(d[j], minVal + reduced cost)`
 * over the columns not yet scanned. Columns are visited in index order (sequential memory access).
 */
export function relaxDense(st: State, r: number, minVal: number): void {
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
export function searchDense(st: State, s: number, balanced: boolean): SearchStatus {
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
