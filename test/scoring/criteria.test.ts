/** Each criterion kind on one hand-computed pair, formulas' whitelist, rules on pairs. */

import { type ParticipantInput, type ProgramInput, safeParseProgram, scoreParticipants } from "mentor-match";
import { describe, expect, it } from "vitest";

const L = (s: string) => ({ ru: s, en: s });
const MANY = Array.from({ length: 40 }, (_, k) => `o${k}`);

const questions: ProgramInput["questions"] = [
  { id: "tags", kind: "multi", label: L("tags"), options: ["a", "b", "c", "d"] },
  { id: "wide", kind: "multi", label: L("wide"), options: MANY },
  { id: "need", kind: "multi", role: "mentee", label: L("need"), options: ["x", "y", "z"] },
  { id: "offer", kind: "multi", role: "mentor", label: L("offer"), options: ["y", "z", "w"] },
  { id: "slots", kind: "multi", label: L("slots"), options: ["mon", "tue", "wed"] },
  { id: "level", kind: "single", label: L("level"), options: ["low", "mid", "high"] },
  { id: "likert", kind: "number", label: L("likert"), min: 1, max: 5 },
  { id: "format", kind: "single", label: L("format"), options: ["in person", "online", "either"] },
  { id: "intern", kind: "boolean", label: L("intern") },
];

const mentee: ParticipantInput = {
  id: "S1",
  role: "mentee",
  grade: 6,
  guardianConsent: true,
  preferences: ["M2", "M1"],
  answers: {
    tags: ["a", "b", "c"],
    wide: ["o1", "o33", "o39"],
    need: ["x", "y"],
    slots: ["mon"],
    level: "low",
    likert: 2,
    format: "either",
    intern: true,
  },
};
const mentor: ParticipantInput = {
  id: "M1",
  role: "mentor",
  grade: 9,
  guardianConsent: true,
  preferences: ["S1"],
  answers: {
    tags: ["b", "c", "d"],
    wide: ["o33", "o39"],
    offer: ["y"],
    slots: ["mon", "tue"],
    level: "high",
    likert: 5,
    format: "online",
    intern: false,
  },
};
const other: ParticipantInput = { id: "M2", role: "mentor", grade: 6, guardianConsent: true, answers: {} };

/** The value of one criterion for (S1, M1). */
function value(criterion: Record<string, unknown>, people: ParticipantInput[] = [mentee, mentor]): number {
  const s = scoreParticipants(
    { form: "student-student", questions, criteria: [{ weight: 1, ...criterion }] as never },
    people,
    {
      referenceDate: "2025-09-01",
    },
  );
  const j = s.mentors.findIndex((m) => m.id === "M1");
  return s.explain(0, j).contributions[0]!.value;
}

