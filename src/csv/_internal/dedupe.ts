/**
 * The participant reader's identity step: submissions of one person (one id, or one e-mail within a role)
 * resolved the same way whatever the row order, so that every row read is kept, `superseded` or
 * `conflicting-submissions`; and rows that may be one person under two codes named in a warning.
 */
import { InputFileError } from "../../errors.js";
import type { DroppedRow, ReadWarning, SourceRef } from "../participantTypes.js";
import type { Draft } from "./participantDraft.js";
import { nameKeys } from "./personKeys.js";

/** Where the outcome of resolving duplicates goes. */
interface Sinks {
  readonly problems: InputFileError[];
  readonly warnings: ReadWarning[];
  readonly dropped: DroppedRow[];
}

function rowsText(refs: readonly SourceRef[]): string {
  return refs.map((r) => `${r.file} row ${r.row}`).join(", ");
}

/** A row's content, for telling identical submissions from differing ones (its place left out). */
function contentOf(d: Draft): string {
  return JSON.stringify([d.record, d.preferenceCell]);
}

function bySource(a: Draft, b: Draft): number {
  return a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : a.source.row - b.source.row;
}

/**
 * Resolves submissions of one person (same id, or same e-mail within a role), the same way whatever the
 * row order: the latest timestamp wins and the older rows are `superseded`; rows with equal latest
 * timestamps and identical answers collapse into one (the others `superseded`); rows with equal latest
 * timestamps and different answers, or one e-mail under two different codes, are a conflict: every such
 * row is left out as `conflicting-submissions`, with a warning naming the rows. Without timestamps, one id
 * twice is `DUPLICATE_ID`; one id in both roles too. Then two kept rows of one role with one full name are
 * a `SAME_NAME` warning. O(R log R).
 *
 * @param drafts - every row read, in input order.
 * @returns the drafts kept, in input order; what is not kept is in `dropped` or named by a problem.
 */
export function dedupe(
  drafts: readonly Draft[],
  problems: InputFileError[],
  warnings: ReadWarning[],
  dropped: DroppedRow[],
): Draft[] {
  const sinks: Sinks = { problems, warnings, dropped };
  const keep = new Uint8Array(drafts.length);
  const indexOf = new Map<Draft, number>();
  for (let k = 0; k < drafts.length; k++) indexOf.set(drafts[k]!, k);
  for (const members of submissionGroups(drafts)) {
    if (members.length === 1) {
      keep[members[0]!] = 1;
      continue;
    }
    const rows = members.map((k) => drafts[k]!).sort(bySource);
    for (const d of resolveGroup(rows, sinks)) keep[indexOf.get(d)!] = 1;
  }
  const kept: Draft[] = [];
  for (let k = 0; k < drafts.length; k++) if (keep[k] === 1) kept.push(drafts[k]!);
  warnSameNames(kept, warnings);
  return kept;
}

/** Groups of rows linked by an id or by (role, e-mail), found with union-find; each group in input order. */
function submissionGroups(drafts: readonly Draft[]): Iterable<number[]> {
  // Groups: rows linked by an id or by (role, e-mail), found with union-find.
  const parent = Int32Array.from({ length: drafts.length }, (_, k) => k);
  const find = (k: number): number => {
    while (parent[k] !== k) {
      parent[k] = parent[parent[k]!]!;
      k = parent[k]!;
    }
    return k;
  };
  const firstBy = new Map<string, number>();
  const link = (key: string, k: number) => {
    const f = firstBy.get(key);
    if (f === undefined) firstBy.set(key, k);
    else parent[find(k)] = find(f);
  };
  for (let k = 0; k < drafts.length; k++) {
    const r = drafts[k]!.record;
    link(`id\u0000${r.id}`, k);
    if (r.email !== undefined) link(`email\u0000${r.role}\u0000${r.email}`, k);
  }
  const groups = new Map<number, number[]>();
  for (let k = 0; k < drafts.length; k++) {
    const g = find(k);
    const list = groups.get(g);
    if (list === undefined) groups.set(g, [k]);
    else list.push(k);
  }
  return groups.values();
}

/**
 * The rows of one group (two or more, in file and row order) to keep; the others are reported in
 * `sinks`: one id in both roles, one e-mail under several codes, no timestamps, or the latest wins.
 */
function resolveGroup(rows: readonly Draft[], sinks: Sinks): readonly Draft[] {
  const first = rows[0]!;
  const otherRole = rows.find((d) => d.record.role !== first.record.role);
  if (otherRole !== undefined) {
    for (const d of rows) {
      if (d.record.role === first.record.role) continue;
      sinks.problems.push(
        new InputFileError(
          "DUPLICATE_ID",
          `The id is also used by a ${first.record.role} (${first.source.file}, row ${first.source.row}).`,
          {
            location: { ...d.source, column: d.idColumn },
            hint: "Give each participant a different code.",
            details: { otherFile: first.source.file, otherRow: first.source.row },
          },
        ),
      );
    }
    return rows.filter((d) => d.record.role === first.record.role);
  }
  const ids = new Set(rows.map((d) => d.record.id));
  if (ids.size > 1) {
    emailUnderCodes(rows, ids.size, sinks);
    return [];
  }
  const untimed = rows.find((d) => d.timestamp === null);
  if (untimed !== undefined) {
    for (const d of rows.slice(1)) {
      sinks.problems.push(
        new InputFileError(
          "DUPLICATE_ID",
          `The same participant is also in ${first.source.file}, row ${first.source.row}, and there is no timestamp to tell which answer is the latest.`,
          {
            location: { ...d.source, column: d.idColumn },
            hint: "Delete the older row, or give each participant a different code.",
            details: { otherFile: first.source.file, otherRow: first.source.row },
          },
        ),
      );
    }
    return [first];
  }
  return latestWins(rows, sinks);
}

