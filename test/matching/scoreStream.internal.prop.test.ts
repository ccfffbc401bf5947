import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeInstance } from "../../src/matching/_internal/instance.js";
import { ScoreStream } from "../../src/matching/_internal/preferences.js";

const NEG = Number.NEGATIVE_INFINITY;

/**
 * Long lines (256–700 targets), so that round 0 reads from a bar guessed from the previous line and the
 * later rounds (64, 256, 1024 candidates) copy from a floor; score kinds where those guesses hold and
 * where they fail (rows of very different scales, heavy ties, a row of one value).
 */
const lines = fc
  .record({
    rows: fc.integer({ min: 3, max: 9 }),
    cols: fc.integer({ min: 256, max: 700 }),
    kind: fc.constantFrom("uniform", "ties", "scales", "trend", "flat"),
    seed: fc.noBias(fc.integer({ min: 1, max: 1 << 30 })),
    holes: fc.boolean(),
    rules: fc.boolean(),
    minScore: fc.option(fc.double({ min: 0, max: 0.5, noNaN: true }), { nil: undefined }),
    side: fc.constantFrom("mentee" as const, "mentor" as const),
    startAll: fc.boolean(),
  })
  .map((c) => {
    // For the mentor side the lines are columns: keep them long too.
    const rows = c.side === "mentee" ? c.rows : c.cols;
    const cols = c.side === "mentee" ? c.cols : c.rows;
    let state = c.seed;
    const next = (): number => {
      state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
      return state / 0x80000000;
    };
    const scores = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const line = c.side === "mentee" ? i : j;
        const u = next();
        let s: number;
        if (c.kind === "uniform") s = u;
        else if (c.kind === "ties") s = Math.floor(u * 6) / 6;
        else if (c.kind === "scales") s = u * (line % 2 === 0 ? 1 : 1000) - (line % 3) * 500;
        else if (c.kind === "trend") s = u + line / 3;
        else s = 0.25;
        scores[i * cols + j] = c.holes && next() < 0.2 ? NEG : s;
      }
    }
    const forbidden = c.rules
      ? Uint8Array.from({ length: rows * cols }, () => (next() < 0.1 ? 1 : 0))
      : undefined;
    const targets = c.side === "mentee" ? cols : rows;
    const key = new Int32Array(targets);
    for (let t = 0; t < targets; t++) key[t] = t;
    for (let t = targets - 1; t > 0; t--) {
      const r = Math.floor(next() * (t + 1));
      [key[t], key[r]] = [key[r]!, key[t]!];
    }
    return { ...c, rows, cols, scores, forbidden, key, targets };
  });

describe("ScoreStream on long lines", () => {
  it("gives each line's allowed targets exactly in the order (score desc, key asc), through every round", () => {
    fc.assert(
      fc.property(lines, (c) => {
        const inst = normalizeInstance({
          scores: c.scores,
          rows: c.rows,
          cols: c.cols,
          ...(c.forbidden === undefined ? {} : { forbidden: c.forbidden }),
          ...(c.minScore === undefined ? {} : { minScore: c.minScore }),
        });
        const stream = new ScoreStream(inst, c.side, c.key);
        if (c.startAll) stream.startAll();
        const lineCount = c.side === "mentee" ? c.rows : c.cols;
        for (let p = 0; p < lineCount; p++) {
          const expected: number[] = [];
          for (let t = 0; t < c.targets; t++) {
            const cell = c.side === "mentee" ? p * c.cols + t : t * c.cols + p;
            const s = c.scores[cell]!;
            if (
              s === NEG ||
              s < (c.minScore ?? NEG) ||
              (c.forbidden !== undefined && c.forbidden[cell] !== 0)
            ) {
              continue;
            }
            expected.push(t);
          }
          const score = (t: number) => c.scores[c.side === "mentee" ? p * c.cols + t : t * c.cols + p]!;
          expected.sort((a, b) => score(b) - score(a) || c.key[a]! - c.key[b]!);
          const got: number[] = [];
          for (let t = stream.next(p); t !== -1; t = stream.next(p)) {
            expect(stream.lastScore).toBe(score(t));
            got.push(t);
          }
          expect(got).toEqual(expected);
        }
      }),
      { numRuns: 80 },
    );
  });
});
