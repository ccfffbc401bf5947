/** The pairs in force, in whichever form they were given, visited one by one as two ids. */
import { MatchingInputError } from "../../errors.js";
import type { IdPair, PreviousPairs, PreviousRun } from "../types.js";

/** Visits pair number `k` (0-based, in the order given) of the pairs in force. */
export type PairVisitor = (mentee: string, mentor: string, k: number) => void;

function isRun(p: PreviousPairs): p is PreviousRun {
  return typeof p === "object" && p !== null && "result" in p && "mentees" in p && "mentors" in p;
}

/** Compares strings by code unit (locale-independent, so the order is the same on every machine). */
export function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function notString(k: number): MatchingInputError {
  return new MatchingInputError("INVALID_OPTION", `Previous pair ${k + 1} has an id that is not a string.`, {
    hint: "Name each participant of a previous pair by their id (code).",
  });
}

/**
 * Visits the pairs in force, in the order given (the result of re-matching does not depend on it), without
 * building a list of them: a previous run is read from its `mentorOf` and its ids. O(p).
 * @throws MatchingInputError (`INVALID_OPTION`) when an id is not a string, or a previous run's pair names a
 *   row or column it has no id for (two mentors of one mentee are found by the caller, which looks every
 *   mentee up anyway).
 */
export function forEachPreviousPair(previous: PreviousPairs, visit: PairVisitor): void {
  if (previous instanceof Map) {
    let k = 0;
    for (const [mentee, mentor] of previous as ReadonlyMap<unknown, unknown>) {
      if (typeof mentee !== "string" || typeof mentor !== "string") throw notString(k);
      visit(mentee, mentor, k++);
    }
  } else if (Array.isArray(previous)) {
    const pairs = previous as readonly IdPair[];
    for (let k = 0; k < pairs.length; k++) {
      const p = pairs[k];
      if (typeof p?.mentee !== "string" || typeof p.mentor !== "string") throw notString(k);
      visit(p.mentee, p.mentor, k);
    }
  } else if (isRun(previous)) {
    const { mentorOf } = previous.result;
    let k = 0;
    for (let i = 0; i < mentorOf.length; i++) {
      const j = mentorOf[i]!;
      if (j < 0) continue;
      const mentee = previous.mentees[i]?.id;
      const mentor = previous.mentors[j]?.id;
      if (mentee === undefined || mentor === undefined) {
        throw new MatchingInputError(
          "INVALID_OPTION",
          `The previous run's pair at row ${i} names a mentee or mentor it has no id for.`,
          { hint: "Give the previous run's result with the ids of all its mentees and mentors." },
        );
      }
      if (typeof mentee !== "string" || typeof mentor !== "string") throw notString(k);
      visit(mentee, mentor, k++);
    }
  } else {
    let k = 0;
    for (const [mentee, mentor] of Object.entries(previous as Readonly<Record<string, unknown>>)) {
      if (typeof mentor !== "string") throw notString(k);
      visit(mentee, mentor, k++);
    }
  }
}
