/** Multi-select answers ("checkboxes") as Google Forms and Yandex Forms write them into one cell. */
import { lookupOf, optionOf } from "./_internal/options.js";
import { normalizeKey } from "./_internal/text.js";

/** What {@link parseMultiSelect} found in a cell. */
export interface MultiSelectCell {
  /** The options chosen, spelled as in `options`, in the order of `options`, without repeats. */
  readonly values: readonly string[];
  /** Parts of the cell that match no option (free "Other" answers, typos), as written. */
  readonly unknown: readonly string[];
}

/**
 * Splits a multi-select cell into the options it names. Google Forms joins choices with ", ", Yandex Forms
 * with ", " or "; ", hand-made tables with line breaks. Options that themselves contain a comma
 * («Математика, физика») are recognised by joining neighbouring parts, longest option first. Matching is
 * case-, space- and ё-insensitive. Without `options`, every part is a value.
 *
 * Complexity: O(p · k · L) for p parts of total length L, where k is the most parts one option splits into
 * (1 unless an option holds a comma); the options are normalised once per options array.
 *
 * @param cell - the cell as exported.
 * @param options - the options of the question, if known.
 * @returns the options chosen and the parts not recognised.
 * @throws never.
 *
 * @example
 * parseMultiSelect("Математика, физика, Шахматы", ["Математика, физика", "Шахматы", "Музыка"]);
 * // { values: ["Математика, физика", "Шахматы"], unknown: [] }
 */
export function parseMultiSelect(cell: string, options?: readonly string[]): MultiSelectCell {
  const parts = cell
    .split(/[,;\n\r]/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (options === undefined) {
    const seen = new Set<string>();
    const values: string[] = [];
    for (const p of parts) {
      const key = normalizeKey(p);
      if (key !== "" && !seen.has(key)) {
        seen.add(key);
        values.push(p);
      }
    }
    return { values, unknown: [] };
  }
  const lookup = lookupOf(options);
  const maxParts = lookup.maxParts;
  const chosen = new Uint8Array(options.length);
  const unknown: string[] = [];
  let k = 0;
  while (k < parts.length) {
    let matched = -1;
    let span = 0;
    // Longest run of parts that spells an option.
    for (let end = Math.min(parts.length, k + maxParts); end > k; end--) {
      const o = optionOf(lookup, end === k + 1 ? parts[k]! : parts.slice(k, end).join(", "));
      if (o !== -1) {
        matched = o;
        span = end - k;
        break;
      }
    }
    if (matched >= 0) {
      chosen[matched] = 1;
      k += span;
    } else {
      unknown.push(parts[k]!);
      k++;
    }
  }
  const values: string[] = [];
  for (let o = 0; o < options.length; o++) if (chosen[o] === 1) values.push(options[o]!);
  return { values, unknown };
}
