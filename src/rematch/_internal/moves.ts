/**
 * Allowed moves of re-matching (`maxMoves > 0`) and what a matching is worth by each strategy's objective:
 * the search for moves (a bonus on each pair that stays) and the rule every move made must pass (stated on
 * `rematch`).
 */
import type { MatchingInstance } from "../../matching/types.js";
import { blockingPairs } from "../../metrics/blockingPairs.js";
import type { RematchStrategy } from "../types.js";
import { withBonus } from "./bonus.js";
import { type Shape, scoreAt } from "./cells.js";
import { solve } from "./solve.js";

/** The options of moves, as completed by `rematch`. */
export interface MoveOptions {
  readonly strategy: RematchStrategy;
  readonly maxMoves: number;
  readonly margin: number;
  readonly ties: "index" | "seeded";
}

/** What a matching is worth by the strategy's objective, over the whole program. */
export interface Worth {
  readonly matched: number;
  readonly total: number;
  readonly worst: number;
}

export function worthOf(instance: MatchingInstance, shape: Shape, mentorOf: Int32Array): Worth {
  let matched = 0;
  let total = 0;
  let c = 0; // Kahan compensation
  let worst = Number.POSITIVE_INFINITY;
  const dense = instance.scores instanceof Float64Array ? instance.scores : null;
  for (let i = 0; i < mentorOf.length; i++) {
    const j = mentorOf[i]!;
    if (j < 0) continue;
    matched++;
    const s = dense !== null ? dense[i * shape.cols + j]! : scoreAt(instance, shape, i, j);
    const y = s - c;
    const t = total + y;
    c = t - total - y;
    total = t;
    if (s < worst) worst = s;
  }
  return { matched, total, worst: matched === 0 ? Number.NaN : worst };
}

/**
 * The matching with moves: today's instance with a bonus on each pair that stays, solved by the strategy
 * over the whole program. The bonus starts at the margin (each pair's times its `scale`, within 0.1 % of
 * 1, so that moves of equal worth stop at different bonuses, in mentee id order); while more than
 * `maxMoves` pairs would move (or a mentee of a pair that stays would be left without a mentor), it is
 * raised — doubled, then bisected.
 * Of the solutions tried with at most `maxMoves` moves, the one with the lowest bonus that passes the rule
 * of moves (see `rematch`) is returned; null when none does (then nobody moves).
 */
export function bestMoves(
  instance: MatchingInstance,
  shape: Shape,
  noMoves: Int32Array,
  stay: Int32Array,
  scale: Float64Array,
  o: MoveOptions,
): Int32Array | null {
  const fitting: { bonus: number; mentorOf: Int32Array; moves: number }[] = [];
  const evaluate = (bonus: number) => {
    // withBonus keeps the program's own pins.
    const mentorOf = solve(withBonus(instance, shape, stay, bonus, scale), o.strategy, o.ties).mentorOf;
    let moves = 0;
    let dropped = false;
    for (let i = 0; i < shape.rows; i++) {
      if (stay[i]! < 0 || mentorOf[i] === stay[i]) continue;
      if (mentorOf[i]! < 0) dropped = true;
      moves++;
    }
    const fits = !dropped && moves <= o.maxMoves;
    if (fits && moves > 0) fitting.push({ bonus, mentorOf, moves });
    return { moves, fits };
  };
  let lo = Math.max(o.margin, 1e-6);
  const first = evaluate(lo);
  if (first.moves === 0) return null; // a larger bonus moves nobody either
  if (!first.fits) {
    let hi = lo;
    for (let k = 0; k < 16; k++) {
      hi *= 2;
      const r = evaluate(hi);
      if (r.moves === 0 || r.fits) break;
      lo = hi;
    }
    // Bisect between a bonus with too many moves and one with few enough (or none).
    for (let k = 0; k < 24; k++) {
      const mid = (lo + hi) / 2;
      if (evaluate(mid).fits) hi = mid;
      else lo = mid;
    }
  }
  fitting.sort((a, b) => a.bonus - b.bonus);
  const rule = moveRule(instance, shape, noMoves, o);
  for (const f of fitting) if (rule(f.mentorOf, f.moves)) return f.mentorOf;
  return null;
}

/**
 * The rule of moves (stated on `rematch`) against the result without moves: whether a matching with
 * `moves` moves of pairs in force improves the strategy's objective enough to be made. O(n) per call, plus
 * a blocking-pair scan (O(n·m)) per call and one for the result without moves for `stable`.
 */
function moveRule(
  instance: MatchingInstance,
  shape: Shape,
  noMoves: Int32Array,
  o: MoveOptions,
): (moved: Int32Array, moves: number) => boolean {
  const before = worthOf(instance, shape, noMoves);
  const eps = 1e-9 * Math.max(1, Math.abs(before.total));
  let blockingBefore = -1;
  return (moved, moves) => {
    if (moves === 0 || moves > o.maxMoves) return false;
    const after = worthOf(instance, shape, moved);
    const gain = o.margin * moves - eps;
    if (o.strategy === "stable") {
      if (after.matched < before.matched) return false;
      if (blockingBefore < 0) blockingBefore = blockingPairs(instance, noMoves).length;
      return blockingPairs(instance, moved).length <= blockingBefore - moves;
    }
    if (after.matched !== before.matched) return after.matched > before.matched;
    if (o.strategy === "optimal") return after.total >= before.total + gain;
    if (after.matched === 0) return false;
    return (
      after.worst >= before.worst - eps &&
      (after.worst >= before.worst + o.margin - eps || after.total >= before.total + gain)
    );
  };
}
