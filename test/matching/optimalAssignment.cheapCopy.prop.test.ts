/**
 * CSR rows long enough (32 cells a row and more) for the solver to read a copy of each row's cheap cells
 * first and to skip the rest of a row when no cell there can help: checked against the same scores given
 * as a dense matrix (under 384 columns the dense path reads every cell), and by the duals' optimality
 * certificate, with ties, capacities, forbidden and pinned pairs and a minimum score.
 */
import fc from "fast-check";
import { type CsrScores, type MatchingInstance, optimalAssignment } from "mentor-match";
import { checkOptimalityCertificate } from "mentor-match/testing";
import { describe, expect, it } from "vitest";

const MODES = ["any", "maximum", "perfect"] as const;

interface Drawn {
  readonly csr: CsrScores;
  readonly dense: number[][];
  readonly extras: Omit<MatchingInstance, "scores">;
}

/** A CSR instance of n rows, each with 32 or more cells out of m columns, and the same scores as number[][]. */
const longRows: fc.Arbitrary<Drawn> = fc
  .record({
    n: fc.integer({ min: 1, max: 48 }),
    m: fc.integer({ min: 32, max: 48 }),
    integers: fc.boolean(),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
    capacityMax: fc.integer({ min: 1, max: 3 }),
    forbid: fc.boolean(),
    pin: fc.boolean(),
    minScore: fc.option(fc.integer({ min: 2, max: 12 }), { nil: undefined }),
  })
  .map(({ n, m, integers, seed, capacityMax, forbid, pin, minScore }) => {
    let state = seed;
    const next = (): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32;
    };
    // Scores = row level + column level + noise: rows whose cells all lie above the cheap band, and
    // popular columns whose potentials spread, so that the searches must read the rest of many rows.
    const spread = integers ? Math.floor(next() * 20) : next() * 20;
    const level = (): number => (integers ? Math.floor(next() * spread) : next() * spread);
    const rowLevel = Array.from({ length: n }, level);
    const colLevel = Array.from({ length: m }, level);
    const dense: number[][] = [];
    const rowStart = new Int32Array(n + 1);
    const col: number[] = [];
    const value: number[] = [];
    for (let i = 0; i < n; i++) {
      const row = new Array<number>(m).fill(Number.NEGATIVE_INFINITY);
      const keep = 32 + Math.floor(next() * (m - 31));
      // A random subset of `keep` columns, listed out of order half of the time.
      const cols = Array.from({ length: m }, (_, j) => j);
      for (let q = m - 1; q > 0; q--) {
        const r = Math.floor(next() * (q + 1));
        [cols[q], cols[r]] = [cols[r]!, cols[q]!];
      }
      const chosen = cols.slice(0, keep);
      if (next() < 0.5) chosen.sort((a, b) => a - b);
      for (const j of chosen) {
        // Few distinct values (many ties) or fine fractions.
        const noise = integers ? 1 + Math.floor(next() * 10) : Math.round(next() * 1e6) / 1e5;
        const s = rowLevel[i]! + colLevel[j]! + noise;
        row[j] = s;
        col.push(j);
        value.push(s);
      }
      rowStart[i + 1] = col.length;
      dense.push(row);
    }
    const capacity = Array.from({ length: m }, () => 1 + Math.floor(next() * capacityMax));
    // One forbidden cell in each row (maybe an absent one).
    const forbidden = new Uint8Array(n * m);
    if (forbid) for (let i = 0; i < n; i++) forbidden[i * m + Math.floor(next() * m)] = 1;
    const pinned: { mentee: number; mentor: number }[] = [];
    if (pin && n > 1) {
      const j = col[rowStart[1]! - 1]!; // a listed cell of row 0
      if (forbidden[j] === 0) pinned.push({ mentee: 0, mentor: j });
    }
    const csr: CsrScores = {
      rows: n,
      cols: m,
      rowStart,
      col: Int32Array.from(col),
      value: Float64Array.from(value),
    };
    return {
      csr,
      dense,
      extras: {
        capacities: capacity,
        ...(forbid ? { forbidden } : {}),
        pinned,
        ...(minScore === undefined ? {} : { minScore }),
      },
    };
  });

function totalOf(d: Drawn, mentorOf: Int32Array): number {
  let total = 0;
  for (let i = 0; i < mentorOf.length; i++) if (mentorOf[i]! >= 0) total += d.dense[i]![mentorOf[i]!]!;
  return total;
}

describe("optimalAssignment on long CSR rows (the cheap copy read first)", () => {
  it("matches as many and reaches the same total as the dense path, and its duals certify it", () => {
    fc.assert(
      fc.property(longRows, fc.boolean(), fc.constantFrom(...MODES), (d, maximize, cardinality) => {
        const options = { maximize, cardinality };
        const outcome = (instance: MatchingInstance) => {
          try {
            return optimalAssignment(instance, options);
          } catch (e) {
            return (e as { code?: string }).code ?? String(e);
          }
        };
        const sparse = outcome({ scores: d.csr, ...d.extras });
        const dense = outcome({ scores: d.dense, ...d.extras });
        if (typeof dense === "string" || typeof sparse === "string") {
          expect(sparse).toEqual(dense);
          return;
        }
        const count = (r: Int32Array) => r.filter((j) => j >= 0).length;
        expect(count(sparse.mentorOf)).toBe(count(dense.mentorOf));
        const scale = 1 + Math.abs(totalOf(d, dense.mentorOf));
        expect(Math.abs(totalOf(d, sparse.mentorOf) - totalOf(d, dense.mentorOf))).toBeLessThanOrEqual(
          1e-9 * scale,
        );
        const report = checkOptimalityCertificate({ scores: d.csr, ...d.extras }, sparse, options);
        expect(report.violations).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });
});
