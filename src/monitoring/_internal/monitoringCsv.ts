/** monitoring.csv, written straight into UTF-8 bytes. */
import type { Delimiter } from "../../csv/detectDelimiter.js";
import { formatCsv } from "../../csv/formatCsv.js";
import { neutralizeCell } from "../../csv/neutralizeCell.js";
import type { MonitoringReport } from "../types.js";
import { roleWord } from "./tables.js";
import type { Language } from "../../language.js";
import { monitorWords } from "./texts.js";

const encoder = new TextEncoder();

/** Bytes per piece: small enough to stay in memory already in use, large enough for few writes. */
const PIECE = 1 << 16;

function copy(into: Uint8Array, at: number, bytes: Uint8Array): number {
  // A plain loop: the parts are a few dozen bytes, where TypedArray#set costs more than the copy.
  for (let k = 0; k < bytes.length; k++) into[at++] = bytes[k]!;
  return at;
}

/**
 * monitoring.csv (one row per participant × parameter × time point; a missing value is an empty cell) as
 * UTF-8 pieces, the BOM first. 5,000 participants × 6 parameters × 4 time points are 120,000 lines whose
 * text cells repeat: each participant's cells and each (parameter, time point)'s cells are written once by
 * formatCsv (quoting, formula neutralising) and encoded once; a line is those bytes, the value's digits
 * and CRLF. No string or buffer of the whole file is built: the pieces are one 64 KB buffer, refilled, so
 * each piece is valid only until the next one is asked for (write it, or copy it).
 *
 * Complexity: O(size of the file).
 *
 * @param report - the report.
 * @param language - language of the header and the words.
 * @param delimiter - the CSV delimiter.
 * @returns the file's bytes, piece by piece.
 */
export function* monitoringCsv(
  report: MonitoringReport,
  language: Language,
  delimiter: Delimiter,
): Generator<Uint8Array, void, undefined> {
  const w = monitorWords(language);
  const line = (cells: readonly (string | number | null)[]): string =>
    formatCsv(cells as string[], [], { delimiter, bom: false }).slice(0, -2);
  // A participant's cells (code, name, role, form) are nearly always plain: no delimiter, quote, line
  // break, space at an end or formula start. Such cells are written as they are by formatCsv too, so they
  // are joined here (formatCsv costs ~30 µs a call, mostly options); any other cell goes to formatCsv.
  const plain = (cell: string): boolean =>
    !cell.includes(delimiter) && !/["\r\n]|^\s|\s$/.test(cell) && neutralizeCell(cell) === cell;
  const participantLine = (cells: readonly string[]): string =>
    cells.every(plain) ? cells.join(delimiter) : line(cells);
  // `;<parameter id>;<label>;<time point>;` for each parameter and time point.
  const suffixes = new Map<string, Uint8Array[]>();
  for (const p of report.config.parameters) {
    suffixes.set(
      p.id,
      report.timePoints.map((t) =>
        encoder.encode(`${delimiter}${line([p.id, p.label[language], t])}${delimiter}`),
      ),
    );
  }
  const valueBytes = new Map<number, Uint8Array>();
  const none = new Uint8Array(0);
  const crlf = encoder.encode("\r\n");
  yield encoder.encode(
    formatCsv(
      [w.code, w.name, w.role, w.form, `${w.parameter} (id)`, w.parameter, w.timePoint, w.value1],
      [],
      { delimiter },
    ),
  );
  const buf = new Uint8Array(PIECE);
  let len = 0;
  let prefixOf = "";
  let prefix: Uint8Array = none;
  const points = report.timePoints.length;
  for (const s of report.series) {
    if (s.id !== prefixOf) {
      prefix = encoder.encode(participantLine([s.id, s.name ?? "", roleWord(s.role, language), s.form]));
      prefixOf = s.id;
    }
    const suffix = suffixes.get(s.parameter)!;
    for (let t = 0; t < points; t++) {
      const v = s.values[t];
      let digits: Uint8Array = none;
      if (v !== null && v !== undefined) {
        const known = valueBytes.get(v);
        if (known === undefined) {
          digits = encoder.encode(String(v));
          valueBytes.set(v, digits);
        } else digits = known;
      }
      const part = suffix[t]!;
      const size = prefix.length + part.length + digits.length + 2;
      if (len + size > PIECE) {
        yield buf.subarray(0, len);
        len = 0;
      }
      if (size > PIECE) {
        // A line longer than a piece (a very long name): given as its own parts.
        for (const b of [prefix, part, digits, crlf]) yield b;
        continue;
      }
      len = copy(buf, len, prefix);
      len = copy(buf, len, part);
      len = copy(buf, len, digits);
      len = copy(buf, len, crlf);
    }
  }
  if (len > 0) yield buf.subarray(0, len);
}
