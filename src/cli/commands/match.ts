/** `mentor-match match`: survey exports in; pairs, the unmatched, the excluded and a report out. */
import { join } from "node:path";
import type { Delimiter } from "../../csv/detectDelimiter.js";
import { InfeasibleError, isMentorMatchError } from "../../errors.js";
import { buildReportModel } from "../../report/buildReportModel.js";
import { renderOutputs } from "../../report/renderOutputs.js";
import type { Lang } from "../../report/texts.js";
import type { Engine } from "../_internal/engine.js";
import { EXIT } from "../_internal/exit.js";
import type { InputOptions } from "../_internal/inputs.js";
import { type CliIo, writeOutputsAtomically } from "../_internal/io.js";
import { errorText, SAY } from "../_internal/messages.js";
import { progress } from "../_internal/progress.js";
import { prepare, printProblems } from "./validate.js";

export interface MatchCommandOptions extends InputOptions {
  readonly strategy?: string;
  readonly seed?: number;
  readonly out: string;
  readonly delimiter: Delimiter;
  /** How to show the output folder in messages, when `out` was resolved for another working folder. */
  readonly displayOut?: string;
}

/** Runs `match`; returns the exit code. */
export function matchCommand(io: CliIo, engine: Engine, options: MatchCommandOptions, lang: Lang): number {
  if (options.input === undefined && (options.mentors === undefined || options.mentees === undefined)) {
    io.stderr(`${SAY[lang].needInput}\n`);
    return EXIT.usage;
  }
  const bar = progress(io, 4);
  const prepared = prepare(io, engine, options, lang, bar);
  if (prepared.problems.length > 0 || prepared.scored === null || prepared.program === null) {
    bar.done();
    printProblems(io, prepared, lang);
    return EXIT.input;
  }
  const { scored, program } = prepared;
  const seed = options.seed ?? program.info.seed ?? 0;
  const strategy = options.strategy ?? program.info.strategy ?? "stable";
  bar.step(SAY[lang].matching);
  let result: ReturnType<Engine["match"]>;
  try {
    result = engine.match({ ...scored.instance, seed }, strategy);
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
  const model = buildReportModel({
    form: program.info.form,
    mentees: scored.mentees,
    mentors: scored.mentors,
    result,
    score: scored.score,
    explain: scored.explain,
    excluded: scored.excluded,
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
