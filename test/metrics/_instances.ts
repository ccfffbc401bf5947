/**
 * fast-check arbitraries of small matching instances for the stable-matching and metrics tests.
 *
 * Modes: `scores` (one score matrix, both sides prefer higher scores), `lists` (scores give acceptability,
 * both sides rank by lists), `menteeLists` / `mentorLists` (one side ranks by list, the other by score),
 * `listsOnly` (no scores at all). With `strict`, scores are distinct, so nobody is indifferent.
 */
import fc from "fast-check";
import type { MatchingInstance, PinnedPair } from "./_api.js";

export type Mode = "scores" | "lists" | "menteeLists" | "mentorLists" | "listsOnly";

export interface InstanceShape {
  readonly maxMentees?: number;
  readonly maxMentors?: number;
  readonly maxCapacity?: number;
  readonly minCapacity?: number;
  readonly minMentees?: number;
  readonly minMentors?: number;
  /** Every list names every partner (otherwise about a third of the lists leave one out). */
  readonly completeLists?: boolean;
  readonly strict?: boolean;
  readonly pins?: boolean;
  readonly modes?: readonly Mode[];
  readonly forbidden?: boolean;
}

function shuffle<T>(items: T[], draws: readonly number[]): T[] {
  const out = [...items];
  for (let k = out.length - 1; k > 0; k--) {
    const r = (draws[k % draws.length] ?? 0) % (k + 1);
    [out[k], out[r]] = [out[r]!, out[k]!];
  }
  return out;
}

