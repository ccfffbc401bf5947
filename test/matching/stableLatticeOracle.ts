/** Shared by the stable-lattice tests: strict instances, and costs read straight from the ranked lists. */
import * as fc from "fast-check";
import type { MatchingInstance } from "mentor-match";
import { matchingInstance } from "mentor-match/testing";

/**
 * Instances with ranked lists on both sides (strict preferences): two thirds with complete, opposed lists
 * (rich lattices: many stable matchings), one third with short lists, holes, capacity 0 and pins.
 */
export function strictInstances(): fc.Arbitrary<MatchingInstance> {
  const rich = matchingInstance({
    mentees: { min: 2, max: 6 },
    mentors: { min: 2, max: 5 },
    capacity: { min: 1, max: 2 },
    lists: "both",
    opposedLists: true,
  });
  const rough = matchingInstance({
    mentees: { min: 0, max: 6 },
    mentors: { min: 1, max: 5 },
    capacity: { min: 0, max: 2 },
    lists: "both",
    opposedLists: true,
    truncateLists: true,
    incomplete: 0.1,
    pins: 1,
  });
  return fc.oneof({ arbitrary: rich, weight: 2 }, { arbitrary: rough, weight: 1 });
}

/** Place (1-based) of each side's partner in its own list, over the unpinned matched mentees. */
export function ranksOf(
  inst: MatchingInstance,
  mentorOf: Int32Array,
): { mentee: number[]; mentor: number[] } {
  const pinned = new Set((inst.pinned ?? []).map((p) => p.mentee));
  const mentee: number[] = [];
  const mentor: number[] = [];
  mentorOf.forEach((j, i) => {
    if (j === -1 || pinned.has(i)) return;
    mentee.push(inst.menteePreferences![i]!.indexOf(j) + 1);
    mentor.push(inst.mentorPreferences![j]!.indexOf(i) + 1);
  });
  return { mentee, mentor };
}

/** Sum of both sides' ranks. */
export function egalitarianCost(inst: MatchingInstance, mentorOf: Int32Array): number {
  const r = ranksOf(inst, mentorOf);
  return [...r.mentee, ...r.mentor].reduce((a, b) => a + b, 0);
}

/** The worst rank anyone has (for a mentor: its worst mentee). */
export function regret(inst: MatchingInstance, mentorOf: Int32Array): number {
  const r = ranksOf(inst, mentorOf);
  return Math.max(0, ...r.mentee, ...r.mentor);
}
