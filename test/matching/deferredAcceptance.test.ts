import { match } from "mentor-match";
import { STRATEGIES } from "mentor-match/testing";
import { describe, expect, it } from "vitest";
import {
  allStableMatchingsBruteForce,
  blockingPairs,
  deferredAcceptance,
  isStable,
  type MatchingInstance,
} from "../metrics/_api.js";

/**
 * Builds lists from a Gale–Shapley "ranking matrix": cell (man, woman) = [man's rank of woman, woman's rank
 * of man], 1 = first choice. Men are mentees (rows), women are mentors (columns).
 */
function fromRankingMatrix(matrix: readonly (readonly (readonly [number, number])[])[]): MatchingInstance {
  const n = matrix.length;
  const m = matrix[0]!.length;
  const menteePreferences = matrix.map((row) =>
    Array.from({ length: m }, (_, j) => j).sort((a, b) => row[a]![0] - row[b]![0]),
  );
  const mentorPreferences = Array.from({ length: m }, (_, j) =>
    Array.from({ length: n }, (_, i) => i).sort((a, b) => matrix[a]![j]![1] - matrix[b]![j]![1]),
  );
  return { menteePreferences, mentorPreferences };
}

const list = (a: Int32Array): number[] => Array.from(a);

describe("deferredAcceptance: textbook examples", () => {
  // Gale & Shapley (1962), §3, the 3 × 3 example whose ranking matrix is a Latin square: three stable
  // matchings — every man's first choice, every woman's first choice, and everyone's second choice.
  const gs3 = fromRankingMatrix([
    [
      [1, 3],
      [2, 2],
      [3, 1],
    ],
    [
      [3, 1],
      [1, 3],
      [2, 2],
    ],
    [
      [2, 2],
      [3, 1],
      [1, 3],
    ],
  ]);

  it("Gale–Shapley 3 × 3: men (mentees) proposing gives every man his first choice", () => {
    expect(list(deferredAcceptance(gs3).mentorOf)).toEqual([0, 1, 2]);
  });

  it("Gale–Shapley 3 × 3: women (mentors) proposing gives every woman her first choice", () => {
    expect(list(deferredAcceptance(gs3, { proposer: "mentor" }).mentorOf)).toEqual([2, 0, 1]);
  });

  it("Gale–Shapley 3 × 3: the oracle finds exactly the three stable matchings of the paper", () => {
    expect(allStableMatchingsBruteForce(gs3).map(list)).toEqual([
      [0, 1, 2],
      [1, 2, 0],
      [2, 0, 1],
    ]);
  });

  // Gale & Shapley (1962), §3, the 4 × 4 example with a unique stable matching α–C, β–D, γ–A, δ–B.
  const gs4 = fromRankingMatrix([
    [
      [1, 3],
      [2, 3],
      [3, 2],
      [4, 3],
    ],
    [
      [1, 4],
      [4, 1],
      [3, 3],
      [2, 2],
    ],
    [
      [2, 2],
      [1, 4],
      [3, 4],
      [4, 1],
    ],
    [
      [4, 1],
      [2, 2],
      [3, 1],
      [1, 4],
    ],
  ]);

  it("Gale–Shapley 4 × 4: both proposing sides find the unique stable matching", () => {
    expect(list(deferredAcceptance(gs4).mentorOf)).toEqual([2, 3, 0, 1]);
    expect(list(deferredAcceptance(gs4, { proposer: "mentor" }).mentorOf)).toEqual([2, 3, 0, 1]);
    expect(allStableMatchingsBruteForce(gs4).map(list)).toEqual([[2, 3, 0, 1]]);
  });

  // Hospitals/residents with capacities and incomplete lists, in the style of Roth (1984) and Gusfield &
  // Irving (1989, §1.6); worked by hand. Residents r0..r4 (mentees), hospitals h0 (2 seats), h1, h2 (1).
  //   r0: h0 h1      r1: h0 h2      r2: h1 h0      r3: h0 h1 h2      r4: h2
  //   h0: r3 r2 r1 r0      h1: r0 r3 r2      h2: r1 r3   (r4 is not on h2's list: unacceptable)
  // Resident-proposing: r0,r1,r3 → h0 (keeps r3, r1; rejects r0); r0 → h1; r2 → h1 (h1 prefers r0:
  // reject); r2 → h0 (prefers r2 to r1: r1 out); r1 → h2; r4 → h2 (unacceptable). Result:
  //   r0–h1, r1–h2, r2–h0, r3–h0, r4 unmatched.
  const hr: MatchingInstance = {
    menteePreferences: [[0, 1], [0, 2], [1, 0], [0, 1, 2], [2]],
    mentorPreferences: [
      [3, 2, 1, 0],
      [0, 3, 2],
      [1, 3],
    ],
    capacities: [2, 1, 1],
  };

  it("hospitals/residents: resident-proposing, with capacities and an unacceptable pair", () => {
    const result = deferredAcceptance(hr);
    expect(list(result.mentorOf)).toEqual([1, 2, 0, 0, -1]);
    expect(result.groups).toEqual([
      { mentor: 0, mentees: [2, 3] },
      { mentor: 1, mentees: [0] },
      { mentor: 2, mentees: [1] },
    ]);
    expect(result.unmatched).toEqual([{ mentee: 4, reason: "no-eligible-partner", closest: [] }]);
    expect(result.metrics.blockingPairs).toBe(0);
    expect(result.metrics.totalScore).toBeNaN();
  });

  it("hospitals/residents: hospital-proposing gives the same here (a unique stable matching)", () => {
    // h0 proposes to r3, r2; h1 to r0; h2 to r1: everyone accepts, nobody prefers another offer.
    expect(list(deferredAcceptance(hr, { proposer: "mentor" }).mentorOf)).toEqual([1, 2, 0, 0, -1]);
    expect(allStableMatchingsBruteForce(hr).map(list)).toEqual([[1, 2, 0, 0, -1]]);
  });
});