/** A small instance and the mode it was built in. */
export function smallInstance(
  shape: InstanceShape = {},
): fc.Arbitrary<{ instance: MatchingInstance; mode: Mode }> {
  const maxMentees = shape.maxMentees ?? 5;
  const maxMentors = shape.maxMentors ?? 4;
  const maxCapacity = shape.maxCapacity ?? 2;
  const minCapacity = shape.minCapacity ?? 0;
  const modes = shape.modes ?? ["scores", "lists", "menteeLists", "mentorLists", "listsOnly"];
  return fc
    .record({
      n: fc.noBias(fc.integer({ min: shape.minMentees ?? 1, max: maxMentees })),
      m: fc.noBias(fc.integer({ min: shape.minMentors ?? 1, max: maxMentors })),
      mode: fc.constantFrom(...modes),
    })
    .chain(({ n, m, mode }) =>
      fc.record({
        n: fc.constant(n),
        m: fc.constant(m),
        mode: fc.constant(mode),
        // Scores: small integers (many ties) or distinct values; -Infinity = not allowed.
        raw: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n * m, maxLength: n * m }),
        order: fc.array(fc.noBias(fc.nat()), { minLength: n * m, maxLength: n * m }),
        listDraws: fc.array(fc.noBias(fc.nat()), {
          minLength: (n + m) * Math.max(n, m),
          maxLength: (n + m) * Math.max(n, m),
        }),
        missing: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n * m, maxLength: n * m }),
        capacities: fc.array(fc.integer({ min: minCapacity, max: maxCapacity }), {
          minLength: m,
          maxLength: m,
        }),
        pinDraws: fc.array(fc.nat(), { minLength: n, maxLength: n }),
        forbidDraws: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n * m, maxLength: n * m }),
        listCut: fc.array(fc.nat(), { minLength: n + m, maxLength: n + m }),
        minScore: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
        seed: fc.integer({ min: 0, max: 1000 }),
      }),
    )
    .map(
      ({
        n,
        m,
        mode,
        raw,
        order,
        listDraws,
        missing,
        capacities,
        pinDraws,
        forbidDraws,
        listCut,
        minScore,
        seed,
      }) => {
        const strict = shape.strict ?? false;
        // Distinct scores from a random order of the cells.
        const rank = shuffle(
          Array.from({ length: n * m }, (_, k) => k),
          order,
        );
        const scores: number[][] = [];
        for (let i = 0; i < n; i++) {
          const row: number[] = [];
          for (let j = 0; j < m; j++) {
            const k = i * m + j;
            const value = strict ? rank[k]! + 3 : raw[k]!;
            row.push(missing[k] === 0 ? Number.NEGATIVE_INFINITY : value);
          }
          scores.push(row);
        }
        const allowed = (i: number, j: number): boolean =>
          mode === "listsOnly" ||
          (scores[i]![j]! !== Number.NEGATIVE_INFINITY &&
            (minScore === undefined || scores[i]![j]! >= minScore));
        const w = Math.max(n, m);
        const menteePreferences: number[][] = [];
        for (let i = 0; i < n; i++) {
          const all = shuffle(
            Array.from({ length: m }, (_, j) => j),
            listDraws.slice(i * w, (i + 1) * w),
          );
          menteePreferences.push(
            all.slice(0, m - (shape.completeLists !== true && (listCut[i] ?? 0) % 3 === 0 ? 1 : 0)),
          );
        }
        const mentorPreferences: number[][] = [];
        for (let j = 0; j < m; j++) {
          const all = shuffle(
            Array.from({ length: n }, (_, i) => i),
            listDraws.slice((n + j) * w, (n + j + 1) * w),
          );
          mentorPreferences.push(
            all.slice(0, n - (shape.completeLists !== true && (listCut[n + j] ?? 0) % 3 === 0 ? 1 : 0)),
          );
        }
        const forbidden = new Uint8Array(n * m);
        if (shape.forbidden !== false)
          for (let k = 0; k < n * m; k++) forbidden[k] = forbidDraws[k] === 0 && (k & 1) === 0 ? 1 : 0;
        const usable = (i: number, j: number): boolean => allowed(i, j) && forbidden[i * m + j] === 0;
        const pinned: PinnedPair[] = [];
        if (shape.pins === true) {
          const load = new Array<number>(m).fill(0);
          for (let i = 0; i < n; i++) {
            const draw = pinDraws[i]!;
            if (draw % 4 !== 0) continue;
            const j = (draw >> 2) % m;
            const listsOk =
              mode !== "listsOnly" ||
              (menteePreferences[i]!.includes(j) && mentorPreferences[j]!.includes(i));
            if (usable(i, j) && listsOk && load[j]! < capacities[j]!) {
              load[j]!++;
              pinned.push({ mentee: i, mentor: j });
            }
          }
        }
        const instance: MatchingInstance = {
          ...(mode === "listsOnly" ? { rows: n, cols: m } : { scores }),
          capacities,
          // Without rules there is no mask at all (the metrics take their fastest path only then).
          ...(shape.forbidden !== false ? { forbidden } : {}),
          ...(pinned.length > 0 ? { pinned } : {}),
          ...(minScore !== undefined && mode !== "listsOnly" ? { minScore } : {}),
          ...(mode === "lists" || mode === "menteeLists" || mode === "listsOnly"
            ? { menteePreferences }
            : {}),
          ...(mode === "lists" || mode === "mentorLists" || mode === "listsOnly"
            ? { mentorPreferences }
            : {}),
          seed,
        };
        return { instance, mode };
      },
    );
}

