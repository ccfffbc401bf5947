import fc from "fast-check";
import { type MatchingInstance, type MatchResult, optimalAssignment } from "mentor-match";
import { bruteForceAssignment, checkOptimalityCertificate } from "mentor-match/testing";
import { describe, expect, it } from "vitest";
import { EPS, pinsValid, signedInstance, totalOf } from "./optimalAssignment.helpers.js";

const RUNS = { numRuns: 400 };
const MODES = ["any", "maximum", "perfect"] as const;
type Mode = (typeof MODES)[number];

const setting = fc.record({ maximize: fc.boolean(), cardinality: fc.constantFrom(...MODES) });

/** The solver's result, or the error code it threw. */
function solve(instance: MatchingInstance, maximize: boolean, cardinality: Mode): MatchResult | string {
  try {
    return optimalAssignment(instance, { maximize, cardinality });
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

describe("optimalAssignment (properties)", () => {
  it("equals brute force at n = 7 with 7 mentors", () => {
    fc.assert(
      fc.property(
        signedInstance(7, 7).filter((d) => d.grid.length === 7),
        setting,
        (d, { maximize, cardinality }) => {
          fc.pre(pinsValid(d) && d.grid[0]!.length <= 6);
          const oracle = bruteForceAssignment(d.instance, { maximize, cardinality });
          const r = solve(d.instance, maximize, cardinality);
          if (oracle === null) return r === "INFEASIBLE";
          if (typeof r === "string") return false;
          return Math.abs(totalOf(d, r.mentorOf) - oracle.total) <= EPS;
        },
      ),
      { numRuns: 60 },
    );
  });

  it("carries duals that certify optimality (feasibility, complementary slackness, no duality gap)", () => {
    fc.assert(
      fc.property(signedInstance(6, 5, { pins: false }), setting, (d, { maximize, cardinality }) => {
        const r = solve(d.instance, maximize, cardinality);
        if (typeof r === "string") return r === "INFEASIBLE";
        const report = checkOptimalityCertificate(d.instance, r, { maximize, cardinality });
        expect(report.violations).toEqual([]);
        expect(report.valid).toBe(true);
      }),
      RUNS,
    );
  });

  it("maximise(S) = −minimise(−S)", () => {
    fc.assert(
      fc.property(signedInstance(6, 5, { pins: false }), fc.constantFrom(...MODES), (d, cardinality) => {
        fc.pre(d.instance.minScore === undefined);
        const negated = {
          ...d.instance,
          scores: d.grid.map((row) => row.map((s) => (s === Number.NEGATIVE_INFINITY ? s : -s))),
        };
        const a = solve(d.instance, true, cardinality);
        const b = solve(negated, false, cardinality);
        if (typeof a === "string" || typeof b === "string") return a === b;
        let totalB = 0;
        for (let i = 0; i < b.mentorOf.length; i++)
          if (b.mentorOf[i]! >= 0) totalB += -d.grid[i]![b.mentorOf[i]!]!;
        return Math.abs(totalOf(d, a.mentorOf) + totalB) <= EPS;
      }),
      RUNS,
    );
  });
});
