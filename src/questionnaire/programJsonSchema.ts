import * as z from "zod";
import { ProgramSchema } from "./program.js";

/**
 * The JSON Schema (draft 2020-12) of a program config, generated from the zod schema: what a config
 * file may contain (defaults optional). Shipped as `mentor-match/program.schema.json`. O(schema size).
 *
 * @returns a fresh JSON Schema object.
 * @throws nothing.
 * @example
 * const schema = programJsonSchema();
 * schema.$schema; // "https://json-schema.org/draft/2020-12/schema"
 */
export function programJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ProgramSchema, { io: "input", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    $id: "https://mentor-match.dev/program.schema.json",
    title: "mentor-match program",
    description:
      "A mentoring program: the form, the questions, the criteria and the rules (docs/program.md). Программа наставничества: форма, вопросы анкеты, критерии и правила.",
  };
}
