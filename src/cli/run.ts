/**
 * The `mentor-match` command line: init, validate, match, demo. The only code besides ./main.ts that
 * knows about exit codes; every file access goes through `CliIo` helpers. Each command's module is
 * imported when that command runs (`await import`), so a call loads only what its command needs.
 */
import type { Language } from "../language.js";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import type { Delimiter } from "../csv/detectDelimiter.js";
import { STRATEGIES } from "../matching/strategies.js";
import { FORMS } from "../questionnaire/forms.js";
import { isMentorMatchError } from "../errors.js";
import { EXIT } from "./_internal/exit.js";
import type { CliIo } from "./_internal/io.js";
import { errorText, pickLanguage } from "./_internal/messages.js";
import { REMATCH_HELP } from "./commands/rematchHelp.js";
import { registerMonitor } from "./commands/registerMonitor.js";

export type { CliIo } from "./_internal/io.js";

const T = {
  ru: {
    about: "Подбор наставников и наставляемых по анкетам (Google Формы, Яндекс Формы, Excel).",
    init: "создать файл настроек программы из готовой формы и сопоставить столбцы анкет",
    validate: "проверить анкеты и настройки, ничего не подбирая; вывести все ошибки",
    match:
      "подобрать пары и записать pairs.csv, unmatched.csv, excluded.csv, pairs.json, report.html, report.md",
    demo: "запустить подбор на встроенном примере (fixtures/demo)",
    compare: "сравнить способы подбора на одних и тех же анкетах (или на сгенерированных участниках)",
    strategies: "способы подбора через запятую",
    seeds: "зёрна для случайного способа через запятую",
    generate: "сгенерировать участников вместо чтения файлов: НАСТАВНИКИ:НАСТАВЛЯЕМЫЕ",
    instances: "сколько сгенерировать наборов участников",
    markdown: "вывести таблицы в Markdown",
    json: "вывести результаты сравнения в JSON (для других программ)",
    mentors: "CSV-файл анкет наставников",
    mentees: "CSV-файл анкет наставляемых",
    input: "один CSV-файл с колонкой роли (наставник / наставляемый)",
    config: "файл настроек программы (JSON)",
    form: "форма наставничества (готовые настройки)",
    strategy: "способ подбора",
    seed: "зерно для случайных решений (целое число)",
    ties: "порядок при равных баллах: index — по номеру строки, seeded — жребий по зерну (по умолчанию seeded, если дано --seed)",
    out: "папка для результатов",
    outConfig: "куда записать настройки",
    force: "перезаписать существующий файл",
    consentOnFile:
      "согласия взрослых участников хранятся отдельно (укажите где): столбец согласия не нужен; несовершеннолетним нужно согласие родителя в анкете",
    language: "язык сообщений и отчёта",
    delimiter:
      "разделитель в записываемых CSV (по умолчанию «;» и десятичная запятая, как ждёт Excel; с --lang en — «,»)",
    inputDelimiter: "разделитель в читаемых CSV, если он определяется неверно: «,», «;» или «tab»",
    sheet: "лист книги Excel (.xlsx) с ответами (по умолчанию первый)",
    pseudonymize: "заменить имена во всех результатах кодами (P-3F9A), чтобы ими можно было делиться",
    school: "название образовательной организации для приложения к приказу",
    programName: "название программы наставничества для приложения к приказу",
    date: "дата приказа, ГГГГ-ММ-ДД (иначе в отчёте пустое место для даты)",
    order: "номер приказа",
    help: "показать справку",
    version: "показать версию",
  },
  en: {
    about: "Pair mentors with mentees from questionnaires (Google Forms, Yandex Forms, Excel).",
    init: "write a program config from a preset and map the questionnaire columns",
    validate: "check the questionnaires and the config without matching; report every problem",
    match: "match and write pairs.csv, unmatched.csv, excluded.csv, pairs.json, report.html, report.md",
    demo: "run match on the bundled example (fixtures/demo)",
    compare: "compare matching strategies on the same questionnaires (or on generated participants)",
    strategies: "strategies, comma-separated",
    seeds: "seeds of the random strategy, comma-separated",
    generate: "generate participants instead of reading files: MENTORS:MENTEES",
    instances: "how many sets of participants to generate",
    markdown: "print the tables as Markdown",
    json: "print the comparison as JSON (for other programs)",
    mentors: "CSV export of the mentors' questionnaire",
    mentees: "CSV export of the mentees' questionnaire",
    input: "one CSV file with a role column (mentor / mentee)",
    config: "program config (JSON)",
    form: "form of mentoring (a preset)",
    strategy: "matching strategy",
    seed: "seed for random choices (an integer)",
    ties: "order of equal scores: index (row order) or seeded (a lottery from the seed; the default when --seed is given)",
    out: "folder for the results",
    outConfig: "where to write the config",
    force: "overwrite an existing file",
    consentOnFile:
      "adults' signed consents are kept elsewhere (say where): no consent column needed; minors still need a guardian's consent in the data",
    language: "language of messages and report",
    delimiter:
      'delimiter of the CSV files written (default: ";" with decimal commas for --lang ru, "," for en)',
    inputDelimiter: 'delimiter of the CSV files read, when the detected one is wrong: ",", ";" or "tab"',
    sheet: "the sheet of an Excel workbook (.xlsx) with the answers (default: the first)",
    pseudonymize: "replace names in every output with codes (P-3F9A), so the outputs can be shared",
    school: "the school's name for the appendix to the order",
    programName: "the program's name for the appendix to the order",
    date: "the date of the order, YYYY-MM-DD (else a blank in the report)",
    order: "the number of the order",
    help: "show help",
    version: "show the version",
  },
} as const;

