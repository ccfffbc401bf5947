/**
 * Stated preferences: the rank each side gave the other after the networking meeting, both directions,
 * blended with the profile score through the criterion's weight.
 */
import type { Participant } from "../../questionnaire/participant.js";
import type { Program } from "../../questionnaire/program.js";
import { base, type CompiledCriterion, type Kernel } from "../_internal/kernel.js";

type PreferenceCriterion = Extract<Program["criteria"][number], { kind: "preference" }>;

/** Ranked lists resolved to indices, as CSR: owner o lists `col[start[o] .. start[o+1])` with `val` (L − r) / L. */
interface Lists {
  readonly start: Int32Array;
  readonly col: Int32Array;
  readonly val: Float64Array;
  /** Value for a partner not listed: 0, or `ifNoList` when the owner listed nobody. */
  readonly base: Float64Array;
}

function resolve(
  owners: readonly Participant[],
  index: ReadonlyMap<string, number>,
  ifNoList: number,
): Lists {
  const start = new Int32Array(owners.length + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  const base = new Float64Array(owners.length);
  for (let o = 0; o < owners.length; o++) {
    const seen = new Set<number>();
    for (const id of owners[o]!.preferences) {
      const k = index.get(id);
      if (k !== undefined && !seen.has(k)) seen.add(k);
    }
    const list = [...seen];
    const L = list.length;
    base[o] = L === 0 ? ifNoList : 0;
    list.forEach((k, r) => {
      cols.push(k);
      vals.push((L - r) / L);
    });
    start[o + 1] = cols.length;
  }
  return { start, col: Int32Array.from(cols), val: Float64Array.from(vals), base };
}

/** The transpose of mentor lists, by mentee: which mentors listed mentee i, with what value. */
function transpose(lists: Lists, rows: number): { start: Int32Array; col: Int32Array; val: Float64Array } {
  const count = new Int32Array(rows + 1);
  for (let k = 0; k < lists.col.length; k++) count[lists.col[k]! + 1]!++;
  for (let i = 0; i < rows; i++) count[i + 1]! += count[i]!;
  const start = count.slice();
  const fill = count.slice();
  const col = new Int32Array(lists.col.length);
  const val = new Float64Array(lists.col.length);
  for (let j = 0; j + 1 < lists.start.length; j++) {
    for (let k = lists.start[j]!; k < lists.start[j + 1]!; k++) {
      const i = lists.col[k]!;
      const at = fill[i]!++;
      col[at] = j;
      val[at] = lists.val[k]!;
    }
  }
  return { start, col, val };
}

function listed(lists: Lists, owner: number, partner: number): boolean {
  for (let k = lists.start[owner]!; k < lists.start[owner + 1]!; k++)
    if (lists.col[k] === partner) return true;
  return false;
}

function lookup(lists: Lists, owner: number, partner: number): number {
  for (let k = lists.start[owner]!; k < lists.start[owner + 1]!; k++)
    if (lists.col[k] === partner) return lists.val[k]!;
  return lists.base[owner]!;
}

/**
 * Compiles a stated-preference criterion. A direction scores (L − r) / L for a partner at rank r (0 = first)
 * of a list of L included partners, 0 for one not listed, `ifNoList` when the list is empty; the value is
 * `menteeShare` × mentee's direction + (1 − `menteeShare`) × mentor's direction. O(1).
 *
 * @param c - the criterion (parsed).
 * @param _program - the program it belongs to.
 * @returns the compiled criterion; a row costs O(mentors + list entries), nothing allocated per pair.
 * @throws nothing.
 * @example
 * const k = preferenceCriterion({ kind: "preference", menteeShare: 0.5, ifNoList: 0, must: false, ifMissing: 0 }, program);
 */
export function preferenceCriterion(c: PreferenceCriterion, _program: Program): CompiledCriterion {
  const s = c.menteeShare;
  const t = 1 - s;
  return {
    ...base(c, { ru: "Взаимный выбор после встречи", en: "Chosen after the networking meeting" }),
    kind: "preference",
    prepare(mentees, mentors, ctx): Kernel {
      const mine = resolve(mentees, ctx.mentorIndex, c.ifNoList);
      const theirs = resolve(mentors, ctx.menteeIndex, c.ifNoList);
      const byMentee = transpose(theirs, mentees.length);
      const cols = mentors.length;
      return {
        row(i, out) {
          const bi = s * mine.base[i]!;
          const mb = theirs.base;
          for (let j = 0; j < cols; j++) out[j] = bi + t * mb[j]!;
          for (let k = mine.start[i]!; k < mine.start[i + 1]!; k++) out[mine.col[k]!]! += s * mine.val[k]!;
          for (let k = byMentee.start[i]!; k < byMentee.start[i + 1]!; k++)
            out[byMentee.col[k]!]! += t * byMentee.val[k]!;
        },
        add(i, acc, f) {
          const bi = s * mine.base[i]!;
          const mb = theirs.base;
          const ft = f * t;
          for (let j = 0; j < cols; j++) acc[j]! += f * bi + ft * mb[j]!;
          const fs = f * s;
          for (let k = mine.start[i]!; k < mine.start[i + 1]!; k++) acc[mine.col[k]!]! += fs * mine.val[k]!;
          for (let k = byMentee.start[i]!; k < byMentee.start[i + 1]!; k++)
            acc[byMentee.col[k]!]! += ft * byMentee.val[k]!;
          return true;
        },
        value(i, j) {
          return s * lookup(mine, i, j) + t * lookup(theirs, j, i);
        },
        // Known when both made a list, or one named the other; a reason only when one named the other.
        known: (i, j) =>
          (mine.start[i + 1]! > mine.start[i]! && theirs.start[j + 1]! > theirs.start[j]!) ||
          listed(mine, i, j) ||
          listed(theirs, j, i),
        supports: (i, j) => listed(mine, i, j) || listed(theirs, j, i),
      };
    },
  };
}
