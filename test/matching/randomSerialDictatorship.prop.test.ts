import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type MatchingInstance, randomSerialDictatorship } from "../metrics/_api.js";
import { acceptable, menteeValue, smallInstance } from "../metrics/_instances.js";

function sizes(instance: MatchingInstance): { n: number; m: number } {
  return {
    n: instance.menteePreferences?.length ?? (instance.scores as number[][]).length,
    m: instance.capacities!.length,
  };
}

/**
 * Serial dictatorship from its definition, in a given order: each mentee takes the acceptable mentor with
 * room that it values most (equal values: lower mentor index).
 */
function naiveSerialDictatorship(instance: MatchingInstance, order: ArrayLike<number>): number[] {
  const { n, m } = sizes(instance);
  const mentorOf = new Array<number>(n).fill(-1);
  const room = [...instance.capacities!];
  for (const p of instance.pinned ?? []) {
    mentorOf[p.mentee] = p.mentor;
    room[p.mentor]!--;
  }
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    if (mentorOf[i] !== -1) continue;
    let best = -1;
    for (let j = 0; j < m; j++) {
      if (room[j]! <= 0 || !acceptable(instance, i, j)) continue;
      if (best === -1 || menteeValue(instance, i, j)! > menteeValue(instance, i, best)!) best = j;
    }
    if (best !== -1) {
      mentorOf[i] = best;
      room[best]!--;
    }
  }
  return mentorOf;
}

/** Every order of 0..n-1. */
function orders(n: number): number[][] {
  if (n === 0) return [[]];
  return orders(n - 1).flatMap((o) =>
    Array.from({ length: n }, (_, k) => [...o.slice(0, k), n - 1, ...o.slice(k)]),
  );
}

describe("randomSerialDictatorship", () => {
  it("equals serial dictatorship by definition in some order of the mentees (all orders tried, n ≤ 5)", () => {
    fc.assert(
      fc.property(
        smallInstance({ pins: true, maxMentees: 5, maxMentors: 4, maxCapacity: 2 }),
        ({ instance }) => {
          const got = Array.from(randomSerialDictatorship(instance).mentorOf).join(",");
          const possible = new Set(
            orders(sizes(instance).n).map((o) => naiveSerialDictatorship(instance, o).join(",")),
          );
          expect(possible).toContain(got);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("is deterministic for a seed, and the option overrides instance.seed", () => {
    fc.assert(
      fc.property(smallInstance({ pins: true }), fc.integer({ min: 0, max: 1000 }), ({ instance }, seed) => {
        const a = randomSerialDictatorship({ ...instance, seed });
        const b = randomSerialDictatorship(instance, { seed });
        expect(Array.from(a.mentorOf)).toEqual(Array.from(b.mentorOf));
        expect(a.strategy).toBe("random");
      }),
      { numRuns: 200 },
    );
  });

  it("different seeds give different orders on a contested instance", () => {
    // Ten mentees who all want mentor 0 first: whoever comes first gets it.
    const instance = { scores: Array.from({ length: 10 }, () => [2, 1, 1, 1, 1, 1, 1, 1, 1, 1]) };
    const winners = new Set<number>();
    for (let seed = 0; seed < 40; seed++)
      winners.add(randomSerialDictatorship(instance, { seed }).mentorOf.indexOf(0));
    expect(winners.size).toBeGreaterThan(3);
  });

  it("rejects a seed that is not an integer", () => {
    expect(() =>
      randomSerialDictatorship({ scores: [[1]] }, { seed: 0.5 }),
    ).toThrowErrorMatchingInlineSnapshot(`[MatchingInputError: seed must be an integer, got 0.5.]`);
  });
});
