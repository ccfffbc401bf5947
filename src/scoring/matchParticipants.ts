import { type MatchOptions, match } from "../matching/match.js";
import type { MatchResult, StrategyName, UnmatchedReason } from "../matching/types.js";
import type { Participant, ParticipantInput } from "../questionnaire/participant.js";
import type { Program, ProgramInput } from "../questionnaire/program.js";
import { type ScoreOptions, scoreParticipants } from "./scoreParticipants.js";
import type { CompiledProgram, Contribution, ExcludedParticipant, ScoredInstance } from "./types.js";

/** Options of {@link matchParticipants}: those of scoring and of `match`, and the seed. */
export interface MatchParticipantsOptions extends ScoreOptions, MatchOptions {
  /** The seed of random choices (the `random` strategy, seeded ties). @defaultValue the program's `seed`, else 0 */
  readonly seed?: number;
}

/** A mentee paired with a mentor, by id, with the score of the pair and why it scores so. */
export interface MatchedMentee {
  readonly id: string;
  /** The pair's score in [0, 1]. */
  readonly score: number;
  /** Each criterion's share of the score (they sum to `score`), largest first. */
  readonly reasons: readonly Contribution[];
}

/** A mentor, by id, with the mentees it takes (by id order). */
export interface MatchedGroup {
  readonly mentorId: string;
  readonly mentees: readonly MatchedMentee[];
}

/** A mentee left without a mentor, by id, with the reason and the ids of its closest eligible mentors. */
export interface UnmatchedParticipant {
  readonly id: string;
  readonly reason: UnmatchedReason;
  /** Eligible mentors, best score first, at most five. */
  readonly closest: readonly string[];
}

/** What {@link matchParticipants} returns: ids for other systems, beside the index arrays. */
export interface ParticipantsMatch {
  /** The strategy used. */
  readonly strategy: StrategyName;
  /** The seed used. */
  readonly seed: number;
  /** Every mentor with at least one mentee, in mentor id order. */
  readonly groups: readonly MatchedGroup[];
  /** Mentee id → mentor id, for every matched mentee. */
  readonly mentorOf: ReadonlyMap<string, string>;
  /** Every included mentee without a mentor, in id order. */
  readonly unmatched: readonly UnmatchedParticipant[];
  /** Everyone left out before matching (no consent, a rule), in input order, with the reason. */
  readonly excluded: readonly ExcludedParticipant[];
  /** The matching on indices (rows = `scored.mentees`, columns = `scored.mentors`), with metrics. */
  readonly result: MatchResult;
  /** The scored participants: rows and columns, scores, `explain`, warnings. */
  readonly scored: ScoredInstance;
}

/**
 * Scores participants and matches them in one call, and gives the outcome by id: every mentor with its
 * mentees (score and reasons), every unmatched mentee with the reason, everyone excluded. Every input
 * participant is in exactly one of `groups`, `unmatched` and `excluded` (a mentor without mentees is in
 * none: see `scored.mentors`).
 *
 * Complexity: that of {@link scoreParticipants} plus that of the strategy; O(pairs × criteria) for the
 * reasons.
 *
 * @param program - a program, or one compiled with `compileProgram`.
 * @param participants - mentors and mentees together, in any order (validated first).
 * @param options - scoring options, the strategy (default: the program's, else `stable`), the seed.
 * @returns the {@link ParticipantsMatch}.
 * @throws ProgramError, InputFileError as {@link scoreParticipants}; MatchingInputError, InfeasibleError as `match`.
 * @example
 * const { groups, unmatched } = matchParticipants(preset("student-student"), people, { strategy: "optimal" });
 * for (const g of groups) console.log(g.mentorId, g.mentees.map((m) => `${m.id} ${m.score.toFixed(2)}`));
 */
export function matchParticipants(
  program: Program | ProgramInput | CompiledProgram,
  participants: readonly (Participant | ParticipantInput)[],
  options: MatchParticipantsOptions = {},
): ParticipantsMatch {
  const scored = scoreParticipants(program, participants, options);
  const strategy = options.strategy ?? scored.program.strategy ?? "stable";
  const seed = options.seed ?? scored.program.seed ?? 0;
  const result = match(
    { ...scored.instance, seed },
    { strategy, ...(options.ties === undefined ? {} : { ties: options.ties }) },
  );
  const mentorOf = new Map<string, string>();
  const groups: MatchedGroup[] = result.groups.map((g) => {
    const mentorId = scored.mentors[g.mentor]!.id;
    return {
      mentorId,
      mentees: g.mentees.map((i) => {
        const id = scored.mentees[i]!.id;
        mentorOf.set(id, mentorId);
        const e = scored.explain(i, g.mentor);
        const reasons = [...e.contributions].sort((a, b) => b.contribution - a.contribution);
        return { id, score: e.score, reasons };
      }),
    };
  });
  const unmatched = result.unmatched.map((u) => ({
    id: scored.mentees[u.mentee]!.id,
    reason: u.reason,
    closest: u.closest.map((j) => scored.mentors[j]!.id),
  }));
  return { strategy, seed, groups, mentorOf, unmatched, excluded: scored.excluded, result, scored };
}
