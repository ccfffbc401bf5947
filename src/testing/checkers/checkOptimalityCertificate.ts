/**
 * Checks the dual certificate of an optimal assignment: LP duality says the matching is optimal when the
 * duals are feasible and complementary slackness holds.
 *
 * [Reference]: H. W. Kuhn, "The Hungarian method for the assignment problem", Naval Research Logistics
 * Quarterly 2, 1955; for capacities, the transportation LP (e.g. A. Schrijver, "Combinatorial
 * Optimization", 2003, §17 and §21).
 */
import type { MatchingInstance, MatchResult } from "../../matching/types.js";
import { scoreOf } from "../../matching/_internal/instance.js";
import { preferenceTable } from "../_internal/preferenceTable.js";

/** Options of {@link checkOptimalityCertificate}. */
export interface CertificateOptions {
  /** The direction the result was solved in (`optimalAssignment`'s `maximize`). @defaultValue true */
  readonly maximize?: boolean;
  /**
   * The cardinality mode the result was solved in: in `"any"` the mentee duals must be ≥ 0 and 0 for an
   * unmatched mentee, and the certificate proves optimality among all matchings; in `"maximum"` and
   * `"perfect"` the mentee duals are free and it proves optimality among matchings of the matched mentees.
   * @defaultValue `"maximum"`, as `optimalAssignment`
   */
  readonly cardinality?: "any" | "maximum" | "perfect";
  /** Absolute slack allowed, scaled by 1 + the largest |score|. @defaultValue 1e-9 */
  readonly tolerance?: number;
}

/** One condition of the certificate that does not hold. */
export interface CertificateViolation {
  /**
   * - `no-duals`: the result carries no duals;
   * - `infeasible`: `u[i] + v[j] < w(i, j)` for an allowed pair of an unpinned mentee;
   * - `not-tight`: `u[i] + v[j] ≠ w(i, j)` on a matched pair;
   * - `negative`: a dual below 0 where it must be ≥ 0;
   * - `slack`: a positive dual on a mentor with a free seat, or (mode `"any"`) on an unmatched mentee;
   * - `gap`: the primal value differs from the dual bound;
   * - `cardinality`: fewer mentees matched than the mode requires (`"perfect"`: every mentee;
   *   `"maximum"`: as many as any valid matching can), `amount` = how many fewer; the duals alone cannot
   *   show this, as they prove optimality only among matchings of the mentees that are matched.
   */
  readonly kind: "no-duals" | "infeasible" | "not-tight" | "negative" | "slack" | "gap" | "cardinality";
  readonly mentee?: number;
  readonly mentor?: number;
  /** By how much the condition fails. */
  readonly amount: number;
}

/** What {@link checkOptimalityCertificate} returns. */
export interface CertificateReport {
  readonly valid: boolean;
  /** Total weight of the matching (score, or −cost when minimising). */
  readonly primal: number;
  /** Σ u[i] over matched mentees (all mentees in mode "any") + Σ capacity[j]·v[j]: the dual bound. */
  readonly dual: number;
  readonly violations: readonly CertificateViolation[];
}

/**
 * Verifies the duals of an optimal-assignment result (`result.duals`, in the maximisation sense: weights
 * w = score, or w = −cost when minimising): dual feasibility `u[i] + v[j] ≥ w(i, j)` on every allowed pair
 * of an unpinned mentee, `v ≥ 0` (and `u ≥ 0` in mode "any"); complementary slackness — equality on
 * matched pairs, `v[j] = 0` for a mentor with a free seat, `u[i] = 0` for an unmatched mentee in mode
 * "any"; and that the primal value equals the dual bound, as LP duality says it must then. In modes
 * `"maximum"` and `"perfect"` it also checks the number matched (every mentee; or the largest number any
 * valid matching reaches, by augmenting paths of its own), which the duals cannot show. A pinned
 * mentee's pair is fixed, so its dual is free in sign and only its pinned pair must be tight.
 * O(n·m·L), independent of the solver.
 *
 * @param instance - the instance the result is for.
 * @param result - a result with `duals` (from `optimalAssignment` / `match(…, { strategy: "optimal" })`):
 *   like every checker, it takes the result; unlike the others, not a bare `mentorOf`, which has no duals.
 * @param options - direction, cardinality mode and tolerance.
 * @returns `{ valid, primal, dual, violations }`.
 * @throws MatchingInputError when the instance is invalid.
 * @example
 * const inst = { scores: [[0.9, 0.8], [0.7, 0.1]] };
 * checkOptimalityCertificate(inst, match(inst, { strategy: "optimal" })).valid; // true
 */
