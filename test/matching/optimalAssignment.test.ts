import { bottleneckAssignment, InfeasibleError, MatchingInputError, optimalAssignment } from "mentor-match";
import { checkOptimalityCertificate } from "mentor-match/testing";
import { describe, expect, it } from "vitest";
import { seededRandom as random } from "../_random.js";

const NI = Number.NEGATIVE_INFINITY;

function codeOf(f: () => unknown): { name: string; code: string; message: string } {
  try {
    f();
  } catch (e) {
    const err = e as { name: string; code: string; message: string };
    return { name: err.name, code: err.code, message: err.message };
  }
  throw new Error("expected an error");
}

describe("optimalAssignment", () => {
  it("maximises the total score (the TSDoc example)", () => {
    const r = optimalAssignment({
      scores: [
        [0.9, 0.8],
        [0.7, 0.1],
      ],
    });
    expect(Array.from(r.mentorOf)).toEqual([1, 0]);
    expect(r.strategy).toBe("optimal");
    expect(r.metrics.totalScore).toBeCloseTo(1.5, 12);
  });

  it("minimises costs with maximize: false", () => {
    const r = optimalAssignment(
      {
        scores: [
          [4, 1, 3],
          [2, 0, 5],
          [3, 2, 2],
        ],
      },
      { maximize: false },
    );
    expect(Array.from(r.mentorOf)).toEqual([1, 0, 2]);
    expect(r.metrics.totalScore).toBe(5);
  });

  it("fills a mentor's seats natively (capacity 2), without copying its column", () => {
    const r = optimalAssignment({
      scores: [
        [5, 1],
        [4, 1],
        [3, 2],
      ],
      capacities: [2, 1],
    });
    expect(Array.from(r.mentorOf)).toEqual([0, 0, 1]);
    expect(r.groups).toEqual([
      { mentor: 0, mentees: [0, 1] },
      { mentor: 1, mentees: [2] },
    ]);
  });

  it('leaves a pair of negative score out in mode "any" (reason no-gain), forms it in mode "maximum", the default', () => {
    const scores = [
      [3, NI],
      [NI, -2],
    ];
    const any = optimalAssignment({ scores }, { cardinality: "any" });
    expect(Array.from(any.mentorOf)).toEqual([0, -1]);
    expect(any.unmatched).toEqual([{ mentee: 1, reason: "no-gain", closest: [1] }]);
    expect(Array.from(optimalAssignment({ scores }, { cardinality: "maximum" }).mentorOf)).toEqual([0, 1]);
    expect(Array.from(optimalAssignment({ scores }).mentorOf)).toEqual([0, 1]);
  });

  it("finds NaN and +Infinity wherever they are in a flat matrix (blocks of eight and the tail)", () => {
    const rows = 3;
    const cols = 7;
    for (let k = 0; k < rows * cols; k++) {
      for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
        const scores = new Float64Array(rows * cols).fill(1e308); // sums of eight overflow: not an error
        scores[(k + 1) % (rows * cols)] = Number.NEGATIVE_INFINITY;
        scores[k] = bad;
        const run = () => optimalAssignment({ scores, rows, cols });
        expect(run).toThrow(MatchingInputError);
        expect(run).toThrow(`Score of mentee ${Math.floor(k / cols)} and mentor ${k % cols} is ${bad}`);
      }
    }
    // Huge finite scores are solved; a total beyond the largest number is refused, not reported as Infinity.
    const fine = new Float64Array(rows * cols).fill(1e307);
    fine[3] = Number.NEGATIVE_INFINITY;
    expect(optimalAssignment({ scores: fine, rows, cols }).metrics.matched).toBe(3);
    const over = new Float64Array(rows * cols).fill(1e308);
    over[3] = Number.NEGATIVE_INFINITY;
    expect(() => optimalAssignment({ scores: over, rows, cols })).toThrow("beyond the largest number");
  });

  it("finds the same matching when every score is multiplied by 1e307 (no overflow of the potentials)", () => {
    const base = [
      [-5, -1],
      [-1, -1],
      [1, 7],
      [-4, 9],
    ];
    for (const k of [1, 1e300, 1e307]) {
      const scores = base.map((r) => r.map((x) => x * k));
      expect(Array.from(optimalAssignment({ scores }).mentorOf), String(k)).toEqual([-1, -1, 0, 1]);
      expect(Array.from(bottleneckAssignment({ scores }).mentorOf), String(k)).toEqual([-1, -1, 0, 1]);
    }
  });

  it('matches as many as possible before the total in mode "maximum" (costs)', () => {
    // The cheap pair (0, 0) would leave mentee 1 without a mentor.
    const r = optimalAssignment(
      {
        scores: [
          [1, 10],
          [2, NI],
        ],
      },
      { maximize: false },
    );
    expect(Array.from(r.mentorOf)).toEqual([1, 0]);
  });

  it("honours pins, forbidden cells and the minimum score", () => {
    const r = optimalAssignment({
      scores: [
        [9, 8, 1],
        [9, 2, 7],
        [9, 3, 3],
      ],
      pinned: [{ mentee: 2, mentor: 0 }],
      forbidden: Uint8Array.from([0, 0, 0, 0, 0, 1, 0, 0, 0]),
      minScore: 2,
    });
    // Mentee 2 keeps mentor 0; mentee 1 may not take mentor 2 (rule) and mentee 0 may not (below 2).
    expect(Array.from(r.mentorOf)).toEqual([1, -1, 0]);
    expect(r.unmatched).toEqual([{ mentee: 1, reason: "mentors-full", closest: [0, 1] }]);
  });

  it("returns duals that satisfy complementary slackness", () => {
    const instance = {
      scores: [
        [7, 3, 2],
        [6, 5, 1],
      ],
      capacities: [1, 1, 2],
    };
    const r = optimalAssignment(instance);
    const { mentee, mentor } = r.duals!;
    const scores = instance.scores;
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 3; j++)
        expect(mentee[i]! + mentor[j]!).toBeGreaterThanOrEqual(scores[i]![j]! - 1e-12);
      const j = r.mentorOf[i]!;
      expect(mentee[i]! + mentor[j]!).toBeCloseTo(scores[i]![j]!, 12);
    }
    expect(mentor[2]).toBe(0); // a mentor with free seats has dual 0
    expect(checkOptimalityCertificate(instance, r).valid).toBe(true);
  });

  it("solves CSR input like the same dense input (medium size, capacities, holes)", () => {
    const rnd = random(11);
    const n = 60;
    const m = 25;
    const dense = new Float64Array(n * m);
    for (let k = 0; k < n * m; k++) dense[k] = rnd() < 0.6 ? NI : Math.round(rnd() * 100);
    const rowStart = new Int32Array(n + 1);
    const col: number[] = [];
    const value: number[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        if (dense[i * m + j] !== NI) {
          col.push(j);
          value.push(dense[i * m + j]!);
        }
      }
      rowStart[i + 1] = col.length;
    }
    const capacities = Array.from({ length: m }, (_, j) => 1 + (j % 3));
    const csr = { rows: n, cols: m, rowStart, col: Int32Array.from(col), value: Float64Array.from(value) };
    for (const cardinality of ["any", "maximum"] as const) {
      const a = optimalAssignment({ scores: dense, rows: n, cols: m, capacities }, { cardinality });
      const b = optimalAssignment({ scores: csr, capacities }, { cardinality });
      expect(b.metrics.totalScore).toBe(a.metrics.totalScore);
      expect(b.metrics.matched).toBe(a.metrics.matched);
    }
  });

  it("solves CSR rows listed out of column order like sorted ones (pins, rules, minScore, duals, metrics)", () => {
    // Sorted rows take binary searches for a pair's cell; rows out of order take scans: same answers.
    const rnd = random(23);
    const n = 50;
    const m = 30;
    const rowStart = new Int32Array(n + 1);
    const col: number[] = [];
    const value: number[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        if (rnd() < 0.5) continue;
        col.push(j);
        value.push(Math.round(rnd() * 100));
      }
      rowStart[i + 1] = col.length;
    }
    const sorted = { rows: n, cols: m, rowStart, col: Int32Array.from(col), value: Float64Array.from(value) };
    // The same cells, each row reversed.
    const rcol = Int32Array.from(col);
    const rvalue = Float64Array.from(value);
    for (let i = 0; i < n; i++) {
      rcol.subarray(rowStart[i]!, rowStart[i + 1]!).reverse();
      rvalue.subarray(rowStart[i]!, rowStart[i + 1]!).reverse();
    }
    const reversed = { ...sorted, col: rcol, value: rvalue };
    const forbidden = new Uint8Array(n * m);
    for (let k = 0; k < n * m; k++) forbidden[k] = rnd() < 0.1 ? 1 : 0;
    const pinRow = 3;
    const pinCol = sorted.col[sorted.rowStart[pinRow]! + 1]!;
    forbidden[pinRow * m + pinCol] = 0;
    const rest = { capacities: Array.from({ length: m }, (_, j) => 1 + (j % 2)), forbidden, minScore: 5 };
    const pinned = [{ mentee: pinRow, mentor: pinCol }];
    for (const maximize of [true, false]) {
      for (const cardinality of ["any", "maximum"] as const) {
        const a = optimalAssignment({ scores: sorted, ...rest, pinned }, { maximize, cardinality });
        const b = optimalAssignment({ scores: reversed, ...rest, pinned }, { maximize, cardinality });
        expect(b.mentorOf[pinRow]).toBe(pinCol);
        expect(b.metrics).toEqual(a.metrics);
        expect(b.metrics.totalScore).toBeGreaterThan(0);
        expect(Array.from(b.duals!.mentee)).toEqual(Array.from(a.duals!.mentee));
      }
    }
    // A column listed twice in a row out of order is still found.
    const twice = Int32Array.from(rcol);
    twice[rowStart[7]! + 2] = twice[rowStart[7]!]!;
    const err = codeOf(() => optimalAssignment({ scores: { ...reversed, col: twice } }));
    expect(err.code).toBe("INVALID_SHAPE");
    expect(err.message).toContain(`CSR row 7 lists column ${twice[rowStart[7]!]} twice`);
  });

  it("names the first bad CSR cell in row order: a column out of range before a bad score, and the reverse", () => {
    const csr = (col: number[], value: number[]) => ({
      scores: {
        rows: 2,
        cols: 3,
        rowStart: Int32Array.of(0, 2, 4),
        col: Int32Array.from(col),
        value: Float64Array.from(value),
      },
    });
    // In an ordered row only the last column can be too large; it is still named.
    let err = codeOf(() => optimalAssignment(csr([0, 1, 1, 3], [1, 2, 3, 4])));
    expect([err.code, err.message]).toEqual([
      "INVALID_SHAPE",
      "CSR cell 3 of row 1 names column 3, outside 0..2.",
    ]);
    // A negative column first, a NaN after it: the column.
    err = codeOf(() => optimalAssignment(csr([0, 1, -1, 2], [1, 2, 3, Number.NaN])));
    expect([err.code, err.message]).toEqual([
      "INVALID_SHAPE",
      "CSR cell 2 of row 1 names column -1, outside 0..2.",
    ]);
    // A NaN first, a column out of range after it: the score.
    err = codeOf(() => optimalAssignment(csr([0, 1, 0, 7], [1, 2, Number.NaN, 4])));
    expect(err.code).toBe("INVALID_SCORE");
    expect(err.message).toContain("mentee 1 and mentor 0");
    // A row that repeats a column (so out of order): the repeat.
    err = codeOf(() => optimalAssignment(csr([0, 1, 1, 1], [1, 2, 3, 4])));
    expect([err.code, err.message]).toEqual(["INVALID_SHAPE", "CSR row 1 lists column 1 twice."]);
    // A row out of order with a column out of range: the column.
    err = codeOf(() => optimalAssignment(csr([0, 1, 5, 0], [1, 2, 3, 4])));
    expect([err.code, err.message]).toEqual([
      "INVALID_SHAPE",
      "CSR cell 2 of row 1 names column 5, outside 0..2.",
    ]);
  });

  it("gives a mentor of capacity c the same value as c copies of its column (seat expansion)", () => {
    const rnd = random(5);
    const n = 40;
    const m = 12;
    const caps = Array.from({ length: m }, () => 1 + Math.floor(rnd() * 4));
    const scores = Array.from({ length: n }, () =>
      Array.from({ length: m }, () => Math.round(rnd() * 1000) / 10),
    );
    const seatsOf: number[] = [];
    caps.forEach((c, j) => {
      for (let t = 0; t < c; t++) seatsOf.push(j);
    });
    const expanded = scores.map((row) => seatsOf.map((j) => row[j]!));
    for (const maximize of [true, false]) {
      const a = optimalAssignment({ scores, capacities: caps }, { maximize, cardinality: "maximum" });
      const b = optimalAssignment({ scores: expanded }, { maximize, cardinality: "maximum" });
      expect(a.metrics.totalScore).toBeCloseTo(b.metrics.totalScore, 9);
      expect(a.metrics.matched).toBe(b.metrics.matched);
    }
  });

  it("agrees between the dense path (candidate graph, verified on the full matrix) and the CSR path at 600 × 600", () => {
    const n = 600;
    const rnd = random(17);
    const quality = Array.from({ length: n }, () => rnd());
    const kinds: Record<string, () => number> = {
      uniform: () => rnd(),
      "integer ties": () => Math.floor(rnd() * 20),
      // Every mentee ranks the mentors alike: the cheapest columns of all rows coincide, so the candidate
      // graph alone cannot seat everybody and the solve must add cells or fall back to full rows.
      "master list": () => 0,
    };
    for (const [kind, draw] of Object.entries(kinds)) {
      const dense = new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++)
          dense[i * n + j] = kind === "master list" ? quality[j]! + 0.01 * rnd() : draw();
      }
      const rowStart = Int32Array.from({ length: n + 1 }, (_, i) => i * n);
      const col = Int32Array.from({ length: n * n }, (_, k) => k % n);
      const a = optimalAssignment({ scores: dense, rows: n, cols: n }, { maximize: false });
      const b = optimalAssignment(
        { scores: { rows: n, cols: n, rowStart, col, value: dense } },
        { maximize: false },
      );
      expect(a.metrics.matched, kind).toBe(n);
      expect(a.metrics.totalScore, kind).toBeCloseTo(b.metrics.totalScore, 8);
      expect(
        checkOptimalityCertificate({ scores: dense, rows: n, cols: n }, a, { maximize: false }).valid,
        kind,
      ).toBe(true);
    }
  });

  it("is deterministic: the same input gives the same matching", () => {
    const rnd = random(3);
    const scores = Array.from({ length: 30 }, () => Array.from({ length: 30 }, () => Math.floor(rnd() * 5)));
    const a = optimalAssignment({ scores, capacities: new Array(30).fill(2) });
    const b = optimalAssignment({ scores, capacities: new Array(30).fill(2) });
    expect(Array.from(a.mentorOf)).toEqual(Array.from(b.mentorOf));
  });

  it("handles empty instances", () => {
    expect(optimalAssignment({ scores: new Float64Array(0), rows: 0, cols: 3 }).metrics.matched).toBe(0);
    const r = optimalAssignment({ scores: new Float64Array(0), rows: 2, cols: 0 });
    expect(Array.from(r.mentorOf)).toEqual([-1, -1]);
  });

  describe("errors", () => {
    it("throws INFEASIBLE when a perfect assignment is demanded but impossible", () => {
      const f = () =>
        optimalAssignment(
          {
            scores: [
              [1, NI],
              [2, NI],
              [3, 4],
            ],
          },
          { cardinality: "perfect" },
        );
      expect(f).toThrow(InfeasibleError);
      expect(codeOf(f)).toMatchInlineSnapshot(`
        {
          "code": "INFEASIBLE",
          "message": "No assignment gives every mentee a mentor: mentee 1 and the mentees competing with it have fewer allowed mentor seats than mentees. / Нельзя дать наставника каждому наставляемому: у наставляемого 1 и его конкурентов меньше допустимых мест у наставников, чем их самих. Add mentors or seats, allow more pairs, or use cardinality "maximum" to match as many as possible. / Добавьте наставников или мест, разрешите больше пар или выберите cardinality "maximum".",
          "name": "InfeasibleError",
        }
      `);
    });

    it("rejects an instance with only preference lists", () => {
      const f = () => optimalAssignment({ menteePreferences: [[0]], mentorPreferences: [[0]] });
      expect(f).toThrow(MatchingInputError);
      expect(codeOf(f)).toMatchInlineSnapshot(`
        {
          "code": "INVALID_SHAPE",
          "message": "Optimal assignment needs scores; this instance gives only preference lists. / Оптимальному распределению нужны баллы пар, а даны только списки предпочтений. Give a score matrix (rows = mentees, columns = mentors), or use the stable strategy, which works from preference lists. / Дайте матрицу баллов или выберите стабильное распределение: оно работает по спискам предпочтений.",
          "name": "MatchingInputError",
        }
      `);
    });

    it("rejects bad options", () => {
      expect(
        codeOf(() => optimalAssignment({ scores: [[1]] }, { cardinality: "all" as never })),
      ).toMatchInlineSnapshot(`
        {
          "code": "INVALID_OPTION",
          "message": "cardinality must be one of "any", "maximum", "perfect", got "all".",
          "name": "MatchingInputError",
        }
      `);
      expect(
        codeOf(() => optimalAssignment({ scores: [[1]] }, { maximize: "yes" as never })),
      ).toMatchInlineSnapshot(`
        {
          "code": "INVALID_OPTION",
          "message": "maximize must be true or false, got yes.",
          "name": "MatchingInputError",
        }
      `);
    });

    it("passes on the validation errors of the instance", () => {
      expect(codeOf(() => optimalAssignment({ scores: [[1, Number.NaN]] }))).toMatchInlineSnapshot(`
        {
          "code": "INVALID_SCORE",
          "message": "Score of mentee 0 and mentor 1 is NaN; scores must be finite numbers or -Infinity (pair not allowed).",
          "name": "MatchingInputError",
        }
      `);
      expect(
        codeOf(() =>
          optimalAssignment({
            scores: [[1], [2]],
            pinned: [
              { mentee: 0, mentor: 0 },
              { mentee: 1, mentor: 0 },
            ],
          }),
        ),
      ).toMatchInlineSnapshot(`
        {
          "code": "PIN_OVER_CAPACITY",
          "message": "Mentor 0 has 2 pinned mentees but a capacity of 1. Raise the mentor's capacity or remove a pin.",
          "name": "InfeasibleError",
        }
      `);
    });
  });
});