/** The same instance with mentees renamed by `rowPerm` (new i = rowPerm[old i]) and mentors by `colPerm`. */
export function relabel(
  instance: MatchingInstance,
  rowPerm: readonly number[],
  colPerm: readonly number[],
): MatchingInstance {
  const n = rowPerm.length;
  const m = colPerm.length;
  const out: Record<string, unknown> = { ...instance };
  if (instance.scores !== undefined) {
    const old = instance.scores as readonly (readonly number[])[];
    const scores: number[][] = Array.from({ length: n }, () => new Array<number>(m).fill(0));
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) scores[rowPerm[i]!]![colPerm[j]!] = old[i]![j]!;
    out.scores = scores;
  }
  if (instance.forbidden !== undefined) {
    const f = new Uint8Array(n * m);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < m; j++) f[rowPerm[i]! * m + colPerm[j]!] = instance.forbidden[i * m + j]!;
    out.forbidden = f;
  }
  if (instance.capacities !== undefined) {
    const c = new Array<number>(m).fill(0);
    for (let j = 0; j < m; j++) c[colPerm[j]!] = instance.capacities[j]!;
    out.capacities = c;
  }
  if (instance.pinned !== undefined) {
    out.pinned = instance.pinned.map((p) => ({ mentee: rowPerm[p.mentee]!, mentor: colPerm[p.mentor]! }));
  }
  if (instance.menteePreferences !== undefined) {
    const lists: number[][] = new Array(n);
    for (let i = 0; i < n; i++) lists[rowPerm[i]!] = instance.menteePreferences[i]!.map((j) => colPerm[j]!);
    out.menteePreferences = lists;
  }
  if (instance.mentorPreferences !== undefined) {
    const lists: number[][] = new Array(m);
    for (let j = 0; j < m; j++) lists[colPerm[j]!] = instance.mentorPreferences[j]!.map((i) => rowPerm[i]!);
    out.mentorPreferences = lists;
  }
  return out as unknown as MatchingInstance;
}

/** A random permutation of 0..n-1 as an arbitrary. */
export function permutation(n: number): fc.Arbitrary<number[]> {
  return fc.array(fc.nat(), { minLength: n, maxLength: n }).map((draws) =>
    shuffle(
      Array.from({ length: n }, (_, k) => k),
      draws,
    ),
  );
}

/** How mentee i values mentor j under the instance's preferences (naive; null = unacceptable). */
export function menteeValue(instance: MatchingInstance, i: number, j: number): number | null {
  if (!acceptable(instance, i, j)) return null;
  const list = instance.menteePreferences?.[i];
  if (list !== undefined) return -list.indexOf(j);
  return (instance.scores as readonly (readonly number[])[])[i]![j]!;
}

/** Naive acceptability of (i, j): scores allow it, not forbidden, listed by each side with a list. */
export function acceptable(instance: MatchingInstance, i: number, j: number): boolean {
  const m =
    instance.mentorPreferences?.length ?? (instance.scores as readonly (readonly number[])[])[0]!.length;
  if (instance.forbidden !== undefined && instance.forbidden[i * m + j] !== 0) return false;
  if (instance.scores !== undefined) {
    const s = (instance.scores as readonly (readonly number[])[])[i]![j]!;
    if (s === Number.NEGATIVE_INFINITY || s < (instance.minScore ?? Number.NEGATIVE_INFINITY)) return false;
  }
  if (instance.menteePreferences !== undefined && !instance.menteePreferences[i]!.includes(j)) return false;
  if (instance.mentorPreferences !== undefined && !instance.mentorPreferences[j]!.includes(i)) return false;
  return true;
}

/** Dense number[][] scores as CSR (the -Infinity cells left out), or as a flat Float64Array. */
export function reshape(instance: MatchingInstance, form: "rows" | "flat" | "csr"): MatchingInstance {
  if (instance.scores === undefined || form === "rows") return instance;
  const rows = instance.scores as number[][];
  const n = rows.length;
  const m = instance.capacities!.length;
  if (form === "flat") return { ...instance, scores: Float64Array.from(rows.flat()), rows: n, cols: m };
  const rowStart = new Int32Array(n + 1);
  const col: number[] = [];
  const value: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = m - 1; j >= 0; j--) {
      // Reverse order within a row: CSR rows need not be sorted.
      if (rows[i]![j]! !== Number.NEGATIVE_INFINITY) {
        col.push(j);
        value.push(rows[i]![j]!);
      }
    }
    rowStart[i + 1] = col.length;
  }
  return {
    ...instance,
    scores: { rows: n, cols: m, rowStart, col: Int32Array.from(col), value: Float64Array.from(value) },
  };
}
