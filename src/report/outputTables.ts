/** The tables of a run's outputs (pairs, the unmatched, the excluded), for CSV files and an Excel workbook. */
import type { Language } from "../language.js";
import { bilingual } from "./_internal/content.js";
import type { ReportModel } from "./buildReportModel.js";
import { reasonText } from "./texts.js";

const HEADERS = {
  ru: {
    pairs: [
      "Код наставника",
      "Наставник",
      "Код наставляемого",
      "Наставляемый",
      "Балл",
      "Место в списке наставляемого",
      "Место по баллу",
      "Почему эта пара",
      "Нет данных",
    ],
    unmatched: [
      "Код",
      "Роль",
      "Участник",
      "Код причины",
      "Причина",
      "Ближайшие наставники (код, балл, есть ли место)",
    ],
    excluded: ["Код", "Роль", "Код причины", "Причина"],
    mentor: "наставник",
    mentee: "наставляемый",
    room: "есть место",
    full: "мест нет",
    sheets: { pairs: "Пары", unmatched: "Без пары", excluded: "Исключены" },
  },
  en: {
    pairs: [
      "Mentor code",
      "Mentor",
      "Mentee code",
      "Mentee",
      "Score",
      "Mentor's place in the mentee's list",
      "Place by score",
      "Why this pair",
      "No data",
    ],
    unmatched: [
      "Code",
      "Role",
      "Participant",
      "Reason code",
      "Reason",
      "Closest mentors (code, score, room)",
    ],
    excluded: ["Code", "Role", "Reason code", "Reason"],
    mentor: "mentor",
    mentee: "mentee",
    room: "has room",
    full: "full",
    sheets: { pairs: "Pairs", unmatched: "Unmatched", excluded: "Excluded" },
  },
} as const;

/** One output table: a sheet of the workbook, or one CSV file. */
export interface OutputTable {
  /** The sheet's name in the run's language. */
  readonly name: string;
  readonly header: readonly string[];
  /** Scores are numbers (rounded to 4 decimals), places whole numbers, everything else text. */
  readonly rows: readonly (readonly (string | number)[])[];
}

/** The three tables of a run. */
export interface OutputTables {
  /** One row per pair: codes, names, score, the named-list place, the place by score, reasons, no data. */
  readonly pairs: OutputTable;
  /** Mentees without a mentor (reason, closest mentors), then mentors without a mentee. */
  readonly unmatched: OutputTable;
  /** Participants left out before matching, by code only. */
  readonly excluded: OutputTable;
}

function round4(x: number): number | null {
  return Number.isFinite(x) ? Math.round(x * 10_000) / 10_000 : null;
}

/**
 * The rows of `pairs.csv`, `unmatched.csv` and `excluded.csv` (and of the sheets of `pairs.xlsx`), in the
 * run's language: everyone matched is in `pairs`, everyone else in `unmatched` or `excluded`.
 *
 * Complexity: O(size of the model).
 *
 * @param model - from `buildReportModel`.
 * @param options - the language; whether numbers inside texts (the closest mentors' scores) take a decimal
 *   comma.
 * @returns the three tables.
 * @throws never.
 *
 * @example
 * outputTables(model, { language: "ru" }).pairs.header[6]; // "Место по баллу"
 */
export function outputTables(
  model: ReportModel,
  options: { readonly language?: Language; readonly decimalComma?: boolean } = {},
): OutputTables {
  const language = options.language ?? "ru";
  const comma = options.decimalComma ?? language === "ru";
  const h = HEADERS[language];
  const pairRows: (string | number)[][] = [];
  for (const g of model.groups) {
    for (const p of g.pairs) {
      pairRows.push([
        p.mentor.id,
        p.mentor.name ?? "",
        p.mentee.id,
        p.mentee.name ?? "",
        round4(p.score) ?? "",
        p.menteeChoice ?? "",
        p.menteeRank,
        p.reasons.map((r) => bilingual(r.label, language)).join("; "),
        p.noData.map((l) => bilingual(l, language)).join("; "),
      ]);
    }
  }
  const score2 = (x: number): string => {
    const text = (round4(x) ?? 0).toFixed(2);
    return comma ? text.replace(".", ",") : text;
  };
  const unmatchedRows: (string | number)[][] = model.unmatched.map((u) => [
    u.mentee.id,
    h.mentee,
    u.mentee.name ?? "",
    u.reason,
    reasonText(u.reason, language),
    u.closest
      .map((c) => `${c.mentor.id} (${score2(c.score)}${comma ? " —" : ","} ${c.hasRoom ? h.room : h.full})`)
      .join("; "),
  ]);
  for (const m of model.idleMentors) {
    unmatchedRows.push([
      m.id,
      h.mentor,
      m.name ?? "",
      "idle-mentor",
      reasonText("idle-mentor", language),
      "",
    ]);
  }
  const excludedRows = model.excluded.map((e) => [
    e.id,
    e.role === "mentor" ? h.mentor : h.mentee,
    e.reason,
    e.note === undefined
      ? reasonText(e.reason, language)
      : `${reasonText(e.reason, language)} (${bilingual(e.note, language)})`,
  ]);
  return {
    pairs: { name: h.sheets.pairs, header: h.pairs, rows: pairRows },
    unmatched: { name: h.sheets.unmatched, header: h.unmatched, rows: unmatchedRows },
    excluded: { name: h.sheets.excluded, header: h.excluded, rows: excludedRows },
  };
}
