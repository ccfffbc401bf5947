/**
 * The checks of the parts of an instance besides its scores, for `normalizeInstance` (instance.ts): the
 * capacities, the ranked lists (range, repeats, the receivers' rank tables built while checking), the
 * mask of pairs a list leaves out, and the tags.
 */
import { MatchingInputError } from "../../errors.js";
import type { MatchingInstance } from "../types.js";
import { MAX_CAPACITY } from "./instance.js";
import { newDenseTable, type RankIndex, wantsDenseIndex } from "./rankIndex.js";

/**
 * Checks the capacities and returns them as seats the algorithms can use: a capacity above the number of
 * mentees is stored as the number of mentees (nobody can take more), so seat arrays stay O(rows + cols)
 * whatever a caller writes (a capacity of 10^9 must not allocate 10^9 seats).
 */
export function checkCapacities(
  capacities: MatchingInstance["capacities"],
  rows: number,
  cols: number,
): { capacity: Int32Array; capacityGiven: Int32Array } {
  const capacity = new Int32Array(cols);
  if (capacities === undefined) {
    return { capacity: capacity.fill(Math.min(1, rows)), capacityGiven: new Int32Array(cols).fill(1) };
  }
  if (capacities.length !== cols) {
    throw new MatchingInputError(
      "INVALID_CAPACITY",
      `capacities has ${capacities.length} entries for ${cols} mentors.`,
      {
        hint: "Give one capacity per mentor (column).",
      },
    );
  }
  const capacityGiven = new Int32Array(cols);
  for (let j = 0; j < cols; j++) {
    const c = capacities[j]!;
    // Capacities are stored as 32-bit integers: a larger one must not wrap around to a negative number.
    if (!Number.isInteger(c) || c < 0 || c > MAX_CAPACITY) {
      throw new MatchingInputError(
        "INVALID_CAPACITY",
        `Capacity of mentor ${j} is ${String(c)}; it must be a whole number from 0 to ${MAX_CAPACITY}.`,
        { details: { mentor: j } },
      );
    }
    capacity[j] = Math.min(c, rows);
    capacityGiven[j] = c;
  }
  return { capacity, capacityGiven };
}

/**
 * Checks one list against the range and for repeats (`seen[b] === owner`). Returns the place of the first
 * bad entry, or -1. `(b >>> 0) === b` holds exactly for integers in 0 .. 2^32-1 (not for fractions, NaN,
 * negative numbers or strings).
 */
export function scanWithSeen(
  list: readonly number[],
  owner: number,
  targets: number,
  seen: Int32Array,
): number {
  const len = list.length;
  let k = 0;
  // Four entries per step (V8 re-checks the arrays on every loop iteration): about 25 % faster on
  // 10,000 × 10,000 lists. A bad entry in a step leaves it to the loop below, which finds the first one.
  for (; k + 4 <= len; k += 4) {
    const b0 = list[k]!;
    const b1 = list[k + 1]!;
    const b2 = list[k + 2]!;
    const b3 = list[k + 3]!;
    // Index with the converted value: V8 then knows it is an integer (about 15 % faster than with b).
    const c0 = b0 >>> 0;
    const c1 = b1 >>> 0;
    const c2 = b2 >>> 0;
    const c3 = b3 >>> 0;
    if (c0 !== b0 || c1 !== b1 || c2 !== b2 || c3 !== b3) break;
    if (c0 >= targets || c1 >= targets || c2 >= targets || c3 >= targets) break;
    if (seen[c0] === owner) return k;
    seen[c0] = owner;
    if (seen[c1] === owner) return k + 1;
    seen[c1] = owner;
    if (seen[c2] === owner) return k + 2;
    seen[c2] = owner;
    if (seen[c3] === owner) return k + 3;
    seen[c3] = owner;
  }
  for (; k < len; k++) {
    const b = list[k]!;
    const c = b >>> 0;
    if (c !== b || c >= targets || seen[c] === owner) return k;
    seen[c] = owner;
  }
  return -1;
}

