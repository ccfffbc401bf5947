/**
 * Fuzzing `match`: hostile instances (NaN, ±Infinity, huge and tiny numbers, bad capacities, pins and lists,
 * broken CSR) and valid ones from the research kit, through every strategy. Only typed errors may come out;
 * whatever comes back is a valid matching (every mentee in exactly one of groups / unmatched, capacities,
 * allowed pairs and pins hold).
 */
import { type MatchingInstance, match } from "mentor-match";
import { matchingInstance, STRATEGIES } from "mentor-match/testing";
import * as fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { violations } from "../invariants/_check.js";
import { fuzzCase, fuzzRuns, tallyReport } from "./_harness.js";

const NUMBER = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      0,
      -0,
      1,
      0.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      Number.MAX_VALUE,
      -Number.MAX_VALUE,
      Number.MIN_VALUE,
      1e300,
      -1e300,
      2 ** 53,
    ),
  },
  { weight: 1, arbitrary: fc.double() },
);

const INDEX = fc.oneof(
  { weight: 8, arbitrary: fc.nat(6) },
  { weight: 1, arbitrary: fc.constantFrom(-1, 1.5, 99, Number.NaN) },
);

const CAPACITY = fc.oneof(
  { weight: 8, arbitrary: fc.nat(3) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, 1e9, 2 ** 32 + 1),
  },
);

/** Instances that may break any rule of the contract. */
const hostileInstance: fc.Arbitrary<MatchingInstance> = fc
  .record({
    rows: fc.nat(6),
    cols: fc.nat(5),
    form: fc.constantFrom("rows", "dense", "csr"),
    cells: fc.array(NUMBER, { minLength: 42, maxLength: 42 }),
    holes: fc.array(fc.boolean(), { minLength: 42, maxLength: 42 }),
    capacities: fc.option(fc.array(CAPACITY, { maxLength: 6 })),
    pinned: fc.option(fc.array(fc.record({ mentee: INDEX, mentor: INDEX }), { maxLength: 3 })),
    forbidden: fc.option(fc.array(fc.nat(2), { minLength: 0, maxLength: 42 })),
    menteePreferences: fc.option(fc.array(fc.array(INDEX, { maxLength: 5 }), { maxLength: 7 })),
    mentorPreferences: fc.option(fc.array(fc.array(INDEX, { maxLength: 7 }), { maxLength: 6 })),
    minScore: fc.option(NUMBER),
    seed: fc.option(fc.oneof(fc.integer(), fc.constantFrom(0.5, -1, 2 ** 53, Number.NaN, 1e300))),
    tags: fc.option(
      fc.array(fc.array(fc.constantFrom("ovz", "gifted", "__proto__", "constructor"), { maxLength: 2 }), {
        maxLength: 7,
      }),
    ),
    fixShapes: fc.boolean(),
  })
  .map((d) => {
    const { rows, cols } = d;
    const inst: Record<string, unknown> = {};
    const cell = (i: number, j: number) => d.cells[(i * cols + j) % 42]!;
    if (d.form === "rows") {
      inst.scores = Array.from({ length: rows }, (_, i) =>
        Array.from({ length: cols }, (_, j) => cell(i, j)),
      );
    } else if (d.form === "dense") {
      inst.scores = Float64Array.from({ length: rows * cols }, (_, k) =>
        cell(Math.floor(k / cols), k % cols),
      );
      inst.rows = rows;
      inst.cols = cols;
    } else {
      const rowStart = new Int32Array(rows + 1);
      const col: number[] = [];
      const value: number[] = [];
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          if (d.holes[(i * cols + j) % 42]) continue;
          col.push(j);
          value.push(cell(i, j));
        }
        rowStart[i + 1] = col.length;
      }
      inst.scores = { rows, cols, rowStart, col: Int32Array.from(col), value: Float64Array.from(value) };
    }
    // With fixShapes, the arrays that must have one entry per participant get it, so that the deeper
    // checks (and the algorithms) are reached more often.
    const sized = <T>(list: readonly T[] | null, n: number, fill: T): T[] | null =>
      list === null ? null : d.fixShapes ? Array.from({ length: n }, (_, k) => list[k] ?? fill) : [...list];
    const capacities = sized(d.capacities, cols, 1);
    if (capacities !== null) inst.capacities = capacities;
    if (d.pinned !== null) inst.pinned = d.pinned;
    const forbidden = sized(d.forbidden, rows * cols, 0);
    if (forbidden !== null) inst.forbidden = Uint8Array.from(forbidden);
    const menteePreferences = sized(d.menteePreferences, rows, []);
    if (menteePreferences !== null) inst.menteePreferences = menteePreferences;
    const mentorPreferences = sized(d.mentorPreferences, cols, []);
    if (mentorPreferences !== null) inst.mentorPreferences = mentorPreferences;
    if (d.minScore !== null) inst.minScore = d.minScore;
    if (d.seed !== null) inst.seed = d.seed;
    const tags = sized(d.tags, rows, []);
    if (tags !== null) inst.menteeTags = tags;
    return inst as MatchingInstance;
  });

