/** The one argument form of every function that reads a matching: a result, or its `mentorOf`. */
import type { MatchingLike } from "../types.js";

/**
 * The `mentorOf` of a matching argument: the array itself, or a result's `mentorOf`. Anything else is
 * returned as given, for the caller's shape check to report. O(1).
 *
 * @param matching - a `MatchResult` (or any object with `mentorOf`), or an `Int32Array`.
 * @returns the mentor of each mentee, -1 = none.
 */
export function mentorOfArgument(matching: MatchingLike): Int32Array {
  if (matching instanceof Int32Array) return matching;
  if (typeof matching === "object" && matching !== null && "mentorOf" in matching) return matching.mentorOf;
  return matching as Int32Array;
}
