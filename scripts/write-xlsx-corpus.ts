/**
 * Writes the .xlsx exports of the corpus (fixtures/corpus/xlsx/) from rows written here, shaped as the
 * tools coordinators use hand them out (see fixtures/corpus/README-xlsx.md):
 *
 * - Yandex Forms (RU): «ID», «Время создания» (a date cell), answers as the form wrote them; two forms,
 *   mentors and mentees, one file each; checkboxes joined by ", "; «Не важно» and days alone («Пн, Ср»).
 * - Google Sheets (RU), «Файл → Скачать → Microsoft Excel»: one sheet «Ответы на форму (1)», «Отметка
 *   времени» a date cell, a role question, checkboxes joined by ", "; grades as numbers, class letters.
 * - Microsoft Forms (EN), «Open in Excel»: «ID», «Start time», «Completion time», «Email», «Name», then the
 *   questions; multi-select answers joined by ";" with a trailing ";"; English answers ("In person",
 *   "No preference", "Monday;Wednesday;"); sheet «Sheet1».
 *
 * Participants are invented (no real person); codes and e-mails are fictitious. Run:
 * `npx tsx scripts/write-xlsx-corpus.ts` (the bytes are the same on every run: fixed dates, no clock).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";

const DIR = resolve(import.meta.dirname, "../fixtures/corpus/xlsx");

type Cell = string | number | Date | null;

async function workbook(file: string, sheet: string, header: readonly string[], rows: readonly Cell[][]) {
  const wb = new ExcelJS.Workbook();
  wb.creator = "mentor-match corpus";
  wb.created = new Date(Date.UTC(2025, 8, 1));
  wb.modified = new Date(Date.UTC(2025, 8, 1));
  const ws = wb.addWorksheet(sheet);
  ws.addRow([...header]);
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  header.forEach((_, c) => {
    ws.getColumn(c + 1).width = 18;
  });
  for (let c = 1; c <= header.length; c++) {
    if (rows.some((r) => r[c - 1] instanceof Date)) ws.getColumn(c).numFmt = "dd.mm.yyyy hh:mm:ss";
  }
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  writeFileSync(join(DIR, file), bytes);
}

/** Local wall-clock time as Excel keeps it (exceljs reads and writes it as UTC fields). */
const at = (d: number, h: number, m: number) => new Date(Date.UTC(2025, 8, d, h, m, 0));

async function yandex(): Promise<void> {
  const mentorHeader = [
    "ID",
    "Время создания",
    "Фамилия, имя, отчество",
    "Класс",
    "По каким предметам можете помочь",
    "Интересы и увлечения",
    "Формат встреч",
    "В какие дни удобно встречаться",
    "Согласие родителя (законного представителя) на обработку персональных данных",
  ];
  const mentors: Cell[][] = [
    [
      101,
      at(2, 10, 5),
      "Абрикосов Лев Ильич",
      "10А",
      "Математика, Физика",
      "Шахматы, Программирование",
      "Очно",
      "Пн, Ср",
      "Да",
    ],
    [
      102,
      at(2, 11, 40),
      "Брусникина Ада Олеговна",
      "11Б",
      "Русский язык, Литература",
      "Театр, Чтение",
      "Не важно",
      "Вт, Чт",
      "Да",
    ],
    [103, at(3, 9, 12), "Вишнёв Марк Петрович", "10Б", "Биология, Химия", "Экология", "Онлайн", "Пт", "Да"],
    [
      104,
      at(3, 15, 30),
      "Грушина Ева Андреевна",
      "11А",
      "Английский язык",
      "Музыка, Кино",
      "Без разницы",
      "Пн, Чт",
      "Да",
    ],
    [
      105,
      at(4, 8, 55),
      "Дынин Ян Сергеевич",
      "9А",
      "Информатика, Математика",
      "Робототехника",
      "Очно",
      "Ср",
      "Нет",
    ],
  ];
  const menteeHeader = [
    "ID",
    "Время создания",
    "Фамилия, имя, отчество",
    "Класс",
    "По каким предметам нужна помощь",
    "Интересы и увлечения",
    "Формат встреч",
    "В какие дни удобно встречаться",
    "Согласие родителя (законного представителя) на обработку персональных данных",
  ];
  const mentees: Cell[][] = [
    [201, at(5, 10, 0), "Ежевикина Майя Ивановна", "7А", "Математика", "Шахматы", "Не важно", "Пн, Ср", "Да"],
    [202, at(5, 10, 20), "Жимолостев Тимур Аркадьевич", "8Б", "Русский язык", "Театр", "Очно", "Вт", "Да"],
    [203, at(5, 11, 2), "Земляникин Кир Львович", "7Б", "Биология", "Экология, Кино", "Онлайн", "Пт", "Да"],
    [204, at(6, 9, 45), "Ирисова Нина Павловна", "6А", "Английский язык", "Музыка", "Любой", "Чт", "Да"],
    [
      205,
      at(6, 12, 10),
      "Калинин Олег Денисович",
      "8А",
      "Физика, Математика",
      "Программирование",
      "Всё равно",
      "Ср, Пт",
      "Да",
    ],
    [206, at(6, 14, 33), "Лимонова Вера Глебовна", "9Б", "Литература", "Чтение", "По телефону", "Пн", "Да"],
    [207, at(7, 8, 5), "Малинин Егор Юрьевич", "5А", "Информатика", "Робототехника", "Очно", "Ср", ""],
  ];
  await workbook("yandex-mentors.xlsx", "Ответы", mentorHeader, mentors);
  await workbook("yandex-mentees.xlsx", "Ответы", menteeHeader, mentees);
}

