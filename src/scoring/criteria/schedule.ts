/** Schedule overlap: common time slots, min(|A ∩ B|, required) / required. */
import type { Program } from "../../questionnaire/program.js";
import { bitsets, layoutOf, popcount } from "../_internal/features.js";
import { base, type CompiledCriterion, type Kernel, questionLabel } from "../_internal/kernel.js";

type ScheduleCriterion = Extract<Program["criteria"][number], { kind: "schedule" }>;

/**
 * Compiles a schedule criterion: slots as bitsets. O(slots).
 *
 * @param c - the criterion (parsed).
 * @param program - the program it belongs to.
 * @returns the compiled criterion; O(words) per pair, nothing allocated per pair.
 * @throws nothing (the program is already checked).
 * @example
 * const k = scheduleCriterion({ kind: "schedule", question: "slots", required: 2, must: true, ifMissing: 0 }, program);
 */
export function scheduleCriterion(c: ScheduleCriterion, program: Program): CompiledCriterion {
  const questions = new Map(program.questions.map((q) => [q.id, q]));
  const layout = layoutOf(questions.get(c.question)?.options);
  const q = questionLabel(questions, c.question);
  const required = c.required;
  return {
    ...base(c, { ru: `Общее время: ${q.ru}`, en: `Common time: ${q.en}` }),
    kind: "schedule",
    prepare(mentees, mentors): Kernel {
      const a = bitsets(mentees, c.question, layout);
      const b = bitsets(mentors, c.question, layout);
      const words = a.words;
      const aBits = a.bits;
      const bBits = b.bits;
      const aCount = a.count;
      const bCount = b.count;
      const missing = c.ifMissing;
      const cols = mentors.length;
      const value = (i: number, j: number): number => {
        if (aCount[i] === 0 || bCount[j] === 0) return missing;
        let inter = 0;
        for (let w = 0; w < words; w++) inter += popcount(aBits[i * words + w]! & bBits[j * words + w]!);
        return Math.min(inter, required) / required;
      };
      return {
        row(i, out) {
          if (aCount[i] === 0) {
            out.fill(missing, 0, cols);
            return;
          }
          if (words === 1) {
            const x = aBits[i]!;
            for (let j = 0; j < cols; j++) {
              if (bCount[j] === 0) out[j] = missing;
              else {
                const inter = popcount(x & bBits[j]!);
                out[j] = Math.min(inter, required) / required;
              }
            }
            return;
          }
          for (let j = 0; j < cols; j++) out[j] = value(i, j);
        },
        add(i, acc, f) {
          if (words !== 1) return false;
          if (aCount[i] === 0) {
            const v = f * missing;
            for (let j = 0; j < cols; j++) acc[j]! += v;
            return true;
          }
          const x = aBits[i]!;
          const g = f / required;
          const fm = f * missing;
          for (let j = 0; j < cols; j++) {
            acc[j]! += bCount[j] === 0 ? fm : g * Math.min(popcount(x & bBits[j]!), required);
          }
          return true;
        },
        known: (i, j) => aCount[i]! > 0 && bCount[j]! > 0,
        value,
      };
    },
  };
}
