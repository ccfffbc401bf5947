/** The data of monitoring: who is in the program, what was read, and what is reported. */
import type { Monitoring, MonitoringParameter } from "../questionnaire/monitoringConfig.js";
import type { WilcoxonResult } from "./wilcoxonSignedRank.js";

/** A role of the program. */
export type MonitorRole = "mentor" | "mentee";

/** A participant of the pairs in force (from a results folder's pairs.json). */
export interface RosterPerson {
  readonly id: string;
  readonly name?: string;
  /** Learnt from the exports that give both the code and the e-mail (see `learnEmails`). */
  readonly email?: string;
  readonly role: MonitorRole;
  /** The form of mentoring of the program the person is in. */
  readonly form: string;
  /** For a mentee: the mentor's id; for a mentor: the mentor's own id; absent when unmatched. */
  readonly group?: string;
}

/** Everyone of the pairs in force, and who was left out at matching (by id only). */
export interface Roster {
  readonly people: readonly RosterPerson[];
  readonly pairs: readonly { readonly mentor: string; readonly mentee: string; readonly form: string }[];
  /** Left out at matching (no consent, …): never reported, only counted. */
  readonly excluded: readonly { readonly id: string; readonly role: MonitorRole; readonly reason: string }[];
}

/** Why an input row is not used: every row of every file is either used or listed with one of these. */
export type RowNotUsedReason =
  /** No participant of the pairs in force has this code, e-mail or name. */
  | "unknown-participant"
  /** The name fits two or more participants; give the code. */
  | "ambiguous-name"
  /** The row has no code, e-mail or name. */
  | "no-identifier"
  /** The participant was left out at matching (no consent, …). */
  | "excluded-at-matching"
  /** The row (or another row of the same participant) says consent is withdrawn. */
  | "no-consent"
  /** A later row of the same participant in the same file replaces it. */
  | "superseded";

/** An input row not used, by file and row only. */
export interface RowNotUsed {
  readonly file: string;
  readonly row: number;
  readonly reason: RowNotUsedReason;
}

/** The answers of one participant in one file (a time point or the satisfaction questionnaire). */
export interface MonitoringResponse {
  readonly id: string;
  /** Item id → value on its scale; an unanswered item is absent. */
  readonly values: Readonly<Record<string, number>>;
  readonly tags?: readonly string[];
  readonly roleModel?: string;
  readonly file: string;
  readonly row: number;
}

/** One file read against the roster. */
export interface MonitoringRead {
  /** The time point (diagnostic) or `satisfaction`. */
  readonly label: string;
  readonly file: string;
  readonly responses: readonly MonitoringResponse[];
  readonly notUsed: readonly RowNotUsed[];
  /** Participants whose consent this file says is withdrawn. */
  readonly withdrawn: readonly string[];
  /** Rows read (used or not). */
  readonly rows: number;
}

/** How a participant moved on a parameter between the first and the last time point with a value. */
export type Outcome = "improved" | "unchanged" | "worse" | "single" | "none";

/** One participant on one parameter over the time points. */
export interface ParticipantSeries {
  readonly id: string;
  readonly name?: string;
  readonly role: MonitorRole;
  readonly form: string;
  readonly group?: string;
  readonly tags: readonly string[];
  readonly roleModel?: string;
  readonly parameter: string;
  /** One value per time point; `null` where none was given. */
  readonly values: readonly (number | null)[];
  readonly first: number | null;
  readonly last: number | null;
  /** Indices of the time points of `first` and `last`. */
  readonly firstPoint: number | null;
  readonly lastPoint: number | null;
  /** last − first; `null` with fewer than two values. */
  readonly change: number | null;
  /** The change towards better as a share of the scale: (last − first) / (max − min), negated for "lower is better". */
  readonly gain: number | null;
  readonly outcome: Outcome;
}

/** Counts of values: `[value, count]` sorted by value (what a district may see: no ids). */
export type Histogram = readonly (readonly [number, number])[];

/** The statistics of one parameter for one group of participants. */
export interface ChangeSummary {
  readonly parameter: string;
  readonly role: MonitorRole;
  /** `all`, `form`, `roleModel`, `tag` or `school` (district). */
  readonly dimension: string;
  /** The form, role model, tag or school; `""` for `all`. */
  readonly key: string;
  /** Participants with a change (two or more values). */
  readonly n: number;
  /** Participants with one value only (reported, not in the change statistics). */
  readonly single: number;
  readonly meanFirst: number | null;
  readonly meanLast: number | null;
  readonly meanChange: number | null;
  readonly medianChange: number | null;
  readonly improved: number;
  readonly unchanged: number;
  readonly worse: number;
  readonly shareImproved: number | null;
  readonly shareUnchanged: number | null;
  readonly shareWorse: number | null;
  /** Wilcoxon signed-rank test of the changes oriented towards better (positive = better). */
  readonly test: WilcoxonResult;
  /** p < alpha with n ≥ minSignificanceN; `null` when n is below it (never claimed). */
  readonly significant: boolean | null;
}

