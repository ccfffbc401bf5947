/** Who is left out before scoring: consent, capacity, eligibility rules. */
import type { Participant } from "../../questionnaire/participant.js";
import type { EligibilityRule, Program } from "../../questionnaire/program.js";
import type { ExcludedParticipant } from "../types.js";
import { ageOf, fieldOf } from "./features.js";

/**
 * Whether a participant is a minor: by age (or birth date) when given; else as the program says for its
 * role (`whenAgeUnknown`): `by-grade` — grade ≤ `minorMaxGrade`, or no grade either (a school student of
 * unknown age needs a guardian's consent); `adult` — an adult.
 */
export function isMinor(p: Participant, program: Program, day: Date): boolean {
  const age = ageOf(p, day);
  if (age !== undefined) return age < program.ageOfMajority;
  if (program.whenAgeUnknown[p.role] === "adult") return false;
  return p.grade === undefined || p.grade <= program.minorMaxGrade;
}

function ruleName(rule: EligibilityRule, k: number): string {
  return rule.id ?? `eligibility[${k}]`;
}

function passes(p: Participant, rule: EligibilityRule, day: Date): boolean | undefined {
  let value: unknown;
  if (rule.field !== undefined) {
    const v = fieldOf(p, rule.field, day);
    value = Number.isNaN(v) ? undefined : v;
  } else {
    // Own answers only: a question called "constructor" must not read Object.prototype.constructor.
    const q = rule.question ?? "";
    value = Object.hasOwn(p.answers, q) ? p.answers[q] : undefined;
  }
  if (value === undefined) return undefined;
  if (rule.oneOf !== undefined && !rule.oneOf.includes(String(value))) return false;
  if (typeof value === "number") {
    if (rule.min !== undefined && value < rule.min) return false;
    if (rule.max !== undefined && value > rule.max) return false;
  }
  return true;
}

/** The reason a participant is left out, or undefined when it takes part. O(rules). */
export function exclusionOf(p: Participant, program: Program, day: Date): ExcludedParticipant | undefined {
  if (program.requireConsent) {
    if (isMinor(p, program, day)) {
      if (p.guardianConsent !== true) {
        return {
          id: p.id,
          role: p.role,
          reason: "guardian-consent-missing",
          detail: "A minor takes part only with a parent's or guardian's consent to process personal data.",
        };
      }
      // A minor's own «нет» is a no, whatever the guardian answered.
      if (p.consent === false) {
        return {
          id: p.id,
          role: p.role,
          reason: "no-consent",
          detail: "The participant said no to the consent.",
        };
      }
    } else if (p.consent === false || (p.consent !== true && program.consent?.source !== "on-file")) {
      // An adult's consent kept on file (program.consent.note says where) needs no column; an adult's own
      // «нет» in the data is still a no.
      return { id: p.id, role: p.role, reason: "no-consent", detail: "No consent to process personal data." };
    }
  }
  if (p.role === "mentor" && (p.capacity ?? program.defaults.capacity) === 0) {
    return {
      id: p.id,
      role: p.role,
      reason: "zero-capacity",
      detail: "The mentor takes no mentees (capacity 0).",
    };
  }
  for (let k = 0; k < program.eligibility.length; k++) {
    const rule = program.eligibility[k]!;
    if (rule.role !== p.role) continue;
    const ok = passes(p, rule, day);
    if (ok === false || (ok === undefined && rule.ifMissing === "exclude")) {
      const what = rule.field ?? rule.question;
      const cond = [
        rule.min === undefined ? "" : `≥ ${rule.min}`,
        rule.max === undefined ? "" : `≤ ${rule.max}`,
        rule.oneOf === undefined ? "" : `one of ${rule.oneOf.join(", ")}`,
      ]
        .filter((s) => s !== "")
        .join(" and ");
      // The real cause: the value was not given (which one), or it does not meet the rule.
      const reason: ExcludedParticipant["reason"] =
        ok === false
          ? "ineligible-role"
          : rule.field === "experienceYears"
            ? "missing-experience"
            : rule.field === "grade"
              ? "missing-grade"
              : rule.field === "age"
                ? "missing-age"
                : "missing-answer";
      return {
        id: p.id,
        role: p.role,
        reason,
        detail: `Rule ${ruleName(rule, k)}: a ${p.role}'s ${what} must be ${cond}${ok === undefined ? " (not given)" : ""}.`,
      };
    }
  }
  return undefined;
}
