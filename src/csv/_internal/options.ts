/** Normalised option lookups, built once per options array. */
import { normalizeKey } from "./text.js";

export interface OptionLookup {
  /** Normalised option → its index. */
  readonly byKey: ReadonlyMap<string, number>;
  /** The most parts one option splits into (1 + the commas or semicolons in it). */
  readonly maxParts: number;
  /**
   * The option a text spells, by the text as written (-1: none): a file repeats the same few answers in
   * thousands of cells, so each is normalised once. Filled by {@link optionOf}.
   */
  readonly seen: Map<string, number>;
}

/** At most this many texts are kept in a lookup's `seen` (free-text answers do not repeat). */
const SEEN_LIMIT = 10_000;

/**
 * The index of the option `text` spells (normalised as {@link normalizeKey} does), or -1.
 *
 * Complexity: O(1) for a text seen before, else O(length of the text).
 */
export function optionOf(lookup: OptionLookup, text: string): number {
  let o = lookup.seen.get(text);
  if (o === undefined) {
    o = lookup.byKey.get(normalizeKey(text)) ?? -1;
    if (lookup.seen.size < SEEN_LIMIT) lookup.seen.set(text, o);
  }
  return o;
}

// One lookup per options array: a file has thousands of cells for the same few questions.
const lookups = new WeakMap<readonly string[], OptionLookup>();

export function lookupOf(options: readonly string[]): OptionLookup {
  let lookup = lookups.get(options);
  if (lookup === undefined) {
    const byKey = new Map<string, number>();
    let maxParts = 1;
    for (let o = 0; o < options.length; o++) {
      const key = normalizeKey(options[o]!);
      if (!byKey.has(key)) byKey.set(key, o);
      maxParts = Math.max(maxParts, options[o]!.split(/[,;\n\r]/).length);
    }
    lookup = { byKey, maxParts, seen: new Map() };
    lookups.set(options, lookup);
  }
  return lookup;
}
