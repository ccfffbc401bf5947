/** Everything the outputs show, computed once from a matching and the people behind its indices. */
import type { MatchMetrics, MatchResult, UnmatchedReason } from "../matching/types.js";

/** A person as outputs show them: a code and, where the school gave one, a name. */
export interface ReportPerson {
  readonly id: string;
  readonly name?: string;
}

/** A label in both languages, or one string for both. */
export type Bilingual = string | { readonly ru: string; readonly en: string };

/** Why a pair scores what it scores: one criterion's part of the score. */
export interface ReportContribution {
  readonly label: Bilingual;
  readonly contribution: number;
  /** The criterion's share of the score; a criterion of weight 0 is never shown. */
  readonly weight?: number;
  /** False when either side's answer is missing ("no data"): never a reason. @defaultValue true */
  readonly known?: boolean;
  /** Whether the data support citing it as a reason (scoring's `Contribution.supported`). @defaultValue true */
  readonly supported?: boolean;
}

/** What the report shows as the appendix to the principal's order (all optional: blanks to fill in). */
export interface ReportAppendix {
  /** The school (educational organisation). */
  readonly school?: string;
  /** The program's name. */
  readonly program?: string;
  /** The date of the order, YYYY-MM-DD. */
  readonly date?: string;
  /** The number of the order. */
  readonly order?: string;
}

/** What {@link buildReportModel} takes. */
export interface ReportInput {
  /** The form of mentoring (e.g. `student-student`). */
  readonly form: string;
  /** Mentees in the order of the result's rows. */
  readonly mentees: readonly ReportPerson[];
  /** Mentors in the order of the result's columns, with their capacities. */
  readonly mentors: readonly (ReportPerson & { readonly capacity: number })[];
  readonly result: MatchResult;
  /** The score of (mentee, mentor); `-Infinity` when the pair is not allowed. */
  readonly score: (mentee: number, mentor: number) => number;
  /** Per-criterion parts of a pair's score. */
  readonly explain?: (mentee: number, mentor: number) => readonly ReportContribution[];
  /**
   * The place (1 = first) the mentee gave the mentor in the list of mentors it named (e.g. after the
   * networking meeting); `undefined` when it did not name that mentor or named none.
   */
  readonly choice?: (mentee: number, mentor: number) => number | undefined;
  /** Participants left out before matching (no consent …), by id only. */
  readonly excluded: readonly {
    readonly id: string;
    readonly role: "mentor" | "mentee";
    readonly reason: string;
    /** Which row this is and what replaced or conflicts with it (for `superseded` and
     * `conflicting-submissions`): file names and row numbers only. */
    readonly note?: Bilingual;
  }[];
  /** Warnings from reading the inputs, already in the report's language. */
  readonly warnings?: readonly string[];
  readonly seed: number;
  /** School, program, date and number of the order the pairs are an appendix to. */
  readonly appendix?: ReportAppendix;
}

export interface ReportPair {
  readonly mentor: ReportPerson;
  readonly mentee: ReportPerson;
  readonly score: number;
  /** The mentor's place among the mentee's options by score (1 = best; ties share a place). */
  readonly menteeRank: number;
  /** The place the mentee gave this mentor in its named list (1 = first choice); null when it did not name it. */
  readonly menteeChoice: number | null;
  /**
   * The top reasons (at most 3, largest contribution first): criteria whose data, on both sides, support
   * them; never one with missing data.
   */
  readonly reasons: readonly ReportContribution[];
  /** The criteria (of positive weight) with no data for this pair: one side or both did not answer. */
  readonly noData: readonly Bilingual[];
}

export interface ReportGroup {
  readonly mentor: ReportPerson;
  readonly capacity: number;
  readonly pairs: readonly ReportPair[];
}

export interface ReportUnmatched {
  readonly mentee: ReportPerson;
  readonly reason: UnmatchedReason;
  readonly closest: readonly {
    readonly mentor: ReportPerson;
    readonly score: number;
    readonly hasRoom: boolean;
  }[];
}

/** The content of every output, in neither language yet. */
export interface ReportModel {
  readonly form: string;
  readonly strategy: string;
  readonly seed: number;
  readonly tieBreak: MatchResult["tieBreak"];
  readonly metrics: MatchMetrics;
  readonly counts: {
    readonly mentors: number;
    readonly mentees: number;
    readonly matched: number;
    readonly unmatched: number;
    readonly excluded: number;
    readonly seats: number;
  };
  readonly groups: readonly ReportGroup[];
  readonly unmatched: readonly ReportUnmatched[];
  readonly excluded: ReportInput["excluded"];
  /** Mentors who got no mentee, in mentor order, with their capacity. */
  readonly idleMentors: readonly (ReportPerson & { readonly capacity: number })[];
  /** Pair scores in 10 bins of width 0.1 over [0, 1] (a score of exactly 1 is in the last bin). */
  readonly scoreBins: readonly number[];
  /** Per mentor: seats taken and offered, in mentor order. */
  readonly fill: readonly {
    readonly mentor: ReportPerson;
    readonly taken: number;
    readonly capacity: number;
  }[];
  readonly warnings: readonly string[];
  readonly appendix: ReportAppendix;
  /**
   * The criteria with no data for any pair (no column for them, or nobody answered): shown once in the
   * report rather than beside every pair. Empty when there are no pairs.
   */
  readonly noDataForAll: readonly Bilingual[];
}