describe("deferredAcceptance: the two optimal sides of a many-to-one market", () => {
  // Worked by hand (college admissions, Roth & Sotomayor 1990, ch. 5): residents r0..r2, hospitals h0
  // (2 seats) and h1 (1 seat).   r0: h1 h0   r1: h0 h1   r2: h0 h1   h0: r0 r2 r1   h1: r1 r0 r2
  // Resident-proposing: every resident gets its first choice (r0–h1, r1–h0, r2–h0).
  // Hospital-proposing: h0 offers r0 and r2, h1 offers r1; nobody gets a better offer (r0–h0, r1–h1, r2–h0):
  // every hospital gets its first choices. Both are stable and they are the only stable matchings.
  const market: MatchingInstance = {
    menteePreferences: [
      [1, 0],
      [0, 1],
      [0, 1],
    ],
    mentorPreferences: [
      [0, 2, 1],
      [1, 0, 2],
    ],
    capacities: [2, 1],
  };

  it("resident-proposing gives every resident its first choice", () => {
    const result = deferredAcceptance(market);
    expect(list(result.mentorOf)).toEqual([1, 0, 0]);
    expect(result.metrics.menteeRanks).toEqual({ counts: [3], unranked: 0, mean: 1 });
  });

  it("hospital-proposing gives every hospital its first choices", () => {
    const result = deferredAcceptance(market, { proposer: "mentor" });
    expect(list(result.mentorOf)).toEqual([0, 1, 0]);
    expect(result.metrics.mentorRanks).toEqual({ counts: [2, 1], unranked: 0, mean: 4 / 3 });
    expect(allStableMatchingsBruteForce(market).map(list)).toEqual([
      [0, 1, 0],
      [1, 0, 0],
    ]);
  });
});

