/**
 * The standard columns of a survey export, with the headers that name them in Russian and English.
 * Program questions are added to these by the reader, with their own labels.
 */
import type { ColumnField } from "../mapColumns.js";
import type { FieldProfile } from "./profiles.js";

/** Keys of the standard fields; a program question's key is `q:<question id>`. */
export type StandardField =
  | "id"
  | "timestamp"
  | "role"
  | "name"
  | "surname"
  | "firstName"
  | "patronymic"
  | "email"
  | "consent"
  | "guardianConsent"
  | "capacity"
  | "preferences"
  | "grade"
  | "age"
  | "birthDate"
  | "experienceYears"
  | "organisation"
  | "tags"
  | "roleModel";

export const STANDARD_FIELDS: readonly (ColumnField & { readonly key: StandardField })[] = [
  {
    key: "id",
    labels: [
      "id",
      "код",
      "код участника",
      "идентификатор",
      "номер участника",
      "participant id",
      "participant code",
      "code",
      "uid",
    ],
  },
  {
    key: "timestamp",
    labels: [
      "отметка времени",
      "timestamp",
      "время",
      "дата и время",
      "время заполнения",
      "дата заполнения",
      "время отправки",
      "время создания",
      "дата создания",
      "submitted at",
      "submission time",
      "created at",
      "date submitted",
    ],
  },
  {
    key: "role",
    labels: [
      "роль",
      "role",
      "роль в программе",
      "участвую как",
      "я участвую как",
      "кто вы",
      "role in the program",
      "i am",
    ],
  },
  {
    key: "name",
    labels: [
      "фио",
      "ф.и.о",
      "ф и о",
      "фамилия имя отчество",
      "фамилия, имя, отчество",
      "фамилия и имя",
      "фамилия, имя",
      "имя и фамилия",
      "ваше фио",
      "ваши фамилия и имя",
      "full name",
      "name",
      "your name",
      "participant name",
    ],
  },
  { key: "surname", labels: ["фамилия", "surname", "last name", "family name"] },
  { key: "firstName", labels: ["имя", "first name", "given name"] },
  { key: "patronymic", labels: ["отчество", "patronymic", "middle name"] },
  {
    key: "email",
    labels: [
      "email",
      "e-mail",
      "e mail",
      "электронная почта",
      "адрес электронной почты",
      "почта",
      "эл. почта",
      "эл почта",
      "email address",
      "mail",
    ],
  },
  {
    key: "consent",
    labels: [
      "согласие",
      "согласие на обработку персональных данных",
      "согласие на обработку пд",
      "согласие участника",
      "согласие на обработку",
      "consent",
      "data consent",
      "consent to data processing",
      "personal data consent",
    ],
  },
  {
    key: "guardianConsent",
    labels: [
      "согласие родителя",
      "согласие родителей",
      "согласие законного представителя",
      "согласие родителя (законного представителя)",
      "согласие родителей (законных представителей)",
      "согласие родителя на обработку персональных данных",
      "guardian consent",
      "parental consent",
      "parent consent",
      "consent of a parent or guardian",
    ],
  },
  {
    key: "capacity",
    labels: [
      "сколько наставляемых",
      "сколько наставляемых готовы взять",
      "сколько наставляемых вы готовы взять",
      "количество наставляемых",
      "число наставляемых",
      "максимум наставляемых",
      "capacity",
      "max mentees",
      "how many mentees",
      "number of mentees",
    ],
  },
  {
    key: "preferences",
    labels: [
      "предпочтения",
      "предпочитаемый наставник",
      "предпочитаемые наставники",
      "предпочитаемый наставляемый",
      "предпочитаемые наставляемые",
      "с кем хотели бы работать",
      "с кем вы хотели бы работать",
      "кого вы выбираете",
      "выбор после нетворкинга",
      "кого из наставников",
      "кого из наставляемых",
      "кого вы бы выбрали",
      "кого бы вы выбрали",
      "вы бы выбрали",
      "кого выбираете",
      "с кем хотите работать",
      "желаемый наставник",
      "желаемые наставники",
      "who would you choose",
      "who would you like to work with",
      "who would you like as your mentor",
      "who would you like to mentor",
      "mentor preference",
      "mentor preferences",
      "mentee preference",
      "mentee preferences",
      "ranked choices",
      "your choices",
      "preferences",
      "preferred mentor",
      "preferred mentors",
      "preferred mentee",
      "preferred mentees",
      "preferred partner",
      "preferred partners",
    ],
  },
  {
    key: "grade",
    labels: [
      "класс",
      "ваш класс",
      "в каком классе вы учитесь",
      "grade",
      "class",
      "year group",
      "курс",
      "year",
    ],
  },
  { key: "age", labels: ["возраст", "полных лет", "сколько вам лет", "age"] },
  { key: "birthDate", labels: ["дата рождения", "birth date", "date of birth", "birthday"] },
  {
    key: "experienceYears",
    labels: [
      "стаж",
      "педагогический стаж",
      "стаж работы",
      "опыт работы",
      "лет опыта",
      "years of experience",
      "experience",
    ],
  },
  {
    key: "organisation",
    labels: [
      "организация",
      "школа",
      "образовательная организация",
      "оо",
      "место работы",
      "вуз",
      "колледж",
      "organisation",
      "organization",
      "school",
      "employer",
    ],
  },
  {
    key: "tags",
    labels: [
      "категория",
      "категории",
      "особые категории",
      "приоритетная группа",
      "группа поддержки",
      "метки",
      "теги",
      "tags",
      "priority group",
      "priority groups",
      "category",
    ],
  },
  { key: "roleModel", labels: ["ролевая модель", "модель наставничества", "role model", "mentoring model"] },
];

