/** `mentor-match compare`: several strategies on the same participants (CSV files or generated ones). */
import type { MatchingInstance, StrategyName } from "../../matching/types.js";
import type { Lang } from "../../report/texts.js";
import { compareTable, generateInstance } from "../_internal/library.js";
import { EXIT } from "../_internal/exit.js";
import { type InputOptions, loadProgram } from "../_internal/inputs.js";
import type { CliIo } from "../_internal/io.js";
import { errorText } from "../_internal/messages.js";
import { prepare, printProblems } from "./validate.js";

export interface CompareCommandOptions extends InputOptions {
  readonly strategies: readonly StrategyName[];
  readonly seeds: readonly number[];
  /** `[mentors, mentees]` to generate instead of reading files. */
  readonly generate?: readonly [number, number];
  /** How many generated instances. */
  readonly instances: number;
  readonly markdown: boolean;
}

/** Runs `compare`; returns the exit code. */
export function compareCommand(io: CliIo, options: CompareCommandOptions, lang: Lang): number {
  let instances: MatchingInstance[];
  if (options.generate !== undefined) {
    const program = loadProgram(io, options);
    const [mentors, mentees] = options.generate;
    instances = [];
    for (let k = 0; k < options.instances; k++) {
      instances.push(generateInstance(program.info, { mentors, mentees, seed: (options.seeds[0] ?? 0) + k }));
    }
  } else {
    if (options.input === undefined && (options.mentors === undefined || options.mentees === undefined)) {
      io.stderr(
        lang === "ru"
          ? "Укажите файлы анкет (--mentors и --mentees или --input) или --generate НАСТАВНИКИ:НАСТАВЛЯЕМЫЕ.\n"
          : "Give the questionnaire files (--mentors and --mentees, or --input) or --generate MENTORS:MENTEES.\n",
      );
      return EXIT.usage;
    }
    const prepared = prepare(io, options, lang);
    printProblems(io, prepared, lang);
    if (prepared.problems.length > 0 || prepared.scored === null) return EXIT.input;
    instances = [prepared.scored.instance];
  }
  try {
    io.stdout(
      `${compareTable(instances, options.strategies, { seeds: options.seeds, lang, format: options.markdown ? "markdown" : "text" })}\n`,
    );
  } catch (error) {
    io.stderr(`${errorText(error, lang)}\n`);
    return EXIT.input;
  }
  return EXIT.ok;
}
