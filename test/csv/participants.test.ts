import { mapColumns, readCsv, columnFieldsOf, type QuestionSpec, readParticipants } from "mentor-match/csv";
import { describe, expect, it } from "vitest";

const questions: QuestionSpec[] = [
  {
    id: "interests",
    kind: "multi",
    options: ["Шахматы", "Музыка", "Математика, физика", "Спорт"],
    labels: ["Интересы", "Interests"],
  },
  {
    id: "format",
    kind: "single",
    options: ["Очно", "Онлайн", "Любой"],
    labels: ["Формат встреч", "Meeting format"],
  },
  { id: "hours", kind: "number", labels: ["Сколько часов в неделю", "Hours per week"] },
];

describe("mapColumns", () => {
  it("maps Russian and English headers, ignoring case, spaces, ё and required marks", () => {
    const header = [
      "Отметка времени",
      "Ваше ФИО*",
      "Адрес электронной почты",
      "ИНТЕРЕСЫ",
      "Согласие родителя (законного представителя)",
      "Согласие на обработку персональных данных",
      "Класс",
      "Что-то ещё",
    ];
    const m = mapColumns(header, columnFieldsOf(questions));
    expect(Object.fromEntries(m.byKey)).toEqual({
      timestamp: 0,
      name: 1,
      email: 2,
      "q:interests": 3,
      guardianConsent: 4,
      consent: 5,
      grade: 6,
    });
    expect(m.columns[7]).toEqual({ index: 7, header: "Что-то ещё", key: null, how: null, confidence: 0 });
    expect(m.missing).toContain("id");
  });
  it("lets the program config name a column explicitly", () => {
    const m = mapColumns(["Кто ты", "Хобби"], columnFieldsOf(questions), {
      given: { Хобби: "q:interests", "кто ты": "role" },
    });
    expect(m.byKey.get("q:interests")).toBe(1);
    expect(m.byKey.get("role")).toBe(0);
    expect(m.columns[1]!.how).toBe("given");
  });
  it("reports two columns that fit a field equally well", () => {
    const m = mapColumns(["ФИО", "фио"], columnFieldsOf([]));
    expect(m.ambiguous).toEqual([{ key: "name", indices: [0, 1] }]);
  });
});

/** Reads one file; these cases are about other columns, so consent is not required of them. */
function read(text: string, role?: "mentor" | "mentee", file = "mentees.csv") {
  return readParticipants([{ table: readCsv(text, { file }), ...(role ? { role } : {}) }], {
    questions,
    requireConsent: false,
  });
}

