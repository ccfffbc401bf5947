/**
 * The steps of a run shared by `match` and `rematch`: the output folder checked first; the program and
 * the files read and scored (`prepare`: CSV or Excel, `--sheet`), stopping on any problem or when nothing
 * can be matched; then — from a matching of the whole program — the report model, the nobody-lost check,
 * and the outputs written all at once (CSV, JSON, pairs.xlsx, report), names replaced by codes with
 * `--pseudonymize`, the rows not kept (superseded, conflicting) listed in excluded.csv with the rows that
 * replaced them.
 */
import { join } from "node:path";
import type { Delimiter } from "../../csv/detectDelimiter.js";
import { InfeasibleError, isMentorMatchError, type MentorMatchError } from "../../errors.js";
import type { MatchResult } from "../../matching/types.js";
import type { Program } from "../../questionnaire/program.js";
import { buildReportModel, type ReportAppendix, type ReportModel } from "../../report/buildReportModel.js";
import { outputTables } from "../../report/outputTables.js";
import { pseudonymCodes } from "../../report/pseudonymCodes.js";
import { renderOutputs } from "../../report/renderOutputs.js";
import type { Language } from "../../language.js";
import { type Prepared, prepare, printProblems } from "../commands/validate.js";
import { checkEveryoneAccounted, droppedNote } from "./accounting.js";
import { EXIT } from "./exit.js";
import type { InputOptions, LoadedProgram } from "./inputs.js";
import type { CliIo } from "./io.js";
import type { ScoredRun } from "./library.js";
import { errorText, SAY } from "./messages.js";
import { anyAllowed, nothingToMatch } from "./preflight.js";
import type { Progress } from "./progress.js";
import { checkOutputFolder, type Recovery, recoverOutputs, writeOutputs } from "./writeOutputs.js";
import { writeXlsxWorkbook } from "./xlsx.js";
import type { XlsxWriter } from "./xlsxOffThread.js";

/** The options of a run that shape its outputs (`match` and `rematch` alike). */
export interface RunOutputOptions {
  readonly out: string;
  /** How to show the output folder in messages, when `out` was resolved for another working folder. */
  readonly displayOut?: string;
  readonly delimiter?: Delimiter;
  /** Replace names (and ids that are e-mails) in every output with codes such as `P-3F9A`. */
  readonly pseudonymize?: boolean;
  /** The appendix to the order: school, program name, date (YYYY-MM-DD), order number (over the config's). */
  readonly school?: string;
  readonly program?: string;
  readonly date?: string;
  readonly order?: string;
}

/** A run read and scored without problems. */
export type PreparedRun = Prepared & { readonly program: LoadedProgram; readonly scored: ScoredRun };

/**
 * How the outputs show a person: as read, or — with `--pseudonymize` — each name replaced by a code
 * derived from the id and the seed ({@link pseudonymCodes}) and an id that is an e-mail by the code too.
 */
export interface ShownPeople {
  /** The id as the outputs show it. */
  id(id: string): string;
  /** The name as the outputs show it (the code when pseudonymized), or undefined when none is known. */
  name(id: string, given: string | undefined): string | undefined;
}

/** Files and report parts a command adds to the usual outputs (e.g. `rematch`'s changes.csv). */
export interface ExtraOutputs {
  readonly files?: Readonly<Record<string, string>>;
  /** Appended to report.md. */
  readonly markdown?: string;
  /** Inserted at the end of report.html's `<main>`. */
  readonly html?: string;
}

/** The appendix to the order: the flags over the config's `appendix`. */
function appendixOf(program: Program, options: RunOutputOptions): ReportAppendix {
  const out: { school?: string; program?: string; date?: string; order?: string } = {
    ...(program.appendix ?? {}),
  };
  for (const key of ["school", "program", "date", "order"] as const) {
    const v = options[key];
    if (v !== undefined && v.trim() !== "") out[key] = v.trim();
  }
  return out;
}

/** The report's line on consents kept on file (`consent: { source: "on-file", note }`), if any. */
function consentNote(program: unknown, language: Language): string[] {
  const consent = (program as Program | undefined)?.consent;
  if (consent?.source !== "on-file") return [];
  const where = consent.note ?? (language === "ru" ? "место не указано" : "where is not said");
  return [
    language === "ru"
      ? `Согласия взрослых участников на обработку персональных данных хранятся отдельно: ${where}. Несовершеннолетние включены только с согласием родителя в анкете.`
      : `Adults' consents to the processing of personal data are kept on file: ${where}. Minors are included only with a guardian's consent in the data.`,
  ];
}

