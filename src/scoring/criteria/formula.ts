/**
 * Formula criterion: a mathjs expression over both participants' answers, for what the other kinds do not
 * cover. Parsed and checked once (see questionnaire/_internal/formula.ts); evaluated per pair in a scope
 * holding only the two answer objects.
 */
import {
  compileFormula,
  type FormulaSide,
  type FormulaValue,
} from "../../questionnaire/_internal/formula.js";
import type { Participant } from "../../questionnaire/participant.js";
import { NUMERIC_FIELDS, PROFILE_FIELDS, type Program } from "../../questionnaire/program.js";
import { fieldOf } from "../_internal/features.js";
import { base, type CompiledCriterion, type Kernel } from "../_internal/kernel.js";

type FormulaCriterion = Extract<Program["criteria"][number], { kind: "formula" }>;

function sideOf(p: Participant, program: Program, day: Date): FormulaSide {
  const side: FormulaSide = Object.create(null);
  for (const q of program.questions) {
    // Own answers only: a question called "constructor" must not read Object.prototype.constructor.
    const a = Object.hasOwn(p.answers, q.id) ? p.answers[q.id] : undefined;
    side[q.id] = a === undefined ? null : Array.isArray(a) ? Object.freeze([...a]) : a;
  }
  for (const f of NUMERIC_FIELDS) {
    const v = fieldOf(p, f, day);
    side[f] = Number.isNaN(v) ? null : v;
  }
  const asked = new Set(program.questions.map((q) => q.id));
  if (!asked.has("tags")) side.tags = Object.freeze([...p.tags]);
  if (!asked.has("roleModel")) side.roleModel = p.roleModel ?? null;
  if (!asked.has("organisation")) side.organisation = p.organisation ?? null;
  return Object.freeze(side);
}

/** Whether a formula's result is a value (not `missing`, not NaN). */
function isKnown(v: FormulaValue): boolean {
  return typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));
}

function toUnit(v: FormulaValue, missing: number): number {
  const x = typeof v === "boolean" ? (v ? 1 : 0) : typeof v === "number" ? v : Number.NaN;
  if (!Number.isFinite(x)) return missing;
  return x < 0 ? 0 : Math.min(x, 1);
}

/**
 * Compiles a formula criterion: the expression is parsed and checked here, once. The value is the result
 * clamped to [0, 1] (true = 1, false = 0); a result that is not a finite number gives `ifMissing`.
 *
 * @param c - the criterion (parsed).
 * @param program - the program it belongs to.
 * @returns the compiled criterion; O(expression size) per pair.
 * @throws ProgramError INVALID_FORMULA, FORBIDDEN_FORMULA, UNKNOWN_QUESTION.
 * @example
 * const k = formulaCriterion({ kind: "formula", expression: "common(mentee.interests, mentor.interests) >= 2", must: false, ifMissing: 0 }, program);
 */
export function formulaCriterion(c: FormulaCriterion, program: Program): CompiledCriterion {
  const index = program.criteria.indexOf(c);
  const names = new Set<string>([
    ...program.questions.map((q) => q.id),
    ...NUMERIC_FIELDS,
    ...PROFILE_FIELDS,
  ]);
  const fn = compileFormula(c.expression, { path: `criteria[${index < 0 ? "?" : index}].expression`, names });
  return {
    ...base(c, { ru: `Формула: ${c.expression}`, en: `Formula: ${c.expression}` }),
    kind: "formula",
    prepare(mentees, mentors, ctx): Kernel {
      const a = mentees.map((p) => sideOf(p, program, ctx.referenceDate));
      const b = mentors.map((p) => sideOf(p, program, ctx.referenceDate));
      const missing = c.ifMissing;
      const cols = mentors.length;
      return {
        row(i, out) {
          const x = a[i]!;
          for (let j = 0; j < cols; j++) out[j] = toUnit(fn(x, b[j]!), missing);
        },
        value(i, j) {
          return toUnit(fn(a[i]!, b[j]!), missing);
        },
        known: (i, j) => isKnown(fn(a[i]!, b[j]!)),
      };
    },
  };
}
