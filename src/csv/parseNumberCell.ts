/** Numbers as people type them into a questionnaire: digits, words, ranges, units. */

/** A number read from a cell: a single value has `min === max`; "до 3" has `min: 0, max: 3`. */
export interface NumberCell {
  readonly min: number;
  readonly max: number;
  /** How the cell was written. */
  readonly kind: "exact" | "range" | "up-to" | "at-least";
}

const WORDS: Readonly<Record<string, number>> = {
  ноль: 0,
  нуль: 0,
  один: 1,
  одна: 1,
  одно: 1,
  одного: 1,
  одной: 1,
  два: 2,
  две: 2,
  двух: 2,
  три: 3,
  трех: 3,
  четыре: 4,
  четырех: 4,
  пять: 5,
  пяти: 5,
  шесть: 6,
  шести: 6,
  семь: 7,
  семи: 7,
  восемь: 8,
  восьми: 8,
  девять: 9,
  девяти: 9,
  десять: 10,
  десяти: 10,
  одиннадцать: 11,
  двенадцать: 12,
  тринадцать: 13,
  четырнадцать: 14,
  пятнадцать: 15,
  шестнадцать: 16,
  семнадцать: 17,
  восемнадцать: 18,
  девятнадцать: 19,
  двадцать: 20,
  тридцать: 30,
  сорок: 40,
  полтора: 1.5,
  полторы: 1.5,
  пара: 2,
  пару: 2,
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
};

// Units and filler words that do not change the number.
const UNITS =
  /(?<!\p{L})(лет|год|года|годов|г|мес|месяц|месяца|месяцев|чел|человек|человека|ученик|ученика|учеников|наставляемых|наставляемого|класс|кл|years?|yrs?|months?|people|persons?|mentees?|students?|grade|примерно|около|about|approx|approximately|~)(?!\p{L})\.?/gu;

function numberOf(token: string): number | undefined {
  const t = token.trim();
  if (t === "") return undefined;
  if (/^-?\d+([.,]\d+)?$/.test(t)) return Number(t.replace(",", "."));
  // Own properties only: a cell reading "constructor" or "__proto__" is not a number.
  return Object.hasOwn(WORDS, t) ? WORDS[t] : undefined;
}

/**
 * Reads a number as a curator or a participant writes it: «3», «3,5», «два», «5 лет», «3-5», «3–5»,
 * «от 3 до 5», «до 3», «не более 3», «максимум 3», «от 5», «5+», «более 10», «больше 10».
 *
 * Complexity: O(length of the cell).
 *
 * @param cell - the cell as exported.
 * @returns the number (a range keeps both ends), `null` for a blank cell, `undefined` when the cell is
 *   not a number (the caller reports `NOT_A_NUMBER` with the cell's row and column).
 * @throws never.
 *
 * @example
 * parseNumberCell("до 3"); // { min: 0, max: 3, kind: "up-to" }
 * parseNumberCell("два"); // { min: 2, max: 2, kind: "exact" }
 */
export function parseNumberCell(cell: string): NumberCell | null | undefined {
  let s = cell
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\u00a0\u202f]/g, " ")
    .trim();
  if (s === "") return null;
  s = s.replace(UNITS, " ").replace(/[–—]/g, "-").replace(/\s+/g, " ").trim();
  s = s.replace(/[.;:]$/, "").trim();
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(?:от|from)?\s*(\S+)\s*(?:-|до|to|\.\.)\s*(\S+)$/)) !== null) {
    const a = numberOf(m[1]!);
    const b = numberOf(m[2]!);
    if (a !== undefined && b !== undefined && a >= 0 && b >= a) return { min: a, max: b, kind: "range" };
  }
  if ((m = s.match(/^(?:до|не более|не больше|максимум|max|up to|at most|<=|≤)\s*(\S+)$/)) !== null) {
    const b = numberOf(m[1]!);
    if (b !== undefined && b >= 0) return { min: 0, max: b, kind: "up-to" };
  }
  if (
    (m = s.match(
      /^(?:от|не менее|не меньше|минимум|более|больше|свыше|min|at least|over|more than|>=|≥|>)\s*(\S+)$/,
    )) !== null
  ) {
    const a = numberOf(m[1]!);
    if (a !== undefined && a >= 0) return { min: a, max: Number.POSITIVE_INFINITY, kind: "at-least" };
  }
  if ((m = s.match(/^(\S+?)\s*\+$/)) !== null) {
    const a = numberOf(m[1]!);
    if (a !== undefined && a >= 0) return { min: a, max: Number.POSITIVE_INFINITY, kind: "at-least" };
  }
  const v = numberOf(s);
  if (v !== undefined) return { min: v, max: v, kind: "exact" };
  return undefined;
}
