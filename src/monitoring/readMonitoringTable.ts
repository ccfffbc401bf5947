/** One diagnostic or satisfaction export → the answers of the participants of the pairs in force. */
import { STANDARD_FIELDS, TAG_SYNONYMS } from "../csv/_internal/fields.js";
import { isBlank, normalizeKey } from "../csv/_internal/text.js";
import { type ColumnField, mapColumns } from "../csv/mapColumns.js";
import { parseNumberCell } from "../csv/parseNumberCell.js";
import { parseTimestamp } from "../csv/parseTimestamp.js";
import { parseYesNo } from "../csv/parseYesNo.js";
import type { CsvTable } from "../csv/readCsv.js";
import { InputFileError } from "../errors.js";
import type { MonitoringRead, MonitoringResponse, Roster, RowNotUsed, RowNotUsedReason } from "./types.js";

/** An item of a diagnostic or of the satisfaction questionnaire, as the reader needs it. */
export interface MonitoringItem {
  readonly id: string;
  readonly label: { readonly ru: string; readonly en: string };
  readonly role: "mentor" | "mentee" | "both";
  readonly min: number;
  readonly max: number;
  /** Ordered answers, lowest first: read as 1, 2, …. */
  readonly levels?: readonly string[];
}

/** Options of {@link readMonitoringTable}. */
export interface ReadMonitoringTableOptions {
  /** The time point (e.g. `start`, `q1`) or `satisfaction`. */
  readonly label: string;
  /** The parameters (diagnostics) or the satisfaction questions. */
  readonly items: readonly MonitoringItem[];
  /** Header → field (`id`, `email`, `name`, … or `q:<item id>`) when the guess is wrong. */
  readonly columns?: Readonly<Record<string, string>>;
}

/** What {@link readMonitoringTable} returns: the read, and the problems that must stop the run. */
export interface MonitoringTableResult {
  readonly read: MonitoringRead;
  /** Cells that are not a value of their scale (file, row, column; never the person). */
  readonly problems: readonly InputFileError[];
}

const IDENTITY = new Set([
  "id",
  "name",
  "surname",
  "firstName",
  "patronymic",
  "email",
  "consent",
  "guardianConsent",
  "timestamp",
  "tags",
  "roleModel",
  "role",
]);

function fieldsOf(items: readonly MonitoringItem[]): ColumnField[] {
  return [
    ...STANDARD_FIELDS.filter((f) => IDENTITY.has(f.key)),
    ...items.map((q) => ({ key: `q:${q.id}`, labels: [q.label.ru, q.label.en, q.id] })),
  ];
}

/** A score as people write it: «7», «7,5», «7 из 10», «7/10», «8 баллов». */
function scoreOf(cell: string): number | undefined {
  // Most cells are plain numbers: no pattern needed.
  const plain = Number(cell);
  if (Number.isFinite(plain) && cell.trim() !== "") return plain;
  const m = /^\s*(-?\d+(?:[.,]\d+)?)\s*(?:(?:из|of|\/)\s*\d+(?:[.,]\d+)?|балл\S*|points?|%)?\s*$/iu.exec(
    cell,
  );
  if (m !== null) return Number(m[1]!.replace(",", "."));
  const n = parseNumberCell(cell);
  return n !== null && n !== undefined && n.kind === "exact" ? n.min : undefined;
}

function tagsOf(cell: string): string[] {
  const out = new Set<string>();
  for (const part of cell.split(/[,;\n]/)) {
    const key = normalizeKey(part);
    if (key === "" || /^(нет|no|none|-)$/.test(key)) continue;
    const known = TAG_SYNONYMS.find(([re]) => re.test(key));
    out.add(known === undefined ? key : known[1]);
  }
  return [...out].sort();
}

/** How rows find their participant: the roster indexed by code, e-mail and full name. */
interface RosterIndex {
  readonly byId: ReadonlyMap<string, string>;
  readonly byEmail: ReadonlyMap<string, string>;
  readonly byName: ReadonlyMap<string, readonly string[]>;
  readonly roleOf: ReadonlyMap<string, "mentor" | "mentee">;
  readonly excluded: ReadonlySet<string>;
  readonly excludedKey: ReadonlySet<string>;
}

/** One index per roster: a run reads every diagnostic and the satisfaction against the same roster. */
const indexes = new WeakMap<Roster, RosterIndex>();