function parseSeed(value: string): number {
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError("expected an integer / ожидается целое число");
  }
  return Number(value);
}

/** Commander's help in Russian: its titles, and the choices and defaults after each option. */
const HELP_RU = {
  styleTitle: (title: string): string =>
    ({
      "Usage:": "Использование:",
      "Options:": "Параметры:",
      "Commands:": "Команды:",
      "Arguments:": "Аргументы:",
    })[title] ?? title,
  optionDescription: (option: Option): string => {
    const extra: string[] = [];
    if (option.argChoices !== undefined) extra.push(`варианты: ${option.argChoices.join(", ")}`);
    if (option.defaultValue !== undefined && (option.required || option.optional)) {
      extra.push(`по умолчанию: ${option.defaultValueDescription ?? String(option.defaultValue)}`);
    }
    return extra.length === 0 ? option.description : `${option.description} (${extra.join("; ")})`;
  },
};

/** Commander's usage errors in Russian (the option names and values as the curator typed them). */
function commanderErrorRu(text: string): string {
  const rules: [RegExp, (...m: string[]) => string][] = [
    [
      /^error: option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/m,
      (_, o, v, c) => `Ошибка: у параметра «${o}» недопустимое значение «${v}». Допустимые значения: ${c}.`,
    ],
    [
      /^error: option '([^']+)' argument '([^']*)' is invalid\. (.*)$/m,
      (_, o, v, why) => `Ошибка: у параметра «${o}» недопустимое значение «${v}»: ${why}`,
    ],
    [
      /^error: unknown option '([^']+)'(?:\s*\(Did you mean (.*)\?\))?$/m,
      (_, o, hint) =>
        `Ошибка: неизвестный параметр «${o}».${hint === undefined ? "" : ` Может быть, ${hint}?`}`,
    ],
    [
      /^error: unknown command '([^']+)'(?:\s*\(Did you mean (.*)\?\))?$/m,
      (_, c, hint) =>
        `Ошибка: неизвестная команда «${c}».${hint === undefined ? "" : ` Может быть, ${hint}?`} Команды: init, validate, match, demo, compare, rematch.`,
    ],
    [
      /^error: option '([^']+)' argument missing$/m,
      (_, o) => `Ошибка: после параметра «${o}» нужно значение.`,
    ],
    [
      /^error: required option '([^']+)' not specified$/m,
      (_, o) => `Ошибка: не указан обязательный параметр «${o}».`,
    ],
    [
      /^error: option '([^']+)' cannot be used with option '([^']+)'$/m,
      (_, a, b) => `Ошибка: параметр «${a}» нельзя указывать вместе с «${b}».`,
    ],
    [
      /^error: too many arguments.*$/m,
      () => "Ошибка: лишние слова в команде; значения пишутся после параметров (например, --out ПАПКА).",
    ],
  ];
  for (const [pattern, ru] of rules) {
    const m = pattern.exec(text);
    if (m !== null) return text.replace(pattern, ru(...(m as unknown as string[])));
  }
  return text;
}

