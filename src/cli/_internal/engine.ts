/**
 * What the CLI needs from the programme and scoring layers, as one interface, so that the commands read
 * as the coordinator's steps. `createEngine()` in ./createEngine.ts binds it to src/questionnaire,
 * src/scoring and src/matching.
 */
import type { ParticipantRecord, QuestionSpec, SourceRef } from "../../csv/readParticipants.js";
import type { MentorMatchError } from "../../errors.js";
import type { MatchingInstance, MatchResult } from "../../matching/types.js";
import type { ReportContribution, ReportPerson } from "../../report/buildReportModel.js";

/** A programme as the CLI handles it: opaque, plus what the CLI reads from it. */
export interface ProgramInfo {
  readonly program: unknown;
  readonly form: string;
  readonly questions: readonly QuestionSpec[];
  readonly seed: number | undefined;
  readonly strategy: string | undefined;
  /** The config's tie policy (`ties`), when it gives one. */
  readonly ties: "index" | "seeded" | undefined;
  /** The explicit header → field mapping of the config (`columns`). */
  readonly columns: Readonly<Record<string, string>> | undefined;
  /** Whether participants need consent (then every file needs a consent column). */
  readonly requireConsent: boolean;
}

/** A warning of the scoring layer, with the row of the participant it is about. */
export interface ScoringNote {
  readonly code: string;
  readonly source: SourceRef | undefined;
  /** 0-based position in the participant's preference list, when the warning is about a preference. */
  readonly entry: number | undefined;
  /** For a pair of the programme config that is ignored: which list, which entry, which side, why. */
  readonly pair:
    | {
        readonly list: "forbiddenPairs" | "pinnedPairs";
        readonly index: number;
        readonly side: "mentee" | "mentor";
        readonly cause: "excluded" | "unknown" | "ineligible";
      }
    | undefined;
  /** In English, naming ids only. */
  readonly message: string;
}

/** Participants scored and ready to match. */
export interface ScoredRun {
  readonly mentees: readonly ReportPerson[];
  readonly mentors: readonly (ReportPerson & { readonly capacity: number })[];
  readonly excluded: readonly {
    readonly id: string;
    readonly role: "mentor" | "mentee";
    readonly reason: string;
  }[];
  readonly instance: MatchingInstance;
  readonly score: (mentee: number, mentor: number) => number;
  readonly explain: (mentee: number, mentor: number) => readonly ReportContribution[];
  /** Participants the programme's schema rejects, as errors naming file, row and column. */
  readonly problems: readonly MentorMatchError[];
  /** Warnings of the scoring layer (e.g. a preferred partner who is excluded). */
  readonly warnings: readonly ScoringNote[];
}

export interface Engine {
  /** The forms of mentoring with a preset. */
  readonly forms: readonly string[];
  /** The strategies `match` accepts. */
  readonly strategies: readonly string[];
  /** The preset programme of a form. @throws ProgramError for an unknown form */
  preset(form: string): ProgramInfo;
  /** A programme config, JSON-parsed (with its `$schema` and `columns`). @throws ProgramError */
  parseProgram(config: unknown): ProgramInfo;
  /** The programme as JSON for a config file. */
  programToJson(info: ProgramInfo): Record<string, unknown>;
  /**
   * Scores participants read from files. `headers` gives, per file, the header of each field key (for
   * naming the column of a bad value).
   */
  score(
    info: ProgramInfo,
    records: readonly ParticipantRecord[],
    sources: readonly SourceRef[],
    headers: ReadonlyMap<string, ReadonlyMap<string, string>>,
  ): ScoredRun;
  /** Runs a strategy (ties by index unless `ties` says seeded). @throws MatchingInputError, InfeasibleError */
  match(instance: MatchingInstance, strategy: string, ties?: "index" | "seeded"): MatchResult;
  /** Seeded participants of a programme, scored: an instance for comparisons. */
  generate(
    info: ProgramInfo,
    options: { readonly mentors: number; readonly mentees: number; readonly seed: number },
  ): MatchingInstance;
  /** Runs strategies on instances and formats the comparison table. */
  compare(
    instances: readonly MatchingInstance[],
    strategies: readonly string[],
    options: {
      readonly seeds: readonly number[];
      readonly lang: "ru" | "en";
      readonly format: "text" | "markdown";
    },
  ): string;
}
