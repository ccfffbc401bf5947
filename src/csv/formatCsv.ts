/** Tables → CSV text that opens correctly in Excel with Cyrillic. */
import { stringify } from "csv-stringify/sync";
import type { Delimiter } from "./detectDelimiter.js";
import { neutralizeCell } from "./neutralizeCell.js";

/** Options of {@link formatCsv}. */
export interface FormatCsvOptions {
  /** Column delimiter; `;` suits Excel in Russian locales. @defaultValue "," */
  readonly delimiter?: Delimiter;
  /** Start with a UTF-8 byte order mark, so Excel reads the file as UTF-8. @defaultValue true */
  readonly bom?: boolean;
}

/**
 * Writes a header and rows as CSV (csv-stringify; CRLF line ends; quotes where needed), every cell passed
 * through {@link neutralizeCell}.
 *
 * Complexity: O(total length of the cells).
 *
 * @param header - the column names.
 * @param rows - the rows; each cell a string, number, boolean or empty.
 * @param options - delimiter and BOM.
 * @returns the CSV text (starting with U+FEFF when `bom`).
 * @throws never.
 *
 * @example
 * formatCsv(["id", "score"], [["=1+1", 0.5]], { delimiter: ";" }); // "\uFEFFid;score\r\n'=1+1;0.5\r\n"
 */
export function formatCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
  options: FormatCsvOptions = {},
): string {
  const delimiter = options.delimiter ?? ",";
  const bom = options.bom ?? true;
  const records: string[][] = [header.map(neutralizeCell)];
  for (const row of rows) records.push(row.map(neutralizeCell));
  const body = stringify(records, { delimiter, record_delimiter: "\r\n", quoted_match: /^\s|\s$/ });
  return bom ? `\uFEFF${body}` : body;
}
