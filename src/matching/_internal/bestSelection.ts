/**
 * Selection of a line's best candidates for `ScoreStream` (scoreStream.ts): quickselect by (score desc,
 * key asc), sort of the selected range, and the insertion buffer of small rounds. Together in one file, so
 * that their calls to each other stay within a module.
 */

/** Whether candidate a comes before candidate b: higher score, then lower key. */
export function before(sa: number, ka: number, sb: number, kb: number): boolean {
  return sa > sb || (sa === sb && ka < kb);
}

export function swap(ts: Int32Array, ss: Float64Array, a: number, b: number): void {
  const t = ts[a]!;
  ts[a] = ts[b]!;
  ts[b] = t;
  const s = ss[a]!;
  ss[a] = ss[b]!;
  ss[b] = s;
}

/**
 * Hoare-style partition of `[lo, hi]` around the median of three; returns the final pivot index, with
 * every entry before it not after the pivot and every entry after it not before.
 */
export function partition(ts: Int32Array, ss: Float64Array, key: Int32Array, lo: number, hi: number): number {
  const mid = (lo + hi) >>> 1;
  if (before(ss[mid]!, key[ts[mid]!]!, ss[lo]!, key[ts[lo]!]!)) swap(ts, ss, mid, lo);
  if (before(ss[hi]!, key[ts[hi]!]!, ss[lo]!, key[ts[lo]!]!)) swap(ts, ss, hi, lo);
  if (before(ss[hi]!, key[ts[hi]!]!, ss[mid]!, key[ts[mid]!]!)) swap(ts, ss, hi, mid);
  // Now lo ≤ mid ≤ hi in order; use mid as the pivot, parked at hi - 1.
  swap(ts, ss, mid, hi - 1);
  const ps = ss[hi - 1]!;
  const pk = key[ts[hi - 1]!]!;
  let i = lo;
  let j = hi - 1;
  for (;;) {
    do i++;
    while (before(ss[i]!, key[ts[i]!]!, ps, pk));
    do j--;
    while (before(ps, pk, ss[j]!, key[ts[j]!]!));
    if (i >= j) break;
    swap(ts, ss, i, j);
  }
  swap(ts, ss, i, hi - 1);
  return i;
}

/** Rearranges `[lo, hi]` so that its best `k` entries (in stream order) come first. Expected O(hi - lo). */
export function selectBest(
  ts: Int32Array,
  ss: Float64Array,
  key: Int32Array,
  lo: number,
  hi: number,
  k: number,
): void {
  const want = lo + k;
  while (hi - lo > 8) {
    const p = partition(ts, ss, key, lo, hi);
    if (p === want || p === want - 1) return;
    if (p < want) lo = p + 1;
    else hi = p - 1;
  }
  sortBest(ts, ss, key, lo, hi);
}

/** Sorts `[lo, hi]` in stream order (quicksort, insertion sort for short runs). O(r log r) expected. */
export function sortBest(ts: Int32Array, ss: Float64Array, key: Int32Array, lo: number, hi: number): void {
  while (hi - lo > 16) {
    const p = partition(ts, ss, key, lo, hi);
    if (p - lo < hi - p) {
      sortBest(ts, ss, key, lo, p - 1);
      lo = p + 1;
    } else {
      sortBest(ts, ss, key, p + 1, hi);
      hi = p - 1;
    }
  }
  for (let a = lo + 1; a <= hi; a++) {
    const t = ts[a]!;
    const s = ss[a]!;
    const k = key[t]!;
    let b = a;
    while (b > lo && before(s, k, ss[b - 1]!, key[ts[b - 1]!]!)) {
      ts[b] = ts[b - 1]!;
      ss[b] = ss[b - 1]!;
      b--;
    }
    ts[b] = t;
    ss[b] = s;
  }
}

/**
 * Inserts (t, s) into the sorted run `outT/outS[base .. base + len)` (score desc, key asc), dropping the
 * last entry when the run already holds `k`. Returns the new length.
 */
export function insertSorted(
  outT: Int32Array,
  outS: Float64Array,
  base: number,
  len: number,
  k: number,
  t: number,
  s: number,
  kt: number,
  key: Int32Array,
): number {
  let at = len < k ? len++ : k - 1;
  while (at > 0) {
    const ps = outS[base + at - 1]!;
    if (ps > s || (ps === s && key[outT[base + at - 1]!]! < kt)) break;
    outT[base + at] = outT[base + at - 1]!;
    outS[base + at] = ps;
    at--;
  }
  outT[base + at] = t;
  outS[base + at] = s;
  return len;
}
