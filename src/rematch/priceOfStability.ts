/** How far a re-matching is from matching today's program from nothing: the price of keeping the order. */
import { match } from "../matching/match.js";
import type { MatchResult } from "../matching/types.js";
import type { RematchResult } from "./types.js";

/** The distance of a re-matching from a from-scratch run of the same strategy on the same instance. */
export interface PriceOfStability {
  readonly strategy: string;
  readonly rematch: { readonly matched: number; readonly totalScore: number; readonly minScore: number };
  readonly fromScratch: { readonly matched: number; readonly totalScore: number; readonly minScore: number };
  /** fromScratch − rematch: what keeping the pairs costs (negative = re-matching does better). */
  readonly matchedLost: number;
  readonly totalScoreLost: number;
  /** Mentees whose mentor differs between the two (a mentor or none): the changes a fresh run would make. */
  readonly pairsChanged: number;
  /** The from-scratch run itself. */
  readonly fromScratchResult: MatchResult;
}

/**
 * Runs the same strategy from nothing on today's instance (the pairs the coordinator ended still
 * forbidden) and compares it with the re-matching: matched count, total score, and how many mentees a
 * fresh run would give another mentor.
 *
 * Complexity: that of the strategy on the whole program, plus O(n).
 *
 * @param result - the result of `rematch`.
 * @returns the two summaries, their differences and the number of pairs that differ.
 * @throws the strategy's own errors.
 *
 * @example
 * const input = { instance: { scores: [[0.9, 0.1], [0.8, 0.7]] }, mentees: [{ id: "S1" }, { id: "S2" }], mentors: [{ id: "M1" }, { id: "M2" }] };
 * const p = priceOfStability(rematch(input, { S2: "M1" }, { strategy: "optimal" }));
 * p.totalScoreLost; // ≈ 0.7: from scratch 0.9 + 0.7, kept 0.8 + 0.1
 */
export function priceOfStability(result: RematchResult): PriceOfStability {
  const fresh = match(result.instance, { strategy: result.strategy });
  let pairsChanged = 0;
  for (let i = 0; i < result.mentorOf.length; i++)
    if (fresh.mentorOf[i] !== result.mentorOf[i]) pairsChanged++;
  const m = fresh.metrics;
  return {
    strategy: result.strategy,
    rematch: { matched: result.matched, totalScore: result.totalScore, minScore: result.minScore },
    fromScratch: { matched: m.matched, totalScore: m.totalScore, minScore: m.minScore },
    matchedLost: m.matched - result.matched,
    totalScoreLost: m.totalScore - result.totalScore,
    pairsChanged,
    fromScratchResult: fresh,
  };
}
