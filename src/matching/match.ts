/**
 * One entry point for every strategy, so that the same instance can be matched several ways and compared.
 */
import { MatchingInputError } from "../errors.js";
import { bottleneckAssignment } from "./bottleneckAssignment.js";
import { deferredAcceptance } from "./deferredAcceptance.js";
import { egalitarianStableMatching } from "./egalitarianStableMatching.js";
import { greedyMatching } from "./greedyMatching.js";
import { minimumRegretStableMatching } from "./minimumRegretStableMatching.js";
import { optimalAssignment } from "./optimalAssignment.js";
import { randomSerialDictatorship } from "./randomSerialDictatorship.js";
import { STRATEGIES } from "./strategies.js";
import type { MatchingInstance, MatchResult, StrategyName } from "./types.js";

export { STRATEGIES };

/** Options of {@link match}. */
export interface MatchOptions {
  /**
   * Which matching to form:
   * - `stable`: mentee-proposing deferred acceptance — no mentee and mentor would both rather be together;
   *   the best stable matching for every mentee.
   * - `stable-mentor`: mentor-proposing deferred acceptance — the best stable matching for every mentor.
   * - `optimal`: the largest total score (Jonker–Volgenant), with dual potentials as a certificate.
   * - `fair`: the best worst pair (bottleneck), then the largest total.
   * - `greedy`: best pair first (a baseline).
   * - `random`: random serial dictatorship with the instance's seed (a baseline).
   * - `egalitarian`: the stable matching with the least total rank over both sides.
   * - `minimum-regret`: the stable matching whose worst-off participant is best off.
   * @defaultValue "stable"
   */
  readonly strategy?: StrategyName;
  /** Tie policy for the stable strategies when preferences come from equal scores. @defaultValue "index" */
  readonly ties?: "index" | "seeded";
}

/**
 * Matches mentees with mentors by the named strategy.
 *
 * Complexity: that of the strategy — O(nm) for `stable`, `greedy` and `random` on dense scores,
 * O(n²m) worst case for `optimal` and `fair`, polynomial in the number of rotations for `egalitarian` and
 * `minimum-regret`.
 *
 * @param instance - scores (rows = mentees, columns = mentors), capacities, forbidden and pinned pairs, seed.
 * @param options - the strategy and tie policy.
 * @returns the matching: `mentorOf`, groups, the unmatched with reasons, metrics.
 * @throws MatchingInputError with code `UNKNOWN_STRATEGY` for a name not in {@link STRATEGIES}, and the
 *   errors of the strategy itself (invalid scores, shapes, capacities, pins).
 *
 * @example
 * const result = match({ scores: [[0.9, 0.2], [0.8, 0.7]] }, { strategy: "optimal" });
 * result.mentorOf; // Int32Array [0, 1]
 */
export function match(instance: MatchingInstance, options?: MatchOptions | null): MatchResult {
  const strategy = options?.strategy ?? "stable";
  const ties = options?.ties ?? "index";
  switch (strategy) {
    case "stable":
      return deferredAcceptance(instance, { proposer: "mentee", ties });
    case "stable-mentor":
      return deferredAcceptance(instance, { proposer: "mentor", ties });
    case "optimal":
      return optimalAssignment(instance);
    case "fair":
      return bottleneckAssignment(instance);
    case "greedy":
      return greedyMatching(instance);
    case "random":
      return randomSerialDictatorship(instance);
    case "egalitarian":
      return egalitarianStableMatching(instance);
    case "minimum-regret":
      return minimumRegretStableMatching(instance);
    default:
      throw new MatchingInputError(
        "UNKNOWN_STRATEGY",
        `Unknown strategy "${String(strategy)}". Known strategies: ${STRATEGIES.join(", ")}.`,
        { hint: "Pick one of the known strategies." },
      );
  }
}
