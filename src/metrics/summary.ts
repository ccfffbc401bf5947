/**
 * Summary figures of a matching (`MatchMetrics`), computed once per result by `buildResult`.
 *
 * Everything is one or two passes over the scores (O(n·m) dense, O(nnz) CSR) or over the lists up to each
 * partner, on typed arrays allocated once; sums are compensated (Neumaier 1974, "Rundungsfehleranalyse
 * einiger Verfahren zur Summation endlicher Summen", ZAMM 54), so totals compare across strategies.
 */
import { csrValue, type Instance, scoreOf } from "../matching/_internal/instance.js";
import { mentorRankIndex, rankIn } from "../matching/_internal/rankIndex.js";
import type { MatchMetrics, RankProfile, TagMetrics } from "../matching/types.js";
import { EffectiveRows, scanBlockingPairs } from "./_internal/stability.js";

const NEG = Number.NEGATIVE_INFINITY;

/** A compensated running sum (Neumaier's variant of Kahan summation). */
class CompensatedSum {
  private sum = 0;
  private comp = 0;

  add(x: number): void {
    const t = this.sum + x;
    if (Math.abs(this.sum) >= Math.abs(x)) this.comp += this.sum - t + x;
    else this.comp += x - t + this.sum;
    this.sum = t;
  }

  /** The sum; ±Infinity when it overflows (the compensation would then be Infinity − Infinity = NaN). */
  value(): number {
    return Number.isFinite(this.sum) ? this.sum + this.comp : this.sum;
  }
}

/**
 * Turns per-participant ranks (0 = unranked, -1 = not matched) into a histogram. O(length).
 *
 * @param ranks - one rank per mentee.
 * @returns counts per rank (index r = rank r + 1), the number unranked, the mean rank (NaN if none).
 * @example
 * rankProfileOf(Int32Array.of(1, 2, 0, -1)); // { counts: [1, 1], unranked: 1, mean: 1.5 }
 */
export function rankProfileOf(ranks: Int32Array): RankProfile {
  let max = 0;
  for (let k = 0; k < ranks.length; k++) if (ranks[k]! > max) max = ranks[k]!;
  const counts = new Array<number>(max).fill(0);
  let unranked = 0;
  let ranked = 0;
  let sum = 0;
  for (let k = 0; k < ranks.length; k++) {
    const r = ranks[k]!;
    if (r === 0) unranked++;
    else if (r > 0) {
      counts[r - 1]!++;
      ranked++;
      sum += r;
    }
  }
  return { counts, unranked, mean: ranked === 0 ? Number.NaN : sum / ranked };
}

/**
 * Rank of each mentee's mentor in the mentee's own order: the 1-based place in its list, or
 * 1 + the number of acceptable mentors it scores strictly higher; 0 = partner not on its list; -1 = no
 * mentor. O(n·m) dense, O(nnz) CSR, O(Σ place) with lists.
 *
 * @param inst - a normalised instance.
 * @param mentorOf - a valid matching.
 * @returns one rank per mentee.
 */
export function menteeRanks(inst: Instance, mentorOf: Int32Array): Int32Array {
  const { rows, cols, csr } = inst;
  const ranks = new Int32Array(rows).fill(-1);
  const lists = inst.menteePreferences;
  const view = new EffectiveRows(inst);
  for (let i = 0; i < rows; i++) {
    const j = mentorOf[i]!;
    if (j === -1) continue;
    if (lists !== null) {
      ranks[i] = lists[i]!.indexOf(j) + 1;
      continue;
    }
    view.select(i);
    const s = view.at(j);
    let better = 0;
    if (csr === null) {
      for (let t = 0; t < cols; t++) if (view.at(t) > s) better++;
    } else {
      for (let k = csr.rowStart[i]!; k < csr.rowStart[i + 1]!; k++) if (view.at(csr.col[k]!) > s) better++;
    }
    ranks[i] = s === NEG ? 0 : better + 1;
  }
  return ranks;
}

/**
 * Rank of each matched mentee in its mentor's order: the 1-based place in the mentor's list, or 1 + the
 * number of acceptable mentees the mentor scores strictly higher; 0 = not on the list; -1 = no mentor.
 * One pass over all cells: each cell is compared with the (sorted) scores of its mentor's group by binary
 * search and counted through a difference array, so the cost is O(nnz · log capacity), no per-pair
 * allocation.
 *
 * @param inst - a normalised instance.
 * @param mentorOf - a valid matching.
 * @returns one rank per mentee.
 */
