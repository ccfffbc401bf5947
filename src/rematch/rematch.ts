/**
 * Re-matching with the least change during the program year: the pairs fixed by the order stay; only
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
import { indexIds } from "./_internal/idIndex.js";
import { bestMoves, worthOf } from "./_internal/moves.js";
import { capacitiesOf, pairBar, scoreAt, shapeOf } from "./_internal/cells.js";
import { byCode, forEachPreviousPair } from "./_internal/previous.js";
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

/** Whether the people are in code-unit order of their ids already. O(n). */
function inIdOrder(people: readonly { readonly id: string }[]): boolean {
  for (let k = 1; k < people.length; k++) if (byCode(people[k - 1]!.id, people[k]!.id) > 0) return false;
  return true;
}

/** The indices of the people in code-unit order of their ids. O(n) when sorted already, else O(n log n). */
function idOrder(people: readonly { readonly id: string }[]): Int32Array {
  const order = new Int32Array(people.length);
  for (let k = 0; k < order.length; k++) order[k] = k;
  if (!inIdOrder(people)) order.sort((a, b) => byCode(people[a]!.id, people[b]!.id));
  return order;
}

const MOVED = 1;
const NEW = 2;
const KEPT = 3;

/**
 * Re-matches today's program with the least change to the pairs in force.
 *
 * The objective, in order: (1) every pair in force that is still valid stays — its two are still in the
 * program, the pair is still allowed, the coordinator did not end it, and it fits the mentor's capacity
 * (when the capacity is now below the group, the pairs in `options.keep` stay first, then the
 * best-scoring); (2) everyone else (waiting mentees, late joiners, those whose pair ended) is placed over
 * the seats left free by `options.strategy`; (3) only with `maxMoves > 0`, pairs still valid may be moved.
 * A pair the coordinator ends is forbidden today (the two are not paired again).
 *
 * Moves (`maxMoves > 0`) are a heuristic with a checked guarantee. They are taken from the strategy's own
 * solution of the whole program with a bonus on each pair that would stay (the price of a move), the
 * bonus starting at `moveMargin` and raised until at most `maxMoves` pairs move; this is not guaranteed to
 * find the best set of at most `maxMoves` moves (an assignment with a budget on moves): of the solutions
 * tried with at most `maxMoves` moves, the one with the lowest bonus (the most moves) that passes this
 * check against the result without moves is made: (a) at most
 * `maxMoves` pairs in force move, and no mentee of a pair in force is left without a mentor; (b) the
 * strategy's objective over the whole program improves by at least `moveMargin` per move, on balance
 * (moves interact — a move frees a seat for another — so the gain is that of all of them together):
 * optimal — more pairs, or as many and a total higher by `moveMargin` × moves; fair — more pairs, or as
 * many, a worst pair no worse, and either a worst pair better by `moveMargin` or a total higher by
 * `moveMargin` × moves; stable — no fewer pairs and at least one blocking pair fewer per move. Otherwise
 * nobody moves.
 *
 * Complexity: O(n + m + p + c) expected for the pairs in force (p) and the coordinator's entries (c) —
 * typed arrays by row and column, ids looked up in one hash table per side — plus O(m log m) to order
 * the mentors' ids and O(n log n) for the mentees' only when they are not in id order already; plus the
 * strategy on the residual problem only: r mentees to place × the f mentors with a free seat (O(r·f) to
 * build it dense), so a few late joiners in a large program cost little. With moves: the strategy on the whole program per
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
  if (input.mentees.length !== shape.rows || input.mentors.length !== shape.cols) {
    throw new MatchingInputError(
      "INVALID_SHAPE",
      `Today's instance has ${shape.rows} mentees and ${shape.cols} mentors, but ${input.mentees.length} mentee ids and ${input.mentors.length} mentor ids were given.`,
      { hint: "Give one id per row (mentee) and per column (mentor) of the instance." },
    );
  }
  const { rows, cols } = shape;
  const menteeIx = indexIds(input.mentees, "mentee");
  const mentorIx = indexIds(input.mentors, "mentor");
  const menteeId = (i: number) => input.mentees[i]!.id;
  const mentorId = (j: number) => input.mentors[j]!.id;
  const excluded = new Map<string, string>();
  for (const e of input.excluded ?? []) excluded.set(e.id, e.reason);
  const notes: string[] = [];

  // The pairs the coordinator ends: forbidden today; those between two of today's people by cell.
  const endedList = options?.ended ?? [];
  const endedCells: { mentee: number; mentor: number }[] = [];
  const endedAt = new Map<number, string>(); // cell i·m + j → the coordinator's reason
  if (endedList.length > 0) {
    const inForce = new Set<string>();
    forEachPreviousPair(previous, (mentee, mentor) => inForce.add(`${mentee}\u0000${mentor}`));
    endedList.forEach((e, k) => {
      if (!inForce.has(`${e.mentee}\u0000${e.mentor}`))
        notes.push(`ended entry ${k + 1} is not a pair in force; the pair is forbidden all the same`);
      const i = menteeIx.get(e.mentee);
      const j = mentorIx.get(e.mentor);
      if (i >= 0 && j >= 0) {
        endedCells.push({ mentee: i, mentor: j });
        endedAt.set(i * cols + j, e.reason);
      }
    });
  }
  const instance = withForbidden(base, shape, endedCells);
  const capacity = capacitiesOf(instance, shape);
  const pinnedMentor = new Int32Array(rows).fill(-1);
  for (const p of instance.pinned ?? []) pinnedMentor[p.mentee] = p.mentor;

  // Each pair in force, by today's row: a candidate to stay, or ended with the reason.
  const ended: RematchChange[] = [];
  const hadPair = new Uint8Array(rows); // today's mentees whose pair in force ended
  const previousCol = new Int32Array(rows).fill(-1); // today's column of the mentor in force, if any
  const candidateOf = new Int32Array(rows).fill(-1); // the mentor of each valid pair in force
  const candidateCount = new Int32Array(cols);
  const end = (mentee: string, mentor: string, reason: ChangeReason, detail?: string) => {
    ended.push({ change: "ended", mentee, mentor, reason, ...(detail === undefined ? {} : { detail }) });
  };
  // Each mentee at most once: today's by row, the others (gone) by id.
  const seenRow = new Int32Array(rows).fill(-1);
  const seenGone = new Map<string, number>();
  const twice = (k: number, before: number) =>
    new MatchingInputError(
      "INVALID_OPTION",
      `Previous pairs ${before + 1} and ${k + 1} give the same mentee two mentors.`,
      { hint: "Give each mentee at most one mentor in the pairs in force." },
    );
  forEachPreviousPair(previous, (mentee, mentor, k) => {
    const i = menteeIx.get(mentee);
    if (i < 0) {
      const before = seenGone.get(mentee);
      if (before !== undefined) throw twice(k, before);
      seenGone.set(mentee, k);
      if (excluded.has(mentee)) end(mentee, mentor, "mentee-excluded", excluded.get(mentee));
      else end(mentee, mentor, "mentee-left");
      return;
    }
    if (seenRow[i]! >= 0) throw twice(k, seenRow[i]!);
    seenRow[i] = k;
    const j = mentorIx.get(mentor);
    if (j < 0) {
      hadPair[i] = 1;
      if (excluded.has(mentor)) end(mentee, mentor, "mentor-excluded", excluded.get(mentor));
      else end(mentee, mentor, "mentor-left");
      return;
    }
    previousCol[i] = j;
  });
  for (let i = 0; i < rows; i++) {
    const j = previousCol[i]!;
    if (j < 0) continue;
    const reason = endedAt.size > 0 ? endedAt.get(i * cols + j) : undefined;
    let bar: ChangeReason | null = null;
    let detail: string | undefined;
    if (reason !== undefined) {
      bar = "coordinator";
      detail = reason;
    } else if (pinnedMentor[i]! >= 0) {
      if (pinnedMentor[i] !== j)
        bar = "pinned-elsewhere"; // pinned to the same mentor: stays as a pin
      else continue;
    } else {
      const why = pairBar(instance, shape, i, j);
      if (why === "ineligible") {
        bar = "no-longer-eligible";
        detail = input.ineligibleReason?.(i, j)?.criterion;
      } else bar = why;
    }
    if (bar === null) {
      candidateOf[i] = j;
      candidateCount[j]!++;
    } else {
      hadPair[i] = 1;
      end(menteeId(i), mentorId(j), bar, detail);
    }
  }

  // Capacities: the program's pins first, then the pairs to keep, then the best-scoring.
  const load = new Int32Array(cols);
  for (let i = 0; i < rows; i++) if (pinnedMentor[i]! >= 0) load[pinnedMentor[i]!]!++;
  const stay = new Int32Array(rows).fill(-1); // mentor of each pair that stays
  const capacityCuts: CapacityCut[] = [];
  let over = false;
  for (let i = 0; i < rows; i++) {
    const j = candidateOf[i]!;
    if (j < 0) continue;
    if (candidateCount[j]! <= capacity[j]! - load[j]!) stay[i] = j;
    else over = true;
  }
  if (over) {
    const keepSet = new Set((options?.keep ?? []).map((p) => `${p.mentee}\u0000${p.mentor}`));
    for (let j = 0; j < cols; j++) {
      const seats = capacity[j]! - load[j]!;
      if (candidateCount[j]! <= seats) continue;
      const group: number[] = [];
      for (let i = 0; i < rows; i++) if (candidateOf[i] === j) group.push(i);
      const pinnedFirst = group.filter((i) => keepSet.has(`${menteeId(i)}\u0000${mentorId(j)}`));
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
            byCode(menteeId(a), menteeId(b)),
        );
      const chosen = [...pinnedFirst, ...rest.slice(0, Math.max(0, seats - pinnedFirst.length))];
      const dropped = rest.slice(Math.max(0, seats - pinnedFirst.length));
      const rule = pinnedFirst.length === seats ? "coordinator" : "best-scoring";
      for (const i of chosen) stay[i] = j;
      for (const i of dropped) {
        hadPair[i] = 1;
        end(menteeId(i), mentorId(j), "capacity-lowered", rule);
      }
      capacityCuts.push({
        mentor: mentorId(j),
        capacity: capacity[j]!,
        previous: group.length,
        stayed: chosen.map(menteeId).sort(byCode),
        ended: dropped.map(menteeId).sort(byCode),
        rule,
      });
    }
  }

  capacityCuts.sort((a, b) => byCode(a.mentor, b.mentor)); // by mentor id, whatever the column order

  // The residual problem: everyone not staying and not pinned, over the mentors with a seat left.
  const fixed = new Int32Array(rows);
  const residualSeats = Int32Array.from(capacity);
  let restCount = 0;
  let staying = 0;
  for (let i = 0; i < rows; i++) {
    const j = pinnedMentor[i]! >= 0 ? pinnedMentor[i]! : stay[i]!;
    fixed[i] = j;
    if (j >= 0) residualSeats[j]!--;
    else restCount++;
    if (stay[i]! >= 0) staying++;
  }
  const keepRows = new Int32Array(restCount);
  for (let i = 0, t = 0; i < rows; i++) if (fixed[i]! < 0) keepRows[t++] = i;
  let openCount = 0;
  for (let j = 0; j < cols; j++) if (residualSeats[j]! > 0) openCount++;
  const openCols = new Int32Array(openCount);
  for (let j = 0, u = 0; j < cols; j++) if (residualSeats[j]! > 0) openCols[u++] = j;
  let mentorOf: Int32Array = fixed;
  if (keepRows.length > 0 && openCols.length > 0) {
    const residual = solve(subInstance(instance, shape, keepRows, openCols, residualSeats), strategy, ties);
    for (let t = 0; t < keepRows.length; t++) {
      const u = residual.mentorOf[t]!;
      mentorOf[keepRows[t]!] = u < 0 ? -1 : openCols[u]!;
    }
  }

  // Allowed moves: a bonus on each pair that stays, raised until at most maxMoves are worth making.
  if (maxMoves > 0 && staying > 0) {
    // Moves of equal worth part by mentee id: the bonus of each pair grows a little with the id's rank.
    const rank = idOrder(input.mentees);
    const scale = new Float64Array(rows);
    for (let r = 0; r < rows; r++) scale[rank[r]!] = 1 + (1e-3 * r) / rows;
    const moved = bestMoves(instance, shape, mentorOf, stay, scale, { strategy, maxMoves, margin, ties });
    if (moved !== null) mentorOf = moved;
  }

  // What changed: the ended (by ids), then the moved, new and kept, each by mentor id, then mentee id.
  ended.sort((a, b) => byCode(a.mentor, b.mentor) || byCode(a.mentee, b.mentee));
  const changes: RematchChange[] = ended;
  const counts = { kept: 0, new: 0, ended: ended.length, moved: 0 };
  const kind = new Uint8Array(rows); // moved 1, new 2, kept 3; 0 = no mentor
  for (let i = 0; i < rows; i++) {
    const f = mentorOf[i]!;
    if (f < 0) continue;
    const j = stay[i]!;
    if (j >= 0) kind[i] = f === j ? KEPT : MOVED;
    else if (pinnedMentor[i]! >= 0 && previousCol[i] === f)
      kind[i] = KEPT; // a pin on a pair in force
    else kind[i] = NEW;
  }
  // Mentors by id, each mentor's mentees by id: a bucket per mentor (rows in order), sorted within the
  // bucket only when the mentees' ids are not in row order.
  const groupStart = new Int32Array(cols + 1);
  for (let i = 0; i < rows; i++) if (mentorOf[i]! >= 0) groupStart[mentorOf[i]! + 1]!++;
  for (let j = 0; j < cols; j++) groupStart[j + 1]! += groupStart[j]!;
  const member = new Int32Array(groupStart[cols]!);
  const fill = groupStart.slice(0, cols);
  for (let i = 0; i < rows; i++) if (mentorOf[i]! >= 0) member[fill[mentorOf[i]!]!++] = i;
  if (!inIdOrder(input.mentees)) {
    for (let j = 0; j < cols; j++) {
      if (groupStart[j + 1]! - groupStart[j]! > 1) {
        member.subarray(groupStart[j]!, groupStart[j + 1]!).sort((a, b) => byCode(menteeId(a), menteeId(b)));
      }
    }
  }
  const mentorOrder = idOrder(input.mentors);
  for (let wanted = MOVED; wanted <= KEPT; wanted++) {
    for (let r = 0; r < cols; r++) {
      const j = mentorOrder[r]!;
      for (let q = groupStart[j]!; q < groupStart[j + 1]!; q++) {
        const i = member[q]!;
        if (kind[i] !== wanted) continue;
        const mentee = menteeId(i);
        const mentor = mentorId(j);
        if (wanted === KEPT) {
          changes.push({ change: "kept", mentee, mentor, reason: "still-valid" });
          counts.kept++;
        } else if (wanted === MOVED) {
          changes.push({
            change: "moved",
            mentee,
            mentor,
            previousMentor: mentorId(stay[i]!),
            reason: "improves",
          });
          counts.moved++;
        } else {
          const reason: ChangeReason =
            pinnedMentor[i]! >= 0 ? "pinned" : hadPair[i] === 1 ? "re-placed" : "placed";
          changes.push({ change: "new", mentee, mentor, reason });
          counts.new++;
        }
      }
    }
  }
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
