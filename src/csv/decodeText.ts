/**
 * Bytes of a survey export → text. Exports come from Google Forms (UTF-8), Yandex Forms (UTF-8 or
 * Windows-1251), Excel ("CSV (разделители – запятые)" is Windows-1251 on a Russian Windows; "Unicode text"
 * is UTF-16) and LibreOffice.
 *
 * Decoding uses the built-in `TextDecoder`: browsers and Node ≥ 20 (built with full ICU, as the official
 * builds are) know Windows-1251 and UTF-16 both ways. Only a runtime whose `TextDecoder` lacks one of
 * them (Node built with small or no ICU) falls back to iconv-lite, loaded then through Node's `require`.
 */
import { nodeRequire } from "../_internal/nodeRequire.js";
import { InputFileError } from "../errors.js";

/** The encodings {@link decodeText} recognises. */
export type TextEncodingName = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1251";

/** What {@link decodeText} returns. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

/** Options of {@link decodeText}. */
export interface DecodeTextOptions {
  /** File name used in error messages. @defaultValue "input" */
  readonly file?: string;
  /** Skip detection and decode with this encoding. @defaultValue detected */
  readonly encoding?: TextEncodingName;
}

const HINT =
  "Save the file again as CSV in UTF-8 (Google Sheets: File → Download → CSV; Excel: Save As → «CSV UTF-8 (разделитель — запятая)»).";

function encodingError(file: string, problem: string, details: Record<string, unknown>): InputFileError {
  return new InputFileError("ENCODING", problem, { location: { file }, hint: HINT, details });
}

/**
 * Decides whether bytes that are not UTF-8 read as Russian text in Windows-1251.
 * KOI8-R and CP866 also decode without error, so the letters are checked: Russian prose in Windows-1251
 * is mostly lower-case letters (0xE0–0xFF); KOI8-R puts lower case at 0xC0–0xDF and CP866 at 0x80–0xAF.
 */
function looksLikeWindows1251(bytes: Uint8Array): {
  ok: boolean;
  high: number;
  lower: number;
  upper: number;
} {
  let high = 0;
  let lower = 0;
  let upper = 0;
  for (let k = 0; k < bytes.length; k++) {
    const b = bytes[k]!;
    if (b < 0x80) continue;
    high++;
    if (b >= 0xe0 || b === 0xb8) lower++;
    else if (b >= 0xc0 || b === 0xa8) upper++;
    else if (b === 0x98) return { ok: false, high, lower, upper }; // unassigned in Windows-1251
  }
  const letters = lower + upper;
  // Typographic characters («» — № …) live in 0x80–0xBF; letters must dominate, lower case must lead.
  const ok = high === 0 || (letters >= 0.6 * high && lower >= upper);
  return { ok, high, lower, upper };
}

/**
 * Decodes a CSV file's bytes, detecting UTF-8 (with or without BOM), UTF-16 (with BOM) or Windows-1251.
 *
 * Complexity: O(n) in the number of bytes.
 *
 * @param bytes - the file's content.
 * @param options - the file name for messages; a forced encoding.
 * @returns the text (without BOM) and the encoding found.
 * @throws InputFileError `ENCODING` when the bytes are a spreadsheet (xlsx/xls), binary, or text in an
 *   encoding other than UTF-8 / UTF-16 / Windows-1251 (e.g. KOI8-R, CP866).
 *
 * @example
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])); // { text: "a", encoding: "utf-8-bom" }
 */
export function decodeText(bytes: Uint8Array, options: DecodeTextOptions = {}): DecodedText {
  const file = options.file ?? "input";
  if (options.encoding !== undefined) {
    const enc = options.encoding === "utf-8-bom" ? "utf-8" : options.encoding;
    return { text: decode(bytes, enc, file, true), encoding: options.encoding };
  }
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    const text = tryUtf8(bytes.subarray(3));
    if (text === null)
      throw encodingError(file, "The file starts with a UTF-8 mark but is not valid UTF-8.", {});
    return { text, encoding: "utf-8-bom" };
  }
  if (b0 === 0xff && b1 === 0xfe)
    return { text: decode(bytes.subarray(2), "utf-16le", file, false), encoding: "utf-16le" };
  if (b0 === 0xfe && b1 === 0xff)
    return { text: decode(bytes.subarray(2), "utf-16be", file, false), encoding: "utf-16be" };
  if (b0 === 0x50 && b1 === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw encodingError(file, "This is an Excel workbook (xlsx), not a CSV file.", { kind: "xlsx" });
  }
  if (b0 === 0xd0 && b1 === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw encodingError(file, "This is an old Excel workbook (xls), not a CSV file.", { kind: "xls" });
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw encodingError(file, `The file holds binary data (a zero byte at offset ${nul}), not text.`, {
      offset: nul,
    });
  }
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: "utf-8" };
  const check = looksLikeWindows1251(bytes);
  if (!check.ok) {
    throw encodingError(
      file,
      "The file is neither UTF-8 nor Windows-1251 (it may be KOI8-R, CP866 or another encoding).",
      { highBytes: check.high },
    );
  }
  return { text: decode(bytes, "windows-1251", file, false), encoding: "windows-1251" };
}

type Decoder = InstanceType<typeof TextDecoder>;
type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1251";

const decoders = new Map<string, Decoder | null>();

/** The built-in decoder of an encoding, or null when this runtime has none. */
function builtIn(encoding: Encoding, stripBom: boolean): Decoder | null {
  const key = `${encoding}:${stripBom}`;
  let d = decoders.get(key);
  if (d === undefined) {
    try {
      d = new TextDecoder(encoding, { ignoreBOM: !stripBom });
    } catch {
      d = null;
    }
    decoders.set(key, d);
  }
  return d;
}

interface IconvLite {
  decode(bytes: Uint8Array, encoding: string, options?: { stripBOM?: boolean }): string;
}

/**
 * Decodes with the built-in TextDecoder (malformed bytes become U+FFFD, as iconv-lite did), or with
 * iconv-lite where the runtime's TextDecoder lacks the encoding.
 */
function decode(bytes: Uint8Array, encoding: Encoding, file: string, stripBom: boolean): string {
  const d = builtIn(encoding, stripBom);
  if (d !== null) return d.decode(bytes);
  const load = nodeRequire();
  if (load !== undefined) {
    // A variable, not a literal: a bundler must not pull iconv-lite into a browser bundle.
    const id = "iconv-lite";
    const iconv = load(id) as IconvLite;
    return iconv.decode(bytes, encoding, { stripBOM: stripBom });
  }
  throw encodingError(file, `This JavaScript runtime cannot decode ${encoding} text.`, { encoding });
}

const utf8Decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    return null;
  }
}
