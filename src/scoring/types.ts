/** What the scorer returns: the score matrix, eligibility, the matching instance, and explanations. */
import type { MatchingInstance } from "../matching/types.js";
import type { Participant } from "../questionnaire/participant.js";
import type { Label, Program, Role } from "../questionnaire/program.js";
import type { CompiledCriterion } from "./_internal/kernel.js";

/** A program compiled once: criteria with fixed bit layouts and parsed formulas. */
export interface CompiledProgram {
  readonly kind: "mentor-match.compiled-program";
  readonly program: Program;
  /** @internal the compiled criteria, in config order. */
  readonly criteria: readonly CompiledCriterion[];
}

/** Why a participant is left out of the matching. */
export type ExclusionReason =
  /** An adult without their own consent to process personal data. */
  | "no-consent"
  /** A minor without a parent's or guardian's consent. */
  | "guardian-consent-missing"
  /** A mentor who takes no mentees. */
  | "zero-capacity"
  /** Fails one of the program's eligibility rules for the role. */
  | "ineligible-role"
  /** An eligibility rule needs the experience, which the participant did not give. */
  | "missing-experience"
  /** An eligibility rule needs the grade, which the participant did not give. */
  | "missing-grade"
  /** An eligibility rule needs the age (or birth date), which the participant did not give. */
  | "missing-age"
  /** An eligibility rule needs an answer the participant did not give. */
  | "missing-answer";

/** A participant left out, by id (never by name). */
export interface ExcludedParticipant {
  readonly id: string;
  readonly role: Role;
  readonly reason: ExclusionReason;
  /** In English, e.g. the rule that failed. */
  readonly detail: string;
}

/** A warning that does not stop scoring. */
export interface ScoringWarning {
  readonly code:
    | "UNKNOWN_PREFERENCE"
    | "PREFERENCE_SAME_ROLE"
    | "PREFERENCE_EXCLUDED"
    /** A forbidden pair names an id that is not (or no longer) among the participants; it is ignored. */
    | "UNKNOWN_PAIR_ID"
    /** A pinned pair names an id that is not (or no longer) among the participants; it is ignored. */
    | "PIN_DROPPED";
  /** Position of the participant in the input, when the warning is about one. */
  readonly index?: number;
  readonly id?: string;
  /** Position of the offending entry in the participant's list, for preferences. */
  readonly entry?: number;
  /** For `UNKNOWN_PAIR_ID` / `PIN_DROPPED`: which list of the program, which entry, which side, why. */
  readonly pair?: {
    readonly list: "forbiddenPairs" | "pinnedPairs";
    readonly index: number;
    readonly side: "mentee" | "mentor";
    readonly cause: "excluded" | "unknown" | "ineligible";
  };
  /**
   * In English. Names at most the participant's own id (a code); never the participant a preference or a
   * pair names, who may be excluded (excluded participants appear only in `excluded`).
   */
  readonly message: string;
}

/** One criterion's part of a pair's score. */
export interface Contribution {
  readonly criterion: string;
  readonly label: Label;
  /** The criterion's share of the score (weights normalised to sum to 1). */
  readonly weight: number;
  /** The criterion's value for the pair, in [0, 1]. */
  readonly value: number;
  /** weight × value; the contributions sum to the score. */
  readonly contribution: number;
  /**
   * Whether both participants' data give the value. False when either has not answered (or made no list):
   * the value is then the criterion's stand-in (`ifMissing`, `ifNoList`), and the criterion is "no data".
   */
  readonly known: boolean;
  /**
   * Whether the data support citing the criterion as a reason for the pair: a shared interest, the same
   * format (or a wildcard), a common slot, a subject needed and offered, a choice named, a gap within its
   * bounds, numbers near the ideal. Never true when `known` is false.
   */
  readonly supported: boolean;
}

/** A reason a pair is not allowed. */
export interface FailedRule {
  /** The criterion id, "forbidden-pair", or "min-score" (the pair scores below `defaults.minScore`). */
  readonly criterion: string;
  readonly label: Label;
  /** In English. */
  readonly reason: string;
}

/** "Why this pair": the score, eligibility, and what each criterion gave. */
export interface Explanation {
  readonly score: number;
  /** Whether the pair may be formed: no hard filter fails and the score reaches `defaults.minScore`. */
  readonly eligible: boolean;
  readonly contributions: readonly Contribution[];
  readonly failed: readonly FailedRule[];
}

/** Participants scored: included, excluded, the score matrix and the matching instance. */
export interface ScoredInstance {
  readonly program: Program;
  /**
   * The day ages were computed at (YYYY-MM-DD): `options.referenceDate`, the program's `referenceDate`,
   * or the day of scoring. Give one of the first two to make a run repeatable across days.
   */
  readonly referenceDate: string;
  /** Included mentees, sorted by id (row order). */
  readonly mentees: readonly Participant[];
  /** Included mentors, sorted by id (column order). */
  readonly mentors: readonly Participant[];
  /** Everyone left out, in input order, with the reason. */
  readonly excluded: readonly ExcludedParticipant[];
  readonly rows: number;
  readonly cols: number;
  /** Row-major mentees × mentors, each in [0, 1] (also for ineligible pairs). */
  readonly scores: Float64Array;
  /**
   * Row-major, 1 = no hard filter rules the pair out (consent, must-criteria, forbidden pairs). The minimum
   * score is applied by the matching (`instance.minScore`), so that a mentee left out by it gets the reason
   * `below-min-score`; `explain` and `ineligibleReason` count it too.
   */
  readonly eligible: Uint8Array;
  /** Ready for `match`: -Infinity for ineligible pairs, `forbidden` for forbidden pairs, capacities, pins. */
  readonly instance: MatchingInstance;
  readonly warnings: readonly ScoringWarning[];
  /** Why mentee i and mentor j score what they score. O(criteria). */
  explain(mentee: number, mentor: number): Explanation;
  /** The first reason the pair is not allowed, or null when it is. O(criteria). */
  ineligibleReason(mentee: number, mentor: number): FailedRule | null;
}
