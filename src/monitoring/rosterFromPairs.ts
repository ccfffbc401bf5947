/** The pairs in force → the roster of monitoring. */
import * as z from "zod";
import { InputFileError } from "../errors.js";
import type { MonitorRole, Roster, RosterPerson } from "./types.js";

const person = z.object({ id: z.string().min(1).max(200), name: z.string().max(200).optional() });
const PairsJsonSchema = z.object({
  form: z.string().min(1).max(100),
  groups: z.array(z.object({ mentor: person, mentees: z.array(person) })),
  unmatched: z.array(person).default([]),
  idleMentors: z.array(person).default([]),
  excluded: z
    .array(z.object({ id: z.string().min(1), role: z.enum(["mentor", "mentee"]), reason: z.string() }))
    .default([]),
});

/**
 * Reads the pairs in force from one or more `pairs.json` files (what `match`, and later `rematch`, write):
 * every mentor and mentee with their group, the unmatched and idle (still participants), and who was left
 * out at matching (by id only, never reported). Several files (several forms of mentoring) are merged.
 *
 * Complexity: O(size of the files).
 *
 * @param files - each parsed JSON with the file name for messages.
 * @returns the roster.
 * @throws InputFileError `INVALID_VALUE` naming the file and the key when a file is not a pairs.json;
 *   `DUPLICATE_ID` when one code is in two files or twice in one.
 * @example
 * const roster = rosterFromPairs([{ file: "results/pairs.json", json: JSON.parse(text) }]);
 * roster.pairs.length; // the pairs in force
 */
export function rosterFromPairs(files: readonly { readonly file: string; readonly json: unknown }[]): Roster {
  const people: RosterPerson[] = [];
  const pairs: { mentor: string; mentee: string; form: string }[] = [];
  const excluded: { id: string; role: MonitorRole; reason: string }[] = [];
  const seen = new Map<string, string>();
  const add = (file: string, p: RosterPerson): void => {
    const other = seen.get(p.id);
    if (other !== undefined) {
      throw new InputFileError("DUPLICATE_ID", "A participant code appears twice in the pairs in force.", {
        location: { file },
        hint: "Give each program's pairs.json once; a participant can be in one pair (or group) only.",
        details: { otherFile: other },
      });
    }
    seen.set(p.id, file);
    people.push(p);
  };
  for (const { file, json } of files) {
    const parsed = PairsJsonSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InputFileError(
        "INVALID_VALUE",
        "This is not the pairs.json that `mentor-match match` writes.",
        {
          location: { file, column: issue.path.join(".") || "(root)" },
          hint: "Give the results folder of `mentor-match match` (or its pairs.json) with --pairs.",
          details: { what: "pairs-json" },
        },
      );
    }
    const { form, groups, unmatched, idleMentors } = parsed.data;
    const named = (p: { id: string; name?: string | undefined }) =>
      p.name === undefined ? {} : { name: p.name };
    for (const g of groups) {
      if (g.mentees.length === 0) continue; // an idle mentor: listed below
      add(file, { id: g.mentor.id, ...named(g.mentor), role: "mentor", form, group: g.mentor.id });
      for (const m of g.mentees) {
        add(file, { id: m.id, ...named(m), role: "mentee", form, group: g.mentor.id });
        pairs.push({ mentor: g.mentor.id, mentee: m.id, form });
      }
    }
    for (const m of unmatched) add(file, { id: m.id, ...named(m), role: "mentee", form });
    for (const m of idleMentors) add(file, { id: m.id, ...named(m), role: "mentor", form });
    for (const e of parsed.data.excluded) excluded.push(e);
  }
  return { people, pairs, excluded };
}
