/**
 * Deferred acceptance is strategy-proof for the proposing side (Dubins & Freedman 1981; Roth 1982; for
 * many-to-one, mentee-proposing: Roth 1985): no proposer gains by reporting a different list. We search
 * every misreport of one proposer — every ordering of every subset of the other side — and find none that
 * gives it a mentor it truly prefers.
 */
import * as fc from "fast-check";
import { type MatchingInstance, match, matchingInstance } from "mentor-match/testing";
import { describe, expect, it } from "vitest";

/** Every ordered list of distinct items from 0..k-1 (all permutations of all subsets). */
function allLists(k: number): number[][] {
  const out: number[][] = [[]];
  const grow = (prefix: number[]): void => {
    for (let x = 0; x < k; x++) {
      if (prefix.includes(x)) continue;
      const next = [...prefix, x];
      out.push(next);
      grow(next);
    }
  };
  grow([]);
  return out;
}

/** How `owner` truly values getting `partner`: 0 = first choice … list length = nobody, + 1 = unacceptable. */
function trueRank(list: readonly number[], partner: number): number {
  if (partner === -1) return list.length;
  const at = list.indexOf(partner);
  return at === -1 ? list.length + 1 : at;
}

const lists = (mentees: number, mentors: number, capacity: { min: number; max: number }) =>
  fc.tuple(
    matchingInstance({
      mentees: { min: 1, max: mentees },
      mentors: { min: 1, max: mentors },
      capacity,
      lists: "only",
      truncateLists: true,
    }),
    fc.nat(),
  );

describe("strategy-proofness of deferred acceptance for the proposers", () => {
  it("no mentee gains by misreporting under mentee-proposing deferred acceptance (mentors with capacities)", () => {
    fc.assert(
      fc.property(lists(5, 4, { min: 1, max: 2 }), ([inst, pick]) => {
        const n = inst.menteePreferences!.length;
        const m = inst.mentorPreferences!.length;
        const liar = pick % n;
        const truth = inst.menteePreferences![liar]!;
        const honest = trueRank(truth, match(inst, { strategy: "stable" }).mentorOf[liar]!);
        for (const report of allLists(m)) {
          const menteePreferences = inst.menteePreferences!.map((l, i) => (i === liar ? report : l));
          const lied: MatchingInstance = { ...inst, menteePreferences };
          const got = trueRank(truth, match(lied, { strategy: "stable" }).mentorOf[liar]!);
          expect(got).toBeGreaterThanOrEqual(honest);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("no mentor gains by misreporting under mentor-proposing deferred acceptance (one mentee each)", () => {
    fc.assert(
      fc.property(lists(4, 5, { min: 1, max: 1 }), ([inst, pick]) => {
        const n = inst.menteePreferences!.length;
        const m = inst.mentorPreferences!.length;
        const liar = pick % m;
        const truth = inst.mentorPreferences![liar]!;
        const menteeOf = (mentorOf: Int32Array): number => mentorOf.indexOf(liar);
        const honest = trueRank(truth, menteeOf(match(inst, { strategy: "stable-mentor" }).mentorOf));
        for (const report of allLists(n)) {
          const mentorPreferences = inst.mentorPreferences!.map((l, j) => (j === liar ? report : l));
          const got = trueRank(
            truth,
            menteeOf(match({ ...inst, mentorPreferences }, { strategy: "stable-mentor" }).mentorOf),
          );
          expect(got).toBeGreaterThanOrEqual(honest);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("the search can find a profitable lie where one exists: mentors do gain against mentee-proposing", () => {
    // Sanity check of the search itself (Roth 1982: no stable mechanism is strategy-proof for both sides).
    const inst = {
      menteePreferences: [
        [0, 1],
        [1, 0],
      ],
      mentorPreferences: [
        [1, 0],
        [0, 1],
      ],
    };
    const truth = inst.mentorPreferences[0]!;
    const honest = trueRank(truth, match(inst, { strategy: "stable" }).mentorOf.indexOf(0));
    const gains = allLists(2).some((report) => {
      const lied = { ...inst, mentorPreferences: [report, inst.mentorPreferences[1]!] };
      return trueRank(truth, match(lied, { strategy: "stable" }).mentorOf.indexOf(0)) < honest;
    });
    expect(gains).toBe(true);
  });
});
