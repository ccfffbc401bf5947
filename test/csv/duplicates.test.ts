/** Submissions sent twice: resolved the same whatever the row order, never a silent pick or merge. */
import { readCsv, readParticipants } from "mentor-match/csv";
import { describe, expect, it } from "vitest";

const HEADER = "Отметка времени;Код;E-mail;Интересы;Согласие";

function read(lines: readonly string[]) {
  const table = readCsv(`${[HEADER, ...lines].join("\n")}\n`, { file: "s.csv" });
  return readParticipants([{ table, role: "mentee" }], {
    questions: [{ id: "interests", kind: "text", labels: ["Интересы"] }],
  });
}

/** What the read says, by content rather than by row: kept ids and answers, dropped ids and reasons. */
function outcome(r: ReturnType<typeof read>) {
  return {
    kept: r.participants.map((p) => `${p.id}:${String(p.answers.interests)}`).sort(),
    dropped: r.dropped.map((d) => `${d.id}:${d.reason}`).sort(),
    problems: r.problems.map((p) => p.code),
  };
}

describe("duplicate submissions", () => {
  it("equal timestamps, identical rows: collapse into one, the other row superseded naming the kept one", () => {
    const a = "01.09.2024 10:00;S1;a@s.ru;Шахматы;да";
    for (const rows of [
      [a, a, "01.09.2024 11:00;S2;b@s.ru;Спорт;да"],
      ["01.09.2024 11:00;S2;b@s.ru;Спорт;да", a, a],
    ]) {
      const r = read(rows);
      expect(outcome(r)).toEqual({
        kept: ["S1:Шахматы", "S2:Спорт"],
        dropped: ["S1:superseded"],
        problems: [],
      });
      const d = r.dropped[0]!;
      expect(d.by).toHaveLength(1);
      expect(d.by[0]!.row).not.toBe(d.source.row);
    }
  });
  it("equal timestamps, different answers: a conflict with both rows, the same in either order", () => {
    const x = "01.09.2024 10:00;S1;a@s.ru;Шахматы;да";
    const y = "01.09.2024 10:00;S1;a@s.ru;Музыка;да";
    const one = read([x, y]);
    const two = read([y, x]);
    expect(outcome(one)).toEqual({
      kept: [],
      dropped: ["S1:conflicting-submissions", "S1:conflicting-submissions"],
      problems: [],
    });
    expect(outcome(two)).toEqual(outcome(one));
    expect(one.warnings.map((w) => [w.code, w.details.rows])).toEqual([["CONFLICTING_SUBMISSIONS", "2, 3"]]);
    expect(one.dropped.map((d) => [d.source.row, d.by.map((b) => b.row)])).toEqual([
      [2, [3]],
      [3, [2]],
    ]);
  });
  it("a later submission wins over both conflicting ones, which are superseded", () => {
    const r = read([
      "01.09.2024 10:00;S1;a@s.ru;Шахматы;да",
      "01.09.2024 10:00;S1;a@s.ru;Музыка;да",
      "02.09.2024 10:00;S1;a@s.ru;Театр;да",
    ]);
    expect(outcome(r)).toEqual({
      kept: ["S1:Театр"],
      dropped: ["S1:superseded", "S1:superseded"],
      problems: [],
    });
  });
  it("two different codes sharing an e-mail: a conflict reported by row, nobody merged or lost", () => {
    const r = read(["01.09.2024 10:00;S1;a@s.ru;Шахматы;да", "02.09.2024 10:00;S2;A@s.ru;Музыка;да"]);
    expect(outcome(r)).toEqual({
      kept: [],
      dropped: ["S1:conflicting-submissions", "S2:conflicting-submissions"],
      problems: [],
    });
    expect(r.warnings.map((w) => w.code)).toEqual(["CONFLICTING_SUBMISSIONS"]);
    expect(r.warnings[0]!.message).not.toContain("a@s.ru");
  });
  it("every row read is kept or dropped with a reason, whatever the order", () => {
    const rows = [
      "01.09.2024 10:00;S1;a@s.ru;Шахматы;да",
      "01.09.2024 10:00;S1;a@s.ru;Шахматы;да",
      "01.09.2024 09:00;S1;a@s.ru;Музыка;да",
      "01.09.2024 10:00;S2;b@s.ru;Театр;да",
      "01.09.2024 10:00;S2;b@s.ru;Спорт;да",
      "01.09.2024 10:00;S3;c@s.ru;Спорт;да",
      "01.09.2024 10:00;S4;c@s.ru;Спорт;да",
    ];
    const base = outcome(read(rows));
    for (let k = 0; k < 6; k++) {
      const shuffled = [...rows.slice(k), ...rows.slice(0, k)].reverse();
      const r = read(shuffled);
      expect(r.participants.length + r.dropped.length).toBe(rows.length);
      expect(outcome(r)).toEqual(base);
    }
  });
});
