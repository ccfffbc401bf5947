/**
 * Every optimal assignment carries a certificate: dual potentials that are feasible and complementary
 * to the matching (LP duality, Kuhn 1955), and its total equals the brute-force optimum.
 */
import * as fc from "fast-check";
import {
  bruteForceAssignment,
  checkOptimalityCertificate,
  match,
  matchingInstance,
} from "mentor-match/testing";
import { describe, expect, it } from "vitest";

const instances = fc.oneof(
  matchingInstance({
    mentees: { min: 0, max: 6 },
    mentors: { min: 1, max: 5 },
    capacity: { min: 0, max: 3 },
    incomplete: 0.2,
  }),
  matchingInstance({
    scores: "correlated",
    ties: 4,
    capacity: { min: 1, max: 2 },
    forbidden: 0.2,
    pins: 2,
    form: "dense",
  }),
  matchingInstance({ scores: "attributes", minScore: true, incomplete: 0.3, pins: 1, form: "csr" }),
);

describe("optimality certificates", () => {
  it("every optimal assignment has valid duals, and its total is the brute-force optimum", () => {
    fc.assert(
      fc.property(instances, (inst) => {
        const result = match(inst, { strategy: "optimal" });
        const report = checkOptimalityCertificate(inst, result);
        expect(report.violations).toEqual([]);
        expect(report.primal).toBeCloseTo(result.metrics.totalScore, 9);
        expect(result.metrics.totalScore).toBeCloseTo(bruteForceAssignment(inst)!.total, 9);
      }),
      { numRuns: 200 },
    );
  });
});
