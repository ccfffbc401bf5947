/**
 * The `monitoring` section of a program config: what is measured at each diagnostic (per role, with its
 * scale and direction), the satisfaction questionnaire, when a pair is at risk, and the targets (KPIs) of
 * the roadmaps. zod schemas are the source of truth; `ProgramSchema` references {@link MonitoringSchema}.
 */
import * as z from "zod";

const label = z.strictObject({ ru: z.string().min(1).max(300), en: z.string().min(1).max(300) });
const id = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_]{0,63}$/,
    "an identifier: a Latin letter, then letters, digits or _ (at most 64)",
  );
const role = z.enum(["mentor", "mentee", "both"]);

/**
 * One measured parameter (motivation, subject results, competence, involvement …): a number on a scale
 * `min`–`max`, or one of ordered `levels` (read as 1, 2, … in that order). `direction` says which way is
 * better: `higher` (motivation) or `lower` (difficulties, absences).
 */
export const MonitoringParameterSchema = z
  .strictObject({
    id,
    label,
    /** Who is assessed on it. */
    role: role.default("mentee"),
    min: z.number().default(1),
    max: z.number().default(10),
    /** Ordered answers of a level scale, lowest first («низкий», «средний», «высокий»); then min = 1, max = levels. */
    levels: z.array(z.string().min(1).max(200)).min(2).max(20).optional(),
    direction: z.enum(["higher", "lower"]).default("higher"),
  })
  .refine((p) => p.levels !== undefined || p.max > p.min, {
    message: "max must be greater than min",
    path: ["max"],
  });
/** One measured parameter. */
export type MonitoringParameter = z.infer<typeof MonitoringParameterSchema>;

/** One item of the satisfaction questionnaire: a number on `min`–`max` (a 1–10 scale by default). */
export const SatisfactionQuestionSchema = z
  .strictObject({
    id,
    label,
    role: role.default("both"),
    min: z.number().default(1),
    max: z.number().default(10),
  })
  .refine((q) => q.max > q.min, { message: "max must be greater than min", path: ["max"] });
/** One satisfaction item. */
export type SatisfactionQuestion = z.infer<typeof SatisfactionQuestionSchema>;

/** What a KPI measures; each is computed from the pairs in force, the diagnostics and the satisfaction. */
export const KPI_METRICS = [
  /** Participants of the program / `population` (e.g. all teachers of the school): the coverage. */
  "coverage",
  /** Participants with a valid consent / everyone in the bases (the matching's excluded included). */
  "consent",
  /** Participants who filled in every diagnostic / participants. */
  "diagnostics-complete",
  /** Participants who filled in at least one diagnostic or the satisfaction questionnaire / participants. */
  "participation",
  /** Respondents whose `question` answer is at least `satisfiedAt` / respondents. */
  "satisfied",
  /** Participants improved on `parameter` (or on most parameters) / participants with a change. */
  "improved",
  /** The mean answer to `question` (e.g. the share of the individual plan realised, 0–100). */
  "question-mean",
] as const;

/** One target of the roadmaps: a metric, its threshold and whether the value must be at least or at most it. */
export const KpiSchema = z.strictObject({
  id,
  label,
  metric: z.enum(KPI_METRICS),
  /** Threshold: a share 0–1 for the share metrics; on the question's scale for `question-mean`. */
  target: z.number(),
  comparison: z.enum(["at-least", "at-most"]).default("at-least"),
  /** Whom it counts: mentors, mentees or both. */
  role: role.default("both"),
  /** For `coverage`: the size of the whole group (e.g. the number of teachers); unknown → not measured. */
  population: z.int().min(1).optional(),
  /** For `satisfied` and `question-mean`: the satisfaction question. */
  question: id.optional(),
  /** For `improved`: one parameter; absent → improved on most parameters. */
  parameter: id.optional(),
});
/** One target. */
export type Kpi = z.infer<typeof KpiSchema>;

/** The monitoring of a program: parameters, satisfaction, pairs at risk, targets, statistics. */
export const MonitoringSchema = z
  .strictObject({
    parameters: z.array(MonitoringParameterSchema).max(100).default([]),
    satisfaction: z
      .strictObject({
        questions: z.array(SatisfactionQuestionSchema).max(100).default([]),
        /** The question that says whether a participant is satisfied (the overall one). */
        overall: id.optional(),
        /** An answer at least this is "satisfied". @defaultValue 7 (of 10) */
        satisfiedAt: z.number().default(7),
      })
      .prefault({}),
    atRisk: z
      .strictObject({
        /** A pair is at risk when either side's overall satisfaction is below this. @defaultValue 5 */
        satisfactionBelow: z.number().default(5),
        /** …or when the mentee got worse on more than this share of the parameters with a change. */
        declineShare: z.number().min(0).max(1).default(0.5),
        /** Parameters with a change needed before a decline counts. @defaultValue 2 */
        minParameters: z.int().min(1).default(2),
      })
      .prefault({}),
    kpis: z.array(KpiSchema).max(50).default([]),
    /** Below this many changes a test result is never called significant. @defaultValue 10 */
    minSignificanceN: z.int().min(2).default(10),
    /** Significance level of the paired test. @defaultValue 0.05 */
    alpha: z.number().gt(0).lt(1).default(0.05),
  })
  .superRefine((m, ctx) => {
    const params = new Set(m.parameters.map((p) => p.id));
    const questions = new Set(m.satisfaction.questions.map((q) => q.id));
    const unique = (ids: readonly string[], path: string) => {
      const seen = new Set<string>();
      ids.forEach((x, k) => {
        if (seen.has(x))
          ctx.addIssue({ code: "custom", message: `duplicate id "${x}"`, path: [path, k, "id"] });
        seen.add(x);
      });
    };
    unique(
      m.parameters.map((p) => p.id),
      "parameters",
    );
    unique(
      m.kpis.map((k) => k.id),
      "kpis",
    );
    if (m.satisfaction.overall !== undefined && !questions.has(m.satisfaction.overall))
      ctx.addIssue({
        code: "custom",
        message: "not a satisfaction question id",
        path: ["satisfaction", "overall"],
      });
    m.kpis.forEach((k, i) => {
      if (k.question !== undefined && !questions.has(k.question))
        ctx.addIssue({
          code: "custom",
          message: "not a satisfaction question id",
          path: ["kpis", i, "question"],
        });
      if (k.parameter !== undefined && !params.has(k.parameter))
        ctx.addIssue({ code: "custom", message: "not a parameter id", path: ["kpis", i, "parameter"] });
      if (k.metric === "question-mean" && k.question === undefined)
        ctx.addIssue({
          code: "custom",
          message: "question-mean needs a question",
          path: ["kpis", i, "question"],
        });
    });
  });
/** The monitoring section, parsed (defaults filled in). */
export type Monitoring = z.infer<typeof MonitoringSchema>;
/** The monitoring section as written. */
export type MonitoringInput = z.input<typeof MonitoringSchema>;
