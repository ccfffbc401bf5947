/** Binds the CLI's {@link Engine} to the programme, scoring and matching layers of mentor-match. */
import type { ParticipantRecord, QuestionSpec, SourceRef } from "../../csv/readParticipants.js";
import { InputFileError, type MentorMatchError } from "../../errors.js";
import { match, STRATEGIES } from "../../matching/match.js";
import type { StrategyName } from "../../matching/types.js";
import { compareStrategies } from "../../metrics/compareStrategies.js";
import { formatComparison } from "../../metrics/formatComparison.js";
import { FORMS } from "../../questionnaire/forms.js";
import { generateParticipants } from "../../questionnaire/generate.js";
import { parseParticipants, safeParseParticipants } from "../../questionnaire/parseParticipants.js";
import { parseProgram } from "../../questionnaire/parseProgram.js";
import type { Program } from "../../questionnaire/program.js";
import { scoreParticipants } from "../../scoring/scoreParticipants.js";
import type { Engine, ProgramInfo, ScoredRun } from "./engine.js";

function info(program: Program): ProgramInfo {
  const questions: QuestionSpec[] = program.questions.map((q) => ({
    id: q.id,
    kind: q.kind,
    labels: [q.label.ru, q.label.en],
    role: q.role,
    ...(q.options === undefined ? {} : { options: q.options }),
  }));
  return {
    program,
    form: program.form,
    questions,
    seed: program.seed,
    strategy: program.strategy,
    ties: program.ties,
    columns: program.columns,
    requireConsent: program.requireConsent,
  };
}

/** The column a participant-record path comes from (`answers.interests` → the interests column). */
function columnOf(path: string, headers: ReadonlyMap<string, string> | undefined): string {
  const key = path.startsWith("answers.") ? `q:${path.slice(8).split(".")[0]}` : path.split(".")[0]!;
  return headers?.get(key) ?? path;
}

/**
 * Checks each record on its own, so that every bad record is reported (parseParticipants stops at the
 * first), and names the file, row and column it came from.
 */
function checkRecords(
  program: Program,
  records: readonly ParticipantRecord[],
  sources: readonly SourceRef[],
  headers: ReadonlyMap<string, ReadonlyMap<string, string>>,
): MentorMatchError[] {
  const problems: MentorMatchError[] = [];
  for (let k = 0; k < records.length; k++) {
    try {
      parseParticipants(program, [records[k]]);
    } catch (error) {
      if (!(error instanceof InputFileError)) throw error;
      const source = sources[k]!;
      const path = typeof error.details?.path === "string" ? error.details.path : "";
      const at = error.problem.indexOf(`${path}: `);
      const problem = at === -1 ? error.problem : error.problem.slice(at + path.length + 2);
      problems.push(
        new InputFileError(error.code, problem.charAt(0).toUpperCase() + problem.slice(1), {
          location: { file: source.file, row: source.row, column: columnOf(path, headers.get(source.file)) },
          ...(error.hint === undefined ? {} : { hint: error.hint }),
          details: { path },
          cause: error,
        }),
      );
    }
  }
  return problems;
}

/**
 * The engine of the `mentor-match` command: presets and configs (src/questionnaire), scoring
 * (src/scoring), strategies (src/matching).
 *
 * Complexity: O(1) to create.
 *
 * @param preset - the preset programme of a form (src/questionnaire's `preset`).
 * @returns the engine.
 * @throws never.
 *
 * @example
 * const code = await runCli(process.argv.slice(2), io, createEngine(preset));
 */
export function createEngine(preset: (form: Program["form"]) => Program): Engine {
  return {
    forms: FORMS,
    strategies: STRATEGIES,
    preset: (form) => info(preset(form as Program["form"])),
    parseProgram: (config) => info(parseProgram(config)),
    programToJson: (p) => {
      const { $schema: _s, columns: _c, ...rest } = p.program as Program;
      return rest as Record<string, unknown>;
    },
    score(p, records, sources, headers): ScoredRun {
      const program = p.program as Program;
      // One pass when every record is valid; record by record only to report every bad one.
      const all = safeParseParticipants(program, records);
      if (!all.success) {
        const problems = checkRecords(program, records, sources, headers);
        return { ...EMPTY, problems: problems.length > 0 ? problems : [all.error] };
      }
      const participants = all.data;
      const s = scoreParticipants(program, participants);
      const cols = s.cols;
      const forbidden = s.instance.forbidden ?? null;
      const score = (i: number, j: number): number => {
        const k = i * cols + j;
        return s.eligible[k] === 1 && (forbidden === null || forbidden[k] === 0)
          ? s.scores[k]!
          : Number.NEGATIVE_INFINITY;
      };
      const capacities = s.instance.capacities;
      const person = (q: { id: string; name?: string | undefined }) =>
        q.name === undefined ? { id: q.id } : { id: q.id, name: q.name };
      return {
        mentees: s.mentees.map(person),
        mentors: s.mentors.map((m, j) => ({
          ...person(m),
          capacity: capacities === undefined ? 1 : capacities[j]!,
        })),
        excluded: s.excluded.map((e) => ({ id: e.id, role: e.role, reason: e.reason })),
        instance: s.instance,
        score,
        explain: (i, j) =>
          s.explain(i, j).contributions.map((c) => ({ label: c.label, contribution: c.contribution })),
        problems: [],
        warnings: s.warnings.map((w) => {
          const source = w.index === undefined ? undefined : sources[w.index];
          return { code: w.code, source, entry: w.entry, pair: w.pair, message: w.message };
        }),
      };
    },
    match: (instance, strategy, ties) =>
      match(instance, { strategy: strategy as StrategyName, ...(ties === undefined ? {} : { ties }) }),
    generate: (p, options) => {
      const program = p.program as Program;
      return scoreParticipants(program, generateParticipants(program, options)).instance;
    },
    compare: (instances, strategies, options) =>
      formatComparison(compareStrategies(instances, strategies as StrategyName[], { seeds: options.seeds }), {
        language: options.lang,
        format: options.format,
      }),
  };
}

const EMPTY = {
  mentees: [],
  mentors: [],
  excluded: [],
  instance: { scores: [] },
  score: () => Number.NEGATIVE_INFINITY,
  explain: () => [],
  warnings: [],
} satisfies Omit<ScoredRun, "problems">;
