import * as fc from "fast-check";
import { allStableMatchings, isStable, minimumRegretStableMatching } from "mentor-match";
import { allStableMatchingsBruteForce, isValidMatching, matchingInstance } from "mentor-match/testing";
import { describe, expect, it } from "vitest";
import { ranksOf, regret, strictInstances } from "./stableLatticeOracle.js";

describe("minimumRegretStableMatching", () => {
  it("is stable, has the least regret of all stable matchings, and is the mentees' best such (brute force)", () => {
    fc.assert(
      fc.property(strictInstances(), (inst) => {
        const result = minimumRegretStableMatching(inst);
        expect(result.strategy).toBe("minimum-regret");
        expect(isValidMatching(inst, result.mentorOf).valid).toBe(true);
        const all = allStableMatchingsBruteForce(inst);
        const keys = all.map((m) => Array.from(m).join(","));
        expect(keys).toContain(Array.from(result.mentorOf).join(","));
        const best = Math.min(...all.map((m) => regret(inst, m)));
        expect(regret(inst, result.mentorOf)).toBe(best);
        // Among the minimum-regret matchings, no other is at least as good for every mentee and better for one.
        const mine = ranksOf(inst, result.mentorOf).mentee;
        for (const other of all.filter((m) => regret(inst, m) === best)) {
          const theirs = ranksOf(inst, other).mentee;
          const dominates = theirs.every((r, k) => r <= mine[k]!) && theirs.some((r, k) => r < mine[k]!);
          expect(dominates).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("gives everybody a second choice in the 3 × 3 Latin square instead of a third", () => {
    const result = minimumRegretStableMatching({
      scores: [
        [3, 2, 1],
        [1, 3, 2],
        [2, 1, 3],
      ],
      mentorPreferences: [
        [1, 2, 0],
        [2, 0, 1],
        [0, 1, 2],
      ],
    });
    expect(Array.from(result.mentorOf)).toEqual([1, 2, 0]);
    expect(result.metrics.menteeRanks.counts).toEqual([0, 3]);
    expect(result.metrics.mentorRanks.counts).toEqual([0, 3]);
  });
  it("with preferences from scores (ties by index, CSR, pins, minimum score): one of the stable matchings", () => {
    const scored = matchingInstance({
      mentees: { min: 1, max: 7 },
      mentors: { min: 1, max: 4 },
      capacity: { min: 0, max: 3 },
      ties: true,
      incomplete: 0.15,
      minScore: true,
      pins: 2,
      lists: "mentors",
      form: "csr",
    });
    fc.assert(
      fc.property(scored, (inst) => {
        const result = minimumRegretStableMatching(inst);
        expect(isStable(inst, result.mentorOf)).toBe(true);
        const all = allStableMatchings(inst).matchings.map((m) => Array.from(m).join(","));
        expect(all).toContain(Array.from(result.mentorOf).join(","));
      }),
      { numRuns: 150 },
    );
  });
});
