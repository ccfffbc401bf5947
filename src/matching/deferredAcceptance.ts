/**
 * Deferred acceptance: the proposer-optimal stable matching, many-to-one (mentors take groups).
 *
 * [Reference]: D. Gale and L. S. Shapley, "College admissions and the stability of marriage", American
 * Mathematical Monthly 69(1), 9–15, 1962. Many-to-one with capacities ("hospitals/residents"): A. E. Roth,
 * "The evolution of the labor market for medical interns and residents: a case study in game theory",
 * Journal of Political Economy 92(6), 991–1016, 1984; A. E. Roth and M. Sotomayor, "Two-Sided Matching",
 * Cambridge University Press, 1990 (ch. 5); D. Gusfield and R. W. Irving, "The Stable Marriage Problem:
 * Structure and Algorithms", MIT Press, 1989 (§1.6). Ties broken by a fixed order give a weakly stable
 * matching of the original preferences (Irving, "Stable marriage and indifference", Discrete Applied
 * Mathematics 48, 1994).
 */
import { MatchingInputError } from "../errors.js";
import { identityKey, partnerStream, type ScoreStream } from "./_internal/preferences.js";
import { runProposals } from "./_internal/proposals.js";
import { createRandom, randomPermutation } from "./_internal/random.js";
import { menteeRankIndex, mentorRankIndex } from "./_internal/rankIndex.js";
import { buildResult } from "./_internal/result.js";
import type { MatchingInstance, MatchResult } from "./types.js";
import { withInstance } from "./_internal/withInstance.js";

/** Options of {@link deferredAcceptance}. */
export interface DeferredAcceptanceOptions {
  /**
   * Who proposes: `mentee` gives the best stable matching for every mentee (and the worst for mentors),
   * `mentor` the other way round.
   * @defaultValue "mentee"
   */
  readonly proposer?: "mentee" | "mentor";
  /**
   * How equal scores are ordered when preferences come from scores: `index` — lower index first;
   * `seeded` — one lottery per side drawn from `instance.seed` (single tie-breaking), recorded in
   * `result.tieBreak`. Ranked lists have no ties and ignore this.
   * @defaultValue "index"
   */
  readonly ties?: "index" | "seeded";
}

function tieKeys(n: number, ties: "index" | "seeded", lottery: Int32Array | null): Int32Array {
  if (ties === "index" || lottery === null) return identityKey(n);
  const key = new Int32Array(n);
  for (let k = 0; k < n; k++) key[lottery[k]!] = k;
  return key;
}

/**
 * Forms the proposer-optimal stable matching by deferred acceptance (Gale & Shapley 1962; Roth 1984 for
 * capacities). No mentee and mentor would both rather be together than with what they got; among all such
 * matchings, every proposer gets its best partner.
 *
 * Complexity: from dense scores O(n·m · log r) where r is the deepest rank a proposer reaches (each proposer
 * selects its best 16 in one pass over its row, then the next 64, 256, … only if it gets that far; no row is
 * ever sorted in full) plus O(proposals · log capacity). Mentee-proposing from a dense matrix, the first
 * round is also the check for NaN / +Infinity, so the matrix is read about twice in all (first round,
 * metrics); `number[][]` rows are then read where they are, never copied (each row's cells are checked,
 * types too, just before its first round); measured times are in bench/results/stable.md, not here. From lists O(total list length) for validation and
 * the receivers' rank index, plus O(proposals). Memory: a few arrays of size n + m (a 5000 × 5000 matrix
 * runs in about 1.1× its own size), plus the receivers' rank index when they gave lists (a 16-bit
 * n × m table for long lists, O(total length) for short ones).
 *
 * Preferences: a side with ranked lists (`menteePreferences` / `mentorPreferences`) uses them; a side
 * without uses scores, higher first, ties by `options.ties`. A pair is acceptable when the scores allow it
 * and each side that gave a list names the other (without scores: exactly when each lists the other).
 * Pinned mentees are placed first and take their seats; the others are matched stably in the seats left.
 * With ties, the result is weakly stable: no pair strictly prefers each other (see `blockingPairs`).
 *
 * @param instance - scores and/or ranked lists, capacities, forbidden cells, pins, `minScore`, `seed`.
 * @param options - proposing side and tie policy.
 * @returns the matching, with `tieBreak` recording the tie policy (and seed).
 * @throws MatchingInputError on invalid input (codes `INVALID_SCORE`, `INVALID_SHAPE`, `INVALID_CAPACITY`,
 *   `INVALID_PIN`, `PIN_FORBIDDEN`, `INVALID_PREFERENCES`) or an unknown option (`INVALID_OPTION`).
 * @throws InfeasibleError when pins exceed a mentor's capacity (`PIN_OVER_CAPACITY`).
 * @example
 * const r = deferredAcceptance({ scores: [[3, 1], [2, 5]] });
 * r.mentorOf; // Int32Array [0, 1]
 * const lists = deferredAcceptance({
 *   menteePreferences: [[0, 1], [0, 1]],
 *   mentorPreferences: [[1, 0], [0, 1]],
 * });
 * lists.mentorOf; // Int32Array [1, 0]
 */
