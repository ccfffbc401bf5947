/** What a coordinator reads in the monitoring outputs, in Russian and English. */
import type { Language } from "../../language.js";

const RU = {
  title: "Мониторинг программы наставничества",
  districtTitle: "Мониторинг наставничества: сводка по району",
  generated: "Диагностики",
  participants: "Участники",
  pairs: "Пары",
  rows: "Строк прочитано",
  withdrawn: "Отозвали согласие (не показаны нигде)",
  atRisk: "Пары в зоне риска",
  kpis: "Целевые показатели",
  kpi: "Показатель",
  value: "Значение",
  target: "Цель",
  behind: "Расчёт",
  met: "Выполнен",
  yes: "да",
  no: "нет",
  notMeasured: "не измерен",
  parameters: "Изменения по параметрам",
  parameter: "Параметр",
  role: "Роль",
  mentor: "наставник",
  mentee: "наставляемый",
  form: "Форма",
  roleModel: "Ролевая модель",
  tag: "Категория",
  school: "Школа",
  n: "С изменением (n)",
  single: "Одно измерение",
  meanFirst: "Среднее в начале",
  meanLast: "Среднее в конце",
  meanChange: "Среднее изменение",
  medianChange: "Медиана изменения",
  improved: "Улучшили",
  unchanged: "Без изменений",
  worse: "Ухудшили",
  pValue: "p (Уилкоксон)",
  effect: "Размер эффекта r",
  significant: "Значимо",
  smallN: (n: number) => `не оценивается: n < ${n}`,
  byTime: "Среднее по диагностикам",
  changesDist: "Распределение изменений (в сторону улучшения)",
  satisfaction: "Удовлетворённость",
  question: "Вопрос",
  mean: "Среднее",
  median: "Медиана",
  shareSatisfied: "Доля удовлетворённых",
  answers: "Ответов",
  missing: "Кто не заполнил диагностику",
  timePoint: "Диагностика",
  code: "Код",
  name: "Участник",
  filled: "Заполнили",
  allForms: "все формы",
  atRiskReason: "Причина",
  mentorCode: "Код наставника",
  menteeCode: "Код наставляемого",
  notUsed: "Строки, не вошедшие в мониторинг",
  file: "Файл",
  row: "Строка",
  reason: "Причина",
  count: "Количество",
  byForm: "По формам наставничества",
  byRoleModel: "По ролевым моделям",
  byTag: "По категориям (приоритетные группы)",
  bySchool: "По школам",
  groups: "Группы наставников",
  mentees: "Наставляемых",
  meanGain: "Средний прирост (доля шкалы)",
  menteeSat: "Удовлетворённость наставляемого",
  mentorSat: "Удовлетворённость наставника",
  first: "Первое значение",
  last: "Последнее значение",
  change: "Изменение",
  outcome: "Итог",
  value1: "Значение",
  series: "Ряд по диагностикам",
  how: "Как считается",
  howText:
    "Изменение = последнее значение − первое (у участника с двумя и более диагностиками). «Улучшили» — изменение в лучшую сторону с учётом направления параметра. p — критерий знаковых рангов Уилкоксона (точный при n ≤ 50, иначе нормальное приближение с поправками на связи и непрерывность), нули не учитываются; r = z/√n. Значимость не утверждается при n меньше порога.",
  none: "нет",
  district: "район",
  total: "Итого по району",
} as const;

type Words = {
  readonly [K in keyof typeof RU]: (typeof RU)[K] extends (n: number) => string
    ? (n: number) => string
    : string;
};

