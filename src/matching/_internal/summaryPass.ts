/**
 * The fused metrics pass: both sides' ranks and the number of blocking pairs from one pass over the
 * scores (dense or CSR), for `computeMetrics` (summary.ts) when nobody gave a ranked list.
 */
import type { Instance } from "./instance.js";
import type { Scratch } from "./scratch.js";

const NEG = Number.NEGATIVE_INFINITY;

/** Adds a cell of score v to the counts of the group members scoring strictly less. */
export function countCell(v: number, lo: number, hi: number, value: Float64Array, diff: Int32Array): void {
  if (v === NEG || lo === hi) return;
  // First position in [lo, hi) whose value is >= v: every member before it scores strictly less than v.
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (value[mid]! < v) a = mid + 1;
    else b = mid;
  }
  if (a > lo) {
    diff[lo]!++;
    if (a < hi) diff[a]!--;
  }
}

/** Ranks of both sides and the number of blocking pairs, from one pass over the scores (dense or CSR). */
export interface FusedPass {
  readonly menteeRank: Int32Array;
  readonly mentorRank: Int32Array;
  readonly blocking: number;
}

/** One mentee per mentor: each mentor's partner's score, +Infinity for a mentor with none. O(cols). */
function partnerScores(start: Int32Array, value: Float64Array, scratch: Scratch): Float64Array {
  const partner = scratch.floats(start.length - 1, false).fill(Number.POSITIVE_INFINITY);
  for (let j = 0; j < partner.length; j++) if (start[j + 1]! > start[j]!) partner[j] = value[start[j]!]!;
  return partner;
}

/**
 * One mentee per mentor: the mentor's rank of its mentee from `above[j]` (cells of column j that beat the
 * partner's score); 0 for a pair at -Infinity, -1 for an unmatched mentee. O(rows + cols).
 */
function oneToOneMentorRanks(
  rows: number,
  start: Int32Array,
  member: Int32Array,
  partner: Float64Array,
  above: Int32Array,
  scratch: Scratch,
): Int32Array {
  const mentorRank = scratch.ints(rows, false).fill(-1);
  for (let j = 0; j < partner.length; j++) {
    if (start[j + 1]! > start[j]!) mentorRank[member[start[j]!]!] = partner[j] === NEG ? 0 : above[j]! + 1;
  }
  return mentorRank;
}

/**
 * The one-to-one fused pass over a flat matrix (no masks): for each row, the mentee's rank (into
 * `menteeRank`) and the blocking pairs it is in (returned), and for each column the cells that beat its
 * partner's score (into `above`). O(rows · cols).
 *
 * Eight cells per step: V8 re-checks each typed array's map and length on every loop iteration, so the
 * unrolled loop costs about half as much per cell (measured on 5000 × 5000). {@link oneToOneRows} is the
 * same loop over the caller's `number[][]` rows (a test holds the two texts in step): one loop for both
 * would see two element kinds at its loads, which cost the flat matrix 15–20 % in a process using both.
 */