/** As {@link scanWithSeen}, writing 1-based places into a 16-bit dense table (a repeat finds its cell set). */
export function scanIntoTable16(
  list: readonly number[],
  base: number,
  targets: number,
  table: Uint16Array,
): number {
  const len = list.length;
  let k = 0;
  for (; k + 4 <= len; k += 4) {
    const b0 = list[k]!;
    const b1 = list[k + 1]!;
    const b2 = list[k + 2]!;
    const b3 = list[k + 3]!;
    const c0 = b0 >>> 0;
    const c1 = b1 >>> 0;
    const c2 = b2 >>> 0;
    const c3 = b3 >>> 0;
    if (c0 !== b0 || c1 !== b1 || c2 !== b2 || c3 !== b3) break;
    if (c0 >= targets || c1 >= targets || c2 >= targets || c3 >= targets) break;
    const a0 = base + c0;
    const a1 = base + c1;
    const a2 = base + c2;
    const a3 = base + c3;
    if (table[a0] !== 0) return k;
    table[a0] = k + 1;
    if (table[a1] !== 0) return k + 1;
    table[a1] = k + 2;
    if (table[a2] !== 0) return k + 2;
    table[a2] = k + 3;
    if (table[a3] !== 0) return k + 3;
    table[a3] = k + 4;
  }
  for (; k < len; k++) {
    const b = list[k]!;
    const c = b >>> 0;
    if (c !== b || c >= targets) return k;
    const at = base + c;
    if (table[at] !== 0) return k;
    table[at] = k + 1;
  }
  return -1;
}

/** As {@link scanIntoTable16}, for tables with 65535 targets or more. */
export function scanIntoTable32(
  list: readonly number[],
  base: number,
  targets: number,
  table: Int32Array,
): number {
  const len = list.length;
  for (let k = 0; k < len; k++) {
    const b = list[k]!;
    const c = b >>> 0;
    if (c !== b || c >= targets) return k;
    const at = base + c;
    if (table[at] !== 0) return k;
    table[at] = k + 1;
  }
  return -1;
}

/**
 * The rule mask with every pair that a side's ranked list leaves out added (a copy; the caller's mask is
 * never written). With scores and lists, a pair is acceptable only when each side that gave a list names
 * the other; folding that into the one mask the score-reading algorithms check (optimal, fair, greedy, the
 * streams) keeps them all to the same definition. Reasons stay exact: `buildResult` tests the lists before
 * the mask, so a cell the lists allow is masked only by a rule. Pinned pairs stay open: a pin is the
 * curator's decision and stands whatever the lists say. O(rows·cols + total list length).
 */
export function maskUnlisted(
  rule: Uint8Array | null,
  pinnedMentor: Int32Array,
  cols: number,
  menteeLists: readonly (readonly number[])[] | null,
  mentorLists: readonly (readonly number[])[] | null,
): Uint8Array {
  const rows = pinnedMentor.length;
  const mask = rule === null ? new Uint8Array(rows * cols) : rule.slice();
  if (menteeLists !== null) {
    const listed = new Uint8Array(cols);
    for (let i = 0; i < rows; i++) {
      const list = menteeLists[i]!;
      for (let k = 0; k < list.length; k++) listed[list[k]!] = 1;
      const base = i * cols;
      for (let j = 0; j < cols; j++) {
        if (listed[j] === 0 && pinnedMentor[i] !== j) mask[base + j] = 1;
        else listed[j] = 0;
      }
    }
  }
  if (mentorLists !== null) {
    const listed = new Uint8Array(rows);
    for (let j = 0; j < cols; j++) {
      const list = mentorLists[j]!;
      for (let k = 0; k < list.length; k++) listed[list[k]!] = 1;
      for (let i = 0; i < rows; i++) {
        if (listed[i] === 0 && pinnedMentor[i] !== j) mask[i * cols + j] = 1;
        else listed[i] = 0;
      }
    }
  }
  return mask;
}

