/**
 * The proposal loop of deferred acceptance, written once for both proposing sides.
 *
 * Proposers have seats (`free`), receivers hold up to their capacity the best proposers so far in a
 * min-heap whose root is the worst held one; a proposer with a free seat proposes to its next candidate, the
 * receiver keeps it if it has room or prefers it to its worst (who is then released and proposes again).
 * Each (proposer, receiver) pair is proposed at most once: O(proposals · log capacity) plus the cost of the
 * streams. All arrays are allocated once.
 */
import type { PartnerStream } from "./preferences.js";
import { progressTick } from "./progress.js";
import { type RankIndex, rankIn } from "./rankIndex.js";

const NEG = Number.NEGATIVE_INFINITY;

/** Input of {@link runProposals}. */
export interface ProposalSetup {
  readonly proposers: number;
  readonly receivers: number;
  /** Free seats of each proposer (0 = does not take part, e.g. a pinned mentee). Modified in place. */
  readonly free: Int32Array;
  /** Seats of each receiver left for the game (capacity minus pinned seats; 0 = takes nobody). */
  readonly seats: Int32Array;
  /** Each proposer's candidates, best first; only pairs the scores and the proposer's list allow. */
  readonly stream: PartnerStream;
  /** Inverse of the receivers' lists (owner = receiver, target = proposer), or null: receivers use scores. */
  readonly receiverIndex: RankIndex | null;
  /** Tie key of each proposer (lower = preferred by a receiver among equal scores). */
  readonly proposerKey: Int32Array;
}

/** The held proposers: receiver r holds `held[seatStart[r] .. seatStart[r] + count[r])`. */
export interface ProposalOutcome {
  readonly seatStart: Int32Array;
  readonly count: Int32Array;
  readonly held: Int32Array;
}

/**
 * Runs deferred acceptance to the end and returns who holds whom. O(proposals · log capacity) plus the
 * streams' cost.
 *
 * @param setup - the two sides.
 * @returns the receivers' final holdings.
 */
export function runProposals(setup: ProposalSetup): ProposalOutcome {
  const { proposers, receivers, free, seats, stream, receiverIndex, proposerKey } = setup;
  const seatStart = new Int32Array(receivers + 1);
  for (let r = 0; r < receivers; r++) seatStart[r + 1] = seatStart[r]! + seats[r]!;
  const held = new Int32Array(seatStart[receivers]!);
  const heldValue = new Float64Array(seatStart[receivers]!);
  const count = new Int32Array(receivers);
  const stack = new Int32Array(proposers);
  const inStack = new Uint8Array(proposers);
  let top = 0;
  for (let p = proposers - 1; p >= 0; p--) {
    if (free[p]! > 0) {
      stack[top++] = p;
      inStack[p] = 1;
    }
  }
  let popped = 0;
  while (top > 0) {
    // Proposers taken from the stack, of the first round's: a rejected one goes back, so it is a share.
    if ((++popped & 31) === 0) progressTick(proposers - top, proposers);
    const p = stack[--top]!;
    inStack[p] = 0;
    const pk = proposerKey[p]!;
    while (free[p]! > 0) {
      const r = stream.next(p);
      if (r === -1) break;
      const cap = seats[r]!;
      if (cap === 0) continue;
      let value: number;
      if (receiverIndex === null) value = stream.lastScore;
      else {
        const place = rankIn(receiverIndex, r, p);
        if (place === 0) continue;
        value = -place;
      }
      if (value === NEG) continue;
      const base = seatStart[r]!;
      const c = count[r]!;
      if (c < cap) {
        // Room: push into the min-heap (root = worst held).
        let at = c;
        while (at > 0) {
          const parent = (at - 1) >> 1;
          const pv = heldValue[base + parent]!;
          const pp = held[base + parent]!;
          if (!(value < pv || (value === pv && pk > proposerKey[pp]!))) break;
          held[base + at] = pp;
          heldValue[base + at] = pv;
          at = parent;
        }
        held[base + at] = p;
        heldValue[base + at] = value;
        count[r] = c + 1;
        free[p]!--;
        continue;
      }
      const worst = held[base]!;
      const wv = heldValue[base]!;
      if (!(value > wv || (value === wv && pk < proposerKey[worst]!))) continue;
      // Replace the root by p and sift it down.
      let at = 0;
      for (;;) {
        let child = 2 * at + 1;
        if (child >= cap) break;
        const right = child + 1;
        if (right < cap) {
          const lv = heldValue[base + child]!;
          const rv = heldValue[base + right]!;
          if (rv < lv || (rv === lv && proposerKey[held[base + right]!]! > proposerKey[held[base + child]!]!))
            child = right;
        }
        const cv = heldValue[base + child]!;
        const cp = held[base + child]!;
        if (!(cv < value || (cv === value && proposerKey[cp]! > pk))) break;
        held[base + at] = cp;
        heldValue[base + at] = cv;
        at = child;
      }
      held[base + at] = p;
      heldValue[base + at] = value;
      free[p]!--;
      free[worst]!++;
      if (inStack[worst] === 0) {
        stack[top++] = worst;
        inStack[worst] = 1;
      }
    }
  }
  return { seatStart, count, held };
}
