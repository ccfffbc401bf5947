/**
 * Summary figures of a matching (`MatchMetrics`), computed once per result by `buildResult`.
 *
 * Everything is one or two passes over the scores (O(n·m) dense, O(nnz) CSR) or over the lists up to each
 * partner, on typed arrays allocated once; sums are compensated (Neumaier 1974, "Rundungsfehleranalyse
 * einiger Verfahren zur Summation endlicher Summen", ZAMM 54), so totals compare across strategies.
 */
import { MatchingInputError } from "../../errors.js";
import { findCell } from "./checkCsr.js";
import { type Instance, scoreOf } from "./instance.js";
import { mentorRankIndex, rankIn } from "./rankIndex.js";
import type { MatchMetrics, RankProfile, TagMetrics } from "../types.js";
import { EffectiveRows, scanBlockingPairs } from "./stability.js";
import { Scratch } from "./scratch.js";
import { countCell, fusedPass, groupRanks, scoreGroups } from "./summaryPass.js";

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
 * @param scratch - where the work arrays are carved from; without mentor lists the ranks too, so read
 *   them before the scratch is released.
 * @returns one rank per mentee.
 */
export function mentorRanks(inst: Instance, mentorOf: Int32Array, scratch: Scratch): Int32Array {
  const { rows, cols, csr } = inst;
  const index = mentorRankIndex(inst);
  if (index !== null) {
    const ranks = new Int32Array(rows).fill(-1);
    for (let i = 0; i < rows; i++) {
      const j = mentorOf[i]!;
      if (j !== -1) ranks[i] = rankIn(index, j, i);
    }
    return ranks;
  }
  // Scores (the mentors gave no lists): each cell is counted against its mentor's group, sorted by score.
  const groups = scoreGroups(
    mentorOf,
    matchedScores(inst, mentorOf, scratch.floats(rows, false)),
    cols,
    scratch,
  );
  const { start, value } = groups;
  const diff = scratch.ints(start[cols]! + 1);
  const view = new EffectiveRows(inst);
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
  return groupRanks(groups, diff, rows, scratch);
}

/**
 * The score of each mentee's pair as the algorithms see it ({@link scoreOf}: `-Infinity` when absent,
 * forbidden or below `minScore`), NaN for a mentee without a mentor; for an instance without scores, NaN
 * throughout. Computed once per result and shared by its checks and metrics: on CSR scores each lookup is
 * a search of the row (binary when its columns are sorted), done once here for every consumer. O(n)
 * dense; O(n log deg) on sorted CSR rows, O(nnz) at most otherwise.
 *
 * @param inst - a normalised instance.
 * @param mentorOf - mentor of each mentee, -1 = none (mentors in range).
 * @param out - where to write them (length ≥ rows; e.g. carved from a scratch); a new array by default.
 * @returns one score per mentee (`out` when given).
 * @example
 * matchedScores(normalizeInstance({ scores: [[3, 1], [2, 5]] }), Int32Array.of(1, -1)); // [1, NaN]
 */
export function matchedScores(
  inst: Instance,
  mentorOf: Int32Array,
  out: Float64Array = new Float64Array(inst.rows),
): Float64Array {
  const { rows, cols, dense, scoreRows, csr, forbidden, minScore } = inst;
  out.fill(Number.NaN);
  if (!inst.hasScores) return out;
  const sorted = inst.csrRange?.sortedRows === true;
  for (let i = 0; i < rows; i++) {
    const j = mentorOf[i]!;
    if (j === -1) continue;
    let s = NEG;
    if (dense !== null) s = dense[i * cols + j]!;
    else if (scoreRows !== null) s = scoreRows[i]![j]!;
    else {
      const k = findCell(csr!.rowStart, csr!.col, i, j, sorted);
      if (k >= 0) s = csr!.value[k]!;
    }
    if ((forbidden !== null && forbidden[i * cols + j] !== 0) || s < minScore) s = NEG;
    out[i] = s;
  }
  return out;
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
 * @param scores - {@link matchedScores} of the matching, when the caller already has them.
 * @returns the metrics.
 * @throws nothing for a valid matching.
 * @example
 * const m = computeMetrics(normalizeInstance({ scores: [[3, 1], [2, 5]] }), Int32Array.of(0, 1));
 * m.totalScore; // 8
 */
export function computeMetrics(
  inst: Instance,
  mentorOf: Int32Array,
  scores: Float64Array = matchedScores(inst, mentorOf),
): MatchMetrics {
  const { rows, cols, capacityGiven } = inst;
  // Work arrays (here and in fusedPass) from the buffer the previous result gave back (scratch.ts).
  const scratch = new Scratch(40 * rows + 48 * cols + 136); // 3 Float64 and 4 Int32 arrays of n, 3 and 6 of m
  try {
    const load = scratch.ints(cols);
    const pairScore = scratch.floats(rows, false).fill(Number.NaN);
    const total = new CompensatedSum();
    let matched = 0;
    let min = Number.POSITIVE_INFINITY;
    let allFinite = true;
    for (let i = 0; i < rows; i++) {
      const j = mentorOf[i]!;
      if (j === -1) continue;
      matched++;
      load[j]!++;
      if (!inst.hasScores) continue;
      const s = scores[i]!;
      pairScore[i] = s;
      total.add(s);
      if (s < min) min = s;
      if (!Number.isFinite(s)) allFinite = false;
    }
    if (allFinite && !Number.isFinite(total.value())) {
      // Finite scores whose sum overflows (e.g. ±1e308): the total would read Infinity.
      throw new MatchingInputError(
        "INVALID_SCORE",
        `The scores of the ${matched} matched pairs add up to ${String(total.value())}, beyond the largest number; scores must be far smaller (e.g. 0 to 1).`,
        { hint: "Scale the scores down, e.g. to 0..1.", details: { matched } },
      );
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
        ? fusedPass(inst, mentorOf, scores, scratch)
        : null;
    const menteeRank = fused?.menteeRank ?? menteeRanks(inst, mentorOf);
    const mentorRank = fused?.mentorRank ?? mentorRanks(inst, mentorOf, scratch);
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
  } finally {
    scratch.release();
  }
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
