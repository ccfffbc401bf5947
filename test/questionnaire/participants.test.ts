import { InputFileError, parseParticipants, presets, safeParseParticipants } from "mentor-match";
import { describe, expect, it } from "vitest";

const program = presets["student-student"];
const ok = {
  id: "S01",
  role: "mentee",
  grade: 6,
  guardianConsent: true,
  answers: { interests: ["спорт"], sociability: 4 },
};

function failure(input: unknown[]): InputFileError {
  const r = safeParseParticipants(program, input);
  if (r.success) throw new Error("expected a failure");
  return r.error;
}

describe("parseParticipants", () => {
  it("fills defaults and keeps the input order", () => {
    const [a, b] = parseParticipants(program, [
      ok,
      { id: "M01", role: "mentor", grade: 9, guardianConsent: true },
    ]);
    expect(a).toMatchObject({ id: "S01", tags: [], preferences: [] });
    expect(b?.answers).toEqual({});
  });

  it("checks answers against the program's questions, naming the participant by position and id only", () => {
    const bad = { ...ok, name: "Анна Петрова", answers: { interests: ["спорт", "вышивание"] } };
    const e = failure([bad]);
    expect(e).toBeInstanceOf(InputFileError);
    expect(e.code).toBe("INVALID_PARTICIPANT");
    expect(e.message).not.toContain("Анна");
    expect(e.message).toMatchInlineSnapshot(
      `"participant #1 (id "S01"), answers.interests: unknown option "вышивание". Use the options of question "interests": спорт, музыка, рисование, театр, чтение, шахматы, программирование, робототехника, наука, путешествия, кино, волонтёрство, экология, журналистика, настольные игры, танцы, фотография, кулинария, техника, краеведение."`,
    );
    // The problem is also a field of its own, so that the command line restates it without parsing.
    expect(e.details).toEqual({
      index: 0,
      id: "S01",
      path: "answers.interests",
      issue: 'unknown option "вышивание"',
    });
  });

  it("rejects wrong kinds, out-of-range numbers, unknown questions, bad roles and duplicate ids", () => {
    expect(failure([{ ...ok, answers: { sociability: 9 } }]).message).toContain("9 is outside 1…5");
    expect(failure([{ ...ok, answers: { format: ["очно"] } }]).message).toContain('unknown option ["очно"]');
    expect(failure([{ ...ok, answers: { shoeSize: 42 } }]).message).toContain('no question "shoeSize"');
    expect(failure([{ ...ok, role: "parent" }]).message).toMatch(
      /^participant #1 \(id "S01"\), role: expected one of/,
    );
    const dup = failure([ok, { ...ok }]);
    expect(dup.code).toBe("DUPLICATE_ID");
    expect(dup.message).toContain('participant #2 (id "S01"), id: the same id as participant #1');
  });

  it("does not fail on a preference naming nobody (scoring warns instead)", () => {
    expect(safeParseParticipants(program, [{ ...ok, preferences: ["M99"] }]).success).toBe(true);
  });
});
