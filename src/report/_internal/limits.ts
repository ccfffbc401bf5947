/** How much of a very large run the reports list: beyond the limit, a section is summarised. */
import type { Language } from "../../language.js";

/**
 * Rows listed per section of report.html and report.md (pairs, unmatched, idle mentors, excluded,
 * warnings). Beyond it, the section shows the first rows and says how many more are in the CSV file; the
 * CSV and JSON outputs always hold every row.
 */
export const REPORT_ROW_LIMIT = 2000;

/** The line after a cut section: how many rows are left out and where they all are. */
export function moreRowsText(language: Language, more: number, file: string): string {
  return language === "ru"
    ? `… и ещё ${more}: в отчёте показаны первые ${REPORT_ROW_LIMIT}, полный список — в ${file}.`
    : `… and ${more} more: the report shows the first ${REPORT_ROW_LIMIT}; the full list is in ${file}.`;
}

/** Appends every line without spreading them into arguments (a spread of 100,000 lines overflows the stack). */
export function pushAll(out: string[], lines: readonly string[]): void {
  for (const line of lines) out.push(line);
}
