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

// ── questionnaire ─────────────────────────────────────────────────────────────────────────────────

// ── scoring ───────────────────────────────────────────────────────────────────────────────────────

// ── matching ──────────────────────────────────────────────────────────────────────────────────────
export type {
  CsrScores,
  MatchingInstance,
  MatchMetrics,
  MatchResult,
  MentorGroup,
  PinnedPair,
  RankProfile,
  ScoreInput,
  StrategyName,
  TagMetrics,
  UnmatchedMentee,
  UnmatchedReason,
} from "./matching/types.js";

// ── metrics ───────────────────────────────────────────────────────────────────────────────────────

// ── csv and report (also used by the CLI) ─────────────────────────────────────────────────────────
