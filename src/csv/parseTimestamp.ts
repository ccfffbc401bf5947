/** Submission timestamps as Google Forms, Yandex Forms and Excel write them. */

/**
 * Reads a timestamp: ISO (`2024-09-01 10:15:30`, `2024-09-01T10:15:30Z`), Russian (`01.09.2024 10:15:30`,
 * `01.09.2024 10:15`), Google Forms in English (`9/1/2024 10:15:30`, `2024/09/01 10:15:30 AM GMT+3`).
 * A time without a zone is read as UTC: only the order of rows of one export matters.
 * With slashes, `a/b/yyyy` is month/day unless `a` > 12.
 *
 * Complexity: O(length of the cell).
 *
 * @param cell - the cell as exported.
 * @returns milliseconds since the epoch, `null` for a blank cell, `undefined` when not a timestamp.
 * @throws never.
 *
 * @example
 * parseTimestamp("01.09.2024 10:15:30"); // 1725185730000
 */
export function parseTimestamp(cell: string): number | null | undefined {
  const s = cell.trim();
  if (s === "") return null;
  let year: number;
  let month: number;
  let day: number;
  let rest: string;
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(.*)$/)) !== null) {
    year = Number(m[1]);
    month = Number(m[2]);
    day = Number(m[3]);
    rest = m[4]!;
  } else if ((m = s.match(/^(\d{1,2})\.(\d{1,2})\.(\d{2,4})(.*)$/)) !== null) {
    day = Number(m[1]);
    month = Number(m[2]);
    year = Number(m[3]);
    rest = m[4]!;
  } else if ((m = s.match(/^(\d{1,2})\/(\d{1,2})\/(\d{2,4})(.*)$/)) !== null) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    [month, day] = a > 12 ? [b, a] : [a, b];
    year = Number(m[3]);
    rest = m[4]!;
  } else {
    return undefined;
  }
  if (year < 100) year += 2000;
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  let offsetMinutes = 0;
  const r = rest.trim().replace(/^[T,]\s*/, "");
  if (r !== "") {
    const t = r.match(
      /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(am|pm|AM|PM)?\s*(?:(Z)|(?:GMT|UTC)?\s*([+-])(\d{1,2})(?::?(\d{2}))?|(?:GMT|UTC))?$/,
    );
    if (t === null) return undefined;
    hours = Number(t[1]);
    minutes = Number(t[2]);
    seconds = t[3] === undefined ? 0 : Number(t[3]);
    const ampm = t[4]?.toLowerCase();
    if (ampm !== undefined) {
      if (hours < 1 || hours > 12) return undefined;
      if (ampm === "pm" && hours !== 12) hours += 12;
      if (ampm === "am" && hours === 12) hours = 0;
    }
    if (t[6] !== undefined) offsetMinutes = (t[6] === "-" ? -1 : 1) * (Number(t[7]) * 60 + Number(t[8] ?? 0));
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || hours > 23 || minutes > 59 || seconds > 60)
    return undefined;
  const ms = Date.UTC(year, month - 1, day, hours, minutes, seconds) - offsetMinutes * 60_000;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day) return undefined; // 31.02
  return ms;
}
