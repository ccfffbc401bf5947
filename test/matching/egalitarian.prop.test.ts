import * as fc from "fast-check";
import { allStableMatchings, egalitarianStableMatching, isStable } from "mentor-match";
import { allStableMatchingsBruteForce, isValidMatching, matchingInstance } from "mentor-match/testing";
import { describe, expect, it } from "vitest";
import { egalitarianCost, strictInstances } from "./stableLatticeOracle.js";

describe("egalitarianStableMatching", () => {
  it("is stable and has the least sum of ranks of all stable matchings (brute force)", () => {
    fc.assert(
      fc.property(strictInstances(), (inst) => {
        const result = egalitarianStableMatching(inst);
        expect(result.strategy).toBe("egalitarian");
        expect(isValidMatching(inst, result.mentorOf).valid).toBe(true);
        const all = allStableMatchingsBruteForce(inst);
        const key = Array.from(result.mentorOf).join(",");
        expect(all.map((m) => Array.from(m).join(","))).toContain(key);
        const best = Math.min(...all.map((m) => egalitarianCost(inst, m)));
        expect(egalitarianCost(inst, result.mentorOf)).toBe(best);
      }),
      { numRuns: 200 },
    );
  });

  it("picks the matching in the middle of the Latin square's lattice when it is strictly cheaper", () => {
    // Mentee i ranks mentor i first; mentors' lists make the middle matching cheapest in total.
    const inst = {
      menteePreferences: [
        [0, 1, 2],
        [1, 2, 0],
        [2, 0, 1],
      ],
      mentorPreferences: [
        [2, 1, 0],
        [0, 2, 1],
        [1, 0, 2],
      ],
    };
    // Stable matchings: [0,1,2] (cost 3 + 9 = 12), [1,2,0] (6 + 3 = 9), [2,0,1] (9 + 6 = 15).
    expect(Array.from(egalitarianStableMatching(inst).mentorOf)).toEqual([1, 2, 0]);
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
        const result = egalitarianStableMatching(inst);
        expect(isStable(inst, result.mentorOf)).toBe(true);
        const all = allStableMatchings(inst).matchings.map((m) => Array.from(m).join(","));
        expect(all).toContain(Array.from(result.mentorOf).join(","));
      }),
      { numRuns: 150 },
    );
  });
});
