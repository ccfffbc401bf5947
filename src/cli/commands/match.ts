/** `mentor-match match`: survey exports in; pairs, the unmatched, the excluded and a report out. */
import { join } from "node:path";
import type { Delimiter } from "../../csv/detectDelimiter.js";
import { InfeasibleError, isMentorMatchError } from "../../errors.js";
import type { Program } from "../../questionnaire/program.js";
import { buildReportModel, type ReportAppendix } from "../../report/buildReportModel.js";
import { pseudonymCodes } from "../../report/pseudonymCodes.js";
import { outputTables } from "../../report/outputTables.js";
import { renderOutputs } from "../../report/renderOutputs.js";
import type { Lang } from "../../report/texts.js";
import { match } from "../../matching/match.js";
import type { MatchResult, StrategyName } from "../../matching/types.js";
import { EXIT } from "../_internal/exit.js";
import type { InputOptions } from "../_internal/inputs.js";
import { checkEveryoneAccounted, droppedNote } from "../_internal/accounting.js";
import type { CliIo } from "../_internal/io.js";
import { errorText, SAY } from "../_internal/messages.js";
import { anyAllowed, nothingToMatch } from "../_internal/preflight.js";
import { progress } from "../_internal/progress.js";
import { checkOutputFolder, type Recovery, recoverOutputs, writeOutputs } from "../_internal/writeOutputs.js";
import { startXlsxWriter, type XlsxWriter } from "../_internal/xlsxOffThread.js";
import { prepare, printProblems } from "./validate.js";

export interface MatchCommandOptions extends InputOptions {
  readonly strategy?: StrategyName;
  readonly seed?: number;
  /** How equal scores are ordered (stable and greedy strategies); see {@link tiePolicy}. */
  readonly ties?: "index" | "seeded";
  readonly out: string;
  readonly delimiter?: Delimiter;
  /** Replace names (and ids that are e-mails) in every output with codes such as `P-3F9A`. */
  readonly pseudonymize?: boolean;
  /** How to show the output folder in messages, when `out` was resolved for another working folder. */
  readonly displayOut?: string;
  /** The appendix to the order: school, programme name, date (YYYY-MM-DD), order number (over the config's). */
  readonly school?: string;
  readonly programme?: string;
  readonly date?: string;
  readonly order?: string;
}

/**
 * The people of a run as shareable outputs show them: each name replaced by a code derived from the id and
 * the seed ({@link pseudonymCodes}); an id that is an e-mail is replaced by the code too.
 */
function pseudonymized<P extends { id: string; name?: string }, E extends { id: string }>(
  scored: { mentees: readonly P[]; mentors: readonly (P & { capacity: number })[]; excluded: readonly E[] },
  seed: number,
): { mentees: P[]; mentors: (P & { capacity: number })[]; excluded: E[] } {
  const codes = pseudonymCodes(
    [...scored.mentees, ...scored.mentors, ...scored.excluded].map((p) => p.id),
    seed,
  );
  const idOf = (id: string): string => (id.includes("@") ? codes.get(id)! : id);
  const person = <T extends { id: string }>(p: T): T & { name: string } => ({
    ...p,
    id: idOf(p.id),
    name: codes.get(p.id)!,
  });
  return {
    mentees: scored.mentees.map(person),
    mentors: scored.mentors.map(person),
    excluded: scored.excluded.map((e) => ({ ...e, id: idOf(e.id) })),
  };
}

/** The appendix to the order: the flags over the config's `appendix`. */
function appendixOf(program: Program, options: MatchCommandOptions): ReportAppendix {
  const out: { school?: string; programme?: string; date?: string; order?: string } = {
    ...(program.appendix ?? {}),
  };
  for (const key of ["school", "programme", "date", "order"] as const) {
    const v = options[key];
    if (v !== undefined && v.trim() !== "") out[key] = v.trim();
  }
  return out;
}

/** The report's line on consents kept on file (`consent: { source: "on-file", note }`), if any. */
function consentNote(program: unknown, lang: Lang): string[] {
  const consent = (program as Program | undefined)?.consent;
  if (consent?.source !== "on-file") return [];
  const where = consent.note ?? (lang === "ru" ? "место не указано" : "where is not said");
  return [
    lang === "ru"
      ? `Согласия взрослых участников на обработку персональных данных хранятся отдельно: ${where}. Несовершеннолетние включены только с согласием родителя в анкете.`
      : `Adults' consents to the processing of personal data are kept on file: ${where}. Minors are included only with a guardian's consent in the data.`,
  ];
}

/** The strategies that order equal scores by a tie policy (the others break ties by index). */
const TIE_STRATEGIES: readonly string[] = ["stable", "stable-mentor", "greedy"];

/**
 * The tie policy of a run: `--ties`, else the config's `ties`, else `seeded` when `--seed` is given to a
 * strategy that breaks ties (a seed asks for its own tie-breaks), else `index`.
 */
