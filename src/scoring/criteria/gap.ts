/** Gap rules: the difference mentor − mentee (grade, age, experience) within [min, max]. */
import type { Program } from "../../questionnaire/program.js";
import { numbers } from "../_internal/features.js";
import { base, type CompiledCriterion, type Kernel, questionLabel } from "../_internal/kernel.js";
import { FIELD_LABELS } from "./numeric.js";

type GapCriterion = Extract<Program["criteria"][number], { kind: "gap" }>;

function range(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `${min}…${max}`;
  if (min !== undefined) return `≥ ${min}`;
  return `≤ ${max}`;
}

/**
 * Compiles a gap rule: 1 when min ≤ mentor − mentee ≤ max, else 0. Usually `must` (e.g. "the mentor is at
 * least one grade above the mentee"). O(1).
 *
 * @param c - the criterion (parsed).
 * @param program - the program it belongs to.
 * @returns the compiled criterion; O(1) per pair.
 * @throws nothing (the program is already checked).
 * @example
 * const k = gapCriterion({ kind: "gap", field: "grade", min: 1, must: true, ifMissing: 0 }, program);
 */
export function gapCriterion(c: GapCriterion, program: Program): CompiledCriterion {
  const questions = new Map(program.questions.map((q) => [q.id, q]));
  const what = c.field !== undefined ? FIELD_LABELS[c.field] : questionLabel(questions, c.question ?? "");
  const lo = c.min ?? Number.NEGATIVE_INFINITY;
  const hi = c.max ?? Number.POSITIVE_INFINITY;
  const r = range(c.min, c.max);
  return {
    ...base(c, {
      ru: `Разница (наставник − наставляемый): ${what.ru} ${r}`,
      en: `Mentor − mentee ${what.en} ${r}`,
    }),
    kind: "gap",
    prepare(mentees, mentors, ctx): Kernel {
      // A single question with ordered options: the places of the answers.
      const q = c.question === undefined ? undefined : ctx.questions.get(c.question);
      const ordered = q?.kind === "single" ? q.options : undefined;
      const a = numbers(mentees, c, ctx.referenceDate, ordered);
      const b = numbers(mentors, c, ctx.referenceDate, ordered);
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
            const d = b[j]! - x;
            out[j] = Number.isNaN(d) ? missing : d >= lo && d <= hi ? 1 : 0;
          }
        },
        fail(i, eligible, base, threshold) {
          const x = a[i]!;
          if (Number.isNaN(x)) {
            if (missing < threshold) eligible.fill(0, base, base + cols);
            return;
          }
          const missingFails = missing < threshold;
          const passFails = 1 < threshold;
          for (let j = 0; j < cols; j++) {
            const d = b[j]! - x;
            const fails = Number.isNaN(d) ? missingFails : d >= lo && d <= hi ? passFails : 0 < threshold;
            if (fails) eligible[base + j] = 0;
          }
        },
        value(i, j) {
          const d = b[j]! - a[i]!;
          if (Number.isNaN(d)) return missing;
          return d >= lo && d <= hi ? 1 : 0;
        },
        known: (i, j) => !Number.isNaN(b[j]! - a[i]!),
      };
    },
  };
}
