/**
 * Turns a researcher's own matching (`mentorOf`) into a full `MatchResult`, so that a strategy of one's
 * own can be compared with the library's in `compareStrategies` and checked with the same metrics.
 */
import { MatchingInputError } from "../errors.js";
import { buildResult } from "../matching/_internal/result.js";
import type { MatchingInstance, MatchResult } from "../matching/types.js";
import { isValidMatching } from "./checkers/isValidMatching.js";
import { withInstance } from "../matching/_internal/withInstance.js";

/**
 * Builds the `MatchResult` of a matching: groups, the unmatched with reasons, metrics (scores, ranks of
 * both sides, blocking pairs, fill, tags). O(n·m) on dense scores (the metrics).
 *
 * @param instance - the instance the matching is for.
 * @param mentorOf - mentor of each mentee, -1 = none.
 * @param strategy - the name to record in the result.
 * @returns the result, as the library's strategies return it, with a copy of `mentorOf` of its own (the
 *   caller may reuse its array).
 * @throws MatchingInputError (`INVALID_SHAPE`) when `mentorOf` is not a valid matching of the instance (a
 *   pair not allowed, a mentor over capacity, a pin broken; the first violation is named); the instance's
 *   own validation errors otherwise.
 * @example
 * const inst = { scores: [[0.9, 0.2], [0.8, 0.7]] };
 * resultFromMentorOf(inst, Int32Array.of(1, 0), "swap").metrics.totalScore; // 1.0
 */
export function resultFromMentorOf(
  instance: MatchingInstance,
  mentorOf: Int32Array,
  strategy: string,
): MatchResult {
  const report = isValidMatching(instance, mentorOf);
  if (!report.valid) {
    const first = report.violations[0]!;
    throw new MatchingInputError(
      "INVALID_SHAPE",
      `The matching of strategy "${strategy}" is not valid: ${first.message}`,
      {
        hint: "Check the strategy with isValidMatching(instance, mentorOf) from mentor-match/testing.",
        details: { violations: report.violations.length },
      },
    );
  }
  return withInstance(instance, { scoresOptional: true }, (inst) => {
    return buildResult(inst, Int32Array.from(mentorOf), strategy);
  });
}
