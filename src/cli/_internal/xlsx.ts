/**
 * Excel workbooks in and out, for the command line only: exceljs is imported on first use, so neither the
 * library import nor a CSV-only run pays for it.
 */
import { PassThrough } from "node:stream";
import type { CsvRow, CsvTable } from "../../csv/readCsv.js";
import { neutralizeCell } from "../../csv/neutralizeCell.js";
import { InputFileError } from "../../errors.js";

type ExcelJs = typeof import("exceljs");
type Worksheet = import("exceljs").Worksheet;
type CellValue = import("exceljs").CellValue;

let loaded: Promise<ExcelJs> | undefined;

/** exceljs, loaded once. Its CommonJS build arrives as the default export under ESM. */
function excelJs(): Promise<ExcelJs> {
  loaded ??= import("exceljs").then((m) => ((m as { default?: ExcelJs }).default ?? m) as ExcelJs);
  return loaded;
}

type WorkbookWriter = typeof import("exceljs").stream.xlsx.WorkbookWriter;

let loadedWriter: Promise<WorkbookWriter> | undefined;

/**
 * exceljs's streaming writer alone, loaded once: exceljs's index also loads its readers (unzipper and its
 * polyfills), about twice the start-up of the writer; writing needs none of them.
 */
function workbookWriter(): Promise<WorkbookWriter> {
  loadedWriter ??= import("exceljs/lib/stream/xlsx/workbook-writer.js").then(
    (m) => ((m as { default?: WorkbookWriter }).default ?? m) as WorkbookWriter,
  );
  return loadedWriter;
}

/**
 * Loads exceljs's streaming writer now (a worker thread warms it up while the main thread reads the
 * inputs). Resolves when it is loaded.
 */
export async function preloadXlsxWriter(): Promise<void> {
  await workbookWriter();
}

/** Does a file name or the first bytes say "xlsx"? (A ZIP container: `PK\x03\x04`.) */
export function looksLikeXlsx(path: string, bytes?: Uint8Array): boolean {
  if (/\.xlsx$/i.test(path)) return true;
  return (
    bytes !== undefined &&
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    bytes[2] === 0x03 &&
    bytes[3] === 0x04
  );
}

/** Options of {@link readXlsxTable}. */
export interface ReadXlsxOptions {
  /** File name used in messages. */
  readonly file: string;
  /** The sheet to read, by name. @defaultValue the first sheet */
  readonly sheet?: string;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/**
 * A date cell as text the timestamp reader accepts. Excel stores local wall-clock time without a zone and
 * exceljs hands it back as that wall-clock time in UTC, so the UTC fields are the ones the sheet shows.
 */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const date = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? date : `${date} ${pad2(h)}:${pad2(m)}:${pad2(s)}`;
}

/** The text a cell shows: formulas by their cached result (never evaluated), rich text joined. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return dateText(value);
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText))
      return value.richText.map((r) => r.text).join("");
    if ("error" in value) return "";
    // A hyperlink cell: its text. A formula or shared-formula cell: its cached result, if any.
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText(value.result as CellValue);
    if ("formula" in value || "sharedFormula" in value) return "";
  }
  return String(value);
}

/** The texts of one sheet row, cells 1..width (exceljs numbers columns from 1). */
function rowTexts(sheet: Worksheet, rowNumber: number, width: number): string[] {
  const row = sheet.getRow(rowNumber);
  const cells = new Array<string>(width);
  for (let c = 1; c <= width; c++) cells[c - 1] = cellText(row.getCell(c).value).trim();
  return cells;
}

/**
 * Reads the first sheet (or the named one) of an `.xlsx` workbook into the table {@link readCsv} returns,
 * so the rest of the pipeline cannot tell the two apart: leading blank rows skipped, blank trailing
 * columns dropped, blank rows skipped, and each row numbered as Excel shows it. Dates become
 * `yyyy-mm-dd hh:mm:ss`, formulas their cached results (nothing is evaluated), rich text its plain text.
 * The table's `encoding` is `utf-8` (cells are Unicode) and its `delimiter` `,` (unused).
 *
 * Complexity: O(cells of the sheet).
 *
 * @param bytes - the workbook's bytes.
 * @param options - file name for messages; the sheet's name.
 * @returns the header, the rows with their sheet row numbers, and row-level problems (`RAGGED_ROW` for a
 *   row with cells beyond the header).
 * @throws InputFileError `XLSX` (not a readable workbook; no such sheet, naming the sheets there),
 *   `EMPTY_FILE`, `HEADER_ONLY`.
 *
 * @example
 * const table = await readXlsxTable(readFileSync("answers.xlsx"), { file: "answers.xlsx" });
 */
