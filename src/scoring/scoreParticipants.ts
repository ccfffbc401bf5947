/**
 * The scorer: participants → a score matrix, eligibility, explanations and a matching instance. The steps
 * live in ./_internal: participation (who takes part), fillScores (the per-pair loop), pairLists (forbidden
 * and pinned pairs), explainer (explanations).
 */
import { LimitError } from "../errors.js";
import type { MatchingInstance } from "../matching/types.js";
import { parseParticipants } from "../questionnaire/parseParticipants.js";
import type { Participant, ParticipantInput } from "../questionnaire/participant.js";
import type { Program, ProgramInput } from "../questionnaire/program.js";
import { explainer } from "./_internal/explainer.js";
import { referenceDay } from "./_internal/features.js";
import { fillScores } from "./_internal/fillScores.js";
import type { CompiledCriterion, Kernel, PrepareContext } from "./_internal/kernel.js";
import { forbiddenMask, type PairContext, pinnedPairs } from "./_internal/pairLists.js";
import { preferenceWarnings, takePart } from "./_internal/participation.js";
import { compileProgram } from "./compileProgram.js";
import type { CompiledProgram, ScoredInstance, ScoringWarning } from "./types.js";

/** Options of {@link scoreParticipants}. */
export interface ScoreOptions {
  /** The day ages are computed at. @defaultValue the program's `referenceDate`, else today (UTC) */
  readonly referenceDate?: Date | string;
  /**
   * Validate the participants against the program first (`parseParticipants`). Turn off only for
   * participants that already went through `parseParticipants` with this program.
   * @defaultValue true
   */
  readonly validate?: boolean;
  /**
   * Called as rows are scored, with the mentees done and the mentees in all (about every 64 rows, and
   * at the end), e.g. to move a progress bar. @defaultValue none
   */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The most pairs one call scores (a dense matrix; about 17 bytes a pair): 10 000 × 10 000. */
export const MAX_SCORED_PAIRS = 100_000_000;

function isCompiled(x: unknown): x is CompiledProgram {
  return (
    typeof x === "object" && x !== null && (x as { kind?: unknown }).kind === "mentor-match.compiled-program"
  );
}

/**
 * Scores every mentee against every mentor: consent and rules first (who takes part), then the score
 * matrix in [0, 1], eligibility, and a matching instance. O(mentees × mentors × criteria) time,
 * O(mentees × mentors) memory; nothing allocated per pair.
 *
 * Rows (mentees) and columns (mentors) are sorted by id, so the order of the input changes nothing.
 * A pair's score is Σ w·v / Σ w over the weighted criteria; a failing `must` criterion, an eligibility
 * rule, or a forbidden pair makes it ineligible (−Infinity in `instance.scores`; forbidden pairs keep
 * their score and are marked in `instance.forbidden`).
 *
 * @param program - a program, or a program compiled once with `compileProgram`.
 * @param participants - mentors and mentees together, in any order.
 * @param options - {@link ScoreOptions}.
 * @returns the {@link ScoredInstance}.
 * @throws LimitError `LIMIT_EXCEEDED` when mentees × mentors is over {@link MAX_SCORED_PAIRS}.
 * @throws ProgramError for a bad program; InputFileError INVALID_PARTICIPANT / DUPLICATE_ID for bad participants.
 * @example
 * const scored = scoreParticipants(preset("student-student"), participants);
 * const result = deferredAcceptance(scored.instance);
 * scored.explain(0, result.mentorOf[0]!).contributions; // why mentee 0 got that mentor
 */
export function scoreParticipants(
  program: Program | ProgramInput | CompiledProgram,
  participants: readonly (Participant | ParticipantInput)[],
  options: ScoreOptions = {},
): ScoredInstance {
  const compiled = isCompiled(program) ? program : compileProgram(program);
  const prog = compiled.program;
  const day = referenceDay(prog, options.referenceDate);
  const people: readonly Participant[] =
    options.validate === false
      ? (participants as readonly Participant[])
      : parseParticipants(prog, participants);

  // Who takes part.
  const { mentees, mentors, excluded, excludedIds } = takePart(people, prog, day);
  const rows = mentees.length;
  const cols = mentors.length;
  checkLimit(rows, cols);
  const menteeIndex = new Map(mentees.map((p, i) => [p.id, i]));
  const mentorIndex = new Map(mentors.map((p, j) => [p.id, j]));

  // Preferences that name nobody (or the wrong side) are reported, not fatal.
  const warnings: ScoringWarning[] = [];
  preferenceWarnings(people, excludedIds, warnings);

  // Criteria bound to these participants; weights normalised.
  const ctx: PrepareContext = {
    program: prog,
    questions: new Map(prog.questions.map((q) => [q.id, q])),
    referenceDate: day,
    menteeIndex,
    mentorIndex,
  };
  const criteria = compiled.criteria;
  const { kernels, share } = prepareCriteria(criteria, mentees, mentors, ctx);

  const { scores, instanceScores, eligible } = fillScores(
    criteria,
    kernels,
    share,
    rows,
    cols,
    options.onProgress,
  );

  // Forbidden and pinned pairs, by ids; reasons computed on demand from the kernels.
  const pairs: PairContext = { menteeIndex, mentorIndex, excludedIds, warnings };
  const forbidden = forbiddenMask(prog, pairs, eligible, cols);
  const minScore = prog.defaults.minScore;
  const { explain, ineligibleReason } = explainer({
    criteria,
    kernels,
    share,
    rows,
    cols,
    scores,
    eligible,
    forbidden,
    minScore,
  });
  const capacities = Int32Array.from(mentors, (p) => p.capacity ?? prog.defaults.capacity);
  const pinned = pinnedPairs(prog, pairs, capacities, ineligibleReason);

  const instance: MatchingInstance = {
    scores: instanceScores,
    rows,
    cols,
    ...(forbidden === undefined ? {} : { forbidden }),
    capacities,
    pinned,
    minScore: prog.defaults.minScore,
    menteeTags: mentees.map((p) => p.tags),
    seed: prog.seed,
  };
  return {
    program: prog,
    referenceDate: day.toISOString().slice(0, 10),
    mentees,
    mentors,
    excluded,
    rows,
    cols,
    scores,
    eligible,
    instance,
    warnings,
    explain,
    ineligibleReason,
  };
}

/** Throws `LIMIT_EXCEEDED` when mentees × mentors is over {@link MAX_SCORED_PAIRS}. O(1). */
function checkLimit(rows: number, cols: number): void {
  if (rows * cols > MAX_SCORED_PAIRS) {
    throw new LimitError(
      "LIMIT_EXCEEDED",
      `Scoring ${rows} mentees × ${cols} mentors is ${rows * cols} pairs, over the limit of ${MAX_SCORED_PAIRS}.`,
      {
        hint: "Split the program (by school, grade or subject) and match each part; or compute each mentee's candidate mentors yourself and give match() sparse CSR scores.",
        details: { rows, cols, limit: MAX_SCORED_PAIRS },
      },
    );
  }
}

/** The criteria bound to the participants of a call, and each one's share of the weights. O(criteria · participants). */
function prepareCriteria(
  criteria: readonly CompiledCriterion[],
  mentees: readonly Participant[],
  mentors: readonly Participant[],
  ctx: PrepareContext,
): { kernels: Kernel[]; share: Float64Array } {
  const kernels: Kernel[] = criteria.map((c) => c.prepare(mentees, mentors, ctx));
  let total = 0;
  for (const c of criteria) total += c.weight;
  const share = Float64Array.from(criteria, (c) => c.weight / total);
  return { kernels, share };
}