function oneToOneFlat(
  dense: Float64Array,
  mentorOf: Int32Array,
  pinnedMentor: Int32Array,
  own: Float64Array,
  partner: Float64Array,
  threshold: Float64Array,
  above: Int32Array,
  menteeRank: Int32Array,
): number {
  const rows = mentorOf.length;
  const cols = partner.length;
  let blocking = 0;
  const cols8 = cols - (cols % 8);
  for (let i = 0; i < rows; i++) {
    const data = dense;
    const base = i * cols;
    // ── row (the same text in oneToOneRows) ──
    const cur = own[i]!;
    const free = pinnedMentor[i] === -1;
    let better = 0;
    for (let j = 0; j < cols8; j += 8) {
      const k = base + j;
      const v0 = data[k]!;
      const v1 = data[k + 1]!;
      const v2 = data[k + 2]!;
      const v3 = data[k + 3]!;
      const v4 = data[k + 4]!;
      const v5 = data[k + 5]!;
      const v6 = data[k + 6]!;
      const v7 = data[k + 7]!;
      if (v0 > partner[j]!) above[j]!++;
      if (v1 > partner[j + 1]!) above[j + 1]!++;
      if (v2 > partner[j + 2]!) above[j + 2]!++;
      if (v3 > partner[j + 3]!) above[j + 3]!++;
      if (v4 > partner[j + 4]!) above[j + 4]!++;
      if (v5 > partner[j + 5]!) above[j + 5]!++;
      if (v6 > partner[j + 6]!) above[j + 6]!++;
      if (v7 > partner[j + 7]!) above[j + 7]!++;
      if (v0 > cur || v1 > cur || v2 > cur || v3 > cur || v4 > cur || v5 > cur || v6 > cur || v7 > cur) {
        for (let q = j; q < j + 8; q++) {
          const v = data[base + q]!;
          if (v > cur) {
            better++;
            if (free && v > threshold[q]!) blocking++;
          }
        }
      }
    }
    for (let j = cols8; j < cols; j++) {
      const v = data[base + j]!;
      if (v > partner[j]!) above[j]!++;
      if (v > cur) {
        better++;
        if (free && v > threshold[j]!) blocking++;
      }
    }
    if (mentorOf[i] !== -1) menteeRank[i] = cur === NEG ? 0 : better + 1;
  }
  return blocking;
}

/** {@link oneToOneFlat} over the caller's rows (`scoreRows`): row i is read from index 0. */
function oneToOneRows(
  scoreRows: readonly (readonly number[])[],
  mentorOf: Int32Array,
  pinnedMentor: Int32Array,
  own: Float64Array,
  partner: Float64Array,
  threshold: Float64Array,
  above: Int32Array,
  menteeRank: Int32Array,
): number {
  const rows = mentorOf.length;
  const cols = partner.length;
  let blocking = 0;
  const cols8 = cols - (cols % 8);
  for (let i = 0; i < rows; i++) {
    const data = scoreRows[i]!;
    const base = 0;
    // ── row (the same text in oneToOneFlat) ──
    const cur = own[i]!;
    const free = pinnedMentor[i] === -1;
    let better = 0;
    for (let j = 0; j < cols8; j += 8) {
      const k = base + j;
      const v0 = data[k]!;
      const v1 = data[k + 1]!;
      const v2 = data[k + 2]!;
      const v3 = data[k + 3]!;
      const v4 = data[k + 4]!;
      const v5 = data[k + 5]!;
      const v6 = data[k + 6]!;
      const v7 = data[k + 7]!;
      if (v0 > partner[j]!) above[j]!++;
      if (v1 > partner[j + 1]!) above[j + 1]!++;
      if (v2 > partner[j + 2]!) above[j + 2]!++;
      if (v3 > partner[j + 3]!) above[j + 3]!++;
      if (v4 > partner[j + 4]!) above[j + 4]!++;
      if (v5 > partner[j + 5]!) above[j + 5]!++;
      if (v6 > partner[j + 6]!) above[j + 6]!++;
      if (v7 > partner[j + 7]!) above[j + 7]!++;
      if (v0 > cur || v1 > cur || v2 > cur || v3 > cur || v4 > cur || v5 > cur || v6 > cur || v7 > cur) {
        for (let q = j; q < j + 8; q++) {
          const v = data[base + q]!;
          if (v > cur) {
            better++;
            if (free && v > threshold[q]!) blocking++;
          }
        }
      }
    }
    for (let j = cols8; j < cols; j++) {
      const v = data[base + j]!;
      if (v > partner[j]!) above[j]!++;
      if (v > cur) {
        better++;
        if (free && v > threshold[j]!) blocking++;
      }
    }
    if (mentorOf[i] !== -1) menteeRank[i] = cur === NEG ? 0 : better + 1;
  }
  return blocking;
}

/**
 * The fused pass for the common case (scores, no lists): each cell is read once and feeds the mentee's
 * rank, the mentor's rank (difference array over the mentor's group sorted by score, as in
 * {@link mentorRanks}) and the blocking-pair test (as in `scanBlockingPairs`). O(cells · log capacity):
 * n·m dense, nnz CSR. `scores` holds the score of each mentee's pair (`matchedScores` in summary.ts).
 * Every array, the ranks returned included, is carved from `scratch`: read them before it is released.
 */
