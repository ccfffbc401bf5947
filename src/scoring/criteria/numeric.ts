/** Numeric distance with a scale: closeness of mentor − mentee to an ideal offset. */
import type { Program } from "../../questionnaire/program.js";
import { numbers } from "../_internal/features.js";
import { base, type CompiledCriterion, type Kernel, questionLabel } from "../_internal/kernel.js";

type NumericCriterion = Extract<Program["criteria"][number], { kind: "numeric" }>;

const FIELD_LABELS = {
  grade: { ru: "класс", en: "grade" },
  age: { ru: "возраст", en: "age" },
  experienceYears: { ru: "стаж", en: "experience" },
} as const;

/**
 * Compiles a numeric criterion: v = max(0, 1 − |d − offset| / scale) (linear) or exp(−((d − offset) / scale)²)
 * (gaussian), d = mentor − mentee. O(1).
 *
 * @param c - the criterion (parsed).
 * @param program - the program it belongs to.
 * @returns the compiled criterion; O(1) per pair.
 * @throws nothing (the program is already checked).
 * @example
 * const k = numericCriterion({ kind: "numeric", field: "grade", offset: 2, scale: 4, shape: "linear", must: false, ifMissing: 0 }, program);
 */
export function numericCriterion(c: NumericCriterion, program: Program): CompiledCriterion {
  const questions = new Map(program.questions.map((q) => [q.id, q]));
  const what = c.field !== undefined ? FIELD_LABELS[c.field] : questionLabel(questions, c.question ?? "");
  const gaussian = c.shape === "gaussian";
  const offset = c.offset;
  const inv = 1 / c.scale;
  const curve = (d: number): number => {
    const t = (d - offset) * inv;
    if (gaussian) return Math.exp(-t * t);
    const v = 1 - (t < 0 ? -t : t);
    return Math.max(v, 0);
  };
  return {
    ...base(c, { ru: `Разница: ${what.ru}`, en: `Difference: ${what.en}` }),
    kind: "numeric",
    prepare(mentees, mentors, ctx): Kernel {
      const a = numbers(mentees, c, ctx.referenceDate);
      const b = numbers(mentors, c, ctx.referenceDate);
      const missing = c.ifMissing;
      const cols = mentors.length;
      return {
        row(i, out) {
          const x = a[i]!;
          if (Number.isNaN(x)) {
            out.fill(missing, 0, cols);
            return;
          }
          if (gaussian) {
            for (let j = 0; j < cols; j++) {
              const t = (b[j]! - x - offset) * inv;
              out[j] = Number.isNaN(t) ? missing : Math.exp(-t * t);
            }
            return;
          }
          for (let j = 0; j < cols; j++) {
            const t = (b[j]! - x - offset) * inv;
            const v = 1 - (t < 0 ? -t : t);
            out[j] = Number.isNaN(t) ? missing : Math.max(v, 0);
          }
        },
        add(i, acc, f) {
          if (gaussian) return false;
          const x = a[i]!;
          const fm = f * missing;
          if (Number.isNaN(x)) {
            for (let j = 0; j < cols; j++) acc[j]! += fm;
            return true;
          }
          for (let j = 0; j < cols; j++) {
            const t = (b[j]! - x - offset) * inv;
            acc[j]! += Number.isNaN(t) ? fm : f * Math.max(1 - Math.abs(t), 0);
          }
          return true;
        },
        value(i, j) {
          const d = b[j]! - a[i]!;
          return Number.isNaN(d) ? missing : curve(d);
        },
        known: (i, j) => !Number.isNaN(b[j]! - a[i]!),
        // Near the ideal difference: at least half the full value.
        supports: (i, j) => !Number.isNaN(b[j]! - a[i]!) && curve(b[j]! - a[i]!) >= 0.5,
      };
    },
  };
}

export { FIELD_LABELS };
