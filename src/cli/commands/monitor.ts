/** `mentor-match monitor`: the pairs in force + diagnostics + satisfaction → monitoring; or the district roll-up. */
import { statSync } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import type { Delimiter } from "../../csv/detectDelimiter.js";
import { type CsvTable, readCsv } from "../../csv/readCsv.js";
import { InputFileError, isMentorMatchError, type MentorMatchError, ProgramError } from "../../errors.js";
import { aggregateMonitoring, parseMonitoringSummary } from "../../monitoring/aggregateMonitoring.js";
import { buildMonitoring } from "../../monitoring/buildMonitoring.js";
import { learnEmails } from "../../monitoring/learnEmails.js";
import { pseudonymizeMonitoring } from "../../monitoring/pseudonymizeMonitoring.js";
import { type MonitoringItem, readMonitoringTable } from "../../monitoring/readMonitoringTable.js";
import { districtSheets, renderDistrictOutputs } from "../../monitoring/renderDistrictOutputs.js";
import { monitoringSheets, renderMonitoringFiles } from "../../monitoring/renderMonitoringOutputs.js";
import { rosterFromPairs } from "../../monitoring/rosterFromPairs.js";
import type { MonitoringRead, Roster, RowNotUsed } from "../../monitoring/types.js";
import { FORMS, type Form } from "../../questionnaire/forms.js";
import type { Monitoring } from "../../questionnaire/monitoringConfig.js";
import { parseProgram } from "../../questionnaire/parseProgram.js";
import { presets } from "../../questionnaire/presets.js";
import type { Language } from "../../language.js";
import { EXIT } from "../_internal/exit.js";
import { type CliIo, readInputFile } from "../_internal/io.js";
import { type OutputContent, writeOutputs } from "../_internal/writeOutputs.js";
import { MONITOR_SAY, monitorErrorText, reasonWords } from "../_internal/monitorMessages.js";
import { looksLikeXlsx, readXlsxTable, writeXlsxWorkbook } from "../_internal/xlsx.js";
import { startXlsxWriter, type XlsxWriter } from "../_internal/xlsxOffThread.js";

/** Options of `monitor`. */
export interface MonitorCommandOptions {
  readonly pairs?: readonly string[];
  readonly diagnostics?: readonly string[];
  readonly labels?: readonly string[];
  readonly satisfaction?: readonly string[];
  readonly aggregate?: readonly string[];
  readonly config?: string;
  readonly form?: string;
  readonly school?: string;
  readonly out: string;
  readonly delimiter: Delimiter;
  readonly inputDelimiter?: Delimiter;
  readonly pseudonymize?: boolean;
  readonly seed?: number;
}

async function readTable(io: CliIo, path: string, inputDelimiter: Delimiter | undefined): Promise<CsvTable> {
  const bytes = readInputFile(io, path);
  if (looksLikeXlsx(path, bytes)) return readXlsxTable(bytes, { file: path });
  return readCsv(bytes, {
    file: path,
    ...(inputDelimiter === undefined ? {} : { delimiter: inputDelimiter }),
  });
}

function readJson(io: CliIo, path: string, what: "pairs-json" | "monitoring-json" | "config"): unknown {
  const text = new TextDecoder("utf-8").decode(readInputFile(io, path)).replace(/^\uFEFF/, "");
  try {
    return JSON.parse(text);
  } catch {
    if (what === "config") {
      throw new ProgramError("INVALID_PROGRAM", "The program config is not valid JSON.", {
        location: { file: path },
        hint: "Fix the JSON, or write a new config with `mentor-match init`.",
      });
    }
    throw new InputFileError("INVALID_VALUE", "The file is not valid JSON.", {
      location: { file: path },
      hint: "Give the file that mentor-match wrote, unchanged.",
      details: { what },
    });
  }
}

/** A results folder → its pairs.json; a file as it is. */
function pairsFile(io: CliIo, path: string): string {
  try {
    if (statSync(resolve(io.cwd, path)).isDirectory()) return join(path, "pairs.json");
  } catch {
    // readInputFile reports the missing path.
  }
  return path;
}

