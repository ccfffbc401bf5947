/**
 * Turns an algorithm's `mentorOf` into a full `MatchResult`: groups, the unmatched with reasons, metrics.
 * Also the last guard of every strategy: a result never holds a forbidden pair or an over-full mentor.
 */
import { MentorMatchError } from "../../errors.js";
import { computeMetrics, matchedScores } from "./summary.js";
import type { MatchResult, MentorGroup, UnmatchedMentee, UnmatchedReason } from "../types.js";
import { type Instance, scoreOf } from "./instance.js";
import { mentorRankIndex, type RankIndex, rankIn } from "./rankIndex.js";
import { Scratch } from "./scratch.js";

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

/**
 * The scan of one unmatched mentee's row behind its reason: which kinds of cells it has, and its
 * {@link CLOSEST} best eligible mentors (score desc, index asc) in a fixed insertion buffer. One instance
 * serves every unmatched mentee of a result; nothing is allocated per cell.
 */
class ReasonScan {
  anyCell = false;
  anyNotForbidden = false;
  anyEligible = false;
  anyRoom = false;
  count = 0;
  readonly topMentor = new Int32Array(CLOSEST);
  readonly topScore = new Float64Array(CLOSEST);
  private readonly listed: Uint8Array | null;
  private readonly index: RankIndex | null;

  constructor(
    private readonly inst: Instance,
    private readonly load: Int32Array,
  ) {
    this.index = mentorRankIndex(inst);
    this.listed = inst.menteePreferences === null ? null : new Uint8Array(inst.cols);
  }

  /** Scans mentee i's row. O(cols) dense, O(deg) CSR (plus its list, when mentees gave lists). */
  scan(i: number): void {
    this.anyCell = this.anyNotForbidden = this.anyEligible = this.anyRoom = false;
    this.count = 0;
    const { cols, dense, scoreRows, csr } = this.inst;
    const listed = this.listed;
    const list = this.inst.menteePreferences?.[i];
    if (listed !== null && list !== undefined) for (const j of list) listed[j] = 1;
    if (dense !== null) {
      const base = i * cols;
      for (let j = 0; j < cols; j++) this.visit(i, j, dense[base + j]!);
    } else if (scoreRows !== null) {
      const row = scoreRows[i]!;
      for (let j = 0; j < cols; j++) this.visit(i, j, row[j]!);
    } else {
      const c = csr!;
      for (let k = c.rowStart[i]!; k < c.rowStart[i + 1]!; k++) this.visit(i, c.col[k]!, c.value[k]!);
    }
    if (listed !== null && list !== undefined) for (const j of list) listed[j] = 0;
  }

  private visit(i: number, j: number, s: number): void {
    if (s === Number.NEGATIVE_INFINITY) return;
    // With ranked lists, a cell counts only when each side that gave a list names the other; the lists are
    // tested before the mask, which holds the pairs a list leaves out too.
    if (
      (this.listed !== null && this.listed[j] === 0) ||
      (this.index !== null && rankIn(this.index, j, i) === 0)
    )
      return;
    this.anyCell = true;
    const { forbidden, minScore, capacity, cols } = this.inst;
    if (forbidden !== null && forbidden[i * cols + j] !== 0) return;
    this.anyNotForbidden = true;
    if (s < minScore) return;
    this.anyEligible = true;
    if (this.load[j]! < capacity[j]!) this.anyRoom = true;
    if (capacity[j]! > 0) this.offer(j, s);
  }

  /** Keeps (j, s) if it is among the best CLOSEST so far (score desc, then mentor index asc). */
  private offer(j: number, s: number): void {
    const { topMentor, topScore } = this;
    let at: number;
    if (this.count < CLOSEST) at = this.count++;
    else if (this.before(CLOSEST - 1, j, s)) at = CLOSEST - 1;
    else return;
    while (at > 0 && this.before(at - 1, j, s)) {
      topMentor[at] = topMentor[at - 1]!;
      topScore[at] = topScore[at - 1]!;
      at--;
    }
    topMentor[at] = j;
    topScore[at] = s;
  }

  /** Whether (j, s) comes before the kept entry k. */
  private before(k: number, j: number, s: number): boolean {
    return s > this.topScore[k]! || (s === this.topScore[k]! && j < this.topMentor[k]!);
  }

