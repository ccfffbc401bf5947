/**
 * Re-matching with the least change during the programme year: the pairs fixed by the order stay; only
 * the people without a valid pair are placed, over the seats left free.
 *
 * [Reference]: the residual problem is solved by the library's own strategies — D. Gale and L. S. Shapley,
 * "College admissions and the stability of marriage", American Mathematical Monthly 69 (1962) 9–15;
 * R. Jonker and A. Volgenant, "A shortest augmenting path algorithm for dense and sparse linear assignment
 * problems", Computing 38 (1987) 325–340; R. S. Garfinkel, "An improved algorithm for the bottleneck
 * assignment problem", Operations Research 19 (1971) 1747–1751. Allowed moves weigh each pair in force
 * with a bonus, as in minimum-perturbation re-optimisation (the bonus is the price of one move).
 */
import { InfeasibleError, MatchingInputError } from "../errors.js";
import type { MatchingInstance } from "../matching/types.js";
import { blockingPairs } from "../metrics/blockingPairs.js";
import { withBonus } from "./_internal/bonus.js";
import { capacitiesOf, pairBar, type Shape, scoreAt, shapeOf } from "./_internal/cells.js";
import { byCode, previousPairs } from "./_internal/previous.js";
import { solve } from "./_internal/solve.js";
import { subInstance, withForbidden } from "./_internal/subInstance.js";
import type {
  CapacityCut,
  ChangeReason,
  PreviousPairs,
  RematchChange,
  RematchInput,
  RematchOptions,
  RematchResult,
  RematchStrategy,
} from "./types.js";

interface Completed {
  readonly strategy: RematchStrategy;
  readonly maxMoves: number;
  readonly margin: number;
  readonly ties: "index" | "seeded";
}

function complete(options: RematchOptions | undefined): Completed {
  const strategy = options?.strategy ?? "stable";
  if (strategy !== "stable" && strategy !== "optimal" && strategy !== "fair") {
    throw new MatchingInputError(
      "INVALID_OPTION",
      `Re-matching takes the strategy "stable", "optimal" or "fair", got ${JSON.stringify(strategy)}.`,
      { hint: "Pick stable, optimal or fair." },
    );
  }
  const maxMoves = options?.maxMoves ?? 0;
  if (!Number.isSafeInteger(maxMoves) || maxMoves < 0) {
    throw new MatchingInputError("INVALID_OPTION", `maxMoves must be a whole number ≥ 0, got ${maxMoves}.`);
  }
  const margin = options?.moveMargin ?? 0.05;
  if (!Number.isFinite(margin) || margin < 0) {
    throw new MatchingInputError("INVALID_OPTION", `moveMargin must be a finite number ≥ 0, got ${margin}.`);
  }
  const ties = options?.ties ?? "index";
  if (ties !== "index" && ties !== "seeded") {
    throw new MatchingInputError("INVALID_OPTION", `ties must be "index" or "seeded", got ${String(ties)}.`);
  }
  return { strategy, maxMoves, margin, ties };
}

function indexOf(people: readonly { readonly id: string }[], side: string): Map<string, number> {
  const map = new Map<string, number>();
  for (let k = 0; k < people.length; k++) {
    const id = people[k]!.id;
    if (map.has(id)) {
      throw new MatchingInputError(
        "INVALID_OPTION",
        `Two ${side}s of today's programme share an id (rows ${map.get(id)! + 1} and ${k + 1}).`,
        {
          hint: "Give every participant a unique id (code).",
        },
      );
    }
    map.set(id, k);
  }
  return map;
}

/** The rank of each person's id in code-unit order (the index itself when the ids are sorted already). */
function idRanks(people: readonly { readonly id: string }[]): Int32Array {
  const n = people.length;
  let sorted = true;
  for (let k = 1; k < n && sorted; k++) if (byCode(people[k - 1]!.id, people[k]!.id) > 0) sorted = false;
  const rank = new Int32Array(n);
  if (sorted) {
    for (let k = 0; k < n; k++) rank[k] = k;
    return rank;
  }
  const order = Int32Array.from(people.keys()).sort((a, b) => byCode(people[a]!.id, people[b]!.id));
  for (let k = 0; k < n; k++) rank[order[k]!] = k;
  return rank;
}

/** What a matching is worth by the strategy's objective, over the whole programme. */
interface Worth {
  readonly matched: number;
  readonly total: number;
  readonly worst: number;
}

