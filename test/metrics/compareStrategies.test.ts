import {
  compareStrategies,
  formatComparison,
  isMentorMatchError,
  type MatchingInstance,
  type MatchResult,
} from "mentor-match";
import { match } from "mentor-match/testing";
import { describe, expect, it } from "vitest";

const inst: MatchingInstance = {
  scores: [
    [0.9, 0.8, 0.1],
    [0.7, 0.1, 0.4],
    [0.5, 0.6, 0.2],
    [0.3, 0.2, 0.9],
  ],
  capacities: [1, 2, 1],
  menteeTags: [["ovz"], [], ["ovz", "gifted"], []],
};

describe("compareStrategies", () => {
  it("reports for each strategy the same figures as its own result", () => {
    const table = compareStrategies(inst, ["stable", "optimal", "egalitarian", "random"], {
      seeds: [1, 2, 3],
    });
    expect(table.strategies).toEqual(["stable", "optimal", "egalitarian", "random"]);
    expect(table.rows).toHaveLength(1 + 1 + 1 + 3);
    for (const row of table.rows) {
      const own = match(row.seed === null ? inst : { ...inst, seed: row.seed }, {
        strategy: row.strategy as "stable",
      });
      expect(row.matched).toBe(own.metrics.matched);
      expect(row.totalScore).toBeCloseTo(own.metrics.totalScore, 12);
      expect(row.blockingPairs).toBe(own.metrics.blockingPairs);
      expect(row.menteeRanks.counts).toEqual(own.metrics.menteeRanks.counts);
      expect(row.byTag.map((t) => t.tag)).toEqual(["gifted", "ovz"]);
    }
    const random = table.summary.find((s) => s.strategy === "random")!;
    expect(random.runs).toBe(3);
    const rows = table.rows.filter((r) => r.strategy === "random");
    expect(random.totalScore).toBeCloseTo(rows.reduce((a, r) => a + r.totalScore!, 0) / 3, 12);
    const optimal = table.summary.find((s) => s.strategy === "optimal")!;
    for (const s of table.summary) expect(s.totalScore!).toBeLessThanOrEqual(optimal.totalScore! + 1e-12);
    expect(table.summary.find((s) => s.strategy === "stable")!.stableShare).toBe(1);
  });

  it("runs custom strategies, once per seed when randomised, and aggregates over several instances", () => {
    const seen: number[] = [];
    const nobody = {
      name: "nobody",
      randomized: true,
      run: (i: MatchingInstance): MatchResult => {
        seen.push(i.seed ?? -1);
        const empty = match(i, { strategy: "stable" });
        return { ...empty, strategy: "nobody" };
      },
    };
    const table = compareStrategies([inst, { ...inst, capacities: [0, 1, 1] }], ["greedy", nobody], {
      seeds: [5, 6],
    });
    expect(seen).toEqual([5, 6, 5, 6]);
    expect(table.instances).toBe(2);
    expect(table.rows.map((r) => [r.instance, r.strategy, r.seed])).toEqual([
      [0, "greedy", null],
      [0, "nobody", 5],
      [0, "nobody", 6],
      [1, "greedy", null],
      [1, "nobody", 5],
      [1, "nobody", 6],
    ]);
    expect(table.summary.map((s) => s.runs)).toEqual([2, 4]);
  });

  it("is JSON: NaN becomes null, and the table survives a round trip", () => {
    const lists = { menteePreferences: [[0], [0]], mentorPreferences: [[1, 0]] };
    const table = compareStrategies(lists, ["stable", "minimum-regret"]);
    expect(table.rows[0]!.totalScore).toBeNull();
    expect(table.rows[0]!.meanScore).toBeNull();
    expect(JSON.parse(JSON.stringify(table))).toEqual(table);
  });

  it("rejects unknown strategies, duplicates, no strategies and bad seeds", () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isMentorMatchError(e) ? e.code : "other";
      }
      return "none";
    };
    expect(code(() => compareStrategies(inst, ["nope" as "stable"]))).toBe("UNKNOWN_STRATEGY");
    expect(code(() => compareStrategies(inst, ["stable", "stable"]))).toBe("INVALID_OPTION");
    expect(code(() => compareStrategies(inst, []))).toBe("INVALID_OPTION");
    expect(code(() => compareStrategies(inst, ["random"], { seeds: [1.5] }))).toBe("INVALID_OPTION");
  });
});

