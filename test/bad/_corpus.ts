/**
 * Runs the bad-input corpus (fixtures/bad/cases.json): each case names a stage of the pipeline and an input,
 * and pins what that stage must answer — a typed error (code, file, row, column), the row-level errors and
 * warnings it collects, and the records it keeps.
 */
import { readCsv, type QuestionSpec, readParticipants, isMentorMatchError } from "mentor-match";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const BAD_DIR = fileURLToPath(new URL("../../fixtures/bad/", import.meta.url));

/** Where a typed error or warning points. `null` = the error names no row / column. */
export interface Pinned {
  readonly code: string;
  readonly file: string | null;
  readonly row: number | null;
  readonly column: string | null;
}

/** A survey export read with its companion file of the other role (fixtures/bad/good/). */
export interface ReadInput {
  readonly stage: "read";
  /** Path under fixtures/bad/. */
  readonly file: string;
  /** The file's role; omit for a file with a role column (then no companion is read). */
  readonly role?: "mentor" | "mentee";
}

/** What the read stage answered. */
export interface ReadObserved {
  readonly thrown: Pinned | null;
  readonly errors: readonly Pinned[];
  readonly warnings: readonly Pinned[];
  /** Records kept from the bad file, by id: the fields the case pins. */
  readonly records: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Every text the stage produced about the input (messages, hints, details), for the privacy checks. */
  readonly texts: readonly string[];
}

/** The questions of the corpus's program (mirrors the headers of fixtures/bad/good/*.csv). */
export const CORPUS_QUESTIONS: readonly QuestionSpec[] = [
  { id: "interests", kind: "multi", options: ["Шахматы", "Музыка", "Спорт"], labels: ["Интересы"] },
  { id: "format", kind: "single", options: ["Очно", "Онлайн", "Любой"], labels: ["Формат встреч"] },
  { id: "hours", kind: "number", labels: ["Сколько часов в неделю"] },
];

/**
 * Names in the corpus's rows, as 6-letter stems: none of them may appear in anything the library says about
 * the input, not even cut short (a parser's message may quote the first characters of a line).
 */
export const CORPUS_NAMES: readonly string[] = [
  "Эльпид",
  "Зинови",
  "Трифон",
  "Пантел",
  "Евстол",
  "Ипатов",
  "Ксеноф",
  "Парамо",
  "Квакен",
  "Евламп",
  "Дормид",
  "Акакий",
  "Силуан",
  "Никоди",
  "Фалале",
];

function pin(e: {
  code: string;
  location?: { file?: string; row?: number; column?: string } | undefined;
}): Pinned {
  return {
    code: e.code,
    file: e.location?.file ?? null,
    row: e.location?.row ?? null,
    column: e.location?.column ?? null,
  };
}

function textsOf(e: unknown): string[] {
  if (!isMentorMatchError(e)) return [String(e)];
  return [e.message, e.hint ?? "", JSON.stringify(e.details ?? {}), JSON.stringify(e.toJSON())];
}

/** Reads a corpus file through readCsv and readParticipants, as the CLI does. */
export function runRead(input: ReadInput): ReadObserved {
  const name = input.file.split("/").pop()!;
  const bytes = new Uint8Array(readFileSync(`${BAD_DIR}${input.file}`));
  const texts: string[] = [];
  let table: ReturnType<typeof readCsv>;
  try {
    table = readCsv(bytes, { file: name });
  } catch (error) {
    if (!isMentorMatchError(error)) throw error;
    return { thrown: pin(error), errors: [], warnings: [], records: {}, texts: textsOf(error) };
  }
  const sources: { table: ReturnType<typeof readCsv>; role?: "mentor" | "mentee" }[] = [
    input.role === undefined ? { table } : { table, role: input.role },
  ];
  if (input.role !== undefined) {
    const other = input.role === "mentor" ? "mentees" : "mentors";
    const companion = readCsv(new Uint8Array(readFileSync(`${BAD_DIR}good/${other}.csv`)), {
      file: `${other}.csv`,
    });
    sources.push({ table: companion, role: input.role === "mentor" ? "mentee" : "mentor" });
  }
  const read = readParticipants(sources, { questions: CORPUS_QUESTIONS });
  for (const p of read.problems) texts.push(...textsOf(p));
  for (const w of read.warnings) texts.push(w.message, JSON.stringify(w.details));
  const records: Record<string, Record<string, unknown>> = Object.create(null);
  read.participants.forEach((p, k) => {
    if (read.sources[k]!.file !== name) return;
    records[p.id] = { ...p };
  });
  return {
    thrown: null,
    errors: read.problems.map(pin),
    warnings: read.warnings.map((w) => pin(w)),
    records,
    texts,
  };
}

/** A matching instance written as JSON: "NaN", "Infinity", "-Infinity" for those numbers; typed arrays tagged. */
export interface MatchInput {
  readonly stage: "match";
  readonly strategy?: string;
  readonly instance: Readonly<Record<string, unknown>>;
}

function num(v: unknown): unknown {
  if (v === "NaN") return Number.NaN;
  if (v === "Infinity") return Number.POSITIVE_INFINITY;
  if (v === "-Infinity") return Number.NEGATIVE_INFINITY;
  return v;
}

function numbers(list: unknown): number[] {
  return (list as unknown[]).map(num) as number[];
}

/** Turns the JSON form of a corpus instance into a `MatchingInstance` (typed arrays, special numbers). */
export function decodeInstance(json: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    if (key === "scores" && Array.isArray(value)) out.scores = value.map(numbers);
    else if (key === "scores" && typeof value === "object" && value !== null && "flat" in value) {
      out.scores = Float64Array.from(numbers((value as { flat: unknown }).flat));
    } else if (key === "scores" && typeof value === "object" && value !== null && "csr" in value) {
      const c = (value as { csr: Record<string, unknown> }).csr;
      out.scores = {
        rows: c.rows,
        cols: c.cols,
        rowStart: Int32Array.from(c.rowStart as number[]),
        col: Int32Array.from(c.col as number[]),
        value: Float64Array.from(numbers(c.value)),
      };
    } else if (key === "forbidden") out.forbidden = Uint8Array.from((value as { bytes: number[] }).bytes);
    else if (key === "capacities") out.capacities = numbers(value);
    else out[key] = num(value);
  }
  return out;
}
