/** Today's instance with a bonus on the pairs in force, so that a move has to be worth the bonus. */
import type { CsrScores, MatchingInstance } from "../../matching/types.js";
import { isCsr, type Shape } from "./cells.js";

/**
 * A copy of the scores with a bonus added to each pair `(mentee, stay[mentee])` where `stay[mentee]` is
 * set: `bonus × scale[mentee]` (`scale` near 1, so that moves of equal worth part at different bonuses),
 * or `bonus` without `scale`. O(n·m) dense (the copy), O(nnz) CSR. The instance's lists, if any, are left
 * as they are.
 */
export function withBonus(
  instance: MatchingInstance,
  shape: Shape,
  stay: Int32Array,
  bonus: number,
  scale?: Float64Array,
): MatchingInstance {
  const at = (i: number) => (scale === undefined ? bonus : bonus * scale[i]!);
  const s = instance.scores;
  if (s === undefined) return instance;
  if (s instanceof Float64Array) {
    const out = Float64Array.from(s);
    for (let i = 0; i < shape.rows; i++) if (stay[i]! >= 0) out[i * shape.cols + stay[i]!]! += at(i);
    return { ...instance, scores: out };
  }
  if (isCsr(s)) {
    const value = Float64Array.from(s.value);
    for (let i = 0; i < shape.rows; i++) {
      const j = stay[i]!;
      if (j < 0) continue;
      for (let k = s.rowStart[i]!; k < s.rowStart[i + 1]!; k++) if (s.col[k] === j) value[k]! += at(i);
    }
    return { ...instance, scores: { ...s, value } satisfies CsrScores };
  }
  const rows = (s as readonly (readonly number[])[]).map((row, i) => {
    const j = stay[i]!;
    if (j < 0) return row;
    const copy = [...row];
    copy[j] = copy[j]! + at(i);
    return copy;
  });
  return { ...instance, scores: rows };
}
