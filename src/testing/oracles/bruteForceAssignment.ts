/**
 * Brute-force oracles for optimal and bottleneck assignment on small instances: every way of giving each
 * mentee a mentor or nobody is tried. Independent of the solvers (it reads the instance itself), so that
 * property tests can compare against it.
 */
import { LimitError } from "../../errors.js";
import type { CsrScores, MatchingInstance } from "../../matching/types.js";

/** Options of {@link bruteForceAssignment}. */
export interface BruteForceAssignmentOptions {
  /** `true`: the best total is the largest score sum; `false`: the least cost sum. @defaultValue true */
  readonly maximize?: boolean;
  /**
   * `"any"`: any number of pairs; `"maximum"`: as many pairs as possible first; `"perfect"`: every mentee.
   * @defaultValue `"maximum"`, as `optimalAssignment`
   */
  readonly cardinality?: "any" | "maximum" | "perfect";
  /**
   * `"sum"`: best total. `"bottleneck"`: best worst pair (largest minimum score when maximising, smallest
   * maximum cost when minimising), then best total. @defaultValue "sum"
   */
  readonly objective?: "sum" | "bottleneck";
}

/** The best value found, and one matching that reaches it. */
export interface BruteForceAssignmentResult {
  /** Mentor of each mentee, -1 = none. */
  readonly mentorOf: Int32Array;
  readonly matched: number;
  /** Sum of the scores of the matched pairs (plain summation, pairs in mentee order). */
  readonly total: number;
  /** Worst matched score (minimum when maximising, maximum when minimising); NaN when nobody is matched. */
  readonly worst: number;
}

/** Largest number of (mentor-or-nobody) choices the oracle accepts: (mentors + 1) ^ mentees. */
export const BRUTE_FORCE_LIMIT = 5_000_000;

function cellOf(
  scores: MatchingInstance["scores"],
  rows: number,
  cols: number,
  i: number,
  j: number,
): number {
  if (scores instanceof Float64Array) return scores[i * cols + j]!;
  if (Array.isArray(scores)) return (scores as readonly (readonly number[])[])[i]![j]!;
  const csr = scores as CsrScores;
  void rows;
  for (let k = csr.rowStart[i]!; k < csr.rowStart[i + 1]!; k++) if (csr.col[k] === j) return csr.value[k]!;
  return Number.NEGATIVE_INFINITY;
}

/**
 * The optimal (or bottleneck-optimal) assignment by exhaustive search. O((m + 1)^n); for n, m ≤ 7.
 *
 * A pair is allowed when its score is finite and at least `minScore`, no rule forbids it, and each side
 * that gave a ranked list names the other (`menteePreferences`, `mentorPreferences`: the lists decide
 * which pairs are allowed, the scores what they are worth); a pinned pair stands whatever the lists say.
 *
 * @param instance - scores, capacities, forbidden cells, pinned pairs, minimum score and ranked lists, as
 *   for the solvers.
 * @param options - direction, cardinality and objective.
 * @returns the best matching, or `null` when no matching meets the cardinality (`"perfect"` impossible).
 * @throws LimitError when the search space is over {@link BRUTE_FORCE_LIMIT}.
 *
 * @example
 * bruteForceAssignment({ scores: [[1, 2], [3, 1]] })?.total; // 5
 */
