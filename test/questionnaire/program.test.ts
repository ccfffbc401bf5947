import {
  FORMS,
  isMentorMatchError,
  ProgramError,
  parseProgram,
  preset,
  presets,
  programJsonSchema,
  safeParseProgram,
} from "mentor-match";
import { describe, expect, it } from "vitest";

const minimal = {
  form: "student-student",
  questions: [
    {
      id: "interests",
      kind: "multi",
      label: { ru: "Интересы", en: "Interests" },
      options: ["спорт", "музыка"],
    },
  ],
  criteria: [{ kind: "overlap", question: "interests" }],
};

function error(input: unknown): ProgramError {
  const r = safeParseProgram(input);
  if (r.success) throw new Error("expected a failure");
  return r.error;
}

describe("presets", () => {
  it("has a parsed preset for every form, with Russian and English labels", () => {
    expect(Object.keys(presets).sort()).toEqual([...FORMS].sort());
    for (const form of FORMS) {
      const p = presets[form];
      expect(p.form).toBe(form);
      expect(parseProgram(p)).toEqual(p);
      for (const q of p.questions) expect(q.label.ru.length * q.label.en.length).toBeGreaterThan(0);
      for (const c of p.criteria) expect(c.label?.ru && c.label.en).toBeTruthy();
    }
  });

  it("keeps the rules of the forms: grade gap, experience limits", () => {
    const gap = presets["student-student"].criteria.find((c) => c.id === "gradeGap");
    expect(gap).toMatchObject({ kind: "gap", field: "grade", min: 1, must: true });
    expect(presets["teacher-teacher"].eligibility).toEqual([
      expect.objectContaining({ role: "mentor", field: "experienceYears", min: 5 }),
      expect.objectContaining({ role: "mentee", field: "experienceYears", max: 3 }),
    ]);
  });

  it("merges overrides deeply, replaces arrays, and patches or removes criteria by id", () => {
    const p = preset("student-student", {
      defaults: { capacity: 2 },
      seed: 7,
      criteria: { interests: { weight: 5 }, gradeDistance: null },
      forbiddenPairs: [{ mentee: "S01", mentor: "M01" }],
    });
    expect(p.defaults).toEqual({ capacity: 2, minScore: 0 });
    expect(p.seed).toBe(7);
    expect(p.criteria.find((c) => c.id === "interests")?.weight).toBe(5);
    expect(p.criteria.some((c) => c.id === "gradeDistance")).toBe(false);
    expect(p.criteria.find((c) => c.id === "subjects")?.weight).toBe(3);
    expect(presets["student-student"].criteria.find((c) => c.id === "interests")?.weight).toBe(2);
    expect(p.forbiddenPairs).toHaveLength(1);
  });

  it("rejects an override of a criterion the preset does not have, and an unknown form", () => {
    expect(() => preset("student-student", { criteria: { nope: { weight: 1 } } })).toThrow(
      /no criterion "nope"/,
    );
    expect(() => preset("nope" as never)).toThrow(ProgramError);
  });
});

