/**
 * `init`'s plan for the columns of the exports: each column's field (by header and by values) with its
 * confidence and three sample values; every other column a proposed question or an explicit `ignore`.
 */
import type { Language } from "../../language.js";
import { headerlessProblem } from "../../csv/_internal/headerless.js";
import { type ColumnProfile, profileColumn } from "../../csv/_internal/profiles.js";
import { type ColumnField, type ColumnMatch, IGNORE, mapColumns } from "../../csv/mapColumns.js";
import type { ParticipantSource, QuestionSpec } from "../../csv/readParticipants.js";
import type { InputFileError } from "../../errors.js";
import { type Proposal, proposeQuestion } from "./propose.js";

/** One column as `init` reports it. */
export interface PlannedColumn {
  readonly header: string;
  /** The target written to the config: a field, `q:<id>`, or `ignore`. */
  readonly target: string;
  readonly how: ColumnMatch["how"] | "proposed";
  readonly confidence: number;
  /** Up to three values, masked for columns of names, e-mails and preferences. */
  readonly samples: readonly string[];
  /** A header match not taken because the values contradict it. */
  readonly rejected?: { readonly key: string; readonly fit: number };
  readonly proposal?: Proposal["kind"];
}

/** What {@link planColumns} returns. */
export interface ColumnPlan {
  readonly files: readonly {
    readonly file: string;
    readonly mapped: readonly PlannedColumn[];
    readonly unmapped: readonly PlannedColumn[];
  }[];
  /** The config's `columns`: every column of every file, `ignore` included. */
  readonly columns: Record<string, string>;
  /** The field keys found in some file. */
  readonly found: ReadonlySet<string>;
  /** Questions (and weight-0 criteria) proposed for columns of repeated answers. */
  readonly proposals: readonly Proposal[];
  /** Files refused (a first row that looks like data). */
  readonly problems: readonly InputFileError[];
}

const PERSONAL = new Set(["name", "surname", "firstName", "patronymic", "email", "preferences"]);

/** A value as `init` may print it: names, e-mails and codes reduced to their first letter. */
function mask(value: string, personal: boolean): string {
  const v = value.replace(/\s+/g, " ").trim();
  if (!personal) return v.length > 30 ? `${v.slice(0, 29)}…` : v;
  if (v.includes("@")) return `${v[0]}…@…`;
  return `${v[0] ?? ""}…`;
}

function samplesOf(profile: ColumnProfile | undefined, key: string | null): string[] {
  if (profile === undefined) return [];
  const personal =
    (key !== null && PERSONAL.has(key)) ||
    (profile.share.personName >= 0.3 && profile.distinct * 2 > profile.filled) ||
    profile.share.email >= 0.3;
  return profile.samples.map((s) => mask(s, personal));
}

/**
 * Maps the columns of every file and decides what the config says about each one. O(files · columns ·
 * rows) (the profiles read at most 500 rows a column).
 *
 * @param questions - the program's questions.
 * @param fields - the column fields (`columnFieldsOf(questions)`).
 * @param sources - the exports, each with its role (or a role column).
 * @returns the plan: per file what each column is, the `columns` to write, the proposed questions.
 * @throws never.
 */