export function mentorRanks(inst: Instance, mentorOf: Int32Array): Int32Array {
  const { rows, cols, csr } = inst;
  const ranks = new Int32Array(rows).fill(-1);
  const index = mentorRankIndex(inst);
  if (index !== null) {
    for (let i = 0; i < rows; i++) {
      const j = mentorOf[i]!;
      if (j !== -1) ranks[i] = rankIn(index, j, i);
    }
    return ranks;
  }
  // Groups of each mentor, sorted by score ascending.
  const start = new Int32Array(cols + 1);
  for (let i = 0; i < rows; i++) if (mentorOf[i]! !== -1) start[mentorOf[i]! + 1]!++;
  for (let j = 0; j < cols; j++) start[j + 1]! += start[j]!;
  const total = start[cols]!;
  const member = new Int32Array(total);
  const value = new Float64Array(total);
  const fill = start.slice(0, cols);
  const view = new EffectiveRows(inst);
  for (let i = 0; i < rows; i++) {
    const j = mentorOf[i]!;
    if (j === -1) continue;
    view.select(i);
    const s = view.at(j);
    // Insertion into the mentor's group keeps it sorted (groups are small: a mentor's capacity).
    let at = fill[j]!++;
    while (at > start[j]! && value[at - 1]! > s) {
      value[at] = value[at - 1]!;
      member[at] = member[at - 1]!;
      at--;
    }
    value[at] = s;
    member[at] = i;
  }
  const diff = new Int32Array(total + 1);
  for (let i = 0; i < rows; i++) {
    view.select(i);
    if (csr === null) {
      for (let j = 0; j < cols; j++) countCell(view.at(j), start[j]!, start[j + 1]!, value, diff);
    } else {
      for (let k = csr.rowStart[i]!; k < csr.rowStart[i + 1]!; k++) {
        const j = csr.col[k]!;
        countCell(view.at(j), start[j]!, start[j + 1]!, value, diff);
      }
    }
  }
  for (let j = 0; j < cols; j++) {
    let run = 0;
    for (let q = start[j]!; q < start[j + 1]!; q++) {
      run += diff[q]!;
      ranks[member[q]!] = value[q] === NEG ? 0 : run + 1;
    }
  }
  return ranks;
}

