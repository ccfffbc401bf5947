/**
 * Who takes part in a scoring call: consent and the program's rules sort the participants into
 * mentees, mentors and the excluded; preferences that name nobody usable are reported.
 */
import type { Participant } from "../../questionnaire/participant.js";
import type { Program } from "../../questionnaire/program.js";
import type { ExcludedParticipant, ScoringWarning } from "../types.js";
import { exclusionOf } from "./exclusion.js";

/** The participants of one call, sorted by id, and the excluded in input order. */
export interface Participation {
  readonly mentees: Participant[];
  readonly mentors: Participant[];
  /** Every participant left out, with the reason, in input order. */
  readonly excluded: ExcludedParticipant[];
  readonly excludedIds: ReadonlySet<string>;
}

const byId = (a: Participant, b: Participant): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Sorts the participants into mentees and mentors (each sorted by id, so that the input's order changes
 * nothing) and the excluded (consent, the program's rules), the excluded in input order.
 * O(n log n) for n participants.
 */
export function takePart(people: readonly Participant[], prog: Program, day: Date): Participation {
  const excluded: ExcludedParticipant[] = [];
  const excludedIds = new Set<string>();
  const mentees: Participant[] = [];
  const mentors: Participant[] = [];
  const inputIndex = new Map<string, number>();
  people.forEach((p, k) => {
    inputIndex.set(p.id, k);
    const why = exclusionOf(p, prog, day);
    if (why !== undefined) {
      excluded.push(why);
      excludedIds.add(p.id);
    } else if (p.role === "mentee") mentees.push(p);
    else mentors.push(p);
  });
  mentees.sort(byId);
  mentors.sort(byId);
  excluded.sort((a, b) => (inputIndex.get(a.id) ?? 0) - (inputIndex.get(b.id) ?? 0));
  return { mentees, mentors, excluded, excludedIds };
}

/**
 * Preferences that name nobody, someone of the same role, or someone excluded: a warning each (reported,
 * not fatal), in input order; the entry itself is never repeated (it may be a person's name).
 * O(total preference entries).
 */
export function preferenceWarnings(
  people: readonly Participant[],
  excludedIds: ReadonlySet<string>,
  warnings: ScoringWarning[],
): void {
  const roleOf = new Map(people.map((p) => [p.id, p.role]));
  people.forEach((p, index) => {
    p.preferences.forEach((ref, entry) => {
      const role = roleOf.get(ref);
      if (role === undefined) {
        warnings.push({
          code: "UNKNOWN_PREFERENCE",
          index,
          id: p.id,
          entry,
          // The entry itself is not repeated: an unresolved entry may be a person's name.
          message: `Participant "${p.id}": preference ${entry + 1} names nobody among the participants; it is left out.`,
        });
      } else if (role === p.role) {
        warnings.push({
          code: "PREFERENCE_SAME_ROLE",
          index,
          id: p.id,
          entry,
          message: `Participant "${p.id}": preference ${entry + 1} names another ${role}; it is left out.`,
        });
      } else if (excludedIds.has(ref)) {
        warnings.push({
          code: "PREFERENCE_EXCLUDED",
          index,
          id: p.id,
          entry,
          message: `Participant "${p.id}": preference ${entry + 1} names a participant who is excluded from matching; it is left out.`,
        });
      }
    });
  });
}
