/**
 * How a researcher property-tests a strategy of their own with the kit. This file imports only
 * "mentor-match/testing", as a project depending on the package would.
 *
 * The toy strategy: "mentors choose" — mentors in index order each take their highest-scoring free
 * mentees up to capacity. Cheap, but not stable in general: the tests below show both.
 */
import * as fc from "fast-check";
import {
  allStableMatchingsBruteForce,
  blockingPairs,
  bruteForceAssignment,
  compareStrategies,
  formatComparison,
  instanceView,
  isStable,
  isValidMatching,
  type MatchingInstance,
  match,
  matchingInstance,
  resultFromMentorOf,
} from "mentor-match/testing";
import { describe, expect, it } from "vitest";

/** The toy strategy, on the kit's dense view of the scores. */
function mentorsChoose(instance: MatchingInstance) {
  const { rows, cols, score, allowed, capacity } = instanceView(instance);
  const mentorOf = new Int32Array(rows).fill(-1);
  for (let j = 0; j < cols; j++) {
    for (let seat = 0; seat < capacity[j]!; seat++) {
      let best = -1;
      for (let i = 0; i < rows; i++) {
        if (mentorOf[i] !== -1 || !allowed(i, j)) continue;
        if (best === -1 || score(i, j) > score(best, j)) best = i;
      }
      if (best !== -1) mentorOf[best] = j;
    }
  }
  return resultFromMentorOf(instance, mentorOf, "mentors-choose");
}

const instances = matchingInstance({
  mentees: { min: 1, max: 6 },
  mentors: { min: 1, max: 4 },
  capacity: { min: 1, max: 2 },
  incomplete: 0.2,
  forbidden: 0.1,
});

describe("a researcher's own strategy, tested with mentor-match/testing", () => {
  it("always gives a valid matching", () => {
    fc.assert(
      fc.property(instances, (inst) => {
        expect(isValidMatching(inst, mentorsChoose(inst).mentorOf).violations).toEqual([]);
      }),
    );
  });

  it("never beats the optimal total over all matchings (brute force)", () => {
    fc.assert(
      fc.property(instances, (inst) => {
        const mine = mentorsChoose(inst).metrics.totalScore;
        expect(mine).toBeLessThanOrEqual(bruteForceAssignment(inst, { cardinality: "any" })!.total + 1e-9);
      }),
    );
  });

  it("is not always stable: fast-check finds and shrinks an instance with a blocking pair", () => {
    const out = fc.check(
      fc.property(instances, (inst) => isStable(inst, mentorsChoose(inst).mentorOf)),
      { seed: 1 },
    );
    expect(out.failed).toBe(true);
    const inst = out.counterexample![0];
    const pairs = blockingPairs(inst, mentorsChoose(inst).mentorOf);
    expect(pairs.length).toBeGreaterThan(0);
    // …while deferred acceptance on the same instance is stable, and one of the stable matchings.
    const stable = match(inst, { strategy: "stable" }).mentorOf;
    expect(allStableMatchingsBruteForce(inst).map((m) => m.join())).toContain(stable.join());
  });

  it("can be compared with the library's strategies", () => {
    const [inst] = fc.sample(
      matchingInstance({ mentees: 8, mentors: 4, capacity: 2, scores: "attributes" }),
      {
        numRuns: 1,
        seed: 11,
      },
    );
    const table = compareStrategies(inst!, [
      "stable",
      "optimal",
      { name: "mentors-choose", run: mentorsChoose },
    ]);
    expect(table.summary.map((s) => s.strategy)).toEqual(["stable", "optimal", "mentors-choose"]);
    expect(formatComparison(table, { format: "markdown" })).toContain("| mentors-choose |");
  });
});
