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
 * The seat model (strict preferences, seats) is built in seatModel.ts.
 */
import type { SeatModel } from "./seatModel.js";

export { buildSeatModel, mentorOfSeats, type SeatModel } from "./seatModel.js";

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