function parseDate(value: string): string {
  const v = value.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) ?? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(v);
  if (m === null)
    throw new InvalidArgumentError("expected YYYY-MM-DD or DD.MM.YYYY / ожидается ГГГГ-ММ-ДД или ДД.ММ.ГГГГ");
  const [y, mo, d] = m[1]!.length === 4 ? [m[1]!, m[2]!, m[3]!] : [m[3]!, m[2]!, m[1]!];
  const date = new Date(`${y}-${mo}-${d}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${mo}-${d}`)
    throw new InvalidArgumentError("no such date / такой даты нет");
  return `${y}-${mo}-${d}`;
}

function parseDelimiter(value: string): Delimiter {
  if (value === "," || value === "comma") return ",";
  if (value === ";" || value === "semicolon") return ";";
  if (value === "tab" || value === "\\t" || value === "\t") return "\t";
  throw new InvalidArgumentError('expected "," or ";" or "tab" / ожидается «,», «;» или «tab»');
}

function parseList(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function parseSeeds(value: string): number[] {
  return parseList(value).map(parseSeed);
}

function parseCounts(value: string): [number, number] {
  const m = value.match(/^(\d{1,6}):(\d{1,6})$/);
  if (m === null)
    throw new InvalidArgumentError(
      "expected MENTORS:MENTEES, e.g. 100:500 / ожидается НАСТАВНИКИ:НАСТАВЛЯЕМЫЕ",
    );
  return [Number(m[1]), Number(m[2])];
}

function parsePositive(value: string): number {
  const n = parseSeed(value);
  if (n < 1 || n > 10_000) throw new InvalidArgumentError("expected 1 to 10000 / ожидается от 1 до 10000");
  return n;
}

function parseCount(value: string): number {
  const n = parseSeed(value);
  if (n < 0) throw new InvalidArgumentError("expected 0 or more / ожидается 0 или больше");
  return n;
}

function parseMargin(value: string): number {
  const x = Number(value.replace(",", "."));
  if (value.trim() === "" || !Number.isFinite(x) || x < 0)
    throw new InvalidArgumentError("expected a number ≥ 0 / ожидается число ≥ 0");
  return x;
}

function languageFromArgv(argv: readonly string[]): string | undefined {
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    if (a === "--lang") return argv[k + 1];
    if (a.startsWith("--lang=")) return a.slice(7);
  }
  return undefined;
}

