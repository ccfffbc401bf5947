/** The one guard against CSV formula injection, used by every writer of mentor-match. */

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Makes a cell safe to open in a spreadsheet: a text that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return gets a leading apostrophe, so Excel, LibreOffice and Google Sheets show it as text
 * instead of running it as a formula (OWASP, "CSV Injection"). Numbers are written as they are.
 *
 * Complexity: O(1) (plus a copy of the string when it is changed).
 *
 * @param value - a cell value.
 * @returns the value as text, neutralised when needed; `""` for `null` / `undefined`.
 * @throws never.
 *
 * @example
 * neutralizeCell("=HYPERLINK(\"http://x\")"); // "'=HYPERLINK(\"http://x\")"
 * neutralizeCell(-0.5); // "-0.5"
 */
export function neutralizeCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  return FORMULA_START.test(value) ? `'${value}` : value;
}
