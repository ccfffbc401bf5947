/**
 * The types of re-matching during the program year: the pairs in force, today's program, the options
 * and the result (kept, new, ended and moved pairs, each with its reason).
 */
import type { MatchingInstance, MatchResult } from "../matching/types.js";

/** The strategies re-matching places people by. */
export type RematchStrategy = "stable" | "optimal" | "fair";

/** A pair named by the participants' ids (codes). */
export interface IdPair {
  readonly mentee: string;
  readonly mentor: string;
}

/** A pair the coordinator ends, with the reason (as written in the amendment to the order). */
export interface EndedPair extends IdPair {
  readonly reason: string;
}

/** A previous run: its result with the ids of its mentees (rows) and mentors (columns). */
export interface PreviousRun {
  readonly result: Pick<MatchResult, "mentorOf">;
  readonly mentees: readonly { readonly id: string }[];
  readonly mentors: readonly { readonly id: string }[];
}

/**
 * The pairs in force: mentee id → mentor id (a `Map` or a plain object), a list of pairs, or a previous
 * run with its ids.
 */
export type PreviousPairs =
  | ReadonlyMap<string, string>
  | Readonly<Record<string, string>>
  | readonly IdPair[]
  | PreviousRun;

/**
 * Today's program: the matching instance built from today's questionnaires and the ids of its rows and
 * columns (a `ScoredInstance` from `scoreParticipants` is one).
 */
export interface RematchInput {
  readonly instance: MatchingInstance;
  /** Today's mentees, in row order. */
  readonly mentees: readonly { readonly id: string }[];
  /** Today's mentors, in column order. */
  readonly mentors: readonly { readonly id: string }[];
  /** People of today's questionnaires left out (e.g. consent withdrawn), with the reason. */
  readonly excluded?: readonly { readonly id: string; readonly reason: string }[];
  /** The rule a pair now fails (`ScoredInstance.ineligibleReason`), to name it in the reason. */
  readonly ineligibleReason?: (mentee: number, mentor: number) => { readonly criterion: string } | null;
}

/** Options of `rematch`. */
export interface RematchOptions {
  /**
   * How the people without a pair in force are placed over the free seats: `stable` (deferred acceptance;
   * no blocking pair among the free seats and the people placed, kept pairs are never blocking pairs),
   * `optimal` (the largest total over the new pairs, as many as possible first), `fair` (as many as
   * possible, then the best worst new pair, then the best total).
   * @defaultValue "stable"
   */
  readonly strategy?: RematchStrategy;
  /** Pairs the coordinator ends (failed pairs), with the reason; the two are never paired again. */
  readonly ended?: readonly EndedPair[];
  /**
   * Who stays when a mentor's capacity is now below their group: the pairs named here stay first; the
   * seats left go to the best-scoring of the others (ties: the lower mentee id).
   */
  readonly keep?: readonly IdPair[];
  /**
   * How many pairs still valid may be moved to a better one. 0 = none: every valid pair is kept.
   * @defaultValue 0
   */
  readonly maxMoves?: number;
  /**
   * How much better a move must make the strategy's objective, in score units per move (a previous pair
   * counts this much more than its score when moves are weighed).
   * @defaultValue 0.05
   */
  readonly moveMargin?: number;
  /** Tie policy of `stable` (see `deferredAcceptance`). @defaultValue "index" */
  readonly ties?: "index" | "seeded";
}

/** What happened to a pair. */
export type ChangeKind = "kept" | "new" | "ended" | "moved";

/** Why: a code per case; `detail` adds the coordinator's words, the exclusion reason or the failed rule. */
export type ChangeReason =
  /** A previous pair still valid and within the capacity. */
  | "still-valid"
  /** The mentee is not in today's questionnaires. */
  | "mentee-left"
  /** The mentor is not in today's questionnaires. */
  | "mentor-left"
  /** The mentee is in today's questionnaires but left out (e.g. consent withdrawn); `detail` says why. */
  | "mentee-excluded"
  /** The mentor is in today's questionnaires but left out; `detail` says why. */
  | "mentor-excluded"
  /** Ended by the coordinator; `detail` is the coordinator's reason. */
  | "coordinator"
  /** A rule of the program now rules the pair out; `detail` names it when known. */
  | "no-longer-eligible"
  /** The pair is now forbidden by a rule. */
  | "forbidden-by-rule"
  /** The pair now scores below the program's minimum. */
  | "below-min-score"
  /** A ranked list given today no longer names the partner. */
  | "not-on-list"
  /** The mentor's capacity is now below the group; `detail` says which rule chose who stays. */
  | "capacity-lowered"
  /** The program pins the mentee to another mentor. */
  | "pinned-elsewhere"
  /** A new pair: a mentee without a pair in force (waiting or a late joiner) placed in a free seat. */
  | "placed"
  /** A new pair of a mentee whose previous pair ended. */
  | "re-placed"
  /** A new pair pinned by the program. */
  | "pinned"
  /** A pair moved (allowed moves): the objective improves by at least the margin. */
  | "improves";

/** One line of "what changed". */
export interface RematchChange {
  readonly change: ChangeKind;
  readonly mentee: string;
  /** The mentor of the pair (for `moved`: the new mentor). */
  readonly mentor: string;
  readonly reason: ChangeReason;
  readonly detail?: string;
  /** For `moved`: the mentor of the pair in force. */
  readonly previousMentor?: string;
}

/** A mentor whose capacity is now below their group: who stayed and by which rule. */
export interface CapacityCut {
  readonly mentor: string;
  readonly capacity: number;
  /** The valid pairs in force with this mentor before the cut. */
  readonly previous: number;
  readonly stayed: readonly string[];
  readonly ended: readonly string[];
  /** `coordinator`: the pairs in `keep` filled the seats; otherwise the best-scoring filled some. */
  readonly rule: "coordinator" | "best-scoring";
}

/** The result of `rematch`. */
export interface RematchResult {
  readonly strategy: RematchStrategy;
  /**
   * Today's instance as matched: the input instance with the pairs the coordinator ended forbidden (the
   * input object itself when none were).
   */
  readonly instance: MatchingInstance;
  /** Mentor of each of today's mentees, -1 = none. */
  readonly mentorOf: Int32Array;
  /** Every previous pair (kept, ended or moved) and every new pair, ordered by kind, mentor id, mentee id. */
  readonly changes: readonly RematchChange[];
  readonly counts: {
    readonly kept: number;
    readonly new: number;
    readonly ended: number;
    readonly moved: number;
  };
  /** Number of moves made (= `counts.moved`), at most `maxMoves`. */
  readonly moves: number;
  /** The mentors whose capacity is now below their group, by mentor id. */
  readonly capacityCuts: readonly CapacityCut[];
  /** Mentees placed by the strategy over the free seats (the residual problem). */
  readonly placedFrom: number;
  /** Matched mentees of the whole program, and the total and weakest score of its pairs. */
  readonly matched: number;
  readonly totalScore: number;
  readonly minScore: number;
  /** The rule of moves as applied. */
  readonly moveRule: { readonly maxMoves: number; readonly margin: number };
  /** Coordinator's entries that matched no pair in force (their pairs are forbidden all the same). */
  readonly notes: readonly string[];
}
