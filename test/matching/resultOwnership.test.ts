/**
 * A result is the caller's own: the solver and the result building carve their work arrays from memory
 * that the next call reuses (matching/_internal/scratch.ts), so nothing a result holds may live there.
 * Each strategy's result is copied, other calls of other sizes run, and the result must read the same.
 */
import { match, optimalAssignment, STRATEGIES } from "mentor-match";
import { describe, expect, it } from "vitest";
import { seededRandom as random } from "../_random.js";

/** A deep copy with typed arrays as plain arrays (what the result said when it was made). */
function snapshot(x: unknown): unknown {
  if (ArrayBuffer.isView(x)) return Array.from(x as Float64Array);
  if (Array.isArray(x)) return x.map(snapshot);
  if (x !== null && typeof x === "object") {
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, snapshot(v)]));
  }
  return x;
}

/** CSR scores with `degree` cells a row (long rows get the solver's cheap copy), seeded. */
function csrInstance(n: number, degree: number, seed: number) {
  const rnd = random(seed);
  const rowStart = new Int32Array(n + 1);
  const col = new Int32Array(n * degree);
  const value = new Float64Array(n * degree);
  for (let i = 0; i < n; i++) {
    rowStart[i + 1] = (i + 1) * degree;
    const picked = new Set<number>([i % n]);
    while (picked.size < degree) picked.add(Math.floor(rnd() * n));
    [...picked]
      .sort((a, b) => a - b)
      .forEach((j, q) => {
        col[i * degree + q] = j;
        value[i * degree + q] = Math.round(rnd() * 100);
      });
  }
  return { scores: { rows: n, cols: n, rowStart, col, value } };
}

function denseInstance(rows: number, cols: number, seed: number) {
  const rnd = random(seed);
  return {
    scores: Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.round(rnd() * 50))),
    capacities: Array.from({ length: cols }, (_, j) => 1 + (j % 2)),
  };
}

describe("a result does not share memory with later calls", () => {
  it("optimal assignment on CSR rows long enough for the cheap copy, then calls of other sizes", () => {
    const inst = csrInstance(300, 40, 1);
    const first = optimalAssignment(inst, { maximize: false });
    const unread = optimalAssignment(inst, { maximize: false }); // its groups are first read at the end
    const before = snapshot(first);
    for (const [n, seed] of [
      [500, 2],
      [120, 3],
      [300, 4],
    ] as const) {
      optimalAssignment(csrInstance(n, 40, seed), { maximize: false });
      optimalAssignment(denseInstance(n / 4, n / 5, seed));
    }
    expect(snapshot(first)).toEqual(before);
    expect(snapshot(unread)).toEqual(before);
    // The same call again gives the same result (the reused memory starts as new memory does).
    expect(snapshot(optimalAssignment(inst, { maximize: false }))).toEqual(before);
  });

  it("every strategy, on dense scores with capacities", () => {
    const inst = { ...denseInstance(40, 25, 9), seed: 5 };
    const other = { ...denseInstance(60, 30, 10), seed: 6 };
    for (const strategy of STRATEGIES) {
      const options = { strategy } as const;
      const first = match(inst, options);
      const before = snapshot(first);
      for (const strategyAfter of STRATEGIES) match(other, { strategy: strategyAfter });
      expect(snapshot(first), strategy).toEqual(before);
      expect(snapshot(match(inst, options)), strategy).toEqual(before);
    }
  });

  it("groups, made when first read, are an own enumerable array for spread, JSON and structuredClone", () => {
    const r = optimalAssignment({
      scores: [
        [0.9, 0.8],
        [0.7, 0.1],
      ],
      capacities: [2, 1],
    });
    const expected = [{ mentor: 0, mentees: [0, 1] }]; // 0.9 + 0.7: mentor 0 has two seats
    expect(Object.keys(r)).toContain("groups");
    expect({ ...r }.groups).toEqual(expected);
    expect(JSON.parse(JSON.stringify(r)).groups).toEqual(expected);
    expect(structuredClone(r).groups).toEqual(expected);
    expect(r.groups).toBe(r.groups); // made once
  });
});
