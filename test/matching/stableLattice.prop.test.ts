import * as fc from "fast-check";
import { allStableMatchings, deferredAcceptance, isStable } from "mentor-match";
import { allStableMatchingsBruteForce, matchingInstance } from "mentor-match/testing";
import { describe, expect, it } from "vitest";
import { strictInstances } from "./stableLatticeOracle.js";

const key = (m: Int32Array): string => Array.from(m).join(",");
const sorted = (ms: readonly Int32Array[]): string[] => ms.map(key).sort();

// Strict preferences (ranked lists on both sides), so stability is strict and the oracle's set is exact.
const strict = (opposed: boolean) =>
  matchingInstance({
    mentees: { min: 0, max: 6 },
    mentors: { min: 1, max: 4 },
    capacity: { min: 0, max: 2 },
    lists: "both",
    opposedLists: opposed,
    truncateLists: true,
    incomplete: 0.1,
    forbidden: 0.05,
    pins: 1,
  });

describe("allStableMatchings (rotations) against the brute-force oracle", () => {
  it("enumerates exactly the stable matchings, each once, mentee-optimal first", () => {
    fc.assert(
      fc.property(fc.oneof(strict(false), strictInstances()), (inst) => {
        const all = allStableMatchings(inst);
        expect(all.complete).toBe(true);
        const mine = sorted(all.matchings);
        expect(new Set(mine).size).toBe(mine.length);
        expect(mine).toEqual(sorted(allStableMatchingsBruteForce(inst)));
        expect(key(all.matchings[0]!)).toBe(key(all.menteeOptimal));
      }),
      { numRuns: 250 },
    );
  });

  it("finds large lattices of opposed one-to-one preferences", () => {
    const opposed = matchingInstance({ mentees: 6, mentors: 6, lists: "only", opposedLists: true });
    let largest = 0;
    fc.assert(
      fc.property(opposed, (inst) => {
        const all = allStableMatchings(inst);
        largest = Math.max(largest, all.matchings.length);
        expect(sorted(all.matchings)).toEqual(sorted(allStableMatchingsBruteForce(inst)));
      }),
      { numRuns: 40 },
    );
    expect(largest).toBeGreaterThan(3);
  });

  it("rotation predecessors have smaller indices, and each rotation moves mentees to worse mentors", () => {
    fc.assert(
      fc.property(strictInstances(), (inst) => {
        const all = allStableMatchings(inst);
        all.rotations.forEach((r, k) => {
          for (const p of r.requires) expect(p).toBeLessThan(k);
          expect(r.moves.length).toBeGreaterThanOrEqual(1);
          for (const mv of r.moves) {
            const list = inst.menteePreferences![mv.mentee]!;
            expect(list.indexOf(mv.toMentor)).toBeGreaterThanOrEqual(list.indexOf(mv.fromMentor));
          }
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe("allStableMatchings with preferences from scores (ties broken by index)", () => {
  const scored = matchingInstance({
    mentees: { min: 1, max: 6 },
    mentors: { min: 1, max: 4 },
    capacity: { min: 0, max: 3 },
    ties: true,
    incomplete: 0.15,
    minScore: true,
    pins: 2,
    lists: "mentors",
    form: "csr",
  });

  it("its extremes are the two deferred-acceptance matchings, and every matching is stable", () => {
    fc.assert(
      fc.property(scored, (inst) => {
        const all = allStableMatchings(inst);
        expect(key(all.menteeOptimal)).toBe(key(deferredAcceptance(inst, { proposer: "mentee" }).mentorOf));
        expect(key(all.mentorOptimal)).toBe(key(deferredAcceptance(inst, { proposer: "mentor" }).mentorOf));
        const weak = new Set(allStableMatchingsBruteForce(inst).map(key));
        for (const m of all.matchings) {
          expect(isStable(inst, m)).toBe(true);
          expect(weak.has(key(m))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
