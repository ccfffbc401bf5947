/**
 * Random program populations written as survey exports (the Google-Forms layout of fixtures/demo):
 * minors and adults, every state of consent, capacities, preferences by name, surname, e-mail, id or
 * nobody. Names are distinctive and unique, so tests can grep the outputs for them.
 */
import * as fc from "fast-check";

/** One row of a survey export. */
export interface Person {
  readonly id: string;
  readonly role: "mentor" | "mentee";
  readonly name: string;
  readonly email: string;
  readonly grade: number;
  /** Blank = not asked (a minor). */
  readonly age: number | null;
  readonly consent: "Да" | "Нет" | "";
  readonly guardianConsent: "Да" | "Нет" | "";
  readonly capacity: number;
  readonly interests: readonly string[];
  readonly format: string;
  /** The preference cell as typed. */
  readonly preferences: string;
  readonly stamp: string;
}

const SYLLABLES = ["ба", "ве", "ги", "до", "жу", "зя", "ки", "ло", "му", "ны"];
const FIRST = ["Агафья", "Евпраксия", "Феофан", "Мирон", "Ульяна", "Никандр", "Пелагея", "Святослав"];
const INTERESTS = ["Спорт", "Музыка", "Шахматы", "Наука", "Театр", "Чтение"];
const FORMATS = ["Очно", "Онлайн", "Любой"];

/** A surname no real export has, unique per index: «Бавеги-» + syllables of the index. */
function surname(role: "mentor" | "mentee", k: number): string {
  const digits = String(k).padStart(3, "0");
  const body = [...digits].map((d) => SYLLABLES[Number(d)]).join("");
  return `${role === "mentor" ? "Зю" : "Хры"}${body}ова`;
}

/** True when the participant may take part: a minor needs the guardian's yes, an adult their own. */
export function hasValidConsent(p: Person): boolean {
  return p.age !== null && p.age >= 18 ? p.consent === "Да" : p.guardianConsent === "Да";
}

const personDraw = fc.record({
  first: fc.nat(FIRST.length - 1),
  grade: fc.nat(3),
  adult: fc.boolean(),
  consent: fc.constantFrom("Да", "Да", "Да", "Нет", "") as fc.Arbitrary<"Да" | "Нет" | "">,
  guardianConsent: fc.constantFrom("Да", "Да", "Да", "Нет", "") as fc.Arbitrary<"Да" | "Нет" | "">,
  capacity: fc.nat(3),
  interests: fc.subarray(INTERESTS, { maxLength: 3 }),
  format: fc.constantFrom(...FORMATS),
  prefKinds: fc.array(fc.constantFrom("name", "surname", "email", "id", "nobody"), { maxLength: 2 }),
  prefPicks: fc.array(fc.nat(), { minLength: 2, maxLength: 2 }),
  minute: fc.nat(59),
});

type Draw = typeof personDraw extends fc.Arbitrary<infer T> ? T : never;

/** A population: up to `maxMentors` mentors and `maxMentees` mentees with their survey answers. */
export function population(
  maxMentors = 10,
  maxMentees = 24,
): fc.Arbitrary<{ mentors: Person[]; mentees: Person[] }> {
  return fc
    .record({
      mentors: fc.array(personDraw, { minLength: 1, maxLength: maxMentors }),
      mentees: fc.array(personDraw, { minLength: 1, maxLength: maxMentees }),
    })
    .map(({ mentors: md, mentees: sd }) => {
      const base = (role: "mentor" | "mentee", k: number, d: Draw): Person => {
        const sur = surname(role, k);
        return {
          id: `${role === "mentor" ? "M" : "S"}${String(k + 1).padStart(3, "0")}`,
          role,
          name: `${sur} ${FIRST[d.first]!} Тестовна`,
          email: `${role === "mentor" ? "m" : "s"}.${k}.${d.first}@example.org`,
          grade: role === "mentor" ? 9 + Math.min(d.grade, 2) : 5 + d.grade,
          age: role === "mentor" && d.adult ? 18 : null,
          consent: d.consent,
          guardianConsent: d.guardianConsent,
          capacity: d.capacity,
          interests: d.interests,
          format: d.format,
          preferences: "",
          stamp: `0${1 + (k % 9)}.09.2025 1${role === "mentor" ? 0 : 1}:${String(d.minute).padStart(2, "0")}:00`,
        };
      };
      const mentors = md.map((d, k) => base("mentor", k, d));
      const mentees = sd.map((d, k) => base("mentee", k, d));
      const withPrefs = (people: Person[], draws: readonly Draw[], others: Person[]): Person[] =>
        people.map((p, k) => {
          const d = draws[k]!;
          const entries = d.prefKinds.map((kind, e) => {
            const o = others[d.prefPicks[e]! % others.length]!;
            if (kind === "name") return o.name;
            if (kind === "surname") return o.name.split(" ")[0]!;
            if (kind === "email") return o.email;
            if (kind === "id") return o.id;
            return "Никтоизтакихов Никто";
          });
          return { ...p, preferences: entries.join(", ") };
        });
      return { mentors: withPrefs(mentors, md, mentees), mentees: withPrefs(mentees, sd, mentors) };
    });
}

function cell(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  return `"${text.replaceAll('"', '""')}"`;
}

const HEADER = {
  mentor: [
    "Отметка времени",
    "Код участника",
    "Ваше ФИО",
    "Адрес электронной почты",
    "Класс",
    "Возраст",
    "Интересы и увлечения",
    "Формат встреч",
    "Сколько наставляемых готовы взять",
    "Согласие на обработку персональных данных",
    "Согласие родителя (законного представителя)",
    "Предпочитаемые наставляемые (после нетворкинга)",
  ],
  mentee: [
    "Отметка времени",
    "Код участника",
    "Ваше ФИО",
    "Адрес электронной почты",
    "Класс",
    "Возраст",
    "Интересы и увлечения",
    "Формат встреч",
    "Согласие на обработку персональных данных",
    "Согласие родителя (законного представителя)",
    "Предпочитаемый наставник (после нетворкинга)",
  ],
} as const;

/** The survey export of one role, rows in the order given. */
export function toCsv(people: readonly Person[], role: "mentor" | "mentee"): string {
  const lines = [HEADER[role].map(cell).join(",")];
  for (const p of people) {
    const cells: (string | number | null)[] = [
      p.stamp,
      p.id,
      p.name,
      p.email,
      `${p.grade}А`,
      p.age,
      p.interests.join(", "),
      p.format,
    ];
    if (role === "mentor") cells.push(p.capacity);
    cells.push(p.consent, p.guardianConsent, p.preferences);
    lines.push(cells.map(cell).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