describe("deferredAcceptance: scores, ties, pins", () => {
  it("prefers higher scores on both sides and returns a stable matching", () => {
    const instance = {
      scores: [
        [0.9, 0.5, 0.1],
        [0.8, 0.7, 0.3],
        [0.6, 0.65, 0.2],
      ],
    };
    const result = deferredAcceptance(instance);
    // (0,0) = 0.9 is the best pair; then (1,1) = 0.7; mentee 2 takes mentor 2.
    expect(list(result.mentorOf)).toEqual([0, 1, 2]);
    expect(isStable(instance, result.mentorOf)).toBe(true);
    expect(result.tieBreak).toEqual({ policy: "index" });
  });

  it("breaks equal scores by index under the index policy", () => {
    const result = deferredAcceptance({
      scores: [
        [1, 1],
        [1, 1],
      ],
      capacities: [1, 0],
    });
    expect(list(result.mentorOf)).toEqual([0, -1]);
    expect(result.unmatched).toEqual([{ mentee: 1, reason: "mentors-full", closest: [0] }]);
  });

  it("records the seeded policy and reproduces it", () => {
    const instance = { scores: Array.from({ length: 6 }, () => [1, 1, 1]), seed: 17 };
    const a = deferredAcceptance(instance, { ties: "seeded" });
    const b = deferredAcceptance(instance, { ties: "seeded" });
    expect(a.tieBreak).toEqual({ policy: "seeded", seed: 17 });
    expect(list(a.mentorOf)).toEqual(list(b.mentorOf));
    expect(a.metrics.matched).toBe(3);
    expect(blockingPairs(instance, a.mentorOf)).toEqual([]);
  });

  it("places pinned mentees first and matches the rest stably in the seats left", () => {
    const instance: MatchingInstance = {
      scores: [
        [9, 1],
        [8, 2],
        [7, 3],
      ],
      capacities: [2, 1],
      pinned: [{ mentee: 2, mentor: 0 }],
    };
    const result = deferredAcceptance(instance);
    expect(list(result.mentorOf)).toEqual([0, 1, 0]);
    expect(blockingPairs(instance, result.mentorOf)).toEqual([]);
  });

  it("honours forbidden cells, minScore and CSR input", () => {
    const forbidden = Uint8Array.of(1, 0, 0, 0);
    const dense = deferredAcceptance({
      scores: [
        [5, 1],
        [4, 0.5],
      ],
      forbidden,
      minScore: 0.8,
    });
    expect(list(dense.mentorOf)).toEqual([1, 0]);
    const csr = deferredAcceptance({
      scores: {
        rows: 2,
        cols: 2,
        rowStart: Int32Array.of(0, 1, 3),
        col: Int32Array.of(1, 1, 0),
        value: Float64Array.of(1, 0.5, 4),
      },
      minScore: 0.8,
    });
    expect(list(csr.mentorOf)).toEqual([1, 0]);
  });

  it("uses a side's lists and the other side's scores", () => {
    // Mentee 0 ranks mentor 1 first although its score is lower; mentor 1 prefers mentee 0 by score.
    const instance: MatchingInstance = {
      scores: [
        [9, 5],
        [1, 2],
      ],
      menteePreferences: [
        [1, 0],
        [0, 1],
      ],
    };
    expect(list(deferredAcceptance(instance).mentorOf)).toEqual([1, 0]);
  });
});

