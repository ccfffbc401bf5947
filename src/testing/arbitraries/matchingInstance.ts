/**
 * fast-check arbitraries of matching instances, for property tests of matching strategies.
 *
 * Every instance is built by `.map` from fixed-length arrays of integers sized for the largest instance
 * asked for, so fast-check shrinks a failing case towards fewer mentees and mentors and smaller numbers.
 */
import * as fc from "fast-check";
import { MatchingInputError } from "../../errors.js";
import type { CsrScores, MatchingInstance, PinnedPair } from "../../matching/types.js";

/** An inclusive range of whole numbers. */
export interface IntRange {
  readonly min: number;
  readonly max: number;
}

/** Options of {@link matchingInstance}. */
export interface MatchingInstanceOptions {
  /** Number of mentees (rows). @defaultValue `{ min: 1, max: 6 }` */
  readonly mentees?: number | IntRange;
  /** Number of mentors (columns). @defaultValue `{ min: 1, max: 4 }` */
  readonly mentors?: number | IntRange;
  /**
   * How scores are drawn:
   * - `uniform`: independent, uniform in [0, 1];
   * - `correlated`: a master list — 0.5·(mentor quality) + 0.2·(mentee quality) + 0.3·noise, so that
   *   everybody tends to want the same mentors;
   * - `attributes`: mentees and mentors are points in [0, 1]^d; score = 1 − distance / √d (similarity).
   * @defaultValue "uniform"
   */
  readonly scores?: "uniform" | "correlated" | "attributes";
  /** Dimensions of the attribute space (`scores: "attributes"`). @defaultValue 2 */
  readonly dimensions?: number;
  /** Capacity of each mentor; `min: 0` allows mentors who take nobody. @defaultValue 1 */
  readonly capacity?: number | IntRange;
  /**
   * Ties: `false` — scores on a fine grid (1/1000; equal scores are rare but possible); `true` — scores
   * are whole numbers 0..2 (many ties); a number k ≥ 2 — whole numbers 0..k−1.
   * @defaultValue false
   */
  readonly ties?: boolean | number;
  /** Share of cells that are not allowed (`-Infinity`, or absent in CSR): incomplete lists. @defaultValue 0 */
  readonly incomplete?: number;
  /** Share of cells forbidden by a rule (the `forbidden` mask). @defaultValue 0 */
  readonly forbidden?: number;
  /** Draw a `minScore` (up to the middle of the score scale). @defaultValue false */
  readonly minScore?: boolean;
  /** Up to this many pinned pairs, valid by construction (allowed pairs, within capacity). @defaultValue 0 */
  readonly pins?: number;
  /**
   * Ranked lists, drawn as random orders independent of the scores: `none`, `mentees`, `mentors`, `both`,
   * or `only` (both lists and no scores).
   * @defaultValue "none"
   */
  readonly lists?: "none" | "mentees" | "mentors" | "both" | "only";
  /**
   * With lists on both sides: each mentor prefers the mentees who rank it low (random order among equals),
   * so the two sides disagree and there are many stable matchings — a rich lattice to test.
   * @defaultValue false
   */
  readonly opposedLists?: boolean;
  /** Lists may be cut short (incomplete lists). @defaultValue false */
  readonly truncateLists?: boolean;
  /** Form of the scores: `rows` (`number[][]`), `dense` (`Float64Array` + rows/cols) or `csr`. @defaultValue "rows" */
  readonly form?: "rows" | "dense" | "csr";
  /** Tags each mentee may carry (each tag independently). @defaultValue none */
  readonly tags?: readonly string[];
  /** Draw `seed` (for randomised strategies). @defaultValue true */
  readonly seed?: boolean;
}

interface Draw {
  readonly n: number;
  readonly m: number;
  readonly base: readonly number[];
  readonly menteeQ: readonly number[];
  readonly mentorQ: readonly number[];
  readonly menteeP: readonly number[];
  readonly mentorP: readonly number[];
  readonly holes: readonly number[] | null;
  readonly rules: readonly number[] | null;
  readonly caps: readonly number[];
  readonly menteeKeys: readonly number[] | null;
  readonly mentorKeys: readonly number[] | null;
  readonly menteeLen: readonly number[] | null;
  readonly mentorLen: readonly number[] | null;
  readonly pinPicks: readonly { readonly mentee: number; readonly pick: number }[];
  readonly minLevel: number;
  readonly tagBits: readonly number[] | null;
  readonly seed: number;
}

