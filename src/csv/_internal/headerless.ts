/** A file whose first row is data, not headers (a hand-made list, a ranked-list export without a header). */
import { InputFileError } from "../../errors.js";
import { parseNumberCell } from "../parseNumberCell.js";
import { parseTimestamp } from "../parseTimestamp.js";
import type { CsvTable } from "../readCsv.js";
import { profileColumn } from "./profiles.js";

type DataKind = "email" | "personName" | "number" | "date" | "code";

const EMAIL = /^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$/;
const CODE = /^[\p{L}]{0,4}[-_]?\d{1,6}$/u;
const NAME_WORD = /^(\p{Lu}[\p{Ll}'’-]+|\p{Lu}\.(\s?\p{Lu}\.)?)$/u;

function kindOf(cell: string): DataKind | null {
  const s = cell.trim();
  if (s === "") return null;
  if (EMAIL.test(s)) return "email";
  if (/\d/.test(s) && /[./-]/.test(s) && typeof parseTimestamp(s) === "number") return "date";
  if (CODE.test(s) && /\d/.test(s)) return /^\d+$/.test(s) ? "number" : "code";
  const n = parseNumberCell(s);
  if (n !== undefined && n !== null && /\d/.test(s)) return "number";
  const words = s.split(/\s+/);
  if (words.length >= 2 && words.length <= 4 && words.every((w) => NAME_WORD.test(w))) return "personName";
  return null;
}

function shareOf(cells: readonly string[], kind: DataKind): number {
  if (kind !== "code") {
    const p = profileColumn(cells);
    return kind === "email" || kind === "personName" || kind === "number" || kind === "date"
      ? p.share[kind]
      : 0;
  }
  let filled = 0;
  let fit = 0;
  for (const c of cells) {
    if (c.trim() === "") continue;
    filled++;
    if (kindOf(c) === "code") fit++;
  }
  return filled === 0 ? 0 : fit / filled;
}

/**
 * The problem of a file whose first row looks like data: header cells that are e-mails or dates, or, in
 * at least half of the columns, a header cell of the same kind as the column's values (codes, numbers,
 * person names). O(rows · columns).
 *
 * @param table - the parsed file.
 * @returns a `NO_HEADER` error naming the file and the columns, or undefined when the header looks like one.
 * @throws never.
 */
export function headerlessProblem(table: CsvTable): InputFileError | undefined {
  const header = table.header;
  const dataLike: number[] = [];
  let certain = false;
  for (let c = 0; c < header.length; c++) {
    const kind = kindOf(header[c]!);
    if (kind === null) continue;
    if (kind === "email") certain = true;
    const cells = table.rows.map((r) => r.cells[c] ?? "");
    if (kind === "email" || kind === "date" || shareOf(cells, kind) >= 0.5) dataLike.push(c);
  }
  const filledHeaders = header.filter((h) => h.trim() !== "").length;
  if (!certain && (dataLike.length === 0 || dataLike.length * 2 < filledHeaders)) return undefined;
  const shown = dataLike.slice(0, 5).map((c) => c + 1);
  return new InputFileError(
    "NO_HEADER",
    `The first row looks like data, not headers (column${shown.length > 1 ? "s" : ""} ${shown.join(", ")}${dataLike.length > 5 ? ", …" : ""}).`,
    {
      location: { file: table.file, row: 1 },
      hint: "Add a first row naming each column (e.g. «Код участника», «ФИО», «Предпочтения» or Participant code, Name, Preferences), as a form export has it; then run init again.",
      details: { columns: shown.join(",") },
    },
  );
}