export async function readXlsxTable(bytes: Uint8Array, options: ReadXlsxOptions): Promise<CsvTable> {
  const { file } = options;
  const ExcelJS = await excelJs();
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings ask for a Node Buffer; it reads any ArrayBuffer view.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new InputFileError("XLSX", "The file is not an Excel workbook that can be read (.xlsx).", {
      location: { file },
      hint: "Open it in Excel or LibreOffice and save it again as .xlsx, or save the sheet as CSV (UTF-8).",
      cause: error,
    });
  }
  const sheets = workbook.worksheets;
  const sheet = options.sheet === undefined ? sheets[0] : sheets.find((s) => s.name === options.sheet);
  if (sheet === undefined) {
    const names = sheets.map((s) => s.name);
    throw new InputFileError(
      "XLSX",
      options.sheet === undefined
        ? "The workbook has no sheets."
        : `The workbook has no sheet "${options.sheet}"; its sheets: ${names.map((n) => `"${n}"`).join(", ")}.`,
      {
        location: { file },
        hint: "Name one of the workbook's sheets with --sheet, or export the answers again.",
        details: { sheet: options.sheet ?? "", sheets: names.join(", ") },
      },
    );
  }
  const lastRow = sheet.rowCount;
  const lastCol = sheet.columnCount;
  let first = 1;
  while (first <= lastRow && rowTexts(sheet, first, lastCol).every((c) => c === "")) first++;
  if (first > lastRow || lastCol === 0) {
    throw new InputFileError("EMPTY_FILE", "The sheet is empty.", {
      location: { file },
      hint: "Export the questionnaire answers again, with the header row, or name the sheet with --sheet.",
      details: { sheet: sheet.name },
    });
  }
  const rawHeader = rowTexts(sheet, first, lastCol);
  let width = rawHeader.length;
  while (width > 0 && rawHeader[width - 1] === "") width--;
  const header = rawHeader.slice(0, width);
  const rows: CsvRow[] = [];
  const problems: InputFileError[] = [];
  for (let r = first + 1; r <= lastRow; r++) {
    const cells = rowTexts(sheet, r, lastCol);
    if (cells.every((c) => c === "")) continue;
    let count = cells.length;
    while (count > width && cells[count - 1] === "") count--;
    if (count > width) {
      problems.push(
        new InputFileError("RAGGED_ROW", `The row has ${count} cells; the header has ${width}.`, {
          location: { file, row: r },
          hint: "A cell to the right of the last column has a value: give that column a header, or clear the cell.",
          details: { cells: count, expected: width },
        }),
      );
      continue;
    }
    rows.push({ row: r, cells: cells.slice(0, width) });
  }
  if (rows.length === 0 && problems.length === 0) {
    throw new InputFileError("HEADER_ONLY", "The sheet has a header row but no answers.", {
      location: { file },
      hint: "Export the answers after people have filled in the questionnaire.",
      details: { sheet: sheet.name },
    });
  }
  return { file, encoding: "utf-8", delimiter: ",", header, rows, problems };
}

/** One sheet of {@link writeXlsxWorkbook}. */
export interface XlsxSheet {
  /** The sheet's name (at most 31 characters; `\ / ? * [ ] :` are replaced). */
  readonly name: string;
  readonly header: readonly string[];
  /** Cells: text, numbers (kept as numbers), booleans; `null`/`undefined` for an empty cell. */
  readonly rows: readonly (readonly (string | number | boolean | null | undefined)[])[];
  /** Column widths in characters. @defaultValue from the longest value, 8–60 */
  readonly widths?: readonly number[];
}

/** The style of every cell below the header: no font, fill, border or number format of its own. */
const PLAIN: Partial<import("exceljs").Style> = {};

function plainStyle(cell: import("exceljs").Cell): void {
  cell.style = PLAIN;
}