/** `menteeTags`: one array of strings per mentee (a string is not split into letters). O(total tags). */
export function checkTags(tags: unknown, rows: number): void {
  if (!Array.isArray(tags) || tags.length !== rows) {
    throw new MatchingInputError(
      "INVALID_SHAPE",
      `menteeTags has ${Array.isArray(tags) ? tags.length : "no"} entries for ${rows} mentees.`,
      { hint: "Give one (possibly empty) array of tags per mentee." },
    );
  }
  for (let i = 0; i < rows; i++) {
    const list: unknown = tags[i];
    if (!Array.isArray(list) || !list.every((t) => typeof t === "string")) {
      throw new MatchingInputError("INVALID_SHAPE", `The tags of mentee ${i} are not an array of strings.`, {
        details: { mentee: i },
      });
    }
  }
}

/** Validated lists, and their inverse when it was cheapest to build it during validation. */
export interface CheckedLists {
  readonly lists: readonly (readonly number[])[] | null;
  readonly index: RankIndex | null;
}

/**
 * Validates one side's lists in one pass: arrays, indices in range, no repeats. With `withIndex`, and when
 * the lists are long enough for the dense form, the pass also fills the dense inverse (rankIndex.ts), whose
 * cells double as the repeat check. O(total length + owners + targets), plus the table when built.
 */
export function checkPreferences(
  lists: readonly (readonly number[])[] | undefined,
  owners: number,
  targets: number,
  side: "mentee" | "mentor",
  withIndex: boolean,
): CheckedLists {
  if (lists === undefined) return { lists: null, index: null };
  if (!Array.isArray(lists) || lists.length !== owners) {
    throw new MatchingInputError(
      "INVALID_PREFERENCES",
      `${side}Preferences has ${Array.isArray(lists) ? lists.length : "no"} lists for ${owners} ${side}s.`,
      { hint: `Give one (possibly empty) list per ${side}.` },
    );
  }
  let total = 0;
  for (let a = 0; a < owners; a++) {
    const list = lists[a];
    if (!Array.isArray(list)) {
      throw new MatchingInputError(
        "INVALID_PREFERENCES",
        `The preference list of ${side} ${a} is not an array.`,
        {
          hint: `Give each ${side} an array of indices, best first (empty when it ranks nobody).`,
          details: { [side]: a },
        },
      );
    }
    total += list.length;
  }
  const table =
    withIndex && wantsDenseIndex(owners, targets, total) ? newDenseTable(owners, targets, false) : null;
  const seen = table === null ? new Int32Array(targets).fill(-1) : null;
  for (let a = 0; a < owners; a++) {
    const list = lists[a]!;
    // The table comes unzeroed (see newDenseTable): clear this row now, while it is about to be written.
    if (table !== null) table.fill(0, a * targets, (a + 1) * targets);
    // The hot loops are small monomorphic functions; on a bad entry they return its place, and the error
    // is built here.
    const bad =
      table === null
        ? scanWithSeen(list, a, targets, seen!)
        : table instanceof Uint16Array
          ? scanIntoTable16(list, a * targets, targets, table)
          : scanIntoTable32(list, a * targets, targets, table);
    if (bad === -1) continue;
    const b = list[bad]!;
    if (b >>> 0 !== b || b >= targets) {
      throw new MatchingInputError(
        "INVALID_PREFERENCES",
        `The preference list of ${side} ${a} names ${String(b)}, outside 0..${targets - 1}.`,
        { details: { [side]: a } },
      );
    }
    throw new MatchingInputError(
      "INVALID_PREFERENCES",
      `The preference list of ${side} ${a} names ${b} twice.`,
      {
        details: { [side]: a },
      },
    );
  }
  const index: RankIndex | null =
    table === null ? null : { owners, targets, dense: table, start: null, owner: null, rank: null };
  return { lists, index };
}
