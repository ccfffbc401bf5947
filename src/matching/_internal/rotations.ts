/**
 * The rotation structure of the stable matchings of an instance (the machinery behind `allStableMatchings`,
 * `egalitarianStableMatching` and `minimumRegretStableMatching`).
 *
 * [Reference]: R. W. Irving, P. Leather, D. Gusfield, "An efficient algorithm for the 'optimal' stable
 * marriage", Journal of the ACM 34(3), 1987; D. Gusfield, "Three fast algorithms for four problems in
 * stable marriage", SIAM Journal on Computing 16(1), 1987; D. Gusfield, R. W. Irving, "The Stable
 * Marriage Problem: Structure and Algorithms", MIT Press 1989 (§1.6.3 for the hospitals/residents
 * reduction, §2.5 and §3.3 for rotations and the rotation poset).
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

/** A matching of the seat model: the seat of each mentee (-1 = none) and its position in the mentee's list. */
export interface SeatMatching {
  readonly seatOf: Int32Array;
  readonly manOf: Int32Array;
  /** Position in `manList` of each mentee's seat, -1 = none. */
  readonly pos: Int32Array;
}

/**
 * Mentee-proposing deferred acceptance on the seats: the mentee-optimal stable matching (Gale & Shapley
 * 1962). O(total length of the seat lists).
 *
 * @param model - the seat model.
 * @returns the matching.
 */
export function menteeOptimalSeats(model: SeatModel): SeatMatching {
  const { rows, seats, manStart, manList, mentorRank, seatMentor } = model;
  const seatOf = new Int32Array(rows).fill(-1);
  const manOf = new Int32Array(seats).fill(-1);
  const pos = new Int32Array(rows).fill(-1);
  const next = manStart.slice(0, rows);
  // Free mentees wait on a stack; a displaced mentee proposes at once, so the stack never grows.
  const free = new Int32Array(rows);
  let top = 0;
  for (let i = rows - 1; i >= 0; i--) if (manStart[i + 1]! > manStart[i]!) free[top++] = i;
  while (top > 0) {
    let m = free[--top]!;
    while (m !== -1) {
      const p = next[m]!;
      if (p >= manStart[m + 1]!) break;
      next[m] = p + 1;
      const w = manList[p]!;
      const h = manOf[w]!;
      const base = seatMentor[w]! * rows;
      if (h === -1 || mentorRank[base + m]! < mentorRank[base + h]!) {
        manOf[w] = m;
        seatOf[m] = w;
        pos[m] = p;
        if (h !== -1) {
          seatOf[h] = -1;
          pos[h] = -1;
        }
        m = h;
      }
    }
  }
  return { seatOf, manOf, pos };
}

/** The rotations of an instance, in the order found (a linear extension of the rotation poset). */
export interface Rotations {
  readonly model: SeatModel;
  /** The mentee-optimal matching (nothing eliminated). */
  readonly bottom: SeatMatching;
  /** The mentor-optimal matching (every rotation eliminated). */
  readonly top: SeatMatching;
  readonly count: number;
  /** Members of rotation r are `start[r] .. start[r + 1]`: mentee `man[k]` at seat `seat[k]`. */
  readonly start: Int32Array;
  readonly man: Int32Array;
  /** The seat each member holds before the rotation; it moves to the seat of the next member (cyclically). */
  readonly seat: Int32Array;
  /** Position in `manList` of each member's seat before and after the rotation. */
  readonly fromPos: Int32Array;
  readonly toPos: Int32Array;
  /**
   * Generating precedence edges (Gusfield 1987): rotation r needs `pred[predStart[r] .. predStart[r + 1]]`
   * eliminated first; every predecessor has a smaller index. The transitive closure is the rotation poset.
   */
  readonly predStart: Int32Array;
  readonly pred: Int32Array;
}

/**
 * Finds every rotation and the precedence edges of the rotation poset. O(L + n·m) time where L is the total
 * length of the seat lists; O(L) memory for the pair labels.
 *
 * Rotations are found along one maximal chain from the mentee-optimal to the mentor-optimal matching
 * (Gusfield & Irving 1989, §3.2: every rotation appears exactly once on every such chain). A depth-first
 * walk over `m → next_M(m)` with a stack; each mentee's scan pointer only moves down its list.
 *
 * @param model - the seat model.
 * @returns the rotations and their poset.
 */
