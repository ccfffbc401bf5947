import {
  checkOptimalityCertificate,
  isProposerOptimal,
  isValidMatching,
  type MatchResult,
  match,
} from "mentor-match/testing";
import { optimalAssignment } from "mentor-match";
import { describe, expect, it } from "vitest";

describe("isValidMatching", () => {
  const inst = {
    scores: [
      [1, Number.NEGATIVE_INFINITY, 2],
      [3, 1, 0],
      [2, 2, 2],
    ],
    forbidden: Uint8Array.of(0, 0, 0, 0, 0, 1, 0, 0, 0),
    capacities: [1, 2, 1],
    pinned: [{ mentee: 2, mentor: 1 }],
  };

  it("accepts a valid matching", () => {
    expect(isValidMatching(inst, Int32Array.of(0, 1, 1))).toEqual({ valid: true, violations: [] });
    expect(isValidMatching(inst, Int32Array.of(-1, -1, 1)).valid).toBe(true);
  });

  it("names each broken rule", () => {
    const kinds = (m: Int32Array) => isValidMatching(inst, m).violations.map((v) => v.kind);
    expect(kinds(Int32Array.of(1, -1, 1))).toEqual(["not-allowed"]);
    expect(kinds(Int32Array.of(0, 2, 1))).toEqual(["not-allowed"]);
    expect(kinds(Int32Array.of(0, 0, 1))).toEqual(["over-capacity"]);
    expect(kinds(Int32Array.of(0, 1, 2))).toEqual(["pin-broken"]);
    expect(kinds(Int32Array.of(0, 7, 1))).toEqual(["out-of-range"]);
    expect(kinds(Int32Array.of(0, 1))).toEqual(["shape"]);
    expect(isValidMatching(inst, Int32Array.of(0, 0, 1)).violations[0]?.message).toBe(
      "Mentor 0 has 2 mentees for a capacity of 1.",
    );
  });

  it("treats a pair missing from a ranked list as not allowed", () => {
    const lists = { scores: [[1, 1]], menteePreferences: [[1]] };
    expect(isValidMatching(lists, Int32Array.of(0)).violations[0]?.kind).toBe("not-allowed");
    expect(isValidMatching(lists, Int32Array.of(1)).valid).toBe(true);
  });
});

describe("checkOptimalityCertificate", () => {
  const inst = {
    scores: [
      [0.9, 0.8, 0.1],
      [0.7, 0.1, -0.2],
      [0.5, 0.55, Number.NEGATIVE_INFINITY],
    ],
    capacities: [1, 1, 1],
  };

  it("accepts the duals of an optimal assignment, with primal = dual", () => {
    const result = match(inst, { strategy: "optimal" });
    const report = checkOptimalityCertificate(inst, result);
    expect(report.violations).toEqual([]);
    expect(report.valid).toBe(true);
    // Everyone matched first (the default mode "maximum"), then the best total: 0.1 + 0.7 + 0.55.
    expect(Array.from(result.mentorOf)).toEqual([2, 0, 1]);
    expect(report.primal).toBeCloseTo(1.35, 12);
    expect(report.dual).toBeCloseTo(report.primal, 12);
  });

  it('accepts the duals of mode "any", and proves them against every matching', () => {
    const result = optimalAssignment(inst, { cardinality: "any" });
    const report = checkOptimalityCertificate(inst, result, { cardinality: "any" });
    expect(report.violations).toEqual([]);
    // Best: mentee 0 → mentor 1, mentee 1 → mentor 0 (1.5); mentee 2 would lower it.
    expect(Array.from(result.mentorOf)).toEqual([1, 0, -1]);
    expect(report.primal).toBeCloseTo(1.5, 12);
    expect(report.dual).toBeCloseTo(report.primal, 12);
    // The duals of mode "maximum" do not prove optimality among all matchings.
    const maximum = match(inst, { strategy: "optimal" });
    expect(checkOptimalityCertificate(inst, maximum, { cardinality: "any" }).valid).toBe(false);
  });

  it("rejects a result without duals, and duals that are not tight or not feasible", () => {
    const greedy = match(inst, { strategy: "greedy" });
    expect(checkOptimalityCertificate(inst, greedy).violations.map((v) => v.kind)).toEqual(["no-duals"]);
    const optimal = match(inst, { strategy: "optimal" });
    const u = optimal.duals!.mentee.slice();
    u[0]! += 0.25;
    const loose: MatchResult = { ...optimal, duals: { mentee: u, mentor: optimal.duals!.mentor } };
    const kinds = checkOptimalityCertificate(inst, loose).violations.map((v) => v.kind);
    expect(kinds).toContain("not-tight");
    expect(kinds).toContain("gap");
    const low = optimal.duals!.mentee.map(() => 0);
    const infeasible: MatchResult = {
      ...optimal,
      duals: { mentee: low, mentor: optimal.duals!.mentor.map(() => 0) },
    };
    expect(checkOptimalityCertificate(inst, infeasible).violations.map((v) => v.kind)).toContain(
      "infeasible",
    );
  });

  it("rejects greedy's matching with the optimal duals when greedy is worse", () => {
    const optimal = match(inst, { strategy: "optimal" });
    const greedy = match(inst, { strategy: "greedy" });
    expect(greedy.metrics.totalScore).toBeLessThan(optimal.metrics.totalScore);
    const report = checkOptimalityCertificate(inst, { ...greedy, duals: optimal.duals! });
    expect(report.valid).toBe(false);
  });
});

describe("isProposerOptimal", () => {
  const inst = {
    scores: [
      [2, 1],
      [1, 2],
    ],
    mentorPreferences: [
      [1, 0],
      [0, 1],
    ],
  };

  it("confirms deferred acceptance for its proposing side, and only for it", () => {
    const stable = match(inst, { strategy: "stable" }).mentorOf;
    const mentorSide = match(inst, { strategy: "stable-mentor" }).mentorOf;
    expect(Array.from(stable)).toEqual([0, 1]);
    expect(Array.from(mentorSide)).toEqual([1, 0]);
    expect(isProposerOptimal(inst, stable, "mentee")).toMatchObject({
      optimal: true,
      stable: true,
      stableMatchings: 2,
    });
    expect(isProposerOptimal(inst, mentorSide, "mentor").optimal).toBe(true);
    const report = isProposerOptimal(inst, stable, "mentor");
    expect(report.optimal).toBe(false);
    expect(Array.from(report.counterexample!.matching)).toEqual([1, 0]);
  });

  it("reports an unstable matching as not optimal", () => {
    expect(isProposerOptimal(inst, Int32Array.of(-1, -1), "mentee")).toMatchObject({
      optimal: false,
      stable: false,
    });
  });
});
