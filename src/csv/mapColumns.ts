/**
 * Guessing which column of an export answers which question: by the header (Russian and English) and by
 * the values (a header match whose values contradict the field is not taken; a column whose values are the
 * options of a question is taken for it).
 */
import { roleOf } from "./_internal/fields.js";
import {
  type ColumnProfile,
  FIT_SHARE,
  type FieldProfile,
  isDayWord,
  optionShare,
  PROFILE_ROWS,
  profileColumn,
  profileFit,
} from "./_internal/profiles.js";
import { normalizeKey } from "./_internal/text.js";

/** The target of a column the curator wants dropped (`columns: { "Header": "ignore" }`). */
export const IGNORE = "ignore";

/** Something a column can hold: a standard field (id, name, consent …) or a program question. */
export interface ColumnField {
  /** The key the column is mapped to. */
  readonly key: string;
  /** Headers that mean this field (Russian and English synonyms, the question's labels). */
  readonly labels: readonly string[];
  /** What its values look like; a header match whose values do not fit is not taken. */
  readonly profile?: FieldProfile;
  /** Who answers it; a field of the other role is not looked for in a one-role file. @defaultValue "both" */
  readonly role?: "mentor" | "mentee" | "both";
}

/** One header and what it was mapped to. */
export interface ColumnMatch {
  /** 0-based column index. */
  readonly index: number;
  readonly header: string;
  /** The field's key, or `null` when nothing matched. */
  readonly key: string | null;
  /**
   * How the column was mapped: `given` (the config's `columns`), `exact` (a label equals the header),
   * `partial` (the header contains a label), `values` (its values are a question's options), `ignored`
   * (the config says `ignore`), or null.
   */
  readonly how: "exact" | "partial" | "given" | "values" | "ignored" | null;
  /** How sure the guess is, 0 to 1 (1 for a column given by the config). */
  readonly confidence: number;
  /**
   * For a column both roles answer under different questions (`"q:subjectsOffered|q:subjectsNeeded"`):
   * every key, `key` being the first; the reader takes the one of each row's role.
   */
  readonly keys?: readonly string[];
  /** What the column's values look like (read from the rows given to {@link mapColumns}). */
  readonly profile?: ColumnProfile;
  /** A header match not taken because the values contradict it: the field's key and the share that fit. */
  readonly rejected?: { readonly key: string; readonly fit: number };
  /**
   * For a Google Forms grid column («Availability [Monday]») of a choice question: the row label in
   * brackets. Every column of the grid maps to the question; the reader joins them.
   */
  readonly grid?: string;
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
  /**
   * Header → field key given by the curator (the program config's `columns`); wins over guessing.
   * `ignore` drops the column; `"q:a|q:b"` names one question per role.
   */
  readonly given?: Readonly<Record<string, string>>;
  /** The data rows (cells in header order): the values check and complete the guess by headers. */
  readonly rows?: readonly (readonly string[])[];
  /** The role of every row of the file: fields of the other role (and `role` itself) are not looked for. */
  readonly role?: "mentor" | "mentee";
}

