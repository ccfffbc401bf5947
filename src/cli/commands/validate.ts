/** `mentor-match validate`: reads everything, reports every problem, matches nothing. */
import type { Language } from "../../language.js";
import type { DroppedRow } from "../../csv/readParticipants.js";
import type { ParticipantRecord } from "../../csv/readParticipants.js";
import { InfeasibleError, isMentorMatchError, type MentorMatchError } from "../../errors.js";
import { type ScoredRun, scoreRecords } from "../_internal/library.js";
import { EXIT } from "../_internal/exit.js";
import {
  type InputOptions,
  inConfigFile,
  type LoadedProgram,
  loadParticipants,
  loadProgram,
  loadSources,
} from "../_internal/inputs.js";
import type { CliIo } from "../_internal/io.js";
import {
  anyAllowed,
  type CoverageLine,
  coverageText,
  nothingToMatch,
  preflight,
} from "../_internal/preflight.js";
import type { Program } from "../../questionnaire/program.js";
import { errorText, SAY, scoringNoteText, warningText } from "../_internal/messages.js";
import type { Progress } from "../_internal/progress.js";

/** Everything read and scored, or the problems that stop the run. */
export interface Prepared {
  readonly program: LoadedProgram | null;
  readonly scored: ScoredRun | null;
  readonly problems: readonly MentorMatchError[];
  /** Warnings in the run's language. */
  readonly warnings: readonly string[];
  /** Data rows in the files read (every one must end in exactly one output). */
  readonly inputRows?: number;
  /** Rows read but not kept (older or conflicting submissions): they go to excluded.csv. */
  readonly dropped?: readonly DroppedRow[];
  /** The participants as read (named preferences resolved to ids), for the outputs' named-list places. */
  readonly records?: readonly ParticipantRecord[];
  /** Per criterion and rule, how many participants have the data it needs (empty when not read). */
  readonly coverage?: readonly CoverageLine[];
}

/** Reads the program and the files and scores the participants, collecting every problem on the way. */
export function prepare(io: CliIo, options: InputOptions, language: Language, bar?: Progress): Prepared {
  const problems: MentorMatchError[] = [];
  let program: LoadedProgram | null = null;
  try {
    program = loadProgram(io, options);
  } catch (error) {
    if (!isMentorMatchError(error)) throw error;
    problems.push(error);
  }
  bar?.step(SAY[language].reading);
  const { sources, problems: fileProblems } = loadSources(io, options);
  problems.push(...fileProblems);
  if (program === null) return { program, scored: null, problems, warnings: [] };
  const read = loadParticipants(sources, program, options.config);
  problems.push(...read.problems);
  const pre = preflight(
    program.info.program as Program,
    read.participants,
    sources.flatMap((source) => {
      const m = read.mappings.find((x) => x.file === source.table.file);
      return m === undefined ? [] : [{ source, mapping: m.mapping }];
    }),
  );
  problems.push(...pre.problems.map((p) => inConfigFile(p, options.config) as MentorMatchError));
  const coverage = pre.lines;
  // With a file missing, preferences naming its people cannot be resolved: those warnings would mislead.
  const warnings = read.warnings
    .filter(
      (w) =>
        fileProblems.length === 0 || (w.code !== "UNKNOWN_PREFERENCE" && w.code !== "AMBIGUOUS_PREFERENCE"),
    )
    .map((w) => warningText(w, language));
  if (problems.length > 0) return { program, scored: null, problems, warnings, coverage };
  bar?.step(SAY[language].scoring);
  let scored: ScoredRun | null = null;
  try {
    const headers = new Map(
      read.mappings.map(({ file, mapping }) => [
        file,
        new Map(mapping.columns.filter((c) => c.key !== null).map((c) => [c.key!, c.header])),
      ]),
    );
    scored = scoreRecords(program.info, read.participants, read.sources, headers, (done, of) =>
      bar?.part(done, of),
    );
    problems.push(...scored.problems);
    warnings.push(...scored.warnings.map((w) => scoringNoteText(w, language)));
  } catch (error) {
    if (!isMentorMatchError(error)) throw error;
    problems.push(inConfigFile(error, options.config) as MentorMatchError);
  }
  const inputRows = sources.reduce((n, s) => n + s.table.rows.length, 0);
  return {
    program,
    scored: problems.length > 0 ? null : scored,
    problems,
    warnings,
    inputRows,
    dropped: read.dropped,
    records: read.participants,
    coverage,
  };
}

/** Prints problems and warnings to stderr. */
export function printProblems(io: CliIo, prepared: Prepared, language: Language): void {
  for (const w of prepared.warnings) io.stderr(`${language === "ru" ? "Предупреждение" : "Warning"}: ${w}\n`);
  for (const p of prepared.problems) {
    const prefix = p instanceof InfeasibleError ? `${SAY[language].infeasible} ` : "";
    io.stderr(`${prefix}${errorText(p, language)}\n`);
  }
  if (prepared.problems.length > 0) io.stderr(`${SAY[language].problems(prepared.problems.length)}\n`);
}

/** Runs `validate`; returns the exit code. */
export function validateCommand(io: CliIo, options: InputOptions, language: Language): number {
  if (options.input === undefined && (options.mentors === undefined || options.mentees === undefined)) {
    io.stderr(`${SAY[language].needInput}\n`);
    return EXIT.usage;
  }
  const prepared = prepare(io, options, language);
  printProblems(io, prepared, language);
  if (prepared.problems.length > 0) return EXIT.input;
  const s = prepared.scored!;
  io.stdout(`${SAY[language].read(s.mentors.length, s.mentees.length, s.excluded.length)}\n`);
  io.stdout(coverageText(prepared.coverage ?? [], language));
  // A run that would form no pair is not "no problems": exit 3 with the reason.
  const none = nothingToMatch({
    ...s,
    anyAllowed: anyAllowed(s.instance),
    coverage: prepared.coverage ?? [],
  });
  if (none !== undefined) {
    io.stderr(`${SAY[language].infeasible} ${errorText(none, language)}\n`);
    return EXIT.infeasible;
  }
  if (prepared.warnings.length > 0) io.stdout(`${SAY[language].warnings(prepared.warnings.length)}\n`);
  io.stdout(`${SAY[language].valid}\n`);
  return EXIT.ok;
}
