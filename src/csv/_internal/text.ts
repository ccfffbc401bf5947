/** Text helpers shared by the CSV readers (not exported from the package). */

/**
 * A key for comparing headers, options and names: lower case, `ё` → `е`, non-breaking and repeated spaces
 * collapsed, quotes, punctuation at the ends and a trailing required-mark `*` removed.
 */
export function normalizeKey(value: string): string {
  return value
    .normalize("NFC")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\u00a0\u2007\u202f\t\r\n]+/g, " ")
    .replace(/[«»"“”„'’`]/g, "")
    .replace(/[–—]/g, "-")
    .replace(/\s+/g, " ")
    .replace(/^[\s.:;,*?!()-]+|[\s.:;,*?!()-]+$/g, "")
    .trim();
}

/** True when a cell holds nothing but spaces. */
export function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === "";
}
