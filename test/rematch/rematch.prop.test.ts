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

/** A programme of today, the pairs in force (some with people who left), ended pairs and pairs to keep. */
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
        // The whole programme as a MatchResult: the same pairs, nobody else placed.
        expect([...rematchMatchResult(r).mentorOf]).toEqual([...r.mentorOf]);
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

  it("makes a move only when it improves the objective by the margin (optimal)", () => {
    fc.assert(
      fc.property(caseOf("none"), fc.integer({ min: 1, max: 3 }), (c, maxMoves) => {
        const oc = { ...c, strategy: "optimal" as const };
        const still = run(oc);
        const moved = run(oc, { maxMoves });
        if (typeof still === "string" || typeof moved === "string") return;
        expect(moved.moves).toBeLessThanOrEqual(maxMoves);
        if (moved.moves === 0) {
          expect([...moved.mentorOf]).toEqual([...still.mentorOf]);
          return;
        }
        if (moved.matched === still.matched) {
          expect(moved.totalScore).toBeGreaterThanOrEqual(still.totalScore + 0.05 * moved.moves - 1e-9);
        } else expect(moved.matched).toBeGreaterThan(still.matched);
      }),
      RUNS,
    );
  });
});
