/**
 * `mentor-match/matching`: the matching and metrics layers alone — numbers in, pairs out. Nothing here
 * loads zod, mathjs or a CSV parser, so a browser bundle of it stays small. The package root
 * (`mentor-match`) re-exports this entry whole.
 */

// ── errors ────────────────────────────────────────────────────────────────────────────────────────
export {
  InfeasibleError,
  isMentorMatchError,
  LimitError,
  MatchingInputError,
  MentorMatchError,
} from "../errors.js";
export type { ErrorCode, ErrorLocation, MentorMatchErrorOptions } from "../errors.js";

// ── matching ──────────────────────────────────────────────────────────────────────────────────────
export { match } from "../matching/match.js";
export type { MatchOptions } from "../matching/match.js";
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
} from "../matching/types.js";
export { deferredAcceptance } from "../matching/deferredAcceptance.js";
export type { DeferredAcceptanceOptions } from "../matching/deferredAcceptance.js";
export { greedyMatching } from "../matching/greedyMatching.js";
export type { GreedyOptions } from "../matching/greedyMatching.js";
export { randomSerialDictatorship } from "../matching/randomSerialDictatorship.js";
export type { RandomSerialDictatorshipOptions } from "../matching/randomSerialDictatorship.js";
export { allStableMatchings } from "../matching/stableLattice.js";
export type {
  AllStableMatchingsOptions,
  AllStableMatchingsResult,
  RotationInfo,
  RotationMove,
} from "../matching/stableLattice.js";
export { egalitarianStableMatching } from "../matching/egalitarianStableMatching.js";
export { minimumRegretStableMatching } from "../matching/minimumRegretStableMatching.js";
export { optimalAssignment } from "../matching/optimalAssignment.js";
export type { OptimalAssignmentOptions } from "../matching/optimalAssignment.js";
export { bottleneckAssignment } from "../matching/bottleneckAssignment.js";
export type { BottleneckAssignmentOptions } from "../matching/bottleneckAssignment.js";

// ── metrics ───────────────────────────────────────────────────────────────────────────────────────
export { blockingPairs } from "../metrics/blockingPairs.js";
export type { BlockingPair } from "../metrics/blockingPairs.js";
export { isStable } from "../metrics/isStable.js";
export { matchMetrics } from "../metrics/matchMetrics.js";
export { rankProfile } from "../metrics/rankProfile.js";
export type { RankProfileOptions } from "../metrics/rankProfile.js";
export { compareStrategies } from "../metrics/compareStrategies.js";
export type {
  CompareOptions,
  ComparisonRow,
  ComparisonTable,
  CustomStrategy,
  RankSummary,
  StrategySpec,
  StrategySummary,
  TagRow,
} from "../metrics/compareStrategies.js";
export { formatComparison } from "../metrics/formatComparison.js";
export type { FormatComparisonOptions } from "../metrics/formatComparison.js";
