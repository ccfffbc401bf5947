/**
 * The properties every strategy of `match` shares, run over each of them (STRATEGIES): it returns a valid
 * matching for every kind of instance (capacities, forbidden pairs, pins and a minimum score, ranked
 * lists on either side or both, lists alone, tied scores, the three score forms), accounts for every
 * mentee once, is deterministic for a seed, does not depend on the order of the rows (strict preferences),
 * gives the same matching from every score form, and agrees with its own independent oracle on small
 * instances — the research kit's brute force (mentor-match/testing) or the strategy's definition.
 *
 * What is particular to one strategy stays in its own file (examples, errors, duals, refill rounds…).
 * `numRuns` is modest in `npm test`; `MENTOR_MATCH_FUZZ_RUNS=N` runs N cases per property.
 */
import fc from "fast-check";
import {
  bottleneckAssignment,
  type MatchingInstance,
  type MatchResult,
  match,
  optimalAssignment,
  type StrategyName,
} from "mentor-match/matching";
import {
  allStableMatchingsBruteForce,
  bruteForceAssignment,
  instanceView,
  isProposerOptimal,
  isValidMatching,
  type MatchingInstanceOptions,
  matchingInstance,
  STRATEGIES,
} from "mentor-match/testing";
import { describe, expect, it } from "vitest";
import { fuzzRuns } from "../fuzz/_harness.js";
import { pinsValid, signedInstance } from "./optimalAssignment.helpers.js";
import { egalitarianCost, ranksOf, regret, strictInstances } from "./stableLatticeOracle.js";

// ── instances ─────────────────────────────────────────────────────────────────────────────────────

const SMALL = { mentees: { min: 0, max: 6 }, mentors: { min: 1, max: 4 } } as const;

/** Every kind of instance a strategy must take, by name (small enough for the brute-force oracles). */
const KINDS: Readonly<Record<string, MatchingInstanceOptions>> = {
  capacities: { ...SMALL, capacity: { min: 0, max: 3 } },
  "forbidden pairs": { ...SMALL, capacity: { min: 1, max: 2 }, forbidden: 0.2, incomplete: 0.15 },
  "pinned pairs and a minimum score": { ...SMALL, capacity: { min: 0, max: 2 }, pins: 2, minScore: true },
  "mentees' ranked lists": {
    ...SMALL,
    capacity: { min: 1, max: 2 },
    lists: "mentees",
    truncateLists: true,
    pins: 1,
  },
  "mentors' ranked lists": {
    ...SMALL,
    capacity: { min: 1, max: 2 },
    lists: "mentors",
    truncateLists: true,
    pins: 1,
  },
  "both sides' ranked lists": { ...SMALL, capacity: { min: 1, max: 2 }, lists: "both", truncateLists: true },
  "ranked lists only": {
    ...SMALL,
    capacity: { min: 0, max: 2 },
    lists: "only",
    truncateLists: true,
    pins: 1,
  },
  "tied scores (CSR)": { ...SMALL, capacity: { min: 0, max: 2 }, ties: true, incomplete: 0.2, form: "csr" },
  "tied scores (dense)": {
    ...SMALL,
    capacity: { min: 1, max: 3 },
    ties: 3,
    forbidden: 0.1,
    pins: 1,
    form: "dense",
  },
};

const anyKind: fc.Arbitrary<{ kind: string; instance: MatchingInstance }> = fc.oneof(
  ...Object.entries(KINDS).map(([kind, options]) =>
    matchingInstance(options).map((instance) => ({ kind, instance })),
  ),
  // Negative and fractional scores, -0, rule masks, a minimum score, capacities 0..3 and pins together.
  signedInstance(6, 4)
    .filter(pinsValid)
    .map((d) => ({ kind: "signed scores", instance: d.instance })),
);

function sizeOf(inst: MatchingInstance): { n: number; m: number } {
  const v = instanceView(inst);
  return { n: v.rows, m: v.cols };
}

