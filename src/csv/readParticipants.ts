/**
 * Survey exports → participant records: the columns mapped to fields and questions, every cell read as
 * its question expects, duplicate submissions resolved, preferences by name resolved to ids.
 */
import { InputFileError } from "../errors.js";
import {
  QUESTION_SYNONYMS,
  roleOf,
  STANDARD_FIELDS,
  STANDARD_PROFILES,
  type StandardField,
  TAG_SYNONYMS,
} from "./_internal/fields.js";
import { lookupOf } from "./_internal/options.js";
import { type FieldProfile, isDayWord } from "./_internal/profiles.js";
import { isBlank, normalizeKey } from "./_internal/text.js";
import { headerlessProblem } from "./_internal/headerless.js";
import { type ColumnField, type ColumnMapping, mapColumns } from "./mapColumns.js";
import { parseMultiSelect } from "./parseMultiSelect.js";
import { parseNumberCell } from "./parseNumberCell.js";
import { parseTimestamp } from "./parseTimestamp.js";
import { parseYesNo } from "./parseYesNo.js";
import type { CsvTable } from "./readCsv.js";

/** A programme question as the reader needs it. */
export interface QuestionSpec {
  readonly id: string;
  /** How a cell is read: options chosen, one option, a number, yes/no, or free text. */
  readonly kind: "multi" | "single" | "number" | "boolean" | "text";
  /** The options of a choice question, spelled as the programme spells them. */
  readonly options?: readonly string[];
  /** Headers that name this question (its Russian and English labels, its id). */
  readonly labels: readonly string[];
  /** Who answers it. @defaultValue "both" */
  readonly role?: "mentor" | "mentee" | "both";
}

/** One participant as read from a row: plain data for the programme's participant schema. */
export interface ParticipantRecord {
  id: string;
  role: "mentor" | "mentee";
  name?: string;
  email?: string;
  answers: Record<string, unknown>;
  grade?: number;
  age?: number;
  birthDate?: string;
  experienceYears?: number;
  organisation?: string;
  tags: string[];
  roleModel?: string;
  /** Own consent, when the export has the column. */
  consent?: boolean;
  /** A parent's or guardian's consent, when the export has the column. */
  guardianConsent?: boolean;
  capacity?: number;
  /** Partner ids, best first (names and e-mails already resolved). */
  preferences: string[];
}

/** Where a record came from. */
export interface SourceRef {
  readonly file: string;
  readonly row: number;
}

/** A problem that does not stop the run. `details` holds no personal data. */
export interface ReadWarning {
  readonly code:
    | "DUPLICATE_SUBMISSION"
    | "UNKNOWN_PREFERENCE"
    | "AMBIGUOUS_PREFERENCE"
    | "UNKNOWN_OPTION"
    | "GENERATED_ID"
    /** Two rows of one role with the same full name and different codes (perhaps one person twice). */
    | "SAME_NAME";
  readonly message: string;
  readonly location: SourceRef & { readonly column?: string };
  readonly details: Readonly<Record<string, string | number>>;
}

/** One input file: a parsed table and, for one-role files, its role. */
export interface ParticipantSource {
  readonly table: CsvTable;
  /** The role of every row; omit for a file with a role column. */
  readonly role?: "mentor" | "mentee";
}

/** Options of {@link readParticipants}. */
export interface ReadParticipantsOptions {
  /** The programme's questions. */
  readonly questions: readonly QuestionSpec[];
  /** Header → field key (`id`, `email`, … or `q:<question id>`), from the programme config. */
  readonly columns?: Readonly<Record<string, string>>;
  /**
   * Whether the programme requires consent: then a file with neither a consent nor a guardian's consent
   * column is a `MISSING_COLUMN` problem (else everyone in it would be excluded without a word).
   * @defaultValue true
   */
  readonly requireConsent?: boolean;
}

/** What {@link readParticipants} returns. */
export interface ParticipantsRead {
  /** Every participant kept (a duplicate submission keeps the latest), in input order. */
  readonly participants: readonly ParticipantRecord[];
  /** `sources[k]` is where `participants[k]` came from. */
  readonly sources: readonly SourceRef[];
  /** The column mapping of each file. */
  readonly mappings: readonly { readonly file: string; readonly mapping: ColumnMapping }[];
  /** Errors (the run must stop): file, row, column and what to do. */
  readonly problems: readonly InputFileError[];
  readonly warnings: readonly ReadWarning[];
}