function toRange(
  value: number | IntRange | undefined,
  fallback: IntRange,
  name: string,
  floor: number,
): IntRange {
  const r = value === undefined ? fallback : typeof value === "number" ? { min: value, max: value } : value;
  if (!Number.isInteger(r.min) || !Number.isInteger(r.max) || r.min < floor || r.max < r.min) {
    throw new MatchingInputError(
      "INVALID_OPTION",
      `${name} must be a whole number ≥ ${floor} or a range { min, max } with min ≤ max.`,
    );
  }
  return r;
}

function share(value: number | undefined, name: string): number {
  const v = value ?? 0;
  if (!(v >= 0 && v <= 1))
    throw new MatchingInputError(
      "INVALID_OPTION",
      `${name} must be a share between 0 and 1, got ${String(value)}.`,
    );
  return v;
}

const GRID = 1000;
const PERCENT = 100;

/**
 * An arbitrary of `MatchingInstance`s: scores of several kinds, capacities, ties, incomplete lists,
 * forbidden cells, valid pinned pairs, ranked lists, tags and a seed, in dense, row or CSR form.
 * Shrinkable (built by `map` from integer arrays). O(max mentees × max mentors) per generated value.
 *
 * @param options - sizes and features; see {@link MatchingInstanceOptions}.
 * @returns the arbitrary.
 * @throws MatchingInputError (`INVALID_OPTION`) for an impossible option (negative size, share outside 0..1).
 * @example
 * fc.assert(fc.property(matchingInstance({ mentees: 5, capacity: { min: 1, max: 2 } }), (inst) => {
 *   const r = match(inst, { strategy: "stable" });
 *   return isStable(inst, r.mentorOf);
 * }));
 */
export function matchingInstance(options: MatchingInstanceOptions = {}): fc.Arbitrary<MatchingInstance> {
  const menteeRange = toRange(options.mentees, { min: 1, max: 6 }, "mentees", 0);
  const mentorRange = toRange(options.mentors, { min: 1, max: 4 }, "mentors", 0);
  const capRange = toRange(options.capacity, { min: 1, max: 1 }, "capacity", 0);
  const kind = options.scores ?? "uniform";
  if (kind !== "uniform" && kind !== "correlated" && kind !== "attributes") {
    throw new MatchingInputError(
      "INVALID_OPTION",
      `scores must be "uniform", "correlated" or "attributes", got ${String(kind)}.`,
    );
  }
  const dims = options.dimensions ?? 2;
  if (!Number.isInteger(dims) || dims < 1)
    throw new MatchingInputError("INVALID_OPTION", "dimensions must be a whole number ≥ 1.");
  const ties = options.ties ?? false;
  const levels = ties === false ? 0 : ties === true ? 3 : ties;
  if (ties !== false && (!Number.isInteger(levels) || levels < 2)) {
    throw new MatchingInputError("INVALID_OPTION", "ties must be a boolean or a whole number of levels ≥ 2.");
  }
  const incomplete = share(options.incomplete, "incomplete");
  const forbiddenShare = share(options.forbidden, "forbidden");
  const pins = options.pins ?? 0;
  if (!Number.isInteger(pins) || pins < 0)
    throw new MatchingInputError("INVALID_OPTION", "pins must be a whole number ≥ 0.");
  const lists = options.lists ?? "none";
  const form = options.form ?? "rows";
  const tags = options.tags ?? null;
  if (tags !== null && tags.length > 20) throw new MatchingInputError("INVALID_OPTION", "At most 20 tags.");
  const N = menteeRange.max;
  const M = mentorRange.max;
  const cells = N * M;
  const fixed = <T>(arb: fc.Arbitrary<T>, length: number): fc.Arbitrary<T[]> =>
    fc.array(arb, { minLength: length, maxLength: length });
  const none = fc.constant(null);
  const menteeLists = lists === "mentees" || lists === "both" || lists === "only";
  const mentorLists = lists === "mentors" || lists === "both" || lists === "only";
  const truncate = options.truncateLists ?? false;
  const scoreMax = levels === 0 ? GRID : levels - 1;

  const draw: fc.Arbitrary<Draw> = fc.record({
    n: fc.integer(menteeRange),
    m: fc.integer(mentorRange),
    base: fixed(fc.integer({ min: 0, max: scoreMax }), cells),
    menteeQ: kind === "correlated" ? fixed(fc.integer({ min: 0, max: 9 }), N) : fc.constant([]),
    mentorQ: kind === "correlated" ? fixed(fc.integer({ min: 0, max: 9 }), M) : fc.constant([]),
    menteeP: kind === "attributes" ? fixed(fc.integer({ min: 0, max: PERCENT }), N * dims) : fc.constant([]),
    mentorP: kind === "attributes" ? fixed(fc.integer({ min: 0, max: PERCENT }), M * dims) : fc.constant([]),
    holes: incomplete > 0 ? fixed(fc.integer({ min: 0, max: PERCENT - 1 }), cells) : none,
    rules: forbiddenShare > 0 ? fixed(fc.integer({ min: 0, max: PERCENT - 1 }), cells) : none,
    caps: fixed(fc.integer(capRange), M),
    menteeKeys: menteeLists ? fixed(fc.integer({ min: 0, max: 999 }), cells) : none,
    mentorKeys: mentorLists ? fixed(fc.integer({ min: 0, max: 999 }), cells) : none,
    menteeLen: menteeLists && truncate ? fixed(fc.integer({ min: 0, max: M }), N) : none,
    mentorLen: mentorLists && truncate ? fixed(fc.integer({ min: 0, max: N }), M) : none,
    pinPicks:
      pins > 0 && N > 0 && M > 0
        ? fc.array(
            fc.record({
              mentee: fc.integer({ min: 0, max: N - 1 }),
              pick: fc.integer({ min: 0, max: M - 1 }),
            }),
            {
              maxLength: pins,
            },
          )
        : fc.constant([]),
    minLevel: options.minScore === true ? fc.integer({ min: 0, max: 10 }) : fc.constant(-1),
    tagBits:
      tags !== null && tags.length > 0 ? fixed(fc.integer({ min: 0, max: 2 ** tags.length - 1 }), N) : none,
    seed: options.seed === false ? fc.constant(0) : fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  });
  const opposed = options.opposedLists === true && menteeLists && mentorLists;
  return draw.map((d) =>
    build(d, {
      kind,
      dims,
      levels,
      incomplete,
      forbiddenShare,
      lists,
      form,
      tags,
      M,
      menteeLists,
      mentorLists,
      opposed,
    }),
  );
}

