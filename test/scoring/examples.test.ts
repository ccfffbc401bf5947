/**
 * Every preset on its example participants (fixtures/examples/<form>.json), with expectations checked by
 * hand against the questionnaires: who is excluded and why, and who tops each mentee's list.
 */
import { readFileSync } from "node:fs";
import {
  deferredAcceptance,
  type Form,
  type ParticipantInput,
  preset,
  type ScoredInstance,
  scoreParticipants,
} from "mentor-match";
import { describe, expect, it } from "vitest";

interface Example {
  readonly form: Form;
  readonly referenceDate: string;
  readonly participants: ParticipantInput[];
}

function load(form: Form): Example {
  return JSON.parse(
    readFileSync(new URL(`../../fixtures/examples/${form}.json`, import.meta.url), "utf8"),
  ) as Example;
}

function scored(form: Form, program = preset(form)): ScoredInstance {
  const ex = load(form);
  return scoreParticipants(program, ex.participants, { referenceDate: ex.referenceDate });
}

/** Eligible mentors of a mentee, best first, as ids. */
function ranking(s: ScoredInstance, menteeId: string): string[] {
  const i = s.mentees.findIndex((m) => m.id === menteeId);
  if (i < 0) throw new Error(`${menteeId} is not included`);
  const js = s.mentors.map((_, j) => j).filter((j) => s.eligible[i * s.cols + j] === 1);
  return js
    .sort((a, b) => s.scores[i * s.cols + b]! - s.scores[i * s.cols + a]! || a - b)
    .map((j) => s.mentors[j]!.id);
}

function pair(s: ScoredInstance, menteeId: string, mentorId: string): [number, number] {
  return [s.mentees.findIndex((m) => m.id === menteeId), s.mentors.findIndex((m) => m.id === mentorId)];
}

function excluded(s: ScoredInstance): string[] {
  return s.excluded.map((e) => `${e.id}:${e.reason}`);
}

describe("student–student example", () => {
  const s = scored("student-student");

  it("excludes the mentor and mentee without a guardian's consent and the mentor who takes nobody", () => {
    expect(excluded(s)).toEqual([
      "M07:guardian-consent-missing",
      "M08:zero-capacity",
      "S08:guardian-consent-missing",
    ]);
    expect(s.mentors.map((m) => m.id)).toEqual(["M01", "M02", "M03", "M04", "M05", "M06"]);
    expect(s.rows).toBe(11);
  });

  it("S03, who needs maths for the olympiad, scores highest with M02, the maths olympiad winner", () => {
    expect(ranking(s, "S03")[0]).toBe("M02");
    const [i, j] = pair(s, "S03", "M02");
    const subjects = s.explain(i, j).contributions.find((c) => c.criterion === "subjects")!;
    expect(subjects.value).toBe(1);
    expect(subjects.label.ru).toBe("Наставник силён в нужных предметах");
  });

  it("each mentee's natural partner comes first", () => {
    expect(ranking(s, "S01")[0]).toBe("M03"); // new pupil ↔ the mentor for adaptation, same slots, group
    expect(ranking(s, "S02")[0]).toBe("M01"); // Russian and literature
    expect(ranking(s, "S04")[0]).toBe("M04"); // biology project
    expect(ranking(s, "S05")[0]).toBe("M05"); // robotics, online, Saturdays
    expect(ranking(s, "S06")[0]).toBe("M06"); // geography, sport, same evenings
    expect(ranking(s, "S10")[0]).toBe("M02"); // physics and maths
  });

  it("a mentor must be at least one grade above: S07 (grade 9) cannot get M03 (9) or M06 (8)", () => {
    expect(ranking(s, "S07")).not.toContain("M03");
    expect(ranking(s, "S07")).not.toContain("M06");
    const [i, j] = pair(s, "S07", "M06");
    expect(s.ineligibleReason(i, j)?.criterion).toBe("gradeGap");
    expect((s.instance.scores as Float64Array)[i * s.cols + j]).toBe(Number.NEGATIVE_INFINITY);
    expect(ranking(s, "S12")).toEqual(["M02", "M05"]); // grade 10: only the grade-11 mentors
  });

  it("S09 and M04 chose each other after the networking meeting, which lifts M04 above M02", () => {
    expect(ranking(s, "S09")[0]).toBe("M04");
    const without = scored("student-student", preset("student-student", { criteria: { preference: null } }));
    expect(ranking(without, "S09")[0]).toBe("M02");
  });

  it("reports a preference naming nobody as a warning, not an error", () => {
    expect(s.warnings).toEqual([
      expect.objectContaining({ code: "UNKNOWN_PREFERENCE", id: "S10", entry: 0, index: 17 }),
    ]);
  });

  it("fills the matching instance: capacities, tags, seed", () => {
    expect([...(s.instance.capacities as Int32Array)]).toEqual([1, 1, 3, 1, 2, 1]);
    expect(s.instance.menteeTags?.[s.mentees.findIndex((m) => m.id === "S03")]).toEqual(["gifted"]);
    expect(s.instance.seed).toBe(0);
    expect(s.instance.minScore).toBe(0);
  });
});

