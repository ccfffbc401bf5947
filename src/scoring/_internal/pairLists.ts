/**
 * The program's forbidden and pinned pairs, named by ids, turned into cells of the score matrix: a
 * forbidden pair into a mask, a pin into a pinned pair of indices. A pair naming someone not among the
 * participants (or excluded), or a pin on a pair that is not allowed, is a warning and is ignored.
 */
import { InfeasibleError } from "../../errors.js";
import type { PinnedPair } from "../../matching/types.js";
import type { Program } from "../../questionnaire/program.js";
import type { FailedRule, ScoringWarning } from "../types.js";

/** Where the pair lists are resolved: the included participants' positions and the warnings. */
export interface PairContext {
  readonly menteeIndex: ReadonlyMap<string, number>;
  readonly mentorIndex: ReadonlyMap<string, number>;
  readonly excludedIds: ReadonlySet<string>;
  readonly warnings: ScoringWarning[];
}

/** The (mentee, mentor) indices of a listed pair, or undefined with a warning when a side is missing. */
function pairIndex(
  ctx: PairContext,
  p: { mentee: string; mentor: string },
  list: "forbiddenPairs" | "pinnedPairs",
  k: number,
): [number, number] | undefined {
  const { menteeIndex, mentorIndex, excludedIds, warnings } = ctx;
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
}

/**
 * Marks the program's forbidden pairs: a mask of the matrix's cells (undefined when no pair is
 * forbidden), and `eligible` cleared there; a forbidden pair keeps its score in the instance (the mask
 * says why it is not allowed). O(cells) when any pair is forbidden, else O(pairs listed).
 */
export function forbiddenMask(
  prog: Program,
  ctx: PairContext,
  eligible: Uint8Array,
  cols: number,
): Uint8Array | undefined {
  const cells = eligible.length;
  let forbidden: Uint8Array | undefined;
  prog.forbiddenPairs.forEach((p, k) => {
    const at = pairIndex(ctx, p, "forbiddenPairs", k);
    if (at === undefined) return;
    forbidden ??= new Uint8Array(cells);
    const c = at[0] * cols + at[1];
    forbidden[c] = 1;
    // A forbidden pair keeps its score in the instance (the mask says why it is not allowed).
    eligible[c] = 0;
  });
  return forbidden;
}

/**
 * The program's pinned pairs as indices, in the config's order; a pin on a pair that is not allowed is
 * dropped with a warning. O(pins × criteria).
 *
 * @throws InfeasibleError `PIN_OVER_CAPACITY` when the pins give a mentor more mentees than its capacity.
 */
export function pinnedPairs(
  prog: Program,
  ctx: PairContext,
  capacities: Int32Array,
  ineligibleReason: (i: number, j: number) => FailedRule | null,
): PinnedPair[] {
  const { warnings } = ctx;
  const pinned: PinnedPair[] = [];
  const pinLoad = new Int32Array(capacities.length);
  prog.pinnedPairs.forEach((p, k) => {
    const at = pairIndex(ctx, p, "pinnedPairs", k);
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
  return pinned;
}
