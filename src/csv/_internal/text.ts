/** Text helpers shared by the CSV readers (not exported from the package). */

/**
 * A key for comparing headers, options and names: lower case, `ё` → `е`, non-breaking and repeated spaces
 * collapsed, quotes, punctuation at the ends and a trailing required-mark `*` removed.
 */
export function normalizeKey(value: string): string {
  const lower = value.normalize("NFC").toLowerCase().replace(/ё/g, "е");
  // Most cells and options need nothing more: one test instead of six replacements.
  if (!NEEDS_CLEANING.test(lower)) return lower;
  return lower
    .replace(/[\u00a0\u2007\u202f\t\r\n]+/g, " ")
    .replace(/[«»"“”„'’`]/g, "")
    .replace(/[–—]/g, "-")
    .replace(/\s+/g, " ")
    .replace(/^[\s.:;,*?!()-]+|[\s.:;,*?!()-]+$/g, "")
    .trim();
}

/**
 * What the replacements of {@link normalizeKey} after the lower-casing would change: whitespace other than
 * a single space, quotes, dashes, and spaces or punctuation at either end.
 */
const NEEDS_CLEANING = /[^\S ]| {2}|[«»"“”„'’`–—]|^[\s.:;,*?!()-]|[\s.:;,*?!()-]$/;

/** True when a cell holds nothing but spaces. */
export function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === "";
}