/** A sheet name Excel accepts. */
function sheetName(name: string, taken: Set<string>): string {
  let base = name.replace(/[\\/?*[\]:]/g, "_").slice(0, 31) || "Sheet";
  let k = 2;
  while (taken.has(base.toLowerCase())) base = `${base.slice(0, 28)} ${k++}`;
  taken.add(base.toLowerCase());
  return base;
}

/**
 * Writes sheets into an `.xlsx` workbook with the streaming writer: every text cell through
 * `neutralizeCell` (no questionnaire value becomes a formula), numbers kept as numbers, the header row
 * bold, frozen and filterable, column widths from the longest value (8–60). Fixed dates, so the same
 * sheets give the same bytes.
 *
 * Complexity: O(cells).
 *
 * @param sheets - the sheets, in order.
 * @returns the workbook's bytes.
 * @throws never for valid input (exceljs errors propagate).
 * @example
 * const bytes = await writeXlsxWorkbook([{ name: "Pairs", header: ["Mentor", "Mentee"], rows: [["M1", "S1"]] }]);
 */
export async function writeXlsxWorkbook(sheets: readonly XlsxSheet[]): Promise<Uint8Array> {
  const WorkbookWriter = await workbookWriter();
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on("data", (c: Buffer) => chunks.push(c));
  const workbook = new WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = "mentor-match";
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const taken = new Set<string>();
  for (const spec of sheets) {
    const ws = workbook.addWorksheet(sheetName(spec.name, taken), {
      views: [{ state: "frozen", ySplit: 1 }],
    });
    const n = spec.header.length;
    ws.columns = spec.header.map((h, c) => {
      let width = spec.widths?.[c];
      if (width === undefined) {
        let longest = String(h ?? "").length;
        for (const row of spec.rows) {
          const v = row[c];
          if (v !== null && v !== undefined) longest = Math.max(longest, String(v).length);
        }
        width = Math.min(60, Math.max(8, longest + 2));
      }
      return { width };
    });
    if (n > 0 && spec.rows.length > 0)
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: n } };
    const head = ws.addRow(spec.header.map((h) => neutralizeCell(h)));
    head.font = { bold: true };
    head.commit();
    for (const row of spec.rows) {
      const added = ws.addRow(
        row.map((v) =>
          typeof v === "number"
            ? Number.isFinite(v)
              ? v
              : null
            : v === null || v === undefined
              ? null
              : neutralizeCell(v),
        ),
      );
      // One shared (empty) style object for the row and its cells: exceljs caches a style's id by the
      // object, so it resolves the plain style once instead of rendering a fresh `{}` to XML per cell
      // (half of the writer's time on large sheets). Every cell exists (nulls included), so no cell is
      // added; the bytes are the same.
      (added as unknown as { style: typeof PLAIN }).style = PLAIN; // a Row's style (not in the typings)
      added.eachCell({ includeEmpty: true }, plainStyle);
      added.commit();
    }
    ws.commit();
  }
  await workbook.commit();
  return fixZipDates(new Uint8Array(Buffer.concat(chunks)));
}

/**
 * Sets the modification time of every entry of a zip (in its local header and its central-directory
 * record) to 2000-01-01 00:00: exceljs's streaming writer lets archiver stamp the current time, and the same
 * sheets must give the same bytes. Walks the zip's own structure (end record → central directory → local
 * headers), never searching the compressed data.
 */
function fixZipDates(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let p = bytes.length - 22; p >= Math.max(0, bytes.length - 65_557); p--) {
    if (view.getUint32(p, true) === 0x06054b50) {
      end = p;
      break;
    }
  }
  if (end === -1) return bytes;
  const entries = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  const TIME = 0; // 00:00:00
  const DATE = ((2000 - 1980) << 9) | (1 << 5) | 1; // 2000-01-01
  for (let k = 0; k < entries && p + 46 <= bytes.length; k++) {
    if (view.getUint32(p, true) !== 0x02014b50) break;
    view.setUint16(p + 12, TIME, true);
    view.setUint16(p + 14, DATE, true);
    const local = view.getUint32(p + 42, true);
    if (local + 30 <= bytes.length && view.getUint32(local, true) === 0x04034b50) {
      view.setUint16(local + 10, TIME, true);
      view.setUint16(local + 12, DATE, true);
    }
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return bytes;
}
