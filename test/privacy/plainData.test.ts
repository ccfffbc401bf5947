/**
 * Names that are special to JavaScript objects (`__proto__`, `constructor`, `toString` …) are plain data
 * wherever a user may write them: question ids, participant ids, answers, preset overrides. A program
 * whose question is called `constructor` scores exactly like one whose question is called `q1`.
 */
import { type ParticipantInput, type ProgramInput, preset, scoreParticipants, match } from "mentor-match";
import { afterEach, describe, expect, it } from "vitest";

const PROTOTYPE_NAMES = ["constructor", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf"];

afterEach(() => {
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

/** A program reading one number question `q` (and a choice question) through every kind that reads answers. */
function programWith(q: string): ProgramInput {
  return {
    form: "student-student",
    questions: [
      { id: q, kind: "number", label: { ru: "Часы", en: "Hours" }, min: 0, max: 10 },
      { id: "topics", kind: "multi", label: { ru: "Темы", en: "Topics" }, options: ["a", "b", "c"] },
    ],
    criteria: [
      { kind: "formula", expression: `answered(mentee.${q}) ? 1 : 0.25` },
      { kind: "formula", expression: `mentor.${q} / 10` },
      { kind: "ordinal", question: q },
      { kind: "numeric", question: q, scale: 5 },
      { kind: "overlap", question: "topics" },
    ],
    eligibility: [{ role: "mentor", question: q, max: 8, ifMissing: "include" }],
    referenceDate: "2025-09-01",
  } as ProgramInput;
}

function peopleWith(q: string): ParticipantInput[] {
  return [
    { id: "S1", role: "mentee", consent: true, age: 19, answers: { topics: ["a"] } },
    { id: "S2", role: "mentee", consent: true, age: 19, answers: { [q]: 3, topics: ["b"] } },
    { id: "M1", role: "mentor", consent: true, age: 20, answers: { topics: ["a", "b"] } },
    { id: "M2", role: "mentor", consent: true, age: 20, answers: { [q]: 5 } },
    { id: "M3", role: "mentor", consent: true, age: 20, answers: { [q]: 9 } },
  ];
}

describe("prototype names are plain data", () => {
  const reference = scoreParticipants(programWith("q1"), peopleWith("q1"));

  it.each(PROTOTYPE_NAMES)("a question called %s scores like a question called q1", (name) => {
    const scored = scoreParticipants(programWith(name), peopleWith(name));
    expect(Array.from(scored.scores)).toEqual(Array.from(reference.scores));
    const who = (e: { id: string; role: string; reason: string }) => `${e.role}:${e.id}:${e.reason}`;
    expect(scored.excluded.map(who)).toEqual(reference.excluded.map(who));
  });

  it("participant ids __proto__ and constructor go through scoring and matching unchanged", () => {
    const people: ParticipantInput[] = [
      { id: "__proto__", role: "mentee", consent: true, age: 19, answers: { topics: ["a"] } },
      { id: "constructor", role: "mentee", consent: true, age: 19, answers: { topics: ["b"] } },
      {
        id: "toString",
        role: "mentor",
        consent: true,
        age: 20,
        capacity: 2,
        answers: { topics: ["a", "b"] },
      },
      { id: "hasOwnProperty", role: "mentor", consent: true, age: 20, answers: { topics: ["c"] } },
    ];
    const program = programWith("q1");
    const scored = scoreParticipants(program, people);
    expect(scored.mentees.map((p) => p.id).sort()).toEqual(["__proto__", "constructor"]);
    expect(scored.mentors.map((p) => p.id).sort()).toEqual(["hasOwnProperty", "toString"]);
    const result = match(scored.instance, { strategy: "optimal" });
    const pairs = Array.from(result.mentorOf, (j, i) => [
      scored.mentees[i]!.id,
      j < 0 ? null : scored.mentors[j]!.id,
    ]);
    expect(pairs.filter(([, m]) => m !== null).length).toBe(2);
    for (const [mentee, mentor] of pairs) {
      expect(typeof mentee).toBe("string");
      if (mentor !== null) expect(["toString", "hasOwnProperty"]).toContain(mentor);
    }
  });

  it("preset overrides with __proto__ and constructor.prototype keys pollute nothing", () => {
    for (const text of [
      '{"__proto__": {"polluted": true}}',
      '{"constructor": {"prototype": {"polluted": true}}}',
      '{"defaults": {"__proto__": {"polluted": true}}}',
      '{"criteria": {"__proto__": {"polluted": true}}}',
    ]) {
      try {
        preset("student-student", JSON.parse(text));
      } catch {
        // Refusing the override is fine; polluting is not (checked after each test).
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });
});
