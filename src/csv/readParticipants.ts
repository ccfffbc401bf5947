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
import { closestOption, matchOption, shownAnswer } from "./_internal/answers.js";
import { entryKeys, nameKeys, personKeys } from "./_internal/personKeys.js";
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
    | "SAME_NAME"
    /** Submissions of one person that disagree (equal times, or one e-mail under two codes): left out. */
    | "CONFLICTING_SUBMISSIONS"
    /** A consent cell that is not a plain yes or no, read as no consent (`unclearConsent: "no"`). */
    | "UNCLEAR_CONSENT";
  readonly message: string;
  readonly location: SourceRef & { readonly column?: string };
  readonly details: Readonly<Record<string, string | number>>;
  /**
   * For `UNKNOWN_OPTION`: each distinct answer left out (at most 5; shown at most 40 characters long, an
   * e-mail or a phone number as "…"), its rows and the closest option.
   */
  readonly answers?: readonly {
    readonly value: string;
    readonly rows: readonly number[];
    readonly closest?: string;
  }[];
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
  /**
   * A consent cell that is not a plain yes or no («+-», «Да?», «частично», «да/нет»): `error` — an
   * `INVALID_VALUE` problem naming the cell (the run stops); `no` — read as no consent (the participant is
   * excluded) with an `UNCLEAR_CONSENT` warning naming the cell. Never read as yes.
   * @defaultValue "error"
   */
  readonly unclearConsent?: "error" | "no";
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
  /**
   * Rows read but not kept: older or identical copies of a submission (`superseded`) and submissions
   * that conflict (`conflicting-submissions`). With `participants`, every row read is accounted for.
   */
  readonly dropped: readonly DroppedRow[];
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
    const ties = tiesBehindGiven(table.header, fields, mapping);
    const seconds = secondConsentColumns(table.header, fields, mapping).filter(
      (d) => !ties.some((t) => t.key === d.key),
    );
    for (const a of [...mapping.ambiguous, ...ties, ...seconds]) {
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
        if (v === undefined && options.unclearConsent === "no") {
          // A documented choice of the coordinator: an unclear consent is no consent, with a warning.
          record[key] = false;
          warnings.push({
            code: "UNCLEAR_CONSENT",
            message:
              "The consent cell is not a plain yes or no; it is read as no consent and the participant is left out.",
            location: { file, row, column: columnName(key) },
            details: { what: key },
          });
        } else if (v === undefined) {
          problems.push(
            new InputFileError(
              "INVALID_VALUE",
              "The consent cell is not a plain yes or no (a question mark, «частично», «+-», «да/нет» are neither).",
              {
                location: { file, row, column: columnName(key) },
                hint: "Write «да» or «нет» (yes or no); a blank cell means no consent.",
                details: { what: "consent" },
              },
            ),
          );
        } else if (v !== null) record[key] = v;
        // A blank cell leaves the field unset: no consent, but not a «нет» (a minor's own blank is not a refusal).
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
        // Grade 0 is no grade: the messages say 1 to 11.
        if (n === undefined || n === null || !Number.isInteger(n.min) || n.min < 1 || n.min > 11) {
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

  for (const { where, question, options, count, rows, values } of unknownOptions.values()) {
    const list = (r: readonly number[]): string => r.slice(0, 10).join(", ") + (r.length > 10 ? ", …" : "");
    const shown = list(rows);
    // Each distinct answer (at most 5) with its rows and the closest option.
    const shownAnswers = [...values].slice(0, 5).map(([value, at]) => {
      const closest = value === "…" ? undefined : closestOption(value, options);
      return closest === undefined ? { value, rows: at } : { value, rows: at, closest };
    });
    const answers = shownAnswers
      .map(
        (a) =>
          `"${a.value}" (row${a.rows.length > 1 ? "s" : ""} ${list(a.rows)}${a.closest === undefined ? "" : `; closest option: "${a.closest}"`})`,
      )
      .join(", ");
    const more = values.size > 5 ? `, and ${values.size - 5} more` : "";
    warnings.push({
      code: "UNKNOWN_OPTION",
      message: `${count} answer(s) in ${rows.length} row(s) are not options of question "${question}" and are left out (counted as not answered): ${answers}${more}. Add them to the question's options in the programme config, or correct the cells.`,
      location: where,
      details: { question, count, rowCount: rows.length, rows: shown },
      answers: shownAnswers,
    });
  }
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

/** Answers not among a question's options, per file and column; per answer as shown, its rows. */
type UnknownOptions = Map<
  string,
  {
    where: { file: string; row: number; column: string };
    question: string;
    options: readonly string[];
    count: number;
    rows: number[];
    values: Map<string, number[]>;
  }
>;

/** Records an answer that is none of a question's options (one entry per file and column). */
function noteUnknown(
  unknownOptions: UnknownOptions,
  q: QuestionSpec,
  where: { file: string; row: number; column: string },
  answer: string,
): void {
  const key = `${where.file}\u0000${where.column}`;
  let entry = unknownOptions.get(key);
  if (entry === undefined) {
    entry = { where, question: q.id, options: q.options ?? [], count: 0, rows: [], values: new Map() };
    unknownOptions.set(key, entry);
  }
  entry.count++;
  if (entry.rows[entry.rows.length - 1] !== where.row) entry.rows.push(where.row);
  const shown = shownAnswer(answer);
  const rows = entry.values.get(shown);
  if (rows === undefined) entry.values.set(shown, [where.row]);
  else if (rows[rows.length - 1] !== where.row) rows.push(where.row);
}

function readAnswer(
  q: QuestionSpec,
  cell: string,
  where: { file: string; row: number; column: string },
  problems: InputFileError[],
  unknownOptions: UnknownOptions,
): unknown {
  switch (q.kind) {
    case "multi": {
      const parsed = parseMultiSelect(cell, q.options);
      if (parsed.unknown.length === 0 || q.options === undefined) return parsed.values;
      // Parts not spelled as an option: read tolerantly (English equivalents, «Пн» for «пн день» and
      // «пн вечер», "any time"); what is still unknown is left out with one warning per column.
      const options = q.options;
      const chosen = new Set(parsed.values);
      for (const part of parsed.unknown) {
        const m = matchOption(part, options, true);
        if (m.kind === "options") for (const o of m.indices) chosen.add(options[o]!);
        else if (m.kind === "unknown") noteUnknown(unknownOptions, q, where, part);
      }
      return options.filter((o) => chosen.has(o));
    }
    case "single": {
      if (q.options === undefined) return cell;
      const exact = lookupOf(q.options).byKey.get(normalizeKey(cell));
      if (exact !== undefined) return q.options[exact];
      const m = matchOption(cell, q.options, false);
      if (m.kind === "options") return q.options[m.indices[0]!];
      // "No preference" with no such option: no constraint, the answer counts as not given.
      if (m.kind === "any") return undefined;
      // An optional question: the run goes on, with a warning naming the value and the closest option.
      noteUnknown(unknownOptions, q, where, cell);
      return undefined;
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

/** A row read but not kept as a participant, with the reason; it goes to excluded.csv. */
export interface DroppedRow {
  readonly id: string;
  readonly role: "mentor" | "mentee";
  readonly source: SourceRef;
  /** `superseded`: an older (or identical) submission of one person, replaced by the rows in `by`;
   * `conflicting-submissions`: submissions of one person (one code, or one e-mail under two codes) that
   * disagree with no later one to settle it; `by` holds the other rows. */
  readonly reason: "superseded" | "conflicting-submissions";
  readonly by: readonly SourceRef[];
}

function rowsText(refs: readonly SourceRef[]): string {
  return refs.map((r) => `${r.file} row ${r.row}`).join(", ");
}

/** A row's content, for telling identical submissions from differing ones (its place left out). */
function contentOf(d: Draft): string {
  return JSON.stringify([d.record, d.preferenceCell]);
}

function bySource(a: Draft, b: Draft): number {
  return a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : a.source.row - b.source.row;
}

/**
 * Resolves submissions of one person (same id, or same e-mail within a role), the same way whatever the
 * row order: the latest timestamp wins and the older rows are `superseded`; rows with equal latest
 * timestamps and identical answers collapse into one (the others `superseded`); rows with equal latest
 * timestamps and different answers, or one e-mail under two different codes, are a conflict: every such
 * row is left out as `conflicting-submissions`, with a warning naming the rows. Without timestamps, one id
 * twice is `DUPLICATE_ID`; one id in both roles too. O(R log R).
 */
function dedupe(
  drafts: Draft[],
  problems: InputFileError[],
  warnings: ReadWarning[],
  dropped: DroppedRow[],
): Draft[] {
  // Groups: rows linked by an id or by (role, e-mail), found with union-find.
  const parent = Int32Array.from({ length: drafts.length }, (_, k) => k);
  const find = (k: number): number => {
    while (parent[k] !== k) {
      parent[k] = parent[parent[k]!]!;
      k = parent[k]!;
    }
    return k;
  };
  const firstBy = new Map<string, number>();
  const link = (key: string, k: number) => {
    const f = firstBy.get(key);
    if (f === undefined) firstBy.set(key, k);
    else parent[find(k)] = find(f);
  };
  for (let k = 0; k < drafts.length; k++) {
    const r = drafts[k]!.record;
    link(`id\u0000${r.id}`, k);
    if (r.email !== undefined) link(`email\u0000${r.role}\u0000${r.email}`, k);
  }
  const groups = new Map<number, number[]>();
  for (let k = 0; k < drafts.length; k++) {
    const g = find(k);
    const list = groups.get(g);
    if (list === undefined) groups.set(g, [k]);
    else list.push(k);
  }
  const keep = new Uint8Array(drafts.length);
  const indexOf = new Map<Draft, number>();
  for (let k = 0; k < drafts.length; k++) indexOf.set(drafts[k]!, k);
  for (const members of groups.values()) {
    if (members.length === 1) {
      keep[members[0]!] = 1;
      continue;
    }
    const rows = members.map((k) => drafts[k]!).sort(bySource);
    const first = rows[0]!;
    const otherRole = rows.find((d) => d.record.role !== first.record.role);
    if (otherRole !== undefined) {
      for (const d of rows) {
        if (d.record.role === first.record.role) continue;
        problems.push(
          new InputFileError(
            "DUPLICATE_ID",
            `The id is also used by a ${first.record.role} (${first.source.file}, row ${first.source.row}).`,
            {
              location: { ...d.source, column: d.idColumn },
              hint: "Give each participant a different code.",
              details: { otherFile: first.source.file, otherRow: first.source.row },
            },
          ),
        );
      }
      for (const d of rows) if (d.record.role === first.record.role) keep[indexOf.get(d)!] = 1;
      continue;
    }
    const ids = new Set(rows.map((d) => d.record.id));
    if (ids.size > 1) {
      // One e-mail under two or more codes: two people, or one person twice; never merged silently.
      for (const d of rows) {
        const others = rows.filter((o) => o !== d).map((o) => o.source);
        dropped.push({
          id: d.record.id,
          role: d.record.role,
          source: d.source,
          reason: "conflicting-submissions",
          by: others,
        });
      }
      warnings.push({
        code: "CONFLICTING_SUBMISSIONS",
        message: `One e-mail under ${ids.size} different codes in ${rowsText(rows.map((d) => d.source))}: these rows are left out (excluded.csv) until one is corrected or deleted.`,
        location: { ...first.source, column: first.idColumn },
        details: { rows: rows.map((d) => d.source.row).join(", "), kind: "email" },
      });
      continue;
    }
    const untimed = rows.find((d) => d.timestamp === null);
    if (untimed !== undefined) {
      for (const d of rows.slice(1)) {
        problems.push(
          new InputFileError(
            "DUPLICATE_ID",
            `The same participant is also in ${first.source.file}, row ${first.source.row}, and there is no timestamp to tell which answer is the latest.`,
            {
              location: { ...d.source, column: d.idColumn },
              hint: "Delete the older row, or give each participant a different code.",
              details: { otherFile: first.source.file, otherRow: first.source.row },
            },
          ),
        );
      }
      keep[indexOf.get(first)!] = 1;
      continue;
    }
    let latest = Number.NEGATIVE_INFINITY;
    for (const d of rows) latest = Math.max(latest, d.timestamp!);
    const top = rows.filter((d) => d.timestamp === latest);
    const older = rows.filter((d) => d.timestamp !== latest);
    const identical = top.every((d) => contentOf(d) === contentOf(top[0]!));
    if (identical) {
      // The latest submission (identical copies collapse into the first in file and row order).
      const kept = top[0]!;
      keep[indexOf.get(kept)!] = 1;
      for (const d of [...older, ...top.slice(1)]) {
        dropped.push({
          id: d.record.id,
          role: d.record.role,
          source: d.source,
          reason: "superseded",
          by: [kept.source],
        });
        warnings.push({
          code: "DUPLICATE_SUBMISSION",
          message:
            d.timestamp === latest
              ? `Submitted twice with the same time and the same answers: ${d.source.file} row ${d.source.row} and row ${kept.source.row}; one (row ${kept.source.row}) is kept.`
              : `Submitted twice: ${d.source.file} row ${d.source.row} and row ${kept.source.row}; the latest (row ${kept.source.row}) is kept.`,
          location: kept.source,
          details: { keptRow: kept.source.row, droppedRow: d.source.row, droppedFile: d.source.file },
        });
      }
      continue;
    }
    // Equal latest times, different answers: no row can be told to be the latest.
    for (const d of top) {
      dropped.push({
        id: d.record.id,
        role: d.record.role,
        source: d.source,
        reason: "conflicting-submissions",
        by: top.filter((o) => o !== d).map((o) => o.source),
      });
    }
    for (const d of older) {
      dropped.push({
        id: d.record.id,
        role: d.record.role,
        source: d.source,
        reason: "superseded",
        by: top.map((o) => o.source),
      });
    }
    warnings.push({
      code: "CONFLICTING_SUBMISSIONS",
      message: `Submitted ${top.length} times with the same time and different answers: ${rowsText(top.map((d) => d.source))}; the participant is left out (excluded.csv) until the coordinator deletes all but one.`,
      location: top[0]!.source,
      details: { rows: top.map((d) => d.source.row).join(", "), kind: "same-time" },
    });
  }
  const kept: Draft[] = [];
  for (let k = 0; k < drafts.length; k++) if (keep[k] === 1) kept.push(drafts[k]!);
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
    for (const key of personKeys(record)) add(record.role, key, record.id);
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
      const lookups = entryKeys(entry);
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
