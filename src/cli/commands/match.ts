/** `mentor-match match`: survey exports in; pairs, the unmatched, the excluded and a report out. */
import { join } from "node:path";
import type { Delimiter } from "../../csv/detectDelimiter.js";
import { InfeasibleError, isMentorMatchError } from "../../errors.js";
import { buildReportModel } from "../../report/buildReportModel.js";
import { pseudonymCodes } from "../../report/pseudonymCodes.js";
import { renderOutputs } from "../../report/renderOutputs.js";
import type { Lang } from "../../report/texts.js";
import { match } from "../../matching/match.js";
import type { MatchResult, StrategyName } from "../../matching/types.js";
import { EXIT } from "../_internal/exit.js";
import type { InputOptions } from "../_internal/inputs.js";
import { type CliIo, writeOutputsAtomically } from "../_internal/io.js";
import { errorText, SAY } from "../_internal/messages.js";
import { progress } from "../_internal/progress.js";
import { prepare, printProblems } from "./validate.js";

export interface MatchCommandOptions extends InputOptions {
  readonly strategy?: StrategyName;
  readonly seed?: number;
  /** How equal scores are ordered (stable and greedy strategies); see {@link tiePolicy}. */
  readonly ties?: "index" | "seeded";
  readonly out: string;
  readonly delimiter: Delimiter;
  /** Replace names (and ids that are e-mails) in every output with codes such as `P-3F9A`. */
  readonly pseudonymize?: boolean;
  /** How to show the output folder in messages, when `out` was resolved for another working folder. */
  readonly displayOut?: string;
}

/**
 * The people of a run as shareable outputs show them: each name replaced by a code derived from the id and
 * the seed ({@link pseudonymCodes}); an id that is an e-mail is replaced by the code too.
 */
function pseudonymized<P extends { id: string; name?: string }, E extends { id: string }>(
  scored: { mentees: readonly P[]; mentors: readonly (P & { capacity: number })[]; excluded: readonly E[] },
  seed: number,
): { mentees: P[]; mentors: (P & { capacity: number })[]; excluded: E[] } {
  const codes = pseudonymCodes(
    [...scored.mentees, ...scored.mentors, ...scored.excluded].map((p) => p.id),
    seed,
  );
  const idOf = (id: string): string => (id.includes("@") ? codes.get(id)! : id);
  const person = <T extends { id: string }>(p: T): T & { name: string } => ({
    ...p,
    id: idOf(p.id),
    name: codes.get(p.id)!,
  });
  return {
    mentees: scored.mentees.map(person),
    mentors: scored.mentors.map(person),
    excluded: scored.excluded.map((e) => ({ ...e, id: idOf(e.id) })),
  };
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
export function matchCommand(io: CliIo, options: MatchCommandOptions, lang: Lang): number {
  if (options.input === undefined && (options.mentors === undefined || options.mentees === undefined)) {
    io.stderr(`${SAY[lang].needInput}\n`);
    return EXIT.usage;
  }
  const bar = progress(io, 4);
  const prepared = prepare(io, options, lang, bar);
  if (prepared.problems.length > 0 || prepared.scored === null || prepared.program === null) {
    bar.done();
    printProblems(io, prepared, lang);
    // Constraints that cannot hold (pins over a capacity) are not a broken input: exit 3.
    return prepared.problems.some((p) => p instanceof InfeasibleError) ? EXIT.infeasible : EXIT.input;
  }
  const { scored, program } = prepared;
  const seed = options.seed ?? program.info.seed;
  const strategy = options.strategy ?? program.info.strategy;
  bar.step(SAY[lang].matching);
  let result: MatchResult;
  try {
    result = match(
      { ...scored.instance, seed },
      { strategy, ties: tiePolicy(options, program.info.ties, strategy) },
    );
  } catch (error) {
    bar.done();
    printProblems(io, { ...prepared, problems: [] }, lang);
    if (error instanceof InfeasibleError) {
      io.stderr(`${SAY[lang].infeasible} ${errorText(error, lang)}\n`);
      return EXIT.infeasible;
    }
    if (isMentorMatchError(error)) {
      io.stderr(`${errorText(error, lang)}\n`);
      return EXIT.input;
    }
    throw error;
  }
  bar.step(SAY[lang].writing);
  const people = options.pseudonymize === true ? pseudonymized(scored, seed) : scored;
  const model = buildReportModel({
    form: program.info.form,
    mentees: people.mentees,
    mentors: people.mentors,
    result,
    score: scored.score,
    explain: scored.explain,
    excluded: people.excluded,
    warnings: prepared.warnings,
    seed,
  });
  const files = renderOutputs(model, { lang, delimiter: options.delimiter });
  writeOutputsAtomically(io, options.out, files);
  const shown = options.displayOut ?? options.out;
  const written = Object.keys(files).map((name) => join(shown, name));
  bar.done();
  printProblems(io, prepared, lang);
  io.stdout(`${SAY[lang].read(scored.mentors.length, scored.mentees.length, scored.excluded.length)}\n`);
  io.stdout(`${SAY[lang].done(model.counts.matched, model.counts.mentees, model.counts.unmatched, shown)}\n`);
  io.stdout(`${SAY[lang].wrote}\n${written.map((f) => `  ${f}`).join("\n")}\n`);
  return EXIT.ok;
}