describe("criterion kinds", () => {
  it("overlap: jaccard, dice, min — also on bitsets wider than one word", () => {
    expect(value({ kind: "overlap", question: "tags" })).toBeCloseTo(2 / 4);
    expect(value({ kind: "overlap", question: "tags", measure: "dice" })).toBeCloseTo(4 / 6);
    expect(value({ kind: "overlap", question: "tags", measure: "min" })).toBeCloseTo(2 / 3);
    expect(value({ kind: "overlap", question: "wide", measure: "min" })).toBe(1);
    expect(value({ kind: "overlap", question: "wide" })).toBeCloseTo(2 / 3);
  });

  it("coverage: share of the mentee's needs the mentor offers", () => {
    expect(value({ kind: "coverage", need: "need", offer: "offer" })).toBe(0.5);
  });

  it("schedule: common slots up to the number required", () => {
    expect(value({ kind: "schedule", question: "slots" })).toBe(1);
    expect(value({ kind: "schedule", question: "slots", required: 2 })).toBe(0.5);
  });

  it("ordinal: distance on an ordered scale or a Likert item", () => {
    expect(value({ kind: "ordinal", question: "level" })).toBe(0);
    expect(value({ kind: "ordinal", question: "likert" })).toBeCloseTo(1 - 3 / 4);
  });

  it("numeric: linear and gaussian closeness of mentor − mentee to an offset", () => {
    expect(value({ kind: "numeric", field: "grade", offset: 2, scale: 4 })).toBeCloseTo(0.75);
    expect(value({ kind: "numeric", field: "grade", offset: 2, scale: 4, shape: "gaussian" })).toBeCloseTo(
      Math.exp(-1 / 16),
    );
    expect(value({ kind: "numeric", question: "likert", scale: 2 })).toBe(0);
  });

  it("gap: the difference within [min, max]", () => {
    expect(value({ kind: "gap", field: "grade", min: 1, max: 3 })).toBe(1);
    expect(value({ kind: "gap", field: "grade", max: 2 })).toBe(0);
  });

  it("categorical: same option, a wildcard, or compatible options", () => {
    expect(value({ kind: "categorical", question: "format" })).toBe(0);
    expect(value({ kind: "categorical", question: "format", any: ["either"] })).toBe(1);
    expect(value({ kind: "categorical", question: "level", compatible: [["high", "low"]] })).toBe(1);
    expect(value({ kind: "categorical", question: "intern", mismatch: 0.25 })).toBe(0.25);
  });

  it("preference: ranks in both directions, blended", () => {
    // S1 ranks M1 second of 2 → 1/2; M1 ranks S1 first of 1 → 1.
    expect(value({ kind: "preference" }, [mentee, mentor, other])).toBeCloseTo(0.5 * 0.5 + 0.5 * 1);
    expect(value({ kind: "preference", menteeShare: 1 }, [mentee, mentor, other])).toBeCloseTo(0.5);
    // M2 is not there: S1's list resolves to M1 alone → 1.
    expect(value({ kind: "preference", menteeShare: 1 })).toBe(1);
  });

  it("formula: answers of both sides, clamped to [0, 1]", () => {
    expect(value({ kind: "formula", expression: "mentor.likert / 10" })).toBe(0.5);
    expect(
      value({ kind: "formula", expression: "common(mentee.tags, mentor.tags) >= 2 and mentee.intern" }),
    ).toBe(1);
    expect(
      value({
        kind: "formula",
        expression: "has(mentee.need, 'x') ? max(0.2, abs(mentor.grade - mentee.grade) / 10) : 0",
      }),
    ).toBeCloseTo(0.3);
    expect(value({ kind: "formula", expression: "mentor.likert - mentee.likert" })).toBe(1);
    expect(value({ kind: "formula", expression: "mentee.level == 'low' ? -5 : 1" })).toBe(0);
    expect(value({ kind: "formula", expression: "sqrt(-1)", ifMissing: 0.4 })).toBe(0.4);
  });

  it("formula: priority tags, role model and organisation of the profile (a question of that id wins)", () => {
    const people: ParticipantInput[] = [
      { id: "S1", role: "mentee", grade: 6, guardianConsent: true, tags: ["ovz"], organisation: "Школа 1" },
      {
        id: "M1",
        role: "mentor",
        grade: 9,
        guardianConsent: true,
        roleModel: "лидер",
        organisation: "Школа 2",
      },
    ];
    const profile = (expression: string): number =>
      scoreParticipants(
        { form: "student-student", questions: [], criteria: [{ kind: "formula", expression, weight: 1 }] },
        people,
      ).scores[0]!;
    expect(profile("has(mentee.tags, 'ovz') ? 1 : 0.5")).toBe(1);
    expect(profile("has(mentor.tags, 'ovz') ? 1 : 0.5")).toBe(0.5);
    expect(profile("mentor.roleModel == 'лидер'")).toBe(1);
    expect(profile("mentee.organisation != mentor.organisation")).toBe(1);
    // The questionnaire above has a question "tags": that answer is what mentee.tags reads.
    expect(value({ kind: "formula", expression: "has(mentee.tags, 'a')" })).toBe(1);
  });

  it("missing answers take ifMissing", () => {
    const blank = { ...mentor, answers: {} };
    expect(value({ kind: "overlap", question: "tags", ifMissing: 0.3 }, [mentee, blank])).toBe(0.3);
    expect(value({ kind: "ordinal", question: "likert", ifMissing: 0.6 }, [mentee, blank])).toBe(0.6);
    expect(value({ kind: "categorical", question: "format", ifMissing: 0.7 }, [mentee, blank])).toBe(0.7);
  });
});