/** The recovery message of the output folder, if a previous run was interrupted there. */
function recoveryTeller(io: CliIo, shownOut: string, language: Language): (r: Recovery) => void {
  return (r) => {
    if (r.action === "completed") io.stderr(`${SAY[language].recoveredCompleted(shownOut)}\n`);
    if (r.action === "rolled-back") io.stderr(`${SAY[language].recoveredRolledBack(shownOut)}\n`);
  };
}

/**
 * Checks the output folder, and completes or removes what an interrupted run left in it, before anything
 * else: a failed run must not leave another run's personal data behind. O(files in the folder).
 * @returns null when the run may go on, else the exit code (the message is printed).
 */
export function openOutputFolder(io: CliIo, options: RunOutputOptions, language: Language): number | null {
  try {
    checkOutputFolder(io, options.out);
    recoveryTeller(io, options.displayOut ?? options.out, language)(recoverOutputs(io, options.out));
    return null;
  } catch (error) {
    if (!isMentorMatchError(error)) throw error;
    io.stderr(`${errorText(error, language)}\n`);
    return EXIT.input;
  }
}

/**
 * Reads the program and the files and scores the participants (`prepare`); with `more` problems found by
 * the command itself (e.g. `rematch`'s previous run), all are reported together. O(n·m) for scoring.
 * @returns the run, or the exit code once the problems are printed: 2 for a broken input, 3 when
 *   constraints cannot hold or nothing can be matched (everyone excluded, no pair allowed).
 */
export function readRun(
  io: CliIo,
  options: InputOptions,
  language: Language,
  bar: Progress,
  more: readonly MentorMatchError[] = [],
): PreparedRun | number {
  const read = prepare(io, options, language, bar);
  const prepared = more.length === 0 ? read : { ...read, problems: [...read.problems, ...more] };
  if (prepared.problems.length > 0 || prepared.scored === null || prepared.program === null) {
    bar.done();
    printProblems(io, prepared, language);
    // Constraints that cannot hold (pins over a capacity) are not a broken input: exit 3.
    return prepared.problems.some((p) => p instanceof InfeasibleError) ? EXIT.infeasible : EXIT.input;
  }
  const { scored, program } = prepared;
  // A configuration mistake that leaves everyone excluded (or no pair allowed) is not a success: exit 3.
  const none = nothingToMatch({
    ...scored,
    anyAllowed: anyAllowed(scored.instance),
    coverage: prepared.coverage ?? [],
  });
  if (none !== undefined) {
    bar.done();
    printProblems(io, prepared, language);
    io.stderr(`${SAY[language].infeasible} ${errorText(none, language)}\n`);
    return EXIT.infeasible;
  }
  return { ...prepared, scored, program };
}

/**
 * Builds the report model of a run, checks that nobody is lost, and writes every output at once: pairs.csv,
 * pairs.json, pairs.xlsx, unmatched.csv, excluded.csv (the rows not kept, each with the rows that replaced
 * or conflict with it), report.md and report.html, plus the command's own `extra` files and report parts.
 *
 * Complexity: O(n·m) for the report model's metrics, plus the size of the outputs.
 *
 * @param io - streams and working folder.
 * @param run - the run read and scored, its matching of the whole program, the seed, the warnings for
 *   the report (in the run's language), and the command's own outputs, given how people are shown (with
 *   the ids they name besides today's participants).
 * @returns the report model and the paths written, as messages show them.
 * @throws MentorMatchError `INTERNAL` when the outputs would not account for every input row (nothing is
 *   written), `WRITE_FAILED` when the folder cannot be written.
 */