describe("deferredAcceptance: errors", () => {
  it("rejects an unknown option", () => {
    expect(() =>
      deferredAcceptance({ scores: [[1]] }, { proposer: "curator" as never }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[MatchingInputError: proposer must be "mentee" or "mentor", got "curator".]`,
    );
    expect(() =>
      deferredAcceptance({ scores: [[1]] }, { ties: "coin" as never }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[MatchingInputError: ties must be "index" or "seeded", got "coin".]`,
    );
  });

  it("rejects an instance with neither scores nor both lists", () => {
    expect(() =>
      deferredAcceptance({ menteePreferences: [[0]] } as MatchingInstance),
    ).toThrowErrorMatchingInlineSnapshot(
      `[MatchingInputError: A matching instance needs \`scores\`, or both \`menteePreferences\` and \`mentorPreferences\`. Give a score matrix (rows = mentees, columns = mentors) or a ranked list for every participant.]`,
    );
  });

  it("rejects NaN scores, a list naming a mentor out of range, and pins over capacity", () => {
    expect(() => deferredAcceptance({ scores: [[Number.NaN]] })).toThrowErrorMatchingInlineSnapshot(
      `[MatchingInputError: Score of mentee 0 and mentor 0 is NaN; scores must be finite numbers or -Infinity (pair not allowed).]`,
    );
    expect(() =>
      deferredAcceptance({ menteePreferences: [[3]], mentorPreferences: [[0]] }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[MatchingInputError: The preference list of mentee 0 names 3, outside 0..0.]`,
    );
    expect(() =>
      deferredAcceptance({
        scores: [[1], [1]],
        pinned: [
          { mentee: 0, mentor: 0 },
          { mentee: 1, mentor: 0 },
        ],
      }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[InfeasibleError: Mentor 0 has 2 pinned mentees but a capacity of 1. Raise the mentor's capacity or remove a pin.]`,
    );
  });

  it("finds the first NaN / +Infinity in row-major order while it reads the rows (no check pass of its own)", () => {
    // Mentee-proposing deferred acceptance checks the matrix during its first round. Every cell must still
    // be looked at: in a pinned mentee's row, in a forbidden cell, below minScore, in a row's first
    // candidates and far past them (40 columns: the scan of four cells per step and its tail).
    const rows = 4;
    const cols = 42;
    const base = (i: number, j: number) => ((i * 31 + j * 17) % 23) / 23;
    const forbidden = new Uint8Array(rows * cols);
    forbidden[1 * cols + 5] = 1;
    const cases: { cells: number[]; options?: Partial<MatchingInstance> }[] = [];
    for (let k = 0; k < rows * cols; k += 3) cases.push({ cells: [k] });
    cases.push({ cells: [2 * cols + 40, 3 * cols + 1] }, { cells: [3 * cols + 41, 0 * cols + 41] });
    cases.push({ cells: [1 * cols + 5], options: { forbidden } });
    cases.push({ cells: [0 * cols + 30], options: { pinned: [{ mentee: 0, mentor: 2 }] } });
    cases.push({ cells: [2 * cols + 7], options: { minScore: 0.5 } });
    for (const { cells, options } of cases) {
      for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
        const scores = new Float64Array(rows * cols);
        for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) scores[i * cols + j] = base(i, j);
        scores[2 * cols + 3] = Number.NEGATIVE_INFINITY;
        for (const k of cells) scores[k] = bad;
        const first = Math.min(...cells);
        const message = `Score of mentee ${Math.floor(first / cols)} and mentor ${first % cols} is ${bad}`;
        for (const ties of ["index", "seeded"] as const) {
          for (const proposer of ["mentee", "mentor"] as const) {
            const run = () => deferredAcceptance({ scores, rows, cols, ...options }, { proposer, ties });
            expect(run).toThrow(message);
          }
        }
      }
    }
  });

  it("still reports an invalid score first when the instance has another mistake too", () => {
    const scores = [
      [1, 2],
      [3, Number.NaN],
    ];
    const expected = "Score of mentee 1 and mentor 1 is NaN";
    expect(() => deferredAcceptance({ scores, capacities: [1, -1] })).toThrow(expected);
    expect(() => deferredAcceptance({ scores, minScore: Number.NaN })).toThrow(expected);
    expect(() =>
      deferredAcceptance({
        scores,
        pinned: [
          { mentee: 0, mentor: 0 },
          { mentee: 1, mentor: 0 },
        ],
      }),
    ).toThrow(expected);
    expect(() => deferredAcceptance({ scores, mentorPreferences: [[0], [7]] })).toThrow(expected);
  });

  it("handles empty instances", () => {
    expect(list(deferredAcceptance({ scores: [] }).mentorOf)).toEqual([]);
    const noMentors = deferredAcceptance({ scores: new Float64Array(0), rows: 2, cols: 0 });
    expect(list(noMentors.mentorOf)).toEqual([-1, -1]);
    expect(noMentors.unmatched.map((u) => u.reason)).toEqual(["no-eligible-partner", "no-eligible-partner"]);
  });
});

