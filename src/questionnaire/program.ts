/**
 * The program configuration: the form, the questions, the criteria, the rules. zod schemas are the
 * source of truth; the TypeScript types and the shipped JSON Schema are derived from them.
 */
import { STRATEGIES } from "../matching/strategies.js";
import * as z from "zod";
import { FORMS } from "./forms.js";
import { MonitoringSchema } from "./monitoringConfig.js";

/** A text in Russian and English (what a coordinator reads). */
export const LabelSchema = z.strictObject({
  ru: z.string().min(1).max(300),
  en: z.string().min(1).max(300),
});
/** A text in Russian and English. */
export type Label = z.infer<typeof LabelSchema>;

const ID = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const idSchema = z
  .string()
  .regex(ID, "an identifier: a Latin letter, then letters, digits or _ (at most 64)");

/** Who answers a question or whom a rule concerns. */
export const RoleSchema = z.enum(["mentor", "mentee"]);
/** A participant's role. */
export type Role = z.infer<typeof RoleSchema>;

/** Kinds of questionnaire items: several options, one option, a number (a Likert scale too), yes/no, free text. */
export const QUESTION_KINDS = ["multi", "single", "number", "boolean", "text"] as const;

/** One questionnaire item. `options` for choice items (spelled as the survey spells them). */
export const QuestionSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(QUESTION_KINDS),
  label: LabelSchema,
  /** Who answers it. */
  role: z.enum(["mentor", "mentee", "both"]).default("both"),
  /** The options of a `multi` or `single` item; for `single`, in order when an ordinal criterion uses it. */
  options: z.array(z.string().min(1).max(200)).min(1).max(256).optional(),
  /** Bounds of a `number` item (a Likert scale is `min: 1, max: 5`). */
  min: z.number().optional(),
  max: z.number().optional(),
  /** A note for the coordinator (e.g. the column `init` proposed it from); ignored by the scoring. */
  comment: z.string().max(500).optional(),
});
/** One questionnaire item. */
export type Question = z.infer<typeof QuestionSchema>;

/** Participant fields (not questions) that numeric criteria and rules may read. */
export const NUMERIC_FIELDS = ["grade", "age", "experienceYears"] as const;
/** A numeric participant field. */
export type NumericField = (typeof NUMERIC_FIELDS)[number];
/**
 * Profile fields a formula may read besides the answers and the numeric fields: `tags` (a list, e.g.
 * `has(mentee.tags, "ovz")` to give a priority group weight), `roleModel` and `organisation` (texts, e.g.
 * `mentee.organisation != mentor.organisation`). A question with the same id takes precedence.
 */
export const PROFILE_FIELDS = ["tags", "roleModel", "organisation"] as const;

const unit = z.number().min(0).max(1);

/** What every criterion has: an id, a label, a weight or `must`, and the value taken when an answer is missing. */
const common = {
  /** A name for explanations and overrides; defaults to `<kind>-<position>`. */
  id: idSchema.optional(),
  label: LabelSchema.optional(),
  /** Relative weight in the score. @defaultValue 1, or 0 for a `must` criterion */
  weight: z.number().min(0).max(1000).optional(),
  /** A hard filter: the pair is ineligible when the criterion's value is below `threshold`. */
  must: z.boolean().default(false),
  /** For `must`: the least value that passes. @defaultValue 1e-9 (any positive value passes) */
  threshold: unit.optional(),
  /** The value when either participant has not answered. @defaultValue 0 */
  ifMissing: unit.default(0),
  /** A note for the coordinator (e.g. why `init` proposed it); ignored by the scoring. */
  comment: z.string().max(500).optional(),
};

const field = z.enum(NUMERIC_FIELDS);

/** Shared interests: |A ∩ B| / |A ∪ B| (jaccard), 2|A ∩ B| / (|A| + |B|) (dice) or |A ∩ B| / min(|A|, |B|). */
export const OverlapCriterionSchema = z.strictObject({
  kind: z.literal("overlap"),
  ...common,
  question: idSchema,
  measure: z.enum(["jaccard", "dice", "min"]).default("jaccard"),
});

/** How much of the mentee's need the mentor offers: |need ∩ offer| / |need|. */
export const CoverageCriterionSchema = z.strictObject({
  kind: z.literal("coverage"),
  ...common,
  /** The mentee's question (what is needed). */
  need: idSchema,
  /** The mentor's question (what is offered). */
  offer: idSchema,
});