/** The monitoring section: the config's, else the preset's of --form, else of the pairs' form. */
function monitoringOf(
  io: CliIo,
  options: MonitorCommandOptions,
  roster: Roster,
): {
  monitoring: Monitoring | undefined;
  columns?: Record<string, string>;
  seed: number;
} {
  if (options.config !== undefined) {
    const json = readJson(io, options.config, "config");
    let program: ReturnType<typeof parseProgram>;
    try {
      program = parseProgram(json);
    } catch (error) {
      if (isMentorMatchError(error) && error.location?.file === undefined) {
        throw new ProgramError(error.code, error.problem, {
          location: { ...error.location, file: options.config },
          ...(error.hint === undefined ? {} : { hint: error.hint }),
          ...(error.details === undefined ? {} : { details: error.details }),
        });
      }
      throw error;
    }
    return {
      monitoring: program.monitoring ?? presets[program.form].monitoring,
      ...(program.columns === undefined ? {} : { columns: program.columns }),
      seed: program.seed,
    };
  }
  const form = options.form ?? roster.people[0]?.form;
  const known = (FORMS as readonly string[]).includes(form ?? "");
  return { monitoring: known ? presets[form as Form].monitoring : undefined, seed: 0 };
}

function printNotUsed(io: CliIo, language: Language, notUsed: readonly RowNotUsed[]): void {
  if (notUsed.length === 0) return;
  const counts = new Map<string, number>();
  for (const x of notUsed) {
    const key = `${x.file}|${x.reason}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  io.stderr(`${MONITOR_SAY[language].notUsed(notUsed.length)}\n`);
  for (const [key, c] of counts) {
    const [file, reason] = key.split("|") as [string, string];
    io.stderr(`  ${file}: ${reasonWords(reason, language)} — ${c}\n`);
  }
}

async function aggregateRun(io: CliIo, options: MonitorCommandOptions, language: Language): Promise<number> {
  const summaries = options.aggregate!.map((path) => {
    const s = parseMonitoringSummary(readJson(io, path, "monitoring-json"), path);
    // A school without a name of its own is named by its folder.
    return s.school === "school" ? { ...s, school: basename(resolve(io.cwd, path, "..")) } : s;
  });
  const district = aggregateMonitoring(summaries);
  const files: Record<string, string | Uint8Array> = {
    ...renderDistrictOutputs(district, { language, delimiter: options.delimiter }),
    "district.xlsx": await writeXlsxWorkbook(districtSheets(district, language)),
  };
  const written = await writeOutputs(io, options.out, files, { replaces: [] });
  io.stdout(`${MONITOR_SAY[language].district(district.schools.length, district.totals.participants)}\n`);
  const total = district.kpis.filter((k) => k.school === "");
  io.stdout(`${MONITOR_SAY[language].kpis(total.filter((k) => k.met === true).length, total.length)}\n`);
  io.stdout(`${MONITOR_SAY[language].wrote}\n${written.map((f) => `  ${f}`).join("\n")}\n`);
  return EXIT.ok;
}

/** Runs `monitor`; returns the exit code. */
export async function monitorCommand(
  io: CliIo,
  options: MonitorCommandOptions,
  language: Language,
): Promise<number> {
  const say = MONITOR_SAY[language];
  try {
    if (options.aggregate !== undefined && options.aggregate.length > 0)
      return await aggregateRun(io, options, language);
    if (options.pairs === undefined || options.pairs.length === 0) {
      io.stderr(`${say.needPairs}\n`);
      return EXIT.usage;
    }
    const diagnostics = options.diagnostics ?? [];
    if (diagnostics.length === 0) {
      io.stderr(`${say.needDiagnostics}\n`);
      return EXIT.usage;
    }
    if (options.labels !== undefined && options.labels.length !== diagnostics.length) {
      io.stderr(`${say.labels(diagnostics.length, options.labels.length)}\n`);
      return EXIT.usage;
    }
    // monitoring.xlsx is written on a worker thread, started now so that it loads exceljs while the
    // inputs are read; it is ended on every path that does not reach the write.
    const xlsx = startXlsxWriter();
    try {
      return await monitorRun(io, options, language, options.pairs, diagnostics, xlsx);
    } finally {
      xlsx.close();
    }
  } catch (error) {
    if (isMentorMatchError(error) && error.code !== "INTERNAL") {
      io.stderr(`${monitorErrorText(error, language)}\n`);
      return EXIT.input;
    }
    throw error;
  }
}

/** The school's run of `monitor`, once the arguments are checked. */
async function monitorRun(
  io: CliIo,
  options: MonitorCommandOptions,
  language: Language,
  pairs: readonly string[],
  diagnostics: readonly string[],
  xlsx: XlsxWriter,
): Promise<number> {
  const say = MONITOR_SAY[language];
  const roster0 = rosterFromPairs(
    pairs.map((p) => {
      const file = pairsFile(io, p);
      return { file, json: readJson(io, file, "pairs-json") };
    }),
  );
  const { monitoring, columns, seed } = monitoringOf(io, options, roster0);
  if (monitoring === undefined) {
    io.stderr(`${say.noMonitoring}\n`);
    return EXIT.usage;
  }
  if (monitoring.parameters.length === 0) {
    io.stderr(`${say.noParameters}\n`);
    return EXIT.input;
  }
  const problems: MentorMatchError[] = [];
  const tables = new Map<string, CsvTable>();
  for (const path of [...diagnostics, ...(options.satisfaction ?? [])]) {
    try {
      const table = await readTable(io, path, options.inputDelimiter);
      problems.push(...table.problems);
      tables.set(path, table);
    } catch (error) {
      if (error instanceof InputFileError) problems.push(error);
      else throw error;
    }
  }
  const known = learnEmails(roster0, [...tables.values()]);
  const read = (path: string, label: string, items: readonly MonitoringItem[]): MonitoringRead | null => {
    const table = tables.get(path);
    if (table === undefined) return null;
    try {
      const r = readMonitoringTable(table, known, {
        label,
        items,
        ...(columns === undefined ? {} : { columns }),
      });
      problems.push(...r.problems);
      return r.read;
    } catch (error) {
      if (error instanceof InputFileError) {
        problems.push(error);
        return null;
      }
      throw error;
    }
  };
  const labels = options.labels ?? diagnostics.map((d) => basename(d, extname(d)));
  const diagReads: MonitoringRead[] = [];
  for (let k = 0; k < diagnostics.length; k++) {
    const r = read(diagnostics[k]!, labels[k]!, monitoring.parameters);
    if (r !== null) diagReads.push(r);
  }
  const satReads: MonitoringRead[] = [];
  for (const path of options.satisfaction ?? []) {
    const r = read(path, "satisfaction", monitoring.satisfaction.questions);
    if (r !== null) satReads.push(r);
  }
  if (problems.length > 0) {
    for (const p of problems) io.stderr(`${monitorErrorText(p, language)}\n`);
    io.stderr(`${say.problems(problems.length)}\n`);
    return EXIT.input;
  }
  const built = buildMonitoring({
    roster: known,
    config: monitoring,
    diagnostics: diagReads,
    satisfaction: satReads,
    school: options.school ?? basename(resolve(io.cwd, options.out)),
  });
  const report = options.pseudonymize === true ? pseudonymizeMonitoring(built, options.seed ?? seed) : built;
  // The worker writes the workbook while this thread renders and stages the text files (the CSV and the
  // JSON piece by piece); the workbook is staged last, when it is ready.
  const workbook = xlsx.write(monitoringSheets(report, language));
  const files: Record<string, OutputContent | Promise<OutputContent>> = {
    ...renderMonitoringFiles(report, { language, delimiter: options.delimiter }),
    "monitoring.xlsx": workbook,
  };
  const written = await writeOutputs(io, options.out, files, { replaces: [] });
  printNotUsed(io, language, report.notUsed);
  io.stdout(`${say.read(report.counts.participants, report.counts.pairs, report.timePoints.length)}\n`);
  if (report.counts.withdrawn > 0) io.stdout(`${say.withdrawn(report.counts.withdrawn)}\n`);
  io.stdout(`${say.atRisk(report.atRisk.length)}\n`);
  io.stdout(`${say.kpis(report.kpis.filter((k) => k.met === true).length, report.kpis.length)}\n`);
  io.stdout(`${say.wrote}\n${written.map((f) => `  ${f}`).join("\n")}\n`);
  return EXIT.ok;
}
