/**
 * Instances derived from today's instance: the same instance with more pairs forbidden (the pairs the
 * coordinator ended), and the residual problem of the people still to be placed over the free seats.
 */
import type { CsrScores, MatchingInstance, ScoreInput } from "../../matching/types.js";
import { isCsr, type Shape } from "./cells.js";

/**
 * The instance with the given cells forbidden on top of its own `forbidden` mask (copied, never changed in
 * place). O(n·m) for the mask when cells are given; the instance itself when none are.
 */
export function withForbidden(
  instance: MatchingInstance,
  shape: Shape,
  cells: readonly { readonly mentee: number; readonly mentor: number }[],
): MatchingInstance {
  if (cells.length === 0) return instance;
  const mask =
    instance.forbidden === undefined
      ? new Uint8Array(shape.rows * shape.cols)
      : Uint8Array.from(instance.forbidden);
  for (const c of cells) mask[c.mentee * shape.cols + c.mentor] = 1;
  return { ...instance, forbidden: mask };
}

/** The scores of the given rows only, in the same form as given. O(rows kept × m) dense. */
function subScores(scores: ScoreInput, shape: Shape, keep: Int32Array): ScoreInput {
  const r = keep.length;
  if (scores instanceof Float64Array) {
    const out = new Float64Array(r * shape.cols);
    for (let t = 0; t < r; t++) {
      const base = keep[t]! * shape.cols;
      out.set(scores.subarray(base, base + shape.cols), t * shape.cols);
    }
    return out;
  }
  if (isCsr(scores)) {
    let nnz = 0;
    for (let t = 0; t < r; t++) nnz += scores.rowStart[keep[t]! + 1]! - scores.rowStart[keep[t]!]!;
    const rowStart = new Int32Array(r + 1);
    const col = new Int32Array(nnz);
    const value = new Float64Array(nnz);
    let k = 0;
    for (let t = 0; t < r; t++) {
      const i = keep[t]!;
      for (let q = scores.rowStart[i]!; q < scores.rowStart[i + 1]!; q++) {
        col[k] = scores.col[q]!;
        value[k] = scores.value[q]!;
        k++;
      }
      rowStart[t + 1] = k;
    }
    return { rows: r, cols: shape.cols, rowStart, col, value } satisfies CsrScores;
  }
  const rows = scores as readonly (readonly number[])[];
  return Array.from(keep, (i) => rows[i]!);
}

/**
 * The residual problem: only the mentees in `keep` (original indices, increasing), every mentor with the
 * seats left in `capacities`; forbidden cells, minimum score, lists (mentors' lists cut to these mentees and
 * renumbered), tags and seed carried over. The instance's own pins are not carried (the caller fixes them).
 * O(|keep| × m) dense, plus the total length of the mentors' lists.
 */
export function subInstance(
  instance: MatchingInstance,
  shape: Shape,
  keep: Int32Array,
  capacities: Int32Array,
): MatchingInstance {
  const r = keep.length;
  const local = new Int32Array(shape.rows).fill(-1);
  for (let t = 0; t < r; t++) local[keep[t]!] = t;
  let forbidden: Uint8Array | undefined;
  if (instance.forbidden !== undefined) {
    forbidden = new Uint8Array(r * shape.cols);
    for (let t = 0; t < r; t++) {
      const base = keep[t]! * shape.cols;
      forbidden.set(instance.forbidden.subarray(base, base + shape.cols), t * shape.cols);
    }
  }
  const out: {
    -readonly [K in keyof MatchingInstance]: MatchingInstance[K];
  } = { rows: r, cols: shape.cols, capacities };
  if (instance.scores !== undefined) out.scores = subScores(instance.scores, shape, keep);
  if (forbidden !== undefined) out.forbidden = forbidden;
  if (instance.minScore !== undefined) out.minScore = instance.minScore;
  if (instance.seed !== undefined) out.seed = instance.seed;
  if (instance.menteePreferences !== undefined) {
    const lists = instance.menteePreferences;
    out.menteePreferences = Array.from(keep, (i) => lists[i]!);
  }
  if (instance.mentorPreferences !== undefined) {
    out.mentorPreferences = instance.mentorPreferences.map((list) => {
      const cut: number[] = [];
      for (const i of list) if (local[i] !== undefined && local[i]! >= 0) cut.push(local[i]!);
      return cut;
    });
  }
  if (instance.menteeTags !== undefined) {
    const tags = instance.menteeTags;
    out.menteeTags = Array.from(keep, (i) => tags[i]!);
  }
  return out;
}
