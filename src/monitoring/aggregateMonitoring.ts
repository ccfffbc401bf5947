/** District roll-up: the schools' monitoring summaries (counts and histograms, no ids) → district tables. */
import * as z from "zod";
import { InputFileError } from "../errors.js";
import { type MonitoringParameter, MonitoringParameterSchema } from "../questionnaire/monitoringConfig.js";
import { mergeHistograms, total } from "./_internal/histogram.js";
import { summarizeChanges } from "./summarizeChanges.js";
import type { ChangeSummary, Histogram, KpiResult, MonitoringSummary, MonitorRole } from "./types.js";

const histogram = z.array(z.tuple([z.number(), z.int().min(0)]));
const role = z.enum(["mentor", "mentee"]);
const label = z.object({ ru: z.string(), en: z.string() });
const kpi = z.object({
  id: z.string(),
  label,
  metric: z.string(),
  target: z.number(),
  comparison: z.enum(["at-least", "at-most"]),
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  met: z.boolean().nullable(),
  note: z.string().optional(),
});
/** The part of a school's monitoring.json the district reads (and nothing else). */
export const MonitoringSummarySchema = z.object({
  school: z.string().min(1).max(200),
  timePoints: z.array(z.string()),
  parameters: z.array(MonitoringParameterSchema),
  counts: z.array(
    z.object({
      form: z.string(),
      role,
      participants: z.int().min(0),
      filled: z.array(z.int().min(0)),
      satisfactionFilled: z.int().min(0),
    }),
  ),
  pairs: z.int().min(0),
  atRiskPairs: z.int().min(0),
  changes: z.array(
    z.object({
      parameter: z.string(),
      role,
      form: z.string(),
      gains: histogram,
      first: histogram,
      last: histogram,
      single: z.int().min(0),
    }),
  ),
  satisfaction: z.array(z.object({ question: z.string(), role, form: z.string(), distribution: histogram })),
  satisfiedAt: z.number(),
  questions: z.array(z.object({ id: z.string(), label })).default([]),
  kpis: z.array(kpi),
});

/** What {@link aggregateMonitoring} returns: district tables, with no participant in them. */
export interface DistrictReport {
  readonly schools: readonly string[];
  /** The parameters and satisfaction questions of the schools (the first school's wording of each id). */
  readonly parameters: readonly MonitoringParameter[];
  readonly questions: readonly {
    readonly id: string;
    readonly label: { readonly ru: string; readonly en: string };
  }[];
  readonly minSignificanceN: number;
  /** Participants by school, form and role (the district total is their sum). */
  readonly counts: readonly {
    readonly school: string;
    readonly form: string;
    readonly role: MonitorRole;
    readonly participants: number;
    readonly filledAll: number;
    readonly satisfactionFilled: number;
  }[];
  readonly totals: {
    readonly participants: number;
    readonly pairs: number;
    readonly atRiskPairs: number;
    readonly byFormRole: readonly {
      readonly form: string;
      readonly role: MonitorRole;
      readonly participants: number;
    }[];
  };
  readonly pairsBySchool: readonly {
    readonly school: string;
    readonly pairs: number;
    readonly atRiskPairs: number;
  }[];
  /** Per parameter and role: all schools pooled (`dimension: "all"`), per form, and per school. */
  readonly byParameter: readonly ChangeSummary[];
  readonly byForm: readonly ChangeSummary[];
  readonly bySchool: readonly ChangeSummary[];
  readonly satisfaction: readonly {
    readonly question: string;
    readonly role: MonitorRole;
    readonly n: number;
    readonly distribution: Histogram;
    readonly mean: number | null;
    readonly shareSatisfied: number | null;
  }[];
  /** Per school and `school: ""` for the district total (sums of the numerators and denominators). */
  readonly kpis: readonly (KpiResult & { readonly school: string })[];
}

/** Options of {@link aggregateMonitoring}. */
export interface AggregateOptions {
  readonly minSignificanceN?: number;
  readonly alpha?: number;
}

