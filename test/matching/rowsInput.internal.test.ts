/**
 * The loops specialised per score form (a flat Float64Array, the caller's number[][] rows) are one
 * algorithm: their texts are the same after each one's header. Their results are compared on random
 * instances in rowsInput.prop.test.ts.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scanDense, scanRow } from "../../src/matching/_internal/scoreScan.js";

/** The text of a function from its marker line to its end (the first line closing at `indent`). */
function tail(source: string, marker: string, indent: string): string {
  const at = source.indexOf(marker);
  expect(at).toBeGreaterThan(-1);
  const from = source.indexOf("\n", at) + 1;
  return source.slice(from, source.indexOf(`\n${indent}}\n`, from));
}

const read = (file: string): string =>
  readFileSync(new URL(`../../src/matching/_internal/${file}`, import.meta.url), "utf8");

describe("the loops specialised per score form stay one algorithm", () => {
  it("the stream's scanDense and scanRow scan with the same text", () => {
    expect(scanDense).not.toBe(scanRow);
    const source = read("scoreScan.ts");
    const flat = tail(source, "// ── scan (the same text in scanRow) ──", "");
    const rows = tail(source, "// ── scan (the same text in scanDense) ──", "");
    expect(flat.length).toBeGreaterThan(2000);
    expect(rows).toBe(flat);
  });

  it("the fused metrics pass reads a row with the same text in both forms", () => {
    const source = read("summaryPass.ts");
    const flat = tail(source, "// ── row (the same text in oneToOneRows) ──", "");
    const rows = tail(source, "// ── row (the same text in oneToOneFlat) ──", "");
    expect(flat.length).toBeGreaterThan(1000);
    expect(rows).toBe(flat);
  });
});
