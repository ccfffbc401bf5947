/**
 * The seat model of the stable strategies: strict preferences of both sides and the seat expansion
 * of the mentors (see rotations.ts for the references).
 *
 * Model. Preferences are made strict: a side with a ranked list uses it, a side without one orders its
 * acceptable partners by score (higher first), equal scores by index (the `index` tie policy). Pinned
 * mentees are taken out (they are in every matching) and their mentors' capacities reduced accordingly,
 * which is exactly how the library's stability definition treats pinned seats. Each mentor with capacity
 * c becomes c seats with the mentor's list; a mentee lists the seats of each mentor consecutively, in seat
 * order (the standard reduction of many-to-one to one-to-one). Mentees play the men (proposers), seats the
 * women. The stable matchings of the reduced instance correspond one to one to those of the original.
 */
import type { Instance } from "./instance.js";

const NEG = Number.NEGATIVE_INFINITY;

/** Strict preferences of both sides and the seat expansion of the mentors. */
export interface SeatModel {
  readonly rows: number;
  readonly cols: number;
  readonly seats: number;
  /** Mentor of each seat. */
  readonly seatMentor: Int32Array;
  /** Seats of mentor j are `seatStart[j] .. seatStart[j + 1]`. */
  readonly seatStart: Int32Array;
  /** Mentee i's acceptable mentors (mutual, not pinned), best first: `menteeList[menteeStart[i] .. menteeStart[i + 1]]`. */
  readonly menteeStart: Int32Array;
  readonly menteeList: Int32Array;
  /**
   * `menteeRank[i * cols + j]`: 1-based rank of mentor j for mentee i (place in its own list, or in the
   * strict order of the cells its scores allow), 0 = not ranked. Defined for every ranked pair, acceptable
   * or not, so that ranks read like the metrics'.
   */
  readonly menteeRank: Int32Array;
  /** Mentor j's ranked mentees, best first (acceptable or not): `mentorList[mentorStart[j] .. mentorStart[j + 1]]`. */
  readonly mentorStart: Int32Array;
  readonly mentorList: Int32Array;
  /** `mentorRank[j * rows + i]`: 1-based rank of mentee i for mentor j (as `menteeRank`), 0 = not ranked. */
  readonly mentorRank: Int32Array;
  /**
   * `menteeCost[i * cols + j]`: the rank as the metrics count it (`MatchMetrics.menteeRanks`): the place in
   * the mentee's list, or 1 + the number of cells its scores allow that score strictly higher, so equal
   * scores share a rank. The lattice is built on the strict ranks; the egalitarian and minimum-regret
   * objectives are measured in these, so a result's metrics show the figure that was optimised.
   */
  readonly menteeCost: Int32Array;
  /** `mentorCost[j * rows + i]`: as `menteeCost`, for mentor j's rank of mentee i. */
  readonly mentorCost: Int32Array;
  /** Mentee i's seats, best first: `manList[manStart[i] .. manStart[i + 1]]`. */
  readonly manStart: Int32Array;
  readonly manList: Int32Array;
  /** `firstSeatPos[i * cols + j]`: position in `manList` of mentor j's first seat in i's list, -1 = none. */
  readonly firstSeatPos: Int32Array;
  /** Pinned mentor of each mentee (-1 = none); pinned mentees take no part in the seat model. */
  readonly pinnedMentor: Int32Array;
}

/**
 * Builds the strict preferences and the seat expansion. O(n·m log m) with dense scores (each row sorted
 * once), O(n·m) memory for the two rank tables.
 *
 * @param inst - a normalised instance (scores, lists, or both).
 * @returns the seat model.
 */