function indexOf(roster: Roster): RosterIndex {
  const known = indexes.get(roster);
  if (known !== undefined) return known;
  const byId = new Map<string, string>();
  const byEmail = new Map<string, string>();
  const byName = new Map<string, string[]>();
  const roleOf = new Map<string, "mentor" | "mentee">();
  for (const p of roster.people) {
    byId.set(p.id, p.id);
    byId.set(normalizeKey(p.id), p.id);
    roleOf.set(p.id, p.role);
    if (p.id.includes("@")) byEmail.set(p.id.trim().toLowerCase(), p.id);
    if (p.email !== undefined) byEmail.set(p.email.trim().toLowerCase(), p.id);
    if (p.name !== undefined) {
      const k = normalizeKey(p.name);
      const ids = byName.get(k);
      if (ids === undefined) byName.set(k, [p.id]);
      else ids.push(p.id);
    }
  }
  const index: RosterIndex = {
    byId,
    byEmail,
    byName,
    roleOf,
    excluded: new Set(roster.excluded.map((e) => e.id)),
    excludedKey: new Set(roster.excluded.map((e) => normalizeKey(e.id))),
  };
  indexes.set(roster, index);
  return index;
}

/**
 * Reads one export of a diagnostic (one time point) or of the satisfaction questionnaire: finds the columns
 * of the items (by their Russian or English label or id) and of the participant (code, e-mail, full name
 * or its parts), resolves each row to a participant of the pairs in force — by code, then e-mail, then full
 * name — and reads each cell on its item's scale («7», «7,5», «7 из 10», or one of the item's levels).
 * Every row is used or listed in `notUsed` with a reason: unknown or ambiguous participant, no identifier,
 * left out at matching, consent withdrawn (a consent column saying «нет»: the participant is then left out
 * of every output), or superseded by a later row of the same participant (by timestamp, else row order).
 *
 * Complexity: O(rows · columns).
 *
 * @param table - from `readCsv` (or the xlsx reader).
 * @param roster - the pairs in force, from {@link rosterFromPairs}.
 * @param options - the time point, the items, a column mapping.
 * @returns the responses, the rows not used, the consents withdrawn, and problems with cells.
 * @throws InputFileError `MISSING_COLUMN` when no column identifies participants or none holds an item.
 * @example
 * const { read, problems } = readMonitoringTable(readCsv(text, { file: "start.csv" }), roster, {
 *   label: "start",
 *   items: program.monitoring.parameters,
 * });
 */
