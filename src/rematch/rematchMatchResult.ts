/** The whole program after re-matching, as a `MatchResult`: groups, the unmatched with reasons, metrics. */
import { MentorMatchError } from "../errors.js";
import { deferredAcceptance } from "../matching/deferredAcceptance.js";
import type { MatchResult, PinnedPair } from "../matching/types.js";
import { blockingPairs } from "../metrics/blockingPairs.js";
import type { RematchResult } from "./types.js";

/**
 * Builds the `MatchResult` of a re-matching over the whole program, so that it can be reported and
 * written like any run (`buildReportModel`, `renderOutputs`): every pair is pinned in today's instance and
 * the metrics and reasons are computed by the library's own result building. A mentee left without a
 * mentor by re-matching has no free seat with an acceptable mentor (every strategy of re-matching places
 * as many as it can), so no one else is placed; this is checked.
 *
 * Complexity: that of the metrics, O(n·m) on dense scores (ranks of both sides and blocking pairs). The
 * blocking pairs are counted over the whole program, kept pairs included (a pair in force that a late
 * joiner and its mentor would both rather break is one): the price of keeping the order in stability.
 *
 * @param result - the result of `rematch`.
 * @returns the result, strategy `rematch-<strategy>`.
 * @throws MentorMatchError (`INTERNAL`) if the pinned matching differs from the re-matching (a bug).
 *
 * @example
 * const input = { instance: { scores: [[0.9, 0.1], [0.8, 0.7]] }, mentees: [{ id: "S1" }, { id: "S2" }], mentors: [{ id: "M1" }, { id: "M2" }] };
 * const r = rematchMatchResult(rematch(input, { S2: "M1" }));
 * r.groups; // [{ mentor: 0, mentees: [1] }, { mentor: 1, mentees: [0] }]
 */
export function rematchMatchResult(result: RematchResult): MatchResult {
  const pinned: PinnedPair[] = [];
  const { mentorOf } = result;
  for (let i = 0; i < mentorOf.length; i++)
    if (mentorOf[i]! >= 0) pinned.push({ mentee: i, mentor: mentorOf[i]! });
  const full = deferredAcceptance({ ...result.instance, pinned });
  for (let i = 0; i < mentorOf.length; i++) {
    if (full.mentorOf[i] !== mentorOf[i]) {
      throw new MentorMatchError(
        "INTERNAL",
        `Re-matching left mentee ${i} without a mentor although an acceptable mentor has a free seat.`,
        { hint: "Please report this with the input (codes only).", details: { mentee: i } },
      );
    }
  }
  // The pinned run counts no blocking pair with a pinned mentee; count them over the whole program, kept
  // pairs included: what keeping the order costs in stability.
  const blocking = blockingPairs(result.instance, mentorOf).length;
  return {
    ...full,
    strategy: `rematch-${result.strategy}`,
    metrics: { ...full.metrics, blockingPairs: blocking },
  };
}
