import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomSerialDictatorship } from "../metrics/_api.js";
import { smallInstance } from "../metrics/_instances.js";

describe("randomSerialDictatorship", () => {
  it("takes its seed from the instance only: the same seed, the same order; a seed as an option is refused", () => {
    fc.assert(
      fc.property(smallInstance({ pins: true }), fc.integer({ min: 0, max: 1000 }), ({ instance }, seed) => {
        const a = randomSerialDictatorship({ ...instance, seed });
        const b = randomSerialDictatorship(structuredClone({ ...instance, seed }));
        expect(Array.from(a.mentorOf)).toEqual(Array.from(b.mentorOf));
        expect(a.strategy).toBe("random");
        // One home for the seed (issue 11, item 5): an option would be a second one, so it is an error.
        expect(() => randomSerialDictatorship(instance, { seed } as never)).toThrow(
          expect.objectContaining({
            code: "INVALID_OPTION",
            message: expect.stringMatching(new RegExp(`no option "seed".*instance\\.seed.*got ${seed}\\.`)),
          }),
        );
      }),
      { numRuns: 100 },
    );
  });

  it("different seeds give different orders on a contested instance", () => {
    // Ten mentees who all want mentor 0 first: whoever comes first gets it.
    const instance = { scores: Array.from({ length: 10 }, () => [2, 1, 1, 1, 1, 1, 1, 1, 1, 1]) };
    const winners = new Set<number>();
    for (let seed = 0; seed < 40; seed++)
      winners.add(randomSerialDictatorship({ ...instance, seed }).mentorOf.indexOf(0));
    expect(winners.size).toBeGreaterThan(3);
  });

  it("rejects a seed that is not an integer", () => {
    expect(() => randomSerialDictatorship({ scores: [[1]], seed: 0.5 })).toThrow(
      expect.objectContaining({ code: "INVALID_OPTION", message: expect.stringMatching(/got 0\.5/) }),
    );
  });
});
