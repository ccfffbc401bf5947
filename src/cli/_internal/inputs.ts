/** Loading a run's inputs: the program, the questionnaire files and the participants in them. */
import type { Delimiter } from "../../csv/detectDelimiter.js";
import { checkColumns } from "../../csv/checkColumns.js";
import { type CsvTable, readCsv } from "../../csv/readCsv.js";
import {
  type ParticipantSource,
  type ParticipantsRead,
  readParticipants,
} from "../../csv/readParticipants.js";
import {
  InfeasibleError,
  InputFileError,
  isMentorMatchError,
  type MentorMatchError,
  ProgramError,
} from "../../errors.js";
import type { Program } from "../../questionnaire/program.js";
import { type ProgramInfo, parseProgramInfo, presetInfo } from "./library.js";
import { type CliIo, readInputFile } from "./io.js";
import { looksLikeXlsx, readXlsxTable } from "./xlsx.js";

/** Options shared by init, validate and match. */
export interface InputOptions {
  readonly mentors?: string;
  readonly mentees?: string;
  readonly input?: string;
  readonly config?: string;
  readonly form?: string;
  /** The delimiter of the files read (`--input-delimiter`); detected when absent. */
  readonly inputDelimiter?: Delimiter;
  /** The sheet of an `.xlsx` input (`--sheet`). @defaultValue the first sheet */
  readonly sheet?: string;
  /** The input files read ahead by {@link preloadInputs} (workbooks need an asynchronous reader). */
  readonly preloaded?: ReadonlyMap<string, PreloadedInput>;
}

/** An input file read ahead: a workbook's first (or named) sheet as a table, the bytes of any other file, or why it cannot be read. */
export type PreloadedInput =
  | { readonly table: CsvTable }
  | { readonly bytes: Uint8Array }
  | { readonly problem: InputFileError };

/** The input files of a run (`--input`, `--mentors`, `--mentees`), with the role each gives its rows. */
function inputFiles(options: InputOptions): { path: string; role?: "mentor" | "mentee" }[] {
  const files: { path: string; role?: "mentor" | "mentee" }[] = [];
  if (options.input !== undefined) files.push({ path: options.input });
  if (options.mentors !== undefined) files.push({ path: options.mentors, role: "mentor" });
  if (options.mentees !== undefined) files.push({ path: options.mentees, role: "mentee" });
  return files;
}

/**
 * Reads the input files ahead of a command: an Excel workbook (by its `.xlsx` name or its ZIP signature)
 * through exceljs, which is imported only then; any other file as bytes for the CSV reader. Errors are
 * kept per file, so that `validate` reports every one.
 */
export async function preloadInputs(
  io: CliIo,
  options: InputOptions,
): Promise<ReadonlyMap<string, PreloadedInput>> {
  const out = new Map<string, PreloadedInput>();
  for (const { path } of inputFiles(options)) {
    if (out.has(path)) continue;
    try {
      const bytes = readInputFile(io, path);
      if (!looksLikeXlsx(path, bytes)) {
        out.set(path, { bytes });
        continue;
      }
      const table = await readXlsxTable(bytes, {
        file: path,
        ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
      });
      out.set(path, { table });
    } catch (error) {
      if (error instanceof InputFileError) out.set(path, { problem: error });
      else throw error;
    }
  }
  return out;
}

/**
 * An error about the program config (`always`), or about one of its keys (a location with a key path),
 * located in the config file; any other error, or one already in a file, as it is.
 */
export function inConfigFile(error: unknown, config: string | undefined, always = false): unknown {
  if (config === undefined || !isMentorMatchError(error) || error.location?.file !== undefined) return error;
  if (!always && error.location?.column === undefined) return error;
  const options = {
    location: { ...error.location, file: config },
    ...(error.hint === undefined ? {} : { hint: error.hint }),
    ...(error.details === undefined ? {} : { details: error.details }),
    cause: error,
  };
  return error instanceof InfeasibleError
    ? new InfeasibleError(error.code, error.problem, options)
    : new ProgramError(error.code, error.problem, options);
}

