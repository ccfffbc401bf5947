import fc from "fast-check";
import { bottleneckAssignment, type MatchingInstance, type MatchResult } from "mentor-match";
import { describe, it } from "vitest";
import { pinsValid, signedInstance } from "./optimalAssignment.helpers.js";

const RUNS = { numRuns: 400 };

function solve(
  instance: MatchingInstance,
  maximize: boolean,
  cardinality: "maximum" | "perfect",
): MatchResult | string {
  try {
    return bottleneckAssignment(instance, { maximize, cardinality });
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

/** Worst score of a matching: the minimum when maximising, the maximum cost when minimising. */
function worstOf(grid: number[][], mentorOf: Int32Array, maximize: boolean): number {
  let worst = Number.NaN;
  for (let i = 0; i < mentorOf.length; i++) {
    const j = mentorOf[i]!;
    if (j < 0) continue;
    const s = grid[i]![j]!;
    if (Number.isNaN(worst) || (maximize ? s < worst : s > worst)) worst = s;
  }
  return worst;
}

describe("bottleneckAssignment (properties)", () => {
  it("reports the worst pair as metrics.minScore when maximising", () => {
    fc.assert(
      fc.property(signedInstance(), (d) => {
        fc.pre(pinsValid(d));
        const r = solve(d.instance, true, "maximum");
        if (typeof r === "string") return false;
        const worst = worstOf(d.grid, r.mentorOf, true);
        return Number.isNaN(worst) ? Number.isNaN(r.metrics.minScore) : r.metrics.minScore === worst;
      }),
      RUNS,
    );
  });
});