describe("every strategy: capacities far above the number of mentees", () => {
  // Found by the fuzz test: a capacity of 10^9 once allocated 10^9 seats (4 GB) before matching one mentee.
  it.each(STRATEGIES)("%s treats a capacity of 10^9 as room for every mentee, at once", (strategy) => {
    const start = performance.now();
    const result = match({ scores: [[0.5], [0.25], [1]], capacities: [1_000_000_000] }, { strategy });
    expect(performance.now() - start).toBeLessThan(500);
    expect(list(result.mentorOf)).toEqual([0, 0, 0]);
  });
});

describe("deferredAcceptance: reasons of the unmatched", () => {
  it("gives no-eligible-partner when no mentor lists the mentee, even if the scores allow pairs", () => {
    const result = deferredAcceptance({
      scores: [
        [5, 4],
        [3, 2],
      ],
      mentorPreferences: [[0], [0]],
    });
    expect(Array.from(result.mentorOf)).toEqual([0, -1]);
    expect(result.unmatched).toEqual([{ mentee: 1, reason: "no-eligible-partner", closest: [] }]);
  });

  it("gives mentors-full, with the closest mentors, when eligible mentors took others", () => {
    const result = deferredAcceptance({
      scores: [
        [5, 4],
        [3, 2],
        [1, 1],
      ],
    });
    expect(result.unmatched).toEqual([{ mentee: 2, reason: "mentors-full", closest: [0, 1] }]);
  });
});

describe("deferredAcceptance: lists without scores", () => {
  it("rejects rows / cols that disagree with the lists", () => {
    expect(() =>
      deferredAcceptance({ rows: 3, menteePreferences: [[0]], mentorPreferences: [[0]] }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[MatchingInputError: rows × cols is 3 × 1 but the lists are for 1 mentees and 1 mentors. Give one list per mentee and one per mentor, or leave rows and cols out.]`,
    );
  });

  it("rejects a repeated entry in a list", () => {
    expect(() =>
      deferredAcceptance({ menteePreferences: [[0, 0]], mentorPreferences: [[0]] }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[MatchingInputError: The preference list of mentee 0 names 0 twice.]`,
    );
    expect(() =>
      deferredAcceptance({ menteePreferences: [[0]], mentorPreferences: [[0, 0]] }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[MatchingInputError: The preference list of mentor 0 names 0 twice.]`,
    );
  });

  it("names the first bad entry wherever it is in a long list, on both sides", () => {
    // The list checks read four entries per step; a mistake in any place of a step, or in the tail, must
    // still be reported as the first one. Complete lists give the mentors a dense rank table; short lists
    // a sparse index: both paths are checked.
    const n = 13;
    const order = (shift: number) => Array.from({ length: n }, (_, k) => (k * 5 + shift) % n);
    for (const complete of [true, false]) {
      for (const side of ["mentee", "mentor"] as const) {
        for (let at = 1; at < n; at++) {
          for (const mistake of ["repeat", "outside", "fraction"] as const) {
            const lists = Array.from({ length: n }, (_, a) => order(a).slice(0, complete ? n : 3));
            const list = Array.from({ length: n }, (_, k) => (k * 5 + 2) % n);
            const bad = mistake === "repeat" ? list[0]! : mistake === "outside" ? n + at : at + 0.5;
            list[at] = bad;
            if (mistake !== "repeat" && at + 2 < n) list[at + 2] = list[0]!; // a later repeat
            lists[2] = list;
            const other = Array.from({ length: n }, (_, a) => order(a + 1));
            const instance =
              side === "mentee"
                ? { menteePreferences: lists, mentorPreferences: other }
                : { menteePreferences: other, mentorPreferences: lists };
            const message =
              mistake === "repeat"
                ? `The preference list of ${side} 2 names ${bad} twice.`
                : `The preference list of ${side} 2 names ${bad}, outside 0..${n - 1}.`;
            expect(() => deferredAcceptance(instance)).toThrow(message);
          }
        }
      }
    }
  });
});
