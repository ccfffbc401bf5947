/**
 * Options and results shared by `optimalAssignment` and `bottleneckAssignment` (never exported).
 */
import type { Instance } from "./instance.js";
import { MatchingInputError } from "../../errors.js";
import type { MatchingInstance } from "../types.js";
import type { CardinalityMode } from "./assignmentCore.js";

/** The options both assignment functions take. */
export interface AssignmentOptionsInput {
  readonly maximize?: boolean;
  readonly cardinality?: CardinalityMode;
}

export interface CompletedOptions {
  readonly maximize: boolean;
  readonly cardinality: CardinalityMode;
}

export const MODES: readonly CardinalityMode[] = ["any", "maximum", "perfect"];

/** Completes and checks the options once. */
export function completeAssignmentOptions(options: AssignmentOptionsInput | undefined): CompletedOptions {
  const maximize = options?.maximize ?? true;
  if (typeof maximize !== "boolean") {
    throw new MatchingInputError(
      "INVALID_OPTION",
      `maximize must be true or false, got ${String(maximize)}.`,
    );
  }
  const cardinality = options?.cardinality ?? "maximum";
  if (!MODES.includes(cardinality)) {
    throw new MatchingInputError(
      "INVALID_OPTION",
      `cardinality must be one of ${MODES.map((x) => `"${x}"`).join(", ")}, got ${JSON.stringify(cardinality)}.`,
    );
  }
  return { maximize, cardinality };
}

/**
 * Rejects an instance that gives only preference lists (no `scores`): an assignment maximises a total of
 * scores, so it needs them. Checked before validation, so that the message says what to do.
 */
export function requireScores(instance: MatchingInstance, what: string, whatRu: string): void {
  // A bare matrix (an array) is left to normalizeInstance, which says "pass { scores: matrix }".
  if (
    typeof instance === "object" &&
    instance !== null &&
    !Array.isArray(instance) &&
    instance.scores === undefined
  ) {
    throw new MatchingInputError(
      "INVALID_SHAPE",
      `${what} needs scores; this instance gives only preference lists. / ${whatRu} нужны баллы пар, а даны только списки предпочтений.`,
      {
        hint: "Give a score matrix (rows = mentees, columns = mentors), or use the stable strategy, which works from preference lists. / Дайте матрицу баллов или выберите стабильное распределение: оно работает по спискам предпочтений.",
      },
    );
  }
}

/**
 * Potentials of the min-cost solver (u + v <= cost) → duals in the maximisation sense (mentee + mentor >=
 * -cost, i.e. >= score when maximising). Reuses the arrays.
 *
 * The solver sees a mentor's capacity capped at the number of mentees; a mentor capped so and holding every
 * mentee may get a nonzero potential, which is wrong for its real capacity (it has free seats). Its
 * potential moves onto its mentees (u[i] += v[j] for all of them, v[j] = 0): matched cells stay tight,
 * others only gain slack (v ≤ 0), and the dual objective is unchanged (Σu gains rows·v[j], capacity·v[j]
 * loses it).
 */
export function dualsOf(
  inst: Instance,
  mentorOf: Int32Array,
  u: Float64Array,
  v: Float64Array,
): { mentee: Float64Array; mentor: Float64Array } {
  for (let j = 0; j < v.length; j++) {
    if (v[j] === 0 || inst.capacityGiven[j] === inst.capacity[j]) continue;
    for (let i = 0; i < u.length; i++) if (mentorOf[i] === j) u[i] = u[i]! + v[j]!;
    v[j] = 0;
  }
  for (let i = 0; i < u.length; i++) u[i] = -u[i]! + 0;
  for (let j = 0; j < v.length; j++) v[j] = -v[j]! + 0;
  return { mentee: u, mentor: v };
}