export function buildSeatModel(inst: Instance): SeatModel {
  const { rows, cols, capacity, pinnedMentor, forbidden, minScore, dense, csr } = inst;
  const cells = rows * cols;
  // 1. Effective score of every cell (-Infinity = not allowed by the scores); 0 when there are no scores.
  const eff = new Float64Array(cells).fill(NEG);
  if (!inst.hasScores) {
    eff.fill(0);
  } else if (dense !== null) {
    for (let c = 0; c < cells; c++) {
      const s = dense[c]!;
      eff[c] = s < minScore ? NEG : s;
    }
  } else {
    const m = csr!;
    for (let i = 0; i < rows; i++) {
      for (let k = m.rowStart[i]!; k < m.rowStart[i + 1]!; k++) {
        const s = m.value[k]!;
        eff[i * cols + m.col[k]!] = s < minScore ? NEG : s;
      }
    }
  }
  if (forbidden !== null) for (let c = 0; c < cells; c++) if (forbidden[c] !== 0) eff[c] = NEG;
  // 2. Ranks: the place in a side's own list where given (as the metrics count it), else the place in
  //    the order of the cells the scores allow (higher score first, equal scores by index).
  const menteeLists = inst.menteePreferences;
  const mentorLists = inst.mentorPreferences;
  const menteeRank = new Int32Array(cells);
  // With lists, cost = rank; from scores, equal scores share the rank of the first of them.
  const menteeCost = menteeLists === null ? new Int32Array(cells) : menteeRank;
  const scratch: number[] = [];
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    if (menteeLists !== null) {
      const list = menteeLists[i]!;
      for (let r = 0; r < list.length; r++) menteeRank[base + list[r]!] = r + 1;
      continue;
    }
    scratch.length = 0;
    for (let j = 0; j < cols; j++) if (eff[base + j] !== NEG) scratch.push(j);
    scratch.sort((x, y) => eff[base + y]! - eff[base + x]! || x - y);
    for (let r = 0; r < scratch.length; r++) {
      const c = base + scratch[r]!;
      menteeRank[c] = r + 1;
      menteeCost[c] =
        r > 0 && eff[c] === eff[base + scratch[r - 1]!] ? menteeCost[base + scratch[r - 1]!]! : r + 1;
    }
  }
  const mentorRank = new Int32Array(cells);
  const mentorCost = mentorLists === null ? new Int32Array(cells) : mentorRank;
  const mentorStart = new Int32Array(cols + 1);
  const orders: number[][] = [];
  for (let j = 0; j < cols; j++) {
    let order: number[];
    if (mentorLists !== null) {
      order = mentorLists[j]!.slice();
    } else {
      order = [];
      for (let i = 0; i < rows; i++) if (eff[i * cols + j] !== NEG) order.push(i);
      order.sort((x, y) => eff[y * cols + j]! - eff[x * cols + j]! || x - y);
    }
    for (let r = 0; r < order.length; r++) mentorRank[j * rows + order[r]!] = r + 1;
    if (mentorLists === null) {
      for (let r = 0; r < order.length; r++) {
        const tie = r > 0 && eff[order[r]! * cols + j] === eff[order[r - 1]! * cols + j];
        mentorCost[j * rows + order[r]!] = tie ? mentorCost[j * rows + order[r - 1]!]! : r + 1;
      }
    }
    orders.push(order);
    mentorStart[j + 1] = mentorStart[j]! + order.length;
  }
  const mentorList = new Int32Array(mentorStart[cols]!);
  for (let j = 0; j < cols; j++) mentorList.set(orders[j]!, mentorStart[j]!);
  // 3. Acceptable = allowed by the scores and ranked by both sides; pinned mentees take no part.
  const ok = new Uint8Array(cells);
  for (let i = 0; i < rows; i++) {
    if (pinnedMentor[i] !== -1) continue;
    for (let j = 0; j < cols; j++) {
      const c = i * cols + j;
      ok[c] = eff[c] !== NEG && menteeRank[c] !== 0 && mentorRank[j * rows + i] !== 0 ? 1 : 0;
    }
  }
  // 4. Each mentee's acceptable mentors in rank order.
  const menteeStart = new Int32Array(rows + 1);
  for (let i = 0; i < rows; i++) {
    let d = 0;
    for (let j = 0; j < cols; j++) d += ok[i * cols + j]!;
    menteeStart[i + 1] = menteeStart[i]! + d;
  }
  const menteeList = new Int32Array(menteeStart[rows]!);
  // Rank r of mentee i is at slot r - 1 of its row: one pass over the row puts the mentors in rank order.
  const byRank = new Int32Array(cols);
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    byRank.fill(-1);
    for (let j = 0; j < cols; j++) if (ok[base + j] !== 0) byRank[menteeRank[base + j]! - 1] = j;
    let at = menteeStart[i]!;
    for (let r = 0; r < cols; r++) if (byRank[r] !== -1) menteeList[at++] = byRank[r]!;
  }
  // 5. Seats: capacity minus pinned mentees.
  const residual = capacity.slice();
  for (let i = 0; i < rows; i++) if (pinnedMentor[i] !== -1) residual[pinnedMentor[i]!]!--;
  const seatStart = new Int32Array(cols + 1);
  for (let j = 0; j < cols; j++) seatStart[j + 1] = seatStart[j]! + Math.max(0, residual[j]!);
  const seats = seatStart[cols]!;
  const seatMentor = new Int32Array(seats);
  for (let j = 0; j < cols; j++) seatMentor.fill(j, seatStart[j]!, seatStart[j + 1]!);
  // 6. Mentees' lists over seats.
  const manStart = new Int32Array(rows + 1);
  for (let i = 0; i < rows; i++) {
    let d = 0;
    for (let k = menteeStart[i]!; k < menteeStart[i + 1]!; k++) {
      const j = menteeList[k]!;
      d += seatStart[j + 1]! - seatStart[j]!;
    }
    manStart[i + 1] = manStart[i]! + d;
  }
  const manList = new Int32Array(manStart[rows]!);
  const firstSeatPos = new Int32Array(cells).fill(-1);
  for (let i = 0; i < rows; i++) {
    let at = manStart[i]!;
    for (let k = menteeStart[i]!; k < menteeStart[i + 1]!; k++) {
      const j = menteeList[k]!;
      if (seatStart[j + 1]! > seatStart[j]!) firstSeatPos[i * cols + j] = at;
      for (let s = seatStart[j]!; s < seatStart[j + 1]!; s++) manList[at++] = s;
    }
  }
  return {
    rows,
    cols,
    seats,
    seatMentor,
    seatStart,
    menteeStart,
    menteeList,
    menteeRank,
    mentorStart,
    mentorList,
    mentorRank,
    menteeCost,
    mentorCost,
    manStart,
    manList,
    firstSeatPos,
    pinnedMentor,
  };
}

/**
 * The `mentorOf` of a seat assignment, with pinned mentees at their pinned mentor. O(n).
 *
 * @param model - the seat model.
 * @param seatOf - seat of each mentee, -1 = none.
 * @returns mentor of each mentee, -1 = none.
 */
export function mentorOfSeats(model: SeatModel, seatOf: Int32Array): Int32Array {
  const out = new Int32Array(model.rows);
  for (let i = 0; i < model.rows; i++) {
    const pinned = model.pinnedMentor[i]!;
    const s = seatOf[i]!;
    out[i] = pinned !== -1 ? pinned : s === -1 ? -1 : model.seatMentor[s]!;
  }
  return out;
}
