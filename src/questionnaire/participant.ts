/** A participant of a program: a mentor or a mentee, with the answers to the program's questions. */
import * as z from "zod";
import { RoleSchema } from "./program.js";

/** One answer: a number, an option, yes/no, free text, or the options chosen. */
export const AnswerSchema = z.union([z.number(), z.string(), z.boolean(), z.array(z.string())]);
/** One answer. */
export type Answer = z.infer<typeof AnswerSchema>;

/**
 * A participant. `id` is a code the school chose (never a name); `name` and `email` are used only to
 * resolve preferences and for output. Consent: `consent` is one's own, `guardianConsent` a parent's or
 * guardian's (the only one valid for a minor).
 */
export const ParticipantSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(
      /^[^\s,;](?:[^,;\r\n\t]*[^\s,;])?$/u,
      "a code without commas, semicolons, line breaks or surrounding spaces",
    ),
  role: RoleSchema,
  answers: z.record(z.string(), AnswerSchema).default({}),
  age: z.number().min(0).max(120).optional(),
  birthDate: z.iso.date().optional(),
  /** School grade (класс), 1–11; or a year of study. */
  grade: z.int().min(0).max(12).optional(),
  experienceYears: z.number().min(0).max(80).optional(),
  organisation: z.string().max(200).optional(),
  /** Priority groups and the like ("ovz", "gifted", "difficult-situation", "low-income", "rural", "orphan"). */
  tags: z.array(z.string().min(1).max(64)).default([]),
  /** The role model (успевающий–неуспевающий, лидер–пассивный, …), free text. */
  roleModel: z.string().max(200).optional(),
  consent: z.boolean().optional(),
  guardianConsent: z.boolean().optional(),
  /** Mentees this mentor takes; the program default when absent. */
  capacity: z.int().min(0).max(1000).optional(),
  /** Partner ids named after the networking meeting, best first. */
  preferences: z.array(z.string().min(1).max(64)).default([]),
  name: z.string().max(200).optional(),
  email: z.string().max(200).optional(),
});
/** A participant, parsed (defaults filled in). */
export type Participant = z.infer<typeof ParticipantSchema>;
/** A participant as given (defaults may be left out). */
export type ParticipantInput = ReadonlyInput<z.input<typeof ParticipantSchema>>;

/** A type whose arrays and objects may be given read-only (`as const` data), as inputs are only read. */
type ReadonlyInput<T> = T extends readonly (infer U)[]
  ? readonly ReadonlyInput<U>[]
  : T extends object
    ? { readonly [K in keyof T]: ReadonlyInput<T[K]> }
    : T;
