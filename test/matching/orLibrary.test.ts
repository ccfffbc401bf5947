/**
 * J. E. Beasley's OR-Library linear assignment instances (minimise the total cost, one-to-one): the
 * solver must reach the published optimum. assign100–300 are dense; assignp800 is sparse (CSR).
 */
import { readFileSync } from "node:fs";
import type { CsrScores } from "mentor-match";
import { optimalAssignment } from "mentor-match";
import { describe, expect, it } from "vitest";

const dir = new URL("../../fixtures/or-library/", import.meta.url);

function numbers(name: string): Float64Array {
  const text = readFileSync(new URL(name, dir), "utf8");
  return Float64Array.from(
    text.split(/\s+/).filter((t) => t.length > 0),
    Number,
  );
}

/** Dense file: n, then the n × n costs row by row. */
function readDense(name: string): { n: number; costs: Float64Array } {
  const all = numbers(name);
  const n = all[0]!;
  return { n, costs: all.subarray(1, 1 + n * n) };
}

/** Sparse file: n, then `row column cost` triples (1-based); unlisted cells are not allowed. */
function readSparse(name: string): CsrScores {
  const all = numbers(name);
  const n = all[0]!;
  const cells = (all.length - 1) / 3;
  const rowStart = new Int32Array(n + 1);
  for (let k = 0; k < cells; k++) rowStart[all[1 + 3 * k]!]!++;
  for (let i = 0; i < n; i++) rowStart[i + 1]! += rowStart[i]!;
  const fill = rowStart.slice(0, n);
  const col = new Int32Array(cells);
  const value = new Float64Array(cells);
  for (let k = 0; k < cells; k++) {
    const i = all[1 + 3 * k]! - 1;
    const at = fill[i]!++;
    col[at] = all[2 + 3 * k]! - 1;
    value[at] = all[3 + 3 * k]!;
  }
  return { rows: n, cols: n, rowStart, col, value };
}

function optimum(name: string): number {
  const line = readFileSync(new URL("optimal.txt", dir), "utf8")
    .split("\n")
    .find((l) => l.trim().split(/\s+/)[0] === name);
  return Number(line!.trim().split(/\s+/)[1]);
}

describe("OR-Library assignment instances reach the published optimum", () => {
  for (const name of ["assign100", "assign200", "assign300"]) {
    it(`${name} (dense)`, () => {
      const { n, costs } = readDense(`${name}.txt`);
      const r = optimalAssignment({ scores: costs, rows: n, cols: n }, { maximize: false });
      expect(r.metrics.matched).toBe(n);
      expect(r.metrics.totalScore).toBe(optimum(name));
    });
  }
  it("assignp800 (sparse, CSR)", () => {
    const csr = readSparse("assignp800.txt");
    const r = optimalAssignment({ scores: csr }, { maximize: false, cardinality: "perfect" });
    expect(r.metrics.matched).toBe(csr.rows);
    expect(r.metrics.totalScore).toBe(optimum("assignp800"));
  });
});
