/**
 * The participant reader's first step for one file: its columns mapped to fields, and the layouts that
 * stop the run named (a headerless file, two columns for one field, no role, identity or consent column).
 */
import { InputFileError } from "../../errors.js";
import { type ColumnField, type ColumnMapping, mapColumns } from "../mapColumns.js";
import type { CsvTable } from "../readCsv.js";
import type { StandardField } from "./fields.js";
import { headerlessProblem } from "./headerless.js";
import { normalizeKey } from "./text.js";

/** One file's columns as the row reader uses them. */
export interface FileColumns {
  readonly file: string;
  readonly header: readonly string[];
  readonly mapping: ColumnMapping;
  /** The role of every row of the file, or undefined for a file with a role column. */
  readonly fileRole: "mentor" | "mentee" | undefined;
  /** The column of a standard field, or -1. */
  readonly col: (key: StandardField) => number;
}

/** What the reader's options say about columns. */
export interface ColumnOptions {
  /** Header → field key, from the program config. */
  readonly columns?: Readonly<Record<string, string>> | undefined;
  /** Whether a file needs a consent column. @defaultValue true */
  readonly requireConsent?: boolean | undefined;
}

/**
 * Maps one file's columns to fields and checks the layout. The mapping is added to `mappings` whenever
 * the file has headers; a layout problem goes to `problems`. O(h · L) for h headers and L labels, plus
 * what {@link mapColumns} reads of the rows.
 *
 * @returns the file's columns, or undefined when its rows cannot be read (no headers, no role column, no
 *   column that tells participants apart). A missing consent column is a problem, yet the rows are read.
 */
export function resolveFileColumns(
  table: CsvTable,
  fileRole: "mentor" | "mentee" | undefined,
  fields: readonly ColumnField[],
  options: ColumnOptions,
  problems: InputFileError[],
  mappings: { file: string; mapping: ColumnMapping }[],
): FileColumns | undefined {
  const file = table.file;
  const headerless = headerlessProblem(table);
  if (headerless !== undefined) {
    problems.push(headerless);
    return undefined;
  }
  const mapping = mapColumns(table.header, fields, {
    ...(options.columns === undefined ? {} : { given: options.columns }),
    rows: table.rows.map((r) => r.cells),
    ...(fileRole === undefined ? {} : { role: fileRole }),
  });
  mappings.push({ file, mapping });
  const col = (key: StandardField): number => mapping.byKey.get(key) ?? -1;
  const ties = tiesBehindGiven(table.header, fields, mapping);
  const seconds = secondConsentColumns(table.header, fields, mapping).filter(
    (d) => !ties.some((t) => t.key === d.key),
  );
  for (const a of [...mapping.ambiguous, ...ties, ...seconds]) {
    problems.push(
      new InputFileError("DUPLICATE_COLUMN", `Several columns could be "${a.key}".`, {
        location: { file, column: table.header[a.indices[1]!]! },
        hint: 'Rename one of the columns, or name the right one in the program config ("columns").',
        details: { key: a.key, columns: a.indices.map((i) => i + 1).join(",") },
      }),
    );
  }
  if (fileRole === undefined && col("role") === -1) {
    problems.push(
      new InputFileError("MISSING_COLUMN", "The file has no role column (mentor or mentee).", {
        location: { file },
        hint: "Add a column «Роль» with «наставник» or «наставляемый» in each row, or give the file with --mentors / --mentees.",
        details: { what: "role" },
      }),
    );
    return undefined;
  }
  if (col("id") === -1 && col("email") === -1 && col("name") === -1 && col("surname") === -1) {
    problems.push(
      new InputFileError(
        "MISSING_COLUMN",
        "The file has no id, e-mail or name column to tell participants apart.",
        {
          location: { file },
          hint: "Add a column «Код участника» with a code for each row.",
          details: { what: "id" },
        },
      ),
    );
    return undefined;
  }
  if (options.requireConsent !== false && col("consent") === -1 && col("guardianConsent") === -1) {
    problems.push(
      new InputFileError(
        "MISSING_COLUMN",
        "The file has no consent column: without consent nobody in it can be matched.",
        {
          location: { file },
          hint: 'Add the questionnaire\'s consent column («Согласие на обработку персональных данных», or «Согласие родителя (законного представителя)» for minors), or name it in the program config ("columns").',
          details: { what: "consent" },
        },
      ),
    );
  }
  return { file, header: table.header, mapping, fileRole, col };
}

/**
 * Columns the config leaves unmapped that, by their headers alone, would feed a field the config maps to
 * another column: a tie for that field (the layout that is `DUPLICATE_COLUMN` without a config), or, for
 * the consent fields, the column a header match would take. The config chose one, but the other would be
 * silently dropped — a second consent column saying «нет» must never be. A column the config maps to
 * another field is a decision, not a duplicate. O(h · L).
 */
function tiesBehindGiven(
  header: readonly string[],
  fields: readonly ColumnField[],
  mapping: ColumnMapping,
): { key: string; indices: number[] }[] {
  if (!mapping.columns.some((c) => c.how === "given")) return [];
  const guessed = mapColumns(header, fields);
  const ties: { key: string; indices: number[] }[] = [];
  const add = (key: string, candidates: readonly number[]) => {
    const chosen = mapping.byKey.get(key);
    if (chosen === undefined || mapping.columns[chosen]!.how !== "given") return;
    if (mapping.ambiguous.some((m) => m.key === key) || ties.some((t) => t.key === key)) return;
    const others = candidates.filter((i) => i !== chosen && mapping.columns[i]!.how !== "given");
    if (others.length > 0) ties.push({ key, indices: [chosen, ...others] });
  };
  for (const a of guessed.ambiguous) add(a.key, a.indices);
  for (const key of ["consent", "guardianConsent"]) {
    const c = guessed.byKey.get(key);
    if (c !== undefined) add(key, [c]);
  }
  return ties;
}

/**
 * A second column for a consent field, in any mode: a column no config names whose header holds a specific
 * label of a consent field already fed by another column («Согласие родителя (2)» beside «Согласие
 * родителя»). A «нет» in it must never be dropped. Bare «Согласие» / "consent" is not specific (it is in
 * «Согласие на фотосъёмку» too). O(h · L).
 */
function secondConsentColumns(
  header: readonly string[],
  fields: readonly ColumnField[],
  mapping: ColumnMapping,
): { key: string; indices: number[] }[] {
  const found: { key: string; indices: number[] }[] = [];
  for (const key of ["guardianConsent", "consent"]) {
    const chosen = mapping.byKey.get(key);
    if (chosen === undefined || mapping.ambiguous.some((m) => m.key === key)) continue;
    const labels = (fields.find((f) => f.key === key)?.labels ?? [])
      .map(normalizeKey)
      .filter((l) => key === "guardianConsent" || l.length >= 12);
    const others: number[] = [];
    for (let c = 0; c < header.length; c++) {
      const col = mapping.columns[c]!;
      if (c === chosen || col.how === "given" || (col.key !== null && col.key !== key && col.how === "exact"))
        continue;
      const h = ` ${normalizeKey(header[c]!).replace(/[^\p{L}\p{N}]+/gu, " ")} `;
      if (labels.some((l) => h.includes(` ${l.replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `))) others.push(c);
    }
    if (others.length > 0) found.push({ key, indices: [chosen, ...others] });
  }
  return found;
}
