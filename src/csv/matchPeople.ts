/** Finds the people another file names (a previous run, a coordinator's list) among today's participants. */
import { entryKeys, personKeys } from "./_internal/personKeys.js";

/** A person as today's questionnaires give them. */
export interface KnownPerson {
  readonly id: string;
  readonly role: "mentor" | "mentee";
  readonly email?: string | undefined;
  readonly name?: string | undefined;
}

/** A person as another file names them: by code (which may be an e-mail) and, if known, full name. */
export interface NamedPerson {
  readonly id: string;
  readonly role: "mentor" | "mentee";
  readonly name?: string | undefined;
}

/** Today's id of a person, `null` when nobody fits, or `"ambiguous"` when several people fit equally. */
export type PersonMatch = string | null | "ambiguous";

/**
 * Finds each named person among today's people of the same role, as preferences are resolved: by code
 * first, then by e-mail (a code that is an e-mail), then by full name (in any word order). The first of
 * these that fits one person wins; a look-up that fits several is `"ambiguous"` (never guessed). A surname
 * alone is not enough here: a pair in force must not pass to a namesake.
 *
 * Complexity: O(P + N) for P named and N known people (hash look-ups).
 *
 * @param known - today's people (ids, e-mails, names).
 * @param named - the people to find.
 * @returns today's id for each named person, in the same order.
 * @throws never.
 * @example
 * matchPeople([{ id: "A-7", role: "mentor", name: "Иванов Иван" }], [{ id: "M01", role: "mentor", name: "Иван Иванов" }]);
 * // ["A-7"]
 */
export function matchPeople(known: readonly KnownPerson[], named: readonly NamedPerson[]): PersonMatch[] {
  const index = { mentor: new Map<string, string[]>(), mentee: new Map<string, string[]>() };
  for (const p of known) {
    for (const key of personKeys(p)) {
      if (!/^(id|email|name|sorted):/.test(key)) continue;
      const list = index[p.role].get(key);
      if (list === undefined) index[p.role].set(key, [p.id]);
      else if (!list.includes(p.id)) list.push(p.id);
    }
  }
  return named.map((p) => {
    const [byId, byEmail] = entryKeys(p.id);
    const byName = p.name === undefined || p.name.trim() === "" ? [] : entryKeys(p.name).slice(2, 4);
    for (const key of [byId!, p.id.includes("@") ? byEmail! : "", ...byName]) {
      if (key === "") continue;
      const found = index[p.role].get(key);
      if (found === undefined) continue;
      return found.length === 1 ? found[0]! : "ambiguous";
    }
    return null;
  });
}
