/**
 * Brute-force oracle: every stable matching of a small instance, by enumerating every matching.
 *
 * Written to be obviously right rather than fast, and independently of the library's own stability scan,
 * so that property tests can compare deferred acceptance with it (e.g. proposer-optimality: Gale & Shapley
 * 1962, Theorem 2; Roth & Sotomayor 1990, Theorem 5.16 for capacities).
 */
import { LimitError } from "../../errors.js";
import { scoreOf } from "../../matching/_internal/instance.js";
import type { MatchingInstance } from "../../matching/types.js";
import { withInstance } from "../../matching/_internal/withInstance.js";

/** Largest number of matchings the oracle will enumerate (an upper bound: (m + 1)^(unpinned mentees)). */
export const ORACLE_MAX_CANDIDATES = 5_000_000;

/**
 * Every matching of `instance` that has no blocking pair, in lexicographic order of `mentorOf` (-1 first).
 *
 * Same definitions as the library (see `blockingPairs`): a pair is acceptable when the scores allow it and
 * each side with a ranked list names the other; preferences come from lists, else from scores (equal =
 * indifferent); a pair (i, j) blocks when i is not pinned, i strictly prefers j to its mentor (or has none),
 * and j has a free seat or holds a mentee that is not pinned and that j likes strictly less than i.
 * Pinned pairs are in every matching.
 *
 * Complexity: O((m + 1)^n · n · m) — for n ≤ 7 or so.
 *
 * @param instance - a small instance.
 * @returns the stable matchings, each as `mentorOf`.
 * @throws LimitError (`LIMIT_EXCEEDED`) when more than {@link ORACLE_MAX_CANDIDATES} matchings could be
 *   enumerated; the instance's own validation errors otherwise.
 * @example
 * allStableMatchingsBruteForce({ scores: [[2, 1], [1, 2]] }); // [Int32Array [0, 1]]
 */
export function allStableMatchingsBruteForce(instance: MatchingInstance): Int32Array[] {
  return withInstance(instance, { scoresOptional: true }, (inst) => {
    const { rows: n, cols: m } = inst;
    let free = 0;
    for (let i = 0; i < n; i++) if (inst.pinnedMentor[i] === -1) free++;
    if ((m + 1) ** free > ORACLE_MAX_CANDIDATES) {
      throw new LimitError("LIMIT_EXCEEDED", `The oracle would enumerate up to ${m + 1}^${free} matchings.`, {
        hint: "Use it on instances with a few mentees and mentors only.",
      });
    }
    // value[i][j]: how mentee i values mentor j; worth[j][i]: how mentor j values mentee i; null = unacceptable.
    const value: (number | null)[][] = [];
    const worth: (number | null)[][] = Array.from({ length: m }, () =>
      new Array<number | null>(n).fill(null),
    );
    for (let i = 0; i < n; i++) {
      const row: (number | null)[] = [];
      for (let j = 0; j < m; j++) {
        const s = scoreOf(inst, i, j);
        const menteeList = inst.menteePreferences?.[i];
        const mentorList = inst.mentorPreferences?.[j];
        const ok =
          s !== Number.NEGATIVE_INFINITY &&
          (menteeList === undefined || menteeList.includes(j)) &&
          (mentorList === undefined || mentorList.includes(i));
        row.push(ok ? (menteeList === undefined ? s : -menteeList.indexOf(j)) : null);
        worth[j]![i] = ok ? (mentorList === undefined ? s : -mentorList.indexOf(i)) : null;
      }
      value.push(row);
    }
    const pinned = inst.pinnedMentor;
    const capacity = inst.capacity;
    const mentorOf = new Int32Array(n).fill(-1);
    const load = new Int32Array(m);
    const out: Int32Array[] = [];

    const isStableNow = (): boolean => {
      for (let i = 0; i < n; i++) {
        if (pinned[i] !== -1) continue;
        const cur = mentorOf[i]!;
        const curValue = cur === -1 ? null : (value[i]![cur] ?? null);
        for (let j = 0; j < m; j++) {
          const v = value[i]![j] ?? null;
          if (j === cur || v === null) continue;
          if (curValue !== null && !(v > curValue)) continue;
          if (load[j]! < capacity[j]!) return false;
          const wi = worth[j]![i] as number;
          for (let k = 0; k < n; k++) {
            if (k === i || mentorOf[k] !== j || pinned[k] !== -1) continue;
            const wk = worth[j]![k] ?? null;
            if (wk === null || wi > wk) return false;
          }
        }
      }
      return true;
    };

    const place = (i: number): void => {
      if (i === n) {
        if (isStableNow()) out.push(mentorOf.slice());
        return;
      }
      if (pinned[i] !== -1) {
        const j = pinned[i]!;
        mentorOf[i] = j;
        load[j]!++;
        place(i + 1);
        load[j]!--;
        mentorOf[i] = -1;
        return;
      }
      place(i + 1);
      for (let j = 0; j < m; j++) {
        if (value[i]![j] === null || load[j]! >= capacity[j]! - pinnedLoad(j)) continue;
        mentorOf[i] = j;
        load[j]!++;
        place(i + 1);
        load[j]!--;
        mentorOf[i] = -1;
      }
    };
    const pinnedCount = new Int32Array(m);
    for (let i = 0; i < n; i++) if (pinned[i] !== -1) pinnedCount[pinned[i]!]!++;
    // Seats left for unpinned mentees, counting pinned ones not yet placed by the recursion.
    const placedPinned = (j: number): number => {
      let c = 0;
      for (let k = 0; k < n; k++) if (pinned[k] === j && mentorOf[k] === j) c++;
      return c;
    };
    const pinnedLoad = (j: number): number => pinnedCount[j]! - placedPinned(j);
    place(0);
    return out;
  });
}