function worthOf(instance: MatchingInstance, shape: Shape, mentorOf: Int32Array): Worth {
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
 * Re-matches today's programme with the least change to the pairs in force.
 *
 * The objective, in order: (1) every pair in force that is still valid stays — its two are still in the
 * programme, the pair is still allowed, the coordinator did not end it, and it fits the mentor's capacity
 * (when the capacity is now below the group, the pairs in `options.keep` stay first, then the
 * best-scoring); (2) everyone else (waiting mentees, late joiners, those whose pair ended) is placed over
 * the seats left free by `options.strategy`; (3) only with `maxMoves > 0`, pairs still valid may be moved,
 * at most `maxMoves` of them, and only when the moves together improve the strategy's objective over the
 * whole programme by at least `moveMargin` per move (optimal: more pairs, or a total higher by
 * `moveMargin` per move; fair: more pairs, or a better worst pair, or the same worst pair and a higher
 * total; stable: no fewer pairs and fewer blocking pairs), and never leave a mentee of a valid pair without
 * a mentor. A pair the coordinator ends is forbidden today (the two are not paired again).
 *
 * Complexity: O(p log p + c) for the pairs in force (p) and the coordinator's entries (c), plus the
 * strategy on the residual problem only: r mentees to place × m mentors (O(r·m) to build it dense), so a
 * few late joiners in a large programme cost little. With moves: the strategy on the whole programme per
 * bonus tried (at most 16), plus a blocking-pair scan for `stable`.
 *
 * @param input - today's instance with the ids of its rows and columns (a `ScoredInstance` is one), and
 *   who is excluded today and why.
 * @param previous - the pairs in force (mentee id → mentor id, a list of pairs, or a previous run).
 * @param options - strategy, ended pairs, who stays on a lowered capacity, moves allowed and their margin.
 * @returns the new matching (`mentorOf`), every change with its reason, and the counts.
 * @throws MatchingInputError (`INVALID_OPTION`) for unknown options, a mentee with two mentors in force,
 *   duplicate ids; the strategy's own errors for an invalid instance.
 * @throws InfeasibleError (`PIN_OVER_CAPACITY`) when the pairs to keep exceed a mentor's capacity.
 *
 * @example
 * const input = {
 *   instance: { scores: [[0.9, 0.1], [0.8, 0.7], [0.6, 0.5]] },
 *   mentees: [{ id: "S1" }, { id: "S2" }, { id: "S3" }],
 *   mentors: [{ id: "M1" }, { id: "M2" }],
 * };
 * // S2 stays with M1 (though M1 would rather have S1); M2's free seat goes to S3, whom M2 prefers to S1.
 * const r = rematch(input, { S2: "M1" });
 * r.changes.map((c) => `${c.change} ${c.mentor} ${c.mentee}`); // ["new M2 S3", "kept M1 S2"]
 */
export function rematch(
  input: RematchInput,
  previous: PreviousPairs,
  options?: RematchOptions,
): RematchResult {
  const { strategy, maxMoves, margin, ties } = complete(options);
  const base = input.instance;
  const shape = shapeOf(base);
  const menteeIx = indexOf(input.mentees, "mentee");
  const mentorIx = indexOf(input.mentors, "mentor");
  if (input.mentees.length !== shape.rows || input.mentors.length !== shape.cols) {
    throw new MatchingInputError(
      "INVALID_SHAPE",
      `Today's instance has ${shape.rows} mentees and ${shape.cols} mentors, but ${input.mentees.length} mentee ids and ${input.mentors.length} mentor ids were given.`,
      { hint: "Give one id per row (mentee) and per column (mentor) of the instance." },
    );
  }
  const excluded = new Map<string, string>();
  for (const e of input.excluded ?? []) excluded.set(e.id, e.reason);
  const pairs = previousPairs(previous);
  const notes: string[] = [];

  // The pairs the coordinator ends: forbidden today.
  const endedBy = new Map<string, string>();
  const endedCells: { mentee: number; mentor: number }[] = [];
  const inForce =
    (options?.ended?.length ?? 0) > 0 ? new Set(pairs.map((p) => `${p.mentee}\u0000${p.mentor}`)) : null;
  (options?.ended ?? []).forEach((e, k) => {
    const key = `${e.mentee}\u0000${e.mentor}`;
    endedBy.set(key, e.reason);
    if (!inForce!.has(key))
      notes.push(`ended entry ${k + 1} is not a pair in force; the pair is forbidden all the same`);
    const i = menteeIx.get(e.mentee);
    const j = mentorIx.get(e.mentor);
    if (i !== undefined && j !== undefined) endedCells.push({ mentee: i, mentor: j });
  });
  const instance = withForbidden(base, shape, endedCells);
  const capacity = capacitiesOf(instance, shape);
  const pinnedMentor = new Int32Array(shape.rows).fill(-1);
  let pinnedCount = 0;
  for (const p of instance.pinned ?? []) {
    pinnedMentor[p.mentee] = p.mentor;
    pinnedCount++;
  }

  // Classify each pair in force: a candidate to stay, or ended with the reason.
  const ended: RematchChange[] = [];
  const hadPair = new Uint8Array(shape.rows); // today's mentees whose pair in force ended
  const candidateOf = new Int32Array(shape.rows).fill(-1); // the mentor of each valid pair in force
  const candidateCount = new Int32Array(shape.cols);
  const end = (mentee: string, mentor: string, reason: ChangeReason, detail?: string) => {
    ended.push({ change: "ended", mentee, mentor, reason, ...(detail === undefined ? {} : { detail }) });
    const i = menteeIx.get(mentee);
    if (i !== undefined) hadPair[i] = 1;
  };
  // Each mentee at most once: today's by row, the others (gone) by id.
  const seenRow = new Int32Array(shape.rows).fill(-1);
  const seenGone = new Map<string, number>();
  const twice = (k: number, before: number) =>
    new MatchingInputError(
      "INVALID_OPTION",
      `Previous pairs ${before + 1} and ${k + 1} give the same mentee two mentors.`,
      { hint: "Give each mentee at most one mentor in the pairs in force." },
    );
  for (let k = 0; k < pairs.length; k++) {
    const p = pairs[k]!;
    const i = menteeIx.get(p.mentee);
    if (i !== undefined) {
      if (seenRow[i]! >= 0) throw twice(k, seenRow[i]!);
      seenRow[i] = k;
    } else {
      const before = seenGone.get(p.mentee);
      if (before !== undefined) throw twice(k, before);
      seenGone.set(p.mentee, k);
    }
    const j = mentorIx.get(p.mentor);
    const key = endedBy.size > 0 ? `${p.mentee}\u0000${p.mentor}` : "";
    if (i === undefined) {
      if (excluded.has(p.mentee)) end(p.mentee, p.mentor, "mentee-excluded", excluded.get(p.mentee));
      else end(p.mentee, p.mentor, "mentee-left");
    } else if (j === undefined) {
      if (excluded.has(p.mentor)) end(p.mentee, p.mentor, "mentor-excluded", excluded.get(p.mentor));
      else end(p.mentee, p.mentor, "mentor-left");
    } else if (endedBy.size > 0 && endedBy.has(key)) {
      end(p.mentee, p.mentor, "coordinator", endedBy.get(key));
    } else if (pinnedMentor[i]! >= 0 && pinnedMentor[i] !== j) {
      end(p.mentee, p.mentor, "pinned-elsewhere");
    } else if (pinnedMentor[i] === j) {
      // pinned to the same mentor: stays as a pin
    } else {
      const bar = pairBar(instance, shape, i, j);
      if (bar === null) {
        candidateOf[i] = j;
        candidateCount[j]!++;
      } else if (bar === "ineligible") {
        const rule = input.ineligibleReason?.(i, j)?.criterion;
        end(p.mentee, p.mentor, "no-longer-eligible", rule);
      } else end(p.mentee, p.mentor, bar);
    }
  }

  // Capacities: the programme's pins first, then the pairs to keep, then the best-scoring.
  const load = new Int32Array(shape.cols);
  for (let i = 0; i < shape.rows; i++) if (pinnedMentor[i]! >= 0) load[pinnedMentor[i]!]!++;
  const keepSet = new Set((options?.keep ?? []).map((p) => `${p.mentee}\u0000${p.mentor}`));
  const stay = new Int32Array(shape.rows).fill(-1); // mentor of each pair that stays
  const capacityCuts: CapacityCut[] = [];
  let over = false;
  for (let i = 0; i < shape.rows; i++) {
    const j = candidateOf[i]!;
    if (j < 0) continue;
    if (candidateCount[j]! <= capacity[j]! - load[j]!) stay[i] = j;
    else over = true;
  }
  for (let j = 0; over && j < shape.cols; j++) {
    const seats = capacity[j]! - load[j]!;
    if (candidateCount[j]! <= seats) continue;
    const group: number[] = [];
    for (let i = 0; i < shape.rows; i++) if (candidateOf[i] === j) group.push(i);
    const mentorId = input.mentors[j]!.id;
    const pinnedFirst = group.filter((i) => keepSet.has(`${input.mentees[i]!.id}\u0000${mentorId}`));
    if (pinnedFirst.length > seats) {
      throw new InfeasibleError(
        "PIN_OVER_CAPACITY",
        `The pairs to keep name ${pinnedFirst.length} mentees of mentor ${j} (column ${j + 1}), who now has ${Math.max(0, seats)} seats.`,
        { hint: "Keep no more pairs with this mentor than their capacity.", details: { mentor: j } },
      );
    }
    const rest = group
      .filter((i) => !pinnedFirst.includes(i))
      .sort(
        (a, b) =>
          scoreAt(instance, shape, b, j) - scoreAt(instance, shape, a, j) ||
          byCode(input.mentees[a]!.id, input.mentees[b]!.id),
      );
    const chosen = [...pinnedFirst, ...rest.slice(0, Math.max(0, seats - pinnedFirst.length))];
    const dropped = rest.slice(Math.max(0, seats - pinnedFirst.length));
    const rule = pinnedFirst.length === seats ? "coordinator" : "best-scoring";
    for (const i of chosen) stay[i] = j;
    for (const i of dropped) end(input.mentees[i]!.id, mentorId, "capacity-lowered", rule);
    capacityCuts.push({
      mentor: mentorId,
      capacity: capacity[j]!,
      previous: group.length,
      stayed: chosen.map((i) => input.mentees[i]!.id).sort(byCode),
      ended: dropped.map((i) => input.mentees[i]!.id).sort(byCode),
      rule,
    });
  }

  // The residual problem: everyone not staying and not pinned, over the seats left.
  const fixed = new Int32Array(shape.rows);
  const residualSeats = Int32Array.from(capacity);
  for (let i = 0; i < shape.rows; i++) {
    const j = pinnedMentor[i]! >= 0 ? pinnedMentor[i]! : stay[i]!;
    fixed[i] = j;
    if (j >= 0) residualSeats[j]!--;
  }
  const rest: number[] = [];
  for (let i = 0; i < shape.rows; i++) if (fixed[i]! < 0) rest.push(i);
  const keepRows = Int32Array.from(rest);
  let mentorOf: Int32Array = Int32Array.from(fixed);
  if (keepRows.length > 0) {
    const residual = solve(subInstance(instance, shape, keepRows, residualSeats), strategy, ties);
    for (let t = 0; t < keepRows.length; t++) mentorOf[keepRows[t]!] = residual.mentorOf[t]!;
  }

  // Allowed moves: a bonus on each pair that stays, raised until at most maxMoves are worth making.
  let staying = 0;
  for (let i = 0; i < shape.rows; i++) if (stay[i]! >= 0) staying++;
  if (maxMoves > 0 && staying > 0) {
    const moved = bestMoves(instance, shape, mentorOf, stay, {
      strategy,
      maxMoves,
      margin,
      ties,
    });
    if (moved !== null) mentorOf = moved;
  }

  // What changed: the ended (by ids), then the moved, new and kept, each by mentor id, then mentee id.
  ended.sort((a, b) => byCode(a.mentor, b.mentor) || byCode(a.mentee, b.mentee));
  const menteeRank = idRanks(input.mentees);
  const menteesInOrder = menteeRank.every((r, k) => r === k);
  const mentorRank = idRanks(input.mentors);
  const placed: RematchChange[] = [];
  const kind: number[] = []; // moved 1, new 2, kept 3 (the ended come first)
  const mentorKey: number[] = [];
  const menteeKey: number[] = [];
  const previousOf = pinnedCount > 0 ? new Map(pairs.map((p) => [p.mentee, p.mentor])) : null;
  for (let i = 0; i < shape.rows; i++) {
    const f = mentorOf[i]!;
    const j = stay[i]!;
    if (f < 0) continue;
    const mentee = input.mentees[i]!.id;
    const mentor = input.mentors[f]!.id;
    if (j >= 0 && f === j) {
      placed.push({ change: "kept", mentee, mentor, reason: "still-valid" });
      kind.push(3);
    } else if (j >= 0) {
      kind.push(1);
      placed.push({
        change: "moved",
        mentee,
        mentor,
        previousMentor: input.mentors[j]!.id,
        reason: "improves",
      });
    } else if (pinnedMentor[i]! >= 0 && previousOf?.get(mentee) === mentor) {
      placed.push({ change: "kept", mentee, mentor, reason: "still-valid" }); // a pin on a pair in force
      kind.push(3);
    } else {
      const reason: ChangeReason =
        pinnedMentor[i]! >= 0 ? "pinned" : hadPair[i] === 1 ? "re-placed" : "placed";
      placed.push({ change: "new", mentee, mentor, reason });
      kind.push(2);
    }
    mentorKey.push(mentorRank[f]!);
    menteeKey.push(menteeRank[i]!);
  }
  // Order by kind, mentor rank, mentee rank: a counting sort by mentor rank (stable), mentees already in
  // row order; then by mentee rank within a mentor only when the ids are not in row order.
  const byMentor = new Int32Array(shape.cols + 1);
  for (let k = 0; k < placed.length; k++) byMentor[mentorKey[k]! + 1]!++;
  for (let j = 0; j < shape.cols; j++) byMentor[j + 1]! += byMentor[j]!;
  const bucket = new Int32Array(placed.length);
  for (let k = 0; k < placed.length; k++) bucket[byMentor[mentorKey[k]!]!++] = k;
  if (!menteesInOrder) {
    for (let start = 0; start < bucket.length; ) {
      let stop = start + 1;
      while (stop < bucket.length && mentorKey[bucket[stop]!] === mentorKey[bucket[start]!]) stop++;
      bucket.subarray(start, stop).sort((a, b) => menteeKey[a]! - menteeKey[b]!);
      start = stop;
    }
  }
  const order: number[] = [];
  for (let kindWanted = 1; kindWanted <= 3; kindWanted++) {
    for (let t = 0; t < bucket.length; t++) if (kind[bucket[t]!] === kindWanted) order.push(bucket[t]!);
  }
  const changes: RematchChange[] = ended;
  for (let k = 0; k < order.length; k++) changes.push(placed[order[k]!]!);
  const counts = { kept: 0, new: 0, ended: 0, moved: 0 };
  for (const c of changes) counts[c.change]++;
  const worth = worthOf(instance, shape, mentorOf);
  return {
    strategy,
    instance,
    mentorOf,
    changes,
    counts,
    moves: counts.moved,
    capacityCuts,
    placedFrom: keepRows.length,
    matched: worth.matched,
    totalScore: worth.total,
    minScore: worth.worst,
    moveRule: { maxMoves, margin },
    notes,
  };
}

/**
 * The matching with moves: today's instance with a bonus on each pair that stays, solved by the strategy
 * over the whole programme. The bonus starts at the margin; while more than `maxMoves` pairs would move (or
 * a mentee of a pair that stays would be left without a mentor), it is raised — doubled, then bisected — so
 * that the moves made are those worth the most. The moves are then checked to improve the objective by the
 * margin. Null when no such matching is found (then nobody moves).
 */
function bestMoves(
  instance: MatchingInstance,
  shape: Shape,
  noMoves: Int32Array,
  stay: Int32Array,
  o: Completed,
): Int32Array | null {
  const evaluate = (bonus: number) => {
    // withBonus keeps the programme's own pins.
    const mentorOf = solve(withBonus(instance, shape, stay, bonus), o.strategy, o.ties).mentorOf;
    let moves = 0;
    let dropped = false;
    for (let i = 0; i < shape.rows; i++) {
      if (stay[i]! < 0 || mentorOf[i] === stay[i]) continue;
      if (mentorOf[i]! < 0) dropped = true;
      moves++;
    }
    return { mentorOf, moves, fits: !dropped && moves <= o.maxMoves };
  };
  let lo = Math.max(o.margin, 1e-6);
  let best = evaluate(lo);
  if (best.moves === 0) return null; // a larger bonus moves nobody either
  if (!best.fits) {
    let hi = lo;
    let found = false;
    for (let k = 0; k < 16 && !found; k++) {
      hi *= 2;
      const r = evaluate(hi);
      if (r.moves === 0) break;
      if (r.fits) {
        best = r;
        found = true;
      } else lo = hi;
    }
    // Bisect between a bonus with too many moves and one with few enough (or none).
    for (let k = 0; k < 24; k++) {
      const mid = (lo + hi) / 2;
      const r = evaluate(mid);
      if (!r.fits) lo = mid;
      else {
        hi = mid;
        if (r.moves > 0) {
          best = r;
          found = true;
        }
      }
    }
    if (!found) return null;
  }
  const before = worthOf(instance, shape, noMoves);
  const after = worthOf(instance, shape, best.mentorOf);
  const eps = 1e-9 * Math.max(1, Math.abs(before.total));
  if (after.matched !== before.matched) return after.matched > before.matched ? best.mentorOf : null;
  let better: boolean;
  if (o.strategy === "optimal") better = after.total >= before.total + o.margin * best.moves - eps;
  else if (o.strategy === "fair") {
    better =
      after.worst >= before.worst + o.margin - eps ||
      (after.worst >= before.worst - eps && after.total >= before.total + o.margin * best.moves - eps);
  } else better = blockingPairs(instance, best.mentorOf).length < blockingPairs(instance, noMoves).length;
  return better ? best.mentorOf : null;
}
