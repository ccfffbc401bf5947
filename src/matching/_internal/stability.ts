/**
 * The stability scan shared by `computeMetrics`, `blockingPairs` and `isStable`, and the check of a
 * `mentorOf` array given by a caller.
 *
 * Definition (weak stability; ties are indifference). A pair (i, j) blocks a matching when
 * - it is acceptable: the scores allow it (finite, not forbidden, at least `minScore`) and each side that
 *   gave a ranked list names the other;
 * - mentee i is not pinned, and strictly prefers j to its mentor (or has none, or is in a pair that is
 *   not acceptable);
 * - mentor j has a free seat, or strictly prefers i to its worst mentee that is not pinned (pinned seats
 *   cannot be given up; a mentor whose seats are all pinned blocks with nobody).
 *
 * Cost: O(n·m) with dense scores on the mentee side, O(nnz) with CSR, O(Σ place of the partner) with
 * mentee lists, each lookup on the mentor side O(1) (scores, dense rank index) or O(log deg).
 */
import { MatchingInputError } from "../../errors.js";
import { type Instance, scoreOf } from "./instance.js";
import { mentorRankIndex, type RankIndex, rankIn } from "./rankIndex.js";

const NEG = Number.NEGATIVE_INFINITY;

/**
 * Effective scores of one mentee row at a time: `-Infinity` for cells that are absent, forbidden or below
 * `minScore`; 0 for every non-forbidden cell of an instance without scores. For CSR scores the row is
 * scattered into a buffer once ({@link select}), so that look-ups are O(1). Allocates one buffer per call.
 */
export class EffectiveRows {
  private readonly inst: Instance;
  private readonly buf: Float64Array | null;
  private row = -1;

  constructor(inst: Instance) {
    this.inst = inst;
    this.buf = inst.csr !== null ? new Float64Array(inst.cols).fill(NEG) : null;
  }

  /** Makes row i the current row. O(deg of the previous and the new row) for CSR, O(1) otherwise. */
  select(i: number): void {
    const buf = this.buf;
    if (buf !== null && this.row !== i) {
      const csr = this.inst.csr!;
      if (this.row !== -1) {
        for (let k = csr.rowStart[this.row]!; k < csr.rowStart[this.row + 1]!; k++) buf[csr.col[k]!] = NEG;
      }
      for (let k = csr.rowStart[i]!; k < csr.rowStart[i + 1]!; k++) buf[csr.col[k]!] = csr.value[k]!;
    }
    this.row = i;
  }

  /** Effective score of (current row, j). O(1). */
  at(j: number): number {
    const inst = this.inst;
    const cell = this.row * inst.cols + j;
    if (inst.forbidden !== null && inst.forbidden[cell] !== 0) return NEG;
    if (!inst.hasScores) return 0;
    const s =
      this.buf !== null
        ? this.buf[j]!
        : inst.dense !== null
          ? inst.dense[cell]!
          : inst.scoreRows![this.row]![j]!;
    return s < inst.minScore ? NEG : s;
  }
}

/**
 * Checks that `mentorOf` fits the instance: one entry per mentee, each -1 or a mentor index of a pair the
 * instance allows, no mentor over capacity. O(n + m), plus O(deg) per pair on CSR scores.
 *
 * @param inst - a normalised instance.
 * @param mentorOf - the caller's matching.
 * @throws MatchingInputError with code `INVALID_MATCHING` for a pair not allowed, `INVALID_SHAPE` otherwise.
 */
export function checkMentorOf(inst: Instance, mentorOf: Int32Array): void {
  if (!(mentorOf instanceof Int32Array) || mentorOf.length !== inst.rows) {
    throw new MatchingInputError(
      "INVALID_SHAPE",
      `mentorOf must be an Int32Array with one entry per mentee (${inst.rows}), got ${mentorOf instanceof Int32Array ? `length ${mentorOf.length}` : typeof mentorOf}.`,
      { hint: "Pass the mentorOf of a MatchResult, or build one with -1 for 'no mentor'." },
    );
  }
  const load = new Int32Array(inst.cols);
  for (let i = 0; i < inst.rows; i++) {
    const j = mentorOf[i]!;
    if (j === -1) continue;
    if (j < 0 || j >= inst.cols) {
      throw new MatchingInputError(
        "INVALID_SHAPE",
        `mentorOf[${i}] is ${j}; it must be -1 or a mentor index 0..${inst.cols - 1}.`,
        {
          details: { mentee: i },
        },
      );
    }
    // A pinned pair was checked when the instance was read, and stands whatever the ranked lists say.
    if (inst.pinnedMentor[i] !== j && scoreOf(inst, i, j) === NEG) {
      throw new MatchingInputError(
        "INVALID_MATCHING",
        `mentorOf pairs mentee ${i} with mentor ${j}, a pair the instance does not allow.`,
        {
          hint: "Check the matching with isValidMatching (mentor-match/testing).",
          details: { mentee: i, mentor: j },
        },
      );
    }
    if (++load[j]! > inst.capacity[j]!) {
      throw new MatchingInputError(
        "INVALID_SHAPE",
        `mentorOf gives mentor ${j} more mentees than its capacity ${inst.capacity[j]}.`,
        {
          details: { mentor: j },
        },
      );
    }
  }
}