export function bruteForceAssignment(
  instance: MatchingInstance,
  options: BruteForceAssignmentOptions = {},
): BruteForceAssignmentResult | null {
  const maximize = options.maximize ?? true;
  const cardinality = options.cardinality ?? "maximum";
  const objective = options.objective ?? "sum";
  const scores = instance.scores;
  let rows: number;
  let cols: number;
  if (scores instanceof Float64Array) {
    rows = instance.rows ?? 0;
    cols = instance.cols ?? 0;
  } else if (Array.isArray(scores)) {
    rows = scores.length;
    cols = instance.cols ?? (scores[0] as readonly number[] | undefined)?.length ?? 0;
  } else {
    rows = (scores as CsrScores).rows;
    cols = (scores as CsrScores).cols;
  }
  if ((cols + 1) ** rows > BRUTE_FORCE_LIMIT) {
    throw new LimitError(
      "LIMIT_EXCEEDED",
      `Brute force over ${rows} mentees and ${cols} mentors is too large.`,
      {
        hint: "Use at most about 7 mentees and 7 mentors.",
      },
    );
  }
  const minScore = instance.minScore ?? Number.NEGATIVE_INFINITY;
  const capacity: number[] = [];
  for (let j = 0; j < cols; j++)
    capacity.push(instance.capacities === undefined ? 1 : instance.capacities[j]!);
  const pin: number[] = new Array<number>(rows).fill(-1);
  for (const p of instance.pinned ?? []) pin[p.mentee] = p.mentor;
  // A side that gave a ranked list accepts only the partners it names; a pinned pair stands regardless.
  const menteeNames = (i: number, j: number): boolean =>
    instance.menteePreferences === undefined || instance.menteePreferences[i]!.includes(j);
  const mentorNames = (i: number, j: number): boolean =>
    instance.mentorPreferences === undefined || instance.mentorPreferences[j]!.includes(i);
  // allowed[i] = list of [mentor, score]
  const allowed: [number, number][][] = [];
  for (let i = 0; i < rows; i++) {
    const list: [number, number][] = [];
    for (let j = 0; j < cols; j++) {
      const s = cellOf(scores, rows, cols, i, j);
      if (s === Number.NEGATIVE_INFINITY || s < minScore) continue;
      if (instance.forbidden !== undefined && instance.forbidden[i * cols + j] !== 0) continue;
      if (pin[i] !== j && !(menteeNames(i, j) && mentorNames(i, j))) continue;
      list.push([j, s]);
    }
    allowed.push(list);
  }

  const sign = maximize ? 1 : -1; // compare "goodness" = sign × score
  const load = new Array<number>(cols).fill(0);
  const current = new Int32Array(rows).fill(-1);
  let best: BruteForceAssignmentResult | null = null;
  // Key to maximise lexicographically: [count (if maximum), worst goodness (if bottleneck), total goodness].
  let bestKey: number[] | null = null;

  const better = (key: number[]): boolean => {
    if (bestKey === null) return true;
    for (let t = 0; t < key.length; t++) {
      const a = key[t]!;
      const b = bestKey[t]!;
      // Counts and worst scores are input values, compared exactly; totals (the last entry) with a tolerance.
      const tol = t < key.length - 1 ? 0 : 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
      if (a > b + tol) return true;
      if (a < b - tol) return false;
    }
    return false;
  };

  const visit = (i: number, count: number, total: number, worstGood: number): void => {
    if (i === rows) {
      if (cardinality === "perfect" && count < rows) return;
      const key: number[] = [];
      if (cardinality === "maximum") key.push(count);
      if (objective === "bottleneck") key.push(count === 0 ? Number.POSITIVE_INFINITY : worstGood);
      key.push(sign * total);
      if (better(key)) {
        bestKey = key;
        best = {
          mentorOf: current.slice(),
          matched: count,
          total,
          worst: count === 0 ? Number.NaN : sign * worstGood,
        };
      }
      return;
    }
    const list = allowed[i]!;
    if (pin[i]! < 0) {
      current[i] = -1;
      visit(i + 1, count, total, worstGood);
    }
    for (const [j, s] of list) {
      if (pin[i]! >= 0 && pin[i] !== j) continue;
      if (load[j]! >= capacity[j]!) continue;
      load[j]!++;
      current[i] = j;
      visit(i + 1, count + 1, total + s, Math.min(worstGood, sign * s));
      load[j]!--;
      current[i] = -1;
    }
  };
  visit(0, 0, 0, Number.POSITIVE_INFINITY);
  return best;
}
