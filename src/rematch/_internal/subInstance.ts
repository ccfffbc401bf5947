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

/** The scores of the given rows and columns only, in the same form as given. O(rows kept × columns kept) dense. */
function subScores(
  scores: ScoreInput,
  shape: Shape,
  rows: Int32Array,
  cols: Int32Array,
  localCol: Int32Array,
): ScoreInput {
  const r = rows.length;
  const c = cols.length;
  if (scores instanceof Float64Array) {
    const out = new Float64Array(r * c);
    for (let t = 0; t < r; t++) {
      const base = rows[t]! * shape.cols;
      const at = t * c;
      for (let u = 0; u < c; u++) out[at + u] = scores[base + cols[u]!]!;
    }
    return out;
  }
  if (isCsr(scores)) {
    let nnz = 0;
    for (let t = 0; t < r; t++) {
      const i = rows[t]!;
      for (let q = scores.rowStart[i]!; q < scores.rowStart[i + 1]!; q++)
        if (localCol[scores.col[q]!]! >= 0) nnz++;
    }
    const rowStart = new Int32Array(r + 1);
    const col = new Int32Array(nnz);
    const value = new Float64Array(nnz);
    let k = 0;
    for (let t = 0; t < r; t++) {
      const i = rows[t]!;
      for (let q = scores.rowStart[i]!; q < scores.rowStart[i + 1]!; q++) {
        const u = localCol[scores.col[q]!]!;
        if (u < 0) continue;
        col[k] = u;
        value[k] = scores.value[q]!;
        k++;
      }
      rowStart[t + 1] = k;
    }
    return { rows: r, cols: c, rowStart, col, value } satisfies CsrScores;
  }
  const dense = scores as readonly (readonly number[])[];
  return Array.from(rows, (i) => Array.from(cols, (j) => dense[i]![j]!));
}

/**
 * The residual problem: only the mentees in `rows` and the mentors in `cols` (original indices,
 * increasing; the mentors with a free seat), each mentor with the seats left in `capacities` (one per
 * original mentor); forbidden cells, minimum score, lists (cut to these mentees and mentors and
 * renumbered), tags and seed carried over. The instance's own pins are not carried (the caller fixes
 * them). A mentor without a free seat rejects everyone, so leaving them out changes no strategy's answer
 * and keeps the problem as small as the people and seats to place: O(|rows| × |cols|) dense, plus the
 * total length of the lists.
 */
export function subInstance(
  instance: MatchingInstance,
  shape: Shape,
  rows: Int32Array,
  cols: Int32Array,
  capacities: Int32Array,
): MatchingInstance {
  const r = rows.length;
  const c = cols.length;
  const localRow = new Int32Array(shape.rows).fill(-1);
  for (let t = 0; t < r; t++) localRow[rows[t]!] = t;
  const localCol = new Int32Array(shape.cols).fill(-1);
  for (let u = 0; u < c; u++) localCol[cols[u]!] = u;
  const out: {
    -readonly [K in keyof MatchingInstance]: MatchingInstance[K];
  } = { rows: r, cols: c, capacities: Int32Array.from(cols, (j) => capacities[j]!) };
  if (instance.scores !== undefined) out.scores = subScores(instance.scores, shape, rows, cols, localCol);
  if (instance.forbidden !== undefined) {
    const mask = instance.forbidden;
    const forbidden = new Uint8Array(r * c);
    for (let t = 0; t < r; t++) {
      const base = rows[t]! * shape.cols;
      for (let u = 0; u < c; u++) forbidden[t * c + u] = mask[base + cols[u]!]!;
    }
    out.forbidden = forbidden;
  }
  if (instance.minScore !== undefined) out.minScore = instance.minScore;
  if (instance.seed !== undefined) out.seed = instance.seed;
  const cut = (list: readonly number[], local: Int32Array) => {
    const kept: number[] = [];
    for (const k of list) if (local[k] !== undefined && local[k]! >= 0) kept.push(local[k]!);
    return kept;
  };
  if (instance.menteePreferences !== undefined) {
    const lists = instance.menteePreferences;
    out.menteePreferences = Array.from(rows, (i) => cut(lists[i]!, localCol));
  }
  if (instance.mentorPreferences !== undefined) {
    const lists = instance.mentorPreferences;
    out.mentorPreferences = Array.from(cols, (j) => cut(lists[j]!, localRow));
  }
  if (instance.menteeTags !== undefined) {
    const tags = instance.menteeTags;
    out.menteeTags = Array.from(rows, (i) => tags[i]!);
  }
  return out;
}
