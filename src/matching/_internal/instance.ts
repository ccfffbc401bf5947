/**
 * Validation and normalisation of a `MatchingInstance`, done once per call, before any algorithm runs.
 *
 * Dense `Float64Array` scores are used as they are (no copy: peak memory stays near one copy of the
 * matrix); `number[][]` is copied once into a `Float64Array`, unless the caller reads the rows in place
 * ({@link NormalizeOptions.keepRows}); CSR is checked and used as it is.
 */
import { InfeasibleError, MatchingInputError } from "../../errors.js";
import type { CsrScores, MatchingInstance, PinnedPair } from "../types.js";
import { type CsrRange, checkCsr, findCell } from "./checkCsr.js";
import {
  checkDenseScores,
  checkRowCells,
  checkRowShapes,
  denseFromRows,
  MAX_DENSE_CELLS,
  tooLarge,
} from "./denseScores.js";
import { checkCapacities, checkPreferences, checkTags, maskUnlisted } from "./instanceParts.js";
import { mentorRankIndex, type RankIndex, rankIn } from "./rankIndex.js";

export { assertValidScore, checkRowCells, MAX_DENSE_CELLS, releaseWorkingCopy } from "./denseScores.js";

/** Largest capacity accepted (capacities are stored in an Int32Array). */
export const MAX_CAPACITY = 2_147_483_647;

/** Indexes built on first use by the algorithms and metrics, kept for the rest of the call. */
export interface InstanceCache {
  /** Inverse of the mentors' lists (see rankIndex.ts), or null until built. */
  mentorRank: RankIndex | null;
  /** Inverse of the mentees' lists, or null until built. */
  menteeRank: RankIndex | null;
}

/**
 * A validated instance. Exactly one of `dense` / `scoreRows` / `csr` is set, unless `hasScores` is false (both preference
 * lists given, no scores; see {@link NormalizeOptions.scoresOptional}).
 */
export interface Instance {
  readonly rows: number;
  readonly cols: number;
  /** False when the instance gives only preference lists: then `dense` and `csr` are both null. */
  readonly hasScores: boolean;
  /** Row-major scores; `-Infinity` = not allowed. */
  readonly dense: Float64Array | null;
  /**
   * The caller's `number[][]` rows, read in place instead of `dense` (only for a caller that asked with
   * {@link NormalizeOptions.keepRows}); row `i`, column `j` is `scoreRows[i][j]`. Every row is an array of
   * `cols` cells; the cells are checked by the caller's first round (see `deferDenseScoreCheck`).
   */
  readonly scoreRows: readonly (readonly number[])[] | null;
  readonly csr: CsrScores | null;
  /** The range of the CSR values, found while checking them (null for dense scores). */
  readonly csrRange: CsrRange | null;
  /** Row-major rule mask (non-zero = forbidden), or null. */
  readonly forbidden: Uint8Array | null;
  /** Seats of each mentor: its capacity, or the number of mentees when that is smaller. */
  readonly capacity: Int32Array;
  /** Capacity of each mentor as given (before the cap at the number of mentees): the seats it offered. */
  readonly capacityGiven: Int32Array;
  /** Pinned mentor of each mentee, -1 = none. */
  readonly pinnedMentor: Int32Array;
  readonly hasPins: boolean;
  /** -Infinity when not set. */
  readonly minScore: number;
  readonly menteePreferences: readonly (readonly number[])[] | null;
  readonly mentorPreferences: readonly (readonly number[])[] | null;
  readonly menteeTags: readonly (readonly string[])[] | null;
  readonly seed: number;
  /** Lazily built indexes; not part of the input. */
  readonly cache: InstanceCache;
}

/** Options of {@link normalizeInstance}. */
export interface NormalizeOptions {
  /**
   * Accept an instance without `scores` when both preference lists are given (the stable strategies,
   * random serial dictatorship and the stability checks work from lists alone).
   * @defaultValue false
   */
  readonly scoresOptional?: boolean;
  /**
   * Leave out the pass that rejects NaN and +Infinity in a dense matrix, for a caller that reads every
   * cell itself, row by row in row-major order, before it uses any score, and throws
   * {@link assertValidScore}'s error on the first bad cell (the first round of mentee-proposing deferred
   * acceptance does this while it reads the rows; see `ScoreStream.startAll`). The caller then reports
   * exactly the error this function would have. When another check here fails, the skipped pass runs
   * first, so an invalid score is still the error reported. Ignored for CSR scores, which are always
   * checked.
   * @defaultValue false
   */
  readonly deferDenseScoreCheck?: boolean;
  /**
   * With `deferDenseScoreCheck`: keep `number[][]` scores as the caller's rows (`scoreRows`) instead of
   * copying them into `dense`. Only the row shapes are checked here (O(rows)); the caller checks every
   * row's cells ({@link checkRowCells}: a non-number, NaN or +Infinity throws the error a copy would have)
   * in row order before it uses any of them, and its code must read `scoreRows` wherever it reads `dense`.
   * Ignored without `deferDenseScoreCheck` and for the other score forms.
   * @defaultValue false
   */
  readonly keepRows?: boolean;
}

