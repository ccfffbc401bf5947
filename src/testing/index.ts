/**
 * mentor-match/testing: the research kit. fast-check arbitraries of matching instances, checkers of
 * validity, stability, optimality certificates and proposer-optimality, brute-force oracles, and what a
 * researcher needs to run and compare strategies: every matching and metrics function of the main entry
 * (the same functions, re-exported from their files; test/testing/researchKit.test.ts keeps the two in
 * step).
 * fast-check is a peer dependency of this subpath only.
 *
 * Every checker takes `(instance, matching)`, where `matching` is a `MatchResult` or its `mentorOf`
 * (`MatchingLike`); `checkOptimalityCertificate` needs the result itself, for its duals.
 */

// ── matching and metrics: the main entry's functions, from their own files (so that this entry loads no
//    questionnaire, CSV or report code) ───────────────────────────────────────────────────────────────
export type { BottleneckAssignmentOptions } from "../matching/bottleneckAssignment.js";
export { bottleneckAssignment } from "../matching/bottleneckAssignment.js";
export type { DeferredAcceptanceOptions } from "../matching/deferredAcceptance.js";
export { deferredAcceptance } from "../matching/deferredAcceptance.js";
export { egalitarianStableMatching } from "../matching/egalitarianStableMatching.js";
export type { GreedyOptions } from "../matching/greedyMatching.js";
export { greedyMatching } from "../matching/greedyMatching.js";
export type { MatchOptions } from "../matching/match.js";
export { match } from "../matching/match.js";
export { minimumRegretStableMatching } from "../matching/minimumRegretStableMatching.js";
export type { OptimalAssignmentOptions } from "../matching/optimalAssignment.js";
export { optimalAssignment } from "../matching/optimalAssignment.js";
export type { RandomSerialDictatorshipOptions } from "../matching/randomSerialDictatorship.js";
export { randomSerialDictatorship } from "../matching/randomSerialDictatorship.js";
export type {
  AllStableMatchingsOptions,
  AllStableMatchingsResult,
  RotationInfo,
  RotationMove,
} from "../matching/stableLattice.js";
export { allStableMatchings } from "../matching/stableLattice.js";
export { STRATEGIES } from "../matching/strategies.js";
export type {
  CsrScores,
  MatchingInstance,
  MatchingLike,
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
export type { BlockingPair } from "../metrics/blockingPairs.js";
export { blockingPairs } from "../metrics/blockingPairs.js";
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
export { compareStrategies } from "../metrics/compareStrategies.js";
export type { FormatComparisonOptions } from "../metrics/formatComparison.js";
export { formatComparison } from "../metrics/formatComparison.js";
export { isStable } from "../metrics/isStable.js";
export { matchMetrics } from "../metrics/matchMetrics.js";
export type { RankProfileOptions } from "../metrics/rankProfile.js";
export { rankProfile } from "../metrics/rankProfile.js";

// ── arbitraries ───────────────────────────────────────────────────────────────────────────────────
export type { IntRange, MatchingInstanceOptions } from "./arbitraries/matchingInstance.js";
export { matchingInstance } from "./arbitraries/matchingInstance.js";
export type { GeneratedProgram, ProgramOptions } from "./arbitraries/program.js";
export { program } from "./arbitraries/program.js";

// ── checkers ──────────────────────────────────────────────────────────────────────────────────────
export type {
  CertificateOptions,
  CertificateReport,
  CertificateViolation,
} from "./checkers/checkOptimalityCertificate.js";
export { checkOptimalityCertificate } from "./checkers/checkOptimalityCertificate.js";
export type { ProposerOptimalityReport } from "./checkers/isProposerOptimal.js";
export { isProposerOptimal } from "./checkers/isProposerOptimal.js";
export type { MatchingViolation, ValidityReport } from "./checkers/isValidMatching.js";
export { isValidMatching } from "./checkers/isValidMatching.js";
export type { InstanceView } from "./instanceView.js";
export { instanceView } from "./instanceView.js";

// ── oracles ───────────────────────────────────────────────────────────────────────────────────────
export {
  allStableMatchingsBruteForce,
  ORACLE_MAX_CANDIDATES,
} from "./oracles/allStableMatchingsBruteForce.js";
export type {
  BruteForceAssignmentOptions,
  BruteForceAssignmentResult,
} from "./oracles/bruteForceAssignment.js";
export { BRUTE_FORCE_LIMIT, bruteForceAssignment } from "./oracles/bruteForceAssignment.js";
export { resultFromMentorOf } from "./resultFromMentorOf.js";
