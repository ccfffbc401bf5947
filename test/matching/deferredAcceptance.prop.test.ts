import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allStableMatchingsBruteForce,
  deferredAcceptance,
  greedyMatching,
  type MatchingInstance,
} from "../metrics/_api.js";
import { menteeValue, smallInstance } from "../metrics/_instances.js";

const RUNS = { numRuns: 300 };
const NEG = Number.NEGATIVE_INFINITY;

/** How mentor j values mentee i (naive; lists where given, else scores). */
function mentorValue(instance: MatchingInstance, j: number, i: number): number {
  const list = instance.mentorPreferences?.[j];
  if (list !== undefined) return -list.indexOf(i);
  return (instance.scores as number[][])[i]![j]!;
}

function menteeWorth(instance: MatchingInstance, i: number, j: number): number {
  return j === -1 ? NEG : (menteeValue(instance, i, j) ?? NEG);
}

/** Values of mentor j's mentees in a matching, best first. */
function groupValues(instance: MatchingInstance, mentorOf: Int32Array, j: number): number[] {
  const values: number[] = [];
  for (let i = 0; i < mentorOf.length; i++) if (mentorOf[i] === j) values.push(mentorValue(instance, j, i));
  return values.sort((a, b) => b - a);
}

/**
 * Strict instances where several stable matchings are common (complete lists, tight seats): one-to-one
 * and many-to-one. Each optimality property also checks that it met enough such instances.
 */
const contested = fc.oneof(
  smallInstance({
    strict: true,
    pins: true,
    completeLists: true,
    minMentees: 3,
    maxMentees: 5,
    minMentors: 3,
    maxMentors: 4,
    minCapacity: 1,
    maxCapacity: 1,
  }),
  smallInstance({
    strict: true,
    pins: true,
    completeLists: true,
    minMentees: 4,
    maxMentees: 6,
    minMentors: 2,
    maxMentors: 3,
    minCapacity: 1,
    maxCapacity: 2,
    modes: ["lists", "listsOnly", "menteeLists", "mentorLists"],
  }),
);
const OPTIMALITY_RUNS = { numRuns: 600 };

const proposers = fc.constantFrom("mentee" as const, "mentor" as const);
const ties = fc.constantFrom("index" as const, "seeded" as const);

describe("deferredAcceptance: properties", () => {
  it("mentee-proposing: every mentee weakly prefers its partner to its partner in any stable matching", () => {
    let several = 0;
    fc.assert(
      fc.property(contested, ({ instance }) => {
        const da = deferredAcceptance(instance).mentorOf;
        const stable = allStableMatchingsBruteForce(instance);
        if (stable.length > 1) several++;
        for (const other of stable) {
          for (let i = 0; i < da.length; i++) {
            expect(menteeWorth(instance, i, da[i]!)).toBeGreaterThanOrEqual(
              menteeWorth(instance, i, other[i]!),
            );
          }
        }
      }),
      OPTIMALITY_RUNS,
    );
    expect(several).toBeGreaterThan(20);
  });

  it("mentor-proposing: every mentor's group is pointwise best and every mentee's partner worst among stable matchings", () => {
    let several = 0;
    fc.assert(
      fc.property(contested, ({ instance }) => {
        const da = deferredAcceptance(instance, { proposer: "mentor" }).mentorOf;
        const m = instance.capacities!.length;
        const stable = allStableMatchingsBruteForce(instance);
        if (stable.length > 1) several++;
        for (const other of stable) {
          for (let i = 0; i < da.length; i++) {
            expect(menteeWorth(instance, i, da[i]!)).toBeLessThanOrEqual(menteeWorth(instance, i, other[i]!));
          }
          for (let j = 0; j < m; j++) {
            const mine = groupValues(instance, da, j);
            const theirs = groupValues(instance, other, j);
            // Rural hospitals theorem (Roth 1986): same group size; and each place is at least as good.
            expect(mine.length).toBe(theirs.length);
            for (let k = 0; k < mine.length; k++) expect(mine[k]!).toBeGreaterThanOrEqual(theirs[k]!);
          }
        }
      }),
      OPTIMALITY_RUNS,
    );
    expect(several).toBeGreaterThan(20);
  });

  it("with one score per pair and no ties, equals greedy (the unique stable matching)", () => {
    fc.assert(
      fc.property(
        smallInstance({ strict: true, modes: ["scores"], maxMentees: 7, maxMentors: 6 }),
        proposers,
        ({ instance }, proposer) => {
          const da = deferredAcceptance(instance, { proposer }).mentorOf;
          expect(Array.from(da)).toEqual(Array.from(greedyMatching(instance).mentorOf));
        },
      ),
      RUNS,
    );
  });
});

