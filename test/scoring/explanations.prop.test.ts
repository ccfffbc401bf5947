/**
 * Honest explanations (issue 14, failure 3): a criterion is cited as a reason for a pair only when both
 * sides' answers support it; missing data is "no data", never a match. Checked against the answers
 * themselves, not against the kernels.
 */
import fc from "fast-check";
import {
  buildReportModel,
  type Answer,
  FORMS,
  generateParticipants,
  match,
  type ParticipantInput,
  presets,
  scoreParticipants,
} from "mentor-match";
import { describe, expect, it } from "vitest";
import { supportedByAnswers } from "./_reasons.js";

const RUNS = { numRuns: Number(process.env.MENTOR_MATCH_FUZZ_RUNS ?? 40) };
const REF = "2025-09-01";

const population = fc.record({
  form: fc.constantFrom(...FORMS),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  mentors: fc.integer({ min: 1, max: 6 }),
  mentees: fc.integer({ min: 1, max: 8 }),
  blankRate: fc.constantFrom(0, 0.3, 0.7, 1),
  preferenceRate: fc.constantFrom(0, 0.5, 1),
  /** Drop a whole question (a column the export does not have). */
  dropQuestion: fc.nat(20),
});

describe("explanations cite only what the answers support", () => {
  it("every supported criterion of every pair is backed by both sides' answers; missing data is never a reason", () => {
    fc.assert(
      fc.property(population, (p) => {
        const program = presets[p.form];
        const dropped = program.questions[p.dropQuestion % program.questions.length]!.id;
        const people = generateParticipants(program, { ...p, missingConsentRate: 0 }).map((x) => {
          const { [dropped]: _gone, ...answers } = x.answers;
          return { ...x, answers };
        });
        const scored = scoreParticipants(program, people, { referenceDate: REF });
        for (let i = 0; i < scored.rows; i++) {
          for (let j = 0; j < scored.cols; j++) {
            const e = scored.explain(i, j);
            e.contributions.forEach((c, k) => {
              const criterion = scored.program.criteria[k]!;
              if (!c.known) expect(c.supported).toBe(false);
              if (c.supported) {
                expect(
                  supportedByAnswers(criterion, scored.mentees[i]!, scored.mentors[j]!),
                  `${p.form} ${criterion.id} (${i}, ${j})`,
                ).toBe(true);
              }
            });
          }
        }
        // The report cites only supported criteria.
        const result = match(scored.instance, { strategy: "stable" });
        const model = buildReportModel({
          form: p.form,
          mentees: scored.mentees.map((x) => ({ id: x.id })),
          mentors: scored.mentors.map((x, j) => ({
            id: x.id,
            capacity: scored.instance.capacities?.[j] ?? 1,
          })),
          result,
          score: (i, j) => scored.scores[i * scored.cols + j]!,
          explain: (i, j) => scored.explain(i, j).contributions,
          excluded: [],
          seed: 0,
        });
        for (const g of model.groups) {
          for (const pair of g.pairs) {
            const i = scored.mentees.findIndex((x) => x.id === pair.mentee.id);
            const j = scored.mentors.findIndex((x) => x.id === pair.mentor.id);
            const labels = scored.explain(i, j).contributions;
            for (const r of pair.reasons) {
              const k = labels.findIndex((c) => c.label === r.label);
              const criterion = scored.program.criteria[k]!;
              expect(supportedByAnswers(criterion, scored.mentees[i]!, scored.mentors[j]!)).toBe(true);
            }
          }
        }
      }),
      RUNS,
    );
  });
});

describe("the cases of issue 14", () => {
  const program = presets["student-student"];
  const person = (
    id: string,
    role: "mentor" | "mentee",
    grade: number,
    answers: Record<string, Answer>,
  ): ParticipantInput => ({
    id,
    role,
    grade,
    guardianConsent: true,
    answers,
  });
  const reasonsOf = (people: ParticipantInput[]) => {
    const scored = scoreParticipants(program, people, { referenceDate: REF });
    return scored
      .explain(0, 0)
      .contributions.filter((c) => c.supported)
      .map((c) => c.criterion);
  };
  it("no schedule column at all: «Common time to meet» is no data, not a reason", () => {
    const scored = scoreParticipants(
      program,
      [
        person("M1", "mentor", 10, { interests: ["шахматы"], format: "очно" }),
        person("S1", "mentee", 8, { interests: ["шахматы"], format: "очно" }),
      ],
      { referenceDate: REF },
    );
    const schedule = scored.explain(0, 0).contributions.find((c) => c.criterion === "schedule")!;
    expect(schedule.known).toBe(false);
    expect(schedule.supported).toBe(false);
    expect(schedule.value).toBeGreaterThan(0); // the stand-in value (ifMissing) still scores
    expect(
      reasonsOf([
        person("M1", "mentor", 10, { interests: ["шахматы"], format: "очно" }),
        person("S1", "mentee", 8, { interests: ["шахматы"], format: "очно" }),
      ]),
    ).toEqual(expect.arrayContaining(["interests", "format"]));
  });
  it("days that do not overlap (a mentor on Thursday, a mentee on Friday) are no common time", () => {
    const reasons = reasonsOf([
      person("M1", "mentor", 10, { schedule: ["чт день", "чт вечер"] }),
      person("S1", "mentee", 8, { schedule: ["пт день"] }),
    ]);
    expect(reasons).not.toContain("schedule");
    expect(
      reasonsOf([
        person("M1", "mentor", 10, { schedule: ["чт день", "пт день"] }),
        person("S1", "mentee", 8, { schedule: ["пт день"] }),
      ]),
    ).toContain("schedule");
  });
  it("different subjects are no «Same subject», though a mismatch still scores 0.2", () => {
    const t = presets["teacher-teacher"];
    const scored = scoreParticipants(
      t,
      [
        {
          id: "M1",
          role: "mentor",
          age: 40,
          experienceYears: 10,
          consent: true,
          answers: { subject: "физика" },
        },
        {
          id: "S1",
          role: "mentee",
          age: 25,
          experienceYears: 1,
          consent: true,
          answers: { subject: "химия" },
        },
      ],
      { referenceDate: REF },
    );
    const subject = scored.explain(0, 0).contributions.find((c) => c.criterion === "subject")!;
    expect(subject.value).toBeCloseTo(0.2);
    expect(subject.supported).toBe(false);
  });
});
