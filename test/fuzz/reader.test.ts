/**
 * Fuzzing the survey reader: random bytes and random structured CSVs through readCsv and readParticipants.
 * Only typed errors may come out, every row that went in is accounted for, and cleanly quoted tables read
 * back cell for cell.
 */
import { readCsv, type QuestionSpec, readParticipants } from "mentor-match";
import * as fc from "fast-check";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { fuzzCase, fuzzRuns, tallyReport } from "./_harness.js";

const questions: readonly QuestionSpec[] = [
  { id: "interests", kind: "multi", options: ["Шахматы", "Музыка", "Спорт"], labels: ["Интересы"] },
  { id: "format", kind: "single", options: ["Очно", "Онлайн"], labels: ["Формат встреч"] },
  { id: "hours", kind: "number", labels: ["Часов в неделю"] },
  { id: "online", kind: "boolean", labels: ["Онлайн возможно"] },
];

/** Headers a real export has, plus hostile ones. */
const HEADERS = [
  "Код",
  "ФИО",
  "Отметка времени",
  "Роль",
  "Класс",
  "Возраст",
  "Дата рождения",
  "Стаж",
  "Согласие",
  "Согласие родителя",
  "Сколько наставляемых",
  "Предпочтения",
  "Интересы",
  "Формат встреч",
  "Часов в неделю",
  "Онлайн возможно",
  "E-mail",
  "Категория",
  "__proto__",
  "constructor",
  "prototype",
  "hasOwnProperty",
  "toString",
  "",
  "=SUM(A1)",
];

/** Cells a real export has, plus hostile ones. */
const CELL = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "S01",
    "M01",
    "Иванов Иван",
    "Иванов И.",
    "ivanov@example.org",
    "наставник",
    "наставляемый",
    "да",
    "Нет",
    "+",
    "-",
    "Согласие отозвано",
    "7Б",
    "до 3",
    "два",
    "3-5",
    "1e309",
    "-1",
    "NaN",
    "Infinity",
    "01.09.2024 10:15",
    "2024-13-45",
    "Шахматы, Музыка",
    "Шахматы; Спорт",
    "Очно",
    "ОВЗ",
    "constructor",
    "__proto__",
    "toString",
    "hasOwnProperty",
    "=cmd|' /C calc'!A0",
    "@SUM(1)",
    "\t",
    "\r",
    '"',
    '""',
    '"a"b',
    ";",
    ",",
    "\n",
    "\uFEFF",
    "\u0000",
    "\u00a0",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
);

const ENCODINGS = ["utf-8", "utf-8-bom", "windows-1251", "utf-16le-bom", "utf-16be-bom"] as const;

function encode(text: string, encoding: (typeof ENCODINGS)[number]): Uint8Array {
  switch (encoding) {
    case "utf-8":
      return new Uint8Array(Buffer.from(text, "utf8"));
    case "utf-8-bom":
      return new Uint8Array(Buffer.from(`\uFEFF${text}`, "utf8"));
    case "windows-1251":
      return new Uint8Array(iconv.encode(text, "windows-1251"));
    case "utf-16le-bom":
      return new Uint8Array(iconv.encode(`\uFEFF${text}`, "utf-16le"));
    default:
      return new Uint8Array(iconv.encode(`\uFEFF${text}`, "utf-16be"));
  }
}

