import fc from "fast-check";
import {
  type EndedPair,
  type IdPair,
  type MatchingInstance,
  match,
  type RematchInput,
  type RematchResult,
  type RematchStrategy,
  rematch,
  rematchMatchResult,
} from "mentor-match";
import {
  blockingPairs,
  bruteForceAssignment,
  instanceView,
  isValidMatching,
  matchingInstance,
} from "mentor-match/testing";
import { describe, expect, it } from "vitest";

const RUNS = { numRuns: Number(process.env.MENTOR_MATCH_FUZZ_RUNS ?? 120) };
const STRATEGIES: readonly RematchStrategy[] = ["stable", "optimal", "fair"];

/** A program of today, the pairs in force (some with people who left), ended pairs and pairs to keep. */
interface Case {
  readonly input: RematchInput;
  readonly previous: IdPair[];
  readonly ended: EndedPair[];
  readonly keep: IdPair[];
  readonly strategy: RematchStrategy;
}

function caseOf(lists: "none" | "both") {
  return fc
    .record({
      instance: matchingInstance({
        mentees: { min: 0, max: 6 },
        mentors: { min: 1, max: 4 },
        capacity: { min: 0, max: 2 },
        incomplete: 0.25,
        forbidden: 0.1,
        minScore: true,
        pins: lists === "none" ? 1 : 0,
        lists,
        form: lists === "none" ? "rows" : "dense",
      }),
      // For each of today's mentees: -2 no pair in force, -1 a mentor who left, else a mentor index.
      picks: fc.array(fc.integer({ min: -2, max: 3 }), { minLength: 6, maxLength: 6 }),
      gone: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }), // mentees who left, with a mentor
      endBits: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      keepBits: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      strategy: fc.constantFrom(...STRATEGIES),
    })
    .map(({ instance, picks, gone, endBits, keepBits, strategy }): Case => {
      const v = instanceView(instance);
      const mentees = Array.from({ length: v.rows }, (_, i) => ({ id: `S${i}` }));
      const mentors = Array.from({ length: v.cols }, (_, j) => ({ id: `M${j}` }));
      const previous: IdPair[] = [];
      for (let i = 0; i < v.rows; i++) {
        const p = picks[i]!;
        if (p === -1) previous.push({ mentee: `S${i}`, mentor: "M-left" });
        else if (p >= 0) previous.push({ mentee: `S${i}`, mentor: `M${p % v.cols}` });
      }
      gone.forEach((j, k) => {
        previous.push({ mentee: `S-left${k}`, mentor: `M${j % v.cols}` });
      });
      const ended = previous.filter((_, k) => endBits[k]).map((p) => ({ ...p, reason: "failed" }));
      const keep = previous.filter((_, k) => keepBits[k]);
      return {
        input: { instance, mentees, mentors, excluded: [{ id: "S-left1", reason: "no-consent" }] },
        previous,
        ended,
        keep,
        strategy,
      };
    });
}

