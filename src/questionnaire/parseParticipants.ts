import * as z from "zod";
import type { InputFileError } from "../errors.js";
import { InputFileError as InputFileErrorClass } from "../errors.js";
import { describeIssue, formatPath, participantError } from "./_internal/issues.js";
import { type Participant, ParticipantSchema } from "./participant.js";
import type { Program, Question } from "./program.js";

/**
 * The participant schema with answers left to {@link checkAnswer}, which checks each one against its
 * question (stricter than the generic answer schema, and checked once instead of twice).
 */
const ParticipantShape = ParticipantSchema.extend({ answers: z.record(z.string(), z.unknown()).default({}) });

/** A question with its options as a set, built once per call. */
interface Checked {
  readonly q: Question;
  readonly options: ReadonlySet<string>;
}

function checkAnswer({ q, options }: Checked, value: unknown, index: number, id: string, path: string): void {
  const bad = (problem: string, hint: string) =>
    participantError("INVALID_PARTICIPANT", index, id, path, problem, hint);
  switch (q.kind) {
    case "multi": {
      if (!Array.isArray(value))
        throw bad("expected a list of options", "Give the options chosen as a list.");
      const known = new Set(q.options ?? []);
      const seen = new Set<string>();
      for (const v of value as unknown[]) {
        if (typeof v !== "string" || !known.has(v))
          throw bad(
            `unknown option ${JSON.stringify(v)}`,
            `Use the options of question "${q.id}": ${[...known].join(", ")}.`,
          );
        if (seen.has(v)) throw bad(`option "${v}" is chosen twice`, "List every option once.");
        seen.add(v);
      }
      return;
    }
    case "single":
      if (typeof value !== "string" || !options.has(value)) {
        throw bad(
          `unknown option ${JSON.stringify(value)}`,
          `Use one of the options of question "${q.id}": ${(q.options ?? []).join(", ")}.`,
        );
      }
      return;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value))
        throw bad("expected a number", "Give a number.");
      if ((q.min !== undefined && value < q.min) || (q.max !== undefined && value > q.max)) {
        throw bad(
          `${value} is outside ${q.min ?? "−∞"}…${q.max ?? "∞"}`,
          "Give a number within the question's bounds.",
        );
      }
      return;
    case "boolean":
      if (typeof value !== "boolean") throw bad("expected yes or no (true / false)", "Give true or false.");
      return;
    case "text":
      if (typeof value !== "string") throw bad("expected a text", "Give a text.");
      return;
  }
}

/**
 * Parses participants against a program: the participant schema, then every answer against its
 * question (kind, options, bounds), then unique ids. O(total size of the answers).
 *
 * A preference naming nobody is not an error here: scoring reports it as a warning.
 *
 * @param program - a parsed program.
 * @param input - the participants, e.g. read from a JSON file or from survey exports.
 * @returns the participants with defaults filled in, in input order.
 * @throws InputFileError INVALID_PARTICIPANT (naming the participant by position and id, and the key), or
 *   DUPLICATE_ID.
 * @example
 * const [p] = parseParticipants(preset("student-student"), [{ id: "S01", role: "mentee", grade: 6, guardianConsent: true }]);
 * p.tags; // []
 */
export function parseParticipants(program: Program, input: readonly unknown[]): Participant[] {
  const questions = new Map<string, Checked>(
    program.questions.map((q) => [q.id, { q, options: new Set(q.options ?? []) }]),
  );
  const seen = new Map<string, number>();
  const out: Participant[] = [];
  for (let index = 0; index < input.length; index++) {
    const raw = input[index];
    const rawId = typeof raw === "object" && raw !== null ? (raw as { id?: unknown }).id : undefined;
    const id = typeof rawId === "string" && rawId.length <= 64 ? rawId : undefined;
    const parsed = ParticipantShape.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw participantError(
        "INVALID_PARTICIPANT",
        index,
        id,
        formatPath(issue.path),
        describeIssue(issue),
        "Fix this field of the participant's record.",
      );
    }
    const p = parsed.data as Participant;
    for (const [qid, value] of Object.entries(p.answers)) {
      const q = questions.get(qid);
      if (q === undefined) {
        throw participantError(
          "INVALID_PARTICIPANT",
          index,
          p.id,
          `answers.${qid}`,
          `the program has no question "${qid}"`,
          "Remove the answer or add the question to the program.",
        );
      }
      checkAnswer(q, value, index, p.id, `answers.${qid}`);
    }
    const before = seen.get(p.id);
    if (before !== undefined) {
      throw participantError(
        "DUPLICATE_ID",
        index,
        p.id,
        "id",
        `the same id as participant #${before + 1}`,
        "Give every participant their own id.",
      );
    }
    seen.set(p.id, index);
    out.push(p);
  }
  return out;
}

/** The outcome of {@link safeParseParticipants}. */
export type SafeParseParticipantsResult =
  | { success: true; data: Participant[] }
  | { success: false; error: InputFileError };

/**
 * {@link parseParticipants} without throwing. O(total size of the answers).
 *
 * @param program - a parsed program.
 * @param input - the participants.
 * @returns `{ success: true, data }` or `{ success: false, error }` (an InputFileError).
 * @throws nothing for bad participants.
 * @example
 * const r = safeParseParticipants(preset("student-student"), [{ id: "S01", role: "boss" }]);
 * r.success; // false
 */
export function safeParseParticipants(
  program: Program,
  input: readonly unknown[],
): SafeParseParticipantsResult {
  try {
    return { success: true, data: parseParticipants(program, input) };
  } catch (error) {
    if (error instanceof InputFileErrorClass) return { success: false, error };
    throw error;
  }
}