function isCsr(scores: MatchingInstance["scores"]): scores is CsrScores {
  return (
    typeof scores === "object" &&
    scores !== null &&
    !(scores instanceof Float64Array) &&
    !Array.isArray(scores) &&
    "rowStart" in scores
  );
}

export function checkDimension(value: unknown, name: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new MatchingInputError(
      "INVALID_SHAPE",
      `${name} must be a non-negative integer, got ${String(value)}.`,
      {
        hint: `Give "${name}" with a flat Float64Array of scores.`,
      },
    );
  }
  return value;
}

/**
 * The score of pair (i, j) as the algorithms see it: `-Infinity` when the cell is absent, forbidden by a
 * rule, or below `minScore`. O(1) dense, O(deg) CSR. Not for hot loops.
 *
 * Without scores (lists only): NaN when the pair is acceptable (each lists the other, not forbidden),
 * `-Infinity` otherwise; O(place of j in i's list) plus a lookup in the mentors' index (built on first use).
 */
export function scoreOf(inst: Instance, i: number, j: number): number {
  let s: number;
  if (!inst.hasScores) {
    if (inst.forbidden !== null && inst.forbidden[i * inst.cols + j] !== 0) return Number.NEGATIVE_INFINITY;
    const listed = inst.menteePreferences![i]!.indexOf(j) !== -1 && rankIn(mentorRankIndex(inst)!, j, i) > 0;
    return listed ? Number.NaN : Number.NEGATIVE_INFINITY;
  }
  if (inst.dense !== null) {
    s = inst.dense[i * inst.cols + j]!;
  } else if (inst.scoreRows !== null) {
    s = inst.scoreRows[i]![j]!;
  } else {
    s = csrValue(inst.csr!, i, j, inst.csrRange?.sortedRows === true);
  }
  if (inst.forbidden !== null && inst.forbidden[i * inst.cols + j] !== 0) return Number.NEGATIVE_INFINITY;
  return s < inst.minScore ? Number.NEGATIVE_INFINITY : s;
}

/**
 * The stored value of cell (i, j) of a CSR matrix, or -Infinity when absent: a binary search of row i when
 * its columns are sorted (`sorted`, as validation found), else a scan.
 */
export function csrValue(csr: CsrScores, i: number, j: number, sorted = false): number {
  const k = findCell(csr.rowStart, csr.col, i, j, sorted);
  return k < 0 ? Number.NEGATIVE_INFINITY : csr.value[k]!;
}

/**
 * Validates an instance and returns its normalised form. O(cells of the scores + total list length).
 *
 * @param input - the instance as given.
 * @param options - whether an instance with lists but no scores is accepted.
 * @returns the normalised instance (dense scores are not copied).
 * @throws MatchingInputError on NaN/+Infinity scores, wrong shapes, bad capacities, pins or preferences,
 *   or missing scores (code `INVALID_SHAPE`).
 * @throws InfeasibleError when pinned pairs exceed a mentor's capacity.
 * @throws LimitError when a dense matrix is over {@link MAX_DENSE_CELLS}.
 * @example
 * const inst = normalizeInstance({ scores: [[1, 2], [3, 4]] }); // inst.rows === 2, inst.dense !== null
 */