interface Draft {
  record: ParticipantRecord;
  source: SourceRef;
  timestamp: number | null;
  preferenceCell: string | null;
  preferenceColumn: string;
  /** The header of the column that identifies the row (id, else e-mail, else name). */
  idColumn: string;
}

/**
 * The fields a column can be mapped to: the standard ones (id, name, e-mail, consent …, with Russian and
 * English headers) and one `q:<id>` per question, labelled by its labels and id.
 *
 * Complexity: O(number of questions).
 *
 * @param questions - the programme's questions.
 * @returns the fields for {@link mapColumns}.
 * @throws never.
 *
 * @example
 * mapColumns(["ФИО", "Хобби"], columnFieldsOf([{ id: "hobby", kind: "text", labels: ["Хобби"] }])).byKey;
 * // Map { "name" => 0, "q:hobby" => 1 }
 */
export function columnFieldsOf(questions: readonly QuestionSpec[]): ColumnField[] {
  const standard = STANDARD_FIELDS.map((f) => {
    const profile = STANDARD_PROFILES[f.key];
    return profile === undefined ? f : { ...f, profile };
  });
  return [...standard, ...questions.map(questionField)];
}

/** A question as a column field: its labels, id and usual wordings; what its values look like. */
function questionField(q: QuestionSpec): ColumnField {
  const profile: FieldProfile =
    q.kind === "number"
      ? { kind: "number" }
      : q.kind === "boolean"
        ? { kind: "yesNo" }
        : q.kind === "text"
          ? { kind: "any" }
          : {
              kind: "choice",
              ...(q.options === undefined ? {} : { options: q.options }),
              ...(q.options !== undefined && q.options.filter(isDayWord).length * 2 >= q.options.length
                ? { days: true }
                : {}),
            };
  return {
    key: `q:${q.id}`,
    labels: [...q.labels, q.id, ...(QUESTION_SYNONYMS[q.id] ?? [])],
    profile,
    role: q.role ?? "both",
  };
}