/**
 * What the values of each standard field look like: a header match whose values contradict it is not
 * taken (a «Grade» column of civil-service grades is not a school grade). Consent is not checked here:
 * forms word it in many ways, and the reader reports a cell it cannot read.
 */
export const STANDARD_PROFILES: Readonly<Partial<Record<StandardField, FieldProfile>>> = {
  id: { kind: "code" },
  role: { kind: "role" },
  name: { kind: "words" },
  surname: { kind: "words" },
  firstName: { kind: "words" },
  patronymic: { kind: "words" },
  email: { kind: "email" },
  capacity: { kind: "number" },
  preferences: { kind: "notYesNo" },
  grade: { kind: "schoolGrade" },
  age: { kind: "number" },
  birthDate: { kind: "date" },
  timestamp: { kind: "date" },
  experienceYears: { kind: "number" },
};

/**
 * More headers for the preset questions, as forms word them (RU and EN); added to each question's own
 * labels. A role-specific question only competes for the columns of its role's file.
 */
export const QUESTION_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  interests: ["интересы", "увлечения", "хобби", "интересы и увлечения", "interests", "hobbies"],
  subjectsOffered: [
    "по каким предметам можете помочь",
    "по каким предметам",
    "предметы",
    "сильные предметы",
    "subjects",
    "subjects i can help with",
  ],
  subjectsNeeded: [
    "по каким предметам нужна помощь",
    "по каким предметам",
    "предметы",
    "subjects",
    "subjects i need help with",
  ],
  schedule: [
    "в какие дни удобно встречаться",
    "дни встреч",
    "удобные дни",
    "когда удобно встречаться",
    "когда вам удобно встречаться",
    "удобное время",
    "availability",
    "available days",
    "days available",
    "when are you available",
  ],
  format: ["формат", "формат встреч", "format", "meeting format", "in person or online"],
  mode: ["индивидуально или в группе", "one-to-one or group"],
};

/** Priority-group tags as curators write them → the tag names of the program. */
export const TAG_SYNONYMS: readonly (readonly [RegExp, string])[] = [
  [/овз|инвалид|особ\S* образовательн|sen\b|special (educational )?needs|disab/, "ovz"],
  [/одар|gifted|талант/, "gifted"],
  [/тжс|трудн\S* жизненн|difficult/, "difficult-situation"],
  [/малоимущ|малообеспеч|low.income/, "low-income"],
  [/сельск|rural/, "rural"],
  [/сирот|опек|orphan|foster/, "orphan"],
];

/** The role a cell names, or `undefined`. */
export function roleOf(key: string): "mentor" | "mentee" | undefined {
  if (/^(наставник|наставница|mentor|м|m|наставник \(.*\)|tutor)$/.test(key) || /^наставник(\s|$)/.test(key))
    return "mentor";
  if (
    /^(наставляем\S*|mentee|н|подопечн\S*|ученик \(наставляемый\)|student|pupil|learner|ученик|ученица)$/.test(
      key,
    ) ||
    /^наставляем/.test(key)
  )
    return "mentee";
  if (/\bmentee\b|наставляем/.test(key)) return "mentee";
  if (/\bmentor\b|наставник/.test(key)) return "mentor";
  return undefined;
}