/** The confidence of a guess: an exact header, a partial one, or the values alone. */
function confidenceOf(how: "exact" | "partial" | "values", fit: number): number {
  const base = how === "exact" ? 0.95 : how === "partial" ? 0.7 : 0.5;
  return Math.round(base * Math.min(1, 0.5 + fit / 2) * 100) / 100;
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
 * With `rows`, the values decide too: a header match whose values contradict the field (a «Grade» of
 * «SCS1», «HEO») is not taken (`rejected`), and a column no header claimed whose cells are the options of
 * one question (or day lists, for a schedule) is taken for it (`how: "values"`). With `role`, the file's
 * rows all have that role: the other role's questions are not looked for, and `role` only by a header
 * equal to its label with role values (the reader then flags a row of the other role; it never assigns).
 *
 * Complexity: O(h · L + h · n) for h headers, L labels in all and n rows (at most 500 are profiled).
 *
 * @param header - the header row.
 * @param allFields - the fields to look for.
 * @param options - the curator's explicit mapping, the rows, the file's role.
 * @returns the column of each field, how sure each guess is, the fields not found.
 * @throws never.
 *
 * @example
 * const m = mapColumns(["ФИО", "Ваш e-mail"], [{ key: "name", labels: ["фио"] }, { key: "email", labels: ["e-mail"] }]);
 * m.byKey.get("email"); // 1
 */
export function mapColumns(
  header: readonly string[],
  allFields: readonly ColumnField[],
  options: MapColumnsOptions = {},
): ColumnMapping {
  const fileRole = options.role;
  // In a one-role file, the role is the file's and the other role's questions are not asked. A column
  // headed exactly «Роль» holding roles is still read, only to flag a row of the other role.
  const fields =
    fileRole === undefined
      ? allFields
      : allFields.filter((f) => (f.role ?? "both") !== (fileRole === "mentor" ? "mentee" : "mentor"));
  const keys = header.map((h) => normalizeKey(h.replace(/\s*\[[^\]]*\]\s*$/, "")));
  const fieldLabels = fields.map((f) => [...new Set(f.labels.map(normalizeKey).filter((l) => l !== ""))]);
  const assigned: (string | null)[] = header.map(() => null);
  const how: ColumnMatch["how"][] = header.map(() => null);
  const confidence: number[] = header.map(() => 0);
  const alternatives: (string[] | undefined)[] = header.map(() => undefined);
  const rejected: ({ key: string; fit: number } | undefined)[] = header.map(() => undefined);
  const byKey = new Map<string, number>();
  const ambiguous: { key: string; indices: number[] }[] = [];
  const rows = options.rows?.slice(0, PROFILE_ROWS);
  const profiles: (ColumnProfile | undefined)[] = header.map((_h, c) =>
    rows === undefined ? undefined : profileColumn(rows.map((r) => r[c] ?? "")),
  );
  const roleByKey = new Map(allFields.map((f) => [f.key, f.role ?? "both"]));

  const gridOf = (c: number): string | undefined => /\[([^\]]+)\]\s*$/.exec(header[c]!)?.[1]?.trim();
  const given = options.given ?? {};
  const givenByKey = new Map<string, string>();
  for (const [h, key] of Object.entries(given)) givenByKey.set(normalizeKey(h), key);
  for (let c = 0; c < header.length; c++) {
    const target = givenByKey.get(normalizeKey(header[c]!)) ?? givenByKey.get(keys[c]!);
    if (target === undefined) continue;
    if (normalizeKey(target) === IGNORE) {
      how[c] = "ignored";
      continue;
    }
    const parts = target
      .split("|")
      .map((t) => t.trim())
      .filter((t) => t !== "");
    // One question per role: a one-role file takes its role's; a file with a role column keeps them all.
    const fitting =
      fileRole === undefined
        ? parts
        : parts.filter((k) => (roleByKey.get(k) ?? "both") !== (fileRole === "mentor" ? "mentee" : "mentor"));
    const key = fitting[0];
    // The columns of a grid question may all be given the question.
    if (key !== undefined && (!byKey.has(key) || (key.startsWith("q:") && gridOf(c) !== undefined))) {
      assigned[c] = key;
      how[c] = "given";
      confidence[c] = 1;
      if (fitting.length > 1) alternatives[c] = fitting;
      if (!byKey.has(key)) byKey.set(key, c);
    } else if (key !== undefined) {
      // Two columns the config names alike (one header twice): neither may be silently dropped.
      const entry = ambiguous.find((a) => a.key === key);
      if (entry === undefined) ambiguous.push({ key, indices: [byKey.get(key)!, c] });
      else entry.indices.push(c);
    }
  }

  // Candidate (column, field) pairs with a strength: exact matches beat partial ones; longer labels beat
  // shorter. A candidate whose values contradict the field is set aside (remembered for the report).
  const candidates: { c: number; f: number; strength: number; fit: number }[] = [];
  for (let f = 0; f < fields.length; f++) {
    if (byKey.has(fields[f]!.key)) continue;
    for (let c = 0; c < header.length; c++) {
      if (assigned[c] !== null || how[c] === "ignored") continue;
      let strength = 0;
      for (const label of fieldLabels[f]!) {
        if (keys[c] === label) strength = Math.max(strength, 10_000 + label.length);
        else if (containsWords(keys[c]!, label)) strength = Math.max(strength, label.length);
      }
      if (strength === 0) continue;
      if (fileRole !== undefined && fields[f]!.key === "role" && strength < 10_000) continue;
      const profile = profiles[c];
      const expected = fields[f]!.profile;
      // A grid column of days («Availability [Monday]») fits a schedule by its bracket, whatever the cells.
      const gridDay = expected?.kind === "choice" && expected.days === true && isDayWord(gridOf(c) ?? "");
      const fit =
        profile === undefined || expected === undefined || gridDay
          ? 1
          : profileFit(profile, expected, roleOf);
      if (fit < FIT_SHARE) {
        if (rejected[c] === undefined) rejected[c] = { key: fields[f]!.key, fit };
        continue;
      }
      candidates.push({ c, f, strength, fit });
    }
  }
  candidates.sort((a, b) => b.strength - a.strength || a.c - b.c || a.f - b.f);
  for (const { c, f, strength, fit } of candidates) {
    const key = fields[f]!.key;
    if (assigned[c] !== null) continue;
    // The other columns of a grid question («Доступность [Пн]», «Доступность [Вт]» …) join the first.
    const taken = byKey.get(key);
    if (
      taken !== undefined &&
      gridOf(c) !== undefined &&
      gridOf(taken) !== undefined &&
      keys[c] === keys[taken] &&
      fields[f]!.profile?.kind === "choice"
    ) {
      assigned[c] = key;
      how[c] = how[taken]!;
      confidence[c] = confidence[taken]!;
      continue;
    }
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
    confidence[c] = confidenceOf(how[c] as "exact" | "partial", fit);
    byKey.set(key, c);
    // A column with a role column that matches one question of each role equally well («Предметы»):
    // both, the reader takes each row's.
    const role = fields[f]!.role ?? "both";
    if (fileRole === undefined && role !== "both") {
      const twin = candidates.find(
        (x) =>
          x.c === c &&
          x.strength === strength &&
          (fields[x.f]!.role ?? "both") !== "both" &&
          fields[x.f]!.role !== role &&
          !byKey.has(fields[x.f]!.key),
      );
      if (twin !== undefined) {
        alternatives[c] = [key, fields[twin.f]!.key];
        byKey.set(fields[twin.f]!.key, c);
      }
    }
  }

  // By values: a column no header claimed whose cells are the options of exactly one question not yet
  // found (or day lists, for a schedule question).
  for (let c = 0; c < header.length; c++) {
    const profile = profiles[c];
    if (assigned[c] !== null || how[c] === "ignored" || profile === undefined || profile.filled < 2) continue;
    let best = -1;
    let bestShare = 0;
    let tie = false;
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f]!;
      const expected = field.profile;
      if (byKey.has(field.key) || expected === undefined || expected.kind !== "choice") continue;
      if (fileRole === undefined && (field.role ?? "both") !== "both") continue;
      const share =
        expected.days === true
          ? Math.max(profile.share.dayList, optionShare(profile, expected.options))
          : optionShare(profile, expected.options);
      if (share < 0.6) continue;
      if (share > bestShare) {
        best = f;
        bestShare = share;
        tie = false;
      } else if (share === bestShare) tie = true;
    }
    if (best === -1 || tie) continue;
    assigned[c] = fields[best]!.key;
    how[c] = "values";
    confidence[c] = confidenceOf("values", bestShare);
    byKey.set(fields[best]!.key, c);
  }

  const columns: ColumnMatch[] = header.map((h, index) => {
    const alt = alternatives[index];
    const profile = profiles[index];
    const rej = rejected[index];
    const key = assigned[index];
    const grid =
      key?.startsWith("q:") === true && assigned.filter((k) => k === key).length > 1
        ? /\[([^\]]+)\]\s*$/.exec(h)?.[1]?.trim()
        : undefined;
    return {
      index,
      header: h,
      key: assigned[index]!,
      how: how[index]!,
      confidence: confidence[index]!,
      ...(alt === undefined ? {} : { keys: alt }),
      ...(profile === undefined ? {} : { profile }),
      ...(rej === undefined || assigned[index] !== null ? {} : { rejected: rej }),
      ...(grid === undefined ? {} : { grid }),
    };
  });
  const missing = allFields.filter((f) => !byKey.has(f.key)).map((f) => f.key);
  return { columns, byKey, missing, ambiguous };
}
