/** Coverage of the mentee's needs by the mentor's offers (request ↔ competencies): |need ∩ offer| / |need|. */
import type { Program } from "../../questionnaire/program.js";
import { bitsets, layoutOf, popcount } from "../_internal/features.js";
import { base, type CompiledCriterion, type Kernel, questionLabel } from "../_internal/kernel.js";

type CoverageCriterion = Extract<Program["criteria"][number], { kind: "coverage" }>;

/**
 * Compiles a coverage criterion over the union of the two questions' options. O(options).
 *
 * A mentee who needs nothing, or a mentor who offers nothing, gives `ifMissing`.
 *
 * @param c - the criterion (parsed).
 * @param program - the program it belongs to.
 * @returns the compiled criterion; O(words) per pair, nothing allocated per pair.
 * @throws nothing (the program is already checked).
 * @example
 * const k = coverageCriterion({ kind: "coverage", need: "subjectsNeeded", offer: "subjectsOffered", must: false, ifMissing: 0 }, program);
 */
export function coverageCriterion(c: CoverageCriterion, program: Program): CompiledCriterion {
  const questions = new Map(program.questions.map((q) => [q.id, q]));
  const layout = layoutOf(questions.get(c.need)?.options, questions.get(c.offer)?.options);
  const need = questionLabel(questions, c.need);
  const offer = questionLabel(questions, c.offer);
  return {
    ...base(c, { ru: `${need.ru} ↔ ${offer.ru}`, en: `${need.en} ↔ ${offer.en}` }),
    kind: "coverage",
    prepare(mentees, mentors): Kernel {
      const a = bitsets(mentees, c.need, layout);
      const b = bitsets(mentors, c.offer, layout);
      const words = a.words;
      const aBits = a.bits;
      const bBits = b.bits;
      const aCount = a.count;
      const bCount = b.count;
      const missing = c.ifMissing;
      const cols = mentors.length;
      return {
        row(i, out) {
          const ca = aCount[i]!;
          if (ca === 0) {
            out.fill(missing, 0, cols);
            return;
          }
          const ai = i * words;
          if (words === 1) {
            const x = aBits[ai]!;
            for (let j = 0; j < cols; j++) out[j] = bCount[j] === 0 ? missing : popcount(x & bBits[j]!) / ca;
            return;
          }
          for (let j = 0; j < cols; j++) {
            if (bCount[j] === 0) {
              out[j] = missing;
              continue;
            }
            let inter = 0;
            const bj = j * words;
            for (let w = 0; w < words; w++) inter += popcount(aBits[ai + w]! & bBits[bj + w]!);
            out[j] = inter / ca;
          }
        },
        add(i, acc, f) {
          if (words !== 1) return false;
          const ca = aCount[i]!;
          if (ca === 0) {
            const v = f * missing;
            for (let j = 0; j < cols; j++) acc[j]! += v;
            return true;
          }
          const x = aBits[i]!;
          const g = f / ca;
          const fm = f * missing;
          for (let j = 0; j < cols; j++) acc[j]! += bCount[j] === 0 ? fm : g * popcount(x & bBits[j]!);
          return true;
        },
        known: (i, j) => aCount[i]! > 0 && bCount[j]! > 0,
        value(i, j) {
          const ca = aCount[i]!;
          if (ca === 0 || bCount[j] === 0) return missing;
          let inter = 0;
          for (let w = 0; w < words; w++) inter += popcount(aBits[i * words + w]! & bBits[j * words + w]!);
          return inter / ca;
        },
      };
    },
  };
}