export function deferredAcceptance(
  instance: MatchingInstance,
  options?: DeferredAcceptanceOptions | null,
): MatchResult {
  const proposer = options?.proposer ?? "mentee";
  const ties = options?.ties ?? "index";
  if (proposer !== "mentee" && proposer !== "mentor") {
    throw new MatchingInputError(
      "INVALID_OPTION",
      `proposer must be "mentee" or "mentor", got ${JSON.stringify(proposer)}.`,
    );
  }
  if (ties !== "index" && ties !== "seeded") {
    throw new MatchingInputError(
      "INVALID_OPTION",
      `ties must be "index" or "seeded", got ${JSON.stringify(ties)}.`,
    );
  }
  // Mentee-proposing from scores: the first round of proposals reads every row anyway, so the check of
  // the matrix for NaN / +Infinity is done there (ScoreStream.startAll) instead of in a pass of its own,
  // and `number[][]` rows are read where they are, not copied (keepRows).
  const firstRoundChecks = proposer === "mentee" && instance?.menteePreferences === undefined;
  const normalize = {
    scoresOptional: true,
    deferDenseScoreCheck: firstRoundChecks,
    keepRows: firstRoundChecks,
  };
  return withInstance(instance, normalize, (inst) => {
    const { rows, cols, capacity, pinnedMentor } = inst;
    let menteeLottery: Int32Array | null = null;
    let mentorLottery: Int32Array | null = null;
    if (ties === "seeded") {
      const rng = createRandom(inst.seed);
      menteeLottery = randomPermutation(rows, rng);
      mentorLottery = randomPermutation(cols, rng);
    }
    const menteeKey = tieKeys(rows, ties, menteeLottery);
    const mentorKey = tieKeys(cols, ties, mentorLottery);

    const mentorSeats = Int32Array.from(capacity);
    const menteeFree = new Int32Array(rows);
    const mentorOf = new Int32Array(rows).fill(-1);
    for (let i = 0; i < rows; i++) {
      const j = pinnedMentor[i]!;
      if (j === -1) menteeFree[i] = 1;
      else {
        mentorOf[i] = j;
        mentorSeats[j]!--;
      }
    }
    if (proposer === "mentee") {
      const stream = partnerStream(inst, "mentee", mentorKey);
      if (firstRoundChecks && (inst.dense !== null || inst.scoreRows !== null)) {
        (stream as ScoreStream).startAll();
      }
      const { seatStart, count, held } = runProposals({
        proposers: rows,
        receivers: cols,
        free: menteeFree,
        seats: mentorSeats,
        stream,
        receiverIndex: mentorRankIndex(inst),
        proposerKey: menteeKey,
      });
      for (let j = 0; j < cols; j++) {
        for (let q = seatStart[j]!; q < seatStart[j]! + count[j]!; q++) mentorOf[held[q]!] = j;
      }
    } else {
      const { seatStart, count, held } = runProposals({
        proposers: cols,
        receivers: rows,
        free: mentorSeats,
        seats: menteeFree,
        stream: partnerStream(inst, "mentor", menteeKey),
        receiverIndex: menteeRankIndex(inst),
        proposerKey: mentorKey,
      });
      for (let i = 0; i < rows; i++) if (count[i]! > 0) mentorOf[i] = held[seatStart[i]!]!;
    }
    const result = buildResult(inst, mentorOf, proposer === "mentee" ? "stable" : "stable-mentor", {
      tieBreak: ties === "seeded" ? { policy: "seeded", seed: inst.seed } : { policy: "index" },
    });
    return result;
  });
}
