/** Every text file a `monitor` run writes, from one report; the xlsx sheets as tables. */
import type { Language } from "../language.js";
import type { Delimiter } from "../csv/detectDelimiter.js";
import { formatCsv } from "../csv/formatCsv.js";
import { atRiskReasons, reportTables, roleWord, type Table } from "./_internal/tables.js";
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
  const language = options.language ?? "ru";
  const delimiter = options.delimiter ?? ",";
  const w = monitorWords(language);
  // 120,000 rows for 5,000 participants × 6 parameters × 4 time points: the text cells repeat, so each
  // participant's cells and each (parameter, time point)'s cells are written once by formatCsv (quoting,
  // formula neutralising) and the lines assembled from them; the value is a number or empty.
  const line = (cells: readonly (string | number | null)[]): string =>
    formatCsv(cells as string[], [], { delimiter, bom: false }).slice(0, -2);
  const suffixes = new Map<string, string[]>();
  for (const p of report.config.parameters) {
    suffixes.set(
      p.id,
      report.timePoints.map((t) => line([p.id, p.label[language], t])),
    );
  }
  const parts: string[] = [
    formatCsv(
      [w.code, w.name, w.role, w.form, `${w.parameter} (id)`, w.parameter, w.timePoint, w.value1],
      [],
      { delimiter },
    ),
  ];
  let prefixOf = "";
  let prefix = "";
  for (const s of report.series) {
    if (s.id !== prefixOf) {
      prefix = line([s.id, s.name ?? "", roleWord(s.role, language), s.form]);
      prefixOf = s.id;
    }
    const suffix = suffixes.get(s.parameter)!;
    for (let t = 0; t < report.timePoints.length; t++) {
      const v = s.values[t];
      parts.push(
        `${prefix}${delimiter}${suffix[t]}${delimiter}${v === null || v === undefined ? "" : String(v)}\r\n`,
      );
    }
  }
  const csv = parts.join("");
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
    "monitoring.csv": csv,
    "monitoring.json": `${JSON.stringify(json)}\n`,
    "monitoring.html": renderMonitoringHtml(report, { language }),
    "at-risk.csv": atRisk,
  };
}
