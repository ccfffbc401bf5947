// Greedy's properties (valid matching for every instance kind, equal to greedy by its definition with
// pins, rules and ranked lists, deterministic, label-free): test/matching/strategies.prop.test.ts.
import { describe, expect, it } from "vitest";
import { greedyMatching } from "../metrics/_api.js";

describe("greedyMatching", () => {
  it("rejects an instance without scores and an unknown tie policy", () => {
    expect(() =>
      greedyMatching({ menteePreferences: [[0]], mentorPreferences: [[0]] }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[MatchingInputError: This strategy needs scores; this instance gives only preference lists. / Этому способу нужны баллы пар, а даны только списки предпочтений. Give a score matrix (rows = mentees, columns = mentors), or use the stable strategy, which works from preference lists. / Дайте матрицу баллов или выберите стабильное распределение: оно работает по спискам предпочтений.]`,
    );
    expect(() =>
      greedyMatching({ scores: [[1]] }, { ties: "random" as never }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[MatchingInputError: ties must be "index" or "seeded", got "random".]`,
    );
  });

  it("is not optimal: the textbook 2 × 2 case where greedy gets 5 and the optimum is 8", () => {
    const result = greedyMatching({
      scores: [
        [5, 4],
        [4, 0],
      ],
    });
    expect(Array.from(result.mentorOf)).toEqual([0, 1]);
    expect(result.metrics.totalScore).toBe(5);
    expect(result.strategy).toBe("greedy");
  });
});
