import { parseParticipants, ParticipantSchema } from "mentor-match";
import * as fc from "fast-check";
import { isStable, isValidMatching, match, program } from "mentor-match/testing";
import { describe, expect, it } from "vitest";

describe("program", () => {
  it("generates participants valid for the zod schema and for their program", () => {
    fc.assert(
      fc.property(program({ mentors: { min: 0, max: 6 }, mentees: { min: 0, max: 12 } }), (p) => {
        for (const person of p.participants) expect(ParticipantSchema.safeParse(person).success).toBe(true);
        expect(() => parseParticipants(p.program, p.participants)).not.toThrow();
        expect(p.program.form).toBe(p.form);
      }),
      { numRuns: 30 },
    );
  });

  it("scores into an instance that every strategy can match", () => {
    fc.assert(
      fc.property(
        program({ scored: true, mentors: { min: 1, max: 5 }, mentees: { min: 1, max: 10 } }),
        (p) => {
          const inst = p.scored!.instance;
          const stable = match(inst, { strategy: "stable" });
          expect(isValidMatching(inst, stable.mentorOf).valid).toBe(true);
          expect(isStable(inst, stable.mentorOf)).toBe(true);
          expect(isValidMatching(inst, match(inst, { strategy: "egalitarian" }).mentorOf).valid).toBe(true);
        },
      ),
      { numRuns: 20 },
    );
  });

  it("is deterministic for a seed", () => {
    const arb = program({ scored: true, forms: ["teacher-teacher"] });
    const a = fc.sample(arb, { numRuns: 3, seed: 9 });
    const b = fc.sample(arb, { numRuns: 3, seed: 9 });
    expect(a.map((p) => p.participants)).toEqual(b.map((p) => p.participants));
    expect(a.map((p) => Array.from(p.scored!.scores))).toEqual(b.map((p) => Array.from(p.scored!.scores)));
  });
});
