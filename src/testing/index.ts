/**
 * mentor-match/testing: the research kit. fast-check arbitraries of matching instances, checkers of
 * validity, stability, optimality certificates and proposer-optimality, brute-force oracles, and what a
 * researcher needs to run and compare strategies (`match`, the stable-lattice strategies,
 * `compareStrategies`). fast-check is a peer dependency of this subpath only.
 */

export { egalitarianStableMatching } from "../matching/egalitarianStableMatching.js";
export type { MatchOptions } from "../matching/match.js";
// ── strategies and comparison (the same functions as the main entry) ─────────────────────────────
export { match, STRATEGIES } from "../matching/match.js";
export { minimumRegretStableMatching } from "../matching/minimumRegretStableMatching.js";
export type {
  AllStableMatchingsOptions,
  AllStableMatchingsResult,
  RotationInfo,
  RotationMove,
} from "../matching/stableLattice.js";
export { allStableMatchings } from "../matching/stableLattice.js";
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
export type { IntRange, MatchingInstanceOptions } from "./arbitraries/matchingInstance.js";
// ── arbitraries ───────────────────────────────────────────────────────────────────────────────────
export { matchingInstance } from "./arbitraries/matchingInstance.js";
export type { GeneratedProgramme, ProgrammeOptions } from "./arbitraries/programme.js";
export { programme } from "./arbitraries/programme.js";
export type {
  CertificateOptions,
  CertificateReport,
  CertificateViolation,
} from "./checkers/checkOptimalityCertificate.js";
export { checkOptimalityCertificate } from "./checkers/checkOptimalityCertificate.js";
export type { ProposerOptimalityReport } from "./checkers/isProposerOptimal.js";
export { isProposerOptimal } from "./checkers/isProposerOptimal.js";
export type { MatchingViolation, ValidityReport } from "./checkers/isValidMatching.js";
// ── checkers ──────────────────────────────────────────────────────────────────────────────────────
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
