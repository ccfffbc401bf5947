/**
 * The research kit tells the truth: each fault found by cross-checking it with scipy, Python `matching`
 * and brute force (issue 11, item 6) has a case here, and the fixes are checked against oracles of their
 * own (a plain augmenting-path count, the brute force over stable matchings).
 */
import * as fc from "fast-check";
import * as main from "mentor-match";
import {
  allStableMatchingsBruteForce,
  blockingPairs,
  bruteForceAssignment,
  checkOptimalityCertificate,
  deferredAcceptance,
  instanceView,
  isProposerOptimal,
  isStable,
  isValidMatching,
  type MatchingInstance,
  match,
  matchingInstance,
  matchMetrics,
  optimalAssignment,
  type RankProfile,
  rankProfile,
  resultFromMentorOf,
} from "mentor-match/testing";
import * as matchingEntry from "mentor-match/matching";
import * as kit from "mentor-match/testing";
import { describe, expect, it } from "vitest";

describe("bruteForceAssignment honours ranked lists", () => {
  it("a pair a mentee's list leaves out is not allowed (the example of the issue)", () => {
    const inst = { scores: [[5, 1]], menteePreferences: [[1]] };
    const best = bruteForceAssignment(inst)!;
    expect(Array.from(best.mentorOf)).toEqual([1]);
    expect(isValidMatching(inst, best.mentorOf).valid).toBe(true);
    expect(Array.from(optimalAssignment(inst).mentorOf)).toEqual([1]);
  });

  it("a mentor's list too; a pinned pair stands whatever the lists say", () => {
    const inst = {
      scores: [
        [5, 1],
        [4, 3],
      ],
      mentorPreferences: [[1], [0, 1]],
      pinned: [{ mentee: 0, mentor: 0 }],
      capacities: [2, 1],
    };
    expect(Array.from(bruteForceAssignment(inst)!.mentorOf)).toEqual([0, 0]);
    expect(Array.from(optimalAssignment(inst).mentorOf)).toEqual([0, 0]);
  });

  it("agrees with the solvers on instances with lists (totals and validity)", () => {
    const withLists = fc.oneof(
      matchingInstance({ lists: "mentees", truncateLists: true, capacity: { min: 0, max: 2 }, pins: 1 }),
      matchingInstance({ lists: "mentors", truncateLists: true, ties: 3, form: "csr" }),
      matchingInstance({ lists: "both", truncateLists: true, incomplete: 0.2, form: "dense", pins: 2 }),
    );
    fc.assert(
      fc.property(withLists, (inst) => {
        const best = bruteForceAssignment(inst)!;
        expect(isValidMatching(inst, best.mentorOf).violations).toEqual([]);
        const opt = match(inst, { strategy: "optimal" });
        expect(opt.metrics.matched).toBe(best.matched);
        expect(opt.metrics.totalScore).toBeCloseTo(best.total, 9);
        const fair = bruteForceAssignment(inst, { objective: "bottleneck" })!;
        expect(isValidMatching(inst, fair.mentorOf).valid).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe("checkOptimalityCertificate certifies the number matched", () => {
  const inst = {
    scores: [
      [0.5, 0.2],
      [0.4, 0.1],
    ],
  };
  // Feasible, tight duals for the matching with mentee 0 left out: u = (0.5, 0.4), v = (0, 0).
  const short = {
    mentorOf: Int32Array.of(-1, 0),
    duals: { mentee: Float64Array.of(0.5, 0.4), mentor: Float64Array.of(0, 0) },
  };

  it("refuses a pair removed, in modes maximum and perfect (the example of the issue)", () => {
    for (const cardinality of ["maximum", "perfect"] as const) {
      const report = checkOptimalityCertificate(inst, short, { cardinality });
      expect(report.valid).toBe(false);
      expect(report.violations).toEqual([{ kind: "cardinality", amount: 1 }]);
    }
    // Mode "any" does not ask for a number, and the duals there fail for their own reason.
    expect(
      checkOptimalityCertificate(inst, short, { cardinality: "any" }).violations.map((v) => v.kind),
    ).not.toContain("cardinality");
  });

  it("accepts the solver's own results, and counts only pairs that any matching can reach", () => {
    expect(checkOptimalityCertificate(inst, optimalAssignment(inst)).valid).toBe(true);
    // Mentor 1 accepts nobody: the most that can be matched is 1 of 2, so [0, -1] is maximum.
    const narrow = {
      scores: [
        [0.5, Number.NEGATIVE_INFINITY],
        [0.4, Number.NEGATIVE_INFINITY],
      ],
    };
    const r = optimalAssignment(narrow);
    expect(r.metrics.matched).toBe(1);
    expect(checkOptimalityCertificate(narrow, r).valid).toBe(true);
    expect(checkOptimalityCertificate(narrow, r, { cardinality: "perfect" }).violations).toContainEqual({
      kind: "cardinality",
      amount: 1,
    });
  });

  it("the count it requires is the brute-force maximum", () => {
    fc.assert(
      fc.property(
        matchingInstance({ capacity: { min: 0, max: 2 }, incomplete: 0.4, forbidden: 0.2, pins: 1 }),
        (inst) => {
          const r = match(inst, { strategy: "optimal" });
          expect(checkOptimalityCertificate(inst, r).violations).toEqual([]);
          expect(r.metrics.matched).toBe(bruteForceAssignment(inst)!.matched);
          // One pair fewer is always caught.
          const k = r.mentorOf.findIndex(
            (j, i) => j !== -1 && !(inst.pinned ?? []).some((p) => p.mentee === i),
          );
          if (k === -1) return;
          const fewer = { mentorOf: r.mentorOf.slice(), duals: r.duals };
          fewer.mentorOf[k] = -1;
          expect(checkOptimalityCertificate(inst, fewer).violations.map((v) => v.kind)).toContain(
            "cardinality",
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("a pin on a pair that neither list names", () => {
  const lists = {
    menteePreferences: [[0], [1]],
    mentorPreferences: [[0], [1]],
    pinned: [{ mentee: 0, mentor: 1 }],
    capacities: [1, 2],
  };
  const withScores = {
    ...lists,
    scores: [
      [1, 1],
      [1, 1],
    ],
  };

  it("is kept the same way with scores + lists and with lists only", () => {
    for (const strategy of ["stable", "stable-mentor", "random", "egalitarian", "minimum-regret"] as const) {
      const a = match(withScores, { strategy });
      const b = match(lists, { strategy });
      expect(Array.from(b.mentorOf)).toEqual(Array.from(a.mentorOf));
      expect(b.mentorOf[0]).toBe(1);
      expect(isValidMatching(lists, b).valid).toBe(true);
      expect(isValidMatching(withScores, a).valid).toBe(true);
      expect(isStable(lists, b)).toBe(isStable(withScores, a));
    }
  });

  it("is refused the same way when a rule forbids the pair", () => {
    const forbidden = Uint8Array.of(0, 1, 0, 0);
    expect(() => match({ ...lists, forbidden })).toThrow(expect.objectContaining({ code: "PIN_FORBIDDEN" }));
    expect(() => match({ ...withScores, forbidden })).toThrow(
      expect.objectContaining({ code: "PIN_FORBIDDEN" }),
    );
  });
});

/** Highest rank in a profile, and the sum of ranks. */
const worst = (p: RankProfile): number => p.counts.length;
const sum = (p: RankProfile): number => p.counts.reduce((a, c, r) => a + c * (r + 1), 0);

/** The stable matchings of the strict preferences the lattice works on: scores, equal ones by index. */
function strictStableMatchings(inst: MatchingInstance): Int32Array[] {
  const v = instanceView(inst);
  const order = (count: number, value: (k: number) => number): number[] =>
    Array.from({ length: count }, (_, k) => k)
      .filter((k) => value(k) !== Number.NEGATIVE_INFINITY)
      .sort((a, b) => value(b) - value(a) || a - b);
  return allStableMatchingsBruteForce({
    rows: v.rows,
    cols: v.cols,
    capacities: Array.from(v.capacity),
    menteePreferences: Array.from({ length: v.rows }, (_, i) => order(v.cols, (j) => v.menteeValue(i, j))),
    mentorPreferences: Array.from({ length: v.cols }, (_, j) => order(v.rows, (i) => v.mentorValue(j, i))),
  });
}

describe("ranks: one definition for the metrics and the lattice strategies", () => {
  it("equal scores share a rank in the metrics, and the lattice optimises that rank", () => {
    // Mentor 0 scores every mentee the same: each of them has rank 1 in its order, not 1, 2, 3.
    const inst = {
      scores: [
        [0.9, 0.5],
        [0.9, 0.5],
        [0.9, 0.5],
      ],
      capacities: [3, 1],
    };
    const r = match(inst, { strategy: "minimum-regret" });
    expect(rankProfile(inst, r, { side: "mentor" })).toEqual({ counts: [3], unranked: 0, mean: 1 });
    expect(worst(r.metrics.mentorRanks)).toBe(1);
  });

  it("minimum regret and egalitarian reach the least worst rank and least rank sum that the metrics report", () => {
    const tied = fc.oneof(
      matchingInstance({
        mentees: { min: 1, max: 5 },
        mentors: { min: 1, max: 4 },
        ties: 2,
        capacity: { min: 1, max: 2 },
      }),
      matchingInstance({
        mentees: { min: 1, max: 5 },
        mentors: { min: 1, max: 4 },
        ties: 3,
        incomplete: 0.2,
      }),
    );
    fc.assert(
      fc.property(tied, (inst) => {
        const all = strictStableMatchings(inst).map((m) => matchMetrics(inst, m));
        const regret = (m: main.MatchMetrics) => Math.max(worst(m.menteeRanks), worst(m.mentorRanks));
        const cost = (m: main.MatchMetrics) => sum(m.menteeRanks) + sum(m.mentorRanks);
        const mr = match(inst, { strategy: "minimum-regret" }).metrics;
        const eg = match(inst, { strategy: "egalitarian" }).metrics;
        expect(regret(mr)).toBe(Math.min(...all.map(regret)));
        expect(cost(eg)).toBe(Math.min(...all.map(cost)));
      }),
      { numRuns: 150 },
    );
  });
});

describe("the checkers take one argument form", () => {
  it("a result or its mentorOf, with the same answer", () => {
    const inst = {
      scores: [
        [2, 1],
        [1, 2],
      ],
      mentorPreferences: [
        [1, 0],
        [0, 1],
      ],
    };
    const r = deferredAcceptance(inst);
    expect(isValidMatching(inst, r)).toEqual(isValidMatching(inst, r.mentorOf));
    expect(isStable(inst, r)).toBe(isStable(inst, r.mentorOf));
    expect(blockingPairs(inst, r)).toEqual(blockingPairs(inst, r.mentorOf));
    expect(matchMetrics(inst, r)).toEqual(matchMetrics(inst, r.mentorOf));
    expect(rankProfile(inst, r, { side: "mentor" })).toEqual(
      rankProfile(inst, r.mentorOf, { side: "mentor" }),
    );
    expect(isProposerOptimal(inst, r, "mentee")).toEqual(isProposerOptimal(inst, r.mentorOf, "mentee"));
    expect(resultFromMentorOf(inst, r.mentorOf, "again").mentorOf).toEqual(r.mentorOf);
  });
});

describe("mentor-match/testing re-exports the main entry's matching and metrics", () => {
  it("every matching and metrics function of the main entry, the same function", () => {
    const names = [
      "match",
      "deferredAcceptance",
      "optimalAssignment",
      "bottleneckAssignment",
      "greedyMatching",
      "randomSerialDictatorship",
      "allStableMatchings",
      "egalitarianStableMatching",
      "minimumRegretStableMatching",
      "blockingPairs",
      "isStable",
      "matchMetrics",
      "rankProfile",
      "compareStrategies",
      "formatComparison",
    ] as const;
    for (const name of names) {
      expect(typeof (kit as Record<string, unknown>)[name], name).toBe("function");
      expect((kit as Record<string, unknown>)[name], name).toBe((main as Record<string, unknown>)[name]);
    }
    expect(kit.STRATEGIES).toEqual(main.STRATEGIES);
  });

  it("every function of mentor-match/matching (the matching and metrics layers), derived, not listed by hand", () => {
    const functions = Object.entries(matchingEntry).filter(([, v]) => typeof v === "function");
    expect(functions.length).toBeGreaterThan(15);
    const missing = functions
      .filter(([name, v]) => (kit as Record<string, unknown>)[name] !== v && !/Error$/.test(name))
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it("and its own tools besides, which the main entry does not carry (it stays free of fast-check)", () => {
    for (const name of [
      "matchingInstance",
      "program",
      "isValidMatching",
      "checkOptimalityCertificate",
      "isProposerOptimal",
      "bruteForceAssignment",
      "allStableMatchingsBruteForce",
      "instanceView",
      "resultFromMentorOf",
    ]) {
      expect(typeof (kit as Record<string, unknown>)[name], name).toBe("function");
      expect((main as Record<string, unknown>)[name], name).toBeUndefined();
    }
  });
});