/** The scores as rows, -Infinity = not allowed by the scores; null without scores. */
function scoreRows(inst: MatchingInstance): number[][] | null {
  const s = inst.scores;
  if (s === undefined) return null;
  const { n, m } = sizeOf(inst);
  if (Array.isArray(s)) return (s as readonly (readonly number[])[]).map((r) => [...r]);
  if (s instanceof Float64Array)
    return Array.from({ length: n }, (_, i) => Array.from(s.subarray(i * m, (i + 1) * m)));
  const csr = s as Exclude<
    MatchingInstance["scores"],
    undefined | readonly (readonly number[])[] | Float64Array
  >;
  const rows = Array.from({ length: n }, () => new Array<number>(m).fill(Number.NEGATIVE_INFINITY));
  for (let i = 0; i < n; i++)
    for (let k = csr.rowStart[i]!; k < csr.rowStart[i + 1]!; k++) rows[i]![csr.col[k]!] = csr.value[k]!;
  return rows;
}

/** The same instance with the scores in another form. */
function reshape(inst: MatchingInstance, form: "rows" | "dense" | "csr"): MatchingInstance {
  const rows = scoreRows(inst);
  if (rows === null) return inst;
  const { n, m } = sizeOf(inst);
  const { scores: _s, rows: _r, cols: _c, ...rest } = inst;
  if (form === "rows") return { ...rest, scores: rows, cols: m };
  if (form === "dense") return { ...rest, scores: Float64Array.from(rows.flat()), rows: n, cols: m };
  const rowStart = new Int32Array(n + 1);
  const col: number[] = [];
  const value: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      if (rows[i]![j] === Number.NEGATIVE_INFINITY) continue;
      col.push(j);
      value.push(rows[i]![j]!);
    }
    rowStart[i + 1] = col.length;
  }
  return {
    ...rest,
    scores: { rows: n, cols: m, rowStart, col: Int32Array.from(col), value: Float64Array.from(value) },
  };
}

/** The instance with mentee i renamed rp[i] and mentor j renamed cp[j] (every field that names them). */
function relabel(inst: MatchingInstance, rp: readonly number[], cp: readonly number[]): MatchingInstance {
  const { n, m } = sizeOf(inst);
  const byRow = <T>(items: readonly T[]): T[] => {
    const out = new Array<T>(items.length);
    items.forEach((x, i) => {
      out[rp[i]!] = x;
    });
    return out;
  };
  const byCol = <T>(items: readonly T[]): T[] => {
    const out = new Array<T>(items.length);
    items.forEach((x, j) => {
      out[cp[j]!] = x;
    });
    return out;
  };
  const rows = scoreRows(inst);
  const out: { -readonly [K in keyof MatchingInstance]: MatchingInstance[K] } = { ...inst };
  delete out.rows;
  delete out.cols;
  if (rows !== null) {
    out.scores = byRow(rows.map((r) => byCol(r)));
    out.cols = m;
  }
  if (inst.capacities !== undefined) out.capacities = byCol([...inst.capacities]);
  if (inst.forbidden !== undefined) {
    const mask = new Uint8Array(n * m);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < m; j++) mask[rp[i]! * m + cp[j]!] = inst.forbidden[i * m + j]!;
    out.forbidden = mask;
  }
  if (inst.pinned !== undefined)
    out.pinned = inst.pinned.map((p) => ({ mentee: rp[p.mentee]!, mentor: cp[p.mentor]! }));
  if (inst.menteePreferences !== undefined)
    out.menteePreferences = byRow(inst.menteePreferences.map((l) => l.map((j) => cp[j]!)));
  if (inst.mentorPreferences !== undefined)
    out.mentorPreferences = byCol(inst.mentorPreferences.map((l) => l.map((i) => rp[i]!)));
  if (inst.menteeTags !== undefined) out.menteeTags = byRow([...inst.menteeTags]);
  return out;
}

/** Every finite score differs from every other (so that no tie is broken by an index). */
function strict(inst: MatchingInstance): boolean {
  const rows = scoreRows(inst);
  if (rows === null) return true;
  const finite = rows.flat().filter((s) => Number.isFinite(s));
  return new Set(finite).size === finite.length;
}

const permutationOf = (n: number) =>
  fc
    .array(fc.nat(), { minLength: n, maxLength: n })
    .map((keys) => Array.from({ length: n }, (_, k) => k).sort((a, b) => keys[a]! - keys[b]! || a - b));

// ── the strategies ────────────────────────────────────────────────────────────────────────────────

/** How a case of a strategy is run: `match`'s own options, or a solver's options `match` leaves at default. */
type Setting =
  | { readonly ties: "index" | "seeded" }
  | { readonly maximize: boolean; readonly cardinality: "any" | "maximum" | "perfect" }
  | undefined;

