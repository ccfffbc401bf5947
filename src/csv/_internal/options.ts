/** Normalised option lookups, built once per options array. */
import { normalizeKey } from "./text.js";

export interface OptionLookup {
  /** Normalised option → its index. */
  readonly byKey: ReadonlyMap<string, number>;
  /** The most parts one option splits into (1 + the commas or semicolons in it). */
  readonly maxParts: number;
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
    lookup = { byKey, maxParts };
    lookups.set(options, lookup);
  }
  return lookup;
}
