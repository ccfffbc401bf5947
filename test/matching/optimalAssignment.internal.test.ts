/**
 * The assignment solver's core (matching/_internal/assignmentCore.ts) with a knob the public API does not
 * have: the number of candidates per row of the sparsified search. An internal unit test; the public
 * behaviour of optimalAssignment is in optimalAssignment.test.ts and the shared strategy properties.
 */
import { optimalAssignment } from "mentor-match/matching";
import { describe, expect, it } from "vitest";
import { solveAssignment } from "../../src/matching/_internal/assignmentCore.js";
import { normalizeInstance } from "../../src/matching/_internal/instance.js";
import { seededRandom as random } from "../_random.js";

describe("solveAssignment", () => {
  it("repairs a too small candidate graph: extra rounds and the fall-back to full rows give the same optimum", () => {
    // Internal: the number of candidates per row is a knob of the solver core, not of the public API.
    // With 4–6 candidates this instance needs several verification rounds; with 2, the fall-back.
    const n = 520;
    const rnd = random(5);
    const dense = new Float64Array(n * n);
    for (let k = 0; k < n * n; k++) dense[k] = rnd();
    const inst = normalizeInstance({ scores: dense, rows: n, cols: n });
    const totalOf = (mentorOf: Int32Array): number => {
      let total = 0;
      for (let i = 0; i < n; i++) total += dense[i * n + mentorOf[i]!]!;
      return total;
    };
    const rowStart = Int32Array.from({ length: n + 1 }, (_, i) => i * n);
    const col = Int32Array.from({ length: n * n }, (_, k) => k % n);
    const reference = optimalAssignment(
      { scores: { rows: n, cols: n, rowStart, col, value: dense } },
      { maximize: false },
    );
    for (const candidates of [2, 4, 5, 6, 32]) {
      const sol = solveAssignment({
        inst,
        sign: 1,
        lo: -Number.MAX_VALUE,
        hi: Number.MAX_VALUE,
        mode: "maximum",
        candidates,
      });
      expect(totalOf(sol.mentorOf), `candidates ${candidates}`).toBeCloseTo(reference.metrics.totalScore, 9);
    }
  });
});
