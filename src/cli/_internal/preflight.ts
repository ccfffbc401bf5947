/**
 * Pre-flight: for every criterion and eligibility rule of the program, how many participants have the
 * data it needs; a rule that would exclude everyone of a role because no column provides its field is an
 * error naming the field, the column to map and the rule.
 */
import type { Language } from "../../language.js";
import type { ColumnMapping } from "../../csv/mapColumns.js";
import type { ParticipantRecord, ParticipantSource } from "../../csv/readParticipants.js";
import { InfeasibleError, type MentorMatchError, ProgramError } from "../../errors.js";
import type { MatchingInstance } from "../../matching/types.js";
import type { Program } from "../../questionnaire/program.js";

/** One criterion's or rule's data: how many mentees and mentors have it (null: not read from that side). */
export interface CoverageLine {
  readonly what: "criterion" | "rule";
  /** A `must` criterion (a pair fails it without the data when `ifMissing` is below its threshold). */
  readonly must?: boolean;
  readonly id: string;
  readonly mentees: { readonly have: number; readonly of: number } | null;
  readonly mentors: { readonly have: number; readonly of: number } | null;
}

type Need = { readonly field: string } | { readonly question: string } | { readonly preferences: true };

function has(p: ParticipantRecord, need: Need): boolean {
  if ("preferences" in need) return p.preferences.length > 0;
  if ("field" in need) {
    if (need.field === "age") return p.age !== undefined || p.birthDate !== undefined;
    return (p as unknown as Record<string, unknown>)[need.field] !== undefined;
  }
  const a = p.answers[need.question];
  return a !== undefined && !(Array.isArray(a) && a.length === 0);
}

function needsOf(c: Program["criteria"][number]): { mentee: Need | null; mentor: Need | null } | null {
  switch (c.kind) {
    case "overlap":
    case "schedule":
    case "ordinal":
      return { mentee: { question: c.question }, mentor: { question: c.question } };
    case "categorical":
      return { mentee: { question: c.question }, mentor: { question: c.mentorQuestion ?? c.question } };
    case "coverage":
      return { mentee: { question: c.need }, mentor: { question: c.offer } };
    case "numeric":
    case "gap": {
      const need: Need = c.field !== undefined ? { field: c.field } : { question: c.question ?? "" };
      return { mentee: need, mentor: need };
    }
    case "preference":
      return { mentee: { preferences: true }, mentor: { preferences: true } };
    default:
      return null;
  }
}

function count(people: readonly ParticipantRecord[], role: "mentor" | "mentee", need: Need | null) {
  if (need === null) return null;
  let have = 0;
  let of = 0;
  for (const p of people) {
    if (p.role !== role) continue;
    of++;
    if (has(p, need)) have++;
  }
  return { have, of };
}

/** The column keys that can provide a need (`age` also from a birth date). */
function keysOf(need: Need): string[] {
  if ("preferences" in need) return ["preferences"];
  if ("field" in need) return need.field === "age" ? ["age", "birthDate"] : [need.field];
  return [`q:${need.question}`];
}

function mapped(mapping: ColumnMapping, keys: readonly string[]): boolean {
  return mapping.columns.some(
    (c) => c.key !== null && (keys.includes(c.key) || (c.keys ?? []).some((k) => keys.includes(k))),
  );
}

/**
 * Counts, per criterion and per eligibility rule, the participants with the data it needs; and checks
 * that every rule which excludes a participant without the value has a column to read it from.
 *
 * Complexity: O((criteria + rules) · participants).
 *
 * @param program - the program (parsed).
 * @param people - the participants read.
 * @param files - each file's role (undefined: a role column) and column mapping.
 * @returns the coverage lines, and a `MISSING_COLUMN` error per rule whose field no file of its role maps.
 * @throws never.
 */
export function preflight(
  program: Program,
  people: readonly ParticipantRecord[],
  files: readonly { readonly source: ParticipantSource; readonly mapping: ColumnMapping }[],
): { lines: CoverageLine[]; problems: MentorMatchError[] } {
  const lines: CoverageLine[] = [];
  const problems: MentorMatchError[] = [];
  program.criteria.forEach((c, k) => {
    const needs = needsOf(c);
    if (needs === null) return;
    lines.push({
      what: "criterion",
      must: c.must,
      id: c.id ?? `${c.kind}-${k}`,
      mentees: count(people, "mentee", needs.mentee),
      mentors: count(people, "mentor", needs.mentor),
    });
  });
  program.eligibility.forEach((r, k) => {
    const need: Need = r.field !== undefined ? { field: r.field } : { question: r.question ?? "" };
    const n = count(people, r.role, need)!;
    const id = r.id ?? `eligibility[${k}]`;
    lines.push({
      what: "rule",
      id,
      mentees: r.role === "mentee" ? n : null,
      mentors: r.role === "mentor" ? n : null,
    });
    if (r.ifMissing !== "exclude" || n.of === 0 || n.have > 0) return;
    const ofRole = files.filter((f) => f.source.role === undefined || f.source.role === r.role);
    const keys = keysOf(need);
    if (ofRole.some((f) => mapped(f.mapping, keys))) return;
    const what = r.field ?? `q:${r.question}`;
    const path = `eligibility[${k}]`;
    problems.push(
      new ProgramError(
        "MISSING_COLUMN",
        `Rule ${id} needs each ${r.role}'s ${what}, but no column of ${ofRole.map((f) => f.source.table.file).join(", ")} provides it: all ${n.of} ${r.role}s would be excluded.`,
        {
          location: { column: path },
          hint: `Map the column that holds it in the config's "columns" (e.g. "<header>": "${what}"), or remove the rule ${path} (${id}) from the config.`,
          details: { what: "rule-field", rule: id, field: what, path, role: r.role, count: n.of },
        },
      ),
    );
  });
  return { lines, problems };
}

