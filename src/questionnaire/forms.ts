/** The forms of mentoring of the target model (Р-145, 2019), as the program config names them. */

/**
 * Every form of mentoring with a preset, in the order the target model lists them. O(1).
 *
 * @example
 * FORMS.includes("student-student"); // true
 */
export const FORMS = [
  "student-student",
  "teacher-teacher",
  "college-student",
  "employer-student",
  "employer-college-student",
] as const;

/** A form of mentoring: ученик–ученик, учитель–учитель, студент–ученик, работодатель–ученик, работодатель–студент. */
export type Form = (typeof FORMS)[number];
