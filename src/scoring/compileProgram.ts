import { parseProgram } from "../questionnaire/parseProgram.js";
import type { Program, ProgramInput } from "../questionnaire/program.js";
import type { CompiledCriterion } from "./_internal/kernel.js";
import { categoricalCriterion } from "./criteria/categorical.js";
import { coverageCriterion } from "./criteria/coverage.js";
import { formulaCriterion } from "./criteria/formula.js";
import { gapCriterion } from "./criteria/gap.js";
import { numericCriterion } from "./criteria/numeric.js";
import { ordinalCriterion } from "./criteria/ordinal.js";
import { overlapCriterion } from "./criteria/overlap.js";
import { preferenceCriterion } from "./criteria/preference.js";
import { scheduleCriterion } from "./criteria/schedule.js";
import type { CompiledProgram } from "./types.js";

function compileCriterion(c: Program["criteria"][number], program: Program): CompiledCriterion {
  switch (c.kind) {
    case "overlap":
      return overlapCriterion(c, program);
    case "coverage":
      return coverageCriterion(c, program);
    case "ordinal":
      return ordinalCriterion(c, program);
    case "numeric":
      return numericCriterion(c, program);
    case "categorical":
      return categoricalCriterion(c, program);
    case "schedule":
      return scheduleCriterion(c, program);
    case "gap":
      return gapCriterion(c, program);
    case "preference":
      return preferenceCriterion(c, program);
    case "formula":
      return formulaCriterion(c, program);
  }
}

/**
 * Compiles a program once: checks it, fixes the bitset layouts, parses the formulas. O(size of the config).
 *
 * @param program - a program (parsed, or a config that `parseProgram` accepts).
 * @returns the compiled program, reusable for any number of `scoreParticipants` calls.
 * @throws ProgramError as `parseProgram` does.
 * @example
 * const compiled = compileProgram(preset("student-student"));
 * const scored = scoreParticipants(compiled, participants);
 */
export function compileProgram(program: Program | ProgramInput): CompiledProgram {
  const parsed = parseProgram(program);
  return {
    kind: "mentor-match.compiled-program",
    program: parsed,
    criteria: parsed.criteria.map((c) => compileCriterion(c, parsed)),
  };
}
