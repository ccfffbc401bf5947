import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blockingPairs, isStable, type MatchingInstance, matchMetrics, rankProfile } from "./_api.js";
import { acceptable, reshape, smallInstance } from "./_instances.js";

const NEG = Number.NEGATIVE_INFINITY;

function sizes(instance: MatchingInstance): { n: number; m: number } {
  return {
    n: instance.menteePreferences?.length ?? (instance.scores as number[][]).length,
    m: instance.capacities!.length,
  };
}

/**
 * Effective score: -Infinity for a pair that is absent, forbidden, below minScore or left out by a side's
 * ranked list (a pinned pair stands whatever the lists say); 0 without scores.
 */
function eff(instance: MatchingInstance, i: number, j: number): number {
  const { m } = sizes(instance);
  if (instance.forbidden !== undefined && instance.forbidden[i * m + j] !== 0) return NEG;
  if (instance.scores === undefined) return 0;
  const s = (instance.scores as number[][])[i]![j]!;
  if (s < (instance.minScore ?? NEG)) return NEG;
  const pinned = (instance.pinned ?? []).some((p) => p.mentee === i && p.mentor === j);
  return pinned || acceptable(instance, i, j) ? s : NEG;
}

/** Naive preference values; null = unacceptable. */
function menteeVal(instance: MatchingInstance, i: number, j: number): number | null {
  if (!acceptable(instance, i, j)) return null;
  const list = instance.menteePreferences?.[i];
  return list !== undefined ? -list.indexOf(j) : eff(instance, i, j);
}
function mentorVal(instance: MatchingInstance, j: number, i: number): number | null {
  if (!acceptable(instance, i, j)) return null;
  const list = instance.mentorPreferences?.[j];
  return list !== undefined ? -list.indexOf(i) : eff(instance, i, j);
}

/** Blocking pairs straight from the definition. */
function naiveBlocking(instance: MatchingInstance, mentorOf: Int32Array): string[] {
  const { n, m } = sizes(instance);
  const pinned = new Set((instance.pinned ?? []).map((p) => p.mentee));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (pinned.has(i)) continue;
    for (let j = 0; j < m; j++) {
      const v = menteeVal(instance, i, j);
      if (v === null || mentorOf[i] === j) continue;
      const cur = mentorOf[i] === -1 ? null : menteeVal(instance, i, mentorOf[i]!);
      if (cur !== null && !(v > cur)) continue;
      const members = Array.from(mentorOf.keys()).filter((k) => mentorOf[k] === j);
      const wi = mentorVal(instance, j, i)!;
      const hasSeat = members.length < instance.capacities![j]!;
      const displaces = members.some(
        (k) => !pinned.has(k) && (mentorVal(instance, j, k) === null || wi > mentorVal(instance, j, k)!),
      );
      if (hasSeat || displaces) out.push(`${i}-${j}`);
    }
  }
  return out;
}

function naiveMenteeRank(instance: MatchingInstance, i: number, j: number): number {
  const list = instance.menteePreferences?.[i];
  if (list !== undefined) return list.indexOf(j) + 1;
  const s = eff(instance, i, j);
  if (s === NEG) return 0;
  let better = 0;
  for (let t = 0; t < sizes(instance).m; t++) if (eff(instance, i, t) > s) better++;
  return better + 1;
}

function naiveMentorRank(instance: MatchingInstance, j: number, i: number): number {
  const list = instance.mentorPreferences?.[j];
  if (list !== undefined) return list.indexOf(i) + 1;
  const s = eff(instance, i, j);
  if (s === NEG) return 0;
  let better = 0;
  for (let t = 0; t < sizes(instance).n; t++) if (eff(instance, t, j) > s) better++;
  return better + 1;
}

function histogram(ranks: number[]): { counts: number[]; unranked: number; mean: number } {
  const ranked = ranks.filter((r) => r > 0);
  const max = Math.max(0, ...ranked);
  const counts = new Array<number>(max).fill(0);
  for (const r of ranked) counts[r - 1]!++;
  return {
    counts,
    unranked: ranks.filter((r) => r === 0).length,
    mean: ranked.length === 0 ? Number.NaN : ranked.reduce((a, b) => a + b, 0) / ranked.length,
  };
}

