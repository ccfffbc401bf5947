/** matchParticipants: one call from participants to pairs by id, beside the index arrays. */
import {
  generateParticipants,
  isMentorMatchError,
  match,
  matchParticipants,
  type ParticipantInput,
  preset,
  scoreParticipants,
} from "mentor-match";
import { describe, expect, it } from "vitest";

const program = preset("student-student", { defaults: { capacity: 2 } });

describe("matchParticipants", () => {
  it("gives mentor id → mentee ids with score and reasons, the same matching as scoring then match", () => {
    const people = generateParticipants(program, { mentors: 6, mentees: 14, seed: 11 });
    const out = matchParticipants(program, people, { strategy: "optimal", referenceDate: "2026-09-01" });
    const scored = scoreParticipants(program, people, { referenceDate: "2026-09-01" });
    const direct = match({ ...scored.instance, seed: 0 }, { strategy: "optimal" });
    expect(Array.from(out.result.mentorOf)).toEqual(Array.from(direct.mentorOf));
    expect(out.strategy).toBe("optimal");

    let pairs = 0;
    for (const g of out.groups) {
      const j = scored.mentors.findIndex((m) => m.id === g.mentorId);
      for (const m of g.mentees) {
        const i = scored.mentees.findIndex((p) => p.id === m.id);
        expect(direct.mentorOf[i]).toBe(j);
        expect(out.mentorOf.get(m.id)).toBe(g.mentorId);
        expect(m.score).toBeCloseTo(scored.explain(i, j).score, 12);
        expect(m.reasons.reduce((s, r) => s + r.contribution, 0)).toBeCloseTo(m.score, 12);
        for (let k = 1; k < m.reasons.length; k++)
          expect(m.reasons[k - 1]!.contribution).toBeGreaterThanOrEqual(m.reasons[k]!.contribution);
        pairs++;
      }
    }
    expect(pairs).toBe(out.mentorOf.size);
    expect(pairs).toBeGreaterThan(0);

    // Every participant is accounted for: a mentee paired, unmatched or excluded; a mentor included or excluded.
    const mentees = people.filter((p) => p.role === "mentee").map((p) => p.id);
    const seen = [
      ...out.mentorOf.keys(),
      ...out.unmatched.map((u) => u.id),
      ...out.excluded.map((e) => e.id),
    ];
    for (const id of mentees) expect(seen.filter((s) => s === id)).toHaveLength(1);
    for (const u of out.unmatched) {
      expect(
        direct.unmatched.some((d) => scored.mentees[d.mentee]!.id === u.id && d.reason === u.reason),
      ).toBe(true);
    }
  });

  it("takes the program's strategy and seed when the options give none", () => {
    const p = preset("student-student", { strategy: "greedy", seed: 5 });
    const people = generateParticipants(p, { mentors: 3, mentees: 5, seed: 2 });
    const out = matchParticipants(p, people);
    expect([out.strategy, out.seed]).toEqual(["greedy", 5]);
  });

  it("accepts read-only (as const) participants, and its result names ids only", () => {
    const people = [
      {
        id: "M1",
        role: "mentor",
        grade: 10,
        guardianConsent: true,
        answers: { subjectsOffered: ["математика"] },
      },
      {
        id: "S1",
        role: "mentee",
        grade: 7,
        guardianConsent: true,
        answers: { subjectsNeeded: ["математика"] },
      },
      { id: "S2", role: "mentee", grade: 7, guardianConsent: false },
    ] as const satisfies readonly ParticipantInput[];
    const out = matchParticipants(preset("student-student"), people);
    expect(out.groups.map((g) => [g.mentorId, g.mentees.map((m) => m.id)])).toEqual([["M1", ["S1"]]]);
    expect(out.excluded.map((e) => [e.id, e.reason])).toEqual([["S2", "guardian-consent-missing"]]);
  });
});

describe("a bare matrix where an instance is expected", () => {
  it.each(["stable", "optimal", "greedy", "fair"] as const)(
    "%s says to pass { scores: matrix }",
    (strategy) => {
      const matrix = [
        [0.9, 0.1],
        [0.2, 0.8],
      ];
      let caught: unknown;
      try {
        match(matrix as never, { strategy });
      } catch (error) {
        caught = error;
      }
      expect(isMentorMatchError(caught) && caught.code).toBe("INVALID_SHAPE");
      expect(String((caught as Error).message)).toContain("pass { scores: matrix }");
    },
  );
});
