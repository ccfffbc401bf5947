/**
 * Forgiving answers (issue 14, failures 2 and 3): «Не важно» and its kin mean "no constraint"; options match
 * whatever the case, ё, spaces, punctuation and usual abbreviations; a day alone names its slots; an
 * English export reads as a Russian one; an unknown answer to an optional question is a warning with the
 * value, the row, the column and the closest option, never an error.
 */
import { readCsv, type QuestionSpec, readParticipants } from "mentor-match/csv";
import { optionEquivalents, preset } from "mentor-match";
import { describe, expect, it } from "vitest";

const program = preset("student-student");
const questions: QuestionSpec[] = program.questions.map((q) => ({
  id: q.id,
  kind: q.kind,
  labels: [q.label.ru, q.label.en],
  role: q.role,
  ...(q.options === undefined ? {} : { options: q.options }),
}));

function read(csv: string) {
  const table = readCsv(csv, { file: "mentees.csv" });
  return readParticipants([{ table, role: "mentee" }], { questions });
}

describe("no-preference answers to single-choice questions", () => {
  it("«Не важно» to the format question is the preset's «любой», not an error (failure 2)", () => {
    const r = read(
      "Код;Формат встреч;Согласие родителя\nS01;Не важно;да\nS02;Без разницы;да\nS03;всё равно;да\nS04;No preference;да\nS05;Any;да\n",
    );
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.participants.map((p) => p.answers.format)).toEqual([
      "любой",
      "любой",
      "любой",
      "любой",
      "любой",
    ]);
  });
  it("«Любой» to the one-to-one question is its «не важно»", () => {
    const r = read("Код;Индивидуально или в группе;Согласие родителя\nS01;Любой;да\nS02;неважно;да\n");
    expect(r.participants.map((p) => p.answers.mode)).toEqual(["не важно", "не важно"]);
  });
  it("with no such option, «Не важно» is no constraint: the answer counts as not given, silently", () => {
    const q: QuestionSpec = {
      id: "language",
      kind: "single",
      options: ["русский", "английский"],
      labels: ["Язык"],
    };
    const table = readCsv("Код;Язык\nS01;Не важно\nS02;Английский\n", { file: "m.csv" });
    const r = readParticipants([{ table, role: "mentee" }], { questions: [q], requireConsent: false });
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.participants.map((p) => p.answers.language)).toEqual([undefined, "английский"]);
  });
});

describe("tolerant options", () => {
  it("case, ё/е, spaces and punctuation do not matter", () => {
    const r = read(
      "Код;Формат встреч;Интересы и увлечения;Согласие родителя\nS01;  ОЧНО. ;ВОЛОНТЕРСТВО,  настольные   игры!;да\n",
    );
    expect(r.warnings).toEqual([]);
    expect(r.participants[0]!.answers).toEqual({
      format: "очно",
      interests: ["волонтёрство", "настольные игры"],
    });
  });
  it("an English export's answers match as the Russian ones do", () => {
    const r = read(
      'Code,Meeting format,Subjects I need help with,One-to-one or in a group,Consent\nS01,In person,"Maths, Physics",One-to-one,yes\nS02,Online,English,In a group,yes\n',
    );
    expect(r.warnings).toEqual([]);
    expect(r.participants.map((p) => p.answers)).toEqual([
      { format: "очно", subjectsNeeded: ["математика", "физика"], mode: "индивидуально" },
      { format: "онлайн", subjectsNeeded: ["английский язык"], mode: "в группе" },
    ]);
  });
  it("every preset option of a choice question has an English equivalent", () => {
    const missing: string[] = [];
    for (const form of [
      "student-student",
      "teacher-teacher",
      "college-student",
      "employer-student",
    ] as const) {
      for (const q of preset(form).questions) {
        if (q.id === "schedule") continue; // day-and-time slots: the reader knows day and time words
        for (const o of q.options ?? []) if (optionEquivalents(o).length === 0) missing.push(`${q.id}: ${o}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("schedules", () => {
  it("days alone name every slot of those days (failure 3: «Пн, Ср» was rejected)", () => {
    const r = read(
      "Код;Удобное время встреч;Согласие родителя\nS01;Пн, Ср;да\nS02;пн.;да\nS03;понедельник вечер, Friday afternoon;да\nS04;Mon, Wednesday;да\nS05;по четвергам;да\n",
    );
    expect(r.warnings).toEqual([]);
    expect(r.participants.map((p) => p.answers.schedule)).toEqual([
      ["пн день", "пн вечер", "ср день", "ср вечер"],
      ["пн день", "пн вечер"],
      ["пн вечер", "пт день"],
      ["пн день", "пн вечер", "ср день", "ср вечер"],
      ["чт день", "чт вечер"],
    ]);
  });
});

describe("unknown answers", () => {
  it("an unknown single-choice answer is a warning with the value, the rows, the column and the closest option", () => {
    const r = read(
      "Код;Формат встреч;Согласие родителя\nS01;Онлаин;да\nS02;По телефону;да\nS03;Онлаин;да\nS04;очно;да\n",
    );
    expect(r.problems).toEqual([]);
    expect(r.participants.map((p) => p.answers.format)).toEqual([undefined, undefined, undefined, "очно"]);
    expect(r.warnings).toHaveLength(1);
    const w = r.warnings[0]!;
    expect(w.code).toBe("UNKNOWN_OPTION");
    expect(w.location).toEqual({ file: "mentees.csv", row: 2, column: "Формат встреч" });
    expect(w.answers).toEqual([
      { value: "Онлаин", rows: [2, 4], closest: "онлайн" },
      { value: "По телефону", rows: [3], closest: expect.any(String) },
    ]);
    expect(w.message).toContain('"Онлаин" (rows 2, 4; closest option: "онлайн")');
    // The CLI's Russian wording of the same warning: test/cli/messages.internal.test.ts.
  });
  it("never shows an e-mail or a phone number written as an answer", () => {
    const r = read(
      "Код;Интересы и увлечения;Согласие родителя\nS01;шахматы, ivan@mail.ru;да\nS02;+7 900 123-45-67;да\n",
    );
    const text = JSON.stringify(r.warnings);
    expect(text).not.toMatch(/ivan|mail\.ru|900/);
    expect(r.participants[0]!.answers.interests).toEqual(["шахматы"]);
  });
});