interface BuildContext {
  readonly kind: "uniform" | "correlated" | "attributes";
  readonly dims: number;
  readonly levels: number;
  readonly incomplete: number;
  readonly forbiddenShare: number;
  readonly lists: NonNullable<MatchingInstanceOptions["lists"]>;
  readonly form: NonNullable<MatchingInstanceOptions["form"]>;
  readonly tags: readonly string[] | null;
  /** Column stride of the drawn arrays (the largest number of mentors). */
  readonly M: number;
  readonly menteeLists: boolean;
  readonly mentorLists: boolean;
  readonly opposed: boolean;
}

/** Quantises a score in [0, 1] to the tie levels, or to the 1/1000 grid. */
function quantise(x: number, levels: number): number {
  return levels === 0 ? Math.round(x * GRID) / GRID : Math.round(x * (levels - 1));
}

function build(d: Draw, c: BuildContext): MatchingInstance {
  const { n, m } = d;
  const { M, levels, dims } = c;
  const scale = levels === 0 ? GRID : levels - 1;
  const s = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const raw = d.base[i * M + j]! / scale;
      let x: number;
      if (c.kind === "uniform") {
        x = raw;
      } else if (c.kind === "correlated") {
        x = 0.5 * (d.mentorQ[j]! / 9) + 0.2 * (d.menteeQ[i]! / 9) + 0.3 * raw;
      } else {
        let sq = 0;
        for (let k = 0; k < dims; k++) {
          const diff = (d.menteeP[i * dims + k]! - d.mentorP[j * dims + k]!) / PERCENT;
          sq += diff * diff;
        }
        x = 1 - Math.sqrt(sq / dims);
      }
      let v = quantise(x, levels);
      if (d.holes !== null && d.holes[i * M + j]! < c.incomplete * PERCENT) v = Number.NEGATIVE_INFINITY;
      s[i * m + j] = v;
    }
  }
  let forbidden: Uint8Array | undefined;
  if (d.rules !== null) {
    forbidden = new Uint8Array(n * m);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < m; j++)
        if (d.rules[i * M + j]! < c.forbiddenShare * PERCENT) forbidden[i * m + j] = 1;
  }
  const minScore = d.minLevel < 0 ? undefined : quantise(d.minLevel / 20, levels);
  const capacities = d.caps.slice(0, m);
  const order = (
    keys: readonly number[],
    owner: number,
    stride: number,
    count: number,
    len: number | undefined,
  ): number[] => {
    const idx = Array.from({ length: count }, (_, t) => t);
    idx.sort((a, b) => keys[owner * stride + a]! - keys[owner * stride + b]! || a - b);
    return len === undefined ? idx : idx.slice(0, Math.min(len, count));
  };
  const menteePreferences = c.menteeLists
    ? Array.from({ length: n }, (_, i) => order(d.menteeKeys!, i, M, m, d.menteeLen?.[i]))
    : undefined;
  // Mentor keys are read column-wise from the same N × M grid: key of (mentor j, mentee i) at i * M + j.
  const mentorPreferences = c.mentorLists
    ? Array.from({ length: m }, (_, j) => {
        const idx = Array.from({ length: n }, (_, t) => t);
        // Opposed: a mentee that ranks j later comes earlier in j's list.
        const place = (i: number): number => {
          if (!c.opposed) return 0;
          const at = menteePreferences![i]!.indexOf(j);
          return at === -1 ? -m : -at;
        };
        idx.sort(
          (a, b) => place(a) - place(b) || d.mentorKeys![a * M + j]! - d.mentorKeys![b * M + j]! || a - b,
        );
        const len = d.mentorLen?.[j];
        return len === undefined ? idx : idx.slice(0, Math.min(len, n));
      })
    : undefined;
  const scoresGiven = c.lists !== "only";
  // Pins: each pick names a mentee and a starting mentor; the first allowed mentor with a free seat wins.
  const pinned: PinnedPair[] = [];
  const pinnedTo = new Int32Array(n).fill(-1);
  const load = new Int32Array(m);
  for (const pick of d.pinPicks) {
    const i = pick.mentee;
    if (i >= n || pinnedTo[i] !== -1 || m === 0) continue;
    for (let t = 0; t < m; t++) {
      const j = (pick.pick + t) % m;
      if (load[j]! >= capacities[j]!) continue;
      if (!allowed(s, forbidden, minScore, scoresGiven, menteePreferences, mentorPreferences, i, j, m))
        continue;
      pinned.push({ mentee: i, mentor: j });
      pinnedTo[i] = j;
      load[j]!++;
      break;
    }
  }
  const menteeTags =
    c.tags !== null && d.tagBits !== null
      ? Array.from({ length: n }, (_, i) => c.tags!.filter((_, k) => (d.tagBits![i]! >> k) & 1))
      : undefined;
  const out: {
    -readonly [K in keyof MatchingInstance]: MatchingInstance[K];
  } = { capacities, seed: d.seed };
  if (scoresGiven) {
    if (c.form === "dense") {
      out.scores = s;
      out.rows = n;
      out.cols = m;
    } else if (c.form === "csr") {
      out.scores = toCsr(s, n, m);
    } else {
      out.scores = Array.from({ length: n }, (_, i) => Array.from(s.subarray(i * m, (i + 1) * m)));
      out.cols = m;
    }
  } else {
    out.rows = n;
    out.cols = m;
  }
  if (forbidden !== undefined) out.forbidden = forbidden;
  if (minScore !== undefined) out.minScore = minScore;
  if (menteePreferences !== undefined) out.menteePreferences = menteePreferences;
  if (mentorPreferences !== undefined) out.mentorPreferences = mentorPreferences;
  if (pinned.length > 0) out.pinned = pinned;
  if (menteeTags !== undefined) out.menteeTags = menteeTags;
  return out;
}

