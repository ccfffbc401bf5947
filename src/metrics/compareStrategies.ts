/**
 * Runs several strategies on the same instances and tabulates what each gives: totals, ranks on both
 * sides, blocking pairs, the unmatched, figures by tag. The table is plain JSON (NaN written as null)
 * and prints as text or Markdown with {@link formatComparison}.
 */
import { MatchingInputError } from "../errors.js";
import { match, STRATEGIES } from "../matching/match.js";
import type { MatchingInstance, MatchResult, RankProfile, StrategyName } from "../matching/types.js";

/** A strategy of one's own: a name for the table and a function from an instance to a result. */
export interface CustomStrategy {
  readonly name: string;
  readonly run: (instance: MatchingInstance) => MatchResult;
  /** Run once per seed (with `instance.seed` set to it), like the built-in `random`. @defaultValue false */
  readonly randomized?: boolean;
}

/** A strategy to compare: a name `match` knows, or a custom function. */
export type StrategySpec = StrategyName | CustomStrategy;

/** Options of {@link compareStrategies}. */
export interface CompareOptions {
  /**
   * Seeds for the randomised strategies (`random` and custom ones marked `randomized`): each runs once
   * per seed. Deterministic strategies run once, with the instance's own seed.
   * @defaultValue [0]
   */
  readonly seeds?: readonly number[];
}

/** A rank histogram in JSON form: `counts[r]` = how many got their (r+1)-th choice. */
export interface RankSummary {
  readonly counts: readonly number[];
  readonly unranked: number;
  /** Mean rank (1 = first choice); null when nobody is matched. */
  readonly mean: number | null;
  /** The worst rank anyone got (the regret); null when nobody is matched. */
  readonly worst: number | null;
}

/** Figures for one tag of mentees. */
export interface TagRow {
  readonly tag: string;
  readonly mentees: number;
  readonly matched: number;
  readonly meanScore: number | null;
}

/** One run: a strategy (with a seed when randomised) on one instance. */
export interface ComparisonRow {
  readonly strategy: string;
  /** The seed the run used, or null for a deterministic strategy. */
  readonly seed: number | null;
  /** Index of the instance in the list given (0 for a single instance). */
  readonly instance: number;
  readonly mentees: number;
  readonly matched: number;
  readonly unmatched: number;
  readonly totalScore: number | null;
  readonly meanScore: number | null;
  readonly minScore: number | null;
  readonly menteeRanks: RankSummary;
  readonly mentorRanks: RankSummary;
  readonly blockingPairs: number;
  readonly mentorFill: number | null;
  readonly byTag: readonly TagRow[];
}

/** Means over the runs of one strategy (over instances and seeds). */
export interface StrategySummary {
  readonly strategy: string;
  readonly runs: number;
  readonly matched: number;
  readonly unmatched: number;
  readonly totalScore: number | null;
  readonly meanScore: number | null;
  readonly minScore: number | null;
  readonly menteeRankMean: number | null;
  readonly mentorRankMean: number | null;
  readonly menteeWorstRank: number | null;
  readonly mentorWorstRank: number | null;
  readonly blockingPairs: number;
  /** Share of runs with no blocking pair. */
  readonly stableShare: number;
  /** Rank histograms summed over the runs. */
  readonly menteeRanks: RankSummary;
  readonly mentorRanks: RankSummary;
  /** Per tag: mentees and matched summed over runs; mean score over the matched. */
  readonly byTag: readonly TagRow[];
}

/** What {@link compareStrategies} returns: every run, and a summary per strategy. */
export interface ComparisonTable {
  readonly strategies: readonly string[];
  readonly instances: number;
  readonly seeds: readonly number[];
  readonly rows: readonly ComparisonRow[];
  readonly summary: readonly StrategySummary[];
}

const nullable = (x: number): number | null => (Number.isFinite(x) ? x : null);

function rankSummary(p: RankProfile): RankSummary {
  let worst: number | null = null;
  for (let r = p.counts.length - 1; r >= 0; r--) {
    if (p.counts[r]! > 0) {
      worst = r + 1;
      break;
    }
  }
  return { counts: [...p.counts], unranked: p.unranked, mean: nullable(p.mean), worst };
}

