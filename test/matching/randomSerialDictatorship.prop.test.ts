import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomSerialDictatorship } from "../metrics/_api.js";
import { smallInstance } from "../metrics/_instances.js";

describe("randomSerialDictatorship", () => {
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
