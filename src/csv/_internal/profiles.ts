/**
 * Value profiles: what the cells of a column look like (school grades, yes/no, e-mails, person names,
 * numbers, dates, day lists, repeated options), so that a header match can be checked against the values
 * and a column without a known header can be recognised by them.
 */
import { parseNumberCell } from "../parseNumberCell.js";
import { parseTimestamp } from "../parseTimestamp.js";
import { parseYesNo } from "../parseYesNo.js";
import { normalizeKey } from "./text.js";

/** Kinds of values a cell can look like (one cell may look like several). */
export type ValueKind = "schoolGrade" | "yesNo" | "email" | "personName" | "number" | "date" | "dayList";

/** What the values of a column look like. */
export interface ColumnProfile {
  /** Cells that are not blank. */
  readonly filled: number;
  /** Distinct values (compared case-, space- and ё-insensitively). */
  readonly distinct: number;
  /** The share of the filled cells that look like each kind, 0 to 1. */
  readonly share: Readonly<Record<ValueKind, number>>;
  /** Up to three distinct values, in the order of the rows (may be personal data: mask before showing). */
  readonly samples: readonly string[];
  /** Distinct values by how often they occur, most frequent first (at most 300). */
  readonly values: readonly { readonly value: string; readonly count: number }[];
  /** Distinct parts of cells split at `,` `;` (multi-select), most frequent first (at most 300). */
  readonly parts: readonly { readonly value: string; readonly count: number }[];
  /** Share of the filled cells that hold more than one part. */
  readonly multiShare: number;
}

/** Profiles read at most this many rows (the first ones): enough to tell, cheap on a big export. */
export const PROFILE_ROWS = 500;

const DAY =
  /^(пн|вт|ср|чт|пт|сб|вс|пон|вто|сре|чет|пят|суб|вос|понедельник|вторник|среда|среду|четверг|пятница|пятницу|суббота|субботу|воскресенье|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|будни|выходные|weekdays|weekends?)$/;
const DAY_TIME =
  /^(день|днем|утро|утром|вечер|вечером|после обеда|до обеда|morning|afternoon|evening|lunchtime|am|pm)$/;

/** Whether a text names a day of the week (optionally with a part of the day or a time), as forms write it. */
export function isDayWord(text: string): boolean {
  const words = normalizeKey(text)
    .replace(/[.]/g, " ")
    .replace(/\d{1,2}[:.]\d{2}\s*(-\s*\d{1,2}[:.]\d{2})?/g, " ")
    .split(/\s+/)
    .filter((w) => w !== "");
  if (words.length === 0 || !DAY.test(words[0]!)) return false;
  return words.slice(1).every((w) => DAY_TIME.test(w) || /^[-–]$/.test(w));
}

const GRADE =
  /^(?:(?:grade|year|класс)\s*)?(\d{1,2})\s*(?:-?\s*[«"]?[а-яёa-z]["»]?)?\s*(?:класс|кл|grade|th grade)?$/;

function isSchoolGrade(key: string): boolean {
  const m = GRADE.exec(key.replace(/\./g, ""));
  if (m === null) return false;
  const n = Number(m[1]);
  return n >= 1 && n <= 11;
}