function rowOf(strategy: string, seed: number | null, index: number, r: MatchResult): ComparisonRow {
  const m = r.metrics;
  return {
    strategy,
    seed,
    instance: index,
    mentees: m.mentees,
    matched: m.matched,
    unmatched: m.mentees - m.matched,
    totalScore: nullable(m.totalScore),
    meanScore: nullable(m.meanScore),
    minScore: nullable(m.minScore),
    menteeRanks: rankSummary(m.menteeRanks),
    mentorRanks: rankSummary(m.mentorRanks),
    blockingPairs: m.blockingPairs,
    mentorFill: nullable(m.mentorFill),
    byTag: m.byTag.map((t) => ({
      tag: t.tag,
      mentees: t.mentees,
      matched: t.matched,
      meanScore: nullable(t.meanScore),
    })),
  };
}

/** Mean of the non-null values, or null when there are none. */
function meanOf(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (v === null) continue;
    sum += v;
    count++;
  }
  return count === 0 ? null : sum / count;
}

function pooled(profiles: readonly RankSummary[]): RankSummary {
  const counts: number[] = [];
  let unranked = 0;
  let worst: number | null = null;
  for (const p of profiles) {
    unranked += p.unranked;
    for (let r = 0; r < p.counts.length; r++) counts[r] = (counts[r] ?? 0) + p.counts[r]!;
    if (p.worst !== null && (worst === null || p.worst > worst)) worst = p.worst;
  }
  let ranked = 0;
  let sum = 0;
  for (let r = 0; r < counts.length; r++) {
    counts[r] = counts[r] ?? 0;
    ranked += counts[r]!;
    sum += (r + 1) * counts[r]!;
  }
  return { counts, unranked, mean: ranked === 0 ? null : sum / ranked, worst };
}