function run(c: Case, extra: { maxMoves?: number } = {}): RematchResult | string {
  try {
    return rematch(c.input, c.previous, { strategy: c.strategy, ended: c.ended, keep: c.keep, ...extra });
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

/** The pairs of a result, by id. */
function idPairs(c: Case, r: RematchResult): string[] {
  const out: string[] = [];
  r.mentorOf.forEach((j, i) => {
    if (j >= 0) out.push(`${c.input.mentees[i]!.id}>${c.input.mentors[j]!.id}`);
  });
  return out.sort();
}

describe("rematch (properties)", () => {
  it("with no change, returns the previous pairs exactly", () => {
    fc.assert(
      fc.property(
        matchingInstance({
          mentees: { min: 0, max: 6 },
          mentors: { min: 1, max: 4 },
          capacity: { min: 0, max: 2 },
          incomplete: 0.3,
          forbidden: 0.1,
          minScore: true,
        }),
        fc.constantFrom(...STRATEGIES),
        (instance, strategy) => {
          const before = match(instance, { strategy });
          const v = instanceView(instance);
          const input: RematchInput = {
            instance,
            mentees: Array.from({ length: v.rows }, (_, i) => ({ id: `S${i}` })),
            mentors: Array.from({ length: v.cols }, (_, j) => ({ id: `M${j}` })),
          };
          const previous = { result: before, mentees: input.mentees, mentors: input.mentors };
          const r = rematch(input, previous, { strategy });
          expect([...r.mentorOf]).toEqual([...before.mentorOf]);
          expect(r.counts).toEqual({ kept: before.metrics.matched, new: 0, ended: 0, moved: 0 });
        },
      ),
      RUNS,
    );
  });

  it("keeps every valid pair in force without allow-moves; each ended pair has a true reason", () => {
    fc.assert(
      fc.property(caseOf("none"), (c) => {
        const r = run(c);
        if (typeof r === "string") {
          expect(r).toBe("PIN_OVER_CAPACITY");
          return;
        }
        const v = instanceView(c.input.instance);
        const endedKeys = new Set(c.ended.map((e) => `${e.mentee}>${e.mentor}`));
        const cap = Array.from(v.capacity);
        for (let i = 0; i < v.rows; i++) if (v.pinnedMentor[i]! >= 0) cap[v.pinnedMentor[i]!]!--;
        expect(r.moves).toBe(0);
        for (const ch of r.changes) {
          if (ch.change === "moved") throw new Error("a move without allow-moves");
          if (ch.change !== "ended") continue;
          const i = c.input.mentees.findIndex((p) => p.id === ch.mentee);
          const j = c.input.mentors.findIndex((p) => p.id === ch.mentor);
          const truth: Record<string, boolean> = {
            "mentee-left": i < 0 && ch.mentee !== "S-left1",
            "mentee-excluded": i < 0 && ch.mentee === "S-left1",
            "mentor-left": i >= 0 && j < 0,
            coordinator: i >= 0 && j >= 0 && endedKeys.has(`${ch.mentee}>${ch.mentor}`),
            "pinned-elsewhere": i >= 0 && j >= 0 && v.pinnedMentor[i]! >= 0 && v.pinnedMentor[i] !== j,
            "capacity-lowered": i >= 0 && j >= 0 && v.allowed(i, j),
          };
          for (const bar of ["no-longer-eligible", "forbidden-by-rule", "below-min-score", "not-on-list"]) {
            truth[bar] = i >= 0 && j >= 0 && !v.allowed(i, j);
          }
          expect(truth[ch.reason], `${ch.reason} ${ch.mentee} ${ch.mentor}`).toBe(true);
        }
        // Every pair in force between two of today's people, allowed, not ended, not pinned elsewhere, with
        // a mentor who has the seats for the whole valid group, is kept with the same mentor.
        const group = new Map<number, number>();
        const valid: [number, number][] = [];
        for (const p of c.previous) {
          const i = c.input.mentees.findIndex((q) => q.id === p.mentee);
          const j = c.input.mentors.findIndex((q) => q.id === p.mentor);
          if (i < 0 || j < 0 || endedKeys.has(`${p.mentee}>${p.mentor}`) || !v.allowed(i, j)) continue;
          if (v.pinnedMentor[i]! >= 0) continue;
          valid.push([i, j]);
          group.set(j, (group.get(j) ?? 0) + 1);
        }
        for (const [i, j] of valid) {
          if (group.get(j)! > cap[j]!) continue;
          expect(r.mentorOf[i], `S${i} stays with M${j}`).toBe(j);
          expect(r.changes).toContainEqual({
            change: "kept",
            mentee: `S${i}`,
            mentor: `M${j}`,
            reason: "still-valid",
          });
        }
        // A pair cut for capacity only when the valid group exceeds the seats.
        for (const cut of r.capacityCuts) {
          const j = c.input.mentors.findIndex((p) => p.id === cut.mentor);
          expect(cut.stayed.length).toBe(Math.max(0, cap[j]!));
          expect(cut.previous).toBeGreaterThan(cut.stayed.length);
        }
      }),
      RUNS,
    );
  });

  it("accounts for everyone: each previous pair once (kept / ended / moved), each mentee once", () => {
    fc.assert(
      fc.property(caseOf("both"), fc.integer({ min: 0, max: 2 }), (c, maxMoves) => {
        const r = run(c, { maxMoves });
        if (typeof r === "string") {
          expect(r).toBe("PIN_OVER_CAPACITY");
          return;
        }
        const prevKeys = c.previous.map((p) => `${p.mentee}>${p.mentor}`).sort();
        const fromChanges = r.changes
          .filter((ch) => ch.change !== "new")
          .map((ch) => `${ch.mentee}>${ch.change === "moved" ? ch.previousMentor : ch.mentor}`)
          .sort();
        expect(fromChanges).toEqual(prevKeys);
        const placed = r.changes
          .filter((ch) => ch.change !== "ended")
          .map((ch) => `${ch.mentee}>${ch.mentor}`);
        expect(placed.sort()).toEqual(idPairs(c, r));
        expect(r.counts.kept + r.counts.new + r.counts.moved).toBe(r.matched);
        expect(r.moves).toBeLessThanOrEqual(maxMoves);
        expect(isValidMatching(r.instance, r.mentorOf).valid).toBe(true);
        // The whole program as a MatchResult: the same pairs, nobody else placed; each of today's mentees
        // in exactly one of the groups or the unmatched.
        const full = rematchMatchResult(r);
        expect([...full.mentorOf]).toEqual([...r.mentorOf]);
        const seen = [...full.groups.flatMap((g) => g.mentees), ...full.unmatched.map((u) => u.mentee)].sort(
          (x, y) => x - y,
        );
        expect(seen).toEqual(Array.from(r.mentorOf.keys()));
        // Ended by the coordinator: never paired again.
        for (const e of c.ended) expect(idPairs(c, r)).not.toContain(`${e.mentee}>${e.mentor}`);
      }),
      RUNS,
    );
  });

  it("gives the same output whatever the order of the pairs in force, the ended and the kept", () => {
    fc.assert(
      fc.property(caseOf("none"), fc.integer(), (c, seed) => {
        const shuffle = <T>(xs: T[]): T[] => {
          const out = [...xs];
          let s = seed >>> 0;
          for (let k = out.length - 1; k > 0; k--) {
            s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
            const t = s % (k + 1);
            [out[k], out[t]] = [out[t]!, out[k]!];
          }
          return out;
        };
        const a = run(c);
        const b = run({
          ...c,
          previous: shuffle(c.previous),
          ended: shuffle(c.ended),
          keep: shuffle(c.keep),
        });
        expect(b).toEqual(a);
      }),
      RUNS,
    );
  });

  it("places the rest as the strategy's own oracle does on the residual problem (brute force)", () => {
    fc.assert(
      fc.property(caseOf("none"), (c) => {
        const r = run(c);
        if (typeof r === "string") return;
        const v = instanceView(c.input.instance);
        const kept = new Set(r.changes.filter((ch) => ch.change === "kept").map((ch) => ch.mentee));
        const endedKeys = new Set(c.ended.map((e) => `${e.mentee}>${e.mentor}`));
        const rows: number[] = [];
        const seats = Array.from(v.capacity);
        for (let i = 0; i < v.rows; i++) {
          const fixed = kept.has(`S${i}`) || v.pinnedMentor[i]! >= 0;
          if (fixed) seats[r.mentorOf[i]!]!--;
          else rows.push(i);
        }
        const residual: MatchingInstance = {
          // Allowed today, and not a pair the coordinator ended.
          scores: rows.map((i) =>
            Array.from({ length: v.cols }, (_, j) =>
              v.allowed(i, j) && !endedKeys.has(`S${i}>M${j}`) ? v.score(i, j) : Number.NEGATIVE_INFINITY,
            ),
          ),
          cols: v.cols,
          capacities: seats,
        };
        const placed = Int32Array.from(rows, (i) => r.mentorOf[i]!);
        if (c.strategy === "stable") {
          expect(blockingPairs(residual, placed)).toEqual([]);
          return;
        }
        const oracle = bruteForceAssignment(residual, {
          objective: c.strategy === "fair" ? "bottleneck" : "sum",
        })!;
        let matched = 0;
        let total = 0;
        let worst = Number.POSITIVE_INFINITY;
        rows.forEach((i) => {
          const j = r.mentorOf[i]!;
          if (j < 0) return;
          matched++;
          total += v.score(i, j);
          worst = Math.min(worst, v.score(i, j));
        });
        expect(matched).toBe(oracle.matched);
        expect(total).toBeCloseTo(oracle.total, 9);
        if (c.strategy === "fair" && matched > 0) expect(worst).toBeCloseTo(oracle.worst, 9);
      }),
      RUNS,
    );
  });

  it("moves at most K pairs, never drops a mentee in force, and only by the rule of moves (every strategy)", () => {
    fc.assert(
      fc.property(
        caseOf("none"),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom(0, 0.05, 0.3),
        (c, maxMoves, moveMargin) => {
          const still = run(c);
          let moved: RematchResult | string;
          try {
            moved = rematch(c.input, c.previous, {
              strategy: c.strategy,
              ended: c.ended,
              keep: c.keep,
              maxMoves,
              moveMargin,
            });
          } catch (e) {
            moved = (e as { code?: string }).code ?? String(e);
          }
          if (typeof still === "string" || typeof moved === "string") {
            expect(moved).toBe(still);
            return;
          }
          const v = instanceView(c.input.instance);
          // The pairs that stay without moves: their mentees have a mentor with moves too; a move is one
          // of them with another mentor.
          const keptRows = still.changes
            .filter((ch) => ch.change === "kept")
            .map((ch) => c.input.mentees.findIndex((p) => p.id === ch.mentee));
          let moves = 0;
          for (const i of keptRows) {
            expect(moved.mentorOf[i], `mentee ${i} of a pair in force`).toBeGreaterThanOrEqual(0);
            if (moved.mentorOf[i] !== still.mentorOf[i]) moves++;
          }
          expect(moved.moves).toBe(moves);
          expect(moved.counts.moved).toBe(moves);
          expect(moves).toBeLessThanOrEqual(maxMoves);
          for (const ch of moved.changes.filter((x) => x.change === "moved")) {
            const i = c.input.mentees.findIndex((p) => p.id === ch.mentee);
            expect(ch.previousMentor).toBe(c.input.mentors[still.mentorOf[i]!]!.id);
          }
          if (moves === 0) {
            expect([...moved.mentorOf]).toEqual([...still.mentorOf]);
            return;
          }
          // The rule, recomputed from the instance: the gain is at least the margin per move, on balance.
          const worth = (mentorOf: Int32Array) => {
            let matched = 0;
            let total = 0;
            let worst = Number.POSITIVE_INFINITY;
            mentorOf.forEach((j, i) => {
              if (j < 0) return;
              matched++;
              total += v.score(i, j);
              worst = Math.min(worst, v.score(i, j));
            });
            return { matched, total, worst };
          };
          const before = worth(still.mentorOf);
          const after = worth(moved.mentorOf);
          const eps = 1e-9;
          if (c.strategy === "stable") {
            expect(after.matched).toBeGreaterThanOrEqual(before.matched);
            expect(blockingPairs(moved.instance, moved.mentorOf).length).toBeLessThanOrEqual(
              blockingPairs(still.instance, still.mentorOf).length - moves,
            );
          } else if (after.matched !== before.matched) {
            expect(after.matched).toBeGreaterThan(before.matched);
          } else if (c.strategy === "optimal") {
            expect(after.total).toBeGreaterThanOrEqual(before.total + moveMargin * moves - eps);
          } else {
            expect(after.worst).toBeGreaterThanOrEqual(before.worst - eps);
            expect(
              after.worst >= before.worst + moveMargin - eps ||
                after.total >= before.total + moveMargin * moves - eps,
            ).toBe(true);
          }
        },
      ),
      RUNS,
    );
  });

  it("finds moves where they pay (optimal: a late joiner who scores much better with a mentor in force)", () => {
    // Sanity of the heuristic, so that the rule above is not vacuous: one swap gains 0.8 > the margin.
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 1, max: 3 }), (n, maxMoves) => {
        // n mentors of one seat each; S0..S(n-1) in force with M0..M(n-1), scoring 0.5 with every mentor;
        // late joiners L0..L(n-1) score 0.9 with their own M and 0.1 elsewhere; one extra mentor X.
        const rows = 2 * n;
        const cols = n + n;
        const scores = Array.from({ length: rows }, (_, i) =>
          Array.from({ length: cols }, (_, j) => (i < n ? 0.5 : j === i - n ? 0.9 : 0.1)),
        );
        const input: RematchInput = {
          instance: { scores },
          mentees: Array.from({ length: rows }, (_, i) => ({ id: i < n ? `S${i}` : `L${i - n}` })),
          mentors: Array.from({ length: cols }, (_, j) => ({ id: j < n ? `M${j}` : `X${j - n}` })),
        };
        const previous = Array.from({ length: n }, (_, i) => ({ mentee: `S${i}`, mentor: `M${i}` }));
        const r = rematch(input, previous, { strategy: "optimal", maxMoves });
        expect(r.moves).toBe(Math.min(n, maxMoves));
        expect(r.matched).toBe(rows);
      }),
      { numRuns: 20 },
    );
  });

  it("gives the same output whatever the order of today's rows and columns (no ties)", () => {
    // Scores are distinct powers of two, so every sum is distinct: each strategy has one answer, and the
    // index order that breaks ties cannot show (the command line sorts rows by id for the ties).
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.nat(), { minLength: 24, maxLength: 24 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }),
        fc.array(fc.integer({ min: -2, max: 3 }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.nat(), { minLength: 10, maxLength: 10 }),
        fc.constantFrom(...STRATEGIES),
        fc.boolean(),
        (rows, cols, keys, caps, picks, perm, strategy, endOne) => {
          // The rank of each cell's key gives its power of two; a cell with key % 7 === 0 is not allowed.
          const cells = rows * cols;
          const order = Array.from({ length: cells }, (_, k) => k).sort(
            (a, b) => keys[a]! - keys[b]! || a - b,
          );
          const score = new Array<number>(cells);
          order.forEach((k, rank) => {
            score[k] = keys[k]! % 7 === 0 ? Number.NEGATIVE_INFINITY : 2 ** (rank - 24);
          });
          const previous: IdPair[] = [];
          for (let i = 0; i < rows; i++) {
            if (picks[i]! === -1) previous.push({ mentee: `S${i}`, mentor: "M-left" });
            else if (picks[i]! >= 0) previous.push({ mentee: `S${i}`, mentor: `M${picks[i]! % cols}` });
          }
          const ended = endOne && previous.length > 0 ? [{ ...previous[0]!, reason: "failed" }] : [];
          /** Today's program with rows and columns in the given order. */
          const program = (rowOrder: number[], colOrder: number[]): RematchInput => ({
            instance: {
              scores: rowOrder.map((i) => colOrder.map((j) => score[i * cols + j]!)),
              cols,
              capacities: colOrder.map((j) => caps[j]!),
            },
            mentees: rowOrder.map((i) => ({ id: `S${i}` })),
            mentors: colOrder.map((j) => ({ id: `M${j}` })),
          });
          const shuffled = (n: number, salt: number) =>
            Array.from({ length: n }, (_, k) => k).sort(
              (a, b) =>
                ((perm[(a + salt) % 10]! * 31 + a) % 97) - ((perm[(b + salt) % 10]! * 31 + b) % 97) || a - b,
            );
          const identity = (n: number) => Array.from({ length: n }, (_, k) => k);
          const a = rematch(program(identity(rows), identity(cols)), previous, { strategy, ended });
          const b = rematch(program(shuffled(rows, 0), shuffled(cols, 3)), previous, { strategy, ended });
          const byId = (r: RematchResult, input: RematchInput) =>
            input.mentees
              .map((p, i) => `${p.id}>${r.mentorOf[i]! < 0 ? "-" : input.mentors[r.mentorOf[i]!]!.id}`)
              .sort();
          expect(b.changes).toEqual(a.changes);
          expect(b.counts).toEqual(a.counts);
          expect(b.capacityCuts).toEqual(a.capacityCuts);
          expect(byId(b, program(shuffled(rows, 0), shuffled(cols, 3)))).toEqual(
            byId(a, program(identity(rows), identity(cols))),
          );
          expect(b.totalScore).toBeCloseTo(a.totalScore, 12);
        },
      ),
      RUNS,
    );
  });
});