interface Strategy {
  readonly needsScores: boolean;
  /** The settings to try besides the default. */
  readonly settings: fc.Arbitrary<Setting>;
  /** What does not change when the rows and columns are relabelled (on strict instances). */
  readonly invariant: (
    inst: MatchingInstance,
    r: MatchResult,
    rp: readonly number[],
    cp: readonly number[],
  ) => string;
  /** Checks the result against an independent oracle on a small instance. */
  readonly oracle: (inst: MatchingInstance, r: MatchResult, setting: Setting) => void;
}

const TIES = fc.constantFrom<Setting>(undefined, { ties: "index" }, { ties: "seeded" });
const SOLVER = fc.oneof(
  fc.constant<Setting>(undefined),
  fc.record({
    maximize: fc.boolean(),
    cardinality: fc.constantFrom("any" as const, "maximum" as const, "perfect" as const),
  }),
);

const matched = (r: MatchResult) => r.mentorOf.filter((j) => j >= 0).length;
const total = (inst: MatchingInstance, mentorOf: Int32Array) => {
  const v = plainView(inst);
  let sum = 0;
  mentorOf.forEach((j, i) => {
    if (j >= 0) sum += v.score(i, j);
  });
  return sum;
};
/** A number written so that float noise does not count (sums taken in another order). */
const approx = (x: number) => (Number.isNaN(x) ? "NaN" : (Math.round(x * 1e9) / 1e9 + 0).toString());

/** The matching itself, in the relabelled names: for strategies whose answer is unique on strict instances. */
const sameMatching = (
  _inst: MatchingInstance,
  r: MatchResult,
  rp: readonly number[],
  cp: readonly number[],
) => {
  const out = new Array<number>(r.mentorOf.length);
  r.mentorOf.forEach((j, i) => {
    out[rp[i]!] = j < 0 ? -1 : cp[j]!;
  });
  return out.join(",");
};
const rankSum = (r: MatchResult) =>
  [r.metrics.menteeRanks, r.metrics.mentorRanks].reduce(
    (s, p) => s + p.counts.reduce((a, c, k) => a + c * (k + 1), 0),
    0,
  );
const worstRank = (r: MatchResult) =>
  Math.max(0, r.metrics.menteeRanks.counts.length, r.metrics.mentorRanks.counts.length);

/** Every weakly stable matching, by the research kit's brute force (ties = indifference). */
function oneOfTheStableMatchings(inst: MatchingInstance, r: MatchResult): void {
  const all = allStableMatchingsBruteForce(inst).map((s) => Array.from(s).join(","));
  expect(all).toContain(Array.from(r.mentorOf).join(","));
}

/**
 * The instance read from its definition, independently of the library (docs/architecture.md, "Matching
 * input" and "Pins"): a pair is allowed when its score is finite and at least `minScore`, no rule forbids
 * it, and each side that gave a ranked list names the other; a pinned pair stands whatever the lists say.
 */
function plainView(inst: MatchingInstance) {
  const rows = scoreRows(inst);
  const n = rows?.length ?? inst.menteePreferences!.length;
  const m = inst.capacities?.length ?? inst.mentorPreferences?.length ?? inst.cols!;
  const pinnedMentor = new Array<number>(n).fill(-1);
  for (const p of inst.pinned ?? []) pinnedMentor[p.mentee] = p.mentor;
  const allowed = (i: number, j: number): boolean => {
    if (pinnedMentor[i] === j) return true;
    if (rows !== null) {
      const s = rows[i]![j]!;
      if (s === Number.NEGATIVE_INFINITY || s < (inst.minScore ?? Number.NEGATIVE_INFINITY)) return false;
      if (inst.forbidden !== undefined && inst.forbidden[i * m + j] !== 0) return false;
    }
    if (inst.menteePreferences !== undefined && !inst.menteePreferences[i]!.includes(j)) return false;
    if (inst.mentorPreferences !== undefined && !inst.mentorPreferences[j]!.includes(i)) return false;
    return true;
  };
  return {
    n,
    m,
    pinnedMentor,
    room: Array.from({ length: m }, (_, j) => inst.capacities?.[j] ?? 1),
    allowed,
    score: (i: number, j: number) => rows![i]![j]!,
    /** How mentee i values mentor j: its list (earlier = higher), else the score. */
    menteeValue: (i: number, j: number) =>
      inst.menteePreferences !== undefined ? -inst.menteePreferences[i]!.indexOf(j) : rows![i]![j]!,
  };
}