export async function writeRunOutputs(
  io: CliIo,
  run: {
    readonly prepared: PreparedRun;
    readonly result: MatchResult;
    readonly seed: number;
    readonly options: RunOutputOptions;
    readonly language: Language;
    readonly bar: Progress;
    readonly warnings: readonly string[];
    /** Ids the command's own outputs name besides today's participants (they get codes too). */
    readonly otherIds?: readonly string[];
    readonly extra?: (shown: ShownPeople) => ExtraOutputs;
    /** Writes pairs.xlsx on the second core ({@link startXlsxWriter}); in this thread when absent. */
    readonly xlsx?: XlsxWriter;
  },
): Promise<{ model: ReportModel; written: string[] }> {
  const { prepared, result, seed, options, language, bar } = run;
  const { scored, program } = prepared;
  // Rows not kept (older or conflicting submissions) are excluded.csv lines of their own, after the people.
  const dropped = prepared.dropped ?? [];
  const excluded = [
    ...scored.excluded,
    ...dropped.map((d) => ({ id: d.id, role: d.role, reason: d.reason, note: droppedNote(d) })),
  ];
  const pseudonymize = options.pseudonymize === true;
  let shown: ShownPeople = { id: (id) => id, name: (_id, given) => given };
  if (pseudonymize) {
    // People named only by the command's own outputs (e.g. of a previous run, gone today) get codes too.
    const ids = [...scored.mentees, ...scored.mentors, ...excluded].map((p) => p.id);
    const codes = pseudonymCodes(ids.concat(run.otherIds ?? []), seed);
    shown = {
      id: (id) => (id.includes("@") ? (codes.get(id) ?? id) : id),
      name: (id) => codes.get(id),
    };
  }
  const extra = run.extra?.(shown);
  const person = <T extends { id: string; name?: string }>(p: T): T => {
    if (!pseudonymize) return p;
    return { ...p, id: shown.id(p.id), name: shown.name(p.id, p.name)! };
  };
  const people = {
    mentees: scored.mentees.map(person),
    mentors: scored.mentors.map(person),
    excluded: excluded.map((e) => (pseudonymize ? { ...e, id: shown.id(e.id) } : e)),
  };
  // The place each mentee gave a mentor in its named list, by the ids as read (before any pseudonyms).
  const named = new Map((prepared.records ?? []).map((r) => [r.id, r.preferences]));
  const choice = (i: number, j: number): number | undefined => {
    const place = named.get(scored.mentees[i]!.id)?.indexOf(scored.mentors[j]!.id) ?? -1;
    return place === -1 ? undefined : place + 1;
  };
  const model = buildReportModel({
    form: program.info.form,
    choice,
    mentees: people.mentees,
    mentors: people.mentors,
    result,
    score: scored.score,
    explain: scored.explain,
    excluded: people.excluded,
    // Consents kept on file: the report says where (the first line of its notes).
    warnings: [...consentNote(program.info.program, language), ...run.warnings],
    seed,
    appendix: appendixOf(program.info.program as Program, options),
  });
  // Nobody lost: checked before anything is written (an INTERNAL error rather than outputs that break it).
  checkEveryoneAccounted(model, prepared.inputRows ?? 0, dropped.length);
  // pairs.xlsx: the same tables, scores as numbers (Excel shows them in the reader's locale). A worker
  // writes it while this thread renders the other files.
  const tables = outputTables(model, { language });
  const sheets = [tables.pairs, tables.unmatched, tables.excluded];
  const workbook = run.xlsx === undefined ? writeXlsxWorkbook(sheets) : run.xlsx.write(sheets);
  const files: Record<string, string | Uint8Array> = {
    ...renderOutputs(model, {
      language,
      ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    }),
  };
  files["pairs.xlsx"] = await workbook;
  if (extra !== undefined) {
    Object.assign(files, extra.files ?? {});
    if (extra.markdown !== undefined) {
      files["report.md"] = `${(files["report.md"] as string).trimEnd()}\n\n${extra.markdown}`;
    }
    if (extra.html !== undefined) {
      const html = files["report.html"] as string;
      const at = html.lastIndexOf("</main>");
      files["report.html"] =
        at < 0 ? html + extra.html : `${html.slice(0, at)}${extra.html}\n${html.slice(at)}`;
    }
  }
  const shownOut = options.displayOut ?? options.out;
  await writeOutputs(io, options.out, files, {
    onRecovery: recoveryTeller(io, shownOut, language),
    onInterrupt: (committed) => io.stderr(`\n${SAY[language].interrupted(committed)}\n`),
    onProgress: (done, of) => bar.part(done, of),
  });
  return { model, written: Object.keys(files).map((name) => join(shownOut, name)) };
}
