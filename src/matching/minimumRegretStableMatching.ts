/**
 * The minimum-regret stable matching: among all stable matchings, one whose worst-off participant (on
 * either side) gets the best possible rank.
 *
 * [Reference]: D. Gusfield, "Three fast algorithms for four problems in stable marriage", SIAM Journal on
 * Computing 16(1), 1987, §3 (minimum regret by walking up the rotation poset from the man-optimal
 * matching); many-to-one by seats: D. Gusfield, R. W. Irving, "The Stable Marriage Problem", MIT Press
 * 1989, §1.6.3.
 */
import { buildResult } from "./_internal/result.js";
import { applyRotation, buildSeatModel, findRotations, mentorOfSeats } from "./_internal/rotations.js";
import type { MatchingInstance, MatchResult } from "./types.js";
import { withInstance } from "./_internal/withInstance.js";

/**
 * The stable matching that minimises the largest rank anyone gets: a mentee's rank of its mentor, or a
 * mentor's rank of its least preferred mentee.
 *
 * Ranks are 1-based and counted as the metrics count them (`result.metrics.menteeRanks` and
 * `mentorRanks`): a side's list where given, else 1 + the number of allowed partners it scores strictly
 * higher (equal scores share a rank). The stable matchings searched are those of the strict preferences
 * with equal scores broken by index. Starting from the mentee-optimal matching, while the worst rank belongs to a
 * mentor only, the rotation that next improves that mentor's seat is eliminated with everything it needs;
 * mentees only lose on the way up, so the first matching reaching the least regret is kept, which is the
 * best one for the mentees among the minimum-regret matchings. Complexity: O(n·m log m + L) for the
 * rotations (L = total length of the seat-expanded lists), then O(R·(n + S)) for R rotations and S seats.
 *
 * @param instance - scores and/or ranked lists, capacities, forbidden and pinned pairs.
 * @returns the matching, with `strategy: "minimum-regret"` and `tieBreak: { policy: "index" }`.
 * @throws MatchingInputError for an invalid instance (NaN or +Infinity scores, wrong shapes, bad pins).
 * @throws InfeasibleError when pinned pairs exceed a mentor's capacity.
 * @example
 * const r = minimumRegretStableMatching({
 *   scores: [[3, 2, 1], [1, 3, 2], [2, 1, 3]],
 *   mentorPreferences: [[1, 2, 0], [2, 0, 1], [0, 1, 2]],
 * });
 * r.mentorOf; // Int32Array [1, 2, 0]: everybody gets a second choice (regret 2 instead of 3)
 */
export function minimumRegretStableMatching(instance: MatchingInstance): MatchResult {
  return withInstance(instance, { scoresOptional: true }, (inst) => {
    const model = buildSeatModel(inst);
    const rot = findRotations(model);
    // Regret is measured in the ranks the metrics report (equal scores share a rank).
    const { rows, cols, seats, menteeCost: menteeRank, mentorCost: mentorRank, seatMentor } = model;
    const R = rot.count;
    // The rotations that give each seat a better mentee, in order (a chain of the poset).
    const chainStart = new Int32Array(seats + 1);
    for (let r = 0; r < R; r++)
      for (let k = rot.start[r]!; k < rot.start[r + 1]!; k++) chainStart[rot.seat[k]! + 1]!++;
    for (let w = 0; w < seats; w++) chainStart[w + 1]! += chainStart[w]!;
    const chain = new Int32Array(chainStart[seats]!);
    const fill = chainStart.slice(0, seats);
    for (let r = 0; r < R; r++) {
      const first = rot.start[r]!;
      const size = rot.start[r + 1]! - first;
      // Member k moves into the seat of member k + 1: that seat is the one improved.
      for (let k = 0; k < size; k++) {
        const w = rot.seat[first + ((k + 1) % size)]!;
        chain[fill[w]!++] = r;
      }
    }
    const nextInChain = chainStart.slice(0, seats);
    const seatOf = rot.bottom.seatOf.slice();
    const taken = new Uint8Array(R);
    const stack = new Int32Array(R);
    let best = Number.POSITIVE_INFINITY;
    let bestSeatOf = seatOf.slice();
    for (;;) {
      let worstMentee = 0;
      let worstMentor = 0;
      let worstSeat = -1;
      for (let i = 0; i < rows; i++) {
        const w = seatOf[i]!;
        if (w === -1) continue;
        const j = seatMentor[w]!;
        const a = menteeRank[i * cols + j]!;
        const b = mentorRank[j * rows + i]!;
        if (a > worstMentee) worstMentee = a;
        if (b > worstMentor) {
          worstMentor = b;
          worstSeat = w;
        }
      }
      const regret = Math.max(worstMentee, worstMentor);
      if (regret < best) {
        best = regret;
        bestSeatOf = seatOf.slice();
      }
      // A mentee at the worst rank can only get worse higher up: nothing above can do better.
      if (worstSeat === -1 || worstMentee >= worstMentor) break;
      let at = nextInChain[worstSeat]!;
      while (at < chainStart[worstSeat + 1]! && taken[chain[at]!] === 1) at++;
      nextInChain[worstSeat] = at;
      if (at === chainStart[worstSeat + 1]!) break; // that mentor already has its best stable mentees
      // Take the rotation and everything it needs, then apply the new ones in index order.
      const added: number[] = [];
      let sp = 0;
      stack[sp++] = chain[at]!;
      taken[chain[at]!] = 1;
      while (sp > 0) {
        const r = stack[--sp]!;
        added.push(r);
        for (let q = rot.predStart[r]!; q < rot.predStart[r + 1]!; q++) {
          const p = rot.pred[q]!;
          if (taken[p] === 0) {
            taken[p] = 1;
            stack[sp++] = p;
          }
        }
      }
      added.sort((x, y) => x - y);
      for (const r of added) applyRotation(rot, r, seatOf, false);
    }
    return buildResult(inst, mentorOfSeats(model, bestSeatOf), "minimum-regret", {
      tieBreak: { policy: "index" },
    });
  });
}
