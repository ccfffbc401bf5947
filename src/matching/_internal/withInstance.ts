/** The one way an entry point reads an instance: validate, run, and give pooled tables back. */
import type { MatchingInstance } from "../types.js";
import { type Instance, type NormalizeOptions, normalizeInstance, releaseWorkingCopy } from "./instance.js";
import { releaseRankIndexes } from "./rankIndex.js";

/**
 * Validates `input` ({@link normalizeInstance}), runs `run` on the normalised instance, and gives its
 * dense rank tables and its working copy of `number[][]` scores back to the pool in a `finally`, so that
 * an error on the way (a bad option found late, an internal guard) cannot leave a table of up to 200 MB
 * held by a dead instance, and the next call of a like size writes into memory already touched. Every public
 * function that reads an instance goes through it. O(1) beyond `normalizeInstance` and `run`.
 *
 * @param input - the instance as given.
 * @param options - what `normalizeInstance` accepts (lists without scores, a deferred score check).
 * @param run - the work on the normalised instance; it must not keep the instance's rank indexes or
 *   scores (nothing it returns may alias them).
 * @returns what `run` returns.
 * @throws whatever `normalizeInstance` or `run` throws.
 * @example
 * const result = withInstance(instance, {}, (inst) => buildResult(inst, mentorOf, "mine"));
 */
export function withInstance<T>(
  input: MatchingInstance,
  options: NormalizeOptions,
  run: (inst: Instance) => T,
): T {
  const inst = normalizeInstance(input, options);
  try {
    return run(inst);
  } finally {
    releaseRankIndexes(inst);
    releaseWorkingCopy(inst.dense);
  }
}
