/**
 * Greedy matching: best pair first. A baseline to compare the other strategies with.
 *
 * [Reference]: the classic greedy heuristic for weighted matching, a ½-approximation of the maximum total
 * (D. Avis, "A survey of heuristics for the weighted matching problem", Networks 13(4), 475–493, 1983).
 * With one score per pair and no ties it also gives the unique stable matching of the preferences that
 * scores induce on both sides.
 */
import { MatchingInputError } from "../errors.js";
import { identityKey, ScoreStream } from "./_internal/preferences.js";
import { createRandom, randomPermutation } from "./_internal/random.js";
import { buildResult } from "./_internal/result.js";
import type { MatchingInstance, MatchResult } from "./types.js";
import { withInstance } from "./_internal/withInstance.js";

/** Options of {@link greedyMatching}. */
export interface GreedyOptions {
  /**
   * Order of pairs with equal scores: `index` — lower mentee, then lower mentor first; `seeded` — a lottery
   * of each side drawn from `instance.seed`, recorded in `result.tieBreak`.
   * @defaultValue "index"
   */
  readonly ties?: "index" | "seeded";
}

/**
 * Matches pairs in order of decreasing score, each if its mentee is free and its mentor has a seat.
 *
 * Complexity: O(n·m) for dense scores (O(nnz) CSR) plus O(k log n) for k rejected candidates, without
 * sorting all pairs: each mentee's candidates come lazily, best first, and a heap orders the mentees by
 * their current candidate. The first candidates of every mentee are read in one pass over the rows that is
 * also the check of the scores; `number[][]` rows are read where they are, never copied. Respects
 * capacities, pins (placed first), forbidden cells and `minScore`.
 * Ranked lists decide which pairs are allowed (a pair is allowed only when each side that gave a list
 * names the other), never the order: among the allowed pairs the scores alone decide (a score baseline).
 *
 * @param instance - scores, capacities, forbidden cells, pins, `minScore`, ranked lists (which pairs are
 *   allowed), `seed`.
 * @param options - tie policy.
 * @returns the matching.
 * @throws MatchingInputError on invalid input, including an instance without scores (`INVALID_SHAPE`), or
 *   an unknown option (`INVALID_OPTION`).
 * @throws InfeasibleError when pins exceed a mentor's capacity (`PIN_OVER_CAPACITY`).
 * @example
 * const r = greedyMatching({ scores: [[5, 4], [4, 0]] });
 * r.mentorOf; // Int32Array [0, 1]: (0, 0) = 5 goes first; total 5, while the optimum is 4 + 4 = 8
 */
export function greedyMatching(instance: MatchingInstance, options?: GreedyOptions | null): MatchResult {
  const ties = options?.ties ?? "index";
  if (ties !== "index" && ties !== "seeded") {
    throw new MatchingInputError(
      "INVALID_OPTION",
      `ties must be "index" or "seeded", got ${JSON.stringify(ties)}.`,
    );
  }
  // The first round reads every row (ScoreStream.startAll), so it is also the check of the scores, and
  // `number[][]` rows are read where they are, not copied.
  return withInstance(instance, { deferDenseScoreCheck: true, keepRows: true }, (inst) => {
    const { rows, cols, capacity, pinnedMentor } = inst;
    let menteeKey = identityKey(rows);
    let mentorKey = identityKey(cols);
    if (ties === "seeded") {
      const rng = createRandom(inst.seed);
      menteeKey = inverse(randomPermutation(rows, rng));
      mentorKey = inverse(randomPermutation(cols, rng));
    }
    const seats = Int32Array.from(capacity);
    const mentorOf = new Int32Array(rows).fill(-1);
    for (let i = 0; i < rows; i++) {
      const j = pinnedMentor[i]!;
      if (j !== -1) {
        mentorOf[i] = j;
        seats[j]!--;
      }
    }
    const stream = new ScoreStream(inst, "mentee", mentorKey);
    stream.startAll();
    const curMentor = new Int32Array(rows);
    const curScore = new Float64Array(rows);
    const heap = new Int32Array(rows);
    let size = 0;
    // Heap order: current candidate's score descending, then mentee key ascending.
    const before = (a: number, b: number): boolean =>
      curScore[a]! > curScore[b]! || (curScore[a] === curScore[b] && menteeKey[a]! < menteeKey[b]!);
    const siftDown = (from: number): void => {
      const x = heap[from]!;
      let at = from;
      for (;;) {
        let child = 2 * at + 1;
        if (child >= size) break;
        if (child + 1 < size && before(heap[child + 1]!, heap[child]!)) child++;
        if (!before(heap[child]!, x)) break;
        heap[at] = heap[child]!;
        at = child;
      }
      heap[at] = x;
    };
    for (let i = 0; i < rows; i++) {
      if (pinnedMentor[i] !== -1) continue;
      const j = stream.next(i);
      if (j === -1) continue;
      curMentor[i] = j;
      curScore[i] = stream.lastScore;
      heap[size++] = i;
    }
    for (let at = (size >> 1) - 1; at >= 0; at--) siftDown(at);
    while (size > 0) {
      const i = heap[0]!;
      const j = curMentor[i]!;
      if (seats[j]! > 0) {
        seats[j]!--;
        mentorOf[i] = j;
        heap[0] = heap[--size]!;
        siftDown(0);
        continue;
      }
      const next = stream.next(i);
      if (next === -1) {
        heap[0] = heap[--size]!;
      } else {
        curMentor[i] = next;
        curScore[i] = stream.lastScore;
      }
      siftDown(0);
    }
    const result = buildResult(inst, mentorOf, "greedy", {
      tieBreak: ties === "seeded" ? { policy: "seeded", seed: inst.seed } : { policy: "index" },
    });
    return result;
  });
}

function inverse(perm: Int32Array): Int32Array {
  const inv = new Int32Array(perm.length);
  for (let k = 0; k < perm.length; k++) inv[perm[k]!] = k;
  return inv;
}
