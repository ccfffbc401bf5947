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
import { withProgress } from "./_internal/progress.js";
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
  /**
   * How equal scores are ordered, for the strategies that break ties (`stable`, `stable-mentor`,
   * `greedy`): `index` — lower index first; `seeded` — a lottery drawn from `instance.seed`, recorded in
   * `result.tieBreak`. The other strategies break ties by index; asking them for `seeded` is an error
   * rather than silently ignored. @defaultValue "index"
   */
  readonly ties?: "index" | "seeded";
  /**
   * Called from inside the matching as it goes, with work done and work in all (rows searched of rows to
   * place, proposers served of proposers): every few dozen rows, never per cell, so a listener costs
   * nothing measurable; the share it reports never goes back. For a progress bar. @defaultValue none
   */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The strategies that take a tie policy. */
const SEEDED_TIES: readonly StrategyName[] = ["stable", "stable-mentor", "greedy"];

/** Options `match` knows; anything else (a `seed`, say) is refused rather than ignored. */
const KNOWN_OPTIONS = new Set(["strategy", "ties", "onProgress"]);

function checkOptions(options: MatchOptions, strategy: string, ties: string): void {
  for (const key of Object.keys(options)) {
    if (KNOWN_OPTIONS.has(key)) continue;
    const seed = key === "seed";
    throw new MatchingInputError(
      "INVALID_OPTION",
      seed
        ? `match has no option "seed": the seed belongs to the instance (instance.seed), got ${String((options as { seed?: unknown }).seed)}.`
        : `match has no option ${JSON.stringify(key)}; it takes strategy, ties and onProgress.`,
      {
        hint: seed
          ? 'Pass the seed with the instance: match({ ...instance, seed }, { strategy, ties: "seeded" }).'
          : "Remove the option, or pass it to the strategy's own function.",
      },
    );
  }
  if (ties !== "index" && ties !== "seeded") {
    throw new MatchingInputError(
      "INVALID_OPTION",
      `ties must be "index" or "seeded", got ${JSON.stringify(ties)}.`,
    );
  }
  if (ties === "seeded" && !(SEEDED_TIES as readonly string[]).includes(strategy)) {
    throw new MatchingInputError(
      "INVALID_OPTION",
      `Strategy "${strategy}" breaks ties by index; ties "seeded" applies to ${SEEDED_TIES.join(", ")}.`,
      { hint: `Leave ties out, or use one of ${SEEDED_TIES.join(", ")}.` },
    );
  }
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
 * @throws MatchingInputError with code `UNKNOWN_STRATEGY` for a name not in {@link STRATEGIES};
 *   `INVALID_OPTION` for an option it does not know (the seed is `instance.seed`, not an option), a tie
 *   policy other than `index` / `seeded`, or `seeded` for a strategy that breaks ties by index; and the
 *   errors of the strategy itself (invalid scores, shapes, capacities, pins, a seed that is not a whole
 *   number).
 *
 * @example
 * const result = match({ scores: [[0.9, 0.2], [0.8, 0.7]] }, { strategy: "optimal" });
 * result.mentorOf; // Int32Array [0, 1]
 */
export function match(instance: MatchingInstance, options?: MatchOptions | null): MatchResult {
  const strategy = options?.strategy ?? "stable";
  const ties = options?.ties ?? "index";
  if (options !== undefined && options !== null && (STRATEGIES as readonly string[]).includes(strategy))
    checkOptions(options, strategy, ties);
  const onProgress = options?.onProgress;
  if (onProgress !== undefined && typeof onProgress !== "function") {
    throw new MatchingInputError(
      "INVALID_OPTION",
      `onProgress must be a function, got ${typeof onProgress}.`,
    );
  }
  return withProgress(onProgress, () => run(instance, strategy, ties));
}

function run(instance: MatchingInstance, strategy: StrategyName, ties: "index" | "seeded"): MatchResult {
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
      return greedyMatching(instance, { ties });
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