afterAll(() => {
  console.log(tallyReport("test/fuzz/match.test.ts"));
});

describe("fuzzing match", () => {
  it("hostile instances, every strategy: a valid matching or a typed error", () => {
    fc.assert(
      fc.property(hostileInstance, fc.constantFrom(...STRATEGIES), (inst, strategy) => {
        const out = fuzzCase(`hostile/${strategy}`, () => match(inst, { strategy }));
        if (out.ok) expect(violations(inst, out.value)).toEqual([]);
      }),
      { numRuns: fuzzRuns(600) },
    );
  });

  it("valid instances from the research kit, every strategy: a valid matching, or a typed refusal of lists only", () => {
    const valid = fc.oneof(
      matchingInstance({
        mentees: { min: 0, max: 7 },
        mentors: { min: 0, max: 5 },
        capacity: { min: 0, max: 3 },
      }),
      matchingInstance({ ties: true, incomplete: 0.3, forbidden: 0.2, minScore: true, pins: 2, form: "csr" }),
      matchingInstance({
        scores: "correlated",
        lists: "both",
        truncateLists: true,
        form: "dense",
        tags: ["ovz", "gifted"],
      }),
      matchingInstance({ lists: "only", opposedLists: true, capacity: { min: 1, max: 2 } }),
    );
    fc.assert(
      fc.property(valid, fc.constantFrom(...STRATEGIES), (inst, strategy) => {
        const ties =
          strategy === "stable" || strategy === "stable-mentor" || strategy === "greedy" ? "seeded" : "index";
        const out = fuzzCase(`valid/${strategy}`, () => match(inst, { strategy, ties }));
        if (out.ok) {
          expect(violations(inst, out.value)).toEqual([]);
        } else {
          // The only refusal a valid instance may get: a strategy that needs scores, given lists only.
          expect(inst.scores).toBeUndefined();
          expect((out.error as { code: string }).code).toBe("INVALID_SHAPE");
        }
      }),
      { numRuns: fuzzRuns(400) },
    );
  });

  it("larger valid instances stay within the time bound per case", () => {
    fc.assert(
      fc.property(
        matchingInstance({
          mentees: { min: 20, max: 60 },
          mentors: { min: 10, max: 30 },
          capacity: { min: 1, max: 3 },
          ties: 4,
        }),
        fc.constantFrom(...STRATEGIES),
        (inst, strategy) => {
          const out = fuzzCase(`large/${strategy}`, () => match(inst, { strategy }));
          expect(out.ok).toBe(true);
          if (out.ok) expect(violations(inst, out.value)).toEqual([]);
        },
      ),
      { numRuns: fuzzRuns(40) },
    );
  });
});
