/**
 * Errors of mentor-match: one base class with a literal `code`, one subclass per area.
 *
 * Errors are recognised across ESM and CJS copies of the package through a `Symbol.for` brand, so
 * `isMentorMatchError(e)` works even when two copies of the library are loaded.
 *
 * Messages name files, rows and columns, never people: a participant is identified by its row (or its
 * id, which is a code the school chose, never a name).
 */

const BRAND: unique symbol = Symbol.for("mentor-match.error") as never;

/** Every error code the library raises. docs/errors.md explains each one, in Russian and English. */
export type ErrorCode =
  // matching input (numbers)
  | "INVALID_SCORE"
  | "INVALID_SHAPE"
  | "INVALID_CAPACITY"
  | "INVALID_PIN"
  | "PIN_FORBIDDEN"
  | "PIN_OVER_CAPACITY"
  | "INVALID_PREFERENCES"
  | "INVALID_OPTION"
  | "INVALID_MATCHING"
  | "UNKNOWN_STRATEGY"
  | "INFEASIBLE"
  | "NO_PAIRS"
  | "LIMIT_EXCEEDED"
  | "INTERNAL"
  // program configuration
  | "INVALID_PROGRAM"
  | "UNKNOWN_CRITERION"
  | "UNKNOWN_QUESTION"
  | "INVALID_FORMULA"
  | "FORBIDDEN_FORMULA"
  | "FORMULA_UNAVAILABLE"
  | "INVALID_PARTICIPANT"
  | "UNKNOWN_FIELD"
  // input files
  | "FILE_NOT_FOUND"
  | "FILE_TOO_LARGE"
  | "ENCODING"
  | "EMPTY_FILE"
  | "HEADER_ONLY"
  | "NO_HEADER"
  | "CSV_SYNTAX"
  | "XLSX"
  | "DELIMITER"
  | "MISSING_COLUMN"
  | "DUPLICATE_COLUMN"
  | "DUPLICATE_ID"
  | "RAGGED_ROW"
  | "UNKNOWN_OPTION"
  | "NOT_A_NUMBER"
  | "INVALID_VALUE"
  | "MISSING_VALUE"
  // outputs
  | "WRITE_FAILED";

/** Where in the input a problem is: a file, a 1-based row (as a spreadsheet shows it), a column header. */
export interface ErrorLocation {
  readonly file?: string;
  readonly row?: number;
  readonly column?: string;
}

export interface MentorMatchErrorOptions {
  /** Where the problem is. */
  readonly location?: ErrorLocation;
  /** What to do about it, in a sentence. */
  readonly hint?: string;
  /** Machine-readable details (indices, values); never personal data. */
  readonly details?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
}

function formatLocation(location: ErrorLocation | undefined): string {
  if (location === undefined) return "";
  const parts: string[] = [];
  if (location.file !== undefined) parts.push(location.file);
  if (location.row !== undefined) parts.push(`row ${location.row}`);
  if (location.column !== undefined) parts.push(`column "${location.column}"`);
  return parts.length > 0 ? `${parts.join(", ")}: ` : "";
}

/**
 * The base class of every error mentor-match throws on purpose.
 *
 * `message` reads `file, row R, column "C": what is wrong. What to do.`; the parts are also kept as
 * fields (`code`, `location`, `hint`, `details`) for programs.
 */
export class MentorMatchError extends Error {
  readonly [BRAND] = true;
  readonly code: ErrorCode;
  readonly location: ErrorLocation | undefined;
  readonly hint: string | undefined;
  readonly details: Readonly<Record<string, unknown>> | undefined;
  /** The message without location and hint. */
  readonly problem: string;

  constructor(code: ErrorCode, problem: string, options: MentorMatchErrorOptions = {}) {
    const hint = options.hint;
    super(`${formatLocation(options.location)}${problem}${hint === undefined ? "" : ` ${hint}`}`, {
      cause: options.cause,
    });
    this.name = new.target.name;
    this.code = code;
    this.problem = problem;
    this.location = options.location;
    this.hint = hint;
    this.details = options.details;
  }

  /** A plain object for JSON logs and reports. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      ...(this.location === undefined ? {} : { location: this.location }),
      ...(this.hint === undefined ? {} : { hint: this.hint }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

/** Bad numbers given to a matching algorithm: NaN scores, wrong shapes, negative capacities, bad pins. */
export class MatchingInputError extends MentorMatchError {}

/** The constraints cannot all hold (e.g. pinned pairs exceed a capacity, or a perfect matching is required). */
export class InfeasibleError extends MentorMatchError {}

/** A program configuration that does not parse or does not make sense. */
export class ProgramError extends MentorMatchError {}

/** A survey export or participant record that cannot be read as it is. */
export class InputFileError extends MentorMatchError {}

/** An input over a configured size limit. */
export class LimitError extends MentorMatchError {}

/**
 * True when `error` is a mentor-match error, from this copy of the library or another one.
 *
 * @example
 * try { match(instance) } catch (e) { if (isMentorMatchError(e)) console.error(e.code, e.message) }
 */
export function isMentorMatchError(error: unknown): error is MentorMatchError {
  return typeof error === "object" && error !== null && (error as { [BRAND]?: unknown })[BRAND] === true;
}