/** Greedy by its definition: the best allowed pair first (ties: lower mentee, then lower mentor), pins first. */
function greedyByDefinition(inst: MatchingInstance): string {
  const v = plainView(inst);
  const mentorOf = [...v.pinnedMentor];
  const room = [...v.room];
  for (const j of mentorOf) if (j >= 0) room[j]!--;
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < v.n; i++)
    for (let j = 0; j < v.m; j++) if (v.allowed(i, j)) pairs.push([v.score(i, j), i, j]);
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  for (const [, i, j] of pairs) {
    if (mentorOf[i] !== -1 || room[j]! <= 0) continue;
    mentorOf[i] = j;
    room[j]!--;
  }
  return mentorOf.join(",");
}

/** Serial dictatorship by its definition in every order of the mentees (n ≤ 5). */
function serialDictatorships(inst: MatchingInstance): Set<string> {
  const v = plainView(inst);
  const orders = (n: number): number[][] =>
    n === 0
      ? [[]]
      : orders(n - 1).flatMap((o) =>
          Array.from({ length: n }, (_, k) => [...o.slice(0, k), n - 1, ...o.slice(k)]),
        );
  const out = new Set<string>();
  for (const order of orders(v.n)) {
    const mentorOf = [...v.pinnedMentor];
    const room = [...v.room];
    for (const j of mentorOf) if (j >= 0) room[j]!--;
    for (const i of order) {
      if (mentorOf[i] !== -1) continue;
      let best = -1;
      for (let j = 0; j < v.m; j++)
        if (room[j]! > 0 && v.allowed(i, j) && (best === -1 || v.menteeValue(i, j) > v.menteeValue(i, best)))
          best = j;
      if (best !== -1) {
        mentorOf[i] = best;
        room[best]!--;
      }
    }
    out.add(mentorOf.join(","));
  }
  return out;
}

/** The research kit's brute-force assignment, compared on size, total and (for `fair`) the worst pair. */
function assignmentOracle(objective: "sum" | "bottleneck") {
  return (inst: MatchingInstance, r: MatchResult, setting: Setting) => {
    const s =
      setting !== undefined && "maximize" in setting
        ? setting
        : { maximize: true, cardinality: "maximum" as const };
    const best = bruteForceAssignment(inst, { ...s, objective });
    expect(best).not.toBeNull(); // an infeasible "perfect" is checked where the solver throws
    if (s.cardinality !== "any" || objective === "bottleneck") expect(matched(r)).toBe(best!.matched);
    expect(Math.abs(total(inst, r.mentorOf) - best!.total)).toBeLessThanOrEqual(
      1e-9 * (1 + Math.abs(best!.total)),
    );
  };
}

const STRATEGY: Readonly<Record<StrategyName, Strategy>> = {
  stable: {
    needsScores: false,
    settings: TIES,
    invariant: sameMatching,
    oracle: (inst, r) => {
      oneOfTheStableMatchings(inst, r);
      // Proposer-optimality is a theorem for strict preferences (isProposerOptimal's own caveat).
      if (strict(inst)) expect(isProposerOptimal(inst, r, "mentee").optimal).toBe(true);
    },
  },
  "stable-mentor": {
    needsScores: false,
    settings: TIES,
    invariant: sameMatching,
    oracle: (inst, r) => {
      oneOfTheStableMatchings(inst, r);
      if (strict(inst)) expect(isProposerOptimal(inst, r, "mentor").optimal).toBe(true);
    },
  },
  optimal: {
    needsScores: true,
    settings: SOLVER,
    invariant: (inst, r) => `${matched(r)} ${approx(total(inst, r.mentorOf))}`,
    oracle: assignmentOracle("sum"),
  },
  fair: {
    needsScores: true,
    settings: SOLVER.filter((s) => s === undefined || ("cardinality" in s && s.cardinality !== "any")),
    invariant: (inst, r) => `${matched(r)} ${approx(r.metrics.minScore)} ${approx(total(inst, r.mentorOf))}`,
    oracle: assignmentOracle("bottleneck"),
  },
  greedy: {
    needsScores: true,
    settings: TIES,
    invariant: sameMatching,
    oracle: (inst, r, setting) => {
      // Seeded ties order equal scores by a lottery: the definition (ties by index) holds without ties.
      const seeded = setting !== undefined && "ties" in setting && setting.ties === "seeded";
      if (!seeded || strict(inst)) expect(Array.from(r.mentorOf).join(",")).toBe(greedyByDefinition(inst));
    },
  },
  random: {
    needsScores: false,
    settings: fc.constant(undefined),
    // The lottery is drawn over the row positions, so relabelling the rows changes it (the property
    // relabels its mentors only); scoreParticipants sorts the rows by id, so a file's row order changes nothing.
    invariant: sameMatching,
    oracle: (inst, r) => {
      if (sizeOf(inst).n <= 5) expect(serialDictatorships(inst)).toContain(Array.from(r.mentorOf).join(","));
    },
  },
  egalitarian: {
    needsScores: false,
    settings: fc.constant(undefined),
    invariant: (_inst, r) => `${matched(r)} ${rankSum(r)}`,
    oracle: oneOfTheStableMatchings,
  },
  "minimum-regret": {
    needsScores: false,
    settings: fc.constant(undefined),
    invariant: (_inst, r) => `${matched(r)} ${worstRank(r)}`,
    oracle: oneOfTheStableMatchings,
  },
};

