/**
 * Column mapping by header and by values (issue 14): each numbered failure of the issue that the mapping
 * caused, with the header and values that showed it.
 */
import {
  checkColumns,
  columnFieldsOf,
  mapColumns,
  type ParticipantInput,
  preset,
  type QuestionSpec,
  readCsv,
  readParticipants,
  scoreParticipants,
} from "mentor-match";
import { describe, expect, it } from "vitest";

function questionsOf(form: Parameters<typeof preset>[0]): QuestionSpec[] {
  return preset(form).questions.map((q) => ({
    id: q.id,
    kind: q.kind,
    labels: [q.label.ru, q.label.en],
    role: q.role,
    ...(q.options === undefined ? {} : { options: q.options }),
  }));
}

const school = questionsOf("student-student");
const fields = columnFieldsOf(school);

describe("failure 1: a 'who would you choose' question is named preferences, never role", () => {
  const header = [
    "ФИО",
    "Класс",
    "По каким предметам можете помочь / нужна помощь",
    "В какие дни удобно встречаться",
    "Кого из наставников вы бы выбрали после встречи (до 3 человек)",
  ];
  const rows = [
    ["Орлова Анна", "7А", "математика, физика", "Пн, Ср", "Иванов Пётр, Петров Иван"],
    ["Зайцев Илья", "6Б", "история", "Вт", "Сидоров Олег"],
    ["Гусева Вера", "8А", "биология", "Чт, Пт", ""],
  ];
  it("in a mentees' file: preferences, the mentee's subjects question and the schedule", () => {
    const m = mapColumns(header, fields, { rows, role: "mentee" });
    expect(m.columns.map((c) => c.key)).toEqual([
      "name",
      "grade",
      "q:subjectsNeeded",
      "q:schedule",
      "preferences",
    ]);
  });
  it("in every wording, RU and EN", () => {
    for (const h of [
      "Кого из наставников вы бы выбрали?",
      "Кого вы бы выбрали наставником",
      "С кем вы хотели бы работать",
      "Who would you choose as your mentor?",
      "Preferred mentor",
      "Mentor preferences (ranked)",
    ]) {
      expect(mapColumns([h], fields, { rows: [["Иванов Пётр"]], role: "mentee" }).columns[0]!.key, h).toBe(
        "preferences",
      );
    }
  });
  it("role is never taken from a column in two-file mode (only a «Роль» column of roles, to flag a row)", () => {
    const partial = mapColumns(["ФИО", "Вы участвуете как"], fields, {
      rows: [["Орлова Анна", "наставник"]],
      role: "mentee",
    });
    expect(partial.byKey.has("role")).toBe(false);
    // Headed exactly «Роль»: read only to report a mentor's row in the mentees' file, never to assign.
    const table = readCsv("Код;Роль;Согласие родителя\nS1;наставляемый;да\nS2;наставник;да\n", {
      file: "s.csv",
    });
    const read = readParticipants([{ table, role: "mentee" }], { questions: school });
    expect(read.participants.map((p) => [p.id, p.role])).toEqual([["S1", "mentee"]]);
    expect(read.problems.map((p) => [p.code, p.location?.row])).toEqual([["INVALID_VALUE", 3]]);
    // A role column is still read in one-file mode, and its values must be roles.
    expect(mapColumns(["Роль"], fields, { rows: [["наставник"], ["наставляемый"]] }).byKey.get("role")).toBe(
      0,
    );
    expect(mapColumns(["Кто вы"], fields, { rows: [["Иванов"], ["Петров"]] }).byKey.has("role")).toBe(false);
  });
  it("a column both roles answer under different questions, in one file, is read per row", () => {
    const table = readCsv(
      "Код;Роль;Предметы;Согласие родителя\nM1;наставник;математика;да\nS1;наставляемый;физика;да\n",
      { file: "all.csv" },
    );
    const read = readParticipants([{ table }], { questions: school });
    expect(read.problems).toEqual([]);
    expect(read.participants.map((p) => p.answers)).toEqual([
      { subjectsOffered: ["математика"] },
      { subjectsNeeded: ["физика"] },
    ]);
  });
});

describe("failure 6: a header match whose values contradict the field is not taken", () => {
  const civil = [["SCS1"], ["Grade 7"], ["HEO"], ["SEO"], ["EO"]];
  it("a «Grade» of civil-service grades is not a school grade", () => {
    const m = mapColumns(["Grade"], fields, { rows: civil, role: "mentee" });
    expect(m.columns[0]).toMatchObject({ key: null, rejected: { key: "grade" } });
    expect(mapColumns(["Grade"], fields, { rows: [["7"], ["8Б"], ["10 класс"]] }).byKey.get("grade")).toBe(0);
  });
  it("reading the file gives no NOT_A_NUMBER; `ignore` drops a column that would be guessed", () => {
    const table = readCsv(`Code,Grade,Consent\nS1,SCS1,yes\nS2,HEO,yes\nS3,Grade 7,yes\n`, { file: "m.csv" });
    expect(readParticipants([{ table, role: "mentee" }], { questions: school }).problems).toEqual([]);
    const school7 = readCsv("Code,Class,Consent\nS1,7,yes\n", { file: "m.csv" });
    const guessed = readParticipants([{ table: school7, role: "mentee" }], { questions: school });
    expect(guessed.participants[0]!.grade).toBe(7);
    const ignored = readParticipants([{ table: school7, role: "mentee" }], {
      questions: school,
      columns: { Class: "ignore" },
    });
    expect(ignored.participants[0]!.grade).toBeUndefined();
    expect(ignored.mappings[0]!.mapping.columns[1]!.how).toBe("ignored");
  });
  it("a form's response numbers 1, 2, 3 … are not participant codes", () => {
    const m = mapColumns(["ID", "Email"], fields, {
      rows: [
        ["1", "a@x.org"],
        ["2", "b@x.org"],
        ["3", "c@x.org"],
      ],
      role: "mentor",
    });
    expect(m.byKey.has("id")).toBe(false);
    expect(mapColumns(["ID"], fields, { rows: [["1845200100"], ["1845200137"]] }).byKey.get("id")).toBe(0);
  });
  it("a column no header claims is taken by its values when they are one question's options", () => {
    const m = mapColumns(["Что вам интересно"], fields, {
      rows: [["шахматы, музыка"], ["спорт"], ["театр, чтение"]],
      role: "mentee",
    });
    expect(m.columns[0]).toMatchObject({ key: "q:interests", how: "values" });
    expect(m.columns[0]!.confidence).toBeLessThan(0.6);
  });
});

