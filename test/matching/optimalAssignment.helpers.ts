/**
 * Shared pieces of the assignment tests: an arbitrary of small signed instances (negative scores, ties,
 * -Infinity cells, rule masks, minimum scores, capacities 0..3, pins, and the three score forms), and
 * small helpers that read an instance independently of the solvers.
 */
import fc from "fast-check";
import type { CsrScores, MatchingInstance } from "mentor-match";

export interface Drawn {
  readonly instance: MatchingInstance;
  /** The scores as rows, -Infinity = not allowed (before mask and minScore). */
  readonly grid: number[][];
}

function toForm(
  grid: number[][],
  form: "rows" | "dense" | "csr",
  n: number,
  m: number,
): Pick<MatchingInstance, "scores" | "rows" | "cols"> {
  if (form === "rows") return { scores: grid.map((r) => r.slice()), cols: m };
  if (form === "dense") return { scores: Float64Array.from(grid.flat()), rows: n, cols: m };
  const rowStart = new Int32Array(n + 1);
  const col: number[] = [];
  const value: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      if (grid[i]![j] !== Number.NEGATIVE_INFINITY) {
        col.push(j);
        value.push(grid[i]![j]!);
      }
    }
    rowStart[i + 1] = col.length;
  }
  const csr: CsrScores = {
    rows: n,
    cols: m,
    rowStart,
    col: Int32Array.from(col),
    value: Float64Array.from(value),
  };
  return { scores: csr };
}

/** Small instances (n ≤ maxN mentees, m ≤ maxM mentors) with signed scores. */
export function signedInstance(maxN = 6, maxM = 5, opts: { pins?: boolean } = {}): fc.Arbitrary<Drawn> {
  return fc
    .record({ n: fc.integer({ min: 1, max: maxN }), m: fc.integer({ min: 1, max: maxM }) })
    .chain(({ n, m }) =>
      fc.record({
        n: fc.constant(n),
        m: fc.constant(m),
        cells: fc.array(
          fc.oneof(
            { weight: 1, arbitrary: fc.constant(Number.NEGATIVE_INFINITY) },
            { weight: 4, arbitrary: fc.integer({ min: -4, max: 9 }) },
            { weight: 3, arbitrary: fc.double({ min: -5, max: 10, noNaN: true, noDefaultInfinity: true }) },
          ),
          { minLength: n * m, maxLength: n * m },
        ),
        caps: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: m, maxLength: m }),
        mask: fc.option(fc.array(fc.boolean(), { minLength: n * m, maxLength: n * m }), { freq: 3 }),
        minScore: fc.option(fc.integer({ min: -2, max: 4 }), { freq: 3 }),
        pin:
          opts.pins === false
            ? fc.constant(null)
            : fc.option(fc.record({ mentee: fc.nat(n - 1), mentor: fc.nat(m - 1) }), { freq: 2 }),
        form: fc.constantFrom("rows" as const, "dense" as const, "csr" as const),
      }),
    )
    .map(({ n, m, cells, caps, mask, minScore, pin, form }) => {
      const grid: number[][] = [];
      for (let i = 0; i < n; i++) grid.push(cells.slice(i * m, (i + 1) * m));
      const instance: MatchingInstance = {
        ...toForm(grid, form, n, m),
        capacities: caps,
        ...(mask === null ? {} : { forbidden: Uint8Array.from(mask, (b) => (b ? 1 : 0)) }),
        ...(minScore === null ? {} : { minScore }),
        ...(pin === null ? {} : { pinned: [pin] }),
      };
      return { instance, grid };
    });
}

/** Whether pair (i, j) is allowed: finite score, not masked, at least minScore (read independently). */
export function allowed(d: Drawn, i: number, j: number): boolean {
  const s = d.grid[i]![j]!;
  if (s === Number.NEGATIVE_INFINITY) return false;
  const m = d.grid[0]!.length;
  if (d.instance.forbidden !== undefined && d.instance.forbidden[i * m + j] !== 0) return false;
  return !(s < (d.instance.minScore ?? Number.NEGATIVE_INFINITY));
}

/** Sum of the scores of a matching (plain summation in mentee order). */
export function totalOf(d: Drawn, mentorOf: Int32Array): number {
  let total = 0;
  for (let i = 0; i < mentorOf.length; i++) if (mentorOf[i]! >= 0) total += d.grid[i]![mentorOf[i]!]!;
  return total;
}

export function countOf(mentorOf: Int32Array): number {
  let c = 0;
  for (const j of mentorOf) if (j >= 0) c++;
  return c;
}

/** Tolerance for totals: the oracle treats totals within 1e-9 × max(1, |total|) as equal. */
export const EPS = 1e-7;

/** True when the instance's pins are valid (allowed pair, within capacity), so a solver accepts it. */
export function pinsValid(d: Drawn): boolean {
  for (const p of d.instance.pinned ?? []) {
    if (!allowed(d, p.mentee, p.mentor)) return false;
    const caps = d.instance.capacities as number[];
    if (caps[p.mentor]! < 1) return false;
  }
  return true;
}

/** The same instance with rows and columns relabelled: new row r is old row rowPerm[r], likewise columns. */
export function relabel(d: Drawn, rowPerm: number[], colPerm: number[]): Drawn {
  const n = d.grid.length;
  const m = d.grid[0]!.length;
  const grid = rowPerm.map((oi) => colPerm.map((oj) => d.grid[oi]![oj]!));
  const invRow = new Array<number>(n);
  rowPerm.forEach((oi, r) => {
    invRow[oi] = r;
  });
  const invCol = new Array<number>(m);
  colPerm.forEach((oj, c) => {
    invCol[oj] = c;
  });
  const caps = d.instance.capacities as number[];
  const mask = d.instance.forbidden;
  const instance: MatchingInstance = {
    scores: grid.map((r) => r.slice()),
    cols: m,
    capacities: colPerm.map((oj) => caps[oj]!),
    ...(mask === undefined
      ? {}
      : {
          forbidden: Uint8Array.from(
            { length: n * m },
            (_, k) => mask[rowPerm[Math.floor(k / m)]! * m + colPerm[k % m]!]!,
          ),
        }),
    ...(d.instance.minScore === undefined ? {} : { minScore: d.instance.minScore }),
    ...(d.instance.pinned === undefined
      ? {}
      : { pinned: d.instance.pinned.map((p) => ({ mentee: invRow[p.mentee]!, mentor: invCol[p.mentor]! })) }),
  };
  return { instance, grid };
}

/** A permutation of 0..k-1 drawn by fast-check. */
export function permutationOf(k: number): fc.Arbitrary<number[]> {
  return fc.array(fc.nat(), { minLength: k, maxLength: k }).map((keys) =>
    keys
      .map((key, idx) => [key, idx] as const)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .map(([, idx]) => idx),
  );
}
