/**
 * Which character separates the columns of a CSV export: `,` (Google Forms, Excel in English locales),
 * `;` (Excel and Yandex Forms in Russian locales) or a tab (copied from a spreadsheet, "Unicode text").
 */

/** The delimiters mentor-match reads and writes. */
export type Delimiter = "," | ";" | "\t";

/** The delimiters tried by {@link detectDelimiter}, in order of preference on a tie. */
export const DELIMITERS: readonly Delimiter[] = [",", ";", "\t"];

const SAMPLE_RECORDS = 50;

/**
 * Counts, for each of the first records, how many times `delimiter` occurs outside quotes.
 * A quoted cell may span lines; `""` inside quotes is an escaped quote.
 */
function countsPerRecord(text: string, delimiter: string): number[] {
  const counts: number[] = [];
  let count = 0;
  let inQuotes = false;
  let atCellStart = true;
  const n = text.length;
  for (let k = 0; k < n && counts.length < SAMPLE_RECORDS; k++) {
    const c = text[k];
    if (inQuotes) {
      if (c === '"') {
        if (text[k + 1] === '"') k++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === '"' && atCellStart) {
      inQuotes = true;
      atCellStart = false;
    } else if (c === delimiter) {
      count++;
      atCellStart = true;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[k + 1] === "\n") k++;
      counts.push(count);
      count = 0;
      atCellStart = true;
    } else if (c !== " ") {
      atCellStart = false;
    }
  }
  if (
    counts.length < SAMPLE_RECORDS &&
    (count > 0 || (n > 0 && text[n - 1] !== "\n" && text[n - 1] !== "\r"))
  ) {
    counts.push(count);
  }
  return counts;
}

/**
 * Guesses the delimiter from the first 50 records: the candidate that occurs in the header and occurs the
 * same number of times in the most records wins; a tie goes to the candidate with more columns, then to
 * the earlier one in {@link DELIMITERS}. Quoted cells (even multi-line ones) are skipped.
 *
 * Complexity: O(n) in the length of the first 50 records.
 *
 * @param text - the decoded file.
 * @returns the delimiter, or `null` when none of them occurs in the header (a single-column file).
 * @throws never.
 *
 * @example
 * detectDelimiter("Имя;Класс\nА;7\n"); // ";"
 */
export function detectDelimiter(text: string): Delimiter | null {
  let best: Delimiter | null = null;
  let bestAgree = -1;
  let bestColumns = 0;
  for (const delimiter of DELIMITERS) {
    const counts = countsPerRecord(text, delimiter);
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    let agree = 0;
    for (let r = 1; r < counts.length; r++) if (counts[r] === header) agree++;
    const rate = counts.length > 1 ? agree / (counts.length - 1) : 1;
    if (rate > bestAgree || (rate === bestAgree && header > bestColumns)) {
      best = delimiter;
      bestAgree = rate;
      bestColumns = header;
    }
  }
  return best;
}