describe("failure 7: the config's columns are checked against the fields", () => {
  it("an unknown target is UNKNOWN_FIELD with the closest valid name; q:<unknown> is UNKNOWN_QUESTION", () => {
    const problems = checkColumns(
      {
        ФИО: "nmae",
        Интересы: "q:interest",
        Комментарий: "ignore",
        Предметы: "q:subjectsOffered|q:subjectsNeeded",
      },
      school,
    );
    expect(problems.map((p) => [p.code, p.details?.closest, p.location?.column])).toEqual([
      ["UNKNOWN_FIELD", "name", 'columns["ФИО"]'],
      ["UNKNOWN_QUESTION", "q:interests", 'columns["Интересы"]'],
    ]);
  });
  it("reading with an unknown question target does not crash", () => {
    const table = readCsv("Code,Hobby,Consent\nS1,chess,yes\n", { file: "m.csv" });
    const read = readParticipants([{ table, role: "mentee" }], {
      questions: school,
      columns: { Hobby: "q:nope" },
    });
    expect(read.participants).toHaveLength(1);
  });
});

describe("failure 9: a headerless file is refused with a clear hint", () => {
  it("codes, names and e-mails in the first row are NO_HEADER naming the file", () => {
    const table = readCsv("M01,Anna Smith,anna@firm.example.com\nM02,Bob Jones,bob@firm.example.com\n", {
      file: "mentors.csv",
    });
    const read = readParticipants([{ table, role: "mentor" }], { questions: [] });
    expect(read.problems.map((p) => [p.code, p.location?.file, p.location?.row])).toEqual([
      ["NO_HEADER", "mentors.csv", 1],
    ]);
    const ranked = readCsv("S01,M03,M01,M02\nS02,M01,M02,M03\n", { file: "mentees.csv" });
    expect(readParticipants([{ table: ranked, role: "mentee" }], { questions: [] }).problems[0]?.code).toBe(
      "NO_HEADER",
    );
  });
  it("a real header is not refused", () => {
    const table = readCsv("Code,Name,Email\nM01,Anna Smith,anna@firm.example.com\n", { file: "m.csv" });
    expect(
      readParticipants([{ table, role: "mentor" }], { questions: [], requireConsent: false }).problems,
    ).toEqual([]);
  });
});

describe("failures 4 and 5: real exclusion reasons; adults' consent kept on file", () => {
  const adults: ParticipantInput[] = [
    { id: "M1", role: "mentor", answers: {}, tags: [], preferences: [] },
    { id: "S1", role: "mentee", answers: {}, tags: [], preferences: [] },
  ];
  it("a rule whose value is not given excludes with the real cause, not 'the role does not fit'", () => {
    const program = preset("teacher-teacher", { requireConsent: false } as never);
    const s = scoreParticipants(program, adults, { referenceDate: "2026-09-01" });
    expect(s.excluded.map((e) => e.reason)).toEqual(["missing-experience", "missing-experience"]);
  });
  it("adults need no consent column when consents are on file; minors still need a guardian's", () => {
    const program = {
      ...preset("employer-student"),
      consent: { source: "on-file" as const, note: "HR files" },
    };
    const s = scoreParticipants(program, adults, { referenceDate: "2026-09-01" });
    // The mentor is an adult (employer mentors); the mentee's age cannot be told: a minor.
    expect(s.excluded.map((e) => [e.id, e.reason])).toEqual([["S1", "guardian-consent-missing"]]);
    const withGuardian = scoreParticipants(program, [adults[0]!, { ...adults[1]!, guardianConsent: true }], {
      referenceDate: "2026-09-01",
    });
    expect(withGuardian.excluded).toEqual([]);
  });
});

describe("an ordinal question with an explicit order, and 'mentor above mentee'", () => {
  it("a gap rule on a single question counts the options' places", () => {
    const grades = ["AA", "AO", "EO", "HEO", "SEO", "Grade 7", "Grade 6", "SCS1"];
    const program = {
      form: "employer-college-student" as const,
      requireConsent: false,
      questions: [
        { id: "csGrade", kind: "single" as const, label: { ru: "Grade", en: "Grade" }, options: grades },
      ],
      criteria: [
        { kind: "ordinal" as const, question: "csGrade", weight: 1 },
        { kind: "gap" as const, question: "csGrade", min: 1, must: true },
      ],
    };
    const people: ParticipantInput[] = [
      { id: "M1", role: "mentor", answers: { csGrade: "Grade 7" }, tags: [], preferences: [] },
      { id: "M2", role: "mentor", answers: { csGrade: "EO" }, tags: [], preferences: [] },
      { id: "S1", role: "mentee", answers: { csGrade: "HEO" }, tags: [], preferences: [] },
    ];
    const s = scoreParticipants(program, people, { referenceDate: "2026-09-01" });
    // Mentor M1 (Grade 7) is above HEO; M2 (EO) is not.
    expect(Array.from(s.eligible)).toEqual([1, 0]);
  });
});
