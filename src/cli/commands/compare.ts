/** `mentor-match compare`: several strategies on the same participants (CSV files or generated ones). */
import type { Language } from "../../language.js";
import { match } from "../../matching/match.js";
import type { MatchingInstance, StrategyName } from "../../matching/types.js";
import { type CustomStrategy, compareStrategies } from "../../metrics/compareStrategies.js";
import { formatComparison } from "../../metrics/formatComparison.js";
import { generateInstance } from "../_internal/library.js";
import { EXIT } from "../_internal/exit.js";
import { type InputOptions, loadProgram } from "../_internal/inputs.js";
import type { CliIo } from "../_internal/io.js";
import { errorText, SAY } from "../_internal/messages.js";
import { progress } from "../_internal/progress.js";
import { prepare, printProblems } from "./validate.js";

export interface CompareCommandOptions extends InputOptions {
  readonly strategies: readonly StrategyName[];
  readonly seeds: readonly number[];
  /** `[mentors, mentees]` to generate instead of reading files. */
  readonly generate?: readonly [number, number];
  /** How many generated instances. */
  readonly instances: number;
  readonly markdown: boolean;
  /** Print the comparison table as JSON (`ComparisonTable` of compareStrategies) instead of text. */
  readonly json?: boolean;
}

/** Runs `compare`; returns the exit code. */
export function compareCommand(io: CliIo, options: CompareCommandOptions, language: Language): number {
  let instances: MatchingInstance[];
  const runsPerInstance = options.strategies.reduce(
    (n, s) => n + (s === "random" ? options.seeds.length : 1),
    0,
  );
  const generated = options.generate === undefined ? 0 : options.instances;
  const bar = progress(io, generated + Math.max(1, generated) * runsPerInstance);
  if (options.generate !== undefined) {
    const program = loadProgram(io, options);
    const [mentors, mentees] = options.generate;
    instances = [];
    for (let k = 0; k < options.instances; k++) {
      bar.step(SAY[language].generating);
      instances.push(generateInstance(program.info, { mentors, mentees, seed: (options.seeds[0] ?? 0) + k }));
    }
  } else {
    if (options.input === undefined && (options.mentors === undefined || options.mentees === undefined)) {
      io.stderr(
        language === "ru"
          ? "Укажите файлы анкет (--mentors и --mentees или --input) или --generate НАСТАВНИКИ:НАСТАВЛЯЕМЫЕ.\n"
          : "Give the questionnaire files (--mentors and --mentees, or --input) or --generate MENTORS:MENTEES.\n",
      );
      return EXIT.usage;
    }
    const prepared = prepare(io, options, language);
    printProblems(io, prepared, language);
    if (prepared.problems.length > 0 || prepared.scored === null) return EXIT.input;
    instances = [prepared.scored.instance];
  }
  // Each strategy runs through `match` as compareStrategies would, with a step of the bar before it.
  const specs: CustomStrategy[] = options.strategies.map((name) => ({
    name,
    randomized: name === "random",
    run: (instance) => {
      bar.step(`${SAY[language].comparing} ${name}`);
      return match(instance, { strategy: name as StrategyName });
    },
  }));
  try {
    const table = compareStrategies(instances, specs, { seeds: options.seeds });
    bar.done();
    io.stdout(
      options.json === true
        ? `${JSON.stringify(table, null, 2)}\n`
        : `${formatComparison(table, { language: language, format: options.markdown ? "markdown" : "text" })}\n`,
    );
  } catch (error) {
    bar.done();
    io.stderr(`${errorText(error, language)}\n`);
    return EXIT.input;
  }
  return EXIT.ok;
}
