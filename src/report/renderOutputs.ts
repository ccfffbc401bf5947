/** Every file a `match` run writes, as text, from one model. */

import type { Language } from "../language.js";
import type { Delimiter } from "../csv/detectDelimiter.js";
import { formatCsv } from "../csv/formatCsv.js";
import type { ReportModel, ReportPerson } from "./buildReportModel.js";
import { renderHtmlReport } from "./renderHtmlReport.js";
import { renderMarkdownReport } from "./renderMarkdownReport.js";
import { type OutputTable, outputTables } from "./outputTables.js";

/** Options of {@link renderOutputs}. */
export interface RenderOutputsOptions {
  /** Language of headers, reasons and reports. @defaultValue "ru" */
  readonly language?: Language;
  /**
   * Delimiter of the CSV files: `;` for Russian (what Excel in a Russian locale expects), `,` for English.
   * With `;` or a tab in a Russian run, numbers have decimal commas («0,85»). @defaultValue by `language`
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
 * const files = renderOutputs(model, { language: "ru", delimiter: ";" });
 * files["pairs.csv"].startsWith("\uFEFF"); // true
 */
export function renderOutputs(
  model: ReportModel,
  options: RenderOutputsOptions = {},
): Record<OutputFile, string> {
  const language = options.language ?? "ru";
  const delimiter = options.delimiter ?? (language === "ru" ? ";" : ",");
  // Excel in a Russian locale reads «0,85» as a number; with "," as the delimiter, dots stay.
  const comma = language === "ru" && delimiter !== ",";
  const tables = outputTables(model, { language, decimalComma: comma });
  const csv = (t: OutputTable): string =>
    formatCsv(
      t.header,
      t.rows.map((row) => row.map((v) => (typeof v === "number" && comma ? String(v).replace(".", ",") : v))),
      { delimiter },
    );
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
    // Without the note (it names rows and files, which change when the rows are reordered).
    excluded: model.excluded.map((e) => ({ id: e.id, role: e.role, reason: e.reason })),
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
    "pairs.csv": csv(tables.pairs),
    "pairs.json": `${JSON.stringify(json, null, 2)}\n`,
    "unmatched.csv": csv(tables.unmatched),
    "excluded.csv": csv(tables.excluded),
    "report.html": renderHtmlReport(model, { language }),
    "report.md": renderMarkdownReport(model, { language }),
  };
}
