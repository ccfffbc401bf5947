/**
 * The stable matchings form a distributive lattice (Knuth 1976, after Conway; Gusfield & Irving 1989,
 * §1.3; for capacities Roth & Sotomayor 1990, §5.4): giving every mentee the better (or the worse) of its
 * mentors in two stable matchings gives a stable matching again; the rotation enumeration lists exactly the
 * stable matchings.
 */
import * as fc from "fast-check";
import {
  allStableMatchings,
  allStableMatchingsBruteForce,
  isStable,
  matchingInstance,
} from "mentor-match/testing";
import { describe, expect, it } from "vitest";

const strict = matchingInstance({
  mentees: { min: 2, max: 6 },
  mentors: { min: 2, max: 5 },
  capacity: { min: 1, max: 2 },
  lists: "both",
  opposedLists: true,
  incomplete: 0.1,
});

const key = (m: Int32Array) => Array.from(m).join(",");

describe("the lattice of stable matchings", () => {
  it("the rotation enumeration equals the brute-force set", () => {
    fc.assert(
      fc.property(strict, (inst) => {
        const mine = allStableMatchings(inst).matchings.map(key).sort();
        expect(mine).toEqual(allStableMatchingsBruteForce(inst).map(key).sort());
      }),
      { numRuns: 150 },
    );
  });

  it("the mentee-wise better and worse of two stable matchings are stable, and in the set", () => {
    fc.assert(
      fc.property(strict, fc.nat(), fc.nat(), (inst, a, b) => {
        const all = allStableMatchings(inst).matchings;
        const x = all[a % all.length]!;
        const y = all[b % all.length]!;
        const place = (i: number, j: number) => inst.menteePreferences![i]!.indexOf(j);
        const better = x.map((j, i) => (place(i, j) <= place(i, y[i]!) ? j : y[i]!));
        const worse = x.map((j, i) => (place(i, j) >= place(i, y[i]!) ? j : y[i]!));
        const keys = new Set(all.map(key));
        for (const m of [better, worse]) {
          expect(isStable(inst, m)).toBe(true);
          expect(keys.has(key(m))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
