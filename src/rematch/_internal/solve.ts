/** One strategy of re-matching run on an instance, by the public matching functions. */
import { bottleneckAssignment } from "../../matching/bottleneckAssignment.js";
import { deferredAcceptance } from "../../matching/deferredAcceptance.js";
import { optimalAssignment } from "../../matching/optimalAssignment.js";
import type { MatchingInstance, MatchResult } from "../../matching/types.js";
import type { RematchStrategy } from "../types.js";

/** The matching of `strategy` on `instance` (cardinality "maximum" for optimal and fair). */
export function solve(
  instance: MatchingInstance,
  strategy: RematchStrategy,
  ties: "index" | "seeded",
): MatchResult {
  if (strategy === "optimal") return optimalAssignment(instance);
  if (strategy === "fair") return bottleneckAssignment(instance);
  return deferredAcceptance(instance, { proposer: "mentee", ties });
}
