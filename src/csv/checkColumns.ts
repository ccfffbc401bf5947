/** The program config's `columns` checked against the fields and questions a column can be mapped to. */
import { ProgramError } from "../errors.js";
import { IGNORE } from "./mapColumns.js";
import { columnFieldsOf } from "./columnFieldsOf.js";
import type { QuestionSpec } from "./participantTypes.js";

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_v, k) => k);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = up;
    }
  }
  return row[b.length]!;
}

/** The valid target closest to `target` (case-insensitive edit distance), or undefined when none is near. */
function closest(target: string, valid: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  const t = target.toLowerCase();
  for (const v of valid) {
    const d = distance(t, v.toLowerCase());
    if (d < bestD) {
      best = v;
      bestD = d;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(t.length / 2)) ? best : undefined;
}

/**
 * Checks every target of the config's `columns` (header → field key): a standard field (`id`, `name`,
 * `email`, `consent` …), `q:<question id>` of a question of the program, `ignore`, or several question
 * keys joined by `|` (one per role). A typo would otherwise drop the column without a word.
 *
 * Complexity: O(t · f · k²) for t targets, f fields and keys of length k.
 *
 * @param columns - the config's `columns`.
 * @param questions - the program's questions.
 * @returns one error per bad target: `UNKNOWN_QUESTION` for `q:<unknown>`, `UNKNOWN_FIELD` otherwise, each
 *   located at `columns["<header>"]` and naming the closest valid target.
 * @throws never.
 *
 * @example
 * checkColumns({ "Class": "grad" }, [])[0]?.code; // "UNKNOWN_FIELD" (did you mean "grade"?)
 */
export function checkColumns(
  columns: Readonly<Record<string, string>>,
  questions: readonly QuestionSpec[],
): ProgramError[] {
  const valid = columnFieldsOf(questions).map((f) => f.key);
  const known = new Set([...valid, IGNORE]);
  const problems: ProgramError[] = [];
  for (const [header, target] of Object.entries(columns)) {
    const parts = target.split("|").map((t) => t.trim());
    for (const part of parts) {
      if (known.has(part) || (parts.length === 1 && part.toLowerCase() === IGNORE)) continue;
      const question = part.startsWith("q:");
      const pool = question ? valid.filter((k) => k.startsWith("q:")) : [...valid, IGNORE];
      const near = closest(part, pool);
      const column = `columns["${header}"]`;
      problems.push(
        new ProgramError(
          question ? "UNKNOWN_QUESTION" : "UNKNOWN_FIELD",
          question
            ? `The column is mapped to "${part}", but the program has no question "${part.slice(2)}".`
            : `The column is mapped to "${part}", which is not a field.`,
          {
            location: { column },
            hint:
              near === undefined
                ? `Use one of: ${pool.join(", ")}; or "ignore" to leave the column out.`
                : `Did you mean "${near}"? Or write "ignore" to leave the column out.`,
            details: { path: column, target: part, ...(near === undefined ? {} : { closest: near }) },
          },
        ),
      );
    }
  }
  return problems;
}
