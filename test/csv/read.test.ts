import { decodeText, detectDelimiter, readCsv, InputFileError } from "mentor-match/csv";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";

const utf8 = (s: string) => new TextEncoder().encode(s);
const cp1251 = (s: string) => new Uint8Array(iconv.encode(s, "windows-1251"));

function caught(fn: () => unknown): InputFileError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputFileError) return e;
    throw e;
  }
  throw new Error("expected an InputFileError");
}

describe("decodeText", () => {
  const text = "ФИО;Класс;Интересы\nИванова Анна;7Б;Шахматы, «Музыка» — №1\n";
  it("reads UTF-8 with and without BOM", () => {
    expect(decodeText(utf8(text))).toEqual({ text, encoding: "utf-8" });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]))).toEqual({
      text,
      encoding: "utf-8-bom",
    });
  });
  it("reads Windows-1251", () => {
    expect(decodeText(cp1251(text))).toEqual({ text, encoding: "windows-1251" });
  });
  it("reads UTF-16 with a BOM (Excel «Unicode text»)", () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...iconv.encode(text, "utf-16le")]);
    expect(decodeText(bytes).text).toBe(text);
  });
  it("rejects KOI8-R and CP866 with what to do", () => {
    for (const enc of ["koi8-r", "cp866"]) {
      const e = caught(() => decodeText(new Uint8Array(iconv.encode(text, enc)), { file: "a.csv" }));
      expect(e.code).toBe("ENCODING");
      expect(e.location).toEqual({ file: "a.csv" });
      expect(e.message).toContain("UTF-8");
    }
  });
  it("rejects an xlsx workbook and binary data", () => {
    expect(
      caught(() => decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).message,
    ).toMatchInlineSnapshot(
      `"input: This is an Excel workbook (xlsx), not a CSV file. Save the file again as CSV in UTF-8 (Google Sheets: File → Download → CSV; Excel: Save As → «CSV UTF-8 (разделитель — запятая)»)."`,
    );
    expect(caught(() => decodeText(new Uint8Array([0x61, 0x00, 0x62]))).code).toBe("ENCODING");
  });
});

describe("detectDelimiter", () => {
  it("finds , ; and tab, ignoring delimiters inside quotes", () => {
    expect(detectDelimiter('a,b,c\n1,"x;y;z",3\n')).toBe(",");
    expect(detectDelimiter('ФИО;Интересы\n"Анна";"Шахматы, музыка, спорт"\n')).toBe(";");
    expect(detectDelimiter("a\tb\n1\t2\n")).toBe("\t");
    expect(detectDelimiter("one column\nvalue\n")).toBeNull();
  });
  it("prefers the delimiter that gives every row as many cells as the header", () => {
    // Commas appear inside unquoted answers, semicolons separate the columns.
    expect(detectDelimiter("Имя;Интересы;Класс\nА;шахматы, музыка;7\nБ;спорт;8\n")).toBe(";");
  });
});

describe("readCsv", () => {
  it("keeps quoted multi-line cells in one row and numbers rows as a spreadsheet does", () => {
    const t = readCsv('id;Запрос;Класс\nS1;"Хочу\nподтянуть математику";7\n\nS2;"""Цитата""";8\n', {
      file: "m.csv",
    });
    expect(t.delimiter).toBe(";");
    expect(t.header).toEqual(["id", "Запрос", "Класс"]);
    expect(t.rows).toEqual([
      { row: 2, cells: ["S1", "Хочу\nподтянуть математику", "7"] },
      { row: 4, cells: ["S2", '"Цитата"', "8"] },
    ]);
    expect(t.problems).toEqual([]);
  });
  it("drops a blank trailing column and tolerates trailing delimiters", () => {
    const t = readCsv("a;b;\n1;2;\n3;4;;\n", { file: "x.csv" });
    expect(t.header).toEqual(["a", "b"]);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
  });
  it("reports ragged rows with their row and leaves them out", () => {
    const t = readCsv("a,b,c\n1,2,3\n4,5\n6,7,8,9\n", { file: "r.csv" });
    expect(t.rows.map((r) => r.row)).toEqual([2]);
    expect(t.problems.map((p) => [p.code, p.location?.row])).toEqual([
      ["RAGGED_ROW", 3],
      ["RAGGED_ROW", 4],
    ]);
    expect(t.problems[0]!.message).toMatchInlineSnapshot(
      `"r.csv, row 3: The row has 2 cells; the header has 3. A line break inside a cell that is not quoted splits a row in two: join the lines or quote the cell."`,
    );
  });
  it("says so when rows use another delimiter than the header", () => {
    const t = readCsv("Код;ФИО;Класс\nS01;Анна;7\nS02,Борис,8\n", { file: "d.csv" });
    expect(t.rows.map((r) => r.row)).toEqual([2]);
    expect(t.problems[0]!.message).toMatchInlineSnapshot(
      `"d.csv, row 3: The row has 1 cell; the header has 3. This row separates its cells with ",", the header with ";": save the file again with one delimiter."`,
    );
  });
  it("reports a broken quote with the row where reading stopped", () => {
    const e = caught(() => readCsv('a,b\n1,2\n3,"x"y\n5,6\n', { file: "q.csv" }));
    expect(e.code).toBe("CSV_SYNTAX");
    expect(e.location).toEqual({ file: "q.csv", row: 3 });
  });
  it("reports empty, header-only and single-column files", () => {
    expect(caught(() => readCsv(utf8(""), { file: "e.csv" })).code).toBe("EMPTY_FILE");
    expect(caught(() => readCsv(utf8("\n \n"), { file: "e.csv" })).code).toBe("EMPTY_FILE");
    expect(caught(() => readCsv("a;b\n", { file: "h.csv" })).code).toBe("HEADER_ONLY");
    expect(caught(() => readCsv("ФИО\nАнна\n", { file: "s.csv" })).code).toBe("DELIMITER");
  });
  it("refuses a file over the size limit", () => {
    const e = caught(() => readCsv(utf8("a,b\n1,2\n"), { file: "big.csv", maxBytes: 4 }));
    expect(e.code).toBe("FILE_TOO_LARGE");
  });
  it("reads a Windows-1251 export with ; like a UTF-8 one", () => {
    const text = "Отметка времени;ФИО;Интересы\n01.09.2024 10:00;Пётр Ёлкин;Шахматы, музыка\n";
    const a = readCsv(cp1251(text), { file: "y.csv" });
    const b = readCsv(utf8(text), { file: "y.csv" });
    expect(a.encoding).toBe("windows-1251");
    expect(a.rows).toEqual(b.rows);
    expect(a.header).toEqual(b.header);
  });
});
