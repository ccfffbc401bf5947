import { hasMathjs, type MathjsParser, setMathjs } from "./_internal/mathjs.js";

/**
 * Loads mathjs, which parses the expressions of `formula` criteria. Importing mentor-match does not load
 * it. Under Node there is no need to call this: the first formula loads mathjs synchronously. In a
 * browser or a worker, call it once before parsing a program that has a formula criterion (otherwise
 * `parseProgram` throws FORMULA_UNAVAILABLE); a bundler puts mathjs in a chunk of its own, fetched here.
 *
 * Complexity: O(1) once mathjs is loaded; the first call loads it (about 600 KB).
 *
 * @returns when formulas can be parsed.
 * @throws never (a failed network fetch of the chunk rejects the promise).
 * @example
 * await loadFormulaSupport();
 * const program = parseProgram(config); // with formula criteria
 */
export async function loadFormulaSupport(): Promise<void> {
  if (hasMathjs()) return;
  setMathjs((await import("mathjs")) as MathjsParser);
}