/** One e-mail under two or more codes: two people, or one person twice; never merged silently. */
function emailUnderCodes(rows: readonly Draft[], codes: number, sinks: Sinks): void {
  const first = rows[0]!;
  for (const d of rows) {
    const others = rows.filter((o) => o !== d).map((o) => o.source);
    sinks.dropped.push({
      id: d.record.id,
      role: d.record.role,
      source: d.source,
      reason: "conflicting-submissions",
      by: others,
    });
  }
  sinks.warnings.push({
    code: "CONFLICTING_SUBMISSIONS",
    message: `One e-mail under ${codes} different codes in ${rowsText(rows.map((d) => d.source))}: these rows are left out (excluded.csv) until one is corrected or deleted.`,
    location: { ...first.source, column: first.idColumn },
    details: { rows: rows.map((d) => d.source.row).join(", "), kind: "email" },
  });
}

/**
 * Timed submissions of one person: the latest is kept and the older `superseded`; equal latest times
 * with identical answers keep the first in file and row order; with different answers, none is kept.
 */
function latestWins(rows: readonly Draft[], sinks: Sinks): readonly Draft[] {
  const { dropped, warnings } = sinks;
  let latest = Number.NEGATIVE_INFINITY;
  for (const d of rows) latest = Math.max(latest, d.timestamp!);
  const top = rows.filter((d) => d.timestamp === latest);
  const older = rows.filter((d) => d.timestamp !== latest);
  const identical = top.every((d) => contentOf(d) === contentOf(top[0]!));
  if (identical) {
    // The latest submission (identical copies collapse into the first in file and row order).
    const kept = top[0]!;
    for (const d of [...older, ...top.slice(1)]) {
      dropped.push({
        id: d.record.id,
        role: d.record.role,
        source: d.source,
        reason: "superseded",
        by: [kept.source],
      });
      warnings.push({
        code: "DUPLICATE_SUBMISSION",
        message:
          d.timestamp === latest
            ? `Submitted twice with the same time and the same answers: ${d.source.file} row ${d.source.row} and row ${kept.source.row}; one (row ${kept.source.row}) is kept.`
            : `Submitted twice: ${d.source.file} row ${d.source.row} and row ${kept.source.row}; the latest (row ${kept.source.row}) is kept.`,
        location: kept.source,
        details: { keptRow: kept.source.row, droppedRow: d.source.row, droppedFile: d.source.file },
      });
    }
    return [kept];
  }
  // Equal latest times, different answers: no row can be told to be the latest.
  for (const d of top) {
    dropped.push({
      id: d.record.id,
      role: d.record.role,
      source: d.source,
      reason: "conflicting-submissions",
      by: top.filter((o) => o !== d).map((o) => o.source),
    });
  }
  for (const d of older) {
    dropped.push({
      id: d.record.id,
      role: d.record.role,
      source: d.source,
      reason: "superseded",
      by: top.map((o) => o.source),
    });
  }
  warnings.push({
    code: "CONFLICTING_SUBMISSIONS",
    message: `Submitted ${top.length} times with the same time and different answers: ${rowsText(top.map((d) => d.source))}; the participant is left out (excluded.csv) until the coordinator deletes all but one.`,
    location: top[0]!.source,
    details: { rows: top.map((d) => d.source.row).join(", "), kind: "same-time" },
  });
  return [];
}

/**
 * Two kept rows of one role with the same full name but different codes may be one person who submitted
 * twice under two codes (Yandex Forms' «ID» is the answer's number, not the person's): a warning naming
 * both rows, never the name, so the curator can check. O(rows).
 */
function warnSameNames(kept: readonly Draft[], warnings: ReadWarning[]): void {
  const first = new Map<string, Draft>();
  for (const d of kept) {
    if (d.record.name === undefined) continue;
    const key = `${d.record.role}\u0000${nameKeys(d.record.name).sorted}`;
    if (key.endsWith("\u0000")) continue;
    const p = first.get(key);
    if (p === undefined) {
      first.set(key, d);
      continue;
    }
    warnings.push({
      code: "SAME_NAME",
      message: `The same full name as in ${p.source.file}, row ${p.source.row}, under another code: if it is one person who answered twice, delete the older row.`,
      location: d.source,
      details: { otherFile: p.source.file, otherRow: p.source.row },
    });
  }
}
