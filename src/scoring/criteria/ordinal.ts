/** Ordinal (Likert) distance: positions on an ordered scale, 1 − |a − b| / (max − min). */
import type { Participant } from "../../questionnaire/participant.js";
import type { Program, Question } from "../../questionnaire/program.js";
import { base, type CompiledCriterion, type Kernel, questionLabel } from "../_internal/kernel.js";

type OrdinalCriterion = Extract<Program["criteria"][number], { kind: "ordinal" }>;

/** Positions in [0, 1], NaN = not answered. */
function positions(people: readonly Participant[], q: Question): Float64Array {
  const out = new Float64Array(people.length);
  const options = q.options ?? [];
  const index = new Map(options.map((o, k) => [o, k]));
  const span = q.kind === "single" ? Math.max(1, options.length - 1) : (q.max ?? 1) - (q.min ?? 0);
  for (let p = 0; p < people.length; p++) {
    const a = people[p]!.answers[q.id];
    let pos = Number.NaN;
    if (q.kind === "single" && typeof a === "string") pos = (index.get(a) ?? Number.NaN) / span;
    else if (q.kind === "number" && typeof a === "number") pos = (a - (q.min ?? 0)) / span;
    out[p] = pos < 0 ? 0 : Math.min(pos, 1);
  }
  return out;
}

/**
 * Compiles an ordinal criterion over a `single` question with ordered options or a bounded `number`
 * question (a Likert scale). O(options).
 *
 * @param c - the criterion (parsed).
 * @param program - the program it belongs to.
 * @returns the compiled criterion; O(1) per pair.
 * @throws nothing (the program is already checked).
 * @example
 * const k = ordinalCriterion({ kind: "ordinal", question: "sociability", must: false, ifMissing: 0.5 }, program);
 */
export function ordinalCriterion(c: OrdinalCriterion, program: Program): CompiledCriterion {
  const questions = new Map(program.questions.map((q) => [q.id, q]));
  const question = questions.get(c.question)!;
  const q = questionLabel(questions, c.question);
  return {
    ...base(c, { ru: `Близость: ${q.ru}`, en: `Closeness: ${q.en}` }),
    kind: "ordinal",
    prepare(mentees, mentors): Kernel {
      const a = positions(mentees, question);
      const b = positions(mentors, question);
      const missing = c.ifMissing;
      const cols = mentors.length;
      return {
        row(i, out) {
          const x = a[i]!;
          if (Number.isNaN(x)) {
            out.fill(missing, 0, cols);
            return;
          }
          for (let j = 0; j < cols; j++) {
            const d = x - b[j]!;
            out[j] = Number.isNaN(d) ? missing : 1 - (d < 0 ? -d : d);
          }
        },
        add(i, acc, f) {
          const x = a[i]!;
          const fm = f * missing;
          if (Number.isNaN(x)) {
            for (let j = 0; j < cols; j++) acc[j]! += fm;
            return true;
          }
          for (let j = 0; j < cols; j++) {
            const d = x - b[j]!;
            acc[j]! += Number.isNaN(d) ? fm : f * (1 - Math.abs(d));
          }
          return true;
        },
        value(i, j) {
          const d = a[i]! - b[j]!;
          return Number.isNaN(d) ? missing : 1 - Math.abs(d);
        },
        known: (i, j) => !Number.isNaN(a[i]! - b[j]!),
        // Close: at most half the scale apart.
        supports: (i, j) => Math.abs(a[i]! - b[j]!) <= 0.5,
      };
    },
  };
}
