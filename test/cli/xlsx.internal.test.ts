import { isMentorMatchError } from "mentor-match";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readXlsxTable, writeXlsxWorkbook } from "../../src/cli/_internal/xlsx.js";

/** A workbook made the way a survey tool's download is: real exceljs cell types, not our writer. */
async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("readXlsxTable", () => {
  it("reads the first sheet with sheet row numbers, dates, numbers, rich text and cached formula results", async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet("Ответы");
      ws.addRow([]); // a blank first row: skipped, later rows keep their sheet numbers
      ws.addRow(["Время создания", "Код", "Класс", "Интересы", "Итог", ""]);
      ws.addRow([
        new Date(Date.UTC(2024, 8, 1, 10, 15, 30)),
        "M01",
        10,
        { richText: [{ text: "шахматы, " }, { text: "театр" }] },
        { formula: "1+1", result: 2 },
      ]);
      ws.addRow([]);
      ws.addRow([new Date(Date.UTC(2024, 8, 2)), "S01", 7, "", { formula: "A1", result: undefined }]);
      wb.addWorksheet("Второй").addRow(["x", "y"]);
    });
    const table = await readXlsxTable(bytes, { file: "answers.xlsx" });
    expect(table.header).toEqual(["Время создания", "Код", "Класс", "Интересы", "Итог"]);
    expect(table.rows).toEqual([
      { row: 3, cells: ["2024-09-01 10:15:30", "M01", "10", "шахматы, театр", "2"] },
      { row: 5, cells: ["2024-09-02", "S01", "7", "", ""] },
    ]);
    expect(table.problems).toEqual([]);
  });

  it("reads a named sheet and names the sheets when the name is wrong", async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet("Form1").addRow(["a", "b"]);
      const ws = wb.addWorksheet("Наставники");
      ws.addRow(["Код", "Класс"]);
      ws.addRow(["M1", "9"]);
    });
    const table = await readXlsxTable(bytes, { file: "f.xlsx", sheet: "Наставники" });
    expect(table.rows).toEqual([{ row: 2, cells: ["M1", "9"] }]);
    const error = await readXlsxTable(bytes, { file: "f.xlsx", sheet: "Лист1" }).catch((e: unknown) => e);
    expect(isMentorMatchError(error) && error.code).toBe("XLSX");
    expect((error as Error).message).toContain('"Form1", "Наставники"');
  });

  it("flags a value right of the last header column, and refuses what is not a workbook", async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet("s");
      ws.addRow(["Код", "Класс"]);
      ws.addRow(["M1", "9", "stray"]);
      ws.addRow(["M2", "10"]);
    });
    const table = await readXlsxTable(bytes, { file: "f.xlsx" });
    expect(table.rows.map((r) => r.row)).toEqual([3]);
    expect(table.problems.map((p) => [p.code, p.location?.row])).toEqual([["RAGGED_ROW", 2]]);
    const notXlsx = await readXlsxTable(new TextEncoder().encode("id;x\n1;2\n"), { file: "a.xlsx" }).catch(
      (e: unknown) => e,
    );
    expect(isMentorMatchError(notXlsx) && notXlsx.code).toBe("XLSX");
    const headerOnly = await workbook((wb) => wb.addWorksheet("s").addRow(["Код", "Класс"]));
    await expect(readXlsxTable(headerOnly, { file: "h.xlsx" })).rejects.toMatchObject({
      code: "HEADER_ONLY",
    });
  });
});

describe("writeXlsxWorkbook", () => {
  it("round-trips through the reader, keeps numbers as numbers and turns no text into a formula", async () => {
    const bytes = await writeXlsxWorkbook([
      {
        name: "Pairs/2024",
        header: ["Mentor", "Mentee", "Score"],
        rows: [
          ["M1", '=HYPERLINK("x")', 0.75],
          ["M2", null, -1],
        ],
      },
      { name: "Pairs/2024", header: ["k"], rows: [["+1"]] },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Pairs_2024", "Pairs_2024 2"]);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell("B2").value).toBe('\'=HYPERLINK("x")');
    expect(ws.getCell("C2").value).toBe(0.75);
    expect(ws.getCell("C3").value).toBe(-1);
    let formulas = 0;
    for (const sheet of wb.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) formulas++;
        }),
      );
    expect(formulas).toBe(0);
    const table = await readXlsxTable(bytes, { file: "pairs.xlsx" });
    expect(table.rows).toEqual([
      { row: 2, cells: ["M1", '\'=HYPERLINK("x")', "0.75"] },
      { row: 3, cells: ["M2", "", "-1"] },
    ]);
    // Same input, same bytes.
    const again = await writeXlsxWorkbook([
      {
        name: "Pairs/2024",
        header: ["Mentor", "Mentee", "Score"],
        rows: [
          ["M1", '=HYPERLINK("x")', 0.75],
          ["M2", null, -1],
        ],
      },
      { name: "Pairs/2024", header: ["k"], rows: [["+1"]] },
    ]);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});
