/** The pairs in force, in whichever form they were given, as a list of id pairs sorted by mentee id. */
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
 * The pairs in force as `{ mentee, mentor }`, sorted by mentee id. O(p log p).
 * @throws MatchingInputError (`INVALID_OPTION`) when a mentee has two mentors or an id is not a string.
 */
export function previousPairs(previous: PreviousPairs): IdPair[] {
  let pairs: IdPair[];
  if (previous instanceof Map) {
    pairs = [...(previous as ReadonlyMap<string, string>)].map(([mentee, mentor]) => ({ mentee, mentor }));
  } else if (Array.isArray(previous)) {
    pairs = (previous as readonly IdPair[]).map((p) => ({ mentee: p.mentee, mentor: p.mentor }));
  } else if (isRun(previous)) {
    pairs = [];
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
      pairs.push({ mentee, mentor });
    }
  } else {
    pairs = Object.entries(previous as Readonly<Record<string, string>>).map(([mentee, mentor]) => ({
      mentee,
      mentor,
    }));
  }
  pairs.sort((a, b) => byCode(a.mentee, b.mentee) || byCode(a.mentor, b.mentor));
  for (let k = 0; k < pairs.length; k++) {
    const p = pairs[k]!;
    if (typeof p.mentee !== "string" || typeof p.mentor !== "string") {
      throw new MatchingInputError(
        "INVALID_OPTION",
        `Previous pair ${k + 1} has an id that is not a string.`,
        {
          hint: "Name each participant of a previous pair by their id (code).",
        },
      );
    }
    if (k > 0 && pairs[k - 1]!.mentee === p.mentee) {
      throw new MatchingInputError(
        "INVALID_OPTION",
        `Previous pairs ${k} and ${k + 1} (sorted by mentee) give the same mentee two mentors.`,
        { hint: "Give each mentee at most one mentor in the pairs in force." },
      );
    }
  }
  return pairs;
}
