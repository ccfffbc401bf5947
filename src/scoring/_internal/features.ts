/** Per-participant features, extracted once into typed arrays: bitsets, option codes, numbers. */
import type { Participant } from "../../questionnaire/participant.js";
import type { NumericField, Program } from "../../questionnaire/program.js";

/** Number of set bits of a 32-bit word. O(1). */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** A bit layout: option → bit index. */
export type Layout = ReadonlyMap<string, number>;

/** Builds a layout over the union of option lists, in order of first appearance. */
export function layoutOf(...optionLists: readonly (readonly string[] | undefined)[]): Layout {
  const layout = new Map<string, number>();
  for (const options of optionLists)
    for (const o of options ?? []) if (!layout.has(o)) layout.set(o, layout.size);
  return layout;
}

/** Multi-choice answers as bitsets: participant p owns words `bits[p*words .. p*words+words)`. */
export interface Bitsets {
  readonly words: number;
  readonly bits: Uint32Array;
  /** Options chosen (0 = not answered). */
  readonly count: Int32Array;
}

/** Extracts the bitsets of one question. O(participants × options chosen). */
export function bitsets(people: readonly Participant[], question: string, layout: Layout): Bitsets {
  const words = Math.max(1, Math.ceil(layout.size / 32));
  const bits = new Uint32Array(people.length * words);
  const count = new Int32Array(people.length);
  for (let p = 0; p < people.length; p++) {
    const answer = people[p]!.answers[question];
    if (!Array.isArray(answer)) continue;
    for (const option of answer) {
      const b = layout.get(option);
      if (b === undefined) continue;
      const w = p * words + (b >>> 5);
      const mask = 1 << (b & 31);
      if ((bits[w]! & mask) === 0) {
        bits[w] = bits[w]! | mask;
        count[p]!++;
      }
    }
  }
  return { words, bits, count };
}

/** Single-choice (or yes/no) answers as option codes, -1 = not answered. O(participants). */
export function codes(
  people: readonly Participant[],
  question: string,
  options: readonly string[],
): Int32Array {
  const index = new Map(options.map((o, k) => [o, k]));
  const out = new Int32Array(people.length).fill(-1);
  for (let p = 0; p < people.length; p++) {
    const a = people[p]!.answers[question];
    const key = typeof a === "boolean" ? String(a) : a;
    if (typeof key === "string") out[p] = index.get(key) ?? -1;
  }
  return out;
}

/** Whole years between a birth date (YYYY-MM-DD) and a day. */
export function ageAt(birthDate: string, day: Date): number {
  const [y, m, d] = birthDate.split("-").map(Number) as [number, number, number];
  let age = day.getUTCFullYear() - y;
  const month = day.getUTCMonth() + 1;
  if (month < m || (month === m && day.getUTCDate() < d)) age--;
  return age;
}

/** A participant's age: given, or from the birth date; undefined when neither is known. */
export function ageOf(p: Participant, day: Date): number | undefined {
  if (p.age !== undefined) return p.age;
  if (p.birthDate !== undefined) return ageAt(p.birthDate, day);
  return undefined;
}

/** A numeric field of a participant, NaN when unknown. */
export function fieldOf(p: Participant, field: NumericField, day: Date): number {
  const v = field === "age" ? ageOf(p, day) : p[field];
  return v === undefined ? Number.NaN : v;
}

/** Numbers from a `number` question or a participant field, NaN = unknown. O(participants). */
export function numbers(
  people: readonly Participant[],
  source: { readonly question?: string | undefined; readonly field?: NumericField | undefined },
  day: Date,
  /** The options of a `single` question in order: an answer counts as its place (0-based). */
  ordered?: readonly string[],
): Float64Array {
  const out = new Float64Array(people.length);
  const place = ordered === undefined ? undefined : new Map(ordered.map((o, k) => [o, k]));
  for (let p = 0; p < people.length; p++) {
    const person = people[p]!;
    if (source.field !== undefined) out[p] = fieldOf(person, source.field, day);
    else {
      const a = person.answers[source.question ?? ""];
      out[p] =
        typeof a === "number"
          ? a
          : typeof a === "string" && place !== undefined
            ? (place.get(a) ?? Number.NaN)
            : Number.NaN;
    }
  }
  return out;
}

/** The reference day: an explicit one, the program's, or today (UTC). */
export function referenceDay(program: Program, explicit: Date | string | undefined): Date {
  const v = explicit ?? program.referenceDate;
  if (v === undefined) {
    const now = new Date();
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  }
  return typeof v === "string" ? new Date(`${v}T00:00:00Z`) : v;
}
