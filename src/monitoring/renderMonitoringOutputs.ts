/** Every text file a `monitor` run writes, from one report; the xlsx sheets as tables. */
import type { Delimiter } from "../csv/detectDelimiter.js";
import { formatCsv } from "../csv/formatCsv.js";
import { jsonChunks } from "./_internal/jsonChunks.js";
import { monitoringCsv } from "./_internal/monitoringCsv.js";
import { atRiskReasons, reportTables, type Table } from "./_internal/tables.js";
import type { Language } from "../language.js";
import { monitorWords } from "./_internal/texts.js";
import { renderMonitoringHtml } from "./renderMonitoringHtml.js";
import type { MonitoringReport } from "./types.js";

/** Options of {@link renderMonitoringOutputs}. */
export interface RenderMonitoringOptions {
  /** @defaultValue "ru" */
  readonly language?: Language;
  /** Delimiter of the CSV files. @defaultValue "," */
  readonly delimiter?: Delimiter;
}

/** The text files of a monitoring run (monitoring.xlsx is written from {@link monitoringSheets}). */
export type MonitoringTextFile = "monitoring.csv" | "monitoring.json" | "monitoring.html" | "at-risk.csv";

/** The header of at-risk.csv, the columns `rematch --ended` reads: mentor code, mentee code, reason. */
export function atRiskHeader(language: Language): string[] {
  const w = monitorWords(language);
  return [w.mentorCode, w.menteeCode, w.atRiskReason];
}

/**
 * The comparative tables of monitoring.xlsx, one per sheet: changes by parameter, every participant's
 * first/last/change/series, by form, by role model, by priority group, pairs, mentor groups, satisfaction,
 * missing diagnostics, pairs at risk, KPIs, rows not used.
 *
 * Complexity: O(size of the report).
 *
 * @param report - from `buildMonitoring`.
 * @param language - the language of headers and words.
 * @returns the sheets (name, header, rows; numbers stay numbers).
 * @throws never.
 * @example
 * const bytes = await writeXlsxWorkbook(monitoringSheets(report, "ru"));
 */
export function monitoringSheets(report: MonitoringReport, language: Language = "ru"): Table[] {
  return reportTables(report, language);
}

/** The text of a file given in pieces (the CSV's byte order mark kept as its first character). */
function textOf(file: MonitoringChunks): string {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let text = "";
  for (const piece of file.chunks)
    text += typeof piece === "string" ? piece : decoder.decode(piece, { stream: true });
  return text + decoder.decode();
}

/** A file given piece by piece: each piece is valid until the next is asked for (write it, or copy it). */
export interface MonitoringChunks {
  readonly chunks: Iterable<string | Uint8Array>;
}

/**
 * The files of {@link renderMonitoringOutputs}, the two large ones (`monitoring.csv`, `monitoring.json`)
 * as pieces produced while they are written, as the command line writes them: neither is ever one string
 * or one buffer in memory. Not part of the package's API.
 *
 * Complexity: O(size of the report).
 *
 * @param report - from `buildMonitoring`.
 * @param options - language and CSV delimiter.
 * @returns file name → content.
 * @throws never.
 * @example
 * const files = renderMonitoringFiles(report, { language: "ru", delimiter: ";" });
 * for (const piece of files["monitoring.csv"].chunks) write(piece);
 */
export function renderMonitoringFiles(
  report: MonitoringReport,
  options: RenderMonitoringOptions = {},
): Record<"monitoring.html" | "at-risk.csv", string> &
  Record<"monitoring.csv" | "monitoring.json", MonitoringChunks> {
  const language = options.language ?? "ru";
  const delimiter = options.delimiter ?? ",";
  const atRisk = formatCsv(
    atRiskHeader(language),
    report.atRisk.map((p) => [p.mentor, p.mentee, atRiskReasons(p, language)]),
    { delimiter },
  );
  const json = {
    format: "mentor-match/monitoring",
    version: 1,
    timePoints: report.timePoints,
    forms: report.forms,
    counts: report.counts,
    kpis: report.kpis,
    byParameter: report.byParameter,
    byForm: report.byForm,
    byRoleModel: report.byRoleModel,
    byTag: report.byTag,
    satisfaction: report.satisfaction,
    atRisk: report.atRisk,
    pairs: report.pairs,
    groups: report.groups,
    missing: report.missing,
    notUsed: report.notUsed,
    participants: report.series,
    config: report.config,
    summary: report.summary,
  };
  return {
    "monitoring.csv": { chunks: { [Symbol.iterator]: () => monitoringCsv(report, language, delimiter) } },
    "monitoring.json": { chunks: { [Symbol.iterator]: () => jsonChunks(json) } },
    "monitoring.html": renderMonitoringHtml(report, { language }),
    "at-risk.csv": atRisk,
  };
}

/**
 * Renders `monitoring.csv` (one row per participant × parameter × time point; a missing value is an empty
 * cell), `monitoring.json` (everything, with the `summary` a district reads), `monitoring.html` and
 * `at-risk.csv` (mentor code, mentee code, reason: what `rematch --ended` reads). CSV files are UTF-8 with
 * a BOM, every cell neutralised against formulas. The same report gives the same bytes.
 *
 * Complexity: O(size of the report).
 *
 * @param report - from `buildMonitoring` (pseudonymized first with `pseudonymizeMonitoring` if needed).
 * @param options - language and CSV delimiter.
 * @returns file name → content.
 * @throws never.
 * @example
 * const files = renderMonitoringOutputs(report, { language: "ru", delimiter: ";" });
 * files["at-risk.csv"].startsWith("\uFEFF"); // true
 */
export function renderMonitoringOutputs(
  report: MonitoringReport,
  options: RenderMonitoringOptions = {},
): Record<MonitoringTextFile, string> {
  const files = renderMonitoringFiles(report, options);
  return {
    ...files,
    "monitoring.csv": textOf(files["monitoring.csv"]),
    "monitoring.json": textOf(files["monitoring.json"]),
  };
}
