import { describe, expect, it } from "vitest";
import { blockingPairs, deferredAcceptance, isStable, matchMetrics, rankProfile } from "./_api.js";

describe("matchMetrics: worked examples", () => {
  it("computes every figure of a small many-to-one matching by hand", () => {
    // Mentor 0 takes two mentees, mentor 1 one, mentor 2 nobody.
    const instance = {
      scores: [
        [0.9, 0.4, 0.1],
        [0.8, 0.7, 0.2],
        [0.3, 0.6, 0.5],
        [0.2, 0.1, Number.NEGATIVE_INFINITY],
      ],
      capacities: [2, 1, 1],
      menteeTags: [["ovz"], [], ["ovz", "rural"], ["rural"]],
    };
    const mentorOf = Int32Array.of(0, 0, 1, -1);
    const m = matchMetrics(instance, mentorOf);
    expect(m.mentees).toBe(4);
    expect(m.mentors).toBe(3);
    expect(m.matched).toBe(3);
    expect(m.totalScore).toBeCloseTo(2.3, 12);
    expect(m.meanScore).toBeCloseTo(2.3 / 3, 12);
    expect(m.minScore).toBe(0.6);
    // Mentee ranks: 0 → its best (1); 1 → mentor 0 = its best (1); 2 → mentor 1 = its best (1).
    expect(m.menteeRanks).toEqual({ counts: [3], unranked: 0, mean: 1 });
    // Mentor ranks: mentor 0 ranks mentee 0 first, mentee 1 second; mentor 1 ranks mentee 1 (0.7) above
    // mentee 2 (0.6), so mentee 2 is its second.
    expect(m.mentorRanks).toEqual({ counts: [1, 2], unranked: 0, mean: 5 / 3 });
    // Mentee 3 (unmatched) and mentor 2 (free seat, 0.2 > nothing)… mentee 3 cannot take mentor 2 (not
    // allowed); mentor 0 is full with 0.9 and 0.8 > 0.2; mentor 1 holds 0.6 > 0.1: no blocking pair.
    // Mentee 2 prefers nobody to mentor 1 (0.6 is its best). Mentee 1 would take mentor 1 (0.7) only
    // if it beat its 0.8: no. So the matching is stable.
    expect(m.blockingPairs).toBe(0);
    expect(m.mentorFill).toBe(3 / 4);
    expect(m.idleMentors).toBe(1);
    // ovz: mentees 0 (0.9, mentor 0's first) and 2 (0.6, mentor 1's second), each with its own best mentor;
    // rural: mentee 2, and mentee 3 unmatched (not in the rank profiles).
    expect(m.byTag).toEqual([
      {
        tag: "ovz",
        mentees: 2,
        matched: 2,
        meanScore: (0.9 + 0.6) / 2,
        minScore: 0.6,
        menteeRanks: { counts: [2], unranked: 0, mean: 1 },
        mentorRanks: { counts: [1, 1], unranked: 0, mean: 1.5 },
      },
      {
        tag: "rural",
        mentees: 2,
        matched: 1,
        meanScore: 0.6,
        minScore: 0.6,
        menteeRanks: { counts: [1], unranked: 0, mean: 1 },
        mentorRanks: { counts: [0, 1], unranked: 0, mean: 2 },
      },
    ]);
  });

  it("sums scores with compensation (Neumaier): 1e16 + 1 - 1e16 = 1", () => {
    const instance = { scores: [[1e16], [1], [-1e16]], capacities: [3] };
    const m = matchMetrics(instance, Int32Array.of(0, 0, 0));
    expect(m.totalScore).toBe(1);
    expect(1e16 + 1 - 1e16).toBe(0); // what plain summation gives
  });

  it("reports NaN score figures for an instance without scores, and ranks from the lists", () => {
    const result = deferredAcceptance({
      menteePreferences: [[1, 0], [0]],
      mentorPreferences: [[1, 0], [0]],
      menteeTags: [["gifted"], ["gifted"]],
    });
    expect(Array.from(result.mentorOf)).toEqual([1, 0]);
    const m = result.metrics;
    expect(m.totalScore).toBeNaN();
    expect(m.meanScore).toBeNaN();
    expect(m.minScore).toBeNaN();
    expect(m.byTag).toEqual([
      {
        tag: "gifted",
        mentees: 2,
        matched: 2,
        meanScore: Number.NaN,
        minScore: Number.NaN,
        menteeRanks: { counts: [2], unranked: 0, mean: 1 },
        mentorRanks: { counts: [2], unranked: 0, mean: 1 },
      },
    ]);
    expect(m.menteeRanks).toEqual({ counts: [2], unranked: 0, mean: 1 });
    // Mentor 0 ranks mentee 1 first; mentor 1 ranks mentee 0 first.
    expect(m.mentorRanks).toEqual({ counts: [2], unranked: 0, mean: 1 });
  });

  it("refuses a matching with a pair that a ranked list leaves out", () => {
    const instance = { scores: [[1, 2]], menteePreferences: [[1]] };
    // The mentee does not list mentor 0: the pair is not acceptable, so the matching is not one of this instance.
    expect(() => rankProfile(instance, Int32Array.of(0))).toThrowErrorMatchingInlineSnapshot(
      `[MatchingInputError: mentorOf pairs mentee 0 with mentor 0, a pair the instance does not allow. Check the matching with isValidMatching (mentor-match/testing).]`,
    );
    expect(() => blockingPairs(instance, Int32Array.of(0))).toThrow(/does not allow/);
    expect(rankProfile(instance, Int32Array.of(1))).toEqual({ counts: [1], unranked: 0, mean: 1 });
  });

  it("treats equal scores as indifference: a tie never blocks", () => {
    const instance = {
      scores: [
        [1, 1],
        [1, 1],
      ],
    };
    expect(isStable(instance, Int32Array.of(1, 0))).toBe(true);
    expect(isStable(instance, Int32Array.of(-1, 0))).toBe(false);
  });

  it("never counts a pinned mentee as blocking, nor a mentor whose seats are all pinned", () => {
    const instance = {
      scores: [
        [1, 9],
        [5, 1],
      ],
      pinned: [{ mentee: 0, mentor: 0 }],
    };
    // Mentee 0 would rather have mentor 1, but it is pinned; mentee 1 would rather have mentor 0, but
    // mentor 0's only seat is pinned.
    expect(blockingPairs(instance, Int32Array.of(0, 1))).toEqual([]);
  });
});

describe("metrics: errors", () => {
  it("rejects a mentorOf of the wrong length, out of range, or over capacity", () => {
    const instance = {
      scores: [
        [1, 2],
        [3, 4],
      ],
    };
    expect(() => blockingPairs(instance, Int32Array.of(0))).toThrowErrorMatchingInlineSnapshot(
      `[MatchingInputError: mentorOf must be an Int32Array with one entry per mentee (2), got length 1. Pass the mentorOf of a MatchResult, or build one with -1 for 'no mentor'.]`,
    );
    expect(() => isStable(instance, Int32Array.of(0, 2))).toThrowErrorMatchingInlineSnapshot(
      `[MatchingInputError: mentorOf[1] is 2; it must be -1 or a mentor index 0..1.]`,
    );
    expect(() => matchMetrics(instance, Int32Array.of(1, 1))).toThrowErrorMatchingInlineSnapshot(
      `[MatchingInputError: mentorOf gives mentor 1 more mentees than its capacity 1.]`,
    );
    expect(() =>
      rankProfile(instance, Int32Array.of(0, 1), { side: "both" as never }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[MatchingInputError: side must be "mentee" or "mentor", got "both".]`,
    );
  });
});
