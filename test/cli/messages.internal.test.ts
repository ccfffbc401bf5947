/**
 * The CLI's Russian wording of a reader's warning (cli/_internal/messages.ts, `warningText`). An internal
 * unit test: the warning itself (code, location, values, English message) is public and tested in
 * test/csv/answers.test.ts.
 */
import { preset } from "mentor-match";
import { type QuestionSpec, readCsv, readParticipants } from "mentor-match/csv";
import { describe, expect, it } from "vitest";
import { warningText } from "../../src/cli/_internal/messages.js";

const questions: QuestionSpec[] = preset("student-student").questions.map((q) => ({
  id: q.id,
  kind: q.kind,
  labels: [q.label.ru, q.label.en],
  role: q.role,
  ...(q.options === undefined ? {} : { options: q.options }),
}));

describe("warningText", () => {
  it("says an unknown answer in Russian with the value, the rows and the closest option", () => {
    const table = readCsv(
      "Код;Формат встреч;Согласие родителя\nS01;Онлаин;да\nS02;По телефону;да\nS03;Онлаин;да\n",
      {
        file: "mentees.csv",
      },
    );
    const w = readParticipants([{ table, role: "mentee" }], { questions }).warnings[0]!;
    expect(w.code).toBe("UNKNOWN_OPTION");
    expect(warningText(w, "ru")).toContain("«Онлаин» (строки 2, 4; ближайший вариант — «онлайн»)");
    expect(warningText(w, "en")).toContain('"Онлаин" (rows 2, 4; closest option: "онлайн")');
  });
});