/** How mentor j values mentee i: -(place in j's list), or the effective score; -Infinity = unacceptable. */
function mentorValue(index: RankIndex | null, j: number, i: number, eff: number): number {
  if (eff === NEG) return NEG;
  if (index === null) return eff;
  const r = rankIn(index, j, i);
  return r === 0 ? NEG : -r;
}

/**
 * Counts the blocking pairs of a valid matching and, when `out` is given, appends them to it as
 * `mentee, mentor` index pairs (mentee order, then the mentee's preference order, then mentor index).
 *
 * @param inst - a normalised instance.
 * @param mentorOf - a matching that passed {@link checkMentorOf}.
 * @param out - where to list the pairs, or null to count only.
 * @param stopAtFirst - stop at the first blocking pair (for `isStable`).
 * @returns the number of blocking pairs found.
 */
export function scanBlockingPairs(
  inst: Instance,
  mentorOf: Int32Array,
  out: number[] | null,
  stopAtFirst = false,
): number {
  const { rows, cols, capacity, pinnedMentor, csr } = inst;
  const index = mentorRankIndex(inst);
  const menteeLists = inst.menteePreferences;
  const rowsView = new EffectiveRows(inst);
  const load = new Int32Array(cols);
  const worst = new Float64Array(cols).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < rows; i++) {
    const j = mentorOf[i]!;
    if (j === -1) continue;
    load[j]!++;
    if (pinnedMentor[i] === j) continue;
    rowsView.select(i);
    // A held mentee who does not list its mentor makes the pair unacceptable: any acceptable one is better.
    const unlisted = menteeLists !== null && menteeLists[i]!.indexOf(j) === -1;
    const v = unlisted ? NEG : mentorValue(index, j, i, rowsView.at(j));
    if (v < worst[j]!) worst[j] = v;
  }
  let count = 0;
  for (let i = 0; i < rows; i++) {
    if (pinnedMentor[i] !== -1) continue;
    rowsView.select(i);
    // A partner in a pair that is not acceptable (to either side) counts as no partner.
    let cur = mentorOf[i]!;
    if (cur !== -1 && (rowsView.at(cur) === NEG || (index !== null && rankIn(index, cur, i) === 0))) cur = -1;
    if (menteeLists !== null) {
      const list = menteeLists[i]!;
      // Candidates are the mentors listed before the current one (all of them when there is none).
      let end = cur === -1 ? -1 : list.indexOf(cur);
      if (end === -1) end = list.length;
      for (let r = 0; r < end; r++) {
        const j = list[r]!;
        const mv = mentorValue(index, j, i, rowsView.at(j));
        if (mv === NEG || (load[j]! >= capacity[j]! && !(mv > worst[j]!))) continue;
        count++;
        if (out !== null) out.push(i, j);
        if (stopAtFirst) return count;
      }
      continue;
    }
    const curValue = cur === -1 ? NEG : rowsView.at(cur);
    if (csr === null) {
      for (let j = 0; j < cols; j++) {
        const s = rowsView.at(j);
        if (!(s > curValue)) continue;
        const mv = mentorValue(index, j, i, s);
        if (mv === NEG || (load[j]! >= capacity[j]! && !(mv > worst[j]!))) continue;
        count++;
        if (out !== null) out.push(i, j);
        if (stopAtFirst) return count;
      }
    } else {
      // CSR: the row's cells in stored order; pairs are sorted by mentor afterwards by the caller.
      const c = csr!;
      for (let k = c.rowStart[i]!; k < c.rowStart[i + 1]!; k++) {
        const j = c.col[k]!;
        const s = rowsView.at(j);
        if (!(s > curValue)) continue;
        const mv = mentorValue(index, j, i, s);
        if (mv === NEG || (load[j]! >= capacity[j]! && !(mv > worst[j]!))) continue;
        count++;
        if (out !== null) out.push(i, j);
        if (stopAtFirst) return count;
      }
    }
  }
  return count;
}
