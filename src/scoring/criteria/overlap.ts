/** Overlap of multi-choice answers (shared interests): Jaccard, Dice or the overlap coefficient on bitsets. */
import type { Program } from "../../questionnaire/program.js";
import { bitsets, layoutOf, popcount } from "../_internal/features.js";
import { base, type CompiledCriterion, type Kernel, questionLabel } from "../_internal/kernel.js";

type OverlapCriterion = Extract<Program["criteria"][number], { kind: "overlap" }>;

const JACCARD = 0;
const DICE = 1;
const MIN = 2;

function measure(inter: number, a: number, b: number, kind: number): number {
  if (kind === JACCARD) return inter / (a + b - inter);
  if (kind === DICE) return (2 * inter) / (a + b);
  return inter / Math.min(a, b);
}

/**
 * Compiles an overlap criterion: the bit layout is fixed here, once. O(options).
 *
 * @param c - the criterion (parsed).
 * @param program - the program it belongs to.
 * @returns the compiled criterion; its kernels cost O(words) per pair and allocate nothing per pair.
 * @throws nothing (the program is already checked).
 * @example
 * const k = overlapCriterion({ kind: "overlap", question: "interests", measure: "jaccard", must: false, ifMissing: 0 }, program);
 */
export function overlapCriterion(c: OverlapCriterion, program: Program): CompiledCriterion {
  const questions = new Map(program.questions.map((q) => [q.id, q]));
  const layout = layoutOf(questions.get(c.question)?.options);
  const kind = c.measure === "dice" ? DICE : c.measure === "min" ? MIN : JACCARD;
  const q = questionLabel(questions, c.question);
  return {
    ...base(c, { ru: `Общее: ${q.ru}`, en: `Shared: ${q.en}` }),
    kind: "overlap",
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
      return {
        row(i, out) {
          const ca = aCount[i]!;
          if (ca === 0) {
            out.fill(missing, 0, cols);
            return;
          }
          if (words === 1) {
            const x = aBits[i]!;
            for (let j = 0; j < cols; j++) {
              const cb = bCount[j]!;
              out[j] = cb === 0 ? missing : measure(popcount(x & bBits[j]!), ca, cb, kind);
            }
            return;
          }
          const ai = i * words;
          for (let j = 0; j < cols; j++) {
            const cb = bCount[j]!;
            if (cb === 0) {
              out[j] = missing;
              continue;
            }
            let inter = 0;
            const bj = j * words;
            for (let w = 0; w < words; w++) inter += popcount(aBits[ai + w]! & bBits[bj + w]!);
            out[j] = measure(inter, ca, cb, kind);
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
          for (let j = 0; j < cols; j++) {
            const cb = bCount[j]!;
            acc[j]! += f * (cb === 0 ? missing : measure(popcount(x & bBits[j]!), ca, cb, kind));
          }
          return true;
        },
        known: (i, j) => aCount[i]! > 0 && bCount[j]! > 0,
        value(i, j) {
          const ca = aCount[i]!;
          const cb = bCount[j]!;
          if (ca === 0 || cb === 0) return missing;
          let inter = 0;
          for (let w = 0; w < words; w++) inter += popcount(aBits[i * words + w]! & bBits[j * words + w]!);
          return measure(inter, ca, cb, kind);
        },
      };
    },
  };
}
