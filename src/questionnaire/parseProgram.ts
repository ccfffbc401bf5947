import { ProgramError } from "../errors.js";
import { checkProgram } from "./_internal/checkProgram.js";
import { programErrorFromIssues } from "./_internal/issues.js";
import { CRITERION_KINDS, type Program, ProgramSchema } from "./program.js";

function unknownKind(input: unknown): ProgramError | undefined {
  if (typeof input !== "object" || input === null) return undefined;
  const criteria = (input as { criteria?: unknown }).criteria;
  if (!Array.isArray(criteria)) return undefined;
  for (let k = 0; k < criteria.length; k++) {
    const kind = (criteria[k] as { kind?: unknown } | null)?.kind;
    if (typeof kind === "string" && !(CRITERION_KINDS as readonly string[]).includes(kind)) {
      const path = `criteria[${k}].kind`;
      return new ProgramError("UNKNOWN_CRITERION", `Unknown criterion kind "${kind}".`, {
        location: { column: path },
        hint: `Use one of: ${CRITERION_KINDS.join(", ")} (docs/program.md).`,
        details: { path, kind },
      });
    }
  }
  return undefined;
}

/**
 * Parses and checks a program config: the schema, then references, kinds and formulas. O(size of the
 * config). Criterion ids default to `<kind><position>` and weights to 1 (0 for `must`) in the result.
 *
 * @param input - the config, e.g. `JSON.parse` of a file (a `$schema` key is allowed).
 * @returns the program with defaults filled in.
 * @throws ProgramError INVALID_PROGRAM, UNKNOWN_CRITERION, UNKNOWN_QUESTION, INVALID_FORMULA or
 *   FORBIDDEN_FORMULA; `location.column` and `details.path` give the offending key.
 * @example
 * const program = parseProgram({ form: "student-student", questions: [], criteria: [{ kind: "gap", field: "grade", min: 1, weight: 1 }] });
 * program.defaults.capacity; // 1
 */
export function parseProgram(input: unknown): Program {
  const kind = unknownKind(input);
  if (kind !== undefined) throw kind;
  const parsed = ProgramSchema.safeParse(input);
  if (!parsed.success) throw programErrorFromIssues(parsed.error.issues);
  return checkProgram(parsed.data);
}

/** The outcome of {@link safeParseProgram}. */
export type SafeParseProgramResult =
  | { success: true; data: Program }
  | { success: false; error: ProgramError };

/**
 * {@link parseProgram} without throwing. O(size of the config).
 *
 * @param input - the config.
 * @returns `{ success: true, data }` or `{ success: false, error }` (a ProgramError).
 * @throws nothing for a bad config; only errors that are not about the config (bugs) propagate.
 * @example
 * const r = safeParseProgram({ form: "nope" });
 * if (!r.success) console.log(r.error.code); // "INVALID_PROGRAM"
 */
export function safeParseProgram(input: unknown): SafeParseProgramResult {
  try {
    return { success: true, data: parseProgram(input) };
  } catch (error) {
    if (error instanceof ProgramError) return { success: false, error };
    throw error;
  }
}