const TOP_REASONS = 3;

const labelKey = (l: Bilingual): string => (typeof l === "string" ? l : `${l.ru}\u0000${l.en}`);

/** The "no data" labels every pair shares, in the order of the first pair. O(pairs · criteria). */
function noDataInEveryPair(groups: readonly ReportGroup[]): Bilingual[] {
  const pairs = groups.flatMap((g) => g.pairs);
  if (pairs.length === 0) return [];
  let common = pairs[0]!.noData;
  for (const p of pairs) {
    const keys = new Set(p.noData.map(labelKey));
    common = common.filter((l) => keys.has(labelKey(l)));
  }
  return [...common];
}

/**
 * Gathers what the report, the Markdown and the CSV/JSON outputs show: groups with scores, ranks and top
 * reasons, the unmatched with their reason and closest mentors (and whether they have room), the excluded
 * by id, score bins and mentor fill. Deterministic: it follows the order of the result.
 *
 * Complexity: O(n · m) for n mentees and m mentors (each matched mentee's rank is counted over its row),
 * plus one `explain` call per pair.
 *
 * @param input - the people, the result, the scores and the excluded.
 * @returns the model every renderer reads.
 * @throws never (it trusts a result built by `buildResult`).
 *
 * @example
 * const model = buildReportModel({ form: "student-student", mentees, mentors, result, score, excluded: [], seed: 1 });
 * model.counts.matched; // result.metrics.matched
 */
export function buildReportModel(input: ReportInput): ReportModel {
  const { result, mentees, mentors, score } = input;
  const m = mentors.length;
  const taken = new Int32Array(m);
  for (const g of result.groups) taken[g.mentor] = g.mentees.length;
  const groups: ReportGroup[] = [];
  const scoreBins = new Array<number>(10).fill(0);
  for (const g of result.groups) {
    const pairs: ReportPair[] = [];
    for (const i of g.mentees) {
      const s = score(i, g.mentor);
      let better = 0;
      for (let j = 0; j < m; j++) if (score(i, j) > s) better++;
      const explained = input.explain === undefined ? [] : input.explain(i, g.mentor);
      const reasons = explained
        .filter((c) => c.contribution > 0 && c.known !== false && c.supported !== false)
        .sort((a, b) => b.contribution - a.contribution)
        .slice(0, TOP_REASONS);
      const noData = explained
        .filter((c) => c.known === false && (c.weight === undefined || c.weight > 0))
        .map((c) => c.label);
      pairs.push({
        mentor: mentors[g.mentor]!,
        mentee: mentees[i]!,
        score: s,
        menteeRank: better + 1,
        menteeChoice: input.choice?.(i, g.mentor) ?? null,
        reasons,
        noData,
      });
      scoreBins[Math.min(9, Math.max(0, Math.floor(s * 10)))]!++;
    }
    groups.push({ mentor: mentors[g.mentor]!, capacity: mentors[g.mentor]!.capacity, pairs });
  }
  const unmatched: ReportUnmatched[] = result.unmatched.map((u) => ({
    mentee: mentees[u.mentee]!,
    reason: u.reason,
    closest: u.closest.map((j) => ({
      mentor: mentors[j]!,
      score: score(u.mentee, j),
      hasRoom: taken[j]! < mentors[j]!.capacity,
    })),
  }));
  let seats = 0;
  for (const p of mentors) seats += p.capacity;
  return {
    form: input.form,
    strategy: result.strategy,
    seed: input.seed,
    tieBreak: result.tieBreak,
    metrics: result.metrics,
    counts: {
      mentors: m,
      mentees: mentees.length,
      matched: result.metrics.matched,
      unmatched: result.unmatched.length,
      excluded: input.excluded.length,
      seats,
    },
    groups,
    unmatched,
    // Mentees first, each role by id, not in input order: the same input in another row order gives the
    // same outputs.
    excluded: [...input.excluded].sort((a, b) =>
      a.role !== b.role ? (a.role === "mentee" ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    ),
    idleMentors: mentors.filter((_, j) => taken[j] === 0),
    scoreBins,
    fill: mentors.map((p, j) => ({ mentor: p, taken: taken[j]!, capacity: p.capacity })),
    warnings: input.warnings ?? [],
    appendix: input.appendix ?? {},
    noDataForAll: noDataInEveryPair(groups),
  };
}
