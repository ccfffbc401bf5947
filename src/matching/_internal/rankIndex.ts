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
  const size = owners * targets;
  const wide = targets >= 65535;
  // Reuse the table a finished call gave back, if the collector has not taken it yet: a fresh table of
  // 200 MB makes V8 run a full collection of the caller's heap ("external memory pressure"), which costs
  // more than zeroing the old one when the caller holds large lists.
  const old = spare?.deref();
  spare = null;
  if (old !== undefined && old.length >= size && old instanceof Int32Array === wide) {
    const table = old.subarray(0, size);
    if (zeroed) table.fill(0);
    return table;
  }
  return wide ? new Int32Array(size) : new Uint16Array(size);
}

/**
 * A dense table given back by a finished call, held weakly (the collector may take it at any time). The
 * one piece of module state in matching, kept because it pays: deferred acceptance on complete rank lists,
 * repeated calls in one process, CPU time with the pool vs with it bypassed (A/B alternating, 2026-12-05,
 * machine loaded): 10,000 × 10,000 484 vs 1,621 ms; 5,000 × 5,000 139 vs 401 ms. Given back only by
 * `withInstance` (in a `finally`), so an error cannot leave a table held by a dead instance.
 */
let spare: WeakRef<Int32Array | Uint16Array> | null = null;

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
  for (const index of [inst.cache.mentorRank, inst.cache.menteeRank]) {
    const table = index?.dense;
    if (table === null || table === undefined) continue;
    const whole = table.length === table.buffer.byteLength / table.BYTES_PER_ELEMENT ? table : null;
    const full =
      whole ?? (table instanceof Uint16Array ? new Uint16Array(table.buffer) : new Int32Array(table.buffer));
    const current = spare?.deref();
    if (current === undefined || current.length < full.length) spare = new WeakRef(full);
  }
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
