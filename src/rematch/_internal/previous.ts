/** The pairs in force, in whichever form they were given, as a list of id pairs. */
import { MatchingInputError } from "../../errors.js";
import type { IdPair, PreviousPairs, PreviousRun } from "../types.js";

function isRun(p: PreviousPairs): p is PreviousRun {
  return typeof p === "object" && p !== null && "result" in p && "mentees" in p && "mentors" in p;
}

/** Compares strings by code unit (locale-independent, so the order is the same on every machine). */
export function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The pairs in force as `{ mentee, mentor }`, in the order given (the result does not depend on it). O(p).
 * @throws MatchingInputError (`INVALID_OPTION`) when an id is not a string (two mentors of one mentee are
 *   found by the caller, which looks every mentee up anyway).
 */
export function previousPairs(previous: PreviousPairs): readonly IdPair[] {
  let pairs: readonly IdPair[];
  if (previous instanceof Map) {
    pairs = [...(previous as ReadonlyMap<string, string>)].map(([mentee, mentor]) => ({ mentee, mentor }));
  } else if (Array.isArray(previous)) {
    pairs = previous as readonly IdPair[];
  } else if (isRun(previous)) {
    const list: IdPair[] = [];
    pairs = list;
    const { mentorOf } = previous.result;
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
      list.push({ mentee, mentor });
    }
  } else {
    pairs = Object.entries(previous as Readonly<Record<string, string>>).map(([mentee, mentor]) => ({
      mentee,
      mentor,
    }));
  }
  for (let k = 0; k < pairs.length; k++) {
    const p = pairs[k]!;
    if (typeof p?.mentee !== "string" || typeof p.mentor !== "string") {
      throw new MatchingInputError(
        "INVALID_OPTION",
        `Previous pair ${k + 1} has an id that is not a string.`,
        {
          hint: "Name each participant of a previous pair by their id (code).",
        },
      );
    }
  }
  return pairs;
}
