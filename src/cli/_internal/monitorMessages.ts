/** What `mentor-match monitor` says, in Russian and English. */
import type { Language } from "../../language.js";
import { isMentorMatchError } from "../../errors.js";
import { monitorReason } from "../../monitoring/_internal/texts.js";
import { errorText } from "./messages.js";

export const MONITOR_SAY = {
  ru: {
    needPairs:
      "Укажите пары: --pairs ПАПКА_РЕЗУЛЬТАТОВ (или pairs.json) и диагностики: --diagnostics start.csv q1.csv …",
    needDiagnostics: "Укажите хотя бы одну диагностику: --diagnostics start.csv q1.csv …",
    labels: (n: number, k: number) =>
      `В --labels ${k} названий, а диагностик ${n}: нужно по одному названию на файл.`,
    noMonitoring:
      "В настройках программы нет раздела monitoring и форма не известна: укажите --form или добавьте раздел monitoring.",
    noParameters: "В разделе monitoring нет ни одного параметра (parameters): нечего сравнивать.",
    read: (people: number, pairs: number, points: number) =>
      `Участников: ${people}, пар: ${pairs}, диагностик: ${points}.`,
    notUsed: (n: number) =>
      `Строк, не вошедших в мониторинг: ${n} (список — в monitoring.json и monitoring.xlsx):`,
    withdrawn: (n: number) => `Отозвали согласие: ${n} — не показаны ни в одном файле.`,
    atRisk: (n: number) => `Пар в зоне риска: ${n} (at-risk.csv — для rematch --ended).`,
    kpis: (met: number, all: number) => `Целевые показатели: выполнено ${met} из ${all}.`,
    district: (schools: number, people: number) => `Школ: ${schools}, участников всего: ${people}.`,
    wrote: "Записаны файлы:",
    problems: (n: number) => `Найдено ошибок: ${n}. Исправьте их и запустите снова.`,
  },
  en: {
    needPairs:
      "Give the pairs: --pairs RESULTS_FOLDER (or pairs.json), and the diagnostics: --diagnostics start.csv q1.csv …",
    needDiagnostics: "Give at least one diagnostic: --diagnostics start.csv q1.csv …",
    labels: (n: number, k: number) => `--labels has ${k} names for ${n} diagnostics: give one name per file.`,
    noMonitoring:
      "The program config has no monitoring section and the form is unknown: give --form or add a monitoring section.",
    noParameters: "The monitoring section has no parameters: there is nothing to compare.",
    read: (people: number, pairs: number, points: number) =>
      `Participants: ${people}, pairs: ${pairs}, diagnostics: ${points}.`,
    notUsed: (n: number) =>
      `Rows not used in the monitoring: ${n} (listed in monitoring.json and monitoring.xlsx):`,
    withdrawn: (n: number) => `Consent withdrawn: ${n}, shown in no file.`,
    atRisk: (n: number) => `Pairs at risk: ${n} (at-risk.csv, for rematch --ended).`,
    kpis: (met: number, all: number) => `Targets met: ${met} of ${all}.`,
    district: (schools: number, people: number) => `Schools: ${schools}, participants in all: ${people}.`,
    wrote: "Files written:",
    problems: (n: number) => `Problems found: ${n}. Fix them and run again.`,
  },
} as const;

/** Russian words for the errors only monitoring raises (by `details.what`); others as `errorText` says. */
export function monitorErrorText(error: unknown, language: Language): string {
  if (language === "ru" && isMentorMatchError(error)) {
    const what = error.details?.what;
    const l = error.location;
    const where = [
      l?.file,
      l?.row === undefined ? undefined : `строка ${l.row}`,
      l?.column === undefined ? undefined : `${l.file?.endsWith(".json") ? "поле" : "столбец"} «${l.column}»`,
    ]
      .filter((x) => x !== undefined)
      .join(", ");
    const at = where === "" ? "" : `${where}: `;
    const d = error.details ?? {};
    if (what === "scale" && error.code === "INVALID_VALUE")
      return `[${error.code}] ${at}значение ${String(d.value)} вне шкалы ${String(d.min)}–${String(d.max)}. Исправьте значение или шкалу параметра в разделе monitoring.`;
    if (what === "scale")
      return `[${error.code}] ${at}ответ — не число по шкале параметра. Напишите число от ${String(d.min)} до ${String(d.max)} (например «7» или «7 из 10»).`;
    if (what === "pairs-json")
      return `[${error.code}] ${at}это не pairs.json, который записывает mentor-match match. Укажите в --pairs папку результатов подбора (или её pairs.json).`;
    if (what === "monitoring-json")
      return `[${error.code}] ${at}это не monitoring.json, который записывает mentor-match monitor. Укажите monitoring.json каждой школы.`;
    if (what === "parameters")
      return `[${error.code}] ${at}нет ни одного столбца с параметром из раздела monitoring. Назовите столбцы как параметры (например «Мотивация к учёбе и саморазвитию») или их id, либо сопоставьте их в "columns" как q:<id>.`;
    if (what === "id" && error.code === "MISSING_COLUMN")
      return `[${error.code}] ${at}нет столбца, по которому узнать участника. Добавьте столбец «Код участника» (лучше всего), «E-mail» или «ФИО».`;
  }
  return errorText(error, language);
}

/** A reason code in words. */
export function reasonWords(code: string, language: Language): string {
  return monitorReason(code, language);
}