describe("formatComparison", () => {
  const table = compareStrategies(inst, ["stable", "optimal", "minimum-regret"]);

  it("prints aligned text", () => {
    expect(formatComparison(table)).toMatchInlineSnapshot(`
      "Strategies compared
      ===================
      1 instance; randomised strategies × 1 seed; means per run.

      strategy        matched  unmatched  total score  mean score  min score  mentee rank  mentor rank  mentee worst  mentor worst  blocking pairs  stable runs
      --------------  -------  ---------  -----------  ----------  ---------  -----------  -----------  ------------  ------------  --------------  -----------
      stable              4.0        0.0         2.50       0.625      0.100         1.50         2.00           3.0           4.0             0.0        100 %
      optimal             4.0        0.0         3.00       0.750      0.600         1.25         1.50           2.0           2.0             1.0          0 %
      minimum-regret      4.0        0.0         2.50       0.625      0.100         1.50         2.00           3.0           4.0             0.0        100 %

      Rank profiles (share of matched pairs by the place each side gave its partner)
      ==============================================================================

      strategy           side  choice 1  choice 2  choice 3  later
      --------------  -------  --------  --------  --------  -----
      stable          mentees      75 %       0 %      25 %    0 %
      stable          mentors      50 %      25 %       0 %   25 %
      optimal         mentees      75 %      25 %       0 %    0 %
      optimal         mentors      50 %      50 %       0 %    0 %
      minimum-regret  mentees      75 %       0 %      25 %    0 %
      minimum-regret  mentors      50 %      25 %       0 %   25 %

      By tag (matched / mentees, mean score)
      ======================================

      strategy              gifted           ovz
      --------------  ------------  ------------
      stable          100 %, 0.600  100 %, 0.750
      optimal         100 %, 0.600  100 %, 0.700
      minimum-regret  100 %, 0.600  100 %, 0.750"
    `);
  });

  it("prints Markdown in Russian", () => {
    expect(formatComparison(table, { format: "markdown", language: "ru", ranks: 2 })).toMatchInlineSnapshot(`
      "### Сравнение стратегий
      Экземпляров: 1; случайные стратегии × 1 (число зёрен); средние на один запуск.

      | стратегия | в парах | без пары | сумма баллов | средний балл | мин. балл | ранг у наставляемых | ранг у наставников | худший (наставляемые) | худший (наставники) | блокирующие пары | устойчивых запусков |
      |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
      | stable | 4.0 | 0.0 | 2.50 | 0.625 | 0.100 | 1.50 | 2.00 | 3.0 | 4.0 | 0.0 | 100 % |
      | optimal | 4.0 | 0.0 | 3.00 | 0.750 | 0.600 | 1.25 | 1.50 | 2.0 | 2.0 | 1.0 | 0 % |
      | minimum-regret | 4.0 | 0.0 | 2.50 | 0.625 | 0.100 | 1.50 | 2.00 | 3.0 | 4.0 | 0.0 | 100 % |

      ### Профили рангов (доля пар по месту партнёра в списке каждой стороны)

      | стратегия | сторона | выбор 1 | выбор 2 | дальше |
      |---|---:|---:|---:|---:|
      | stable | наставляемые | 75 % | 0 % | 25 % |
      | stable | наставники | 50 % | 25 % | 25 % |
      | optimal | наставляемые | 75 % | 25 % | 0 % |
      | optimal | наставники | 50 % | 50 % | 0 % |
      | minimum-regret | наставляемые | 75 % | 0 % | 25 % |
      | minimum-regret | наставники | 50 % | 25 % | 25 % |

      ### По меткам (в парах / всего, средний балл)

      | стратегия | gifted | ovz |
      |---|---:|---:|
      | stable | 100 %, 0.600 | 100 %, 0.750 |
      | optimal | 100 %, 0.600 | 100 %, 0.700 |
      | minimum-regret | 100 %, 0.600 | 100 %, 0.750 |"
    `);
  });

  it("rejects an unknown format", () => {
    expect(() => formatComparison(table, { format: "html" as "text" })).toThrow(/format must be/);
  });
});
