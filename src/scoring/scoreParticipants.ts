import { InfeasibleError, LimitError } from "../errors.js";
import type { MatchingInstance, PinnedPair } from "../matching/types.js";
import { parseParticipants } from "../questionnaire/parseParticipants.js";
import type { Participant, ParticipantInput } from "../questionnaire/participant.js";
import type { Program, ProgramInput } from "../questionnaire/program.js";
import { exclusionOf } from "./_internal/exclusion.js";
import { referenceDay } from "./_internal/features.js";
import type { Kernel, PrepareContext } from "./_internal/kernel.js";
import { compileProgram } from "./compileProgram.js";
import type {
  CompiledProgram,
  Contribution,
  ExcludedParticipant,
  Explanation,
  FailedRule,
  ScoredInstance,
  ScoringWarning,
} from "./types.js";

/** Options of {@link scoreParticipants}. */
export interface ScoreOptions {
  /** The day ages are computed at. @defaultValue the programme's `referenceDate`, else today (UTC) */
  readonly referenceDate?: Date | string;
  /**
   * Validate the participants against the programme first (`parseParticipants`). Turn off only for
   * participants that already went through `parseParticipants` with this programme.
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

const FORBIDDEN_LABEL = { ru: "Пара запрещена правилом программы", en: "Pair forbidden by the programme" };
const MIN_SCORE_LABEL = {
  ru: "Ниже минимального балла программы",
  en: "Below the programme's minimum score",
};

function isCompiled(x: unknown): x is CompiledProgram {
  return (
    typeof x === "object" && x !== null && (x as { kind?: unknown }).kind === "mentor-match.compiled-program"
  );
}

const byId = (a: Participant, b: Participant): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

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
 * @param program - a programme, or a programme compiled once with `compileProgram`.
 * @param participants - mentors and mentees together, in any order.
 * @param options - {@link ScoreOptions}.
 * @returns the {@link ScoredInstance}.
 * @throws LimitError `LIMIT_EXCEEDED` when mentees × mentors is over {@link MAX_SCORED_PAIRS}.
 * @throws ProgramError for a bad programme; InputFileError INVALID_PARTICIPANT / DUPLICATE_ID for bad participants.
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
  const excluded: ExcludedParticipant[] = [];
  const excludedIds = new Set<string>();
  const mentees: Participant[] = [];
  const mentors: Participant[] = [];
  const inputIndex = new Map<string, number>();
  people.forEach((p, k) => {
    inputIndex.set(p.id, k);
    const why = exclusionOf(p, prog, day);
    if (why !== undefined) {
      excluded.push(why);
      excludedIds.add(p.id);
    } else if (p.role === "mentee") mentees.push(p);
    else mentors.push(p);
  });
  mentees.sort(byId);
  mentors.sort(byId);
  const rows = mentees.length;
  const cols = mentors.length;
  if (rows * cols > MAX_SCORED_PAIRS) {
    throw new LimitError(
      "LIMIT_EXCEEDED",
      `Scoring ${rows} mentees × ${cols} mentors is ${rows * cols} pairs, over the limit of ${MAX_SCORED_PAIRS}.`,
      {
        hint: "Split the programme (by school, grade or subject) and match each part; or compute each mentee's candidate mentors yourself and give match() sparse CSR scores.",
        details: { rows, cols, limit: MAX_SCORED_PAIRS },
      },
    );
  }
  const menteeIndex = new Map(mentees.map((p, i) => [p.id, i]));
  const mentorIndex = new Map(mentors.map((p, j) => [p.id, j]));
  const roleOf = new Map(people.map((p) => [p.id, p.role]));

  // Preferences that name nobody (or the wrong side) are reported, not fatal.
  const warnings: ScoringWarning[] = [];
  people.forEach((p, index) => {
    p.preferences.forEach((ref, entry) => {
      const role = roleOf.get(ref);
      if (role === undefined) {
        warnings.push({
          code: "UNKNOWN_PREFERENCE",
          index,
          id: p.id,
          entry,
          // The entry itself is not repeated: an unresolved entry may be a person's name.
          message: `Participant "${p.id}": preference ${entry + 1} names nobody among the participants; it is left out.`,
        });
      } else if (role === p.role) {
        warnings.push({
          code: "PREFERENCE_SAME_ROLE",
          index,
          id: p.id,
          entry,
          message: `Participant "${p.id}": preference ${entry + 1} names another ${role}; it is left out.`,
        });
      } else if (excludedIds.has(ref)) {
        warnings.push({
          code: "PREFERENCE_EXCLUDED",
          index,
          id: p.id,
          entry,
          message: `Participant "${p.id}": preference ${entry + 1} names a participant who is excluded from matching; it is left out.`,
        });
      }
    });
  });

  // Criteria bound to these participants; weights normalised.
  const ctx: PrepareContext = {
    program: prog,
    questions: new Map(prog.questions.map((q) => [q.id, q])),
    referenceDate: day,
    menteeIndex,
    mentorIndex,
  };
  const criteria = compiled.criteria;
  const kernels: Kernel[] = criteria.map((c) => c.prepare(mentees, mentors, ctx));
  let total = 0;
  for (const c of criteria) total += c.weight;
  const share = Float64Array.from(criteria, (c) => c.weight / total);

  // The hot loop: one row of one criterion at a time into a buffer, then accumulate.
  const cells = rows * cols;
  const scores = new Float64Array(cells);
  const instanceScores = new Float64Array(cells);
  const eligible = new Uint8Array(cells).fill(1);
  const buf = new Float64Array(Math.max(1, cols));
  const acc = new Float64Array(Math.max(1, cols));
  const active = criteria.map((_c, k) => k).filter((k) => share[k]! > 0 || criteria[k]!.must);
  const NEG = Number.NEGATIVE_INFINITY;
  const onProgress = options.onProgress;
  for (let i = 0; i < rows; i++) {
    if (onProgress !== undefined && (i & 63) === 0) onProgress(i, rows);
    const base = i * cols;
    acc.fill(0);
    for (const k of active) {
      const kernel = kernels[k]!;
      const f = share[k]!;
      const must = criteria[k]!.must;
      if (must && kernel.fail !== undefined) {
        kernel.fail(i, eligible, base, criteria[k]!.threshold);
        if (f === 0) continue;
      }
      if ((!must || kernel.fail !== undefined) && kernel.add?.(i, acc, f) === true) continue;
      kernel.row(i, buf);
      if (f > 0) for (let j = 0; j < cols; j++) acc[j]! += f * buf[j]!;
      if (must && kernel.fail === undefined) {
        const thr = criteria[k]!.threshold;
        for (let j = 0; j < cols; j++) if (buf[j]! < thr) eligible[base + j] = 0;
      }
    }
    for (let j = 0; j < cols; j++) {
      const v = Math.min(Math.max(acc[j]!, 0), 1);
      scores[base + j] = v;
      instanceScores[base + j] = eligible[base + j] === 1 ? v : NEG;
    }
  }
  onProgress?.(rows, rows);

  // Forbidden and pinned pairs, by ids.
  const pairIndex = (
    p: { mentee: string; mentor: string },
    list: "forbiddenPairs" | "pinnedPairs",
    k: number,
  ): [number, number] | undefined => {
    const i = menteeIndex.get(p.mentee);
    const j = mentorIndex.get(p.mentor);
    if (i !== undefined && j !== undefined) return [i, j];
    const side = i === undefined ? "mentee" : "mentor";
    const missing = side === "mentee" ? p.mentee : p.mentor;
    const cause = excludedIds.has(missing) ? "excluded" : "unknown";
    const why =
      cause === "excluded" ? "is excluded from matching" : "is not among the participants (of that role)";
    warnings.push({
      code: list === "pinnedPairs" ? "PIN_DROPPED" : "UNKNOWN_PAIR_ID",
      id: missing,
      pair: { list, index: k, side, cause },
      message: `${list}[${k}]: its ${side} ${why}; the pair is ignored.`,
    });
    return undefined;
  };
  let forbidden: Uint8Array | undefined;
  prog.forbiddenPairs.forEach((p, k) => {
    const at = pairIndex(p, "forbiddenPairs", k);
    if (at === undefined) return;
    forbidden ??= new Uint8Array(cells);
    const c = at[0] * cols + at[1];
    forbidden[c] = 1;
    // A forbidden pair keeps its score in the instance (the mask says why it is not allowed).
    eligible[c] = 0;
  });

  // Reasons, computed on demand from the kernels (nothing stored per pair).
  // The minimum score is applied by the matching (the instance's minScore, so that an unmatched mentee gets
  // the reason below-min-score); explain and the pins see it here too.
  const minScore = prog.defaults.minScore;
  const allowed = (c: number): boolean => eligible[c] === 1 && scores[c]! >= minScore;
  const ineligibleReason = (i: number, j: number): FailedRule | null => {
    if (allowed(i * cols + j)) return null;
    return failures(i, j)[0] ?? null;
  };
  const failures = (i: number, j: number): FailedRule[] => {
    const failed: FailedRule[] = [];
    if (forbidden !== undefined && forbidden[i * cols + j] === 1) {
      failed.push({
        criterion: "forbidden-pair",
        label: FORBIDDEN_LABEL,
        reason: "The programme forbids this pair (forbiddenPairs).",
      });
    }
    criteria.forEach((c, k) => {
      if (!c.must) return;
      const v = kernels[k]!.value(i, j);
      if (v < c.threshold) {
        failed.push({
          criterion: c.id,
          label: c.label,
          reason: `Required criterion not met: value ${round(v)} is below ${round(c.threshold)}.`,
        });
      }
    });
    const s = scores[i * cols + j]!;
    if (eligible[i * cols + j] === 1 && s < minScore) {
      failed.push({
        criterion: "min-score",
        label: MIN_SCORE_LABEL,
        reason: `The pair scores ${round(s)}, below the programme's minimum score ${round(minScore)} (defaults.minScore).`,
      });
    }
    return failed;
  };
  const explain = (i: number, j: number): Explanation => {
    if (!(i >= 0 && i < rows && j >= 0 && j < cols))
      throw new RangeError(`No pair (${i}, ${j}) in a ${rows} × ${cols} matrix.`);
    const contributions: Contribution[] = criteria.map((c, k) => {
      const kernel = kernels[k]!;
      const value = kernel.value(i, j);
      const known = kernel.known?.(i, j) ?? true;
      const supported = known && (kernel.supports?.(i, j) ?? value > 0);
      return {
        criterion: c.id,
        label: c.label,
        weight: share[k]!,
        value,
        contribution: share[k]! * value,
        known,
        supported,
      };
    });
    return {
      score: scores[i * cols + j]!,
      eligible: allowed(i * cols + j),
      contributions,
      failed: failures(i, j),
    };
  };

  const capacities = Int32Array.from(mentors, (p) => p.capacity ?? prog.defaults.capacity);
  const pinned: PinnedPair[] = [];
  const pinLoad = new Int32Array(cols);
  prog.pinnedPairs.forEach((p, k) => {
    const at = pairIndex(p, "pinnedPairs", k);
    if (at === undefined) return;
    const reason = ineligibleReason(at[0], at[1]);
    if (reason !== null) {
      warnings.push({
        code: "PIN_DROPPED",
        id: p.mentee,
        pair: { list: "pinnedPairs", index: k, side: "mentee", cause: "ineligible" },
        message: `pinnedPairs[${k}]: the pair is not allowed (${reason.reason}); the pin is ignored.`,
      });
      return;
    }
    // Named by the config key, not by internal indices, so the curator finds the entry to change.
    if (++pinLoad[at[1]]! > capacities[at[1]]!) {
      throw new InfeasibleError(
        "PIN_OVER_CAPACITY",
        `pinnedPairs[${k}] pins one mentee more than the mentor's capacity (${capacities[at[1]]}).`,
        {
          location: { column: `pinnedPairs[${k}]` },
          hint: "Raise the mentor's capacity (in the questionnaire or defaults.capacity) or remove a pinned pair.",
          details: { path: `pinnedPairs[${k}]`, capacity: capacities[at[1]]! },
        },
      );
    }
    pinned.push({ mentee: at[0], mentor: at[1] });
  });

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
  excluded.sort((a, b) => (inputIndex.get(a.id) ?? 0) - (inputIndex.get(b.id) ?? 0));
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

function round(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}