export function findRotations(model: SeatModel): Rotations {
  const {
    rows,
    cols,
    manStart,
    manList,
    mentorRank,
    seatMentor,
    mentorStart,
    mentorList,
    firstSeatPos,
    seatStart,
  } = model;
  const bottom = menteeOptimalSeats(model);
  const seatOf = bottom.seatOf.slice();
  const manOf = bottom.manOf.slice();
  const cur = bottom.pos.slice();
  const scan = new Int32Array(rows);
  for (let i = 0; i < rows; i++) scan[i] = cur[i]! + 1;
  const finalMan = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) if (seatOf[i] === -1) finalMan[i] = 1;
  const L = manList.length;
  // Labels of pairs by position in the mentees' seat lists: type 1 = the pair is in the rotation,
  // type 2 = the rotation makes the seat better than this mentee (Gusfield & Irving 1989, §3.3).
  const label1 = new Int32Array(L).fill(-1);
  const label2 = new Int32Array(L).fill(-1);
  const stack = new Int32Array(rows);
  const onStack = new Int32Array(rows).fill(-1);
  let sp = 0;
  const rotStart: number[] = [0];
  const rotMan: number[] = [];
  const rotSeat: number[] = [];
  const rotFrom: number[] = [];
  const rotTo: number[] = [];

  /** s_M(m): the first seat after m's own that prefers m to its holder; -1 when m can move no further. */
  const sOf = (m: number): number => {
    const end = manStart[m + 1]!;
    for (let p = scan[m]!; p < end; p++) {
      const w = manList[p]!;
      const h = manOf[w]!;
      if (h === -1) {
        // A seat empty in a stable matching is empty in all of them: m can never pass it.
        scan[m] = p;
        return -1;
      }
      const base = seatMentor[w]! * rows;
      if (mentorRank[base + m]! < mentorRank[base + h]!) {
        scan[m] = p;
        return w;
      }
    }
    scan[m] = end;
    return -1;
  };

  for (let startMan = 0; startMan < rows; startMan++) {
    while (finalMan[startMan] === 0) {
      stack[sp] = startMan;
      onStack[startMan] = sp++;
      while (sp > 0) {
        const m = stack[sp - 1]!;
        const w = sOf(m);
        const h = w === -1 ? -1 : manOf[w]!;
        if (w === -1 || finalMan[h] === 1) {
          // m cannot move, so neither can anyone on the path leading to it.
          while (sp > 0) {
            const x = stack[--sp]!;
            finalMan[x] = 1;
            onStack[x] = -1;
          }
          break;
        }
        const at = onStack[h]!;
        if (at === -1) {
          stack[sp] = h;
          onStack[h] = sp++;
          continue;
        }
        // A rotation: stack[at .. sp-1]; member k moves to the seat of member k + 1 (the last to the first's).
        const r = rotStart.length - 1;
        for (let k = at; k < sp; k++) {
          const x = stack[k]!;
          rotMan.push(x);
          rotSeat.push(seatOf[x]!);
          rotFrom.push(cur[x]!);
          rotTo.push(scan[x]!);
          label1[cur[x]!] = r;
        }
        rotStart.push(rotMan.length);
        const first = rotStart[r]!;
        const size = sp - at;
        for (let k = 0; k < size; k++) {
          const x = rotMan[first + k]!;
          const nextMember = rotMan[first + ((k + 1) % size)]!;
          const to = rotSeat[first + ((k + 1) % size)]!;
          // Seat `to` goes from nextMember to x: the mentees its mentor ranks strictly between them lose it.
          const j = seatMentor[to]!;
          const lo = mentorRank[j * rows + x]!;
          const hi = mentorRank[j * rows + nextMember]!;
          const off = to - seatStart[j]!;
          for (let q = mentorStart[j]! + lo; q < mentorStart[j]! + hi - 1; q++) {
            const y = mentorList[q]!;
            const p = firstSeatPos[y * cols + j]!;
            if (p !== -1) label2[p + off] = r;
          }
        }
        for (let k = 0; k < size; k++) {
          const x = rotMan[first + k]!;
          const to = rotSeat[first + ((k + 1) % size)]!;
          seatOf[x] = to;
          manOf[to] = x;
          cur[x] = rotTo[first + k]!;
          scan[x] = cur[x]! + 1;
        }
        while (sp > at) onStack[stack[--sp]!] = -1;
      }
    }
  }
  const count = rotStart.length - 1;

  // Precedence edges: walk each mentee's list from its mentee-optimal to its mentor-optimal seat.
  const edgesFrom: number[] = [];
  const edgesTo: number[] = [];
  for (let i = 0; i < rows; i++) {
    const p0 = bottom.pos[i]!;
    if (p0 === -1) continue;
    const pz = cur[i]!;
    let last = -1;
    for (let p = p0; p <= pz; p++) {
      const a = label1[p]!;
      if (a !== -1) {
        if (last !== -1 && last !== a) {
          edgesFrom.push(last);
          edgesTo.push(a);
        }
        last = a;
      } else {
        const b = label2[p]!;
        if (b !== -1 && last !== -1 && b !== last) {
          edgesFrom.push(b);
          edgesTo.push(last);
        }
      }
    }
  }
  const predStart = new Int32Array(count + 1);
  for (let e = 0; e < edgesTo.length; e++) predStart[edgesTo[e]! + 1]!++;
  for (let r = 0; r < count; r++) predStart[r + 1]! += predStart[r]!;
  const fill = predStart.slice(0, count);
  const predRaw = new Int32Array(edgesTo.length);
  for (let e = 0; e < edgesTo.length; e++) predRaw[fill[edgesTo[e]!]!++] = edgesFrom[e]!;
  // Sort and deduplicate each rotation's predecessors.
  const dedupStart = new Int32Array(count + 1);
  const pred: number[] = [];
  for (let r = 0; r < count; r++) {
    const own = Array.from(predRaw.subarray(predStart[r]!, predStart[r + 1]!)).sort((a, b) => a - b);
    for (let k = 0; k < own.length; k++) if (k === 0 || own[k] !== own[k - 1]) pred.push(own[k]!);
    dedupStart[r + 1] = pred.length;
  }
  const topPos = cur;
  const top: SeatMatching = { seatOf, manOf, pos: topPos };
  return {
    model,
    bottom,
    top,
    count,
    start: Int32Array.from(rotStart),
    man: Int32Array.from(rotMan),
    seat: Int32Array.from(rotSeat),
    fromPos: Int32Array.from(rotFrom),
    toPos: Int32Array.from(rotTo),
    predStart: dedupStart,
    pred: Int32Array.from(pred),
  };
}