/** A cell as a careless or a careful writer puts it into a CSV line. */
function writeCell(cell: string, quote: "never" | "always" | "needed", delimiter: string): string {
  const needs = /["\r\n]/.test(cell) || cell.includes(delimiter);
  if (quote === "always" || (quote === "needed" && needs)) return `"${cell.replaceAll('"', '""')}"`;
  return cell;
}

const structuredCsv = fc
  .record({
    header: fc.array(fc.constantFrom(...HEADERS), { minLength: 1, maxLength: 8 }),
    rows: fc.array(fc.array(CELL, { maxLength: 10 }), { maxLength: 12 }),
    delimiter: fc.constantFrom(",", ";", "\t", "|"),
    quote: fc.constantFrom("never", "always", "needed") as fc.Arbitrary<"never" | "always" | "needed">,
    newline: fc.constantFrom("\r\n", "\n", "\r"),
    encoding: fc.constantFrom(...ENCODINGS),
    role: fc.constantFrom("mentor", "mentee", undefined),
  })
  .map(({ header, rows, delimiter, quote, newline, encoding, role }) => {
    const lines = [header, ...rows].map((r) => r.map((c) => writeCell(c, quote, delimiter)).join(delimiter));
    return { text: lines.join(newline) + newline, encoding, role };
  });

afterAll(() => {
  console.log(tallyReport("test/fuzz/reader.test.ts"));
});

describe("fuzzing the reader", () => {
  it("random bytes: a table or a typed error, never a crash or a hang", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2_000 }), (bytes) => {
        const out = fuzzCase("random bytes", () => {
          const table = readCsv(bytes, { file: "fuzz.csv" });
          return readParticipants([{ table, role: "mentee" }], { questions });
        });
        if (!out.ok) expect(out.error).toHaveProperty("location.file", "fuzz.csv");
      }),
      { numRuns: fuzzRuns(300) },
    );
  });

  it("random bytes after a real header: a table or a typed error", () => {
    const header = new Uint8Array(Buffer.from("Код;ФИО;Согласие;Интересы;Часов в неделю\r\n", "utf8"));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1_000 }), (tail) => {
        const bytes = new Uint8Array(header.length + tail.length);
        bytes.set(header);
        bytes.set(tail, header.length);
        fuzzCase("header + random bytes", () => {
          const table = readCsv(bytes, { file: "fuzz.csv" });
          return readParticipants([{ table, role: "mentor" }], { questions });
        });
      }),
      { numRuns: fuzzRuns(200) },
    );
  });

  it("random structured CSVs: typed errors only, and every data row is kept, reported or replaced", () => {
    fc.assert(
      fc.property(structuredCsv, ({ text, encoding, role }) => {
        const out = fuzzCase("structured CSV", () => {
          const table = readCsv(encode(text, encoding), { file: "fuzz.csv" });
          const read = readParticipants([role === undefined ? { table } : { table, role }], { questions });
          return { table, read };
        });
        if (!out.ok) return;
        const { table, read } = out.value;
        // Nothing is lost: a row read from the file is a participant, a row named by an error, or the older
        // submission of a participant who answered twice (named by a warning).
        const accounted = new Set<number>();
        for (const s of read.sources) accounted.add(s.row);
        for (const p of read.problems) {
          if (p.location?.row !== undefined) accounted.add(p.location.row);
        }
        // Rows not kept (superseded or conflicting submissions) are listed, each with its reason.
        for (const d of read.dropped) accounted.add(d.source.row);
        const fileWide = read.problems.some((p) => p.location?.row === undefined);
        if (!fileWide) for (const r of table.rows) expect(accounted, `row ${r.row}`).toContain(r.row);
        for (const p of read.participants) {
          expect(p.id).not.toBe("");
          // Numbers read from cells are finite numbers in range, never something reached through a prototype.
          for (const key of ["age", "grade", "capacity", "experienceYears"] as const) {
            const v = p[key];
            if (v === undefined) continue;
            expect(typeof v, `${key} of row ${read.sources[read.participants.indexOf(p)]?.row}`).toBe(
              "number",
            );
            expect(Number.isFinite(v) && v >= 0, `${key} = ${String(v)}`).toBe(true);
          }
          for (const key of ["consent", "guardianConsent"] as const) {
            if (p[key] !== undefined) expect(typeof p[key]).toBe("boolean");
          }
        }
      }),
      { numRuns: fuzzRuns(300) },
    );
  });

  it("cleanly quoted tables read back cell for cell, whatever the encoding and delimiter", () => {
    const cell = fc.string({ unit: "grapheme", maxLength: 10 });
    const table = fc.integer({ min: 2, max: 6 }).chain((width) =>
      fc.record({
        header: fc.uniqueArray(
          fc.stringMatching(/^[A-Za-zА-Яа-я][A-Za-zА-Яа-я0-9 ]{0,8}[A-Za-zА-Яа-я0-9]$/),
          {
            minLength: width,
            maxLength: width,
            selector: (h) => h.toLowerCase(),
          },
        ),
        rows: fc.array(
          fc
            .array(cell, { minLength: width, maxLength: width })
            .filter((r) => r.some((c) => c.trim() !== "")),
          { minLength: 1, maxLength: 8 },
        ),
        delimiter: fc.constantFrom(",", ";", "\t"),
        encoding: fc.constantFrom("utf-8", "utf-8-bom", "utf-16le-bom", "utf-16be-bom") as fc.Arbitrary<
          (typeof ENCODINGS)[number]
        >,
      }),
    );
    fc.assert(
      fc.property(table, ({ header, rows, delimiter, encoding }) => {
        const lines = [header, ...rows].map((r) =>
          r.map((c) => writeCell(c, "always", delimiter)).join(delimiter),
        );
        const bytes = encode(`${lines.join("\r\n")}\r\n`, encoding);
        const out = fuzzCase("round trip", () => readCsv(bytes, { file: "fuzz.csv", delimiter }));
        expect(out.ok, out.ok ? "" : String((out as { error: unknown }).error)).toBe(true);
        if (!out.ok) return;
        expect(out.value.header).toEqual(header);
        expect(out.value.problems).toEqual([]);
        expect(out.value.rows.map((r) => r.cells)).toEqual(rows);
      }),
      { numRuns: fuzzRuns(200) },
    );
  });
});