async function google(): Promise<void> {
  const header = [
    "Отметка времени",
    "Роль в программе",
    "ФИО",
    "Адрес электронной почты",
    "Возраст",
    "Класс (для учеников) или курс (для студентов)",
    "С чем нужна помощь",
    "С чем могу помочь",
    "Интересы и увлечения",
    "Формат встреч",
    "Согласие на обработку персональных данных",
    "Согласие родителя (законного представителя)",
  ];
  const rows: Cell[][] = [
    [
      at(1, 9, 0),
      "наставник",
      "Орехов Денис Ильич",
      "orehov@college.example",
      19,
      2,
      "",
      "Профориентация, Подготовка к ОГЭ и ЕГЭ",
      "Спорт, Кино",
      "Очно",
      "Да",
      "",
    ],
    [
      at(1, 9, 30),
      "наставник",
      "Персикова Лада Романовна",
      "persikova@college.example",
      20,
      3,
      "",
      "Поступление в колледж или вуз",
      "Музыка",
      "Онлайн",
      "Да",
      "",
    ],
    [
      at(1, 10, 15),
      "наставник",
      "Рябинин Глеб Олегович",
      "ryabinin@college.example",
      21,
      4,
      "",
      "Проект или исследование, Учёба",
      "Робототехника, Программирование",
      "Не важно",
      "Да",
      "",
    ],
    [
      at(2, 8, 40),
      "наставляемый",
      "Сливкин Артём Васильевич",
      "slivkin@school.example",
      15,
      9,
      "Подготовка к ОГЭ и ЕГЭ",
      "",
      "Спорт",
      "Очно",
      "",
      "Да",
    ],
    [
      at(2, 9, 10),
      "наставляемый",
      "Терновая Алиса Кирилловна",
      "ternovaya@school.example",
      16,
      10,
      "Поступление в колледж или вуз, Профориентация",
      "",
      "Музыка, Кино",
      "Без разницы",
      "",
      "Да",
    ],
    [
      at(2, 9, 55),
      "наставляемый",
      "Фисташкин Роман Ильич",
      "fistashkin@school.example",
      14,
      8,
      "Проект или исследование",
      "",
      "Программирование",
      "Онлайн",
      "",
      "Да",
    ],
    [
      at(2, 11, 5),
      "наставляемый",
      "Хурмина Дина Петровна",
      "hurmina@school.example",
      13,
      7,
      "Учёба",
      "",
      "Чтение",
      "Любой",
      "",
      "Нет",
    ],
  ];
  await workbook("google-sheets-college.xlsx", "Ответы на форму (1)", header, rows);
}

async function microsoft(): Promise<void> {
  const header = [
    "ID",
    "Start time",
    "Completion time",
    "Email",
    "Name",
    "Role",
    "Years of teaching experience",
    "Subject taught",
    "Where I can support a colleague",
    "Where I need support",
    "Meeting format",
    "Convenient meeting times",
    "I consent to the processing of my personal data",
  ];
  const rows: Cell[][] = [
    [
      1,
      at(8, 9, 1),
      at(8, 9, 6),
      "m.able@school.example",
      "Able, Martha",
      "Mentor",
      12,
      "Maths",
      "Classroom management;Formative assessment;",
      "",
      "In person",
      "Monday;Wednesday;",
      "Yes",
    ],
    [
      2,
      at(8, 9, 20),
      at(8, 9, 27),
      "r.baker@school.example",
      "Baker, Ruth",
      "Mentor",
      8,
      "English",
      "Working with parents;Digital tools;",
      "",
      "No preference",
      "Tuesday;Thursday;",
      "Yes",
    ],
    [
      3,
      at(8, 10, 2),
      at(8, 10, 9),
      "t.cole@school.example",
      "Cole, Tom",
      "Mentor",
      20,
      "Physics",
      "Subject teaching methods;Exam preparation;",
      "",
      "Online",
      "Friday;",
      "Yes",
    ],
    [
      4,
      at(9, 8, 30),
      at(9, 8, 41),
      "a.dunn@school.example",
      "Dunn, Amy",
      "Mentee",
      1,
      "Maths",
      "",
      "Classroom management;",
      "In person",
      "Monday;",
      "Yes",
    ],
    [
      5,
      at(9, 9, 15),
      at(9, 9, 20),
      "k.ellis@school.example",
      "Ellis, Kate",
      "Mentee",
      2,
      "English",
      "",
      "Working with parents;Digital tools;",
      "Any",
      "Thursday;",
      "Yes",
    ],
    [
      6,
      at(9, 11, 0),
      at(9, 11, 4),
      "j.ford@school.example",
      "Ford, Jack",
      "Mentee",
      0,
      "Physics",
      "",
      "Exam preparation;",
      "Online",
      "Friday;Monday;",
      "Yes",
    ],
    [
      7,
      at(9, 12, 30),
      at(9, 12, 33),
      "l.grey@school.example",
      "Grey, Lily",
      "Mentee",
      3,
      "History",
      "",
      "Formative assessment;",
      "Doesn't matter",
      "Wednesday;",
      "Yes",
    ],
  ];
  await workbook("microsoft-forms-teachers.xlsx", "Sheet1", header, rows);
}

mkdirSync(DIR, { recursive: true });
await yandex();
await google();
await microsoft();
console.log(`Wrote the .xlsx corpus into ${DIR}`);