export function normalizeInstance(input: MatchingInstance, options: NormalizeOptions = {}): Instance {
  if (typeof input !== "object" || input === null) {
    throw new MatchingInputError("INVALID_SHAPE", "A matching instance must be an object with `scores`.");
  }
  if (Array.isArray(input) || ArrayBuffer.isView(input)) {
    throw new MatchingInputError(
      "INVALID_SHAPE",
      "This is a bare matrix, not a matching instance: pass { scores: matrix }.",
      {
        hint: "Wrap the matrix, e.g. match({ scores: matrix }) (rows = mentees, columns = mentors).",
      },
    );
  }
  let dense: Float64Array | null = null;
  let scoreRows: readonly (readonly number[])[] | null = null;
  let csr: CsrScores | null = null;
  let csrRange: CsrRange | null = null;
  let rows: number;
  let cols: number;
  const scores = input.scores;
  if (scores === undefined) {
    const menteeLists = input.menteePreferences;
    const mentorLists = input.mentorPreferences;
    if (!Array.isArray(menteeLists) || !Array.isArray(mentorLists)) {
      throw new MatchingInputError(
        "INVALID_SHAPE",
        "A matching instance needs `scores`, or both `menteePreferences` and `mentorPreferences`.",
        {
          hint: "Give a score matrix (rows = mentees, columns = mentors) or a ranked list for every participant.",
        },
      );
    }
    if (options.scoresOptional !== true) {
      throw new MatchingInputError(
        "INVALID_SHAPE",
        "This strategy needs scores; this instance gives only preference lists. / Этому способу нужны баллы пар, а даны только списки предпочтений.",
        {
          hint: "Give a score matrix (rows = mentees, columns = mentors), or use the stable strategy, which works from preference lists. / Дайте матрицу баллов или выберите стабильное распределение: оно работает по спискам предпочтений.",
        },
      );
    }
    rows = input.rows ?? menteeLists.length;
    cols = input.cols ?? mentorLists.length;
    if (rows !== menteeLists.length || cols !== mentorLists.length) {
      throw new MatchingInputError(
        "INVALID_SHAPE",
        `rows × cols is ${String(rows)} × ${String(cols)} but the lists are for ${menteeLists.length} mentees and ${mentorLists.length} mentors.`,
        { hint: "Give one list per mentee and one per mentor, or leave rows and cols out." },
      );
    }
  } else if (scores instanceof Float64Array) {
    rows = checkDimension(input.rows, "rows");
    cols = checkDimension(input.cols, "cols");
    if (rows * cols > MAX_DENSE_CELLS) throw tooLarge(rows, cols);
    if (scores.length !== rows * cols) {
      throw new MatchingInputError(
        "INVALID_SHAPE",
        `The score array has ${scores.length} cells; rows × cols = ${rows} × ${cols} = ${rows * cols}.`,
      );
    }
    dense = scores;
  } else if (Array.isArray(scores)) {
    const inPlace = options.keepRows === true && options.deferDenseScoreCheck === true;
    let width: number;
    if (inPlace) {
      width = checkRowShapes(scores);
      scoreRows = scores;
    } else {
      const converted = denseFromRows(scores);
      dense = converted.data;
      width = converted.cols;
    }
    rows = scores.length;
    cols = input.cols ?? width;
    if (rows > 0 && cols !== width) {
      throw new MatchingInputError("INVALID_SHAPE", `cols is ${cols} but the rows have ${width} cells.`);
    }
  } else if (isCsr(scores)) {
    csrRange = checkCsr(scores);
    csr = scores;
    rows = scores.rows;
    cols = scores.cols;
  } else {
    throw new MatchingInputError(
      "INVALID_SHAPE",
      "scores must be a Float64Array (with rows and cols), an array of rows, or CSR { rows, cols, rowStart, col, value }.",
    );
  }
  // `number[][]` copied into `dense` was checked as it was copied; a flat Float64Array is checked here,
  // unless the caller checks it in its first round.
  const copied = Array.isArray(scores);
  if (scoreRows === null && (dense === null || copied || options.deferDenseScoreCheck !== true)) {
    if (dense !== null && !copied) checkDenseScores(dense, cols);
    return completeInstance(input, rows, cols, dense, scoreRows, csr, csrRange);
  }
  try {
    return completeInstance(input, rows, cols, dense, scoreRows, csr, csrRange);
  } catch (error) {
    // The skipped check comes first, as it would have without the deferral.
    if (scoreRows !== null) for (let i = 0; i < rows; i++) checkRowCells(scoreRows[i]!, i);
    else checkDenseScores(dense!, cols);
    throw error;
  }
}