export function readMonitoringTable(
  table: CsvTable,
  roster: Roster,
  options: ReadMonitoringTableOptions,
): MonitoringTableResult {
  const { file } = table;
  const mapping = mapColumns(table.header, fieldsOf(options.items), {
    ...(options.columns === undefined ? {} : { given: options.columns }),
  });
  const col = (key: string): number => mapping.byKey.get(key) ?? -1;
  if (col("id") === -1 && col("email") === -1 && col("name") === -1 && col("surname") === -1) {
    throw new InputFileError(
      "MISSING_COLUMN",
      "No column identifies the participant (code, e-mail or full name).",
      {
        location: { file },
        hint: "Add a column «Код участника» (best), «E-mail» or «ФИО», or name it in the program's `columns`.",
        details: { what: "id" },
      },
    );
  }
  const itemCols = options.items.map((q) => col(`q:${q.id}`));
  if (itemCols.every((c) => c === -1)) {
    throw new InputFileError("MISSING_COLUMN", "No column holds a parameter of the monitoring section.", {
      location: { file },
      hint: `Name the columns as the parameters are labelled (e.g. «${options.items[0]?.label.ru ?? "Мотивация"}») or by their ids, or map them in \`columns\` as q:<id>.`,
      details: { what: "parameters" },
    });
  }
  const { byId, byEmail, byName, roleOf, excluded, excludedKey } = indexOf(roster);
  // The columns by field, looked up once (not per row).
  const columnOf = new Map<string, number>();
  for (const key of IDENTITY) columnOf.set(key, col(key));
  const hasNameParts = col("surname") !== -1 || col("firstName") !== -1 || col("patronymic") !== -1;
  const at = (cells: readonly string[], key: string): string => {
    const c = columnOf.get(key)!;
    return c === -1 ? "" : (cells[c] ?? "").trim();
  };

  const notUsed: RowNotUsed[] = [];
  const problems: InputFileError[] = [];
  const withdrawn = new Set<string>();
  const kept = new Map<string, { response: MonitoringResponse; time: number | null }>();
  const skip = (row: number, reason: RowNotUsedReason) => notUsed.push({ file, row, reason });

  for (const { row, cells } of table.rows) {
    const code = at(cells, "id");
    const email = at(cells, "email").toLowerCase();
    let name = at(cells, "name");
    if (name === "" && hasNameParts)
      name = [at(cells, "surname"), at(cells, "firstName"), at(cells, "patronymic")]
        .filter((s) => s !== "")
        .join(" ");
    if (code === "" && email === "" && name === "") {
      skip(row, "no-identifier");
      continue;
    }
    let id: string | undefined;
    let ambiguous = false;
    if (code !== "") id = byId.get(code) ?? byId.get(normalizeKey(code));
    if (id === undefined && email !== "") id = byEmail.get(email) ?? byId.get(email);
    if (id === undefined && name !== "") {
      const ids = byName.get(normalizeKey(name)) ?? [];
      if (ids.length === 1) id = ids[0];
      else ambiguous = ids.length > 1;
    }
    if (id === undefined) {
      const left = [code, email].some(
        (k) => k !== "" && (excluded.has(k) || excludedKey.has(normalizeKey(k))),
      );
      skip(row, left ? "excluded-at-matching" : ambiguous ? "ambiguous-name" : "unknown-participant");
      continue;
    }
    if (parseYesNo(at(cells, "consent")) === false || parseYesNo(at(cells, "guardianConsent")) === false) {
      withdrawn.add(id);
      skip(row, "no-consent");
      continue;
    }
    const role = roleOf.get(id)!;
    const values: Record<string, number> = {};
    for (let k = 0; k < options.items.length; k++) {
      const c = itemCols[k]!;
      if (c === -1) continue;
      const item = options.items[k]!;
      if (item.role !== "both" && item.role !== role) continue;
      const cell = cells[c] ?? "";
      if (isBlank(cell)) continue;
      let value: number | undefined;
      if (item.levels !== undefined) {
        const key = normalizeKey(cell);
        const idx = item.levels.findIndex((l) => normalizeKey(l) === key);
        if (idx !== -1) value = idx + 1;
        else {
          const n = scoreOf(cell);
          if (n !== undefined && Number.isInteger(n) && n >= 1 && n <= item.levels.length) value = n;
        }
        if (value === undefined) {
          problems.push(
            new InputFileError("UNKNOWN_OPTION", "The answer is none of the levels of this parameter.", {
              location: { file, row, column: table.header[c]! },
              hint: `Write one of: ${item.levels.join(", ")}.`,
              details: { question: item.id },
            }),
          );
          continue;
        }
      } else {
        value = scoreOf(cell);
        if (value === undefined) {
          problems.push(
            new InputFileError("NOT_A_NUMBER", "The answer is not a number on the parameter's scale.", {
              location: { file, row, column: table.header[c]! },
              hint: `Write a number from ${item.min} to ${item.max} (e.g. «7» or «7 из 10»).`,
              details: { what: "scale", min: item.min, max: item.max },
            }),
          );
          continue;
        }
        if (value < item.min || value > item.max) {
          problems.push(
            new InputFileError(
              "INVALID_VALUE",
              `The value ${value} is outside the scale ${item.min}–${item.max}.`,
              {
                location: { file, row, column: table.header[c]! },
                hint: `Write a number from ${item.min} to ${item.max}, or change the scale in the monitoring section.`,
                details: { what: "scale", value, min: item.min, max: item.max },
              },
            ),
          );
          continue;
        }
      }
      values[item.id] = value;
    }
    const tagCell = at(cells, "tags");
    const roleModel = at(cells, "roleModel");
    const response: MonitoringResponse = {
      id,
      values,
      ...(tagCell === "" ? {} : { tags: tagsOf(tagCell) }),
      ...(roleModel === "" ? {} : { roleModel }),
      file,
      row,
    };
    const ts = parseTimestamp(at(cells, "timestamp"));
    const time = typeof ts === "number" ? ts : null;
    const before = kept.get(id);
    if (before === undefined) kept.set(id, { response, time });
    else {
      // The later submission wins: by timestamp when both have one, else by row order.
      const laterWins = before.time === null || time === null || time >= before.time;
      const [win, lose] = laterWins ? [{ response, time }, before] : [before, { response, time }];
      kept.set(id, win);
      skip(lose.response.row, "superseded");
    }
  }
  // A withdrawn consent anywhere in the file removes every row of that participant.
  const responses: MonitoringResponse[] = [];
  for (const { response } of kept.values()) {
    if (withdrawn.has(response.id)) skip(response.row, "no-consent");
    else responses.push(response);
  }
  notUsed.sort((a, b) => a.row - b.row);
  return {
    read: {
      label: options.label,
      file,
      responses,
      notUsed,
      withdrawn: [...withdrawn].sort(),
      rows: table.rows.length,
    },
    problems,
  };
}
