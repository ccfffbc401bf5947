/** Categorical match: the same option, compatible options, or a wildcard ("either") — format, language. */
import type { Program } from "../../questionnaire/program.js";
import { codes } from "../_internal/features.js";
import { base, type CompiledCriterion, type Kernel, questionLabel } from "../_internal/kernel.js";

type CategoricalCriterion = Extract<Program["criteria"][number], { kind: "categorical" }>;

/**
 * Compiles a categorical criterion into a K × K table of values, once. O(K²).
 *
 * @param c - the criterion (parsed).
 * @param program - the program it belongs to.
 * @returns the compiled criterion; one table lookup per pair.
 * @throws nothing (the program is already checked).
 * @example
 * const k = categoricalCriterion({ kind: "categorical", question: "format", any: ["любой"], compatible: [], mismatch: 0, must: false, ifMissing: 0.5 }, program);
 */
export function categoricalCriterion(c: CategoricalCriterion, program: Program): CompiledCriterion {
  const questions = new Map(program.questions.map((q) => [q.id, q]));
  const question = questions.get(c.question)!;
  const options = question.kind === "boolean" ? ["false", "true"] : [...(question.options ?? [])];
  const k = options.length;
  const index = new Map(options.map((o, n) => [o, n]));
  const table = new Float64Array(k * k).fill(c.mismatch);
  for (let x = 0; x < k; x++) table[x * k + x] = 1;
  for (const o of c.any) {
    const x = index.get(o);
    if (x === undefined) continue;
    for (let y = 0; y < k; y++) table[x * k + y] = table[y * k + x] = 1;
  }
  for (const [p, q] of c.compatible) {
    const x = index.get(p);
    const y = index.get(q);
    if (x !== undefined && y !== undefined) table[x * k + y] = table[y * k + x] = 1;
  }
  const mentorQuestion = c.mentorQuestion ?? c.question;
  const label = questionLabel(questions, c.question);
  return {
    ...base(c, { ru: `Совпадение: ${label.ru}`, en: `Match: ${label.en}` }),
    kind: "categorical",
    prepare(mentees, mentors): Kernel {
      const a = codes(mentees, c.question, options);
      const b = codes(mentors, mentorQuestion, options);
      const missing = c.ifMissing;
      const cols = mentors.length;
      return {
        row(i, out) {
          const x = a[i]!;
          if (x < 0) {
            out.fill(missing, 0, cols);
            return;
          }
          const rowStart = x * k;
          for (let j = 0; j < cols; j++) {
            const y = b[j]!;
            out[j] = y < 0 ? missing : table[rowStart + y]!;
          }
        },
        add(i, acc, f) {
          const x = a[i]!;
          const fm = f * missing;
          if (x < 0) {
            for (let j = 0; j < cols; j++) acc[j]! += fm;
            return true;
          }
          const rowStart = x * k;
          for (let j = 0; j < cols; j++) {
            const y = b[j]!;
            acc[j]! += y < 0 ? fm : f * table[rowStart + y]!;
          }
          return true;
        },
        value(i, j) {
          const x = a[i]!;
          const y = b[j]!;
          return x < 0 || y < 0 ? missing : table[x * k + y]!;
        },
        known: (i, j) => a[i]! >= 0 && b[j]! >= 0,
        // The same option, compatible options or a wildcard; a partial `mismatch` value is no reason.
        supports: (i, j) => a[i]! >= 0 && b[j]! >= 0 && table[a[i]! * k + b[j]!] === 1,
      };
    },
  };
}