export function fusedPass(
  inst: Instance,
  mentorOf: Int32Array,
  scores: Float64Array,
  scratch: Scratch,
): FusedPass {
  const { rows, cols, capacity, pinnedMentor, forbidden, minScore, dense, scoreRows, csr } = inst;
  const own = scratch.floats(rows, false).fill(NEG);
  const worst = scratch.floats(cols, false).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < rows; i++) {
    const j = mentorOf[i]!;
    if (j === -1) continue;
    const s = scores[i]!;
    own[i] = s;
    if (pinnedMentor[i] !== j && s < worst[j]!) worst[j] = s;
  }
  const groups = scoreGroups(mentorOf, scores, cols, scratch);
  const { start, member, value } = groups;
  const total = start[cols]!;
  // A mentor j accepts a better mentee when it has a free seat (threshold -Infinity) or prefers it to its
  // worst unpinned mentee (threshold worst[j]); a mentor with no seat to give has threshold +Infinity.
  const threshold = scratch.floats(cols, false);
  for (let j = 0; j < cols; j++) threshold[j] = start[j + 1]! - start[j]! < capacity[j]! ? NEG : worst[j]!;
  const diff = scratch.ints(total + 1);
  const menteeRank = scratch.ints(rows, false).fill(-1);
  let blocking = 0;
  let maxLoad = 0;
  for (let j = 0; j < cols; j++) maxLoad = Math.max(maxLoad, start[j + 1]! - start[j]!);
  if (csr === null && maxLoad <= 1 && forbidden === null && minScore === NEG) {
    // One mentee per mentor and no masks: a -Infinity cell fails every comparison below by itself.
    const partner = partnerScores(start, value, scratch);
    const above = scratch.ints(cols);
    blocking =
      scoreRows === null
        ? oneToOneFlat(dense!, mentorOf, pinnedMentor, own, partner, threshold, above, menteeRank)
        : oneToOneRows(scoreRows, mentorOf, pinnedMentor, own, partner, threshold, above, menteeRank);
    return {
      menteeRank,
      mentorRank: oneToOneMentorRanks(rows, start, member, partner, above, scratch),
      blocking,
    };
  }
  if (csr !== null && maxLoad <= 1 && forbidden === null && minScore === NEG) {
    // The same one-to-one pass over the stored cells of CSR rows (an absent cell is -Infinity: it beats
    // nobody; a stored -Infinity fails every comparison by itself).
    const partner = partnerScores(start, value, scratch);
    const above = scratch.ints(cols);
    const { rowStart, col: colOf, value: cellValue } = csr;
    for (let i = 0; i < rows; i++) {
      const cur = own[i]!;
      let better = 0;
      let blocks = 0;
      const end = rowStart[i + 1]!;
      // Each comparison is added as 0 or 1 (a bit, no branch): on the cells of a row each test is a coin
      // toss, and a mispredicted branch per test cost more than the additions.
      for (let k = rowStart[i]!; k < end; k++) {
        const j = colOf[k]!;
        const v = cellValue[k]!;
        above[j]! += +(v > partner[j]!);
        better += +(v > cur);
        blocks += +(v > cur) & +(v > threshold[j]!);
      }
      if (pinnedMentor[i] === -1) blocking += blocks;
      if (mentorOf[i] !== -1) menteeRank[i] = cur === NEG ? 0 : better + 1;
    }
    return {
      menteeRank,
      mentorRank: oneToOneMentorRanks(rows, start, member, partner, above, scratch),
      blocking,
    };
  }
  // Dense rows visit every column; CSR rows their stored cells only (an absent cell is -Infinity).
  const rowStart = csr?.rowStart ?? null;
  const colOf = csr?.col ?? null;
  const cellValue = csr?.value ?? null;
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    const cur = own[i]!;
    const matched = mentorOf[i] !== -1;
    const free = pinnedMentor[i] === -1;
    let better = 0;
    const data: Float64Array | readonly number[] | null = scoreRows !== null ? scoreRows[i]! : dense;
    const dataBase = scoreRows !== null ? 0 : base;
    const first = rowStart === null ? 0 : rowStart[i]!;
    const end = rowStart === null ? cols : rowStart[i + 1]!;
    for (let k = first; k < end; k++) {
      const j = colOf === null ? k : colOf[k]!;
      const v = cellValue === null ? data![dataBase + k]! : cellValue[k]!;
      if (v === NEG || v < minScore || (forbidden !== null && forbidden[base + j] !== 0)) continue;
      if (v > cur) {
        better++;
        if (free && v > threshold[j]!) blocking++;
      }
      const lo = start[j]!;
      const hi = start[j + 1]!;
      if (lo === hi) continue;
      if (hi - lo === 1) {
        if (value[lo]! < v) diff[lo]!++;
        continue;
      }
      let a = lo;
      let b = hi;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (value[mid]! < v) a = mid + 1;
        else b = mid;
      }
      // Members lo .. a-1 score less than v; the decrement at a stays inside the group.
      if (a > lo) {
        diff[lo]!++;
        if (a < hi) diff[a]!--;
      }
    }
    if (matched) menteeRank[i] = cur === NEG ? 0 : better + 1;
  }
  return { menteeRank, mentorRank: groupRanks(groups, diff, rows, scratch), blocking };
}

