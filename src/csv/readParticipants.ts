/**
 * Survey exports → participant records: the columns mapped to fields and questions, every cell read as
 * its question expects, duplicate submissions resolved, preferences by name resolved to ids. The steps
 * live in ./_internal: fileColumns (columns), readRow (a row: role, identity, numbers; consentCells,
 * questionCells), dedupe (identity and duplicates), resolvePreferences.
 */
import type { InputFileError } from "../errors.js";
import { dedupe } from "./_internal/dedupe.js";
import { resolveFileColumns } from "./_internal/fileColumns.js";
import type { Draft } from "./_internal/participantDraft.js";
import { type UnknownOptions, unknownOptionWarnings } from "./_internal/questionCells.js";
import { readRow } from "./_internal/readRow.js";
import { resolvePreferences } from "./_internal/resolvePreferences.js";
import { columnFieldsOf } from "./columnFieldsOf.js";
import type { ColumnMapping } from "./mapColumns.js";
import type {
  DroppedRow,
  ParticipantSource,
  ParticipantsRead,
  ReadParticipantsOptions,
  ReadWarning,
} from "./participantTypes.js";

export { columnFieldsOf } from "./columnFieldsOf.js";
export type {
  DroppedRow,
  ParticipantRecord,
  ParticipantSource,
  ParticipantsRead,
  QuestionSpec,
  ReadParticipantsOptions,
  ReadWarning,
  SourceRef,
} from "./participantTypes.js";

/**
 * Reads participants from one or more parsed exports.
 *
 * Columns are mapped to fields with {@link mapColumns} (the program config's `columns` first). Cells:
 * multi-select as Google/Yandex Forms join them; yes/no in Russian and English; numbers as digits, words,
 * ranges («до 3» is 3 for a capacity; «3-5» is its lower end elsewhere); timestamps. A participant who
 * submitted twice (same id, or same e-mail) keeps the latest timestamp, with a warning naming both rows;
 * without timestamps the same id twice is `DUPLICATE_ID`. Preferences may name people by id, e-mail, full
 * name or surname (of the other role); an unknown or ambiguous name is a warning.
 *
 * Complexity: O(R · C) for R rows and C columns, plus O(P · N) to resolve P preference entries among N people.
 *
 * @param sources - the files, each with its role or a role column.
 * @param options - the program's questions and the explicit column mapping.
 * @returns the records, where each came from, the mappings, errors and warnings (errors are returned, not
 *   thrown, so that `validate` can report every one).
 * @throws never for bad cells (they are in `problems`).
 *
 * @example
 * const table = readCsv("Код;ФИО;Согласие\nS01;Анна;Да\n", { file: "mentees.csv" });
 * const read = readParticipants([{ table, role: "mentee" }], { questions: [] });
 * read.participants[0]; // { id: "S01", role: "mentee", name: "Анна", consent: true, … }
 */
export function readParticipants(
  sources: readonly ParticipantSource[],
  options: ReadParticipantsOptions,
): ParticipantsRead {
  const questions = options.questions;
  const fields = columnFieldsOf(questions);
  const questionByKey = new Map(questions.map((q) => [`q:${q.id}`, q]));
  const problems: InputFileError[] = [];
  const warnings: ReadWarning[] = [];
  const mappings: { file: string; mapping: ColumnMapping }[] = [];
  const drafts: Draft[] = [];
  const unknownOptions: UnknownOptions = new Map();

  for (const { table, role: fileRole } of sources) {
    problems.push(...table.problems);
    const columns = resolveFileColumns(table, fileRole, fields, options, problems, mappings);
    if (columns === undefined) continue;
    const reading = {
      columns,
      questionByKey,
      unclearConsent: options.unclearConsent,
      problems,
      warnings,
      unknownOptions,
    };
    for (const { row, cells } of table.rows) {
      const draft = readRow(reading, row, cells);
      if (draft !== undefined) drafts.push(draft);
    }
  }

  unknownOptionWarnings(unknownOptions, warnings);
  const dropped: DroppedRow[] = [];
  const kept = dedupe(drafts, problems, warnings, dropped);
  resolvePreferences(kept, warnings);
  return {
    participants: kept.map((d) => d.record),
    sources: kept.map((d) => d.source),
    mappings,
    problems,
    warnings,
    dropped,
  };
}