const EN: Words = {
  title: "Mentoring program monitoring",
  districtTitle: "Mentoring monitoring: district summary",
  generated: "Diagnostics",
  participants: "Participants",
  pairs: "Pairs",
  rows: "Rows read",
  withdrawn: "Consent withdrawn (shown nowhere)",
  atRisk: "Pairs at risk",
  kpis: "Targets (KPIs)",
  kpi: "Target",
  value: "Value",
  target: "Target",
  behind: "Numbers behind it",
  met: "Met",
  yes: "yes",
  no: "no",
  notMeasured: "not measured",
  parameters: "Changes by parameter",
  parameter: "Parameter",
  role: "Role",
  mentor: "mentor",
  mentee: "mentee",
  form: "Form",
  roleModel: "Role model",
  tag: "Group",
  school: "School",
  n: "With a change (n)",
  single: "One value only",
  meanFirst: "Mean at start",
  meanLast: "Mean at end",
  meanChange: "Mean change",
  medianChange: "Median change",
  improved: "Improved",
  unchanged: "Unchanged",
  worse: "Worse",
  pValue: "p (Wilcoxon)",
  effect: "Effect size r",
  significant: "Significant",
  smallN: (n: number) => `not assessed: n < ${n}`,
  byTime: "Mean by diagnostic",
  changesDist: "Distribution of changes (towards better)",
  satisfaction: "Satisfaction",
  question: "Question",
  mean: "Mean",
  median: "Median",
  shareSatisfied: "Share satisfied",
  answers: "Answers",
  missing: "Who has not filled in a diagnostic",
  timePoint: "Diagnostic",
  code: "Code",
  name: "Participant",
  filled: "Filled in",
  allForms: "all forms",
  atRiskReason: "Reason",
  mentorCode: "Mentor code",
  menteeCode: "Mentee code",
  notUsed: "Rows not used in the monitoring",
  file: "File",
  row: "Row",
  reason: "Reason",
  count: "Count",
  byForm: "By form of mentoring",
  byRoleModel: "By role model",
  byTag: "By priority group",
  bySchool: "By school",
  groups: "Mentor groups",
  mentees: "Mentees",
  meanGain: "Mean gain (share of the scale)",
  menteeSat: "Mentee's satisfaction",
  mentorSat: "Mentor's satisfaction",
  first: "First value",
  last: "Last value",
  change: "Change",
  outcome: "Outcome",
  value1: "Value",
  series: "Series over the diagnostics",
  how: "How it is computed",
  howText:
    "Change = last value − first value (for a participant with two or more diagnostics). “Improved” means a change towards better, as the parameter's direction says. p is the Wilcoxon signed-rank test (exact for n ≤ 50, else the normal approximation with the tie and continuity corrections); zero changes are left out; r = z/√n. Significance is never claimed below the stated n.",
  none: "none",
  district: "district",
  total: "District total",
};

/** The words of `language`. */
export function monitorWords(language: Language): Words {
  return language === "ru" ? RU : EN;
}

const REASONS: Readonly<Record<string, { ru: string; en: string }>> = {
  "low-satisfaction-mentee": {
    ru: "низкая удовлетворённость наставляемого",
    en: "the mentee's satisfaction is low",
  },
  "low-satisfaction-mentor": {
    ru: "низкая удовлетворённость наставника",
    en: "the mentor's satisfaction is low",
  },
  decline: {
    ru: "наставляемый ухудшил большинство параметров",
    en: "the mentee got worse on most parameters",
  },
  "unknown-participant": {
    ru: "нет такого участника среди пар (код, e-mail, ФИО)",
    en: "no participant of the pairs has this code, e-mail or name",
  },
  "ambiguous-name": {
    ru: "ФИО подходит нескольким участникам — укажите код",
    en: "the name fits several participants: give the code",
  },
  "no-identifier": { ru: "нет ни кода, ни e-mail, ни ФИО", en: "no code, e-mail or name" },
  "excluded-at-matching": {
    ru: "участник исключён при подборе (нет согласия и т. п.)",
    en: "the participant was left out at matching (no consent, …)",
  },
  "no-consent": { ru: "согласие на обработку данных отозвано", en: "consent to data processing withdrawn" },
  superseded: {
    ru: "есть более поздняя анкета этого участника",
    en: "a later row of the same participant replaces it",
  },
  improved: { ru: "улучшение", en: "improved" },
  unchanged: { ru: "без изменений", en: "unchanged" },
  worse: { ru: "ухудшение", en: "worse" },
  single: { ru: "одно измерение", en: "one value only" },
  none: { ru: "нет данных", en: "no data" },
  "population-not-given": {
    ru: "не указана численность (population) в настройках",
    en: "the population is not given in the config",
  },
  "no-data": { ru: "нет данных", en: "no data" },
  "no-diagnostics": { ru: "нет диагностик", en: "no diagnostics" },
  "no-question": { ru: "не указан вопрос", en: "no question given" },
};

/** The words for a reason or outcome code. */
export function monitorReason(code: string, language: Language): string {
  return REASONS[code]?.[language] ?? code;
}

/** A number as the language writes it: `digits` decimals, a comma in Russian; `—` for null. */
export function num(x: number | null | undefined, digits = 2, language: Language = "ru"): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  const s = Number.isInteger(x) ? String(x) : x.toFixed(digits);
  return language === "ru" ? s.replace(".", ",") : s;
}

/** A share as a percentage. */
export function pct(x: number | null | undefined, language: Language = "ru"): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  return `${num(Math.round(x * 1000) / 10, 1, language)} %`;
}

/** A p-value: four decimals, or «< 0,0001». */
export function pText(p: number, language: Language): string {
  return p < 0.0001 ? `< ${num(0.0001, 4, language)}` : num(Math.round(p * 10000) / 10000, 4, language);
}
