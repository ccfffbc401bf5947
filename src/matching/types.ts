import type { STRATEGIES } from "./strategies.js";
/**
 * The numbers a matching algorithm takes and the result it gives. `matching/` never sees questionnaires:
 * rows are mentees, columns are mentors, and a score is "how good this pair is" (higher is better).
 */

/**
 * Sparse scores in compressed sparse row form: mentee `i`'s candidate mentors are
 * `col[rowStart[i] .. rowStart[i + 1])` with scores `value[…]`. A cell that is absent is not allowed.
 */
export interface CsrScores {
  readonly rows: number;
  readonly cols: number;
  /** Length `rows + 1`, non-decreasing, `rowStart[0] = 0`, `rowStart[rows] = col.length`. */
  readonly rowStart: Int32Array;
  /** Column (mentor) index of each stored cell; within a row, each column at most once. */
  readonly col: Int32Array;
  /** Score of each stored cell. */
  readonly value: Float64Array;
}

/**
 * Scores: a row-major `Float64Array` (give `rows` and `cols`), an array of rows, or CSR.
 * In dense input `-Infinity` marks a cell that is not allowed; NaN and `+Infinity` are errors.
 */
export type ScoreInput = Float64Array | readonly (readonly number[])[] | CsrScores;

/** A pair fixed in advance (e.g. by the curator): the mentee must get this mentor. */
export interface PinnedPair {
  readonly mentee: number;
  readonly mentor: number;
}

/**
 * One matching problem. Everything but `scores` is optional, and `scores` too may be left out when both
 * `menteePreferences` and `mentorPreferences` are given (stable strategies only, see below).
 *
 * Preferences: a side with a ranked list uses it (a partner not on the list is unacceptable to it);
 * a side without one prefers higher scores, equal scores being a tie. A pair is acceptable when the scores
 * allow it (finite, not forbidden, at least `minScore`) and every side that gave a list names the other.
 * Without `scores`, a pair is acceptable exactly when each lists the other; the score metrics
 * (`totalScore`, `meanScore`, `minScore`, `byTag[].meanScore`) are then NaN, and only the stable strategies,
 * random serial dictatorship and the stability checks accept such an instance.
 */
export interface MatchingInstance {
  /** Pair scores (rows = mentees, columns = mentors); optional only when both preference lists are given. */
  readonly scores?: ScoreInput;
  /** Number of mentees; required when `scores` is a flat `Float64Array`. */
  readonly rows?: number;
  /** Number of mentors; required when `scores` is a flat `Float64Array`. */
  readonly cols?: number;
  /**
   * Cells forbidden by a rule (row-major, non-zero = forbidden), on top of `-Infinity` / absent cells.
   * Kept apart so that a mentee left out by a rule gets the reason `excluded-by-rule`.
   */
  readonly forbidden?: Uint8Array;
  /** How many mentees each mentor takes (group mentoring). @defaultValue 1 for every mentor */
  readonly capacities?: Int32Array | readonly number[];
  /** Pairs that must be in the result. */
  readonly pinned?: readonly PinnedPair[];
  /** Pairs scoring below this are not allowed. @defaultValue -Infinity */
  readonly minScore?: number;
  /** Ranked lists given directly: `menteePreferences[i]` lists mentor indices, best first. */
  readonly menteePreferences?: readonly (readonly number[])[];
  /** Ranked lists given directly: `mentorPreferences[j]` lists mentee indices, best first. */
  readonly mentorPreferences?: readonly (readonly number[])[];
  /** Tags of each mentee (priority groups and the like), for metrics by tag. */
  readonly menteeTags?: readonly (readonly string[])[];
  /** Seed for seeded tie-breaking and randomised strategies. @defaultValue 0 */
  readonly seed?: number;
}

/** Why a mentee is left without a mentor. */
export type UnmatchedReason =
  /** No allowed cell at all (every pair ineligible). */
  | "no-eligible-partner"
  /** Every allowed cell is forbidden by an explicit rule (`forbidden` mask). */
  | "excluded-by-rule"
  /** Allowed pairs exist, but all score below `minScore`. */
  | "below-min-score"
  /** Some eligible mentor exists, but each one is full with other mentees. */
  | "mentors-full"
  /**
   * An eligible mentor has room, but the strategy left the pair out because it would not raise the total
   * (optimal assignment in cardinality mode `any`: a score ≤ 0 when maximising, a cost ≥ 0 when minimising).
   */
  | "no-gain";

