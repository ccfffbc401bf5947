/**
 * mentor-match: pair mentors with mentees.
 *
 * The data flows one way: questionnaire (zod schemas, presets) → scoring (a score matrix) → matching
 * (stable, optimal, fair …) → metrics. The `mentor-match/testing` subpath holds the research kit.
 *
 * Each area below keeps its own block of exports; `export type` for types.
 */

// ── errors ────────────────────────────────────────────────────────────────────────────────────────
export {
  InfeasibleError,
  InputFileError,
  isMentorMatchError,
  LimitError,
  MatchingInputError,
  MentorMatchError,
  ProgramError,
} from "./errors.js";
export type { ErrorCode, ErrorLocation, MentorMatchErrorOptions } from "./errors.js";

// ── error catalog: what each code means and what to do, in Russian and English ──────────────────────
export { describeError, ERROR_CATALOG, ERROR_CODES } from "./errorCatalog.js";
export type { ErrorCatalogEntry, ErrorDescription } from "./errorCatalog.js";
export type { Language } from "./language.js";

// ── questionnaire ─────────────────────────────────────────────────────────────────────────────────
export { FORMS } from "./questionnaire/forms.js";
export type { Form } from "./questionnaire/forms.js";
export { generateParticipants } from "./questionnaire/generate.js";
export { loadFormulaSupport } from "./questionnaire/loadFormulaSupport.js";
export type { GenerateOptions } from "./questionnaire/generate.js";
export { parseParticipants, safeParseParticipants } from "./questionnaire/parseParticipants.js";
export type { SafeParseParticipantsResult } from "./questionnaire/parseParticipants.js";
export { parseProgram, safeParseProgram } from "./questionnaire/parseProgram.js";
export type { SafeParseProgramResult } from "./questionnaire/parseProgram.js";
export { AnswerSchema, ParticipantSchema } from "./questionnaire/participant.js";
export type { Answer, Participant, ParticipantInput } from "./questionnaire/participant.js";
export { optionEquivalents } from "./questionnaire/optionEquivalents.js";
export { preset, presets } from "./questionnaire/presets.js";
export type { PresetOverrides } from "./questionnaire/presets.js";
export {
  CRITERION_KINDS,
  CriterionSchema,
  EligibilityRuleSchema,
  LabelSchema,
  NUMERIC_FIELDS,
  PairSchema,
  ProgramSchema,
  QUESTION_KINDS,
  QuestionSchema,
  STRATEGIES,
} from "./questionnaire/program.js";
export type {
  Criterion,
  CriterionKind,
  EligibilityRule,
  Label,
  NumericField,
  Pair,
  Program,
  ProgramInput,
  Question,
  Role,
} from "./questionnaire/program.js";
export { programJsonSchema } from "./questionnaire/programJsonSchema.js";

// ── scoring ───────────────────────────────────────────────────────────────────────────────────────
export { compileProgram } from "./scoring/compileProgram.js";
export { scoreParticipants } from "./scoring/scoreParticipants.js";
export type { ScoreOptions } from "./scoring/scoreParticipants.js";
export { matchParticipants } from "./scoring/matchParticipants.js";
export type {
  MatchedGroup,
  MatchedMentee,
  MatchParticipantsOptions,
  ParticipantsMatch,
  UnmatchedParticipant,
} from "./scoring/matchParticipants.js";
export type {
  CompiledProgram,
  Contribution,
  ExcludedParticipant,
  ExclusionReason,
  Explanation,
  FailedRule,
  ScoredInstance,
  ScoringWarning,
} from "./scoring/types.js";

// ── matching and metrics: the `mentor-match/matching` entry, whole (one list to keep) ─────────────────
export * from "./entries/matching.js";
export type { MatchingLike } from "./matching/types.js";

// ── re-matching during the program year ─────────────────────────────────────────────────────────
export { matchPeople } from "./csv/matchPeople.js";
export type { KnownPerson, NamedPerson, PersonMatch } from "./csv/matchPeople.js";
export { renderChanges } from "./report/renderChanges.js";
export type { ChangesInput, RenderChangesOptions, RenderedChanges } from "./report/renderChanges.js";
export { priceOfStability } from "./rematch/priceOfStability.js";
export type { PriceOfStability } from "./rematch/priceOfStability.js";
export { rematch } from "./rematch/rematch.js";
export { rematchMatchResult } from "./rematch/rematchMatchResult.js";
export type {
  CapacityCut,
  ChangeKind,
  ChangeReason,
  EndedPair,
  IdPair,
  PreviousPairs,
  PreviousRun,
  RematchChange,
  RematchInput,
  RematchOptions,
  RematchResult,
  RematchStrategy,
} from "./rematch/types.js";

// ── csv: the `mentor-match/csv` entry, whole; then the report (both also used by the CLI) ────────────
export * from "./entries/csv.js";
export { IGNORE } from "./csv/mapColumns.js";
export { checkColumns } from "./csv/checkColumns.js";
export { buildReportModel } from "./report/buildReportModel.js";
export type {
  Bilingual,
  ReportAppendix,
  ReportContribution,
  ReportGroup,
  ReportInput,
  ReportModel,
  ReportPair,
  ReportPerson,
  ReportUnmatched,
} from "./report/buildReportModel.js";
export { renderHtmlReport } from "./report/renderHtmlReport.js";
export { renderMarkdownReport } from "./report/renderMarkdownReport.js";
export { OUTPUT_FILES, renderOutputs } from "./report/renderOutputs.js";
export { outputTables } from "./report/outputTables.js";
export type { OutputTable, OutputTables } from "./report/outputTables.js";
export type { OutputFile, RenderOutputsOptions } from "./report/renderOutputs.js";
export { reasonText } from "./report/texts.js";
