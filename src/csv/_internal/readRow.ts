/**
 * The participant reader's row decoding: one row of a survey export → a draft record (role, identity,
 * timestamp, consent, numbers, tags and answers), each bad cell a problem naming file, row and column.
 */
import { InputFileError } from "../../errors.js";
import { parseMultiSelect } from "../parseMultiSelect.js";
import { parseNumberCell } from "../parseNumberCell.js";
import { parseTimestamp } from "../parseTimestamp.js";
import type { ParticipantRecord } from "../participantTypes.js";
import { readConsentCells } from "./consentCells.js";
import { roleOf, TAG_SYNONYMS } from "./fields.js";
import { generatedId } from "./generatedId.js";
import { numberProblem } from "./numberProblem.js";
import { type Draft, type RowReading, rowView, type RowView } from "./participantDraft.js";
import { readQuestionCells } from "./questionCells.js";
import { normalizeKey } from "./text.js";

/**
 * Reads one row into a draft. Problems go to `reading.problems`, warnings to `reading.warnings`.
 * O(cells of the row).
 *
 * @returns the draft, or undefined when the row cannot be a participant (no role, a role that contradicts
 *   the file's, no id, e-mail or name); the problem saying why is in `reading.problems`.
 */
export function readRow(reading: RowReading, row: number, cells: readonly string[]): Draft | undefined {
  const { col } = reading.columns;
  const view = rowView(reading.columns, row, cells);
  const { file, at, columnName } = view;
  const role = rowRole(reading, view);
  if (role === undefined) return undefined;
  const record = identify(reading, view, role);
  if (record === undefined) return undefined;
  const timestamp = rowTimestamp(reading, view);
  readConsentCells(reading, view, record);
  readNumberCells(reading, view, record);
  if (at("organisation") !== "") record.organisation = at("organisation");
  if (at("roleModel") !== "") record.roleModel = at("roleModel");
  if (at("tags") !== "") record.tags = tagsOf(at("tags"));
  readQuestionCells(reading, view, record);
  return {
    record,
    source: { file, row },
    timestamp,
    preferenceCell: col("preferences") === -1 ? null : at("preferences"),
    preferenceColumn: columnName("preferences"),
    idColumn:
      col("id") !== -1 ? columnName("id") : col("email") !== -1 ? columnName("email") : columnName("name"),
  };
}

/** The row's role: the file's, or its role cell's; undefined (with a problem) when neither will do. */
function rowRole(reading: RowReading, view: RowView): "mentor" | "mentee" | undefined {
  const { col, fileRole } = reading.columns;
  const { problems } = reading;
  const { file, row, at, columnName } = view;
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
        return undefined;
      }
    } else if (fileRole !== undefined && cellRole !== fileRole) {
      problems.push(
        new InputFileError("INVALID_VALUE", `The row says "${cellRole}" in a file of ${fileRole}s.`, {
          location: { file, row, column: columnName("role") },
          hint: "Move the row to the other file, or correct the role.",
          details: { what: "role-mismatch", role: cellRole, fileRole },
        }),
      );
      return undefined;
    } else {
      role = cellRole;
    }
  }
  return role;
}

/** A new record with the row's name, e-mail and id (given, else generated from the e-mail or name). */
function identify(reading: RowReading, view: RowView, r: "mentor" | "mentee"): ParticipantRecord | undefined {
  const { col, header } = reading.columns;
  const { file, row, at } = view;
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
      reading.problems.push(
        new InputFileError("MISSING_VALUE", "The row has no id, e-mail or name.", {
          location: {
            file,
            row,
            column: header[col("id")] ?? header[col("email")] ?? header[col("name")] ?? "id",
          },
          hint: "Fill in the participant's code (or e-mail) in this row, or delete the row.",
        }),
      );
      return undefined;
    }
    record.id = generatedId(r, key);
  }
  return record;
}

/** The row's timestamp in ms, or null when the export has none (a bad one is a problem). */
function rowTimestamp(reading: RowReading, view: RowView): number | null {
  const { file, row, at, columnName } = view;
  const stamp = at("timestamp");
  let timestamp: number | null = null;
  if (stamp !== "") {
    const t = parseTimestamp(stamp);
    if (t === undefined) {
      reading.problems.push(
        new InputFileError("INVALID_VALUE", "The timestamp is not a date and time.", {
          location: { file, row, column: columnName("timestamp") },
          hint: "Write it as 01.09.2024 10:15 or 2024-09-01 10:15, or leave the export's timestamp as it is.",
          details: { what: "timestamp" },
        }),
      );
    } else timestamp = t;
  }
  return timestamp;
}

/** Reads the capacity, age, years of experience, grade and birth date of a row into its record. */
function readNumberCells(reading: RowReading, view: RowView, record: ParticipantRecord): void {
  const { col } = reading.columns;
  const { problems } = reading;
  const { file, row, at, columnName } = view;
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