export function checkOptimalityCertificate(
  instance: MatchingInstance,
  result: Pick<MatchResult, "mentorOf" | "duals">,
  options: CertificateOptions = {},
): CertificateReport {
  const maximize = options.maximize ?? true;
  const mode = options.cardinality ?? "maximum";
  const { inst, rows, cols, value } = preferenceTable(instance);
  const duals = result.duals;
  if (duals === undefined) {
    return {
      valid: false,
      primal: Number.NaN,
      dual: Number.NaN,
      violations: [{ kind: "no-duals", amount: Number.NaN }],
    };
  }
  const u = duals.mentee;
  const v = duals.mentor;
  const mentorOf = result.mentorOf;
  // The weight of a pair is its score, also when ranked lists decide which pairs are acceptable (the table's
  // values are then list places).
  const score = new Float64Array(rows * cols).fill(Number.NEGATIVE_INFINITY);
  let big = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      // A pinned pair stands whatever the ranked lists say.
      if (value[i * cols + j] === Number.NEGATIVE_INFINITY && inst.pinnedMentor[i] !== j) continue;
      const s = scoreOf(inst, i, j);
      score[i * cols + j] = s;
      if (Number.isFinite(s)) big = Math.max(big, Math.abs(s));
    }
  }
  const tol = (options.tolerance ?? 1e-9) * (1 + big) * Math.max(1, rows + cols);
  const weight = (i: number, j: number): number => {
    const s = score[i * cols + j]!;
    return maximize ? s : -s;
  };
  const violations: CertificateViolation[] = [];
  const load = new Int32Array(cols);
  for (let i = 0; i < rows; i++) if (mentorOf[i] !== -1) load[mentorOf[i]!]!++;
  let primal = 0;
  let dual = 0;
  for (let i = 0; i < rows; i++) {
    const j0 = mentorOf[i]!;
    const pinned = inst.pinnedMentor[i] !== -1;
    if (j0 !== -1) {
      const w = weight(i, j0);
      primal += w;
      dual += u[i]!;
      const gap = Math.abs(u[i]! + v[j0]! - w);
      if (!(gap <= tol)) violations.push({ kind: "not-tight", mentee: i, mentor: j0, amount: gap });
    } else if (mode === "any") {
      dual += u[i]!;
      if (Math.abs(u[i]!) > tol) violations.push({ kind: "slack", mentee: i, amount: Math.abs(u[i]!) });
    }
    if (mode === "any" && !pinned && u[i]! < -tol)
      violations.push({ kind: "negative", mentee: i, amount: -u[i]! });
    if (pinned) continue;
    for (let j = 0; j < cols; j++) {
      if (value[i * cols + j] === Number.NEGATIVE_INFINITY) continue;
      const short = weight(i, j) - (u[i]! + v[j]!);
      if (short > tol) violations.push({ kind: "infeasible", mentee: i, mentor: j, amount: short });
    }
  }
  for (let j = 0; j < cols; j++) {
    // The capacities as given: a mentor offering more seats than there are mentees has a free seat.
    dual += inst.capacityGiven[j]! * v[j]!;
    if (v[j]! < -tol) violations.push({ kind: "negative", mentor: j, amount: -v[j]! });
    if (load[j]! < inst.capacityGiven[j]! && Math.abs(v[j]!) > tol)
      violations.push({ kind: "slack", mentor: j, amount: Math.abs(v[j]!) });
  }
  const gap = Math.abs(primal - dual);
  if (gap > tol) violations.push({ kind: "gap", amount: gap });
  if (mode !== "any") {
    let matched = 0;
    for (let i = 0; i < rows; i++) if (mentorOf[i] !== -1) matched++;
    const needed =
      mode === "perfect" ? rows : maximumCardinality(rows, cols, inst.capacity, inst.pinnedMentor, value);
    if (matched < needed) violations.push({ kind: "cardinality", amount: needed - matched });
  }
  return { valid: violations.length === 0, primal, dual, violations };
}

/**
 * The largest number of mentees any valid matching pairs: pinned mentees with their mentor, the others by
 * augmenting paths (Kuhn's method over mentor seats) among the acceptable pairs. O(n · (n·m)), for tests.
 */
function maximumCardinality(
  rows: number,
  cols: number,
  capacity: Int32Array,
  pinnedMentor: Int32Array,
  value: Float64Array,
): number {
  const room = capacity.slice();
  let count = 0;
  for (let i = 0; i < rows; i++) {
    if (pinnedMentor[i] === -1) continue;
    room[pinnedMentor[i]!]!--;
    count++;
  }
  // holders[j]: the unpinned mentees currently with mentor j.
  const holders: number[][] = Array.from({ length: cols }, () => []);
  const visited = new Uint8Array(cols);
  const augment = (i: number): boolean => {
    for (let j = 0; j < cols; j++) {
      if (value[i * cols + j] === Number.NEGATIVE_INFINITY || visited[j] === 1) continue;
      visited[j] = 1;
      const held = holders[j]!;
      if (held.length < room[j]!) {
        held.push(i);
        return true;
      }
      for (let k = 0; k < held.length; k++) {
        if (augment(held[k]!)) {
          held[k] = i;
          return true;
        }
      }
    }
    return false;
  };
  for (let i = 0; i < rows; i++) {
    if (pinnedMentor[i] !== -1) continue;
    visited.fill(0);
    if (augment(i)) count++;
  }
  return count;
}
