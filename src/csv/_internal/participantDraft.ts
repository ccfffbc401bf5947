/**
 * What the participant reader passes between its steps: a row as read (a draft, before duplicates are
 * resolved and preferences turned into ids), and one row's cells seen by standard field.
 */
import type { InputFileError } from "../../errors.js";
import type { ParticipantRecord, QuestionSpec, ReadWarning, SourceRef } from "../participantTypes.js";
import type { StandardField } from "./fields.js";
import type { FileColumns } from "./fileColumns.js";
import type { UnknownOptions } from "./questionCells.js";

/** A row read into a record, with what the later steps need of it. */
export interface Draft {
  record: ParticipantRecord;
  source: SourceRef;
  timestamp: number | null;
  preferenceCell: string | null;
  preferenceColumn: string;
  /** The header of the column that identifies the row (id, else e-mail, else name). */
  idColumn: string;
}

/** What reading a row needs besides the row: its file's columns, the questions and the sinks. */
export interface RowReading {
  readonly columns: FileColumns;
  readonly questionByKey: ReadonlyMap<string, QuestionSpec>;
  readonly unclearConsent: "error" | "no" | undefined;
  readonly problems: InputFileError[];
  readonly warnings: ReadWarning[];
  readonly unknownOptions: UnknownOptions;
}

/** One row's cells, by standard field. */
export interface RowView {
  readonly file: string;
  readonly row: number;
  readonly cells: readonly string[];
  /** The trimmed cell of a standard field, or "" when the file has no such column. */
  readonly at: (key: StandardField) => string;
  /** The header of a standard field's column, or the field's key when the file has none. */
  readonly columnName: (key: StandardField) => string;
}

/** A view of one row's cells by standard field. O(1). */
export function rowView(columns: FileColumns, row: number, cells: readonly string[]): RowView {
  const { col, header } = columns;
  return {
    file: columns.file,
    row,
    cells,
    at: (key) => {
      const c = col(key);
      return c === -1 ? "" : (cells[c] ?? "").trim();
    },
    columnName: (key) => header[col(key)] ?? key,
  };
}