/** Runs a strategy in a setting: through `match`, or its solver for options `match` leaves at default. */
function run(name: StrategyName, inst: MatchingInstance, setting: Setting): MatchResult {
  if (setting === undefined) return match(inst, { strategy: name });
  if ("ties" in setting) return match(inst, { strategy: name, ties: setting.ties });
  if (name === "optimal") return optimalAssignment(inst, setting);
  if (setting.cardinality === "any") throw new Error('bottleneckAssignment has no cardinality "any"');
  return bottleneckAssignment(inst, { maximize: setting.maximize, cardinality: setting.cardinality });
}

/** The result, or the error code it threw (INFEASIBLE for an impossible "perfect"; INVALID_SHAPE without scores). */
function attempt(name: StrategyName, inst: MatchingInstance, setting: Setting): MatchResult | string {
  try {
    return run(name, inst, setting);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== "string") throw e;
    return code;
  }
}

/** Whether a thrown code is the documented answer: no scores for a strategy that needs them, or no perfect matching. */
function expectedRefusal(name: StrategyName, inst: MatchingInstance, setting: Setting, code: string): void {
  if (inst.scores === undefined && STRATEGY[name].needsScores) {
    // One code for every strategy that needs scores: the instance lacks a part (INVALID_SHAPE).
    expect(code).toBe("INVALID_SHAPE");
    return;
  }
  expect(setting !== undefined && "cardinality" in setting && setting.cardinality === "perfect", code).toBe(
    true,
  );
  expect(code).toBe("INFEASIBLE");
  const s = setting as { maximize: boolean; cardinality: "perfect" };
  expect(bruteForceAssignment(inst, { ...s, objective: name === "fair" ? "bottleneck" : "sum" })).toBeNull();
}

// ── the properties ────────────────────────────────────────────────────────────────────────────────

describe("the strategies of match", () => {
  it("are all covered here (a new strategy needs its oracle in this file)", () => {
    expect(Object.keys(STRATEGY).sort()).toEqual([...STRATEGIES].sort());
  });
});

