import { FORMS, generateParticipants, parseParticipants, presets } from "mentor-match";
import { describe, expect, it } from "vitest";

describe("generateParticipants", () => {
  it("makes valid participants for every form, with the counts asked for", () => {
    for (const form of FORMS) {
      const people = generateParticipants(presets[form], { mentors: 15, mentees: 40, seed: 3 });
      expect(parseParticipants(presets[form], people)).toHaveLength(55);
      expect(people.filter((p) => p.role === "mentor").map((p) => p.id)[0]).toBe("M01");
      expect(people.filter((p) => p.role === "mentee")).toHaveLength(40);
    }
  });

  it("is deterministic for a seed and differs between seeds", () => {
    const a = generateParticipants(presets["student-student"], { mentors: 5, mentees: 9, seed: 11 });
    expect(generateParticipants(presets["student-student"], { mentors: 5, mentees: 9, seed: 11 })).toEqual(a);
    expect(
      generateParticipants(presets["student-student"], { mentors: 5, mentees: 9, seed: 12 }),
    ).not.toEqual(a);
  });

  it("follows the form: mentors older in grade for students, experienced teachers for teachers", () => {
    const s = generateParticipants(presets["student-student"], { mentors: 50, mentees: 50, seed: 1 });
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const grade = (role: string) => mean(s.filter((p) => p.role === role).map((p) => p.grade!));
    expect(grade("mentor")).toBeGreaterThan(grade("mentee"));
    const t = generateParticipants(presets["teacher-teacher"], { mentors: 20, mentees: 20, seed: 1 });
    expect(t.filter((p) => p.role === "mentor").every((p) => p.experienceYears! >= 5)).toBe(true);
    expect(t.filter((p) => p.role === "mentee").every((p) => p.experienceYears! <= 3)).toBe(true);
  });

  it("rejects negative counts", () => {
    expect(() => generateParticipants(presets["student-student"], { mentors: -1, mentees: 0 })).toThrow(
      RangeError,
    );
  });
});