/**
 * Parses a school's monitoring.json and keeps only its summary (counts, histograms and KPIs); the lists of
 * participants, pairs and rows it also holds are never read.
 *
 * @param json - the parsed monitoring.json.
 * @param file - its path, for messages.
 * @returns the summary.
 * @throws InputFileError `INVALID_VALUE` naming the file and the key when it is not a monitoring.json.
 */
export function parseMonitoringSummary(json: unknown, file: string): MonitoringSummary {
  const summary = (json as { summary?: unknown } | null)?.summary;
  const parsed = MonitoringSummarySchema.safeParse(summary);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputFileError(
      "INVALID_VALUE",
      "This is not the monitoring.json that `mentor-match monitor` writes.",
      {
        location: { file, column: ["summary", ...issue.path].join(".") },
        hint: "Give each school's monitoring.json (from `mentor-match monitor … --out <folder>`).",
        details: { what: "monitoring-json" },
      },
    );
  }
  return parsed.data as MonitoringSummary;
}

/**
 * Merges schools' monitoring summaries into district tables: participants by school, form and role; the
 * change statistics of every parameter pooled over the schools (from the schools' histograms: the mean,
 * the median, the shares and the Wilcoxon test are those of all the district's changes together), per form
 * and per school; satisfaction pooled; and every KPI per school and for the district (the sums of the
 * schools' numerators over the sums of their denominators). Only counts and statistics are read.
 *
 * Complexity: O(total size of the histograms · log).
 *
 * @param summaries - one per school (from {@link parseMonitoringSummary}); school names are made unique.
 * @param options - significance settings.
 * @returns the district report.
 * @throws never.
 * @example
 * const district = aggregateMonitoring([parseMonitoringSummary(a, "s1/monitoring.json"), parseMonitoringSummary(b, "s2/monitoring.json")]);
 * district.totals.participants; // the sum of the schools'
 */