function fnv(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let k = 0; k < text.length; k++) {
    h ^= text.charCodeAt(k);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A stable id from an e-mail or a name, so that shuffled rows give the same ids; never the name itself. */
function generatedId(role: "mentor" | "mentee", key: string): string {
  const a = fnv(key, 0x811c9dc5).toString(16).padStart(8, "0");
  const b = fnv(key, 0x01234567).toString(16).padStart(8, "0");
  return `${role === "mentor" ? "M" : "S"}-${a}${b.slice(0, 4)}`;
}

type NumberKind = "capacity" | "age" | "experience" | "grade" | "number";

const NUMBER_WHAT: Readonly<Record<NumberKind, string>> = {
  capacity: "a number of mentees (0 to 1000)",
  age: "an age",
  experience: "a number of years",
  grade: "a grade (1 to 11, e.g. «7Б»)",
  number: "a number",
};

const NUMBER_HINT: Readonly<Record<NumberKind, string>> = {
  capacity: "Write how many mentees the mentor takes: «2», «два», «до 3» or «5+».",
  age: "Write the age in whole years, e.g. «15».",
  experience: "Write the years, e.g. «3», «три года» or «более 10 лет».",
  grade: "Write the grade as a number from 1 to 11, e.g. «7» or «7Б» (in a college form: the year of study).",
  number: "Write a number (digits or a word such as «два»), or a range such as «3-5» or «до 3».",
};

function numberProblem(file: string, row: number, column: string, what: NumberKind): InputFileError {
  return new InputFileError("NOT_A_NUMBER", `The cell is not ${NUMBER_WHAT[what]}.`, {
    location: { file, row, column },
    hint: NUMBER_HINT[what],
    details: { what },
  });
}

/**
 * Reads participants from one or more parsed exports.
 *
 * Columns are mapped to fields with {@link mapColumns} (the programme config's `columns` first). Cells:
 * multi-select as Google/Yandex Forms join them; yes/no in Russian and English; numbers as digits, words,
 * ranges («до 3» is 3 for a capacity; «3-5» is its lower end elsewhere); timestamps. A participant who
 * submitted twice (same id, or same e-mail) keeps the latest timestamp, with a warning naming both rows;
 * without timestamps the same id twice is `DUPLICATE_ID`. Preferences may name people by id, e-mail, full
 * name or surname (of the other role); an unknown or ambiguous name is a warning.
 *
 * Complexity: O(R · C) for R rows and C columns, plus O(P · N) to resolve P preference entries among N people.
 *
 * @param sources - the files, each with its role or a role column.
 * @param options - the programme's questions and the explicit column mapping.
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
    const file = table.file;
    problems.push(...table.problems);
    const headerless = headerlessProblem(table);
    if (headerless !== undefined) {
      problems.push(headerless);
      continue;
    }
    const mapping = mapColumns(table.header, fields, {
      ...(options.columns === undefined ? {} : { given: options.columns }),
      rows: table.rows.map((r) => r.cells),
      ...(fileRole === undefined ? {} : { role: fileRole }),
    });
    mappings.push({ file, mapping });
    const col = (key: StandardField): number => mapping.byKey.get(key) ?? -1;
    for (const a of mapping.ambiguous) {
      problems.push(
        new InputFileError("DUPLICATE_COLUMN", `Several columns could be "${a.key}".`, {
          location: { file, column: table.header[a.indices[1]!]! },
          hint: 'Rename one of the columns, or name the right one in the programme config ("columns").',
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
      continue;
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
      continue;
    }
    if (options.requireConsent !== false && col("consent") === -1 && col("guardianConsent") === -1) {
      problems.push(
        new InputFileError(
          "MISSING_COLUMN",
          "The file has no consent column: without consent nobody in it can be matched.",
          {
            location: { file },
            hint: 'Add the questionnaire\'s consent column («Согласие на обработку персональных данных», or «Согласие родителя (законного представителя)» for minors), or name it in the programme config ("columns").',
            details: { what: "consent" },
          },
        ),
      );
    }
    const header = table.header;
    for (const { row, cells } of table.rows) {
      const at = (key: StandardField): string => {
        const c = col(key);
        return c === -1 ? "" : (cells[c] ?? "").trim();
      };
      const columnName = (key: StandardField): string => header[col(key)] ?? key;
      let role = fileRole;
      if (col("role") !== -1) {
        const cellRole = roleOf(normalizeKey(at("role")));
        if (cellRole === undefined) {
          if (fileRole === undefined) {
            problems.push(
              new InputFileError("INVALID_VALUE", "The role is neither mentor nor mentee.", {
                location: { file, row, column: columnName("role") },
                hint: "Write «наставник» or «наставляемый» (mentor or mentee).",
                details: { what: "role" },
              }),
            );
            continue;
          }
        } else if (fileRole !== undefined && cellRole !== fileRole) {
          problems.push(
            new InputFileError("INVALID_VALUE", `The row says "${cellRole}" in a file of ${fileRole}s.`, {
              location: { file, row, column: columnName("role") },
              hint: "Move the row to the other file, or correct the role.",
              details: { what: "role-mismatch", role: cellRole, fileRole },
            }),
          );
          continue;
        } else {
          role = cellRole;
        }
      }
      const r = role!;
      const record: ParticipantRecord = { id: "", role: r, answers: {}, tags: [], preferences: [] };
      let name = at("name");
      if (name === "")
        name = [at("surname"), at("firstName"), at("patronymic")].filter((p) => p !== "").join(" ");
      if (name !== "") record.name = name.replace(/\s+/g, " ");
      const email = at("email").toLowerCase();
      if (email !== "") record.email = email;
      const id = at("id");
      if (id !== "") record.id = id;
      else {
        const key = email !== "" ? email : normalizeKey(name);
        if (key === "") {
          problems.push(
            new InputFileError("MISSING_VALUE", "The row has no id, e-mail or name.", {
              location: {
                file,
                row,
                column: header[col("id")] ?? header[col("email")] ?? header[col("name")] ?? "id",
              },
              hint: "Fill in the participant's code (or e-mail) in this row, or delete the row.",
            }),
          );
          continue;
        }
        record.id = generatedId(r, key);
      }
      const stamp = at("timestamp");
      let timestamp: number | null = null;
      if (stamp !== "") {
        const t = parseTimestamp(stamp);
        if (t === undefined) {
          problems.push(
            new InputFileError("INVALID_VALUE", "The timestamp is not a date and time.", {
              location: { file, row, column: columnName("timestamp") },
              hint: "Write it as 01.09.2024 10:15 or 2024-09-01 10:15, or leave the export's timestamp as it is.",
              details: { what: "timestamp" },
            }),
          );
        } else timestamp = t;
      }
      for (const key of ["consent", "guardianConsent"] as const) {
        if (col(key) === -1) continue;
        const v = parseYesNo(at(key));
        if (v === undefined) {
          problems.push(
            new InputFileError("INVALID_VALUE", "The consent cell is neither yes nor no.", {
              location: { file, row, column: columnName(key) },
              hint: "Write «да» or «нет» (yes or no); a blank cell means no consent.",
              details: { what: "consent" },
            }),
          );
        } else record[key] = v === true;
      }
      if (col("capacity") !== -1 && at("capacity") !== "") {
        const n = parseNumberCell(at("capacity"));
        if (
          n === undefined ||
          n === null ||
          n.min < 0 ||
          !Number.isInteger(n.kind === "at-least" ? n.min : n.max) ||
          (n.kind === "at-least" ? n.min : n.max) > 1000
        ) {
          problems.push(numberProblem(file, row, columnName("capacity"), "capacity"));
        } else {
          // «до 3», «3-5» and «3»: the most the mentor takes; «5+»: at least 5, so 5 seats are offered.
          record.capacity = n.kind === "at-least" ? n.min : n.max;
        }
      }
      for (const key of ["age", "experienceYears"] as const) {
        if (col(key) === -1 || at(key) === "") continue;
        const n = parseNumberCell(at(key));
        if (n === undefined || n === null || !(n.min >= 0 && n.min <= 150)) {
          problems.push(numberProblem(file, row, columnName(key), key === "age" ? "age" : "experience"));
        } else record[key] = n.min;
      }
      if (col("grade") !== -1 && at("grade") !== "") {
        // «7», «7А», «7 «Б»», «10 класс»; not «100» (a typo read as 10).
        const g = at("grade").match(/^\s*(\d{1,2})(?!\d)/);
        const n = g === null ? parseNumberCell(at("grade").split(/\s/)[0] ?? "") : { min: Number(g[1]) };
        if (n === undefined || n === null || !Number.isInteger(n.min) || n.min < 0 || n.min > 11) {
          problems.push(numberProblem(file, row, columnName("grade"), "grade"));
        } else record.grade = n.min;
      }
      if (col("birthDate") !== -1 && at("birthDate") !== "") {
        const t = parseTimestamp(at("birthDate"));
        if (t === undefined || t === null) {
          problems.push(
            new InputFileError("INVALID_VALUE", "The birth date is not a date.", {
              location: { file, row, column: columnName("birthDate") },
              hint: "Write it as 01.09.2010.",
              details: { what: "birthDate" },
            }),
          );
        } else record.birthDate = new Date(t).toISOString().slice(0, 10);
      }
      if (at("organisation") !== "") record.organisation = at("organisation");
      if (at("roleModel") !== "") record.roleModel = at("roleModel");
      if (at("tags") !== "") record.tags = tagsOf(at("tags"));
      for (const c of mapping.columns) {
        if (c.key === null || !c.key.startsWith("q:")) continue;
        // A column both roles answer under different questions: the question of this row's role.
        const key =
          c.keys?.find((k) => {
            const role = questionByKey.get(k)?.role ?? "both";
            return role === "both" || role === r;
          }) ?? c.key;
        // An unknown question in the config's `columns` is reported by checkColumns; the column is skipped.
        const q = questionByKey.get(key);
        if (q === undefined) continue;
        if (q.role !== undefined && q.role !== "both" && q.role !== r) continue;
        let cell = (cells[c.index] ?? "").trim();
        if (cell === "") continue;
        // A grid column («Availability [Monday]»): a ticked cell is the row label, a choice is "label choice".
        if (c.grid !== undefined) {
          const grid = c.grid;
          cell = parseMultiSelect(cell)
            .values.map((v) =>
              parseYesNo(v) === true ? grid : parseYesNo(v) === false ? "" : `${grid} ${v}`,
            )
            .filter((v) => v !== "")
            .join(", ");
          if (cell === "") continue;
        }
        const value = readAnswer(q, cell, { file, row, column: c.header }, problems, unknownOptions);
        const before = record.answers[q.id];
        if (Array.isArray(before) && Array.isArray(value)) {
          for (const v of value) if (!before.includes(v)) before.push(v);
        } else if (value !== undefined) record.answers[q.id] = value;
      }
      drafts.push({
        record,
        source: { file, row },
        timestamp,
        preferenceCell: col("preferences") === -1 ? null : at("preferences"),
        preferenceColumn: columnName("preferences"),
        idColumn:
          col("id") !== -1
            ? columnName("id")
            : col("email") !== -1
              ? columnName("email")
              : columnName("name"),
      });
    }
  }

  for (const { where, question, count, rows } of unknownOptions.values()) {
    const shown = rows.slice(0, 10).join(", ") + (rows.length > 10 ? ", …" : "");
    warnings.push({
      code: "UNKNOWN_OPTION",
      message: `${count} choice(s) in ${rows.length} row(s) (rows ${shown}) are not options of question "${question}" and are left out. Add them to the question's options in the programme config, or correct the cells.`,
      location: where,
      details: { question, count, rowCount: rows.length, rows: shown },
    });
  }
  const kept = dedupe(drafts, problems, warnings);
  resolvePreferences(kept, warnings);
  return {
    participants: kept.map((d) => d.record),
    sources: kept.map((d) => d.source),
    mappings,
    problems,
    warnings,
  };
}

function tagsOf(cell: string): string[] {
  const tags: string[] = [];
  for (const part of parseMultiSelect(cell).values) {
    const key = normalizeKey(part);
    if (key === "" || key === "нет" || key === "no" || key === "none" || key === "-") continue;
    const known = TAG_SYNONYMS.find(([re]) => re.test(key));
    const tag = known === undefined ? key : known[1];
    if (!tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/** Choices not among a question's options, per file and column. */
type UnknownOptions = Map<
  string,
  { where: { file: string; row: number; column: string }; question: string; count: number; rows: number[] }
>;

function readAnswer(
  q: QuestionSpec,
  cell: string,
  where: { file: string; row: number; column: string },
  problems: InputFileError[],
  unknownOptions: UnknownOptions,
): unknown {
  switch (q.kind) {
    case "multi": {
      const { values, unknown } = parseMultiSelect(cell, q.options);
      if (unknown.length > 0) {
        // One warning per column, gathered in readParticipants (values are not repeated: they may be free text).
        const key = `${where.file}\u0000${where.column}`;
        const entry = unknownOptions.get(key);
        if (entry === undefined)
          unknownOptions.set(key, { where, question: q.id, count: unknown.length, rows: [where.row] });
        else {
          entry.count += unknown.length;
          entry.rows.push(where.row);
        }
      }
      return values;
    }
    case "single": {
      if (q.options === undefined) return cell;
      const index = lookupOf(q.options).byKey.get(normalizeKey(cell));
      const option = index === undefined ? undefined : q.options[index];
      if (option === undefined) {
        problems.push(
          new InputFileError(
            "UNKNOWN_OPTION",
            `The answer is not one of the question's ${q.options.length} options.`,
            {
              location: where,
              hint: `Use one of: ${q.options.join(" | ")}; or add the option to the question "${q.id}" in the programme config.`,
              details: { question: q.id },
            },
          ),
        );
        return undefined;
      }
      return option;
    }
    case "number": {
      const n = parseNumberCell(cell);
      if (n === undefined || n === null || !Number.isFinite(n.min)) {
        problems.push(numberProblem(where.file, where.row, where.column, "number"));
        return undefined;
      }
      return n.kind === "range" ? (n.min + n.max) / 2 : n.kind === "up-to" ? n.max : n.min;
    }
    case "boolean": {
      const v = parseYesNo(cell);
      if (v === undefined) {
        problems.push(
          new InputFileError("INVALID_VALUE", "The cell is neither yes nor no.", {
            location: where,
            hint: "Write «да» or «нет» (yes or no).",
            details: { what: "boolean" },
          }),
        );
        return undefined;
      }
      return v;
    }
    default:
      return cell;
  }
}

/** Keeps the latest submission of each person (same id, or same e-mail within a role). */
function dedupe(drafts: Draft[], problems: InputFileError[], warnings: ReadWarning[]): Draft[] {
  const byId = new Map<string, number>();
  const byEmail = new Map<string, number>();
  const dropped = new Uint8Array(drafts.length);
  for (let k = 0; k < drafts.length; k++) {
    const d = drafts[k]!;
    const emailKey = d.record.email === undefined ? undefined : `${d.record.role}\u0000${d.record.email}`;
    const previous = byId.get(d.record.id) ?? (emailKey === undefined ? undefined : byEmail.get(emailKey));
    if (previous !== undefined) {
      const p = drafts[previous]!;
      if (p.record.role !== d.record.role) {
        problems.push(
          new InputFileError(
            "DUPLICATE_ID",
            `The id is also used by a ${p.record.role} (${p.source.file}, row ${p.source.row}).`,
            {
              location: { ...d.source, column: d.idColumn },
              hint: "Give each participant a different code.",
              details: { otherFile: p.source.file, otherRow: p.source.row },
            },
          ),
        );
        continue;
      }
      if (p.timestamp === null || d.timestamp === null) {
        problems.push(
          new InputFileError(
            "DUPLICATE_ID",
            `The same participant is also in ${p.source.file}, row ${p.source.row}, and there is no timestamp to tell which answer is the latest.`,
            {
              location: { ...d.source, column: d.idColumn },
              hint: "Delete the older row, or give each participant a different code.",
              details: { otherFile: p.source.file, otherRow: p.source.row },
            },
          ),
        );
        continue;
      }
      const newer = d.timestamp >= p.timestamp ? k : previous;
      const older = newer === k ? previous : k;
      dropped[older] = 1;
      const o = drafts[older]!;
      const n = drafts[newer]!;
      warnings.push({
        code: "DUPLICATE_SUBMISSION",
        message: `Submitted twice: ${o.source.file} row ${o.source.row} and row ${n.source.row}; the latest (row ${n.source.row}) is kept.`,
        location: n.source,
        details: { keptRow: n.source.row, droppedRow: o.source.row, droppedFile: o.source.file },
      });
      if (newer === k) {
        byId.set(d.record.id, k);
        if (emailKey !== undefined) byEmail.set(emailKey, k);
        // The newer row keeps the older row's id when it matched by e-mail only.
        if (d.record.id !== p.record.id && byId.get(p.record.id) === previous) byId.set(p.record.id, k);
      }
      continue;
    }
    byId.set(d.record.id, k);
    if (emailKey !== undefined) byEmail.set(emailKey, k);
  }
  const kept: Draft[] = [];
  for (let k = 0; k < drafts.length; k++) {
    if (dropped[k] === 1) continue;
    const d = drafts[k]!;
    if (
      byId.get(d.record.id) !== k &&
      (d.record.email === undefined || byEmail.get(`${d.record.role}\u0000${d.record.email}`) !== k)
    )
      continue;
    kept.push(d);
  }
  warnSameNames(kept, warnings);
  return kept;
}

/**
 * Two kept rows of one role with the same full name but different codes may be one person who submitted
 * twice under two codes (Yandex Forms' «ID» is the answer's number, not the person's): a warning naming
 * both rows, never the name, so the curator can check. O(rows).
 */
function warnSameNames(kept: readonly Draft[], warnings: ReadWarning[]): void {
  const first = new Map<string, Draft>();
  for (const d of kept) {
    if (d.record.name === undefined) continue;
    const key = `${d.record.role}\u0000${nameKeys(d.record.name).sorted}`;
    if (key.endsWith("\u0000")) continue;
    const p = first.get(key);
    if (p === undefined) {
      first.set(key, d);
      continue;
    }
    warnings.push({
      code: "SAME_NAME",
      message: `The same full name as in ${p.source.file}, row ${p.source.row}, under another code: if it is one person who answered twice, delete the older row.`,
      location: d.source,
      details: { otherFile: p.source.file, otherRow: p.source.row },
    });
  }
}

function nameKeys(name: string): { full: string; sorted: string; surname: string } {
  const words = normalizeKey(name)
    .split(" ")
    .filter((w) => w !== "");
  return { full: words.join(" "), sorted: [...words].sort().join(" "), surname: words[0] ?? "" };
}

/** Turns each preference cell into partner ids of the other role. */
function resolvePreferences(drafts: Draft[], warnings: ReadWarning[]): void {
  const index = { mentor: new Map<string, string[]>(), mentee: new Map<string, string[]>() };
  const add = (role: "mentor" | "mentee", key: string, id: string): void => {
    if (key === "") return;
    const list = index[role].get(key);
    if (list === undefined) index[role].set(key, [id]);
    else if (!list.includes(id)) list.push(id);
  };
  for (const { record } of drafts) {
    add(record.role, `id:${normalizeKey(record.id)}`, record.id);
    if (record.email !== undefined) add(record.role, `email:${record.email}`, record.id);
    if (record.name !== undefined) {
      const k = nameKeys(record.name);
      add(record.role, `name:${k.full}`, record.id);
      add(record.role, `sorted:${k.sorted}`, record.id);
      add(record.role, `surname:${k.surname}`, record.id);
      // "Иванов Иван" also matches "Иванов И." and "Иван Иванов".
      const words = k.full.split(" ");
      if (words.length >= 2) add(record.role, `initial:${words[0]} ${words[1]![0]}`, record.id);
    }
  }
  for (const d of drafts) {
    const cell = d.preferenceCell;
    if (cell === null || isBlank(cell)) continue;
    const other = d.record.role === "mentor" ? "mentee" : "mentor";
    const entries = cell
      .split(/[,;\n\r]+|\s\/\s|\d+\)\s*/)
      .map((e) => e.trim().replace(/^\d+[.)]\s*/, ""))
      .filter(
        (e) =>
          e !== "" &&
          !/^(нет|no|none|-|не знаю|любой|any|не важно|без разницы|всё равно|все равно|нет предпочтений|no preference|no preferences|n\/a|anyone)$/i.test(
            e,
          ),
      );
    for (let p = 0; p < entries.length; p++) {
      const entry = entries[p]!;
      const key = normalizeKey(entry);
      const words = key.split(" ");
      const lookups = [
        `id:${key}`,
        `email:${entry.toLowerCase()}`,
        `name:${key}`,
        `sorted:${[...words].sort().join(" ")}`,
        words.length >= 2 ? `initial:${words[0]} ${words[1]!.replace(/\.$/, "")[0]}` : "",
        words.length === 1 ? `surname:${key}` : "",
      ];
      let found: string[] | undefined;
      for (const l of lookups) {
        if (l === "") continue;
        found = index[other].get(l);
        if (found !== undefined) break;
      }
      const where = { ...d.source, column: d.preferenceColumn };
      if (found === undefined) {
        warnings.push({
          code: "UNKNOWN_PREFERENCE",
          message: `Preference ${p + 1} names no ${other} (by id, e-mail, name or surname); it is left out.`,
          location: where,
          details: { entry: p + 1, id: d.record.id },
        });
      } else if (found.length > 1) {
        warnings.push({
          code: "AMBIGUOUS_PREFERENCE",
          // The candidates are not named: a message names rows, never people (an id may be an e-mail).
          message: `Preference ${p + 1} fits ${found.length} ${other}s; it is left out. Write the full name or the e-mail.`,
          location: where,
          details: { entry: p + 1, id: d.record.id, candidates: found.length },
        });
      } else if (!d.record.preferences.includes(found[0]!)) {
        d.record.preferences.push(found[0]!);
      }
    }
  }
}
