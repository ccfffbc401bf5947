/** Stable codes that stand for people in outputs meant to be shared (`--pseudonymize`). */

const MIN_DIGITS = 4;
const MAX_DIGITS = 8;

/** FNV-1a, 32 bits, over the UTF-16 code units of `text`, from `basis`. */
function fnv1a(text: string, basis: number): number {
  let h = basis >>> 0;
  for (let k = 0; k < text.length; k++) {
    h ^= text.charCodeAt(k);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Eight hexadecimal digits derived from the seed and the id; never from a name. */
function digest(id: string, seed: number): string {
  const key = `${seed}\u0000${id}`;
  const a = fnv1a(key, 0x811c9dc5);
  return a.toString(16).toUpperCase().padStart(8, "0");
}

/**
 * Gives every participant id a code such as `P-3F9A`, derived from the id and the seed only, so the same
 * person gets the same code in every output of a run and in every run with the same seed, whatever the
 * row order. Codes have 4 hexadecimal digits, more when two ids of the run would share a code (up to 8;
 * past that a counter suffix keeps them apart), so they are unique within the run.
 *
 * Complexity: O(n · L) for n ids of length L (plus a sort of the ids, O(n log n), on a collision).
 *
 * @param ids - the ids of everyone in the outputs (mentors, mentees, the excluded).
 * @param seed - the run's seed.
 * @returns id → code.
 * @throws never.
 *
 * @example
 * pseudonymCodes(["S01", "M01"], 7).get("S01"); // e.g. "P-3F9A"
 */
export function pseudonymCodes(ids: Iterable<string>, seed: number): Map<string, string> {
  const unique = [...new Set(ids)].sort();
  const full = new Map(unique.map((id) => [id, digest(id, seed)]));
  let digits = MIN_DIGITS;
  for (; digits < MAX_DIGITS; digits++) {
    const seen = new Set<string>();
    let clash = false;
    for (const d of full.values()) {
      const short = d.slice(0, digits);
      if (seen.has(short)) {
        clash = true;
        break;
      }
      seen.add(short);
    }
    if (!clash) break;
  }
  const out = new Map<string, string>();
  const taken = new Map<string, number>();
  for (const id of unique) {
    const base = `P-${full.get(id)!.slice(0, digits)}`;
    const n = taken.get(base) ?? 0;
    taken.set(base, n + 1);
    out.set(id, n === 0 ? base : `${base}-${n + 1}`);
  }
  return out;
}