/**
 * Runs the CLI with `argv` (without `node` and the script) and returns the exit code: 0 ok, 1 usage,
 * 2 input error, 3 infeasible, 70 internal error.
 *
 * Complexity: that of the command run.
 *
 * @param argv - the arguments, e.g. `["match", "--mentors", "m.csv", "--mentees", "s.csv", "--form", "student-student"]`.
 * @param io - streams, environment and working directory.
 * @returns the exit code.
 * @throws never: every error is printed and turned into an exit code.
 *
 * @example
 * const code = await runCli(["demo", "--out", "demo-out"], io);
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const helpLanguage: Language = pickLanguage(languageFromArgv(argv), io.env);
  const t = T[helpLanguage];
  let code: number = EXIT.ok;
  const languageOption = () => new Option("--lang <lang>", t.language).choices(["ru", "en"]);
  const languageOf = (opts: { lang?: string }): Language => pickLanguage(opts.lang, io.env);
  const inputOptions = (cmd: Command): Command =>
    cmd
      .option("--mentors <file>", t.mentors)
      .option("--mentees <file>", t.mentees)
      .option("--input <file>", t.input)
      .option("--input-delimiter <d>", t.inputDelimiter, parseDelimiter)
      .option("--sheet <name>", t.sheet);
  const programOptions = (cmd: Command): Command =>
    cmd
      .addOption(new Option("--config <file>", t.config).conflicts("form"))
      .addOption(new Option("--form <form>", t.form).choices([...FORMS]));

  const program = new Command("mentor-match")
    .description(t.about)
    .version("0.1.0", "-V, --version", t.version)
    .helpOption("-h, --help", t.help)
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (text, write) => write(helpLanguage === "ru" ? commanderErrorRu(text) : text),
    });
  if (helpLanguage === "ru") program.configureHelp(HELP_RU);

  program.addHelpCommand(false);

  inputOptions(program.command("init").description(t.init))
    .addOption(new Option("--form <form>", t.form).choices([...FORMS]).makeOptionMandatory())
    .option("--out <file>", t.outConfig, "mentor-match.config.json")
    .option("--force", t.force, false)
    .option("--consent-on-file <where>", t.consentOnFile)
    .addOption(languageOption())
    .action(async (opts) => {
      const [{ initCommand }, { preloadInputs }] = await Promise.all([
        import("./commands/init.js"),
        import("./_internal/inputs.js"),
      ]);
      code = initCommand(io, { ...opts, preloaded: await preloadInputs(io, opts) }, languageOf(opts));
    });

  programOptions(inputOptions(program.command("validate").description(t.validate)))
    .addOption(languageOption())
    .action(async (opts) => {
      const [{ validateCommand }, { preloadInputs }] = await Promise.all([
        import("./commands/validate.js"),
        import("./_internal/inputs.js"),
      ]);
      code = validateCommand(io, { ...opts, preloaded: await preloadInputs(io, opts) }, languageOf(opts));
    });

  programOptions(inputOptions(program.command("match").description(t.match)))
    .addOption(new Option("--strategy <name>", t.strategy).choices([...STRATEGIES]))
    .option("--seed <n>", t.seed, parseSeed)
    .addOption(new Option("--ties <policy>", t.ties).choices(["index", "seeded"]))
    .option("--out <dir>", t.out, "mentor-match-output")
    .option("--delimiter <d>", t.delimiter, parseDelimiter)
    .option("--pseudonymize", t.pseudonymize, false)
    .option("--school <name>", t.school)
    .option("--program <name>", t.programName)
    .option("--date <YYYY-MM-DD>", t.date, parseDate)
    .option("--order <number>", t.order)
    .addOption(languageOption())
    .action(async (opts) => {
      if (opts.config === undefined && opts.form === undefined) {
        io.stderr(
          `${helpLanguage === "ru" ? "Укажите --config (файл настроек) или --form (форму наставничества)." : "Give --config (a program config) or --form (a form of mentoring)."}\n`,
        );
        code = EXIT.usage;
        return;
      }
      const [{ matchCommand }, { preloadInputs }] = await Promise.all([
        import("./commands/match.js"),
        import("./_internal/inputs.js"),
      ]);
      code = await matchCommand(io, { ...opts, preloaded: await preloadInputs(io, opts) }, languageOf(opts));
    });

  program
    .command("demo")
    .description(t.demo)
    .addOption(new Option("--strategy <name>", t.strategy).choices([...STRATEGIES]))
    .option("--seed <n>", t.seed, parseSeed)
    .option("--out <dir>", t.out, "mentor-match-demo")
    .option("--delimiter <d>", t.delimiter, parseDelimiter)
    .addOption(languageOption())
    .action(async (opts) => {
      const { demoCommand } = await import("./commands/demo.js");
      code = await demoCommand(io, opts, languageOf(opts));
    });

  programOptions(inputOptions(program.command("compare").description(t.compare)))
    .option("--strategies <list>", t.strategies, parseList, ["stable", "optimal", "fair", "greedy", "random"])
    .option("--seeds <list>", t.seeds, parseSeeds, [0])
    .option("--generate <counts>", t.generate, parseCounts)
    .option("--instances <n>", t.instances, parsePositive, 1)
    .addOption(new Option("--markdown", t.markdown).default(false).conflicts("json"))
    .option("--json", t.json, false)
    .addOption(languageOption())
    .action(async (opts) => {
      for (const s of opts.strategies as string[]) {
        if (!(STRATEGIES as readonly string[]).includes(s)) {
          io.stderr(`error: unknown strategy "${s}" (${STRATEGIES.join(", ")})\n`);
          code = EXIT.usage;
          return;
        }
      }
      if (opts.config === undefined && opts.form === undefined) {
        io.stderr(
          `${helpLanguage === "ru" ? "Укажите --config (файл настроек) или --form (форму наставничества)." : "Give --config (a program config) or --form (a form of mentoring)."}\n`,
        );
        code = EXIT.usage;
        return;
      }
      const [{ compareCommand }, { preloadInputs }] = await Promise.all([
        import("./commands/compare.js"),
        import("./_internal/inputs.js"),
      ]);
      code = compareCommand(io, { ...opts, preloaded: await preloadInputs(io, opts) }, languageOf(opts));
    });

  const rh = REMATCH_HELP[helpLanguage];
  programOptions(inputOptions(program.command("rematch").description(rh.command)))
    .requiredOption("--previous <path>", rh.previous)
    .option("--ended <file>", rh.ended)
    .option("--keep <file>", rh.keep)
    .option("--allow-moves <k>", rh.allowMoves, parseCount)
    .option("--move-margin <x>", rh.moveMargin, parseMargin)
    .addOption(new Option("--strategy <name>", rh.strategy).choices(["stable", "optimal", "fair"]))
    .option("--seed <n>", t.seed, parseSeed)
    .addOption(new Option("--ties <policy>", t.ties).choices(["index", "seeded"]))
    .option("--out <dir>", t.out, "mentor-match-rematch")
    .option("--delimiter <d>", t.delimiter, parseDelimiter)
    .option("--pseudonymize", t.pseudonymize, false)
    .addOption(languageOption())
    .action(async (opts) => {
      if (opts.config === undefined && opts.form === undefined) {
        io.stderr(
          `${helpLanguage === "ru" ? "Укажите --config (файл настроек) или --form (форму наставничества)." : "Give --config (a program config) or --form (a form of mentoring)."}\n`,
        );
        code = EXIT.usage;
        return;
      }
      const [{ rematchCommand }, { preloadInputs }] = await Promise.all([
        import("./commands/rematch.js"),
        import("./_internal/inputs.js"),
      ]);
      code = await rematchCommand(
        io,
        { ...opts, preloaded: await preloadInputs(io, opts) },
        languageOf(opts),
      );
    });

  registerMonitor(program, io, helpLanguage, (c) => {
    code = c;
  });

  if (argv.length === 0) {
    io.stdout(program.helpInformation());
    return EXIT.usage;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === "commander.helpDisplayed" ||
        error.code === "commander.version" ||
        error.exitCode === 0
        ? EXIT.ok
        : EXIT.usage;
    }
    io.stderr(`${errorText(error, helpLanguage)}\n`);
    if (
      !isMentorMatchError(error) &&
      error instanceof Error &&
      error.stack !== undefined &&
      io.env.MENTOR_MATCH_DEBUG
    ) {
      io.stderr(`${error.stack}\n`);
    }
    return isMentorMatchError(error)
      ? error.code === "INTERNAL"
        ? EXIT.internal
        : EXIT.input
      : EXIT.internal;
  }
}
