import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildRankIndex, rankIn } from "../../src/matching/_internal/rankIndex.js";
import { deferredAcceptance, isStable, type MatchingInstance } from "./_api.js";

/** Lists of distinct targets, of any length (short lists give the sparse form, long ones the dense). */
const lists = fc
  .record({ owners: fc.integer({ min: 1, max: 30 }), targets: fc.integer({ min: 1, max: 30 }) })
  .chain(({ owners, targets }) =>
    fc.record({
      targets: fc.constant(targets),
      lists: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: targets - 1 }), { maxLength: targets }), {
        minLength: owners,
        maxLength: owners,
      }),
    }),
  );

describe("rank index (inverse of preference lists)", () => {
  it("gives 1 + the place in the list, 0 when not listed, in both forms", () => {
    let sparse = 0;
    fc.assert(
      fc.property(lists, ({ targets, lists }) => {
        const index = buildRankIndex(lists, targets);
        if (index.dense === null) sparse++;
        lists.forEach((list, o) => {
          for (let t = 0; t < targets; t++) expect(rankIn(index, o, t)).toBe(list.indexOf(t) + 1);
        });
      }),
      { numRuns: 300 },
    );
    expect(sparse).toBeGreaterThan(20);
  });

  it("deferred acceptance from short lists (sparse index) leaves no blocking pair by definition", () => {
    const short = fc
      .record({ n: fc.integer({ min: 8, max: 25 }), m: fc.integer({ min: 8, max: 25 }) })
      .chain(({ n, m }) =>
        fc.record({
          menteePreferences: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: m - 1 }), { maxLength: 3 }), {
            minLength: n,
            maxLength: n,
          }),
          mentorPreferences: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: 3 }), {
            minLength: m,
            maxLength: m,
          }),
          capacities: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: m, maxLength: m }),
        }),
      );
    fc.assert(
      fc.property(
        short,
        fc.constantFrom("mentee" as const, "mentor" as const),
        (instance: MatchingInstance, proposer) => {
          const { mentorOf } = deferredAcceptance(instance, { proposer });
          const menteeLists = instance.menteePreferences!;
          const mentorLists = instance.mentorPreferences!;
          const mutual = (i: number, j: number): boolean =>
            menteeLists[i]!.includes(j) && mentorLists[j]!.includes(i);
          for (let i = 0; i < mentorOf.length; i++) {
            const cur = mentorOf[i]!;
            if (cur !== -1) expect(mutual(i, cur)).toBe(true);
            const end = cur === -1 ? menteeLists[i]!.length : menteeLists[i]!.indexOf(cur);
            for (const j of menteeLists[i]!.slice(0, end)) {
              if (!mutual(i, j)) continue;
              const held = Array.from(mentorOf.keys()).filter((k) => mentorOf[k] === j);
              const free = held.length < instance.capacities![j]!;
              const displaces = held.some((k) => mentorLists[j]!.indexOf(i) < mentorLists[j]!.indexOf(k));
              expect(free || displaces).toBe(false);
            }
          }
          expect(isStable(instance, mentorOf)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