describe("teacher–teacher example", () => {
  const s = scored("teacher-teacher");

  it("applies the experience rules and consent", () => {
    expect(excluded(s)).toEqual(["M05:ineligible-role", "M06:no-consent", "S05:ineligible-role"]);
    expect(s.excluded[0]!.detail).toContain("experienceYears must be ≥ 5");
  });

  it("young specialists get the mentor who supports what they asked for", () => {
    expect(ranking(s, "S01")[0]).toBe("M01"); // maths methods and exams
    expect(ranking(s, "S02")[0]).toBe("M02"); // class teacher, parents
    expect(ranking(s, "S03")[0]).toBe("M03"); // digital tools
    expect(ranking(s, "S04")[0]).toBe("M04"); // discipline, inclusion, primary
    expect(ranking(s, "S08")[0]).toBe("M03"); // projects and assessment outweigh the same subject (M01)
  });
});

describe("college student–school student example", () => {
  const s = scored("college-student");

  it("excludes missing consents", () => {
    expect(excluded(s)).toEqual(["M05:no-consent", "S06:guardian-consent-missing"]);
  });

  it("matches requests to what the students can help with", () => {
    expect(ranking(s, "S01")[0]).toBe("M01"); // maths exam
    expect(ranking(s, "S02")[0]).toBe("M02"); // medicine, admission
    expect(ranking(s, "S03")[0]).toBe("M03"); // Russian
    expect(ranking(s, "S04")[0]).toBe("M04"); // informatics project
    expect(ranking(s, "S05")[0]).toBe("M06"); // English, adaptation
  });
});

describe("employer–student example", () => {
  const s = scored("employer-student");

  it("applies the experience and grade rules", () => {
    expect(excluded(s)).toEqual([
      "M05:ineligible-role",
      "S05:ineligible-role",
      "S07:guardian-consent-missing",
    ]);
    expect(s.mentees.some((m) => m.id === "S10")).toBe(true); // 18, own consent
  });

  it("students meet professionals of the field they are curious about", () => {
    expect(ranking(s, "S01")[0]).toBe("M01");
    expect(ranking(s, "S02")[0]).toBe("M02");
    expect(ranking(s, "S03")[0]).toBe("M03");
    expect(ranking(s, "S04")[0]).toBe("M04");
    expect(ranking(s, "S06")[0]).toBe("M06");
  });
});

describe("employer–college student example", () => {
  const s = scored("employer-college-student");

  it("excludes a 17-year-old without a guardian's consent and keeps one with it", () => {
    expect(excluded(s)).toEqual(["M05:ineligible-role", "S05:guardian-consent-missing"]);
    expect(s.mentees.some((m) => m.id === "S08")).toBe(true);
  });

  it("the internship formula: a student who wants one scores 1 with a mentor who offers one, 0 otherwise", () => {
    const value = (mentee: string, mentor: string) => {
      const [i, j] = pair(s, mentee, mentor);
      return s.explain(i, j).contributions.find((c) => c.criterion === "internship")!.value;
    };
    expect(value("S07", "M01")).toBe(1);
    expect(value("S07", "M02")).toBe(0);
    expect(value("S02", "M02")).toBe(1); // does not want one
    expect(ranking(s, "S01")[0]).toBe("M01");
    expect(ranking(s, "S03")[0]).toBe("M03");
  });
});