/** An instance with a matching that honours pins and capacities and uses only acceptable pairs. */
const withMatching = fc
  .oneof(
    smallInstance({ pins: true, maxMentees: 6, maxMentors: 5, maxCapacity: 3 }),
    smallInstance({
      pins: true,
      maxMentees: 6,
      maxMentors: 5,
      maxCapacity: 1,
      minCapacity: 1,
      forbidden: false,
      modes: ["scores"],
    }),
    smallInstance({
      maxMentees: 6,
      maxMentors: 5,
      maxCapacity: 3,
      forbidden: false,
      modes: ["scores", "menteeLists"],
    }),
    // Wider rows, one seat each: the dense one-to-one pass reads eight cells per step, then a tail.
    smallInstance({
      maxMentees: 8,
      minMentors: 7,
      maxMentors: 21,
      maxCapacity: 1,
      minCapacity: 1,
      forbidden: false,
      modes: ["scores"],
    }),
  )
  .chain(({ instance }) => {
    const { n } = sizes(instance);
    return fc.tuple(
      fc.constant(instance),
      fc.array(fc.nat(), { minLength: n, maxLength: n }),
      fc.constantFrom("rows" as const, "flat" as const, "csr" as const),
      fc.array(fc.array(fc.constantFrom("ovz", "gifted", "rural"), { maxLength: 2 }), {
        minLength: n,
        maxLength: n,
      }),
    );
  })
  .map(([instance, draws, form, tags]) => {
    const { n, m } = sizes(instance);
    const mentorOf = new Int32Array(n).fill(-1);
    const load = new Array<number>(m).fill(0);
    for (const p of instance.pinned ?? []) {
      mentorOf[p.mentee] = p.mentor;
      load[p.mentor]!++;
    }
    for (let i = 0; i < n; i++) {
      if (mentorOf[i] !== -1) continue;
      const j = draws[i]! % (m + 1);
      if (j === m || load[j]! >= instance.capacities![j]! || eff(instance, i, j) === NEG) continue;
      if (!acceptable(instance, i, j)) continue;
      mentorOf[i] = j;
      load[j]!++;
    }
    return { instance: { ...reshape(instance, form), menteeTags: tags }, plain: instance, mentorOf };
  });

describe("metrics against naive definitions", () => {
  it("blockingPairs equals the definition, and isStable agrees", () => {
    fc.assert(
      fc.property(withMatching, ({ instance, plain, mentorOf }) => {
        const got = blockingPairs(instance, mentorOf).map((p) => `${p.mentee}-${p.mentor}`);
        expect(got).toEqual(naiveBlocking(plain, mentorOf));
        expect(isStable(instance, mentorOf)).toBe(got.length === 0);
        expect(matchMetrics(instance, mentorOf).blockingPairs).toBe(got.length);
      }),
      { numRuns: 500 },
    );
  });

  it("rank profiles of both sides equal the definition", () => {
    fc.assert(
      fc.property(withMatching, ({ instance, plain, mentorOf }) => {
        const menteeRanks: number[] = [];
        const mentorRanks: number[] = [];
        mentorOf.forEach((j, i) => {
          if (j === -1) return;
          menteeRanks.push(naiveMenteeRank(plain, i, j));
          mentorRanks.push(naiveMentorRank(plain, j, i));
        });
        const metrics = matchMetrics(instance, mentorOf);
        expect(metrics.menteeRanks).toEqual(histogram(menteeRanks));
        expect(metrics.mentorRanks).toEqual(histogram(mentorRanks));
        expect(rankProfile(instance, mentorOf, { side: "mentor" })).toEqual(histogram(mentorRanks));
      }),
      { numRuns: 500 },
    );
  });

  it("sizes, scores, fill, idle mentors and tags equal the definition", () => {
    fc.assert(
      fc.property(withMatching, ({ instance, plain, mentorOf }) => {
        const { n, m } = sizes(plain);
        const metrics = matchMetrics(instance, mentorOf);
        const matched = Array.from(mentorOf.keys()).filter((i) => mentorOf[i] !== -1);
        const scores = matched.map((i) => eff(plain, i, mentorOf[i]!));
        expect(metrics.mentees).toBe(n);
        expect(metrics.mentors).toBe(m);
        expect(metrics.matched).toBe(matched.length);
        if (plain.scores === undefined) {
          expect(metrics.totalScore).toBeNaN();
        } else {
          expect(metrics.totalScore).toBe(scores.reduce((a, b) => a + b, 0));
          if (matched.length > 0) expect(metrics.minScore).toBe(Math.min(...scores));
        }
        const seats = Array.from(plain.capacities!).reduce((a, b) => a + b, 0);
        if (seats > 0) expect(metrics.mentorFill).toBeCloseTo(matched.length / seats, 12);
        expect(metrics.idleMentors).toBe(
          Array.from({ length: m }, (_, j) => j).filter((j) => !mentorOf.includes(j)).length,
        );
        const tags = [...new Set((instance.menteeTags ?? []).flat())].sort();
        expect(metrics.byTag.map((t) => t.tag)).toEqual(tags);
        for (const t of metrics.byTag) {
          const members = Array.from({ length: n }, (_, i) => i).filter((i) =>
            (instance.menteeTags![i] as readonly string[]).includes(t.tag),
          );
          expect(t.mentees).toBe(members.length);
          const inTag = members.filter((i) => mentorOf[i] !== -1);
          expect(t.matched).toBe(inTag.length);
          if (plain.scores !== undefined && inTag.length > 0) {
            expect(t.minScore).toBe(Math.min(...inTag.map((i) => eff(plain, i, mentorOf[i]!))));
          }
          expect(t.menteeRanks).toEqual(histogram(inTag.map((i) => naiveMenteeRank(plain, i, mentorOf[i]!))));
          expect(t.mentorRanks).toEqual(histogram(inTag.map((i) => naiveMentorRank(plain, mentorOf[i]!, i))));
        }
      }),
      { numRuns: 300 },
    );
  });
});