export interface LoadedProgram {
  readonly info: ProgramInfo;
}

/** The 1-based line and character of an offset in a text. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/**
 * The program of a run: the config file if given (its `form` may be overridden by --form only when both
 * agree), else the preset of --form.
 */
export function loadProgram(io: CliIo, options: InputOptions): LoadedProgram {
  if (options.config !== undefined) {
    const bytes = readInputFile(io, options.config);
    let json: unknown;
    const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
    try {
      json = JSON.parse(text);
    } catch (error) {
      // The parser's own message quotes the text near the error, which may be a survey export given by
      // mistake: only the line and character are reported, never the text.
      const at = /position (\d+)/.exec((error as Error).message);
      const where = at === null ? undefined : lineAndColumn(text, Number(at[1]));
      throw new ProgramError(
        "INVALID_PROGRAM",
        `The program config is not valid JSON${where === undefined ? "" : ` (line ${where.line}, character ${where.column})`}.`,
        {
          location: { file: options.config, ...(where === undefined ? {} : { row: where.line }) },
          hint: "Fix the JSON, or write a new config with `mentor-match init`.",
          ...(where === undefined ? {} : { details: where }),
        },
      );
    }
    if (typeof json !== "object" || json === null || Array.isArray(json)) {
      throw new ProgramError("INVALID_PROGRAM", "The program config must be a JSON object.", {
        location: { file: options.config },
      });
    }
    try {
      return { info: parseProgramInfo(json) };
    } catch (error) {
      throw inConfigFile(error, options.config, true);
    }
  }
  if (options.form !== undefined) return { info: presetInfo(options.form) };
  throw new ProgramError("INVALID_OPTION", "No program: give --config or --form.", {
    hint: "Give --config (a program config) or --form (a form of mentoring).",
  });
}

/** The files of a run, read and parsed; fatal file errors are collected, not thrown. */
export function loadSources(
  io: CliIo,
  options: InputOptions,
): { sources: ParticipantSource[]; problems: MentorMatchError[] } {
  const sources: ParticipantSource[] = [];
  const problems: MentorMatchError[] = [];
  for (const f of inputFiles(options)) {
    const pre = options.preloaded?.get(f.path);
    if (pre !== undefined && "problem" in pre) {
      problems.push(pre.problem);
      continue;
    }
    if (pre !== undefined && "table" in pre) {
      sources.push(f.role === undefined ? { table: pre.table } : { table: pre.table, role: f.role });
      continue;
    }
    try {
      const bytes = pre !== undefined && "bytes" in pre ? pre.bytes : readInputFile(io, f.path);
      const table = readCsv(bytes, {
        file: f.path,
        ...(options.inputDelimiter === undefined ? {} : { delimiter: options.inputDelimiter }),
      });
      sources.push(f.role === undefined ? { table } : { table, role: f.role });
    } catch (error) {
      if (error instanceof InputFileError) problems.push(error);
      else throw error;
    }
  }
  return { sources, problems };
}

/**
 * Reads participants from the sources with the program's questions; the config's `columns` are checked
 * first (an unknown target is an error located in the config file, with the closest valid name).
 */
export function loadParticipants(
  sources: readonly ParticipantSource[],
  program: LoadedProgram,
  config?: string,
): Omit<ParticipantsRead, "problems"> & { readonly problems: readonly MentorMatchError[] } {
  const columns = program.info.columns;
  const configProblems =
    columns === undefined
      ? []
      : checkColumns(columns, program.info.questions).map((e) => inConfigFile(e, config) as MentorMatchError);
  // Adults' consents kept on file: no consent column is needed (minors still need a guardian's).
  const onFile = (program.info.program as Program | undefined)?.consent?.source === "on-file";
  const read = readParticipants(sources, {
    questions: program.info.questions,
    requireConsent: program.info.requireConsent && !onFile,
    ...(columns === undefined ? {} : { columns }),
  });
  return { ...read, problems: [...configProblems, ...read.problems] };
}
