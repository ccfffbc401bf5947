/**
 * `number[][]` scores read in place (deferred acceptance, greedy) against the same scores as a flat
 * `Float64Array`: identical results, and the same error for the same bad cell. Rows wide enough for the
 * scans' bars and four-cell steps (up to 400 columns), built the three ways callers build them (packed
 * doubles, small integers, `new Array(m)` filled).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  deferredAcceptance,
  greedyMatching,
  type MatchingInstance,
  optimalAssignment,
  type PinnedPair,
} from "mentor-match";
import { seededRandom as random } from "../_random.js";

const RUNS = { numRuns: Number(process.env.MENTOR_MATCH_FUZZ_RUNS ?? 40) };
const NEG = Number.NEGATIVE_INFINITY;

type Build = "double" | "integer" | "holey";

interface Case {
  readonly rows: number[][];
  readonly flat: Float64Array;
  readonly rest: Omit<MatchingInstance, "scores" | "rows" | "cols">;
}

/** A random instance: ties (small integers) or distinct doubles, -Infinity cells, masks, pins, lists. */
function makeCase(seed: number, build: Build): Case {
  const rnd = random(seed);
  const n = 1 + Math.floor(rnd() * 12);
  const m = rnd() < 0.2 ? Math.floor(rnd() * 8) : Math.floor(rnd() * 400);
  const ties = build === "integer" || rnd() < 0.4;
  const cell = (): number => {
    if (rnd() < 0.05) return NEG;
    return ties ? Math.floor(rnd() * 6) : rnd();
  };
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (build === "holey") {
      const row = new Array<number>(m);
      for (let j = 0; j < m; j++) row[j] = cell();
      rows.push(row);
    } else rows.push(Array.from({ length: m }, cell));
  }
  const flat = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) flat[i * m + j] = rows[i]![j]!;
  const capacities = Array.from({ length: m }, () => Math.floor(rnd() * 3));
  const forbidden = new Uint8Array(n * m);
  const useForbidden = rnd() < 0.4;
  if (useForbidden) for (let k = 0; k < n * m; k++) forbidden[k] = rnd() < 0.1 ? 1 : 0;
  const minScore = rnd() < 0.3 ? (ties ? 2 : 0.3) : undefined;
  const pinned: PinnedPair[] = [];
  if (rnd() < 0.3 && m > 0) {
    const load = new Array<number>(m).fill(0);
    for (let i = 0; i < n; i++) {
      const j = Math.floor(rnd() * m);
      const s = rows[i]![j]!;
      const ok = s !== NEG && (minScore === undefined || s >= minScore) && forbidden[i * m + j] === 0;
      if (ok && rnd() < 0.3 && load[j]! < capacities[j]!) {
        load[j]!++;
        pinned.push({ mentee: i, mentor: j });
      }
    }
  }
  const rest: Case["rest"] = {
    capacities,
    ...(useForbidden ? { forbidden } : {}),
    ...(minScore === undefined ? {} : { minScore }),
    ...(pinned.length > 0 ? { pinned } : {}),
    ...(rnd() < 0.2
      ? { mentorPreferences: Array.from({ length: m }, () => [...Array(n).keys()].reverse()) }
      : {}),
    seed: Math.floor(rnd() * 1000),
  };
  return { rows, flat, rest };
}

const builds: Build[] = ["double", "integer", "holey"];

describe("number[][] read in place", () => {
  it("gives the same results as the same scores in a Float64Array (deferred acceptance, greedy; optimal assignment from a copy)", () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...builds), (seed, build) => {
        const { rows, flat, rest } = makeCase(seed, build);
        const n = rows.length;
        const m = n === 0 ? 0 : rows[0]!.length;
        const asRows: MatchingInstance = { scores: rows, ...rest };
        const asFlat: MatchingInstance = { scores: flat, rows: n, cols: m, ...rest };
        for (const ties of ["index", "seeded"] as const) {
          for (const proposer of ["mentee", "mentor"] as const) {
            expect(deferredAcceptance(asRows, { ties, proposer })).toEqual(
              deferredAcceptance(asFlat, { ties, proposer }),
            );
          }
          expect(greedyMatching(asRows, { ties })).toEqual(greedyMatching(asFlat, { ties }));
        }
        // Copied rows (the working copy is reused from call to call, of every size): the same too.
        expect(optimalAssignment(asRows)).toEqual(optimalAssignment(asFlat));
        expect(optimalAssignment(asRows, { maximize: false, cardinality: "any" })).toEqual(
          optimalAssignment(asFlat, { maximize: false, cardinality: "any" }),
        );
      }),
      RUNS,
    );
  });

  it("reports the first bad cell in row-major order, whatever the path (in place, copied, flat)", () => {
    const bads: unknown[] = [Number.NaN, Number.POSITIVE_INFINITY, "0.5", null, undefined, true];
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom(...builds),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: bads.length - 1 })), {
          minLength: 1,
          maxLength: 3,
        }),
        (seed, build, spots) => {
          const { rows } = makeCase(seed, build);
          const n = rows.length;
          const m = n === 0 ? 0 : rows[0]!.length;
          if (n * m === 0) return;
          const bad = rows.map((row) => row.slice()) as unknown[][];
          let first = Number.POSITIVE_INFINITY;
          for (const [a, b, v] of spots) {
            const i = a % n;
            const j = b % m;
            bad[i]![j] = bads[v];
            first = Math.min(first, i * m + j);
          }
          const scores = bad as number[][];
          const run = (f: () => unknown): string => {
            try {
              f();
            } catch (error) {
              return (error as Error).message;
            }
            return "no error";
          };
          const expected = run(() => optimalAssignment({ scores })); // copied into a Float64Array
          expect(expected).toContain(`Score of mentee ${Math.floor(first / m)} and mentor ${first % m} is`);
          expect(run(() => deferredAcceptance({ scores }))).toBe(expected);
          expect(run(() => greedyMatching({ scores }))).toBe(expected);
          expect(run(() => deferredAcceptance({ scores, capacities: [-1] }))).toBe(expected);
          const value = bad[Math.floor(first / m)]![first % m];
          if (typeof value === "number") {
            const flat = Float64Array.from(scores.flat() as number[]);
            expect(run(() => deferredAcceptance({ scores: flat, rows: n, cols: m }))).toBe(expected);
          }
        },
      ),
      RUNS,
    );
  });

  it("checks a row's shape after the cells of the rows before it, as a copy does", () => {
    const scores = [[1, Number.NaN], [1], [1, 2]];
    const copied = () => optimalAssignment({ scores });
    expect(copied).toThrow("Score of mentee 0 and mentor 1 is NaN");
    expect(() => deferredAcceptance({ scores })).toThrow("Score of mentee 0 and mentor 1 is NaN");
    expect(() => greedyMatching({ scores })).toThrow("Score of mentee 0 and mentor 1 is NaN");
    const short = [[1, 2], [1], [Number.NaN, 2]];
    expect(() => optimalAssignment({ scores: short })).toThrow("Row 1 of the score matrix has 1 cells");
    expect(() => deferredAcceptance({ scores: short })).toThrow("Row 1 of the score matrix has 1 cells");
    expect(() => greedyMatching({ scores: short })).toThrow("Row 1 of the score matrix has 1 cells");
  });
});
