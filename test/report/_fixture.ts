/** A small hand-made matching for the report tests: 4 mentors (one group mentor), 7 mentees. */

import type { ReportInput } from "mentor-match";
import { resultFromMentorOf } from "mentor-match/testing";

const NI = Number.NEGATIVE_INFINITY;
// rows = mentees S01..S07, cols = mentors M01..M04
export const scores = [
  [0.91, 0.4, 0.35, NI],
  [0.82, 0.75, 0.2, NI],
  [0.3, 0.66, 0.6, NI],
  [0.5, 0.55, 0.58, NI],
  [0.45, 0.7, 0.1, NI],
  [NI, NI, NI, NI],
  [0.8, 0.2, 0.1, NI],
];

export function reportInput(): ReportInput {
  const inst = {
    scores,
    capacities: [2, 1, 2, 1],
    menteeTags: [["ovz"], [], ["gifted"], [], ["ovz", "rural"], ["orphan"], []],
  };
  // S01, S02 → M01 (group of 2); S05 → M02; S03, S04 → M03; S06 has no eligible mentor; S07 is left out (M01 full).
  const mentorOf = Int32Array.from([0, 0, 2, 2, 1, -1, -1]);
  const result = resultFromMentorOf(inst, mentorOf, "stable");
  return {
    form: "student-student",
    mentees: [
      "Иванова Анна",
      "Петров Пётр",
      "=cmd|' /C calc'!A0",
      "Сидорова Мария",
      "Ким Виктор",
      "Орлова Дарья",
      "Фёдоров Илья",
    ].map((name, k) => ({ id: `S0${k + 1}`, name })),
    mentors: [
      { id: "M01", name: "Смирнов Олег", capacity: 2 },
      { id: "M02", name: "Кузнецова Ольга", capacity: 1 },
      { id: "M03", name: "Волков Сергей", capacity: 2 },
      { id: "M04", name: "Попова Ирина", capacity: 1 },
    ],
    result,
    score: (i, j) => scores[i]![j]!,
    explain: (i, j) => [
      { label: { ru: "Общие интересы", en: "Shared interests" }, contribution: scores[i]![j]! * 0.6 },
      { label: { ru: "Помощь по запросу", en: "Covers the request" }, contribution: scores[i]![j]! * 0.4 },
      { label: "zero", contribution: 0 },
    ],
    excluded: [
      { id: "S08", role: "mentee", reason: "guardian-consent-missing" },
      { id: "M05", role: "mentor", reason: "no-consent" },
    ],
    warnings: ["mentees.csv, строка 9: анкета отправлена дважды, взята последняя (строка 12)."],
    seed: 42,
  };
}