  reason(): UnmatchedReason {
    if (!this.anyCell) return "no-eligible-partner";
    if (!this.anyNotForbidden) return "excluded-by-rule";
    if (!this.anyEligible) return "below-min-score";
    return this.anyRoom ? "no-gain" : "mentors-full";
  }
}

function unmatchedReason(
  inst: Instance,
  i: number,
  load: Int32Array,
  scan: ReasonScan | null,
): UnmatchedMentee {
  if (!inst.hasScores || scan === null) return unmatchedReasonFromLists(inst, i, load);
  scan.scan(i);
  return { mentee: i, reason: scan.reason(), closest: Array.from(scan.topMentor.subarray(0, scan.count)) };
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
  // Work arrays from the buffer the previous result gave back (scratch.ts); none of them is returned.
  const scratch = new Scratch(8 * inst.rows + 4 * inst.cols + 16);
  try {
    const { rows, cols, capacity, pinnedMentor } = inst;
    const load = scratch.ints(cols);
    for (let i = 0; i < rows; i++) {
      const j = mentorOf[i]!;
      if (j === -1) {
        if (pinnedMentor[i] !== -1) throw internal(strategy, `left pinned mentee ${i} unmatched`);
        continue;
      }
      if (j < 0 || j >= cols) throw internal(strategy, `gave mentee ${i} mentor ${j}, out of range`);
      if (pinnedMentor[i] !== -1 && pinnedMentor[i] !== j)
        throw internal(strategy, `moved pinned mentee ${i}`);
      load[j]!++;
      if (load[j]! > capacity[j]!)
        throw internal(strategy, `gave mentor ${j} more mentees than its capacity`);
    }
    // The score of each pair, read once (a row scan each on CSR) for this check and for the metrics.
    const scores = matchedScores(inst, mentorOf, scratch.floats(rows, false));
    for (let i = 0; i < rows; i++) {
      const j = mentorOf[i]!;
      // A pinned pair was checked by normalizeInstance and stands whatever the ranked lists say.
      if (j === -1 || pinnedMentor[i] === j) continue;
      const allowed = inst.hasScores
        ? scores[i] !== Number.NEGATIVE_INFINITY
        : scoreOf(inst, i, j) !== Number.NEGATIVE_INFINITY;
      if (!allowed)
        throw internal(strategy, `paired mentee ${i} with mentor ${j}, a pair that is not allowed`);
    }
    const unmatched: UnmatchedMentee[] = [];
    const scan = inst.hasScores ? new ReasonScan(inst, load) : null;
    for (let i = 0; i < rows; i++) {
      if (mentorOf[i] === -1) unmatched.push(unmatchedReason(inst, i, load, scan));
    }
    // The groups are made when first read (one plain array per mentor with mentees): at 5000 rows they
    // were 620 KB of objects a call, whose new heap pages cost the public call on OR-Library assignp5000
    // about 2 ms (18–22 against 15–16 ms of CPU, in a process that spawns a child between blocks of calls).
    let groups: MentorGroup[] | null = null;
    return {
      strategy,
      mentorOf,
      get groups(): readonly MentorGroup[] {
        groups ??= groupsOf(mentorOf, cols);
        return groups;
      },
      unmatched,
      metrics: computeMetrics(inst, mentorOf, scores),
      ...(extras.tieBreak === undefined ? {} : { tieBreak: extras.tieBreak }),
      ...(extras.duals === undefined ? {} : { duals: extras.duals }),
    };
  } finally {
    scratch.release();
  }
}

/**
 * The groups of a matching: every mentor with at least one mentee, in mentor index order, mentees in
 * index order; one plain array per mentor that has mentees. O(rows + cols).
 */
function groupsOf(mentorOf: Int32Array, cols: number): MentorGroup[] {
  const lists: (number[] | undefined)[] = new Array(cols);
  for (let i = 0; i < mentorOf.length; i++) {
    const j = mentorOf[i]!;
    if (j < 0) continue;
    const list = lists[j];
    if (list === undefined) lists[j] = [i];
    else list.push(i);
  }
  const groups: MentorGroup[] = [];
  for (let j = 0; j < cols; j++) {
    const mentees = lists[j];
    if (mentees !== undefined) groups.push({ mentor: j, mentees });
  }
  return groups;
}

function internal(strategy: string, what: string): MentorMatchError {
  return new MentorMatchError("INTERNAL", `Internal error: strategy "${strategy}" ${what}.`, {
    hint: "This is a bug in mentor-match; please report it with the input.",
  });
}