/**
 * Each mentor's mentees sorted by the score of their pair, ascending: group j is `start[j]` up to
 * `start[j + 1]` of `member` (mentees) and `value` (scores).
 */
export interface ScoreGroups {
  readonly start: Int32Array;
  readonly member: Int32Array;
  readonly value: Float64Array;
}

/**
 * The groups of a matching sorted by score (insertion into each group: a group is at most a mentor's
 * capacity), carved from `scratch`. O(rows + cols + Σ group size²).
 *
 * @param mentorOf - a valid matching.
 * @param scores - the score of each matched mentee's pair (`matchedScores`).
 * @param cols - number of mentors.
 * @param scratch - where the arrays are carved from.
 * @returns the groups.
 */
export function scoreGroups(
  mentorOf: Int32Array,
  scores: Float64Array,
  cols: number,
  scratch: Scratch,
): ScoreGroups {
  const rows = mentorOf.length;
  const start = scratch.ints(cols + 1);
  for (let i = 0; i < rows; i++) if (mentorOf[i] !== -1) start[mentorOf[i]! + 1]!++;
  for (let j = 0; j < cols; j++) start[j + 1]! += start[j]!;
  const total = start[cols]!;
  const member = scratch.ints(total, false);
  const value = scratch.floats(total, false);
  const fill = scratch.ints(cols, false);
  fill.set(start.subarray(0, cols));
  for (let i = 0; i < rows; i++) {
    const j = mentorOf[i]!;
    if (j === -1) continue;
    const s = scores[i]!;
    let at = fill[j]!++;
    while (at > start[j]! && value[at - 1]! > s) {
      value[at] = value[at - 1]!;
      member[at] = member[at - 1]!;
      at--;
    }
    value[at] = s;
    member[at] = i;
  }
  return { start, member, value };
}

/**
 * Each matched mentee's rank in its mentor's order, from `diff`: the number of cells that beat each group
 * member, as differences along the group (see `countCell`); 0 for a pair at -Infinity, -1 unmatched.
 * O(rows + cols).
 */
export function groupRanks(
  groups: ScoreGroups,
  diff: Int32Array,
  rows: number,
  scratch: Scratch,
): Int32Array {
  const { start, member, value } = groups;
  const ranks = scratch.ints(rows, false).fill(-1);
  for (let j = 0; j + 1 < start.length; j++) {
    let run = 0;
    for (let q = start[j]!; q < start[j + 1]!; q++) {
      run += diff[q]!;
      ranks[member[q]!] = value[q] === NEG ? 0 : run + 1;
    }
  }
  return ranks;
}