/** Closeness on an ordered scale: 1 − |a − b| / (max − min). */
export const OrdinalCriterionSchema = z.strictObject({
  kind: z.literal("ordinal"),
  ...common,
  /** A `single` question with ordered options, or a `number` question with `min` and `max`. */
  question: idSchema,
});

/** Closeness of numbers: max(0, 1 − |d − offset| / scale) (linear) or exp(−((d − offset)/scale)²) (gaussian), d = mentor − mentee. */
export const NumericCriterionSchema = z.strictObject({
  kind: z.literal("numeric"),
  ...common,
  question: idSchema.optional(),
  field: field.optional(),
  /** The ideal difference mentor − mentee. */
  offset: z.number().default(0),
  scale: z.number().positive(),
  shape: z.enum(["linear", "gaussian"]).default("linear"),
});

/** Same option (or compatible options, or a wildcard such as "either"): 1, else `mismatch`. */
export const CategoricalCriterionSchema = z.strictObject({
  kind: z.literal("categorical"),
  ...common,
  /** The question both answer (`single` or `boolean`). */
  question: idSchema,
  /** The mentor's question when it differs from the mentee's (same options). */
  mentorQuestion: idSchema.optional(),
  /** Options that match anything ("either", "не важно"). */
  any: z.array(z.string()).default([]),
  /** Pairs of different options that still match. */
  compatible: z.array(z.tuple([z.string(), z.string()])).default([]),
  /** Value of a mismatch. */
  mismatch: unit.default(0),
});

/** Common time slots: min(|A ∩ B|, required) / required. */
export const ScheduleCriterionSchema = z.strictObject({
  kind: z.literal("schedule"),
  ...common,
  question: idSchema,
  /** Common slots needed for the full value. */
  required: z.int().min(1).max(64).default(1),
});

/**
 * A difference mentor − mentee within [min, max] (grade, age, experience): 1, else 0. Usually `must`.
 * `question` may be a `number` question or a `single` question whose options are in order (the difference
 * of the options' places): "mentor above mentee" on a scale such as AA < EO < HEO < SEO < Grade 7 is
 * `{ kind: "gap", question: "civilServiceGrade", min: 1, must: true }`.
 */
export const GapCriterionSchema = z.strictObject({
  kind: z.literal("gap"),
  ...common,
  question: idSchema.optional(),
  field: field.optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});

/**
 * The ranks each side gave the other after the networking meeting. One direction scores (L − r) / L for
 * rank r (0 = first) in a list of length L, 0 when not listed, `ifNoList` when the list is empty; the two
 * directions are blended `menteeShare : 1 − menteeShare`.
 */
export const PreferenceCriterionSchema = z.strictObject({
  kind: z.literal("preference"),
  ...common,
  menteeShare: unit.default(0.5),
  ifNoList: unit.default(0),
});

/** A mathjs expression over `mentee.<question>` and `mentor.<question>`, clamped to [0, 1]. */
export const FormulaCriterionSchema = z.strictObject({
  kind: z.literal("formula"),
  ...common,
  expression: z.string().min(1).max(1000),
});

/** The criterion kinds. */
export const CRITERION_KINDS = [
  "overlap",
  "coverage",
  "ordinal",
  "numeric",
  "categorical",
  "schedule",
  "gap",
  "preference",
  "formula",
] as const;

/** One criterion of the score. */
export const CriterionSchema = z.discriminatedUnion("kind", [
  OverlapCriterionSchema,
  CoverageCriterionSchema,
  OrdinalCriterionSchema,
  NumericCriterionSchema,
  CategoricalCriterionSchema,
  ScheduleCriterionSchema,
  GapCriterionSchema,
  PreferenceCriterionSchema,
  FormulaCriterionSchema,
]);
/** One criterion of the score (parsed, defaults filled in). */
export type Criterion = z.infer<typeof CriterionSchema>;
/** A criterion kind. */
export type CriterionKind = Criterion["kind"];

/**
 * A rule on one person: who may be a mentor or a mentee at all (e.g. a mentor's experience ≥ 5 years).
 * A participant who fails it is excluded with the reason "ineligible-role".
 */
export const EligibilityRuleSchema = z.strictObject({
  id: idSchema.optional(),
  label: LabelSchema.optional(),
  role: RoleSchema,
  field: field.optional(),
  question: idSchema.optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** For a `single` question: the options that pass. */
  oneOf: z.array(z.string()).optional(),
  /** Whether a participant without the value passes. */
  ifMissing: z.enum(["exclude", "include"]).default("exclude"),
});
/** A rule on one person. */
export type EligibilityRule = z.infer<typeof EligibilityRuleSchema>;