/** Larger instances, where proposers go past their first 16 candidates (the lazy streams refill). */
const larger = fc
  .record({
    n: fc.integer({ min: 20, max: 60 }),
    m: fc.integer({ min: 17, max: 50 }),
    distinct: fc.boolean(),
    seed: fc.noBias(fc.integer({ min: 1, max: 1 << 30 })),
    capacity: fc.integer({ min: 1, max: 3 }),
    form: fc.constantFrom("rows" as const, "csr" as const),
  })
  .map(({ n, m, distinct, seed, capacity, form }) => {
    let state = seed;
    const next = (): number => {
      state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
      return state / 0x80000000;
    };
    // Correlated scores (a common mentor quality plus noise) make many mentees compete for the same mentors.
    const quality = Array.from({ length: m }, () => next());
    const rows = Array.from({ length: n }, () =>
      Array.from({ length: m }, (_, j) => {
        const u = next();
        if (u < 0.1) return NEG;
        return distinct ? quality[j]! * 4 + next() : Math.floor(quality[j]! * 3 + next() * 2);
      }),
    );
    const capacities = Array.from({ length: m }, () => 1 + Math.floor(next() * capacity));
    return { rows, capacities, distinct, form };
  });

function toInstance(rows: number[][], capacities: number[], form: "rows" | "csr"): MatchingInstance {
  if (form === "rows") return { scores: rows, capacities };
  const rowStart = [0];
  const col: number[] = [];
  const value: number[] = [];
  rows.forEach((row) => {
    row.forEach((s, j) => {
      if (s !== NEG) {
        col.push(j);
        value.push(s);
      }
    });
    rowStart.push(col.length);
  });
  return {
    scores: {
      rows: rows.length,
      cols: capacities.length,
      rowStart: Int32Array.from(rowStart),
      col: Int32Array.from(col),
      value: Float64Array.from(value),
    },
    capacities,
  };
}

/** Blocking pairs by definition for one score per pair (both sides prefer higher scores). */
function naiveBlockingCount(rows: number[][], capacities: number[], mentorOf: Int32Array): number {
  let count = 0;
  for (let i = 0; i < rows.length; i++) {
    const cur = mentorOf[i] === -1 ? NEG : rows[i]![mentorOf[i]!]!;
    for (let j = 0; j < capacities.length; j++) {
      const s = rows[i]![j]!;
      if (s === NEG || !(s > cur)) continue;
      const held = Array.from(mentorOf.keys()).filter((k) => mentorOf[k] === j);
      if (held.length < capacities[j]! || held.some((k) => s > rows[k]![j]!)) count++;
    }
  }
  return count;
}

/** Greedy by definition: every allowed pair sorted by score, mentee index, mentor index. */
function naiveGreedy(rows: number[][], capacities: number[]): number[] {
  const pairs: [number, number, number][] = [];
  rows.forEach((row, i) => {
    row.forEach((s, j) => {
      if (s !== NEG) pairs.push([s, i, j]);
    });
  });
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const mentorOf = new Array<number>(rows.length).fill(-1);
  const room = [...capacities];
  for (const [, i, j] of pairs) {
    if (mentorOf[i] !== -1 || room[j]! === 0) continue;
    mentorOf[i] = j;
    room[j]!--;
  }
  return mentorOf;
}

describe("deferredAcceptance: larger instances (lazy candidate streams)", () => {
  it("leaves no blocking pair, and with distinct scores equals greedy by definition", () => {
    fc.assert(
      fc.property(larger, proposers, ties, ({ rows, capacities, distinct, form }, proposer, tie) => {
        const instance = toInstance(rows, capacities, form);
        const result = deferredAcceptance(instance, { proposer, ties: tie });
        expect(naiveBlockingCount(rows, capacities, result.mentorOf)).toBe(0);
        if (distinct) expect(Array.from(result.mentorOf)).toEqual(naiveGreedy(rows, capacities));
      }),
      { numRuns: 60 },
    );
  });

  it("more mentees than seats: the unmatched read their whole rows through every refill round", () => {
    // 120–220 mentees, 80–150 mentors with one seat: a mentee left out proposes to all its mentors, so the
    // streams select past 16, 64 and 256 candidates (quickselect and sort of the rest).
    const crowded = larger.chain((base) =>
      fc.record({
        extra: fc.integer({ min: 100, max: 160 }),
        mentors: fc.integer({ min: 80, max: 150 }),
        base: fc.constant(base),
      }),
    );
    fc.assert(
      fc.property(crowded, proposers, ({ extra, mentors, base }, proposer) => {
        const n = mentors + extra;
        const rows = Array.from({ length: n }, (_, i) =>
          Array.from(
            { length: mentors },
            (_, j) =>
              base.rows[i % base.rows.length]![j % base.capacities.length]! + ((i * 7 + j * 13) % 17) / 17,
          ),
        );
        const capacities = new Array<number>(mentors).fill(1);
        const result = deferredAcceptance(toInstance(rows, capacities, base.form), { proposer });
        expect(naiveBlockingCount(rows, capacities, result.mentorOf)).toBe(0);
        if (base.distinct) expect(Array.from(result.mentorOf)).toEqual(naiveGreedy(rows, capacities));
      }),
      { numRuns: 12 },
    );
  });

  it("goes past the first 16 candidates on these instances (the test reaches the refills)", () => {
    const [sample] = fc.sample(larger, { numRuns: 1, seed: 42 });
    const { rows, capacities } = sample!;
    const result = deferredAcceptance(toInstance(rows, capacities, "rows"));
    expect(Math.max(...result.metrics.menteeRanks.counts.keys()) + 1).toBeGreaterThan(16);
  });
});
