import {
  allStableMatchings,
  egalitarianStableMatching,
  isMentorMatchError,
  minimumRegretStableMatching,
} from "mentor-match";
import { describe, expect, it } from "vitest";

// A 3 × 3 "Latin square": each mentee's first choice ranks it last. Three stable matchings in a chain.
const latin = {
  menteePreferences: [
    [0, 1, 2],
    [1, 2, 0],
    [2, 0, 1],
  ],
  mentorPreferences: [
    [1, 2, 0],
    [2, 0, 1],
    [0, 1, 2],
  ],
};

describe("allStableMatchings", () => {
  it("lists the three stable matchings of the Latin square in lattice order, with two rotations", () => {
    const all = allStableMatchings(latin);
    expect(all.matchings.map((m) => Array.from(m))).toEqual([
      [0, 1, 2],
      [1, 2, 0],
      [2, 0, 1],
    ]);
    expect(all.complete).toBe(true);
    expect(Array.from(all.menteeOptimal)).toEqual([0, 1, 2]);
    expect(Array.from(all.mentorOptimal)).toEqual([2, 0, 1]);
    expect(all.rotations).toHaveLength(2);
    expect(all.rotations[1]!.requires).toEqual([0]);
    expect(all.rotations[0]!.moves).toEqual([
      { mentee: 0, fromMentor: 0, toMentor: 1 },
      { mentee: 1, fromMentor: 1, toMentor: 2 },
      { mentee: 2, fromMentor: 2, toMentor: 0 },
    ]);
    // Egalitarian weight: mentees each lose one place (+3), mentors each gain one (−3).
    expect(all.rotations[0]!.weight).toBe(0);
  });

  it("handles many-to-one: a mentor with two seats (hospitals/residents)", () => {
    // Mentor 0 takes two; mentees 0 and 1 want mentor 0, mentee 2 wants mentor 1 first. Mentor 1 prefers
    // mentee 1 to mentee 2, and mentor 0 mentee 2 to mentee 1: two stable matchings.
    const all = allStableMatchings({
      menteePreferences: [
        [0, 1],
        [0, 1],
        [1, 0],
      ],
      mentorPreferences: [
        [2, 0, 1],
        [0, 1, 2],
      ],
      capacities: [2, 1],
    });
    expect(all.matchings.map((m) => Array.from(m))).toEqual([
      [0, 0, 1],
      [0, 1, 0],
    ]);
    expect(all.rotations).toHaveLength(1);
    expect(all.rotations[0]!.moves).toEqual([
      { mentee: 1, fromMentor: 0, toMentor: 1 },
      { mentee: 2, fromMentor: 1, toMentor: 0 },
    ]);
  });

  it("keeps pinned pairs in every matching", () => {
    const all = allStableMatchings({ ...latin, pinned: [{ mentee: 1, mentor: 0 }] });
    expect(all.matchings.length).toBeGreaterThan(0);
    for (const m of all.matchings) expect(m[1]).toBe(0);
  });

  it("stops at the limit, or throws a LimitError when asked to", () => {
    const truncated = allStableMatchings(latin, { limit: 2 });
    expect(truncated.complete).toBe(false);
    expect(truncated.matchings).toHaveLength(2);
    try {
      allStableMatchings(latin, { limit: 2, onLimit: "throw" });
      expect.unreachable();
    } catch (e) {
      expect(isMentorMatchError(e) && e.code).toBe("LIMIT_EXCEEDED");
    }
    expect(() => allStableMatchings(latin, { limit: 0 })).toThrowErrorMatchingInlineSnapshot(
      `[MatchingInputError: limit must be a whole number, 1 or more, got 0.]`,
    );
  });

  it("returns the empty matching for an instance without mentees", () => {
    const all = allStableMatchings({ scores: [], cols: 2 });
    expect(all.matchings.map((m) => Array.from(m))).toEqual([[]]);
  });
});

// Their properties (stable, least cost or regret among all stable matchings by brute force, for every
// instance kind): test/matching/strategies.prop.test.ts.
describe("egalitarianStableMatching", () => {
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
});

describe("minimumRegretStableMatching", () => {
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
});
