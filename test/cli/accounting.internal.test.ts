/** The "nobody lost" invariant checked before every write. */
import { buildReportModel, match, preset, scoreParticipants } from "mentor-match";
import { describe, expect, it } from "vitest";
import { checkEveryoneAccounted } from "../../src/cli/_internal/accounting.js";

function model() {
  const program = preset("student-student");
  const people = [
    { id: "M01", role: "mentor", grade: 10, guardianConsent: true, answers: {} },
    { id: "M02", role: "mentor", grade: 11, guardianConsent: true, answers: {} },
    { id: "S01", role: "mentee", grade: 7, guardianConsent: true, answers: {} },
    { id: "S02", role: "mentee", grade: 6, guardianConsent: true, answers: {} },
    { id: "S04", role: "mentee", grade: 6, guardianConsent: true, answers: {} },
    { id: "S03", role: "mentee", grade: 8, guardianConsent: false },
  ] as const;
  const scored = scoreParticipants(program, people);
  const result = match(scored.instance, { strategy: "stable" });
  return buildReportModel({
    form: "student-student",
    mentees: scored.mentees,
    mentors: scored.mentors.map((m) => ({ id: m.id, capacity: m.capacity ?? 1 })),
    result,
    score: (i, j) => scored.scores[i * scored.mentors.length + j]!,
    excluded: [...scored.excluded, { id: "S01", role: "mentee", reason: "superseded" }],
    seed: 0,
  });
}

describe("checkEveryoneAccounted", () => {
  it("passes when each row read is in exactly one output (a superseded row included)", () => {
    expect(() => checkEveryoneAccounted(model(), 7, 1)).not.toThrow();
  });
  it("fails with INTERNAL when a row would be lost or counted twice", () => {
    const m = model();
    expect(() => checkEveryoneAccounted(m, 8, 1)).toThrow(expect.objectContaining({ code: "INTERNAL" }));
    expect(() => checkEveryoneAccounted(m, 7, 0)).toThrow(expect.objectContaining({ code: "INTERNAL" }));
    const twice = {
      ...m,
      unmatched: [...m.unmatched, { ...m.unmatched[0]!, mentee: m.groups[0]!.pairs[0]!.mentee }],
    };
    expect(() => checkEveryoneAccounted(twice, 8, 1)).toThrow(expect.objectContaining({ code: "INTERNAL" }));
  });
});
