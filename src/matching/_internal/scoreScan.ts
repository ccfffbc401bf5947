/**
 * The dense scans of `ScoreStream` (scoreStream.ts): one pass over a line keeping its best candidates,
 * over a flat `Float64Array` ({@link scanDense}) or over the caller's `number[][]` row ({@link scanRow}).
 */
import { assertValidScore } from "./denseScores.js";
import { insertSorted } from "./bestSelection.js";

// Local constants, not imports: an imported binding is a load and a check per use in the hot loops.
const NEG = Number.NEGATIVE_INFINITY;
const POS = Number.POSITIVE_INFINITY;

/** What the scans read of a `ScoreStream`. */
export interface ScanSource {
  readonly cols: number;
  /** Tie key of each target (lower = preferred among equal scores). */
  readonly key: Int32Array;
  /** The flat matrix, or null when the scores are the caller's rows (or CSR). */
  readonly dense: Float64Array | null;
  /** The caller's rows (mentee side), or null. */
  readonly rows: readonly (readonly number[])[] | null;
  readonly forbidden: Uint8Array | null;
  readonly minScore: number;
  /** Cell of (line, target) in `dense` = line * lineStride + target * targetStride. */
  readonly lineStride: number;
  readonly targetStride: number;
  /** Targets per line. */
  readonly targets: number;
}

/**
 * Throws the `INVALID_SCORE` error of a dense cell (a NaN or +Infinity met while reading a line), given
 * by its index in the forbidden mask (row-major).
 */
function rejectCell(st: ScanSource, s: number, cell: number): void {
  assertValidScore(s, Math.floor(cell / st.cols), cell % st.cols);
}

/**
 * The dense part of `ScoreStream.select`: one pass over line p keeping the best `k` candidates
 * that are after (afterS, afterKey) and score at least `floor`. Returns how many it kept (≤ k).
 *
 * Every cell read is checked for NaN / +Infinity before anything else is done with it (a cell skipped
 * for being below the bar is a number): the first bad cell of the line throws. The bar is `floor` until
 * k are kept, then the worst kept score. The scan loops hold no call and no store and test four cells
 * per step: V8 re-checks a typed array's map and length on every loop iteration, so this halves the
 * cost of a cell (measured on 5000 × 5000). The floored fill and the final scan are two loops of one
 * shape on purpose: a single loop with a moving bar measured 10–15 % slower.
 *
 * The caller's rows (`scoreRows`) are scanned by {@link scanRow}, the same loop over
 * another element kind.
 */
export function scanDense(
  st: ScanSource,
  p: number,
  afterS: number,
  afterKey: number,
  k: number,
  outT: Int32Array,
  outS: Float64Array,
  base: number,
  floor: number,
): number {
  if (st.rows !== null) return scanRow(st, p, afterS, afterKey, k, outT, outS, base, floor);
  const dense = st.dense!;
  const shift = 0;
  let cell = p * st.lineStride;
  // ── scan (the same text in scanRow) ──
  const key = st.key;
  const forbidden = st.forbidden;
  const minScore = st.minScore;
  const step = st.targetStride;
  const step4 = 4 * step;
  const count = st.targets;
  let t = 0;
  let len = 0;
  let worstS = NEG;
  let worstK = -1;
  if (floor === NEG) {
    // Phase 1: every cell is a candidate until k are kept.
    for (; t < count && len < k; t++, cell += step) {
      const s = dense[cell]!;
      if (!(s < POS)) rejectCell(st, s, cell + shift);
      if (s === NEG || s < minScore || s > afterS) continue;
      const kt = key[t]!;
      if (s === afterS && kt <= afterKey) continue;
      if (forbidden !== null && forbidden[cell + shift] !== 0) continue;
      len = insertSorted(outT, outS, base, len, k, t, s, kt, key);
    }
  } else {
    // Phase 1 with a floor: cells below it are skipped, four per step, until k are kept.
    while (len < k) {
      while (
        t + 4 <= count &&
        dense[cell]! < floor &&
        dense[cell + step]! < floor &&
        dense[cell + 2 * step]! < floor &&
        dense[cell + 3 * step]! < floor
      ) {
        t += 4;
        cell += step4;
      }
      let s = 0;
      while (t < count && (s = dense[cell]!) < floor) {
        t++;
        cell += step;
      }
      if (t >= count) return len;
      const at = t;
      const atCell = cell;
      t++;
      cell += step;
      if (!(s < POS)) rejectCell(st, s, atCell + shift);
      if (s > afterS || s < minScore) continue;
      const kt = key[at]!;
      if (s === afterS && kt <= afterKey) continue;
      if (forbidden !== null && forbidden[atCell + shift] !== 0) continue;
      len = insertSorted(outT, outS, base, len, k, at, s, kt, key);
    }
  }
  if (len < k) return len;
  worstS = outS[base + k - 1]!;
  worstK = key[outT[base + k - 1]!]!;
  // Phase 2: cells below the worst kept score are skipped, four per step.
  for (;;) {
    while (
      t + 4 <= count &&
      dense[cell]! < worstS &&
      dense[cell + step]! < worstS &&
      dense[cell + 2 * step]! < worstS &&
      dense[cell + 3 * step]! < worstS
    ) {
      t += 4;
      cell += step4;
    }
    let s = 0;
    while (t < count && (s = dense[cell]!) < worstS) {
      t++;
      cell += step;
    }
    if (t >= count) return len;
    const at = t;
    const atCell = cell;
    t++;
    cell += step;
    if (!(s < POS)) rejectCell(st, s, atCell + shift);
    if (s > afterS || s < minScore) continue;
    const kt = key[at]!;
    if ((s === afterS && kt <= afterKey) || (s === worstS && kt > worstK)) continue;
    if (forbidden !== null && forbidden[atCell + shift] !== 0) continue;
    insertSorted(outT, outS, base, len, k, at, s, kt, key);
    worstS = outS[base + k - 1]!;
    worstK = key[outT[base + k - 1]!]!;
  }
}

