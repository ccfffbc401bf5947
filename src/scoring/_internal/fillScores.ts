/** The scorer's hot loop: every mentee's row of every criterion, accumulated into the score matrix. */
import type { CompiledCriterion, Kernel } from "./kernel.js";

/** The matrices of one scoring call, row-major mentees × mentors. */
export interface ScoreMatrices {
  /** Each pair's score in [0, 1] (also for ineligible pairs). */
  readonly scores: Float64Array;
  /** The score for an eligible pair, −Infinity for one a `must` criterion rules out. */
  readonly instanceScores: Float64Array;
  /** 1 = no `must` criterion rules the pair out. */
  readonly eligible: Uint8Array;
}

/**
 * Fills the score matrix: one row of one criterion at a time into a buffer, then accumulated with the
 * criterion's share of the weights; a `must` criterion clears `eligible` below its threshold. Allocates
 * the three matrices and two row buffers once; nothing per pair. O(rows × cols × criteria).
 *
 * @param share - each criterion's weight over the sum of weights.
 * @param onProgress - called with the rows done every 64 rows and at the end.
 */
export function fillScores(
  criteria: readonly CompiledCriterion[],
  kernels: readonly Kernel[],
  share: Float64Array,
  rows: number,
  cols: number,
  onProgress: ((done: number, total: number) => void) | undefined,
): ScoreMatrices {
  const cells = rows * cols;
  const scores = new Float64Array(cells);
  const instanceScores = new Float64Array(cells);
  const eligible = new Uint8Array(cells).fill(1);
  const buf = new Float64Array(Math.max(1, cols));
  const acc = new Float64Array(Math.max(1, cols));
  const active = criteria.map((_c, k) => k).filter((k) => share[k]! > 0 || criteria[k]!.must);
  const NEG = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < rows; i++) {
    if (onProgress !== undefined && (i & 63) === 0) onProgress(i, rows);
    const base = i * cols;
    acc.fill(0);
    for (const k of active) {
      const kernel = kernels[k]!;
      const f = share[k]!;
      const must = criteria[k]!.must;
      if (must && kernel.fail !== undefined) {
        kernel.fail(i, eligible, base, criteria[k]!.threshold);
        if (f === 0) continue;
      }
      if ((!must || kernel.fail !== undefined) && kernel.add?.(i, acc, f) === true) continue;
      kernel.row(i, buf);
      if (f > 0) for (let j = 0; j < cols; j++) acc[j]! += f * buf[j]!;
      if (must && kernel.fail === undefined) {
        const thr = criteria[k]!.threshold;
        for (let j = 0; j < cols; j++) if (buf[j]! < thr) eligible[base + j] = 0;
      }
    }
    for (let j = 0; j < cols; j++) {
      const v = Math.min(Math.max(acc[j]!, 0), 1);
      scores[base + j] = v;
      instanceScores[base + j] = eligible[base + j] === 1 ? v : NEG;
    }
  }
  onProgress?.(rows, rows);
  return { scores, instanceScores, eligible };
}
