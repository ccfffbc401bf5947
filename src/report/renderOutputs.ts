/** Every file a `match` run writes, as text, from one model. */

import type { Delimiter } from "../csv/detectDelimiter.js";
import { formatCsv } from "../csv/formatCsv.js";
import { bilingual } from "./_internal/content.js";
import type { ReportModel, ReportPerson } from "./buildReportModel.js";
import { renderHtmlReport } from "./renderHtmlReport.js";
import { renderMarkdownReport } from "./renderMarkdownReport.js";
import { type Lang, reasonText } from "./texts.js";

/** Options of {@link renderOutputs}. */
export interface RenderOutputsOptions {
  /** Language of headers, reasons and reports. @defaultValue "ru" */
  readonly lang?: Lang;
  /**
   * Delimiter of the CSV files: `;` for Russian (what Excel in a Russian locale expects), `,` for English.
   * With `;` or a tab in a Russian run, numbers have decimal commas («0,85»). @defaultValue by `lang`
   */
  readonly delimiter?: Delimiter;
}

/** The file names {@link renderOutputs} produces, in the order they are written. */
export const OUTPUT_FILES = [
  "pairs.csv",
  "pairs.json",
  "unmatched.csv",
  "excluded.csv",
  "report.html",
  "report.md",
] as const;

/** One output file name. */
export type OutputFile = (typeof OUTPUT_FILES)[number];

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
  },
} as const;

function person(p: ReportPerson): ReportPerson {
  return p.name === undefined ? { id: p.id } : { id: p.id, name: p.name };
}

function round4(x: number): number | null {
  return Number.isFinite(x) ? Math.round(x * 10_000) / 10_000 : null;
}

/**
 * Renders the outputs of a run: `pairs.csv`, `pairs.json`, `unmatched.csv` (reason codes and words),
 * `excluded.csv` (codes only), `report.html` and `report.md`. CSV files are UTF-8 with BOM, every cell
 * neutralised against formulas. Deterministic: the same model gives the same bytes.
 *
 * Complexity: O(size of the model).
 *
 * @param model - from `buildReportModel`.
 * @param options - language and CSV delimiter.
 * @returns file name → content.
 * @throws never.
 *
 * @example
 * const files = renderOutputs(model, { lang: "ru", delimiter: ";" });
 * files["pairs.csv"].startsWith("\uFEFF"); // true
 */
export function renderOutputs(
  model: ReportModel,
  options: RenderOutputsOptions = {},
): Record<OutputFile, string> {
  const lang = options.lang ?? "ru";
  const delimiter = options.delimiter ?? (lang === "ru" ? ";" : ",");
  // Excel in a Russian locale reads «0,85» as a number; with "," as the delimiter, dots stay.
  const comma = lang === "ru" && delimiter !== ",";
  const num = (x: number | null, digits?: number): string => {
    if (x === null) return "";
    const text = digits === undefined ? String(x) : x.toFixed(digits);
    return comma ? text.replace(".", ",") : text;
  };
  const h = HEADERS[lang];
  const pairRows: (string | number)[][] = [];
  for (const g of model.groups) {
    for (const p of g.pairs) {
      pairRows.push([
        p.mentor.id,
        p.mentor.name ?? "",
        p.mentee.id,
        p.mentee.name ?? "",
        num(round4(p.score)),
        p.menteeChoice ?? "",
        p.menteeRank,
        p.reasons.map((r) => bilingual(r.label, lang)).join("; "),
        p.noData.map((l) => bilingual(l, lang)).join("; "),
      ]);
    }
  }
  // Mentees without a mentor, then mentors without a mentee: everyone matched is in pairs.csv, everyone
  // else here or in excluded.csv.
  const unmatchedRows: (string | number)[][] = model.unmatched.map((u) => [
    u.mentee.id,
    h.mentee,
    u.mentee.name ?? "",
    u.reason,
    reasonText(u.reason, lang),
    u.closest
      .map(
        (c) =>
          `${c.mentor.id} (${num(round4(c.score) ?? 0, 2)}${comma ? " —" : ","} ${c.hasRoom ? h.room : h.full})`,
      )
      .join("; "),
  ]);
  for (const m of model.idleMentors) {
    unmatchedRows.push([m.id, h.mentor, m.name ?? "", "idle-mentor", reasonText("idle-mentor", lang), ""]);
  }
  const excludedRows = model.excluded.map((e) => [
    e.id,
    e.role === "mentor" ? h.mentor : h.mentee,
    e.reason,
    reasonText(e.reason, lang),
  ]);
  const json = {
    form: model.form,
    strategy: model.strategy,
    seed: model.seed,
    ...(model.tieBreak === undefined ? {} : { tieBreak: model.tieBreak }),
    counts: model.counts,
    groups: model.groups.map((g) => ({
      mentor: person(g.mentor),
      capacity: g.capacity,
      mentees: g.pairs.map((p) => ({
        ...person(p.mentee),
        score: round4(p.score),
        menteeChoice: p.menteeChoice,
        menteeRank: p.menteeRank,
        reasons: p.reasons.map((r) => ({ label: r.label, contribution: round4(r.contribution) })),
        noData: p.noData,
      })),
    })),
    unmatched: model.unmatched.map((u) => ({
      ...person(u.mentee),
      reason: u.reason,
      closest: u.closest.map((c) => ({ id: c.mentor.id, score: round4(c.score), hasRoom: c.hasRoom })),
    })),
    idleMentors: model.idleMentors.map((m) => ({ ...person(m), capacity: m.capacity })),
    excluded: model.excluded,
    metrics: {
      ...model.metrics,
      totalScore: round4(model.metrics.totalScore),
      meanScore: round4(model.metrics.meanScore),
      minScore: round4(model.metrics.minScore),
      mentorFill: round4(model.metrics.mentorFill),
      menteeRanks: { ...model.metrics.menteeRanks, mean: round4(model.metrics.menteeRanks.mean) },
      mentorRanks: { ...model.metrics.mentorRanks, mean: round4(model.metrics.mentorRanks.mean) },
      byTag: model.metrics.byTag.map((t) => ({ ...t, meanScore: round4(t.meanScore) })),
    },
  };
  return {
    "pairs.csv": formatCsv(h.pairs, pairRows, { delimiter }),
    "pairs.json": `${JSON.stringify(json, null, 2)}\n`,
    "unmatched.csv": formatCsv(h.unmatched, unmatchedRows, { delimiter }),
    "excluded.csv": formatCsv(h.excluded, excludedRows, { delimiter }),
    "report.html": renderHtmlReport(model, { lang }),
    "report.md": renderMarkdownReport(model, { lang }),
  };
}
