/**
 * The catalog of error codes: for every {@link ErrorCode}, what it means and what to do, in Russian and
 * English. The CLI uses it for localized messages; scripts/write-errors-doc.ts renders docs/errors.md from it.
 *
 * The catalog is typed `satisfies Record<ErrorCode, ErrorCatalogEntry>`: a code added to `ErrorCode` without
 * an entry here (or an entry for a code that does not exist) is a compile error.
 */
import type { Language } from "./language.js";
import type { ErrorCode } from "./errors.js";

/** One code described in one language. */
export interface ErrorDescription {
  /** A short title, a few words. */
  readonly title: string;
  /** What went wrong, in a sentence or two, for a school coordinator. */
  readonly what: string;
  /** What to do about it. */
  readonly todo: string;
}

/** One code described in every language of the catalog. */
export type ErrorCatalogEntry = Readonly<Record<Language, ErrorDescription>>;

/** Every error code with its description in Russian and English, in the order of `ErrorCode`. */
export const ERROR_CATALOG = {
  INVALID_SCORE: {
    ru: {
      title: "Недопустимая оценка пары",
      what: "В матрице оценок есть NaN или +Infinity. Оценка пары должна быть конечным числом; -Infinity означает «пара не допускается».",
      todo: "Проверьте формулы и веса критериев программы: деление на ноль или пустое значение дают NaN. При вызове библиотеки передайте конечные числа.",
    },
    en: {
      title: "Invalid pair score",
      what: "The score matrix holds NaN or +Infinity. A pair's score must be a finite number; -Infinity means “pair not allowed”.",
      todo: "Check the program's formulas and criterion weights: a division by zero or an empty value gives NaN. When calling the library, pass finite numbers.",
    },
  },
  INVALID_SHAPE: {
    ru: {
      title: "Неверная форма матрицы",
      what: "Размеры матрицы оценок не согласованы: строки разной длины, не заданы rows/cols для плоского массива или разреженная (CSR) форма противоречива; или в задаче нет баллов, которые нужны выбранному способу.",
      todo: "Дайте по одной оценке на каждого наставника в каждой строке; для Float64Array укажите rows и cols; в CSR проверьте rowStart, col и value.",
    },
    en: {
      title: "Wrong matrix shape",
      what: "The score matrix dimensions do not agree: rows of different lengths, rows/cols missing for a flat array, or an inconsistent sparse (CSR) form; or the instance lacks the scores the chosen strategy needs.",
      todo: "Give one score per mentor in every row; give rows and cols with a Float64Array; in CSR check rowStart, col and value.",
    },
  },
  INVALID_CAPACITY: {
    ru: {
      title: "Недопустимая вместимость наставника",
      what: "Число наставляемых, которых берёт наставник, отрицательное, дробное, не число или неправдоподобно большое; или вместимостей не столько, сколько наставников.",
      todo: "Укажите для каждого наставника целое число от 0 (не берёт никого) до разумного предела группы.",
    },
    en: {
      title: "Invalid mentor capacity",
      what: "The number of mentees a mentor takes is negative, fractional, not a number or absurdly large; or there are not as many capacities as mentors.",
      todo: "Give each mentor a whole number from 0 (takes nobody) up to a sensible group size.",
    },
  },
  INVALID_PIN: {
    ru: {
      title: "Неверная закреплённая пара",
      what: "Закреплённая заранее пара ссылается на несуществующего участника, или один наставляемый закреплён дважды.",
      todo: "Проверьте список закреплённых пар: у каждого наставляемого не больше одного закреплённого наставника, оба существуют.",
    },
    en: {
      title: "Invalid pinned pair",
      what: "A pair fixed in advance names a participant who does not exist, or one mentee is pinned twice.",
      todo: "Check the pinned pairs: each mentee has at most one pinned mentor, and both exist.",
    },
  },
  PIN_FORBIDDEN: {
    ru: {
      title: "Закреплённая пара запрещена правилом",
      what: "Пара закреплена вручную, но правила программы её не допускают (например, не подходит возраст или пара исключена).",
      todo: "Снимите закрепление или измените правило программы, которое запрещает эту пару.",
    },
    en: {
      title: "Pinned pair is forbidden by a rule",
      what: "A pair is pinned by hand, but the program's rules do not allow it (e.g. the age does not fit or the pair is excluded).",
      todo: "Remove the pin, or change the program rule that forbids this pair.",
    },
  },
  PIN_OVER_CAPACITY: {
    ru: {
      title: "Закреплённых пар больше, чем мест",
      what: "За наставником закреплено больше наставляемых, чем его вместимость.",
      todo: "Увеличьте вместимость наставника или снимите часть закреплений.",
    },
    en: {
      title: "More pinned pairs than seats",
      what: "A mentor has more pinned mentees than its capacity.",
      todo: "Raise the mentor's capacity or remove some of the pins.",
    },
  },
  INVALID_PREFERENCES: {
    ru: {
      title: "Неверные списки предпочтений",
      what: "Список предпочтений ссылается на несуществующего участника, называет кого-то дважды, или списков не столько, сколько участников.",
      todo: "Дайте по одному (возможно, пустому) списку на участника; в каждом — существующие номера без повторов.",
    },
    en: {
      title: "Invalid preference lists",
      what: "A preference list names a participant who does not exist, names someone twice, or there are not as many lists as participants.",
      todo: "Give one (possibly empty) list per participant, each naming existing indices without repeats.",
    },
  },
  INVALID_OPTION: {
    ru: {
      title: "Недопустимый параметр",
      what: "Параметр вызова или команды имеет недопустимое значение (например, seed не целое число).",
      todo: "Исправьте значение параметра по справке команды (--help) или документации функции.",
    },
    en: {
      title: "Invalid option",
      what: "An option of a call or command has a value that is not allowed (e.g. a seed that is not a whole number).",
      todo: "Fix the option's value as the command's --help or the function's documentation describes.",
    },
  },
  INVALID_MATCHING: {
    ru: {
      title: "Распределение нарушает правила задачи",
      what: "Переданное распределение (mentorOf) ставит в пару наставляемого и наставника, которых задача не допускает: пара запрещена, ниже минимального балла, отсутствует в разреженной матрице или не названа в списке предпочтений одной из сторон.",
      todo: "Оценивайте распределение той же задачи, для которой оно получено; проверьте его функцией isValidMatching из mentor-match/testing — она перечислит каждое нарушение.",
    },
    en: {
      title: "The matching breaks the instance's rules",
      what: "The matching passed in (mentorOf) pairs a mentee with a mentor the instance does not allow: the pair is forbidden, below the minimum score, absent from the sparse matrix, or left out of a side's ranked list.",
      todo: "Evaluate a matching on the instance it was made for; check it with isValidMatching from mentor-match/testing, which lists every violation.",
    },
  },
  UNKNOWN_STRATEGY: {
    ru: {
      title: "Неизвестная стратегия подбора",
      what: "Названа стратегия, которой нет в mentor-match.",
      todo: "Выберите одну из стратегий: stable, stable-mentor, optimal, fair, greedy, random, egalitarian, minimum-regret.",
    },
    en: {
      title: "Unknown matching strategy",
      what: "The strategy named does not exist in mentor-match.",
      todo: "Pick one of: stable, stable-mentor, optimal, fair, greedy, random, egalitarian, minimum-regret.",
    },
  },
  INFEASIBLE: {
    ru: {
      title: "Ограничения невыполнимы",
      what: "Все требования сразу выполнить нельзя: например, закреплённые пары превышают места или требуется, чтобы пару получил каждый, а наставников не хватает.",
      todo: "Ослабьте требования: добавьте наставников или места в группах, снимите часть закреплений или обязательность пары для всех.",
    },
    en: {
      title: "Constraints cannot all hold",
      what: "The requirements cannot all be met at once: e.g. pinned pairs exceed the seats, or everyone must get a pair and there are not enough mentors.",
      todo: "Relax the requirements: add mentors or group seats, remove some pins or the rule that everyone must be paired.",
    },
  },
  NO_PAIRS: {
    ru: {
      title: "Ни одной пары",
      what: "Подбор не даст ни одной пары: все участники одной из ролей исключены до подбора, или ни одна пара не допускается правилами. Обычно это ошибка настроек (правило читает поле, которого нет в анкетах) или отсутствующее согласие.",
      todo: "Прочитайте причину в сообщении (сколько участников исключено и почему) и исправьте настройки или анкеты; `validate` покажет, у скольких участников есть данные для каждого правила.",
    },
    en: {
      title: "No pairs at all",
      what: "The matching would form no pair: everyone of one role is excluded before matching, or no pair is allowed by the rules. Usually a configuration mistake (a rule reads a field no column provides) or missing consent.",
      todo: "Read the reason in the message (how many participants are excluded and why) and fix the config or the questionnaires; `validate` shows how many participants have the data each rule needs.",
    },
  },
  LIMIT_EXCEEDED: {
    ru: {
      title: "Превышен предел размера",
      what: "Вход больше установленного предела: слишком много участников или плотная матрица оценок слишком велика для памяти.",
      todo: "Для больших программ используйте разреженную форму оценок (CSR: только подходящие наставники каждого наставляемого) или разделите программу на части.",
    },
    en: {
      title: "Size limit exceeded",
      what: "The input is over a configured limit: too many participants, or a dense score matrix too large for memory.",
      todo: "For large programs use the sparse score form (CSR: only each mentee's candidate mentors), or split the program.",
    },
  },
  INTERNAL: {
    ru: {
      title: "Внутренняя ошибка",
      what: "mentor-match нарушил собственную проверку. Это ошибка программы, а не ваших данных.",
      todo: "Сообщите об ошибке разработчикам, приложив команду и обезличенные файлы (--pseudonymize), на которых она возникла.",
    },
    en: {
      title: "Internal error",
      what: "mentor-match broke one of its own checks. This is a bug in the program, not in your data.",
      todo: "Report it to the developers with the command and pseudonymized input files (--pseudonymize) that trigger it.",
    },
  },
  INVALID_PROGRAM: {
    ru: {
      title: "Неверная конфигурация программы",
      what: "Файл конфигурации программы наставничества не читается как JSON или не соответствует схеме: нет обязательного поля, неверный тип, лишний ключ.",
      todo: "Откройте файл в редакторе, поддерживающем $schema, исправьте поле, указанное в сообщении, или создайте конфигурацию заново командой mentor-match init.",
    },
    en: {
      title: "Invalid program configuration",
      what: "The mentoring program's configuration is not valid JSON or does not fit the schema: a required field is missing, a type is wrong, a key is unknown.",
      todo: "Open the file in an editor that understands $schema and fix the field named in the message, or create the configuration again with mentor-match init.",
    },
  },
  UNKNOWN_CRITERION: {
    ru: {
      title: "Неизвестный критерий",
      what: "В конфигурации программы назван вид критерия подбора, которого mentor-match не знает.",
      todo: "Используйте один из видов критериев, перечисленных в схеме конфигурации, или уберите этот критерий.",
    },
    en: {
      title: "Unknown criterion",
      what: "The program configuration names a kind of matching criterion that mentor-match does not know.",
      todo: "Use one of the criterion kinds listed in the configuration schema, or remove this criterion.",
    },
  },
  UNKNOWN_QUESTION: {
    ru: {
      title: "Неизвестный вопрос анкеты",
      what: "Критерий или правило ссылается на вопрос анкеты, которого нет в программе.",
      todo: "Проверьте идентификатор вопроса в критерии: он должен совпадать с одним из вопросов программы.",
    },
    en: {
      title: "Unknown questionnaire item",
      what: "A criterion or rule refers to a questionnaire item that the program does not have.",
      todo: "Check the question id in the criterion: it must match one of the program's questions.",
    },
  },
  INVALID_FORMULA: {
    ru: {
      title: "Формула не читается",
      what: "Формула критерия содержит синтаксическую ошибку, неизвестную переменную или даёт не число.",
      todo: "Исправьте формулу: используйте только арифметику, разрешённые функции и переменные, названные в документации критерия.",
    },
    en: {
      title: "Formula cannot be read",
      what: "A criterion's formula has a syntax error, an unknown variable, or does not give a number.",
      todo: "Fix the formula: use only arithmetic, the allowed functions and the variables the criterion's documentation names.",
    },
  },
  FORBIDDEN_FORMULA: {
    ru: {
      title: "Запрещённая функция в формуле",
      what: "Формула вызывает функцию или обращается к объекту, недоступным в формулах (import, evaluate, parse, createUnit, доступ к свойствам объектов и т. п.).",
      todo: "Оставьте в формуле только арифметику и разрешённые математические функции (min, max, abs, sqrt …).",
    },
    en: {
      title: "Forbidden function in a formula",
      what: "A formula calls a function or reaches an object that formulas may not use (import, evaluate, parse, createUnit, property access and the like).",
      todo: "Keep only arithmetic and the allowed mathematical functions (min, max, abs, sqrt …) in the formula.",
    },
  },
  FORMULA_UNAVAILABLE: {
    ru: {
      title: "Формулы ещё не загружены",
      what: "В программе есть критерий «formula», а формулы разбирает библиотека mathjs, которую эта среда (браузер, воркер) не может загрузить сразу, по требованию.",
      todo: "Один раз перед разбором программы вызовите `await loadFormulaSupport()` (из mentor-match), затем повторите.",
    },
    en: {
      title: "Formulas not loaded yet",
      what: "The program has a `formula` criterion; formulas are parsed by mathjs, which this runtime (a browser, a worker) cannot load synchronously on demand.",
      todo: "Call `await loadFormulaSupport()` (from mentor-match) once before the program is parsed, then try again.",
    },
  },
  INVALID_PARTICIPANT: {
    ru: {
      title: "Неверная запись участника",
      what: "Запись участника не соответствует программе: нет обязательного ответа, неверный тип значения или недействительное согласие на обработку данных.",
      todo: "Исправьте ответ в указанной строке и столбце; для несовершеннолетнего нужно согласие родителя или законного представителя.",
    },
    en: {
      title: "Invalid participant record",
      what: "A participant record does not fit the program: a required answer is missing, a value has the wrong type, or the consent to data processing is not valid.",
      todo: "Fix the answer at the row and column given; a minor needs the consent of a parent or guardian.",
    },
  },
  UNKNOWN_FIELD: {
    ru: {
      title: "Неизвестное поле в «columns»",
      what: "В разделе «columns» файла настроек столбец сопоставлен полю или вопросу, которого нет: опечатка, или вопрос удалён из программы. Такой столбец иначе молча пропал бы.",
      todo: "Исправьте имя на предложенное в сообщении (поля: id, name, email, consent, guardianConsent, grade, age, experienceYears, preferences …; вопросы: q:<id вопроса>), или напишите «ignore», чтобы не читать столбец.",
    },
    en: {
      title: "Unknown field in “columns”",
      what: "The config's “columns” maps a column to a field or question that does not exist: a typo, or a question removed from the program. The column would otherwise vanish without a word.",
      todo: "Correct the name to the one the message suggests (fields: id, name, email, consent, guardianConsent, grade, age, experienceYears, preferences …; questions: q:<question id>), or write “ignore” to leave the column out.",
    },
  },
  FILE_NOT_FOUND: {
    ru: {
      title: "Файл не найден",
      what: "Файл, указанный в команде, не существует, недоступен для чтения или это не обычный файл (папка, устройство вроде /dev/zero, именованный канал, сокет: такие не читаются, чтобы программа не зависла).",
      todo: "Проверьте путь к файлу (и кавычки вокруг пути с пробелами) и права на чтение.",
    },
    en: {
      title: "File not found",
      what: "A file named on the command line does not exist, cannot be read, or is not a regular file (a folder, a device such as /dev/zero, a named pipe, a socket: these are refused so that the run cannot hang).",
      todo: "Check the path (and the quotes around a path with spaces) and the read permissions.",
    },
  },
  FILE_TOO_LARGE: {
    ru: {
      title: "Файл слишком большой",
      what: "Файл больше допустимого размера для выгрузки анкет (50 МБ) или в нём больше 200 000 строк.",
      todo: "Убедитесь, что это действительно выгрузка анкет, и разделите файл на части (например, по классам). Пределы: 50 МБ и 200 000 строк в одном файле.",
    },
    en: {
      title: "File too large",
      what: "The file is larger than the size allowed for a survey export (50 MB), or has more than 200,000 rows.",
      todo: "Make sure this is really a survey export, and split the file into parts (for example, by grade). The limits: 50 MB and 200,000 rows per file.",
    },
  },
  ENCODING: {
    ru: {
      title: "Неизвестная кодировка или не текст",
      what: "Файл не является текстом в UTF-8, UTF-16 или Windows-1251: это книга Excel (xlsx/xls), двоичные данные или другая кодировка (KOI8-R, CP866 …).",
      todo: "Сохраните файл заново как CSV в UTF-8 (Google Таблицы: Файл → Скачать → CSV; Excel: Сохранить как → «CSV UTF-8»).",
    },
    en: {
      title: "Unknown encoding or not text",
      what: "The file is not text in UTF-8, UTF-16 or Windows-1251: it is an Excel workbook (xlsx/xls), binary data, or another encoding (KOI8-R, CP866 …).",
      todo: "Save the file again as CSV in UTF-8 (Google Sheets: File → Download → CSV; Excel: Save As → “CSV UTF-8”).",
    },
  },
  EMPTY_FILE: {
    ru: {
      title: "Пустой файл",
      what: "В файле нет ни строки заголовков, ни ответов.",
      todo: "Выгрузите ответы на анкету заново вместе со строкой заголовков.",
    },
    en: {
      title: "Empty file",
      what: "The file has neither a header row nor answers.",
      todo: "Export the questionnaire answers again, with the header row.",
    },
  },
  HEADER_ONLY: {
    ru: {
      title: "Только заголовки",
      what: "В файле есть строка заголовков, но нет ни одного ответа.",
      todo: "Выгрузите ответы после того, как участники заполнят анкету.",
    },
    en: {
      title: "Header only",
      what: "The file has a header row but no answers.",
      todo: "Export the answers after people have filled in the questionnaire.",
    },
  },
  NO_HEADER: {
    ru: {
      title: "Нет строки заголовков",
      what: "Первая строка файла похожа на данные (коды, адреса почты, имена, числа), а не на названия столбцов. Без заголовков нельзя понять, какой столбец что значит.",
      todo: "Добавьте первой строкой названия столбцов (например, «Код участника», «ФИО», «Предпочтения»), как в выгрузке формы, и запустите init снова.",
    },
    en: {
      title: "No header row",
      what: "The file's first row looks like data (codes, e-mail addresses, names, numbers), not like column names. Without headers nobody can tell which column means what.",
      todo: "Add a first row naming the columns (e.g. Participant code, Name, Preferences), as a form export has it, and run init again.",
    },
  },
  CSV_SYNTAX: {
    ru: {
      title: "Ошибка в структуре CSV",
      what: "CSV нельзя прочитать начиная с указанной строки: незакрытая кавычка или текст после закрывающей кавычки.",
      todo: 'Проверьте кавычки в этой строке: ячейка с кавычкой внутри должна быть в кавычках, а сама кавычка удвоена ("").',
    },
    en: {
      title: "CSV structure error",
      what: "The CSV cannot be read from the row given on: an unclosed quote, or text after a closing quote.",
      todo: 'Check the quotes in this row: a cell that contains a quote must be quoted and have the quote doubled ("").',
    },
  },
  XLSX: {
    ru: {
      title: "Книгу Excel нельзя прочитать",
      what: "Файл .xlsx повреждён, защищён паролем или это не книга Excel; или в книге нет листа с указанным именем.",
      todo: "Откройте файл в Excel или LibreOffice и сохраните заново как .xlsx (или как CSV UTF-8); имя листа укажите в --sheet.",
    },
    en: {
      title: "The Excel workbook cannot be read",
      what: "The .xlsx file is damaged, password-protected or not an Excel workbook; or the workbook has no sheet of the name given.",
      todo: "Open the file in Excel or LibreOffice and save it again as .xlsx (or as CSV UTF-8); name the sheet with --sheet.",
    },
  },
  DELIMITER: {
    ru: {
      title: "Не найден разделитель столбцов",
      what: "В строке заголовков один столбец: столбцы не разделены запятой, точкой с запятой или табуляцией.",
      todo: "Сохраните файл как CSV с запятыми или точками с запятой между столбцами или укажите разделитель параметром --input-delimiter («,», «;» или «tab»).",
    },
    en: {
      title: "No column delimiter found",
      what: "The header row has a single column: no comma, semicolon or tab separates the columns.",
      todo: 'Save the file as CSV with commas or semicolons between the columns, or name the delimiter with --input-delimiter ("," or ";" or "tab").',
    },
  },
  MISSING_COLUMN: {
    ru: {
      title: "Нет обязательного столбца",
      what: "В файле нет столбца, который нужен программе (например, идентификатора участника или согласия).",
      todo: "Добавьте столбец в анкету или укажите в конфигурации программы, какой заголовок ему соответствует.",
    },
    en: {
      title: "Required column missing",
      what: "The file lacks a column the program needs (e.g. the participant id or the consent).",
      todo: "Add the column to the questionnaire, or map an existing header to it in the program configuration.",
    },
  },
  DUPLICATE_COLUMN: {
    ru: {
      title: "Повторяющийся столбец",
      what: "Два столбца подходят под одно поле (например, два столбца согласия родителя), и непонятно, какой читать. Так и с файлом настроек: второй столбец согласия никогда не отбрасывается молча.",
      todo: 'Удалите лишний столбец, переименуйте один из них или укажите в настройках программы ("columns") оба: какой читать и чем считать другой.',
    },
    en: {
      title: "Duplicate column",
      what: "Two columns fit one field (e.g. two guardian-consent columns), so it is not clear which one to read. With a program config too: a second consent column is never dropped silently.",
      todo: 'Delete the extra column, rename one of them, or name both in the program config ("columns"): which one to read and what the other is.',
    },
  },
  DUPLICATE_ID: {
    ru: {
      title: "Повторяющийся идентификатор",
      what: "Один и тот же идентификатор участника встречается в нескольких строках (или и среди наставников, и среди наставляемых).",
      todo: "Дайте каждому участнику свой идентификатор; если человек отправил анкету дважды, удалите лишнюю строку.",
    },
    en: {
      title: "Duplicate id",
      what: "The same participant id appears in several rows (or among both mentors and mentees).",
      todo: "Give each participant an id of their own; if someone submitted twice, delete the extra row.",
    },
  },
  RAGGED_ROW: {
    ru: {
      title: "Неверное число ячеек в строке",
      what: "В строке больше или меньше ячеек, чем в строке заголовков.",
      todo: "Перенос строки внутри ячейки без кавычек делит строку надвое: объедините строки или возьмите ячейку в кавычки; лишний разделитель уберите.",
    },
    en: {
      title: "Wrong number of cells in a row",
      what: "The row has more or fewer cells than the header row.",
      todo: "A line break inside an unquoted cell splits a row in two: join the lines or quote the cell; remove an extra delimiter.",
    },
  },
  UNKNOWN_OPTION: {
    ru: {
      title: "Неизвестный вариант ответа",
      what: "В вопросе с выбором указан вариант ответа, которого нет среди вариантов программы (с учётом написания без регистра, ё/е, сокращений дней и английских вариантов). Подбор не останавливается: это предупреждение с ответом, строкой, столбцом и ближайшим вариантом, а ответ считается пропущенным.",
      todo: "Исправьте ответ на один из вариантов или добавьте этот вариант в вопрос в конфигурации программы.",
    },
    en: {
      title: "Unknown answer option",
      what: "A choice question holds an answer that is none of the program's options (compared regardless of case, ё/е, day abbreviations and the options' English equivalents). The run goes on: a warning gives the answer, row, column and closest option, and the answer counts as not given.",
      todo: "Change the answer to one of the options, or add the option to the question in the program configuration.",
    },
  },
  NOT_A_NUMBER: {
    ru: {
      title: "Ожидалось число",
      what: "В ячейке, где нужно число (класс, стаж, вместимость, оценка по шкале), стоит текст, который не удалось понять как число.",
      todo: "Впишите число цифрами (например, 3, а не «три-четыре»); диапазон замените одним числом.",
    },
    en: {
      title: "A number was expected",
      what: "A cell that needs a number (grade, years of experience, capacity, a scale answer) holds text that could not be read as a number.",
      todo: "Write the number in digits (e.g. 3, not “three or four”); replace a range with one number.",
    },
  },
  INVALID_VALUE: {
    ru: {
      title: "Недопустимое значение",
      what: "Значение в ячейке прочитано, но не имеет смысла: отрицательное или неправдоподобное число, непонятный ответ да/нет, неверная дата. Согласие считается данным, только если ответ однозначно «да»: «+-», «Да?», «частично», «да/нет», «да, но…» — ошибка с указанием ячейки, никогда не «да».",
      todo: "Исправьте значение в указанной строке и столбце; для да/нет используйте «Да» или «Нет».",
    },
    en: {
      title: "Invalid value",
      what: "The cell's value was read but makes no sense: a negative or absurd number, a yes/no answer that is neither, a wrong date. Consent counts only when the answer is plainly yes: “+-”, “yes?”, “partly”, “yes/no”, “yes, but…” are an error naming the cell, never a yes.",
      todo: "Fix the value at the row and column given; for yes/no use “Yes” or “No”.",
    },
  },
  MISSING_VALUE: {
    ru: {
      title: "Нет обязательного значения",
      what: "Обязательная ячейка пуста (например, идентификатор участника или согласие).",
      todo: "Заполните ячейку в указанной строке и столбце или удалите строку, если это не участник.",
    },
    en: {
      title: "Required value missing",
      what: "A required cell is empty (e.g. the participant id or the consent).",
      todo: "Fill in the cell at the row and column given, or delete the row if it is not a participant.",
    },
  },
  WRITE_FAILED: {
    ru: {
      title: "Не удалось записать результаты",
      what: "Папку для результатов нельзя создать или в неё нельзя записать: на её месте файл, в папке на месте файла результата лежит папка с тем же именем (она не удаляется), папка в /proc, /sys или /dev, --out пуст, нет прав на запись или диск заполнен. Результаты записываются все сразу или никакие: прежние результаты в папке остались как были.",
      todo: "Укажите в --out другую папку (или удалите файл с этим именем), проверьте права на запись и свободное место на диске.",
    },
    en: {
      title: "The results cannot be written",
      what: "The output folder cannot be created or written to: a file stands in its place, a folder of an output's name is in it (it is not deleted), it is under /proc, /sys or /dev, --out is empty, there is no write permission, or the disk is full. Outputs are written all at once or not at all: earlier results in the folder are left as they were.",
      todo: "Give another folder with --out (or remove the file of that name), and check the write permissions and the free disk space.",
    },
  },
} as const satisfies Record<ErrorCode, ErrorCatalogEntry>;

/** Every error code, in the order of the catalog (the order of `ErrorCode` in src/errors.ts). */
export const ERROR_CODES: readonly ErrorCode[] = Object.freeze(Object.keys(ERROR_CATALOG) as ErrorCode[]);

/**
 * What an error code means and what to do about it, in Russian or English. O(1).
 *
 * A code this copy of the library does not know (e.g. an error thrown by a newer copy) gets the
 * description of `INTERNAL`, so a caller always has something to show.
 *
 * @param code - an error's `code`.
 * @param language - the language. @defaultValue "en"
 * @returns the title, what it means, and what to do.
 * @throws never.
 *
 * @example
 * describeError("EMPTY_FILE", "ru").title; // "Пустой файл"
 * describeError("EMPTY_FILE").todo; // "Export the questionnaire answers again, with the header row."
 */
export function describeError(code: ErrorCode, language: Language = "en"): ErrorDescription {
  const entry: ErrorCatalogEntry = Object.hasOwn(ERROR_CATALOG, code)
    ? ERROR_CATALOG[code]
    : ERROR_CATALOG.INTERNAL;
  return language === "ru" ? entry.ru : entry.en;
}
