import * as fc from "fast-check";
import { isMentorMatchError, type MatchingInstance } from "mentor-match";
import { isValidMatching, type MatchingInstanceOptions, matchingInstance } from "mentor-match/testing";
import { describe, expect, it } from "vitest";

function sizeOf(inst: MatchingInstance): { rows: number; cols: number } {
  const s = inst.scores;
  if (s === undefined) return { rows: inst.menteePreferences!.length, cols: inst.mentorPreferences!.length };
  if (s instanceof Float64Array) return { rows: inst.rows!, cols: inst.cols! };
  if (Array.isArray(s)) return { rows: s.length, cols: inst.cols! };
  return { rows: (s as { rows: number }).rows, cols: (s as { cols: number }).cols };
}

function cells(inst: MatchingInstance): number[] {
  const s = inst.scores;
  if (s === undefined) return [];
  if (s instanceof Float64Array) return Array.from(s);
  if (Array.isArray(s)) return (s as number[][]).flat();
  return Array.from((s as { value: Float64Array }).value);
}

const variants: MatchingInstanceOptions[] = [
  {},
  { scores: "correlated", ties: true, capacity: { min: 0, max: 3 }, pins: 3, form: "dense" },
  {
    scores: "attributes",
    dimensions: 3,
    incomplete: 0.3,
    forbidden: 0.2,
    minScore: true,
    pins: 2,
    form: "csr",
  },
  { lists: "both", truncateLists: true, pins: 2, tags: ["ovz", "gifted"] },
  { lists: "only", opposedLists: true, capacity: { min: 1, max: 2 }, pins: 2 },
  { lists: "mentors", ties: 4, incomplete: 0.5, pins: 4, form: "csr" },
];

describe("matchingInstance", () => {
  it("generates valid instances: in range, pins allowed and within capacity", () => {
    for (const options of variants) {
      fc.assert(
        fc.property(
          matchingInstance({ ...options, mentees: { min: 0, max: 7 }, mentors: { min: 1, max: 5 } }),
          (inst) => {
            const { rows, cols } = sizeOf(inst);
            expect(rows).toBeGreaterThanOrEqual(0);
            expect(rows).toBeLessThanOrEqual(7);
            expect(cols).toBeGreaterThanOrEqual(1);
            expect(cols).toBeLessThanOrEqual(5);
            const pinnedOnly = new Int32Array(rows).fill(-1);
            for (const p of inst.pinned ?? []) pinnedOnly[p.mentee] = p.mentor;
            // isValidMatching validates the instance itself (it throws on a bad one) and the pins.
            expect(isValidMatching(inst, pinnedOnly).violations).toEqual([]);
            expect((inst.pinned ?? []).length).toBeLessThanOrEqual(options.pins ?? 0);
            expect(inst.capacities).toHaveLength(cols);
          },
        ),
        { numRuns: 60 },
      );
    }
  });

  it("draws scores on the scale asked for: [0, 1] by default, whole levels with ties", () => {
    fc.assert(
      fc.property(
        matchingInstance({ scores: "correlated" }),
        matchingInstance({ ties: true, form: "dense" }),
        (a, b) => {
          for (const v of cells(a)) expect(v >= 0 && v <= 1).toBe(true);
          for (const v of cells(b)) expect([0, 1, 2]).toContain(v);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("gives the form asked for", () => {
    const [dense] = fc.sample(matchingInstance({ form: "dense", mentees: 3, mentors: 2 }), {
      numRuns: 1,
      seed: 3,
    });
    expect(dense!.scores).toBeInstanceOf(Float64Array);
    expect([dense!.rows, dense!.cols]).toEqual([3, 2]);
    const [csr] = fc.sample(matchingInstance({ form: "csr", mentees: 3, mentors: 2, incomplete: 0.5 }), {
      numRuns: 1,
      seed: 3,
    });
    expect((csr!.scores as { rowStart: Int32Array }).rowStart).toBeInstanceOf(Int32Array);
    const [only] = fc.sample(matchingInstance({ lists: "only", mentees: 3, mentors: 2 }), {
      numRuns: 1,
      seed: 3,
    });
    expect(only!.scores).toBeUndefined();
    expect(only!.menteePreferences).toHaveLength(3);
  });

  it("is deterministic for a seed", () => {
    const arb = matchingInstance({ scores: "attributes", pins: 2, tags: ["a"] });
    expect(fc.sample(arb, { numRuns: 5, seed: 42 })).toEqual(fc.sample(arb, { numRuns: 5, seed: 42 }));
  });

  it("shrinks a failing case to the smallest instance that still fails", () => {
    const arb = matchingInstance({
      mentees: { min: 0, max: 9 },
      mentors: { min: 1, max: 6 },
      capacity: { min: 1, max: 3 },
    });
    const out = fc.check(
      fc.property(arb, (inst) => sizeOf(inst).rows < 4),
      { seed: 7 },
    );
    expect(out.failed).toBe(true);
    const smallest = out.counterexample![0];
    expect(sizeOf(smallest)).toEqual({ rows: 4, cols: 1 });
    expect(Array.from(smallest.capacities as number[])).toEqual([1]);
    expect(cells(smallest).every((v) => v === 0)).toBe(true);
  });

  it("rejects impossible options with a typed error", () => {
    const bad: MatchingInstanceOptions[] = [
      { mentees: { min: 3, max: 2 } },
      { incomplete: 1.5 },
      { ties: 1 },
      { pins: -1 },
      { scores: "normal" as never },
    ];
    for (const options of bad) {
      try {
        matchingInstance(options);
        expect.unreachable();
      } catch (e) {
        expect(isMentorMatchError(e) && e.code).toBe("INVALID_OPTION");
      }
    }
  });
});