function summarise(strategy: string, rows: readonly ComparisonRow[]): StrategySummary {
  const tags = new Map<string, { mentees: number; matched: number; sum: number; scored: number }>();
  for (const row of rows) {
    for (const t of row.byTag) {
      const e = tags.get(t.tag) ?? { mentees: 0, matched: 0, sum: 0, scored: 0 };
      e.mentees += t.mentees;
      e.matched += t.matched;
      if (t.meanScore !== null) {
        e.sum += t.meanScore * t.matched;
        e.scored += t.matched;
      }
      tags.set(t.tag, e);
    }
  }
  const byTag = [...tags.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((tag) => {
      const e = tags.get(tag)!;
      return {
        tag,
        mentees: e.mentees,
        matched: e.matched,
        meanScore: e.scored === 0 ? null : e.sum / e.scored,
      };
    });
  return {
    strategy,
    runs: rows.length,
    matched: meanOf(rows.map((r) => r.matched)) ?? 0,
    unmatched: meanOf(rows.map((r) => r.unmatched)) ?? 0,
    totalScore: meanOf(rows.map((r) => r.totalScore)),
    meanScore: meanOf(rows.map((r) => r.meanScore)),
    minScore: meanOf(rows.map((r) => r.minScore)),
    menteeRankMean: meanOf(rows.map((r) => r.menteeRanks.mean)),
    mentorRankMean: meanOf(rows.map((r) => r.mentorRanks.mean)),
    menteeWorstRank: meanOf(rows.map((r) => r.menteeRanks.worst)),
    mentorWorstRank: meanOf(rows.map((r) => r.mentorRanks.worst)),
    blockingPairs: meanOf(rows.map((r) => r.blockingPairs)) ?? 0,
    stableShare: rows.length === 0 ? 0 : rows.filter((r) => r.blockingPairs === 0).length / rows.length,
    menteeRanks: pooled(rows.map((r) => r.menteeRanks)),
    mentorRanks: pooled(rows.map((r) => r.mentorRanks)),
    byTag,
  };
}

/** A custom strategy's result, when it is one (else a typed error saying how to make one). */
function checkedResult(name: string, result: unknown): MatchResult {
  const r = result as Partial<MatchResult> | null;
  if (
    typeof r !== "object" ||
    r === null ||
    !(r.mentorOf instanceof Int32Array) ||
    typeof r.metrics !== "object" ||
    r.metrics === null
  ) {
    throw new MatchingInputError(
      "INVALID_MATCHING",
      `Strategy "${name}" returned something that is not a MatchResult (with mentorOf and metrics).`,
      { hint: "Return resultFromMentorOf(instance, mentorOf) from mentor-match/testing." },
    );
  }
  return r as MatchResult;
}

/**
 * Runs each strategy on each instance (randomised ones once per seed) and tabulates the results.
 * Complexity: the sum of the strategies' own costs, plus O(runs · (ranks + tags)) for the table.
 *
 * @param instances - one instance, or a list of instances (e.g. 100 generated programs).
 * @param strategies - names `match` accepts (`"stable"`, `"optimal"`, …) or custom `{ name, run }`.
 * @param options - seeds for the randomised strategies.
 * @returns every run (`rows`) and the means per strategy (`summary`), JSON-serialisable.
 * @throws MatchingInputError (`UNKNOWN_STRATEGY`) for an unknown name, (`INVALID_OPTION`) for an empty
 *   strategy list, a duplicate name or a seed that is not an integer; (`INVALID_MATCHING`) when a custom
 *   strategy returns something that is not a `MatchResult`; and whatever a strategy throws.
 * @example
 * const table = compareStrategies({ scores: [[0.9, 0.2], [0.8, 0.7]] }, ["stable", "optimal"]);
 * table.summary.map((s) => [s.strategy, s.totalScore]); // [["stable", 1.6], ["optimal", 1.6]]
 * console.log(formatComparison(table, { format: "markdown" }));
 */
export function compareStrategies(
  instances: MatchingInstance | readonly MatchingInstance[],
  strategies: readonly StrategySpec[],
  options: CompareOptions = {},
): ComparisonTable {
  const list: readonly MatchingInstance[] = Array.isArray(instances)
    ? instances
    : [instances as MatchingInstance];
  const seeds = options.seeds ?? [0];
  if (strategies.length === 0)
    throw new MatchingInputError("INVALID_OPTION", "Give at least one strategy to compare.");
  if (seeds.length === 0 || seeds.some((s) => !Number.isInteger(s))) {
    throw new MatchingInputError("INVALID_OPTION", "seeds must be a non-empty list of whole numbers.");
  }
  const names: string[] = [];
  for (const spec of strategies) {
    const name = typeof spec === "string" ? spec : spec.name;
    if (typeof spec === "string" && !STRATEGIES.includes(spec)) {
      throw new MatchingInputError(
        "UNKNOWN_STRATEGY",
        `Unknown strategy "${String(spec)}". Known strategies: ${STRATEGIES.join(", ")}.`,
        {
          hint: "Pick a known strategy, or pass { name, run } for a strategy of your own.",
        },
      );
    }
    if (names.includes(name))
      throw new MatchingInputError("INVALID_OPTION", `Strategy "${name}" is listed twice.`);
    names.push(name);
  }
  const rows: ComparisonRow[] = [];
  for (let k = 0; k < list.length; k++) {
    const instance = list[k]!;
    for (const spec of strategies) {
      const name = typeof spec === "string" ? spec : spec.name;
      const randomized = typeof spec === "string" ? spec === "random" : spec.randomized === true;
      const run =
        typeof spec === "string"
          ? (inst: MatchingInstance) => match(inst, { strategy: spec })
          : (inst: MatchingInstance) => checkedResult(name, spec.run(inst));
      if (randomized) {
        for (const seed of seeds) rows.push(rowOf(name, seed, k, run({ ...instance, seed })));
      } else {
        rows.push(rowOf(name, null, k, run(instance)));
      }
    }
  }
  const summary = names.map((name) =>
    summarise(
      name,
      rows.filter((r) => r.strategy === name),
    ),
  );
  return { strategies: names, instances: list.length, seeds: [...seeds], rows, summary };
}
