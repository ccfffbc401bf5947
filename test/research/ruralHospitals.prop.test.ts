/**
 * The rural hospitals theorem (Roth 1984, 1986; Gale & Sotomayor 1985): with strict preferences, every
 * stable matching matches the same mentees, every mentor gets the same number of mentees, and a mentor
 * with a free seat gets exactly the same mentees in all of them.
 */
import * as fc from "fast-check";
import { allStableMatchings, allStableMatchingsBruteForce, matchingInstance } from "mentor-match/testing";
import { describe, expect, it } from "vitest";

const strict = fc.oneof(
  matchingInstance({
    mentees: { min: 1, max: 6 },
    mentors: { min: 1, max: 4 },
    capacity: { min: 0, max: 3 },
    lists: "only",
    truncateLists: true,
  }),
  matchingInstance({
    mentees: { min: 2, max: 6 },
    mentors: { min: 2, max: 4 },
    capacity: { min: 1, max: 2 },
    lists: "both",
    opposedLists: true,
    incomplete: 0.2,
  }),
);

function check(matchings: readonly Int32Array[], capacities: readonly number[]): void {
  const first = matchings[0]!;
  const matchedOf = (m: Int32Array) => Array.from(m, (j) => j !== -1);
  const fill = (m: Int32Array) => capacities.map((_, j) => m.filter((x) => x === j).length);
  const group = (m: Int32Array, j: number) => Array.from(m.keys()).filter((i) => m[i] === j);
  for (const other of matchings) {
    expect(matchedOf(other)).toEqual(matchedOf(first));
    expect(fill(other)).toEqual(fill(first));
    capacities.forEach((c, j) => {
      if (fill(first)[j]! < c) expect(group(other, j)).toEqual(group(first, j));
    });
  }
}

describe("the rural hospitals theorem", () => {
  it("holds on the brute-force set of stable matchings and on the rotation enumeration", () => {
    fc.assert(
      fc.property(strict, (inst) => {
        const caps = Array.from(inst.capacities as readonly number[]);
        check(allStableMatchingsBruteForce(inst), caps);
        check(allStableMatchings(inst).matchings, caps);
      }),
      { numRuns: 150 },
    );
  });
});
