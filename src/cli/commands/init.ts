/** `mentor-match init`: a programme config from a preset, with the column mapping guessed from the files. */

import { mapColumns } from "../../csv/mapColumns.js";
import { columnFieldsOf } from "../../csv/readParticipants.js";
import { isMentorMatchError } from "../../errors.js";
import type { Lang } from "../../report/texts.js";
import { type ProgramInfo, presetInfo, programToJson } from "../_internal/library.js";
import { EXIT } from "../_internal/exit.js";
import { loadSources } from "../_internal/inputs.js";
import { type CliIo, fileExists, writeFileAtomically } from "../_internal/io.js";
import { errorText, SAY } from "../_internal/messages.js";

export interface InitCommandOptions {
  readonly form: string;
  readonly mentors?: string;
  readonly mentees?: string;
  readonly input?: string;
  readonly out: string;
  readonly force: boolean;
}

/** Where editors find the JSON Schema of the config, relative to a project that installed mentor-match. */
export const SCHEMA_REF = "./node_modules/mentor-match/dist/programme.schema.json";

/** Runs `init`; returns the exit code. */
export function initCommand(io: CliIo, options: InitCommandOptions, lang: Lang): number {
  const say = SAY[lang];
  if (fileExists(io, options.out) && !options.force) {
    io.stderr(`${say.exists(options.out)}\n`);
    return EXIT.usage;
  }
  let info: ProgramInfo;
  try {
    info = presetInfo(options.form);
  } catch (error) {
    if (!isMentorMatchError(error)) throw error;
    io.stderr(`${errorText(error, lang)}\n`);
    return EXIT.input;
  }
  const { sources, problems } = loadSources(io, options);
  for (const p of problems) io.stderr(`${errorText(p, lang)}\n`);
  if (problems.length > 0) return EXIT.input;
  const fields = columnFieldsOf(info.questions);
  const columns: Record<string, string> = {};
  const found = new Set<string>();
  for (const { table } of sources) {
    const mapping = mapColumns(table.header, fields);
    io.stdout(`\n${table.file}\n${say.mapped}\n`);
    for (const c of mapping.columns) {
      if (c.key === null) continue;
      found.add(c.key);
      columns[c.header] = c.key;
      io.stdout(
        `  ✓ «${c.header}» → ${c.key}${c.how === "partial" ? (lang === "ru" ? "  (по части заголовка — проверьте)" : "  (by part of the header — check)") : ""}\n`,
      );
    }
    const unmapped = mapping.columns.filter((c) => c.key === null);
    if (unmapped.length > 0) {
      io.stdout(`${say.unmapped}\n`);
      for (const c of unmapped) io.stdout(`  ✗ «${c.header}»\n`);
    }
  }
  if (sources.length > 0) {
    const notFound = info.questions.filter((q) => !found.has(`q:${q.id}`));
    if (notFound.length > 0) {
      io.stdout(`\n${say.notFound}\n`);
      // labels = [ru, en]: the question in the language of the run.
      const label = (q: (typeof notFound)[number]) => (lang === "en" ? q.labels[1] : q.labels[0]) ?? q.id;
      for (const q of notFound) io.stdout(`  ? ${q.id} («${label(q)}»)\n`);
    }
  }
  const config = { $schema: SCHEMA_REF, ...programToJson(info), columns };
  writeFileAtomically(io, options.out, `${JSON.stringify(config, null, 2)}\n`);
  io.stdout(`\n${say.configWritten(options.out)}\n`);
  return EXIT.ok;
}