export function aggregateMonitoring(
  summaries: readonly MonitoringSummary[],
  options: AggregateOptions = {},
): DistrictReport {
  const taken = new Map<string, number>();
  const schools = summaries.map((s) => {
    const k = (taken.get(s.school) ?? 0) + 1;
    taken.set(s.school, k);
    return k === 1 ? s.school : `${s.school} (${k})`;
  });
  const direction = new Map<string, "higher" | "lower">();
  const order: string[] = [];
  for (const s of summaries)
    for (const p of s.parameters) {
      if (!direction.has(p.id)) order.push(p.id);
      direction.set(p.id, p.direction);
    }
  const counts = summaries.flatMap((s, k) =>
    s.counts.map((c) => ({
      school: schools[k]!,
      form: c.form,
      role: c.role,
      participants: c.participants,
      filledAll: c.filled.length === 0 ? 0 : Math.min(...c.filled),
      satisfactionFilled: c.satisfactionFilled,
    })),
  );
  const byFormRoleMap = new Map<string, number>();
  for (const c of counts)
    byFormRoleMap.set(
      `${c.form}|${c.role}`,
      (byFormRoleMap.get(`${c.form}|${c.role}`) ?? 0) + c.participants,
    );
  const byFormRole = [...byFormRoleMap.entries()]
    .map(([k, participants]) => {
      const [form, r] = k.split("|") as [string, MonitorRole];
      return { form, role: r, participants };
    })
    .sort((a, b) => (a.form < b.form ? -1 : a.form > b.form ? 1 : a.role.localeCompare(b.role)));

  type Parts = { gains: Histogram[]; first: Histogram[]; last: Histogram[]; single: number };
  const pooled = new Map<string, Parts>();
  const add = (key: string, c: MonitoringSummary["changes"][number]) => {
    const p = pooled.get(key) ?? { gains: [], first: [], last: [], single: 0 };
    p.gains.push(c.gains);
    p.first.push(c.first);
    p.last.push(c.last);
    p.single += c.single;
    pooled.set(key, p);
  };
  summaries.forEach((s, k) => {
    for (const c of s.changes) {
      add(`all|${c.parameter}|${c.role}|`, c);
      add(`form|${c.parameter}|${c.role}|${c.form}`, c);
      add(`school|${c.parameter}|${c.role}|${schools[k]}`, c);
    }
  });
  const rank = new Map(order.map((id, k) => [id, k]));
  const summariesOf = (dimension: string): ChangeSummary[] =>
    [...pooled.entries()]
      .filter(([key]) => key.startsWith(`${dimension}|`))
      .map(([key, p]) => {
        const [, parameter, r, k] = key.split("|") as [string, string, MonitorRole, string];
        return {
          parameter,
          role: r,
          dimension,
          key: k,
          ...summarizeChanges(
            {
              gains: mergeHistograms(p.gains),
              first: mergeHistograms(p.first),
              last: mergeHistograms(p.last),
              single: p.single,
              direction: direction.get(parameter) ?? "higher",
            },
            options,
          ),
        };
      })
      .sort(
        (a, b) =>
          (rank.get(a.parameter) ?? 0) - (rank.get(b.parameter) ?? 0) ||
          a.role.localeCompare(b.role) ||
          (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
      );

  const satParts = new Map<string, { hist: Histogram[]; satisfiedAt: number }>();
  for (const s of summaries)
    for (const q of s.satisfaction) {
      const key = `${q.question}|${q.role}`;
      const e = satParts.get(key) ?? { hist: [], satisfiedAt: s.satisfiedAt };
      e.hist.push(q.distribution);
      satParts.set(key, e);
    }
  const satisfaction = [...satParts.entries()].map(([key, e]) => {
    const [question, r] = key.split("|") as [string, MonitorRole];
    const distribution = mergeHistograms(e.hist);
    const n = total(distribution);
    let sum = 0;
    let ok = 0;
    for (const [v, c] of distribution) {
      sum += v * c;
      if (v >= e.satisfiedAt) ok += c;
    }
    return {
      question,
      role: r,
      n,
      distribution,
      mean: n === 0 ? null : sum / n,
      shareSatisfied: n === 0 ? null : ok / n,
    };
  });

  const kpis: (KpiResult & { school: string })[] = [];
  const kpiIds: string[] = [];
  const totalsOf = new Map<string, { first: KpiResult; num: number; den: number; measured: number }>();
  summaries.forEach((s, k) => {
    for (const r of s.kpis) {
      kpis.push({ ...r, school: schools[k]! });
      const t = totalsOf.get(r.id) ?? { first: r, num: 0, den: 0, measured: 0 };
      if (!totalsOf.has(r.id)) kpiIds.push(r.id);
      if (r.value !== null) {
        t.num += r.numerator;
        t.den += r.denominator;
        t.measured++;
      }
      totalsOf.set(r.id, t);
    }
  });
  for (const id of kpiIds) {
    const t = totalsOf.get(id)!;
    const value = t.den > 0 ? t.num / t.den : null;
    const { note: _note, ...base } = t.first;
    kpis.push({
      ...base,
      school: "",
      numerator: t.num,
      denominator: t.den,
      value,
      met:
        value === null
          ? null
          : base.comparison === "at-least"
            ? value >= base.target - 1e-12
            : value <= base.target + 1e-12,
      ...(value === null ? { note: "no-data" } : {}),
    });
  }

  const parameters = new Map<string, MonitoringParameter>();
  const questions = new Map<string, { id: string; label: { ru: string; en: string } }>();
  for (const s of summaries) {
    for (const p of s.parameters) if (!parameters.has(p.id)) parameters.set(p.id, p);
    for (const q of s.questions) if (!questions.has(q.id)) questions.set(q.id, q);
  }
  return {
    schools,
    parameters: [...parameters.values()],
    questions: [...questions.values()],
    minSignificanceN: options.minSignificanceN ?? 10,
    counts,
    totals: {
      participants: counts.reduce((s, c) => s + c.participants, 0),
      pairs: summaries.reduce((s, x) => s + x.pairs, 0),
      atRiskPairs: summaries.reduce((s, x) => s + x.atRiskPairs, 0),
      byFormRole,
    },
    pairsBySchool: summaries.map((s, k) => ({
      school: schools[k]!,
      pairs: s.pairs,
      atRiskPairs: s.atRiskPairs,
    })),
    byParameter: summariesOf("all"),
    byForm: summariesOf("form"),
    bySchool: summariesOf("school"),
    satisfaction,
    kpis,
  };
}
