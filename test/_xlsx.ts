/**
 * Reading and writing .xlsx in tests with exceljs itself, as Excel or a survey tool would, not with the
 * product's own reader and writer (cli/_internal/xlsx.ts is tested on its own in
 * test/cli/xlsx.internal.test.ts): an output checked with the code that wrote it proves little.
 */
import ExcelJS from "exceljs";

/** The text of a cell as a person sees it (rich text joined, a formula's cached result). */
function textOf(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return textOf(value.result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
  }
  return String(value);
}

/** A row of a sheet: its 1-based number in the sheet and its cells' texts. */
export interface SheetRow {
  readonly row: number;
  readonly cells: string[];
}

/** The rows of a sheet (the first, or the one named), blank rows left out. */
export async function readSheet(bytes: Uint8Array, sheet?: string): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const ws = sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheet);
  if (ws === undefined) throw new Error(`no sheet ${sheet ?? "at all"} in the workbook`);
  const rows: SheetRow[] = [];
  ws.eachRow((row, number) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(textOf(row.getCell(c).value));
    while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
    rows.push({ row: number, cells });
  });
  return rows;
}

/** A one-sheet workbook of a header and rows of text, written by exceljs. */
export async function writeSheet(
  name: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
) {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(name);
  ws.addRow([...header]);
  for (const r of rows) ws.addRow([...r]);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
