import type { CsrScores, MatchingInstance, MatchResult } from "mentor-match";
/**
 * An independent check of a matching result against its instance, written from the contract in
 * docs/architecture.md and src/matching/types.ts (not from the algorithms' helpers): every mentee is in
 * exactly one of groups / unmatched, capacities hold, every pair is allowed, pins hold.
 */

function isCsr(s: MatchingInstance["scores"]): s is CsrScores {
  return typeof s === "object" && s !== null && !Array.isArray(s) && !(s instanceof Float64Array);
}

/** Score of (i, j) as given, `-Infinity` when absent. */
function rawScore(inst: MatchingInstance, cols: number, i: number, j: number): number | undefined {
  const s = inst.scores;
  if (s === undefined) return undefined;
  if (s instanceof Float64Array) return s[i * cols + j]!;
  if (isCsr(s)) {
    for (let k = s.rowStart[i]!; k < s.rowStart[i + 1]!; k++) if (s.col[k] === j) return s.value[k]!;
    return Number.NEGATIVE_INFINITY;
  }
  return (s as readonly (readonly number[])[])[i]![j]!;
}

/** The number of mentees and mentors of a valid instance. */
export function shapeOf(inst: MatchingInstance): { rows: number; cols: number } {
  const s = inst.scores;
  if (s === undefined) return { rows: inst.menteePreferences!.length, cols: inst.mentorPreferences!.length };
  if (s instanceof Float64Array) return { rows: inst.rows!, cols: inst.cols! };
  if (isCsr(s)) return { rows: s.rows, cols: s.cols };
  const rows = s as readonly (readonly number[])[];
  return { rows: rows.length, cols: inst.cols ?? rows[0]?.length ?? 0 };
}

/** Strategies that, as documented, match by scores alone and do not read ranked lists. */
export const SCORE_ONLY_STRATEGIES: ReadonlySet<string> = new Set(["optimal", "fair", "greedy"]);

/**
 * Every rule a result breaks, as sentences (empty when the result is valid).
 * Ranked lists restrict the pairs of the strategies that read them (not of {@link SCORE_ONLY_STRATEGIES});
 * a pinned pair is the curator's decision and needs no list. O(rows × cols) for dense input.
 */
export function violations(inst: MatchingInstance, result: MatchResult): string[] {
  const readsLists = !SCORE_ONLY_STRATEGIES.has(result.strategy);
  const out: string[] = [];
  const { rows, cols } = shapeOf(inst);
  const mentorOf = result.mentorOf;
  if (!(mentorOf instanceof Int32Array) || mentorOf.length !== rows) return [`mentorOf has the wrong shape`];
  // Exactly one of groups / unmatched.
  const seen = new Int32Array(rows);
  for (const g of result.groups) {
    for (const i of g.mentees) {
      seen[i]!++;
      if (mentorOf[i] !== g.mentor)
        out.push(`mentee ${i} is in the group of ${g.mentor} but mentorOf says ${mentorOf[i]}`);
    }
  }
  for (const u of result.unmatched) {
    seen[u.mentee]!++;
    if (mentorOf[u.mentee] !== -1)
      out.push(`mentee ${u.mentee} is unmatched and has mentor ${mentorOf[u.mentee]}`);
  }
  for (let i = 0; i < rows; i++)
    if (seen[i] !== 1) out.push(`mentee ${i} appears ${seen[i]} times in groups + unmatched`);
  // Capacities, allowed pairs, pins.
  const load = new Int32Array(cols);
  const minScore = inst.minScore ?? Number.NEGATIVE_INFINITY;
  for (let i = 0; i < rows; i++) {
    const j = mentorOf[i]!;
    const pin = inst.pinned?.find((p) => p.mentee === i);
    if (pin !== undefined && pin.mentor !== j)
      out.push(`mentee ${i} is pinned to ${pin.mentor} but got ${j}`);
    if (j === -1) continue;
    if (j < -1 || j >= cols) {
      out.push(`mentee ${i} has mentor ${j}, out of range`);
      continue;
    }
    load[j]!++;
    const s = rawScore(inst, cols, i, j);
    if (s !== undefined && (s === Number.NEGATIVE_INFINITY || s < minScore))
      out.push(`pair (${i}, ${j}) is not allowed`);
    if (inst.forbidden !== undefined && inst.forbidden[i * cols + j] !== 0)
      out.push(`pair (${i}, ${j}) is forbidden`);
    if (!readsLists || pin !== undefined) continue;
    if (inst.menteePreferences !== undefined && !inst.menteePreferences[i]!.includes(j))
      out.push(`mentee ${i} did not list mentor ${j}`);
    if (inst.mentorPreferences !== undefined && !inst.mentorPreferences[j]!.includes(i))
      out.push(`mentor ${j} did not list mentee ${i}`);
  }
  for (let j = 0; j < cols; j++) {
    const cap = inst.capacities === undefined ? 1 : inst.capacities[j]!;
    if (load[j]! > cap) out.push(`mentor ${j} has ${load[j]} mentees for ${cap} seats`);
  }
  if (result.metrics.matched !== rows - result.unmatched.length)
    out.push("metrics.matched disagrees with unmatched");
  return out;
}
