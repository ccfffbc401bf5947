/** E-mails of the participants, learnt from the exports that give both the code and the e-mail. */
import { STANDARD_FIELDS } from "../csv/_internal/fields.js";
import { normalizeKey } from "../csv/_internal/text.js";
import { mapColumns } from "../csv/mapColumns.js";
import type { CsvTable } from "../csv/readCsv.js";
import type { Roster } from "./types.js";

/**
 * pairs.json holds codes and names but no e-mails; a diagnostic export often has a code and an e-mail in
 * the same row. This learns each participant's e-mail from such rows, so that a row of another export
 * that gives only the e-mail resolves too. An e-mail seen with two different codes is learnt for neither.
 *
 * Complexity: O(rows of the tables).
 *
 * @param roster - from `rosterFromPairs`.
 * @param tables - the exports to learn from.
 * @returns the roster with e-mails.
 * @throws never.
 * @example
 * const roster2 = learnEmails(roster, [start, q1, final]);
 */
export function learnEmails(roster: Roster, tables: readonly CsvTable[]): Roster {
  const fields = STANDARD_FIELDS.filter((f) => f.key === "id" || f.key === "email");
  const known = new Map<string, string>();
  for (const p of roster.people) known.set(normalizeKey(p.id), p.id);
  const emailTo = new Map<string, string | null>();
  for (const t of tables) {
    const m = mapColumns(t.header, fields);
    const ci = m.byKey.get("id");
    const ce = m.byKey.get("email");
    if (ci === undefined || ce === undefined) continue;
    for (const { cells } of t.rows) {
      const id = known.get(normalizeKey(cells[ci] ?? ""));
      const email = (cells[ce] ?? "").trim().toLowerCase();
      if (id === undefined || !email.includes("@")) continue;
      const was = emailTo.get(email);
      emailTo.set(email, was === undefined || was === id ? id : null);
    }
  }
  const emailOf = new Map<string, string>();
  for (const [email, id] of emailTo) if (id !== null && !emailOf.has(id)) emailOf.set(id, email);
  return {
    ...roster,
    people: roster.people.map((p) => (emailOf.has(p.id) ? { ...p, email: emailOf.get(p.id)! } : p)),
  };
}
