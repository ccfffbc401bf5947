/**
 * `mentor-match/csv`: reading survey exports (decoding, delimiter, CSV parsing, column mapping, cell
 * values) and writing CSV. The package root (`mentor-match`)
 * re-exports this entry whole.
 */

// ── errors ────────────────────────────────────────────────────────────────────────────────────────
export { InputFileError, isMentorMatchError, MentorMatchError } from "../errors.js";
export type { ErrorCode, ErrorLocation, MentorMatchErrorOptions } from "../errors.js";

// ── csv ───────────────────────────────────────────────────────────────────────────────────────────
export { decodeText } from "../csv/decodeText.js";
export type { DecodedText, DecodeTextOptions, TextEncodingName } from "../csv/decodeText.js";
export { DELIMITERS, detectDelimiter } from "../csv/detectDelimiter.js";
export type { Delimiter } from "../csv/detectDelimiter.js";
export { readCsv } from "../csv/readCsv.js";
export type { CsvRow, CsvTable, ReadCsvOptions } from "../csv/readCsv.js";
export { mapColumns } from "../csv/mapColumns.js";
export type { ColumnField, ColumnMapping, ColumnMatch, MapColumnsOptions } from "../csv/mapColumns.js";
export { parseYesNo } from "../csv/parseYesNo.js";
export { parseNumberCell } from "../csv/parseNumberCell.js";
export type { NumberCell } from "../csv/parseNumberCell.js";
export { parseTimestamp } from "../csv/parseTimestamp.js";
export { parseMultiSelect } from "../csv/parseMultiSelect.js";
export type { MultiSelectCell } from "../csv/parseMultiSelect.js";
export { columnFieldsOf, readParticipants } from "../csv/readParticipants.js";
export type {
  ParticipantRecord,
  ParticipantSource,
  ParticipantsRead,
  QuestionSpec,
  ReadParticipantsOptions,
  ReadWarning,
  SourceRef,
} from "../csv/readParticipants.js";
export { neutralizeCell } from "../csv/neutralizeCell.js";
export { formatCsv } from "../csv/formatCsv.js";
export type { FormatCsvOptions } from "../csv/formatCsv.js";