/** The checks of {@link normalizeInstance} after the scores' own: rules, options, capacities, lists, pins. */
function completeInstance(
  input: MatchingInstance,
  rows: number,
  cols: number,
  dense: Float64Array | null,
  scoreRows: readonly (readonly number[])[] | null,
  csr: CsrScores | null,
  csrRange: CsrRange | null,
): Instance {
  const scores = input.scores;
  let forbidden: Uint8Array | null = null;
  if (input.forbidden !== undefined) {
    if (!(input.forbidden instanceof Uint8Array) || input.forbidden.length !== rows * cols) {
      throw new MatchingInputError(
        "INVALID_SHAPE",
        `forbidden must be a Uint8Array of rows × cols = ${rows * cols} cells.`,
      );
    }
    forbidden = input.forbidden;
  }

  const minScore = input.minScore ?? Number.NEGATIVE_INFINITY;
  if (typeof minScore !== "number" || Number.isNaN(minScore)) {
    throw new MatchingInputError("INVALID_OPTION", `minScore must be a number, got ${String(minScore)}.`);
  }
  const seed = input.seed ?? 0;
  if (!Number.isSafeInteger(seed)) {
    throw new MatchingInputError(
      "INVALID_OPTION",
      `seed must be a whole number from -(2^53 - 1) to 2^53 - 1, got ${String(seed)}.`,
    );
  }

  const { capacity, capacityGiven } = checkCapacities(input.capacities, rows, cols);
  // The mentors' inverse is needed by mentee-proposing deferred acceptance and by the metrics whenever
  // mentors gave lists, so it is built while validating them.
  const menteeLists = checkPreferences(input.menteePreferences, rows, cols, "mentee", false);
  const mentorLists = checkPreferences(input.mentorPreferences, cols, rows, "mentor", true);
  const pinnedMentor = new Int32Array(rows).fill(-1);
  const inst: Instance = {
    rows,
    cols,
    hasScores: scores !== undefined,
    dense,
    scoreRows,
    csr,
    csrRange,
    forbidden,
    capacity,
    capacityGiven,
    pinnedMentor,
    hasPins: (input.pinned?.length ?? 0) > 0,
    minScore,
    menteePreferences: menteeLists.lists,
    mentorPreferences: mentorLists.lists,
    menteeTags: input.menteeTags ?? null,
    seed,
    cache: { mentorRank: mentorLists.index, menteeRank: null },
  };
  if (inst.menteeTags !== null) checkTags(inst.menteeTags, rows);

  if (input.pinned !== undefined) {
    if (!Array.isArray(input.pinned)) {
      throw new MatchingInputError("INVALID_PIN", "pinned must be an array of { mentee, mentor } pairs.");
    }
    const load = new Int32Array(cols);
    for (const pin of input.pinned as readonly unknown[]) {
      if (typeof pin !== "object" || pin === null) {
        throw new MatchingInputError(
          "INVALID_PIN",
          `A pinned pair is ${String(pin)}, not { mentee, mentor }.`,
        );
      }
      const { mentee, mentor } = pin as PinnedPair;
      if (
        !Number.isInteger(mentee) ||
        mentee < 0 ||
        mentee >= rows ||
        !Number.isInteger(mentor) ||
        mentor < 0 ||
        mentor >= cols
      ) {
        throw new MatchingInputError(
          "INVALID_PIN",
          `Pinned pair (mentee ${String(mentee)}, mentor ${String(mentor)}) is outside the ${rows} × ${cols} instance.`,
        );
      }
      const previous = pinnedMentor[mentee]!;
      if (previous !== -1 && previous !== mentor) {
        throw new MatchingInputError(
          "INVALID_PIN",
          `Mentee ${mentee} is pinned to two mentors (${previous} and ${mentor}).`,
          { hint: "Keep one pinned pair per mentee.", details: { mentee } },
        );
      }
      if (previous === mentor) continue;
      // A pin is the curator's decision: it must be allowed by the scores and the rules, and stands
      // whatever the ranked lists say, with scores or without (lists alone: only the rules are checked).
      const refused = inst.hasScores
        ? scoreOf(inst, mentee, mentor) === Number.NEGATIVE_INFINITY
        : forbidden !== null && forbidden[mentee * cols + mentor] !== 0;
      if (refused) {
        throw new MatchingInputError(
          "PIN_FORBIDDEN",
          `Pinned pair (mentee ${mentee}, mentor ${mentor}) is not allowed: the pair is ineligible, forbidden by a rule or below the minimum score.`,
          { hint: "Remove the pin or the rule that forbids the pair.", details: { mentee, mentor } },
        );
      }
      pinnedMentor[mentee] = mentor;
      load[mentor]!++;
      if (load[mentor]! > capacity[mentor]!) {
        throw new InfeasibleError(
          "PIN_OVER_CAPACITY",
          `Mentor ${mentor} has ${load[mentor]} pinned mentees but a capacity of ${capacity[mentor]}.`,
          { hint: "Raise the mentor's capacity or remove a pin.", details: { mentor } },
        );
      }
    }
  }
  if (scores !== undefined && (menteeLists.lists !== null || mentorLists.lists !== null)) {
    // Pins were checked against the scores and the rules; a pinned pair stands whatever the lists say.
    return {
      ...inst,
      forbidden: maskUnlisted(forbidden, pinnedMentor, cols, menteeLists.lists, mentorLists.lists),
    };
  }
  return inst;
}
