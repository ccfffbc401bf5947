/** What a compiled criterion gives the scorer: values of one mentee against every mentor, or of one pair. */
import type { Participant } from "../../questionnaire/participant.js";
import type { Criterion, Label, Program, Question } from "../../questionnaire/program.js";

/** Filled per call to the scorer: the included participants, sorted by id. */
export interface PrepareContext {
  readonly program: Program;
  readonly questions: ReadonlyMap<string, Question>;
  /** The day ages are computed at. */
  readonly referenceDate: Date;
  /** Position of an included mentee / mentor by id. */
  readonly menteeIndex: ReadonlyMap<string, number>;
  readonly mentorIndex: ReadonlyMap<string, number>;
}

/** A criterion bound to the participants of one scoring call; features extracted once into typed arrays. */
export interface Kernel {
  /** Writes the value of mentee `i` with every mentor `j` into `out[j]`, in [0, 1]. O(mentors). */
  row(i: number, out: Float64Array): void;
  /** The value of one pair, in [0, 1]. */
  value(i: number, j: number): number;
  /**
   * Whether both sides' data give the value of the pair; false when it is the criterion's stand-in for a
   * missing answer (`ifMissing`, `ifNoList`). Absent = always known. O(1).
   */
  known?(i: number, j: number): boolean;
  /**
   * Whether the pair's data support citing the criterion as a reason for the pair (a shared interest, the
   * same format, a day in common, a named choice). Absent = known and the value is positive. O(words).
   */
  supports?(i: number, j: number): boolean;
  /**
   * Adds `f` × the value of mentee `i` with every mentor `j` to `acc[j]`, fused into one pass; returns
   * false when this kernel has no fused path for the row (the scorer then uses `row`). O(mentors).
   */
  add?(i: number, acc: Float64Array, f: number): boolean;
  /**
   * For a `must` criterion: clears `eligible[base + j]` for every mentor `j` whose value is below
   * `threshold`, in one pass. Optional; the scorer falls back to `row`. O(mentors).
   */
  fail?(i: number, eligible: Uint8Array, base: number, threshold: number): void;
}

/** A criterion compiled once per program. */
export interface CompiledCriterion {
  readonly id: string;
  readonly kind: Criterion["kind"];
  readonly label: Label;
  /** The raw weight (0 for a pure filter). */
  readonly weight: number;
  readonly must: boolean;
  /** For `must`: the least value that passes. */
  readonly threshold: number;
  /** Binds the criterion to the participants of a call. O(participants × answer size). */
  prepare(mentees: readonly Participant[], mentors: readonly Participant[], ctx: PrepareContext): Kernel;
}

/** The default `must` threshold: any positive value passes. */
export const DEFAULT_THRESHOLD = 1e-9;

/** The parts every compiled criterion shares. */
export function base(c: Criterion, label: Label): Omit<CompiledCriterion, "prepare" | "kind"> {
  return {
    id: c.id ?? c.kind,
    label: c.label ?? label,
    weight: c.weight ?? (c.must ? 0 : 1),
    must: c.must,
    threshold: c.threshold ?? DEFAULT_THRESHOLD,
  };
}

/** The label of a question, or its id. */
export function questionLabel(questions: ReadonlyMap<string, Question>, id: string): Label {
  return questions.get(id)?.label ?? { ru: id, en: id };
}
