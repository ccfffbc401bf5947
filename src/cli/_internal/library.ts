/**
 * What the command line needs from the program, scoring and matching layers, as typed functions (no
 * interface between them: the commands call the library directly, with its own types).
 */
import type { Language } from "../../language.js";
import type { ParticipantRecord, QuestionSpec, SourceRef } from "../../csv/readParticipants.js";
import { InputFileError, type MentorMatchError } from "../../errors.js";
import type { MatchingInstance, StrategyName } from "../../matching/types.js";
import { compareStrategies } from "../../metrics/compareStrategies.js";
import { formatComparison } from "../../metrics/formatComparison.js";
import { generateParticipants } from "../../questionnaire/generate.js";
import { parseParticipants, safeParseParticipants } from "../../questionnaire/parseParticipants.js";
import { parseProgram } from "../../questionnaire/parseProgram.js";
import { preset } from "../../questionnaire/presets.js";
import type { Program } from "../../questionnaire/program.js";
import type { ReportContribution, ReportPerson } from "../../report/buildReportModel.js";
import { scoreParticipants } from "../../scoring/scoreParticipants.js";
import type { ScoredInstance } from "../../scoring/types.js";

/** A program as the CLI handles it: the typed program, plus what the CLI reads from it. */
export interface ProgramInfo {
  readonly program: Program;
  readonly form: Program["form"];
  readonly questions: readonly QuestionSpec[];
  readonly seed: number;
  readonly strategy: StrategyName;
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
  /** For a pair of the program config that is ignored: which list, which entry, which side, why. */
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
  /** The rule a pair fails (`ScoredInstance.ineligibleReason`), for re-matching to name it. */
  readonly ineligibleReason?: (mentee: number, mentor: number) => { readonly criterion: string } | null;
  /** Participants the program's schema rejects, as errors naming file, row and column. */
  readonly problems: readonly MentorMatchError[];
  /** Warnings of the scoring layer (e.g. a preferred partner who is excluded). */
  readonly warnings: readonly ScoringNote[];
}

/** The CLI's view of a program. O(questions). */
export function programInfo(program: Program): ProgramInfo {
  const questions: QuestionSpec[] = program.questions.map((q) => ({
    id: q.id,
    kind: q.kind,
    labels: [q.label.ru, q.label.en],
    role: q.role,
    ...(q.options === undefined ? {} : { options: q.options }),
  }));
  return {
    program,
    form: program.form,
    questions,
    seed: program.seed,
    strategy: program.strategy,
    ties: program.ties,
    columns: program.columns,
    requireConsent: program.requireConsent,
  };
}

/** The preset program of a form. @throws ProgramError for an unknown form */
export function presetInfo(form: string): ProgramInfo {
  return programInfo(preset(form as Program["form"]));
}

/** A program config, JSON-parsed (with its `$schema` and `columns`). @throws ProgramError */
export function parseProgramInfo(config: unknown): ProgramInfo {
  return programInfo(parseProgram(config));
}

/** The program as JSON for a config file (without `$schema` and `columns`). */
export function programToJson(info: ProgramInfo): Record<string, unknown> {
  const { $schema: _s, columns: _c, ...rest } = info.program;
  return rest as Record<string, unknown>;
}

/** The column a participant-record path comes from (`answers.interests` → the interests column). */
function columnOf(path: string, headers: ReadonlyMap<string, string> | undefined): string {
  const key = path.startsWith("answers.") ? `q:${path.slice(8).split(".")[0]}` : path.split(".")[0]!;
  return headers?.get(key) ?? path;
}

/**
 * Checks each record on its own, so that every bad record is reported (parseParticipants stops at the
 * first), and names the file, row and column it came from.
 */
function checkRecords(
  program: Program,
  records: readonly ParticipantRecord[],
  sources: readonly SourceRef[],
  headers: ReadonlyMap<string, ReadonlyMap<string, string>>,
): MentorMatchError[] {
  const problems: MentorMatchError[] = [];
  for (let k = 0; k < records.length; k++) {
    try {
      parseParticipants(program, [records[k]]);
    } catch (error) {
      if (!(error instanceof InputFileError)) throw error;
      const source = sources[k]!;
      const path = typeof error.details?.path === "string" ? error.details.path : "";
      // The problem itself is a field of the error (details.issue), not a slice of its message.
      const issue = typeof error.details?.issue === "string" ? error.details.issue : null;
      const problem = issue === null ? error.problem : `${issue.charAt(0).toUpperCase()}${issue.slice(1)}.`;
      problems.push(
        new InputFileError(error.code, problem, {
          location: { file: source.file, row: source.row, column: columnOf(path, headers.get(source.file)) },
          ...(error.hint === undefined ? {} : { hint: error.hint }),
          details: { path },
          cause: error,
        }),
      );
    }
  }
  return problems;
}