/**
 * Applies (`undo` false) or undoes (`undo` true) rotation r on a seat assignment `seatOf` of the mentees.
 * O(size of r).
 */
export function applyRotation(rot: Rotations, r: number, seatOf: Int32Array, undo: boolean): void {
  const first = rot.start[r]!;
  const size = rot.start[r + 1]! - first;
  for (let k = 0; k < size; k++) {
    seatOf[rot.man[first + k]!] = undo ? rot.seat[first + k]! : rot.seat[first + ((k + 1) % size)]!;
  }
}

/**
 * Change of the egalitarian cost (sum over matched pairs of the mentee's rank of its mentor plus the
 * mentor's rank of the mentee, 1-based ranks as the metrics count them: equal scores share a rank) when
 * rotation r is eliminated. O(size of r).
 */
export function rotationWeight(rot: Rotations, r: number): number {
  const { rows, cols, menteeCost: menteeRank, mentorCost: mentorRank, seatMentor } = rot.model;
  const first = rot.start[r]!;
  const size = rot.start[r + 1]! - first;
  let w = 0;
  for (let k = 0; k < size; k++) {
    const x = rot.man[first + k]!;
    const nextMan = rot.man[first + ((k + 1) % size)]!;
    const from = seatMentor[rot.seat[first + k]!]!;
    const to = seatMentor[rot.seat[first + ((k + 1) % size)]!]!;
    w += menteeRank[x * cols + to]! - menteeRank[x * cols + from]!;
    w += mentorRank[to * rows + x]! - mentorRank[to * rows + nextMan]!;
  }
  return w;
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
