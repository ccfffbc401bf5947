import fc from "fast-check";
import { bottleneckAssignment, type MatchingInstance, type MatchResult } from "mentor-match";
import { bruteForceAssignment, isValidMatching } from "mentor-match/testing";
import { describe, expect, it } from "vitest";
import {
  countOf,
  EPS,
  permutationOf,
  pinsValid,
  relabel,
  signedInstance,
  totalOf,
} from "./optimalAssignment.helpers.js";

const RUNS = { numRuns: 400 };
const setting = fc.record({
  maximize: fc.boolean(),
  cardinality: fc.constantFrom("maximum" as const, "perfect" as const),
});

function solve(
  instance: MatchingInstance,
  maximize: boolean,
  cardinality: "maximum" | "perfect",
): MatchResult | string {
  try {
    return bottleneckAssignment(instance, { maximize, cardinality });
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

/** Worst score of a matching: the minimum when maximising, the maximum cost when minimising. */
function worstOf(grid: number[][], mentorOf: Int32Array, maximize: boolean): number {
  let worst = Number.NaN;
  for (let i = 0; i < mentorOf.length; i++) {
    const j = mentorOf[i]!;
    if (j < 0) continue;
    const s = grid[i]![j]!;
    if (Number.isNaN(worst) || (maximize ? s < worst : s > worst)) worst = s;
  }
  return worst;
}

/** Equal scores, or both "no pair" (NaN); -0 and +0 are the same score. */
function sameScore(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

describe("bottleneckAssignment (properties)", () => {
  it("returns a valid matching: allowed pairs, capacities, pins", () => {
    fc.assert(
      fc.property(signedInstance(), setting, (d, { maximize, cardinality }) => {
        fc.pre(pinsValid(d));
        const r = solve(d.instance, maximize, cardinality);
        if (typeof r === "string") return r === "INFEASIBLE";
        return isValidMatching(d.instance, r.mentorOf).valid;
      }),
      RUNS,
    );
  });

  it("has the brute-force size, worst pair and (given that worst pair) total, for n ≤ 6", () => {
    fc.assert(
      fc.property(signedInstance(), setting, (d, { maximize, cardinality }) => {
        fc.pre(pinsValid(d));
        const oracle = bruteForceAssignment(d.instance, { maximize, cardinality, objective: "bottleneck" });
        const r = solve(d.instance, maximize, cardinality);
        if (oracle === null) {
          expect(r).toBe("INFEASIBLE");
          return;
        }
        if (typeof r === "string") throw new Error(`solver threw ${r}`);
        expect(countOf(r.mentorOf)).toBe(oracle.matched);
        const worst = worstOf(d.grid, r.mentorOf, maximize);
        if (oracle.matched === 0) expect(worst).toBeNaN();
        // Numeric equality: a worst pair of -0 and one of +0 are the same score.
        else expect(worst + 0).toBe(oracle.worst + 0);
        expect(Math.abs(totalOf(d, r.mentorOf) - oracle.total)).toBeLessThanOrEqual(EPS);
      }),
      { numRuns: 1500 },
    );
  });

  it("reports the worst pair as metrics.minScore when maximising", () => {
    fc.assert(
      fc.property(signedInstance(), (d) => {
        fc.pre(pinsValid(d));
        const r = solve(d.instance, true, "maximum");
        if (typeof r === "string") return false;
        const worst = worstOf(d.grid, r.mentorOf, true);
        return Number.isNaN(worst) ? Number.isNaN(r.metrics.minScore) : r.metrics.minScore === worst;
      }),
      RUNS,
    );
  });

  it("has the same worst pair and total after relabelling mentees and mentors", () => {
    const arb = signedInstance().chain((d) =>
      fc.tuple(fc.constant(d), permutationOf(d.grid.length), permutationOf(d.grid[0]!.length)),
    );
    fc.assert(
      fc.property(arb, setting, ([d, rp, cp], { maximize, cardinality }) => {
        fc.pre(pinsValid(d));
        const e = relabel(d, rp, cp);
        const a = solve(d.instance, maximize, cardinality);
        const b = solve(e.instance, maximize, cardinality);
        if (typeof a === "string" || typeof b === "string") return a === b;
        const wa = worstOf(d.grid, a.mentorOf, maximize);
        const wb = worstOf(e.grid, b.mentorOf, maximize);
        return sameScore(wa, wb) && Math.abs(totalOf(d, a.mentorOf) - totalOf(e, b.mentorOf)) <= EPS;
      }),
      RUNS,
    );
  });

  it("puts every mentee in exactly one of groups / unmatched", () => {
    fc.assert(
      fc.property(signedInstance(), setting, (d, { maximize, cardinality }) => {
        fc.pre(pinsValid(d));
        const r = solve(d.instance, maximize, cardinality);
        if (typeof r === "string") return true;
        const seen = new Array<number>(d.grid.length).fill(0);
        for (const g of r.groups) for (const i of g.mentees) seen[i]! += 1;
        for (const u of r.unmatched) seen[u.mentee]! += 1;
        return seen.every((c) => c === 1);
      }),
      RUNS,
    );
  });
});
