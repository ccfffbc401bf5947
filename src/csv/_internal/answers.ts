/**
 * Tolerant reading of a choice answer: case, ё/е, spaces and punctuation do not matter; days and times of
 * day are known in Russian and English, full or abbreviated («Пн», «пн.», «понедельник», "Mon", "Monday");
 * the presets' options are known in English too; "no preference" answers are recognised; a day alone
 * names every slot of that day. Not exported from the package.
 */
import { optionEquivalents } from "../../questionnaire/optionEquivalents.js";
import { normalizeKey } from "./text.js";

/** Day words (by prefix) → the short Russian day the presets use. */
const DAY_PREFIXES: readonly (readonly [string, readonly string[]])[] = [
  ["пн", ["понедельн", "monday", "mondays"]],
  ["вт", ["вторн", "tuesday", "tuesdays"]],
  ["ср", ["сред", "wednesday", "wednesdays"]],
  ["чт", ["четверг", "thursday", "thursdays"]],
  ["пт", ["пятниц", "friday", "fridays"]],
  ["сб", ["суббот", "saturday", "saturdays"]],
  ["вс", ["воскресен", "sunday", "sundays"]],
];

/** Whole words for days and groups of days. */
const DAY_WORDS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ["пн", ["пн"]],
  ["пон", ["пн"]],
  ["mon", ["пн"]],
  ["вт", ["вт"]],
  ["tue", ["вт"]],
  ["tues", ["вт"]],
  ["ср", ["ср"]],
  ["wed", ["ср"]],
  ["чт", ["чт"]],
  ["thu", ["чт"]],
  ["thur", ["чт"]],
  ["thurs", ["чт"]],
  ["пт", ["пт"]],
  ["fri", ["пт"]],
  ["сб", ["сб"]],
  ["sat", ["сб"]],
  ["вс", ["вс"]],
  ["sun", ["вс"]],
  ["будни", ["пн", "вт", "ср", "чт", "пт"]],
  ["будние", ["пн", "вт", "ср", "чт", "пт"]],
  ["weekdays", ["пн", "вт", "ср", "чт", "пт"]],
  ["выходные", ["сб", "вс"]],
  ["weekend", ["сб", "вс"]],
  ["weekends", ["сб", "вс"]],
]);

/** Times of day → the presets' words. */
const TIME_WORDS: ReadonlyMap<string, string> = new Map([
  ["утро", "утро"],
  ["утром", "утро"],
  ["утренние", "утро"],
  ["morning", "утро"],
  ["mornings", "утро"],
  ["am", "утро"],
  ["день", "день"],
  ["днем", "день"],
  ["дневное", "день"],
  ["afternoon", "день"],
  ["afternoons", "день"],
  ["daytime", "день"],
  ["day", "день"],
  ["вечер", "вечер"],
  ["вечером", "вечер"],
  ["вечернее", "вечер"],
  ["evening", "вечер"],
  ["evenings", "вечер"],
  ["pm", "вечер"],
]);

/** Words that carry nothing in a day or time answer («по понедельникам», "on Mondays"). */
const FILLER = new Set(["по", "в", "во", "on", "the", "in", "и", "and", "&"]);

/** Answers that mean "no preference", as normalised keys. */
const NO_PREFERENCE = new Set([
  "не важно",
  "неважно",
  "без разницы",
  "любой",
  "любая",
  "любое",
  "любые",
  "любой вариант",
  "любой формат",
  "все равно",
  "мне все равно",
  "не имеет значения",
  "нет предпочтений",
  "без предпочтений",
  "как удобно",
  "как удобнее",
  "как угодно",
  "оба",
  "оба варианта",
  "в любое время",
  "любое время",
  "в любой день",
  "any",
  "any time",
  "anytime",
  "any day",
  "either",
  "either is fine",
  "both",
  "no preference",
  "no preferences",
  "doesnt matter",
  "does not matter",
  "dont mind",
  "do not mind",
  "whatever",
  "whichever",
  "not important",
  "flexible",
]);

/** Words of a key with day and time words made canonical and fillers dropped. */
function tokens(key: string): string[] {
  const out: string[] = [];
  for (const raw of key.split(/[\s.,;:/\\|()+]+/)) {
    if (raw === "" || FILLER.has(raw)) continue;
    const days = DAY_WORDS.get(raw);
    if (days !== undefined) {
      out.push(...days);
      continue;
    }
    const prefixDay = DAY_PREFIXES.find(([, prefixes]) => prefixes.some((p) => raw.startsWith(p)));
    if (prefixDay !== undefined) {
      out.push(prefixDay[0]);
      continue;
    }
    out.push(TIME_WORDS.get(raw) ?? raw);
  }
  return out;
}

const DAYS = new Set(DAY_PREFIXES.map(([d]) => d));
const TIMES = new Set(TIME_WORDS.values());

/**
 * The key an answer or an option is compared by: {@link normalizeKey}, then inner punctuation dropped and
 * day and time words made canonical («Понедельник, вечером» and "Monday evening" are both «пн вечер»).
 */
export function answerKey(value: string): string {
  return tokens(normalizeKey(value)).join(" ");
}

