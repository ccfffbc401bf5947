/**
 * fast-check arbitraries of whole programs: a form's preset, seeded realistic participants (valid for
 * the program's zod schemas), and optionally the scored matching instance.
 */
import * as fc from "fast-check";
import { MatchingInputError } from "../../errors.js";
import { FORMS, type Form } from "../../questionnaire/forms.js";
import { generateParticipants } from "../../questionnaire/generate.js";
import type { Participant } from "../../questionnaire/participant.js";
import { presets } from "../../questionnaire/presets.js";
import type { Program } from "../../questionnaire/program.js";
import { scoreParticipants } from "../../scoring/scoreParticipants.js";
import type { ScoredInstance } from "../../scoring/types.js";
import type { IntRange } from "./matchingInstance.js";

/** Options of {@link program}. */
export interface ProgramOptions {
  /** Forms of mentoring to draw from. @defaultValue every form (`FORMS`) */
  readonly forms?: readonly Form[];
  /** Number of mentors. @defaultValue `{ min: 1, max: 8 }` */
  readonly mentors?: number | IntRange;
  /** Number of mentees. @defaultValue `{ min: 1, max: 16 }` */
  readonly mentees?: number | IntRange;
  /** Share of participants who name preferred partners. @defaultValue 0.25 */
  readonly preferenceRate?: number;
  /** Share of participants without a valid consent. @defaultValue 0.03 */
  readonly missingConsentRate?: number;
  /** Share of answers left blank. @defaultValue 0.05 */
  readonly blankRate?: number;
  /** Also score the participants (`scored`: the score matrix and the matching instance). @defaultValue false */
  readonly scored?: boolean;
  /** The day ages are computed at when scoring (fixed, so that values do not change with the date). @defaultValue "2025-09-01" */
  readonly referenceDate?: string;
}

/** A generated program. */
export interface GeneratedProgram {
  readonly form: Form;
  readonly program: Program;
  readonly seed: number;
  /** Mentors first, then mentees; valid for `parseParticipants(program, …)`. */
  readonly participants: readonly Participant[];
  /** With `scored: true`: the included participants, the scores and the instance for `match`. */
  readonly scored?: ScoredInstance;
}

function range(value: number | IntRange | undefined, fallback: IntRange, name: string): IntRange {
  const r = value === undefined ? fallback : typeof value === "number" ? { min: value, max: value } : value;
  if (!Number.isInteger(r.min) || !Number.isInteger(r.max) || r.min < 0 || r.max < r.min) {
    throw new MatchingInputError(
      "INVALID_OPTION",
      `${name} must be a whole number ≥ 0 or a range { min, max } with min ≤ max.`,
    );
  }
  return r;
}

/**
 * An arbitrary of whole programs: a form's preset and seeded participants from `generateParticipants`
 * (answers, ages or grades, consents, tags, named preferences), optionally scored into a matching
 * instance. Shrinks towards fewer participants and the first form. O(participants × questions) per value,
 * plus the scoring (O(mentees × mentors × criteria)).
 *
 * @param options - forms, counts, rates, scoring.
 * @returns the arbitrary.
 * @throws MatchingInputError (`INVALID_OPTION`) for bad counts or an empty list of forms.
 * @example
 * fc.assert(fc.property(program({ scored: true }), ({ scored }) => {
 *   const r = match(scored!.instance, { strategy: "stable" });
 *   return isStable(scored!.instance, r.mentorOf);
 * }));
 */
export function program(options: ProgramOptions = {}): fc.Arbitrary<GeneratedProgram> {
  const forms = options.forms ?? FORMS;
  if (forms.length === 0 || forms.some((f) => !(FORMS as readonly string[]).includes(f))) {
    throw new MatchingInputError("INVALID_OPTION", `forms must list some of: ${FORMS.join(", ")}.`);
  }
  const mentors = range(options.mentors, { min: 1, max: 8 }, "mentors");
  const mentees = range(options.mentees, { min: 1, max: 16 }, "mentees");
  const referenceDate = options.referenceDate ?? "2025-09-01";
  return fc
    .record({
      form: fc.constantFrom(...forms),
      mentors: fc.integer(mentors),
      mentees: fc.integer(mentees),
      seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    })
    .map(({ form, mentors: m, mentees: n, seed }) => {
      const program = presets[form];
      const participants = generateParticipants(program, {
        mentors: m,
        mentees: n,
        seed,
        ...(options.preferenceRate === undefined ? {} : { preferenceRate: options.preferenceRate }),
        ...(options.missingConsentRate === undefined
          ? {}
          : { missingConsentRate: options.missingConsentRate }),
        ...(options.blankRate === undefined ? {} : { blankRate: options.blankRate }),
      });
      const out: GeneratedProgram = { form, program, seed, participants };
      return options.scored === true
        ? { ...out, scored: scoreParticipants(program, participants, { referenceDate }) }
        : out;
    });
}
