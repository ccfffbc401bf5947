/**
 * Random serial dictatorship equals serial dictatorship by definition in the order drawn from the seed.
 * An internal test: the order comes from the library's own generator (matching/_internal/random.ts),
 * which the public API does not expose; the public properties are in randomSerialDictatorship.prop.test.ts
 * and test/matching/strategies.prop.test.ts.
 */
import fc from "fast-check";
import { type MatchingInstance, randomSerialDictatorship } from "mentor-match/matching";
import { describe, expect, it } from "vitest";
import { createRandom, randomPermutation } from "../../src/matching/_internal/random.js";
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

describe("randomSerialDictatorship (internal)", () => {
  it("equals serial dictatorship by definition in the seeded order", () => {
    fc.assert(
      fc.property(
        smallInstance({ pins: true, maxMentees: 6, maxMentors: 5, maxCapacity: 2 }),
        ({ instance }) => {
          const order = randomPermutation(sizes(instance).n, createRandom(instance.seed ?? 0));
          expect(Array.from(randomSerialDictatorship(instance).mentorOf)).toEqual(
            naiveSerialDictatorship(instance, order),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