/** The coverage lines as the CLI prints them. */
export function coverageText(lines: readonly CoverageLine[], language: Language): string {
  if (lines.length === 0) return "";
  const side = (n: { have: number; of: number } | null, ru: string, en: string): string =>
    n === null ? "" : language === "ru" ? `${ru} ${n.have} из ${n.of}` : `${en} ${n.have} of ${n.of}`;
  const out = [
    language === "ru"
      ? "Данные для критериев и правил (у скольких участников они есть):"
      : "Data for the criteria and rules (how many participants have it):",
  ];
  for (const l of lines) {
    const kind =
      l.what === "rule"
        ? language === "ru"
          ? "правило"
          : "rule"
        : language === "ru"
          ? "критерий"
          : "criterion";
    const parts = [
      side(l.mentees, "наставляемые", "mentees"),
      side(l.mentors, "наставники", "mentors"),
    ].filter((s) => s !== "");
    const none =
      (l.mentees === null || l.mentees.have === 0) &&
      (l.mentors === null || l.mentors.have === 0) &&
      (l.mentees !== null || l.mentors !== null);
    out.push(`  ${none ? "!" : "·"} ${kind} ${l.id}: ${parts.join(", ")}`);
  }
  return `${out.join("\n")}\n`;
}

/** Counts of the excluded by reason code, most first. */
function reasonsOf(excluded: readonly { readonly reason: string }[]): string {
  const by = new Map<string, number>();
  for (const e of excluded) by.set(e.reason, (by.get(e.reason) ?? 0) + 1);
  return [...by.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([r, n]) => `${r} ×${n}`)
    .join(", ");
}

/**
 * A run that can form no pair at all (every mentor or every mentee excluded, or no pair allowed): an
 * `InfeasibleError` `NO_PAIRS` with the reason, so that `match` exits 3 instead of reporting success.
 *
 * @param scored - mentors and mentees kept, the excluded, and whether any pair is allowed.
 * @returns the error, or undefined when a pair can be formed.
 */
export function nothingToMatch(scored: {
  readonly mentors: readonly unknown[];
  readonly mentees: readonly unknown[];
  readonly excluded: readonly { readonly role: string; readonly reason: string }[];
  readonly anyAllowed: boolean;
  /** The coverage lines: a required criterion without data on a side is the configuration's doing. */
  readonly coverage?: readonly CoverageLine[];
}): InfeasibleError | undefined {
  // Only the configuration's doing: exclusions by its eligibility rules (not by missing consent or a
  // capacity of 0, which are the participants' answers), or no pair allowed by a required criterion
  // that has no data on one side.
  const byRule = (e: { readonly reason: string }) =>
    e.reason === "ineligible-role" || e.reason.startsWith("missing-");
  const exMentors = scored.excluded.filter((e) => e.role === "mentor");
  const exMentees = scored.excluded.filter((e) => e.role === "mentee");
  const blind = (scored.coverage ?? []).some(
    (l) =>
      l.must === true &&
      (((l.mentees?.of ?? 0) > 0 && l.mentees?.have === 0) ||
        ((l.mentors?.of ?? 0) > 0 && l.mentors?.have === 0)),
  );
  let problem: string | undefined;
  let side = "";
  let reasons = "";
  let count = 0;
  if (scored.mentors.length === 0 && exMentors.some(byRule)) {
    [side, reasons, count] = ["mentor", reasonsOf(exMentors), exMentors.length];
    problem = `Every mentor (${count}) is excluded before matching (${reasons}).`;
  } else if (scored.mentees.length === 0 && exMentees.some(byRule)) {
    [side, reasons, count] = ["mentee", reasonsOf(exMentees), exMentees.length];
    problem = `Every mentee (${count}) is excluded before matching (${reasons}).`;
  } else if (scored.mentors.length > 0 && scored.mentees.length > 0 && !scored.anyAllowed && blind)
    problem = `No pair of the ${scored.mentees.length} mentees and ${scored.mentors.length} mentors is allowed by the program's rules.`;
  if (problem === undefined) return undefined;
  return new InfeasibleError("NO_PAIRS", problem, {
    hint: "Run `validate` to see which data each rule and criterion has, then fix the config (columns, eligibility, consent) or the questionnaires.",
    details: {
      side,
      reasons,
      count,
      mentors: scored.mentors.length,
      mentees: scored.mentees.length,
      excluded: scored.excluded.length,
    },
  });
}

/** Whether a matching instance allows at least one pair (a finite score not forbidden). O(cells). */
export function anyAllowed(instance: MatchingInstance): boolean {
  const { scores, forbidden } = instance;
  if (scores instanceof Float64Array) {
    for (let k = 0; k < scores.length; k++)
      if (scores[k]! > Number.NEGATIVE_INFINITY && (forbidden === undefined || forbidden[k] === 0))
        return true;
    return false;
  }
  return true;
}
