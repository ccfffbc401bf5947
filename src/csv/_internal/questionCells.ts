/**
 * The participant reader's answers: each question column of a row read as its question expects (options
 * chosen, one option, a number, yes or no, free text); answers that are none of the options collected,
 * then reported with one warning per column.
 */
import { InputFileError } from "../../errors.js";
import { parseMultiSelect } from "../parseMultiSelect.js";
import { parseNumberCell } from "../parseNumberCell.js";
import { parseYesNo } from "../parseYesNo.js";
import type { ParticipantRecord, QuestionSpec, ReadWarning } from "../participantTypes.js";
import { closestOption, matchOption, shownAnswer } from "./answers.js";
import { numberProblem } from "./numberProblem.js";
import { lookupOf } from "./options.js";
import type { RowReading, RowView } from "./participantDraft.js";
import { normalizeKey } from "./text.js";

/** Answers not among a question's options, per file and column; per answer as shown, its rows. */
export type UnknownOptions = Map<
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

/**
 * Reads every question column of a row into `record.answers` (a column both roles answer under different
 * questions: the question of the row's role). A bad cell goes to `reading.problems`; an answer that is none
 * of the options to `reading.unknownOptions`. O(columns of the row).
 */
export function readQuestionCells(reading: RowReading, view: RowView, record: ParticipantRecord): void {
  const { questionByKey, problems, unknownOptions } = reading;
  const { mapping } = reading.columns;
  const { file, row, cells } = view;
  const r = record.role;
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
        .values.map((v) => (parseYesNo(v) === true ? grid : parseYesNo(v) === false ? "" : `${grid} ${v}`))
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
}

/**
 * One `UNKNOWN_OPTION` warning per file and column with answers that are none of the options: each
 * distinct answer (at most 5) with its rows and the closest option. O(distinct answers).
 */
export function unknownOptionWarnings(unknownOptions: UnknownOptions, warnings: ReadWarning[]): void {
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
      message: `${count} answer(s) in ${rows.length} row(s) are not options of question "${question}" and are left out (counted as not answered): ${answers}${more}. Add them to the question's options in the program config, or correct the cells.`,
      location: where,
      details: { question, count, rowCount: rows.length, rows: shown },
      answers: shownAnswers,
    });
  }
}

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