describe("parseProgram", () => {
  it("fills defaults, criterion ids and weights", () => {
    const p = parseProgram(minimal);
    expect(p.criteria[0]).toMatchObject({
      id: "overlap1",
      weight: 1,
      measure: "jaccard",
      must: false,
      ifMissing: 0,
    });
    expect(p).toMatchObject({
      ageOfMajority: 18,
      seed: 0,
      strategy: "stable",
      defaults: { capacity: 1, minScore: 0 },
    });
  });

  it("accepts a $schema key and a column mapping", () => {
    expect(
      parseProgram({ ...minimal, $schema: "./program.schema.json", columns: { Интересы: "interests" } })
        .columns,
    ).toEqual({
      Интересы: "interests",
    });
  });

  it("names the offending key of a bad config", () => {
    const e = error({ ...minimal, criteria: [{ kind: "overlap", question: "interests", weight: -1 }] });
    expect(isMentorMatchError(e)).toBe(true);
    expect(e.code).toBe("INVALID_PROGRAM");
    expect(e.message).toMatchInlineSnapshot(
      `"column "criteria[0].weight": Invalid program config: Too small: expected number to be >=0. Fix this key of the config (docs/program.md describes every key)."`,
    );
  });

  it("reports an unknown criterion kind", () => {
    const e = error({ ...minimal, criteria: [{ kind: "astrology", question: "interests" }] });
    expect(e.code).toBe("UNKNOWN_CRITERION");
    expect(e.message).toMatchInlineSnapshot(
      `"column "criteria[0].kind": Unknown criterion kind "astrology". Use one of: overlap, coverage, ordinal, numeric, categorical, schedule, gap, preference, formula (docs/program.md)."`,
    );
  });

  it("reports a criterion on a question that does not exist or has the wrong kind", () => {
    const unknown = error({ ...minimal, criteria: [{ kind: "overlap", question: "hobbies" }] });
    expect(unknown.code).toBe("UNKNOWN_QUESTION");
    expect(unknown.message).toMatchInlineSnapshot(
      `"column "criteria[0].question": The program has no question "hobbies". Use the id of one of the program's questions."`,
    );
    const kind = error({ ...minimal, criteria: [{ kind: "ordinal", question: "interests" }] });
    expect(kind.details).toEqual({ path: "criteria[0].question" });
  });

  it("reports unknown keys, a missing form, and no positive weight", () => {
    expect(error({ ...minimal, weights: {} }).message).toContain('unknown key "weights"');
    expect(error({ ...minimal, form: "parent-child" }).location).toEqual({ column: "form" });
    expect(
      error({ ...minimal, criteria: [{ kind: "overlap", question: "interests", weight: 0 }] }).message,
    ).toMatch(/No criterion has a positive weight/);
  });

  it("rejects a mentee pinned to two mentors, naming the second entry", () => {
    const pins = [
      { mentee: "S01", mentor: "M01" },
      { mentee: "S02", mentor: "M01" },
      { mentee: "S01", mentor: "M02" },
    ];
    const e = error({ ...minimal, pinnedPairs: pins });
    expect(e.location).toEqual({ column: "pinnedPairs[2]" });
    expect(e.message).toMatch(/already pinned in pinnedPairs\[0\]/);
  });

  it("rejects a pair that is both pinned and forbidden", () => {
    const pair = { mentee: "S01", mentor: "M01" };
    expect(error({ ...minimal, pinnedPairs: [pair], forbiddenPairs: [pair] }).location).toEqual({
      column: "pinnedPairs[0]",
    });
  });

  it("throws from parseProgram what safeParseProgram returns", () => {
    expect(() => parseProgram({})).toThrow(ProgramError);
    expect(safeParseProgram(minimal).success).toBe(true);
  });
});

describe("programJsonSchema", () => {
  it("describes the config with defaults optional and unknown keys refused", () => {
    const schema = programJsonSchema() as {
      $schema: string;
      type: string;
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, { enum?: string[] }>;
    };
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.type).toBe("object");
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required.sort()).toEqual(["criteria", "form", "questions"]);
    expect(schema.properties.form?.enum).toEqual([...FORMS]);
    expect(Object.keys(schema.properties)).toContain("$schema");
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});

describe("presets are shared", () => {
  it("cannot be changed in place (adjust a copy with preset())", () => {
    const p = presets["student-student"];
    expect(() => {
      (p.criteria[0] as { weight: number }).weight = 9;
    }).toThrow(TypeError);
    expect(() => {
      (p.questions as unknown[]).push({});
    }).toThrow(TypeError);
  });
});

describe("eligibility rules that cannot work", () => {
  const base = {
    form: "employer-college-student" as const,
    questions: [
      { id: "internship", kind: "boolean" as const, label: { ru: "Стажировка", en: "Internship" } },
    ],
    criteria: [{ kind: "formula" as const, expression: "1", weight: 1 }],
  };
  const rule = (r: Record<string, unknown>) =>
    safeParseProgram({ ...base, eligibility: [{ role: "mentor", question: "internship", ...r }] });
  it("a yes/no item passes only oneOf true or false", () => {
    expect(rule({ oneOf: ["true"] }).success).toBe(true);
    const yes = rule({ oneOf: ["yes"] });
    expect(yes.success).toBe(false);
    if (!yes.success) expect(yes.error.message).toMatch(/passes "true" or "false", not "yes"/);
    expect(rule({ min: 1 }).success).toBe(false);
  });
  it("a number takes min / max, not oneOf", () => {
    const r = safeParseProgram({
      ...base,
      eligibility: [{ role: "mentor", field: "experienceYears", oneOf: ["5"] }],
    });
    expect(r.success).toBe(false);
  });
});