export function planColumns(
  questions: readonly QuestionSpec[],
  fields: readonly ColumnField[],
  sources: readonly ParticipantSource[],
): ColumnPlan {
  const columns: Record<string, string> = {};
  const found = new Set<string>();
  const problems: InputFileError[] = [];
  const files: { file: string; mapped: PlannedColumn[]; unmapped: { c: ColumnMatch; at: number }[] }[] = [];
  const leftover = new Map<string, { cells: string[]; roles: Set<string> }>();
  for (const { table, role } of sources) {
    const headerless = headerlessProblem(table);
    if (headerless !== undefined) {
      problems.push(headerless);
      continue;
    }
    const mapping = mapColumns(table.header, fields, {
      rows: table.rows.map((r) => r.cells),
      ...(role === undefined ? {} : { role }),
    });
    const mapped: PlannedColumn[] = [];
    const unmapped: { c: ColumnMatch; at: number }[] = [];
    for (const c of mapping.columns) {
      if (c.key === null) {
        unmapped.push({ c, at: c.index });
        const entry = leftover.get(c.header) ?? { cells: [], roles: new Set<string>() };
        for (const r of table.rows) entry.cells.push(r.cells[c.index] ?? "");
        entry.roles.add(role ?? "both");
        leftover.set(c.header, entry);
        continue;
      }
      for (const k of c.keys ?? [c.key]) found.add(k);
      const target = (c.keys ?? [c.key]).join("|");
      const before = columns[c.header];
      // The same header answered under a different question in the other role's file: one per role.
      if (before === undefined) columns[c.header] = target;
      else if (before !== target && before.startsWith("q:") && target.startsWith("q:"))
        columns[c.header] = [...new Set([...before.split("|"), ...target.split("|")])].join("|");
      mapped.push({
        header: c.header,
        target,
        how: c.how,
        confidence: c.confidence,
        samples: samplesOf(c.profile, c.key),
      });
    }
    files.push({ file: table.file, mapped, unmapped });
  }
  // Columns no file mapped: a question of repeated answers, else `ignore`.
  const proposals: Proposal[] = [];
  const taken = new Set(questions.map((q) => q.id));
  const decided = new Map<string, PlannedColumn>();
  for (const [header, { cells, roles }] of leftover) {
    if (columns[header] !== undefined) continue;
    const profile = profileColumn(cells);
    const role = roles.size === 1 && !roles.has("both") ? ([...roles][0] as "mentor" | "mentee") : "both";
    const proposal = proposeQuestion(header, profile, role, taken);
    const samples = samplesOf(profile, null);
    if (proposal === undefined) {
      columns[header] = IGNORE;
      decided.set(header, { header, target: IGNORE, how: null, confidence: 0, samples });
      continue;
    }
    const id = proposal.question.id as string;
    taken.add(id);
    proposals.push(proposal);
    columns[header] = `q:${id}`;
    decided.set(header, {
      header,
      target: `q:${id}`,
      how: "proposed",
      confidence: 0,
      samples,
      proposal: proposal.kind,
    });
  }
  return {
    files: files.map((f) => ({
      file: f.file,
      mapped: f.mapped,
      unmapped: f.unmapped.map(({ c }) => {
        const d = decided.get(c.header);
        const base = d ?? {
          header: c.header,
          target: columns[c.header] ?? IGNORE,
          how: null,
          confidence: 0,
          samples: samplesOf(c.profile, null),
        };
        return c.rejected === undefined ? base : { ...base, rejected: c.rejected };
      }),
    })),
    columns,
    found,
    proposals,
    problems,
  };
}

const HOW: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  ru: {
    partial: "по части заголовка — проверьте",
    values: "по значениям — проверьте",
    given: "из настроек",
  },
  en: { partial: "by part of the header — check", values: "by the values — check", given: "from the config" },
};

const KIND: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  ru: { single: "один вариант", multi: "несколько вариантов", ordinal: "порядковая шкала", number: "число" },
  en: { single: "single choice", multi: "multiple choice", ordinal: "ordinal scale", number: "a number" },
};

/** One column as `init` prints it: field, confidence, three sample values. */
export function columnLine(c: PlannedColumn, language: Language): string {
  const samples =
    c.samples.length === 0 ? "" : `  ${language === "ru" ? "например" : "e.g."}: ${c.samples.join(" | ")}`;
  if (c.how === "proposed") {
    return language === "ru"
      ? `  + «${c.header}» → ${c.target}  (новый вопрос: ${KIND.ru[c.proposal ?? "single"]}, вес 0 — задайте вес)${samples}`
      : `  + «${c.header}» → ${c.target}  (new question: ${KIND.en[c.proposal ?? "single"]}, weight 0 — set a weight)${samples}`;
  }
  if (c.target === IGNORE) {
    const why =
      c.rejected === undefined
        ? ""
        : language === "ru"
          ? `  (заголовок похож на «${c.rejected.key}», но значения не подходят: ${Math.round(c.rejected.fit * 100)} %)`
          : `  (the header looks like "${c.rejected.key}", but the values do not fit: ${Math.round(c.rejected.fit * 100)} %)`;
    return `  ✗ «${c.header}» → ignore${why}${samples}`;
  }
  const how = c.how === null ? undefined : HOW[language][c.how];
  const confidence = `${Math.round(c.confidence * 100)} %`;
  return `  ✓ «${c.header}» → ${c.target}  (${confidence}${how === undefined ? "" : `, ${how}`})${samples}`;
}