/** Whether an answer means "no preference" («Не важно», «Без разницы», "Any", "No preference" …). */
export function isNoPreference(value: string): boolean {
  const key = normalizeKey(value).replace(/[.,;:!]+/g, "");
  return NO_PREFERENCE.has(key) || NO_PREFERENCE.has(key.replace(/^(мне|i)\s+/, ""));
}

/** What an answer names among a question's options. */
export type OptionMatch =
  /** The indices of the options it names (one; several for a day alone). */
  | { readonly kind: "options"; readonly indices: readonly number[] }
  /** "No preference", and no option says so: no constraint (the answer counts as not given). */
  | { readonly kind: "any" }
  /** Nothing among the options. */
  | { readonly kind: "unknown" };

interface Matcher {
  readonly byKey: ReadonlyMap<string, number>;
  /** Per option: its day and time tokens when the option is a slot such as «пн день», else null. */
  readonly slots: readonly ({ day: string; times: readonly string[] } | null)[];
  /** The first option that itself means "no preference", or -1. */
  readonly wildcard: number;
  readonly keys: readonly string[];
}

const matchers = new WeakMap<readonly string[], Matcher>();

function matcherOf(options: readonly string[]): Matcher {
  let m = matchers.get(options);
  if (m !== undefined) return m;
  const byKey = new Map<string, number>();
  const keys: string[] = [];
  // The options' own spellings first, then their equivalents, so an equivalent never hides an option.
  for (let o = 0; o < options.length; o++) {
    const key = answerKey(options[o]!);
    keys.push(key);
    if (key !== "" && !byKey.has(key)) byKey.set(key, o);
  }
  for (let o = 0; o < options.length; o++) {
    for (const e of optionEquivalents(options[o]!)) {
      const key = answerKey(e);
      if (key !== "" && !byKey.has(key)) byKey.set(key, o);
    }
  }
  const slots = keys.map((key) => {
    const t = key.split(" ");
    const day = t.filter((w) => DAYS.has(w));
    const times = t.filter((w) => TIMES.has(w));
    return day.length === 1 && day.length + times.length === t.length ? { day: day[0]!, times } : null;
  });
  const wildcard = options.findIndex((o) => isNoPreference(o));
  m = { byKey, slots, wildcard, keys };
  matchers.set(options, m);
  return m;
}

/**
 * Finds what one answer (one part of a multi-select cell, or a single-choice cell) names among the
 * options. O(options) at most, after a one-off O(options) set-up per options array.
 *
 * @param part - the answer as written.
 * @param options - the question's options.
 * @param multi - whether several options may be named (a day alone then names all of its slots).
 * @returns the options named, "any" (no preference), or "unknown".
 */
export function matchOption(part: string, options: readonly string[], multi: boolean): OptionMatch {
  const m = matcherOf(options);
  const key = answerKey(part);
  if (key === "") return { kind: "unknown" };
  const exact = m.byKey.get(key);
  if (exact !== undefined) return { kind: "options", indices: [exact] };
  if (isNoPreference(part)) {
    if (m.wildcard >= 0) return { kind: "options", indices: [m.wildcard] };
    // "Any time" in a schedule: every slot.
    if (multi && m.slots.every((s) => s !== null))
      return { kind: "options", indices: options.map((_, o) => o) };
    return { kind: "any" };
  }
  // Days with no time («Пн», «по средам», "weekends"): every slot of those days (with the times given, if any).
  const t = key.split(" ");
  const days = t.filter((w) => DAYS.has(w));
  const times = t.filter((w) => TIMES.has(w));
  if (days.length > 0 && days.length + times.length === t.length && (multi || days.length === 1)) {
    const indices: number[] = [];
    for (let o = 0; o < options.length; o++) {
      const s = m.slots[o];
      if (s === null || s === undefined || !days.includes(s.day)) continue;
      if (times.length > 0 && !s.times.some((x) => times.includes(x))) continue;
      indices.push(o);
    }
    if (indices.length > 0 && (multi || indices.length === 1)) return { kind: "options", indices };
  }
  return { kind: "unknown" };
}

/** Edit distance of two short strings. O(|a| · |b|). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, k) => k);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The option closest to an answer (by edit distance of the compared keys; the first of equals). O(options ·
 * length²).
 */
export function closestOption(part: string, options: readonly string[]): string | undefined {
  const m = matcherOf(options);
  const key = answerKey(part).slice(0, 80);
  let best = -1;
  let bestD = Number.POSITIVE_INFINITY;
  for (let o = 0; o < options.length; o++) {
    const d = distance(key, m.keys[o]!.slice(0, 80));
    if (d < bestD) {
      bestD = d;
      best = o;
    }
  }
  return best === -1 ? undefined : options[best];
}

/**
 * An answer as a message may show it: at most 40 characters, and never an e-mail or a phone number (an
 * "Other" answer is free text).
 */
export function shownAnswer(value: string): string {
  const v = value.replace(/\s+/g, " ").trim();
  if (/@|\d{5,}|\+\d/.test(v)) return "…";
  return v.length > 40 ? `${v.slice(0, 39)}…` : v;
}
