/**
 * The public functions under test, from the package's public entry points (one place to change if an
 * entry point moves).
 */
export type { MatchingInstance, PinnedPair } from "mentor-match";
export {
  blockingPairs,
  deferredAcceptance,
  greedyMatching,
  isStable,
  matchMetrics,
  randomSerialDictatorship,
  rankProfile,
} from "mentor-match";
export { allStableMatchingsBruteForce } from "mentor-match/testing";
