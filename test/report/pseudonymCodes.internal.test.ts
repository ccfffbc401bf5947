/**
 * The pseudonyms of `--pseudonymize` (report/pseudonymCodes.ts, not exported): distinct codes derived from
 * the id and the seed. An internal unit test: the CLI's use of them is tested in
 * test/privacy/pseudonymize.test.ts.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pseudonymCodes } from "../../src/report/pseudonymCodes.js";
import { fuzzRuns } from "../fuzz/_harness.js";

const CODE = /^P-[0-9A-F]{4,8}(-\d+)?$/;

describe("pseudonymCodes", () => {
  it("gives distinct codes of the form P-XXXX, stable under the order of the ids, changing with the seed", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 300 }),
        fc.integer(),
        (ids, seed) => {
          const codes = pseudonymCodes(ids, seed);
          const again = pseudonymCodes([...ids].reverse(), seed);
          expect(new Set(codes.values()).size).toBe(ids.length);
          for (const id of ids) {
            expect(codes.get(id)).toMatch(CODE);
            expect(again.get(id)).toBe(codes.get(id));
          }
        },
      ),
      { numRuns: fuzzRuns(100) },
    );
  });

  it("keeps 6000 ids apart", () => {
    const ids = Array.from({ length: 6000 }, (_, k) => `S${k}`);
    expect(new Set(pseudonymCodes(ids, 1).values()).size).toBe(6000);
  });

  it("depends on the seed", () => {
    const a = pseudonymCodes(["S01", "S02", "M01"], 1);
    const b = pseudonymCodes(["S01", "S02", "M01"], 2);
    expect([...a.values()]).not.toEqual([...b.values()]);
  });
});