/** Adds a cell of score v to the counts of the group members scoring strictly less. */
function countCell(v: number, lo: number, hi: number, value: Float64Array, diff: Int32Array): void {
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
interface FusedPass {
  readonly menteeRank: Int32Array;
  readonly mentorRank: Int32Array;
  readonly blocking: number;
}

/** One mentee per mentor: each mentor's partner's score, +Infinity for a mentor with none. O(cols). */
function partnerScores(load: Int32Array, start: Int32Array, value: Float64Array): Float64Array {
  const partner = new Float64Array(load.length).fill(Number.POSITIVE_INFINITY);
  for (let j = 0; j < load.length; j++) if (load[j] === 1) partner[j] = value[start[j]!]!;
  return partner;
}

/**
 * One mentee per mentor: the mentor's rank of its mentee from `above[j]` (cells of column j that beat the
 * partner's score); 0 for a pair at -Infinity, -1 for an unmatched mentee. O(rows + cols).
 */
function oneToOneMentorRanks(
  rows: number,
  load: Int32Array,
  start: Int32Array,
  member: Int32Array,
  partner: Float64Array,
  above: Int32Array,
): Int32Array {
  const mentorRank = new Int32Array(rows).fill(-1);
  for (let j = 0; j < load.length; j++) {
    if (load[j] === 1) mentorRank[member[start[j]!]!] = partner[j] === NEG ? 0 : above[j]! + 1;
  }
  return mentorRank;
}

/**
 * The fused pass for the common case (scores, no lists): each cell is read once and feeds the mentee's
 * rank, the mentor's rank (difference array over the mentor's group sorted by score, as in
 * {@link mentorRanks}) and the blocking-pair test (as in `scanBlockingPairs`). O(cells · log capacity):
 * n·m dense, nnz CSR.
 */
function fusedPass(inst: Instance, mentorOf: Int32Array): FusedPass {
  const { rows, cols, capacity, pinnedMentor, forbidden, minScore, dense, csr } = inst;
  const load = new Int32Array(cols);
  const own = new Float64Array(rows).fill(NEG);
  const worst = new Float64Array(cols).fill(Number.POSITIVE_INFINITY);
  const start = new Int32Array(cols + 1);
  for (let i = 0; i < rows; i++) {
    const j = mentorOf[i]!;
    if (j === -1) continue;
    load[j]!++;
    start[j + 1]!++;
    let s = dense !== null ? dense[i * cols + j]! : csrValue(csr!, i, j);
    if ((forbidden !== null && forbidden[i * cols + j] !== 0) || s < minScore) s = NEG;
    own[i] = s;
    if (pinnedMentor[i] !== j && s < worst[j]!) worst[j] = s;
  }
  for (let j = 0; j < cols; j++) start[j + 1]! += start[j]!;
  const total = start[cols]!;
  const member = new Int32Array(total);
  const value = new Float64Array(total);
  const fill = start.slice(0, cols);
  for (let i = 0; i < rows; i++) {
    const j = mentorOf[i]!;
    if (j === -1) continue;
    const s = own[i]!;
    let at = fill[j]!++;
    while (at > start[j]! && value[at - 1]! > s) {
      value[at] = value[at - 1]!;
      member[at] = member[at - 1]!;
      at--;
    }
    value[at] = s;
    member[at] = i;
  }
  // A mentor j accepts a better mentee when it has a free seat (threshold -Infinity) or prefers it to its
  // worst unpinned mentee (threshold worst[j]); a mentor with no seat to give has threshold +Infinity.
  const threshold = new Float64Array(cols);
  for (let j = 0; j < cols; j++) threshold[j] = load[j]! < capacity[j]! ? NEG : worst[j]!;
  const diff = new Int32Array(total + 1);
  const menteeRank = new Int32Array(rows).fill(-1);
  let blocking = 0;
  let maxLoad = 0;
  for (let j = 0; j < cols; j++) if (load[j]! > maxLoad) maxLoad = load[j]!;
  if (dense !== null && maxLoad <= 1 && forbidden === null && minScore === NEG) {
    // One mentee per mentor and no masks: a -Infinity cell fails every comparison below by itself.
    const partner = partnerScores(load, start, value);
    const above = new Int32Array(cols);
    // Eight cells per step: V8 re-checks each typed array's map and length on every loop iteration, so
    // the unrolled loop costs about half as much per cell (measured on 5000 × 5000).
    const cols8 = cols - (cols % 8);
    for (let i = 0; i < rows; i++) {
      const base = i * cols;
      const cur = own[i]!;
      const free = pinnedMentor[i] === -1;
      let better = 0;
      for (let j = 0; j < cols8; j += 8) {
        const k = base + j;
        const v0 = dense[k]!;
        const v1 = dense[k + 1]!;
        const v2 = dense[k + 2]!;
        const v3 = dense[k + 3]!;
        const v4 = dense[k + 4]!;
        const v5 = dense[k + 5]!;
        const v6 = dense[k + 6]!;
        const v7 = dense[k + 7]!;
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
            const v = dense[base + q]!;
            if (v > cur) {
              better++;
              if (free && v > threshold[q]!) blocking++;
            }
          }
        }
      }
      for (let j = cols8; j < cols; j++) {
        const v = dense[base + j]!;
        if (v > partner[j]!) above[j]!++;
        if (v > cur) {
          better++;
          if (free && v > threshold[j]!) blocking++;
        }
      }
      if (mentorOf[i] !== -1) menteeRank[i] = cur === NEG ? 0 : better + 1;
    }
    return {
      menteeRank,
      mentorRank: oneToOneMentorRanks(rows, load, start, member, partner, above),
      blocking,
    };
  }
  if (csr !== null && maxLoad <= 1 && forbidden === null && minScore === NEG) {
    // The same one-to-one pass over the stored cells of CSR rows (an absent cell is -Infinity: it beats
    // nobody; a stored -Infinity fails every comparison by itself).
    const partner = partnerScores(load, start, value);
    const above = new Int32Array(cols);
    const { rowStart, col: colOf, value: cellValue } = csr;
    for (let i = 0; i < rows; i++) {
      const cur = own[i]!;
      const free = pinnedMentor[i] === -1;
      let better = 0;
      const end = rowStart[i + 1]!;
      for (let k = rowStart[i]!; k < end; k++) {
        const j = colOf[k]!;
        const v = cellValue[k]!;
        if (v > partner[j]!) above[j]!++;
        if (v > cur) {
          better++;
          if (free && v > threshold[j]!) blocking++;
        }
      }
      if (mentorOf[i] !== -1) menteeRank[i] = cur === NEG ? 0 : better + 1;
    }
    return {
      menteeRank,
      mentorRank: oneToOneMentorRanks(rows, load, start, member, partner, above),
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
    const first = rowStart === null ? 0 : rowStart[i]!;
    const end = rowStart === null ? cols : rowStart[i + 1]!;
    for (let k = first; k < end; k++) {
      const j = colOf === null ? k : colOf[k]!;
      const v = cellValue === null ? dense![base + k]! : cellValue[k]!;
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
  const mentorRank = new Int32Array(rows).fill(-1);
  for (let j = 0; j < cols; j++) {
    let run = 0;
    for (let q = start[j]!; q < start[j + 1]!; q++) {
      run += diff[q]!;
      mentorRank[member[q]!] = value[q] === NEG ? 0 : run + 1;
    }
  }
  return { menteeRank, mentorRank, blocking };
}

/**
 * Summary figures of a matching: sizes, total / mean / minimum score, rank profiles of both sides,
 * blocking pairs, mentor fill, idle mentors, and the same by mentee tag.
 *
 * Complexity: O(n·m) for dense scores, O(nnz · log capacity) for CSR, O(total list length) at most with
 * lists; a few typed arrays of size n + m, no allocation per pair. Without scores (lists only) the score
 * figures are NaN.
 *
 * @param inst - a normalised instance.
 * @param mentorOf - a valid matching (as `buildResult` checks it): mentor of each mentee, -1 = none.
 * @returns the metrics.
 * @throws nothing for a valid matching.
 * @example
 * const m = computeMetrics(normalizeInstance({ scores: [[3, 1], [2, 5]] }), Int32Array.of(0, 1));
 * m.totalScore; // 8
 */
export function computeMetrics(inst: Instance, mentorOf: Int32Array): MatchMetrics {
  const { rows, cols, capacityGiven } = inst;
  const load = new Int32Array(cols);
  const pairScore = new Float64Array(rows).fill(Number.NaN);
  const total = new CompensatedSum();
  let matched = 0;
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < rows; i++) {
    const j = mentorOf[i]!;
    if (j === -1) continue;
    matched++;
    load[j]!++;
    if (!inst.hasScores) continue;
    const s = scoreOf(inst, i, j); // O(deg) on CSR: a scan of the row, no writes
    pairScore[i] = s;
    total.add(s);
    if (s < min) min = s;
  }
  let idle = 0;
  let seats = 0;
  for (let j = 0; j < cols; j++) {
    seats += capacityGiven[j]!;
    if (load[j] === 0) idle++;
  }
  const scored = inst.hasScores && matched > 0;
  const fused =
    inst.hasScores && inst.menteePreferences === null && inst.mentorPreferences === null
      ? fusedPass(inst, mentorOf)
      : null;
  const menteeRank = fused?.menteeRank ?? menteeRanks(inst, mentorOf);
  const mentorRank = fused?.mentorRank ?? mentorRanks(inst, mentorOf);
  return {
    mentees: rows,
    mentors: cols,
    matched,
    totalScore: inst.hasScores ? total.value() : Number.NaN,
    meanScore: scored ? total.value() / matched : Number.NaN,
    minScore: scored ? min : Number.NaN,
    menteeRanks: rankProfileOf(menteeRank),
    mentorRanks: rankProfileOf(mentorRank),
    blockingPairs: fused?.blocking ?? scanBlockingPairs(inst, mentorOf, null),
    mentorFill: seats === 0 ? Number.NaN : matched / seats,
    idleMentors: idle,
    byTag: tagMetrics(inst, mentorOf, pairScore, menteeRank, mentorRank),
  };
}

/**
 * Figures per mentee tag (priority groups), tags in code-unit order: size, matched, mean and weakest
 * score, and both sides' rank profiles over the tag's mentees. O(total number of tags).
 */
function tagMetrics(
  inst: Instance,
  mentorOf: Int32Array,
  pairScore: Float64Array,
  menteeRank: Int32Array,
  mentorRank: Int32Array,
): TagMetrics[] {
  const tags = inst.menteeTags;
  if (tags === null) return [];
  const byTag = new Map<string, { members: number[]; matched: number; sum: CompensatedSum; min: number }>();
  for (let i = 0; i < inst.rows; i++) {
    const own = tags[i] ?? [];
    for (let k = 0; k < own.length; k++) {
      const tag = own[k]!;
      if (k > 0 && own.indexOf(tag) < k) continue; // a tag listed twice counts once
      let entry = byTag.get(tag);
      if (entry === undefined) {
        entry = { members: [], matched: 0, sum: new CompensatedSum(), min: Number.POSITIVE_INFINITY };
        byTag.set(tag, entry);
      }
      entry.members.push(i);
      if (mentorOf[i] !== -1) {
        entry.matched++;
        entry.sum.add(pairScore[i]!);
        if (pairScore[i]! < entry.min) entry.min = pairScore[i]!;
      }
    }
  }
  const names = [...byTag.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.map((tag) => {
    const e = byTag.get(tag)!;
    const scored = inst.hasScores && e.matched > 0;
    const pick = (ranks: Int32Array) => Int32Array.from(e.members, (i) => ranks[i]!);
    return {
      tag,
      mentees: e.members.length,
      matched: e.matched,
      meanScore: scored ? e.sum.value() / e.matched : Number.NaN,
      minScore: scored ? e.min : Number.NaN,
      menteeRanks: rankProfileOf(pick(menteeRank)),
      mentorRanks: rankProfileOf(pick(mentorRank)),
    };
  });
}
