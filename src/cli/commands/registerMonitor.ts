/** The `monitor` command's options and action, registered on the program by run.ts. */
import type { Language } from "../../language.js";
import { type Command, InvalidArgumentError, Option } from "commander";
import type { Delimiter } from "../../csv/detectDelimiter.js";
import { FORMS } from "../../questionnaire/forms.js";
import type { CliIo } from "../_internal/io.js";
import { pickLanguage } from "../_internal/messages.js";

const T = {
  ru: {
    monitor:
      "мониторинг: сравнить диагностики «до» и «после», удовлетворённость, пары в зоне риска, целевые показатели; или свести школы района (--aggregate)",
    pairs: "папка результатов подбора (или pairs.json) — пары, которые действуют сейчас",
    diagnostics: "выгрузки диагностик по порядку (CSV или xlsx): старт, четверти, итог",
    labels: "названия диагностик через запятую (по умолчанию — имена файлов)",
    satisfaction: "выгрузки анкет удовлетворённости (CSV или xlsx)",
    aggregate: "monitoring.json школ: свести в районные таблицы (без кодов участников)",
    config: "файл настроек программы (JSON) с разделом monitoring",
    form: "форма наставничества, если нет --config (готовые параметры мониторинга)",
    school: "название школы в районной сводке (по умолчанию — имя папки --out)",
    out: "папка для результатов",
    delimiter: "разделитель в записываемых CSV (; удобнее для Excel)",
    inputDelimiter: "разделитель в читаемых CSV, если он определяется неверно: «,», «;» или «tab»",
    pseudonymize: "заменить имена во всех результатах кодами (P-3F9A)",
    seed: "зерно для кодов --pseudonymize (по умолчанию — из настроек)",
    language: "язык сообщений и отчёта",
  },
  en: {
    monitor:
      "monitoring: compare diagnostics before and after, satisfaction, pairs at risk, targets; or roll schools up for a district (--aggregate)",
    pairs: "the results folder of matching (or its pairs.json): the pairs in force",
    diagnostics: "diagnostic exports in time order (CSV or xlsx): start, quarters, final",
    labels: "names of the diagnostics, comma-separated (default: the file names)",
    satisfaction: "satisfaction questionnaire exports (CSV or xlsx)",
    aggregate: "schools' monitoring.json files: roll up into district tables (no participant codes)",
    config: "program config (JSON) with a monitoring section",
    form: "form of mentoring when there is no --config (preset monitoring parameters)",
    school: "the school's name in the district roll-up (default: the --out folder's name)",
    out: "folder for the results",
    delimiter: "delimiter of the CSV files written (; suits Excel)",
    inputDelimiter: 'delimiter of the CSV files read, when the detected one is wrong: ",", ";" or "tab"',
    pseudonymize: "replace names in every output with codes (P-3F9A)",
    seed: "seed of the --pseudonymize codes (default: the config's)",
    language: "language of messages and report",
  },
} as const;

function parseDelimiter(value: string): Delimiter {
  if (value === "," || value === "comma") return ",";
  if (value === ";" || value === "semicolon") return ";";
  if (value === "tab" || value === "\\t" || value === "\t") return "\t";
  throw new InvalidArgumentError('expected "," or ";" or "tab" / ожидается «,», «;» или «tab»');
}

function parseSeed(value: string): number {
  if (!/^\d{1,10}$/.test(value.trim()))
    throw new InvalidArgumentError("expected an integer / ожидается целое число");
  return Number(value);
}

/**
 * Adds `monitor` to the program. `setCode` receives the exit code.
 *
 * @param program - the root command.
 * @param io - the run's io.
 * @param helpLanguage - the language of the help.
 * @param setCode - where the exit code goes.
 */
export function registerMonitor(
  program: Command,
  io: CliIo,
  helpLanguage: Language,
  setCode: (code: number) => void,
): void {
  const t = T[helpLanguage];
  program
    .command("monitor")
    .description(t.monitor)
    .option("--pairs <paths...>", t.pairs)
    .option("--diagnostics <files...>", t.diagnostics)
    .option("--labels <list>", t.labels, (v: string) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== ""),
    )
    .option("--satisfaction <files...>", t.satisfaction)
    .option("--aggregate <files...>", t.aggregate)
    .addOption(new Option("--config <file>", t.config).conflicts("form"))
    .addOption(new Option("--form <form>", t.form).choices([...FORMS]))
    .option("--school <name>", t.school)
    .option("--out <dir>", t.out, "mentor-match-monitoring")
    .option("--delimiter <d>", t.delimiter, parseDelimiter, ",")
    .option("--input-delimiter <d>", t.inputDelimiter, parseDelimiter)
    .option("--pseudonymize", t.pseudonymize, false)
    .option("--seed <n>", t.seed, parseSeed)
    .addOption(new Option("--lang <lang>", t.language).choices(["ru", "en"]))
    .action(async (opts) => {
      // Loaded on use: monitoring (mathjs, exceljs) costs nothing to the other commands.
      const { monitorCommand } = await import("./monitor.js");
      setCode(await monitorCommand(io, opts, pickLanguage(opts.lang, io.env)));
    });
}