describe.each([...STRATEGIES])("strategy %s", (name) => {
  const strategy = STRATEGY[name];

  it("returns a valid matching for every kind of instance, and accounts for every mentee once", () => {
    fc.assert(
      fc.property(anyKind, strategy.settings, ({ instance }, setting) => {
        const r = attempt(name, instance, setting);
        if (typeof r === "string") {
          expectedRefusal(name, instance, setting, r);
          return;
        }
        expect(isValidMatching(instance, r).violations).toEqual([]);
        expect(r.strategy).toBe(name);
        const seen = new Array<number>(r.mentorOf.length).fill(0);
        for (const g of r.groups)
          for (const i of g.mentees) {
            seen[i]! += 1;
            expect(r.mentorOf[i]).toBe(g.mentor);
          }
        for (const u of r.unmatched) {
          seen[u.mentee]! += 1;
          expect(r.mentorOf[u.mentee]).toBe(-1);
        }
        expect(seen.every((c) => c === 1)).toBe(true);
      }),
      { numRuns: fuzzRuns(120) },
    );
  });

  it("agrees with its independent oracle on small instances", () => {
    fc.assert(
      fc.property(anyKind, strategy.settings, ({ instance }, setting) => {
        const r = attempt(name, instance, setting);
        if (typeof r === "string") {
          expectedRefusal(name, instance, setting, r);
          return;
        }
        strategy.oracle(instance, r, setting);
      }),
      { numRuns: fuzzRuns(120) },
    );
  });

  it("is deterministic: the same instance and seed give the same result, and the seed is recorded", () => {
    fc.assert(
      fc.property(anyKind, strategy.settings, ({ instance }, setting) => {
        const a = attempt(name, instance, setting);
        const b = attempt(name, structuredClone(instance), setting);
        if (typeof a === "string") {
          expect(b).toBe(a);
          return;
        }
        if (typeof b === "string") throw new Error(`second run threw ${b}`);
        expect(Array.from(b.mentorOf)).toEqual(Array.from(a.mentorOf));
        expect(b.tieBreak).toEqual(a.tieBreak);
        if (setting !== undefined && "ties" in setting && setting.ties === "seeded")
          expect(a.tieBreak).toEqual({ policy: "seeded", seed: instance.seed ?? 0 });
      }),
      { numRuns: fuzzRuns(60) },
    );
  });

  it("does not depend on the order of the rows and columns (strict preferences)", () => {
    const relabelled = anyKind
      .filter(({ instance }) => strict(instance))
      .chain(({ instance }) => {
        const { n, m } = sizeOf(instance);
        return fc.tuple(fc.constant(instance), permutationOf(n), permutationOf(m), strategy.settings);
      });
    fc.assert(
      fc.property(relabelled, ([instance, rp, cp, setting]) => {
        // The lottery of `random` is drawn over the row positions: only its mentors are relabelled.
        const rows = name === "random" ? rp.map((_, k) => k) : rp;
        const moved = relabel(instance, rows, cp);
        const a = attempt(name, instance, setting);
        const b = attempt(name, moved, setting);
        if (typeof a === "string" || typeof b === "string") {
          expect(b).toBe(a);
          return;
        }
        const identity = (k: number) => Array.from({ length: k }, (_, x) => x);
        expect(strategy.invariant(moved, b, identity(rows.length), identity(cp.length))).toBe(
          strategy.invariant(instance, a, rows, cp),
        );
      }),
      { numRuns: fuzzRuns(60) },
    );
  });

  it("gives the same matching from number[][], a flat Float64Array and CSR scores", () => {
    fc.assert(
      fc.property(anyKind, strategy.settings, ({ instance }, setting) => {
        const results = (["rows", "dense", "csr"] as const).map((form) => {
          const r = attempt(name, reshape(instance, form), setting);
          return typeof r === "string" ? r : Array.from(r.mentorOf).join(",");
        });
        expect(results[1]).toBe(results[0]);
        expect(results[2]).toBe(results[0]);
      }),
      { numRuns: fuzzRuns(40) },
    );
  });
});

describe("the strategies that choose among the stable matchings", () => {
  it("egalitarian has the least sum of ranks, minimum-regret the least worst rank and is the mentees' best such, of all stable matchings (brute force)", () => {
    fc.assert(
      fc.property(strictInstances(), (inst) => {
        const all = allStableMatchingsBruteForce(inst);
        const egalitarian = match(inst, { strategy: "egalitarian" }).mentorOf;
        expect(egalitarianCost(inst, egalitarian)).toBe(
          Math.min(...all.map((m) => egalitarianCost(inst, m))),
        );
        const minimumRegret = match(inst, { strategy: "minimum-regret" }).mentorOf;
        const best = Math.min(...all.map((m) => regret(inst, m)));
        expect(regret(inst, minimumRegret)).toBe(best);
        // Among the minimum-regret matchings, no other is at least as good for every mentee and better for one.
        const mine = ranksOf(inst, minimumRegret).mentee;
        for (const other of all.filter((m) => regret(inst, m) === best)) {
          const theirs = ranksOf(inst, other).mentee;
          const dominates = theirs.every((r, k) => r <= mine[k]!) && theirs.some((r, k) => r < mine[k]!);
          expect(dominates).toBe(false);
        }
      }),
      { numRuns: fuzzRuns(150) },
    );
  });
});
