/** Guessing which column of an export answers which question, from Russian and English headers. */
import { normalizeKey } from "./_internal/text.js";

/** Something a column can hold: a standard field (id, name, consent …) or a programme question. */
export interface ColumnField {
  /** The key the column is mapped to. */
  readonly key: string;
  /** Headers that mean this field (Russian and English synonyms, the question's labels). */
  readonly labels: readonly string[];
}

/** One header and what it was mapped to. */
export interface ColumnMatch {
  /** 0-based column index. */
  readonly index: number;
  readonly header: string;
  /** The field's key, or `null` when nothing matched. */
  readonly key: string | null;
  /** How sure the guess is: `exact` (a label equals the header), `partial` (the header contains a label). */
  readonly how: "exact" | "partial" | "given" | null;
}

/** What {@link mapColumns} returns. */
export interface ColumnMapping {
  /** One entry per header column, in order. */
  readonly columns: readonly ColumnMatch[];
  /** Field key → column index, for the fields found. */
  readonly byKey: ReadonlyMap<string, number>;
  /** Fields no column was found for, in the order given. */
  readonly missing: readonly string[];
  /** Fields that two or more columns matched equally well; the first column was taken. */
  readonly ambiguous: readonly { readonly key: string; readonly indices: readonly number[] }[];
}

/** Options of {@link mapColumns}. */
export interface MapColumnsOptions {
  /** Header → field key given by the curator (the programme config's `columns`); wins over guessing. */
  readonly given?: Readonly<Record<string, string>>;
}

function containsWords(header: string, label: string): boolean {
  if (label.length < 2) return false;
  const at = header.indexOf(label);
  if (at === -1) return false;
  const before = at === 0 ? " " : header[at - 1]!;
  const after = at + label.length >= header.length ? " " : header[at + label.length]!;
  return !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after);
}

/**
 * Maps header columns to fields: a column given by the curator first, then a header equal to a label
 * (case-, space-, punctuation- and ё-insensitive), then a header containing a label as whole words — the
 * longest label wins («Согласие родителя на обработку ПД» is guardian consent, not own consent). Each
 * column gets at most one field and each field at most one column. Google Forms grid columns
 * («Вопрос [вариант]») are matched by their question part.
 *
 * Complexity: O(h · L) for h headers and L labels in all.
 *
 * @param header - the header row.
 * @param fields - the fields to look for.
 * @param options - the curator's explicit mapping.
 * @returns the column of each field, the columns left over and the fields not found.
 * @throws never.
 *
 * @example
 * const m = mapColumns(["ФИО", "Ваш e-mail"], [{ key: "name", labels: ["фио"] }, { key: "email", labels: ["e-mail"] }]);
 * m.byKey.get("email"); // 1
 */
export function mapColumns(
  header: readonly string[],
  fields: readonly ColumnField[],
  options: MapColumnsOptions = {},
): ColumnMapping {
  const keys = header.map((h) => normalizeKey(h.replace(/\s*\[[^\]]*\]\s*$/, "")));
  const fieldLabels = fields.map((f) => [...new Set(f.labels.map(normalizeKey).filter((l) => l !== ""))]);
  const assigned: (string | null)[] = header.map(() => null);
  const how: ColumnMatch["how"][] = header.map(() => null);
  const byKey = new Map<string, number>();
  const ambiguous: { key: string; indices: number[] }[] = [];

  const given = options.given ?? {};
  const givenByKey = new Map<string, string>();
  for (const [h, key] of Object.entries(given)) givenByKey.set(normalizeKey(h), key);
  for (let c = 0; c < header.length; c++) {
    const key = givenByKey.get(normalizeKey(header[c]!)) ?? givenByKey.get(keys[c]!);
    if (key !== undefined && !byKey.has(key)) {
      assigned[c] = key;
      how[c] = "given";
      byKey.set(key, c);
    } else if (key !== undefined) {
      // Two columns the config names alike (one header twice): neither may be silently dropped.
      const entry = ambiguous.find((a) => a.key === key);
      if (entry === undefined) ambiguous.push({ key, indices: [byKey.get(key)!, c] });
      else entry.indices.push(c);
    }
  }

  // Candidate (column, field) pairs with a strength: exact matches beat partial ones; longer labels beat shorter.
  const candidates: { c: number; f: number; strength: number }[] = [];
  for (let f = 0; f < fields.length; f++) {
    if (byKey.has(fields[f]!.key)) continue;
    for (let c = 0; c < header.length; c++) {
      if (assigned[c] !== null) continue;
      let strength = 0;
      for (const label of fieldLabels[f]!) {
        if (keys[c] === label) strength = Math.max(strength, 10_000 + label.length);
        else if (containsWords(keys[c]!, label)) strength = Math.max(strength, label.length);
      }
      if (strength > 0) candidates.push({ c, f, strength });
    }
  }
  candidates.sort((a, b) => b.strength - a.strength || a.c - b.c || a.f - b.f);
  for (const { c, f, strength } of candidates) {
    const key = fields[f]!.key;
    if (assigned[c] !== null) continue;
    if (byKey.has(key)) {
      const taken = byKey.get(key)!;
      const other = candidates.find((x) => x.c === taken && x.f === f);
      if (other !== undefined && other.strength === strength) {
        const entry = ambiguous.find((a) => a.key === key);
        if (entry === undefined) ambiguous.push({ key, indices: [taken, c] });
        else entry.indices.push(c);
      }
      continue;
    }
    assigned[c] = key;
    how[c] = strength >= 10_000 ? "exact" : "partial";
    byKey.set(key, c);
  }
  const columns: ColumnMatch[] = header.map((h, index) => ({
    index,
    header: h,
    key: assigned[index]!,
    how: how[index]!,
  }));
  const missing = fields.filter((f) => !byKey.has(f.key)).map((f) => f.key);
  return { columns, byKey, missing, ambiguous };
}
