/**
 * A survey export → a table of trimmed-down rows, each with the row number a spreadsheet shows.
 */
import { type CsvError, parse } from "csv-parse/sync";
import { InputFileError } from "../errors.js";
import { isBlank } from "./_internal/text.js";
import { decodeText, type TextEncodingName } from "./decodeText.js";
import { type Delimiter, detectDelimiter } from "./detectDelimiter.js";

/** One data row: its 1-based row number as a spreadsheet shows it (the header is row 1) and its cells. */
export interface CsvRow {
  readonly row: number;
  /** Exactly one cell per header column. */
  readonly cells: readonly string[];
}

/** A parsed export. Row-level problems are collected in `problems`; the rows they concern are left out. */
export interface CsvTable {
  readonly file: string;
  readonly encoding: TextEncodingName;
  readonly delimiter: Delimiter;
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
  /** Row-level errors (ragged rows); a run with problems must stop before matching. */
  readonly problems: readonly InputFileError[];
}

/** Options of {@link readCsv}. */
export interface ReadCsvOptions {
  /** File name used in messages. @defaultValue "input" */
  readonly file?: string;
  /** Column delimiter. @defaultValue detected by {@link detectDelimiter} */
  readonly delimiter?: Delimiter;
  /** Encoding of byte input. @defaultValue detected by {@link decodeText} */
  readonly encoding?: TextEncodingName;
  /** Largest file accepted, in bytes. @defaultValue 50 MB */
  readonly maxBytes?: number;
  /**
   * Most data rows accepted: a file with more is refused (`FILE_TOO_LARGE`, `details.maxRows`) after
   * reading one row past the limit, never parsed whole. @defaultValue 200,000
   */
  readonly maxRows?: number;
}

/** Largest survey export read by default (50 MiB: far above any school's, far below Node's string limit). */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/**
 * Most data rows of one file read by default: far above any school's or region's program, and a size at
 * which scoring, matching and the reports stay within memory; a 1,000,000-row file is refused up front.
 */
export const DEFAULT_MAX_ROWS = 200_000;

function fail(
  code: "EMPTY_FILE" | "HEADER_ONLY" | "DELIMITER",
  file: string,
  problem: string,
  hint: string,
): InputFileError {
  return new InputFileError(code, problem, { location: { file }, hint });
}

/** The first of `,` `;` tab other than `used` that `cell` holds, or null. */
function otherDelimiterIn(cell: string, used: Delimiter): Delimiter | null {
  for (const d of [",", ";", "\t"] as const) if (d !== used && cell.includes(d)) return d;
  return null;
}

/**
 * Reads a CSV export: decodes it, detects the delimiter, parses it with csv-parse (quoted multi-line cells,
 * `""` escapes), drops fully blank rows and blank trailing columns, and checks that every row has as many
 * cells as the header.
 *
 * Complexity: O(n) in the size of the file.
 *
 * @param input - the file's bytes, or text already decoded.
 * @param options - file name, delimiter, encoding, size limit.
 * @returns the header, the rows with their spreadsheet row numbers, and row-level problems (`RAGGED_ROW`).
 * @throws InputFileError `FILE_TOO_LARGE` (over `maxBytes`, or over `maxRows` data rows), `ENCODING`, `EMPTY_FILE`, `HEADER_ONLY`, `DELIMITER` (one column
 *   only), `CSV_SYNTAX` (an unclosed or stray quote, with the row where the parser stopped).
 *
 * @example
 * const table = readCsv("id;Класс\nm1;10\n", { file: "mentors.csv" });
 * table.rows[0]; // { row: 2, cells: ["m1", "10"] }
 */