function allowed(
  s: Float64Array,
  forbidden: Uint8Array | undefined,
  minScore: number | undefined,
  scoresGiven: boolean,
  menteePreferences: readonly (readonly number[])[] | undefined,
  mentorPreferences: readonly (readonly number[])[] | undefined,
  i: number,
  j: number,
  m: number,
): boolean {
  if (forbidden !== undefined && forbidden[i * m + j] !== 0) return false;
  if (scoresGiven) {
    const v = s[i * m + j]!;
    if (v === Number.NEGATIVE_INFINITY || (minScore !== undefined && v < minScore)) return false;
  }
  if (menteePreferences !== undefined && !menteePreferences[i]!.includes(j)) return false;
  if (mentorPreferences !== undefined && !mentorPreferences[j]!.includes(i)) return false;
  return true;
}

function toCsr(s: Float64Array, n: number, m: number): CsrScores {
  const rowStart = new Int32Array(n + 1);
  const col: number[] = [];
  const value: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const v = s[i * m + j]!;
      if (v === Number.NEGATIVE_INFINITY) continue;
      col.push(j);
      value.push(v);
    }
    rowStart[i + 1] = col.length;
  }
  return { rows: n, cols: m, rowStart, col: Int32Array.from(col), value: Float64Array.from(value) };
}
