/** `mentor-match match`: survey exports in; pairs, the unmatched, the excluded and a report out. */
import { InfeasibleError, isMentorMatchError } from "../../errors.js";
import { match } from "../../matching/match.js";
import type { MatchResult, StrategyName } from "../../matching/types.js";
import type { Language } from "../../language.js";
import { EXIT } from "../_internal/exit.js";
import type { InputOptions } from "../_internal/inputs.js";
import type { CliIo } from "../_internal/io.js";
import { errorText, SAY } from "../_internal/messages.js";
import { progress } from "../_internal/progress.js";
import { openOutputFolder, type RunOutputOptions, readRun, writeRunOutputs } from "../_internal/runSteps.js";
import { printProblems } from "./validate.js";

export interface MatchCommandOptions extends InputOptions, RunOutputOptions {
  readonly strategy?: StrategyName;
  readonly seed?: number;
  /** How equal scores are ordered (stable and greedy strategies); see {@link tiePolicy}. */
  readonly ties?: "index" | "seeded";
}

/** The strategies that order equal scores by a tie policy (the others break ties by index). */
const TIE_STRATEGIES: readonly string[] = ["stable", "stable-mentor", "greedy"];

/**
 * The tie policy of a run: `--ties`, else the config's `ties`, else `seeded` when `--seed` is given to a
 * strategy that breaks ties (a seed asks for its own tie-breaks), else `index`.
 */
export function tiePolicy(
  options: { readonly ties?: "index" | "seeded" | undefined; readonly seed?: number | undefined },
  configTies: "index" | "seeded" | undefined,
  strategy: string,
): "index" | "seeded" {
  if (options.ties !== undefined) return options.ties;
  if (configTies !== undefined) return configTies;
  return options.seed !== undefined && TIE_STRATEGIES.includes(strategy) ? "seeded" : "index";
}

/** Runs `match`; returns the exit code. */
export async function matchCommand(
  io: CliIo,
  options: MatchCommandOptions,
  language: Language,
): Promise<number> {
  if (options.input === undefined && (options.mentors === undefined || options.mentees === undefined)) {
    io.stderr(`${SAY[language].needInput}\n`);
    return EXIT.usage;
  }
  const folder = openOutputFolder(io, options, language);
  if (folder !== null) return folder;
  const bar = progress(io, 4);
  const prepared = readRun(io, options, language, bar);
  if (typeof prepared === "number") return prepared;
  const { scored, program } = prepared;
  const seed = options.seed ?? program.info.seed;
  const strategy = options.strategy ?? program.info.strategy;
  bar.step(SAY[language].matching);
  let result: MatchResult;
  try {
    result = match(
      { ...scored.instance, seed },
      { strategy, ties: tiePolicy(options, program.info.ties, strategy) },
    );
  } catch (error) {
    bar.done();
    printProblems(io, { ...prepared, problems: [] }, language);
    if (error instanceof InfeasibleError) {
      io.stderr(`${SAY[language].infeasible} ${errorText(error, language)}\n`);
      return EXIT.infeasible;
    }
    if (isMentorMatchError(error)) {
      io.stderr(`${errorText(error, language)}\n`);
      return EXIT.input;
    }
    throw error;
  }
  bar.step(SAY[language].writing);
  const { model, written } = await writeRunOutputs(io, {
    prepared,
    result,
    seed,
    options,
    language,
    bar,
    warnings: prepared.warnings,
  });
  const shown = options.displayOut ?? options.out;
  bar.done();
  printProblems(io, prepared, language);
  io.stdout(`${SAY[language].read(scored.mentors.length, scored.mentees.length, scored.excluded.length)}\n`);
  io.stdout(
    `${SAY[language].done(model.counts.matched, model.counts.mentees, model.counts.unmatched, shown)}\n`,
  );
  io.stdout(`${SAY[language].wrote}\n${written.map((f) => `  ${f}`).join("\n")}\n`);
  return EXIT.ok;
}
