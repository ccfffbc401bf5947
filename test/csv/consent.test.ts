/** Consent that cannot be bypassed: unclear cells, duplicated consent columns, a minor's own «нет». */
import { parseYesNo, readCsv, readParticipants } from "mentor-match/csv";
import { preset, scoreParticipants } from "mentor-match";
import { describe, expect, it } from "vitest";
import { UNCLEAR_CONSENT } from "./_consentCells.js";

describe("parseYesNo: yes only when unambiguously yes", () => {
  it.each(UNCLEAR_CONSENT)("%s is not a yes", (cell) => {
    expect(parseYesNo(cell)).toBeUndefined();
  });
  it.each([
    ["Да", true],
    ["+", true],
    ["Согласен/согласна", true],
    ["Я даю согласие на обработку персональных данных", true],
    ["Нет", false],
    ["Не согласен", false],
  ])("%s is still %s", (cell, expected) => {
    expect(parseYesNo(cell)).toBe(expected);
  });
});

function read(text: string, options: Parameters<typeof readParticipants>[1] = { questions: [] }) {
  return readParticipants([{ table: readCsv(text, { file: "s.csv" }), role: "mentee" }], options);
}

describe("consent cells in a file", () => {
  it("an unclear consent is an error naming the cell", () => {
    const r = read("Код;Класс;Согласие родителя\nS1;7;Да\nS2;7;+-\nS3;7;Да?\n");
    expect(r.problems.map((p) => [p.code, p.location?.row, p.location?.column])).toEqual([
      ["INVALID_VALUE", 3, "Согласие родителя"],
      ["INVALID_VALUE", 4, "Согласие родителя"],
    ]);
  });
  it("by the documented setting, an unclear consent is a no with a warning, never a yes", () => {
    const r = read("Код;Класс;Согласие родителя\nS1;7;Да\nS2;7;частично\n", {
      questions: [],
      unclearConsent: "no",
    });
    expect(r.problems).toEqual([]);
    expect(r.participants.map((p) => p.guardianConsent)).toEqual([true, false]);
    expect(r.warnings.map((w) => [w.code, w.location.row])).toEqual([["UNCLEAR_CONSENT", 3]]);
  });
  it("two consent columns with the same header are DUPLICATE_COLUMN with a config naming that header too", () => {
    const text = "Код;Класс;Согласие родителя;Согласие родителя\nS1;7;Да;Нет\n";
    expect(read(text).problems.map((p) => p.code)).toEqual(["DUPLICATE_COLUMN"]);
    const withConfig = read(text, { questions: [], columns: { "Согласие родителя": "guardianConsent" } });
    expect(withConfig.problems.map((p) => p.code)).toEqual(["DUPLICATE_COLUMN"]);
  });
  it("a second guardian-consent column the config leaves out is DUPLICATE_COLUMN, not silently ignored", () => {
    const text = "Код;Класс;Согласие родителя (1);Согласие родителя (2)\nS1;7;Да;Нет\n";
    const r = read(text, { questions: [], columns: { "Согласие родителя (1)": "guardianConsent" } });
    expect(r.problems.map((p) => [p.code, p.details?.key])).toEqual([
      ["DUPLICATE_COLUMN", "guardianConsent"],
    ]);
    // A config that maps the other column too (to anything) has decided: no problem.
    const decided = read(text, {
      questions: [],
      columns: { "Согласие родителя (1)": "guardianConsent", "Согласие родителя (2)": "consent" },
    });
    expect(decided.problems).toEqual([]);
  });
  it("a minor's own «нет» is a no even when the guardian says yes; a blank own cell is not a refusal", () => {
    const r = read(
      "Код;Класс;Согласие на обработку персональных данных;Согласие родителя (законного представителя)\nS1;7;Нет;Да\nS2;7;;Да\nS3;7;Да;Да\n",
    );
    expect(r.problems).toEqual([]);
    const program = preset("student-student");
    const people = r.participants.map((p) => ({ ...p, answers: {} }));
    const scored = scoreParticipants(program, [
      ...people,
      { id: "M1", role: "mentor", grade: 10, consent: true, guardianConsent: true, answers: {} },
    ]);
    expect(scored.excluded.map((e) => [e.id, e.reason])).toEqual([["S1", "no-consent"]]);
    expect(scored.mentees.map((m) => m.id)).toEqual(["S2", "S3"]);
  });
});
