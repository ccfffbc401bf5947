/**
 * mathjs, loaded only when a formula is parsed. Importing the package does not load it (it is about
 * 600 KB and takes about a second to load). Under Node it is loaded synchronously on first use, so
 * `parseProgram` and `compileProgram` stay synchronous; elsewhere `loadFormulaSupport()` loads it first.
 */
import type { MathNode } from "mathjs";
import { nodeRequire } from "../../_internal/nodeRequire.js";
import { ProgramError } from "../../errors.js";

/** The part of mathjs the formulas use. */
export interface MathjsParser {
  parse(expression: string): MathNode;
}

let loaded: MathjsParser | undefined;

/** Keeps the mathjs module loaded by `loadFormulaSupport`. */
export function setMathjs(mathjs: MathjsParser): void {
  loaded = mathjs;
}

/** Whether mathjs is loaded. */
export function hasMathjs(): boolean {
  return loaded !== undefined;
}

/**
 * mathjs's parser: the one loaded already, else loaded now through Node's `require`.
 *
 * @param path - the config path of the formula, for the error.
 * @throws ProgramError FORMULA_UNAVAILABLE when mathjs is not loaded and cannot be loaded synchronously.
 */
export function mathjs(path: string): MathjsParser {
  if (loaded !== undefined) return loaded;
  const load = nodeRequire();
  if (load !== undefined) {
    // A variable, not a literal: a bundler must not pull mathjs into a bundle that never parses formulas.
    const id = "mathjs";
    loaded = load(id) as MathjsParser;
    return loaded;
  }
  throw new ProgramError(
    "FORMULA_UNAVAILABLE",
    "The program has a formula criterion, and formulas need mathjs, which this runtime cannot load synchronously.",
    {
      location: { column: path },
      hint: "Call `await loadFormulaSupport()` once before parsing or compiling the program.",
      details: { path },
    },
  );
}