describe("from scoring to matching", () => {
  it("the instance of every example feeds deferredAcceptance, and every pair it forms is allowed", () => {
    for (const form of [
      "student-student",
      "teacher-teacher",
      "college-student",
      "employer-student",
      "employer-college-student",
    ] as const) {
      const s = scored(form);
      const result = deferredAcceptance(s.instance);
      const load = new Array<number>(s.cols).fill(0);
      result.mentorOf.forEach((j, i) => {
        if (j < 0) return;
        load[j]!++;
        expect(s.eligible[i * s.cols + j]).toBe(1);
      });
      load.forEach((n, j) => {
        expect(n).toBeLessThanOrEqual((s.instance.capacities as Int32Array)[j]!);
      });
      expect(result.mentorOf.length).toBe(s.rows);
    }
  });
});

describe("consent when the age is not given", () => {
  const people = (grade: number | undefined, consent: boolean, guardianConsent: boolean) => ({
    id: "X1",
    role: "mentee" as const,
    ...(grade === undefined ? {} : { grade }),
    consent,
    guardianConsent,
  });
  const outcome = (form: Form, p: ParticipantInput): string =>
    scoreParticipants(preset(form), [p], { referenceDate: "2026-09-01" }).excluded[0]?.reason ?? "included";

  it("a school student with neither age nor grade is a minor: a guardian's yes is needed, and the minor's own no is a no", () => {
    expect(outcome("student-student", people(undefined, true, false))).toBe("guardian-consent-missing");
    expect(outcome("student-student", people(undefined, false, true))).toBe("no-consent");
    expect(outcome("employer-student", people(undefined, true, false))).toBe("guardian-consent-missing");
  });

  it("a college student's grade is a year of study: own consent counts", () => {
    const mentor = { ...people(2, true, false), role: "mentor" as const };
    expect(outcome("college-student", mentor)).toBe("included");
    expect(outcome("employer-college-student", people(3, true, false))).toBe("included");
    // A known age still decides: a 17-year-old college student needs a guardian's consent.
    const young = { ...mentor, age: 17 };
    expect(outcome("college-student", young)).toBe("guardian-consent-missing");
  });

  it("teachers and professionals of unknown age are adults", () => {
    const young = { ...people(undefined, true, false), experienceYears: 1 };
    expect(outcome("teacher-teacher", young)).toBe("included");
    expect(outcome("teacher-teacher", { ...young, consent: false, guardianConsent: true })).toBe(
      "no-consent",
    );
  });
});

describe("pinned pairs of the program", () => {
  it("names the config entry that pins more mentees than a mentor takes", () => {
    const program = preset("teacher-teacher", {
      pinnedPairs: [
        { mentee: "T1", mentor: "M1" },
        { mentee: "T2", mentor: "M1" },
      ],
    });
    const person = (id: string, role: "mentor" | "mentee", experienceYears: number) => ({
      id,
      role,
      experienceYears,
      consent: true,
    });
    const people = [person("M1", "mentor", 10), person("T1", "mentee", 1), person("T2", "mentee", 2)];
    expect(() => scoreParticipants(program, people)).toThrowErrorMatchingInlineSnapshot(
      `[InfeasibleError: column "pinnedPairs[1]": pinnedPairs[1] pins one mentee more than the mentor's capacity (1). Raise the mentor's capacity (in the questionnaire or defaults.capacity) or remove a pinned pair.]`,
    );
  });
});

describe("the minimum score", () => {
  it("explain and ineligibleReason count it, as the matching does", () => {
    const program = preset("teacher-teacher", { defaults: { minScore: 0.99 } });
    const people: ParticipantInput[] = [
      { id: "M1", role: "mentor", experienceYears: 10, consent: true },
      { id: "T1", role: "mentee", experienceYears: 1, consent: true },
    ];
    const s = scoreParticipants(program, people);
    expect(s.scores[0]).toBeLessThan(0.99);
    expect(s.eligible[0]).toBe(1);
    const why = s.explain(0, 0);
    expect(why.eligible).toBe(false);
    expect(why.failed.map((f) => f.criterion)).toEqual(["min-score"]);
    expect(s.ineligibleReason(0, 0)?.criterion).toBe("min-score");
    expect(deferredAcceptance(s.instance).unmatched[0]?.reason).toBe("below-min-score");
  });
});
