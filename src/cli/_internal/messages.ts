/**
 * What the CLI says, in Russian and English: errors (by code, with file, row and column), warnings,
 * progress and summaries. Library errors carry English text; here each code gets its Russian words.
 */
import type { Language } from "../../language.js";
import type { ReadWarning } from "../../csv/readParticipants.js";
import { ERROR_CATALOG } from "../../errorCatalog.js";
import { type ErrorCode, isMentorMatchError, type MentorMatchError } from "../../errors.js";
import type { ScoringNote } from "./library.js";

/** The language from `--lang`, else from LANG / LC_ALL / LC_MESSAGES, else Russian. */
export function pickLanguage(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Language {
  if (flag === "ru" || flag === "en") return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^en/i.test(locale) ? "en" : "ru";
}

type Details = Readonly<Record<string, unknown>>;

function d(e: MentorMatchError, key: string): string {
  const v = e.details?.[key];
  return v === undefined ? "" : String(v);
}

const RU_PROBLEM: Partial<Record<string, (e: MentorMatchError) => string | undefined>> = {
  FILE_NOT_FOUND: (e) =>
    ({
      folder: "это папка, а не файл.",
      unreadable: "файл нельзя прочитать (нет прав на чтение?).",
      "not-a-file": "это не обычный файл (устройство, канал или сокет).",
    })[d(e, "reason")] ?? "файл не найден.",
  FILE_TOO_LARGE: (e) =>
    d(e, "maxRows") !== ""
      ? `в файле больше ${d(e, "maxRows")} строк — это предел.`
      : Number(d(e, "size")) > Number(d(e, "maxBytes")) + 1
        ? `файл слишком большой (${d(e, "size")} байт; предел ${d(e, "maxBytes")}).`
        : `файл слишком большой (больше ${d(e, "maxBytes")} байт — это предел).`,
  ENCODING: (e) =>
    d(e, "kind") === "xlsx" || d(e, "kind") === "xls"
      ? "это книга Excel, а не CSV-файл."
      : d(e, "kind") === "utf-32"
        ? "файл в кодировке UTF-32, её программа не читает."
        : "файл не в кодировке UTF-8 и не в Windows-1251 (возможно, KOI8-R или CP866) или это не текст.",
  XLSX: (e) =>
    d(e, "sheet") !== ""
      ? `в книге нет листа «${d(e, "sheet")}»; её листы: ${d(e, "sheets")
          .split(", ")
          .map((n) => `«${n}»`)
          .join(", ")}.`
      : d(e, "sheets") === "" && e.problem.includes("no sheets")
        ? "в книге нет ни одного листа."
        : "файл не читается как книга Excel (.xlsx): он повреждён, защищён паролем или это не книга Excel.",
  EMPTY_FILE: () => "файл пуст.",
  HEADER_ONLY: () => "в файле есть строка заголовков, но нет ни одной анкеты.",
  CSV_SYNTAX: () => "с этой строки файл не читается как CSV: непарная или лишняя кавычка.",
  DELIMITER: () =>
    "в строке заголовков один столбец: не найден разделитель (запятая, точка с запятой или табуляция).",
  RAGGED_ROW: (e) => `в строке ${d(e, "cells")} ячеек, а в заголовке ${d(e, "expected")}.`,
  MISSING_COLUMN: (e) =>
    d(e, "what") === "role"
      ? "нет столбца с ролью (наставник или наставляемый)."
      : d(e, "what") === "id"
        ? "нет столбца с кодом участника, e-mail или ФИО, чтобы различать участников."
        : d(e, "what") === "consent"
          ? "нет столбца согласия на обработку персональных данных: без согласия никого из файла нельзя включить в подбор."
          : d(e, "what") === "rule-field"
            ? `правилу ${d(e, "rule")} нужно поле «${d(e, "field")}» у каждого участника роли «${d(e, "role") === "mentor" ? "наставник" : "наставляемый"}», но ни один столбец его не даёт: исключены были бы все (${d(e, "count")}).`
            : "нет обязательного столбца.",
  DUPLICATE_COLUMN: (e) => `несколько столбцов подходят под поле «${d(e, "key")}».`,
  NO_HEADER: (e) =>
    `первая строка похожа на данные, а не на заголовки (столбцы ${d(e, "columns")}): без заголовков нельзя понять, что в каком столбце.`,
  UNKNOWN_FIELD: (e) => `столбец сопоставлен с «${d(e, "target")}», а такого поля нет.`,
  UNKNOWN_QUESTION: (e) =>
    d(e, "target") === ""
      ? undefined
      : `столбец сопоставлен с «${d(e, "target")}», а такого вопроса в программе нет.`,
  NO_PAIRS: (e) =>
    d(e, "side") === "mentor"
      ? `все наставники (${d(e, "count")}) исключены до подбора (${d(e, "reasons")}): пар не будет.`
      : d(e, "side") === "mentee"
        ? `все наставляемые (${d(e, "count")}) исключены до подбора (${d(e, "reasons")}): пар не будет.`
        : `ни одна пара из ${d(e, "mentees")} наставляемых и ${d(e, "mentors")} наставников не допускается правилами программы.`,
  DUPLICATE_ID: (e) =>
    `этот участник уже есть в файле ${d(e, "otherFile")}, строка ${d(e, "otherRow")}` +
    (e.problem.includes("timestamp") ? ", и нет отметки времени, чтобы понять, какая анкета новее." : "."),
  UNKNOWN_OPTION: (e) => `ответа нет среди вариантов вопроса «${d(e, "question")}».`,
  NOT_A_NUMBER: (e) =>
    ({
      capacity: "в ячейке не число наставляемых (от 0 до 1000).",
      age: "в ячейке не возраст.",
      experience: "в ячейке не число лет.",
      grade: "в ячейке не класс (от 1 до 11, например «7Б»).",
    })[d(e, "what")] ?? "в ячейке не число.",
  INVALID_VALUE: (e) =>
    ({
      role: "роль не «наставник» и не «наставляемый».",
      "role-mismatch": "в строке указана другая роль, чем у всего файла.",
      timestamp: "отметка времени не похожа на дату и время.",
      consent: "в ячейке согласия не «да» и не «нет».",
      birthDate: "дата рождения не похожа на дату.",
      boolean: "в ячейке не «да» и не «нет».",
    })[d(e, "what")] ?? "недопустимое значение.",
  MISSING_VALUE: () => "в строке нет ни кода участника, ни e-mail, ни ФИО.",
  WRITE_FAILED: (e) =>
    d(e, "reason") === "virtual"
      ? "в /proc, /sys и /dev нельзя записывать результаты (это не диск)."
      : d(e, "reason") === "empty"
        ? 'не указана папка для результатов (--out "").'
        : d(e, "reason") === "not-a-file"
          ? `в папке для результатов «${d(e, "name")}» — не файл (папка или особый файл с таким именем); он оставлен как есть.`
          : d(e, "reason") === "ENOSPC"
            ? "результаты не записаны: диск заполнен. Прежние файлы в папке остались как были."
            : "в эту папку нельзя записать результаты. Прежние файлы в папке остались как были.",
  // From a program config (the key is in the location); the matching layer's own wording otherwise.
  PIN_OVER_CAPACITY: (e) =>
    d(e, "capacity") === ""
      ? undefined
      : `эта закреплённая пара — лишняя: у наставника уже столько закреплённых наставляемых, сколько он берёт (${d(e, "capacity")}).`,
};

const RU_HINT: Partial<Record<string, (e: MentorMatchError) => string>> = {
  FILE_NOT_FOUND: (e) =>
    d(e, "reason") === "folder"
      ? "Укажите путь к файлу, а не к папке."
      : d(e, "reason") === "not-a-file"
        ? "Укажите путь к сохранённому файлу (устройство, канал или сокет прочитать нельзя)."
        : "Проверьте путь к файлу, его имя и права на чтение.",
  WRITE_FAILED: (e) =>
    d(e, "reason") === "not-a-file"
      ? `Переместите или переименуйте «${d(e, "name")}» в папке для результатов или укажите в --out другую папку.`
      : "Укажите в --out другую папку (или удалите файл с таким именем), проверьте права на запись и свободное место на диске.",
  FILE_TOO_LARGE: () => "Разделите файл на части.",
  XLSX: (e) =>
    d(e, "sheet") !== ""
      ? "Укажите в --sheet один из листов книги."
      : "Откройте файл в Excel или LibreOffice и сохраните заново как .xlsx или как CSV UTF-8.",
  ENCODING: () =>
    "Сохраните файл заново как CSV в UTF-8 (Google Таблицы: Файл → Скачать → CSV; Excel: Сохранить как → «CSV UTF-8 (разделитель — запятая)»).",
  EMPTY_FILE: () => "Выгрузите ответы из формы заново, вместе со строкой заголовков.",
  HEADER_ONLY: () => "Выгрузите ответы после того, как участники заполнят анкету.",
  CSV_SYNTAX: () =>
    'Проверьте кавычки в этой строке: кавычка внутри ячейки должна быть удвоена (""), а сама ячейка — в кавычках.',
  DELIMITER: () =>
    "Сохраните файл как CSV с запятыми или точками с запятой между столбцами или укажите разделитель: --input-delimiter «;» (или «,», «tab»).",
  RAGGED_ROW: (e) =>
    d(e, "delimiter") !== ""
      ? `В этой строке ячейки разделены знаком «${d(e, "delimiter")}», а в заголовке — «${d(e, "headerDelimiter")}»: сохраните файл заново с одним разделителем.`
      : Number(d(e, "cells")) < Number(d(e, "expected"))
        ? "Перенос строки внутри ячейки без кавычек разбивает строку на две: соедините строки или возьмите ячейку в кавычки."
        : "В ячейке разделитель без кавычек: возьмите ячейку в кавычки или уберите лишний разделитель.",
  MISSING_COLUMN: (e) =>
    d(e, "what") === "role"
      ? "Добавьте столбец «Роль» со словами «наставник» / «наставляемый» или передайте файл через --mentors / --mentees."
      : d(e, "what") === "rule-field"
        ? `Укажите столбец с этим полем в разделе "columns" (например, "Стаж": "${d(e, "field")}") или удалите правило ${d(e, "path")} (${d(e, "rule")}) из настроек.`
        : d(e, "what") === "consent"
          ? 'Добавьте столбец согласия из анкеты («Согласие на обработку персональных данных», для несовершеннолетних — «Согласие родителя (законного представителя)») или укажите его в настройках программы ("columns").'
          : "Добавьте столбец «Код участника» с кодом в каждой строке.",
  NO_HEADER: () =>
    "Добавьте первой строкой названия столбцов (например, «Код участника», «ФИО», «Предпочтения»), как в выгрузке формы, и запустите init снова.",
  UNKNOWN_FIELD: (e) =>
    d(e, "closest") === ""
      ? "Исправьте имя поля или напишите «ignore», чтобы не читать столбец."
      : `Может быть, «${d(e, "closest")}»? Или напишите «ignore», чтобы не читать столбец.`,
  UNKNOWN_QUESTION: (e) =>
    d(e, "closest") === ""
      ? "Укажите q:<id> одного из вопросов программы или «ignore»."
      : `Может быть, «${d(e, "closest")}»? Или напишите «ignore», чтобы не читать столбец.`,
  NO_PAIRS: () =>
    "Запустите validate: он покажет, у скольких участников есть данные для каждого правила; исправьте настройки (columns, eligibility, consent) или анкеты.",
  DUPLICATE_COLUMN: () =>
    'Переименуйте один из столбцов или укажите нужный в настройках программы ("columns").',
  DUPLICATE_ID: () => "Удалите старую строку или дайте участникам разные коды.",
  UNKNOWN_OPTION: (e) =>
    `${e.hint?.replace(/^Use one of: (.*); or add the option.*$/, "Выберите один из вариантов: $1; или добавьте вариант в вопрос программы.") ?? ""}`,
  NOT_A_NUMBER: (e) =>
    ({
      capacity: "Напишите, сколько наставляемых берёт наставник: «2», «два», «до 3» или «5+».",
      age: "Напишите возраст полных лет, например «15».",
      experience: "Напишите число лет, например «3», «три года» или «более 10 лет».",
      grade: "Напишите класс числом от 1 до 11, например «7» или «7Б» (в форме для студентов — курс).",
    })[d(e, "what")] ?? "Напишите число (цифрами или словом, например «два») или диапазон: «3-5», «до 3».",
  INVALID_VALUE: (e) =>
    ({
      role: "Напишите «наставник» или «наставляемый».",
      "role-mismatch": "Перенесите строку в другой файл или исправьте роль.",
      timestamp: "Запишите как 01.09.2024 10:15 или оставьте отметку времени из выгрузки без изменений.",
      consent: "Напишите «да» или «нет»; пустая ячейка означает, что согласия нет.",
      birthDate: "Запишите дату как 01.09.2010.",
      boolean: "Напишите «да» или «нет».",
    })[d(e, "what")] ?? "Исправьте значение.",
  MISSING_VALUE: () => "Впишите код участника (или e-mail) в эту строку или удалите строку.",
  PIN_OVER_CAPACITY: () =>
    "Увеличьте вместимость наставника (в анкете или defaults.capacity) или снимите одно из закреплений.",
};

function locationText(e: MentorMatchError, language: Language): string {
  const l = e.location;
  if (l === undefined) return "";
  const parts: string[] = [];
  if (l.file !== undefined) parts.push(l.file);
  if (l.row !== undefined) parts.push(language === "ru" ? `строка ${l.row}` : `row ${l.row}`);
  // In a JSON config the "column" is a key path.
  const key = l.file?.toLowerCase().endsWith(".json") === true;
  if (l.column !== undefined) {
    parts.push(
      language === "ru"
        ? `${key ? "поле" : "столбец"} «${l.column}»`
        : `${key ? "key" : "column"} "${l.column}"`,
    );
  }
  return parts.length === 0 ? "" : `${parts.join(", ")}: `;
}

/**
 * One error as the coordinator reads it: `[CODE] file, row, column: what is wrong. What to do.`
 * In Russian, codes with a known wording are translated; others keep the library's English text.
 */
export function errorText(error: unknown, language: Language): string {
  if (!isMentorMatchError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return language === "ru"
      ? `[INTERNAL] Внутренняя ошибка: ${message}. Сообщите о ней разработчикам вместе с командой, которую вы запускали.`
      : `[INTERNAL] Internal error: ${message}. Please report it with the command you ran.`;
  }
  const e = error;
  if (language === "en") return `[${e.code}] ${e.message}`;
  const problem = RU_PROBLEM[e.code]?.(e);
  const hint = RU_HINT[e.code]?.(e);
  if (problem === undefined) {
    // No Russian wording for this message: the catalog's words for the code, then the details in English.
    const entry = (ERROR_CATALOG as Partial<Record<ErrorCode, { ru: { title: string; todo: string } }>>)[
      e.code
    ];
    if (entry === undefined) return `[${e.code}] ${e.message}`;
    return `[${e.code}] ${locationText(e, language)}${entry.ru.title}: ${e.problem} ${entry.ru.todo}`;
  }
  return `[${e.code}] ${locationText(e, language)}${problem}${hint === undefined || hint === "" ? "" : ` ${hint}`}`;
}

/** One warning from reading the files. */
export function warningText(w: ReadWarning, language: Language): string {
  const where =
    language === "ru"
      ? `${w.location.file}, строка ${w.location.row}${w.location.column === undefined ? "" : `, столбец «${w.location.column}»`}`
      : `${w.location.file}, row ${w.location.row}${w.location.column === undefined ? "" : `, column "${w.location.column}"`}`;
  const det: Details = w.details;
  if (language === "en") return `${where}: ${w.message}`;
  switch (w.code) {
    case "DUPLICATE_SUBMISSION":
      return `${where}: анкета отправлена дважды (${det.droppedFile}, строка ${det.droppedRow}, и строка ${det.keptRow}); взята последняя — строка ${det.keptRow}.`;
    case "UNKNOWN_PREFERENCE":
      return `${where}: предпочтение № ${det.entry} не совпадает ни с кодом, ни с e-mail, ни с ФИО, ни с фамилией участника другой роли; оно не учтено.`;
    case "AMBIGUOUS_PREFERENCE":
      return `${where}: предпочтение № ${det.entry} подходит нескольким участникам (${det.candidates}); оно не учтено — напишите полное ФИО или e-mail.`;
    case "SAME_NAME":
      return `${where}: те же ФИО, что в ${det.otherFile}, строка ${det.otherRow}, но другой код: если это один человек, ответивший дважды, удалите старую строку.`;
    case "UNKNOWN_OPTION": {
      const answers = (w.answers ?? [])
        .map(
          (a) =>
            `«${a.value}» (${a.rows.length > 1 ? "строки" : "строка"} ${a.rows.slice(0, 10).join(", ")}${a.rows.length > 10 ? ", …" : ""}${a.closest === undefined ? "" : `; ближайший вариант — «${a.closest}»`})`,
        )
        .join(", ");
      return `${where}: ответов не из списка вопроса «${det.question}»: ${det.count} в ${det.rowCount} строках; они не учтены (считаются пропущенными)${answers === "" ? "" : `: ${answers}`}. Добавьте их в варианты вопроса в настройках программы или исправьте ячейки.`;
    }
    default:
      return `${where}: ${w.message}`;
  }
}

/**
 * One warning of the scoring layer, with the row it concerns (or the entry of the program config). Names
 * rows and config keys only, never a participant: an id may be an e-mail, and the participant a
 * preference or a pair names may be excluded.
 */
export function scoringNoteText(w: ScoringNote, language: Language): string {
  const ru = language === "ru";
  const where =
    w.source === undefined
      ? ""
      : ru
        ? `${w.source.file}, строка ${w.source.row}: `
        : `${w.source.file}, row ${w.source.row}: `;
  const n = w.entry === undefined ? "" : ru ? ` № ${w.entry + 1}` : ` ${w.entry + 1}`;
  switch (w.code) {
    case "UNKNOWN_PREFERENCE":
      return ru
        ? `${where}предпочтение${n} называет код, которого нет среди участников; оно не учтено.`
        : `${where}preference${n} names an id that is not among the participants; it is left out.`;
    case "PREFERENCE_SAME_ROLE":
      return ru
        ? `${where}предпочтение${n} называет участника той же роли; оно не учтено.`
        : `${where}preference${n} names a participant of the same role; it is left out.`;
    case "PREFERENCE_EXCLUDED":
      return ru
        ? `${where}предпочтение${n} называет исключённого участника (например, без согласия); оно не учтено.`
        : `${where}preference${n} names a participant who is excluded (e.g. without consent); it is left out.`;
    case "UNKNOWN_PAIR_ID":
    case "PIN_DROPPED": {
      const p = w.pair;
      if (p === undefined) return `${where}${w.message}`;
      const key = `${p.list}[${p.index}]`;
      if (ru) {
        const what = p.list === "pinnedPairs" ? "закреплённая пара" : "запрещённая пара";
        const who = p.side === "mentee" ? "наставляемый" : "наставник";
        if (p.cause === "ineligible")
          return `настройки программы, поле «${key}»: ${what} не учтена — правила программы не допускают эту пару.`;
        const why =
          p.cause === "excluded" ? "исключён из подбора" : "не найден среди участников (код не совпадает)";
        return `настройки программы, поле «${key}»: ${what} не учтена — ${who} ${why}.`;
      }
      const what = p.list === "pinnedPairs" ? "pinned pair" : "forbidden pair";
      if (p.cause === "ineligible")
        return `program config, key "${key}": the ${what} is ignored — the program's rules do not allow the pair.`;
      const why =
        p.cause === "excluded" ? "is excluded from matching" : "is not among the participants (no such id)";
      return `program config, key "${key}": the ${what} is ignored — its ${p.side} ${why}.`;
    }
    default:
      return `${where}${w.message}`;
  }
}

/** Fixed phrases of the CLI. */
export const SAY = {
  ru: {
    reading: "Чтение анкет",
    scoring: "Расчёт совместимости",
    matching: "Подбор пар",
    writing: "Запись результатов",
    generating: "Создание участников",
    comparing: "Подбор:",
    problems: (n: number) => `Найдено ошибок: ${n}. Исправьте их и запустите снова.`,
    warnings: (n: number) => `Предупреждений: ${n}.`,
    valid: "Ошибок нет: файлы можно использовать для подбора.",
    read: (mentors: number, mentees: number, excluded: number) =>
      `Прочитано: наставников ${mentors}, наставляемых ${mentees}; исключено до подбора: ${excluded}.`,
    done: (matched: number, mentees: number, unmatched: number, dir: string) =>
      `Готово: пары получили ${matched} из ${mentees} наставляемых, без пары пока ${unmatched}. Результаты в ${dir}`,
    wrote: "Записаны файлы:",
    mapped: "Столбцы, которые удалось сопоставить:",
    unmapped: 'Столбцы, которые не удалось сопоставить (проверьте и при необходимости укажите в "columns"):',
    notFound: "Вопросы программы, для которых не найден столбец:",
    configWritten: (file: string) =>
      `Настройки программы записаны в ${file}. Проверьте сопоставление столбцов.`,
    exists: (file: string) => `Файл ${file} уже существует; добавьте --force, чтобы перезаписать.`,
    needInput: "Укажите файлы анкет: --mentors и --mentees, или один файл с колонкой роли: --input.",
    needProgram: "Укажите --config (файл настроек) или --form (форму наставничества).",
    infeasible: "Условия подбора невыполнимы.",
    recoveredCompleted: (dir: string) =>
      `В папке ${dir} осталась незавершённая запись результатов прерванного запуска: она завершена (в папке новые результаты того запуска целиком).`,
    recoveredRolledBack: (dir: string) =>
      `В папке ${dir} остались временные файлы прерванного запуска: они удалены, прежние результаты не тронуты.`,
    interrupted: (committed: boolean) =>
      committed
        ? "Прервано. Результаты успели записаться целиком."
        : "Прервано. Новые результаты не записаны, временные файлы удалены, прежние результаты в папке не тронуты.",
  },
  en: {
    reading: "Reading the questionnaires",
    scoring: "Scoring the pairs",
    matching: "Matching",
    writing: "Writing the results",
    generating: "Generating participants",
    comparing: "Matching:",
    problems: (n: number) => `Problems found: ${n}. Fix them and run again.`,
    warnings: (n: number) => `Warnings: ${n}.`,
    valid: "No problems: the files are ready for matching.",
    read: (mentors: number, mentees: number, excluded: number) =>
      `Read: ${mentors} mentors, ${mentees} mentees; excluded before matching: ${excluded}.`,
    done: (matched: number, mentees: number, unmatched: number, dir: string) =>
      `Done: ${matched} of ${mentees} mentees got a mentor, ${unmatched} without a pair for now. Results in ${dir}`,
    wrote: "Files written:",
    mapped: "Columns mapped:",
    unmapped: 'Columns not mapped (check them, and name them in "columns" if needed):',
    notFound: "Program questions with no column found:",
    configWritten: (file: string) => `Program config written to ${file}. Check the column mapping.`,
    exists: (file: string) => `${file} exists; add --force to overwrite it.`,
    needInput:
      "Give the questionnaire files: --mentors and --mentees, or one file with a role column: --input.",
    needProgram: "Give --config (a program config) or --form (a form of mentoring).",
    infeasible: "The matching constraints cannot all hold.",
    recoveredCompleted: (dir: string) =>
      `${dir} held the unfinished write of an interrupted run: it has been completed (the folder holds that run's new results, whole).`,
    recoveredRolledBack: (dir: string) =>
      `${dir} held the temporary files of an interrupted run: they have been removed; the earlier results are untouched.`,
    interrupted: (committed: boolean) =>
      committed
        ? "Interrupted. The results had been written in full."
        : "Interrupted. The new results were not written; the temporary files were removed and the earlier results are untouched.",
  },
} as const;