describe("readParticipants", () => {
  it("warns, by rows, when one full name comes twice under two codes (Yandex's «ID» numbers answers)", () => {
    const r = read("ID;ФИО\n501;Иванова Анна\n502;Анна Иванова\n503;Петрова Анна\n", "mentee");
    expect(r.participants.map((p) => p.id)).toEqual(["501", "502", "503"]);
    expect(r.warnings.map((w) => [w.code, w.location.row, w.details.otherRow])).toEqual([
      ["SAME_NAME", 3, 2],
    ]);
    expect(r.warnings[0]!.message).not.toContain("Иванова");
  });

  it("reports a file without a consent column (nobody in it could be matched)", () => {
    const table = readCsv("Код;Класс\nS01;7\n", { file: "mentees.csv" });
    const r = readParticipants([{ table, role: "mentee" }], { questions });
    expect(r.problems.map((p) => [p.code, p.location?.file, p.details?.what])).toEqual([
      ["MISSING_COLUMN", "mentees.csv", "consent"],
    ]);
    const withGuardian = readCsv("Код;Класс;Согласие родителя\nS01;7;да\n", { file: "mentees.csv" });
    expect(readParticipants([{ table: withGuardian, role: "mentee" }], { questions }).problems).toEqual([]);
  });

  it("reads every kind of cell", () => {
    const r = read(
      "Код;ФИО;Интересы;Формат встреч;Сколько часов в неделю;Согласие;Класс;Категория\n" +
        "S01;Иванова Анна;Шахматы, Математика, физика;очно;два;Да;7Б;ОВЗ, одарённый\n",
      "mentee",
    );
    expect(r.problems).toEqual([]);
    expect(r.participants).toEqual([
      {
        id: "S01",
        role: "mentee",
        name: "Иванова Анна",
        answers: { interests: ["Шахматы", "Математика, физика"], format: "Очно", hours: 2 },
        consent: true,
        grade: 7,
        tags: ["ovz", "gifted"],
        preferences: [],
      },
    ]);
    expect(r.sources).toEqual([{ file: "mentees.csv", row: 2 }]);
  });
  it("collects every bad cell with file, row and column, never a name", () => {
    const r = read(
      "Код;ФИО;Формат встреч;Сколько часов в неделю;Согласие\n" +
        "S01;Иванова Анна;По телефону;много;может быть\n" +
        "S02;Петров Пётр;Онлайн;3;да\n",
      "mentee",
    );
    expect(r.problems.map((p) => [p.code, p.location])).toEqual([
      ["INVALID_VALUE", { file: "mentees.csv", row: 2, column: "Согласие" }],
      ["NOT_A_NUMBER", { file: "mentees.csv", row: 2, column: "Сколько часов в неделю" }],
    ]);
    for (const p of r.problems) expect(p.message).not.toMatch(/Иванова|Анна/);
    // An unknown answer to an optional question does not stop the run: a warning, the answer not given.
    expect(r.warnings.map((w) => [w.code, w.location])).toEqual([
      ["UNKNOWN_OPTION", { file: "mentees.csv", row: 2, column: "Формат встреч" }],
    ]);
    expect(r.warnings[0]!.message).not.toMatch(/Иванова|Анна/);
  });
  it("gathers choices that are not options into one warning per column, with the values and rows", () => {
    const r = read("Код;Интересы\nS01;Шахматы, Вышивка\nS02;Макраме, Бисер, Музыка\nS03;Спорт\n", "mentee");
    expect(r.problems).toEqual([]);
    expect(r.participants.map((p) => p.answers.interests)).toEqual([["Шахматы"], ["Музыка"], ["Спорт"]]);
    expect(r.warnings.map((w) => [w.code, w.location, w.details])).toEqual([
      [
        "UNKNOWN_OPTION",
        { file: "mentees.csv", row: 2, column: "Интересы" },
        { question: "interests", count: 3, rowCount: 2, rows: "2, 3" },
      ],
    ]);
    expect(r.warnings[0]!.answers?.map((a) => [a.value, a.rows])).toEqual([
      ["Вышивка", [2]],
      ["Макраме", [3]],
      ["Бисер", [3]],
    ]);
    expect(r.warnings[0]!.message).toContain('"Вышивка" (row 2; closest option:');
  });
  it("keeps the latest of two submissions and names both rows", () => {
    const r = read(
      "Отметка времени;E-mail;ФИО;Интересы\n" +
        "02.09.2024 12:00;a@school.ru;Анна;Спорт\n" +
        "01.09.2024 10:00;b@school.ru;Борис;Музыка\n" +
        "01.09.2024 09:00;A@School.ru;Анна;Шахматы\n",
      "mentee",
    );
    expect(r.participants.map((p) => p.answers.interests)).toEqual([["Спорт"], ["Музыка"]]);
    expect(r.warnings.map((w) => [w.code, w.details])).toEqual([
      ["DUPLICATE_SUBMISSION", { keptRow: 2, droppedRow: 4, droppedFile: "mentees.csv" }],
    ]);
    // Generated ids are codes, stable, and not the e-mail or the name.
    expect(r.participants[0]!.id).toMatch(/^S-[0-9a-f]{12}$/);
    expect(read("E-mail;ФИО\na@school.ru;Анна\n", "mentee").participants[0]!.id).toBe(r.participants[0]!.id);
  });
  it("without timestamps, the same id twice is an error", () => {
    const r = read("Код;ФИО\nS01;Анна\nS01;Анна\n", "mentee");
    expect(r.problems.map((p) => [p.code, p.location?.row])).toEqual([["DUPLICATE_ID", 3]]);
  });
  it("reads one file with a role column and resolves preferences by name, surname and e-mail", () => {
    const r = read(
      "Роль;Код;ФИО;E-mail;Предпочтения\n" +
        "Наставник;M01;Смирнов Олег Петрович;o@s.ru;Иванова Анна\n" +
        "Наставник;M02;Кузнецова Мария;m@s.ru;\n" +
        "наставляемый;S01;Иванова Анна;a@s.ru;Кузнецова, o@s.ru\n" +
        'Наставляемая;S02;Иванов Пётр;p@s.ru;"Смирнов О.; Сидоров"\n' +
        "Наставляемый;S03;Иванова Алла;al@s.ru;\n",
      undefined,
      "all.csv",
    );
    expect(r.problems).toEqual([]);
    const byId = Object.fromEntries(r.participants.map((p) => [p.id, p]));
    expect(byId.M01!.role).toBe("mentor");
    expect(byId.S02!.role).toBe("mentee");
    expect(byId.S01!.preferences).toEqual(["M02", "M01"]);
    expect(byId.S02!.preferences).toEqual(["M01"]);
    expect(byId.M01!.preferences).toEqual(["S01"]);
    expect(r.warnings.map((w) => [w.code, w.location.row])).toEqual([["UNKNOWN_PREFERENCE", 5]]);
  });
  it("reports an ambiguous surname as a warning", () => {
    const r = read(
      "Роль;Код;ФИО;Предпочтения\nНаставник;M01;Иванов Олег;\nНаставник;M02;Иванов Илья;\nНаставляемый;S01;Анна;Иванов\n",
      undefined,
      "all.csv",
    );
    expect(r.warnings.map((w) => w.code)).toEqual(["AMBIGUOUS_PREFERENCE"]);
    expect(r.participants.find((p) => p.id === "S01")!.preferences).toEqual([]);
  });
  it("needs a role column in a file given without a role", () => {
    const r = read("Код;ФИО\nS1;Анна\n", undefined, "all.csv");
    expect(r.problems.map((p) => p.code)).toEqual(["MISSING_COLUMN"]);
  });
});
