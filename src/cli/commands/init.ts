/** `mentor-match init`: a program config from a preset, with the column mapping guessed from the files. */

import type { Language } from "../../language.js";
import { columnFieldsOf } from "../../csv/columnFieldsOf.js";
import { isMentorMatchError } from "../../errors.js";
import { type ProgramInfo, presetInfo, programToJson } from "../_internal/library.js";
import { EXIT } from "../_internal/exit.js";
import { type InputOptions, loadSources } from "../_internal/inputs.js";
import { type CliIo, fileExists, writeFileAtomically } from "../_internal/io.js";
import { errorText, SAY } from "../_internal/messages.js";
import { columnLine, planColumns } from "../_internal/plan.js";

export interface InitCommandOptions extends Pick<InputOptions, "preloaded" | "sheet" | "inputDelimiter"> {
  readonly form: string;
  readonly mentors?: string;
  readonly mentees?: string;
  readonly input?: string;
  readonly out: string;
  readonly force: boolean;
  /** Where adults' signed consents are kept (`--consent-on-file`): no consent column is then needed. */
  readonly consentOnFile?: string;
}

/** Where editors find the JSON Schema of the config, relative to a project that installed mentor-match. */
export const SCHEMA_REF = "./node_modules/mentor-match/dist/program.schema.json";

/** Runs `init`; returns the exit code. */
export function initCommand(io: CliIo, options: InitCommandOptions, language: Language): number {
  const say = SAY[language];
  if (fileExists(io, options.out) && !options.force) {
    io.stderr(`${say.exists(options.out)}\n`);
    return EXIT.usage;
  }
  let info: ProgramInfo;
  try {
    info = presetInfo(options.form);
  } catch (error) {
    if (!isMentorMatchError(error)) throw error;
    io.stderr(`${errorText(error, language)}\n`);
    return EXIT.input;
  }
  const { sources, problems } = loadSources(io, options);
  for (const p of problems) io.stderr(`${errorText(p, language)}\n`);
  if (problems.length > 0) return EXIT.input;
  const fields = columnFieldsOf(info.questions);
  const plan = planColumns(info.questions, fields, sources);
  for (const p of plan.problems) io.stderr(`${errorText(p, language)}\n`);
  if (plan.problems.length > 0) return EXIT.input;
  for (const file of plan.files) {
    io.stdout(`\n${file.file}\n${say.mapped}\n`);
    for (const c of file.mapped) io.stdout(`${columnLine(c, language)}\n`);
    if (file.unmapped.length > 0) {
      io.stdout(`${say.unmapped}\n`);
      for (const c of file.unmapped) io.stdout(`${columnLine(c, language)}\n`);
    }
  }
  if (sources.length > 0) {
    const notFound = info.questions.filter((q) => !plan.found.has(`q:${q.id}`));
    if (notFound.length > 0) {
      io.stdout(`\n${say.notFound}\n`);
      // labels = [ru, en]: the question in the language of the run.
      const label = (q: (typeof notFound)[number]) => (language === "en" ? q.labels[1] : q.labels[0]) ?? q.id;
      for (const q of notFound) io.stdout(`  ? ${q.id} («${label(q)}»)\n`);
    }
  }
  const json = programToJson(info);
  const config: Record<string, unknown> = { $schema: SCHEMA_REF, ...json, columns: plan.columns };
  if (plan.proposals.length > 0) {
    config.questions = [...(json.questions as unknown[]), ...plan.proposals.map((p) => p.question)];
    config.criteria = [...(json.criteria as unknown[]), ...plan.proposals.map((p) => p.criterion)];
  }
  if (options.consentOnFile !== undefined) {
    config.consent = { source: "on-file", note: options.consentOnFile };
    io.stdout(
      `\n${language === "ru" ? `Согласия взрослых участников хранятся отдельно: ${options.consentOnFile}. Несовершеннолетним по-прежнему нужно согласие родителя в анкете.` : `Adults' consents are kept on file: ${options.consentOnFile}. Minors still need a guardian's consent in the data.`}\n`,
    );
  }
  writeFileAtomically(io, options.out, `${JSON.stringify(config, null, 2)}\n`);
  io.stdout(`\n${say.configWritten(options.out)}\n`);
  return EXIT.ok;
}
