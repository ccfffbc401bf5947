/**
 * Today's people by id: an open-addressing hash table of row (or column) indices over their ids, built
 * once per call. Re-matching looks up every pair in force (thousands) and, in a large program, building
 * a `Map` of 5,000 string keys cost more than everything else `rematch` does (about 4× the CPU of this
 * table, which is one `Int32Array` and no per-entry allocation).
 */
import { MatchingInputError } from "../../errors.js";

/** FNV-1a over the UTF-16 code units of the id. */
function hashOf(id: string): number {
  let h = 0x811c9dc5;
  for (let c = 0; c < id.length; c++) h = Math.imul(h ^ id.charCodeAt(c), 0x01000193);
  return h >>> 0;
}

/** Index of each person by id; `get` gives -1 for an id not among them. */
export interface IdIndex {
  get(id: string): number;
}

/**
 * Indexes the people by id. O(total id length) expected; a slot table of at least twice the people.
 * @param people - the people, in row (or column) order.
 * @param side - "mentee" or "mentor", to name the side in the error.
 * @throws MatchingInputError (`INVALID_OPTION`) when two people share an id (naming their rows) or one has
 *   no id.
 */
export function indexIds(people: readonly { readonly id: string }[], side: string): IdIndex {
  const n = people.length;
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const slot = new Int32Array(size).fill(-1);
  for (let k = 0; k < n; k++) {
    const id = people[k]?.id;
    if (typeof id !== "string") {
      throw new MatchingInputError("INVALID_OPTION", `The ${side} of row ${k + 1} has no id (a string).`, {
        hint: "Give every participant a unique id (code).",
      });
    }
    let s = hashOf(id) & mask;
    for (let at = slot[s]!; at >= 0; at = slot[s]!) {
      if (people[at]!.id === id) {
        throw new MatchingInputError(
          "INVALID_OPTION",
          `Two ${side}s of today's program share an id (rows ${at + 1} and ${k + 1}).`,
          { hint: "Give every participant a unique id (code)." },
        );
      }
      s = (s + 1) & mask;
    }
    slot[s] = k;
  }
  return {
    get(id: string): number {
      if (typeof id !== "string") return -1;
      let s = hashOf(id) & mask;
      for (let at = slot[s]!; at >= 0; at = slot[s]!) {
        if (people[at]!.id === id) return at;
        s = (s + 1) & mask;
      }
      return -1;
    },
  };
}
