/**
 * Turns an algorithm's `mentorOf` into a full `MatchResult`: groups, the unmatched with reasons, metrics.
 * Also the last guard of every strategy: a result never holds a forbidden pair or an over-full mentor.
 */
import { MentorMatchError } from "../../errors.js";
import { computeMetrics } from "../../metrics/summary.js";
import type { MatchResult, MentorGroup, UnmatchedMentee, UnmatchedReason } from "../types.js";
import { type Instance, scoreOf } from "./instance.js";
import { mentorRankIndex, rankIn } from "./rankIndex.js";

const CLOSEST = 5;

/** Extra fields an algorithm adds to its result. */
export interface ResultExtras {
  readonly tieBreak?: MatchResult["tieBreak"];
  readonly duals?: MatchResult["duals"];
}

/**
 * Reason of an unmatched mentee of an instance without scores: its acceptable mentors are those it lists
 * that list it back and are not forbidden; `closest` = the first five of them in its own order.
 */
function unmatchedReasonFromLists(inst: Instance, i: number, load: Int32Array): UnmatchedMentee {
  const { cols, forbidden, capacity } = inst;
  const index = mentorRankIndex(inst)!;
  const list = inst.menteePreferences![i]!;
  let anyMutual = false;
  let anyNotForbidden = false;
  let anyRoom = false;
  const closest: number[] = [];
  for (const j of list) {
    if (rankIn(index, j, i) === 0) continue;
    anyMutual = true;
    if (forbidden !== null && forbidden[i * cols + j] !== 0) continue;
    anyNotForbidden = true;
    if (load[j]! < capacity[j]!) anyRoom = true;
    if (capacity[j]! > 0 && closest.length < CLOSEST) closest.push(j);
  }
  const reason: UnmatchedReason = !anyMutual
    ? "no-eligible-partner"
    : !anyNotForbidden
      ? "excluded-by-rule"
      : anyRoom
        ? "no-gain"
        : "mentors-full";
  return { mentee: i, reason, closest };
}

function unmatchedReason(inst: Instance, i: number, load: Int32Array): UnmatchedMentee {
  if (!inst.hasScores) return unmatchedReasonFromLists(inst, i, load);
  const { cols, dense, csr, forbidden, minScore, capacity } = inst;
  // With ranked lists, a cell counts only when each side that gave a list names the other.
  const index = mentorRankIndex(inst);
  let listedByMentee: Uint8Array | null = null;
  if (inst.menteePreferences !== null) {
    listedByMentee = new Uint8Array(cols);
    for (const j of inst.menteePreferences[i]!) listedByMentee[j] = 1;
  }
  let anyCell = false;
  let anyNotForbidden = false;
  let anyEligible = false;
  let anyRoom = false;
  const candidates: { mentor: number; score: number }[] = [];
  const visit = (j: number, s: number): void => {
    if (s === Number.NEGATIVE_INFINITY) return;
    if ((listedByMentee !== null && listedByMentee[j] === 0) || (index !== null && rankIn(index, j, i) === 0))
      return;
    anyCell = true;
    if (forbidden !== null && forbidden[i * cols + j] !== 0) return;
    anyNotForbidden = true;
    if (s < minScore) return;
    anyEligible = true;
    if (capacity[j]! > 0) candidates.push({ mentor: j, score: s });
    if (load[j]! < capacity[j]!) anyRoom = true;
  };
  if (dense !== null) {
    const base = i * cols;
    for (let j = 0; j < cols; j++) visit(j, dense[base + j]!);
  } else {
    const c = csr!;
    for (let k = c.rowStart[i]!; k < c.rowStart[i + 1]!; k++) visit(c.col[k]!, c.value[k]!);
  }
  let reason: UnmatchedReason;
  if (!anyCell) reason = "no-eligible-partner";
  else if (!anyNotForbidden) reason = "excluded-by-rule";
  else if (!anyEligible) reason = "below-min-score";
  else if (anyRoom) reason = "no-gain";
  else reason = "mentors-full";
  candidates.sort((a, b) => b.score - a.score || a.mentor - b.mentor);
  return { mentee: i, reason, closest: candidates.slice(0, CLOSEST).map((c) => c.mentor) };
}

/**
 * Builds the result of a strategy from the mentor of each mentee. O(n + m) plus {@link computeMetrics} and
 * O(m) per unmatched mentee (its reason).
 *
 * Unmatched reasons: `no-eligible-partner` (no cell that the scores and the ranked lists, where given, both
 * allow; without scores: nobody it lists lists it back), `excluded-by-rule` (every such cell forbidden),
 * `below-min-score`, `mentors-full` (every eligible mentor is full), `no-gain` (an eligible mentor has room, but
 * the strategy left the pair out: an optimal assignment in cardinality mode `any` forms no pair that would
 * not raise the total, e.g. a score ≤ 0).
 *
 * @throws MentorMatchError with code `INTERNAL` when the matching breaks a rule; this
 * would be a bug in the strategy, and is reported rather than returned.
 */
export function buildResult(
  inst: Instance,
  mentorOf: Int32Array,
  strategy: string,
  extras: ResultExtras = {},
): MatchResult {
  const { rows, cols, capacity, pinnedMentor } = inst;
  const load = new Int32Array(cols);
  for (let i = 0; i < rows; i++) {
    const j = mentorOf[i]!;
    if (j === -1) {
      if (pinnedMentor[i] !== -1) throw internal(strategy, `left pinned mentee ${i} unmatched`);
      continue;
    }
    if (j < 0 || j >= cols) throw internal(strategy, `gave mentee ${i} mentor ${j}, out of range`);
    if (scoreOf(inst, i, j) === Number.NEGATIVE_INFINITY)
      throw internal(strategy, `paired mentee ${i} with mentor ${j}, a pair that is not allowed`);
    if (pinnedMentor[i] !== -1 && pinnedMentor[i] !== j) throw internal(strategy, `moved pinned mentee ${i}`);
    load[j]!++;
    if (load[j]! > capacity[j]!) throw internal(strategy, `gave mentor ${j} more mentees than its capacity`);
  }
  const members: number[][] = Array.from({ length: cols }, () => []);
  const unmatched: UnmatchedMentee[] = [];
  for (let i = 0; i < rows; i++) {
    const j = mentorOf[i]!;
    if (j === -1) unmatched.push(unmatchedReason(inst, i, load));
    else members[j]!.push(i);
  }
  const groups: MentorGroup[] = [];
  for (let j = 0; j < cols; j++) if (members[j]!.length > 0) groups.push({ mentor: j, mentees: members[j]! });
  return {
    strategy,
    mentorOf,
    groups,
    unmatched,
    metrics: computeMetrics(inst, mentorOf),
    ...(extras.tieBreak === undefined ? {} : { tieBreak: extras.tieBreak }),
    ...(extras.duals === undefined ? {} : { duals: extras.duals }),
  };
}

function internal(strategy: string, what: string): MentorMatchError {
  return new MentorMatchError("INTERNAL", `Internal error: strategy "${strategy}" ${what}.`, {
    hint: "This is a bug in mentor-match; please report it with the input.",
  });
}