export function readCsv(input: Uint8Array | string, options: ReadCsvOptions = {}): CsvTable {
  const file = options.file ?? "input";
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const size = typeof input === "string" ? input.length : input.byteLength;
  if (size > maxBytes) {
    throw new InputFileError("FILE_TOO_LARGE", `The file is ${size} bytes; the limit is ${maxBytes} bytes.`, {
      location: { file },
      hint: "Split the file into parts (for example, by grade), or check that this is the survey export.",
      details: { size, maxBytes },
    });
  }
  let text: string;
  let encoding: TextEncodingName;
  if (typeof input === "string") {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    encoding = "utf-8";
  } else {
    ({ text, encoding } = decodeText(input, {
      file,
      ...(options.encoding ? { encoding: options.encoding } : {}),
    }));
  }
  if (text.trim() === "") {
    throw fail(
      "EMPTY_FILE",
      file,
      "The file is empty.",
      "Export the questionnaire answers again, with the header row.",
    );
  }
  const delimiter = options.delimiter ?? detectDelimiter(text);
  if (delimiter === null) {
    throw fail(
      "DELIMITER",
      file,
      "The header row has a single column: no comma, semicolon or tab separates the columns.",
      "Save the file as CSV with commas or semicolons between the columns, or name the delimiter (the `delimiter` option; on the command line --input-delimiter).",
    );
  }
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  let records: string[][];
  try {
    const parseOptions = { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true };
    // Stop one record past the limit (header included): a huge file is refused without being parsed whole.
    const cap = maxRows + 2;
    records = parse(text, { ...parseOptions, to: cap }) as string[][];
    if (records.length >= cap) {
      let data = -1; // the header is not a data row
      for (const r of records) if (!r.every(isBlank)) data++;
      if (data > maxRows) {
        throw new InputFileError(
          "FILE_TOO_LARGE",
          `The file has more than ${maxRows} rows; the limit is ${maxRows} rows.`,
          {
            location: { file },
            hint: "Split the file into parts (for example, by school or grade), or check that this is the survey export.",
            details: { maxRows },
          },
        );
      }
      // Blank lines filled the cap: read the whole file after all.
      records = parse(text, parseOptions) as string[][];
    }
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    const e = error as CsvError & { records?: number; lines?: number };
    const row = (e.records ?? 0) + 1;
    throw new InputFileError(
      "CSV_SYNTAX",
      `The CSV cannot be read from this row on: ${describeCsvError(e.code)}.`,
      {
        location: { file, row },
        hint: 'Check the quotes in this row: a cell that contains a quote must be quoted and have it doubled ("").',
        details: { parserCode: e.code, line: e.lines },
        cause: error,
      },
    );
  }
  let first = 0;
  while (first < records.length && records[first]!.every(isBlank)) first++;
  if (first === records.length) {
    throw fail(
      "EMPTY_FILE",
      file,
      "The file has no rows.",
      "Export the questionnaire answers again, with the header row.",
    );
  }
  const rawHeader = records[first]!.map((h) => h.replace(/^\uFEFF/, "").trim());
  let width = rawHeader.length;
  // Blank trailing header cells whose columns are blank too (a trailing delimiter) are dropped.
  while (width > 1 && rawHeader[width - 1] === "" && records.every((r) => isBlank(r[width - 1]))) width--;
  const header = rawHeader.slice(0, width);
  if (header.length < 2) {
    throw fail(
      "DELIMITER",
      file,
      `The header row has a single column with the delimiter "${printable(delimiter)}".`,
      "Save the file as CSV with commas or semicolons between the columns, or name the delimiter (the `delimiter` option; on the command line --input-delimiter).",
    );
  }
  const rows: CsvRow[] = [];
  const problems: InputFileError[] = [];
  for (let r = first + 1; r < records.length; r++) {
    const cells = records[r]!;
    if (cells.every(isBlank)) continue;
    const row = r + 1;
    let count = cells.length;
    while (count > width && isBlank(cells[count - 1])) count--;
    if (count !== width) {
      // One cell where the header has several, holding another delimiter: the row was written with it.
      const other = count === 1 && width > 1 ? otherDelimiterIn(cells[0] ?? "", delimiter) : null;
      problems.push(
        new InputFileError(
          "RAGGED_ROW",
          `The row has ${count} cell${count === 1 ? "" : "s"}; the header has ${width}.`,
          {
            location: { file, row },
            hint:
              other !== null
                ? `This row separates its cells with "${printable(other)}", the header with "${printable(delimiter)}": save the file again with one delimiter.`
                : count < width
                  ? "A line break inside a cell that is not quoted splits a row in two: join the lines or quote the cell."
                  : "A cell holds the delimiter without quotes: quote the cell or remove the extra delimiter.",
            details: {
              cells: count,
              expected: width,
              ...(other === null
                ? {}
                : { delimiter: printable(other), headerDelimiter: printable(delimiter) }),
            },
          },
        ),
      );
      continue;
    }
    rows.push({ row, cells: count === cells.length ? cells : cells.slice(0, width) });
  }
  if (rows.length === 0 && problems.length === 0) {
    throw fail(
      "HEADER_ONLY",
      file,
      "The file has a header row but no answers.",
      "Export the answers after people have filled in the questionnaire.",
    );
  }
  return { file, encoding, delimiter, header, rows, problems };
}

function printable(delimiter: Delimiter): string {
  return delimiter === "\t" ? "tab" : delimiter;
}

function describeCsvError(code: string | undefined): string {
  switch (code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "a quoted cell is never closed";
    case "CSV_INVALID_CLOSING_QUOTE":
      return "a quote is followed by text instead of a delimiter";
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return "text after a closing quote";
    case "INVALID_OPENING_QUOTE":
      return "a quote inside a cell that is not quoted";
    default:
      return `the parser stopped (${code ?? "unknown"})`;
  }
}
