/** The participant reader's last step: preference cells turned into partner ids of the other role. */
import type { ReadWarning } from "../participantTypes.js";
import type { Draft } from "./participantDraft.js";
import { entryKeys, personKeys } from "./personKeys.js";
import { isBlank } from "./text.js";

/**
 * Turns each preference cell into partner ids of the other role (by id, e-mail, full name or surname), in
 * the cell's order without repeats; an entry naming nobody, or several people, is a warning naming the row
 * and the entry's place, never a person. O(P · k) for P entries and k lookup keys per entry.
 */
export function resolvePreferences(drafts: readonly Draft[], warnings: ReadWarning[]): void {
  const index = { mentor: new Map<string, string[]>(), mentee: new Map<string, string[]>() };
  const add = (role: "mentor" | "mentee", key: string, id: string): void => {
    if (key === "") return;
    const list = index[role].get(key);
    if (list === undefined) index[role].set(key, [id]);
    else if (!list.includes(id)) list.push(id);
  };
  for (const { record } of drafts) {
    for (const key of personKeys(record)) add(record.role, key, record.id);
  }
  for (const d of drafts) {
    const cell = d.preferenceCell;
    if (cell === null || isBlank(cell)) continue;
    const other = d.record.role === "mentor" ? "mentee" : "mentor";
    const entries = cell
      .split(/[,;\n\r]+|\s\/\s|\d+\)\s*/)
      .map((e) => e.trim().replace(/^\d+[.)]\s*/, ""))
      .filter(
        (e) =>
          e !== "" &&
          !/^(нет|no|none|-|не знаю|любой|any|не важно|без разницы|всё равно|все равно|нет предпочтений|no preference|no preferences|n\/a|anyone)$/i.test(
            e,
          ),
      );
    for (let p = 0; p < entries.length; p++) {
      const entry = entries[p]!;
      const lookups = entryKeys(entry);
      let found: string[] | undefined;
      for (const l of lookups) {
        if (l === "") continue;
        found = index[other].get(l);
        if (found !== undefined) break;
      }
      const where = { ...d.source, column: d.preferenceColumn };
      if (found === undefined) {
        warnings.push({
          code: "UNKNOWN_PREFERENCE",
          message: `Preference ${p + 1} names no ${other} (by id, e-mail, name or surname); it is left out.`,
          location: where,
          details: { entry: p + 1, id: d.record.id },
        });
      } else if (found.length > 1) {
        warnings.push({
          code: "AMBIGUOUS_PREFERENCE",
          // The candidates are not named: a message names rows, never people (an id may be an e-mail).
          message: `Preference ${p + 1} fits ${found.length} ${other}s; it is left out. Write the full name or the e-mail.`,
          location: where,
          details: { entry: p + 1, id: d.record.id, candidates: found.length },
        });
      } else if (!d.record.preferences.includes(found[0]!)) {
        d.record.preferences.push(found[0]!);
      }
    }
  }
}