/** The satisfaction answers to one question of one role (and form). */
export interface SatisfactionSummary {
  readonly question: string;
  readonly role: MonitorRole;
  readonly form: string;
  readonly n: number;
  readonly distribution: Histogram;
  readonly mean: number | null;
  readonly median: number | null;
  /** Answers ≥ satisfiedAt / n (for the overall question; for others too, on their own scale). */
  readonly shareSatisfied: number | null;
}

/** A pair of the pairs in force, with how it went. */
export interface PairRow {
  readonly mentor: string;
  readonly mentee: string;
  readonly mentorName?: string;
  readonly menteeName?: string;
  readonly form: string;
  /** The mentee's mean gain over the parameters with a change. */
  readonly meanGain: number | null;
  readonly improved: number;
  readonly worse: number;
  readonly changed: number;
  readonly menteeSatisfaction: number | null;
  readonly mentorSatisfaction: number | null;
  readonly atRisk: readonly AtRiskReason[];
}

/** Why a pair is at risk. */
export type AtRiskReason = "low-satisfaction-mentee" | "low-satisfaction-mentor" | "decline";

/** A mentor's group (one or more mentees). */
export interface MentorGroupRow {
  readonly mentor: string;
  readonly mentorName?: string;
  readonly form: string;
  readonly mentees: number;
  readonly meanGain: number | null;
  readonly improved: number;
  readonly worse: number;
  readonly changed: number;
}

/** A diagnostic a participant has not filled in. */
export interface MissingDiagnostic {
  readonly id: string;
  readonly name?: string;
  readonly role: MonitorRole;
  readonly timePoint: string;
}

/** A target and the numbers behind it. */
export interface KpiResult {
  readonly id: string;
  readonly label: { readonly ru: string; readonly en: string };
  readonly metric: string;
  readonly target: number;
  readonly comparison: "at-least" | "at-most";
  /** numerator / denominator (a share), or the mean for `question-mean`; `null` when not measurable. */
  readonly value: number | null;
  readonly numerator: number;
  readonly denominator: number;
  readonly met: boolean | null;
  /** Why it is not measurable, when `value` is null. */
  readonly note?: string;
}

/** Counts of participants by form and role. */
export interface FormRoleCount {
  readonly form: string;
  readonly role: MonitorRole;
  readonly participants: number;
  /** Per time point: how many filled it in. */
  readonly filled: readonly number[];
  readonly satisfactionFilled: number;
}

/**
 * What a school's monitoring.json shares with the district: counts and histograms only, no ids. The
 * district roll-up reads nothing else.
 */
export interface MonitoringSummary {
  readonly school: string;
  readonly timePoints: readonly string[];
  readonly parameters: readonly MonitoringParameter[];
  readonly counts: readonly FormRoleCount[];
  readonly pairs: number;
  readonly atRiskPairs: number;
  /** Changes oriented towards better, per parameter × role × form: value → count; first and last values too. */
  readonly changes: readonly {
    readonly parameter: string;
    readonly role: MonitorRole;
    readonly form: string;
    readonly gains: Histogram;
    readonly first: Histogram;
    readonly last: Histogram;
    readonly single: number;
  }[];
  readonly satisfaction: readonly {
    readonly question: string;
    readonly role: MonitorRole;
    readonly form: string;
    readonly distribution: Histogram;
  }[];
  readonly satisfiedAt: number;
  /** The satisfaction questions' ids and labels. */
  readonly questions: readonly {
    readonly id: string;
    readonly label: { readonly ru: string; readonly en: string };
  }[];
  readonly kpis: readonly KpiResult[];
}

/** Everything a monitoring run reports. */
export interface MonitoringReport {
  readonly timePoints: readonly string[];
  readonly config: Monitoring;
  readonly forms: readonly string[];
  readonly series: readonly ParticipantSeries[];
  readonly byParameter: readonly ChangeSummary[];
  readonly byForm: readonly ChangeSummary[];
  readonly byRoleModel: readonly ChangeSummary[];
  readonly byTag: readonly ChangeSummary[];
  readonly pairs: readonly PairRow[];
  readonly groups: readonly MentorGroupRow[];
  readonly satisfaction: readonly SatisfactionSummary[];
  readonly missing: readonly MissingDiagnostic[];
  readonly atRisk: readonly PairRow[];
  readonly kpis: readonly KpiResult[];
  readonly notUsed: readonly RowNotUsed[];
  readonly counts: {
    readonly participants: number;
    readonly pairs: number;
    /** Rows read in every file. */
    readonly rows: number;
    /** Participants left out because a file says their consent is withdrawn. */
    readonly withdrawn: number;
    readonly byFormRole: readonly FormRoleCount[];
  };
  readonly summary: MonitoringSummary;
}
