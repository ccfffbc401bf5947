import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { greedyMatching, type MatchingInstance } from "../metrics/_api.js";
import { smallInstance } from "../metrics/_instances.js";

const NEG = Number.NEGATIVE_INFINITY;

/**
 * The score of an acceptable pair, else -Infinity: allowed by the scores and rules, and named by each side
 * that gave a ranked list (a pinned pair stands whatever the lists say).
 */
function effective(instance: MatchingInstance, i: number, j: number): number {
  const m = instance.capacities!.length;
  if (instance.forbidden !== undefined && instance.forbidden[i * m + j] !== 0) return NEG;
  const s = (instance.scores as number[][])[i]![j]!;
  if (s < (instance.minScore ?? NEG)) return NEG;
  const pinned = (instance.pinned ?? []).some((p) => p.mentee === i && p.mentor === j);
  if (!pinned && instance.menteePreferences !== undefined && !instance.menteePreferences[i]!.includes(j))
    return NEG;
  if (!pinned && instance.mentorPreferences !== undefined && !instance.mentorPreferences[j]!.includes(i))
    return NEG;
  return s;
}

/** Greedy from its definition: sort every allowed pair, take each whose mentee is free and mentor has room. */
function naiveGreedy(instance: MatchingInstance): number[] {
  const n = (instance.scores as number[][]).length;
  const m = instance.capacities!.length;
  const mentorOf = new Array<number>(n).fill(-1);
  const room = [...instance.capacities!];
  for (const p of instance.pinned ?? []) {
    mentorOf[p.mentee] = p.mentor;
    room[p.mentor]!--;
  }
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++)
      if (effective(instance, i, j) !== NEG) pairs.push([effective(instance, i, j), i, j]);
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  for (const [, i, j] of pairs) {
    if (mentorOf[i] !== -1 || room[j]! <= 0) continue;
    mentorOf[i] = j;
    room[j]!--;
  }
  return mentorOf;
}

const scoresOnly = smallInstance({
  pins: true,
  maxMentees: 7,
  maxMentors: 5,
  maxCapacity: 3,
  modes: ["scores"],
});

describe("greedyMatching", () => {
  it("equals greedy by definition (best pair first, ties by mentee then mentor index)", () => {
    fc.assert(
      fc.property(scoresOnly, ({ instance }) => {
        expect(Array.from(greedyMatching(instance).mentorOf)).toEqual(naiveGreedy(instance));
      }),
      { numRuns: 500 },
    );
  });

  it("orders by score, but pairs only whom the ranked lists accept (each side that gave one names the other)", () => {
    fc.assert(
      fc.property(smallInstance({ pins: true, modes: ["lists", "menteeLists"] }), ({ instance }) => {
        expect(Array.from(greedyMatching(instance).mentorOf)).toEqual(naiveGreedy(instance));
      }),
      { numRuns: 200 },
    );
  });

  it("seeded ties are reproducible, recorded, and pair only allowed cells", () => {
    fc.assert(
      fc.property(scoresOnly, ({ instance }) => {
        const a = greedyMatching(instance, { ties: "seeded" });
        const b = greedyMatching({ ...instance }, { ties: "seeded" });
        expect(Array.from(a.mentorOf)).toEqual(Array.from(b.mentorOf));
        expect(a.tieBreak).toEqual({ policy: "seeded", seed: instance.seed ?? 0 });
        for (let i = 0; i < a.mentorOf.length; i++) {
          const j = a.mentorOf[i]!;
          if (j !== -1) expect(effective(instance, i, j)).not.toBe(NEG);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("rejects an instance without scores and an unknown tie policy", () => {
    expect(() =>
      greedyMatching({ menteePreferences: [[0]], mentorPreferences: [[0]] }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[MatchingInputError: This strategy needs \`scores\`; the instance gives only preference lists. Give a score matrix, or use a stable strategy (deferred acceptance), which works from lists alone.]`,
    );
    expect(() =>
      greedyMatching({ scores: [[1]] }, { ties: "random" as never }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[MatchingInputError: ties must be "index" or "seeded", got "random".]`,
    );
  });

  it("is not optimal: the textbook 2 × 2 case where greedy gets 5 and the optimum is 8", () => {
    const result = greedyMatching({
      scores: [
        [5, 4],
        [4, 0],
      ],
    });
    expect(Array.from(result.mentorOf)).toEqual([0, 1]);
    expect(result.metrics.totalScore).toBe(5);
    expect(result.strategy).toBe("greedy");
  });
});
