/**
 * The mathjs functions monitoring uses, from mathjs's single-file build. `import … from "mathjs"` loads
 * the package's ~1,000 ES modules (1.2–1.6 s of CPU at start-up, measured on `monitor`); its one-file
 * build gives the same functions of the same version in about 0.1 s. Works under Node (ESM and CommonJS),
 * bundlers and browsers alike.
 */
import mathjsBundle from "mathjs/lib/browser/math.js";

/** The part of mathjs monitoring uses, on plain numbers. */
interface MathjsNumbers {
  erf(x: number): number;
  dot(x: readonly number[], y: readonly number[]): number;
  sum(values: readonly number[]): number;
}

const math = mathjsBundle as unknown as MathjsNumbers;

/** The error function (mathjs `erf`). */
export function erf(x: number): number {
  return math.erf(x);
}

/** Σ xᵢ·yᵢ (mathjs `dot`). */
export function dot(x: readonly number[], y: readonly number[]): number {
  return math.dot(x, y);
}

/** Σ values (mathjs `sum`). */
export function sum(values: readonly number[]): number {
  return math.sum(values);
}