/**
 * {@link scanDense} over the caller's row p (`scoreRows`, mentee side), read from index 0;
 * `shift` turns an index into the row into the row-major cell of the forbidden mask. The scan is the
 * same text as scanDense's (a test holds them in step): one loop serving both a `Float64Array` and
 * JS arrays would see two element kinds at its loads, and that made the flat matrix's deferred
 * acceptance and greedy 15–20 % slower in a process that also used rows (CPU, 5000 × 5000).
 */
export function scanRow(
  st: ScanSource,
  p: number,
  afterS: number,
  afterKey: number,
  k: number,
  outT: Int32Array,
  outS: Float64Array,
  base: number,
  floor: number,
): number {
  const dense = st.rows![p]!;
  const shift = p * st.cols;
  let cell = 0;
  // ── scan (the same text in scanDense) ──
  const key = st.key;
  const forbidden = st.forbidden;
  const minScore = st.minScore;
  const step = st.targetStride;
  const step4 = 4 * step;
  const count = st.targets;
  let t = 0;
  let len = 0;
  let worstS = NEG;
  let worstK = -1;
  if (floor === NEG) {
    // Phase 1: every cell is a candidate until k are kept.
    for (; t < count && len < k; t++, cell += step) {
      const s = dense[cell]!;
      if (!(s < POS)) rejectCell(st, s, cell + shift);
      if (s === NEG || s < minScore || s > afterS) continue;
      const kt = key[t]!;
      if (s === afterS && kt <= afterKey) continue;
      if (forbidden !== null && forbidden[cell + shift] !== 0) continue;
      len = insertSorted(outT, outS, base, len, k, t, s, kt, key);
    }
  } else {
    // Phase 1 with a floor: cells below it are skipped, four per step, until k are kept.
    while (len < k) {
      while (
        t + 4 <= count &&
        dense[cell]! < floor &&
        dense[cell + step]! < floor &&
        dense[cell + 2 * step]! < floor &&
        dense[cell + 3 * step]! < floor
      ) {
        t += 4;
        cell += step4;
      }
      let s = 0;
      while (t < count && (s = dense[cell]!) < floor) {
        t++;
        cell += step;
      }
      if (t >= count) return len;
      const at = t;
      const atCell = cell;
      t++;
      cell += step;
      if (!(s < POS)) rejectCell(st, s, atCell + shift);
      if (s > afterS || s < minScore) continue;
      const kt = key[at]!;
      if (s === afterS && kt <= afterKey) continue;
      if (forbidden !== null && forbidden[atCell + shift] !== 0) continue;
      len = insertSorted(outT, outS, base, len, k, at, s, kt, key);
    }
  }
  if (len < k) return len;
  worstS = outS[base + k - 1]!;
  worstK = key[outT[base + k - 1]!]!;
  // Phase 2: cells below the worst kept score are skipped, four per step.
  for (;;) {
    while (
      t + 4 <= count &&
      dense[cell]! < worstS &&
      dense[cell + step]! < worstS &&
      dense[cell + 2 * step]! < worstS &&
      dense[cell + 3 * step]! < worstS
    ) {
      t += 4;
      cell += step4;
    }
    let s = 0;
    while (t < count && (s = dense[cell]!) < worstS) {
      t++;
      cell += step;
    }
    if (t >= count) return len;
    const at = t;
    const atCell = cell;
    t++;
    cell += step;
    if (!(s < POS)) rejectCell(st, s, atCell + shift);
    if (s > afterS || s < minScore) continue;
    const kt = key[at]!;
    if ((s === afterS && kt <= afterKey) || (s === worstS && kt > worstK)) continue;
    if (forbidden !== null && forbidden[atCell + shift] !== 0) continue;
    insertSorted(outT, outS, base, len, k, at, s, kt, key);
    worstS = outS[base + k - 1]!;
    worstK = key[outT[base + k - 1]!]!;
  }
}
