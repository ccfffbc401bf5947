/**
 * Both sides' preferences as plain tables, read from an instance by the library's definitions but
 * without its matching code, so that the checkers of the research kit are independent oracles.
 */
import { type Instance, scoreOf } from "../../matching/_internal/instance.js";
import { withInstance } from "../../matching/_internal/withInstance.js";
import type { MatchingInstance } from "../../matching/types.js";

const NEG = Number.NEGATIVE_INFINITY;

/** How each side values each acceptable partner (higher = preferred); `-Infinity` = unacceptable. */
export interface PreferenceTable {
  readonly inst: Instance;
  readonly rows: number;
  readonly cols: number;
  /** `value[i * cols + j]`: how mentee i values mentor j. */
  readonly value: Float64Array;
  /** `worth[j * rows + i]`: how mentor j values mentee i. */
  readonly worth: Float64Array;
}

/**
 * The preference table of an instance. A pair is acceptable when the scores allow it (finite, not
 * forbidden, at least `minScore`) and each side with a ranked list names the other; a side values by
 * its list (earlier = higher) where given, else by score (equal scores = indifference). O(n·m·L).
 *
 * @param instance - the instance (validated here).
 * @returns the table.
 */
export function preferenceTable(instance: MatchingInstance): PreferenceTable {
  // Through withInstance like every entry point (the table reads no rank index, so none is held after).
  return withInstance(instance, { scoresOptional: true }, tableOf);
}

function tableOf(inst: Instance): PreferenceTable {
  const { rows, cols } = inst;
  const value = new Float64Array(rows * cols).fill(NEG);
  const worth = new Float64Array(rows * cols).fill(NEG);
  const menteeLists = inst.menteePreferences;
  const mentorLists = inst.mentorPreferences;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const s = scoreOf(inst, i, j);
      if (s === NEG) continue;
      const a = menteeLists === null ? 0 : menteeLists[i]!.indexOf(j);
      const b = mentorLists === null ? 0 : mentorLists[j]!.indexOf(i);
      if (a === -1 || b === -1) continue;
      value[i * cols + j] = menteeLists === null ? s : -a;
      worth[j * rows + i] = mentorLists === null ? s : -b;
    }
  }
  return { inst, rows, cols, value, worth };
}