export interface UnmatchedMentee {
  readonly mentee: number;
  readonly reason: UnmatchedReason;
  /** Eligible mentors of this mentee (allowed and at or above `minScore`), best score first, at most 5. */
  readonly closest: readonly number[];
}

/** A mentor with the mentees it got (in increasing index order). */
export interface MentorGroup {
  readonly mentor: number;
  readonly mentees: readonly number[];
}

/** A histogram of ranks: `counts[r]` = how many got their (r+1)-th choice; `unranked` = partner not on list. */
export interface RankProfile {
  readonly counts: readonly number[];
  readonly unranked: number;
  /** Mean rank, 1 = first choice; NaN when nobody is matched. */
  readonly mean: number;
}

export interface TagMetrics {
  readonly tag: string;
  readonly mentees: number;
  readonly matched: number;
  /** NaN when none of them is matched (or without scores). */
  readonly meanScore: number;
  /** The weakest pair of a mentee with the tag; NaN when none is matched (or without scores). */
  readonly minScore: number;
  /** The place these mentees gave their mentors (as `MatchMetrics.menteeRanks`, over them only). */
  readonly menteeRanks: RankProfile;
  /** The place their mentors gave them (as `MatchMetrics.mentorRanks`, over them only). */
  readonly mentorRanks: RankProfile;
}

/** Summary figures of a matching, comparable across strategies. */
export interface MatchMetrics {
  readonly mentees: number;
  readonly mentors: number;
  readonly matched: number;
  /** Compensated sum of the scores of the matched pairs. */
  readonly totalScore: number;
  /** NaN when nobody is matched. */
  readonly meanScore: number;
  /** NaN when nobody is matched. */
  readonly minScore: number;
  /**
   * Rank each mentee got, by the mentee's own preference order. With a ranked list: the 1-based place of
   * the mentor in it (0 = not on the list, a pinned pair). From scores: 1 + the number of mentors the
   * mentee scores strictly higher among the pairs that are allowed (finite, not forbidden, at least
   * `minScore`, and named by the mentors' lists when mentors gave lists), so equal scores share a rank.
   * The same definition is what `egalitarianStableMatching` and `minimumRegretStableMatching` optimise.
   */
  readonly menteeRanks: RankProfile;
  /** Rank each matched mentee has in its mentor's preference order (as `menteeRanks`, the other way). */
  readonly mentorRanks: RankProfile;
  /** Number of blocking pairs (mentee and mentor who both prefer each other to what they got). */
  readonly blockingPairs: number;
  /** Seats taken / seats offered. */
  readonly mentorFill: number;
  /** Mentors who got nobody. */
  readonly idleMentors: number;
  readonly byTag: readonly TagMetrics[];
}

/**
 * A matching as the checkers and metrics take it (`isValidMatching`, `isStable`, `blockingPairs`,
 * `matchMetrics`, `rankProfile`, `isProposerOptimal`): a `MatchResult` (anything with `mentorOf`), or the
 * `mentorOf` array itself (mentor of each mentee, -1 = none).
 */
export type MatchingLike = Int32Array | { readonly mentorOf: Int32Array };

/** The names `match` accepts. */
export type StrategyName = (typeof STRATEGIES)[number];

/** What every matching function returns. */
export interface MatchResult {
  /** The strategy or function that produced it. */
  readonly strategy: string;
  /** Mentor of each mentee, -1 = none. */
  readonly mentorOf: Int32Array;
  /**
   * Every mentor with at least one mentee, in mentor index order, mentees in index order. Made from
   * `mentorOf` when first read, then kept (a call that only needs `mentorOf` and the metrics does not pay
   * for one array per mentor); an own enumerable property, so spreading, `JSON.stringify` and
   * `structuredClone` see it as an array.
   */
  readonly groups: readonly MentorGroup[];
  /** Every mentee without a mentor, in index order, with the reason. */
  readonly unmatched: readonly UnmatchedMentee[];
  readonly metrics: MatchMetrics;
  /** How ties between equal scores were broken. */
  readonly tieBreak?: { readonly policy: "index" | "seeded"; readonly seed?: number };
  /**
   * Dual potentials of the assignment LP (optimal assignment only): for every allowed pair,
   * `mentee[i] + mentor[j] >= score(i, j)` (maximisation), with equality on matched pairs.
   */
  readonly duals?: { readonly mentee: Float64Array; readonly mentor: Float64Array };
}