/**
 * Scores participants read from files. `headers` gives, per file, the header of each field key (for naming
 * the column of a bad value). O(rows · cols) for the score matrix.
 *
 * @param info - the program of the run.
 * @param records - the participants read from the files.
 * @param sources - where each record comes from (file, row).
 * @param headers - per file, field key → column header.
 * @param onProgress - called as scoring goes, with rows done and rows in all.
 * @returns the scored run, or the problems that stop it.
 */
export function scoreRecords(
  info: ProgramInfo,
  records: readonly ParticipantRecord[],
  sources: readonly SourceRef[],
  headers: ReadonlyMap<string, ReadonlyMap<string, string>>,
  onProgress?: (done: number, total: number) => void,
): ScoredRun {
  const program = info.program;
  // One pass when every record is valid; record by record only to report every bad one.
  const all = safeParseParticipants(program, records);
  if (!all.success) {
    const problems = checkRecords(program, records, sources, headers);
    return { ...EMPTY, problems: problems.length > 0 ? problems : [all.error] };
  }
  const participants = all.data;
  // Already validated just above: scoring need not parse them again.
  const s = scoreParticipants(program, participants, {
    validate: false,
    ...(onProgress === undefined ? {} : { onProgress }),
  });
  return {
    ...reportView(s),
    instance: s.instance,
    ineligibleReason: (i, j) => s.ineligibleReason(i, j),
    problems: [],
    warnings: s.warnings.map((w) => {
      const source = w.index === undefined ? undefined : sources[w.index];
      return { code: w.code, source, entry: w.entry, pair: w.pair, message: w.message };
    }),
  };
}

/**
 * What the report reads of a scored run: people as codes and names, mentors with their capacity, the
 * excluded, each pair's score (-Infinity where a rule or the eligibility forbids it) and its explanation
 * with the flags that say which criteria the answers support. Shared by `match` and `rematch`.
 */
export function reportView(s: ScoredInstance) {
  const cols = s.cols;
  const forbidden = s.instance.forbidden ?? null;
  const capacities = s.instance.capacities;
  const person = (q: { id: string; name?: string | undefined }): ReportPerson =>
    q.name === undefined ? { id: q.id } : { id: q.id, name: q.name };
  return {
    mentees: s.mentees.map(person),
    mentors: s.mentors.map((m, j) => ({
      ...person(m),
      capacity: capacities === undefined ? 1 : capacities[j]!,
    })),
    excluded: s.excluded.map((e) => ({ id: e.id, role: e.role, reason: e.reason })),
    score: (i: number, j: number): number => {
      const k = i * cols + j;
      return s.eligible[k] === 1 && (forbidden === null || forbidden[k] === 0)
        ? s.scores[k]!
        : Number.NEGATIVE_INFINITY;
    },
    explain: (i: number, j: number): ReportContribution[] =>
      s.explain(i, j).contributions.map((c) => ({
        label: c.label,
        contribution: c.contribution,
        weight: c.weight,
        known: c.known,
        supported: c.supported,
      })),
  };
}

/** Seeded participants of a program, scored: an instance for comparisons. */
export function generateInstance(
  info: ProgramInfo,
  options: { readonly mentors: number; readonly mentees: number; readonly seed: number },
): MatchingInstance {
  return scoreParticipants(info.program, generateParticipants(info.program, options)).instance;
}

/** Runs strategies on instances and formats the comparison table. */
export function compareTable(
  instances: readonly MatchingInstance[],
  strategies: readonly StrategyName[],
  options: {
    readonly seeds: readonly number[];
    readonly language: Language;
    readonly format: "text" | "markdown";
  },
): string {
  return formatComparison(compareStrategies(instances, [...strategies], { seeds: options.seeds }), {
    language: options.language,
    format: options.format,
  });
}

const EMPTY = {
  mentees: [],
  mentors: [],
  excluded: [],
  instance: { scores: [] },
  score: () => Number.NEGATIVE_INFINITY,
  explain: () => [],
  warnings: [],
} satisfies Omit<ScoredRun, "problems">;
