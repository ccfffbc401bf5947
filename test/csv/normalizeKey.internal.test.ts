/** normalizeKey's fast path (one test, then the replacements only when needed) gives the full chain's key. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeKey } from "../../src/csv/_internal/text.js";

/** The key as every replacement computes it, without the fast path. */
function reference(value: string): string {
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

const PIECES = [
  "a",
  "Б",
  "ё",
  "Ё",
  "е\u0308",
  "1",
  " ",
  "  ",
  "\u00a0",
  "\u2007",
  "\u202f",
  "\t",
  "\r",
  "\n",
  "\u2003",
  "\ufeff",
  "«",
  "»",
  '"',
  "“",
  "”",
  "„",
  "'",
  "’",
  "`",
  "–",
  "—",
  "-",
  ".",
  ":",
  ";",
  ",",
  "*",
  "?",
  "!",
  "(",
  ")",
  "Математика",
  "Не важно",
  "IT",
];

describe("normalizeKey", () => {
  it("equals the full chain of replacements on any mix of letters, spaces, quotes and punctuation", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), (parts) => {
        const value = parts.join("");
        expect(normalizeKey(value)).toBe(reference(value));
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps plain keys as they are, lower-cased", () => {
    expect(normalizeKey("Математика и физика")).toBe("математика и физика");
    expect(normalizeKey("  «Ёлка» —  да! ")).toBe("елка - да");
  });
});