const EMAIL = /^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$/;
const NAME_WORD = /^(\p{Lu}[\p{Ll}'’-]+|\p{Lu}\.(\s?\p{Lu}\.)?)$/u;

function isPersonName(cell: string): boolean {
  const words = cell.trim().split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  return words.every((w) => NAME_WORD.test(w));
}

function splitParts(cell: string): string[] {
  return cell
    .split(/[,;\n\r]/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

function counted(map: Map<string, { value: string; count: number }>): { value: string; count: number }[] {
  return [...map.values()]
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, 300);
}

/**
 * The profile of a column's cells. O(n · length) for n cells (at most {@link PROFILE_ROWS} are read).
 *
 * @param cells - the column's cells, in row order.
 * @returns what the values look like.
 * @throws never.
 *
 * @example
 * profileColumn(["7А", "8", "10 класс"]).share.schoolGrade; // 1
 */
export function profileColumn(cells: readonly string[]): ColumnProfile {
  const counts: Record<ValueKind, number> = {
    schoolGrade: 0,
    yesNo: 0,
    email: 0,
    personName: 0,
    number: 0,
    date: 0,
    dayList: 0,
  };
  const values = new Map<string, { value: string; count: number }>();
  const parts = new Map<string, { value: string; count: number }>();
  const samples: string[] = [];
  let filled = 0;
  let multi = 0;
  const n = Math.min(cells.length, PROFILE_ROWS);
  for (let k = 0; k < n; k++) {
    const cell = (cells[k] ?? "").trim();
    if (cell === "") continue;
    filled++;
    const key = normalizeKey(cell);
    const v = values.get(key);
    if (v === undefined) {
      values.set(key, { value: cell, count: 1 });
      if (samples.length < 3) samples.push(cell);
    } else v.count++;
  }
  // Each distinct value is looked at once, weighted by how often it occurs.
  for (const [key, { value: cell, count }] of values) {
    const ps = splitParts(cell);
    if (ps.length > 1) multi += count;
    for (const p of ps) {
      const pk = normalizeKey(p);
      const e = parts.get(pk);
      if (e === undefined) parts.set(pk, { value: p, count });
      else e.count += count;
    }
    if (isSchoolGrade(key)) counts.schoolGrade += count;
    if (typeof parseYesNo(cell) === "boolean") counts.yesNo += count;
    if (EMAIL.test(cell)) counts.email += count;
    if (isPersonName(cell)) counts.personName += count;
    const num = parseNumberCell(cell);
    if (num !== undefined && num !== null) counts.number += count;
    if (/\d/.test(cell) && /[./-]/.test(cell) && typeof parseTimestamp(cell) === "number")
      counts.date += count;
    const dayParts = cell.split(/[,;/\n\r]|\s+и\s+|\s+and\s+/).filter((p) => p.trim() !== "");
    if (dayParts.length > 0 && dayParts.every(isDayWord)) counts.dayList += count;
  }
  const share = {} as Record<ValueKind, number>;
  for (const k of Object.keys(counts) as ValueKind[]) share[k] = filled === 0 ? 0 : counts[k] / filled;
  return {
    filled,
    distinct: values.size,
    share,
    samples,
    values: counted(values),
    parts: counted(parts),
    multiShare: filled === 0 ? 0 : multi / filled,
  };
}

/** What a field expects of its values; `any` checks nothing. */
export type FieldProfile =
  | { readonly kind: "any" }
  | { readonly kind: ValueKind }
  /** A role (mentor / mentee) in each cell. */
  | { readonly kind: "role" }
  /** Not numbers, yes/no or dates (a name, a preference list). */
  | { readonly kind: "words" }
  /** Anything but yes/no (a preference list may name people by numeric codes). */
  | { readonly kind: "notYesNo" }
  /** A participant's code: not the form's response numbers 1, 2, 3 … (Microsoft Forms' «ID»). */
  | { readonly kind: "code" }
  /** Options of a choice question (matched by the reader); a column of e-mails or names is not. */
  | { readonly kind: "choice"; readonly options?: readonly string[]; readonly days?: boolean };

/** The share of filled cells a profile must fit for a header match to be taken. */
export const FIT_SHARE = 0.5;

/**
 * How well a column's values fit what a field expects: 1 = all fit, 0 = none (a header match below
 * {@link FIT_SHARE} is not taken). An empty column fits anything. O(distinct values).
 */
export function profileFit(
  profile: ColumnProfile,
  expected: FieldProfile,
  roleOf: (key: string) => unknown,
): number {
  if (profile.filled === 0) return 1;
  switch (expected.kind) {
    case "any":
      return 1;
    case "role": {
      let fit = 0;
      for (const v of profile.values) if (roleOf(normalizeKey(v.value)) !== undefined) fit += v.count;
      return fit / profile.filled;
    }
    case "code": {
      // Response numbers: the values are exactly 1 … n. They number answers, not people.
      if (profile.distinct !== profile.filled || profile.share.number < 1) return 1;
      const seen = new Set(profile.values.map((v) => v.value.trim()));
      for (let k = 1; k <= profile.filled; k++) if (!seen.has(String(k))) return 1;
      return 0;
    }
    case "notYesNo":
      return 1 - profile.share.yesNo;
    case "words":
      return 1 - Math.max(profile.share.number, profile.share.yesNo, profile.share.date);
    case "choice":
      if (expected.days === true)
        return Math.max(profile.share.dayList, optionShare(profile, expected.options));
      return 1 - Math.max(profile.share.email, profile.share.personName);
    default:
      return profile.share[expected.kind];
  }
}

/** The share of filled cells whose every part is one of `options` (case-, space-, ё-insensitive). */
export function optionShare(profile: ColumnProfile, options: readonly string[] | undefined): number {
  if (options === undefined || profile.filled === 0) return 0;
  const known = new Set(options.map(normalizeKey));
  let fit = 0;
  for (const v of profile.values) {
    const whole = known.has(normalizeKey(v.value));
    const ps = splitParts(v.value);
    if (whole || (ps.length > 0 && ps.every((p) => known.has(normalizeKey(p))))) fit += v.count;
  }
  return fit / profile.filled;
}
