import fc from "fast-check";
import { type MatchingInstance, type MatchResult, optimalAssignment } from "mentor-match";
import { bruteForceAssignment, checkOptimalityCertificate, isValidMatching } from "mentor-match/testing";
import { describe, expect, it } from "vitest";
import {
  countOf,
  type Drawn,
  EPS,
  permutationOf,
  pinsValid,
  relabel,
  signedInstance,
  totalOf,
} from "./optimalAssignment.helpers.js";

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

  it("equals brute force for n ≤ 6 (capacities, forbidden cells, pins, minScore, every cardinality mode)", () => {
    fc.assert(
      fc.property(signedInstance(), setting, (d, { maximize, cardinality }) => {
        fc.pre(pinsValid(d));
        const oracle = bruteForceAssignment(d.instance, { maximize, cardinality });
        const r = solve(d.instance, maximize, cardinality);
        if (oracle === null) {
          expect(r).toBe("INFEASIBLE");
          return;
        }
        if (typeof r === "string") throw new Error(`solver threw ${r}`);
        expect(Math.abs(totalOf(d, r.mentorOf) - oracle.total)).toBeLessThanOrEqual(EPS);
        if (cardinality !== "any") expect(countOf(r.mentorOf)).toBe(oracle.matched);
      }),
      { numRuns: 1500 },
    );
  });

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

  it("has the same optimal value after relabelling mentees and mentors", () => {
    const arb = signedInstance().chain((d) =>
      fc.tuple(fc.constant(d), permutationOf(d.grid.length), permutationOf(d.grid[0]!.length)),
    );
    fc.assert(
      fc.property(arb, setting, ([d, rp, cp], { maximize, cardinality }) => {
        fc.pre(pinsValid(d));
        const a = solve(d.instance, maximize, cardinality);
        const e: Drawn = relabel(d, rp, cp);
        const b = solve(e.instance, maximize, cardinality);
        if (typeof a === "string" || typeof b === "string") return a === b;
        const sameCount = cardinality === "any" || countOf(a.mentorOf) === countOf(b.mentorOf);
        return Math.abs(totalOf(d, a.mentorOf) - totalOf(e, b.mentorOf)) <= EPS && sameCount;
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

  it("gives the same value on dense, row and CSR forms of one instance", () => {
    fc.assert(
      fc.property(signedInstance(6, 5, { pins: false }), setting, (d, { maximize, cardinality }) => {
        const n = d.grid.length;
        const m = d.grid[0]!.length;
        const base = {
          capacities: d.instance.capacities,
          forbidden: d.instance.forbidden,
          minScore: d.instance.minScore,
        };
        const dense = solve(
          { ...base, scores: Float64Array.from(d.grid.flat()), rows: n, cols: m },
          maximize,
          cardinality,
        );
        const rows = solve({ ...base, scores: d.grid }, maximize, cardinality);
        if (typeof dense === "string" || typeof rows === "string") return dense === rows;
        return Math.abs(totalOf(d, dense.mentorOf) - totalOf(d, rows.mentorOf)) <= EPS;
      }),
      RUNS,
    );
  });
});
