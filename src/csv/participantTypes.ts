/**
 * The types of the participant reader ({@link readParticipants}): what it reads (questions, sources,
 * options) and what it returns (records, where each came from, problems, warnings and dropped rows).
 */
import type { InputFileError } from "../errors.js";
import type { ColumnMapping } from "./mapColumns.js";
import type { CsvTable } from "./readCsv.js";

/** A program question as the reader needs it. */
export interface QuestionSpec {
  readonly id: string;
  /** How a cell is read: options chosen, one option, a number, yes/no, or free text. */
  readonly kind: "multi" | "single" | "number" | "boolean" | "text";
  /** The options of a choice question, spelled as the program spells them. */
  readonly options?: readonly string[];
  /** Headers that name this question (its Russian and English labels, its id). */
  readonly labels: readonly string[];
  /** Who answers it. @defaultValue "both" */
  readonly role?: "mentor" | "mentee" | "both";
}

/** One participant as read from a row: plain data for the program's participant schema. */
export interface ParticipantRecord {
  id: string;
  role: "mentor" | "mentee";
  name?: string;
  email?: string;
  answers: Record<string, unknown>;
  grade?: number;
  age?: number;
  birthDate?: string;
  experienceYears?: number;
  organisation?: string;
  tags: string[];
  roleModel?: string;
  /** Own consent, when the export has the column. */
  consent?: boolean;
  /** A parent's or guardian's consent, when the export has the column. */
  guardianConsent?: boolean;
  capacity?: number;
  /** Partner ids, best first (names and e-mails already resolved). */
  preferences: string[];
}

/** Where a record came from. */
export interface SourceRef {
  readonly file: string;
  readonly row: number;
}

/** A problem that does not stop the run. `details` holds no personal data. */
export interface ReadWarning {
  readonly code:
    | "DUPLICATE_SUBMISSION"
    | "UNKNOWN_PREFERENCE"
    | "AMBIGUOUS_PREFERENCE"
    | "UNKNOWN_OPTION"
    | "GENERATED_ID"
    /** Two rows of one role with the same full name and different codes (perhaps one person twice). */
    | "SAME_NAME"
    /** Submissions of one person that disagree (equal times, or one e-mail under two codes): left out. */
    | "CONFLICTING_SUBMISSIONS"
    /** A consent cell that is not a plain yes or no, read as no consent (`unclearConsent: "no"`). */
    | "UNCLEAR_CONSENT";
  readonly message: string;
  readonly location: SourceRef & { readonly column?: string };
  readonly details: Readonly<Record<string, string | number>>;
  /**
   * For `UNKNOWN_OPTION`: each distinct answer left out (at most 5; shown at most 40 characters long, an
   * e-mail or a phone number as "…"), its rows and the closest option.
   */
  readonly answers?: readonly {
    readonly value: string;
    readonly rows: readonly number[];
    readonly closest?: string;
  }[];
}

/** One input file: a parsed table and, for one-role files, its role. */
export interface ParticipantSource {
  readonly table: CsvTable;
  /** The role of every row; omit for a file with a role column. */
  readonly role?: "mentor" | "mentee";
}

/** Options of {@link readParticipants}. */
export interface ReadParticipantsOptions {
  /** The program's questions. */
  readonly questions: readonly QuestionSpec[];
  /** Header → field key (`id`, `email`, … or `q:<question id>`), from the program config. */
  readonly columns?: Readonly<Record<string, string>>;
  /**
   * Whether the program requires consent: then a file with neither a consent nor a guardian's consent
   * column is a `MISSING_COLUMN` problem (else everyone in it would be excluded without a word).
   * @defaultValue true
   */
  readonly requireConsent?: boolean;
  /**
   * A consent cell that is not a plain yes or no («+-», «Да?», «частично», «да/нет»): `error` — an
   * `INVALID_VALUE` problem naming the cell (the run stops); `no` — read as no consent (the participant is
   * excluded) with an `UNCLEAR_CONSENT` warning naming the cell. Never read as yes.
   * @defaultValue "error"
   */
  readonly unclearConsent?: "error" | "no";
}

/** What {@link readParticipants} returns. */
export interface ParticipantsRead {
  /** Every participant kept (a duplicate submission keeps the latest), in input order. */
  readonly participants: readonly ParticipantRecord[];
  /** `sources[k]` is where `participants[k]` came from. */
  readonly sources: readonly SourceRef[];
  /** The column mapping of each file. */
  readonly mappings: readonly { readonly file: string; readonly mapping: ColumnMapping }[];
  /** Errors (the run must stop): file, row, column and what to do. */
  readonly problems: readonly InputFileError[];
  readonly warnings: readonly ReadWarning[];
  /**
   * Rows read but not kept: older or identical copies of a submission (`superseded`) and submissions
   * that conflict (`conflicting-submissions`). With `participants`, every row read is accounted for.
   */
  readonly dropped: readonly DroppedRow[];
}

/** A row read but not kept as a participant, with the reason; it goes to excluded.csv. */
export interface DroppedRow {
  readonly id: string;
  readonly role: "mentor" | "mentee";
  readonly source: SourceRef;
  /** `superseded`: an older (or identical) submission of one person, replaced by the rows in `by`;
   * `conflicting-submissions`: submissions of one person (one code, or one e-mail under two codes) that
   * disagree with no later one to settle it; `by` holds the other rows. */
  readonly reason: "superseded" | "conflicting-submissions";
  readonly by: readonly SourceRef[];
}
