import { bottleneckAssignment, optimalAssignment } from "mentor-match";
import { describe, expect, it } from "vitest";

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

describe("bottleneckAssignment", () => {
  it("maximises the worst pair, unlike the optimal total (the TSDoc example)", () => {
    const scores = [
      [10, 5],
      [5, 2],
    ];
    expect(Array.from(optimalAssignment({ scores }).mentorOf)).toEqual([0, 1]);
    const r = bottleneckAssignment({ scores });
    expect(Array.from(r.mentorOf)).toEqual([1, 0]);
    expect(r.strategy).toBe("fair");
    expect(r.metrics.minScore).toBe(5);
  });

  it("then maximises the total among matchings with that worst pair", () => {
    // Worst pair 4 is forced by mentee 2; among those, the best total puts mentees 0 and 1 on 10 and 9.
    const r = bottleneckAssignment({
      scores: [
        [10, 6, 5],
        [5, 9, 5],
        [4, 4, 4],
      ],
    });
    expect(r.metrics.minScore).toBe(4);
    expect(r.metrics.totalScore).toBe(23);
  });

  it("minimises the largest cost with maximize: false", () => {
    const r = bottleneckAssignment(
      {
        scores: [
          [1, 7],
          [2, 100],
        ],
      },
      { maximize: false },
    );
    expect(Array.from(r.mentorOf)).toEqual([1, 0]);
  });

  it("keeps the maximum number of pairs before the worst pair", () => {
    // Matching both mentees needs the pair of score 1.
    const r = bottleneckAssignment({
      scores: [
        [9, 1],
        [8, NI],
      ],
    });
    expect(Array.from(r.mentorOf)).toEqual([1, 0]);
    expect(r.metrics.matched).toBe(2);
  });

  it("with a pinned pair worse than the rest, maximises the total above it", () => {
    const r = bottleneckAssignment({
      scores: [
        [1, NI, NI],
        [NI, 6, 9],
        [NI, 8, 7],
      ],
      capacities: [1, 1, 1],
      pinned: [{ mentee: 0, mentor: 0 }],
    });
    // Worst pair is the pinned 1 whatever happens; the total prefers 9 + 8 to 6 + 7.
    expect(Array.from(r.mentorOf)).toEqual([0, 2, 1]);
  });

  it("handles mentor capacities and CSR input", () => {
    const csr = {
      rows: 3,
      cols: 2,
      rowStart: Int32Array.from([0, 2, 4, 5]),
      col: Int32Array.from([0, 1, 0, 1, 0]),
      value: Float64Array.from([5, 3, 4, 2, 6]),
    };
    const r = bottleneckAssignment({ scores: csr, capacities: [2, 1] });
    expect(r.metrics.matched).toBe(3);
    expect(r.metrics.minScore).toBe(3);
    expect(Array.from(r.mentorOf)).toEqual([1, 0, 0]);
  });

  describe("errors", () => {
    it("throws INFEASIBLE for an impossible perfect assignment", () => {
      expect(
        codeOf(() => bottleneckAssignment({ scores: [[1], [2]] }, { cardinality: "perfect" })),
      ).toMatchInlineSnapshot(`
        {
          "code": "INFEASIBLE",
          "message": "No assignment gives every mentee a mentor: mentee 1 and the mentees competing with it have fewer allowed mentor seats than mentees. / Нельзя дать наставника каждому наставляемому: у наставляемого 1 и его конкурентов меньше допустимых мест у наставников, чем их самих. Add mentors or seats, allow more pairs, or use cardinality "maximum" to match as many as possible. / Добавьте наставников или мест, разрешите больше пар или выберите cardinality "maximum".",
          "name": "InfeasibleError",
        }
      `);
    });

    it('rejects cardinality "any" and preference-only instances', () => {
      expect(
        codeOf(() => bottleneckAssignment({ scores: [[1]] }, { cardinality: "any" as never })),
      ).toMatchInlineSnapshot(`
        {
          "code": "INVALID_OPTION",
          "message": "bottleneckAssignment takes cardinality "maximum" or "perfect", not "any": with any number of pairs the best worst pair is a single pair. Use "maximum" (the default) or "perfect".",
          "name": "MatchingInputError",
        }
      `);
      expect(
        codeOf(() => bottleneckAssignment({ menteePreferences: [[0]], mentorPreferences: [[0]] })),
      ).toMatchInlineSnapshot(`
        {
          "code": "INVALID_SHAPE",
          "message": "Bottleneck assignment needs scores; this instance gives only preference lists. / Справедливому распределению нужны баллы пар, а даны только списки предпочтений. Give a score matrix (rows = mentees, columns = mentors), or use the stable strategy, which works from preference lists. / Дайте матрицу баллов или выберите стабильное распределение: оно работает по спискам предпочтений.",
          "name": "MatchingInputError",
        }
      `);
    });
  });
});
