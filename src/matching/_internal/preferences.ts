/**
 * Lazy "next best partner" streams for proposal-based algorithms (deferred acceptance, greedy, serial
 * dictatorship).
 *
 * From scores, a proposer's candidates come in the order (effective score descending, tie key ascending)
 * without sorting the whole row: the first call selects the top 16 of the row in one O(m) pass; when those
 * are used up, the next pass selects the next 64, then 256, … (only candidates after the last one given).
 * Most proposers in deferred acceptance never go past their first few choices, so a 5000 × 5000 matrix is
 * read little more than once. On dense lines, each pass first looks only at cells above a guess (round 0:
 * from the previous line's best scores; later rounds: from the scores this line already gave) and reads the
 * line again without it when fewer candidates than wanted reach it, so the guess changes the speed, never
 * the order. From ranked lists, a stream walks the list, skipping pairs the scores do not allow.
 */
import type { Instance } from "./instance.js";
import { csrValue } from "./instance.js";
import { ScoreStream } from "./scoreStream.js";

export { ScoreStream };

const NEG = Number.NEGATIVE_INFINITY;

/** The candidates of every proposer, best first. */
export interface PartnerStream {
  /** Next candidate of proposer `p`, or -1 when it has none left; sets {@link PartnerStream.lastScore}. */
  next(p: number): number;
  /** Effective score of the pair returned by the last `next` (0 when the instance has no scores). */
  lastScore: number;
}

/** Which side proposes: its members are the stream's lines, the other side its targets. */
export type Side = "mentee" | "mentor";

/**
 * Candidates from ranked lists, in list order; with scores, pairs the scores do not allow (absent,
 * forbidden, below `minScore`) are skipped. Without scores only `forbidden` applies. O(1) per candidate
 * with dense scores or none; O(deg) per candidate with CSR scores (a scan of the mentee's row).
 */
export class ListStream implements PartnerStream {
  lastScore = 0;
  private readonly inst: Instance;
  private readonly lists: readonly (readonly number[])[];
  private readonly mentee: boolean;
  private readonly pos: Int32Array;

  /**
   * @param inst - a normalised instance.
   * @param side - whose lists: the mentees' or the mentors'.
   */
  constructor(inst: Instance, side: Side) {
    this.inst = inst;
    this.mentee = side === "mentee";
    this.lists = (this.mentee ? inst.menteePreferences : inst.mentorPreferences)!;
    this.pos = new Int32Array(this.lists.length);
  }

  next(p: number): number {
    const list = this.lists[p]!;
    const inst = this.inst;
    const { cols, forbidden, dense, scoreRows } = inst;
    while (this.pos[p]! < list.length) {
      const t = list[this.pos[p]!++]!;
      const i = this.mentee ? p : t;
      const j = this.mentee ? t : p;
      const cell = i * cols + j;
      if (forbidden !== null && forbidden[cell] !== 0) continue;
      if (!inst.hasScores) {
        this.lastScore = 0;
        return t;
      }
      const s =
        dense !== null ? dense[cell]! : scoreRows !== null ? scoreRows[i]![j]! : csrValue(inst.csr!, i, j);
      if (s === NEG || s < inst.minScore) continue;
      this.lastScore = s;
      return t;
    }
    return -1;
  }
}

/**
 * The stream of a side's candidates: from its lists when it gave them, else from scores. O(lines) to set
 * up (plus O(nnz) for the mentor side of CSR scores).
 *
 * @param inst - a normalised instance.
 * @param side - whose candidates.
 * @param targetKey - tie key of each target (used with scores only).
 * @returns the stream.
 * @example
 * const stream = partnerStream(inst, "mentee", identityKey(inst.cols));
 * stream.next(0); // mentee 0's best mentor, or -1
 */
export function partnerStream(inst: Instance, side: Side, targetKey: Int32Array): PartnerStream {
  const lists = side === "mentee" ? inst.menteePreferences : inst.mentorPreferences;
  return lists !== null ? new ListStream(inst, side) : new ScoreStream(inst, side, targetKey);
}

/**
 * `0 .. n-1`: the tie key of the `index` policy (lower index first). O(n).
 *
 * @param n - number of participants.
 * @returns the identity key.
 * @example
 * identityKey(3); // Int32Array [0, 1, 2]
 */
export function identityKey(n: number): Int32Array {
  const key = new Int32Array(n);
  for (let k = 0; k < n; k++) key[k] = k;
  return key;
}
