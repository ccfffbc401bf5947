/**
 * Why a pair scores what it scores, and why it is not allowed: computed on demand from the kernels, so
 * that nothing is stored per pair.
 */
import type { Contribution, Explanation, FailedRule } from "../types.js";
import type { CompiledCriterion, Kernel } from "./kernel.js";

const FORBIDDEN_LABEL = { ru: "Пара запрещена правилом программы", en: "Pair forbidden by the program" };
const MIN_SCORE_LABEL = {
  ru: "Ниже минимального балла программы",
  en: "Below the program's minimum score",
};

/** What the explanations read: the kernels and the matrices of one scoring call. */
export interface ExplainInput {
  readonly criteria: readonly CompiledCriterion[];
  readonly kernels: readonly Kernel[];
  /** Each criterion's weight over the sum of weights. */
  readonly share: Float64Array;
  readonly rows: number;
  readonly cols: number;
  readonly scores: Float64Array;
  /** 1 = no hard rule (a `must` criterion, a forbidden pair) rules the pair out. */
  readonly eligible: Uint8Array;
  /** The forbidden pairs' mask, when the program forbids any. */
  readonly forbidden: Uint8Array | undefined;
  /** The program's minimum score (applied by the matching; explained here). */
  readonly minScore: number;
}

/** The explanation functions of a scored instance. */
export interface Explainer {
  /** Why mentee i and mentor j score what they score. O(criteria). */
  readonly explain: (i: number, j: number) => Explanation;
  /** The first reason the pair is not allowed, or null when it is. O(criteria). */
  readonly ineligibleReason: (i: number, j: number) => FailedRule | null;
}

/**
 * The explanation functions over one scoring call's kernels and matrices. The minimum score is applied
 * by the matching (the instance's minScore, so that an unmatched mentee gets the reason below-min-score);
 * explain and the pins see it here too. O(1) to build.
 */
export function explainer(input: ExplainInput): Explainer {
  const { criteria, kernels, share, rows, cols, scores, eligible, forbidden, minScore } = input;
  const allowed = (c: number): boolean => eligible[c] === 1 && scores[c]! >= minScore;
  const ineligibleReason = (i: number, j: number): FailedRule | null => {
    if (allowed(i * cols + j)) return null;
    return failures(i, j)[0] ?? null;
  };
  const failures = (i: number, j: number): FailedRule[] => {
    const failed: FailedRule[] = [];
    if (forbidden !== undefined && forbidden[i * cols + j] === 1) {
      failed.push({
        criterion: "forbidden-pair",
        label: FORBIDDEN_LABEL,
        reason: "The program forbids this pair (forbiddenPairs).",
      });
    }
    criteria.forEach((c, k) => {
      if (!c.must) return;
      const v = kernels[k]!.value(i, j);
      if (v < c.threshold) {
        failed.push({
          criterion: c.id,
          label: c.label,
          reason: `Required criterion not met: value ${round(v)} is below ${round(c.threshold)}.`,
        });
      }
    });
    const s = scores[i * cols + j]!;
    if (eligible[i * cols + j] === 1 && s < minScore) {
      failed.push({
        criterion: "min-score",
        label: MIN_SCORE_LABEL,
        reason: `The pair scores ${round(s)}, below the program's minimum score ${round(minScore)} (defaults.minScore).`,
      });
    }
    return failed;
  };
  const explain = (i: number, j: number): Explanation => {
    if (!(i >= 0 && i < rows && j >= 0 && j < cols))
      throw new RangeError(`No pair (${i}, ${j}) in a ${rows} × ${cols} matrix.`);
    const contributions: Contribution[] = criteria.map((c, k) => {
      const kernel = kernels[k]!;
      const value = kernel.value(i, j);
      const known = kernel.known?.(i, j) ?? true;
      const supported = known && (kernel.supports?.(i, j) ?? value > 0);
      return {
        criterion: c.id,
        label: c.label,
        weight: share[k]!,
        value,
        contribution: share[k]! * value,
        known,
        supported,
      };
    });
    return {
      score: scores[i * cols + j]!,
      eligible: allowed(i * cols + j),
      contributions,
      failed: failures(i, j),
    };
  };
  return { explain, ineligibleReason };
}

function round(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}
