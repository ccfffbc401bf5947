/**
 * The egalitarian stable matching: among all stable matchings, one with the least total rank, summed over
 * both sides (each mentee's rank of its mentor plus each mentor's rank of each of its mentees).
 *
 * [Reference]: R. W. Irving, P. Leather, D. Gusfield, "An efficient algorithm for the 'optimal' stable
 * marriage", Journal of the ACM 34(3), 1987: the stable matchings are the closed subsets of the rotation
 * poset, and the egalitarian one is a minimum-weight closed subset, found by a minimum cut (Picard 1976).
 * Many-to-one by seats: D. Gusfield, R. W. Irving, "The Stable Marriage Problem", MIT Press 1989, §1.6.3.
 */
import { buildResult } from "./_internal/result.js";
import {
  applyRotation,
  buildSeatModel,
  findRotations,
  mentorOfSeats,
  rotationWeight,
} from "./_internal/rotations.js";
import { FlowNetwork } from "./_internal/rotationsMaxFlow.js";
import type { MatchingInstance, MatchResult } from "./types.js";
import { withInstance } from "./_internal/withInstance.js";

/**
 * The stable matching with the least sum of ranks over both sides (egalitarian cost).
 *
 * Ranks are 1-based and counted as the metrics count them (`result.metrics.menteeRanks` and
 * `mentorRanks`): a side's list where given, else 1 + the number of allowed partners it scores strictly
 * higher (equal scores share a rank). The stable matchings searched are those of the strict preferences
 * with equal scores broken by index. Every stable matching matches the same mentees (the rural hospitals theorem), so
 * the sums compare like with like. Among several matchings of least cost, the one best for the mentees is
 * returned. Complexity: O(n·m log m + L) for the rotations (L = total length of the seat-expanded lists),
 * plus a maximum flow on R + 2 nodes for R rotations (Dinic, O(R²·E) worst case, far less in practice).
 *
 * @param instance - scores and/or ranked lists, capacities, forbidden and pinned pairs.
 * @returns the matching, with `strategy: "egalitarian"` and `tieBreak: { policy: "index" }`.
 * @throws MatchingInputError for an invalid instance (NaN or +Infinity scores, wrong shapes, bad pins).
 * @throws InfeasibleError when pinned pairs exceed a mentor's capacity.
 * @example
 * const r = egalitarianStableMatching({
 *   scores: [[3, 2, 1], [1, 3, 2], [2, 1, 3]],
 *   mentorPreferences: [[1, 2, 0], [2, 0, 1], [0, 1, 2]],
 * });
 * r.mentorOf; // Int32Array [0, 1, 2]: every mentee's first choice, each mentor's third
 */
export function egalitarianStableMatching(instance: MatchingInstance): MatchResult {
  return withInstance(instance, { scoresOptional: true }, (inst) => {
    const model = buildSeatModel(inst);
    const rot = findRotations(model);
    const R = rot.count;
    const seatOf = rot.bottom.seatOf.slice();
    if (R > 0) {
      // Picard: source → r (weight < 0, capacity -weight), r → sink (weight > 0), r → each predecessor (∞).
      const source = R;
      const sink = R + 1;
      const net = new FlowNetwork(R + 2, R + rot.pred.length);
      for (let r = 0; r < R; r++) {
        const w = rotationWeight(rot, r);
        if (w < 0) net.addEdge(source, r, -w);
        else if (w > 0) net.addEdge(r, sink, w);
        for (let q = rot.predStart[r]!; q < rot.predStart[r + 1]!; q++) {
          net.addEdge(r, rot.pred[q]!, Number.POSITIVE_INFINITY);
        }
      }
      net.maxFlow(source, sink);
      // The smallest minimum cut (what the source reaches) is a closed set: apply it in index order.
      const chosen = net.sourceSide(source);
      for (let r = 0; r < R; r++) if (chosen[r] === 1) applyRotation(rot, r, seatOf, false);
    }
    return buildResult(inst, mentorOfSeats(model, seatOf), "egalitarian", { tieBreak: { policy: "index" } });
  });
}