describe("formula whitelist", () => {
  const code = (expression: string) => {
    const r = safeParseProgram({
      form: "student-student",
      questions,
      criteria: [{ kind: "formula", expression }],
    });
    return r.success ? "ok" : `${r.error.code} ${r.error.location?.column}`;
  };

  it("rejects assignments, definitions, imports and any function off the list", () => {
    for (const e of [
      "x = 1",
      "f(x) = x + 1",
      "import({}, {})",
      "evaluate('1 + 1')",
      "parse('1')",
      "createUnit('foo')",
      "mentee.likert; 1",
      "[1, 2]",
      "{a: 1}",
      "1:3",
      "pi",
      "mentee['lik' + 'ert']",
      "(mentee.tags)[1]",
      "cos(1)",
    ]) {
      expect([e, code(e)]).toEqual([e, "FORBIDDEN_FORMULA criteria[0].expression"]);
    }
  });

  it("rejects properties that are not questions, syntax errors and overlong formulas", () => {
    expect(code("mentee.constructor")).toBe("UNKNOWN_QUESTION criteria[0].expression");
    expect(code("mentor.__proto__")).toBe("UNKNOWN_QUESTION criteria[0].expression");
    expect(code("1 +")).toBe("INVALID_FORMULA criteria[0].expression");
    expect(code("min()")).toBe("INVALID_FORMULA criteria[0].expression");
    expect(code(`${"1 + ".repeat(250)}1`)).toMatch(/^INVALID_PROGRAM|^INVALID_FORMULA/);
    expect(code("mentee.grade >= 5 and not (mentor.intern or false)")).toBe("ok");
  });
});

describe("rules on pairs and people", () => {
  const program: ProgramInput = {
    form: "student-student",
    questions,
    criteria: [{ kind: "overlap", question: "tags" }],
    forbiddenPairs: [{ mentee: "S1", mentor: "M1" }],
    pinnedPairs: [
      { mentee: "S1", mentor: "M2" },
      { mentee: "S9", mentor: "M1" },
    ],
    eligibility: [{ role: "mentor", field: "grade", min: 7 }],
  };

  it("forbidden pairs keep their score and are marked; pins become indices; unknown ids warn", () => {
    const s = scoreParticipants(program, [mentee, mentor, { ...other, grade: 8 }], {
      referenceDate: "2025-09-01",
    });
    expect(s.instance.forbidden).toEqual(new Uint8Array([1, 0]));
    expect((s.instance.scores as Float64Array)[0]).toBeCloseTo(0.5);
    expect(s.eligible[0]).toBe(0);
    expect(s.ineligibleReason(0, 0)?.criterion).toBe("forbidden-pair");
    expect(s.instance.pinned).toEqual([{ mentee: 0, mentor: 1 }]);
    expect(s.warnings.map((w) => w.code)).toEqual(["PIN_DROPPED"]);
  });

  it("an eligibility rule excludes the person with the rule in the detail", () => {
    const s = scoreParticipants(program, [mentee, mentor, other], { referenceDate: "2025-09-01" });
    expect(s.excluded).toEqual([
      {
        id: "M2",
        role: "mentor",
        reason: "ineligible-role",
        detail: "Rule eligibility[0]: a mentor's grade must be ≥ 7.",
      },
    ]);
    expect(s.warnings.map((w) => w.code)).toEqual(["PREFERENCE_EXCLUDED", "PIN_DROPPED", "PIN_DROPPED"]);
  });
});

describe("formula edge cases", () => {
  const program = (expression: string) => ({
    form: "student-student" as const,
    questions: [],
    criteria: [{ kind: "formula" as const, expression, weight: 1 }],
  });
  it("refuses brackets nested past 32 levels with a clear error, not a stack overflow", () => {
    const deep = `${"(".repeat(300)}1${")".repeat(300)}`;
    const r = safeParseProgram(program(deep));
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.message).toMatch(/nests brackets 300 deep; at most 32/);
    expect(safeParseProgram(program(`${"(".repeat(30)}1${")".repeat(30)}`)).success).toBe(true);
  });
  it("`missing` gives ifMissing", () => {
    const people: ParticipantInput[] = [
      { id: "S1", role: "mentee", grade: 6, guardianConsent: true },
      { id: "M1", role: "mentor", grade: 9, guardianConsent: true },
    ];
    const p = {
      ...program("missing"),
      criteria: [{ kind: "formula" as const, expression: "missing", weight: 1, ifMissing: 0.3 }],
    };
    expect(scoreParticipants(p, people).scores[0]).toBeCloseTo(0.3);
  });
});
