/**
 * Inverse of ranked preference lists: "at which place does owner `o` list target `t`?" in O(1) or
 * O(log deg).
 *
 * Built once per instance side, in O(total list length + owners + targets) time. When the lists are long
 * (together at least a quarter of all owner × target cells) the index is a dense `Int32Array` of
 * owners × targets; otherwise it is sparse (per target, the owners that list it, in increasing order, with
 * their ranks), so short lists over 10,000 × 10,000 participants never cost a quadratic table.
 */
import type { Instance } from "./instance.js";
import { pooledArray, releasePooled } from "./scratch.js";

/** The inverse of one side's lists. Read it with {@link rankIn}. */
export interface RankIndex {
  readonly owners: number;
  readonly targets: number;
  /**
   * `dense[o * targets + t]` = 1-based place of t in o's list, 0 = not listed; or null (sparse). A
   * `Uint16Array` when places fit (targets < 65535), halving the memory.
   */
  readonly dense: Int32Array | Uint16Array | null;
  /** Sparse form: entries of target t are `start[t] .. start[t + 1]`. */
  readonly start: Int32Array | null;
  /** Sparse form: owner of each entry, increasing within a target. */
  readonly owner: Int32Array | null;
  /** Sparse form: 1-based place of the target in that owner's list. */
  readonly rank: Int32Array | null;
}

/**
 * Builds the inverse of `lists` (owner → ranked targets). O(total length + owners + targets).
 *
 * @param lists - validated lists: every entry in `0 .. targets-1`, no repeats within a list.
 * @param targets - number of possible targets.
 * @returns the index.
 * @example
 * rankIn(buildRankIndex([[2, 0], [1]], 3), 0, 0); // 2: owner 0 lists target 0 second
 */
export function buildRankIndex(lists: readonly (readonly number[])[], targets: number): RankIndex {
  const owners = lists.length;
  let total = 0;
  for (let o = 0; o < owners; o++) total += lists[o]!.length;
  if (wantsDenseIndex(owners, targets, total)) {
    const dense = newDenseTable(owners, targets);
    for (let o = 0; o < owners; o++) {
      const list = lists[o]!;
      const base = o * targets;
      const len = list.length;
      for (let r = 0; r < len; r++) dense[base + list[r]!] = r + 1;
    }
    return { owners, targets, dense, start: null, owner: null, rank: null };
  }
  const start = new Int32Array(targets + 1);
  for (let o = 0; o < owners; o++) {
    const list = lists[o]!;
    for (let r = 0; r < list.length; r++) start[list[r]! + 1]!++;
  }
  for (let t = 0; t < targets; t++) start[t + 1]! += start[t]!;
  const fill = start.slice(0, targets);
  const owner = new Int32Array(total);
  const rank = new Int32Array(total);
  for (let o = 0; o < owners; o++) {
    const list = lists[o]!;
    for (let r = 0; r < list.length; r++) {
      const at = fill[list[r]!]!++;
      owner[at] = o;
      rank[at] = r + 1;
    }
  }
  return { owners, targets, dense: null, start, owner, rank };
}

/**
 * Whether the dense form suits lists of `total` entries over owners × targets: when it costs at most
 * about four times the lists themselves. O(1).
 *
 * @param owners - number of lists.
 * @param targets - number of possible targets.
 * @param total - total length of the lists.
 * @returns true for the dense form.
 * @example
 * wantsDenseIndex(100, 100, 10_000); // true: complete lists
 */
export function wantsDenseIndex(owners: number, targets: number, total: number): boolean {
  return owners * targets <= 4 * total;
}

/**
 * An owners × targets table for places (1-based, 0 = not listed): 16-bit when places fit. O(size).
 *
 * @param owners - number of lists.
 * @param targets - number of possible targets.
 * @param zeroed - false: a reused table may come back as the last call left it, and the caller zeroes
 *   each row just before it fills it (the row is then in cache for the writes; zeroing the whole table
 *   first costs one more trip of it through memory).
 * @returns the table.
 * @example
 * newDenseTable(3, 4).length; // 12
 */
export function newDenseTable(owners: number, targets: number, zeroed = true): Int32Array | Uint16Array {
  // From the pool (scratch.ts): a fresh table of 200 MB makes V8 run a full collection of the caller's
  // heap ("external memory pressure"), which costs more than zeroing the old one.
  const size = owners * targets;
  return pooledArray<Int32Array | Uint16Array>(targets >= 65535 ? Int32Array : Uint16Array, size, zeroed);
}

/**
 * Gives the instance's dense rank tables back for reuse by a later call and drops them from the instance.
 * Called by `withInstance` alone, in a `finally`, when nothing will read the instance's indexes again.
 * O(1).
 *
 * @param inst - a normalised instance whose call is over.
 * @example
 * withInstance(input, {}, (inst) => buildResult(inst, mentorOf, "stable")); // releases the tables
 */
export function releaseRankIndexes(inst: Instance): void {
  releasePooled(inst.cache.mentorRank?.dense);
  releasePooled(inst.cache.menteeRank?.dense);
  inst.cache.mentorRank = null;
  inst.cache.menteeRank = null;
}

/**
 * The 1-based place of `target` in `owner`'s list, or 0 when it is not listed. O(1) dense, O(log deg)
 * sparse.
 *
 * @param index - built by {@link buildRankIndex}.
 * @param owner - whose list.
 * @param target - whom to look up.
 * @returns the place, 0 = not listed.
 * @example
 * rankIn(buildRankIndex([[1]], 2), 0, 1); // 1
 */
export function rankIn(index: RankIndex, owner: number, target: number): number {
  const dense = index.dense;
  if (dense !== null) return dense[owner * index.targets + target]!;
  const ownerOf = index.owner!;
  let lo = index.start![target]!;
  let hi = index.start![target + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const o = ownerOf[mid]!;
    if (o === owner) return index.rank![mid]!;
    if (o < owner) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/**
 * The inverse of the mentors' lists (owner = mentor, target = mentee), built on first use and kept on
 * the instance. Null when the instance has no mentor lists.
 *
 * @param inst - a normalised instance.
 * @returns the index, or null.
 * @example
 * const ix = mentorRankIndex(inst); if (ix !== null) rankIn(ix, mentor, mentee);
 */
export function mentorRankIndex(inst: Instance): RankIndex | null {
  if (inst.mentorPreferences === null) return null;
  if (inst.cache.mentorRank === null)
    inst.cache.mentorRank = buildRankIndex(inst.mentorPreferences, inst.rows);
  return inst.cache.mentorRank;
}

/**
 * The inverse of the mentees' lists (owner = mentee, target = mentor), built on first use and kept on
 * the instance. Null when the instance has no mentee lists.
 *
 * @param inst - a normalised instance.
 * @returns the index, or null.
 * @example
 * const ix = menteeRankIndex(inst); if (ix !== null) rankIn(ix, mentee, mentor);
 */
export function menteeRankIndex(inst: Instance): RankIndex | null {
  if (inst.menteePreferences === null) return null;
  if (inst.cache.menteeRank === null)
    inst.cache.menteeRank = buildRankIndex(inst.menteePreferences, inst.cols);
  return inst.cache.menteeRank;
}