const participantId = z.string().min(1).max(64);

/** A pair given by participant ids. */
export const PairSchema = z.strictObject({ mentee: participantId, mentor: participantId });
/** A pair given by participant ids. */
export type Pair = z.infer<typeof PairSchema>;

/** The strategies a program may name (those `match` runs). */
export { STRATEGIES };

/** A program of mentoring: what the coordinator configures. */
export const ProgramSchema = z.strictObject({
  /** The JSON Schema this config follows (ignored). */
  $schema: z.string().optional(),
  /** Header → question id or field mapping used when reading survey exports (read by the CLI). */
  columns: z.record(z.string(), z.string()).optional(),
  form: z.enum(FORMS),
  title: LabelSchema.optional(),
  questions: z.array(QuestionSchema).max(200),
  criteria: z.array(CriterionSchema).min(1).max(100),
  eligibility: z.array(EligibilityRuleSchema).max(100).default([]),
  /** Pairs that must never be formed. */
  forbiddenPairs: z.array(PairSchema).default([]),
  /** Pairs fixed in advance by the coordinator. */
  pinnedPairs: z.array(PairSchema).default([]),
  defaults: z
    .strictObject({
      /** Mentees per mentor when the questionnaire does not say. */
      capacity: z.int().min(0).max(1000).default(1),
      /** Pairs scoring below this are not allowed. */
      minScore: unit.default(0),
    })
    .prefault({}),
  /** Age from which own consent is valid. */
  ageOfMajority: z.int().min(14).max(21).default(18),
  /** When the age is unknown, a participant with a grade at most this is a minor. */
  minorMaxGrade: z.int().min(0).max(12).default(11),
  /**
   * How a participant whose age (or birth date) is not given is treated, per role. `by-grade`: a minor
   * when the grade is at most `minorMaxGrade`, and when no grade is given either (school students: only a
   * guardian's consent is then valid). `adult`: an adult (teachers, professionals, college students, whose
   * grade is a year of study). A participant whose age is given is a minor below `ageOfMajority` either way.
   */
  whenAgeUnknown: z
    .strictObject({
      mentor: z.enum(["by-grade", "adult"]).default("by-grade"),
      mentee: z.enum(["by-grade", "adult"]).default("by-grade"),
    })
    .prefault({}),
  /** Whether consent is required at all (leave true: the law requires it). */
  requireConsent: z.boolean().default(true),
  /**
   * Where the consents are: `in-data` (a consent column in the questionnaires, the default), or `on-file`
   * (adults' signed consents are kept elsewhere, `note` says where; it is printed in the report). Minors
   * still need a guardian's consent in the data; a participant whose age cannot be told is a minor unless
   * the form treats that role as adults (`whenAgeUnknown`).
   */
  consent: z
    .strictObject({
      source: z.enum(["in-data", "on-file"]),
      note: z.string().min(1).max(500).optional(),
    })
    .optional(),
  /** The date ages are computed at (YYYY-MM-DD); the day of scoring when absent. */
  referenceDate: z.iso.date().optional(),
  seed: z
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .default(0),
  strategy: z.enum(STRATEGIES).default("stable"),
  /**
   * The report as the appendix to the principal's order: the school, the program's name, the date
   * (YYYY-MM-DD) and the number of the order. What is left out is a blank to fill in by hand.
   */
  appendix: z
    .strictObject({
      school: z.string().min(1).max(300).optional(),
      program: z.string().min(1).max(300).optional(),
      date: z.iso.date().optional(),
      order: z.string().min(1).max(50).optional(),
    })
    .optional(),
  /**
   * How the stable and greedy strategies order equal scores: `index` (lower row first) or `seeded` (a
   * lottery drawn from `seed`, so that another seed gives other tie-breaks). Left out: `seeded` when the
   * command line is given `--seed`, `index` otherwise.
   */
  ties: z.enum(["index", "seeded"]).optional(),
  /** Diagnostics, satisfaction and targets over the year (src/questionnaire/monitoringConfig.ts). */
  monitoring: MonitoringSchema.optional(),
});
/** A program of mentoring, parsed (defaults filled in). */
export type Program = z.infer<typeof ProgramSchema>;
/** A program config as written (defaults may be left out). */
export type ProgramInput = z.input<typeof ProgramSchema>;