export function tiePolicy(
  options: { readonly ties?: "index" | "seeded" | undefined; readonly seed?: number | undefined },
  configTies: "index" | "seeded" | undefined,
  strategy: string,
): "index" | "seeded" {
  if (options.ties !== undefined) return options.ties;
  if (configTies !== undefined) return configTies;
  return options.seed !== undefined && TIE_STRATEGIES.includes(strategy) ? "seeded" : "index";
}

/** Runs `match`; returns the exit code. */
export async function matchCommand(io: CliIo, options: MatchCommandOptions, lang: Lang): Promise<number> {
  if (options.input === undefined && (options.mentors === undefined || options.mentees === undefined)) {
    io.stderr(`${SAY[lang].needInput}\n`);
    return EXIT.usage;
  }
  // pairs.xlsx is written on the second core: the worker loads exceljs while this thread reads and matches.
  const xlsx = startXlsxWriter();
  try {
    return await matchRun(io, options, lang, xlsx);
  } finally {
    xlsx.close();
  }
}

async function matchRun(
  io: CliIo,
  options: MatchCommandOptions,
  lang: Lang,
  xlsx: XlsxWriter,
): Promise<number> {
  const shownOut = options.displayOut ?? options.out;
  const sayRecovery = (r: Recovery) => {
    if (r.action === "completed") io.stderr(`${SAY[lang].recoveredCompleted(shownOut)}\n`);
    if (r.action === "rolled-back") io.stderr(`${SAY[lang].recoveredRolledBack(shownOut)}\n`);
  };
  // The output folder is checked, and what an interrupted run left in it completed or removed, before
  // anything else: a failed run must not leave another run's personal data behind.
  try {
    checkOutputFolder(io, options.out);
    sayRecovery(recoverOutputs(io, options.out));
  } catch (error) {
    if (!isMentorMatchError(error)) throw error;
    io.stderr(`${errorText(error, lang)}\n`);
    return EXIT.input;
  }
  const bar = progress(io, 4);
  const prepared = prepare(io, options, lang, bar);
  if (prepared.problems.length > 0 || prepared.scored === null || prepared.program === null) {
    bar.done();
    printProblems(io, prepared, lang);
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
    printProblems(io, prepared, lang);
    io.stderr(`${SAY[lang].infeasible} ${errorText(none, lang)}\n`);
    return EXIT.infeasible;
  }
  const seed = options.seed ?? program.info.seed;
  const strategy = options.strategy ?? program.info.strategy;
  bar.step(SAY[lang].matching);
  let result: MatchResult;
  try {
    result = match(
      { ...scored.instance, seed },
      {
        strategy,
        ties: tiePolicy(options, program.info.ties, strategy),
        onProgress: (done, of) => bar.part(done, of),
      },
    );
  } catch (error) {
    bar.done();
    printProblems(io, { ...prepared, problems: [] }, lang);
    if (error instanceof InfeasibleError) {
      io.stderr(`${SAY[lang].infeasible} ${errorText(error, lang)}\n`);
      return EXIT.infeasible;
    }
    if (isMentorMatchError(error)) {
      io.stderr(`${errorText(error, lang)}\n`);
      return EXIT.input;
    }
    throw error;
  }
  bar.step(SAY[lang].writing);
  // Rows not kept (older or conflicting submissions) are excluded.csv lines of their own, after the people.
  const dropped = prepared.dropped ?? [];
  const withDropped = {
    ...scored,
    excluded: [
      ...scored.excluded,
      ...dropped.map((d) => ({ id: d.id, role: d.role, reason: d.reason, note: droppedNote(d) })),
    ],
  };
  const people = options.pseudonymize === true ? pseudonymized(withDropped, seed) : withDropped;
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
    warnings: [...consentNote(program.info.program, lang), ...prepared.warnings],
    seed,
    appendix: appendixOf(program.info.program as Program, options),
  });
  // Nobody lost: checked before anything is written (an INTERNAL error rather than outputs that break it).
  checkEveryoneAccounted(model, prepared.inputRows ?? 0, dropped.length);
  // pairs.xlsx: the same tables, scores as numbers (Excel shows them in the reader's locale). The worker
  // writes it while this thread renders the other files.
  const tables = outputTables(model, { lang });
  const pending = xlsx.write([tables.pairs, tables.unmatched, tables.excluded]);
  const files = renderOutputs(model, {
    lang,
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
  });
  const workbook = await pending;
  const all: Record<string, string | Uint8Array> = { ...files, "pairs.xlsx": workbook };
  await writeOutputs(io, options.out, all, {
    onRecovery: sayRecovery,
    onInterrupt: (committed) => io.stderr(`\n${SAY[lang].interrupted(committed)}\n`),
    onProgress: (done, of) => bar.part(done, of),
  });
  const shown = shownOut;
  const written = Object.keys(all).map((name) => join(shown, name));
  bar.done();
  printProblems(io, prepared, lang);
  io.stdout(`${SAY[lang].read(scored.mentors.length, scored.mentees.length, scored.excluded.length)}\n`);
  io.stdout(`${SAY[lang].done(model.counts.matched, model.counts.mentees, model.counts.unmatched, shown)}\n`);
  io.stdout(`${SAY[lang].wrote}\n${written.map((f) => `  ${f}`).join("\n")}\n`);
  return EXIT.ok;
}
